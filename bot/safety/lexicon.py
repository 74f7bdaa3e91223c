"""The red-flag vocabulary: which symptoms need emergency services now, which need the
clinic the same day, and the words patients actually type for them.

Patterns are written in a tiny phrase language compiled to spaCy Matcher patterns
(bot/safety/patterns.py): tokens are separated by spaces, `a|b` means either word, a
trailing `?` makes a token optional and `~` is an optional filler word. Every word is
compared with the token's *canonical form*: its spelling correction (SPELLING below) or
else its lemma, so "fainted", "breathing", "coughing" match "faint", "breathe", "cough".
Words written in CAPITALS are compared with the exact lower-case text instead (to keep
"fainted" apart from the adjective "faint").

Sources: seed 004 "After the Procedure" (shortness of breath, major bleeding: emergency
services), seed 000 "Rare Risks" (pneumothorax), the CONTRACT's red-flag tiers.
"""
from __future__ import annotations

from typing import Dict, List, NamedTuple

EMERGENCY = "emergency"
URGENT = "urgent"
# A symptom word on its own ("no bleeding", "breathing's fine"): never escalates, but when
# every mention in a message is denied, the classifier's red-flag reading is dropped.
MENTION = "mention"
# A figure of speech ("took my breath away"): symptom words inside it mean nothing.
IDIOM = "idiom"


class Symptom(NamedTuple):
    name: str
    tier: str
    patterns: List[str]


