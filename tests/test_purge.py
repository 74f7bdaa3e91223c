"""bot.clinic.purge on real tracker stores: conversations written by Rasa's own SQLTrackerStore
on SQLite and on PostgreSQL (a throw-away database), with escalation and handoff records
beside them."""
from __future__ import annotations

import asyncio
import datetime as dt
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Iterator, List, NamedTuple, Optional

import pytest
import sqlalchemy as sa

from bot.clinic import purge, records
from tests.databases import BACKENDS, throwaway_database, tracker_store_kwargs
from tests.servers import ROOT

NOW = records.now()
DAY = dt.timedelta(days=1)


class Store(NamedTuple):
    url: str

    def save(self, sender: str, texts_at: List[dt.datetime], marker: str = "") -> None:
        """A conversation as Rasa stores it: session start, then one user message per time."""
        from rasa.core.tracker_store import SQLTrackerStore
        from rasa.shared.core.domain import Domain
        from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
        from rasa.shared.core.trackers import DialogueStateTracker

        store = SQLTrackerStore(Domain.empty(), **tracker_store_kwargs(self.url))
        first = _ts(texts_at[0])
        events = [ActionExecuted("action_session_start", timestamp=first), SessionStarted(timestamp=first)]
        events += [UserUttered(f"question {i} {marker}", timestamp=_ts(at)) for i, at in enumerate(texts_at)]
        asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))
        store.engine.dispose()

    def event_count(self, sender: str) -> int:
        engine = sa.create_engine(self.url, future=True)
        with engine.connect() as conn:
            count = conn.execute(sa.text("SELECT count(*) FROM events WHERE sender_id = :s"), {"s": sender}).scalar_one()
        engine.dispose()
        return int(count)

    def add_escalation(self, sender: str, created_at: dt.datetime) -> None:
        with records.engine(self.url).begin() as conn:
            conn.execute(records.escalations.insert().values(
                created_at=created_at, conversation_id=sender, channel="rest", tier="emergency",
                symptoms="chest pain", notify_status="sent", notify_attempts=1))

    def add_handoff(self, sender: str, created_at: dt.datetime) -> None:
        with records.engine(self.url).begin() as conn:
            conn.execute(records.handoff_requests.insert().values(
                created_at=created_at, conversation_id=sender, channel="rest"))

    def record_ids(self) -> List[str]:
        with records.engine(self.url).connect() as conn:
            rows = [*conn.execute(sa.select(records.escalations.c.conversation_id)),
                    *conn.execute(sa.select(records.handoff_requests.c.conversation_id))]
        return sorted(row[0] for row in rows)


def _ts(at: dt.datetime) -> float:
    return at.replace(tzinfo=dt.timezone.utc).timestamp()


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with throwaway_database(request.param, tmp_path, prefix="purge_test") as url:
        try:
            yield Store(url)
        finally:
            records.engine(url).dispose()


def run_purge(store: Store, older_than_days: Optional[float] = None, senders: List[str] = (), dry_run: bool = False) -> purge.PurgeResult:
    return purge.purge(older_than_days, senders, dry_run, tracker_store_url=store.url, records_url=store.url, now=NOW)


def test_conversations_idle_for_n_days_go_with_their_records(store: Store) -> None:
    store.save("old", [NOW - 45 * DAY, NOW - 40 * DAY])
    # Started long ago but still going: all of it stays, or Rasa would get half a history.
    store.save("ongoing", [NOW - 45 * DAY, NOW - 1 * DAY])
    store.save("recent", [NOW - 2 * DAY])
    store.add_escalation("old", NOW - 40 * DAY)
    store.add_handoff("old", NOW - 40 * DAY)
    store.add_escalation("ongoing", NOW - 44 * DAY)  # past retention: goes
    store.add_escalation("ongoing", NOW - 1 * DAY)
    store.add_handoff("recent", NOW - 2 * DAY)

    result = run_purge(store, older_than_days=30)

    assert (result.conversations, result.events, result.records) == (1, 4, 3)
    assert store.event_count("old") == 0
    assert store.event_count("ongoing") == 4
    assert store.event_count("recent") == 3
    assert store.record_ids() == ["ongoing", "recent"]


