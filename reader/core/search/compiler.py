"""The parsed query tree (:mod:`reader.core.search.query`) → a Whoosh query over our fields.

Each word is analysed for every language's fields, so one query finds French and
English articles alike, each matched with its own stemming.
"""

from __future__ import annotations

from typing import cast

from whoosh import query as wq
from whoosh.fields import Schema

from reader.core.search import query as ql
from reader.core.search.analysis import FoldingStemAnalyzer, fold
from reader.core.search.schema import SCOPE_FIELDS
from reader.core.search.spelling import Vocabulary
from reader.core.search.user_filters import IdSet, UserFilters

_MAX_YEAR_TERMS = 300  # a longer span of whole years is searched as a range
_EXPANSIONS = 200  # real words behind one prefix, each stemmed per language


class QueryCompiler:
    """The parsed query tree → a Whoosh query over this schema's fields."""

    def __init__(
        self, schema: Schema, vocabulary: Vocabulary, user: UserFilters | None = None
    ) -> None:
        self.schema = schema
        self.vocabulary = vocabulary
        self.user = user  # answers is:, has:, app tags and notes; None: nothing matches them

    def compile(self, node: ql.Node) -> wq.Query:
        if isinstance(node, ql.Text):
            if node.scope == "notes":
                return ids_query(IdSet(frozenset(self.user.text_ids(node) if self.user else ())))
            query = self.text(node)
            if node.scope == "all" and self.user and (in_notes := self.user.text_ids(node)):
                return wq.Or([query, ids_query(IdSet(frozenset(in_notes)))])
            return query
        if isinstance(node, ql.Filter):
            value = fold(node.value)
            indexed = wq.Prefix(node.field, value) if node.prefix else wq.Term(node.field, value)
            ids = self.user.filter_ids(node) if self.user else None
            if ids is None:
                return indexed
            user_query = ids_query(ids)
            return wq.Or([indexed, user_query]) if node.field == "tag" else user_query
        if isinstance(node, ql.DateRange):
            return date_query(node)
        if isinstance(node, ql.Not):
            return wq.Not(self.compile(node.node))
        subqueries = [self.compile(child) for child in node.nodes]
        return wq.And(subqueries) if isinstance(node, ql.And) else wq.Or(subqueries)

    def text(self, node: ql.Text) -> wq.Query:
        alternatives: list[wq.Query] = []
        for fieldname in SCOPE_FIELDS[node.scope]:
            analyzer = cast(FoldingStemAnalyzer, self.schema[fieldname].analyzer)
            terms = [analyzer.term(word.text) for word in node.words]
            if node.prefix:
                whole = [wq.Term(fieldname, term) for term in terms[:-1]]
                last = self.prefix(fieldname, analyzer, fold(node.words[-1].text))
                alternatives.append(wq.And([*whole, last]) if whole else last)
            elif node.phrase:
                alternatives.append(wq.Phrase(fieldname, terms))
            else:
                alternatives.append(wq.Term(fieldname, terms[0]))
        return wq.Or(alternatives)

    def prefix(self, fieldname: str, analyzer: FoldingStemAnalyzer, prefix: str) -> wq.Query:
        """Stems start with the prefix, or stem from a real word that does."""
        stems = {analyzer.term(word) for word in self.vocabulary.starting(prefix, _EXPANSIONS)}
        extra = [wq.Term(fieldname, stem) for stem in sorted(stems) if not stem.startswith(prefix)]
        starting = wq.Prefix(fieldname, prefix)
        return wq.Or([starting, *extra]) if extra else starting


def ids_query(ids: IdSet) -> wq.Query:
    """Articles by id (or every article but these)."""
    terms = wq.Or([wq.Term("id", str(i)) for i in sorted(ids.ids)]) if ids.ids else wq.NullQuery
    if ids.complement:
        return wq.Every() if not ids.ids else wq.Not(terms)
    return terms


def date_query(node: ql.DateRange) -> wq.Query:
    """A date clause: whole years or one month as terms, anything finer as a range."""
    start, end = node.start, node.end
    inclusive = not (node.start_excluded or node.end_excluded)
    if inclusive and start and end and len(start) == len(end) == 7 and start == end:
        return wq.Term("month", start)
    if inclusive and start and end and len(start) == len(end) == 4:
        years = range(int(start), int(end) + 1)
        if len(years) <= _MAX_YEAR_TERMS:
            return wq.Or([wq.Term("year", str(year)) for year in years])
    # Dates are ISO text, compared as text: "~" sorts after every digit and "-",
    # so "2023~" is past every day of 2023; "2023" is before all of them.
    low = start and (start + "~" if node.start_excluded else start)
    high = end and (end if node.end_excluded else end + "~")
    return wq.TermRange("date", low or "0", high, endexcl=node.end_excluded)
