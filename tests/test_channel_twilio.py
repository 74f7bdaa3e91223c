"""POST /webhooks/twilio/webhook: real Twilio signatures, TwiML replies that fit SMS.

Signatures are computed with Twilio's own RequestValidator.compute_signature, the way
Twilio signs: the full URL plus every form field (blank ones too), sorted.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any, Dict, Iterator, List, Optional
from urllib.parse import urlencode

import pytest
import requests
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from twilio.request_validator import RequestValidator

from bot import settings
from bot.channels.twilio_sms import (
    SMS_MAX_CHARS,
    TwilioSmsInput,
    help_text,
    pending_buttons,
    plain_text,
    sms_texts,
    split_sms,
)
from bot.clinic import opt_outs
from bot.clinic.delivery import OPTED_OUT, Delivery
from tests.channel_testing import ChannelClient, ScriptedBot

TOKEN = "unit-test-twilio-token"
PATH = "/webhooks/twilio/webhook"
PHONE = "+15557654321"


def twilio_config(token: Optional[str] = TOKEN, public_base_url: Optional[str] = None) -> settings.Twilio:
    return settings.Twilio(
        account_sid="AC" + "0" * 32, auth_token=token, number="+15550000000", public_base_url=public_base_url
    )


def form(body: str, sender: str = PHONE, **extra: str) -> Dict[str, str]:
    # Real Twilio requests carry blank fields like these; they are part of the signature.
    return {"From": sender, "To": "+15550000000", "Body": body, "MessageSid": "SM" + "1" * 32,
            "FromCity": "", "FromZip": "", **extra}


def sign(url: str, params: Dict[str, str], token: str = TOKEN) -> str:
    return RequestValidator(token).compute_signature(url, params)


def texts_of(twiml: str) -> List[str]:
    root = ET.fromstring(twiml)
    assert root.tag == "Response"
    return [m.text or "" for m in root.findall("Message")]


class Sms:
    """Posts signed SMS webhooks to a ChannelClient."""

    def __init__(self, client: ChannelClient, token: str = TOKEN) -> None:
        self.client = client
        self.token = token

    def send(self, body: str, sender: str = PHONE, url: Optional[str] = None, headers: Optional[dict] = None,
             **extra: str) -> Any:
        params = form(body, sender, **extra)
        signed_for = url or self.client.base_url + PATH
        all_headers = {"X-Twilio-Signature": sign(signed_for, params, self.token),
                       "Content-Type": "application/x-www-form-urlencoded", **(headers or {})}
        return self.client.post(PATH, content=urlencode(params).encode(), headers=all_headers)


def make(script: Any = None, config: Optional[settings.Twilio] = None) -> ChannelClient:
    bot = ScriptedBot(script) if script else ScriptedBot()
    return ChannelClient(TwilioSmsInput(config or twilio_config()), bot)


@pytest.fixture
def client() -> Iterator[ChannelClient]:
    c = make()
    yield c
    c.close()


@pytest.fixture(autouse=True)
def records_db(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    """Opt-out keywords are recorded (bot/clinic/opt_outs.py): in a throw-away database."""
    url = f"sqlite:///{tmp_path / 'records.db'}"
    monkeypatch.setenv("ESCALATION_STORE_URL", url)
    return url


# ---------------------------------------------------------------------------------------
# Plain text and splitting

@pytest.mark.parametrize(
    "markdown, plain",
    [
        ("**Call 999 now.** Then rest.", "Call 999 now. Then rest."),
        ("It is *usually* fine and __safe__.", "It is usually fine and safe."),
        ("See [our site](https://x.example/a).", "See our site (https://x.example/a)."),
        ("[https://x.example](https://x.example)", "https://x.example"),
        ("## Aftercare\n* drink water\n+ rest", "Aftercare\n- drink water\n- rest"),
        ("> quoted `code` ~~old~~", "quoted code old"),
        ("line<br>next <b>bold</b>", "line\nnext bold"),
        ("a   b\n\n\n\nc", "a b\n\nc"),
        ("utter_faq and 2 * 3 * 4 stay", "utter_faq and 2 * 3 * 4 stay"),
        ("It’s “dry” – really…", "It's \"dry\" - really..."),
    ],
)
def test_markdown_becomes_plain_text(markdown: str, plain: str) -> None:
    assert plain_text(markdown) == plain


def words(text: str) -> List[str]:
    return text.split()


def test_short_text_is_one_sms() -> None:
    assert split_sms("  Hello there.  ") == ["Hello there."]
    assert split_sms("   ") == []


def test_long_text_is_split_between_sentences() -> None:
    sentences = [f"Sentence number {i} says something useful about needles." for i in range(20)]
    text = " ".join(sentences)
    chunks = split_sms(text)
    assert len(chunks) > 1
    assert all(len(c) <= SMS_MAX_CHARS for c in chunks)
    assert all(c.endswith(".") for c in chunks)  # no sentence cut in two
    assert words(" ".join(chunks)) == words(text)  # nothing lost, order kept


def test_a_sentence_longer_than_an_sms_is_split_between_words() -> None:
    text = " ".join(f"word{i}" for i in range(150))  # ~1000 characters, no full stop
    chunks = split_sms(text)
    assert all(len(c) <= SMS_MAX_CHARS for c in chunks)
    assert words(" ".join(chunks)) == words(text)  # no word cut in two


def test_a_single_giant_word_is_cut_only_because_it_must() -> None:
    url = "https://x.example/" + "a" * 700
    chunks = split_sms(f"Read {url} please.")
    assert all(len(c) <= SMS_MAX_CHARS for c in chunks)
    assert "".join(chunks).replace(" ", "") == f"Read{url}please."


def test_what_is_left_of_a_long_sentence_shares_an_sms_with_the_next() -> None:
    long_sentence = " ".join(["word"] * 70) + "."  # 350 characters
    chunks = split_sms(long_sentence + " Short one.")
    assert len(chunks) == 2
    assert chunks[1].endswith("word. Short one.")


def test_line_breaks_are_sentence_boundaries() -> None:
    text = "\n".join(f"- item {i} with a few words in it" for i in range(20))
    chunks = split_sms(text)
    assert all(len(c) <= SMS_MAX_CHARS for c in chunks)
    assert all(c.startswith("- item") and re.search(r"in it$", c) for c in chunks)


def test_buttons_become_numbered_options_across_the_turn() -> None:
    messages = [
        {"text": "Was this helpful?", "buttons": [{"title": "Yes", "payload": "/affirm"},
                                                {"title": "**No**", "payload": "/deny"}]},
        {"text": "Or:", "buttons": [{"title": "Talk to a person", "payload": "/request_human"}]},
    ]
    texts = sms_texts(messages)
    assert texts == ["Was this helpful?\nReply 1 for Yes, 2 for No.", "Or:\nReply 3 for Talk to a person."]
    assert "/" not in "".join(texts)


def test_pending_buttons_come_from_the_last_bot_turn_only() -> None:
    old = [{"title": "Old", "payload": "/old"}]
    yes_no = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]
    human = [{"title": "Person", "payload": "/request_human"}]
    events = [
        UserUttered("hi"), BotUttered("pick", data={"buttons": old}),
        UserUttered("next"), ActionExecuted("utter_x"),
        BotUttered("helpful?", data={"buttons": yes_no}), BotUttered("plain text", data={}),
        BotUttered("or", data={"buttons": human}), ActionExecuted("action_listen"),
    ]
    assert pending_buttons(events) == yes_no + human
    assert pending_buttons(events + [UserUttered("again"), BotUttered("no buttons")]) == []


# ---------------------------------------------------------------------------------------
# Signatures

def test_a_signed_sms_gets_twiml(client: ChannelClient) -> None:
    r = Sms(client).send("does it hurt?")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/xml")
    assert texts_of(r.text) == ["you said: does it hurt?"]
    (call,) = client.bot.calls
    # SMS conversations live in their own namespace: "sms:<number>"
    assert (call.sender_id, call.text, call.input_channel) == (f"sms:{PHONE}", "does it hurt?", "twilio")


def test_a_missing_signature_gets_403(client: ChannelClient) -> None:
    r = client.post(PATH, content=urlencode(form("hi")).encode(),
                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 403
    assert client.bot.calls == []


def test_a_wrong_signature_gets_403(client: ChannelClient) -> None:
    params = form("hi")
    r = client.post(PATH, content=urlencode(params).encode(),
                    headers={"X-Twilio-Signature": sign(client.base_url + PATH, params, "another-token")})
    assert r.status_code == 403
    assert client.bot.calls == []


def test_a_tampered_body_gets_403(client: ChannelClient) -> None:
    params = form("what does it cost?")
    signature = sign(client.base_url + PATH, params)
    tampered = {**params, "From": "+15550009999"}
    r = client.post(PATH, content=urlencode(tampered).encode(), headers={"X-Twilio-Signature": signature})
    assert r.status_code == 403
    assert client.bot.calls == []


def test_a_signature_for_another_url_gets_403(client: ChannelClient) -> None:
    r = Sms(client).send("hi", url="https://elsewhere.example" + PATH)
    assert r.status_code == 403


def test_a_non_utf8_body_gets_403(client: ChannelClient) -> None:
    r = client.post(PATH, content=b"Body=\xff&From=%2B1555", headers={"X-Twilio-Signature": "x"})
    assert r.status_code == 403


def test_the_url_behind_a_proxy_comes_from_forwarded_headers(client: ChannelClient) -> None:
    public = "https://bot.clinic.example" + PATH
    r = Sms(client).send("hi", url=public,
                         headers={"X-Forwarded-Proto": "https", "X-Forwarded-Host": "bot.clinic.example"})
    assert r.status_code == 200


def test_the_public_base_url_setting_wins() -> None:
    client = make(config=twilio_config(public_base_url="https://sms.clinic.example/"))
    try:
        assert Sms(client).send("hi", url="https://sms.clinic.example" + PATH).status_code == 200
        # Signed for the URL the server saw, but Twilio would have used the public one.
        assert Sms(client).send("hi").status_code == 403
    finally:
        client.close()


def test_query_strings_are_part_of_the_signed_url(client: ChannelClient) -> None:
    params = form("hi")
    url = client.base_url + PATH + "?clinic=harbour"
    r = client.post(PATH + "?clinic=harbour", content=urlencode(params).encode(),
                    headers={"X-Twilio-Signature": sign(url, params)})
    assert r.status_code == 200


def test_the_channel_is_off_without_an_auth_token(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("WARNING"):
        client = make(config=twilio_config(token=None))
    try:
        assert "Twilio SMS channel off" in caplog.text
        r = client.post(PATH, content=urlencode(form("hi")).encode(),
                        headers={"X-Twilio-Signature": "anything"})
        assert r.status_code == 403
        assert client.bot.calls == []
    finally:
        client.close()


def test_a_valid_signature_with_an_invalid_sender_gets_400(client: ChannelClient) -> None:
    assert Sms(client).send("hi", sender="").status_code == 400
    assert Sms(client).send("hi", sender="not a number!").status_code == 400
    assert client.bot.calls == []


# ---------------------------------------------------------------------------------------
# Replies

@pytest.mark.parametrize("word", ["STOP", "stop", " Stop. ", "UNSUBSCRIBE", "cancel", "STOPALL", "QUIT", "START"])
def test_opt_out_keywords_are_left_to_twilio(client: ChannelClient, word: str) -> None:
    r = Sms(client).send(word)
    assert r.status_code == 200
    assert texts_of(r.text) == []
    assert client.bot.calls == []


def test_stop_inside_a_sentence_is_a_normal_message(client: ChannelClient) -> None:
    r = Sms(client).send("should I stop taking ibuprofen?")
    assert texts_of(r.text) == ["you said: should I stop taking ibuprofen?"]


def test_help_gives_the_clinic_and_the_emergency_number(monkeypatch: pytest.MonkeyPatch,
                                                        client: ChannelClient) -> None:
    monkeypatch.setenv("CLINIC_NAME", "Harbour Physio")
    monkeypatch.setenv("CLINIC_PHONE", "555-0100")
    monkeypatch.setenv("EMERGENCY_NUMBER", "112")
    (text,) = texts_of(Sms(client).send("help").text)
    assert "Harbour Physio" in text and "555-0100" in text and "112" in text
    assert len(text) <= SMS_MAX_CHARS
    assert client.bot.calls == []


@pytest.mark.parametrize("word, language", [("AYUDA", "es"), ("ayuda.", "es"), ("¡Ayuda!", "es"), ("HELP", "en"),
                                            ("info", "en")])
def test_help_keywords_answer_in_their_language(monkeypatch: pytest.MonkeyPatch, client: ChannelClient,
                                                word: str, language: str) -> None:
    monkeypatch.setenv("CLINIC_NAME", "Harbour Physio")
    monkeypatch.setenv("EMERGENCY_NUMBER", "112")
    (text,) = texts_of(Sms(client).send(word).text)
    assert text == help_text(language)
    assert ("Escriba su pregunta" in text) == (language == "es") and "Harbour Physio" in text and "112" in text
    assert client.bot.calls == []


def test_info_answers_in_the_conversations_language(client: ChannelClient) -> None:
    tracker = client.run(client.bot.tracker_store.get_or_create_tracker(f"sms:{PHONE}"))
    tracker.update(SlotSet("language", "es"))
    client.run(client.bot.tracker_store.save(tracker))
    (text,) = texts_of(Sms(client).send("INFO").text)
    assert text == help_text("es")


@pytest.mark.parametrize("word", ["ALTO", "alto", "Parar", "¡PARA!", "baja", "Cancelar", "detener."])
def test_spanish_opt_out_words_get_a_spanish_reply_and_keep_staff_messages_away(client: ChannelClient,
                                                                               records_db: str, word: str) -> None:
    (text,) = texts_of(Sms(client).send(word).text)
    assert text.startswith("Listo:") and "no le enviará más mensajes" in text and "INICIAR" in text
    assert len(text) <= SMS_MAX_CHARS and client.bot.calls == []
    assert opt_outs.opted_out(f"sms:{PHONE}", records_db)
    # INICIAR ends it, with a Spanish reply
    (text,) = texts_of(Sms(client).send("iniciar").text)
    assert text.startswith("Listo:") and "puede volver a escribirle" in text
    assert not opt_outs.opted_out(f"sms:{PHONE}", records_db) and client.bot.calls == []


def test_a_spanish_opt_out_word_is_honoured_when_spanish_is_off(monkeypatch: pytest.MonkeyPatch,
                                                                 client: ChannelClient, records_db: str) -> None:
    monkeypatch.setenv("LANGUAGES", "en")
    (text,) = texts_of(Sms(client).send("BAJA").text)
    assert text.startswith("Done:") and "START" in text
    assert opt_outs.opted_out(f"sms:{PHONE}", records_db)


@pytest.mark.parametrize("body, opt_out_type, opted_out", [
    ("STOP", None, True), ("UNSUBSCRIBE", None, True), ("START", None, False),
    # the clinic's own words in Twilio's Advanced Opt-Out: Twilio answered, marking them
    ("BAJA", "STOP", True), ("ALTA", "START", False), ("Quiero darme de baja", "STOP", True),
])
def test_words_twilio_answers_itself_get_silence_and_are_recorded(client: ChannelClient, records_db: str, body: str,
                                                                  opt_out_type: Optional[str], opted_out: bool) -> None:
    opt_outs.record(f"sms:{PHONE}", records_db)  # so that START / opt-in visibly clears it
    extra = {"OptOutType": opt_out_type} if opt_out_type else {}
    r = Sms(client).send(body, **extra)
    assert r.status_code == 200 and texts_of(r.text) == [] and client.bot.calls == []
    assert opt_outs.opted_out(f"sms:{PHONE}", records_db) is opted_out


def test_spanish_words_inside_a_sentence_are_a_normal_message(client: ChannelClient) -> None:
    assert texts_of(Sms(client).send("alto riesgo?").text) == ["you said: alto riesgo?"]


async def test_a_staff_message_is_not_texted_to_a_number_that_opted_out(records_db: str) -> None:
    opt_outs.record("sms:+15550101010", records_db)
    # No Twilio credentials here: had it tried to send, the outcome would be "failed".
    assert await Delivery(lambda: None).send("twilio", "sms:+15550101010", "Hello from the clinic", None) == OPTED_OUT


def spanish_options_script(text: str) -> List[Dict[str, Any]]:
    if text.startswith("¿"):
        return [{"text": f"pregunta: {text}", "language": "es"}]
    return [{"text": "No estoy seguro.", "language": "es"},
            {"text": "¿Preguntaba por alguno de estos temas?", "language": "es",
             "buttons": [{"title": "Costo y pago", "payload": "¿Cuánto cuesta la punción seca?"},
                         {"title": "Seguro médico", "payload": "¿El seguro médico cubre la punción seca?"}]}]


def test_numbered_options_are_in_the_messages_language() -> None:
    client = make(spanish_options_script)
    try:
        texts = texts_of(Sms(client).send("cuanto sale").text)
        assert texts == ["No estoy seguro.",
                         "¿Preguntaba por alguno de estos temas?\nResponda 1 para Costo y pago, 2 para Seguro médico."]
        assert texts_of(Sms(client).send("2").text) == ["pregunta: ¿El seguro médico cubre la punción seca?"]
    finally:
        client.close()


def test_an_empty_body_gets_no_reply(client: ChannelClient) -> None:
    assert texts_of(Sms(client).send("   ").text) == []
    assert client.bot.calls == []


def test_long_markdown_replies_become_plain_sms_pieces() -> None:
    long = " ".join(f"**Point {i}:** keep moving gently and drink *plenty* of water." for i in range(12))
    client = make(lambda _: [{"text": long}, {"text": "Anything else?"}])
    try:
        texts = texts_of(Sms(client).send("aftercare?").text)
    finally:
        client.close()
    assert len(texts) > 2
    assert all(0 < len(t) <= SMS_MAX_CHARS for t in texts)
    assert not any("*" in t for t in texts)
    assert texts[-1] == "Anything else?"
    assert texts[0].startswith("Point 0: keep moving")


def test_an_emergency_reply_starts_with_the_call_instruction_and_is_never_cut() -> None:
    emergency = ("Call 999 now. Shortness of breath or chest pain after needling can be serious. "
                 + "Stay where you are and tell the call handler you had dry needling today. " * 6)
    client = make(lambda _: [{"text": emergency, "slots": {"urgency": "emergency"}},
                            {"text": "We have told the clinic."}])
    try:
        texts = texts_of(Sms(client).send("I can't breathe").text)
    finally:
        client.close()
    assert texts[0].startswith("Call 999 now.")
    assert all(len(t) <= SMS_MAX_CHARS for t in texts)
    assert words(" ".join(texts[:-1])) == words(emergency)  # every word, in order
    assert texts[-1] == "We have told the clinic."


@pytest.mark.parametrize("body, said", [("chest pain", "call 000 now"),
                                        ("me duele mucho el pecho", "llame al 000 ahora")])
def test_a_failing_bot_still_sends_the_emergency_number(monkeypatch: pytest.MonkeyPatch, body: str, said: str) -> None:
    monkeypatch.setenv("EMERGENCY_NUMBER", "000")
    client = make(lambda _: [{"raise": True}])
    try:
        (text,) = texts_of(Sms(client).send(body).text)
    finally:
        client.close()
    assert said in text


def yes_no_script(text: str) -> List[Dict[str, Any]]:
    if text.startswith("/"):
        return [{"text": f"payload {text}"}]
    return [{"text": "Was this helpful?", "buttons": [{"title": "Yes", "payload": "/affirm"},
                                                     {"title": "No", "payload": "/deny"}]}]


def test_a_numbered_reply_maps_to_the_button_payload_across_requests() -> None:
    client = make(yes_no_script)
    sms = Sms(client)
    try:
        first = texts_of(sms.send("does it hurt?").text)
        assert first == ["Was this helpful?\nReply 1 for Yes, 2 for No."]
        assert texts_of(sms.send(" 2 ").text) == ["payload /deny"]
        assert client.bot.calls[-1].text == "/deny"
        # The options were for the previous turn only: a second "2" is just text now.
        sms.send("2")
        assert client.bot.calls[-1].text == "2"
    finally:
        client.close()


def test_a_number_without_such_an_option_is_passed_on_as_typed() -> None:
    client = make(yes_no_script)
    sms = Sms(client)
    try:
        sms.send("hello")
        sms.send("3")
        assert client.bot.calls[-1].text == "3"
        assert Sms(client).send("1", sender="+15550001111").status_code == 200  # a new sender
        assert client.bot.calls[-1].text == "1"
    finally:
        client.close()


def test_options_are_kept_per_sender() -> None:
    client = make(yes_no_script)
    sms = Sms(client)
    try:
        sms.send("question", sender="+15550000001")
        sms.send("other", sender="+15550000002")
        sms.send("1", sender="+15550000001")
        assert client.bot.calls[-1].text == "/affirm"
        assert client.bot.calls[-1].sender_id == "sms:+15550000001"
    finally:
        client.close()


# ---------------------------------------------------------------------------------------
# End to end: the real server and model, with the test stack's auth token


def e2e_send(stack: Any, body: str, sender: str, signed: bool = True) -> requests.Response:
    url = f"{stack.url}{PATH}"
    params = form(body, sender)
    headers = {"X-Twilio-Signature": sign(url, params, stack.env["TWILIO_AUTH_TOKEN"])} if signed else {}
    return requests.post(url, data=params, headers=headers, timeout=60)


def test_e2e_a_spanish_emergency_by_sms_gets_the_spanish_reply(stack: Any) -> None:
    r = e2e_send(stack, "no puedo respirar desde la sesion", "+15550100077")
    assert r.status_code == 200
    texts = texts_of(r.text)
    assert texts[0].startswith("Llame al 999 ahora") and all(len(t) <= 320 for t in texts), texts


def test_e2e_a_spanish_conversation_by_sms(stack: Any) -> None:
    """Signed SMS round trip in Spanish: greeting, the Spanish help keyword, an emergency,
    then a Spanish opt-out word (answered in Spanish, and recorded so no staff message is
    texted)."""
    sender = "+15550100078"
    (greeting,) = texts_of(e2e_send(stack, "hola", sender).text)
    assert greeting.startswith("¡Hola! Soy el asistente de punción seca de Harbour Physio")
    (help_reply,) = texts_of(e2e_send(stack, "AYUDA", sender).text)
    assert help_reply.startswith("Este es el servicio de preguntas sobre punción seca de Harbour Physio")
    assert "555-0100" in help_reply and "llame al 999 ahora" in help_reply
    emergency = texts_of(e2e_send(stack, "me duele mucho el pecho y me falta el aire", sender).text)
    assert emergency[0].startswith("Llame al 999 ahora") and all(len(t) <= SMS_MAX_CHARS for t in emergency)
    (bye,) = texts_of(e2e_send(stack, "BAJA", sender).text)
    assert bye.startswith("Listo: Harbour Physio no le enviará más mensajes") and "INICIAR" in bye
    assert opt_outs.opted_out(f"sms:{sender}", f"sqlite:///{stack.db_path}")
    tracker = requests.get(f"{stack.url}/conversations/sms:{sender}/tracker",
                           params={"token": stack.token}, timeout=30).json()
    assert tracker["slots"]["language"] == "es"
    assert [e["text"] for e in tracker["events"] if e["event"] == "user"] == [
        "hola", "me duele mucho el pecho y me falta el aire"]  # keywords never reach the bot


def test_e2e_unsigned_requests_get_403(stack: Any) -> None:
    assert e2e_send(stack, "what is dry needling?", "+15550100001", signed=False).status_code == 403


def test_e2e_a_faq_answer_fits_sms(stack: Any) -> None:
    r = e2e_send(stack, "does dry needling hurt?", "+15550100002")
    assert r.status_code == 200
    texts = texts_of(r.text)
    assert texts and all(0 < len(t) <= SMS_MAX_CHARS for t in texts)
    assert not any(re.search(r"\*\*|\]\(|(^|\s)/[a-z_]+", t) for t in texts)  # no markdown, no payloads
    tracker = requests.get(f"{stack.url}/conversations/sms:+15550100002/tracker",
                           params={"token": stack.token}, timeout=30).json()
    assert tracker["latest_input_channel"] == "twilio"


def test_e2e_an_emergency_sms_starts_with_the_call_instruction(stack: Any) -> None:
    r = e2e_send(stack, "i cant breathe and my chest hurts after needling", "+15550100003")
    texts = texts_of(r.text)
    number = stack.env["EMERGENCY_NUMBER"]
    assert texts and number in texts[0][:80] and "call" in texts[0][:80].lower()


def test_e2e_stop_and_help(stack: Any) -> None:
    assert texts_of(e2e_send(stack, "STOP", "+15550100004").text) == []
    (help_text,) = texts_of(e2e_send(stack, "HELP", "+15550100004").text)
    for value in (stack.env["CLINIC_NAME"], stack.env["CLINIC_PHONE"], stack.env["EMERGENCY_NUMBER"]):
        assert value in help_text