# Common misspellings and SMS shorthand -> the canonical word the patterns use.
SPELLING: Dict[str, str] = {
    # breathing
    "breth": "breathe", "breath": "breath", "brethe": "breathe", "breathin": "breathe",
    "breating": "breathe", "breathng": "breathe", "brething": "breathe", "breahte": "breathe",
    "breahting": "breathe", "breate": "breathe", "brethin": "breathe", "brath": "breath",
    "breaht": "breath", "breathe": "breathe", "breathing": "breathe", "breaths": "breath",
    "breathless": "breathless", "breathlessness": "breathless", "brethless": "breathless",
    "sob": "sob", "s.o.b": "sob", "s.o.b.": "sob", "sob.": "sob",
    "cnt": "cannot", "cannot": "cannot", "carnt": "cannot", "caint": "cannot", "kant": "cannot",
    "ca": "can", "nt": "not", "n't": "not", "dont": "do", "wont": "will",
    "cud": "could", "cld": "could", "cudnt": "cannot", "couldnt": "cannot",
    "gasp": "gasp", "gasping": "gasp", "gaspin": "gasp",
    "hard": "hard", "hrd": "hard", "difficulty": "difficult", "difficult": "difficult",
    "dificult": "difficult", "difficlt": "difficult", "struggle": "struggle",
    "struggling": "struggle", "strugglin": "struggle", "trouble": "trouble", "truble": "trouble",
    "shortness": "short", "shortnes": "short", "shrt": "short",
    # chest
    "chest": "chest", "chesst": "chest", "chst": "chest", "ches": "chest", "chests": "chest",
    "cp": "cp", "tight": "tight", "tightness": "tight", "tite": "tight", "tigt": "tight",
    "tightening": "tight", "tighten": "tight", "tites": "tight",
    "pain": "pain", "pian": "pain", "pains": "pain", "painful": "pain", "hurts": "hurt",
    "hurting": "hurt", "hurt": "hurt", "hurtin": "hurt", "pressure": "pressure", "presure": "pressure",
    # blood
    "blood": "blood", "blod": "blood", "bloood": "blood", "bloody": "blood",
    "bleed": "bleed", "bleeding": "bleed", "bleding": "bleed", "bleedin": "bleed",
    "bled": "bleed", "bleeds": "bleed", "bleedng": "bleed", "bleading": "bleed",
    "cough": "cough", "coughing": "cough", "coughin": "cough", "coffing": "cough",
    "cofing": "cough", "couging": "cough", "coughed": "cough", "caughing": "cough",
    "spit": "spit", "spitting": "spit", "spat": "spit",
    # fainting (exact text is used for the verb forms, see FAINT_VERBS)
    "unconcious": "unconscious", "unconscious": "unconscious", "unconsious": "unconscious",
    "unresponsive": "unresponsive", "unresponsve": "unresponsive",
    "collapse": "collapse", "collapsed": "collapse", "colapsed": "collapse", "colapse": "collapse",
    "collasped": "collapse", "collapsing": "collapse",
    "passed": "pass", "passout": "passout", "passedout": "passout",
    "blacked": "black", "blackout": "passout",
    "wake": "wake", "waking": "wake", "woke": "wake", "wakin": "wake", "rouse": "wake",
    # lips, throat
    "lips": "lip", "lip": "lip", "lipps": "lip",
    "throat": "throat", "throught": "throat", "throa": "throat", "thraot": "throat",
    "tongue": "tongue", "tounge": "tongue", "tonge": "tongue",
    "swelling": "swell", "swollen": "swell", "sweling": "swell", "swolen": "swell",
    "swell": "swell", "swelled": "swell", "swells": "swell", "swolled": "swell",
    "closing": "close", "closin": "close",
    # urgent
    "fever": "fever", "fevers": "fever", "feaver": "fever", "fevar": "fever", "feverish": "fever",
    "fevre": "fever", "temp": "temperature", "temprature": "temperature", "temperture": "temperature",
    "chills": "chill", "chilly": "chill", "shivers": "shiver", "shivering": "shiver", "rigors": "shiver",
    "pus": "pus", "puss": "pus", "oozing": "ooze", "ooze": "ooze", "oozes": "ooze", "oozin": "ooze",
    "infected": "infect", "infection": "infect", "infectd": "infect", "infekted": "infect",
    "infction": "infect", "infeccion": "infect",
    "redness": "red", "reddish": "red", "reddness": "red", "redish": "red",
    "spreading": "spread", "spreads": "spread", "spred": "spread", "spreding": "spread",
    "numb": "numb", "numbness": "numb", "numbnes": "numb", "num": "numb", "numbed": "numb",
    "tingling": "tingle", "tingly": "tingle", "tingles": "tingle", "tinglin": "tingle",
    "weakness": "weak", "weaknes": "weak",
    "dizzy": "dizzy", "dizziness": "dizzy", "dizzyness": "dizzy", "dizy": "dizzy", "dizzie": "dizzy",
    "lightheaded": "dizzy", "vertigo": "dizzy", "woozy": "dizzy",
    "breathles": "breathless", "brethles": "breathless", "breathlss": "breathless",
    "panting": "pant", "pantin": "pant", "drowning": "drown", "lungs": "lung",
    "swellin": "swell", "fevr": "fever", "fevrish": "fever", "shivery": "shiver",
    "frothy": "froth", "thermometer": "temperature", "n": "and", "&": "and",
    "bluish": "blue", "blueish": "blue", "grey": "blue", "gray": "blue", "purple": "blue",
    "ashen": "blue", "greyish": "blue", "purplish": "blue",
    "leaking": "leak", "leaks": "leak", "gunk": "gunk", "crusty": "crust",
    "laboured": "labored", "labored": "labored", "labouring": "labored", "laboring": "labored",
    "puffed": "puffed", "giddy": "dizzy", "giddiness": "dizzy", "heaps": "heap",
    "consciousness": "consciousness", "floppy": "floppy", "slumped": "slump",
    "breef": "breathe", "breeve": "breathe", "breeth": "breathe", "breathh": "breathe",
    "brefe": "breathe", "breathinf": "breathe", "fevah": "fever", "feva": "fever", "fevor": "fever",
    "puffy": "swell", "puffed-up": "swell", "throbbing": "throb",
    "breff": "breath", "bref": "breath", "brea": "breath",
    "cannae": "cannot", "canna": "cannot", "canny": "cannot", "number": "number",
    "puffing": "swell", "chess": "chess",
    "more": "more", "worse": "worse", "worsening": "worsen", "wors": "worse", "worser": "worse",
}

