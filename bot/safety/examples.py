"""The red-flag classifier's own training examples (data/safety/*.yml): messages written
per category of bot/safety/categories.yml, by several hands, in English and Spanish, each
labelled with its tier (emergency, urgent or none) and category. Never the held-out sets."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, List, NamedTuple, Optional

import yaml

from bot.safety.classifier import NONE, TIERS

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "data" / "safety"


class Example(NamedTuple):
    text: str
    tier: str
    category: Optional[str]
    lang: str = "en"


def load_examples(directory: Path = DEFAULT_DIR) -> List[Example]:
    examples: List[Example] = []
    for path in sorted(Path(directory).glob("*.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in document.get("safety_examples", []):
            tier = item["tier"]
            if tier not in TIERS:
                raise ValueError(f"{path.name}: unknown tier {tier!r} for {item['text']!r}")
            category = item.get("category") if tier != NONE else None
            examples.append(Example(str(item["text"]), tier, category, item.get("lang", "en")))
    return examples


def categories_of(examples: Iterable[Example]) -> List[str]:
    return sorted({e.category for e in examples if e.category})
