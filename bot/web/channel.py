"""The website widget's channel: Rasa's socket.io channel, with each bot message's language.

Rasa's SocketIOOutput sends `{"text": ...}` (and `quick_replies`) and drops every other
key of a message, so the widget could not tell which language a reply is written in.
This output adds `"metadata": {"language": "en"|"es"}` (from bot/nlg.py) to every message
it emits; the widget switches its own strings to that language (bot/web/static/widget.js).
Everything else (events, rooms, session persistence) is Rasa's.
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint

LANGUAGE_KEY = "language"


class LanguageSocketIOOutput(SocketIOOutput):
    """One per incoming message (as Rasa's), so the language of the message being sent
    can be held on the instance while Rasa's send_* methods emit its parts."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._language: Optional[str] = None

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        language = message.get(LANGUAGE_KEY)
        self._language = language if isinstance(language, str) else None
        try:
            await super().send_response(recipient_id, message)
        finally:
            self._language = None

    async def _send_message(self, socket_id: Text, response: Any) -> None:
        if self._language and isinstance(response, dict):
            response = {**response, "metadata": {**(response.get("metadata") or {}), LANGUAGE_KEY: self._language}}
        await super()._send_message(socket_id, response)


class LanguageSocketIOInput(SocketIOInput):
    """Rasa's socketio channel (same name, events and credentials) with LanguageSocketIOOutput."""

    def get_output_channel(self) -> Optional[OutputChannel]:
        if self.sio is None:
            return super().get_output_channel()  # Rasa's warning, and None
        return LanguageSocketIOOutput(self.sio, self.bot_message_evt)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        async def with_language(message: UserMessage) -> Any:
            # Rasa's handler builds its own SocketIOOutput; the same server and event, with languages.
            message.output_channel = LanguageSocketIOOutput(self.sio, self.bot_message_evt)
            return await on_new_message(message)

        return super().blueprint(with_language)
