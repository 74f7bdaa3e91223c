"""Builds the project's spaCy pipeline: English tokenizer + lookup lemmatizer.

spaCy's trained en_core_web_* packages cannot be downloaded here (NOTES), and we need no
vectors: the classifiers learn from sparse word, lemma and character n-gram features. What we do
need is good tokens and lemmas ("fainted" -> "faint") for the features and for the
red-flag rules. Rasa's SpacyNLP refuses a bare `blank:en` (no meta.json), so we save the
pipeline to a directory and point config.yml at it.

Usage: python -m bot.spacy_pipeline [DIR]   (default: var/spacy/en_dry_needling)
"""
from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Dict, Tuple

import spacy

from bot.settings import VAR_DIR

DEFAULT_DIR = VAR_DIR / "spacy" / "en_dry_needling"
PIPELINE_NAME = "dry_needling"
PIPELINE_VERSION = "1.0.0"


def build() -> "spacy.Language":
    nlp = spacy.blank("en")
    # Lookup mode needs no part-of-speech tagger; tables come from spacy-lookups-data.
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.meta["name"] = PIPELINE_NAME
    nlp.meta["version"] = PIPELINE_VERSION
    return nlp


_loaded: Dict[Tuple[str, int], "spacy.Language"] = {}
_loading = threading.Lock()


def load(path: Path = DEFAULT_DIR) -> "spacy.Language":
    """The pipeline saved at `path`, loaded once per process (per version on disk): Rasa's
    SpacyNLP and the red-flag detector use the same one (bot/nlu/shared_spacy.py). Loaded
    without a parser, as Rasa's SpacyNLP loads it (this pipeline has none)."""
    path = Path(path).resolve()
    key = (str(path), (path / "meta.json").stat().st_mtime_ns)
    with _loading:
        if key not in _loaded:
            for stale in [k for k in _loaded if k[0] == key[0]]:  # a rebuilt pipeline replaces the old one
                del _loaded[stale]
            _loaded[key] = spacy.load(path, disable=["parser"])
        return _loaded[key]


def ensure(path: Path = DEFAULT_DIR) -> Path:
    """Build the pipeline unless it is already there (idempotent, for make)."""
    if not (path / "meta.json").exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        build().to_disk(path)
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DIR
    print(f"spaCy pipeline ready at {ensure(target)}")
