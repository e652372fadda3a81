"""The parsed query tree (:mod:`reader.core.search.query`) → a Whoosh query over our fields.

Each word is stemmed in every language, so one query finds French and English
articles alike, each matched with its own stemming; only the distinct stems the
index holds are searched (a lexicon lookup each). A prefix stands for at most
``MAX_PREFIX_EXPANSIONS`` words of each field; one cut so says so in ``left_out``.

Proximity: an article holding all the plain words of a query within
``PROXIMITY_SLOP`` words of each other, in any order, scores higher (an optional
proximity clause on the body fields, checked only on the articles that match anyway:
:class:`~reader.core.search.positions.PositionalNear`). In the known-item test
(``python -m tests.bench.ranking``) it is worth far more than any setting of BM25F's
B and K1.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from typing import Any

from whoosh.fields import Schema
from whoosh.query.compound import And, AndMaybe, Or
from whoosh.query.qcore import Every, NullQuery, Query
from whoosh.query.ranges import TermRange
from whoosh.query.terms import Prefix, Term
from whoosh.query.wrappers import Not

from reader.core.limits import MAX_PREFIX_EXPANSIONS
from reader.core.search import query as ql
from reader.core.search.analysis import STEMMED_LANGUAGES, FoldingStemAnalyzer, fold
from reader.core.search.fields import query_terms
from reader.core.search.positions import PositionalNear, PositionalPhrase
from reader.core.search.schema import LANGUAGE_KEYS, SCOPE_FIELDS
from reader.core.search.scoring import among_words
from reader.core.search.spelling import Vocabulary
from reader.core.search.user_filters import IdSet, UserFilters

_MAX_YEAR_TERMS = 300  # a longer span of whole years is searched as a range
_EXPANSIONS = 200  # real words behind one prefix, each stemmed per language
PROXIMITY_SLOP = 50  # words apart, at most, for the proximity bonus (0: none)
PROXIMITY_MAX_DOCS = 500  # no proximity bonus when even the rarest word is in more


class QueryCompiler:
    """The parsed query tree → a Whoosh query over this schema's fields."""

    def __init__(
        self,
        schema: Schema,
        vocabulary: Vocabulary,
        user: UserFilters | None = None,
        reader: Any = None,
    ) -> None:
        self.schema = schema
        self.vocabulary = vocabulary
        self.user = user  # answers is:, has:, app tags and notes; None: nothing matches them
        self.reader = reader  # the index's terms, to expand prefixes within the limit
        self.left_out: list[str] = []  # prefixes cut to their first expansions
        self._held: dict[tuple[str, str], bool] = {}

    def compile(self, node: ql.Node) -> Query:
        if isinstance(node, ql.Text):
            if node.scope == "notes":
                return ids_query(IdSet(frozenset(self.user.text_ids(node) if self.user else ())))
            query = self.text(node)
            if node.scope == "all" and self.user and (in_notes := self.user.text_ids(node)):
                return Or([query, ids_query(IdSet(frozenset(in_notes)))])
            return query
        if isinstance(node, ql.Filter):
            value = fold(node.value)
            indexed = Prefix(node.field, value) if node.prefix else Term(node.field, value)
            ids = self.user.filter_ids(node) if self.user else None
            if ids is None:
                return indexed
            user_query = ids_query(ids)
            return Or([indexed, user_query]) if node.field == "tag" else user_query
        if isinstance(node, ql.DateRange):
            return date_query(node)
        if isinstance(node, ql.Not):
            return Not(self.compile(node.node))
        subqueries = [self.compile(child) for child in node.nodes]
        if isinstance(node, ql.Or):
            return Or(subqueries)
        if len(plain_words(node)) >= 2:
            subqueries = [
                among_words(query) if is_plain(child) else query
                for child, query in zip(node.nodes, subqueries, strict=True)
            ]
        near = self.near(node) if PROXIMITY_SLOP else None
        return AndMaybe(And(subqueries), near) if near else And(subqueries)

    def near(self, node: ql.And) -> Query | None:
        """The plain words of an And close together in the body, in any language."""
        words = [word for child, word in plain_words(node) if child.scope in ("all", "body")]
        if len(words) < 2:
            return None
        runs = self.stemmings("body", words)
        if self.reader is not None and runs:
            # Spans are checked in Python on every article holding all the words, so
            # words that are all common (the rarest in more than PROXIMITY_MAX_DOCS
            # articles) get no proximity bonus: for them the spans cost several times the
            # rest of the search. Known-item searches, where the bonus matters, use rarer
            # words.
            rarest = min(self.reader.doc_frequency("body", term) for term in runs[0])
            if rarest > PROXIMITY_MAX_DOCS:
                return None
        nears: list[Query] = []
        for terms in runs:
            spans = [Term("body", term) for term in terms]
            nears.append(PositionalNear(spans, slop=PROXIMITY_SLOP, ordered=False))  # type: ignore[no-untyped-call]
        return Or(nears) if nears else None

    def text(self, node: ql.Text) -> Query:
        alternatives: list[Query] = []
        words = [word.text for word in node.words]
        for fieldname in SCOPE_FIELDS[node.scope]:
            if node.prefix:
                last = self.prefix(fieldname, fold(words[-1]))
                for terms in self.stemmings(fieldname, words[:-1]) if words[:-1] else [()]:
                    whole: list[Query] = [Term(fieldname, term) for term in terms]
                    alternatives.append(And([*whole, last]) if whole else last)
            elif node.phrase:
                for terms in self.stemmings(fieldname, words):
                    alternatives.append(PositionalPhrase(fieldname, list(terms)))
            else:
                for term in self.terms(fieldname, words[0]):
                    alternatives.append(Term(fieldname, term))
        if not alternatives:
            return NullQuery
        return alternatives[0] if len(alternatives) == 1 else Or(alternatives)

    def terms(self, fieldname: str, word: str) -> list[str]:
        """A word's stems in every language, those the field holds (all without a reader)."""
        return [term for term in query_terms(word, LANGUAGE_KEYS) if self.holds(fieldname, term)]

    def stemmings(self, fieldname: str, words: list[str]) -> list[tuple[str, ...]]:
        """The distinct ways the languages stem a run of words, where the field holds all."""
        runs: list[tuple[str, ...]] = []
        for key in LANGUAGE_KEYS:
            analyzer = FoldingStemAnalyzer(key)
            run = tuple(analyzer.term(word) for word in words)
            if run not in runs and all(self.holds(fieldname, term) for term in run):
                runs.append(run)
        return runs

    def holds(self, fieldname: str, term: str) -> bool:
        """Whether the index has ``term`` in ``fieldname``: a lexicon lookup, no postings.

        A stem no article has would still cost a matcher in every segment."""
        if self.reader is None:
            return True
        held = self._held.get((fieldname, term))
        if held is None:
            held = self._held[(fieldname, term)] = (fieldname, term) in self.reader
        return held

    def prefix(self, fieldname: str, prefix: str) -> Query:
        """Stems start with the prefix, or stem from a real word that does."""
        stems: set[str] = set()
        for word in self.vocabulary.starting(prefix, _EXPANSIONS):
            stems.update(query_terms(word, STEMMED_LANGUAGES))
        extra = [
            Term(fieldname, stem)
            for stem in sorted(stems)
            if not stem.startswith(prefix) and self.holds(fieldname, stem)
        ]
        starting = self.starting(fieldname, prefix)
        return Or([starting, *extra]) if extra else starting

    def starting(self, fieldname: str, prefix: str) -> Query:
        """The index's terms that start with ``prefix``: its first MAX_PREFIX_EXPANSIONS."""
        if self.reader is not None and fieldname in self.reader.schema:
            expansions = self.reader.expand_prefix(fieldname, prefix)
            if len(list(islice(expansions, MAX_PREFIX_EXPANSIONS + 1))) > MAX_PREFIX_EXPANSIONS:
                note = f"{prefix}* (only its first {MAX_PREFIX_EXPANSIONS} words)"
                if note not in self.left_out:
                    self.left_out.append(note)
        return LimitedPrefix(fieldname, prefix)


