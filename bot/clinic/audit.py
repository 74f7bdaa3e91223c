"""The audit log: who signed in, opened which conversation, took over, wrote, released,
changed a status. Never message text. `make audit` prints the latest entries."""
from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from typing import Dict, List, Optional, Sequence

import sqlalchemy as sa

from bot.clinic import records
from bot.clinic.tables import audit_log

logger = logging.getLogger(__name__)


def record(action: str, staff_email: Optional[str], conversation_id: Optional[str] = None,
           detail: Optional[str] = None, url: Optional[str] = None) -> None:
    try:
        with records.engine(url).begin() as conn:
            conn.execute(audit_log.insert().values(at=records.now(), staff_email=staff_email, action=action,
                                                   conversation_id=conversation_id,
                                                   detail=(detail or None) and detail[:255]))
    except sa.exc.SQLAlchemyError as error:
        # The action itself went through; losing its trace must be loud.
        logger.error("Audit entry '%s' NOT recorded: %s.", action, type(error).__name__)


async def record_async(action: str, staff_email: Optional[str], conversation_id: Optional[str] = None,
                       detail: Optional[str] = None, url: Optional[str] = None) -> None:
    """record(), with the database write off the event loop."""
    await asyncio.to_thread(record, action, staff_email, conversation_id, detail, url)


def latest(limit: int = 100, conversation_id: Optional[str] = None, url: Optional[str] = None) -> List[Dict]:
    query = audit_log.select().order_by(audit_log.c.id.desc()).limit(limit)
    if conversation_id is not None:
        query = query.where(audit_log.c.conversation_id == conversation_id)
    with records.engine(url).connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="The console's audit log, newest first.")
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--conversation", help="only entries about this conversation id")
    args = parser.parse_args(argv)
    rows = latest(args.limit, args.conversation)
    for row in rows:
        print(f"{row['at']:%Y-%m-%d %H:%M:%S}  {row['staff_email'] or '-':30}  {row['action']:22}  "
              f"{row['conversation_id'] or '-'}  {row['detail'] or ''}".rstrip())
    if not rows:
        print("none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
