"""POST /webhooks/clinic/webhook: for clinics' own messaging systems (patient portal,
practice-management inbox, WhatsApp provider, ...).

Every request is signed with the clinic's shared secret (bot/channels/signing.py): the
body may hold health data and the sender id names a patient, so unsigned, badly signed
or stale (> 300 s) requests get 401 before the body is even read. The body is checked
like the REST channel's. The reply adds what an integration needs to route the
conversation: the conversation's ``urgency`` slot, whether it is ``escalated``, and the
``language`` the reply is written in ("en" / "es"; each message also carries its own in
``metadata.language``). ``metadata.language`` in the request (the patient's preferred
language) is used only when the message's own language is unclear
(bot/nlu/language_detector.py).

With ``metadata.callback_url`` the request is answered 202 at once and the same reply is
POSTed, signed the same way, to that URL when the bot is done (for integrations whose
own webhooks time out quickly).
"""
from __future__ import annotations

import asyncio
import json
import logging
import uuid
from typing import Any, Dict, List, Optional, Set, Text
from urllib.parse import urlparse

import aiohttp
from rasa.core.channels.channel import InputChannel
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import settings
from bot.channels import signing
from bot.channels.rest import (
    OnNewMessage,
    ParsedMessage,
    RequestError,
    add_body_limit_handler,
    collect_replies,
    error_response,
    message_language,
    parse_message_body,
)
from bot.i18n.strings import conversation_language

logger = logging.getLogger(__name__)

ESCALATED_LEVELS = {"emergency", "urgent"}
URGENCY_SLOT = "urgency"
LANGUAGE_SLOT = "language"
MAX_CALLBACK_URL_CHARS = 2048
# Per attempt; the whole delivery gives up after CALLBACK_ATTEMPTS so a dead callback
# endpoint never piles up tasks.
CALLBACK_TIMEOUT_SECONDS = 10
CALLBACK_ATTEMPTS = 3


def callback_url(metadata: Optional[Dict[str, Any]]) -> Optional[str]:
    """``metadata.callback_url`` if set; RequestError unless it is an http(s) URL."""
    url = (metadata or {}).get("callback_url")
    if url is None:
        return None
    if not isinstance(url, str) or len(url) > MAX_CALLBACK_URL_CHARS:
        raise RequestError(400, "'metadata.callback_url' must be an http(s) URL")
    parsed = urlparse(url)
    if parsed.scheme not in {"http", "https"} or not parsed.netloc:
        raise RequestError(400, "'metadata.callback_url' must be an http(s) URL")
    return url


async def conversation_slots(app: Sanic, sender: str) -> Dict[str, Any]:
    """The conversation's slots after the turn (the agent saved the tracker before
    on_new_message returned); {} if they cannot be read."""
    agent = getattr(app.ctx, "agent", None)
    if agent is None or agent.tracker_store is None:
        return {}
    try:
        tracker = await agent.tracker_store.retrieve(sender)
    except Exception:
        logger.exception("clinic webhook: could not read the conversation's slots")
        return {}
    return tracker.current_slot_values() if tracker else {}


def reply_language(messages: List[Dict[str, Any]], slots: Dict[str, Any]) -> str:
    """The language the reply is written in: its last message's, else the conversation's,
    else the clinic's first language."""
    said = [message_language(m) for m in messages]
    return conversation_language(next((s for s in reversed(said) if s), None) or slots.get(LANGUAGE_SLOT))


class ClinicWebhookInput(InputChannel):
    """Signed JSON webhook. Off (every request 401) while CLINIC_WEBHOOK_SECRET is unset."""

    @classmethod
    def name(cls) -> Text:
        return "clinic"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        # The secret comes from the environment, never from credentials.yml.
        return cls(settings.clinic_webhook_secret())

    def __init__(self, secret: Optional[str] = None) -> None:
        self.secret = secret
        # Callback deliveries in flight; kept referenced so they are not garbage-collected.
        self._tasks: Set[asyncio.Task] = set()
        if secret:
            logger.info("Clinic webhook channel on: POST /webhooks/clinic/webhook")
        else:
            logger.warning(
                "Clinic webhook channel off: CLINIC_WEBHOOK_SECRET is unset (requests get 401)."
            )

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        webhook = Blueprint("clinic_webhook", __name__)
        add_body_limit_handler(webhook)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.secret else "off"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.secret:
                return response.json({"error": "the clinic webhook is not configured"}, status=401)
            try:
                signing.check(self.secret, request.body, request.headers.get(signing.SIGNATURE_HEADER))
            except signing.SignatureError as error:
                logger.warning("clinic webhook: refused a request (%s)", error)
                return response.json({"error": str(error)}, status=401)
            try:
                parsed = parse_message_body(request.body)
                callback = callback_url(parsed.metadata)
            except RequestError as error:
                logger.info("clinic webhook: refused a request (%d: %s)", error.status, error.message)
                return error_response(error)

            message_id = uuid.uuid4().hex
            if callback:
                self._start(self._deliver(request.app, on_new_message, parsed, message_id, callback))
                return response.json(
                    {"sender": parsed.sender, "message_id": message_id, "status": "accepted"},
                    status=202,
                )
            return response.json(await self._reply(request.app, on_new_message, parsed, message_id))

        return webhook

    async def _reply(
        self, app: Sanic, on_new_message: OnNewMessage, parsed: ParsedMessage, message_id: str
    ) -> Dict[str, Any]:
        messages = await collect_replies(on_new_message, parsed, self.name(), message_id)
        slots = await conversation_slots(app, parsed.sender)
        urgency = slots.get(URGENCY_SLOT)
        urgency = str(urgency) if urgency is not None else None
        return {
            "sender": parsed.sender,
            "message_id": message_id,
            "messages": messages,
            "urgency": urgency,
            "escalated": urgency in ESCALATED_LEVELS,
            "language": reply_language(messages, slots),
        }

    def _start(self, coroutine: Any) -> None:
        task = asyncio.get_running_loop().create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            # Nobody awaits these tasks: without this the error would vanish.
            logger.error("clinic callback delivery crashed", exc_info=task.exception())

    async def _deliver(
        self,
        app: Sanic,
        on_new_message: OnNewMessage,
        parsed: ParsedMessage,
        message_id: str,
        url: str,
    ) -> None:
        reply = await self._reply(app, on_new_message, parsed, message_id)
        raw = json.dumps(reply).encode("utf-8")
        host = urlparse(url).netloc  # the host only: the path may carry the clinic's tokens
        timeout = aiohttp.ClientTimeout(total=CALLBACK_TIMEOUT_SECONDS)
        for attempt in range(1, CALLBACK_ATTEMPTS + 1):
            # Signed afresh each attempt so a retry is not refused as stale.
            headers = {
                "Content-Type": "application/json",
                signing.SIGNATURE_HEADER: signing.sign(self.secret or "", raw),
            }
            try:
                async with aiohttp.ClientSession(timeout=timeout) as session:
                    async with session.post(url, data=raw, headers=headers) as answer:
                        if answer.status < 300:
                            return
                        # 4xx means the clinic refused it: retrying would not help.
                        logger.warning("clinic callback to %s answered %d", host, answer.status)
                        if answer.status < 500:
                            return
            except (aiohttp.ClientError, asyncio.TimeoutError) as error:
                logger.warning(
                    "clinic callback to %s failed (attempt %d): %s", host, attempt, type(error).__name__
                )
            if attempt < CALLBACK_ATTEMPTS:
                await asyncio.sleep(attempt)
        logger.error("clinic callback to %s: gave up after %d attempts", host, CALLBACK_ATTEMPTS)
