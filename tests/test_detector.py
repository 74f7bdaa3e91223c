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


@pytest.mark.parametrize("text,expected", [
    # Bleeding told by its effect, and pressure that does nothing.
    ("my shoe is full of blood from the needle spot", "emergency"),
    ("his arm is running with blood and pressing on it isnt doing anything", "emergency"),
    ("it's spurting!! out of my calf", "emergency"),
    ("sangre que no para, le puse presion y nada", "emergency"),
    # A seizure told by a bystander; a first seizure told against the history.
    ("my brother went stiff and then his arms started jerking", "emergency"),
    ("mi papa nunca ha tenido convulsiones y le acaba de dar una", "emergency"),
    # Hives with the throat or faintness (skin plus one system).
    ("hives all up my chest and I'm dizzy", "emergency"),
    ("ronchas por todo el brazo y la garganta rara", "emergency"),
    # Belly pain with faintness; bowel control in plain words.
    ("stomach pain is awful and I feel like I'll pass out", "emergency"),
    ("i can't tell if i've pooped myself", "emergency"),
    # Self-harm told sideways, by its means, or laughed off.
    ("I've written letters to my family", "emergency"),
    ("popped all my pills haha", "emergency"),
    ("ya tengo la cuerda preparada", "emergency"),
    ("me tome las pastillas que me quedaban", "emergency"),
    ("lol i keep passing out", "emergency"),
    # Spanish: coughing up blood in everyday words; a limb like a balloon.
    ("tosí y escupí rojo", "emergency"),
    ("la pantorrilla se me puso como un globo", "emergency"),
    ("tengo el brazo hinchado y tieso", "emergency"),
    ("forearm puffed up in the last hour, shiny and tense", "emergency"),
])
def test_emergencies_told_by_their_effects(text, expected):
    assert tier(text) == expected


@pytest.mark.parametrize("text,expected", [
    # A recovered faint told as a noun, or with a question after it, is same-day.
    ("I had a faint this evening, came round quickly, no injuries", "urgent"),
    ("passed out once after the appointment, came round straight away, fine since. can I drive later", "urgent"),
    ("she had a brief faint in the car, she's herself again", "urgent"),
    # Fragments felt and then asked about; red itchy raised sites; pain that climbs.
    ("I can feel a hard point under the skin there. Could a piece be left in?", "urgent"),
    ("feels like a splinter at one needle spot", "urgent"),
    ("the needle sites went red, itchy and raised", "urgent"),
    ("it hurts more every day since the needling", "urgent"),
    ("ibuprofen not touching the pain, it's a 10/10", "urgent"),
    ("keeps oozing a little blood every few hours, stops with pressure", "urgent"),
    ("me siguen dando mareos desde la sesion", "urgent"),
    ("is a bruise meant to grow?? mine has doubled since last night", "urgent"),
    # A sore needled chest muscle is same-day at most.
    ("dull ache in my chest muscle where they needled my pec, tender to press", "urgent"),
])
def test_urgent_signs_told_with_a_question_or_as_nouns(text, expected):
    assert tier(text) == expected


@pytest.mark.parametrize("text", [
    # The symptom is the condition of a question, even with "feel" or "start" inside it.
    "What should I do if I start feeling short of breath after my session?",
    "What would you advise if I got chest pain after needling?",
    "Suppose my son (he's 12) panics and faints, can I stay in the room?",
    # A negation right before a phrase that carries its own.
    "No bleeding that wouldn't stop, just a dot of blood.",
    # An old story, when what follows a "but" says how it ended.
    "I had pneumonia in 2020 and was breathless for weeks, but I'm running again now.",
    # Figures of speech and everyday exertion.
    "I choked when I saw the late cancellation fee",
    "my heart was in my mouth before the first session",
    "this week is a total car crash, can I move Thursday?",
    "out of breath after running for the train, sorry I'm late",
    "my ankle puffed up after netball like it always does",
    # Laughter with nothing ongoing is still a joke; a question in Spanish with its accent.
    "my inbox is giving me chest pains haha",
    "¿podría darme una convulsión por la punción? tengo epilepsia controlada",
    "cuando tenía 15 años tuve una convulsión por fiebre, nunca más",
])
def test_questions_conditions_old_stories_and_figures_are_not_emergencies(text):
    assert tier(text) != "emergency"


@pytest.mark.parametrize("text", [
    "idk if this is normal but i cant breathe properly",
    "sorry if this is silly but my chest is really tight",
    "I'll ring if it gets worse, my chest is tight",
    "if I'm short of breath right now should I call 911?",
    "when I breathe in it stabs under my shoulder blade",
])
def test_an_if_that_is_no_condition_keeps_the_report(text):
    assert tier(text) == "emergency"


@pytest.mark.parametrize("text,expected", [
    ("i'm on blood thinners I can't stop, can I have it?", None),
    ("on blood thinners and the bleeding won't stop", "emergency"),
])
def test_a_blood_thinner_that_cannot_be_stopped_is_a_medicine_not_a_bleed(text, expected):
    assert tier(text) == expected


@pytest.mark.parametrize("text,expected", [
    # Overdoses of the medicines people in chronic pain keep, told by name.
    ("took a handful of my pregabalin with vodka", "emergency"),
    ("swallowed all my sertraline", "emergency"),
    # "killing me" is a figure of speech about work or the heat, not about a body part.
    ("my boss is killing me this week", None),
    ("this heat is killing me", None),
])
def test_overdoses_by_the_medicine_and_what_kills_whom(text, expected):
    assert tier(text) == expected


@pytest.mark.parametrize("text,expected", [
    # Stroke and confusion in a carer's clinical words.
    ("new left-sided weakness and facial droop in the last half hour", "emergency"),
    ("she suddenly doesn't know what day it is", "emergency"),
    ("temp 39, new confusion, knees look mottled", "emergency"),
    # "no known history of" tells of no old story.
    ("had a seizure just now, no known history of epilepsy", "emergency"),
    # A faint told as going down, twice, or with a knock; a second clause is no question.
    ("grandad went down in a heap and then went again", "emergency"),
    ("me desmayé dos veces esta tarde", "emergency"),
    ("me desmayé y me di un golpe en la cabeza", "emergency"),
    ("is this normal? he keeps drifting off and is very hard to wake", "emergency"),
    ("he's sitting up but doesn't react to his name", "emergency"),
    # Breathing by its effect; Spanish shorthand; dressings soaking; saddle numbness; a plan and a time.
    ("I can't get to the end of a sentence without stopping for breath", "emergency"),
    ("no m alcanza el aire", "emergency"),
    ("no le entra el aire", "emergency"),
    ("cof cof y sangre en el pañuelo", "emergency"),
    ("the second dressing is soaked already", "emergency"),
    ("I can't feel the toilet paper when I wipe", "emergency"),
    ("the pills are counted out, I'm going to do it tonight", "emergency"),
])
def test_round_nine_kinds_in_general_form(text, expected):
    assert tier(text) == expected


@pytest.mark.parametrize("text,expected", [
    # A denied list in brackets: each item is denied though brackets break the clause.
    ("i havent got any of the warning signs (breathing trouble, chest pain, fainting), just a sore neck", None),
    ("none of the red flags (chest pain, coughing blood), only a bruise", None),
    ("it hurts (chest pain, can't breathe) since the needles", "emergency"),
    # The symptom as the subject of a question about side effects; as a report it stays one.
    ("is fainting a normal side effect?", None),
    ("is blood in the urine ever a side effect of back needling or is that a myth", None),
    ("es el desmayo un efecto secundario normal?", None),
    ("i can't breathe, is that a side effect?", "emergency"),
    ("is breathlessness a side effect? because i am breathless right now", "emergency"),
    ("is fainting a side effect? she fainted and isn't waking up", "emergency"),
    # "risk" inside the phrase asks about one; a kind of person is no needle fragment.
    ("la puncion en el cuello tiene riesgo de derrame?", None),
    ("im a bit of a fainter with needles", None),
    ("a bit of the needle is still in my back", "urgent"),
    # Money bleeding, a near-faint at news, a heart attack at the booking time.
    ("my bank account is haemorrhaging this month", None),
    ("he nearly passed out when i told him it's needles", None),
    ("me dio un heart attack cuando vi la hora de la cita", None),
    ("me dio un infarto cuando vi la factura", None),
    # A carer's clinical words for cauda equina.
    ("bilateral leg weakness and urinary retention since the lumbar needling", "emergency"),
    ("tiene retencion de orina y debilidad en ambas piernas", "emergency"),
    ("no urinary retention, just sore", None),
    # A farewell letter beside a means.
    ("ya tengo todo listo, la carta y la cuerda", "emergency"),
    ("wrote my note, rope is in the garage", "emergency"),
    ("ya compre la soga", "emergency"),
    # Someone else's intent; vomit like coffee grounds; bleeding that goes on under pressure.
    ("mi esposo dijo que se iba a matar y se encerro en el baño", "emergency"),
    ("he devuelto como posos de café esta mañana", "emergency"),
    ("vomited what looks like coffee grounds", "emergency"),
    ("been sick with blood in it", "emergency"),
    ("me sigue sangrando el punto de la aguja en la pierna", "emergency"),
    ("I'm sick of blood tests", None),
    ("still bleeding a little from one spot", "urgent"),
    ("me sigue sangrando un poquito el punto", "urgent"),
    ("still bleeding a little after 20 minutes of pressure", "emergency"),
    ("mi hermano se iba a mudar a Madrid", None),
    # Stopping the treatment is not giving up on living; what a needle carries is no fragment.
    ("mi esposo no quiere seguir con las agujas, puede parar sin problema?", None),
    ("no quiero seguir con el tratamiento, como cancelo?", None),
    ("ya no quiero seguir, tengo las pastillas", "emergency"),
    ("la aguja lleva medicina adentro? tipo esteroide o anestesia", None),
    ("creo que la aguja se quedo adentro", "urgent"),
    # Round 10's Spanish misses, in general form: "privarse" is fainting (again: an emergency),
    # a headache told by its force, breathing hard at rest told by a comparison.
    ("mi papa se privo, volvio en si pero se volvio a privar a los 5 min", "emergency"),
    ("se privo un momento en la camilla pero ya esta bien", "urgent"),
    ("me duele la cabeza como si me hubiera explotado algo adentro", "emergency"),
    ("el peor dolor de cabeza de mi vida, de repente", "emergency"),
    ("my head feels like it exploded out of nowhere", "emergency"),
    ("me explota la cabeza con tanto tramite", None),
    ("tengo 39.5 y respiro como si hubiera corrido un maraton", "emergency"),
    ("I ran a marathon last year and was breathing hard", None),
    ("tome como 10 pastillas para dormir con vino", "emergency"),
    ("mi hijo se trago 15 pastillas de mi mama", "emergency"),
    ("me tome 2 pastillas de ibuprofeno para el dolor", None),
    # confusion told by its effect; a complaint about the bot's answers is not
    ("his answers don't match my questions since lunch", "emergency"),
    ("mi papa contesta cosas que no tienen que ver desde la tarde", "emergency"),
    ("your answers don't fit my question", None),
    # Round 10's English misses, in general form.
    ("blood gushing from my knee lol not lol, pressed it for 10 mins", "emergency"),
    ("lips swollen like a bad filler job lmao and its hard to breathe a bit. prob nothing", "emergency"),
    ("lol i nearly died when i saw the price", None),
    ("swallowed a load of my mums oxy tabs to make it stop", "emergency"),
    ("burnt my arm w a lighter again just now", "emergency"),
    ("I'm sitting still and still feel out of puff", "emergency"),
    ("feels like I can't fill my lungs since the shoulder needling", "emergency"),
    ("what if i cant fill my lungs after, do i call you?", None),
    ("the spot keeps leaking a bit of blood, stops with a tissue then starts again", "urgent"),
    ("ankle needled mon. weds worse. thurs worse again", "urgent"),
    ("my calf is more painful than yesterday", "urgent"),
    ("much less sore than yesterday, thanks", None),
    ("a small silver point sticking out of the skin on my thigh", "urgent"),
    ("red itchy rash on my lower back in the exact spot you treated", "urgent"),
    ("jueves peor, hoy viernes peor aun", "urgent"),
    ("tengo como un alambrito asomando en el talon donde me pincharon", "urgent"),
    ("the form asks if I've ever had seizures", None),
    ("my phlegm is bloody this morning like proper red", "emergency"),
    ("i just coughed up some red stuff", "emergency"),
    ("no red in my phlegm, just a dry cough from a cold last month", None),
])
def test_round_nine_over_triage_kinds_in_general_form(text, expected):
    assert tier(text) == expected


