"""Fixed known-item queries: the article meant comes first (a ranking regression test).

Each case is a small library of our own where a plain ranking gets it wrong or
nearly: the words together in one paragraph (proximity), a word of the title
that should not outrank a body holding every word, and stems across languages; and
news, where another article's title holds most of the words of the one meant.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.articles.article import Article
from reader.core.search.index import SearchIndex

FILLER_EN = " ".join(["The weather was mild and the streets were quiet that day."] * 12)
FILLER_FR = " ".join(["Le temps était doux et les rues étaient calmes ce jour-là."] * 12)

ARTICLES = {
    # The four words together in one paragraph…
    1: Article("together.txt", "Notes from the harbour", f"{FILLER_EN}\n\nThe lighthouse "
       "keeper counted gulls while the ferry captain argued.\n\n{FILLER_EN}", lang="en"),
    # …against the same words, each twice, scattered through a text of the same length
    # (BM25 alone puts this one first).
    2: Article("scattered.txt", "Notes from the coast", f"A lighthouse, a keeper. {FILLER_EN}"
       f"\n\nThe keeper, the lighthouse. {FILLER_EN}\n\nMany gulls, and gulls. The ferry "
       "came at noon; the ferry left. A captain, a captain.", lang="en"),
    # A title word only: must not beat an article holding every word.
    3: Article("title.txt", "Lighthouse keeper", f"{FILLER_EN}", lang="en"),
    4: Article("fr.txt", "Chronique du port", f"{FILLER_FR}\n\nLes gardiens du phare "
       f"comptaient les mouettes pendant que le capitaine du bac discutait.\n\n{FILLER_FR}",
       lang="fr"),
    5: Article("fr-loin.txt", "Chronique de la côte", f"Un gardien, un phare. {FILLER_FR}\n\n"
       f"Le phare, le gardien. {FILLER_FR}\n\nDes mouettes, des mouettes. Le bac arrive à "
       "midi, le capitaine aussi ; le bac repart, le capitaine aussi.", lang="fr"),
}  # fmt: skip


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    folder: Path = tmp_path_factory.mktemp("ranking") / "index"
    index = SearchIndex(folder)
    index.write(ARTICLES.items(), [])
    yield index
    index.close()


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("lighthouse keeper gulls ferry", 1),
        ("keeper gulls ferry captain", 1),
        ("gardiens phare mouettes capitaine", 4),
        ("gardien phares mouette bac", 4),  # other forms: the French stems meet
    ],
)
def test_the_article_meant_comes_first(index: SearchIndex, query: str, first: int) -> None:
    assert index.search(query, limit=10)[0].id == first


# News, where titles carry meaning: the query is words of one article's lead, and
# another article's title holds most of them. Other articles spread the words over
# the library's titles and texts, as news does.
NEWS_FILLER = " ".join(["Le temps était doux et les rues étaient calmes ce jour-là."] * 36)
NEWS = {
    1: Article("semaine.txt", "Une semaine à l'Élysée", "Le président de la République, "
       f"François Hollande, a reçu mardi les élus du Nord.\n\n{NEWS_FILLER}", lang="fr"),
    2: Article("sondage.txt", "François Hollande est le président le moins apprécié de la "
       "Ve République", f"{FILLER_FR}\n\nUn sondage publié dimanche le confirme : la cote "
       "du chef de l'État recule, et la République s'en inquiète.\n\n{FILLER_FR}", lang="fr"),
    3: Article("budget.txt", "Budget : les députés votent le texte", "Le président de la "
       f"commission des finances a défendu le budget.\n\n{FILLER_FR}", lang="fr"),
    4: Article("greve.txt", "Grève dans les transports", "Le gouvernement reçoit les "
       f"syndicats ; le président du groupe a parlé.\n\n{FILLER_FR}", lang="fr"),
    5: Article("municipales.txt", "Municipales : la campagne s'ouvre", "François Bayrou et "
       f"les maires de la République en campagne.\n\n{FILLER_FR}", lang="fr"),
    6: Article("gauche.txt", "Sondage : la gauche recule", "Hollande, le premier secrétaire, "
       f"commente le sondage du président.\n\n{FILLER_FR}", lang="fr"),
    7: Article("berlin.txt", "Diplomatie : visite à Berlin", "Le président de la République "
       f"est à Berlin pour deux jours.\n\n{FILLER_FR}", lang="fr"),
    8: Article("radars.txt", "Sécurité routière : nouveaux radars", "Le ministre annonce des "
       f"radars ; François, automobiliste, témoigne.\n\n{FILLER_FR}", lang="fr"),
}  # fmt: skip


@pytest.fixture(scope="module")
def news_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    index = SearchIndex(tmp_path_factory.mktemp("news") / "index")
    index.write(NEWS.items(), [])
    yield index
    index.close()


@pytest.mark.parametrize(
    "query",
    ["république président françois hollande", "président république hollande"],
)
def test_a_text_holding_every_word_beats_a_title_holding_some(
    news_index: SearchIndex, query: str
) -> None:
    ranked = [hit.id for hit in news_index.search(query, limit=10)]
    assert ranked[:2] == [1, 2]
