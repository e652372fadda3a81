"""Makes one triage or review change in its own process for the SIGKILL test (not a test).

    python tests/e2e/user_state_driver.py LIBRARY later|archive|answer

Opens LIBRARY (refreshing it), makes the change through the core as the window does
(``later``: every article queued, in path order; ``archive``: the first archived;
``answer``: the day's first highlight kept), prints DONE once the call has returned,
then waits on its standard input, never closing the library, until it is killed.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from reader.core.library.library import Library
from reader.core.review.daily import ReviewDeck
from reader.core.triage.triage import Triage

DAY = date(2026, 6, 1)


def main() -> int:
    root, mode = Path(sys.argv[1]), sys.argv[2]
    library = Library(root)
    library.refresh()
    ids = [row.id for row in sorted(library.catalog.rows(), key=lambda row: row.path)]
    if mode == "later":
        Triage(library.userdata).set_state(ids, "later")
    elif mode == "archive":
        Triage(library.userdata).set_state(ids[:1], "archive")
    else:
        deck = ReviewDeck(library.userdata)
        deck.answer(deck.items(DAY)[0].annotation_id, "keep", DAY)
    print("DONE", flush=True)
    sys.stdin.read()  # until killed
    return 0


if __name__ == "__main__":
    sys.exit(main())
