"""The unknown-words gate, on hand-built messages: tokens as SpacyTokenizer gives them, a
vocabulary as training would store it. Through the trained model: tests/test_console_api.py
(gibberish is listed among the questions the bot could not answer)."""
from __future__ import annotations

from typing import List, Tuple

import pytest
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.unknown_words import UnknownWordsGate, words_of
from tests.parse_results import parsed

KNOWN = ["acupuncture", "needling", "price", "how", "much", "dry", "cuanto", "cuesta", "puncion", "duele"]


def tokenized(text: str, intents: List[Tuple[str, float]]) -> Message:
    message = parsed(text, intents)
    message.set("text_tokens", [Token(word, 0) for word in text.split()])
    return message


def gate() -> UnknownWordsGate:
    return UnknownWordsGate(None, None, KNOWN)


def decided(text: str, intent: str = "faq") -> str:
    return gate().process([tokenized(text, [(intent, 0.9)])])[0].get("intent")["name"]


@pytest.mark.parametrize("text", ["xzq vvkp jjrw?", "plorb zzkt", "qwxz"])
def test_a_message_of_only_unknown_words_gets_not_sure(text):
    assert decided(text) == "nlu_fallback"


@pytest.mark.parametrize("text", [
    "price?",                    # a known word
    "hw much",                   # one known word is enough
    "accupunture",               # a typo of a known word (two edits in eleven letters)
    "neeedling",                 # one edit
    "¿Cuánto cuesta?",           # accents and "¿" as the featurizers strip them
    "$?",                        # no letters: left to the classifiers
])
def test_known_words_and_their_typos_pass(text):
    assert decided(text) == "faq"


def test_short_words_must_match_exactly():
    # three letters are one edit from many words by chance: "dry" does not make "drx" known
    assert decided("drx") == "nlu_fallback"


def test_only_faq_answers_are_gated():
    # greetings, thanks, red flags and the rest keep the classifiers' decision
    assert decided("xzq vvkp", intent="greet") == "greet"
    assert decided("xzq vvkp", intent="red_flag_emergency") == "red_flag_emergency"


def test_an_untrained_gate_lets_everything_through():
    assert UnknownWordsGate(None, None, []).process([tokenized("xzq vvkp", [("faq", 0.9)])])[0].get("intent")["name"] == "faq"


def test_training_keeps_the_words_of_every_example(tmp_path):
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource

    storage, resource = LocalModelStorage(tmp_path), Resource("unknown_words")
    examples = [Message(data={"text": text, "intent": intent}) for text, intent in (("Cuánto cuesta", "faq"), ("hello 123", "greet"))]
    for example in examples:
        example.set("text_tokens", [Token(word, 0) for word in example.get("text").split()])
    UnknownWordsGate(storage, resource).train(TrainingData(training_examples=examples))
    loaded = UnknownWordsGate.load({}, storage, resource, None)
    assert loaded.known == {"cuanto", "cuesta", "hello"}
    assert words_of(examples[1]) == ["hello"]