# The verb forms of "faint": "fainted" is an emergency, "felt a bit faint" is a common
# mild side effect (seed 000 "Common Side Effects"), so these are matched on exact text.
FAINT_VERBS = "FAINTED|FAINTING|FEINTED|FAINTD|FAINTET|FEINTING|FAINTS|FEINTS"

BREATHE = "breathe|breath|breathless"
BLEED = "bleed|blood"
CHEST_PAIN = (
    "pain|hurt|ache|tight|pressure|heavy|heaviness|weight|band|squeeze|squeezing|crush|crushing|stab|stabbing|sharp|knife|shot|shoot|shooting|burn|burning|agony|agonising|agonizing|killing|clutch|clutching|hold|holding|grab|grabbing"
)

SYMPTOMS: List[Symptom] = [
    Symptom("difficulty breathing", EMERGENCY, [
        f"can|could not ~ {BREATHE}",
        "CAN|CA|COULD NOT|NT|N'T ~ BRIEF|BREEF",
        "not|stop|stopped ~ breathe",
        f"{BREATHE} ~ problem|problems|issue|issues|trouble|difficulty|difficulties",
        f"{BREATHE} ~ ~ ~ stab|stabs|hurt|hurts|pain|painful|sharp|agony|catch|catches|knife|burn|burning",
        "little|small|tiny|short|shallow ~ breath|breaths",
        "through ~ a ~ straw",
        f"cannot|barely ~ {BREATHE}",
        f"hard|difficult|struggle|trouble|problem|problems|unable|labor|laboured|labored ~ ~ {BREATHE}",
        f"{BREATHE} ~ ~ hard|difficult|laboured|labored|shallow|rapid|wheezy|struggle|trouble",
        "short|out ~ breath|breathe",
        "short ~ BREAST",
        "sob",
        "breathless|gasp|wheeze|wheezing|suffocate|suffocating|choke|choking",
        "not|cannot ~ catch|get|take ~ ~ ~ breath|air",
        "not|cannot ~ get|getting ~ enough ~ air|oxygen",
        "hurt|hurts|pain|painful ~ ~ to|when ~ breathe",
        "air hunger",
        "pant|drown|suffocate",
        "fill ~ ~ lung",
        "lung ~ ~ ~ ~ hurt|pain|work|working|burn|tight|wrong|collapse",
        "think|feel|felt ~ ~ ~ ~ puncture|collapse ~ lung",
        f"{BREATHE} ~ ~ ~ fast|rapid|shallow|funny|wrong|weird|strange|noisy|raspy|gasp|off",
        "not|cannot ~ talk|speak|finish ~ ~ ~ sentence|sentences|properly|breath",
        "struggle|struggling ~ for ~ air",
        "struggle|hard|difficult|trouble|cannot|not ~ ~ get ~ ~ air|oxygen|breath",
        "PUFFED|WINDED",
    ]),
    Symptom("chest pain", EMERGENCY, [
        f"chest ~ ~ ~ ~ ~ {CHEST_PAIN}",
        f"{CHEST_PAIN} ~ ~ ~ ~ ~ ~ ~ ~ chest",
        "cp",
        "chess ~ pain|hurt|tight|pressure|ache",
        "sit|sitting|sat|press|pressing|stand|standing|weight|elephant ~ on ~ ~ chest",
        "heart attack",
        "pain|hurt ~ ~ when|to ~ breathe",
    ]),
    Symptom("coughing blood", EMERGENCY, [
        f"cough|spit|vomit|throw|puke|hack ~ ~ ~ ~ ~ {BLEED}|froth",
        f"{BLEED}|froth ~ ~ ~ ~ ~ ~ cough|spit|phlegm|mucus|sputum|saliva",
        "hemoptysis|haemoptysis",
    ]),
    Symptom("heavy bleeding", EMERGENCY, [
        f"{BLEED} ~ ~ ~ ~ ~ ~ ~ ~ not|will|cannot ~ stop|stopping|stopped",
        f"pump|pumping|spurt|gush|pour|drip|dripping ~ ~ {BLEED}",
        f"not|cannot ~ stop ~ ~ {BLEED}",
        f"heavy|heavily|lot|lots|alot|severe|uncontrolled|uncontrollable|profuse|profusely|major|massive|pour|pouring|gush|gushing|spurt|spurting|soak|soaking|soaked|loads|tons ~ ~ {BLEED}",
        f"{BLEED} ~ ~ lot|alot|lots|heap|load|loads|drip|dripping|pump|heavily|everywhere|profusely|pour|pouring|gushing|spurting|soak|soaking|through|badly|heaps|nonstop|non-stop",
        f"{BLEED} ~ ~ for ~ ~ hour|hours|minutes|mins",
        f"{BLEED} ~ ~ still|keep|keeps",
        f"still|keep|keeps ~ {BLEED}",
        "haemorrhage|hemorrhage|haemorrhaging|hemorrhaging",
    ]),
    Symptom("fainting or collapse", EMERGENCY, [
        FAINT_VERBS,
        "pass|passout|PAST ~ out",
        "passout",
        "black ~ out",
        "collapse|unconscious|unresponsive|unrousable",
        "lose|lost|losing ~ consciousness",
        "not|hard|cannot|difficult|unable|hardly|barely ~ ~ ~ wake|rouse",
        "not|cannot|hardly|barely ~ keep|stay ~ ~ awake",
        "consciousness|floppy|slump",
        "out ~ cold",
        "funny ~ turn",
        "not|cannot ~ come ~ round|around|to",
        "keel|keeled ~ over",
        "knock|knocked ~ out",
        "not|isn't ~ respond|responding|responsive|answer|answering|wake",
        "limp",
        "fell|fall|fallen ~ over|down",
    ]),
    Symptom("blue lips", EMERGENCY, [
        "lip|mouth|face|skin|fingertips|fingers|nails ~ ~ ~ ~ ~ blue",
        "blue ~ ~ lip|mouth|face|fingertips",
        "turn|turning|go|going|gone|went ~ blue",
    ]),
    Symptom("throat swelling", EMERGENCY, [
        "throat|tongue ~ ~ ~ ~ ~ swell|close|tight|tightening|closing|shut|shutting|thick|huge|big",
        "swell ~ ~ throat|tongue",
        "not|cannot ~ swallow",
        "anaphylaxis|anaphylactic|anaphalaxis",
        "face|lip|lips ~ ~ swell",
    ]),
    # --- urgent: the clinic or a doctor the same day ---
    Symptom("signs of infection", URGENT, [
        "pus|ooze|infect|abscess|cellulitis|discharge|weeping|weep|gunk|crust",
        "leak ~ ~ fluid|stuff|gunk|liquid|yellow",
        "yellow|green|white|cloudy ~ ~ stuff|gunk|fluid|liquid|goo|discharge",
        "stuff|gunk|fluid|liquid|goo ~ ~ come|coming|ooze|leak ~ out",
        "red ~ ~ ~ ~ ~ ~ spread|big|wide|growing|grow|grown|double|doubled|streak|streaks|line|lines",
        "hot|warm|red|swell|hard ~ ~ lump|bump",
        "swell|red|hot|warm ^ ^ ^ hot|warm|throb|red|swell",
        "spread ~ ~ red",
        "red ~ streak|streaks|line|lines",
        "hot|warm ~ ~ ~ swell|red|touch",
        "swell|red ~ ~ ~ hot|warm",
        "swell ~ ~ ~ ~ ~ worse|big|spread|growing|hot",
        "swell ~ ~ red",
        "red ~ ~ swell",
    ]),
    Symptom("fever", URGENT, [
        "fever|chill|shiver|febrile",
        "high|running|run|have|got|spiked|with ~ ~ temperature",
        "temperature ~ ~ ~ #NUM",
        "temperature ~ ~ ~ high",
        "burning ~ up",
    ]),
    Symptom("worsening pain", URGENT, [
        "pain|sore|soreness|ache|hurt ~ ~ ~ get|getting|keep|keeps|still ~ worse",
        "get|getting|keep|keeps ~ worse ~ ~ day|days|week",
        "worse ~ and ~ worse",
        "worse|worsen ~ ~ ~ every|each ~ day",
        "worse|worsen ~ ~ after ~ ~ day|days|48|72|hours",
        "worsen",
        "not ~ get|getting ~ better ~ ~ ~ day|days|week",
        "increasing|increase|worsening ~ pain",
        "day|days ~ ~ later ~ ~ ~ worse",
        "worse ~ than ~ ~ before|day|week|start|started|first|yesterday|ever|after|right|straight",
        "hour|hours|day|days ~ ~ ~ ~ ~ ~ worse",
        "climbing|rising|escalating",
        "more ~ and ~ more",
        "more ~ pain|sore ~ ~ ~ every|each ~ day",
        "GETTING|KEEPS|KEEP|KEPT ~ WORSE|WORSENING",
        "KEEPS|KEEP ~ INCREASING|RISING|WORSENING",
        "still|keep ~ increase|worsen|rise|climb",
        "worse ~ on ~ day",
        "from ~ mild ~ to",
    ]),
    Symptom("numbness or weakness", URGENT, [
        "numb|tingle",
        "pin|pins ~ and ~ needle|needles",
        "weak ~ ~ arm|arms|leg|legs|hand|hands|grip|foot|side|face",
        "arm|leg|hand|grip|foot ~ ~ ~ weak",
        "weak",
        "cannot|not ~ lift|grip|move|straighten|bend|raise|hold",
        "cannot|not ~ feel ~ ~ ~ ~ arm|leg|hand|foot|fingers|toes|face|side",
        "lost|losing|lose|no ~ feeling|sensation|strength",
        "dead ~ arm|leg",
    ]),
    Symptom("repeated dizziness", URGENT, [
        "dizzy ~ ~ ~ again|keep|keeps|repeatedly|spell|spells|episode|episodes|still|day|days|constantly|constant|all|everytime|every|times|twice|over|turn|turns",
        "dizzy ~ ~ ~ on ~ and|& ~ off",
        "keep|keeps|kept|still|again|constantly|repeatedly|recurring|repeated ~ ~ ~ dizzy",
        "dizzy ~ spell|spells|episode|episodes",
        "room ~ spin|spinning",
        "NEARLY|ALMOST ~ FAINTED|FAINT|PASSED|COLLAPSED",
    ]),
]

