"""Delivers a staff member's message on the channel the patient used.

- socketio (the website widget): emitted live to the conversation's room (Rasa's
  SocketIOInput puts each browser in the room of its session id);
- twilio (SMS): sent with the official twilio REST client from TWILIO_NUMBER
  (TWILIO_API_BASE_URL points it elsewhere, e.g. a local fake API in tests); not to a
  number that opted out (bot/clinic/opt_outs.py);
- clinic (integration): POSTed, signed like the webhook, to the callback URL of the
  patient's latest message;
- rest: nothing can be pushed; the message is in the tracker for the caller to read.
"""
from __future__ import annotations

import asyncio
import json
import logging
from typing import Any, Callable, Optional
from urllib.parse import urlparse

import aiohttp

from bot import settings
from bot.channels import signing
from bot.channels.rest import SMS_SENDER_PREFIX
from bot.channels.twilio_sms import plain_text, split_sms
from bot.clinic import opt_outs

logger = logging.getLogger(__name__)

DELIVERED = "delivered"
STORED_ONLY = "stored_only"   # the channel cannot be written to; the message is in the tracker
FAILED = "failed"
OPTED_OUT = "opted_out"       # SMS: the patient asked for no more messages; stored, not sent

ATTEMPTS = 3
TIMEOUT_SECONDS = 10


class Delivery:
    """`socketio` returns Rasa's socket.io channel (its `sio` server is made when Rasa
    mounts it), or None when the widget is off."""

    def __init__(self, socketio: Callable[[], Any]) -> None:
        self._socketio = socketio

    async def send(self, channel: Optional[str], conversation_id: str, text: str, callback_url: Optional[str]) -> str:
        try:
            if channel == "socketio":
                return await self._widget(conversation_id, text)
            if channel == "twilio" and conversation_id.startswith(SMS_SENDER_PREFIX):
                if await asyncio.to_thread(opt_outs.opted_out, conversation_id):
                    logger.info("Staff message not texted: the patient opted out of SMS.")
                    return OPTED_OUT
                return await asyncio.to_thread(send_sms, conversation_id[len(SMS_SENDER_PREFIX):], text)
            if channel == "clinic" and callback_url:
                return await self._clinic_callback(callback_url, conversation_id, text)
        except Exception as error:  # noqa: BLE001 - the message is stored; say it did not go out
            logger.error("Staff message delivery on %s failed: %s.", channel, type(error).__name__)
            return FAILED
        return STORED_ONLY

    async def _widget(self, conversation_id: str, text: str) -> str:
        channel = self._socketio()
        if channel is None or getattr(channel, "sio", None) is None:
            return STORED_ONLY
        # Same event as the bot's replies; "staff" lets the widget show who wrote.
        await channel.sio.emit(channel.bot_message_evt, {"text": text, "staff": True}, room=conversation_id)
        return DELIVERED

    async def _clinic_callback(self, url: str, conversation_id: str, text: str) -> str:
        body = json.dumps({"type": "staff_message", "sender": conversation_id,
                           "messages": [{"recipient_id": conversation_id, "text": text, "staff": True}]}).encode()
        secret = settings.clinic_webhook_secret() or ""
        timeout = aiohttp.ClientTimeout(total=TIMEOUT_SECONDS)
        for attempt in range(1, ATTEMPTS + 1):
            headers = {"Content-Type": "application/json", signing.SIGNATURE_HEADER: signing.sign(secret, body)}
            try:
                async with aiohttp.ClientSession(timeout=timeout) as session:
                    async with session.post(url, data=body, headers=headers) as answer:
                        if answer.status < 300:
                            return DELIVERED
                        if answer.status < 500:
                            break
            except (aiohttp.ClientError, asyncio.TimeoutError):
                pass
            if attempt < ATTEMPTS:
                await asyncio.sleep(attempt)
        logger.warning("Staff message to the clinic callback at %s not delivered.", urlparse(url).netloc)
        return FAILED


def twilio_client() -> Any:
    """The official client, pointed at TWILIO_API_BASE_URL when set."""
    from twilio.rest import Client

    config = settings.twilio()
    if not (config.account_sid and config.auth_token and config.number):
        raise RuntimeError("TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_NUMBER are needed to send SMS")
    client = Client(config.account_sid, config.auth_token)
    base_url = settings.twilio_api_base_url()
    if base_url:
        client.api.base_url = base_url.rstrip("/")
    return client


def send_sms(to: str, text: str) -> str:
    """Blocking (the twilio client uses requests): run it on a thread."""
    client = twilio_client()
    for piece in split_sms(plain_text(text)):
        client.messages.create(to=to, from_=settings.twilio().number, body=piece)
    return DELIVERED
