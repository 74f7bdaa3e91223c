"""Server-side console sessions: a random token in an HttpOnly cookie, its hash in the
database, a CSRF token per session, an idle timeout and a maximum age. Signing out
revokes the row, so a copied cookie is worthless afterwards."""
from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Optional

import sqlalchemy as sa

from bot import settings
from bot.clinic import records
from bot.clinic.staff import StaffMember
from bot.clinic.tables import staff, staff_sessions

COOKIE_NAME = "console_session"
# Touching last_seen_at on every poll would be a write every few seconds per open console.
TOUCH_AFTER = dt.timedelta(seconds=60)


@dataclass(frozen=True)
class Session:
    token_hash: str
    staff: StaffMember
    csrf_token: str


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start(member: StaffMember, url: Optional[str] = None) -> tuple:
    """(cookie token, Session) for a staff member who just signed in."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    now = records.now()
    with records.engine(url).begin() as conn:
        conn.execute(staff_sessions.insert().values(token_hash=_hash(token), staff_id=member.id, csrf_token=csrf,
                                                    created_at=now, last_seen_at=now))
    return token, Session(_hash(token), member, csrf)


def lookup(token: Optional[str], url: Optional[str] = None, now: Optional[dt.datetime] = None) -> Optional[Session]:
    """The live session for a cookie token, or None (unknown, revoked, idle or too old)."""
    if not token or len(token) > 128:
        return None
    now = now or records.now()
    config = settings.console()
    query = (sa.select(staff_sessions, staff.c.email, staff.c.role)
             .join(staff, staff.c.id == staff_sessions.c.staff_id)
             .where(staff_sessions.c.token_hash == _hash(token)))
    engine = records.engine(url)
    with engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None or row.revoked_at is not None:
        return None
    if now - row.last_seen_at > dt.timedelta(minutes=config.session_idle_minutes) or \
            now - row.created_at > dt.timedelta(hours=config.session_max_hours):
        revoke(row.token_hash, url, now)
        return None
    if now - row.last_seen_at > TOUCH_AFTER:
        with engine.begin() as conn:
            conn.execute(staff_sessions.update().where(staff_sessions.c.token_hash == row.token_hash)
                         .values(last_seen_at=now))
    return Session(row.token_hash, StaffMember(row.staff_id, row.email, row.role), row.csrf_token)


def revoke(token_hash: str, url: Optional[str] = None, now: Optional[dt.datetime] = None) -> None:
    with records.engine(url).begin() as conn:
        conn.execute(staff_sessions.update().where(staff_sessions.c.token_hash == token_hash)
                     .values(revoked_at=now or records.now()))


def revoke_all_for(staff_id: int, url: Optional[str] = None) -> int:
    """Signs a staff member out everywhere (e.g. a lost laptop)."""
    with records.engine(url).begin() as conn:
        result = conn.execute(staff_sessions.update().where(staff_sessions.c.staff_id == staff_id)
                              .where(staff_sessions.c.revoked_at.is_(None)).values(revoked_at=records.now()))
    return result.rowcount or 0


def delete_finished(before: dt.datetime, url: Optional[str] = None) -> int:
    """Purge: sessions revoked, or created, before `before` (a live session is never older
    than CONSOLE_SESSION_MAX_HOURS)."""
    with records.engine(url).begin() as conn:
        result = conn.execute(staff_sessions.delete().where(sa.or_(
            staff_sessions.c.revoked_at < before, staff_sessions.c.created_at < before)))
    return result.rowcount or 0
