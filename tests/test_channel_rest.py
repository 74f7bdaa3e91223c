"""POST /webhooks/rest/webhook: every bad body gets a clear JSON 4xx, good ones Rasa's reply.

Unit tests drive the channel's real blueprint with a scripted bot (tests/channel_testing.py);
the end-to-end tests at the bottom go through the real server and model (`stack`).
"""
from __future__ import annotations

import json
from typing import Any, Iterator

import pytest
import requests

from bot import settings
from bot.channels.rest import RequestError, ValidatedRestInput, check_public_sender
from tests.channel_testing import ChannelClient, ScriptedBot

URL = "/webhooks/rest/webhook"


@pytest.fixture
def client() -> Iterator[ChannelClient]:
    c = ChannelClient(ValidatedRestInput())
    yield c
    c.close()


def post_json(client: ChannelClient, body: Any) -> Any:
    return client.post(URL, content=json.dumps(body).encode())


def test_a_good_message_gets_rasas_reply_list(client: ChannelClient) -> None:
    r = post_json(client, {"sender": "patient-1", "message": "  does it hurt?  "})
    assert r.status_code == 200
    assert r.json() == [{"recipient_id": "patient-1", "text": "you said: does it hurt?"}]
    (call,) = client.bot.calls
    assert (call.sender_id, call.text, call.input_channel) == ("patient-1", "does it hurt?", "rest")


def test_a_missing_sender_gets_a_conversation_of_its_own(client: ChannelClient) -> None:
    assert post_json(client, {"message": "hello"}).status_code == 200
    assert post_json(client, {"message": "hello"}).status_code == 200
    first, second = (call.sender_id for call in client.bot.calls)
    assert first.startswith("anon-") and second.startswith("anon-") and first != second


def test_metadata_is_passed_on(client: ChannelClient) -> None:
    post_json(client, {"sender": "p", "message": "hi", "metadata": {"page": "/faq"}})
    assert client.bot.calls[0].metadata == {"page": "/faq"}


def test_the_body_cannot_choose_another_input_channel(client: ChannelClient) -> None:
    post_json(client, {"sender": "p", "message": "hi", "input_channel": "twilio"})
    assert client.bot.calls[0].input_channel == "rest"


@pytest.mark.parametrize(
    "sender",
    ["+15551234567", "user@example.com", "whatsapp:+15551234567", "a_b.c-d", "x" * settings.MAX_SENDER_ID_CHARS],
)
def test_valid_sender_ids_are_accepted(client: ChannelClient, sender: str) -> None:
    assert post_json(client, {"sender": sender, "message": "hi"}).status_code == 200


def test_a_message_of_exactly_the_maximum_length_is_accepted(client: ChannelClient) -> None:
    r = post_json(client, {"sender": "p", "message": "a" * settings.MAX_MESSAGE_CHARS})
    assert r.status_code == 200


