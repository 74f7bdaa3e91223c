"""The website chat widget, served by the bot itself (no CDN).

GET /chat/                  demo page: a short intro and the widget, configured from the environment;
                            in the clinic's first language, `?lang=es` for Spanish
GET /chat/widget.js         the embeddable widget (one <script> tag, see docs/widget.md)
GET /chat/widget.css        its styles (widget.js adds the <link> itself)
GET /chat/demo.css          the demo page's own styles
GET /chat/socket.io.min.js  the pinned socket.io client from node_modules (`npm ci`); 503 if missing
GET /chat/config.json       clinic name, emergency number and the languages the clinic offers
                            (LANGUAGES, first = default), for embeds that leave them out

The widget talks to Rasa's socketio channel (credentials.yml, bot/web/channel.py) at
/socket.io. Its own words are in widget.js; the demo page's are below, per language.
"""
from __future__ import annotations

import html
import json
from pathlib import Path
from string import Template
from typing import Dict, Optional

from sanic import Blueprint, response
from sanic.request import Request

from bot import settings
from bot.i18n.strings import conversation_language

STATIC_DIR = Path(__file__).resolve().parent / "static"
SOCKET_IO_CLIENT = (
    settings.PROJECT_ROOT / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js"
)

JS = "application/javascript; charset=utf-8"
CSS = "text/css; charset=utf-8"
HTML = "text/html; charset=utf-8"

# The demo page loads only same-origin scripts and styles; the widget sets its colour
# through the CSSOM, which a CSP does not restrict.
DEMO_PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'"
)
COMMON_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
# Short for the widget (a fix should reach clinic sites soon), long for the pinned client.
WIDGET_CACHE = "public, max-age=300"
CLIENT_CACHE = "public, max-age=86400"


# The demo page's words, per language: trusted HTML, with $clinic_name and
# $emergency_number filled in (escaped) afterwards.
DEMO_PAGE_STRINGS: Dict[str, Dict[str, str]] = {
    "en": {
        "page_title": "Dry needling questions",
        "heading": "Questions about dry needling?",
        "intro": ("This assistant from <strong>$clinic_name</strong> answers common questions about dry "
                  "needling: what it is, whether it hurts, what happens in a session, side effects and "
                  "aftercare, who should not have it, and cost and insurance."),
        "how_to": ("Open the chat with the button at the bottom right of the page. The answers are general "
                   "information, not medical advice; your physiotherapist can tell you what applies to you."),
        "emergency": ("In an emergency, don't wait for the chat: call "
                      "<a href=\"tel:$emergency_number\">$emergency_number</a>."),
        "embed_heading": "Add this chat to your clinic's website",
        "embed_intro": "Paste this one tag before <code>&lt;/body&gt;</code> on any page:",
    },
    "es": {
        "page_title": "Preguntas sobre la punción seca",
        "heading": "¿Preguntas sobre la punción seca?",
        "intro": ("Este asistente de <strong>$clinic_name</strong> responde preguntas frecuentes sobre la "
                  "punción seca: qué es, si duele, qué pasa en una sesión, efectos secundarios y cuidados "
                  "después, quién no debe hacérsela, y costo y seguro médico."),
        "how_to": ("Abra el chat con el botón abajo a la derecha de la página. Las respuestas son información "
                   "general, no consejo médico; su fisioterapeuta puede decirle qué se aplica a usted."),
        "emergency": ("En una emergencia, no espere al chat: llame al "
                      "<a href=\"tel:$emergency_number\">$emergency_number</a>."),
        "embed_heading": "Añada este chat al sitio web de su clínica",
        "embed_intro": "Pegue esta etiqueta antes de <code>&lt;/body&gt;</code> en cualquier página:",
    },
}


def _escape(value: str) -> str:
    """For HTML text and quoted attribute values alike."""
    return html.escape(value, quote=True)


def demo_page_language(requested: Optional[str]) -> str:
    """`?lang=es` (or "es-MX") when the clinic offers it, else the clinic's first language."""
    code = (requested or "").strip().lower().replace("_", "-").split("-")[0]
    return conversation_language(code if code in DEMO_PAGE_STRINGS else None)


def render_demo_page(template: str, clinic: settings.Clinic, origin: str, language: str = "en") -> str:
    words = {"lang": language, **DEMO_PAGE_STRINGS.get(language, DEMO_PAGE_STRINGS["en"])}
    values: Dict[str, str] = {
        "clinic_name": _escape(clinic.name),
        "emergency_number": _escape(clinic.emergency_number),
        "origin": _escape(origin),
    }
    return Template(Template(template).safe_substitute(words)).safe_substitute(values)


def _asset(path: Path, content_type: str, cache: str) -> response.HTTPResponse:
    return response.raw(
        path.read_bytes(),
        content_type=content_type,
        headers={**COMMON_HEADERS, "Cache-Control": cache},
    )


def web_blueprint(
    static_dir: Path = STATIC_DIR, socket_io_client: Optional[Path] = None
) -> Blueprint:
    """Routes at the app root under /chat/. The paths are parameters so tests can point
    them at a missing socket.io client."""
    client_path = socket_io_client or SOCKET_IO_CLIENT
    bp = Blueprint("web_widget")

    @bp.get("/chat", strict_slashes=True)
    async def chat_no_slash(_: Request) -> response.HTTPResponse:
        # Relative, so the page's relative asset URLs also work behind a path prefix.
        return response.redirect("chat/", status=301)

    @bp.get("/chat/", strict_slashes=True)
    async def demo_page(request: Request) -> response.HTTPResponse:
        template = (static_dir / "index.html").read_text(encoding="utf-8")
        origin = f"{request.scheme}://{request.host}"
        language = demo_page_language(request.args.get("lang"))
        page = render_demo_page(template, settings.clinic(language), origin, language)
        headers = {**COMMON_HEADERS, "Content-Security-Policy": DEMO_PAGE_CSP, "Cache-Control": "no-cache"}
        return response.html(page, headers=headers)

    @bp.get("/chat/widget.js")
    async def widget_js(_: Request) -> response.HTTPResponse:
        return _asset(static_dir / "widget.js", JS, WIDGET_CACHE)

    @bp.get("/chat/widget.css")
    async def widget_css(_: Request) -> response.HTTPResponse:
        return _asset(static_dir / "widget.css", CSS, WIDGET_CACHE)

    @bp.get("/chat/demo.css")
    async def demo_css(_: Request) -> response.HTTPResponse:
        return _asset(static_dir / "demo.css", CSS, WIDGET_CACHE)

    @bp.get("/chat/socket.io.min.js")
    async def socket_io_min_js(_: Request) -> response.HTTPResponse:
        if not client_path.is_file():
            return response.text(
                "The socket.io client is not installed on this server: run `npm ci` in the "
                "project root (package-lock.json pins socket.io-client). The chat widget "
                "cannot connect until then.",
                status=503,
                headers={**COMMON_HEADERS, "Cache-Control": "no-store", "Retry-After": "60"},
            )
        return _asset(client_path, JS, CLIENT_CACHE)

    @bp.get("/chat/config.json")
    async def widget_config(_: Request) -> response.HTTPResponse:
        clinic = settings.clinic()
        body = {"clinic_name": clinic.name, "emergency_number": clinic.emergency_number,
                "languages": list(settings.languages())}
        return response.json(body, headers={**COMMON_HEADERS, "Cache-Control": "no-cache"}, dumps=json.dumps)

    return bp
