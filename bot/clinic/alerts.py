"""On-call alerts: each new escalation or call-back request also reaches staff where they
already look. Every channel is optional (ALERT_* settings), tried in parallel and retried
with backoff:

- e-mail over SMTP (STARTTLS unless turned off, login if a user is set);
- SMS to the on-call number, through Twilio's REST API (the official client);
- Slack and Microsoft Teams incoming webhooks ({"text": ...}).

An alert says what came in, on which channel and when, and where to look (the console),
never who: no conversation id (by SMS it is the phone number) and no message text unless
the clinic turns that on (ALERT_INCLUDE_TEXT=true).
"""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Awaitable, Callable, Dict, List, Optional, Sequence, Set

import aiohttp

from bot import settings

logger = logging.getLogger(__name__)

BACKOFF_SECONDS: Sequence[float] = (0.5, 1.0, 2.0)
TIMEOUT_SECONDS = 10
KIND_TITLE = {"emergency": "EMERGENCY escalation", "urgent": "Urgent escalation", "callback": "Call-back request"}
CHANNEL_NAME = {"socketio": "web chat", "twilio": "SMS", "rest": "REST API", "clinic": "clinic integration"}

# Alerts in flight in this process: referenced so they are not garbage-collected mid-retry.
_in_flight: Set[asyncio.Task] = set()


@dataclass(frozen=True)
class Alert:
    kind: str                      # emergency | urgent | callback
    item_id: Optional[str]         # the console's queue item ("escalation-12"), None if unrecorded
    channel: Optional[str]
    symptoms: Sequence[str] = ()
    message_text: Optional[str] = None  # sent only with ALERT_INCLUDE_TEXT=true

    def subject(self) -> str:
        return f"{KIND_TITLE.get(self.kind, self.kind)}: {settings.clinic().name}"

    def body(self, include_text: bool) -> str:
        at = dt.datetime.now(dt.timezone.utc).strftime("%H:%M UTC")
        lines = [f"{KIND_TITLE.get(self.kind, self.kind)} at {at} on {CHANNEL_NAME.get(self.channel or '', self.channel or 'an unknown channel')}."]
        if self.symptoms:
            lines.append("Symptoms: " + ", ".join(self.symptoms) + ".")
        if include_text and self.message_text:
            lines.append(f'Patient wrote: "{self.message_text}"')
        where = (settings.twilio().public_base_url or "").rstrip("/")
        lines.append(f"Open the staff console{' at ' + where + '/console/' if where else ''}"
                     f"{' (item ' + self.item_id + ')' if self.item_id else ''}.")
        return "\n".join(lines)


class OnCallAlerts:
    def __init__(self, config: Optional[settings.OnCallAlerts] = None, backoff: Optional[Sequence[float]] = None) -> None:
        self.config = config or settings.on_call_alerts()
        self.backoff = BACKOFF_SECONDS if backoff is None else backoff

    def channels(self) -> Dict[str, Callable[[Alert], Awaitable[None]]]:
        c = self.config
        found: Dict[str, Callable[[Alert], Awaitable[None]]] = {}
        if c.smtp_host and c.email_to and c.email_from:
            found["email"] = self._email
        if c.sms_to:
            found["sms"] = self._sms
        if c.slack_webhook_url:
            found["slack"] = lambda alert: self._webhook(c.slack_webhook_url, alert)
        if c.teams_webhook_url:
            found["teams"] = lambda alert: self._webhook(c.teams_webhook_url, alert)
        return found

    async def send(self, alert: Alert) -> Dict[str, str]:
        """{channel: "sent" | "failed"} for every configured channel (none: {})."""
        channels = self.channels()
        outcomes = await asyncio.gather(*(self._with_retries(name, send, alert) for name, send in channels.items()))
        return dict(zip(channels, outcomes))

    async def _with_retries(self, name: str, send: Callable[[Alert], Awaitable[None]], alert: Alert) -> str:
        attempts = 0
        for delay in [0.0, *self.backoff]:
            await asyncio.sleep(delay)
            attempts += 1
            try:
                await send(alert)
                return "sent"
            except Exception as error:  # noqa: BLE001 - any failure is retried, then reported
                logger.warning("On-call %s alert attempt %d failed: %s.", name, attempts, type(error).__name__)
        logger.error("On-call %s alert for %s failed after %d attempts.", name, alert.item_id or alert.kind, attempts)
        return "failed"

    async def _email(self, alert: Alert) -> None:
        message = EmailMessage()
        message["Subject"] = alert.subject()
        message["From"] = self.config.email_from
        message["To"] = self.config.email_to
        message.set_content(alert.body(self.config.include_text))
        await asyncio.to_thread(self._smtp_send, message)

    def _smtp_send(self, message: EmailMessage) -> None:
        c = self.config
        with smtplib.SMTP(c.smtp_host, c.smtp_port, timeout=TIMEOUT_SECONDS) as smtp:
            if c.smtp_starttls:
                smtp.starttls()
            if c.smtp_user:
                smtp.login(c.smtp_user, c.smtp_password or "")
            smtp.send_message(message)

    async def _sms(self, alert: Alert) -> None:
        from bot.clinic.delivery import send_sms

        await asyncio.to_thread(send_sms, self.config.sms_to, alert.subject() + "\n" + alert.body(self.config.include_text))

    async def _webhook(self, url: str, alert: Alert) -> None:
        text = f"*{alert.subject()}*\n{alert.body(self.config.include_text)}"
        timeout = aiohttp.ClientTimeout(total=TIMEOUT_SECONDS)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            async with session.post(url, json={"text": text}) as answer:
                if answer.status >= 300:
                    raise RuntimeError(f"webhook answered {answer.status}")


def dispatch(alert: Alert) -> Optional[asyncio.Task]:
    """Sends in the background (the patient's reply must not wait); None if no channel is set."""
    alerts = OnCallAlerts()
    if not alerts.channels():
        return None
    task = asyncio.get_running_loop().create_task(alerts.send(alert))
    _in_flight.add(task)
    task.add_done_callback(_in_flight.discard)
    return task


async def wait_for_alerts() -> List[Dict[str, str]]:
    """For tests and shutdown: the outcomes of the alerts in flight."""
    if not _in_flight:
        return []
    return list(await asyncio.gather(*list(_in_flight), return_exceptions=True))