@pytest.mark.parametrize("text, expected", [
    # Laughing it off does not make a report a joke; a figure of speech with a laugh still is one.
    ("haha my face has gone droopy on one side, weird", "emergency"),
    ("jaja no puedo respirar bien desde la sesion 😅", "emergency"),
    ("lol the invoice nearly gave me a heart attack", None),
    ("i almost had a fit when i saw the queue lol", None),
    # an emoji ends a clause: the "sin" before it negates nothing after it
    ("me quede sin pulmones 😂 me cuesta respirar desde ayer", "emergency"),
    # breathless lying down, told by what it stops
    ("can't sleep flat without choking for air since the upper back session", "emergency"),
    # one side of the face told vaguely; absent but awake
    ("his mouth feels strange on the left side and his hand is clumsy", "emergency"),
    ("mum is awake but not with us, keeps mumbling", "emergency"),
    # widespread hives with vomiting
    ("hives all over my body and I've been sick twice", "emergency"),
    # means, farewell, counts beyond a dose, every hour
    ("i've got the rope ready in the garage", "emergency"),
    ("I've put my affairs in order and wanted to say thank you", "emergency"),
    ("my painkillers. then the whole box really", "emergency"),
    ("been taking tylenol every hour since breakfast", "emergency"),
    ("ya me tome como 25 aspirinas", "emergency"),
    ("me estoy quemando la pierna con un cigarro", "emergency"),
    ("took about 2 tablets of paracetamol for the soreness", None),
    # a rock-hard limb; a lump growing though named at a distance; itchy and raised sites
    ("his forearm is rock hard and he can't bend his fingers", "emergency"),
    ("the bump near my hip from the needles looks bigger tonight", "urgent"),
    ("the needle spots are itchy and raised", "urgent"),
    # pressure that doesn't stop the bleeding is the emergency's own test
    ("blood everywhere on the towel, pressing on it doesn't help", "emergency"),
    ("still bleeding after pressing on it for 15 minutes", "emergency"),
    ("went out like a light on the stairs, fine now", "urgent"),
    ("a bit of blood in the toilet bowl when I passed water tonight", "emergency"),
    ("shoulder is sorer than yesterday", "urgent"),
    # Spanish: collapse, seizure, belly pain that bends one over, pain that keeps rising
    ("se fue al piso otra vez en la cocina", "emergency"),
    ("mi papa esta temblando todito y no contesta", "emergency"),
    ("la barriga me duele tanto que no me puedo enderezar", "emergency"),
    ("ya paso un dia y el dolor no para de subir", "urgent"),
    # the symptom as the subject of a job, a course or an article
    ("I have experience treating chest pain in A&E, are you hiring?", None),
    ("do you run first aid courses for fainting and seizures?", None),
    ("escribo un articulo sobre desmayos en clinicas, con quien hablo?", None),
    ("I read an article about fainting and now I've fainted twice", "emergency"),
    # idioms of thanks, sleep, food and noise; habits and old stories
    ("thanks for fitting me in on friday", None),
    ("I'm out cold by ten most nights so mornings suit me", None),
    ("overdosed on cake at the party, can I still come tomorrow?", None),
    ("the drilling next door is so loud my ears are bleeding", None),
    ("she's the kind who faints at the sight of blood, can she wait outside?", None),
    ("started bleeding again when I washed my hands", "urgent"),
    # questions about risks and the procedure; a fever that comes with a cold
    ("la puncion le puede causar un desmayo a mi mama?", None),
    ("is the needle left in during the twitch?", None),
    ("can I have it with the electrical stimulation if I have a pacemaker?", None),
    ("I have the flu and a temperature, should I cancel tomorrow?", None),
    ("fever since last night and the needle spot is red and hot", "urgent"),
    # a double negation: can't do something without gasping
    ("my dad can't get to the bathroom without gasping", "emergency"),
    ("mi mama no puede caminar sin ahogarse desde la sesion", "emergency"),
    ("I can't finish a workout without getting puffed, can DN help my fitness?", None),
])
def test_round_eleven_misses_in_general_form(text, expected):
    assert tier(text) == expected


@pytest.mark.parametrize("text, expected", [
    # Round 12's misses, in general form (English).
    ("it keeps spurting a little when I take my finger off", "emergency"),
    ("hives spreading all over him and he's thrown up and feels faint", "emergency"),
    ("won't be around much longer, it's all arranged", "emergency"),
    ("swallowed 30 of my nan's paracetamol to make the pain go", "emergency"),
    ("the pain is through the roof and advil does nothing", "urgent"),
    ("my calf pain went from a 2 to a 9 since yesterday", "urgent"),
    ("calf pain went from a 9 to a 2, amazing", None),
    ("went from 2 to 4 sessions a month", None),
    ("there's a little metal end poking out by my knee", "urgent"),
    ("bouts of dizziness all evening, that's the third", "urgent"),
    ("passed out once at the shops today, came round straight away", "urgent"),
    ("could I get a collapsed lung from the upper back needles?", None),
    ("my cousin had seizures when we were kids, is needling ok for me?", None),
    ("fainted at a blood test in college, never since", None),
    ("the intake form asks if I've had seizures, fainting or bleeding problems", None),
    ("I'm qualified in managing seizures and anaphylaxis, any jobs?", None),
    # (Spanish)
    ("tengo un dolor en el pecho bien fuerte desde hace rato", "emergency"),
    ("mi papa tiene opresion toracica y suda mucho", "emergency"),
    ("la servilleta quedo roja despues de toser", "emergency"),
    ("me cai redonda en el baño hace un rato", "emergency"),
    ("mi abuela no sabe ni su nombre desde la tarde", "emergency"),
    ("me tome como quince pastillas para dormir", "emergency"),
    ("tomo tramadol con cerveza para aguantar", "emergency"),
    ("el cuello me duele peor que el primero dia", "urgent"),
    ("el dolor va en aumento desde la sesion", "urgent"),
    ("se rompio una aguja cuando me la sacaron", "urgent"),
    ("me quede sin aliento con lo bonito que quedo", None),
    ("me corto las venas si me vuelven a cambiar la hora", None),
    ("¿alguien se ha desmayado alguna vez con la puncion?", None),
])
def test_round_twelve_misses_in_general_form(text, expected):
    assert tier(text) == expected


@pytest.mark.parametrize("text, expected", [
    # Round 13's misses, in general form.
    ("I have to pause mid sentence to catch my breath since the session", "emergency"),
    ("the dizziness still hasn't settled since this morning", "urgent"),
    ("I'm researching sepsis for my nursing degree, any leaflets?", None),
    ("my back is more sore now than it was yesterday", "urgent"),
    ("epilepsy, seizure free for years, is dry needling ok?", None),
    ("his shin has blown up like a balloon and he can't stand the blanket on it", "emergency"),
    ("I'm writing a magazine piece about fainting in clinics", None),
    ("part of the needle broke off, is the other bit still in there?", "urgent"),
    ("my CPR course covering anaphylaxis is next week, can I move my session?", None),
    ("what counts as breathlessness, just so I know", None),
    ("that needling knocked me out, slept like a baby", None),
    ("can I push my appointment to Tuesday, the kids are sick", None),
    ("I swallowed 25 of those this afternoon", "emergency"),
    ("my right leg and arm have gone numb in the last hour", "emergency"),
    ("I had needling on my left arm and leg yesterday, all good", None),
    ("my grandad fainted at the barber's once so he's wary", None),
])
def test_round_thirteen_misses_in_general_form(text, expected):
    assert tier(text) == expected


@pytest.mark.parametrize("text, expected", [
    # Round 13's Spanish misses, in general form.
    ("me da una punzada en el costado derecho cuando respiro hondo", "emergency"),
    ("siento el pecho como en una prensa", "emergency"),
    ("mi hijo ha vomitado con sangre esta noche", "emergency"),
    ("se volvio a desmayar, es la tercera vez hoy", "emergency"),
    ("de golpe no veo nada de un ojo", "emergency"),
    ("desde ayer orino con sangre", "emergency"),
    ("tengo las dos manos flojas, no puedo agarrar nada", "emergency"),
    ("creo que me tome demasiados ibuprofenos", "emergency"),
    ("tengo el arma aqui cargada", "emergency"),
    ("me tome el vino con las pastillas de dormir", "emergency"),
    ("el ibuprofeno ni le hace", "urgent"),
    ("el moreton no deja de agrandarse", "urgent"),
    ("noto algo duro que pica debajo de la piel", "urgent"),
    ("tengo mareos que no se me van", "urgent"),
    ("me salieron habones donde me pincharon", "urgent"),
    ("hoy en el gym sudamos sangre jaja", None),
    ("¿se puede tener un desmayo con la puncion?", None),
    ("en el formulario pone antecedentes de convulsiones o desmayos", None),
])
def test_round_thirteen_spanish_misses_in_general_form(text, expected):
    assert tier(text) == expected


