"""The console's queue: escalations and call-back requests as items with a status
(new -> acknowledged -> contacted -> closed, with who and when), and the questions the
bot could not answer."""
from __future__ import annotations

import datetime as dt
import functools
import json
from typing import Any, Dict, List, Optional

import sqlalchemy as sa

from bot import settings
from bot.clinic import records
from bot.clinic.tables import callback_contacts, queue_status, takeovers

STATUSES = ("new", "acknowledged", "contacted", "closed")
KIND_ORDER = {"emergency": 0, "urgent": 1, "callback": 2}
ESCALATION_PREFIX = "escalation-"
CALLBACK_PREFIX = "callback-"
# Open items are all shown; closed ones only this recent.
CLOSED_SHOWN_FOR = dt.timedelta(days=2)


class TransitionError(ValueError):
    """A status change the queue refuses (unknown item, unknown or backward status)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _iso(value: Optional[dt.datetime]) -> Optional[str]:
    return value.replace(tzinfo=dt.timezone.utc).isoformat() if value else None


def items(url: Optional[str] = None, limit: int = 200) -> List[Dict[str, Any]]:
    """Open items first (most urgent, then newest), then recently closed ones."""
    engine = records.engine(url)
    with engine.connect() as conn:
        escalations = conn.execute(records.escalations.select().order_by(records.escalations.c.id.desc()).limit(limit)).all()
        callbacks = conn.execute(records.handoff_requests.select().order_by(records.handoff_requests.c.id.desc()).limit(limit)).all()
        statuses = {row.item_id: row for row in conn.execute(queue_status.select())}
        taken = {row.conversation_id: row for row in conn.execute(takeovers.select())}
        contacts: Dict[str, Any] = {}
        for row in conn.execute(callback_contacts.select().order_by(callback_contacts.c.id)):
            contacts[row.conversation_id] = row  # the latest wins

    result = []
    for row in escalations:
        result.append(_item(f"{ESCALATION_PREFIX}{row.id}", row, row.tier, statuses, taken, {
            "tier": row.tier, "symptoms": [s for s in (row.symptoms or "").split(", ") if s],
            "notify_status": row.notify_status}))
    for row in callbacks:
        contact = contacts.get(row.conversation_id)
        result.append(_item(f"{CALLBACK_PREFIX}{row.id}", row, "callback", statuses, taken, {
            "tier": None, "symptoms": [],
            "contact": {"method": contact.method, "value": contact.value} if contact else None}))
    cutoff = records.now() - CLOSED_SHOWN_FOR
    result = [i for i in result if i["status"] != "closed" or (i["closed_at_raw"] or cutoff) >= cutoff]
    result.sort(key=lambda i: (i["status"] == "closed", KIND_ORDER[i["kind"]], -i["created_at_raw"].timestamp()))
    for item in result:
        del item["created_at_raw"], item["closed_at_raw"]
    return result[:limit]


def _item(item_id: str, row: Any, kind: str, statuses: Dict[str, Any], taken: Dict[str, Any],
          extra: Dict[str, Any]) -> Dict[str, Any]:
    state = statuses.get(item_id)
    takeover = taken.get(row.conversation_id)
    ack_at = state.acknowledged_at if state else None
    return {
        "id": item_id,
        "conversation_id": row.conversation_id,
        "kind": kind,
        "status": state.status if state else "new",
        "created_at": _iso(row.created_at),
        "channel": row.channel,
        **extra,
        "acknowledged_by": state.acknowledged_by if state else None,
        "acknowledged_at": _iso(ack_at),
        "seconds_to_acknowledge": round((ack_at - row.created_at).total_seconds()) if ack_at else None,
        "contacted_by": state.contacted_by if state else None,
        "contacted_at": _iso(state.contacted_at) if state else None,
        "closed_by": state.closed_by if state else None,
        "closed_at": _iso(state.closed_at) if state else None,
        "taken_over_by": takeover.staff_email if takeover else None,
        "created_at_raw": row.created_at,
        "closed_at_raw": state.closed_at if state else None,
    }


def _source_row(conn: sa.engine.Connection, item_id: str) -> Any:
    for prefix, table in ((ESCALATION_PREFIX, records.escalations), (CALLBACK_PREFIX, records.handoff_requests)):
        if item_id.startswith(prefix) and item_id[len(prefix):].isdigit():
            return conn.execute(table.select().where(table.c.id == int(item_id[len(prefix):]))).first()
    return None


def set_status(item_id: str, status: str, staff_email: str, url: Optional[str] = None) -> Dict[str, Any]:
    """Moves an item forward (a step may be skipped, e.g. closed straight away); who and
    when are kept for each step. TransitionError for anything else."""
    if status not in STATUSES[1:]:
        raise TransitionError(400, f"'status' must be one of {', '.join(STATUSES[1:])}")
    now = records.now()
    with records.engine(url).begin() as conn:
        source = _source_row(conn, item_id)
        if source is None:
            raise TransitionError(404, "no such queue item")
        state = conn.execute(queue_status.select().where(queue_status.c.item_id == item_id)).first()
        current = state.status if state else "new"
        if STATUSES.index(status) <= STATUSES.index(current):
            raise TransitionError(409, f"the item is already {current}")
        values: Dict[str, Any] = {"status": status}
        for step in STATUSES[STATUSES.index(current) + 1:STATUSES.index(status) + 1]:
            values[f"{step}_by"] = staff_email
            values[f"{step}_at"] = now
        if state is None:
            conn.execute(queue_status.insert().values(item_id=item_id, conversation_id=source.conversation_id,
                                                      created_at=source.created_at, **values))
        else:
            conn.execute(queue_status.update().where(queue_status.c.item_id == item_id).values(**values))
    return {"id": item_id, "conversation_id": source.conversation_id, "status": status}


@functools.lru_cache(maxsize=4)
def _tracker_engine(url: str) -> sa.engine.Engine:
    """Rasa's own database (read only here): one pool per process, not one per request."""
    return sa.create_engine(url, future=True, pool_pre_ping=True, connect_args=settings.db_connect_options(url))


def unanswered_questions(tracker_store_url: str, limit: int = 50) -> List[Dict[str, Any]]:
    """The latest messages the bot could not answer (intent nlu_fallback), for the clinic
    to improve its content. Read from Rasa's events table."""
    with _tracker_engine(tracker_store_url).connect() as conn:
        if not sa.inspect(conn).has_table("events"):
            return []
        rows = conn.execute(sa.text(
            "SELECT sender_id, timestamp, data FROM events WHERE type_name = 'user' "
            "AND intent_name = 'nlu_fallback' ORDER BY id DESC LIMIT :limit"), {"limit": limit}).all()
    result = []
    for row in rows:
        try:
            text = json.loads(row.data).get("text")
        except (TypeError, ValueError):
            text = None
        result.append({"conversation_id": row.sender_id, "text": text,
                       "at": _iso(dt.datetime.fromtimestamp(row.timestamp, dt.timezone.utc).replace(tzinfo=None))})
    return result
