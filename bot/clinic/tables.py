"""The console's tables, in the same database as the escalation records (records.metadata,
created with them on first use): staff accounts, sign-in failures, sessions, the audit
log, the queue's statuses, takeovers, call-back contacts and SMS opt-outs.

Tables holding a conversation id are listed in CONVERSATION_TABLES: `make purge` deletes
their rows with the conversation (by id) or by age, like the escalation records.
"""
from __future__ import annotations

import sqlalchemy as sa

from bot.clinic.records import metadata

staff = sa.Table(
    "staff", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("email", sa.String(254), nullable=False, unique=True),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("password_hash", sa.String(255), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
)

# Keyed by the e-mail typed, account or not: an unknown address locks the same way, so
# the answers do not tell which addresses have accounts.
login_failures = sa.Table(
    "staff_login_failures", metadata,
    sa.Column("email", sa.String(254), primary_key=True),
    sa.Column("failures", sa.Integer, nullable=False, default=0),
    sa.Column("first_failure_at", sa.DateTime, nullable=False),
    sa.Column("locked_until", sa.DateTime),
)

# The cookie holds a random token; the database only its SHA-256, so a copy of the
# database gives no usable session.
staff_sessions = sa.Table(
    "staff_sessions", metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("staff_id", sa.Integer, nullable=False, index=True),
    sa.Column("csrf_token", sa.String(64), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False, index=True),
    sa.Column("last_seen_at", sa.DateTime, nullable=False),
    sa.Column("revoked_at", sa.DateTime),
)

audit_log = sa.Table(
    "audit_log", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime, nullable=False, index=True),
    sa.Column("staff_email", sa.String(254)),
    sa.Column("action", sa.String(64), nullable=False),
    sa.Column("conversation_id", sa.String(255), index=True),
    sa.Column("detail", sa.String(255)),  # never message text
)

# One row per queue item that staff have acted on; an item without a row is "new".
queue_status = sa.Table(
    "queue_status", metadata,
    sa.Column("item_id", sa.String(32), primary_key=True),  # "escalation-12", "callback-3"
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False, index=True),
    sa.Column("acknowledged_by", sa.String(254)),
    sa.Column("acknowledged_at", sa.DateTime),
    sa.Column("contacted_by", sa.String(254)),
    sa.Column("contacted_at", sa.DateTime),
    sa.Column("closed_by", sa.String(254)),
    sa.Column("closed_at", sa.DateTime),
)

takeovers = sa.Table(
    "takeovers", metadata,
    sa.Column("conversation_id", sa.String(255), primary_key=True),
    sa.Column("staff_email", sa.String(254), nullable=False),
    sa.Column("started_at", sa.DateTime, nullable=False),
    sa.Column("last_activity_at", sa.DateTime, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False, index=True),  # = started_at, for purge by age
)

# How a patient who asked for a person wants to be reached (they consented to it).
callback_contacts = sa.Table(
    "callback_contacts", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.DateTime, nullable=False, index=True),
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    sa.Column("method", sa.String(8), nullable=False),  # phone | email
    sa.Column("value", sa.String(254), nullable=False),
)

# SMS numbers that opted out with a keyword Twilio does not handle itself (Spanish ALTO,
# BAJA, ...; bot/channels/twilio_sms.py): staff messages are not texted to them.
sms_opt_outs = sa.Table(
    "sms_opt_outs", metadata,
    sa.Column("conversation_id", sa.String(255), primary_key=True),  # "sms:+1555..."
    sa.Column("created_at", sa.DateTime, nullable=False, index=True),
)

CONVERSATION_TABLES = (audit_log, queue_status, takeovers, callback_contacts, sms_opt_outs)
