"""A deterministic generator of realistic synthetic article libraries, for benchmarks.

    python -m tests.synthetic DIR --count N [--seed S]

About half French, half English; 80 % plain text in the sample's form (title,
byline, paragraphs), 20 % Markdown with YAML front matter; one folder per year.
Words follow a Zipf-like law over ~300 real common words per language, some
topical words, names, and 60,000 pseudo-words per language built from
syllables, plus a few coined rare words per article (the long tail), so the
corpus has the vocabulary size of real text (which is what makes index build
times realistic). Same (count, seed) → byte-identical files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import json
import random
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PSEUDO_WORDS = 60_000  # per language
FIRST_DAY, LAST_DAY = dt.date(1990, 1, 1).toordinal(), dt.date(2026, 6, 30).toordinal()
MARKDOWN_SHARE = 0.2
# Paragraphs are finished once the target is reached: at most 8 sentences of
# at most 25 words (names included) more, so articles stay within 300..1500 words.
MIN_TARGET, MAX_TARGET, MODE_TARGET = 300, 1290, 600

COMMON = {
    "fr": """de la le et les des à en un une du est que pour dans qui sur au par pas plus ne se il
    ce avec ont sont elle son sa ses aux ou mais nous comme été être fait leur cette tout tous on
    aussi après selon entre depuis contre sans sous très bien deux trois ans année pays monde dont
    même avait avoir peut doit faire dit déjà encore alors où quand ils elles lui vous notre votre
    ces cet autre autres premier première dernier dernière nouveau nouvelle grand grande petit
    petite jour jours mois semaine fois temps moment place partie part cas fin début heure heures
    pouvoir état société ville région nation nationale national public publique projet question
    problème situation décision accord crise guerre paix justice travail entreprise marché prix
    hausse baisse dépense impôt euros millions milliards habitants population famille enfants
    femmes hommes jeunes personnes citoyens responsable responsables commune département européenne
    européen international internationale étranger étrangère relations réunion déclaré affirmé
    expliqué annoncé souligné estimé indiqué précisé rappelé ajouté également notamment toutefois
    cependant pourtant ainsi donc enfin surtout plutôt peut-être aujourd’hui hier demain longtemps
    désormais bientôt toujours jamais souvent environ près loin avant pendant lors vers chez
    jusqu’à grâce face fort forte haut haute difficile possible nécessaire important importante
    principal principale général générale économique sociale social sociaux financière financier
    vie mort victimes menace risque risques crainte aide soutien développement eau terre forêt
    aller venir voir savoir vouloir devoir prendre mettre donner trouver rester passer demander
    montrer permettre continuer répondre créer ouvrir sœur cœur œuvre œil noël là déçu reçu
    français française françaises leçon façon garçon reçoit ça où août mère père frère très""",
    "en": """the of and to in a is that for on it with as was by he said at from his be are have
    has an this but not they were had which or its their will been after who would more about one
    two new also up than when there first over into out last some other year years people time can
    could all we what state country world city public political policy law court war peace crisis
    prices bank tax jobs company business trade deal industry workers families community report
    according officials spokesman told say says week month day days today yesterday tomorrow since
    before during against between under while because however although despite still only just
    even now then already again never often always very much many most such well back down off
    through where how why our your her him them us she do does did make made take took give gave
    come came go went see saw know knew think thought want need use used find found tell show
    showed help including around across million billion percent number part place group system plan
    support local national international foreign global european federal major water land life
    death victims risk fear aid development high low small large big long short early late next
    three four five hundred thousand end point case fact way home house family children women men
    young old whole own same another each every few less least better best good great important
    possible recent former general public private social economic financial royal central open
    held called added announced expected reported claimed warned agreed began continued remained
    became seemed left right side head hand eye face word words issue issues question decision
    power control level rate cost value price market money service services office area region
    these those any both either neither nor yet so if whether until though once instead almost""",
}
TOPICS = {  # tag: topical words; each article takes one topic and repeats its words
    "fr": """politique: gouvernement élection élections président ministre parlement réforme
    opposition scrutin député sénat majorité campagne électeurs candidat vote; sécurité: sécurité
    armée défense police terrorisme attaque attentat militaire frontière soldats menace
    renseignement sûreté gendarmerie; économie: économie croissance inflation entreprise chômage
    emploi banque budget investissement dette commerce exportations salaires industrie;
    environnement: climat énergie pollution température sécheresse biodiversité carbone
    réchauffement émissions nucléaire inondations océans; santé: santé hôpital médecins épidémie
    vaccin patients maladie soins infirmières pandémie recherche traitement; culture: culture
    musique cinéma livre film festival musée artistes spectacle théâtre exposition écrivain roman;
    sport: sport équipe match victoire défaite championnat joueurs entraîneur saison coupe stade
    médaille; sciences: science technologie numérique internet données réseau chercheurs
    université satellite intelligence algorithme laboratoire""",
    "en": """politics: government election elections president minister parliament reform
    opposition ballot senator majority campaign voters candidate vote; security: security army
    defence police terrorism attack bombing military border soldiers threat intelligence safety
    troops; economy: economy growth inflation company unemployment employment bank budget
    investment debt trade exports wages industry; environment: climate energy pollution
    temperature drought biodiversity carbon warming emissions nuclear floods oceans; health:
    health hospital doctors epidemic vaccine patients disease care nurses pandemic research
    treatment; culture: culture music cinema book film festival museum artists show theatre
    exhibition writer novel; sport: sport team match victory defeat championship players coach
    season cup stadium medal; science: science technology digital internet data network
    researchers university satellite intelligence algorithm laboratory""",
}
CITIES = {
    "fr": "Paris Lyon Marseille Bordeaux Toulouse Nantes Lille Strasbourg Montréal Genève "
    "Bruxelles Dakar Bamako Abidjan Alger Tunis Rabat Londres Moscou Pékin Berlin Rome Madrid "
    "Saint-Étienne Besançon Nîmes Orléans Québec",
    "en": "London Manchester Edinburgh Dublin Chicago Boston Seattle Toronto Sydney Melbourne "
    "Auckland Lagos Nairobi Johannesburg Mumbai Delhi Singapore Tokyo Washington Berlin Paris "
    "Moscow Beijing Cairo Denver Houston Vancouver Glasgow",
}
PEOPLE = {  # first names / last names
    "fr": "Jean Marie Pierre Sophie François Élise Hélène Jérôme Amélie Cécile Benoît Léa Mathieu "
    "Chloé Aurélien Inès Moussa Aïssata Karim Océane Jean-Luc Anne-Sophie / Martin Bernard Dubois "
    "Lefèvre Moreau Girard Rousseau Fontaine Chevalier Bérenger Traoré Diallo Lemaître Caron "
    "Mercier Faure Gauthier Perrin Roussel Blanchard",
    "en": "John Mary James Sarah David Emily Michael Laura Robert Anna Thomas Grace Daniel "
    "Olivia Peter Rachel Samuel Chloe Kwame Priya / Smith Johnson Brown Taylor Wilson Clarke "
    "Walker Harris Lewis Young Hughes Turner Mensah Patel Murphy Reed Cooper Bennett Ward Foster",
}
SOURCES = {
    "fr": "SpunikNews|Le Courrier du Matin|L’Écho des Régions|La Dépêche Continentale|"
    "Le Veilleur|Ouest Horizon|Le Quotidien de Lyon|Nouvelles d’Ailleurs|La Gazette Républicaine|"
    "Le Petit Observateur|Info Sahel Hebdo|Le Journal du Littoral|Presse Alpine|"
    "La Voix du Nord-Est|Le Messager Libre|Radio Azur Info|L’Hebdo Critique|Le Temps Présent|"
    "Actu Francophone|La Tribune Numérique",
    "en": "Northern Ledger|The Daily Meridian|Harbor Times|Global Wire Service|"
    "The Evening Courier|Capital Dispatch|Pacific Herald|The Weekly Observer|Metro Chronicle|"
    "Atlantic Post|Riverside Gazette|The Morning Bulletin|Summit News|Frontline Report|"
    "The Civic Journal|Westbridge Press|Continental Review|The Independent Sentinel|"
    "Open Source Daily|Highland Tribune",
}
CALENDAR = {  # weekdays / months
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche / janvier février mars avril mai "
    "juin juillet août septembre octobre novembre décembre",
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday / January February March April "
    "May June July August September October November December",
}
TITLE_LINKS = {"fr": ("à", "pour", "selon", "avec"), "en": ("in", "for", "says", "with")}
# Onsets / vowels / endings of the pseudo-words: enough of each language's look
# that the language detector still recognises the text.
SYLLABLES = {
    "fr": "b c d f g j l m n p r s t v ch gr pl tr br cr pr fl vr / a e i o u é è ou ai eau au oi "
    "ê an on eu in ie / ment tion ique eur ette age ance elle ière er ais ons ent oir isme ité ure",
    "en": "b c d f g h k l m n p r s t w th sh ch st br gr pl tr cl str / a e i o u ee oo ea ai ou "
    "ay ie / ing ed er ly tion ness ment able ful ous ity ship s est al ive er y",
}
# "de économie" → "d’économie", but not before the words that do not take it ("l’et").
_NO_ELISION = "et|en|ou|au|aux|à|avec|est|ont|où|après|avant|alors|ainsi|aussi|entre|encore"
_ELISION = re.compile(
    rf"\b(?:(l)[ea]|([dnjmts])e|(qu)e) (?!(?:{_NO_ELISION})\b)(?=[aeiouyéèêâîôœAEIOUÉÈÊÎÔŒ])"
)
_NUMBERS = [str(n) for n in range(2, 100)] + [str(n) for n in range(1990, 2027)]
_TABLE_SIZE = 1 << 20  # slots of the Zipf sampling table: even the rarest word gets one


@dataclass(frozen=True)
class _Language:
    code: str
    table: list[str]  # words repeated in proportion to their frequency
    topics: list[tuple[str, list[str]]]
    names: list[str]  # people
    cities: list[str]
    sources: list[str]
    syllables: list[list[str]]  # onsets, vowels, endings


def _coin(rng: random.Random, syllables: list[list[str]], most: int = 3) -> str:
    """A pseudo-word: 1 to ``most`` syllables, often with an ending."""
    onsets, vowels, endings = syllables
    parts = [rng.choice(onsets) + rng.choice(vowels) for _ in range(rng.randint(1, most))]
    return "".join(parts) + (rng.choice(endings) if rng.random() < 0.6 else "")


@cache
def _language(code: str) -> _Language:
    """The vocabulary of one language: fixed, the same for every seed."""
    # A fixed seed string, whatever the module is called: the same (count, seed) must
    # keep giving byte-identical libraries, so figures measured on them stay comparable.
    rng = random.Random(f"reader.bench vocabulary {code}")
    topics = [
        (tag.strip(), words.split())
        for tag, words in (item.split(":") for item in TOPICS[code].split(";"))
    ]
    words = list(dict.fromkeys(COMMON[code].split() + [w for _, ws in topics for w in ws]))
    seen = set(words)
    syllables = [part.split() for part in SYLLABLES[code].split("/")]
    size = len(words) + PSEUDO_WORDS
    while len(words) < size:
        if (word := _coin(rng, syllables)) not in seen:
            seen.add(word)
            words.append(word)
    # Zipf–Mandelbrot: the common words first, then the pseudo-words' long tail.
    cumulative = list(itertools.accumulate(1.0 / (rank + 2.7) for rank in range(len(words))))
    table: list[str] = []
    for word, upto in zip(words, cumulative, strict=True):
        table += [word] * (round(upto / cumulative[-1] * _TABLE_SIZE) - len(table))
    firsts, lasts = (part.split() for part in PEOPLE[code].split("/"))
    people = [f"{first} {last}" for first in firsts for last in lasts]
    cities, sources = CITIES[code].split(), SOURCES[code].split("|")
    return _Language(code, table, topics, people, cities, sources, syllables)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _elide(lang: _Language, text: str) -> str:
    return _ELISION.sub(r"\1\2\3’", text) if lang.code == "fr" else text


def _phrase(rng: random.Random, lang: _Language, n: int, topical: list[str]) -> str:
    """``n`` words, one of them (usually) topical, as a capitalised phrase."""
    words = rng.choices(lang.table, k=n)
    words[rng.randrange(n)] = rng.choice(topical)
    return _cap(_elide(lang, " ".join(words)))


def _paragraph(
    rng: random.Random, lang: _Language, topical: list[str], names: list[str]
) -> tuple[str, int]:
    """3 to 8 sentences, and their number of words (as ``count_words`` counts them)."""
    lengths = [rng.randint(5, 24) for _ in range(rng.randint(3, 8))]
    words = rng.choices(lang.table, k=sum(lengths))
    sentences = []
    count = start = 0
    for n in lengths:
        sentence = words[start : start + n]
        start += n
        roll = rng.random()
        if roll < 0.6:
            sentence[rng.randrange(n)] = rng.choice(topical)
        if roll < 0.25:
            sentence[rng.randrange(1, n)] = rng.choice(names)
        elif roll > 0.94:
            sentence[rng.randrange(1, n)] = rng.choice(_NUMBERS)
        elif roll > 0.9:  # a rare word, most likely seen nowhere else: the long tail
            sentence[rng.randrange(1, n)] = _coin(rng, lang.syllables, most=4)
        if n > 12:
            sentence[rng.randrange(4, n - 4)] += ","
        text = _elide(lang, " ".join(sentence))
        count += text.count(" ") + 1
        roll = rng.random()
        if lang.code == "fr":
            text = _cap(text) + ("." if roll < 0.96 else "\u00a0?")
            sentences.append(f"«\u00a0{text}\u00a0»" if roll < 0.04 else text)
        else:
            text = _cap(text) + ("." if roll < 0.96 else "?")
            sentences.append(f"“{text}”" if roll < 0.04 else text)
    return " ".join(sentences), count


def _article(rng: random.Random, lang: _Language, markdown: bool) -> tuple[str, str, str, int]:
    """(topic, title, body, word count) of one article."""
    topic, topical = rng.choice(lang.topics)
    names = rng.sample(lang.names, 3) + rng.sample(lang.cities, 2)
    title = _phrase(rng, lang, rng.randint(4, 10), topical)
    if rng.random() < 0.4:
        title = f"{title} {rng.choice(TITLE_LINKS[lang.code])} {rng.choice(names)}"
    target = int(rng.triangular(MIN_TARGET, MAX_TARGET, MODE_TARGET))
    paragraphs: list[str] = []
    count = 0
    while count < target:
        if markdown and paragraphs and rng.random() < 0.2:
            heading = _phrase(rng, lang, rng.randint(2, 5), topical)
            paragraphs.append(f"## {heading}")
            count += heading.count(" ") + 1
        paragraph, words = _paragraph(rng, lang, topical, names)
        paragraphs.append(paragraph)
        count += words
    return topic, title, "\n\n".join(paragraphs), count


def _slug(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:50].rstrip("-")


def _byline(code: str, day: dt.date, source: str) -> str:
    weekdays, months = (part.split() for part in CALENDAR[code].split("/"))
    weekday, month = weekdays[day.weekday()], months[day.month - 1]
    if code == "fr":
        number = "1er" if day.day == 1 else str(day.day)
        return f"Publié le {weekday} {number} {month} {day.year} | {source}"
    return f"Published on {weekday} {day.day} {month} {day.year} | {source}"


def generate_library(
    root: Path, count: int, seed: int = 0, *, progress: Callable[[int, int], None] | None = None
) -> list[Path]:
    """Write ``count`` articles under ``root`` (one folder per year); return their paths."""
    rng = random.Random(seed)
    seen: set[str | bytes] = set()  # titles, digests of bodies, and paths
    paths: list[Path] = []
    for index in range(count):
        lang = _language("fr" if rng.random() < 0.5 else "en")
        markdown = rng.random() < MARKDOWN_SHARE
        while True:  # never one article twice (a repeat is all but impossible anyway)
            topic, title, body, _ = _article(rng, lang, markdown)
            digest = hashlib.blake2b(body.encode(), digest_size=16).digest()
            if title not in seen and digest not in seen:
                break
        seen.update((title, digest))
        day = dt.date.fromordinal(rng.randint(FIRST_DAY, LAST_DAY))
        source = rng.choice(lang.sources)
        if markdown:
            others = [tag for tag, _ in lang.topics if tag != topic]
            tags = [topic, *rng.sample(others, rng.randint(0, 2))]
            text = (
                f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n"
                f"date: {day.isoformat()}\nsource: {json.dumps(source, ensure_ascii=False)}\n"
                f"lang: {lang.code}\ntags: {json.dumps(tags, ensure_ascii=False)}\n---\n\n{body}\n"
            )
        else:
            text = f"{title}\n{_byline(lang.code, day, source)}\n\n{body}\n"
        rel = f"{day.year}/{day.isoformat()}-{_slug(title)}"
        rel = rel if rel not in seen else f"{rel}-{index}"
        seen.add(rel)
        path = root / f"{rel}.{'md' if markdown else 'txt'}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
        if progress is not None:
            progress(index + 1, count)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.synthetic", description=__doc__.split("\n")[0]
    )
    parser.add_argument("directory", type=Path)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    step = max(1, args.count // 100)

    def report(done: int, total: int) -> None:
        if done % step == 0 or done == total:
            print(f"\r{done}/{total} articles", end="", file=sys.stderr, flush=True)

    generate_library(args.directory, args.count, args.seed, progress=report)
    elapsed = time.perf_counter() - start
    print(f"\nwrote {args.count} articles in {elapsed:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
