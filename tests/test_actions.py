"""Custom actions, rasa-sdk style: a Tracker.from_dict, a CollectingDispatcher, and
assertions on the events, the messages, the stored record and the signed notification
(received by a real HTTP server on localhost)."""
from __future__ import annotations

import json
from typing import Dict, List, Optional

import pytest
from aiohttp import web
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.escalation import ActionEscalateRedFlag, wait_for_deliveries
from actions.followup import ActionAnswerFollowup
from actions.handoff import ActionRecordHandoff
from actions.suggestions import ActionSuggestTopics
from bot.clinic import records
from bot.channels.signing import SIGNATURE_HEADER, check
from bot.topics import TOPICS, TOPICS_ES

SECRET = "notify-test-secret"


def user_event(text: str, intent: str, entities: Optional[List[Dict]] = None, answer: Optional[str] = None,
               ranking: Optional[List[str]] = None, channel: str = "rest") -> Dict:
    parse = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": entities or []}
    if answer or ranking:
        keys = ranking or [answer]
        parse["response_selector"] = {"faq": {
            "response": {"intent_response_key": keys[0], "confidence": 0.9},
            "ranking": [{"intent_response_key": k, "confidence": 0.9 - i * 0.2} for i, k in enumerate(keys)],
        }}
    return {"event": "user", "text": text, "parse_data": parse, "input_channel": channel}


def tracker_with(*events: Dict, sender: str = "patient-1", slots: Optional[Dict] = None) -> Tracker:
    latest = [e for e in events if e["event"] == "user"][-1]
    return Tracker.from_dict({
        "sender_id": sender, "slots": slots or {}, "latest_message": latest["parse_data"],
        "events": list(events), "paused": False, "followup_action": None, "active_loop": {},
        "latest_action_name": "action_listen",
    })


@pytest.fixture
def store(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'records.db'}"
    monkeypatch.setenv("ESCALATION_STORE_URL", url)
    monkeypatch.delenv("CLINIC_NOTIFY_URL", raising=False)
    return url


@pytest.fixture
async def clinic_receiver(unused_tcp_port_factory=None):
    """A real HTTP server standing in for the clinic's system: it fails once, then accepts."""
    received: List[Dict] = []
    calls = {"n": 0}

    async def handle(request: web.Request) -> web.Response:
        calls["n"] += 1
        body = await request.read()
        if calls["n"] == 1:
            return web.Response(status=503)  # the first delivery fails: the notifier must retry
        received.append({"body": body, "signature": request.headers.get(SIGNATURE_HEADER)})
        return web.Response(status=204)

    app = web.Application()
    app.router.add_post("/escalations", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}/escalations", received, calls
    await runner.cleanup()


async def test_escalation_records_sets_urgency_and_sends_a_signed_notification(store, clinic_receiver, monkeypatch):
    url, received, calls = clinic_receiver
    monkeypatch.setenv("CLINIC_NOTIFY_URL", url)
    monkeypatch.setenv("CLINIC_NOTIFY_SECRET", SECRET)
    monkeypatch.setattr("bot.clinic.notify.BACKOFF_SECONDS", (0.05, 0.05))
    tracker = tracker_with(user_event(
        "my wife passed out", "red_flag_emergency",
        [{"entity": "symptom", "value": "fainting or collapse", "start": 8, "end": 18}], channel="twilio"))
    dispatcher = CollectingDispatcher()

    events = await ActionEscalateRedFlag().run(dispatcher, tracker, {})
    await wait_for_deliveries()

    assert events == [SlotSet("urgency", "emergency")]
    record = records.list_escalations(store)[0]
    assert record["tier"] == "emergency"
    assert record["symptoms"] == "fainting or collapse"
    assert record["conversation_id"] == "patient-1"
    assert record["channel"] == "twilio"
    assert record["notify_status"] == "sent" and record["notify_attempts"] == 2
    assert calls["n"] == 2 and len(received) == 1
    check(SECRET, received[0]["body"], received[0]["signature"])  # raises if unsigned or wrong
    payload = json.loads(received[0]["body"])
    assert payload["tier"] == "emergency" and payload["escalation_id"] == record["id"]
    assert "passed out" not in received[0]["body"].decode()  # no message text leaves the service


async def test_urgent_tier_without_a_notify_url_is_only_recorded(store):
    tracker = tracker_with(user_event("theres pus", "red_flag_urgent",
                                      [{"entity": "symptom", "value": "signs of infection"}]))
    events = await ActionEscalateRedFlag().run(CollectingDispatcher(), tracker, {})
    await wait_for_deliveries()
    assert events == [SlotSet("urgency", "urgent")]
    assert records.list_escalations(store)[0]["notify_status"] == "not_configured"