@pytest.mark.parametrize("text, expected", [
    # Round 14 (the session's end measure) read afterwards: its kinds, in general form.
    ("is it supposed to ache more each day? 4 days now", "urgent"),
    ("siento como si me fuera a morir, con fiebre y escalofrios", "emergency"),
    ("subi la escalera y estoy jadeando como si hubiera corrido", "emergency"),
    ("ningun calmante me hace nada y ya van 4 dias", "urgent"),
    ("una aguja salio doblada y sin punta", "urgent"),
    ("si siento un pinchazo en el pecho despues, que hago?", None),
    ("me ahogo de tanto reirme con sus memes", None),
    ("mi gato casi se ahoga con una bola de pelo", None),
    ("si tiene fiebre, dificultad para respirar o sangrado, llamenos", None),
    ("de chica se me hincho la cara con un antibiotico, fue hace como 30 años", None),
    ("my brother coughed up blood at the hospital once, so I'm wary", None),
    ("fainted once this morning, fully recovered", "urgent"),
])
def test_round_fourteen_kinds_in_general_form(text, expected):
    assert tier(text) == expected


@pytest.mark.parametrize("text, expected", [
    # Round 15 read afterwards: its kinds, in general form (other words than the set's).
    ("high temperature and really groggy, keeps forgetting what we said", "emergency"),
    ("he asked me twice which day it was and he has a fever", "emergency"),
    ("no se donde estoy, todo se ve raro", "emergency"),
    ("no reconozco mi casa", "emergency"),
    ("this is my goodbye, thank you for everything", "emergency"),
    ("our toddler chewed a few of my oxycodone", "emergency"),
    ("the kids got into grandma's sleeping tablets", "emergency"),
    ("mi nieto se comio unas pastillas de mi bolsa", "emergency"),
    ("el hombro esta peor que nunca, ya van 4 dias", "urgent"),
    ("casi me muero de la pena, queria morirme de verguenza en la sala", None),
    ("me quede sin aliento al ver lo que cobran", None),
    ("the new patient form asks about stroke, fainting and blood thinners", None),
    ("my hay fever is bad this week, can I still come in?", None),
    ("de joven pensaba en quitarme la vida, hoy estoy bien", None),
    ("Ages ago a wasp sting made my throat swell right up, any bee venom in the needles?", None),
    # a question runs on past "and" to its "?" when nobody in it tells of themselves
    ("can a needle snap off and stay under the skin?", None),
    ("¿se puede partir una aguja y quedarse dentro?", None),
    ("can a needle snap off and stay in my arm? I think one did", "urgent"),
    ("the needle snapped off and is still in my arm?", "urgent"),
    # questions about a risk or the procedure, and "private" that is no faint
    ("nerve damage from the needles likely?", None),
    ("r the needles left in the whole time?", None),
    ("lo cubre el seguro privado o pago en privado?", None),
    ("mi esposo se quedo privado en el baño", "urgent"),
    # risks and people in general, asked about; "pumping" milk is no bleeding
    ("bleeding risk with the needles?", None),
    ("¿los pacientes se marean con la puncion?", None),
    ("como se previene una infeccion despues?", None),
    ("i'm worried a needle could break off inside", None),
    ("she's pumping breast milk every 3 hours, is needling ok?", None),
    ("blood is pumping out of the needle spot", "emergency"),
    ("fainted once after the session, fine now, should I tell someone?", "urgent"),
])
def test_round_fifteen_kinds_in_general_form(text, expected):
    assert tier(text) == expected


@pytest.mark.parametrize("text, expected", [
    # Round 16 read afterwards: its kinds, in general form (other words than the set's).
    # "no se ..." denies unless it is "no sé si / que ..." (I don't know whether)
    ("mi papa no se ha caido ni se desmayo, solo esta cansado", None),
    ("la nena no se desmayo, solo se asusto", None),
    ("no se si se desmayo pero no responde", "emergency"),
    ("no se que le pasa, se desmayo y no despierta", "emergency"),
    ("no se le para la hemorragia de la pierna", "emergency"),
    ("not sure if he fainted but he isn't responding", "emergency"),
    ("el abuelo lleva un rato sin reaccionar en el sillon", "emergency"),
    # the model's retrain moved these (development rounds): now said by rules
    ("held it down for ten minutes and it's still oozing", "emergency"),
    ("my nose is still dripping from this cold", None),
    ("la flema me sale con hilitos de sangre", "emergency"),
    ("by mistake I took twice my tramadol dose this morning", "emergency"),
    ("can i take double the dose of ibuprofen after?", None),
    # English, read afterwards
    ("hives started on my back, now they're everywhere and I keep vomiting", "emergency"),
    ("i'm gonna end it tonight, i've thought it through", "emergency"),
    ("want to end it with this physio and find another one", None),
    ("feeling light headed again, third time since lunch", "urgent"),
    ("she fainted once in the kitchen, didn't hit her head, she's fine now", "urgent"),
    ("fainted once in the kitchen and hit my head, fine now", "emergency"),
    ("think a bit stayed inside my calf after he pulled them out", "urgent"),
    ("tiny water bubbles where the needles went, so itchy", "urgent"),
    # a list a negation began goes on after a comma with "or"
    ("no fever, chills or swelling, just a sore back", None),
    ("haven't had any trouble breathing, swallowing or talking", None),
    ("no fever, can't breathe or talk properly", "emergency"),
    ("no fever, chills or swelling but my chest is tight", "emergency"),
    # round 17 English, read afterwards
    ("keep bringing up bright red stuff when he coughs", "emergency"),
    ("my throat is bright red and sore from coughing", None),
    ("my son says something is stuck in his skin where the needle was", "urgent"),
    ("I can see a tiny black tip at one of the spots", "urgent"),
    # round 17 Spanish, read afterwards
    ("le sale un liquido verdoso del pinchazo de la rodilla", "urgent"),
    ("senti que la aguja hizo crac cuando tosi", "urgent"),
    ("la terapia me quito un peso de encima del pecho, gracias", None),
    ("si, le sale mucha sangre y no para", "emergency"),
    ("Si presenta fiebre o sangrado, avisenos", None),
    # air that does not come, saddle numbness, going down for a moment
    ("no le da el aire para subir la escalera, fue la puncion de ayer", "emergency"),
    ("tiene adormecida la entrepierna desde la sesion", "emergency"),
    ("las nalgas dormidas y no siento bien al orinar", "emergency"),
    ("se fue al suelo en el baño, ya se levanto y esta bien", "urgent"),
    ("me fui al piso un momento en la fila, ya estoy bien", "urgent"),
    ("me fui al piso de mi hermana despues de la cita", None),
    # tender only when pressed: the needled muscle, same day at most, not an emergency
    ("the left side of my chest only hurts when I push on the spot they needled", "urgent"),
    ("me duele el pecho nomas cuando me toco donde me pincharon", "urgent"),
    ("chest hurts when i breathe in deeply", "emergency"),
    # a fit promised on a condition is a figure of speech
    ("me va a dar un infarto si me vuelven a poner en espera", None),
    ("I'm gonna have a stroke if the insurance denies this again", None),
    ("i think i'm going to have a seizure, everything is flickering", "emergency"),
    # the symptom's own phrase asks ("se puede romper")
    ("¿una aguja se puede quebrar dentro del cuerpo?", None),
    ("could a needle break inside the muscle?", None),
    ("a needle may have snapped in my calf, there's a hard dot", "urgent"),
    # round 18 Spanish, read afterwards: pain that "va a más" grows; an old illness told
    # with "ya estoy perfecto/recuperado" is over
    ("la molestia del hombro ha ido a mas desde el martes", "urgent"),
    ("hace dos dias me dolia poco y ahora va a más", "urgent"),
    ("el año pasado tuve asma y me faltaba el aire, ya estoy recuperada", None),
    ("el año pasado me desmaye en una boda y ahora me desmaye otra vez", "emergency"),
    # round 18 English, read afterwards: a plan ("how to end it", "I know how I'll do it")
    ("been wondering how to end it all week, nobody would notice", "emergency"),
    ("i've decided how i'm going to do it, tonight", "emergency"),
    ("I know how to do it now, thanks for the video", None),
    # "worse not better"; a swelling that spreads, with a denial after a comma
    ("shoulder worse not better since friday", "urgent"),
    ("the lump on my thigh from the needle is spreading, not sore though", "urgent"),
    # a thing that collapsed is not a person
    ("sorry late, a collapsed scaffold closed the road", None),
    # going down on the floor, out for a moment as others saw it
    ("mum went down on the floor in the kitchen, my brother said she was out for ages", "emergency"),
    ("he went down on the ground floor for a coffee", None),
    # a farewell tucked into an admin request; a lifelong trait; an illness a doctor treats
    ("please refund the rest, i won't be here to use them. thanks for trying", "emergency"),
    ("gets breathless on hills, he's always been like that", None),
    ("she has an ear infection, can we move her session", None),
    ("the spot where the needle went in looks infected", "urgent"),
    # kept by rules, not by the classifier's margin (moved by hand 13's retrain)
    ("bleeding heavy from my calf where they needled", "emergency"),
    ("se le fue el mundo dos veces en la tarde", "emergency"),
    ("calf swelled up after the session and it's tight as a drum", "emergency"),
    ("if anything the ache has increased every day since", "urgent"),
    ("if anything feels off after, should I call?", None),
    ("calf swelling up really fast where the needles went", "emergency"),
    ("me cai el mes pasado y me salio un chichon, ya esta curado", None),
    # a numbing product is not numbness
    ("can i put numbing cream on before so i dont feel the needles", None),
    ("my foot is still numb since the session", "urgent"),
    # round 19, read afterwards: slurred speech as typed
    ("speech is slurrd and the room is spinning, neck was needled today", "emergency"),
    ("my dad is talking all slured since lunch", "emergency"),
    ("if his talking gets slurred what do i do", None),
    # breath told by the stop it forces, even behind "unable ... without"; pain worse than "the day after"
    ("I am unable to walk across the lounge without stopping to catch my breath since this morning", "emergency"),
    ("he has to stop to catch his breath after a few steps", "emergency"),
    ("ran the whole 10k without stopping to catch my breath, stoked", None),
    ("my neck is more sore today (day 4) than it was the day after the needling", "urgent"),
    # development rounds, read afterwards: someone else's whole body jerking; roused only by shouting
    ("my son is jerking his whole body and won't answer me", "emergency"),
    ("i was shaking my whole body to the music lol", None),
    ("dad only opens his eyes when we shout at him, had needling today", "emergency"),
    # a regimen of many medicines is not an overdose (hand 14's examples, read by the rules)
    ("my mum takes 9 different tablets a day for her pressure and sugar, is that a problem?", None),
    ("mi papa toma 10 pastillas al dia para el corazon", None),
    ("he took 10 pills an hour ago and won't say why", "emergency"),
    # worry about a person begins a report; worry about a risk asks
    ("Also I'm worried about my mother, she's been vague and staring, not answering questions properly", "emergency"),
    ("i'm worried about fainting during the session", None),
    # round 19 Spanish, read afterwards: "de la nada" is "out of nowhere", not a denial
    ("de la nada empece a ver doble despues de la puncion", "emergency"),
    ("no veo doble, solo me duele el cuello", None),
    # "once after getting home" is today; "me duele más q" as typed
    ("I fainted once after getting home, came round straight away and feel normal now", "urgent"),
    ("I fainted once after a blood test, so I'm a bit nervous", None),
    ("ya van 3 dias y me duele mas q el primer dia", "urgent"),
])
def test_round_sixteen_kinds_in_general_form(text, expected):
    assert tier(text) == expected


