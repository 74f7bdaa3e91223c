"""WordEmbeddingFeaturizer: a dense sentence vector from WordLlama's static token
embeddings (256-d), beside the word and character n-gram counts.

Counts only match words seen in training; the embeddings place "nurofen" near
"ibuprofen" and "woozy" near "dizzy", so paraphrases with unseen words still land near
their topic. The vectors ship inside the `wordllama` wheel (NOTES): it is installed without
its dependencies (it asks for numpy >= 2, Rasa 3.6 pins 1.23), and its loader is not used
(it looks for the tokenizer in the wrong folder and would try to download it); the
safetensors file and the tokenizer JSON are read directly, once per process. Per message:
one tokenizer call and the mean of ~20 rows, a few microseconds. It runs after the count
featurizers, whose counts set its length.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Dict, List, Optional, Text, Tuple

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.safety.patterns import without_accents

WEIGHTS = "weights/l2_supercat_256.safetensors"
TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"


def package_dir() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("wordllama is not installed: run `make install`")
    return Path(list(spec.submodule_search_locations)[0])


@functools.lru_cache(maxsize=None)
def load(directory: Optional[str] = None) -> Tuple[Any, np.ndarray]:
    """(tokenizer, embedding matrix as float32), shared by every component in the process."""
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    root = Path(directory) if directory else package_dir()
    matrix = load_file(str(root / WEIGHTS))["embedding.weight"].astype(np.float32)
    return Tokenizer.from_file(str(root / TOKENIZER)), matrix


def sentence_vector(text: str, tokenizer: Any, matrix: np.ndarray) -> np.ndarray:
    """Mean of the token embeddings (no special tokens), unit length; zeros for no tokens."""
    ids = [i for i in tokenizer.encode(text or "", add_special_tokens=False).ids if 0 <= i < matrix.shape[0]]
    if not ids:
        return np.zeros(matrix.shape[1], dtype=np.float32)
    vector = matrix[ids].mean(axis=0)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class WordEmbeddingFeaturizer(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # The vector's length relative to the counts' (sqrt-counts, as the linear models
        # read them; the whole row is then scaled to unit length): the embeddings' share of
        # every message is the same, short or long. Scaled to a fixed length instead, they
        # outweighed the few n-grams of a one-word message ("IMS", "hours").
        return {"directory": None, "weight": 0.6}

    def __init__(self, config: Dict[Text, Any], name: Text) -> None:
        self.config = config
        self.name = name
        self.tokenizer, self.matrix = load(config.get("directory"))

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "WordEmbeddingFeaturizer":
        return cls(config, execution_context.node_name)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._add(message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for message in training_data.training_examples:
            if message.get(TEXT):
                self._add(message)
        return training_data

    def _add(self, message: Message) -> None:
        sparse = [f for f in message.features if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE and f.is_sparse()]
        if not sparse:
            return  # no tokens at all (an empty /model/parse text): no features, as before
        scale = float(self.config["weight"]) * float(np.sqrt(sum(float(f.features.sum()) for f in sparse)))
        # as the count features read it: lower case, no accents, no opening "¿" / "¡"
        plain = without_accents((message.get(TEXT) or "").lower()).replace("¿", " ").replace("¡", " ")
        vector = sentence_vector(plain, self.tokenizer, self.matrix) * scale
        message.add_features(Features(vector[np.newaxis, :], FEATURE_TYPE_SENTENCE, TEXT, self.name))