async def test_notification_that_never_succeeds_is_marked_failed(store, monkeypatch):
    monkeypatch.setenv("CLINIC_NOTIFY_URL", "http://127.0.0.1:9/nothing-listens-here")
    monkeypatch.setattr("bot.clinic.notify.BACKOFF_SECONDS", (0.01, 0.01))
    tracker = tracker_with(user_event("cant breathe", "red_flag_emergency"))
    await ActionEscalateRedFlag().run(CollectingDispatcher(), tracker, {})
    await wait_for_deliveries()
    record = records.list_escalations(store)[0]
    assert record["notify_status"] == "failed" and record["notify_attempts"] == 3


async def test_handoff_request_is_recorded(store):
    tracker = tracker_with(user_event("call me back pls", "request_human"), sender="+15551230000")
    assert await ActionRecordHandoff().run(CollectingDispatcher(), tracker, {}) == []
    assert records.list_handoffs(store)[0]["conversation_id"] == "+15551230000"


@pytest.mark.parametrize("slots, topics, lead, language", [
    ({}, TOPICS, "Were you asking", "en"),
    ({"language": "en"}, TOPICS, "Were you asking", "en"),
    # Spanish: titles, questions (sent back as the patient's message) and the lead line
    ({"language": "es"}, TOPICS_ES, "¿Preguntaba", "es"),
])
async def test_fallback_offers_the_likely_topics_as_buttons(slots, topics, lead, language):
    tracker = tracker_with(user_event("how much n is it covered", "nlu_fallback",
                                      ranking=["faq/cost", "faq/insurance", "faq/session_length", "faq/what_is"]),
                           slots=slots)
    dispatcher = CollectingDispatcher()
    await ActionSuggestTopics().run(dispatcher, tracker, {})
    message = dispatcher.messages[0]
    buttons = message["buttons"]
    assert [b["title"] for b in buttons] == [topics["cost"].title, topics["insurance"].title, topics["session_length"].title]
    assert buttons[0]["payload"] == topics["cost"].question
    assert message["text"].startswith(lead) and message["language"] == language


def test_every_topic_has_a_spanish_title_and_question():
    assert TOPICS_ES.keys() == TOPICS.keys()
    for topic in TOPICS_ES.values():
        assert topic.title and topic.question.startswith("¿") and topic.question.endswith("?")


@pytest.mark.parametrize("previous, followup, expected", [
    ("faq/soreness_after", "and how long does that last?", "utter_faq/soreness_after__duration"),
    ("faq/benefits", "how long does it last", "utter_faq/results_duration"),
    ("faq/session_steps", "what about after?", "utter_faq/aftercare"),
    ("faq/insurance", "and what does it cost", "utter_faq/insurance"),
    ("faq/what_is", "does that hurt", "utter_faq/does_it_hurt"),
    # "Tell me more" (the option under a precise answer) gives the topic's full answer
    ("faq/aftercare__painkillers", "Tell me more", "utter_faq/aftercare"),
    ("faq/contraindications__not_covered_diabetes", "why", "utter_faq/contraindications"),
    # stays on the sub-answer
    ("faq/side_effects__bruising", "and how long does that last?", "utter_faq/side_effects__bruising"),
    ("faq/does_it_hurt", "how long does that last", "utter_faq/soreness_after__duration"),
    ("faq/twitch_response", "how long does that last", "utter_faq/twitch_response"),
    ("faq/aftercare", "what about ibuprofen?", "utter_faq/aftercare__painkillers"),
    ("faq/aftercare__heat_ice", "and tylenol?", "utter_faq/aftercare__painkillers"),
    ("faq/contraindications__bleeding_disorder", "what about aspirin?", "utter_faq/contraindications__not_covered_medicines"),
    ("faq/aftercare", "and my blood pressure tablets?", "utter_faq/contraindications__not_covered_medicines"),
    # "is that ok / safe / normal?" never gets a reassuring default: the same cautions again
    ("faq/contraindications", "is that ok?", "utter_faq/contraindications"),
    ("faq/contraindications__pregnancy", "is that normal", "utter_faq/contraindications__pregnancy"),
    ("faq/side_effects__fainting", "is that normal?", "utter_faq/side_effects__fainting"),
    ("faq/serious_risks__pneumothorax", "is that safe", "utter_faq/serious_risks__pneumothorax"),
    ("faq/aftercare", "is that ok", "utter_faq/aftercare"),
    # the same in Spanish ("Cuénteme más" is the Spanish option under a precise answer)
    ("faq/aftercare__painkillers", "Cuénteme más", "utter_faq/aftercare"),
    ("faq/soreness_after", "¿y cuánto dura eso?", "utter_faq/soreness_after__duration"),
    ("faq/side_effects__bruising", "y cuanto tiempo dura", "utter_faq/side_effects__bruising"),
    ("faq/session_steps", "¿y después?", "utter_faq/aftercare"),
    ("faq/aftercare", "¿y el ibuprofeno?", "utter_faq/aftercare__painkillers"),
    ("faq/contraindications__bleeding_disorder", "¿y la aspirina?", "utter_faq/contraindications__not_covered_medicines"),
    ("faq/insurance", "¿y cuánto cuesta?", "utter_faq/insurance"),
    ("faq/what_is", "¿y el seguro?", "utter_faq/cost__clinic_prices"),
    ("faq/what_is", "¿es seguro?", "utter_faq/safety"),
    ("faq/contraindications__pregnancy", "¿es normal?", "utter_faq/contraindications__pregnancy"),
    ("faq/serious_risks__pneumothorax", "¿es seguro?", "utter_faq/serious_risks__pneumothorax"),
])
async def test_followup_is_answered_from_the_previous_topic(previous, followup, expected):
    tracker = tracker_with(user_event("q", "faq", answer=previous), user_event(followup, "ask_followup"))
    dispatcher = CollectingDispatcher()
    await ActionAnswerFollowup().run(dispatcher, tracker, {})
    assert dispatcher.messages[0]["response"] == expected


