"""RedFlagGate: rules, the red-flag classifier trained on the project's own examples
(data/safety, data/nlu; never a held-out set) and the safety net, combined."""
from __future__ import annotations

from typing import List, Optional

import pytest
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.red_flag_gate import RedFlagGate, _says_something, training_set
from bot.safety.classifier import Reading, RedFlagClassifier
from bot.safety.detector import default_detector
from bot.safety.frames import frame_of
from bot.settings import PROJECT_ROOT
from tests.parse_results import parsed


@pytest.fixture(scope="module")
def classifier() -> RedFlagClassifier:
    texts, tiers, categories = training_set(load_data(str(PROJECT_ROOT / "data" / "nlu")), PROJECT_ROOT / "data" / "safety")
    return RedFlagClassifier.fit(texts, tiers, categories)


@pytest.fixture(scope="module")
def gate(classifier) -> RedFlagGate:
    return RedFlagGate(RedFlagGate.get_default_config(), None, None, classifier=classifier)


def intent(message: Message) -> str:
    return message.get("intent")["name"]


def symptoms(message: Message) -> List[str]:
    return [e["value"] for e in message.get("entities") or [] if e["entity"] == "symptom"]


def test_rules_override_a_confident_faq_reading(gate):
    message = gate.process([parsed("is it normal that i cant breathe after dry needling", [("faq", 0.98)])])[0]
    assert intent(message) == "red_flag_emergency"
    assert symptoms(message)[-1] == "breathing"


def test_rules_override_a_fallback(gate):
    assert intent(gate.process([parsed("sob", [("nlu_fallback", 0.3), ("greet", 0.3)])])[0]) == "red_flag_emergency"


UNKNOWN_TO_RULES = [
    "my husband keeps staring at the wall and makes no sense when he talks",
    "he is sweating buckets, clutching his left arm and can't get comfortable",
]


@pytest.mark.parametrize("text", UNKNOWN_TO_RULES)
def test_the_classifier_catches_what_no_rule_knows(gate, text):
    assert default_detector().assess(text).tier is None  # no rule knows these words
    message = gate.process([parsed(text, [("faq", 0.6), ("nlu_fallback", 0.3)])])[0]
    assert intent(message) == "red_flag_emergency"
    assert symptoms(message)  # a category, named by the classifier


def test_no_red_flag_without_any_sign_of_one(gate):
    message = parsed("is the car park free on weekends", [("red_flag_emergency", 0.9), ("faq", 0.05)],
                     [("faq/cost", 0.2), ("faq/what_to_bring", 0.1)])
    assert intent(gate.process([message])[0]) == "nlu_fallback"


def test_denied_symptoms_leave_the_faq_answer(gate):
    message = parsed("no chest pain, just sore", [("red_flag_emergency", 0.7), ("faq", 0.25)],
                     [("faq/soreness_after", 0.9), ("faq/side_effects", 0.05)])
    assert intent(gate.process([message])[0]) == "faq"


def test_what_a_denial_leaves_is_still_read(gate):
    message = gate.process([parsed("no chest pain but his face is drooping on one side", [("faq", 0.5)])])[0]
    assert intent(message) == "red_flag_emergency"
    assert "stroke" in symptoms(message)


def test_urgent_tier_from_rules(gate):
    assert intent(gate.process([parsed("there's pus at the needle site", [("faq", 0.9)])])[0]) == "red_flag_urgent"


@pytest.mark.parametrize("text", ["me falta el aire desde la sesion", "mi esposo se desmayó y no despierta"])
def test_spanish_emergencies(gate, text):
    assert intent(gate.process([parsed(text, [("nlu_fallback", 0.4)])])[0]) == "red_flag_emergency"


def test_self_harm_is_named_last_so_the_reply_adds_the_crisis_line(gate):
    message = gate.process([parsed("i cant breathe and i want to kill myself", [("faq", 0.5)])])[0]
    assert intent(message) == "red_flag_emergency"
    assert symptoms(message)[-1] == "self_harm"  # Rasa fills the slot from the last entity


# The combination itself, with the classifier's reading given.
def reading(emergency: float, urgent: float, category: Optional[str] = None) -> Reading:
    return Reading({"emergency": emergency, "urgent": urgent, "none": 1 - emergency - urgent}, category)


def decide(gate: RedFlagGate, text: str, given: Reading, intents=(("nlu_fallback", 0.3),)) -> str:
    message = parsed(text, list(intents))
    assessment = default_detector().assess(text)
    gate._decide(message, assessment, given, gate._doubt(message, assessment))
    return intent(message)