@pytest.mark.parametrize("text, expected", [
    # round 20, read afterwards: breath told by the stop it forces on the stairs, or the sitting up it needs
    ("I have to stop halfway up the stairs to get air, that's new since the needling", "emergency"),
    ("my husband has to sit bolt upright to get any air in tonight", "emergency"),
    ("I stop at the shop to get air freshener on the way", None),
    ("i sit up to get a breath of fresh air on the balcony", None),
    # swollen, tight and the foot won't move
    ("calf massive swollen tight, cant move my foot", "emergency"),
    # a faint with weakness after it stays an emergency; a faint with full recovery is urgent
    ("fainted at home and when i came to my left hand wouldnt grip anything, its still weak now", "emergency"),
    ("fainted, came round, and now my left hand won't grip anything", "emergency"),
    ("fainted after the session but came round quickly and feel fine now", "urgent"),
    ("my left hand can't grip the pen well since the forearm session", "urgent"),
    # no urine since last night (not only "all day")
    ("chills all day and he hasn't peed since last night", "emergency"),
    # self-harm in progress told by the body part
    ("cutting my arm right now, sorry", "emergency"),
    # a puddle of blood
    ("hay un charquito de sangre en el piso, sigue saliendo del pinchazo", "emergency"),
    # over-triage read in hand 15's writing: stopping the treatment, comparisons, hopes, make-up, risk in general
    ("no me gustó la sensación de las agujas y no quiero seguir. ¿Puedo dejar el tratamiento?", None),
    ("ya no quiero seguir, tengo todo listo para terminar con todo", "emergency"),
    ("duele mas q una vacuna?", None),
    ("me duele mas q antes despues de la puncion", "urgent"),
    ("me va a hacer mas fuerte?", None),
    ("my mom has weak bones, can she do dry needling", None),
    ("her leg is weak and floppy since this morning", "emergency"),
    ("con agujas te puedes agarrar una infección? es un riesgo real?", None),
    # not picking up is not unresponsive (an older collapse rule read it so)
    ("he's not answering my questions, says he's busy", None),
    ("my sister isn't answering my texts since her appointment, is the clinic open?", None),
    ("dad is not answering when we talk to him and his eyes are rolling", "emergency"),
    # round 21, read afterwards: breathing told by a watch or an oximeter
    ("resp rate 28 says my watch, had neck needling 2h ago", "emergency"),
    ("sats 88 on the finger thing since the session", "emergency"),
    ("my o2 is 98% and i feel fine", None),
    ("what should i do if my o2 drops to 90%?", None),
    ("I was 25 minutes late, sorry", None),
    # "suicide" as typed; worse at 72 hours than at 24; "está como ida, no se entera"
    ("thinking of sucide, have a plan for tonight", "emergency"),
    ("soreness worse at 72 hrs than at 24", "urgent"),
    ("tiene fiebre y esta como ida, no se entera de lo que le digo", "emergency"),
])
def test_round_twenty_kinds_in_general_form(text, expected):
    assert tier(text) == expected


@pytest.mark.parametrize("text, expected", [
    # needle phobia as a trait (a worry before booking), not a faint now
    ("me desmayo nomás de ver agujas, puedo hacerme la puncion?", None),
    ("mi hijo se desmaya solo de ver sangre, lo puede hacer?", None),
    ("i faint just from seeing needles lol can i still do it", None),
    ("se desmayo y no despierta", "emergency"),
    ("he fainted after the session when he saw the blood", "emergency"),
    # a sound heard is an observation, not hearsay ("I heard that needles can break")
    ("hey, I think one of the needles snapped during my session, I heard a little click and the therapist took it out "
     "but it looked shorter?", "urgent"),
    ("i heard a needle can snap and stay inside, is that true?", None),
    # round 22, read afterwards (Spanish): breath, blood coughed, confusion, pain worse than yesterday
    ("no respiro bien ayuda", "emergency"),
    ("respiro bien, gracias", None),
    ("no puedo ni subir la escalera del metro sin quedarme sin aire", "emergency"),
    ("es normal toser con sangre despues de la sesion? me paso 2 veces hoy", "emergency"),
    ("mi papa esta diciendo puras incoherencias desde q llego de la terapia", "emergency"),
    ("voy por el tercer dia y hoy esta peor q ayer", "urgent"),
    # tender when touched is the needled muscle: same day at most, not a heart attack
    ("me duele un poco el pecho al tocarlo donde me pusieron las agujas", "urgent"),
    ("me duele el pecho y el brazo izquierdo, estoy sudando", "emergency"),
])
def test_session_twenty_kinds_in_general_form(text, expected):
    assert tier(text) == expected


@pytest.mark.parametrize("text, expected", [
    # hand 16's calm Spanish messages the rules read as red flags (session 21)
    ("me desmayo nomas de verlas, las agujas digo jaja, hay forma de hacerlo sin q las vea?", None),
    ("sangra mucho cuando pinchan?", None),
    ("mi mama se desmayo una vez cuando le sacaron sangre, hace años, ella puede venir?", None),
    ("me sangra mucho desde que me pincharon y no para", "emergency"),
    ("mi mama se desmayo hace rato y no responde", "emergency"),
    # thanks for having tried, with a goodbye or no more visits: a farewell across sentences
    ("ok so thanks for trying everyone. i wont be needing the rest of my sessions. bye", "emergency"),
    ("adios, gracias por intentarlo con mi espalda", "emergency"),
    ("thanks for trying to fit me in today, bye!", None),
    ("my neck is so much better, won't need any more appointments, thanks and bye!", None),
    # round 23, read after its first run: a breath told by what it costs, "any more" in two words
    ("cant really get a full breath in without it stabbing under my shoulder blade", "emergency"),
    ("i can take a deep breath without it hurting now, all good", None),
    ("i honestly cant go on any more, nothing helps", "emergency"),
    # bleeding asked about, then told in the next sentence
    ("is it normal or am i bleeding too much? it wont stop", "emergency"),
    ("is it normal to bleed a bit? it stopped quickly", None),
    ("what should i do if it bleeds and it won't stop?", None),
    # round 23 (Spanish), read after its first run: confusion told by its answers; a mild
    # dizziness on getting up from the table
    ("mi papa esta bien somnoliento y responde cosas raras desde la cita", "emergency"),
    ("le pregunto algo y me contesta cosas raras, no era asi antes de la sesion", "emergency"),
    ("me dio un mareito al levantarme de la camilla, me sente y ya", None),
    ("me dio un mareito al pararme y me desmaye", "urgent"),
    # "a bit of blood where one needle came out" is not "a bit of the needle"
    ("there was a tiny bit of blood where one needle came out, normal?", None),
    ("i think a fragment of one of the needles is still in my calf", "urgent"),
    ("a bit of what looks like needle is poking out of my skin", "urgent"),
    # no change yet is not numbness
    ("me lo hicieron ayer y todavia no siento nada diferente, cuando se nota", None),
    ("no siento nada en la pierna desde la sesion", "urgent"),
    # round 24, read after its first run: breathless lying flat, told by what it feels like;
    # winded by a few steps at home (Spanish)
    ("cant lie flat tonight without feeling like im suffocating", "emergency"),
    ("me canso caminando al baño, tengo q sentarme a medio camino", "emergency"),
    ("me canso caminando en el parque una hora, es normal a mi edad?", None),
    # a risk asked about: "¿la punción puede hacer q uno vomite sangre?"
    ("la puncion en el abdomen puede hacer q uno vomite sangre? me lo dijo una vecina", None),
    ("estoy vomitando sangre desde la puncion en el abdomen", "emergency"),
    # worse pain with what was expected after it; pain no medicine touches (two read-round
    # urgents the classifier stopped lifting when hands 17-18 were loaded)
    ("day 3 and my back is way more painful than before I came in, it was supposed to settle in 48 hours right?", "urgent"),
    ("dolor de 9 de 10 en el hombro. nada me lo quita ni el naproxeno", "urgent"),
])
def test_session_twenty_one_kinds_in_general_form(text, expected):
    assert tier(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "don't know where" is confusion only with someone after it (found in a training hand)
    ("Now I need someone new and don't know where to start.", None),
    ("i don't know where to go for this, my GP or a physio?", None),
    ("she doesnt know where she is since the session", "emergency"),
    ("he doesn't know where he's at, keeps asking the same thing", "emergency"),
    ("mum doesn't recognise where she is", "emergency"),
    # the treatment asked about in general, told of nobody
    ("is having needles stuck in your muscles actually safe", None),
    ("is having needles stuck in my back for 3 days safe", "urgent"),
    # round 25's kinds: a fright, a confusing page, someone on a screen, a bill, a risk asked
    ("the dog barked and i nearly had a heart attack lol, anyway is 3pm free?", None),
    ("honestly so confused by the forms on your website, which one do i fill in", None),
    ("saw a tiktok of someone collapsing after cupping, is needling like that?", None),
    ("on that medical show the nurse screamed he's fitting and i got nervous about tuesday", None),
    ("el recibo de la luz me dejo sin aire jaja, aceptan pagos?", None),
    ("what's the worst case, could they puncture something or cause an infection?", None),
    ("watching tv and my dad collapsed on the floor", "emergency"),
    ("the needles gave me an infection, can they see me today", "urgent"),
    # confusion in Spanish; bleeding found again after it stopped; a fever told, then "call someone?"
    ("mi papa no dice cosas con sentido desde la terapia", "emergency"),
    ("stopped bleeding yesterday but there's fresh blood on the plaster now", "urgent"),
    ("tengo fiebre y escalofrios desde ayer, llamo a alguien?", "urgent"),
    # kinds the classifier alone had caught, now told to the rules: blood told by its colour
    # after a cough, pain out of proportion told by a scream, breath through a straw in
    # Spanish, soreness rising past the expected 48 hours
    ("my dad coughed into a napkin and it was pink, he had his upper back needled", "emergency"),
    ("her calf is swollen and shiny and she cries when i touch it", "emergency"),
    ("siento q respiro por un popote desde la sesion", "emergency"),
    ("day 4 and still ramping up, not easing at all", "urgent"),
    ("day 3 and my training is ramping up nicely, can i have needling before my race", None),
    ("my cough is bad and my throat is red", None),
    # a symptom named as a sign to know about, unless one is reported after it
    ("my GP said chest pain is a red flag but mine was from the gym and it went the next day", None),
    ("worst ever headache is a warning sign right? because i have one now", "emergency"),
    # someone on a screen, in Spanish
    ("en la pelicula el chavo se desmaya y me acorde de mi cita jaja, confirmo el lunes", None),
])
def test_session_twenty_four_kinds_in_general_form(text, expected):
    assert tier(text) == expected