def test_one_sender_is_deleted_and_nobody_else(store: Store) -> None:
    store.save("+15550001111", [NOW - DAY, NOW])
    store.save("+15550002222", [NOW])
    store.add_escalation("+15550001111", NOW)
    store.add_handoff("+15550002222", NOW)

    result = run_purge(store, senders=["+15550001111"])

    assert (result.conversations, result.events, result.records) == (1, 4, 1)
    assert store.event_count("+15550001111") == 0
    assert store.event_count("+15550002222") == 3
    assert store.record_ids() == ["+15550002222"]


def test_dry_run_counts_what_the_real_run_deletes_and_deletes_nothing(store: Store) -> None:
    store.save("old", [NOW - 100 * DAY])
    store.save("asked", [NOW])
    store.add_escalation("old", NOW - 100 * DAY)
    store.add_escalation("asked", NOW)

    dry = run_purge(store, older_than_days=30, senders=["asked"], dry_run=True)
    assert store.event_count("old") == 3 and store.event_count("asked") == 3
    assert store.record_ids() == ["asked", "old"]

    real = run_purge(store, older_than_days=30, senders=["asked"])
    assert (dry.conversations, dry.events, dry.records) == (real.conversations, real.events, real.records) == (2, 6, 2)
    assert "would delete" in dry.summary() and "deleted" in real.summary()
    assert store.event_count("old") == store.event_count("asked") == 0


def test_a_purged_conversation_is_gone_for_rasa(store: Store) -> None:
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain

    store.save("gone", [NOW - 60 * DAY])
    store.save("kept", [NOW])
    run_purge(store, older_than_days=30)

    parsed = sa.engine.make_url(store.url)
    rasa_store = SQLTrackerStore(Domain.empty(), dialect=parsed.drivername, host=parsed.host,
                                 port=parsed.port, db=parsed.database, username=parsed.username)
    assert asyncio.run(rasa_store.retrieve("gone")) is None
    kept = asyncio.run(rasa_store.retrieve("kept"))
    assert [e.text for e in kept.events if e.type_name == "user"] == ["question 0 "]
    rasa_store.engine.dispose()


def test_nothing_stored_yet_is_not_an_error(tmp_path: Path) -> None:
    result = run_purge(Store(f"sqlite:///{tmp_path / 'empty.db'}"), older_than_days=1, senders=["x"])
    assert (result.conversations, result.events, result.records) == (0, 0, 0)


def _cli(args: List[str], tracker_store_url: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TRACKER_STORE_URL": tracker_store_url, "ESCALATION_STORE_URL": ""}
    return subprocess.run([sys.executable, "-m", "bot.clinic.purge", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_cli_purges_from_tracker_store_url_and_leaves_no_text_in_the_sqlite_file(tmp_path: Path) -> None:
    db = tmp_path / "conversations.db"
    store = Store(f"sqlite:///{db}")
    marker = f"unique-marker-{uuid.uuid4().hex}"
    store.save("patient-7", [NOW - 10 * DAY], marker=marker)
    store.save("patient-8", [NOW - 10 * DAY])
    assert marker.encode() in db.read_bytes()

    dry = _cli(["--sender", "patient-7", "--dry-run"], store.url)
    assert dry.returncode == 0, dry.stderr
    assert "would delete 1 conversation(s), 3 event(s)" in dry.stdout
    assert "patient-7" not in dry.stdout  # ids can be phone numbers: counts only

    done = _cli(["--sender", "patient-7"], store.url)
    assert done.returncode == 0, done.stderr
    assert "deleted 1 conversation(s), 3 event(s)" in done.stdout
    assert store.event_count("patient-7") == 0 and store.event_count("patient-8") == 3
    assert marker.encode() not in db.read_bytes()  # VACUUM: not left in free pages


def test_cli_refuses_to_run_without_saying_what_to_purge(tmp_path: Path) -> None:
    result = _cli([], f"sqlite:///{tmp_path / 'x.db'}")
    assert result.returncode == 2
    assert "--older-than-days" in result.stderr
