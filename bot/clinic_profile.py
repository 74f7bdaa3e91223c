"""The clinic's own facts (hours, address, prices, insurers...) for the answers about them.

A YAML file whose path is in CLINIC_PROFILE (example: docs/clinic-profile.example.yml).
It is read when an answer is sent, not at training, so a clinic edits it without a
retrain; it is re-read only when the file changes (one stat per reply). A fact that is
unset, or a file that is missing or unreadable, gives the clinic's contact instead: the
answer never guesses a clinic's price or hours.

A field may be given per language beside its plain value (`hours_es:` beside `hours:`);
a Spanish answer takes `hours_es` and falls back to `hours` as written (a fact in another
language beats no fact), an English one takes `hours_en` or `hours`.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Dict, Optional, Tuple

import yaml

from bot.i18n.strings import say
from bot.settings import SUPPORTED_LANGUAGES

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
# What an unset fact reads, per language: bot/i18n/strings.py "profile_unset".
UNSET_KEY = "profile_unset"

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
    for key in (f"{field}{suffix}" for field in FIELDS for suffix in ("", *(f"_{c}" for c in SUPPORTED_LANGUAGES))):
        value = raw.get(key) if isinstance(raw, dict) else None
        if isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value)
        if value is not None and str(value).strip():
            facts[key] = _clip(" ".join(str(value).split()).rstrip("."))
    _cache[path] = (mtime, facts)
    return facts


def _clip(value: str) -> str:
    return value if len(value) <= MAX_VALUE_CHARS else value[: MAX_VALUE_CHARS - 3].rsplit(" ", 1)[0] + "..."


def template_values(clinic_values: Dict[str, str], path: Optional[str] = None,
                    language: str = "en") -> Dict[str, str]:
    """{clinic_hours: "...", ...}: the clinic's fact in `language` (`hours_es`, else
    `hours`), or its contact when unset, said in that language."""
    facts = load(path)
    unset = say(UNSET_KEY, language, **clinic_values)
    return {placeholder: facts.get(f"{field}_{language}") or facts.get(field) or unset
            for field, placeholder in FIELDS.items()}


def booking_page(clinic_values: Dict[str, str], path: Optional[str] = None) -> str:
    """Where a patient books: the profile's booking link, else the clinic's website. The
    reply to "how do I book?" (a request for a person, CONTRACT.md) points there."""
    return load(path).get("booking_url") or clinic_values.get("clinic_url", "")
