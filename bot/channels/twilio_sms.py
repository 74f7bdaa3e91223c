"""POST /webhooks/twilio/webhook: SMS through Twilio, replying with TwiML.

What Rasa's own Twilio channel lacks (NOTES): it never checks X-Twilio-Signature, so
anyone could post as any phone number; it sends replies through the REST API with no
length limit and leaks button payloads. Here:

- the signature is checked against the URL Twilio signed (PUBLIC_BASE_URL, else the
  X-Forwarded-* headers of the proxy in front, else the request URL) with every form
  field, blank ones included; anything else gets 403;
- the reply is TwiML in the HTTP response (no outbound API call, no credentials used
  beyond the auth token): plain text, one <Message> per piece of at most 320 characters,
  split between sentences, buttons as "Reply 1 for ..., 2 for ...";
- a reply "1"/"2" is mapped back to that button's payload by reading the buttons of the
  bot's last turn from the tracker, so it works across requests and workers;
- keywords: Twilio's own opt-out and opt-in words (STOP, START, ...; English by default)
  and any message Twilio marks with OptOutType STOP/START (the clinic's Advanced
  Opt-Out words) are left to Twilio, which answers them; Spanish words Twilio's defaults
  do not know (ALTO, PARAR, BAJA, CANCELAR...; INICIAR) get the bot's own Spanish reply
  and are recorded (bot/clinic/opt_outs.py: no staff message is texted to the number);
  HELP / AYUDA / INFO get our own short help, in the keyword's language.
- Everything the channel writes itself follows the conversation's language: the numbered
  options ("Reply 1 for ..." / "Responda 1 para ...") take each message's language
  (bot/nlg.py), keyword replies the keyword's (INFO: the conversation's).
"""
from __future__ import annotations

import logging
import re
from typing import Any, Dict, Iterable, List, Optional, Text
from urllib.parse import parse_qs

from rasa.core.channels.channel import InputChannel
from rasa.shared.core.events import BotUttered, UserUttered
from sanic import Blueprint, response
from sanic.request import Request, RequestParameters
from sanic.response import HTTPResponse
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from bot import settings
from bot.channels.rest import (
    OnNewMessage,
    ParsedMessage,
    RequestError,
    SMS_SENDER_PREFIX,
    check_sender,
    collect_replies,
    message_language,
)
from bot.i18n.strings import conversation_language, say

logger = logging.getLogger(__name__)

SMS_MAX_CHARS = 320
SIGNATURE_HEADER = "X-Twilio-Signature"

# Twilio's own opt-out / opt-in keywords (its defaults, English only): Twilio answers them
# itself and blocks further messages, so the bot must stay silent (a second reply would go
# to an opted-out number).
TWILIO_OPT_OUT = {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"}
TWILIO_OPT_IN = {"START", "UNSTOP"}
TWILIO_KEYWORDS = TWILIO_OPT_OUT | TWILIO_OPT_IN
# With Advanced Opt-Out on its Messaging Service, Twilio marks keyword messages (its own and
# the clinic's added words) with this form field: STOP, START or HELP. It has answered them.
OPT_OUT_TYPE_FIELD = "OptOutType"
# Spanish words Twilio's defaults do not know: the bot answers them itself, in Spanish.
SPANISH_OPT_OUT = {"ALTO", "PARAR", "PARA", "PARE", "BAJA", "CANCELAR", "DETENER"}
SPANISH_OPT_IN = {"INICIAR", "COMENZAR"}
# Help keywords and their language (None: the conversation's).
HELP_KEYWORDS = {"HELP": "en", "AYUDA": "es", "INFO": None}

_OPTION_REPLY = re.compile(r"^\s*#?\s*(\d{1,2})\s*[.)]?\s*$")


# ---------------------------------------------------------------------------------------
# Plain text and splitting (pure functions, tested directly)

_MARKDOWN_RULES = [
    (re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)"), lambda m: m.group(1) if m.group(1) == m.group(2)
     else f"{m.group(1)} ({m.group(2)})"),               # [text](url) -> text (url)
    (re.compile(r"`([^`\n]+)`"), r"\1"),                  # `code`
    (re.compile(r"\*\*(.+?)\*\*", re.S), r"\1"),          # **bold**
    (re.compile(r"__(.+?)__", re.S), r"\1"),              # __bold__
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # *italic*
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),    # _italic_
    (re.compile(r"~~(.+?)~~"), r"\1"),                    # ~~strike~~
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.M), ""),     # headings
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), ""),         # block quotes
    (re.compile(r"^[ \t]*[*+][ \t]+", re.M), "- "),        # bullets -> "- "
    (re.compile(r"<br\s*/?>", re.I), "\n"),
    (re.compile(r"</?[A-Za-z][^>\n]*>"), ""),              # stray HTML tags
    (re.compile(r"[ \t]+"), " "),
    (re.compile(r" *\n *"), "\n"),
    (re.compile(r"\n{3,}"), "\n\n"),
]


