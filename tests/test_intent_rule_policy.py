"""bot/serving/intent_rule_policy.py predicts exactly what Rasa's RulePolicy predicts with the same
rules: conversations parsed by the trained model, every next action compared."""
from __future__ import annotations

import pytest
from rasa.core.agent import Agent
from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.serving.intent_rule_policy import IntentRulePolicy
from bot.tools.bench_load import heldout_questions
from tests.servers import ROOT

MODEL = ROOT / "models" / "dry-needling.tar.gz"
FAQS = heldout_questions(ROOT / "tests" / "data" / "heldout_nlu.yml")
CONVERSATIONS = [
    ["hi", FAQS[0], "thanks", FAQS[5], "bye"],
    ["does it hurt", "I can't breathe since my session", "no chest pain, just sore", "who are you", "/greet"],
    ["😭😭", "can I talk to a person", "yes", "no", FAQS[9], "ok"],
    [FAQS[i] for i in range(20, 30)],
    ["/restart", "hello", "my arm is bleeding a lot and won't stop", "what should I do after"],
]


@pytest.fixture(scope="module")
def model():
    agent = Agent.load(str(MODEL))
    nodes = agent.processor.graph_runner._instantiated_nodes
    ours = next(n._component for n in nodes.values() if isinstance(n._component, IntentRulePolicy))
    context = ExecutionContext(GraphSchema({}), node_name="RulePolicy")
    rasas = RulePolicy(ours.config, ours._model_storage, ours._resource, context, lookup=ours.lookup)
    return agent, ours, rasas


def prediction(policy, tracker, domain) -> tuple:
    p = policy.predict_action_probabilities(tracker, domain)
    return p.probabilities, p.is_end_to_end_prediction, p.is_no_user_prediction, p.events, p.optional_events


@pytest.mark.asyncio
@pytest.mark.parametrize("messages", CONVERSATIONS)
async def test_every_next_action_is_rasas(model, messages) -> None:
    agent, ours, rasas = model
    domain = agent.domain
    assert ours._every_rule_ends_on_an_intent()  # else the shortcut is never taken
    tracker = DialogueStateTracker.from_events("t", [ActionExecuted("action_session_start"), SessionStarted(),
                                                    ActionExecuted(ACTION_LISTEN_NAME)], domain.slots)
    for text in messages:
        parse = await agent.parse_message(text)
        tracker.update(UserUttered(text, parse["intent"], parse["entities"], parse_data=parse))
        for _ in range(5):
            expected = prediction(rasas, tracker, domain)
            assert prediction(ours, tracker, domain) == expected
            action = domain.action_names_or_texts[expected[0].index(max(expected[0]))]
            tracker.update(ActionExecuted(action))
            if action == ACTION_LISTEN_NAME:
                break


def test_with_a_rule_that_does_not_end_on_an_intent_the_text_search_runs(model) -> None:
    _, ours, _ = model
    rules = dict(ours.lookup["rules"])
    try:
        ours.lookup["rules"]['[{"prev_action": {"action_name": "action_listen"}, "user": {"text": "hi"}}]'] = "utter_greet"
        assert not ours._every_rule_ends_on_an_intent()
    finally:
        ours.lookup["rules"] = rules