def test_the_classifier_alone_escalates(gate):
    assert decide(gate, "something odd", reading(0.8, 0.1)) == "red_flag_emergency"
    assert decide(gate, "something odd", reading(0.05, 0.7)) == "red_flag_urgent"


def test_a_red_flag_of_unsure_tier_is_treated_as_the_higher_one(gate):
    assert decide(gate, "something odd", reading(0.25, 0.45)) == "red_flag_emergency"
    assert decide(gate, "something odd", reading(0.05, 0.6, "stroke")) == "red_flag_emergency"


def test_rules_urgent_but_classifier_sure_of_emergency_takes_the_higher_tier(gate):
    assert decide(gate, "there's pus at the needle site", reading(0.9, 0.05)) == "red_flag_emergency"


def test_the_classifier_never_lowers_a_rule_emergency(gate):
    assert decide(gate, "i cant breathe", reading(0.0, 0.0)) == "red_flag_emergency"


def test_possible_red_flag_gets_the_safety_net(gate):
    assert decide(gate, "something odd", reading(0.15, 0.15)) == "symptom_check"


def test_unlikely_red_flag_keeps_the_answer(gate):
    assert decide(gate, "something odd", reading(0.02, 0.03), (("faq", 0.9),)) == "faq"


def test_a_barely_possible_red_flag_keeps_the_answer_with_the_emergency_line(gate):
    def caution(red_flag: float) -> bool:
        message = parsed("something odd", [("faq", 0.9)])
        assessment = default_detector().assess("something odd")
        gate._decide(message, assessment, reading(red_flag / 2, red_flag / 2), gate._doubt(message, assessment))
        return intent(message) == "faq" and bool(message.get("red_flag").get("caution"))

    assert caution(0.12) and not caution(0.05)


def test_a_confident_other_intent_makes_the_classifier_strict(gate):
    assert decide(gate, "something odd", reading(0.55, 0.1), (("faq", 0.9),)) == "symptom_check"
    assert decide(gate, "something odd", reading(0.95, 0.02), (("faq", 0.9),)) == "red_flag_emergency"


@pytest.mark.parametrize("text", ["what if I get breathless tonight", "my uncle fainted at a blood test years ago",
                                  "the price made me nearly faint lol", "my back is sore like after the gym"])
def test_framed_messages_make_the_classifier_strict(gate, text):
    assert decide(gate, text, reading(0.65, 0.1)) != "red_flag_emergency"


@pytest.mark.parametrize("text", ["what if I get breathless tonight", "my uncle fainted at a blood test years ago"])
def test_a_what_if_or_an_old_story_needs_a_very_sure_reading(gate, text):
    assert decide(gate, text, reading(0.8, 0.05)) != "red_flag_emergency"


@pytest.mark.parametrize("text", ["every muscle aches and I bit my cheek, lost a few minutes",
                                  "sorry about the booking, can't stay awake and he's slurring"])
def test_a_routine_word_beside_a_report_is_a_weaker_doubt(gate, text):
    assert decide(gate, text, reading(0.75, 0.05)) == "red_flag_emergency"


def test_a_sure_red_flag_reading_beside_routine_words_is_at_least_urgent(gate):
    text = "five days out and the sore arm is worse than ever"
    assert decide(gate, text, reading(0.02, 0.78)) == "red_flag_urgent"
    assert decide(gate, "what if I get breathless tonight", reading(0.02, 0.78)) != "red_flag_urgent"


@pytest.mark.parametrize("text", [
    "de chica tenia convulsiones con fiebre, ya no",                 # an old story, in Spanish
    "me pare muy rapido y me maree tantito, me sente y se me paso",  # over
    "mi esposo dice que no le duele nada y que respira normal",      # said to be absent
    "I'm not short of breath or anything, my back is just tight",
    "the booking app keeps having a fit and logging me out",         # a fixed figure of speech
    "el bus se quedo tirado, voy a llegar como 10 min tarde",        # everyday talk
    "is it normal to feel dizzy after dry needling?"])               # a question in general
def test_more_frames_make_the_classifier_strict(gate, text):
    assert decide(gate, text, reading(0.65, 0.1)) != "red_flag_emergency"


@pytest.mark.parametrize("text", [
    "the needle spot started bleeding again just now, is that normal?",
    "hoy el punto esta rojo, caliente y la rojez se esta agrandando. es normal?",
    "igual son nervios pero traigo una pesadez en el pecho desde hace una hora",
    "tengo habones alrededor de los pinchazos, ni mareo ni nada en la garganta"])
def test_a_report_of_what_is_happening_now_is_not_a_question_in_general(gate, text):
    assert decide(gate, text, reading(0.65, 0.1)) == "red_flag_emergency"


