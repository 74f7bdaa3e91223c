"""The staff console under /console/: sign-in, the queue, transcripts and live handoff.

GET  /console/                          the console; the sign-in page when not signed in
POST /console/login                     form or JSON {email, password} -> session cookie; 401; 429 locked
POST /console/logout                    X-CSRF-Token; the session is revoked
GET  /console/api/session               {email, role, csrf_token}
GET  /console/api/queue                 {items: [...]} open items, most urgent and newest first
POST /console/api/queue/<item>/status   {status: acknowledged|contacted|closed}
GET  /console/api/unanswered            questions the bot could not answer
GET  /console/api/conversations/<id>    the transcript (audited)
POST /console/api/conversations/<id>/takeover | messages {text} | release

Every /console/api/ route and logout need a session (401); every POST but login needs
the session's CSRF token in X-CSRF-Token (403). The cookie is HttpOnly, SameSite=Strict,
limited to /console, and Secure behind TLS.
"""
from __future__ import annotations

import asyncio
import functools
import hmac
import json
import logging
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Optional
from urllib.parse import parse_qs, urlparse

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import settings
from bot.channels.rest import RequestError, check_sender, check_text, parse_json_object
from bot.clinic import audit, sessions, staff, takeover, work_queue
from bot.clinic.delivery import Delivery

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
STATIC_FILES = {"console.js": "application/javascript; charset=utf-8", "console.css": "text/css; charset=utf-8"}
CSRF_HEADER = "X-CSRF-Token"
MAX_STAFF_MESSAGE_CHARS = 1600  # Twilio's limit for one SMS body
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on its own
# form posts, which cross_site() must refuse.
SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin",
                    "X-Frame-Options": "DENY", "Cache-Control": "no-store"}

Handler = Callable[..., Awaitable[HTTPResponse]]


def _json(body: Any, status: int = 200) -> HTTPResponse:
    return response.json(body, status=status, headers=SECURITY_HEADERS)


def _error(status: int, message: str) -> HTTPResponse:
    return _json({"error": message}, status)


def behind_tls(request: Request) -> bool:
    forwarded = (request.headers.get("X-Forwarded-Proto") or "").split(",")[0].strip().lower()
    public = (settings.twilio().public_base_url or "").lower()
    return request.scheme == "https" or forwarded == "https" or public.startswith("https://")


def _set_cookie(resp: HTTPResponse, request: Request, token: str) -> None:
    resp.cookies[sessions.COOKIE_NAME] = token
    cookie = resp.cookies[sessions.COOKIE_NAME]
    cookie["httponly"] = True
    cookie["samesite"] = "Strict"
    cookie["path"] = "/console"
    if behind_tls(request):
        cookie["secure"] = True


def _clear_cookie(resp: HTTPResponse) -> None:
    resp.cookies[sessions.COOKIE_NAME] = ""
    cookie = resp.cookies[sessions.COOKIE_NAME]
    cookie["path"] = "/console"
    cookie["max-age"] = 0
    cookie["httponly"] = True
    cookie["samesite"] = "Strict"


async def current_session(request: Request) -> Optional[sessions.Session]:
    return await asyncio.to_thread(sessions.lookup, request.cookies.get(sessions.COOKIE_NAME))


def cross_site(request: Request) -> bool:
    """A browser's Origin naming another site: refused on every POST (with SameSite=Strict
    and the CSRF token, this also stops a forged sign-in form on another site)."""
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return origin == "null"
    forwarded = (request.headers.get("X-Forwarded-Host") or "").split(",")[0].strip()
    return urlparse(origin).netloc not in {request.host, forwarded} - {""}


