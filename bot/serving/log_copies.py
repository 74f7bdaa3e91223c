"""Skips the copies Rasa makes of its debug-log arguments when debug lines are dropped.

Rasa's message processor and RulePolicy pass `copy.deepcopy(...)` of events, parse data
and dialogue states to `structlogger.debug` on every message and every prediction. Python
evaluates the arguments before structlog drops the line, so at INFO each message still
paid for the copies (~3 % of its CPU time, `make profile`). Those modules use `copy` for
nothing else (tests/test_log_copies.py reads their source to check), so above DEBUG
their `copy` is swapped for one whose deepcopy hands the value back.
"""
from __future__ import annotations

import copy
import logging
from types import ModuleType, SimpleNamespace
from typing import List, TypeVar

T = TypeVar("T")


def modules() -> List[ModuleType]:
    import rasa.core.policies.rule_policy
    import rasa.core.processor

    return [rasa.core.processor, rasa.core.policies.rule_policy]


def _unchanged(value: T, memo: object = None) -> T:
    return value


def install(level: int) -> None:
    """Above DEBUG nothing reads the copies; at DEBUG they are made as Rasa makes them."""
    replacement = copy if level <= logging.DEBUG else SimpleNamespace(deepcopy=_unchanged, copy=copy.copy)
    for module in modules():
        module.copy = replacement
