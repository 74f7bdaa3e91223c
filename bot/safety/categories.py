"""The reviewed category table (bot/safety/categories.yml) as data, and `make red-flags`,
which prints it for the clinic's clinician to sign off."""
from __future__ import annotations

import textwrap
from functools import lru_cache
from pathlib import Path
from typing import Dict, List

import yaml

TABLE = Path(__file__).with_name("categories.yml")


@lru_cache(maxsize=1)
def categories() -> List[Dict]:
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))["categories"]


def names(tier: str = None) -> List[str]:
    return [c["name"] for c in categories() if tier is None or c["tier"] == tier]


@lru_cache(maxsize=1)
def emergency_only_categories() -> frozenset:
    """Emergency categories with no same-day line: whatever the wording, an emergency."""
    return frozenset(c["name"] for c in categories() if c["tier"] == "emergency"
                     and str(c.get("urgent_when", "")).startswith(("never", "see ")))


def crisis_categories() -> List[str]:
    return [c["name"] for c in categories() if c.get("crisis_line")]


def render() -> str:
    lines = ["Red-flag categories (bot/safety/categories.yml). Sign-off: ____________  date: ______", ""]
    for c in categories():
        lines.append(f"## {c['title']}  [{c['name']}]  tier: {c['tier']}" + ("  + crisis line" if c.get("crisis_line") else ""))
        for key, label in (("regions", "regions"), ("emergency_when", "emergency when"), ("urgent_when", "urgent when"),
                           ("routine_when", "routine when"), ("source", "source")):
            value = c.get(key)
            if isinstance(value, list):
                value = ", ".join(value)
            lines += textwrap.wrap(f"{label}: {value}", 96, subsequent_indent="    ")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(render())