def signed_in(handler: Handler) -> Handler:
    """401 without a live session; for POSTs 403 without its CSRF token."""

    @functools.wraps(handler)
    async def wrapped(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
        session = await current_session(request)
        if session is None:
            return _error(401, "sign in first")
        if request.method != "GET":
            if cross_site(request):
                return _error(403, "cross-site request refused")
            sent = request.headers.get(CSRF_HEADER) or ""
            if not hmac.compare_digest(sent.encode(), session.csrf_token.encode()):
                return _error(403, f"missing or wrong {CSRF_HEADER}")
        request.ctx.session = session
        return await handler(request, *args, **kwargs)

    return wrapped


def _credentials(request: Request) -> tuple:
    """(email, password, came from an HTML form) or RequestError."""
    content_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if content_type == "application/json":
        data = parse_json_object(request.body)
        from_form = False
    else:
        try:
            fields = parse_qs(request.body.decode("utf-8"), keep_blank_values=True)
        except UnicodeDecodeError:
            raise RequestError(400, "the body is not valid UTF-8")
        data = {key: values[0] for key, values in fields.items()}
        from_form = True
    email, password = data.get("email"), data.get("password")
    if not isinstance(email, str) or not isinstance(password, str) or not email.strip() or not password:
        raise RequestError(400, "'email' and 'password' are required")
    return email, password, from_form


def _page(name: str, status: int = 200, error: str = "") -> HTTPResponse:
    html = (STATIC_DIR / name).read_text(encoding="utf-8").replace("$error", error)
    return response.html(html, status=status, headers={**SECURITY_HEADERS, "Content-Security-Policy": PAGE_CSP})


def _conversation_id(raw: str) -> str:
    return check_sender(raw)


def console_blueprint(delivery: Optional[Delivery] = None) -> Blueprint:
    bp = Blueprint("clinic_console")
    delivery = delivery or Delivery(lambda: None)

    def agent_of(request: Request) -> Any:
        agent = getattr(request.app.ctx, "agent", None)
        if agent is None or agent.tracker_store is None:
            raise takeover.TakeoverError(503, "the bot is still starting")
        return agent

    @bp.exception(RequestError)
    async def bad_request(_: Request, error: RequestError) -> HTTPResponse:
        return _error(error.status, error.message)

    @bp.exception(takeover.TakeoverError)
    async def takeover_refused(_: Request, error: takeover.TakeoverError) -> HTTPResponse:
        return _error(error.status, error.message)

    @bp.exception(work_queue.TransitionError)
    async def transition_refused(_: Request, error: work_queue.TransitionError) -> HTTPResponse:
        return _error(error.status, str(error))

    # --- pages -------------------------------------------------------------------------

    @bp.get("/console", strict_slashes=True)
    async def no_slash(_: Request) -> HTTPResponse:
        return response.redirect("console/", status=301)

    @bp.get("/console/", strict_slashes=True)
    async def page(request: Request) -> HTTPResponse:
        if await current_session(request) is None:
            return _page("login.html")
        return _page("console.html")

    @bp.get("/console/static/<name:str>")
    async def static(_: Request, name: str) -> HTTPResponse:
        if name not in STATIC_FILES:
            return _error(404, "not found")
        return response.raw((STATIC_DIR / name).read_bytes(), content_type=STATIC_FILES[name],
                            headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache"})

    # --- sign-in -----------------------------------------------------------------------

    @bp.post("/console/login")
    async def login(request: Request) -> HTTPResponse:
        if cross_site(request):
            return _error(403, "cross-site request refused")
        email, password, from_form = _credentials(request)
        browser = from_form and "text/html" in (request.headers.get("accept") or "")
        try:
            member = await asyncio.to_thread(staff.sign_in, email, password)
        except staff.AccountLocked:
            await audit.record_async("sign_in_locked", staff.normalise_email(email)[:254])
            message = "Too many failed sign-ins: this account is locked for a while."
            if browser:
                return _page("login.html", 429, message)
            return response.json({"error": message}, status=429, headers={**SECURITY_HEADERS, "Retry-After": "900"})
        if member is None:
            await audit.record_async("sign_in_failed", staff.normalise_email(email)[:254])
            if browser:
                return _page("login.html", 401, "Wrong e-mail or password.")
            return _error(401, "wrong e-mail or password")
        token, session = await asyncio.to_thread(sessions.start, member)
        await audit.record_async("sign_in", member.email)
        if browser:  # a plain form post: back to the console, now signed in
            resp = response.redirect("/console/", status=303, headers=SECURITY_HEADERS)
        else:
            resp = _json({"email": member.email, "role": member.role, "csrf_token": session.csrf_token})
        _set_cookie(resp, request, token)
        return resp

    @bp.post("/console/logout")
    @signed_in
    async def logout(request: Request) -> HTTPResponse:
        session: sessions.Session = request.ctx.session
        await asyncio.to_thread(sessions.revoke, session.token_hash)
        await audit.record_async("sign_out", session.staff.email)
        resp = _json({"signed_out": True})
        _clear_cookie(resp)
        return resp

    @bp.get("/console/api/session")
    @signed_in
    async def session_info(request: Request) -> HTTPResponse:
        session: sessions.Session = request.ctx.session
        return _json({"email": session.staff.email, "role": session.staff.role, "csrf_token": session.csrf_token})

    # --- the queue ---------------------------------------------------------------------

    @bp.get("/console/api/queue")
    @signed_in
    async def queue(_: Request) -> HTTPResponse:
        return _json({"items": await asyncio.to_thread(work_queue.items)})

    @bp.post("/console/api/queue/<item_id:str>/status")
    @signed_in
    async def queue_status(request: Request, item_id: str) -> HTTPResponse:
        status = parse_json_object(request.body).get("status")
        if not isinstance(status, str):
            raise RequestError(400, "'status' is required")
        email = request.ctx.session.staff.email
        result = await asyncio.to_thread(work_queue.set_status, item_id[:64], status, email)
        await audit.record_async(f"status_{status}", email, result["conversation_id"], detail=item_id)
        return _json(result)

    @bp.get("/console/api/unanswered")
    @signed_in
    async def unanswered(request: Request) -> HTTPResponse:
        await audit.record_async("viewed_unanswered", request.ctx.session.staff.email)
        rows = await asyncio.to_thread(work_queue.unanswered_questions, settings.tracker_store_url())
        return _json({"items": rows})

    # --- conversations -----------------------------------------------------------------

    @bp.get("/console/api/conversations/<conversation_id:str>")
    @signed_in
    async def conversation(request: Request, conversation_id: str) -> HTTPResponse:
        conversation_id = _conversation_id(conversation_id)
        tracker = await agent_of(request).tracker_store.retrieve(conversation_id)
        if tracker is None:
            return _error(404, "no such conversation")
        await audit.record_async("opened_conversation", request.ctx.session.staff.email, conversation_id)
        return _json({
            "conversation_id": conversation_id,
            "channel": tracker.get_latest_input_channel(),
            "urgency": tracker.get_slot("urgency"),
            "paused": tracker.is_paused(),
            "taken_over_by": await asyncio.to_thread(takeover.holder, conversation_id),
            "messages": takeover.transcript(tracker),
        })

    @bp.post("/console/api/conversations/<conversation_id:str>/takeover")
    @signed_in
    async def take_over(request: Request, conversation_id: str) -> HTTPResponse:
        conversation_id = _conversation_id(conversation_id)
        await takeover.take_over(agent_of(request), conversation_id, request.ctx.session.staff.email)
        return _json({"conversation_id": conversation_id, "taken_over_by": request.ctx.session.staff.email})

    @bp.post("/console/api/conversations/<conversation_id:str>/messages")
    @signed_in
    async def staff_message(request: Request, conversation_id: str) -> HTTPResponse:
        conversation_id = _conversation_id(conversation_id)
        try:
            text = check_text(parse_json_object(request.body).get("text"))
        except RequestError as error:
            raise RequestError(error.status, error.message.replace("'message'", "'text'"))
        if len(text) > MAX_STAFF_MESSAGE_CHARS:
            raise RequestError(413, f"'text' is longer than {MAX_STAFF_MESSAGE_CHARS} characters")
        email = request.ctx.session.staff.email
        tracker = await takeover.add_staff_message(agent_of(request), conversation_id, email, text)
        outcome = await delivery.send(tracker.get_latest_input_channel(), conversation_id, text,
                                      takeover.latest_callback_url(tracker))
        await audit.record_async("staff_message", email, conversation_id, detail=f"delivery: {outcome}")
        return _json({"conversation_id": conversation_id, "delivery": outcome})

    @bp.post("/console/api/conversations/<conversation_id:str>/release")
    @signed_in
    async def release(request: Request, conversation_id: str) -> HTTPResponse:
        conversation_id = _conversation_id(conversation_id)
        await takeover.release(agent_of(request), conversation_id, request.ctx.session.staff.email)
        return _json({"conversation_id": conversation_id, "taken_over_by": None})

    return bp
