"""SMS numbers that asked for no more messages: no staff message is texted to them.

Twilio blocks a number itself after its own opt-out words (STOP, UNSUBSCRIBE, ...) and
after any word a clinic adds in Twilio's Advanced Opt-Out; words it does not know (the
Spanish ALTO, PARAR, BAJA, CANCELAR with Twilio's default settings) reach the bot, which
records them here. START / UNSTOP (Twilio's) or INICIAR / COMENZAR end it.
"""
from __future__ import annotations

from typing import Optional

import sqlalchemy as sa

from bot.clinic import records
from bot.clinic.tables import sms_opt_outs


def record(conversation_id: str, url: Optional[str] = None) -> None:
    with records.engine(url).begin() as conn:
        exists = conn.execute(sa.select(sms_opt_outs.c.conversation_id)
                              .where(sms_opt_outs.c.conversation_id == conversation_id)).first()
        if not exists:
            conn.execute(sms_opt_outs.insert().values(conversation_id=conversation_id, created_at=records.now()))


def clear(conversation_id: str, url: Optional[str] = None) -> None:
    with records.engine(url).begin() as conn:
        conn.execute(sms_opt_outs.delete().where(sms_opt_outs.c.conversation_id == conversation_id))


def opted_out(conversation_id: str, url: Optional[str] = None) -> bool:
    with records.engine(url).connect() as conn:
        return conn.execute(sa.select(sms_opt_outs.c.conversation_id)
                            .where(sms_opt_outs.c.conversation_id == conversation_id)).first() is not None
