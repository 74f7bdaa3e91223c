"""`make profile`: where one message's time goes, end to end, in this process.

Loads the trained model with the serving set-up (bot/server.py's inference path, the
tracker store of TRACKER_STORE_URL, the lock store of LOCK_STORE_URL, a real action
server started for the run, as `make bench` does), sends held-out
FAQ questions as 10-message conversations through Rasa's own message handling, and
prints CPU milliseconds per message: in total, per NLU/policy graph node, and for the
tracker store, then the top functions by own time (cProfile). No HTTP: `make bench`
measures the server from outside.

Usage: python -m bot.tools.profile [--messages 300] [--model models/dry-needling.tar.gz]
"""
from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import os
import pstats
import time
import uuid
from collections import defaultdict
from typing import Dict, List

from bot import settings
from bot.serving import action_validation, endpoints, graph_runner
from bot.tools import bench
from bot.tools.bench_load import CONVERSATION_LENGTH, heldout_questions

HELDOUT = settings.PROJECT_ROOT / "tests" / "data" / "heldout_nlu.yml"


def _timed_graph_nodes(totals: Dict[str, float]) -> None:
    from rasa.engine import graph

    original = graph.GraphNode.__call__

    def timed(node, *args, **kwargs):
        started = time.process_time()
        try:
            return original(node, *args, **kwargs)
        finally:
            totals[node._node_name] += time.process_time() - started

    graph.GraphNode.__call__ = timed


async def _converse(agent, questions: List[str], count: int, tag: str) -> None:
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    sender = ""
    for i in range(count):
        if i % CONVERSATION_LENGTH == 0:
            sender = f"profile-{tag}-{uuid.uuid4().hex[:8]}"
        await agent.handle_message(UserMessage(questions[i % len(questions)], CollectingOutputChannel(), sender,
                                                input_channel="rest"))


async def _profile(model: str, messages: int) -> str:
    from rasa.core.agent import load_agent

    action_validation.install()  # as bot/server.py does
    graph_runner.install()
    agent = await load_agent(model_path=model, endpoints=endpoints.available())
    questions = heldout_questions(HELDOUT)
    await _converse(agent, questions, 50, "warmup")  # first calls fill caches

    nodes: Dict[str, float] = defaultdict(float)
    _timed_graph_nodes(nodes)
    store = getattr(agent.tracker_store, "_tracker_store", agent.tracker_store)
    store_seconds = [0.0]
    for name in ("retrieve", "save"):
        method = getattr(store, name)

        async def timed(*args, _method=method, **kwargs):
            started = time.process_time()
            try:
                return await _method(*args, **kwargs)
            finally:
                store_seconds[0] += time.process_time() - started

        setattr(store, name, timed)

    started_cpu, started_wall = time.process_time(), time.perf_counter()
    await _converse(agent, questions, messages, "plain")
    cpu_ms = (time.process_time() - started_cpu) * 1000 / messages
    wall_ms = (time.perf_counter() - started_wall) * 1000 / messages
    lines = [f"{messages} messages, {type(store).__name__}: {cpu_ms:.1f} ms CPU and {wall_ms:.1f} ms wall per message",
             f"  {store_seconds[0] * 1000 / messages:6.2f} ms  tracker store (retrieve + save, this thread)"]
    for name, seconds in sorted(nodes.items(), key=lambda item: -item[1])[:14]:
        lines.append(f"  {seconds * 1000 / messages:6.2f} ms  {name}")

    profiler = cProfile.Profile()
    profiler.enable()
    await _converse(agent, questions, messages, "cprofile")
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(25)
    return "\n".join(lines) + "\n\nTop functions by own time (cProfile, adds overhead):\n" + out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--model", default=str(settings.PROJECT_ROOT / "models" / "dry-needling.tar.gz"))
    args = parser.parse_args()
    from bot.server import configure_logging

    configure_logging()
    # Custom actions ("not sure", escalations) go to a real action server: without one,
    # each would cost a refused connection and an error log instead of the call.
    actions = bench.start_action_server()
    os.environ["ACTION_SERVER_URL"] = f"{actions.url}/webhook"
    try:
        print(asyncio.run(_profile(args.model, args.messages)))
    finally:
        actions.stop()


if __name__ == "__main__":
    main()
