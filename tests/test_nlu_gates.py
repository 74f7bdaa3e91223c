"""The answer gate, on hand-built parse results (what the intent and answer classifiers give).
The red-flag gate has its own tests (tests/test_red_flag_gate.py)."""
from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.answer_gate import AnswerConfidenceGate
from tests.parse_results import parsed


def answer_gate() -> AnswerConfidenceGate:
    return AnswerConfidenceGate(AnswerConfidenceGate.get_default_config())


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


def test_a_topic_and_its_precise_answer_close_together_are_not_a_doubt():
    """The margin is to another topic's answer: cost vs the clinic's prices is the same topic."""
    answers = [("faq/cost__clinic_prices", 0.5), ("faq/cost", 0.42), ("faq/insurance", 0.05)]
    message = answer_gate().process([parsed("how much r u charging", [("faq", 0.99)], answers)])[0]
    assert intent(message) == "faq"


def test_other_intents_are_not_touched_by_the_answer_gate():
    message = answer_gate().process([parsed("hi", [("greet", 0.9)], [("faq/cost", 0.1), ("faq/x", 0.09)])])[0]
    assert intent(message) == "greet"


def test_the_clinics_own_fact_asked_like_a_shops_is_answered():
    answers = [("faq/cost__clinic_prices", 0.99), ("faq/cost", 0.01)]
    message = answer_gate().process([parsed("how much r u charging", [("out_of_scope", 0.51), ("faq", 0.36)], answers)])[0]
    assert intent(message) == "faq"


@pytest.mark.parametrize("intents,answers", [
    ([("out_of_scope", 0.96), ("faq", 0.03)], [("faq/cost__clinic_prices", 0.99)]),   # surely something else
    ([("out_of_scope", 0.5), ("faq", 0.4)], [("faq/cost", 0.99)]),                    # not a clinic fact
    ([("out_of_scope", 0.5), ("faq", 0.4)], [("faq/cost__clinic_prices", 0.6)]),      # an unsure answer
    ([("out_of_scope", 0.5), ("greet", 0.4)], [("faq/cost__clinic_prices", 0.99)]),   # FAQ is not next
])
def test_out_of_scope_stays_unless_it_is_clearly_a_clinic_fact(intents, answers):
    message = answer_gate().process([parsed("how much is bitcoin", intents, answers)])[0]
    assert intent(message) == "out_of_scope"


@pytest.mark.parametrize("text,answers,expected", [
    # a question after the greeting, its answer confident: the answer
    ("hola buenas, a q hora abren?", [("faq/find_practitioner__clinic_hours", 0.9), ("faq/cost", 0.05)], "faq"),
    ("hi there, does dry needling hurt?", [("faq/does_it_hurt", 0.8), ("faq/what_is", 0.1)], "faq"),
    # a greeting alone, a greeting with no question, or an unsure answer: the greeting
    ("hola buenas?", [("faq/find_practitioner__clinic_hours", 0.9)], "greet"),
    ("hi there, hope you are all well today", [("faq/what_is", 0.9), ("faq/why_dry", 0.05)], "greet"),
    ("hey, quick question?", [("faq/what_is", 0.45), ("faq/why_dry", 0.4)], "greet"),
    # small talk after the greeting is part of it, not a question to answer
    ("Buenos días, ¿cómo está usted?", [("faq/find_practitioner__clinic_address", 0.9), ("faq/cost", 0.05)], "greet"),
    ("hi there, how are you doing today?", [("faq/what_is", 0.9), ("faq/why_dry", 0.05)], "greet"),
    ("hola, como estas? cuanto cuesta una sesion?", [("faq/cost__clinic_prices", 0.9), ("faq/cost", 0.05)], "faq"),
])
def test_a_question_after_a_greeting_gets_its_answer(text, answers, expected):
    message = answer_gate().process([parsed(text, [("greet", 0.7), ("faq", 0.25)], answers)])[0]
    assert intent(message) == expected


# Session 29: Rasa's fallback turns a message down when FAQ and another intent score alike,
# even when the answer itself is all but certain ("is there actual proof this works").
@pytest.mark.parametrize("intents,answers,expected", [
    ([("nlu_fallback", 0.4), ("faq", 0.398), ("out_of_scope", 0.326)], [("faq/evidence", 0.999), ("faq/how_it_works", 0.001)], "faq"),
    ([("nlu_fallback", 0.4), ("out_of_scope", 0.5), ("faq", 0.47)], [("faq/safety", 0.998), ("faq/serious_risks", 0.001)], "faq"),
    # an answer that is likely, not sure, stays "not sure"
    ([("nlu_fallback", 0.4), ("faq", 0.45), ("out_of_scope", 0.4)], [("faq/evidence", 0.8), ("faq/how_it_works", 0.1)], "nlu_fallback"),
    # FAQ is not one of the two likeliest intents
    ([("nlu_fallback", 0.4), ("greet", 0.38), ("thank", 0.35), ("faq", 0.2)], [("faq/evidence", 0.99), ("faq/cost", 0.01)], "nlu_fallback"),
])
def test_a_sure_answer_is_given_when_the_intent_is_in_doubt(intents, answers, expected):
    message = answer_gate().process([parsed("is there actual proof this works", intents, answers)])[0]
    assert intent(message) == expected


@pytest.mark.parametrize("ranking,clear", [
    # a topic's general answer close to one of its precise answers is no risk of a wrong topic
    ([("faq/cost", 0.55), ("faq/cost__clinic_prices", 0.45)], True),
    # another topic's answer this close is
    ([("faq/cost", 0.5), ("faq/insurance", 0.45)], False),
    ([("faq/cost", 0.3), ("faq/insurance", 0.0)], False),
    ([], False),
])
def test_the_answer_gate_and_standalone_follow_ups_share_one_test_of_a_clear_answer(ranking, clear):
    from bot.followups import SURE_ANSWER, SURE_MARGIN, standalone_answer
    from bot.topics import answer_is_clear

    answers = [{"intent_response_key": key, "confidence": confidence} for key, confidence in ranking]
    gate = AnswerConfidenceGate({})
    assert gate.is_confident(answers) == answer_is_clear(answers, 0.4, 0.1) == clear
    assert (standalone_answer("once a week kind of thing?", answers) is not None) == answer_is_clear(answers, SURE_ANSWER, SURE_MARGIN)