async def test_followup_goes_on_from_what_the_bot_last_sent():
    # faq (painkillers) -> "tell me more" (aftercare's full answer) -> "how long does that last?"
    tracker = tracker_with(
        user_event("can i take ibuprofen after", "faq", answer="faq/aftercare__painkillers"),
        {"event": "bot", "text": "...", "metadata": {"utter_action": "utter_faq/aftercare__painkillers"}},
        user_event("Tell me more", "ask_followup"),
        {"event": "bot", "text": "...", "metadata": {"utter_action": "utter_faq/aftercare"}},
        user_event("how long does that last?", "ask_followup"),
    )
    dispatcher = CollectingDispatcher()
    await ActionAnswerFollowup().run(dispatcher, tracker, {})
    assert dispatcher.messages[0]["response"] == "utter_faq/soreness_after__duration"


@pytest.mark.parametrize("followup", ["what about that", "is that normal?", "is that ok", "should i worry"])
async def test_followup_without_context_asks_to_rephrase(followup):
    # never a default that reassures ("is that normal?" -> "Yes, ... normal")
    tracker = tracker_with(user_event(followup, "ask_followup"))
    dispatcher = CollectingDispatcher()
    await ActionAnswerFollowup().run(dispatcher, tracker, {})
    assert dispatcher.messages[0]["response"] == "utter_not_sure"


def sure(text: str, key: str, confidence: float) -> Dict:
    event = user_event(text, "ask_followup", answer=key)
    event["parse_data"]["response_selector"]["faq"]["ranking"] = [
        {"intent_response_key": key, "confidence": confidence}, {"intent_response_key": "faq/techniques", "confidence": 0.01}]
    return event


@pytest.mark.parametrize("text,confidence,expected", [
    # a "follow-up" that opens the conversation and names what it asks: its sure answer
    ("Is this a once-a-week kind of thing or more often than that?", 0.999, "utter_faq/number_of_sessions"),
    # an answer that is only likely is no answer
    ("Is this a once-a-week kind of thing or more often than that?", 0.8, "utter_not_sure"),
    # never a default that reassures, however sure the selector is
    ("is that normal?", 0.999, "utter_not_sure"),
])
async def test_a_followup_that_opens_the_conversation(text, confidence, expected):
    tracker = tracker_with(sure(text, "faq/number_of_sessions", confidence))
    dispatcher = CollectingDispatcher()
    await ActionAnswerFollowup().run(dispatcher, tracker, {})
    assert dispatcher.messages[0]["response"] == expected


async def test_the_clinic_is_notified_even_when_the_database_is_down(clinic_receiver, monkeypatch, caplog):
    url, received, calls = clinic_receiver
    monkeypatch.setenv("ESCALATION_STORE_URL", "postgresql://nobody@127.0.0.1:9/nowhere")  # nothing listens
    monkeypatch.setenv("CLINIC_NOTIFY_URL", url)
    monkeypatch.setenv("CLINIC_NOTIFY_SECRET", SECRET)
    monkeypatch.setattr("bot.clinic.notify.BACKOFF_SECONDS", (0.05, 0.05))
    tracker = tracker_with(user_event("i cant breathe at all", "red_flag_emergency",
                                      [{"entity": "symptom", "value": "breathing difficulty"}]), sender="patient-db-down")

    events = await ActionEscalateRedFlag().run(CollectingDispatcher(), tracker, {})
    await wait_for_deliveries()

    assert events == [SlotSet("urgency", "emergency")]
    assert len(received) == 1
    payload = json.loads(received[0]["body"])
    assert payload["escalation_id"] is None and payload["tier"] == "emergency"
    assert payload["conversation_id"] == "patient-db-down" and payload["symptoms"] == ["breathing difficulty"]
    assert "NOT recorded" in caplog.text and "cant breathe" not in caplog.text and "patient-db-down" not in caplog.text