def is_plain(node: ql.Node) -> bool:
    """A word alone: no phrase, no prefix."""
    return (
        isinstance(node, ql.Text)
        and not (node.phrase or node.prefix)
        and len(node.words) == 1
        and node.scope != "notes"
    )


def plain_words(node: ql.And) -> list[tuple[ql.Text, str]]:
    """The And's plain words (with their clause), in the query's order."""
    return [(c, c.words[0].text) for c in node.nodes if isinstance(c, ql.Text) and is_plain(c)]


class LimitedPrefix(Prefix):
    """Whoosh's prefix query (scored the same), standing for its first words only."""

    def _btexts(self, ixreader: Any) -> Iterable[bytes]:
        return islice(super()._btexts(ixreader), MAX_PREFIX_EXPANSIONS)


def ids_query(ids: IdSet) -> Query:
    """Articles by id (or every article but these)."""
    terms = Or([Term("id", str(i)) for i in sorted(ids.ids)]) if ids.ids else NullQuery
    if ids.complement:
        return Every() if not ids.ids else Not(terms)  # type: ignore[no-untyped-call]
    return terms


def date_query(node: ql.DateRange) -> Query:
    """A date clause: whole years or one month as terms, anything finer as a range."""
    start, end = node.start, node.end
    inclusive = not (node.start_excluded or node.end_excluded)
    if inclusive and start and end and len(start) == len(end) == 7 and start == end:
        return Term("month", start)
    if inclusive and start and end and len(start) == len(end) == 4:
        years = range(int(start), int(end) + 1)
        if len(years) <= _MAX_YEAR_TERMS:
            return Or([Term("year", str(year)) for year in years])
    # Dates are ISO text, compared as text: "~" sorts after every digit and "-",
    # so "2023~" is past every day of 2023; "2023" is before all of them.
    low = start and (start + "~" if node.start_excluded else start)
    high = end and (end if node.end_excluded else end + "~")
    return TermRange("date", low or "0", high, endexcl=node.end_excluded)