# Typographic characters force the whole SMS into UCS-2 (70 characters a segment instead
# of 160): a 320-character answer would cost five segments instead of three.
_GSM_FRIENDLY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-",
                               "…": "...", "\u00a0": " "})


def plain_text(text: str) -> str:
    """Markdown to the plain text an SMS can show."""
    text = text.translate(_GSM_FRIENDLY)
    for pattern, replacement in _MARKDOWN_RULES:
        text = pattern.sub(replacement, text)
    return text.strip()


# A sentence ends at . ! ? (maybe followed by a closing quote or bracket) and whitespace,
# or at a line break. The separator stays with the sentence before it.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+|\n\s*")
_WORD = re.compile(r"\S+\s*")


def _sentences(text: str) -> List[str]:
    pieces, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        pieces.append(text[start:match.end()])
        start = match.end()
    if start < len(text):
        pieces.append(text[start:])
    return pieces


def _hard_pieces(text: str, limit: int) -> List[str]:
    # Only for a single "word" longer than a whole SMS (e.g. a giant URL).
    return [text[i:i + limit] for i in range(0, len(text), limit)]


def _pack(pieces: Iterable[str], limit: int, finer: List) -> List[str]:
    """Greedily join pieces into chunks of at most ``limit`` characters; a piece that is
    too long on its own is split with the next finer splitter."""
    chunks: List[str] = []
    current = ""
    for piece in pieces:
        if len((current + piece).strip()) <= limit:
            current += piece
            continue
        if current.strip():
            chunks.append(current.strip())
        current = ""
        if len(piece.strip()) <= limit:
            current = piece
        else:
            parts = _pack(finer[0](piece.strip(), limit), limit, finer[1:])
            chunks.extend(parts[:-1])
            # The last part may still share an SMS with what follows.
            current = parts[-1] + piece[len(piece.rstrip()):]
    if current.strip():
        chunks.append(current.strip())
    return chunks


def split_sms(text: str, limit: int = SMS_MAX_CHARS) -> List[str]:
    """``text`` as SMS pieces of at most ``limit`` characters, in order, split between
    sentences where possible, else between words; nothing is dropped."""
    text = text.strip()
    if not text:
        return []
    if len(text) <= limit:
        return [text]
    return _pack(
        _sentences(text),
        limit,
        [lambda t, _: _WORD.findall(t), lambda t, n: _hard_pieces(t, n)],
    )


def button_options(buttons: List[Dict[str, Any]], first_number: int = 1, language: str = "en") -> str:
    """``Reply 1 for Yes, 2 for No.`` (``Responda 1 para Sí, 2 para No.``): the titles
    only, payloads never reach the user."""
    options = [
        say("sms_option", language, number=number,
            title=plain_text(str(button.get("title") or button.get("payload") or "")))
        for number, button in enumerate(buttons, start=first_number)
    ]
    return say("sms_options", language, options=", ".join(options))


