"""Question focus (bot/serving/question_focus.py): which part of a long message is its
question, and when that part's reading replaces the whole's "not sure"."""
from __future__ import annotations

from typing import Dict, List, Sequence

import pytest

from bot.serving import question_focus
from bot.serving.question_focus import focused, question_of

STORY = ("Trabajo de chofer de guagua en San Juan y solo tengo libre la hora del almuerzo de 12 a 1. "
         "Mi fisio me dijo que probara la puncion. ")


@pytest.mark.parametrize("text,question", [
    (STORY + "¿Cuánto dura una sesión? Gracias.", "¿Cuánto dura una sesión?"),
    (STORY + "Y no sé cuánto dura una sesión", "Y no sé cuánto dura una sesión"),
    ("Trabajo de chofer de guagua en San Juan y solo tengo libre la hora del almuerzo, me da tiempo de ir y volver a la ruta",
     "me da tiempo de ir y volver a la ruta"),
    ("does it hurt?", None),                              # short: read whole
    ("how long is a session, I only have my lunch hour", None),  # under twelve words
    (STORY + "Gracias?", None),                           # the "question" says nothing
])
def test_the_question_of_a_message(text, question):
    assert question_of(text) == question


def parse(intent: str, topics: List[str], text: str = STORY + "¿Cuánto dura una sesión?",
          confidences: Sequence[float] = ()) -> Dict:
    confidences = list(confidences) or [0.5] * len(topics)
    return {"text": text, "intent": {"name": intent, "confidence": 0.4},
            "intent_ranking": [{"name": intent, "confidence": 0.4}],
            "entities": [{"entity": "language", "value": "es"}],
            "red_flag": {"rules": None, "caution": True},
            "response_selector": {"faq": {"ranking": [{"intent_response_key": f"faq/{t}", "confidence": c}
                                                      for t, c in zip(topics, confidences)]}}}


def test_the_question_answers_when_the_whole_ranked_its_topic_first():
    whole = parse("nlu_fallback", ["session_length", "cost"])
    answer = focused(whole, lambda text: parse("faq", ["session_length__needle_time"], text))
    assert answer["intent"]["name"] == "faq" and answer["question_focus"]
    assert answer["response_selector"]["faq"]["ranking"][0]["intent_response_key"] == "faq/session_length__needle_time"
    # what the whole message says stays: its text, its language, its red-flag reading
    assert (answer["text"], answer["entities"], answer["red_flag"]) == (whole["text"], whole["entities"], whole["red_flag"])


@pytest.mark.parametrize("whole_intent,whole_topics,part_intent,part_topics", [
    ("nlu_fallback", ["cost", "session_length"], "faq", ["session_length"]),   # not the whole's first
    ("nlu_fallback", ["session_length"], "nlu_fallback", ["session_length"]),  # unsure alone too
    ("nlu_fallback", ["safety"], "red_flag_emergency", ["safety"]),            # safety: never from a part
    ("nlu_fallback", ["safety"], "symptom_check", ["safety"]),
    ("red_flag_urgent", ["safety"], "faq", ["safety"]),                        # only "not sure" is read again
    ("faq", ["cost"], "faq", ["session_length"]),
])
def test_otherwise_the_whole_reading_stands(whole_intent, whole_topics, part_intent, part_topics):
    whole = parse(whole_intent, whole_topics)
    assert focused(whole, lambda text: parse(part_intent, part_topics, text)) is whole


def test_a_short_message_is_not_parsed_twice():
    calls = []
    whole = parse("nlu_fallback", ["cost"], text="precio?")
    assert focused(whole, lambda text: calls.append(text) or parse("faq", ["cost"], text)) is whole
    assert calls == []


def test_installed_once_on_rasas_processor():
    from rasa.core.processor import MessageProcessor

    question_focus.install()
    patched = MessageProcessor._parse_message_with_graph
    question_focus.install()
    assert MessageProcessor._parse_message_with_graph is patched and patched.question_focus


@pytest.mark.parametrize("whole_confidences,part_confidence,answered", [
    ((0.54, 0.41), 0.9, True),    # torn between two, the question alone sure of the second
    ((0.54, 0.41), 0.6, False),   # the question alone not sure enough
    ((0.85, 0.1), 0.9, False),    # the whole hardly considered it
])
def test_the_wholes_close_second_counts_when_the_question_is_sure(whole_confidences, part_confidence, answered):
    whole = parse("nlu_fallback", ["what_is", "cost"], confidences=whole_confidences)
    answer = focused(whole, lambda text: parse("faq", ["cost"], text, confidences=[part_confidence]))
    assert (answer is not whole) == answered