@pytest.mark.parametrize(
    "body, status, error",
    [
        (b"", 400, "JSON object"),
        (b"not json", 400, "not valid JSON"),
        (b'{"sender": "p", "message": "hi"', 400, "not valid JSON"),
        (b"[]", 400, "JSON object"),
        (b'"hello"', 400, "JSON object"),
        (b"null", 400, "JSON object"),
        (b"42", 400, "JSON object"),
        (b"[" * 50_000, 400, "not valid JSON"),
        (b'{"sender": "p", "message": "caf\xe9"}', 400, "UTF-8"),
        (b"\xff\xfe{\x00}\x00", 400, "UTF-8"),
        (b'{"sender": "p"}', 400, "'message' is required"),
        (b'{"sender": "p", "message": null}', 400, "'message' is required"),
        (b'{"sender": "p", "message": ""}', 400, "must not be empty"),
        (b'{"sender": "p", "message": " \\n\\t "}', 400, "must not be empty"),
        (b'{"sender": "p", "message": "hi \\ud800 there"}', 400, "lone surrogate"),
        (b'{"sender": "p", "message": 5}', 400, "'message' must be a string"),
        (b'{"sender": "p", "message": ["hi"]}', 400, "'message' must be a string"),
        (b'{"sender": "p", "message": {"text": "hi"}}', 400, "'message' must be a string"),
        (b'{"sender": "p", "message": true}', 400, "'message' must be a string"),
        (b'{"sender": 5, "message": "hi"}', 400, "'sender' must be a string"),
        (b'{"sender": ["p"], "message": "hi"}', 400, "'sender' must be a string"),
        (b'{"sender": "", "message": "hi"}', 400, "must not be empty"),
        (b'{"sender": "a b", "message": "hi"}', 400, "may only contain"),
        (b'{"sender": "<script>", "message": "hi"}', 400, "may only contain"),
        (b'{"sender": "../../etc", "message": "hi"}', 400, "may only contain"),
        (b'{"sender": "caf\\u00e9", "message": "hi"}', 400, "may only contain"),
        (b'{"sender": "p\\n", "message": "hi"}', 400, "may only contain"),
        (b'{"sender": "p", "message": "hi", "metadata": "x"}', 400, "'metadata' must be"),
        (b'{"sender": "p", "message": "hi", "metadata": [1]}', 400, "'metadata' must be"),
    ],
)
def test_bad_bodies_get_a_clear_json_4xx(client: ChannelClient, body: bytes, status: int, error: str) -> None:
    r = client.post(URL, content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == status
    assert error in r.json()["error"]
    assert client.bot.calls == []


def test_an_overlong_sender_is_refused(client: ChannelClient) -> None:
    r = post_json(client, {"sender": "x" * (settings.MAX_SENDER_ID_CHARS + 1), "message": "hi"})
    assert r.status_code == 400
    assert "longer than" in r.json()["error"]


def test_an_oversized_message_gets_413(client: ChannelClient) -> None:
    r = post_json(client, {"sender": "p", "message": "a" * (settings.MAX_MESSAGE_CHARS + 1)})
    assert r.status_code == 413
    assert "longer than" in r.json()["error"]
    assert client.bot.calls == []


def test_the_next_good_request_is_still_answered(client: ChannelClient) -> None:
    for body in (b"\xff", b"[", b'{"message": 1}'):
        assert client.post(URL, content=body).status_code == 400
    r = post_json(client, {"sender": "p", "message": "still there?"})
    assert r.status_code == 200 and r.json()[0]["text"] == "you said: still there?"


@pytest.mark.parametrize("text, said, language", [
    ("I can't breathe", "call 112 now", "en"),
    ("no puedo respirar bien", "llame al 112 ahora", "es"),  # in the language of the message
])
def test_a_failing_bot_still_answers_with_the_emergency_number(
    monkeypatch: pytest.MonkeyPatch, text: str, said: str, language: str,
) -> None:
    monkeypatch.setenv("EMERGENCY_NUMBER", "112")
    client = ChannelClient(ValidatedRestInput(), ScriptedBot(lambda _: [{"raise": True}]))
    try:
        r = post_json(client, {"sender": "p", "message": text})
    finally:
        client.close()
    assert r.status_code == 200
    (message,) = r.json()
    assert message["recipient_id"] == "p" and said in message["text"]
    assert message["metadata"] == {"language": language}


def test_each_message_carries_its_language() -> None:
    replies = [{"text": "¡Hola!\n\nPregunte lo que quiera.", "language": "es"},
               {"text": "¿Preguntaba por alguno de estos temas?", "language": "es",
                "buttons": [{"title": "Costo y pago", "payload": "¿Cuánto cuesta la punción seca?"}]}]
    client = ChannelClient(ValidatedRestInput(), ScriptedBot(lambda _: replies))
    try:
        messages = post_json(client, {"sender": "p", "message": "hola"}).json()
    finally:
        client.close()
    # Rasa's format (a paragraph per message, buttons on theirs), each saying its language
    assert [m["text"] for m in messages] == ["¡Hola!", "Pregunte lo que quiera.", "¿Preguntaba por alguno de estos temas?"]
    assert all(m["metadata"] == {"language": "es"} for m in messages)
    assert messages[-1]["buttons"] == replies[1]["buttons"]


def test_a_failure_after_some_replies_keeps_those_replies() -> None:
    bot = ScriptedBot(lambda _: [{"text": "Call 999 now."}, {"raise": True}])
    client = ChannelClient(ValidatedRestInput(), bot)
    try:
        r = post_json(client, {"sender": "p", "message": "chest pain"})
    finally:
        client.close()
    assert r.json() == [{"recipient_id": "p", "text": "Call 999 now."}]


def test_buttons_are_returned_in_rasas_format() -> None:
    buttons = [{"title": "Yes", "payload": "/affirm"}]
    client = ChannelClient(ValidatedRestInput(), ScriptedBot(lambda _: [{"text": "Helpful?", "buttons": buttons}]))
    try:
        r = post_json(client, {"sender": "p", "message": "hi"})
    finally:
        client.close()
    assert r.json() == [{"recipient_id": "p", "text": "Helpful?", "buttons": buttons}]


def test_streaming_still_works(client: ChannelClient) -> None:
    r = client.post(URL + "?stream=true", content=json.dumps({"sender": "p", "message": "hi"}).encode())
    assert r.status_code == 200
    lines = [json.loads(line) for line in r.text.splitlines() if line.strip()]
    assert lines == [{"recipient_id": "p", "text": "you said: hi"}]


def test_streaming_requests_are_validated_too(client: ChannelClient) -> None:
    assert client.post(URL + "?stream=true", content=b"[]").status_code == 400


def test_health_route(client: ChannelClient) -> None:
    assert client.request("GET", "/webhooks/rest/").json() == {"status": "ok"}


# ---------------------------------------------------------------------------------------
# End to end: the real server and model


def e2e_post(stack: Any, body: bytes, **kwargs: Any) -> requests.Response:
    return requests.post(f"{stack.url}{URL}", data=body, timeout=60, **kwargs)


def test_e2e_a_faq_question_is_answered(stack: Any) -> None:
    r = e2e_post(stack, json.dumps({"sender": "e2e-rest-1", "message": "what is dry needling?"}).encode())
    assert r.status_code == 200
    messages = r.json()
    assert messages and all(m["recipient_id"] == "e2e-rest-1" for m in messages)
    assert any("needle" in (m.get("text") or "").lower() for m in messages)
    assert all(m["metadata"] == {"language": "en"} for m in messages)


@pytest.mark.parametrize(
    "body, status",
    [
        (b"{not json", 400),
        (b"[1, 2]", 400),
        (b'{"sender": "e2e", "message": "   "}', 400),
        (b'{"sender": "e2e", "message": 12}', 400),
        (b'{"sender": "bad sender!", "message": "hi"}', 400),
        (b'{"sender": "e2e", "message": "caf\xe9"}', 400),
        pytest.param(json.dumps({"sender": "e2e", "message": "a" * (settings.MAX_MESSAGE_CHARS + 1)}).encode(),
                     413, id="oversized-message"),
    ],
)
def test_e2e_bad_bodies_get_json_4xx_and_the_server_keeps_serving(stack: Any, body: bytes, status: int) -> None:
    r = e2e_post(stack, body, headers={"Content-Type": "application/json"})
    assert r.status_code == status
    assert r.json()["error"]
    good = e2e_post(stack, json.dumps({"sender": "e2e-rest-2", "message": "hello"}).encode())
    assert good.status_code == 200 and good.json()


def test_e2e_a_body_over_the_server_limit_is_refused_not_crashed(stack: Any) -> None:
    # Bigger than the server's REQUEST_MAX_SIZE: Sanic refuses it before the channel runs.
    body = json.dumps({"sender": "e2e", "message": "a" * 100_000}).encode()
    r = e2e_post(stack, body, headers={"Content-Type": "application/json"})
    assert r.status_code == 413
    assert r.json() == {"error": "the body is too large"}
    assert e2e_post(stack, json.dumps({"sender": "e2e-rest-4", "message": "hi"}).encode()).status_code == 200


def test_e2e_message_text_is_not_logged(stack: Any) -> None:
    marker = "zebracornflake"
    e2e_post(stack, json.dumps({"sender": "e2e-rest-3", "message": f"is {marker} safe?"}).encode())
    e2e_post(stack, json.dumps({"sender": "e2e-rest-3", "message": 7, "x": marker}).encode())
    assert marker not in stack.rasa.log()


def test_rest_cannot_write_into_an_sms_conversation():
    """SMS conversations are keyed "sms:<number>"; an open channel must not reach them."""
    with pytest.raises(RequestError) as error:
        check_public_sender("sms:+15551234567")
    assert error.value.status == 400
