"""Compiles the phrase language of bot/safety/lexicon.py into spaCy Matcher patterns.

Patterns match on each token's NORM, which the detector sets to the token's canonical
form (spelling-corrected word, else lemma, lower case) before matching. NORM is a
C-level attribute: the Matcher reads it without calling back into Python, where a
custom `Token._` extension cost a Python call per token per pattern state (~1,000 per
message, most of the detector's time).
"""
from __future__ import annotations

import unicodedata
from typing import Callable, Dict, FrozenSet, List, Optional

from spacy.tokens import Doc

FILLER_EXCLUDED = ["not", "no", "never", "without", "nothing", "none", "nor", "normal", "fine", "ok", "okay"]
# "~" is an optional filler word. It never matches punctuation or a negation, so
# "chest doesn't hurt" is not read as "chest ... hurt" and no phrase spans two clauses.
FILLER = {"OP": "?", "IS_PUNCT": False, "NORM": {"NOT_IN": FILLER_EXCLUDED}}
FILLER_OR_COMMA = {"OP": "?", "NORM": {"NOT_IN": FILLER_EXCLUDED}}


def without_accents(word: str) -> str:
    """ "desmayó" -> "desmayo": Spanish speakers often type without accents."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def set_canonical_forms(doc: Doc, spelling: Dict[str, str]) -> Doc:
    """Each token's NORM becomes the spelling-corrected word, else its lemma, lower case,
    without accents."""
    for token in doc:
        token.norm_ = without_accents(spelling.get(token.lower_) or token.lemma_.lower() or token.lower_)
    return doc


def _token_pattern(word: str, canonical: Callable[[str], str]) -> dict:
    optional = word.endswith("?") and len(word) > 1
    word = word.rstrip("?") if optional else word
    if word == "~":
        return dict(FILLER)
    if word == "^":  # like "~" but may also be a comma: "swollen, warm and throbbing"
        return dict(FILLER_OR_COMMA)
    if word == "#NUM":
        return {"LIKE_NUM": True}
    choices = word.split("|")
    if all(choice.isupper() for choice in choices):
        pattern: dict = {"LOWER": {"IN": sorted({v for c in choices for v in (c.lower(), without_accents(c.lower()))})}}
    else:
        # Pattern words are canonicalised like message words, so "spurting" in the
        # lexicon matches "spurt", "spurted" and "spurting" in a message.
        words = {c.lower() for c in choices} | {canonical(c.lower()) for c in choices}
        pattern = {"NORM": {"IN": sorted(words)}}
    if optional:
        pattern["OP"] = "?"
    return pattern


def compile_phrase(phrase: str, canonical: Callable[[str], str] = str.lower) -> List[dict]:
    return [_token_pattern(word, canonical) for word in phrase.split()]


def required_words(patterns: List[List[dict]]) -> Optional[FrozenSet[str]]:
    """Words of which a message must contain one (as NORM or lower-case text) for any of
    these patterns to match: each pattern's first required word choice. None when some
    pattern has no required word (it could match anything)."""
    words: set = set()
    for pattern in patterns:
        anchor = next((token.get("NORM", token.get("LOWER")) for token in pattern
                       if "OP" not in token and ("NORM" in token or "LOWER" in token)), None)
        if anchor is None or "IN" not in anchor:
            return None
        words |= set(anchor["IN"])
    return frozenset(words)
