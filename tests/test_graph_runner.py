"""bot/serving/graph_runner.py gives what Rasa's DaskGraphRunner gives, on the trained model:
the same parse for every message and the same next action for every conversation."""
from __future__ import annotations

from pathlib import Path

import pytest
from rasa.core.channels.channel import UserMessage
from rasa.engine import loader
from rasa.engine.constants import PLACEHOLDER_MESSAGE, PLACEHOLDER_TRACKER
from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.serving import graph_runner
from bot.tools.bench_load import heldout_questions
from bot.serving.graph_runner import SequentialGraphRunner
from tests.servers import ROOT

MODEL = ROOT / "models" / "dry-needling.tar.gz"
MESSAGES = heldout_questions(ROOT / "tests" / "data" / "heldout_nlu.yml")[:40] + [
    "hi", "thanks", "no chest pain, just sore", "I can't breathe since my session", "", "   ", "/greet",
]


@pytest.fixture(scope="module")
def runners(tmp_path_factory: pytest.TempPathFactory):
    loaded = {}
    for cls in (DaskGraphRunner, SequentialGraphRunner):
        loaded[cls] = loader.load_predict_graph_runner(tmp_path_factory.mktemp(cls.__name__), MODEL, LocalModelStorage, cls)
    return loaded


def parse(metadata, runner, text: str) -> dict:
    results = runner.run(inputs={PLACEHOLDER_MESSAGE: [UserMessage(text)], PLACEHOLDER_TRACKER: None},
                         targets=[metadata.nlu_target])
    return results[metadata.nlu_target][0].as_dict(only_output_properties=True)


def next_action(metadata, runner, parse_data: dict):
    tracker = DialogueStateTracker.from_events("t", [ActionExecuted("action_listen"), UserUttered(parse_data.get("text"), parse_data.get("intent"), parse_data=parse_data)], metadata.domain.slots)
    prediction = runner.run(inputs={PLACEHOLDER_TRACKER: tracker}, targets=[metadata.core_target])[metadata.core_target]
    return prediction.policy_name, prediction.max_confidence, prediction.probabilities.index(prediction.max_confidence)


@pytest.mark.parametrize("text", MESSAGES)
def test_same_parse_and_next_action_as_dask(runners, text: str) -> None:
    (dask_metadata, dask), (ours_metadata, ours) = runners[DaskGraphRunner], runners[SequentialGraphRunner]
    expected = parse(dask_metadata, dask, text)
    assert parse(ours_metadata, ours, text) == expected
    assert next_action(ours_metadata, ours, expected) == next_action(dask_metadata, dask, expected)


def test_an_input_named_like_a_node_is_refused(runners) -> None:
    metadata, runner = runners[SequentialGraphRunner]
    node = next(iter(metadata.predict_schema.nodes))
    with pytest.raises(GraphRunError):
        runner.run(inputs={"x": node}, targets=[metadata.nlu_target])


def test_dependencies_run_first(runners) -> None:
    metadata, runner = runners[SequentialGraphRunner]
    order = runner._order((metadata.core_target,))
    assert order[-1] == metadata.core_target
    for position, name in enumerate(order):
        assert all(order.index(parent) < position for parent in metadata.predict_schema.nodes[name].needs.values()
                   if parent in metadata.predict_schema.nodes)


def test_install_makes_rasa_load_models_on_it(monkeypatch) -> None:
    import rasa.core.processor

    monkeypatch.setattr(rasa.core.processor, "DaskGraphRunner", DaskGraphRunner)
    graph_runner.install()
    _, _, runner = rasa.core.processor.MessageProcessor._load_model(MODEL)
    assert type(runner) is SequentialGraphRunner


def test_serving_the_model_does_not_import_skops() -> None:
    """skops' import scans all of scikit-learn (5-10 s of start-up): the trained model's
    classifiers load from plain arrays without it."""
    import subprocess
    import sys

    code = ("import sys, asyncio; from rasa.core.agent import Agent; "
            f"agent = Agent.load({str(MODEL)!r}); "
            "print(asyncio.run(agent.parse_message('does it hurt'))['intent']['name'], 'skops' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert out.stdout.split()[-2:] == ["faq", "False"], out.stderr[-2000:]
