"""Related articles: the library's articles about the same thing, duplicates shown apart."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from reader.core.library.library import Library
from reader.core.search.related import near_duplicate, related_articles, shingles

TOPICS = {
    "bees": [
        "Honey bees forage on clover and lavender; the hive stores nectar as honey and the "
        "queen lays eggs in the comb while worker bees guard the entrance.",
        "Beekeepers inspect each hive in spring: they look for the queen, count the frames "
        "of brood and honey, and treat the colony against varroa mites.",
        "Wild bees and honey bees pollinate orchards; a colony that loses its queen raises "
        "a new one from a young larva fed on royal jelly in the comb.",
    ],
    "trains": [
        "The night train leaves the station at ten; passengers sleep in couchettes while the "
        "locomotive pulls the carriages across the mountains to the coast.",
        "Railway engineers replaced the old signals along the line; the express trains now "
        "run faster between the stations and the timetable was rewritten.",
        "A steam locomotive was restored by volunteers, who ran it on the heritage railway "
        "line with three carriages and a dining car for the passengers.",
    ],
    "volcanoes": [
        "The volcano erupted at dawn; lava flowed down its slopes and ash fell on the villages "
        "while scientists measured the gas escaping from the crater.",
        "Volcanologists climb to the crater to sample the gas and the lava; the magma chamber "
        "below the volcano swells before an eruption.",
        "Ash from the eruption grounded flights for a week; the lava field cooled into black "
        "rock and the volcano's crater collapsed.",
    ],
}


def essay(topic: str, index: int) -> str:
    text = TOPICS[topic][index]
    return f"{topic.title()} {index}\n\n" + "\n\n".join([text] * 4)


PAGE = """<html lang="en"><head><title>{title}</title>
<meta property="og:site_name" content="Daily Hive"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{title}</h1>{paragraphs}</article>
<footer>Subscribe to our newsletter</footer></body></html>"""


@pytest.fixture
def library(library_of: Callable[[Mapping[str, str]], Library]) -> Library:
    files = {f"{topic}/{index}.txt": essay(topic, index) for topic in TOPICS for index in range(3)}
    # The first bee article again: saved as a web page, and copied as Markdown with an edit.
    body = essay("bees", 0).split("\n\n")[1:]
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    files["saved/bees-0.html"] = PAGE.format(title="Bees 0", paragraphs=paragraphs)
    files["saved/bees-0-copy.md"] = "# Bees 0 (copy)\n\n" + "\n\n".join(body) + "\n\nEdited."
    return library_of(files)


def related_to(library: Library, rel: str, limit: int = 5) -> tuple[list[str], list[str]]:
    row = library.catalog.row_by_path(rel)
    assert row is not None
    article = library.read_article(row)
    result = related_articles(
        library.index, library.catalog, library.read_article, row.id, article, limit
    )
    return [item.path for item in result.related], [item.path for item in result.duplicates]


@pytest.mark.parametrize("topic", list(TOPICS))
def test_the_articles_of_the_same_topic_come_first_unrelated_ones_not_at_all(
    library: Library, topic: str
) -> None:
    related, _ = related_to(library, f"{topic}/1.txt", limit=2)
    assert len(related) == 2
    assert all(path.startswith(topic) or path.startswith("saved/") for path in related)
    if topic != "bees":  # weak hits (only common words shared) are not listed
        related, _ = related_to(library, f"{topic}/1.txt", limit=10)
        assert all(path.startswith(topic) for path in related), related


def test_duplicates_are_shown_apart_not_as_related(library: Library) -> None:
    related, duplicates = related_to(library, "bees/0.txt")
    assert sorted(duplicates) == ["saved/bees-0-copy.md", "saved/bees-0.html"]
    assert "bees/1.txt" in related and "bees/2.txt" in related
    assert not set(related) & set(duplicates)
    related, duplicates = related_to(library, "saved/bees-0.html")
    assert sorted(duplicates) == ["bees/0.txt", "saved/bees-0-copy.md"]


def test_at_most_the_limit_and_never_itself(library: Library) -> None:
    related, duplicates = related_to(library, "trains/0.txt", limit=1)
    assert len(related) == 1 and "trains/0.txt" not in related + duplicates
    related, _ = related_to(library, "trains/0.txt", limit=10)
    assert 1 <= len(related) <= 10 and "trains/0.txt" not in related


def test_an_article_that_failed_to_parse_has_none(
    library_of: Callable[[Mapping[str, str]], Library], library_root: Path
) -> None:
    library = library_of({"empty.txt": "", "bees.txt": essay("bees", 0)})
    row = library.catalog.row_by_path("empty.txt")
    assert row is not None and row.error
    article = library.read_article(row)
    result = related_articles(library.index, library.catalog, library.read_article, row.id, article)
    assert result.related == [] and result.duplicates == []


def test_near_duplicates_share_most_of_their_word_sequences() -> None:
    text = " ".join(TOPICS["bees"] * 3)
    assert near_duplicate(shingles(text), shingles(text + " A caption under the photo."))
    assert not near_duplicate(shingles(text), shingles(" ".join(TOPICS["trains"] * 3)))
    assert not near_duplicate(shingles(text), shingles(TOPICS["bees"][0]))  # a short quote
    assert not near_duplicate(set(), shingles(text))


def test_the_command_line_lists_related_and_duplicates_apart(
    library: Library, library_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from reader.cli import main

    library.close()
    rel = str(library_root / "bees" / "0.txt")
    assert main(["related", rel, "--library", str(library_root), "--json", "--limit", "2"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert [item["path"] for item in result["related"]] == ["bees/1.txt", "bees/2.txt"] or all(
        item["path"].startswith("bees/") for item in result["related"]
    )
    assert sorted(item["path"] for item in result["duplicates"]) == [
        "saved/bees-0-copy.md", "saved/bees-0.html"
    ]  # fmt: skip
    assert main(["related", rel, "--library", str(library_root)]) == 0
    out = capsys.readouterr().out
    assert "also in your library as:" in out and "(saved/bees-0.html)" in out
    assert main(["related", rel, "--limit", "0"]) == 2


FLOODS = {
    "floods/experts.md": (
        "What the experts say about the floods",
        "Flood experts warn that the river will rise again this week. The experts measured "
        "the rainfall upstream; the experts say the levees held but the flood plain is "
        "under water. Experts from the water board ask the town to prepare an evacuation. "
        "The experts expect the water level to fall only when the rain stops.",
    ),
    "floods/report.md": (
        "The river bursts its banks",
        "After a week of rain the river burst its banks: water poured over the levees, "
        "the flood plain was under water and the town was evacuated. The water level "
        "rose all night; the rainfall upstream kept the flood going until the rain stopped.",
    ),
    "tv/experts.md": (
        "The Experts is back for a new season",
        "The Experts, the television series about forensic experts, returns. In the new "
        "season the experts of the crime lab solve a murder in Las Vegas; the experts "
        "question suspects, the experts read fingerprints, and the experts never sleep. "
        "Fans of the experts and of the series can watch the first episode on Friday.",
    ),
}


def markdown(title: str, text: str, date: str = "") -> str:
    front = f"---\ntitle: {title}\ndate: {date}\n---\n\n" if date else f"# {title}\n\n"
    return front + text + "\n"


def test_a_name_in_common_is_no_shared_subject(
    library_of: Callable[[Mapping[str, str]], Library],
) -> None:
    """An article about flood experts lists the flood report, not a TV series named "The
    Experts" that shares one word with it, however often it says it."""
    files = {rel: markdown(title, text) for rel, (title, text) in FLOODS.items()}
    files.update({f"{t}/{i}.txt": essay(t, i) for t in TOPICS for i in range(3)})
    library = library_of(files)
    related, _ = related_to(library, "floods/experts.md")
    assert related == ["floods/report.md"]


