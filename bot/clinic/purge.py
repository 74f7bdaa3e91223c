"""Delete conversations (health data) from the tracker store, with their escalation and
handoff records.

    python -m bot.clinic.purge --older-than-days 30     # conversations idle for 30 days or more
    python -m bot.clinic.purge --sender +15551234567    # one person's conversation (repeatable)
    python -m bot.clinic.purge --older-than-days 30 --dry-run

Works on Rasa's SQL tracker store (SQLite or PostgreSQL: TRACKER_STORE_URL). Rasa keeps
one row per event in its `events` table (rasa/core/tracker_store.py SQLTrackerStore:
sender_id, type_name, timestamp as Unix seconds, ...). Age is per conversation, not per
event: deleting only the old events of a conversation that is still going would leave
Rasa a tracker with no session start and half a history. Output gives counts only, never
sender ids (they can be phone numbers).
"""
from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from dataclasses import dataclass
from typing import List, Optional, Sequence

import sqlalchemy as sa

from bot import settings
from bot.clinic import records, tables

logger = logging.getLogger(__name__)

# The table Rasa's SQLTrackerStore writes; declared here (not imported from Rasa) so the
# purge runs without loading Rasa and TensorFlow.
_metadata = sa.MetaData()
events = sa.Table(
    "events", _metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255), nullable=False),
    sa.Column("timestamp", sa.Float),
)


@dataclass
class PurgeResult:
    conversations: int
    events: int
    records: int
    dry_run: bool
    sessions: int = 0  # finished staff console sessions (with DAYS only)

    def summary(self) -> str:
        verb = "would delete" if self.dry_run else "deleted"
        return (f"{verb} {self.conversations} conversation(s), {self.events} event(s), "
                f"{self.records} escalation/handoff/console record(s), {self.sessions} finished console session(s)")


def _senders_to_purge(conn: sa.engine.Connection, cutoff: Optional[float], senders: Sequence[str]) -> List[str]:
    chosen = set()
    for chunk in _chunks(list(senders)):
        if chunk:  # only ids that have a stored conversation count as conversations
            stored = sa.select(events.c.sender_id).where(events.c.sender_id.in_(chunk)).distinct()
            chosen.update(conn.execute(stored).scalars())
    if cutoff is not None:
        last_event = sa.func.max(events.c.timestamp)
        idle = sa.select(events.c.sender_id).group_by(events.c.sender_id).having(last_event < cutoff)
        chosen.update(conn.execute(idle).scalars())
    return sorted(chosen)


def _count_events(conn: sa.engine.Connection, senders: List[str]) -> int:
    if not senders:
        return 0
    query = sa.select(sa.func.count()).select_from(events).where(events.c.sender_id.in_(senders))
    return int(conn.execute(query).scalar_one())


def _count_records(conn: sa.engine.Connection, senders: List[str], before: Optional[dt.datetime]) -> int:
    """What _delete_records would delete; a record can match both ways, so count ids."""
    total = 0
    for table in records.purgeable_tables():
        key = list(table.primary_key.columns)[0]
        ids = set()
        for chunk in _chunks(senders):
            ids.update(conn.execute(sa.select(key).where(table.c.conversation_id.in_(chunk))).scalars())
        if before is not None:
            ids.update(conn.execute(sa.select(key).where(records.created_column(table) < before)).scalars())
        total += len(ids)
    return total


def _delete_records(conn: sa.engine.Connection, senders: List[str], before: Optional[dt.datetime]) -> int:
    deleted = sum(records.delete_for(conn, conversation_ids=chunk) for chunk in _chunks(senders) if chunk)
    if before is not None:  # old records go even when their conversation is still going
        deleted += records.delete_for(conn, before=before)
    return deleted


def _chunks(items: List[str], size: int = 500) -> List[List[str]]:
    """Bounded IN (...) lists: SQLite refuses more than 999 parameters per statement."""
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def purge(
    older_than_days: Optional[float] = None,
    senders: Sequence[str] = (),
    dry_run: bool = False,
    tracker_store_url: Optional[str] = None,
    records_url: Optional[str] = None,
    now: Optional[dt.datetime] = None,
) -> PurgeResult:
    """Delete (or count, with dry_run) the conversations idle for `older_than_days` and
    those of `senders`, and their escalation and handoff records."""
    if older_than_days is None and not senders:
        raise ValueError("say what to purge: older_than_days and/or senders")
    now = now or records.now()
    before = now - dt.timedelta(days=older_than_days) if older_than_days is not None else None
    cutoff = before.replace(tzinfo=dt.timezone.utc).timestamp() if before is not None else None

    tracker_engine = sa.create_engine(tracker_store_url or settings.tracker_store_url(), future=True)
    records_engine = records.engine(records_url or settings.escalation_store_url())
    try:
        with tracker_engine.begin() as conn:
            has_events = sa.inspect(conn).has_table("events")
            chosen = _senders_to_purge(conn, cutoff, senders) if has_events else []
            event_count = 0
            for chunk in _chunks(chosen):
                if chunk:
                    event_count += _count_events(conn, chunk)
                    if not dry_run:
                        conn.execute(events.delete().where(events.c.sender_id.in_(chunk)))
        # Records are looked up by the ids asked for even when no conversation is stored.
        record_senders = sorted(set(chosen) | set(senders))
        with records_engine.begin() as conn:
            if dry_run:
                record_count = _count_records(conn, record_senders, before)
            else:
                record_count = _delete_records(conn, record_senders, before)
            session_count = _finished_sessions(conn, before, dry_run) if before is not None else 0
        if not dry_run and (event_count or record_count):
            _vacuum_sqlite(tracker_engine, records_engine)
    finally:
        tracker_engine.dispose()
    return PurgeResult(len(chosen), event_count, record_count, dry_run, session_count)


def _finished_sessions(conn: sa.engine.Connection, before: dt.datetime, dry_run: bool) -> int:
    """Console sessions revoked or started before `before` (none is live that long)."""
    table = tables.staff_sessions
    finished = sa.or_(table.c.revoked_at < before, table.c.created_at < before)
    if dry_run:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table).where(finished)).scalar_one())
    return conn.execute(table.delete().where(finished)).rowcount or 0


def _vacuum_sqlite(*engines: sa.engine.Engine) -> None:
    """SQLite keeps deleted rows in the file's free pages until VACUUM: for health data,
    deleted should mean gone from the file too (unless built with secure_delete, as
    Debian's is). PostgreSQL: autovacuum reclaims the space."""
    done = set()
    for engine in engines:
        if engine.dialect.name == "sqlite" and engine.url.database not in done:
            done.add(engine.url.database)
            try:
                with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                    conn.exec_driver_sql("VACUUM")
            except sa.exc.OperationalError as error:  # e.g. a running server holds a read lock
                logger.warning("Rows deleted, but VACUUM failed (%s): run the purge again later "
                               "to compact %s.", error.orig, engine.url.database)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Delete conversations and their escalation/handoff records.")
    parser.add_argument("--older-than-days", type=float, metavar="N",
                        help="conversations whose last event is at least N days old")
    parser.add_argument("--sender", action="append", default=[], metavar="ID",
                        help="one conversation id (repeat for several)")
    parser.add_argument("--dry-run", action="store_true", help="count, delete nothing")
    args = parser.parse_args(argv)
    if args.older_than_days is None and not args.sender:
        parser.error("give --older-than-days N and/or --sender ID")
    if args.older_than_days is not None and args.older_than_days < 0:
        parser.error("--older-than-days must be 0 or more")
    result = purge(args.older_than_days, args.sender, args.dry_run)
    print(result.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
