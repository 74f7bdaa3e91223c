"""Hand-built parse results (what the intent and answer classifiers give), for gate tests."""
from __future__ import annotations

from typing import List, Optional, Tuple

from rasa.shared.nlu.training_data.message import Message


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
