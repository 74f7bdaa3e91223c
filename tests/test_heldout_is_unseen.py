"""The held-out sets measure messages the model has never seen: none of their messages may
appear in the training data (same words, ignoring case, spacing and entity markup)."""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Iterator

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
HELD_OUT = sorted((ROOT / "tests" / "data").rglob("*.yml"))


def _normal(text: str) -> str:
    return " ".join(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).lower().split())


def _texts(path: Path) -> Iterator[str]:
    """Every message of a Rasa NLU file or of a safety set (lists of {text: ...})."""
    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "examples" and isinstance(value, str):
                    yield from (line.strip()[2:] for line in value.splitlines() if line.strip().startswith("- "))
                elif key == "text" and isinstance(value, str):
                    yield value
                else:
                    yield from walk(value)
        elif isinstance(node, list):
            for item in node:
                yield from (walk(item) if not isinstance(item, str) else [item])
    yield from walk(yaml.safe_load(path.read_text()))


def test_the_held_out_sets_hold_messages():
    assert len(list(_texts(ROOT / "tests" / "data" / "heldout_nlu.yml"))) > 300


@functools.lru_cache(maxsize=1)
def _trained() -> frozenset:
    return frozenset(_normal(t) for folder in ("nlu", "safety") for path in (ROOT / "data" / folder).rglob("*.yml")
                     for t in _texts(path))


@pytest.mark.parametrize("held_out", HELD_OUT, ids=lambda p: str(p.relative_to(ROOT / "tests" / "data")))
def test_no_held_out_message_is_in_the_training_data(held_out: Path):
    seen = sorted({_normal(t) for t in _texts(held_out)} & _trained())
    assert not seen, f"{len(seen)} held-out messages are in data/nlu/ or data/safety/: {seen[:10]}"