def sms_texts(messages: List[Dict[str, Any]], limit: int = SMS_MAX_CHARS) -> List[str]:
    """The bot's messages (Rasa's collector format) as SMS bodies, in order.

    Buttons are numbered across the whole turn, in the same order pending_buttons()
    reads them back from the tracker; their "Reply ..." is in the message's language.
    """
    texts: List[str] = []
    number = 1
    for message in messages:
        parts = [plain_text(message["text"])] if message.get("text") else []
        buttons = message.get("buttons") or message.get("quick_replies") or []
        if buttons:
            language = conversation_language(message_language(message))
            parts.append(button_options(buttons, number, language))
            number += len(buttons)
        for url_key in ("image", "attachment"):
            if isinstance(message.get(url_key), str):
                parts.append(message[url_key])
        texts.extend(split_sms("\n".join(p for p in parts if p), limit))
    return texts


def twiml(texts: List[str]) -> str:
    reply = MessagingResponse()
    for text in texts:
        reply.message(text)
    return str(reply)


def help_text(language: str = "en") -> str:
    return say("sms_help", language)


def keyword(text: str) -> str:
    """The message as a keyword: Twilio matches single words, in any case."""
    return text.strip().strip(".!¡").strip().upper()


# ---------------------------------------------------------------------------------------
# Replies to numbered options

def pending_buttons(events: Iterable[Any]) -> List[Dict[str, Any]]:
    """The buttons of the bot's last turn (the BotUttered events after the last user
    message), in the order they were numbered."""
    turn: List[BotUttered] = []
    for event in reversed(list(events)):
        if isinstance(event, UserUttered):
            break
        if isinstance(event, BotUttered):
            turn.append(event)
    buttons: List[Dict[str, Any]] = []
    for event in reversed(turn):
        data = event.data or {}
        buttons.extend(data.get("buttons") or data.get("quick_replies") or [])
    return buttons


async def resolve_option(request: Request, sender: str, text: str) -> str:
    """A bare "1", "2", ... becomes the payload of that button of the last bot turn;
    anything else (or a number with no such button) is passed on as typed."""
    match = _OPTION_REPLY.match(text)
    agent = getattr(request.app.ctx, "agent", None)
    if not match or agent is None or agent.tracker_store is None:
        return text
    tracker = await agent.tracker_store.retrieve(sender)
    if tracker is None:
        return text
    buttons = pending_buttons(tracker.events)
    index = int(match.group(1)) - 1
    if 0 <= index < len(buttons) and buttons[index].get("payload"):
        return str(buttons[index]["payload"])
    return text


async def stored_language(request: Request, sender: str) -> Optional[str]:
    """The conversation's `language` slot, if the conversation exists and has one."""
    agent = getattr(request.app.ctx, "agent", None)
    if agent is None or agent.tracker_store is None:
        return None
    try:
        tracker = await agent.tracker_store.retrieve(sender)
    except Exception:  # noqa: BLE001 - a keyword reply must not fail on the store
        logger.exception("Twilio SMS: could not read the conversation's language")
        return None
    value = tracker.get_slot("language") if tracker is not None and "language" in tracker.slots else None
    return value if isinstance(value, str) else None


def _remember_opt_out(sender: str, opted_out: bool) -> None:
    """Best effort: the reply (or Twilio's) goes out even if the database is down."""
    from bot.clinic import opt_outs

    try:
        (opt_outs.record if opted_out else opt_outs.clear)(sender)
    except Exception as error:  # noqa: BLE001
        logger.error("Twilio SMS: opt-%s NOT recorded: %s.", "out" if opted_out else "in", type(error).__name__)


# ---------------------------------------------------------------------------------------
# Signature

def signed_url(request: Request, public_base_url: Optional[str]) -> str:
    """The URL Twilio requested, which is what it signed. Behind a proxy the server sees
    another host and scheme, so prefer the configured public URL, then the proxy's
    X-Forwarded-* headers, then the request itself."""
    query = f"?{request.query_string}" if request.query_string else ""
    if public_base_url:
        return public_base_url.rstrip("/") + request.path + query
    proto = request.headers.get("X-Forwarded-Proto")
    host = request.headers.get("X-Forwarded-Host")
    if proto or host:
        # Several proxies append to these headers; the first value is the client-facing one.
        scheme = (proto or request.scheme).split(",")[0].strip()
        netloc = (host or request.host).split(",")[0].strip()
        return f"{scheme}://{netloc}{request.path}{query}"
    return request.url


