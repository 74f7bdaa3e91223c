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
    "stroke": "my dads face is drooping on one side and his speech is slurred",
    "seizure": "my son is having a seizure and wont respond",
    "anaphylaxis": "my lips and tongue are swelling up after the session",
    "organ injury": "theres blood in my urine since they needled near my kidney",
    "spinal cord": "since the back needling i cant control my bladder and its numb between my legs",
    "altered consciousness": "mum is not making sense and doesnt recognise me",
}
SPANISH_EMERGENCIES = {
    "breathing": "me falta el aire desde la sesion",
    "chest pain": "me duele mucho el pecho despues de las agujas",
    "fainting": "mi esposo se desmayó y no despierta",
    "seizure": "mi hijo esta convulsionando",
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


@pytest.mark.parametrize("symptom", sorted(SPANISH_EMERGENCIES))
def test_spanish_emergency_gets_the_spanish_reply(stack, symptom):
    sender = f"es-{uuid.uuid4().hex[:10]}"
    replies = say(stack.url, sender, SPANISH_EMERGENCIES[symptom])
    assert replies and replies[0]["text"].startswith("Llame al 999 ahora"), replies
    assert tracker(stack, sender)["slots"]["language"] == "es"


def test_a_spanish_conversation_stays_spanish_for_short_messages(stack):
    sender = f"es-{uuid.uuid4().hex[:10]}"
    say(stack.url, sender, "hola, tengo una pregunta sobre la puncion seca")
    say(stack.url, sender, "ok")
    assert tracker(stack, sender)["slots"]["language"] == "es"
    replies = say(stack.url, sender, "no puedo respirar")
    assert replies[0]["text"].startswith("Llame al 999 ahora")
    say(stack.url, sender, "in English please")
    assert tracker(stack, sender)["slots"]["language"] == "en"


def test_self_harm_gets_the_emergency_number_and_the_crisis_line(stack):
    replies = say(stack.url, f"e2e-{uuid.uuid4().hex[:10]}", "i have taken all my painkillers, i want to die")
    assert replies and "999" in replies[0]["text"] and "116 123" in replies[0]["text"], replies


def test_a_symptom_the_bot_cannot_place_gets_the_safety_net(stack):
    # Whatever tier the gate gives it, the reply must carry the number, never a bare answer.
    replies = say(stack.url, f"e2e-{uuid.uuid4().hex[:10]}", "something feels very wrong in my body since the needles, really scared")
    assert replies and "999" in replies[0]["text"], replies


def test_a_follow_up_is_that_ok_never_reassures(stack):
    sender = f"e2e-{uuid.uuid4().hex[:10]}"
    say(stack.url, sender, "im 14 weeks pregnant can i have dry needling")
    replies = say(stack.url, sender, "is that ok?")
    assert replies and not replies[0]["text"].lower().startswith("yes"), replies


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


@pytest.mark.parametrize("symptom", sorted(SPANISH_EMERGENCIES))
def test_spanish_emergency_reply_arrives_with_the_action_server_down(server_without_actions, symptom):
    replies = say(server_without_actions.url, f"down-{uuid.uuid4().hex[:10]}", SPANISH_EMERGENCIES[symptom])
    assert replies and replies[0]["text"].startswith("Llame al 999 ahora"), replies


def test_a_spanglish_emergency_is_answered_in_both_languages_with_the_action_server_down(server_without_actions):
    replies = say(server_without_actions.url, f"down-{uuid.uuid4().hex[:10]}",
                  "my husband is having a seizure ahorita, se le van los ojos para atras y no responde")
    # Rasa's channels send each paragraph as its own message: one per language.
    first, second = [reply["text"] for reply in replies[:2]]
    assert first.startswith("Call 999 now.") and second.startswith("Llame al 999 ahora"), replies
    assert "999" in first and "999" in second
    assert ("Call 999" in first) != ("Call 999" in second)
