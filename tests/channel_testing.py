"""Testing a channel without a model: the channel's real blueprint in a minimal Sanic app,
driven over ASGI by httpx (sanic_testing is not installed), with a scripted bot in place
of Rasa's agent.

The bot behaves like the agent where the channels depend on it: it writes UserUttered
and BotUttered events (buttons in BotUttered.data, as Rasa does) to a real Rasa
InMemoryTrackerStore before on_new_message returns, and sends its messages through the
output channel it was given.
"""
from __future__ import annotations

import asyncio
import itertools
from types import SimpleNamespace
from typing import Any, Callable, Dict, List, Optional

import httpx
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, SlotSet, UserUttered
from sanic import Sanic

Sanic.test_mode = True  # lets every test build its own app under a fresh name
_app_names = itertools.count()

DOMAIN = Domain.from_dict({"slots": {
    "urgency": {"type": "any", "influence_conversation": False, "mappings": [{"type": "custom"}]},
    "language": {"type": "any", "influence_conversation": False, "mappings": [{"type": "custom"}]},
}})

Reply = Dict[str, Any]
Script = Callable[[str], List[Reply]]


def echo_script(text: str) -> List[Reply]:
    return [{"text": f"you said: {text}"}]


class ScriptedBot:
    """on_new_message for tests: records each UserMessage, answers with script(text).

    A reply may hold "slots": {"urgency": "emergency"} to set slots, "language": "es" (as
    bot/nlg.py writes it) or "raise": True to fail mid-turn as a broken pipeline would.
    """

    def __init__(self, script: Script = echo_script) -> None:
        self.script = script
        self.calls: List[UserMessage] = []
        self.tracker_store = InMemoryTrackerStore(DOMAIN)

    async def __call__(self, message: UserMessage) -> None:
        self.calls.append(message)
        tracker = await self.tracker_store.get_or_create_tracker(message.sender_id)
        tracker.update(UserUttered(message.text, input_channel=message.input_channel))
        try:
            for reply in self.script(message.text or ""):
                if reply.get("raise"):
                    raise RuntimeError("scripted failure")
                for slot, value in reply.get("slots", {}).items():
                    tracker.update(SlotSet(slot, value))
                sent = {k: v for k, v in reply.items() if k not in {"slots"}}
                if not sent:
                    continue
                tracker.update(BotUttered(sent.get("text"), data={"buttons": sent.get("buttons")}))
                await message.output_channel.send_response(message.sender_id, dict(sent))
        finally:
            await self.tracker_store.save(tracker)


class ChannelClient:
    """A Sanic app serving one channel at /webhooks/<name>/, and a synchronous client.

    Owns its event loop so tests stay plain functions whatever pytest-asyncio's mode is.
    """

    def __init__(self, channel: InputChannel, bot: Optional[ScriptedBot] = None) -> None:
        self.channel = channel
        self.bot = bot or ScriptedBot()
        self.app = Sanic(f"channel_test_{next(_app_names)}")
        self.app.ctx.agent = SimpleNamespace(tracker_store=self.bot.tracker_store)
        self.app.blueprint(channel.blueprint(self.bot), url_prefix=f"/webhooks/{channel.name()}")
        self.loop = asyncio.new_event_loop()
        self.loop.run_until_complete(self.app._startup())
        self.base_url = "http://testserver"

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        async def send() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url=self.base_url) as client:
                return await client.request(method, path, **kwargs)

        return self.loop.run_until_complete(send())

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", path, **kwargs)

    def run(self, coroutine: Any) -> Any:
        """Run something else (a callback receiver, a wait) on the app's loop."""
        return self.loop.run_until_complete(coroutine)

    def close(self) -> None:
        pending = [t for t in asyncio.all_tasks(self.loop) if not t.done()]
        for task in pending:
            task.cancel()
        if pending:
            self.loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        self.loop.close()
