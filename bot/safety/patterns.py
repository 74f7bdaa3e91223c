"""Compiles the phrase language of bot/safety/lexicon.py into spaCy Matcher patterns."""
from __future__ import annotations

from typing import Callable, Dict, List

from spacy.tokens import Token

CANON_ATTR = "dn_canon"
# "~" is an optional filler word. It never matches punctuation or a negation, so
# "chest doesn't hurt" is not read as "chest ... hurt" and no phrase spans two clauses.
FILLER_EXCLUDED = ["not", "no", "never", "without", "nothing", "none", "nor", "normal", "fine", "ok", "okay"]
FILLER = {"OP": "?", "IS_PUNCT": False, "_": {"dn_canon": {"NOT_IN": FILLER_EXCLUDED}}}
FILLER_OR_COMMA = {"OP": "?", "_": {"dn_canon": {"NOT_IN": FILLER_EXCLUDED}}}


def register_canonical_form(spelling: Dict[str, str]) -> None:
    """Token._.dn_canon: the spelling-corrected word, else the lemma, lower case."""
    if Token.has_extension(CANON_ATTR):
        Token.remove_extension(CANON_ATTR)
    Token.set_extension(
        CANON_ATTR,
        getter=lambda token: spelling.get(token.lower_) or token.lemma_.lower() or token.lower_,
    )


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
        pattern: dict = {"LOWER": {"IN": [c.lower() for c in choices]}}
    else:
        # Pattern words are canonicalised like message words, so "spurting" in the
        # lexicon matches "spurt", "spurted" and "spurting" in a message.
        words = {c.lower() for c in choices} | {canonical(c.lower()) for c in choices}
        pattern = {"_": {CANON_ATTR: {"IN": sorted(words)}}}
    if optional:
        pattern["OP"] = "?"
    return pattern


def compile_phrase(phrase: str, canonical: Callable[[str], str] = str.lower) -> List[dict]:
    return [_token_pattern(word, canonical) for word in phrase.split()]