@pytest.mark.parametrize("text, expected", [
    # how deep the needle goes, asked in Spanish (found in a training hand), not a needle left in
    ("me preocupa q la aguja llegue muy adentro, hasta donde la meten", None),
    ("la aguja va muy profundo? me da miedo", None),
    ("creo q la aguja se quedo adentro", "urgent"),
    # people in general asked about, with no question mark (found in a training hand)
    ("my daughter gets woozy with needles, do people pass out during this", None),
    ("does anyone pass out during this session", None),
    ("can anyone help he passed out during this", "emergency"),
    ("does anyone know what to do, my dad passed out", "emergency"),
    # round r15's first-run kinds: a trait told (fainting at blood draws, hives from jewellery), what the needle does asked
    ("honestly im terrified of needles like i pass out at blood draws. is this even for me", None),
    ("le tengo panico a las agujas, me desmayo cuando me sacan sangre. igual me lo recomiendan?", None),
    ("soy alergica al niquel, las agujas tienen niquel? me salen ronchas con aretes baratos", None),
    ("como funciona? que hace la aguja adentro del musculo", None),
    ("i passed out at the blood draw this morning and still feel awful", "emergency"),
    ("me salieron ronchas por todo el cuerpo desde la sesion", "urgent"),
    ("se desmayo cuando le sacaron la aguja y no responde", "emergency"),
    # found in hand 23: appointments spaced out, a risk as a noun phrase, anyone in the present tense
    ("my PT didnt say how spaced out the appts should be, like weekly or twice a week", None),
    ("infection risk DN", None),
    ("alguien se marea o se desmaya mientras tiene las agujas puestas", None),
    ("alguien se desmayo en la sala de espera y no despierta", "emergency"),
    ("i feel spaced out and my face is drooping", "emergency"),
])
def test_session_twenty_five_kinds_in_general_form(text, expected):
    assert tier(text) == expected


@pytest.mark.parametrize("text, expected", [
    # round r16's first-run kinds: relaxing, a controlled condition told as a trait, a hard
    # workout, risks asked by name; each beside the report it must not hide
    ("first session tomorrow and then heading home to chill. anything to avoid after?", None),
    ("gonna chill on the couch after, is that ok", None),
    ("i keep getting a chill at night since the needling and the spot is hot", "urgent"),
    ("started getting the chills tonight and the needle spot is hot", "urgent"),
    ("is needling safe with epilepsy? my sister has seizures now and then (well controlled on meds)", None),
    ("mi hermana tiene convulsiones de vez en cuando, controladas con medicina, puede hacerse puncion?", None),
    ("my dad is having a seizure now and then he stopped breathing", "emergency"),
    ("she's having seizures now", "emergency"),
    ("hoy amaneci con el cuello como si hubiera ido al gym a matarme, es normal?", None),
    ("i killed myself at the gym yesterday lol, is it ok to get needled today", None),
    ("quiero matarme", "emergency"),
    ("going to the gym to kill myself", "emergency"),
    ("What are the rare serious complications, like infection or a needle hitting an organ?", None),
    ("what are the risks? i think i have an infection, its red and hot", "urgent"),
    # kinds the red-flag classifier alone had caught, now known to the rules
    ("feels like an elephant sat on me and im all sweaty", "emergency"),
    ("neither of my painkillers make any difference to the pain since the session", "urgent"),
    ("the tablets make no difference", "urgent"),
    ("do painkillers make any difference to the soreness after?", None),
    ("what if the painkillers make no difference?", None),
    # kinds hand 24's model read less surely: a plan asked as a question, a needle that came
    # out shorter, a patch told by its colour
    ("is it normal to think about jumping off the bridge near my house every day?", "emergency"),
    ("thinking of jumping off the bridge into the river tonight", "emergency"),
    ("la fisio dijo 'uy' al sacar la aguja y me parecio que salio mas corta", "urgent"),
    ("purple patch expanding, 3cm yesterday 7cm today", "urgent"),
    ("is a purple patch normal after needling?", None),
    # round r17's first-run kinds: a mild faintness asked in Spanish, how the needle stays in asked
    ("es normal sentirse cansado o medio desmayado justo al terminar?", None),
    ("lo encontre medio desmayado en el baño y no responde", "emergency"),
    ("me siento medio desmayada y con dolor en el pecho", "emergency"),
    ("con el picoteo de gorrion la aguja se queda adentro un rato?", None),
    ("creo que la aguja se quedo adentro", "urgent"),
])
def test_session_twenty_six_kinds_in_general_form(text, expected):
    assert tier(text) == expected


@pytest.mark.parametrize("text, expected", [
    # red-flag round 26's first-run kinds: chest pain told by the breastbone or as "pesadez",
    # blood spat asked as a question, sight lost in one eye, a bruise grown since, soreness
    # still rising days later; each beside what must stay calm
    ("for the last 20 min a heavy ache behind my breastbone that won't go away, prob just indigestion", "emergency"),
    ("does the breastbone area get sore if you needle the chest muscles?", None),
    ("tmb tengo como una pesadez en el pecho desde la mañana pero seguro no es nada", "emergency"),
    ("es normal escupir rojo cuando toso despues de la sesion?", "emergency"),
    ("perdi la vista de un ojo de la nada hace 10 minutos", "emergency"),
    ("mi mama tiene un moretón q empezo chiquito y ahora le cubre media espalda", "urgent"),
    ("still getting more sore after 3 days, thought it would settle", "urgent"),
    ("is it normal to be getting more sore the first day?", None),
    # "sounds weird" comments on an idea unless someone sounds it
    ("why do they want the muscle to twitch? sounds weird", None),
    ("my dad sounds weird on the phone, words all mixed up", "emergency"),
    ("his speech sounds slurred since this afternoon", "emergency"),
    # sight told by what it did (found on re-reading the frames: "almost gone" said of vision)
    ("my vision was gone within a few minutes", "emergency"),
    ("my vision is almost gone in one eye", "emergency"),
    ("the sight in my left eye went black for a bit", "emergency"),
    ("does your eyesight go funny with dry needling near the neck?", None),
])
def test_session_twenty_seven_kinds_in_general_form(text, expected):
    assert tier(text) == expected


# Session 28: the feeling itself said to be gone, beside a sensation that passed.
@pytest.mark.parametrize("text,expected", [
    ("the feeling in my left leg is almost gone since the session", "urgent"),
    ("all feeling in my hand has gone, started an hour ago", "urgent"),
    ("the feeling in my leg is going to come back, right?", None),
    ("my eyesight is going with age lol, will the needles bother my eyes?", None),
    ("my vision went back to normal quickly after i stood up slowly", None),
    ("my vision was gone within minutes in my left eye", "emergency"),
    ("the tight feeling in my calf is gone now", None),
    ("the sore feeling in my arm went away overnight", None),
    ("the feeling in my leg is back to normal", None),
])
def test_session_twenty_eight_feeling_gone(text, expected):
    assert tier(text) == expected


# Session 28: a stroke sign that went away may be a TIA, still an emergency (categories.yml
# stroke: urgent never); a denial, a question, a headache or a blur that cleared are not.
@pytest.mark.parametrize("text,expected", [
    ("my face drooped on one side for a few minutes but it's gone now", "emergency"),
    ("lost vision in one eye for a minute, its back to normal", "emergency"),
    ("my dad's words came out all jumbled for 5 min then it stopped", "emergency"),
    ("perdi la vista de un ojo un minuto pero ya estoy bien", "emergency"),
    ("had a bad headache after, it settled", None),
    ("my vision went blurry for a sec when i stood up, fine now", None),
    ("no slurred speech or face droop, just sore", None),
    ("is it normal if your speech slurs and then goes away?", None),
])
def test_session_twenty_eight_stroke_signs_that_passed(text, expected):
    assert tier(text) == expected


