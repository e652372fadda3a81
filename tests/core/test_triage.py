"""Inbox, queue and archive: moving articles, the queue's order, undo, and following files."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.annotations.userdata import UserDataError
from reader.core.library.library import Library
from reader.core.triage.triage import Triage, TriageChange

LibraryOf = Callable[[Mapping[str, str]], Library]
ARTICLES = {f"{name}.md": f"# {name.title()}\n\nText of {name}, long enough.\n" for name in "abcde"}


def ids(library: Library) -> dict[str, int]:
    return {row.path.removesuffix(".md"): row.id for row in library.catalog.rows()}


@pytest.fixture
def library(library_of: LibraryOf) -> Library:
    return library_of(ARTICLES)


def test_every_article_starts_in_the_inbox(library: Library) -> None:
    triage = Triage(library.userdata)
    assert triage.counts() == {"inbox": 5, "later": 0, "archive": 0}
    assert triage.states() == {}
    assert triage.state(ids(library)["a"]) == "inbox"


def test_the_queue_keeps_the_order_articles_joined_it(library: Library) -> None:
    triage, id_ = Triage(library.userdata), ids(library)
    triage.set_state([id_["c"], id_["a"]], "later")
    triage.set_state([id_["b"]], "later")
    assert triage.queue() == [id_["c"], id_["a"], id_["b"]]
    triage.set_state([id_["a"]], "later")  # already queued: keeps its place
    assert triage.queue() == [id_["c"], id_["a"], id_["b"]]
    assert triage.counts() == {"inbox": 2, "later": 3, "archive": 0}


def test_moving_in_the_queue(library: Library) -> None:
    triage, id_ = Triage(library.userdata), ids(library)
    a, b, c, d = (id_[name] for name in "abcd")
    triage.set_state([a, b, c, d], "later")
    triage.move_in_queue(c, "top")
    assert triage.queue() == [c, a, b, d]
    triage.move_in_queue(c, "down")
    assert triage.queue() == [a, c, b, d]
    triage.move_in_queue(b, "up")
    assert triage.queue() == [a, b, c, d]
    triage.move_in_queue(a, "bottom")
    assert triage.queue() == [b, c, d, a]
    assert not triage.move_in_queue(b, "up")  # already first: nothing to undo
    assert not triage.move_in_queue(id_["e"], "top")  # not queued
    assert triage.queue() == [b, c, d, a]


def test_undo_puts_articles_back_in_their_place_in_the_queue(library: Library) -> None:
    triage, id_ = Triage(library.userdata), ids(library)
    a, b, c = id_["a"], id_["b"], id_["c"]
    triage.set_state([a, b, c], "later")
    change = triage.set_state([b, id_["d"]], "archive")
    assert triage.queue() == [a, c]
    assert [p.state for p in change.before] == ["later", "inbox"]
    triage.set_state([id_["e"]], "later")
    triage.undo(change)
    assert triage.queue() == [a, b, c, id_["e"]]
    assert triage.state(id_["d"]) == "inbox"
    triage.redo(change)
    assert triage.states_of([b, id_["d"]]) == {b: "archive", id_["d"]: "archive"}
    moved = triage.move_in_queue(id_["e"], "top")
    triage.undo(moved)
    assert triage.queue() == [a, c, id_["e"]]


def test_undo_after_places_were_reused_keeps_a_strict_order(library: Library) -> None:
    triage, id_ = Triage(library.userdata), ids(library)
    a, b, c = id_["a"], id_["b"], id_["c"]
    triage.set_state([a, b], "later")
    change = triage.set_state([b], "archive")
    triage.set_state([c], "later")  # takes b's old place at the end
    triage.undo(change)
    assert triage.queue() == [a, b, c]  # b and c share a place: the id decides
    triage.move_in_queue(c, "up")
    assert triage.queue() == [a, c, b]
    triage.move_in_queue(c, "top")
    assert triage.queue()[0] == c
    triage.move_in_queue(c, "down")
    assert triage.queue()[1] == c


def test_ids_not_in_the_catalog_are_ignored(library: Library) -> None:
    triage = Triage(library.userdata)
    change = triage.set_state([999_999], "archive")
    assert not change
    assert triage.counts()["archive"] == 0


def test_a_read_only_library_refuses_a_move(library: Library) -> None:
    library.userdata.read_only = True
    with pytest.raises(UserDataError):
        Triage(library.userdata).set_state([ids(library)["a"]], "later")


def test_the_state_follows_a_renamed_and_edited_file(library: Library, library_root: Path) -> None:
    triage, id_ = Triage(library.userdata), ids(library)
    triage.set_state([id_["a"]], "archive")
    triage.set_state([id_["b"], id_["c"]], "later")
    (library_root / "b.md").rename(library_root / "renamed-b.md")
    text = (library_root / "a.md").read_text(encoding="utf-8")
    (library_root / "a.md").unlink()
    (library_root / "moved-a.md").write_text(text.replace("long enough", "long enough!"), "utf-8")
    library.refresh()
    now = ids(library)
    assert triage.states_of([now["moved-a"], now["renamed-b"]]) == {
        now["moved-a"]: "archive",
        now["renamed-b"]: "later",
    }
    assert triage.queue() == [now["renamed-b"], now["c"]]
    assert triage.counts() == {"inbox": 2, "later": 2, "archive": 1}


def test_an_archived_article_deleted_then_back_is_still_archived(
    library: Library, library_root: Path
) -> None:
    triage = Triage(library.userdata)
    triage.set_state([ids(library)["d"]], "archive")
    text = (library_root / "d.md").read_text(encoding="utf-8")
    (library_root / "d.md").unlink()
    library.refresh()
    assert triage.counts() == {"inbox": 4, "later": 0, "archive": 0}
    (library_root / "d.md").write_text(text, encoding="utf-8")
    library.refresh()
    assert triage.state(ids(library)["d"]) == "archive"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    steps=st.lists(
        st.tuples(
            st.sampled_from(["later", "archive", "inbox", "top", "up", "down", "bottom", "undo"]),
            st.lists(st.integers(0, 4), min_size=1, max_size=3),
        ),
        max_size=25,
    )
)
def test_the_queue_behaves_like_a_list(
    library: Library, steps: list[tuple[str, list[int]]]
) -> None:
    """Any moves and undos: the queue is what a plain list of ids says it is."""
    triage = Triage(library.userdata)
    everything = sorted(ids(library).values())
    triage.set_state(everything, "inbox")
    model: list[int] = []
    history: list[tuple[TriageChange, list[int]]] = []
    for action, picks in steps:
        chosen = list(dict.fromkeys(everything[p] for p in picks))
        before = list(model)
        if action == "undo":
            if history:
                change, model = history.pop()
                triage.undo(change)
            assert triage.queue() == model
            continue
        if action in ("later", "archive", "inbox"):
            change = triage.set_state(chosen, action)  # type: ignore[arg-type]
            if action == "later":
                model += [i for i in chosen if i not in model]
            else:
                model = [i for i in model if i not in chosen]
        else:
            change = triage.move_in_queue(chosen[0], action)  # type: ignore[arg-type]
            if chosen[0] in model:
                index = model.index(chosen[0])
                target = {"top": 0, "up": index - 1, "down": index + 1, "bottom": len(model) - 1}
                model.insert(max(0, min(target[action], len(model) - 1)), model.pop(index))
        history.append((change, before))
        assert triage.queue() == model
    assert triage.counts()["later"] == len(model)
