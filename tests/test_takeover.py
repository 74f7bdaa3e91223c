"""Live handoff without a server: Rasa's own tracker store and lock store (in memory),
the pause gate installed into Rasa's MessageProcessor, the idle release, the transcript."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from rasa.core.lock_store import InMemoryLockStore
from rasa.core.processor import MessageProcessor
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, ConversationPaused, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.clinic import audit, records, takeover


@pytest.fixture
def store(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'records.db'}"
    monkeypatch.setenv("ESCALATION_STORE_URL", url)
    monkeypatch.setenv("TAKEOVER_IDLE_MINUTES", "15")
    return url


@pytest.fixture
async def agent():
    tracker_store = InMemoryTrackerStore(Domain.empty())
    tracker = await tracker_store.get_or_create_tracker("patient-1")
    tracker.update(UserUttered("does it hurt", {"name": "faq", "confidence": 1.0}))
    await tracker_store.save(tracker)
    return SimpleNamespace(tracker_store=tracker_store, lock_store=InMemoryLockStore())


def user(intent: str) -> UserUttered:
    return UserUttered("text", {"name": intent, "confidence": 1.0})


@pytest.mark.parametrize("intent, handled", [
    ("faq", False), ("greet", False), ("nlu_fallback", False),
    ("red_flag_emergency", True), ("red_flag_urgent", True), ("restart", True),
])
def test_a_paused_conversation_handles_only_red_flags(intent: str, handled: bool) -> None:
    takeover.install()
    paused = DialogueStateTracker.from_events("p", [ConversationPaused(), user(intent)])
    assert MessageProcessor._should_handle_message(paused) is handled
    running = DialogueStateTracker.from_events("p", [user(intent)])
    assert MessageProcessor._should_handle_message(running) is True


async def test_take_over_write_and_release(store: str, agent) -> None:
    await takeover.take_over(agent, "patient-1", "anna@clinic.example")
    tracker = await agent.tracker_store.retrieve("patient-1")
    assert tracker.is_paused() and takeover.holder("patient-1") == "anna@clinic.example"
    with pytest.raises(takeover.TakeoverError) as refused:
        await takeover.take_over(agent, "patient-1", "ben@clinic.example")
    assert refused.value.status == 409

    await takeover.add_staff_message(agent, "patient-1", "anna@clinic.example", "Hello from Anna")
    tracker = await agent.tracker_store.retrieve("patient-1")
    staff_line = [e for e in tracker.events if isinstance(e, BotUttered)][-1]
    assert staff_line.text == "Hello from Anna" and staff_line.metadata == {"staff": "anna@clinic.example"}
    assert takeover.transcript(tracker)[-1] == {"from": "staff", "staff": "anna@clinic.example",
                                                "text": "Hello from Anna", "at": takeover.transcript(tracker)[-1]["at"]}

    await takeover.release(agent, "patient-1", "anna@clinic.example")
    assert not (await agent.tracker_store.retrieve("patient-1")).is_paused()
    assert takeover.holder("patient-1") is None
    assert [e["action"] for e in reversed(audit.latest(url=store))] == ["takeover", "release"]


async def test_an_unknown_conversation_cannot_be_taken_over(store: str, agent) -> None:
    with pytest.raises(takeover.TakeoverError) as refused:
        await takeover.take_over(agent, "nobody", "anna@clinic.example")
    assert refused.value.status == 404


async def test_an_idle_takeover_goes_back_to_the_bot(store: str, agent) -> None:
    await takeover.take_over(agent, "patient-1", "anna@clinic.example")
    assert await takeover.release_idle(agent, now=records.now() + dt.timedelta(minutes=14)) == []
    assert await takeover.release_idle(agent, now=records.now() + dt.timedelta(minutes=16)) == ["patient-1"]
    assert not (await agent.tracker_store.retrieve("patient-1")).is_paused()
    assert audit.latest(url=store)[0]["action"] == "auto_release_idle"


async def test_a_staff_message_keeps_the_takeover_alive(store: str, agent) -> None:
    await takeover.take_over(agent, "patient-1", "anna@clinic.example")
    with records.engine(store).begin() as conn:  # started 20 minutes ago
        conn.execute(takeover.takeovers.update().values(last_activity_at=records.now() - dt.timedelta(minutes=20)))
    await takeover.add_staff_message(agent, "patient-1", "anna@clinic.example", "Still here")
    assert await takeover.release_idle(agent) == []
    assert takeover.holder("patient-1") == "anna@clinic.example"
