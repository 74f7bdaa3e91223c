"""Call-back requests that can be acted on: a phone number or e-mail found and validated
(phonenumbers, email-validator), stored by the action, shown in the console's queue; by
SMS the number is already known. Plus the NLU: contact messages read as give_contact."""
from __future__ import annotations

import uuid

import pytest
import requests
from rasa_sdk.executor import CollectingDispatcher

from actions.callback import ActionSaveCallbackContact
from actions.handoff import ActionRecordHandoff
from bot.clinic import contacts, records, tables
from tests.console_testing import Console, say, sms
from tests.test_actions import tracker_with, user_event


@pytest.mark.parametrize("text, region, expected", [
    ("my number is (415) 555-2671", "US", ("phone", "+14155552671")),
    ("4155552671", "US", ("phone", "+14155552671")),
    ("+1 202-555-0143 after 5pm", "US", ("phone", "+12025550143")),
    ("call me on 07911 123456", "GB", ("phone", "+447911123456")),
    ("+44 7911 123456", "US", ("phone", "+447911123456")),
    ("mi número es 612 345 678", "ES", ("phone", "+34612345678")),
    ("anna.brown@example.com", "US", ("email", "anna.brown@example.com")),
    ("email me at Sam.Lee@Example.COM.", "US", ("email", "Sam.Lee@example.com")),
])
def test_contacts_are_found_and_normalised(text: str, region: str, expected) -> None:
    found = contacts.find_contact(text, region)
    assert found is not None and (found.method, found.value) == expected


@pytest.mark.parametrize("text", ["no thanks", "123", "call me", "bob@localhost", "my number is 555",
                                  "anna@", "i cant breathe", "07911 123456 7"])
def test_non_contacts_are_refused(text: str) -> None:
    assert contacts.find_contact(text, "US") is None


def test_masked_contact_hides_most_of_it() -> None:
    assert contacts.Contact("phone", "+14155552671").masked() == "…2671"
    assert contacts.Contact("email", "anna@example.com").masked() == "a…@example.com"


@pytest.fixture
def store(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'records.db'}"
    monkeypatch.setenv("ESCALATION_STORE_URL", url)
    monkeypatch.setenv("CLINIC_NAME", "Harbour Physio")
    monkeypatch.setenv("CLINIC_PHONE", "555-0100")
    monkeypatch.setenv("CLINIC_PHONE_REGION", "GB")
    return url


def stored_contacts(url: str):
    with records.engine(url).connect() as conn:
        return [(r.conversation_id, r.method, r.value) for r in conn.execute(tables.callback_contacts.select())]


@pytest.mark.parametrize("language, no_promise", [
    ("en", "can't say exactly when"),
    ("es", "no puedo decirle exactamente cuándo"),
])
async def test_action_keeps_a_valid_contact_and_says_what_happens_next(store, language: str, no_promise: str) -> None:
    tracker = tracker_with(user_event("can someone call me back", "request_human"),
                           user_event("my number is 07911 123456", "give_contact"), slots={"language": language})
    dispatcher = CollectingDispatcher()
    assert await ActionSaveCallbackContact().run(dispatcher, tracker, {}) == []
    assert stored_contacts(store) == [("patient-1", "phone", "+447911123456")]
    reply = dispatcher.messages[0]["text"]
    assert "+447911123456" in reply and "Harbour Physio" in reply and "555-0100" in reply
    assert no_promise in reply  # no promise the clinic hasn't made, in the conversation's language
    assert dispatcher.messages[0]["language"] == language
    assert records.list_handoffs(store) == []  # the request itself was recorded by action_record_handoff


async def test_action_asks_again_for_something_that_is_not_a_contact(store) -> None:
    tracker = tracker_with(user_event("call me back", "request_human"), user_event("my number is 555", "give_contact"))
    dispatcher = CollectingDispatcher()
    await ActionSaveCallbackContact().run(dispatcher, tracker, {})
    assert stored_contacts(store) == []
    assert "doesn't look like a phone number or e-mail address" in dispatcher.messages[0]["text"]


async def test_digits_out_of_the_blue_that_are_no_contact_get_the_usual_not_sure(store) -> None:
    tracker = tracker_with(user_event("does it hurt", "faq"), user_event("room 101", "give_contact"))
    dispatcher = CollectingDispatcher()
    await ActionSaveCallbackContact().run(dispatcher, tracker, {})
    assert dispatcher.messages[0]["response"] == "utter_not_sure"
    assert stored_contacts(store) == [] and records.list_handoffs(store) == []


