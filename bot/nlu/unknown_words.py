"""UnknownWordsGate: no FAQ answer to a message made only of words the model never saw.

The classifiers always rank some answer first, and character n-grams and embeddings give
even "xzq vvkp jjrw?" a confident-looking one (session 23: the twitch answer at 0.68). A
message none of whose words is a training word, or a typo of one, gives the classifier
nothing to read: the bot says it is not sure (and offers topics) instead of guessing.
Typos stay known ("neeedling", "accupunture"): a word within a small edit distance of a
training word counts (rapidfuzz). Messages without letters ("$?", "2") are left alone, and
the red-flag gate still runs after this one: an emergency in any words is still caught.
"""
from __future__ import annotations

import json
from typing import Any, Dict, FrozenSet, Iterable, List, Optional, Text

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.intents import FALLBACK, FAQ, intent_name, set_intent
from bot.safety.patterns import without_accents

VOCABULARY_FILE = "known_words.json"


def plain(word: Text) -> Text:
    """A word as the count featurizers see it: lower case, no accents, no "¿" / "¡"."""
    return without_accents(word.lower()).strip("¿¡")


def words_of(message: Message) -> List[Text]:
    """The message's words with at least one letter, in plain form."""
    words = []
    for token in message.get(TOKENS_NAMES[TEXT]) or []:
        word = plain(token.text)
        if any(ch.isalpha() for ch in word):
            words.append(word)
    return words


def typo_allowance(word: Text) -> int:
    # Short words have close neighbours by chance ("vkp" is one edit from many): exact only.
    return 0 if len(word) <= 3 else 1 if len(word) <= 6 else 2


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class UnknownWordsGate(GraphComponent):
    def __init__(self, model_storage: ModelStorage, resource: Resource,
                 known: Optional[Iterable[Text]] = None) -> None:
        self._model_storage = model_storage
        self._resource = resource
        self.known: FrozenSet[Text] = frozenset(known or ())
        self._known_list = sorted(self.known)

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "UnknownWordsGate":
        return cls(model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        known = {word for message in training_data.training_examples for word in words_of(message)}
        with self._model_storage.write_to(self._resource) as model_dir:
            (model_dir / VOCABULARY_FILE).write_text(json.dumps(sorted(known)), encoding="utf-8")
        return self._resource

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "UnknownWordsGate":
        try:
            with model_storage.read_from(resource) as model_dir:
                known = json.loads((model_dir / VOCABULARY_FILE).read_text(encoding="utf-8"))
        except (ValueError, FileNotFoundError):  # nothing stored: a gate that lets all through
            known = []
        return cls(model_storage, resource, known)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if intent_name(message) == FAQ and self.knows_none_of(words_of(message)):
                set_intent(message, FALLBACK, (message.get("intent") or {}).get("confidence", 0.0))
        return messages

    def knows_none_of(self, words: List[Text]) -> bool:
        if not words or not self.known:
            return False
        return not any(self.knows(word) for word in words)

    def knows(self, word: Text) -> bool:
        if word in self.known:
            return True
        allowance = typo_allowance(word)
        return allowance > 0 and process.extractOne(
            word, self._known_list, scorer=Levenshtein.distance, score_cutoff=allowance) is not None
