"""The clinic's own facts (hours, address, prices, insurers...) for the answers about them.

A YAML file whose path is in CLINIC_PROFILE (example: docs/clinic-profile.example.yml).
It is read when an answer is sent, not at training, so a clinic edits it without a
retrain; it is re-read only when the file changes (one stat per reply). A fact that is
unset, or a file that is missing or unreadable, gives the clinic's contact instead: the
answer never guesses a clinic's price or hours.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Dict, Optional, Tuple

import yaml

logger = logging.getLogger(__name__)

# profile field -> response placeholder
FIELDS = {
    "hours": "clinic_hours",
    "address": "clinic_address",
    "prices": "clinic_prices",
    "packages": "clinic_packages",
    "insurers": "clinic_insurers",
    "booking_url": "clinic_booking_url",
    "cancellation": "clinic_cancellation",
    "parking": "clinic_parking",
    "languages": "clinic_languages",
}
PLACEHOLDERS = frozenset(FIELDS.values())
# One value never fills more than this: an answer with it still fits an SMS (320).
MAX_VALUE_CHARS = 140
UNSET = "I don't have this here. Please call {clinic_phone} or visit {clinic_url}"

_cache: Dict[str, Tuple[int, Dict[str, str]]] = {}


def profile_path() -> Optional[str]:
    value = os.environ.get("CLINIC_PROFILE", "").strip()
    return value or None


def load(path: Optional[str] = None) -> Dict[str, str]:
    """The profile's set facts, by field name; {} when there is no usable file."""
    path = path or profile_path()
    if not path:
        return {}
    try:
        mtime = os.stat(path).st_mtime_ns
    except OSError:
        if _cache.get(path, (None,))[0] != -1:  # say so once, not at every reply
            logger.warning("CLINIC_PROFILE %s cannot be read: clinic facts are answered with the clinic's contact", path)
            _cache[path] = (-1, {})
        return {}
    cached = _cache.get(path)
    if cached and cached[0] == mtime:
        return cached[1]
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        logger.warning("CLINIC_PROFILE %s is not valid YAML (%s): clinic facts are answered with the clinic's contact",
                       path, type(error).__name__)
        raw = {}
    facts = {}
    for field in FIELDS:
        value = raw.get(field) if isinstance(raw, dict) else None
        if isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value)
        if value is not None and str(value).strip():
            facts[field] = _clip(" ".join(str(value).split()).rstrip("."))
    _cache[path] = (mtime, facts)
    return facts


def _clip(value: str) -> str:
    return value if len(value) <= MAX_VALUE_CHARS else value[: MAX_VALUE_CHARS - 3].rsplit(" ", 1)[0] + "..."


def template_values(clinic_values: Dict[str, str], path: Optional[str] = None) -> Dict[str, str]:
    """{clinic_hours: "...", ...}: the clinic's fact, or its contact when unset."""
    facts = load(path)
    unset = UNSET.format(**clinic_values)
    return {placeholder: facts.get(field, unset) for field, placeholder in FIELDS.items()}
