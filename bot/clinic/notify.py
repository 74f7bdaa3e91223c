"""Tells the clinic about an escalation: a signed JSON POST to CLINIC_NOTIFY_URL.

Offline mode (no URL): nothing is sent and the record says `not_configured`; the clinic
still sees the escalation in `python -m bot.clinic.records list`. Delivery is retried with
exponential backoff, and the outcome is written back to the record.
"""
from __future__ import annotations

import asyncio
import json
import logging
from typing import Dict, Optional, Sequence

import aiohttp

from bot import settings
from bot.clinic import records
from bot.channels.signing import SIGNATURE_HEADER, sign

logger = logging.getLogger(__name__)

BACKOFF_SECONDS: Sequence[float] = (0.5, 1.0, 2.0, 4.0)
REQUEST_TIMEOUT_SECONDS = 5.0


class ClinicNotifier:
    def __init__(self, url: Optional[str], secret: Optional[str], backoff: Optional[Sequence[float]] = None) -> None:
        self.url = url
        self.secret = secret
        self.backoff = BACKOFF_SECONDS if backoff is None else backoff

    @classmethod
    def from_settings(cls) -> "ClinicNotifier":
        return cls(settings.clinic_notify_url(), settings.clinic_notify_secret())

    @property
    def enabled(self) -> bool:
        return bool(self.url)

    async def deliver(self, escalation_id: Optional[int], payload: Dict, store_url: Optional[str] = None) -> str:
        """`escalation_id` None: the escalation could not be recorded; it is sent all the same."""
        if not self.enabled:
            _note_outcome(escalation_id, "not_configured", 0, store_url)
            return "not_configured"
        body = json.dumps(payload, separators=(",", ":"), default=str).encode("utf-8")
        attempts = 0
        for delay in [0.0, *self.backoff]:
            await asyncio.sleep(delay)
            attempts += 1
            if await self._post(body):
                _note_outcome(escalation_id, "sent", attempts, store_url)
                return "sent"
        logger.error("Clinic notification for escalation %s failed after %d attempts.", escalation_id, attempts)
        _note_outcome(escalation_id, "failed", attempts, store_url)
        return "failed"

    async def _post(self, body: bytes) -> bool:
        headers = {"Content-Type": "application/json"}
        if self.secret:
            headers[SIGNATURE_HEADER] = sign(self.secret, body)
        try:
            timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_SECONDS)
            async with aiohttp.ClientSession(timeout=timeout) as session:
                async with session.post(self.url, data=body, headers=headers) as response:
                    return 200 <= response.status < 300
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            logger.warning("Clinic notification attempt failed: %s", type(error).__name__)
            return False


def _note_outcome(escalation_id: Optional[int], status: str, attempts: int, store_url: Optional[str]) -> None:
    """Writes the delivery's outcome to the record, if there is one and the database takes it."""
    if escalation_id is None:
        logger.warning("Clinic notification for an unrecorded escalation: %s after %d attempts.", status, attempts)
        return
    try:
        records.update_notification(escalation_id, status, attempts, store_url)
    except Exception as error:  # noqa: BLE001 - the delivery happened (or not) regardless
        logger.error("Outcome of the notification for escalation %s not recorded: %s.", escalation_id, type(error).__name__)
