"""bot/serving/log_copies.py: Rasa's debug-log copies are skipped only where nothing else reads them."""
from __future__ import annotations

import ast
import copy
import inspect
import logging

import pytest

from bot.serving import log_copies


def copy_uses_outside_debug_logs(module) -> list:
    """Lines where the module uses `copy.` other than in the arguments of a
    `structlogger.debug(...)` call."""
    tree = ast.parse(inspect.getsource(module))
    inside_debug = set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "debug"
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "structlogger"):
            inside_debug.update(id(n) for n in ast.walk(node))
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "copy"
            and id(node) not in inside_debug]


@pytest.mark.parametrize("module", log_copies.modules(), ids=lambda m: m.__name__)
def test_copy_is_used_only_for_debug_log_arguments(module):
    assert copy_uses_outside_debug_logs(module) == []


def test_the_check_sees_a_copy_outside_a_log_call():
    import rasa.core.policies.policy  # copies its config for real

    assert copy_uses_outside_debug_logs(rasa.core.policies.policy) != []


def test_no_copies_above_debug_and_rasas_copies_at_debug():
    value = {"events": [{"event": "user", "text": "hi"}]}
    try:
        log_copies.install(logging.INFO)
        for module in log_copies.modules():
            assert module.copy.deepcopy(value) is value
        log_copies.install(logging.DEBUG)
        for module in log_copies.modules():
            assert module.copy is copy
            assert module.copy.deepcopy(value) == value and module.copy.deepcopy(value) is not value
    finally:
        log_copies.install(logging.DEBUG)  # Rasa's own behaviour for the other tests
