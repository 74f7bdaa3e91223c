"""Durable records the clinic acts on: red-flag escalations and requests for a person.

Kept beside the conversations (same database by default) and holding no message text:
the symptom names, tier, time, conversation and channel are enough for the clinic to
find the conversation and call back. `python -m bot.clinic.records list` shows them.
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
from typing import Dict, List, Optional

import sqlalchemy as sa

from bot import settings

metadata = sa.MetaData()

escalations = sa.Table(
    "escalations", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.DateTime, nullable=False, index=True),
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    sa.Column("channel", sa.String(64)),
    sa.Column("tier", sa.String(16), nullable=False),
    sa.Column("symptoms", sa.String(255)),
    # pending -> sent | failed | not_configured
    sa.Column("notify_status", sa.String(16), nullable=False, default="pending"),
    sa.Column("notify_attempts", sa.Integer, nullable=False, default=0),
)

handoff_requests = sa.Table(
    "handoff_requests", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.DateTime, nullable=False, index=True),
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    sa.Column("channel", sa.String(64)),
)


def engine(url: Optional[str] = None) -> sa.engine.Engine:
    return _engine_for(url or settings.escalation_store_url())


@functools.lru_cache(maxsize=8)
def _engine_for(url: str) -> sa.engine.Engine:
    """One engine per database per process; tables are created on first use."""
    from bot.clinic import tables  # noqa: F401 - registers the console's tables on `metadata`

    created = sa.create_engine(url, future=True, pool_pre_ping=True, connect_args=settings.db_connect_options(url))
    metadata.create_all(created)
    return created


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def record_escalation(conversation_id: str, channel: Optional[str], tier: str, symptoms: List[str], url: Optional[str] = None) -> int:
    with engine(url).begin() as conn:
        result = conn.execute(escalations.insert().values(
            created_at=now(), conversation_id=conversation_id, channel=channel, tier=tier,
            symptoms=", ".join(symptoms)[:255], notify_status="pending", notify_attempts=0,
        ))
        return int(result.inserted_primary_key[0])


def update_notification(escalation_id: int, status: str, attempts: int, url: Optional[str] = None) -> None:
    with engine(url).begin() as conn:
        conn.execute(escalations.update().where(escalations.c.id == escalation_id).values(
            notify_status=status, notify_attempts=attempts))


def record_handoff(conversation_id: str, channel: Optional[str], url: Optional[str] = None) -> int:
    with engine(url).begin() as conn:
        result = conn.execute(handoff_requests.insert().values(
            created_at=now(), conversation_id=conversation_id, channel=channel))
        return int(result.inserted_primary_key[0])


def list_escalations(url: Optional[str] = None, limit: int = 100) -> List[Dict]:
    with engine(url).connect() as conn:
        rows = conn.execute(escalations.select().order_by(escalations.c.id.desc()).limit(limit))
        return [dict(row._mapping) for row in rows]


def list_handoffs(url: Optional[str] = None, limit: int = 100) -> List[Dict]:
    with engine(url).connect() as conn:
        rows = conn.execute(handoff_requests.select().order_by(handoff_requests.c.id.desc()).limit(limit))
        return [dict(row._mapping) for row in rows]


def purgeable_tables() -> tuple:
    """Every table whose rows belong to a conversation (conversation_id, created_at or at)."""
    from bot.clinic import tables

    return (escalations, handoff_requests, *tables.CONVERSATION_TABLES)


def created_column(table: sa.Table) -> sa.Column:
    return table.c.created_at if "created_at" in table.c else table.c.at


def delete_for(conn: sa.engine.Connection, conversation_ids: Optional[List[str]] = None, before: Optional[dt.datetime] = None) -> int:
    """Delete records of these conversations and/or older than `before` (used by purge)."""
    deleted = 0
    for table in purgeable_tables():
        statement = table.delete()
        if conversation_ids is not None:
            statement = statement.where(table.c.conversation_id.in_(conversation_ids))
        if before is not None:
            statement = statement.where(created_column(table) < before)
        deleted += conn.execute(statement).rowcount or 0
    return deleted


def main() -> None:
    parser = argparse.ArgumentParser(description="List escalations and requests for a person.")
    parser.add_argument("what", choices=["list", "handoffs"])
    parser.add_argument("--limit", type=int, default=50)
    args = parser.parse_args()
    rows = list_escalations(limit=args.limit) if args.what == "list" else list_handoffs(limit=args.limit)
    for row in rows:
        print("  ".join(f"{k}={v}" for k, v in row.items()))
    if not rows:
        print("none")


if __name__ == "__main__":
    main()
