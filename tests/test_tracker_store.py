"""bot/serving/tracker_store.py keeps Rasa's rows and events exactly; only the work per message
changes. Each test writes through one store and reads through Rasa's own SQLTrackerStore
(and the other way round) on the same database: an SQLite file and a PostgreSQL database."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator, Tuple

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)

from bot.serving.tracker_store import FastSQLTrackerStore, deserialise_events
from tests.databases import BACKENDS, throwaway_database, tracker_store_kwargs

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = Domain.load(str(ROOT / "domain.yml"))


@pytest.fixture(params=BACKENDS)
def stores(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], Tuple[FastSQLTrackerStore, SQLTrackerStore]]]:
    """Makes (ours, Rasa's) store pairs, every store on the same fresh database."""
    made = []
    with throwaway_database(request.param, tmp_path, prefix="tracker_test") as url:
        def make() -> Tuple[FastSQLTrackerStore, SQLTrackerStore]:
            pair = FastSQLTrackerStore(domain=DOMAIN, **tracker_store_kwargs(url)), SQLTrackerStore(domain=DOMAIN, **tracker_store_kwargs(url))
            made.extend(pair)
            return pair

        yield make
        for store in made:
            store.engine.dispose()


def turn(text: str, intent: str, answer: str, at: float) -> list:
    return [
        UserUttered(text, {"name": intent, "confidence": 0.9}, timestamp=at),
        SlotSet("urgency", "urgent", timestamp=at + 0.1) if intent == "red_flag_urgent" else None,
        ActionExecuted("utter_faq", timestamp=at + 0.2),
        BotUttered(answer, {"utter_action": "utter_faq"}, timestamp=at + 0.3),
        ActionExecuted("action_listen", timestamp=at + 0.4),
    ]


def add_turn(tracker, text: str, intent: str, answer: str, at: float) -> None:
    for event in filter(None, turn(text, intent, answer, at)):
        tracker.update(event)


def as_dicts(tracker) -> list:
    return [event.as_dict() for event in tracker.events]


async def run_conversation(store, sender: str, turns: int) -> None:
    tracker = await store.get_or_create_tracker(sender, append_action_listen=False)
    tracker.update(ActionExecuted("action_session_start", timestamp=1.0))
    tracker.update(SessionStarted(timestamp=1.1))
    tracker.update(ActionExecuted("action_listen", timestamp=1.2))
    await store.save(tracker)
    for i in range(turns):
        tracker = await store.retrieve(sender)  # each message loads, adds, saves
        intent = "red_flag_urgent" if i == 2 else "faq"
        add_turn(tracker, f"question {i}", intent, f"answer {i}", 10.0 + i)
        await store.save(tracker)


@pytest.mark.asyncio
async def test_a_conversation_saved_by_ours_reads_the_same_through_rasas(stores) -> None:
    ours, rasas = stores()
    await run_conversation(ours, "patient-1", turns=6)
    await run_conversation(rasas, "patient-2", turns=6)
    mine, theirs = await rasas.retrieve("patient-1"), await ours.retrieve("patient-2")
    # the latest session starts at SessionStarted; one turn also sets the urgency slot
    assert len(mine.events) == 2 + 6 * 4 + 1  # no event lost or stored twice
    assert as_dicts(mine) == as_dicts(theirs)
    assert mine.get_slot("urgency") == theirs.get_slot("urgency") == "urgent"
    with ours.session_scope() as session:
        rows = session.query(ours.SQLEvent).filter(ours.SQLEvent.sender_id == "patient-1").order_by(ours.SQLEvent.id).all()
    assert [r.type_name for r in rows] == ["action"] + [e["event"] for e in as_dicts(mine)]
    assert rows[3].intent_name == "faq" and rows[4].action_name == "utter_faq"


@pytest.mark.asyncio
async def test_a_new_session_and_a_tracker_ours_did_not_load_are_saved_without_gaps(stores) -> None:
    ours, rasas = stores()
    await run_conversation(ours, "patient", turns=2)
    # Another process (Rasa's store here) adds a turn: our next load must see it.
    tracker = await rasas.retrieve("patient")
    add_turn(tracker, "from elsewhere", "faq", "answer", 50.0)
    await rasas.save(tracker)
    tracker = await ours.retrieve("patient")
    assert tracker.events[-4].text == "from elsewhere"
    # A new session on the same tracker, as Rasa's processor does after expiry.
    tracker.update(ActionExecuted("action_session_start", timestamp=100.0))
    tracker.update(SessionStarted(timestamp=100.1))
    tracker.update(ActionExecuted("action_listen", timestamp=100.2))
    await ours.save(tracker)
    latest = await rasas.retrieve("patient")
    assert [e["event"] for e in as_dicts(latest)] == ["session_started", "action"]
    full = await ours.retrieve_full_tracker("patient")
    assert len(full.events) == len((await rasas.retrieve_full_tracker("patient")).events) == 3 + 3 * 4 + 3
    # A tracker this store never loaded falls back to Rasa's count of stored events.
    tracker = await rasas.retrieve("patient")
    tracker.update(UserUttered("one more", {"name": "faq"}, timestamp=101.0))
    await ours.save(tracker)
    assert [e.as_dict() for e in (await rasas.retrieve("patient")).events] == as_dicts(tracker)


def test_events_are_rebuilt_as_rasas_own_deserialiser_would() -> None:
    from rasa.shared.core.events import deserialise_events as rasas

    rows = [e.as_dict() for e in filter(None, turn("hi", "red_flag_urgent", "call", 1.0))]
    rows.append({"event": "restart", "timestamp": 2.0})
    assert [e.as_dict() for e in deserialise_events(rows)] == [e.as_dict() for e in rasas(rows)]
    assert [type(e) for e in deserialise_events(rows)] == [type(e) for e in rasas(rows)]


@pytest.mark.asyncio
async def test_a_cancelled_message_still_stores_its_turn_before_letting_go(stores, monkeypatch) -> None:
    """Sanic cancels a handler whose client went away; the lock is released as the
    cancellation unwinds, so the write must be finished by then."""
    import asyncio
    import time

    ours, rasas = stores()
    await run_conversation(ours, "patient", turns=1)
    tracker = await ours.retrieve("patient")
    add_turn(tracker, "slow write", "faq", "answer", 60.0)
    slow_insert = ours._insert
    monkeypatch.setattr(ours, "_insert", lambda *args: (time.sleep(0.5), slow_insert(*args))[1])
    saving = asyncio.ensure_future(ours.save(tracker))
    await asyncio.sleep(0.1)
    saving.cancel()
    with pytest.raises(asyncio.CancelledError):
        await saving
    stored = await rasas.retrieve("patient")  # right after the cancellation is through
    assert stored.events[-4].text == "slow write"


@pytest.mark.asyncio
async def test_a_kept_tracker_is_the_stored_conversation(stores) -> None:
    ours, rasas = stores()
    await run_conversation(ours, "kept", turns=3)
    kept = ours._saved["kept"][0]
    first = await ours.retrieve("kept")
    assert first is kept  # the cache answered, no rebuild from rows
    assert as_dicts(first) == as_dicts(await rasas.retrieve("kept"))
    # handed out once: a message that fails half-way cannot leave a changed tracker behind
    first.update(UserUttered("never saved", {"name": "faq", "confidence": 0.9}, timestamp=99.0))
    again = await ours.retrieve("kept")
    assert again is not first
    assert as_dicts(again) == as_dicts(await rasas.retrieve("kept"))


@pytest.mark.asyncio
async def test_a_write_elsewhere_is_seen(stores) -> None:
    """Another worker or instance (its own store on the same database) answers in between."""
    ours, _ = stores()
    other, _ = stores()
    await run_conversation(ours, "shared", turns=2)
    tracker = await other.retrieve("shared")
    add_turn(tracker, "asked elsewhere", "faq", "answered elsewhere", 50.0)
    await other.save(tracker)
    mine = await ours.retrieve("shared")
    assert "asked elsewhere" in [e.text for e in mine.events if isinstance(e, UserUttered)]
    assert as_dicts(mine) == as_dicts(tracker)


@pytest.mark.asyncio
async def test_a_purged_conversation_is_gone(stores) -> None:
    ours, _ = stores()
    await run_conversation(ours, "purged", turns=2)
    with ours.session_scope() as session:
        session.query(ours.SQLEvent).filter(ours.SQLEvent.sender_id == "purged").delete()
        session.commit()
    assert await ours.retrieve("purged") is None


@pytest.mark.asyncio
async def test_a_new_conversation_changed_without_saving_is_not_kept(stores) -> None:
    """GET /conversations/<new id>/tracker creates a tracker, runs the session start on it
    and never saves: nothing of that may come back from the store."""
    ours, rasas = stores()
    tracker = await ours.get_or_create_tracker("fresh", append_action_listen=False)
    tracker.update(ActionExecuted("action_session_start", timestamp=1.0))
    tracker.update(SessionStarted(timestamp=1.1))
    assert "fresh" not in ours._saved
    ours_view, rasas_view = await ours.retrieve("fresh"), await rasas.retrieve("fresh")
    assert (ours_view and as_dicts(ours_view)) == (rasas_view and as_dicts(rasas_view))
    assert await ours.exists("fresh") == await rasas.exists("fresh")


@pytest.mark.asyncio
async def test_saving_an_out_of_date_copy_keeps_nothing_stale(stores) -> None:
    """Two copies loaded before either saves (an unlocked API call beside a message)."""
    ours, rasas = stores()
    await run_conversation(ours, "racy", turns=2)
    ours._saved.clear()
    first, second = await ours.retrieve("racy"), await ours.retrieve("racy")
    add_turn(first, "from the first", "faq", "a", 70.0)
    await ours.save(first)
    add_turn(second, "from the second", "faq", "b", 71.0)
    await ours.save(second)
    texts = [e.text for e in (await ours.retrieve("racy")).events if isinstance(e, UserUttered)]
    assert "from the first" in texts and "from the second" in texts
    assert texts == [e.text for e in (await rasas.retrieve("racy")).events if isinstance(e, UserUttered)]


@pytest.mark.asyncio
async def test_a_new_conversation_is_kept_from_its_first_answered_message(stores) -> None:
    ours, rasas = stores()
    tracker = await ours.get_or_create_tracker("first", append_action_listen=False)
    assert "first" not in ours._saved  # its creator may still change it without saving
    add_turn(tracker, "first question", "faq", "first answer", 5.0)
    await ours.save(tracker)
    assert ours._saved["first"][0] is tracker
    assert as_dicts(await ours.retrieve("first")) == as_dicts(await rasas.retrieve("first"))
