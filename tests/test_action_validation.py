"""bot/serving/action_validation.py: the action server's replies get exactly Rasa's checks, with
the schema checked once instead of on every custom action call."""
from __future__ import annotations

import jsonschema
import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from bot.serving import action_validation

REPLIES = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "urgency", "value": "emergency"}], "responses": [{"text": "Call 999 now."}]},
    {"events": [{"event": "followup", "name": "utter_greet"}], "responses": [{"buttons": [{"title": "a", "payload": "b"}]}]},
    {},
    {"events": "not a list"},
    {"events": [{"name": "urgency"}]},  # an event without its type
    {"events": [{"event": "slot", "name": "urgency", "value": 1}], "responses": ["not an object"]},
    {"events": [{"event": "no_such_event"}]},
]


def rasa_verdict(reply) -> str:
    try:
        jsonschema.validate(reply, RemoteAction.action_response_format_spec())
        return "valid"
    except ValidationError as error:
        return error.message


@pytest.fixture
def installed(monkeypatch):
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RemoteAction._validate_action_result)
    action_validation.install()
    return RemoteAction("action_escalate", None)


@pytest.mark.parametrize("reply", REPLIES)
def test_same_verdict_as_rasa(installed, reply):
    expected = rasa_verdict(reply)
    if expected == "valid":
        assert installed._validate_action_result(reply) is True
    else:
        with pytest.raises(ValidationError) as raised:
            installed._validate_action_result(reply)
        # Rasa's message, then Rasa's pointer to the docs
        assert raised.value.message.startswith(expected + ". Failed to validate Action server response")
        assert "/custom-actions" in raised.value.message


def test_the_schema_is_checked_once(installed, monkeypatch):
    checks = []
    validator_class = jsonschema.validators.validator_for(RemoteAction.action_response_format_spec())
    monkeypatch.setattr(validator_class, "check_schema", classmethod(lambda cls, schema: checks.append(schema)))
    for reply in REPLIES[:3]:
        installed._validate_action_result(reply)
    assert checks == []
