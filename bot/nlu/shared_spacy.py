"""SharedSpacyNLP: Rasa's SpacyNLP, with the project's spaCy pipeline loaded once per process.

Rasa builds SpacyNLP twice when it loads a model (the node that hands the spaCy model to
the tokenizer and featurizers, and the node that parses messages), and each loaded the
pipeline from disk; the red-flag detector loaded it a third time. A load costs ~0.5 s of
CPU per worker at start-up (more on a slow host), before the first patient gets a reply.
Here all three share one (bot/spacy_pipeline.load); a spaCy package name, rather than a
pipeline directory, is still loaded by Rasa's own code.
"""
from __future__ import annotations

from pathlib import Path
from typing import Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP

from bot import spacy_pipeline


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.MODEL_LOADER, DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER],
    is_trainable=False,
    model_from="SharedSpacyNLP",  # its own provider node hands it the model, as for SpacyNLP
)
class SharedSpacyNLP(SpacyNLP):
    @staticmethod
    def load_model(spacy_model_name: Text) -> SpacyModel:
        if not spacy_model_name or not (Path(spacy_model_name) / "meta.json").exists():
            return SpacyNLP.load_model(spacy_model_name)
        return SpacyModel(model=spacy_pipeline.load(Path(spacy_model_name)), model_name=spacy_model_name)
