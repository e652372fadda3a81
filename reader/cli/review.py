"""``article-reader review``: the day's highlights to review, and answering them.

    article-reader review [FOLDER] [--json] [--today YYYY-MM-DD] [--limit N] [--tag T]
                          [--color C]
    article-reader review [FOLDER] --answer ID keep|sooner|mastered|skip [--today YYYY-MM-DD]
    article-reader review [FOLDER] --restore ID [--today YYYY-MM-DD]

The first prints the day's list (drawn the first time it is asked for, then the same
all day, answered ones marked: see :mod:`reader.core.review.daily`), then on stderr
how many are left and the streak. ``--json`` prints a JSON array of objects (``id``,
``quote``, ``note``, ``color``, ``tags``, ``article_id``, ``path``, ``title``,
``source``, ``date``, ``due``: the day it was due, null for a highlight never reviewed,
``new``, ``answered``). The second records an answer; ID is the highlight's id, or the
first characters of it that the list shows (enough to be one highlight's). ``--restore``
brings a mastered highlight back into the review, due that day. ``--today``
stands for the local date: a month of reviews can be replayed in seconds.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from reader.cli.language import translate
from reader.cli.parser import library_options
from reader.cli.terminal import fail, printable
from reader.core.annotations.userdata import COLORS, UserDataError
from reader.core.library.library import Library
from reader.core.review.daily import DAILY_SIZE, ReviewDeck, ReviewItem
from reader.core.review.schedule import ANSWERS, Answer

SHORT_ID = 8  # characters of a highlight's id the human list shows


def add_commands(commands: Any) -> None:
    """``review``, on ``parser.add_subparsers()``."""
    review = commands.add_parser(
        "review", help=translate("CommandLine", "the day's highlights to review, or answer one")
    )
    library_options(review)
    review.add_argument(
        "--json", action="store_true", help=translate("CommandLine", "print a JSON array")
    )
    review.add_argument(
        "--today", type=_day, default=None, metavar="YYYY-MM-DD",
        help=translate("CommandLine", "the day to review (default: today, local time)"),
    )  # fmt: skip
    review.add_argument(
        "--limit", type=int, default=DAILY_SIZE, metavar="N",
        help=translate("CommandLine", "highlights a day (default {0})").format(DAILY_SIZE),
    )  # fmt: skip
    review.add_argument(
        "--tag", default=None, metavar=translate("CommandLine", "TAG"),
        help=translate("CommandLine", "only highlights with this tag (or of articles with it)"),
    )  # fmt: skip
    review.add_argument(
        "--color", choices=COLORS, default=None,
        help=translate("CommandLine", "only highlights of this colour"),
    )  # fmt: skip
    review.add_argument(
        "--answer", nargs=2, default=None, metavar=("ID", "ANSWER"),
        help=translate("CommandLine", "answer a highlight: keep, sooner, mastered or skip"),
    )  # fmt: skip
    review.add_argument(
        "--restore", default=None, metavar="ID",
        help=translate("CommandLine", "bring a mastered highlight back, due that day"),
    )  # fmt: skip


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("CommandLine", "not a date (YYYY-MM-DD): {0}").format(text)
        ) from None


def review(library: Library, args: argparse.Namespace) -> int:
    """The ``review`` command on an up-to-date library."""
    today: date = args.today or date.today()  # the local date: a reader's day
    deck = ReviewDeck(library.userdata)
    try:
        if args.answer is not None:
            return _answer(library, deck, args.answer[0], args.answer[1], today, args.json)
        if args.restore is not None:
            return _restore(library, deck, args.restore, today)
        items = deck.items(today, args.limit, tag=args.tag, color=args.color)
    except UserDataError as exc:
        return fail(str(exc))
    if args.json:
        print(json.dumps([_json(item) for item in items], ensure_ascii=False, indent=1))
    else:
        if not items:
            print(translate("CommandLine", "nothing to review today"))
        for number, item in enumerate(items, 1):
            for line in _lines(number, item):
                print(printable(line))
    progress = deck.progress(today)
    left = translate("CommandLine", "{0} left today, {1} done").format(progress.left, progress.done)
    if progress.streak:
        streak = translate("CommandLine", "{0} days in a row").format(progress.streak)
        if progress.streak == 1:
            streak = translate("CommandLine", "1 day in a row")
        left = f"{left} · {streak}"
    print(left, file=sys.stderr)
    return 0


def _answer(
    library: Library, deck: ReviewDeck, wanted: str, answer: str, today: date, as_json: bool
) -> int:
    if answer not in ANSWERS:
        message = translate("CommandLine", "not an answer: {0} (keep, sooner, mastered or skip)")
        return fail(message.format(answer))
    found, refusal = _find(library, wanted)
    if found is None:
        return fail(refusal)
    chosen: Answer = next(a for a in ANSWERS if a == answer)
    deck.answer(found, chosen, today)
    record = deck.record(found)
    due = record.due if record is not None and not record.mastered else None
    if as_json:
        print(json.dumps({"id": found, "answer": chosen, "due": _iso(due)}))
    elif chosen == "mastered":
        print(translate("CommandLine", "mastered: it will not come back"))
    elif chosen == "skip" or due is None:
        print(translate("CommandLine", "skipped for today"))
    else:
        print(translate("CommandLine", "back on {0}").format(due.isoformat()))
    return 0


def _restore(library: Library, deck: ReviewDeck, wanted: str, today: date) -> int:
    found, refusal = _find(library, wanted)
    if found is None:
        return fail(refusal)
    if not deck.restore(found, today):
        return fail(translate("CommandLine", "{0} is not mastered").format(wanted), status=1)
    print(translate("CommandLine", "back in the review on {0}").format(today.isoformat()))
    return 0


def _find(library: Library, wanted: str) -> tuple[str | None, str]:
    """The id of the highlight ``wanted`` names (all of it, or the start of its uuid),
    else None and why."""
    ids = [annotation.id for annotation in library.userdata.all_annotations()]
    if wanted in ids:
        return wanted, ""
    matching = [i for i in ids if len(wanted) >= 4 and _bare(i).startswith(wanted.lower())]
    if len(matching) == 1:
        return matching[0], ""
    if matching:
        several = translate("CommandLine", "{0} is the start of several highlights")
        return None, several.format(wanted)
    return None, translate("CommandLine", "no highlight {0} in this library").format(wanted)


def _bare(annotation_id: str) -> str:
    return annotation_id.removeprefix("urn:uuid:").lower()


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _json(item: ReviewItem) -> dict[str, object]:
    return {
        "id": item.annotation_id, "quote": item.quote, "note": item.note,
        "color": item.color, "tags": list(item.tags), "article_id": item.article_id,
        "path": item.path, "title": item.title, "source": item.source, "date": item.date,
        "due": _iso(item.due), "new": item.new, "answered": item.answered,
    }  # fmt: skip


def _lines(number: int, item: ReviewItem) -> list[str]:
    quote = " ".join(item.quote.split())
    lines = [f"{number}. [{_bare(item.annotation_id)[:SHORT_ID]}] “{quote}”"]
    if item.note.strip():
        lines.append(f"   ✎ {' '.join(item.note.split())}")
    details = [item.title, item.source, item.date or "", f"({item.path})"]
    lines.append("   — " + " · ".join(part for part in details if part))
    if item.answered is not None:
        lines.append("   ✓ " + _answer_word(item.answered))
    return lines


def _answer_word(answer: Answer) -> str:
    words = {
        "keep": translate("CommandLine", "kept"),
        "sooner": translate("CommandLine", "sooner"),
        "mastered": translate("CommandLine", "mastered"),
        "skip": translate("CommandLine", "skipped"),
    }
    return words[answer]
