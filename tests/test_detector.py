"""The red-flag detector on its own: text in, findings out (no Rasa, no server)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.safety.detector import default_detector

DATA = Path(__file__).parent / "data"
SAFETY_SET = yaml.safe_load((DATA / "safety_set.yml").read_text())["messages"]


def tier(text: str):
    return default_detector().assess(text).tier


@pytest.mark.parametrize("message", [m for m in SAFETY_SET if m["expected"] == "emergency"], ids=lambda m: m["text"][:50])
def test_every_emergency_in_the_safety_set_is_caught_by_the_rules(message):
    assert tier(message["text"]) == "emergency"


def test_routine_and_negated_messages_are_rarely_read_as_emergencies():
    calm = [m for m in SAFETY_SET if m["kind"] in ("routine", "negated")]
    over = [m["text"] for m in calm if tier(m["text"]) == "emergency"]
    assert len(over) / len(calm) <= 0.03, over


@pytest.mark.parametrize("text", [
    "no chest pain, just sore",
    "not short of breath, only achy",
    "breathing is fine, the needle spot is a bit red",
    "didn't faint, just felt tired",
    "the bleeding stopped straight away",
    "small bruise, is that ok?",
    "can dry needling puncture a lung?",
    "what are the signs of infection i should watch for",
    "that view took my breath away",
    "im worried about infection, are the needles sterile",
    "work is choking the life out of me, can we do evenings?",
    "drowning in paperwork this week, need to move my appointment",
    "I called until I was blue in the face, nobody picked up",
    "breathless with excitement, my neck finally turns!",
    "I nearly had a heart attack when I saw I'd missed my slot",
    "been on pins and needles waiting for a cancellation",
    "my legs turn to jelly just thinking about needles",
    "you saved my life, my back is like new",
    "ustedes me salvaron la vida con la espalda",
    "quiero acabar con todo el papeleo antes de la cita",
    "getting my knee done, what pants should i wear",
    "had a kidney stone in 2019, blood in the pee back then, all cleared up",
    "I watched a documentary about a man who collapsed after acupuncture",
    "your receptionist is hilarious, I laughed so hard I couldn't breathe",
    "the booking app keeps having a fit and logging me out",
    "my son is a pain in the backside but I love him",
    "estoy sudando la gota gorda en este camion",
    "the printer at work is having a seizure again",
    "my bank account had a heart attack after the holidays, can I pay monthly?",
    "the grandkids gave me a heart attack hiding in the wardrobe",
    "gonna pass out from boredom in this waiting room",
    "going to collapse into bed the minute I get home, see you Friday",
    "I choked at the last second and skipped my appointment",
    "the job is suffocating me, any Saturday slots?",
    "our puppy had a fit at the vet's, sorry I'm late replying",
    "the till at reception collapsed, can I pay by transfer",
    "me quedé sin aire de tanto reírme con el video",
    "sweating like crazy in the heat today, can I still come?",
    "saw a youtube video of a man fainting at acupuncture, scary",
    # questions about the procedure and the research, and a Spanish word the English
    # lemmatizer read as "pus"
    "how long do the needles stay in for a typical session?",
    "¿cuánto tiempo se quedan las agujas puestas?",
    "is the research on this weak or strong",
    "es pura publicidad o de verdad funciona?",
    "saw a clip on a tv show where a man coughed up blood after acupuncture, is that true",
])
def test_not_an_emergency(text):
    assert tier(text) != "emergency"


@pytest.mark.parametrize("text", [
    "how long do the needles stay in for a typical session?",
    "¿cuánto tiempo se quedan las agujas puestas?",
    "is the research on this weak or strong",
    "es pura publicidad o de verdad funciona?",
])
def test_questions_about_the_procedure_are_not_red_flags(text):
    assert tier(text) is None


@pytest.mark.parametrize("text", [
    "not sure it's related but I can't breathe",
    "no bruise but im coughing up blood",
    "cant catch my breath since the needling",
    "my husband passed out after his session",
    "sob since the appt",
    "chesst pain and i feel awful",
    "bleeding wont stop from the needle site",
    "her lips are turning blue",
    "my throat feels like its closing up",
    "is it normal to have chest pain after dry needling? started an hour ago",
    "I can't breathe properly since my session",
    "HELP HE ISNT BREATHING RIGHT",
    "drowning in work but also I can't breathe properly since the session",
    "my lips are blue and I can't get air",
    "este dolor no tiene fin, me voy a matar",
    "ya no aguanto, decidí acabar con todo esta noche",
    "she's panting and can't finish a sentence since the needling",
    "years ago I had a collapsed lung and now I can't breathe again",
    "I need to wee but nothing comes out, it's been 10 hours",
    "swallowed all my oxycodone. just thought someone should know",
    "hit the deck in the supermarket, second time this week",
    "Passed out twice since getting home, once in the car park and once on the stairs",
    "just came to on the bathroom floor, no idea how long i was out, this is the 2nd time today",
    "went down like a sack of potatoes at the bus stop, smacked my head on the pavement",
    # a pet or a person nearby does not make the patient's own report a story
    "I was walking the dog and collapsed, now I can't feel my legs",
    "my wife says she feels like she's drowning since the needling",
    "my son says he wants to die and has a knife",
    # plans and overdoses told without the usual words
    "planning to end it after my last appointment",
    "figured out how I'll do it and when",
    "took a load of my tramadol, lost count, can't keep my eyes open",
    "devolví mucha sangre hace un rato",
    "no puedo orinar nada desde la mañana",
    "he's talking rubbish and burning up since the needling",
    "no puedo breathe since the session",
])
def test_emergency(text):
    assert tier(text) == "emergency"


@pytest.mark.parametrize("text", [
    "the redness around the needle spot is spreading",
    "theres pus coming out where the needle went in",
    "i have a fever since yesterday's session",
    "pain is getting worse 3 days after",
    "my arm is still numb two days later",
    "i keep getting dizzy spells",
])
def test_urgent(text):
    assert tier(text) == "urgent"


def test_findings_name_the_symptom_and_point_into_the_text():
    text = "not sure if its related but i cant breathe"
    assessment = default_detector().assess(text)
    finding = assessment.asserted[0]
    assert finding.symptom == "breathing"
    assert text[finding.start:finding.end] == finding.text
    assert assessment.symptoms == ["breathing"]


def test_negated_mention_is_reported_as_denied():
    assessment = default_detector().assess("zero bleeding and no fever")
    assert assessment.tier is None and assessment.all_denied


@pytest.mark.parametrize("text", [
    "i have an open wound on my back near where they want to needle",  # "wound" lemmatises to "wind"
    "how do i make banana bread",
    "is the car park free on weekends",
])
def test_everyday_words_are_not_symptoms(text):
    assert tier(text) is None


# The clinical review's cases (issue: red flags in the open world).
@pytest.mark.parametrize("text,expected", [
    ("i nearly fainted when i stood up after the needles, fine now", None),       # seed 004: sit and rest
    ("i fainted for a second in the clinic but im fine now", "urgent"),           # a recovered faint
    ("i fainted twice since the session", "emergency"),                            # repeated
    ("he fainted and hit his head", "emergency"),                                  # injured
    ("i have a limp since they needled my calf", None),
    ("i fell over at the gym last week, can dry needling help", None),
    ("it hurts to take a deep breath after the upper back needling", "emergency"),  # no "chest"
    ("dry cough and sharp pain in my side since they needled near my ribs", "emergency"),
    ("sharp pain when i breathe in", "emergency"),
    ("no me duele el pecho, solo estoy adolorido", None),
    ("mi esposo se desmayó y no despierta", "emergency"),
    ("el pipí me salió rojo, ayer me punzaron cerca de los riñones", "emergency"),
    ("my uncle collapsed at a blood test years ago", None),
    ("if I feel short of breath after, do I call you or 911?", None),
    ("the price took my breath away", None),
    ("el precio me dejó sin aliento", None),
    ("i took 2 tylenol for the soreness", None),
    ("took 20 naproxen", "emergency"),
    ("i want to end it tonight", "emergency"),
    ("she keeled over at the bus stop after her appointment", "emergency"),
    ("cant lie down cant breath", "emergency"),
])
def test_review_cases(text, expected):
    assert tier(text) == expected


@pytest.mark.parametrize("text,expected", [
    # A restart is not undone by the stop it restarted from.
    ("the spot is bleeding again tonight, it had stopped this morning", "urgent"),
    ("not bleeding again, it stopped", None),
    # A faint with full recovery is same-day; with a knock to the head, still an emergency.
    ("I fainted after my needling, felt fine after", "urgent"),
    ("he passed out and hit his head, fine now", "emergency"),
    ("i didnt faint, felt fine after", None),
    ("mi hermana esta como ida, no contesta bien", "emergency"),  # "bien" here is no recovery
    # Growth told by comparison, fragments felt under the skin, local itch, recurring dizziness.
    ("the bruise is twice the size it was this morning", "urgent"),
    ("el cardenal no para de crecer", "urgent"),
    ("something metal in my glute??", "urgent"),
    ("siento como un alambrito bajo la piel", "urgent"),
    ("itchy bumps only where the needles were", "urgent"),
    ("me salieron habones que pican donde la puncion", "urgent"),
    ("mareos que van y vienen desde la sesion", "urgent"),
    ("sangró de nuevo el punto de la aguja", "urgent"),
])
def test_urgent_signs_told_in_other_words(text, expected):
    assert tier(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Ya lo tengo planeado, mañana me tiro del puente", "emergency"),
    ("llevo días pensando en tirarme por el balcón", "emergency"),
    ("mi hijo se tiro del columpio y se raspo", None),
    ("tengo un plan para acabar con el dolor de espalda", None),
])
def test_spanish_plans_of_self_harm_by_their_means(text, expected):
    assert tier(text) == expected