async def test_a_contact_out_of_the_blue_is_a_call_back_request_too(store) -> None:
    tracker = tracker_with(user_event("anna@example.com", "give_contact"))
    await ActionSaveCallbackContact().run(CollectingDispatcher(), tracker, {})
    assert [h["conversation_id"] for h in records.list_handoffs(store)] == ["patient-1"]
    assert stored_contacts(store) == [("patient-1", "email", "anna@example.com")]


@pytest.mark.parametrize("language, said", [("en", "couldn't save your contact details"),
                                            ("es", "no pude guardar sus datos de contacto")])
async def test_database_down_is_said_not_hidden(monkeypatch, language: str, said: str) -> None:
    monkeypatch.setenv("ESCALATION_STORE_URL", "sqlite:////nonexistent/dir/records.db")
    tracker = tracker_with(user_event("call me", "request_human"), user_event("anna@example.com", "give_contact"),
                           slots={"language": language})
    dispatcher = CollectingDispatcher()
    await ActionSaveCallbackContact().run(dispatcher, tracker, {})
    assert said in dispatcher.messages[0]["text"]


async def test_by_sms_the_number_is_the_contact(store) -> None:
    tracker = tracker_with(user_event("call me back pls", "request_human", channel="twilio"), sender="sms:+447911123456")
    await ActionRecordHandoff().run(CollectingDispatcher(), tracker, {})
    assert stored_contacts(store) == [("sms:+447911123456", "phone", "+447911123456")]


# ------------------------------------------------------------------ on the real service

@pytest.mark.parametrize("text", [
    "my mobile is 415 555 0187", "0207 946 0123", "you can text me on +1 646 555 0144",
    "my email address is jo.mills@example.com", "send it to pat.k@example.org", "ana.ruiz@example.es",
    # bare addresses and Spanish lead-ins: the classifier alone read these as "not sure"
    "lena.okafor@gmail.com", "t_ngu@yahoo.com", "correo: rafa.ortiz@icloud.com", "escribanme a dolo.vega@outlook.com",
])
def test_contact_messages_are_read_as_give_contact(stack, text: str) -> None:
    parse = requests.post(f"{stack.url}/model/parse", params={"token": stack.token}, json={"text": text}, timeout=30).json()
    assert parse["intent"]["name"] == "give_contact", (text, parse["intent"])


@pytest.mark.parametrize("text", ["does dry needling hurt", "how much does a session cost, like 80 dollars?",
                                  "i cant breathe", "can someone call me back",
                                  "sore since my session on 12/11/2026, is that normal", "I paid 120 dollars for 3 sessions"])
def test_other_messages_are_not_read_as_contacts(stack, text: str) -> None:
    parse = requests.post(f"{stack.url}/model/parse", params={"token": stack.token}, json={"text": text}, timeout=30).json()
    assert parse["intent"]["name"] != "give_contact", text


def test_widget_style_call_back_request_reaches_the_queue_with_the_contact(stack) -> None:
    console = Console(stack)
    patient = f"callback-{uuid.uuid4().hex[:8]}"
    asked = say(stack, patient, "can someone call me back pls")
    assert "phone number or e-mail address" in asked[0]["text"] and "you agree" in asked[0]["text"]
    saved = say(stack, patient, "my number is (415) 555-2671")
    assert "+14155552671" in saved[0]["text"]
    item = console.wait_for_item(lambda i: i["conversation_id"] == patient)
    assert item["kind"] == "callback" and item["contact"] == {"method": "phone", "value": "+14155552671"}


def test_sms_call_back_request_needs_no_contact_question(stack) -> None:
    console = Console(stack)
    phone = "+1415555" + str(uuid.uuid4().int)[:4]
    reply = " ".join(sms(stack, phone, "can someone call me back pls"))
    assert "this number" in reply and "e-mail" not in reply
    assert all(len(part) <= 320 for part in sms(stack, phone, "can i talk to a human"))
    item = console.wait_for_item(lambda i: i["conversation_id"] == f"sms:{phone}")
    assert item["contact"] == {"method": "phone", "value": phone}
