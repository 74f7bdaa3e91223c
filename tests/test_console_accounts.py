"""Staff accounts, sessions, lockout, the audit log and their purge, on SQLite and on
PostgreSQL (throw-away databases), without a server; `make staff-add` as a command."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest
import sqlalchemy as sa

from bot.clinic import audit, purge, records, sessions, staff, tables
from tests.databases import BACKENDS, throwaway_database
from tests.servers import ROOT

PASSWORD = "correct horse battery staple"


@pytest.fixture(params=BACKENDS)
def db(request, tmp_path: Path) -> Iterator[str]:
    with throwaway_database(request.param, tmp_path, prefix="console") as url:
        yield url
        records.engine(url).dispose()


def test_passwords_are_stored_as_argon2id_hashes(db: str) -> None:
    assert staff.add_or_update("Anna@Clinic.Example ", "admin", PASSWORD, url=db) is True
    with records.engine(db).connect() as conn:
        row = conn.execute(tables.staff.select()).one()
    assert row.email == "anna@clinic.example"
    assert row.password_hash.startswith("$argon2id$") and PASSWORD not in row.password_hash
    assert staff.sign_in("anna@clinic.example", PASSWORD, url=db).role == "admin"
    assert staff.sign_in("anna@clinic.example", PASSWORD + "x", url=db) is None
    # Updating sets the new role and password; the old password stops working.
    assert staff.add_or_update("anna@clinic.example", "front_desk", "another long password", url=db) is False
    assert staff.sign_in("anna@clinic.example", PASSWORD, url=db) is None
    assert staff.sign_in("ANNA@clinic.example", "another long password", url=db).role == "front_desk"


@pytest.mark.parametrize("email, role, password, complaint", [
    ("not-an-email", "admin", PASSWORD, "e-mail"),
    ("a@b.example", "doctor", PASSWORD, "ROLE"),
    ("a@b.example", "admin", "short", "at least"),
])
def test_bad_accounts_are_refused_with_a_reason(tmp_path: Path, email, role, password, complaint) -> None:
    with pytest.raises(ValueError, match=complaint):
        staff.add_or_update(email, role, password, url=f"sqlite:///{tmp_path / 'c.db'}")


def test_lockout_after_repeated_failures_then_unlocks(db: str, monkeypatch) -> None:
    monkeypatch.setenv("CONSOLE_LOCKOUT_FAILURES", "3")
    monkeypatch.setenv("CONSOLE_LOCKOUT_MINUTES", "10")
    staff.add_or_update("ben@clinic.example", "clinician", PASSWORD, url=db)
    t0 = records.now()
    for i in range(3):
        assert staff.sign_in("ben@clinic.example", "wrong", url=db, now=t0 + dt.timedelta(seconds=i)) is None
    with pytest.raises(staff.AccountLocked):
        staff.sign_in("ben@clinic.example", PASSWORD, url=db, now=t0 + dt.timedelta(minutes=9))
    member = staff.sign_in("ben@clinic.example", PASSWORD, url=db, now=t0 + dt.timedelta(minutes=11))
    assert member is not None and member.email == "ben@clinic.example"
    # A success clears the count: two more failures do not lock.
    for i in range(2):
        assert staff.sign_in("ben@clinic.example", "wrong", url=db, now=t0 + dt.timedelta(minutes=12)) is None
    assert staff.sign_in("ben@clinic.example", PASSWORD, url=db, now=t0 + dt.timedelta(minutes=12)) is not None


def test_sessions_expire_when_idle_or_old_and_can_be_revoked(db: str, monkeypatch) -> None:
    monkeypatch.setenv("CONSOLE_SESSION_IDLE_MINUTES", "30")
    monkeypatch.setenv("CONSOLE_SESSION_MAX_HOURS", "12")
    staff.add_or_update("cy@clinic.example", "admin", PASSWORD, url=db)
    member = staff.sign_in("cy@clinic.example", PASSWORD, url=db)
    token, session = sessions.start(member, url=db)
    now = records.now()
    assert sessions.lookup(token, url=db, now=now).csrf_token == session.csrf_token
    assert sessions.lookup(token + "x", url=db) is None
    # Used every 20 minutes: alive for hours, until the maximum age.
    for minutes in range(20, 12 * 60, 20):
        assert sessions.lookup(token, url=db, now=now + dt.timedelta(minutes=minutes)) is not None, minutes
    assert sessions.lookup(token, url=db, now=now + dt.timedelta(hours=12, minutes=1)) is None

    token2, _ = sessions.start(member, url=db)
    assert sessions.lookup(token2, url=db, now=records.now() + dt.timedelta(minutes=31)) is None  # idle
    assert sessions.lookup(token2, url=db) is None  # and gone for good

    token3, _ = sessions.start(member, url=db)
    token4, _ = sessions.start(member, url=db)
    assert sessions.revoke_all_for(member.id, url=db) == 2
    assert sessions.lookup(token3, url=db) is None and sessions.lookup(token4, url=db) is None
    with records.engine(db).connect() as conn:
        stored = list(conn.execute(sa.select(tables.staff_sessions.c.token_hash)).scalars())
    assert token3 not in stored and len(stored[0]) == 64  # only hashes are stored


def test_purge_covers_the_console_tables(db: str, tmp_path: Path) -> None:
    """A purged conversation leaves no audit entry, status, takeover or contact behind."""
    old = records.now() - dt.timedelta(days=40)
    with records.engine(db).begin() as conn:
        for sender, at in (("gone", old), ("kept", records.now())):
            conn.execute(tables.audit_log.insert().values(at=at, staff_email="a@b.example", action="opened_conversation",
                                                          conversation_id=sender))
            conn.execute(tables.queue_status.insert().values(item_id=f"callback-{sender}", conversation_id=sender,
                                                             status="closed", created_at=at))
            conn.execute(tables.takeovers.insert().values(conversation_id=sender, staff_email="a@b.example",
                                                          started_at=at, last_activity_at=at, created_at=at))
            conn.execute(tables.callback_contacts.insert().values(created_at=at, conversation_id=sender,
                                                                  method="phone", value="+15550100"))
            conn.execute(tables.sms_opt_outs.insert().values(conversation_id=sender, created_at=at))
    dry = purge.purge(older_than_days=30, dry_run=True, tracker_store_url=db, records_url=db)
    assert dry.records == 5
    result = purge.purge(older_than_days=30, tracker_store_url=db, records_url=db)
    assert result.records == 5
    with records.engine(db).connect() as conn:
        for table in tables.CONVERSATION_TABLES:
            assert set(conn.execute(sa.select(table.c.conversation_id)).scalars()) == {"kept"}, table.name
    assert purge.purge(senders=["kept"], tracker_store_url=db, records_url=db).records == 5


def test_purge_deletes_finished_sessions(db: str) -> None:
    staff.add_or_update("dee@clinic.example", "admin", PASSWORD, url=db)
    member = staff.sign_in("dee@clinic.example", PASSWORD, url=db)
    token, session = sessions.start(member, url=db)
    sessions.revoke(session.token_hash, url=db, now=records.now() - dt.timedelta(days=2))
    live, _ = sessions.start(member, url=db)
    result = purge.purge(older_than_days=1, tracker_store_url=db, records_url=db)
    assert result.sessions == 1
    assert sessions.lookup(live, url=db) is not None


def test_audit_entries_hold_no_text_beyond_their_fields(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.db'}"
    audit.record("staff_message", "a@clinic.example", "sms:+15550100", detail="delivery: " + "x" * 400, url=url)
    [entry] = audit.latest(url=url)
    assert entry["action"] == "staff_message" and len(entry["detail"]) == 255


def _make(tmp_path: Path, *args: str, password: str = None) -> subprocess.CompletedProcess:
    env = {"PATH": os.environ["PATH"], "TRACKER_STORE_URL": f"sqlite:///{tmp_path / 'c.db'}",
           "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}
    if password is not None:
        env["STAFF_PASSWORD"] = password
    return subprocess.run(["make", "-s", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=300)


def test_make_staff_add_and_make_audit(tmp_path: Path) -> None:
    made = _make(tmp_path, "staff-add", "EMAIL=Eve@Clinic.example", "ROLE=front_desk", password=PASSWORD)
    assert made.returncode == 0, made.stderr
    assert "created eve@clinic.example (front_desk)" in made.stdout
    url = f"sqlite:///{tmp_path / 'c.db'}"
    assert staff.sign_in("eve@clinic.example", PASSWORD, url=url).role == "front_desk"
    again = _make(tmp_path, "staff-add", "EMAIL=eve@clinic.example", "ROLE=admin", password=PASSWORD + "!")
    assert "updated eve@clinic.example (admin)" in again.stdout
    # No STAFF_PASSWORD and no terminal to prompt on: a clear error, no account change.
    no_password = _make(tmp_path, "staff-add", "EMAIL=fay@clinic.example", "ROLE=admin")
    assert no_password.returncode != 0 and "STAFF_PASSWORD" in no_password.stderr
    assert _make(tmp_path, "staff-add", "EMAIL=fay@clinic.example", "ROLE=boss", password=PASSWORD).returncode != 0
    assert _make(tmp_path, "staff-add", password=PASSWORD).returncode != 0

    audit.record("takeover", "eve@clinic.example", "conv-1", url=url)
    listed = _make(tmp_path, "audit")
    assert listed.returncode == 0 and "eve@clinic.example" in listed.stdout and "takeover" in listed.stdout
    records.engine(url).dispose()