STORY = (
    "The city council voted on Tuesday to close the old harbour bridge to cars from May, "
    "after engineers found cracks in two of its steel girders. Buses will cross it at "
    "walking pace until the repairs begin. The mayor said the work would take two years "
    "and cost forty million euros, paid by the region and the state. Shopkeepers on the "
    "north bank fear that their customers will stay away; the council promised a free "
    "ferry across the harbour while the bridge is shut. Cyclists and walkers may still "
    "use the footpath on the east side, which the engineers found sound."
)
# The same agency story as another site ran it: a new opening, sentences cut or redone.
EDITED = (
    "Cars will no longer cross the old harbour bridge from May, the city council decided "
    "on Tuesday, after engineers found cracks in two of its steel girders. The repairs will "
    "take two years, the mayor said, and cost forty million euros, paid by the region and the "
    "state. Shopkeepers on the north bank fear that their customers will stay away; the council "
    "promised a free ferry across the harbour while the bridge is shut. Cyclists and walkers "
    "may still use the footpath on the east side. The opposition called the vote rushed."
)


def test_one_agency_story_run_by_two_sites_the_same_day_is_shown_apart(
    library_of: Callable[[Mapping[str, str]], Library],
) -> None:
    """Two sites' edits of one story, dated the same day, are one story (shown apart, not
    as related); the same edit saved on another day is a follow-up, so still related."""
    files = {
        "wire/site-a.md": markdown("Harbour bridge to close to cars", STORY, "2024-03-05"),
        "wire/site-b.md": markdown("Old harbour bridge shut from May", EDITED, "2024-03-05"),
        "later/site-b.md": markdown("Old harbour bridge shut from May", EDITED, "2024-04-20"),
    }
    files.update({f"{t}/{i}.txt": essay(t, i) for t in TOPICS for i in range(3)})
    library = library_of(files)
    related, duplicates = related_to(library, "wire/site-a.md")
    assert duplicates == ["wire/site-b.md"]
    assert related == ["later/site-b.md"]


def test_articles_in_another_language_are_never_listed(
    library_of: Callable[[Mapping[str, str]], Library],
) -> None:
    """A French article quoting the English words of a bee article is not listed under it."""
    french = (
        "Les apiculteurs anglais parlent de la queen, de la varroa et du nectar : dans la "
        "ruche, la reine pond dans les rayons pendant que les ouvrières gardent l'entrée. "
        "Au printemps, chaque apiculteur inspecte ses colonies et compte les cadres de "
        "couvain et de miel avant de traiter contre le varroa."
    )
    files = {f"bees/{i}.txt": essay("bees", i) for i in range(3)}
    files["fr/abeilles.txt"] = "Les abeilles au printemps\n\n" + "\n\n".join([french] * 3)
    library = library_of(files)
    row = library.catalog.row_by_path("fr/abeilles.txt")
    assert row is not None and row.lang == "fr"
    for i in range(3):
        related, _ = related_to(library, f"bees/{i}.txt")
        assert "fr/abeilles.txt" not in related and related
