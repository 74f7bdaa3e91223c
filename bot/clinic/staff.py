"""Staff accounts: argon2id password hashes, sign-in with lockout, `make staff-add`.

    python -m bot.clinic.staff add EMAIL ROLE   # password from STAFF_PASSWORD, else prompted
"""
from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from dataclasses import dataclass
from typing import Optional, Sequence

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from bot import settings
from bot.clinic import records
from bot.clinic.tables import login_failures, staff

ROLES = ("admin", "clinician", "front_desk")
MIN_PASSWORD_CHARS = 12
MAX_EMAIL_CHARS = 254
MAX_PASSWORD_CHARS = 1024  # argon2 hashes anything, but a megabyte password is an attack

_hasher = PasswordHasher()  # argon2id with the library's current defaults
# Verified against when the e-mail has no account, so both cases take the same time.
_DUMMY_HASH = _hasher.hash("no account has this password")


@dataclass(frozen=True)
class StaffMember:
    id: int
    email: str
    role: str


class AccountLocked(Exception):
    def __init__(self, until: dt.datetime) -> None:
        super().__init__("account locked")
        self.until = until


def normalise_email(email: str) -> str:
    return email.strip().lower()


def check_new_account(email: str, role: str, password: str) -> None:
    """ValueError with a message a person can act on."""
    if "@" not in email or len(email) > MAX_EMAIL_CHARS or any(c.isspace() for c in email):
        raise ValueError("EMAIL must be an e-mail address")
    if role not in ROLES:
        raise ValueError(f"ROLE must be one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD_CHARS:
        raise ValueError(f"the password must have at least {MIN_PASSWORD_CHARS} characters")
    if len(password) > MAX_PASSWORD_CHARS:
        raise ValueError(f"the password must have at most {MAX_PASSWORD_CHARS} characters")


def add_or_update(email: str, role: str, password: str, url: Optional[str] = None) -> bool:
    """Creates the account, or sets a new role and password; True if it was created."""
    email = normalise_email(email)
    check_new_account(email, role, password)
    hashed = _hasher.hash(password)
    now = records.now()
    with records.engine(url).begin() as conn:
        existing = conn.execute(sa.select(staff.c.id).where(staff.c.email == email)).scalar()
        if existing is None:
            conn.execute(staff.insert().values(email=email, role=role, password_hash=hashed,
                                               created_at=now, updated_at=now))
        else:
            conn.execute(staff.update().where(staff.c.id == existing).values(
                role=role, password_hash=hashed, updated_at=now))
        conn.execute(login_failures.delete().where(login_failures.c.email == email))
    return existing is None


def by_id(staff_id: int, url: Optional[str] = None) -> Optional[StaffMember]:
    with records.engine(url).connect() as conn:
        row = conn.execute(sa.select(staff.c.id, staff.c.email, staff.c.role).where(staff.c.id == staff_id)).first()
    return StaffMember(row.id, row.email, row.role) if row else None


def sign_in(email: str, password: str, url: Optional[str] = None, now: Optional[dt.datetime] = None) -> Optional[StaffMember]:
    """The staff member, or None for a wrong e-mail or password; AccountLocked while
    locked (even with the right password: a guesser must not learn it was right)."""
    email = normalise_email(email)[:MAX_EMAIL_CHARS]
    now = now or records.now()
    config = settings.console()
    engine = records.engine(url)
    with engine.connect() as conn:
        failure = conn.execute(login_failures.select().where(login_failures.c.email == email)).first()
        row = conn.execute(staff.select().where(staff.c.email == email)).first()
    if failure is not None and failure.locked_until is not None and failure.locked_until > now:
        raise AccountLocked(failure.locked_until)
    if _password_matches(row.password_hash if row else None, password[:MAX_PASSWORD_CHARS]):
        with engine.begin() as conn:
            conn.execute(login_failures.delete().where(login_failures.c.email == email))
            if _hasher.check_needs_rehash(row.password_hash):
                conn.execute(staff.update().where(staff.c.id == row.id).values(password_hash=_hasher.hash(password)))
        return StaffMember(row.id, row.email, row.role)
    _count_failure(engine, email, failure, now, config)
    return None


def _password_matches(stored_hash: Optional[str], password: str) -> bool:
    try:
        return _hasher.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def _count_failure(engine: sa.engine.Engine, email: str, failure, now: dt.datetime, config: settings.Console) -> None:
    # A lock that has run out starts a fresh count.
    expired = failure is not None and failure.locked_until is not None and failure.locked_until <= now
    failures = 1 if failure is None or expired else failure.failures + 1
    locked_until = now + dt.timedelta(minutes=config.lockout_minutes) if failures >= config.lockout_failures else None
    with engine.begin() as conn:
        if failure is None:
            conn.execute(login_failures.insert().values(email=email, failures=failures, first_failure_at=now,
                                                        locked_until=locked_until))
        else:
            conn.execute(login_failures.update().where(login_failures.c.email == email).values(
                failures=failures, locked_until=locked_until,
                first_failure_at=now if expired else failure.first_failure_at))


def by_email(email: str, url: Optional[str] = None) -> Optional[StaffMember]:
    with records.engine(url).connect() as conn:
        row = conn.execute(sa.select(staff.c.id, staff.c.email, staff.c.role)
                           .where(staff.c.email == normalise_email(email))).first()
    return StaffMember(row.id, row.email, row.role) if row else None


def _sign_out_everywhere(email: str) -> int:
    from bot.clinic import audit, sessions

    member = by_email(email)
    if member is None:
        print(f"no account {normalise_email(email)}", file=sys.stderr)
        return 1
    ended = sessions.revoke_all_for(member.id)
    audit.record("signed_out_everywhere", member.email)
    print(f"ended {ended} session(s) of {member.email}")
    return 0


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Staff accounts for the clinic's console.")
    sub = parser.add_subparsers(dest="command", required=True)
    add = sub.add_parser("add", help="create or update an account (password: STAFF_PASSWORD, else prompted)")
    add.add_argument("email")
    add.add_argument("role", choices=ROLES)
    signout = sub.add_parser("signout", help="end every console session of an account (a lost laptop, someone leaving)")
    signout.add_argument("email")
    args = parser.parse_args(argv)
    if args.command == "signout":
        return _sign_out_everywhere(args.email)
    password = os.environ.get("STAFF_PASSWORD")
    if not password:
        if not sys.stdin.isatty():
            parser.error("set STAFF_PASSWORD, or run in a terminal to be asked for the password")
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            parser.error("the two passwords differ")
    try:
        created = add_or_update(args.email, args.role, password)
    except ValueError as error:
        parser.error(str(error))
    print(f"{'created' if created else 'updated'} {normalise_email(args.email)} ({args.role})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