# Words that name a red-flag symptom without saying how bad it is.
SYMPTOMS += [
    Symptom("symptom mention", MENTION, [
        f"{BREATHE}|{BLEED}|chest|faint|lip|throat|tongue|cough|fever|temperature|pus|infect|red|swell|numb|tingle|weak|dizzy|collapse|conscious|sob|lung|heart",
        "air|pain|hurt|ache|agony|wake|awake|rouse|floor|pale|blue|sweat|sweaty|clammy|vomit|choke|gasp|seizure|fit|unresponsive|respond|confuse|confused|drowsy|tight|pressure|stab|swallow|rash|hive|hives|hot|spread|ooze|chill|shiver|vertigo|spin|spinning|wheeze|pant|rib|ribs",
        FAINT_VERBS,
    ]),
    # The common, mild faintness right after a session (seed 000 "Common Side Effects"):
    # a denied mention, so it alone never makes the classifier's red-flag reading stand.
    Symptom("mild faintness", IDIOM, [
        "feel|felt|feeling|bit|little|slightly|mildly|abit|tad ~ FAINT",
    ]),
    Symptom("figure of speech", IDIOM, [
        "BREATHING ~ ~ EXERCISE|EXERCISES|CLASS|CLASSES|TECHNIQUE|TECHNIQUES|APP|WORKSHOP",
        "take|took|takes|taking ~ ~ breath ~ away",
        "breathtaking",
        "catch ~ ~ breath ~ before|then",
        "bleed ~ ~ money|dry|cash",
        "heart ~ melt|melted|melts|broke|broken|sank",
        "dying ~ to",
        "kill|killing ~ me",
        "pass ~ out ~ ~ flyer|flyers|leaflet|leaflets",
        "out ~ of ~ breath ~ from ~ ~ stair|stairs|run|running|laugh|laughing",
    ]),
]
