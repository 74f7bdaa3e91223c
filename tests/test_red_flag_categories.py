"""The reviewed category table: every category the rules, the classifier's examples and the
tests use is in it, with a tier and a source; `make red-flags` prints it."""
from __future__ import annotations

from bot.safety import categories
from bot.safety.examples import load_examples
from bot.safety.lexicon import EMERGENCY, SYMPTOMS, URGENT


def test_every_category_has_a_tier_discriminators_and_a_source():
    for c in categories.categories():
        assert c["tier"] in (EMERGENCY, URGENT), c["name"]
        for key in ("emergency_when", "urgent_when", "routine_when", "source", "title", "title_es"):
            assert c.get(key), (c["name"], key)


def test_the_rules_and_the_examples_use_only_categories_of_the_table():
    names = set(categories.names())
    rule_categories = {s.name for s in SYMPTOMS if s.tier in (EMERGENCY, URGENT)}
    assert rule_categories <= names, rule_categories - names
    example_categories = {e.category for e in load_examples() if e.category}
    assert example_categories <= names, example_categories - names


def test_every_category_has_examples_in_english_and_spanish():
    examples = load_examples()
    for name in categories.names():
        langs = {e.lang for e in examples if e.category == name}
        assert {"en", "es"} <= langs, name


def test_the_table_prints_for_sign_off():
    text = categories.render()
    assert "Sign-off" in text and "pneumothorax" in text and "crisis line" in text


def test_the_crisis_line_goes_with_self_harm():
    assert categories.crisis_categories() == ["self_harm"]
