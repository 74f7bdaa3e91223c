"""POST /webhooks/rest/webhook: Rasa's REST channel, with the input checked first.

Rasa's RestInput reads ``request.json`` unchecked, so a malformed, non-object or
non-UTF-8 body, or a list as "message", ends in a 500 or an exception deep in the NLU
pipeline. Here every body is checked before Rasa sees it and refused with a JSON 4xx
``{"error": "..."}``. The reply format (a list of bot messages) is Rasa's own, plus
``"metadata": {"language": "en"|"es"}`` on each message: the language it is written in
(bot/nlg.py), so a client can show its own words in the same language.

The body checks live in plain functions (parse_message_body) that the clinic webhook
reuses, so both channels accept and refuse exactly the same things.
"""
from __future__ import annotations

import json
import logging
import re
import uuid
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Union

import rasa.utils.endpoints
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.exceptions import PayloadTooLarge
from sanic.request import Request
from sanic.response import HTTPResponse, ResponseStream

from bot import settings
from bot.i18n.language import detect
from bot.i18n.strings import say

logger = logging.getLogger(__name__)

# Sender ids end up in tracker-store keys, logs and URLs (/conversations/<id>/tracker):
# a conservative charset that still fits phone numbers (+1555...), e-mails and UUIDs.
SENDER_ID_PATTERN = re.compile(r"[A-Za-z0-9_.:@+-]+")

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


class RequestError(Exception):
    """A request the channel refuses; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_response(error: RequestError) -> HTTPResponse:
    return response.json({"error": error.message}, status=error.status)


def add_body_limit_handler(blueprint: Blueprint) -> None:
    """Sanic refuses bodies over the server's REQUEST_MAX_SIZE with an HTML page (or its
    own JSON shape); answer in the channel's ``{"error": ...}`` format instead."""

    @blueprint.exception(PayloadTooLarge)
    async def too_large(_: Request, __: Exception) -> HTTPResponse:
        return error_response(RequestError(413, "the body is too large"))


@dataclass(frozen=True)
class ParsedMessage:
    sender: str
    text: str
    metadata: Optional[Dict[str, Any]]


# SMS conversations are keyed "sms:<phone number>". The prefix is reserved so nobody can
# write into a patient's SMS conversation (or raise an escalation carrying their number)
# by posting to an unauthenticated channel with that id.
SMS_SENDER_PREFIX = "sms:"
# Given to a message that names no sender.
ANONYMOUS_SENDER_PREFIX = "anon-"


def check_public_sender(sender: Any) -> str:
    """check_sender, plus: ids in the SMS namespace are refused on open channels."""
    checked = check_sender(sender)
    if checked.lower().startswith(SMS_SENDER_PREFIX):
        raise RequestError(400, f"'sender' may not start with '{SMS_SENDER_PREFIX}'")
    return checked


def check_sender(sender: Any) -> str:
    """A valid sender id, a new one when none is given; RequestError otherwise.
    (Rasa's REST channel uses "default": every anonymous caller would share one
    conversation, its context and its urgency. The replies' recipient_id tells the
    caller the new id, to continue the conversation.)"""
    if sender is None:
        return f"{ANONYMOUS_SENDER_PREFIX}{uuid.uuid4().hex}"
    if not isinstance(sender, str):
        raise RequestError(400, "'sender' must be a string")
    if not sender:
        raise RequestError(400, "'sender' must not be empty")
    if len(sender) > settings.MAX_SENDER_ID_CHARS:
        raise RequestError(
            400, f"'sender' is longer than {settings.MAX_SENDER_ID_CHARS} characters"
        )
    if not SENDER_ID_PATTERN.fullmatch(sender):  # fullmatch: "$" would let "id\n" through
        raise RequestError(
            400, "'sender' may only contain letters, digits and the characters _ . : @ + -"
        )
    return sender


def check_text(text: Any) -> str:
    """The message text, stripped; RequestError if it is missing, empty or too long."""
    if text is None:
        raise RequestError(400, "'message' is required")
    if not isinstance(text, str):
        raise RequestError(400, "'message' must be a string")
    stripped = text.strip()
    if not stripped:
        raise RequestError(400, "'message' must not be empty")
    try:
        stripped.encode("utf-8")
    except UnicodeEncodeError:  # JSON's "\ud800": valid JSON, no text (spaCy fails on it)
        raise RequestError(400, "'message' is not valid Unicode text (a lone surrogate)")
    if len(stripped) > settings.MAX_MESSAGE_CHARS:
        raise RequestError(
            413, f"'message' is longer than {settings.MAX_MESSAGE_CHARS} characters"
        )
    return stripped