# Session 29: words that named a red flag only by accident. "both feet" in a foot complaint,
# "shoulder blade" after "'s" (read as "has a blade"), and climbing stairs as what aggravates
# an old pain were escalated; the named signs stay red flags.
@pytest.mark.parametrize("text,expected", [
    ("plantar fasciitis both feet, 8 months. tried insoles, rolling a ball. is needling the next step?", None),
    ("My wife's shoulder blade area aches constantly from holding the baby. Is needling ok?", None),
    ("Hip pain on the outside of my hip, aches when I climb stairs. Is dry needling used for that?", None),
    ("golfers elbow from climbing, aches into the forearm when i grip holds", None),
    ("sciatica for years, sitting in the car for more than half an hour makes it worse. could needling help?", None),
    ("numb in both feet since the back needling", "emergency"),
    ("both legs wont move properly", "emergency"),
    ("i've got a blade and i want to end it", "emergency"),
    ("pain was a 3 after the session, now it's a 7 and climbing, day 3", "urgent"),
    ("our son's arm is getting fatter by the minute and he's screaming when we try to straighten his fingers", "emergency"),
    # an example in a question about risks, an infection elsewhere, knots, a new town
    ("What are the really serious things that could go wrong, like an infection or a needle going into an organ?", None),
    ("Type 2 diabetic on metformin. Does that change anything, like slower healing or infection?", None),
    ("what do i do, like chest pain right now?", "emergency"),
    ("Estoy tomando antibiótico por una infección de muela. ¿Puedo ir igual a mi sesión?", None),
    ("my massage therapist always finds these hard little lumps near my shoulder blades. What are those?", None),
    ("there are these hard hot lumps where you needled", "urgent"),
    ("Just moved to Leeds and don't know anyone. How do I track down somebody local who does this?", None),
    ("she doesn't recognise anyone since the session", "emergency"),
    ("he doesn't know who I am", "emergency"),
])
def test_session_twenty_nine_words_that_named_a_red_flag_by_accident(text, expected):
    assert tier(text) == expected


def test_calm_messages_that_describe_ordinary_pain_are_not_red_flags_to_the_rules():
    """tests/data/calm_pain_en.yml: written from categories.yml's routine lines, never trained on."""
    texts = yaml.safe_load((Path(__file__).parent / "data" / "calm_pain_en.yml").read_text(encoding="utf-8"))
    flagged = [t for t in texts if tier(t) is not None]
    assert len(texts) > 200 and not flagged, flagged


# Session 30: a session squeezed into a day ("fit this in") was a seizure word to the
# sentence-level read; climbing as a sport, and the fear of a needle put in too deep, were
# red flags. The reports they resemble stay red flags.
@pytest.mark.parametrize("text,expected", [
    ("I do a lot of climbing and my forearms are always tight. What would needling do for me?", None),
    ("me da cosa que me metan la aguja muy adentro, hasta donde llega?", None),
    ("can you fit a session in before work on friday?", None),
    ("my pain keeps climbing since the session", "urgent"),
    ("my back pain is climbing every hour", "urgent"),
    ("me metieron la aguja muy adentro y se quedo un trozo", "urgent"),
    ("he had a fit in the car and is not waking up", "emergency"),
    # what a needle may leave (round 24), an infection named as a risk in the infinitive
    ("does needling leave marks or bruises?", None),
    ("dicen que con las agujas puedes pinchar un nervio o pillar una infeccion, es verdad?", None),
    ("the needle left a piece inside my arm", "urgent"),
    ("creo que tengo una infeccion donde me pusieron las agujas", "urgent"),
])
def test_session_thirty_a_sport_a_schedule_and_a_fear(text, expected):
    assert tier(text) == expected


# Session 31: fitness named with "fit" ("fairly fit for his age") was a seizure word to the
# sentence-level read, and the examples in a question about complications ("things like
# infection or hitting a lung") were reports. The reports they resemble stay red flags.
@pytest.mark.parametrize("text,expected", [
    ("My dad is 81 and fairly fit for his age. Is needling safe for someone older?", None),
    ("I'm fit and healthy, do I need a referral?", None),
    ("trying to keep fit, can I run the day after?", None),
    ("How rare are the serious complications, things like infection or a punctured lung?", None),
    ("que complicaciones puede haber, cosas como infeccion?", None),
    ("my dad is fit and healthy but just had a fit and is not responding", "emergency"),
    ("she's quite fit but just had a seizure", "emergency"),
    ("is this normal, things like pus and a hot red spot?", "urgent"),
])
def test_session_thirty_one_fitness_and_complications_asked_about(text, expected):
    assert tier(text) == expected


# Session 32: numbness from a named long-standing nerve condition, told as a habit ("carpal
# tunnel, my fingers go numb at night"), is the context of a question, not a needle's harm.
# Tied to a visit or to now, or with no condition named, it stays a report.
@pytest.mark.parametrize("text,expected", [
    ("I have carpal tunnel and my hands go numb at night, would dry needling help?", None),
    ("sciatica for years, my foot tingles when I drive. is needling used for that?", None),
    ("tengo tunel carpiano y se me duermen las manos por la noche, la puncion me ayudaria?", None),
    ("I have carpal tunnel and since the needling my whole hand is numb at night", "urgent"),
    ("I have carpal tunnel and my hand went numb after the session", "urgent"),
    ("my hands go numb at night, would needling help?", "urgent"),
    ("I have sciatica and my leg goes numb at night, now I can't lift my foot", "urgent"),
])
def test_session_thirty_two_a_known_nerve_condition_told_as_a_habit(text, expected):
    assert tier(text) == expected


# Session 32: a mother-in-law was a word of jokes only ("mi suegra me saca de quicio"), so a
# report about her was read as a figure of speech. She is a patient too.
@pytest.mark.parametrize("text,expected", [
    ("mi suegra no hila nada de lo que dice, empezo hoy de la nada", "emergency"),
    ("mi suegra se desmayo en la cocina y no reacciona", "emergency"),
    ("my mother-in-law collapsed in the kitchen and isn't responding", "emergency"),
    ("mi suegra me saca de quicio, casi me da un infarto jaja", None),
])
def test_session_thirty_two_a_mother_in_law_is_a_patient_too(text, expected):
    assert tier(text) == expected


# Session 33: "boss" and "jefe" were words of jokes only, like "suegra" before them, so a
# report about the boss was read as a figure of speech. The jokes keep their idioms; someone
# from an old job is an old story unless it is just happening.
@pytest.mark.parametrize("text,expected", [
    ("my boss just collapsed at his desk and isn't responding", "emergency"),
    ("mi jefe se desmayó en la oficina y no responde", "emergency"),
    ("my boss is slurring his words and his face is drooping, we're at work", "emergency"),
    ("my old boss just collapsed in front of me at the cafe", "emergency"),
    ("my old boss collapsed at the cafe today and isn't breathing", "emergency"),
    ("my boss is killing me with these deadlines", None),
    ("my boss is going to have a heart attack when he sees my timesheet", None),
    ("mi jefe me tiene al borde del colapso con tanto trabajo, necesito una sesion ya", None),
    ("my old boss literally passed out in a meeting from locking his knees. Ha. Do I stand for any of it?", None),
])
def test_session_thirty_three_a_boss_is_a_patient_too(text, expected):
    assert tier(text) == expected


# The habit rule's "now" is frames.HAPPENING_NOW plus what ties numbness to a visit.
@pytest.mark.parametrize("text,expected", [
    ("I have carpal tunnel, my fingers go numb at night. Can needling help?", None),
    ("I have carpal tunnel, my fingers go numb at night and it keeps getting worse since the session", "urgent"),
    ("carpal tunnel, fingers numb at night, still numb this afternoon after the needling", "urgent"),
])
def test_session_thirty_three_the_habit_rule_reads_now_as_the_frames_do(text, expected):
    assert tier(text) == expected


# Session 33, round 28's first run: a choice, what needling is for, a moment of spinning that
# passed, and Spanish's denial after the thing denied are no reports; forgetting one's own name is.
@pytest.mark.parametrize("text,expected", [
    ("any tips for choosing a practitioner? there's loads near me and i dont know who to pick", None),
    ("I have a thick old scar that pulls when I move. Can dry needling help break that up?", None),
    ("when i sat up after my last session the room kinda spun for a sec. is that a thing", None),
    ("me noto calentito despues de la sesion y cansado, fiebre no tengo, es normal?", None),
    ("she doesn't know who I am and is slurring", "emergency"),
    ("mum doesnt know who to call, she cant remember her own name", "emergency"),
    ("mi papa no se acuerda de su nombre", "emergency"),
    ("the needle broke and a bit is stuck, can you help break it out?", "urgent"),
    ("the room is spinning and won't stop since the session", "urgent"),
    ("tengo fiebre no tengo ganas de nada", "urgent"),
    ("fiebre no tiene pero el brazo esta rojo y caliente desde ayer", "urgent"),
])
def test_session_thirty_three_round_twenty_eight_kinds(text, expected):
    assert tier(text) == expected


# Session 33, the final model's check: two Spanish emergencies hand 38 moved from the classifier's
# reach to the safety net are rules now, with 23 more the classifier alone had caught.
@pytest.mark.parametrize("text,expected", [
    ("Tengo la pierna que me pincharon hinchándose rapidísimo y dura, no puedo apoyar.", "emergency"),
    ("la pantorrilla se me está hinchando muy rápido y está durísima", "emergency"),
    ("oye mi tia no reconoce a mi prima, le pregunta quien es esa muchacha", "emergency"),
    ("mi abuela no reconoce a nadie desde esta tarde", "emergency"),
])
def test_session_thirty_three_swelling_by_its_speed_and_not_knowing_family_in_spanish(text, expected):
    assert tier(text) == expected


# Session 34, red-flag round 28 and FAQ round 29's first runs: a faint counted in digits is more
# than one; soreness worse on the morning after is expected (seed 004), not days later; weak
# research, a story about someone else, an old story asked about now, a question led by "also",
# a month ago in Spanish and "after an operation once" are no reports.
@pytest.mark.parametrize("text,expected", [
    ("me desmaye 2 veces hoy desde la sesion, la segunda en la ducha", "emergency"),
    ("mi hija se desmayo 3 veces hoy", "emergency"),
    ("woke up sorer than yesterday after the needling, like leg day. is that normal? session was yesterday", None),
    ("me hice DN anoche y hoy al despertar me duele mas q ayer, es normal q la mañana siguiente sea peor?", None),
    ("al dia siguiente me duele mas q el mismo dia, pero al tercero ya mejor, es asi?", None),
    ("day 4 after needling and it's sorer than yesterday", "urgent"),
    ("session was yesterday and it's still getting sorer than yesterday, day 3 now", "urgent"),
    ("my sister is a doctor and says the research on dry needling is weak. what do the studies show?", None),
    ("my arm feels weak since the needling", "urgent"),
    ("I read about a man getting an infection from needles at a cheap spa. How do you prevent that?", None),
    ("how rare is a collapsed lung? also can u get an infection from it", None),
    ("my chest hurts, also can u call me back", "emergency"),
    ("my mum had a slipped disc years ago and couldn't feel her legs for a bit, fixed in 2016 - is needling safe for her back now?", None),
    ("hace un mes me quedo un hormigueo un par de horas despues de la puncion, ya se me paso. lo comento en la proxima?", None),
    ("hace un mes que tengo hormigueo en la mano desde la puncion", "urgent"),
    ("what does an infected needle spot look like? my uncle got sepsis after a knee op once", None),
    ("my aunt got sepsis after a hip op once and now she has a fever and is confused", "emergency"),
])
def test_session_thirty_four_round_twenty_nine_kinds(text, expected):
    assert tier(text) == expected


