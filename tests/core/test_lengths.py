"""Scores with field lengths read once per segment are Whoosh's scores, in every segment."""

from __future__ import annotations

from pathlib import Path

from reader.core.articles.article import Article
from reader.core.search import query as ql
from reader.core.search.compiler import QueryCompiler
from reader.core.search.index import SearchIndex
from reader.core.search.schema import weighting


def test_hits_and_scores_are_whooshs_own(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "index")
    for batch in range(3):  # three segments
        articles = []
        for n in range(batch * 150, batch * 150 + 150):
            filler = " ".join(f"mot{k % 11}" for k in range(n % 37 * 9))  # varied lengths
            body = f"Le conseil de sécurité {filler} sécurité nationale rare{n % 5}."
            title = f"Sécurité {n}" if n % 3 else f"Conseil {n}"
            articles.append((n, Article(path=f"{n}.md", title=title, body=body, lang="fr")))
        index.write(articles, ())
    assert len(index.ix._segments()) > 1
    with index.ix.searcher(weighting=weighting()) as plain:
        for text in ("sécurité", "secur*", '"conseil de"', "rare3 mot4", "conseil OR rare2"):
            node = ql.parse(text).node
            assert node is not None
            compiled = QueryCompiler(plain.schema, index.vocabulary, None, plain.reader())
            expected = [
                (int(hit["id"]), round(hit.score, 9))
                for hit in plain.search(compiled.compile(node), limit=40)
            ]
            ours = [(hit.id, round(hit.score, 9)) for hit in index.search(text, limit=40)]
            assert ours == expected, text
            assert expected
    index.close()
