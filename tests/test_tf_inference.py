"""The server calls the NLU models' traced graphs directly (bot/tf_inference.py): the
parse of every message must be exactly what Rasa's own call path gives."""
from __future__ import annotations

import asyncio

import pytest

from bot import tf_inference
from bot.bench_load import heldout_questions
from bot.evaluate import MODEL_PATH


def ranked(parse: dict) -> tuple:
    selector = parse["response_selector"]["faq"]
    return (
        parse["intent"]["name"],
        [(r["name"], round(r["confidence"], 6)) for r in parse["intent_ranking"]],
        [(r["intent_response_key"], round(r["confidence"], 6)) for r in selector["ranking"]],
        parse["entities"],
    )


@pytest.fixture(scope="module")
def agent():
    from rasa.core.agent import Agent

    return Agent.load(str(MODEL_PATH))


def parse_all(agent, texts):
    async def run():
        return [await agent.parse_message(text) for text in texts]

    return asyncio.run(run())


def test_direct_graph_calls_give_rasas_parses(agent) -> None:
    from pathlib import Path

    texts = heldout_questions(Path(__file__).parent / "data" / "heldout_nlu.yml")[:120]
    texts += ["i cant breathe", "no chest pain, just sore", "what's the weather", "hi"]
    try:
        tf_inference.use_tf_functions()
        expected = [ranked(p) for p in parse_all(agent, texts)]
        tf_inference.use_concrete_functions()
        actual = [ranked(p) for p in parse_all(agent, texts)]
    finally:
        tf_inference.use_tf_functions()
    assert actual == expected
