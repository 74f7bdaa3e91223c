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
    Symptom("breathing", EMERGENCY, [
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
    Symptom("chest_pain", EMERGENCY, [
        f"chest ~ ~ ~ ~ ~ {CHEST_PAIN}",
        f"{CHEST_PAIN} ~ ~ ~ ~ ~ ~ ~ ~ chest",
        "cp",
        "chess ~ pain|hurt|tight|pressure|ache",
        "sit|sitting|sat|press|pressing|stand|standing|weight|elephant ~ on ~ ~ chest",
        "heart attack",
        "pain|hurt ~ ~ when|to ~ breathe",
    ]),
    Symptom("coughing_blood", EMERGENCY, [
        f"cough|spit|vomit|throw|puke|hack ~ ~ ~ ~ ~ {BLEED}|froth",
        f"{BLEED}|froth ~ ~ ~ ~ ~ ~ cough|spit|phlegm|mucus|sputum|saliva",
        "hemoptysis|haemoptysis",
    ]),
    Symptom("heavy_bleeding", EMERGENCY, [
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
    Symptom("syncope_collapse", EMERGENCY, [
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
    ]),
    Symptom("breathing", EMERGENCY, [
        "lip|mouth|face|skin|fingertips|fingers|nails ~ ~ ~ ~ ~ blue",
        "blue ~ ~ lip|mouth|face|fingertips",
        "turn|turning|go|going|gone|went ~ blue",
    ]),
    Symptom("anaphylaxis", EMERGENCY, [
        "throat|tongue ~ ~ ~ ~ ~ swell|close|tight|tightening|closing|shut|shutting|thick|huge|big",
        "swell ~ ~ throat|tongue",
        "not|cannot ~ swallow",
        "anaphylaxis|anaphylactic|anaphalaxis",
        "face|lip|lips ~ ~ swell",
    ]),
    # --- urgent: the clinic or a doctor the same day ---
    Symptom("infection", URGENT, [
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
    Symptom("infection", URGENT, [
        "fever|chill|shiver|febrile",
        "high|running|run|have|got|spiked|with ~ ~ temperature",
        "temperature ~ ~ ~ #NUM",
        "temperature ~ ~ ~ high",
        "burning ~ up",
    ]),
    Symptom("worsening_pain", URGENT, [
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
    Symptom("nerve_injury", URGENT, [
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
    Symptom("dizziness", URGENT, [
        "dizzy ~ ~ ~ again|keep|keeps|repeatedly|spell|spells|episode|episodes|still|day|days|constantly|constant|all|everytime|every|times|twice|over|turn|turns",
        "dizzy ~ ~ ~ on ~ and|& ~ off",
        "keep|keeps|kept|still|again|constantly|repeatedly|recurring|repeated ~ ~ ~ dizzy",
        "dizzy ~ spell|spells|episode|episodes",
        "room ~ spin|spinning",
        "NEARLY|ALMOST ~ FAINTED|FAINT|PASSED|COLLAPSED",
    ]),
]

# Categories beyond the seeds' two named emergencies (bot/safety/categories.yml says where
# each comes from). English first, then Spanish (written without accents: the detector
# compares words without them, so "desmayó" and "desmayo" are one word).
SYMPTOMS += [
    Symptom("stroke", EMERGENCY, [
        "face|mouth|smile|eye|eyelid ~ ~ ~ droop|drooping|droopy|lopsided|crooked|sag|sagging|fall|falling|fallen|slip|slipped|uneven|twisted|numb",
        "droop|drooping|droopy|lopsided|crooked|twisted ~ ~ face|mouth|smile|eye|eyelid",
        "slur|slurred|slurring|garbled|jumbled|muddled|mumbled|mumbling ~ ~ speech|word|words|talk|talking|voice",
        "speech|words ~ ~ ~ slur|slurred|slurring|garbled|jumbled|muddled|weird|strange|funny|wrong|off|mixed",
        "talk|talking|speak|speaking|sound|sounding ~ ~ funny|weird|strange|gibberish|nonsense|drunk",
        "not|cannot ~ find|get|say ~ ~ ~ word|words|out",
        "one ~ side ~ ~ ~ ~ ~ weak|numb|dead|floppy|droop|droopy|paralysed|paralyzed|limp|heavy",
        "weak|numb|dead|floppy|paralysed|paralyzed ~ ~ ~ ~ one|left|right ~ side",
        "double ~ vision",
        "see|seeing|saw ~ double|two",
        "lose|lost|losing|blurry|blurred|blur ~ ~ vision|sight|eyesight",
        "blind ~ in ~ ~ eye",
        "worst ~ headache",
        "sudden|suddenly|thunderclap ~ ~ ~ ~ headache",
        "HAVING|THINK|THINKS|LIKE|MAYBE ~ ~ ~ STROKE|MINISTROKE|TIA",
        "cara|boca|sonrisa|ojo|parpado ~ ~ ~ caida|caido|torcida|torcido|chueca|chueco|colgada|colgando|dormida|ladeada|desviada",
        "habla|hablando|hablar|lengua ~ ~ ~ raro|rara|arrastrando|arrastra|enredado|enredada|trabada|trabado|mal|incoherente",
        "arrastra|arrastrando ~ ~ palabras",
        "no ~ puede|puedo|podia ~ hablar|hablar bien|mover ~ ~ brazo|pierna|lado",
        "un ~ lado ~ ~ ~ ~ ~ dormido|dormida|debil|paralizado|paralizada|caido|caida|sin ~ fuerza",
        "veo|ve|viendo ~ doble",
        "vision ~ doble|borrosa",
        "dando|dio|tiene|teniendo|esta ~ ~ ~ derrame|ictus|embolia|trombosis",
        "peor ~ dolor ~ de ~ cabeza",
    ]),
    Symptom("seizure", EMERGENCY, [
        "seizure|seizing|convulsion|convulsions|convulse|convulsing|convulsed",
        "HAVING|HAD|HAS ~ A ~ FIT",
        "FITTING",
        "shake|shaking|jerk|jerking|twitch|twitching|thrash|thrashing ~ ~ all ~ over|uncontrollably",
        "shake|shaking|jerk|jerking ~ ~ ~ ~ ~ not|cannot ~ respond|responding|answer|answering|wake|stop",
        "eye|eyes ~ roll|rolled|rolling ~ back",
        "foam|foaming ~ at ~ ~ mouth",
        "convulsion|convulsiones|convulsionando|convulsiona|convulsiono|convulsionar|convulsionó",
        "ataque ~ ~ epilepsia|epileptico|epileptica",
        "temblando|sacudiendo|sacudidas|sacude|tiembla ~ ~ ~ ~ todo ~ el ~ cuerpo",
        "ojos ~ ~ blancos|volteados|en ~ blanco",
        "espuma ~ por ~ la ~ boca",
    ]),
    Symptom("anaphylaxis", EMERGENCY, [
        "lip|lips|face|tongue|mouth|eye|eyes ~ ~ ~ ~ swell|puff|puffy|puffing|balloon|ballooning|blow|blowing",
        "swell|puffy|puffing ~ ~ lip|lips|face|tongue|eye|eyes|mouth",
        "hoarse|croaky|raspy ~ ~ voice",
        "voice ~ ~ ~ hoarse|croaky|raspy|change|changed|funny|weird",
        "hive|hives|welt|welts ~ ~ ~ ~ all ~ over|everywhere",
        "anaphylaxis|anaphylactic|anaphalaxis|epipen|epi-pen",
        "trouble|hard|difficult|struggle ~ ~ swallow|swallowing",
        "se ~ me|le ~ hincha|hinchan|hincho|hincharon|inflama|inflamo ~ ~ labio|labios|cara|lengua|garganta|ojos|boca",
        "labio|labios|cara|lengua|garganta|boca ~ ~ ~ hinchada|hinchado|hinchados|hinchadas|inflamada|inflamado|inflamados",
        "garganta ~ ~ ~ cerrando|cierra|cerrada|cerro|apretada",
        "no ~ puedo|puede ~ tragar",
        "anafilaxia|anafilactica|anafilactico|anafilaxis",
        "voz ~ ronca",
    ]),
    Symptom("altered_consciousness", EMERGENCY, [
        "not|cannot ~ make|making ~ ~ sense",
        "talk|talking|saying ~ ~ nonsense|gibberish",
        "not|cannot ~ recognise|recognize|recognising|recognizing|know ~ ~ ~ me|us|anyone|where|who",
        "disoriented|disorientated|delirious|incoherent",
        "SUDDENLY|VERY|SO|REALLY|TOTALLY ~ CONFUSED",
        "CONFUSED ~ AND|NOT",
        "keep|keeps|kept ~ nodding|drifting|dozing|passing ~ off",
        "not|cannot ~ keep|stay ~ ~ eye|eyes ~ open",
        "fall|falling|fell ~ asleep ~ mid|middle|while|talking|sentence",
        "no ~ tiene ~ sentido",
        "habla|hablando|dice ~ ~ incoherencias|incoherente|cosas ~ sin ~ sentido|tonterias",
        "no ~ me|nos|lo|la ~ reconoce|reconoció|reconocio",
        "confundido|confundida|desorientado|desorientada|delirando",
        "no ~ se ~ puede ~ mantener ~ despierto|despierta",
        "muy ~ adormilado|adormilada|somnoliento|somnolienta",
    ]),
    Symptom("organ_injury", EMERGENCY, [
        "belly|stomach|tummy|abdomen|abdominal ~ ~ ~ ~ hard|rigid|swell|bloat|bloated|distend|distended|board|rock",
        "hard|rigid|swollen|distended ~ ~ belly|stomach|tummy|abdomen",
        f"{BLEED} ~ ~ in ~ ~ urine|pee|wee|piss",
        "urine|pee|wee|piss ~ ~ ~ ~ blood|bloody|red|pink|brown|cola",
        "pee|peeing|wee|weeing|urinate|urinating ~ ~ blood",
        "flank|kidney|kidneys ~ ~ ~ pain|hurt|hurts|agony|killing|stab|stabbing|excruciating",
        "sangre ~ en ~ ~ orina|pipi|pis",
        "orina|orino|pipi|pis ~ ~ ~ sangre|roja|rojo|con ~ sangre",
        "barriga|panza|vientre|abdomen|estomago|tripa ~ ~ ~ dura|duro|hinchada|hinchado|inflamada|inflamado|rigida|rigido",
        "dolor ~ ~ ~ rinon|rinones|costado ~ ~ ~ fuerte|insoportable|horrible",
    ]),
    Symptom("spinal_cord", EMERGENCY, [
        "not|cannot ~ control|hold ~ ~ ~ bladder|bowel|bowels|pee|wee|poo|urine",
        "wet|pee|peed|soil|soiled ~ myself|himself|herself",
        "cannot|not ~ pee|wee|urinate|pass ~ ~ urine|water",
        "numb ~ ~ ~ between ~ ~ leg|legs",
        "numb ~ ~ ~ ~ bottom|bum|buttock|buttocks|groin|saddle|privates|genitals",
        "saddle ~ numb|numbness|anaesthesia|anesthesia",
        "both ~ leg|legs|arm|arms ~ ~ ~ ~ weak|numb|dead|give|gave|giving|buckle|buckling|collapse",
        "leg|legs ~ ~ give|gave|giving ~ way|out",
        "no ~ puedo|puede ~ orinar|aguantar|controlar ~ ~ ~ orina|pipi|vejiga|esfinter",
        "me|se ~ hice|hizo|orine|orino ~ pipi|popo|encima",
        "entumido|adormecido|dormido|dormida|entumecido ~ ~ ~ entre ~ ~ piernas",
        "ambas|dos ~ piernas ~ ~ ~ debiles|dormidas|no|sin",
    ]),
    Symptom("sepsis", EMERGENCY, [
        "sepsis|septic|septicaemia|septicemia",
        "mottled|blotchy ~ ~ skin|legs|arms",
        "skin ~ ~ ~ mottled|blotchy",
        "fever|temperature|shiver|chill ~ ~ ~ ~ ~ ~ confuse|confused|drowsy|delirious|disoriented",
        "feel|feeling ~ like ~ ~ ~ ~ die|dying",
        "sepsis|septicemia|septico|septica",
        "piel ~ ~ manchada|moteada|marmorea",
        "fiebre|escalofrios|temperatura ~ ~ ~ ~ ~ confundido|confundida|desorientado|desorientada|delirando",
    ]),
    Symptom("self_harm", EMERGENCY, [
        "kill|end|take|killing|ending|taking ~ myself",
        "end|take|ending|taking ~ my ~ own? ~ life",
        "suicide|suicidal|suicidial|sucidal",
        "want|wanna|wish|ready ~ ~ ~ to? ~ die|dead",
        "not ~ want ~ to ~ live|wake|be ~ alive|here",
        "better ~ off ~ dead",
        "no ~ point|reason ~ ~ ~ living|live|alive",
        "overdose|overdosed|OD|OD'D|ODED",
        "take|took|taken|swallow|swallowed|taking ~ ~ ~ whole|all|entire|bottle|box|packet|pack|lot|handful|bunch|load ~ ~ ~ ~ pill|pills|tablet|tablets|painkiller|painkillers|paracetamol|tylenol|ibuprofen|oxy|meds|medication|medicine",
        "too ~ many ~ ~ pill|pills|tablet|tablets|painkiller|painkillers|paracetamol|tylenol|ibuprofen|meds",
        "cut|cutting|hurt|hurting|harm|harming|burn|burning ~ myself|herself|himself",
        "self ~ harm|harming",
        "suicide|goodbye ~ note|letter|letters",
        "end|ending ~ it ~ all|tonight|today|now",
        "end ~ everything",
        "cannot|not ~ go ~ on ~ ~ ~ ~ anymore|living",
        "no ~ one|body ~ would ~ miss ~ me",
        "last ~ message",
        "take|took|taken|swallow|swallowed|took ~ ~ ~ #NUM ~ ~ ~ naproxen|tramadol|codeine|co-codamol|oxycodone|oxy|aspirin|advil|aleve|motrin|nurofen|percocet|vicodin|sleeping|diazepam|valium|xanax|pills|tablets|paracetamol|tylenol|ibuprofen|acetaminophen|painkillers",
        "matarme|suicidarme|suicidio|suicida|matarse|suicidarse",
        "quitarme|quitarse ~ la ~ vida",
        "quiero|quiere ~ morir|morirme|morirse|desaparecer",
        "no ~ quiero|quiere ~ vivir|seguir|despertar",
        "sobredosis",
        "tome|tomo|trague|trago|tomado ~ ~ ~ todas|toda|todo|frasco|caja|bote|puñado|muchas ~ ~ ~ pastillas|pastilla|pildoras|tabletas|calmantes|analgesicos",
        "demasiadas ~ pastillas|pildoras|tabletas|calmantes",
        "cortarme|cortandome|cortarse|lastimarme|hacerme ~ dano",
    ]),
    Symptom("compartment", EMERGENCY, [
        "leg|calf|arm|forearm|thigh|shin|foot|hand ~ ~ ~ ~ ~ cold ~ and ~ pale|white|numb|blue",
        "tense|rock|hard ~ ~ ~ swell|swollen|swelling ~ ~ ~ ~ pain|agony|excruciating",
    ]),
    # --- urgent: the clinic or a doctor the same day ---
    Symptom("heavy_bleeding", URGENT, [
        f"start|started|starts|starting ~ ~ ~ {BLEED} ~ again",
        f"{BLEED} ~ ~ ~ again|restart|restarted|back",
        "volvio|vuelve|volvia ~ a ~ sangrar",
        "sangrar|sangrando|sangra ~ ~ otra ~ vez|de ~ nuevo",
    ]),
    Symptom("syncope_collapse", URGENT, [
        # A faint with full recovery: the detector lowers plain "fainted" to urgent when the
        # message says the person came round and is well (syncope_recovered in detector.py).
        "desmaye|desmayo|desmaya|desmayado|desmayada|desvanecio|desvaneci",
    ]),
    Symptom("haematoma", URGENT, [
        "bruise|lump|swell|swelling|bump ~ ~ ~ ~ ~ big|bigger|grow|growing|grows|grew|larger|spread|spreading|expand|expanding",
        "grow|growing|expanding|spreading ~ bruise|lump|bump|swelling",
        "hematoma|haematoma",
        "moreton|morete|hematoma|cardenal|chichon|bolita|bulto|bola|hinchazon ~ ~ ~ ~ crece|creciendo|grande|agrandando|aumenta|aumentando",
    ]),
    Symptom("retained_needle", URGENT, [
        "needle ~ ~ ~ ~ broke|broken|snap|snapped|break|stuck|left",
        "piece|bit|tip|fragment|part ~ of ~ ~ ~ needle",
        "something|metal|bit ~ ~ sharp|metal|hard ~ ~ under|in ~ ~ skin",
        "metal ~ ~ ~ poke|poking|stick|sticking",
        "pedazo|trozo|punta|pedacito|parte ~ de ~ ~ aguja",
        "aguja ~ ~ ~ ~ rompio|quebro|rota|quebrada|quedo|adentro",
    ]),
    Symptom("allergic_local", URGENT, [
        "rash|hive|hives|welt|welts|blister|blisters|blistering",
        "allergic|allergy ~ reaction",
        "ronchas|sarpullido|urticaria|erupcion|ampollas|salpullido",
        "reaccion ~ alergica",
    ]),
    Symptom("nerve_injury", URGENT, [
        "foot ~ drop",
        "drag|dragging ~ ~ foot|leg|toes",
        "electric|electrical ~ shock|shocks|zap|zaps|jolt|jolts|current",
        "shoot|shooting ~ ~ ~ down ~ ~ leg|arm",
        "hormigueo|entumecimiento|adormecimiento|entumido|entumida|entumecido|entumecida",
        "no ~ siento ~ ~ ~ pierna|brazo|mano|pie|dedos|cara",
        "pie ~ ~ caido|arrastro|arrastrando|arrastra",
        "descarga|descargas|corrientazo|corrientazos|toques ~ ~ ~ ~ pierna|brazo|electricas|electricos",
        "pierna|brazo|mano ~ ~ ~ debil|dormida|dormido|sin ~ fuerza",
    ]),
    Symptom("infection", URGENT, [
        "pus|supura|supurando|infectado|infectada|infeccion|infectada",
        "enrojecido|enrojecida|roja|rojo|caliente ~ ~ ~ ~ hinchado|hinchada|caliente|extiende|crece|calor",
        "fiebre|escalofrios|calentura|temperatura ~ ~ alta",
        "rojo|roja|enrojecimiento|rojez ~ ~ ~ se ~ extiende|crece|esparce",
        "lineas|rayas ~ rojas",
    ]),
    Symptom("worsening_pain", URGENT, [
        "cada ~ vez ~ peor|mas ~ dolor",
        "empeora|empeorando|empeorado|empeoro",
        "dolor ~ ~ ~ ~ peor ~ ~ ~ ~ dias|dia",
    ]),
    Symptom("dizziness", URGENT, [
        "mareo|mareos|mareado|mareada|vertigo ~ ~ ~ ~ vuelve|vuelven|regresa|regresan|sigue|siguen|todo ~ el ~ dia|otra ~ vez|de ~ nuevo",
        "sigo|sigue ~ ~ mareando|mareado|mareada",
        "vuelvo|vuelve ~ a ~ marearme|marearse",
    ]),
    # --- Spanish for the first categories ---
    Symptom("breathing", EMERGENCY, [
        "no ~ puedo|puede|podia|pude|podemos ~ ~ respirar",
        "me|le|nos ~ falta|faltaba|falto ~ ~ aire|respiracion",
        "falta ~ de ~ aire",
        "dificultad|problema|problemas|trabajo ~ ~ para|al ~ respirar",
        "me|le|se ~ ahogo|ahoga|ahogando|asfixio|asfixia",
        "ahogo|ahogandome|ahogandose|asfixia|asfixiando|asfixiandome",
        "cuesta|costaba|cuesta ~ ~ respirar",
        "respirar|respiro|respira ~ ~ ~ duele|dolor|cuesta|dificil|mal|raro",
        "sin ~ aliento|aire",
        "labio|labios|boca|cara ~ ~ ~ morado|morados|moradas|azul|azules",
    ]),
    Symptom("chest_pain", EMERGENCY, [
        "dolor|dolores|presion|opresion|punzada|ardor|peso ~ ~ ~ ~ pecho",
        "pecho ~ ~ ~ ~ duele|dolor|apretado|apretada|oprime|presion|arde|quema|aprieta",
        "duele|dolia|dolio ~ ~ ~ pecho",
        "infarto|ataque ~ al ~ corazon",
    ]),
    Symptom("heavy_bleeding", EMERGENCY, [
        "no ~ para|deja|paraba|dejaba ~ de ~ sangrar",
        "sangrando|sangra|sangrado|sangre ~ ~ ~ mucho|muchisimo|bastante|sin ~ parar|chorros|a ~ chorros|no ~ para",
        "mucha|muchisima|tanta|demasiada ~ sangre",
        "empapado|empapada|empapa|empapando|empapo ~ ~ ~ ~ sangre",
        "chorro|chorrea|chorreando|brota|brotando ~ ~ sangre",
        "hemorragia",
    ]),
    Symptom("coughing_blood", EMERGENCY, [
        "tos|toso|tose|tosiendo|tosi|escupo|escupe|escupiendo|vomito|vomita|vomitando|vomitar ~ ~ ~ sangre",
    ]),
    Symptom("syncope_collapse", EMERGENCY, [
        "se ~ desmayo|desmaya|desmayaron ~ ~ ~ ~ no|otra|y ~ no",
        "inconsciente|desmayado|desmayada|desplomo|desplomado|desplomada|colapso",
        "no ~ responde|reacciona|despierta|contesta",
        "perdio|perdi|pierde ~ el ~ conocimiento|sentido",
        "se ~ cayo|desplomo ~ ~ ~ ~ no ~ responde|despierta|reacciona",
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
        # "nearly fainted when I stood up, fine now" (seed 004: sit and rest)
        "NEARLY|ALMOST|ALMOSTT ~ FAINTED|FAINT|FEINTED|PASSED|BLACKED",
        "casi ~ me ~ desmayo|desmaye|caigo",
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
        "kill|killing ~ myself ~ laugh|laughing",
        "died|dying|die ~ ~ laugh|laughing",
        "could ~ kill ~ for",
        "make|made|makes ~ ~ ~ faint",
        "precio|precios|cuenta|factura|vista|paisaje ~ ~ ~ ~ sin ~ aliento",
        "me ~ muero ~ de|por ~ hambre|risa|ganas|sueno|verguenza|calor|frio",
        "muerto|muerta ~ de ~ risa|hambre|cansancio|sueno",
        "me ~ mata|matas|mato ~ ~ risa|precio",
        "me ~ desmayo ~ ~ ~ precio|cuenta|factura",
    ]),
]
