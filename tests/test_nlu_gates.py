"""The two NLU gates, on hand-built parse results (what the intent and answer classifiers give)."""
from __future__ import annotations

from typing import List, Optional, Tuple

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.answer_gate import AnswerConfidenceGate
from bot.nlu.red_flag_gate import RedFlagGate


def parsed(text: str, intents: List[Tuple[str, float]], answers: Optional[List[Tuple[str, float]]] = None) -> Message:
    message = Message(data={"text": text})
    message.set("intent", {"name": intents[0][0], "confidence": intents[0][1]}, add_to_output=True)
    message.set("intent_ranking", [{"name": n, "confidence": c} for n, c in intents], add_to_output=True)
    answers = answers or [("faq/what_is", 0.9), ("faq/why_dry", 0.05)]
    message.set("response_selector", {"faq": {
        "response": {"intent_response_key": answers[0][0], "confidence": answers[0][1]},
        "ranking": [{"intent_response_key": k, "confidence": c} for k, c in answers],
    }}, add_to_output=True)
    return message


def answer_gate() -> AnswerConfidenceGate:
    return AnswerConfidenceGate(AnswerConfidenceGate.get_default_config())


def red_flag_gate() -> RedFlagGate:
    return RedFlagGate(RedFlagGate.get_default_config())


def intent(message: Message) -> str:
    return message.get("intent")["name"]


def test_confident_answer_passes():
    message = answer_gate().process([parsed("what is dry needling", [("faq", 0.99)])])[0]
    assert intent(message) == "faq"


@pytest.mark.parametrize("answers", [
    [("faq/cost", 0.2), ("faq/insurance", 0.1)],      # weak answer despite a confident intent
    [("faq/cost", 0.52), ("faq/insurance", 0.46)],    # two answers too close to call
])
def test_unsure_answer_becomes_fallback(answers):
    message = answer_gate().process([parsed("how much", [("faq", 0.99)], answers)])[0]
    assert intent(message) == "nlu_fallback"
    assert message.get("intent_ranking")[0]["name"] == "nlu_fallback"
    assert message.get("response_selector")["faq"]["ranking"][0]["intent_response_key"] == "faq/cost"


def test_other_intents_are_not_touched_by_the_answer_gate():
    message = answer_gate().process([parsed("hi", [("greet", 0.9)], [("faq/cost", 0.1), ("faq/x", 0.09)])])[0]
    assert intent(message) == "greet"


def test_rules_override_a_confident_faq_reading():
    message = red_flag_gate().process([parsed("is it normal that i cant breathe after dry needling", [("faq", 0.98)])])[0]
    assert intent(message) == "red_flag_emergency"
    symptoms = [e for e in message.get("entities") if e["entity"] == "symptom"]
    assert symptoms and symptoms[0]["value"] == "difficulty breathing"


def test_rules_override_a_fallback():
    message = red_flag_gate().process([parsed("sob", [("nlu_fallback", 0.3), ("greet", 0.3)])])[0]
    assert intent(message) == "red_flag_emergency"


def test_classifier_catches_what_the_rules_do_not_know():
    message = red_flag_gate().process([parsed("my chest feels really funny and weird", [("red_flag_emergency", 0.8), ("faq", 0.1)])])[0]
    assert intent(message) == "red_flag_emergency"


def test_classifier_alone_needs_a_symptom_word():
    message = parsed("is the car park free on weekends", [("red_flag_emergency", 0.9), ("faq", 0.05)],
                     [("faq/cost", 0.2), ("faq/what_to_bring", 0.1)])
    message = red_flag_gate().process([message])[0]
    assert intent(message) == "nlu_fallback"


def test_denied_symptoms_downgrade_the_classifier():
    message = parsed("no chest pain, just sore", [("red_flag_emergency", 0.7), ("faq", 0.25)],
                     [("faq/soreness_after", 0.9), ("faq/side_effects", 0.05)])
    message = red_flag_gate().process([message])[0]
    assert intent(message) == "faq"


def test_urgent_tier_from_rules():
    message = red_flag_gate().process([parsed("there's pus at the needle site", [("faq", 0.9)])])[0]
    assert intent(message) == "red_flag_urgent"


def test_rules_urgent_but_classifier_sure_of_emergency_takes_the_higher_tier():
    message = red_flag_gate().process([parsed("fever and my chest", [("red_flag_emergency", 0.9)])])[0]
    assert intent(message) == "red_flag_emergency"