# Session 34, the session's model check: three red flags the classifier had carried and hand 39
# moved are rules now: a smile gone wonky or a drink dribbling out of the side of the mouth (a
# stroke), a faint with a racing heart (categories.yml: an emergency), painkillers that don't help.
@pytest.mark.parametrize("text,expected", [
    ("lol my smile has gone wonky and my tea dribbled out the side of my mouth", "emergency"),
    ("water keeps dribbling out of the side of his mouth", "emergency"),
    ("al tomar agua se le chorreaba por un lado de la boca", "emergency"),
    ("me desmaye hace un rato y ahora el corazon me va a mil", "emergency"),
    ("My calf pain is more bad than before the needle, 4 days now. Medicine not help.", "urgent"),
    ("the painkillers don't help at all and it's day 3", "urgent"),
    ("I'm not in much pain and the painkillers do work, how long does soreness last?", None),
    ("will painkillers help the soreness?", None),
])
def test_session_thirty_four_what_the_model_check_found(text, expected):
    assert tier(text) == expected


# Session 35, red-flag round 29's first run: emergencies the classifier caught and no rule knew,
# now rules in general form (Spanish most of all): intent in the present tense, too many tablets
# "por error", not coming round, a faint with a blow to the head, a chest "como si" an elephant sat
# on it, blood "a chorro", retention "sin poder orinar", both legs giving way, a swollen belly,
# widespread hives with vomiting, a cold white foot, fever with muddled speech; English streaks
# in the phlegm, dressings soaked through, a calf swelling fast and rock hard. And two calm kinds:
# needles "left in for a bit" is the technique, and "woke up" is a time of day, not a symptom.
@pytest.mark.parametrize("text,expected", [
    ("lo tengo decidido, mañana me quito la vida", "emergency"),
    ("creo que me pasé con el ibuprofeno, llevo 14 pastillas hoy", "emergency"),
    ("llevo 2 pastillas de paracetamol hoy, puedo tomar otra?", None),
    ("mi abuelo se cayó y no vuelve en sí", "emergency"),
    ("mi hermana se desmayó y se golpeó con la cabeza en el suelo", "emergency"),
    ("siento como si me aplastara un elefante el pecho desde hace un rato", "emergency"),
    ("me sale sangre a borbotones del pinchazo", "emergency"),
    ("desde ayer sin poder orinar y con muchas ganas, me pincharon los lumbares", "emergency"),
    ("se le doblan las dos piernas al andar desde la sesión de espalda", "emergency"),
    ("se me está hinchando la barriga desde la punción en el abdomen", "emergency"),
    ("tiene habones por todo el cuerpo y ha vomitado", "emergency"),
    ("tengo la mano fría y blanca desde la punción en el antebrazo", "emergency"),
    ("mi madre tiene fiebre y dice cosas raras", "emergency"),
    ("there are pink flecks in my phlegm since the session near my ribs", "emergency"),
    ("gone through three dressings already and it's still bleeding", "emergency"),
    ("his forearm is swelling up fast and it's rock hard", "emergency"),
    ("one physio put the needles in and left them for a few minutes, the other pecked in and out. why?", None),
    ("the needle snapped and a bit was left in for two days", "urgent"),
    ("cada vez que respiro hondo me da una punzada bien filosa en el costado", "emergency"),
    ("me sangró un poco el pinchazo pero ya está bien, gracias", None),
])
def test_session_thirty_five_round_twenty_nine_kinds(text, expected):
    assert tier(text) == expected


# Session 35, red-flag round 29's urgent reports the classifier caught and no rule knew: pain
# worse every day or untouched by painkillers, a foot that drops, a bruise or a lump still growing,
# a red line running up from the site, a piece of metal, dizziness that keeps coming back, blisters
# at the sites, a site that starts bleeding again. An old story asked about stays calm.
@pytest.mark.parametrize("text,expected", [
    ("ya van 3 días y cada día me duele más el pinchazo", "urgent"),
    ("el dolor va a peor desde el lunes", "urgent"),
    ("ni con paracetamol ni con ibuprofeno se me quita el dolor de la sesión", "urgent"),
    ("the panadol doesnt even touch it, day 3", "urgent"),
    ("my foot keeps dragging when I walk since the calf session", "urgent"),
    ("arrastro el pie izquierdo desde la punción", "urgent"),
    ("the bruise is the size of my palm now and still spreading", "urgent"),
    ("el moretón es cada vez más grande", "urgent"),
    ("tengo una línea roja que sube por el brazo desde el pinchazo", "urgent"),
    ("veo un trocito de metal en la piel donde me pincharon", "urgent"),
    ("me vienen mareos a cada rato desde la sesión", "urgent"),
    ("me salieron ampollas solo donde me pusieron las agujas", "urgent"),
    ("el pinchazo dejó de sangrar pero vuelve a empezar cada rato", "urgent"),
    ("my dad's foot dragged for months after his back surgery, he's fine now. is foot drop a risk with this?", None),
    ("me quedó un moretón chiquito, cuánto tarda en irse?", None),
])
def test_session_thirty_five_urgent_reports_in_patients_words(text, expected):
    assert tier(text) == expected


# Session 35, the model check: emergencies every model so far had missed or left to the safety
# net, now rules: short breath ("la respiración cortita"), blood in what is coughed or spat,
# blood squirting in pulses, strength lost in both hands, legs "como de trapo" and a wet bed,
# tablets counted by name, and a plan told as a stockpile or "tonight's the night".
@pytest.mark.parametrize("text,expected", [
    ("desde anoche tengo la respiración entrecortada", "emergency"),
    ("hice ejercicio y tenía la respiración agitada, es normal después de la punción?", None),
    ("mi hija tosió y el pañuelo quedó con sangre", "emergency"),
    ("mi compañera contó que una vez tosió sangre por una bronquitis. ¿tenéis cita el lunes?", None),
    ("escupo saliva rosada desde la sesión en la espalda alta", "emergency"),
    ("the needle spot is squirting blood", "emergency"),
    ("perdí la fuerza en las dos manos desde la punción en el cuello", "emergency"),
    ("tengo las piernas como de trapo desde la punción lumbar", "emergency"),
    ("llevo 9 paracetamoles desde la mañana por el dolor", "emergency"),
    ("i've been stockpiling my tablets for this", "emergency"),
    ("tonights the night, i've made up my mind", "emergency"),
])
def test_session_thirty_five_what_the_model_check_found(text, expected):
    assert tier(text) == expected


# Session 35, blind FAQ round 31's first run: "pastillas para la sangre" names what a medicine is
# for; "le molesta mucho la espalda" after it is no bleeding.
@pytest.mark.parametrize("text,expected", [
    ("Mi abuelo toma Sintrom para la sangre y le molesta mucho la espalda baja. ¿Se le puede hacer la punción?", None),
    ("toma pastillas para la sangre y le sangra mucho el pinchazo", "emergency"),
])
def test_session_thirty_five_a_medicine_for_the_blood(text, expected):
    assert tier(text) == expected


# Session 36, red-flag round 30 and blind FAQ round 32's first runs: a car park walked through
# is a place, not a bill that "nearly gave me a heart attack"; dizziness lasting hours is a
# same-day report; "no me hace sentido" is the writer's own puzzlement (a question), while a
# person whose words make no sense is still an emergency; "va a durar más o menos" asks how long.
@pytest.mark.parametrize("text,expected", [
    ("vengo andando desde el parking y me he quedado sin aire", "emergency"),
    ("casi me da un infarto con el precio del parking", None),
    ("llevo toda la mañana mareado desde la sesión", "urgent"),
    ("llevo 4 horas mareada, sentada o de pie igual", "urgent"),
    ("mareada desde hace horas, no se me quita", "urgent"),
    ("llevo una semana sin estar mareado, gracias", None),
    ("no me hace sentido que una aguja quite una contractura, como funciona?", None),
    ("mi abuelo no tiene sentido lo que dice desde la sesión", "emergency"),
    ("mi tía habla y no tiene sentido nada de lo que cuenta", "emergency"),
    ("cuántas sesiones me van a hacer falta más o menos?", None),
    ("el dolor del pinchazo va a más cada día", "urgent"),
])
def test_session_thirty_six_round_thirty_kinds(text, expected):
    assert tier(text) == expected


# Session 37, from session 36's notes: examples listed after a question about risks, as a
# fragment of their own ("q riesgos graves tiene? tipo infeccion ..."), are the risks asked
# about; a question that asks about nothing risky, or examples told of oneself, still report.
@pytest.mark.parametrize("text,expected", [
    ("q riesgos graves tiene? tipo infeccion o perforar algun organo", None),
    ("what are the serious risks? like infection or a punctured lung", None),
    ("any side effects? like fainting", None),
    ("what is happening? like chest pain and dizzy", "emergency"),
    ("what are the risks? like i can't breathe", "emergency"),
    ("what are the risks? like chest pain right now", "emergency"),
    ("q hago? tipo me duele el pecho y no puedo respirar", "emergency"),
    ("q riesgos tiene mi hijo? tipo fiebre", "urgent"),
])
def test_session_thirty_seven_examples_after_a_risk_question(text, expected):
    assert tier(text) == expected


# Session 37, long calm messages written blind as classifier examples (data/safety, hand 42):
# a dose counted in words below an overdose, the risks a paper lists and the worry it leaves,
# a grappling hold, prices that "took the breath away", a risk feared with an indefinite.
@pytest.mark.parametrize("text,expected", [
    ("my mum took one paracetamol and it reduced", None),
    ("me tome dos ibuprofenos y se me paso", None),
    ("took twenty paracetamol", "emergency"),
    ("whats the point, no one would miss me", "emergency"),
    ("took a dozen sleeping pills", "emergency"),
    ("me tome una docena de pastillas", "emergency"),
    ("I read the consent form and it mentions pneumothorax, infection, bleeding, fainting etc and now I'm kinda spooked lol.", None),
    ("el consentimiento menciona infeccion y desmayo", None),
    ("the form mentions fainting and now i fainted", "emergency"),
    ("fainted in the car and now im scared", "emergency"),
    ("my neck is always stiff, lot of pressure from the chokes and the guard", None),
    ("he chokes on his food since the session", "emergency"),
    ("He mirado precios por ahi en otras clinicas y casi me da algo, me dejaron sin aliento jajaja", None),
    ("me pusieron las agujas en el trapecio y me dejaron sin aliento", "emergency"),
    ("me da un poco de cosa alguna infeccion", None),
    ("me preocupa una infeccion", None),
    ("me preocupa que tengo fiebre y el brazo rojo", "urgent"),
])
def test_session_thirty_seven_long_calm_kinds(text, expected):
    assert tier(text) == expected