def form_params(body: bytes) -> RequestParameters:
    """The form fields as Twilio signed them. Sanic's request.form drops blank fields
    (Twilio sends some, e.g. FromCity=), which would break every real signature."""
    try:
        decoded = body.decode("utf-8")
    except UnicodeDecodeError:
        raise RequestError(400, "the body is not valid UTF-8")
    return RequestParameters(parse_qs(decoded, keep_blank_values=True))


# ---------------------------------------------------------------------------------------
# The channel

def _xml(body: str, status: int = 200) -> HTTPResponse:
    return response.text(body, status=status, content_type="application/xml")


class TwilioSmsInput(InputChannel):
    """SMS through Twilio. Off (every request 403) while TWILIO_AUTH_TOKEN is unset."""

    @classmethod
    def name(cls) -> Text:
        return "twilio"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        # Secrets come from the environment, never from credentials.yml.
        return cls(settings.twilio())

    def __init__(self, config: Optional[settings.Twilio] = None) -> None:
        self.config = config or settings.twilio()
        if self.config.enabled:
            logger.info("Twilio SMS channel on: POST /webhooks/twilio/webhook")
        else:
            logger.warning("Twilio SMS channel off: TWILIO_AUTH_TOKEN is unset (requests get 403).")

    def _is_signed(self, request: Request, params: RequestParameters) -> bool:
        signature = request.headers.get(SIGNATURE_HEADER)
        if not self.config.auth_token or not signature:
            return False
        url = signed_url(request, self.config.public_base_url)
        return RequestValidator(self.config.auth_token).validate(url, params, signature)

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        webhook = Blueprint("twilio_sms_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.config.enabled else "off"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.config.enabled:
                return response.text("SMS channel is off", status=403)
            try:
                params = form_params(request.body)
            except RequestError:
                return response.text("invalid signature", status=403)
            if not self._is_signed(request, params):
                logger.warning("Twilio SMS: refused a request with a missing or invalid signature")
                return response.text("invalid signature", status=403)
            try:
                sender = SMS_SENDER_PREFIX + check_sender(params.get("From") or "")
            except RequestError as error:
                logger.info("Twilio SMS: refused a request (%s)", error.message)
                return response.text(error.message, status=400)
            # Twilio caps an SMS at 1600 characters; cutting (not refusing) keeps any red
            # flag in the first part answerable.
            text = (params.get("Body") or "").strip()[: settings.MAX_MESSAGE_CHARS]
            opt_out_type = (params.get(OPT_OUT_TYPE_FIELD) or "").strip().upper() or None
            return _xml(twiml(await self._reply_texts(request, on_new_message, sender, text, opt_out_type)))

        return webhook

    async def _reply_texts(
        self, request: Request, on_new_message: OnNewMessage, sender: str, text: str,
        opt_out_type: Optional[str] = None,
    ) -> List[str]:
        if not text:
            return []  # e.g. a picture without words: nothing the bot can answer
        word = keyword(text)
        if opt_out_type in {"STOP", "START"} or word in TWILIO_KEYWORDS:
            # Twilio has answered and blocks (or unblocks) the number: stay silent.
            _remember_opt_out(sender, opted_out=opt_out_type == "STOP" or word in TWILIO_OPT_OUT)
            return []
        if word in SPANISH_OPT_OUT or word in SPANISH_OPT_IN:
            # Twilio's defaults do not know these: the bot answers, and keeps staff messages away.
            opted_out = word in SPANISH_OPT_OUT
            _remember_opt_out(sender, opted_out)
            language = conversation_language("es")
            return split_sms(say("sms_opted_out" if opted_out else "sms_opted_in", language))
        if opt_out_type == "HELP" or word in HELP_KEYWORDS:
            language = HELP_KEYWORDS.get(word) or await stored_language(request, sender)
            return split_sms(help_text(conversation_language(language)))
        text = await resolve_option(request, sender, text)
        messages = await collect_replies(on_new_message, ParsedMessage(sender, text, None), self.name())
        return sms_texts(messages)