def test_a_downgrade_to_an_intent_nobody_is_sure_of_is_not_sure(gate):
    # "tengo 39.5 ..." once came back as give_contact at 0.01 once the red-flag reading fell away.
    intents = (("red_flag_emergency", 0.6), ("give_contact", 0.01))
    assert decide(gate, "something odd", reading(0.01, 0.01), intents) == "nlu_fallback"
    intents = (("red_flag_emergency", 0.3), ("greet", 0.65))
    assert decide(gate, "something odd", reading(0.01, 0.01), intents) == "greet"


class SentenceClassifier:
    """A stand-in classifier: sure of an emergency in any text that holds `marker`, unsure of
    anything longer around it (as a long admin message dilutes a report)."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def read_many(self, texts):
        return [self.read(t) for t in texts]

    def read(self, text: str) -> Reading:
        if self.marker not in text:
            return Reading({"emergency": 0.02, "urgent": 0.02, "none": 0.96}, None)
        sure = len(text) < 60
        return Reading({"emergency": 0.95 if sure else 0.6, "urgent": 0.02, "none": 0.03 if sure else 0.38}, "syncope_collapse")


def test_a_report_beside_admin_questions_is_read_sentence_by_sentence():
    gate = RedFlagGate(RedFlagGate.get_default_config(), None, None, classifier=SentenceClassifier("pale and staring"))
    text = "Is the car park free on Saturdays? Do I need to bring my referral letter? Dad looks very pale and staring."
    assert default_detector().assess(text).tier is None  # no rule escalates: "pale" is only a mention
    assert intent(gate.process([parsed(text, [("faq", 0.7), ("nlu_fallback", 0.2)])])[0]) == "red_flag_emergency"


def test_context_before_a_question_is_not_read_alone_without_a_symptom_word():
    gate = RedFlagGate(RedFlagGate.get_default_config(), None, None, classifier=SentenceClassifier("osteoporosis"))
    text = "Asking for my mother, she's 74 and has osteoporosis. Is dry needling safe for her? Do you have parking?"
    assert intent(gate.process([parsed(text, [("faq", 0.7), ("nlu_fallback", 0.2)])])[0]) != "red_flag_emergency"


class ShortSentenceClassifier(SentenceClassifier):
    """Sure of an emergency in a short text that holds `marker`; finds nothing in the whole
    message around it (a long question one of whose sentences, read alone, looks like a report:
    in the real classifier, "I'm coming straight from work in a dress and tights")."""

    def read(self, text: str) -> Reading:
        if self.marker in text and len(text) < 90:
            return Reading({"emergency": 0.95, "urgent": 0.02, "none": 0.03}, "syncope_collapse")
        return Reading({"emergency": 0.02, "urgent": 0.02, "none": 0.96}, None)


def test_a_sentence_alone_does_not_raise_a_message_the_whole_reading_finds_calm():
    gate = RedFlagGate(RedFlagGate.get_default_config(), None, None, classifier=ShortSentenceClassifier("pale and staring"))
    text = "Is the car park free on Saturdays? Do I need to bring my referral letter? Dad looks very pale and staring."
    assert default_detector().assess(text).tier is None and frame_of(text) == "everyday"
    assert intent(gate.process([parsed(text, [("faq", 0.7), ("nlu_fallback", 0.2)])])[0]) == "faq"


def test_an_old_story_is_not_read_sentence_by_sentence():
    gate = RedFlagGate(RedFlagGate.get_default_config(), None, None, classifier=SentenceClassifier("pale and staring"))
    text = "Years ago at a blood test my uncle looked very pale and staring, a long time back now. He's been fine since then, can he book?"
    assert intent(gate.process([parsed(text, [("faq", 0.7), ("nlu_fallback", 0.2)])])[0]) != "red_flag_emergency"


@pytest.mark.parametrize("text", ["gracias por todo, ya me siento mucho mejor", "thanks, I feel much better today"])
def test_feeling_better_frames_a_message_as_over(text):
    assert frame_of(text) == "resolved"


@pytest.mark.parametrize("remainder, expected", [
    # what is left of a denied old story ("a seizure with a fever as a toddler, never since")
    ("                                 , never since", False),
    ("   , nunca desde entonces", False),
    (", but his face is drooping", True),
])
def test_a_remainder_of_function_words_is_not_read(remainder, expected):
    assert _says_something(remainder) is expected


@pytest.mark.parametrize("text, frame", [
    ("do people ever faint from this", "hypothetical"),
    ("mi esposo tiene artrosis, le serviria?", "hypothetical"),
    ("si me empieza a sangrar en la noche, que hago?", "hypothetical"),
    ("si, se desmayo hace un rato", None),
    ("my neck feels loads better, is Tom in tomorrow?", "resolved"),
    ("his face looks lopsided and he is slurring", None),
    # a small question asked plainly; signs checked and not found (round 18, general form)
    ("todo bien, solo quiero saber si puedo ir al gym mañana", "hypothetical"),
    ("just wanted to check if I can swim tomorrow", "hypothetical"),
    ("no tengo fiebre, no sangra nada, ¿cuando me quito la curita?", "negated"),
    ("my dad gets woozy around needles, can I come in with him?", "past_or_other"),
    ("the phone line is a total nightmare, can someone ring me", "figurative"),
    # finding the clinic; how much it hurts, asked before (round 19 / FAQ round 10, general form)
    ("what floor is the clinic on, the sat nav sent me round the back", "everyday"),
    ("en que piso queda el consultorio?", "everyday"),
    ("honestly how painful is the needling, my pain tolerance is low", "hypothetical"),
    ("his face looks droopy and he is on the floor", None),
    # over on its own (red-flag round 26, general form)
    ("a little red dot at each needle site, fading already", "resolved"),
    ("slight redness where the needles were, gone within a couple of hours", "resolved"),
    ("the dizziness after my first session only lasted a minute and never came back", "resolved"),
    ("the feeling in my hand still hasn't come back since the needling", None),
    # the same words said of a sense or a strength tell a loss
    ("my vision is almost gone in one eye", None),
    ("the feeling in my leg was gone within a few minutes", None),
    ("its not much better than yesterday", None),
    ("lower back a bit sore 2 days later but much better than yesterday", "resolved"),
    ("tengo un puntito rojo donde fue la aguja pero ya casi no se ve", "resolved"),
    ("quedo rojito alrededor de los piquetes pero a las 2 horas ya no habia nada", "resolved"),
    ("my vision is fading", None),
    ("ya no siento nada en la pierna", None),
])
def test_questions_about_people_or_help_and_feeling_better_are_framed(text, frame):
    assert frame_of(text) == frame


@pytest.mark.parametrize("text", ["q tengo q llevar el dia del appointment", "what do i bring to the appt",
                                  "que tiene que traer mi mama a la cita"])
def test_what_to_bring_or_wear_is_everyday_talk(text):
    # the classifier read "q tengo q llevar" as an urgent report; in this frame it needs to be surer
    assert frame_of(text) == "everyday"


@pytest.mark.parametrize("text", ["who came up with dry needling and when", "quien invento la puncion seca y desde cuando se usa",
                                  "una amiga dice q te inyectan algo, sera cierto?", "is it true the needles go really deep"])
def test_questions_about_the_treatments_history_or_a_claim_heard_are_framed(text):
    # the classifier read "how long has it been around" as a symptom's duration (FAQ round 13)
    assert frame_of(text) == "hypothetical"


def test_examples_that_opt_out_are_not_read_as_not_a_red_flag(tmp_path):
    (tmp_path / "nlu.yml").write_text(
        'version: "3.1"\nnlu:\n'
        "- intent: faq/side_effects\n  examples: |\n    - does it leave a bruise\n"
        "- intent: faq/serious_risks\n  metadata: {red_flag_negative: false}\n"
        "  examples: |\n    - can it puncture a lung\n", encoding="utf-8")
    texts, tiers, _ = training_set(load_data(str(tmp_path)), tmp_path / "no_safety_examples")
    assert "does it leave a bruise" in texts
    assert "can it puncture a lung" not in texts
    assert set(tiers) == {"none"}


# Session 28: contact details given make the classifier strict ("Mi nombre es Roberto
# Hernández y mi correo es ..." had been read as an emergency); a report beside them is
# still read sentence by sentence, and the rules are not affected.
@pytest.mark.parametrize("text", [
    "Mi nombre es Roberto Hernández y mi correo es roberto.hdz@ejemplo.com, para que me contacten",
    "soy Ana Ruiz, mi cel es 555-213-8890, llamenme porfa",
    "this is Tom Baker, call me back on +1 (415) 555 0199 when you can"])
def test_contact_details_make_the_classifier_strict(gate, text):
    assert frame_of(text) == "contact_details"
    assert decide(gate, text, reading(0.8, 0.05)) != "red_flag_emergency"


def test_a_report_beside_contact_details_is_still_read():
    text = "my dad fell and won't wake up!! call 555-213-8890"
    assert frame_of(text) == "contact_details"
    assert default_detector().assess(text).tier == "emergency"  # the rules, frames or not