# Session 37, blind FAQ round 34's first run: "a bit" that is "a little" ("a bit wary of people
# sticking needles", "a bit of needling"), "parte" as a part of an act, a doctor who is hard
# to get hold of; a bit of a needle left in stays a report.
@pytest.mark.parametrize("text,expected", [
    ("honestly I'm a bit wary of people sticking needles in me", None),
    ("I'm a bit scared of needles, any tips?", None),
    ("I have a bit of a needle phobia", None),
    ("the physio did a bit of needling on it today", None),
    ("Entiendo la parte mecanica de meter una aguja en un musculo", None),
    ("her oncologist is very busy and we can't get hold of her easily", None),
    ("found a broken bit of needle on the floor and i think its from my back", "urgent"),
    ("a bit of the needle is still in", "urgent"),
    ("a bit of one of the needles is stuck", "urgent"),
    ("creo que se quedo una parte de la aguja", "urgent"),
    ("i can't get hold of my cup, my hand is weak since the needling", "urgent"),
    ("can't hold anything in my right hand", "urgent"),
])
def test_session_thirty_seven_round_thirty_four_kinds(text, expected):
    assert tier(text) == expected


# Session 37, red-flag round 31's first run: a plan for tonight, foam from the mouth in other
# Englishes, a "now" that is denied ("not happening right now, just asking ahead"), breath
# taken away by how good something is, an old story told "before ten years".
@pytest.mark.parametrize("text,expected", [
    ("tengo todo preparado para terminar con esto esta noche. chau a todos, gracias por la paciencia", "emergency"),
    ("mi daughter a shake up shake up all ova pon di floor an she nah answer mi, foam a come out she mout", "emergency"),
    ("Not happening right now, just asking ahead of time: if I ever did get short of breath after a session, what's the right move?", None),
    ("its not happening now but i cant breathe", "emergency"),
    ("what if i get short of breath, it's happening right now", "emergency"),
    ("diache esa fisio tiene unas manos q me dejaron sin aire de lo buena q es 😂", None),
    ("me dejaron sin aire las agujas del trapecio", "emergency"),
    ("Before ten years, when I was student, I fainted when they take my blood in hospital. Since then no problem.", None),
    ("when I was a kid I fainted at the dentist, now I fainted again after the needles", "emergency"),
])
def test_session_thirty_seven_round_thirty_one_kinds(text, expected):
    assert tier(text) == expected


# Session 37's model check: letters left for the family were the classifier's alone, and hand 42
# changed its reading of one; now a rule knows them. A birthday letter or a move is no farewell.
@pytest.mark.parametrize("text,expected", [
    ("Cancelad mis citas para siempre. Ya he dejado las cartas escritas para mis hijos.", "emergency"),
    ("ya deje las cartas para mis hijos", "emergency"),
    ("cancel all my appointments forever, ive left letters for my kids", "emergency"),
    ("le escribi una carta a mi hija por su cumple", None),
    ("cancelen mis citas, me mudo a otra ciudad", None),
    ("I need to cancel my appointment for good friday", None),
])
def test_session_thirty_seven_letters_left(text, expected):
    assert tier(text) == expected


# Session 38, red-flag round 32 (long stories, first run): what a health worker sees at work,
# a hyphenated "seizure-free", an old event named by its month, a fear pictured, a dose given
# as a range, someone else disoriented or falling asleep mid-sentence. Each has its report
# beside it, which must stay one.
@pytest.mark.parametrize("text,expected", [
    ("I'm an ICU nurse so I see pneumothorax, sepsis and cardiac arrest every week. What precautions do you take?", None),
    ("I'm a paramedic so I know all the scary stuff, tension pneumo, anaphylaxis, all of it.", None),
    ("soy enfermera de urgencias y veo de todo: infartos, ictus, convulsiones, sobredosis", None),
    ("I'm a nurse and I see that my dad has collapsed", "emergency"),
    ("soy enfermera y veo que mi hijo no puede respirar", "emergency"),
    ("I'm a nurse and I know what a collapsed lung feels like, I can't breathe right now", "emergency"),
    ("I have epilepsy but I've been seizure-free for six years on lamotrigine", None),
    ("he had a seizure an hour ago and is still not waking up", "emergency"),
    ("Dad had a heart attack in March and had two stents put in, he's doing great with cardiac rehab now", None),
    ("Dad had needling in March and now he has crushing chest pain", "emergency"),
    ("My session is tomorrow and I keep imagining the needle breaking", None),
    ("I imagined it was nothing but now I can't breathe", "emergency"),
    ("I think like 14 or 15 pills over the evening, plus some leftover Percocet", "emergency"),
    ("took 1 or 2 tylenol for the soreness", None),
    ("mi abuelo no sabe donde esta y se queda dormido mientras habla", "emergency"),
    ("mi mama no sabe donde esta la clinica", None),
])
def test_session_thirty_eight_long_story_kinds(text, expected):
    assert tier(text) == expected


# Session 38, blind FAQ round 35's first run: a back that "seized up", money that ran out
# ("ando pelada"), a state the needling may "leave me" in, a risk asked with "hay riesgo de".
@pytest.mark.parametrize("text,expected", [
    ("Back seized up moving furniture on monday. how soon would i feel relief", None),
    ("he seized up and started shaking all over and isnt responding", "emergency"),
    ("my back seized up and now I can't breathe", "emergency"),
    ("me interesa probar pero ando pelada este mes jaja y no se cuanto sale", None),
    ("got a shift right after my appt, will the needling leave me feeling wiped?", None),
    ("I can feel the needle left in my back", "urgent"),
    ("hay riesgo de q se rompa la aguja adentro?", None),
    ("hay un pedazo de aguja adentro, lo veo", "urgent"),
    # written blind as a training example (hand 44): catching an infection, asked without "?"
    ("puedo agarrar infeccion x la aguja", None),
    ("puedo agarrar infeccion? tengo el brazo rojo y caliente y fiebre", "urgent"),
])
def test_session_thirty_eight_round_thirty_five_kinds(text, expected):
    assert tier(text) == expected


# Session 39, blind FAQ round 37's first run: a claim some sites call nonsense, the treatment
# described as "having needles stuck in your muscles", lumps the physio calls trigger points.
@pytest.mark.parametrize("text,expected", [
    ("Some sites say it's proven, others say it's nonsense. Does the research show it works?", None),
    ("my husband says that dry needling is all nonsense, is there any research", None),
    ("my brother's eyes are open but he's not really there and what he says is gibberish", "emergency"),
    ("my dad keeps saying nonsense and doesn't know where he is", "emergency"),
    ("she's convinced that having needles stuck in your muscles is dangerous. is it safe?", None),
    ("I have a needle stuck in my arm from the session", "urgent"),
    ("There are hard little lumps in my neck that are tender, and the physio called them trigger points. What are they?", None),
    ("the physio called them knots but now there's a hot hard lump where the needle went in", "urgent"),
    ("i have a hard lump in my neck, is that a knot", "urgent"),
])
def test_session_thirty_nine_round_thirty_seven_kinds(text, expected):
    assert tier(text) == expected


# Session 39, blind FAQ round 38's first run: a typo of "collapsed lung", a chronic illness
# whose tablets have not helped for years, a known allergy told as a habit.
@pytest.mark.parametrize("text,expected", [
    ("is a colapsed lung actually possible from this", None),
    ("he colapsed and isnt breathing", "emergency"),
    ("My mother has fibromyalgia, pain all over the body for many years now, and the tablets are not helping much.", None),
    ("pain for years but since the session the tablets are not helping at all", "urgent"),
    ("Resident is suddenly very agitated, trying to climb out of bed and not recognising staff she's known for years", "urgent"),
    ("I'm allergic to nickel, cheap earrings bring me out in a rash every time. Are the needles nickel-free?", None),
    ("Soy alérgica al níquel, los aretes baratos me dan rash. ¿Las agujas tienen níquel?", None),
    ("I'm allergic to latex and now I have a rash where the needles went in", "urgent"),
])
def test_session_thirty_nine_round_thirty_eight_kinds(text, expected):
    assert tier(text) == expected


# Session 40, blind FAQ rounds 39 and 40's first run: a needle's breaking feared, a known faint
# at needles told as a history, a technique described, which way soreness goes asked with its
# alternative. Each report beside them stays one.
@pytest.mark.parametrize("text,expected", [
    ("Me da cosa que la aguja se quiebre adentro del músculo. ¿Eso puede pasar?", None),
    ("I'm scared the needle will break inside me, does that happen?", None),
    ("I'm worried the needle might have broken off inside", "urgent"),
    ("me da miedo que la aguja se quedó adentro, siento algo duro", "urgent"),
    ("I've fainted at jabs before, should someone like me have this?", None),
    ("me he desmayado con las inyecciones antes, ¿puedo hacerme la punción?", None),
    ("she fainted before and now she won't wake up", "emergency"),
    ("I've fainted at the dentist before and just now fainted again after needling", "emergency"),
    ("is pistoning different from just putting the needle in and leaving it there?", None),
    ("I think she forgot one, after putting the needle in and leaving it there it's still in my back", "urgent"),
    ("el dolor de después se pone peor al otro día o va bajando solo?", None),
    ("mi dolor se pone peor cada día o va a bajar?", "urgent"),
    ("my pain is getting worse since the session, will it ease off or not?", "urgent"),
])
def test_session_forty_rounds_thirty_nine_and_forty_kinds(text, expected):
    assert tier(text) == expected


# Session 40's model check: two red flags the rules did not name, which the classifier had caught
# on the landed model and missed after training changes (an overdose told by the class of medicine,
# pain worse than when the patient left, days later). The rules name them now.
@pytest.mark.parametrize("text,expected", [
    ("my son swallowed his antidepressants all at once, the whole box", "emergency"),
    ("she's taken all her opioids, she's very drowsy", "emergency"),
    ("I'm on antidepressants, can I still have dry needling?", None),
    ("five days on and my calf is worse than when I left the clinic", "urgent"),
])
def test_session_forty_model_check_kinds(text, expected):
    assert tier(text) == expected
