"""Every emergency symptom, through a real running server and the REST channel: the
reply carries the configured emergency number (999 here), the urgency slot is set, and
the clinic is told. Then again with the action server unreachable: the reply still
arrives, because it is a domain response fired by a rule, not something an action sends."""
from __future__ import annotations

import uuid

import pytest
import requests

from tests.servers import free_port, rasa_server

EMERGENCY_MESSAGES = {
    "difficulty breathing": "cant catch my breath since the needling",
    "shortness of breath": "really short of breath after my session today",
    "chest pain": "sharp pain in my chest since the needles went in near my shoulder blade",
    "chest tightness": "my chest feels tight and heavy",
    "coughing blood": "im coughing up blood",
    "heavy bleeding": "the needle site is bleeding heavily and wont stop",
    "fainting": "my husband fainted after his session",
    "collapse": "she collapsed in the car park after dry needling",
    "hard to wake": "my dad is really hard to wake up since his appointment",
    "blue lips": "her lips are going blue",
    "throat swelling": "my throat is swelling up",
    "hedged": "not sure its related but i cant breathe",
}


def say(base_url: str, sender: str, text: str) -> list:
    response = requests.post(f"{base_url}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=60)
    assert response.status_code == 200, response.text
    return response.json()


def tracker(stack, sender: str) -> dict:
    response = requests.get(f"{stack.url}/conversations/{sender}/tracker", params={"token": stack.token}, timeout=30)
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize("symptom", sorted(EMERGENCY_MESSAGES))
def test_emergency_reply_carries_the_configured_number(stack, symptom):
    sender = f"e2e-{uuid.uuid4().hex[:10]}"
    replies = say(stack.url, sender, EMERGENCY_MESSAGES[symptom])
    assert replies, "no reply"
    assert replies[0]["text"].startswith("Call 999 now"), replies
    state = tracker(stack, sender)
    assert state["slots"]["urgency"] == "emergency"
    actions = [e.get("name") for e in state["events"] if e["event"] == "action"]
    assert "action_escalate_red_flag" in actions


def test_emergency_in_the_middle_of_a_conversation(stack):
    sender = f"e2e-{uuid.uuid4().hex[:10]}"
    say(stack.url, sender, "hi")
    say(stack.url, sender, "how much does it cost")
    replies = say(stack.url, sender, "wait my chest really hurts now")
    assert replies[0]["text"].startswith("Call 999 now")


def test_negated_symptom_gets_an_answer_not_an_emergency(stack):
    replies = say(stack.url, f"e2e-{uuid.uuid4().hex[:10]}", "no chest pain or anything, just really sore where she needled")
    assert replies and "999 now" not in replies[0]["text"][:20]


@pytest.fixture(scope="module")
def server_without_actions(tmp_path_factory, stack):
    """A second Rasa server whose action server URL points at a port where nothing listens."""
    tmp = tmp_path_factory.mktemp("no-actions")
    env = {**stack.env, "ACTION_SERVER_URL": f"http://127.0.0.1:{free_port()}/webhook",
           "TRACKER_STORE_URL": f"sqlite:///{tmp / 'c.db'}"}
    with rasa_server(tmp, env) as server:
        yield server


@pytest.mark.parametrize("symptom", sorted(EMERGENCY_MESSAGES))
def test_emergency_reply_arrives_with_the_action_server_down(server_without_actions, symptom):
    replies = say(server_without_actions.url, f"down-{uuid.uuid4().hex[:10]}", EMERGENCY_MESSAGES[symptom])
    assert replies and replies[0]["text"].startswith("Call 999 now"), replies