def parse_json_object(body: bytes) -> Dict[str, Any]:
    """Decode a request body that must be a UTF-8 JSON object."""
    if not body:
        raise RequestError(400, "the body must be a JSON object")
    try:
        decoded = body.decode("utf-8")
    except UnicodeDecodeError:
        raise RequestError(400, "the body is not valid UTF-8")
    try:
        data = json.loads(decoded)
    except (ValueError, RecursionError):  # RecursionError: absurdly nested arrays
        raise RequestError(400, "the body is not valid JSON")
    if not isinstance(data, dict):
        raise RequestError(400, "the body must be a JSON object")
    return data


def parse_message_body(body: bytes) -> ParsedMessage:
    """``{"sender": ID, "message": TEXT, "metadata": {...}}`` checked; RequestError if not."""
    data = parse_json_object(body)
    metadata = data.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise RequestError(400, "'metadata' must be a JSON object")
    return ParsedMessage(
        sender=check_public_sender(data.get("sender")),
        text=check_text(data.get("message")),
        metadata=metadata,
    )


LANGUAGE_KEY = "language"  # bot/nlg.py puts it on every message it writes


def message_language(message: Dict[str, Any]) -> Optional[str]:
    """The language a message says it is written in, if it says: `metadata.language` as
    the channels send it, or `language` as bot/nlg.py writes it."""
    language = (message.get("metadata") or {}).get(LANGUAGE_KEY) or message.get(LANGUAGE_KEY)
    return language if isinstance(language, str) else None


class LanguageCollectingOutputChannel(CollectingOutputChannel):
    """Rasa's collector, keeping the language of each message (Rasa drops every key it
    does not know) as ``"metadata": {"language": ...}``."""

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        language = message.get(LANGUAGE_KEY)
        first = len(self.messages)
        await super().send_response(recipient_id, message)
        if isinstance(language, str):
            for collected in self.messages[first:]:
                collected["metadata"] = {LANGUAGE_KEY: language}


def fallback_message(recipient_id: str, text: str = "") -> Dict[str, Any]:
    """Said when the bot failed mid-turn and said nothing: a patient who wrote about an
    emergency must never get silence. In the language of the patient's message, else the
    clinic's first language (the conversation cannot be read: the bot has failed)."""
    offered = settings.languages()
    language = detect(text, offered) or offered[0]
    return {
        "recipient_id": recipient_id,
        "text": say("unavailable", language),
        "metadata": {LANGUAGE_KEY: language},
    }


async def collect_replies(
    on_new_message: OnNewMessage,
    parsed: ParsedMessage,
    input_channel: str,
    message_id: Optional[str] = None,
) -> List[Dict[str, Any]]:
    """Run one turn and return the bot's messages in Rasa's REST format (with each
    message's language)."""
    collector = LanguageCollectingOutputChannel()
    try:
        await on_new_message(
            UserMessage(
                parsed.text,
                collector,
                parsed.sender,
                input_channel=input_channel,
                message_id=message_id,
                metadata=parsed.metadata,
            )
        )
    except Exception:
        # The message text is health data: log the failure, never the text.
        logger.exception("%s channel: handling a message failed", input_channel)
        if not collector.messages:
            return [fallback_message(parsed.sender, parsed.text)]
    return collector.messages


class ValidatedRestInput(RestInput):
    """Rasa's REST channel (same name, route and reply format) with input validation.

    The input channel recorded in the tracker is always "rest": Rasa would take it from
    the body, letting any caller pose as another channel (and pick its response variants).
    """

    @classmethod
    def name(cls) -> Text:
        return "rest"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        webhook = Blueprint("validated_rest_webhook", __name__)
        add_body_limit_handler(webhook)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> Union[ResponseStream, HTTPResponse]:
            try:
                parsed = parse_message_body(request.body)
            except RequestError as error:
                logger.info("rest channel: refused a request (%d: %s)", error.status, error.message)
                return error_response(error)

            if rasa.utils.endpoints.bool_arg(request, "stream", default=False):
                return response.stream(
                    self.stream_response(
                        on_new_message, parsed.text, parsed.sender, self.name(), parsed.metadata
                    ),
                    content_type="text/event-stream",
                )
            messages = await collect_replies(on_new_message, parsed, self.name())
            return response.json(messages)

        return webhook
