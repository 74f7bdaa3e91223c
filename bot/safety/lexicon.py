"""The red-flag vocabulary: which symptoms need emergency services now, which need the
clinic the same day, and the words patients actually type for them.

Patterns are written in a tiny phrase language compiled to spaCy Matcher patterns
(bot/safety/patterns.py): tokens are separated by spaces, `a|b` means either word, a
trailing `?` makes a token optional and `~` is an optional filler word. Every word is
compared with the token's *canonical form*: its spelling correction (SPELLING below) or
else its lemma, so "fainted", "breathing", "coughing" match "faint", "breathe", "cough".
Words written in CAPITALS are compared with the exact lower-case text instead (to keep
"fainted" apart from the adjective "faint").

Sources: bot/safety/categories.yml, per category. Only shortness of breath and major
bleeding are seed-backed emergencies (seed 004 "After the Procedure"); seed 000 "Rare
Risks" names pneumothorax. Every other category comes from the public sources the table
names, not from the seeds.
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
    # Spanish words the English lemmatizer turns into symptom words ("pura teoría" -> "pus")
    "pura": "pura", "puras": "puras",
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
    # speech (stroke): "speech is slurrd", "talkin all slured"
    "slurrd": "slurred", "slured": "slurred", "slurd": "slurred", "slurrred": "slurred", "slurrin": "slurring",
    "sluring": "slurring", "slurrrd": "slurred", "sluurred": "slurred", "talkin": "talk",
    # urgent
    "fever": "fever", "fevers": "fever", "feaver": "fever", "fevar": "fever", "feverish": "fever",
    "fevre": "fever", "temp": "temperature", "pase": "pass", "pasé": "pass", "temprature": "temperature", "temperture": "temperature",
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
    "breathles": "breathless", "wheezy": "wheeze", "pased": "pass", "passsed": "pass", "brethles": "breathless", "breathlss": "breathless",
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
# Medicines people in chronic pain keep at home, for overdoses told by name.
MEDICINES = ("pill|pills|tablet|tablets|painkiller|painkillers|paracetamol|tylenol|ibuprofen|acetaminophen|naproxen|"
             "aspirin|codeine|co-codamol|tramadol|oxycodone|oxy|morphine|fentanyl|hydrocodone|percocet|vicodin|"
             "gabapentin|pregabalin|lyrica|amitriptyline|sertraline|fluoxetine|citalopram|diazepam|valium|xanax|"
             "lorazepam|clonazepam|alprazolam|zopiclone|temazepam|sleeping|meds|medication|medicine|insulin|"
             # classes named instead of a drug: "took her antidepressants all at once, the whole packet"
             "antidepressant|antidepressants|antipsychotics|benzos|opioids|opiates")

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
        # breathless lying down, told by what it stops: "can't lie flat without gasping"
        "cannot|not ~ lie|lay|sleep ~ flat|down ~ without ~ gasp|cough|struggle|choke|wheeze|breathe|breath|air",
        "cannot|not ~ ~ ~ ~ ~ without ~ gasp|choke|wheeze|puff|puffing|panting",
        "cannot|not ~ ~ ~ ~ ~ without ~ feel|feeling ~ like ~ ~ ~ suffocate|suffocating|choke|choking|drown|drowning|gasp",
        "cannot|not ~ ~ ~ ~ ~ without ~ getting|feeling|going ~ breathless|winded|puffed",
        # breath told by speech: "stop halfway through every sentence to get air"
        "sentence|sentences|words|word ~ to ~ get|catch|grab|take ~ ~ air|breath",
        "cant|can't|cannot|unable|not ~ ~ fill ~ my|your|his|her|the ~ lungs",
        "out ~ of ~ puff ~ ~ ~ ~ sitting|resting|still|lying",
        "sitting|resting|lying ~ ~ ~ ~ ~ ~ out ~ of ~ puff",
        "respiro|respira|respirando ~ como ~ si ~ ~ ~ ~ corrido|corriera|corrio",
        "breathing|panting ~ like ~ ~ ~ ~ ran|run|sprinted|marathon",
        "not|stop|stopped ~ breathe",
        f"{BREATHE} ~ problem|problems|issue|issues|trouble|difficulty|difficulties",
        f"{BREATHE} ~ ~ ~ stab|stabs|hurt|hurts|pain|painful|sharp|agony|catch|catches|knife|burn|burning",
        # told by what it costs: "can't take a deep breath without it hurting"
        "cannot|not|never ~ ~ ~ ~ ~ breath|breaths|breathe ~ in? ~ without ~ it? ~ hurting|hurt|pain|stabbing|catching|burning",
        "little|small|tiny|short|shallow ~ breath|breaths",
        "through ~ a ~ straw",
        # the same in Spanish: "siento q respiro x un popote"
        "respiro|respira|respirar|respirando ~ x|por|con|a ~ traves? ~ de? ~ un|una ~ popote|pajita|pitillo|sorbete|bombilla|carrizo",
        "not|cannot ~ get|finish ~ ~ ~ end ~ of ~ a|my ~ sentence",
        "without ~ stop|stopping ~ for ~ air|breath",
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
        # by the word typed: "pants" (trousers) has the lemma "pant"
        "PANTING|PANTED|PANTIN|PANTS ~ for ~ air|breath",
        "drown|suffocate",
        "fill ~ ~ lung",
        "lung ~ ~ ~ ~ hurt|pain|work|working|burn|tight|wrong|collapse",
        "think|feel|felt ~ ~ ~ ~ puncture|collapse ~ lung",
        f"{BREATHE} ~ ~ ~ fast|rapid|shallow|funny|wrong|weird|strange|noisy|raspy|gasp|off",
        "not|cannot ~ talk|speak|finish ~ ~ ~ sentence|sentences|properly|breath",
        "struggle|struggling ~ for ~ air",
        "struggle|hard|difficult|trouble|cannot|not ~ ~ get ~ ~ air|oxygen|breath",
        "PUFFED|WINDED",
        "puff|puffing|winded|breathless|gasp ~ ~ ~ ~ walk|walking|stairs|couch|bathroom|kitchen",
        "stop|stopping ~ for ~ air|breath",
        # exertion told by the stop it forces: "can't walk across the room without stopping to catch my breath"
        "stop|stopping|pause|pausing ~ to ~ catch|get ~ my|his|her|their? ~ breath|wind",
        "cannot|not|unable ~ ~ ~ ~ ~ ~ ~ without ~ stop|stopping|pause|pausing ~ to ~ catch|get ~ my|his|her|their? ~ breath|wind",
        # "have to stop halfway up the stairs to get air"; orthopnoea: "sit bolt upright to get any air in"
        "stop|stopping|pause|pausing ~ halfway|partway|midway|twice|every|several ~ ~ ~ ~ to ~ get|catch|grab ~ ~ air|breath|wind",
        "sit|sitting|sat|prop|propped ~ bolt|straight|right? up|upright to breathe",
        "sit|sitting|sat|prop|propped ~ bolt|straight|right? up|upright to get|catch any|enough? air|breath",
        # pneumothorax without the word "chest": a new cough with side or shoulder pain
        "cough|coughing ~ ~ ~ ~ ~ ~ side|shoulder|rib|ribs|blade ~ ~ pain|hurt|hurts|ache|sharp",
        "side|shoulder|rib|ribs ~ ~ pain|hurt|hurts|ache ~ ~ ~ ~ cough|coughing",
        "cough|coughing ~ ~ ~ ~ pain|hurt|hurts|sharp|stab|stabbing ~ ~ ~ ~ side|shoulder|rib|ribs|blade",
        "hurt|hurts|pain|painful|sharp|stab|stabbing ~ ~ to|when|on ~ ~ ~ ~ deep|full|big ~ breath|breathe|breaths",
        "deep|full|big ~ breath|breaths ~ ~ ~ hurt|hurts|pain|painful|sharp|stab|stabs|catch|catches",
    ]),
    Symptom("chest_pain", EMERGENCY, [
        f"chest ~ ~ ~ ~ ~ {CHEST_PAIN}",
        f"{CHEST_PAIN} ~ ~ ~ ~ ~ ~ ~ ~ chest",
        "cp",
        "chess ~ pain|hurt|tight|pressure|ache",
        "sit|sitting|sat|press|pressing|stand|standing|weight|elephant ~ on ~ ~ chest",
        # the classic description without the word chest: "feels like an elephant sat on me"
        "like ~ an? ~ elephant ~ sat|sitting|standing|is|were|was ~ on ~ me",
        "heart attack",
        "pain|hurt ~ ~ when|to ~ breathe",
        # "a heavy ache behind my breastbone"
        f"{CHEST_PAIN} ~ ~ behind|under|in|on|at|across|around ~ ~ breastbone|sternum",
        f"breastbone|sternum ~ ~ ~ {CHEST_PAIN}",
    ]),
    Symptom("coughing_blood", EMERGENCY, [
        f"cough|spit|vomit|throw|puke|hack ~ ~ ~ ~ ~ {BLEED}|froth",
        f"{BLEED}|froth ~ ~ ~ ~ ~ ~ cough|spit|phlegm|mucus|sputum|saliva",
        "hemoptysis|haemoptysis",
        # the colour, not the word: "phlegm is bloody ... proper red", "coughed up some red stuff"
        "phlegm|mucus|sputum|spit ~ ~ ~ ~ bloody|red|pink",
        "flema|flemas|esputo|gargajo|gargajos|moco|mocos|escupitajo ~ ~ ~ ~ ~ sangre|roja|rojas|rojo|rojos|rosada|rosado|sanguinolenta|sanguinolento",
        "cough|coughed|coughing ~ up ~ ~ ~ red|pink",
        # told by what the hand or tissue showed: "coughed into my hand n it was red"
        "cough|coughed|coughing ^ ^ ^ ^ ^ it|that|which|and|n ~ was|is|looked|came ~ out? ~ all? ~ red|pink|bloody",
        "bring|bringing|brought ~ up ~ ~ ~ red|pink",
        "sick|vomit|vomited|threw ~ ~ with ~ blood|bloody",
        "coffee ~ ground|grounds ~ ~ ~ vomit|sick|puke",
        "vomit|sick|puke|threw ~ ~ ~ ~ ~ coffee ~ ground|grounds",
        # streaks told before the phlegm: "red streaks in the phlegm"; "blood in what comes up"
        "red|pink|blood|bloody ~ streak|streaks|specks|flecks|bits|spots ~ in ~ the|my? ~ phlegm|mucus|spit|sputum",
        "cough|coughed|coughing ^ ^ ^ ^ ^ ^ ^ ^ blood ~ in ~ what ~ ~ come|comes|came ~ up",
    ]),
    Symptom("heavy_bleeding", EMERGENCY, [
        f"{BLEED} ~ ~ ~ ~ ~ ~ ~ ~ not|will|cannot ~ stop|stopping|stopped",
        f"pump|pumping|spurt|gush|pour|drip|dripping ~ ~ {BLEED}",
        f"not|cannot ~ stop ~ ~ {BLEED}",
        # asked about, then told: "am i bleeding too much? it wont stop"
        f"{BLEED} ^ ^ ^ ^ ^ it|that|this ~ still? ~ not|cannot ~ stop|stopping",
        f"heavy|heavily|lot|lots|alot|severe|uncontrolled|uncontrollable|profuse|profusely|major|massive|pour|pouring|gush|gushing|spurt|spurting|soak|soaking|soaked|loads|tons ~ ~ {BLEED}",
        f"{BLEED} ~ ~ lot|alot|lots|heap|load|loads|drip|dripping|pump|heavy|heavily|everywhere|profusely|pour|pouring|gushing|spurting|soak|soaking|through|badly|heaps|nonstop|non-stop",
        f"{BLEED} ~ ~ for ~ ~ hour|hours|minutes|mins",
        f"{BLEED} ~ ~ still|keep|keeps",
        # pressure held as told, and it still drips: "pressed it for 20 minutes, still dripping"
        "press|pressed|pressing|pressure|held|holding|minutes|mins|min|hour|hours ^ ^ ^ ^ ^ ^ ^ ^ still ~ dripping|drip|oozing|trickling",
        f"still|keep|keeps ~ {BLEED}",
        # told by its effect: "my sock is full of blood", "running with blood", "spurting out of my thigh"
        f"full|soak|soaked|soaking|drench|drenched|running|pool|puddle|covered ~ ~ of|with|in ~ {BLEED}",
        "spurt|spurting|squirt|squirting|gush|gushing|pump|pumping ^ ^ ^ out ~ of|from",
        "it's|its|it|still|keeps|keep|is ~ spurting|squirting|gushing|spurts|gushes|squirts",
        "it's|its|it|blood ~ still? ~ pumping",
        f"{BLEED} ^ ^ ^ ^ ^ pressure ^ ^ not|nothing|isnt|doesnt|didnt|wont|cannot",
        # pressure that does not stop it, the emergency's own test (categories.yml)
        f"{BLEED} ^ ^ ^ ^ ^ ^ ^ ^ pressure|pressing ~ not|isnt|nothing|doesnt|wont|cannot ~ help|helping|work|working|stop|stopping",
        "still|keep|keeps ~ go|going|come|coming|bleed|bleeding ^ ^ ^ ^ after ~ ~ ~ pressing|pressure|pressed|holding|press",
        "gauze|dressing|dressings|bandage|bandages|pad|pads|towel|towels|plaster ~ ~ ~ ~ soak|soaked|soaking|sponge|drench|drenched",
        "haemorrhage|hemorrhage|haemorrhaging|hemorrhaging",
        # dressings used up, or bleeding told in hours: "gone through two dressings", "bleeding since I got home about an hour ago"
        "gone|went|going|go ~ through ~ #NUM|two|three|four|several|multiple ~ dressing|dressings|plaster|plasters|bandage|bandages|pad|pads|towel|towels|gauze|gauzes",
        f"{BLEED} ~ ~ since ^ ^ ^ ^ ^ an|over|about|half|nearly|almost ~ an? ~ hour|hours",
        f"squirt|squirting|squirts|spurting|spurts|pulsing ~ {BLEED}",
        f"{BLEED} ~ ~ in ~ little? ~ pulses|spurts|squirts",
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
        "out ~ like ~ a ~ light",
        "funny ~ turn",
        "not|cannot ~ come ~ round|around|to",
        "keel|keeled ~ over",
        "knock|knocked ~ out",
        "not|isn't ~ respond|responding|responsive|answer|answering|wake|react|reacting",
        "go|went|gone|going|goes ~ limp|floppy",
        "drop|dropped ~ to ~ the ~ floor|ground",
        # "went down on the floor at work, they said i was out for a min"
        "went|go|gone|going ~ down ~ on the floor|pavement|deck",
        "said|told ~ me? ~ i|he|she ~ was ~ out ~ for|cold",
        "hit ~ the ~ deck",
        "came|come|coming ~ to|round ~ on ~ the ~ ~ floor|ground|pavement",
        "just ~ came|come ~ to|round",
        "woke|woken|wake ~ up ~ on ~ the ~ ~ floor|ground|pavement",
        "went|go|going ~ down ~ like ~ a ~ sack",
        "go|went|gone|going ~ down ~ in ~ a ~ heap",
        "desmaye|desmayo|desmayé|desmayó|desmayado|desmayada ~ ~ dos|tres|cuatro|varias|2|3|4|5 ~ veces",
        "desmaye|desmayo|desmayé|desmayó ^ ^ ^ ^ ^ ^ ^ ^ golpe|golpeé|golpee|pegue|pegué|chipote|chichon",
        # a faint with a racing heart (categories.yml, syncope_collapse emergency_when)
        "desmaye|desmayo|desmayé|desmayó|desmayado|desmayada ^ ^ ^ ^ ^ ^ ^ ^ corazon ~ ~ ~ a ~ mil|acelerado|desbocado|disparado",
        "fainted|faint|fainting ^ ^ ^ ^ ^ ^ ^ ^ heart ~ ~ ~ racing|pounding|hammering|going ~ a? ~ mile|million|hundred",
        "HAD|HAVE|HAS|HAVING ~ A ~ ~ FAINT",
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
        # "soreness worse at 72 hrs than at 24"
        "worse ~ at|on|by|after ~ ~ ~ ~ than ~ at|on|after|by",
        "pain|sore|soreness|ache|hurt ~ ~ ~ get|getting|keep|keeps|still ~ worse",
        "get|getting|keep|keeps ~ worse ~ ~ day|days|week",
        "worse ~ and ~ worse",
        "pain ~ ~ ~ through ~ the ~ roof",
        # a pain score that rises: "went from a 4 to an 8" (a falling one is excluded in detector.py)
        "pain|sore|soreness|ache|aching|hurt|hurting|painful|score ^ ^ ^ ^ from ~ a|an? ~ #NUM ~ to ~ a|an? ~ #NUM",
        "pain ~ ~ ~ ~ nothing ~ help|helps|helping|touch|touches|work|works|shift|shifts",
        "nurofen|advil|ibuprofen|paracetamol|tylenol|painkillers|panadol|codeine|naproxen ~ do|does|did|doing ~ zilch|nothing|squat|jack|sod",
        "SORER|ACHIER|STIFFER ~ than ~ ~ yesterday|before|day|morning|ever",
        # severe pain painkillers don't touch (categories.yml): "medicine not help"
        # (the negation in capitals, matched as written: "don't" would be read as "do")
        "medicine|medicines|medication|meds|pills|tablets|painkiller|painkillers ~ NOT|NO|N'T|N’T|NT|DONT|DOESNT|DIDNT|ISNT|ARENT ~ help|helping|helps|work|working|works|touching",
        # still rising days later: "still getting more sore after 3 days"
        "get|getting|gets|growing ~ more ~ sore|painful|achy|tender ~ after ~ #NUM ~ day|days",
        "get|getting|gets|growing ~ more ~ sore|painful|achy|tender ~ after ~ a? ~ few|several|couple ~ ~ day|days",
        "get|getting|gets|growing ~ more ~ sore|painful|achy|tender ~ every|each ~ day",
        # past the expected 48 hours and rising: "its day 3 and ramping up"
        "day ~ #NUM|three|four|five|third|fourth|fifth ^ ^ ramping|ramped|ramps|building|climbing ~ up?",
        "more ~ painful|sore|tender|swollen ^ ^ ^ ^ ^ ^ ^ ^ than ~ it? ~ was? ~ yesterday|before",
        # "more painful today (day 3) than it was the day after the session"
        "more ~ painful|sore|tender|swollen ^ ^ ^ ^ ^ ^ than ~ it|they ~ was|were ~ the ~ day|first|morning",
        "worse ~ again",
        "more ~ painful|sore|tender ~ ~ than ~ ~ yesterday|before|first|start|started|day",
        "throbbing|hurting|hurts|aching ~ more ~ ~ ~ than ~ ~ yesterday|before|first|start|day",
        "worse|worsen ~ ~ ~ every|each ~ day",
        "worse|worsen ~ ~ after ~ ~ day|days|48|72|hours",
        "worsen",
        "not ~ get|getting ~ better ~ ~ ~ day|days|week",
        "increasing|increase|worsening ~ pain",
        "day|days ~ ~ later ~ ~ ~ worse",
        "worse ~ than ~ ~ before|day|week|start|started|first|yesterday|ever|after|right|straight",
        # compared with leaving the clinic: "it's been almost a week and my forearm is worse than when I left"
        "worse|sorer ~ than ~ when ~ i|we|he|she ~ left|walked|came",
        "hour|hours|day|days ~ ~ ~ ~ ~ ~ worse",
        "climbing|rising|escalating",
        "more ~ and ~ more",
        "more ~ pain|sore ~ ~ ~ every|each ~ day",
        "GETTING|KEEPS|KEEP|KEPT ~ WORSE|WORSENING",
        "KEEPS|KEEP ~ INCREASING|RISING|WORSENING",
        "still|keep ~ increase|worsen|rise|climb",
        "worse ~ on ~ day",
        "from ~ mild ~ to",
        "painkiller|painkillers|tablets|tablet|pills|ibuprofen|paracetamol|tylenol|advil|meds ~ ~ ~ ~ ~ not|nothing|useless",
        "agony|extreme|unbearable|excruciating ~ ~ ~ ~ ~ painkiller|painkillers|tablets|pills|meds|ibuprofen|paracetamol",
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
        # the feeling itself gone: "the feeling in my left leg is almost gone" (not "the tight feeling ... is gone")
        "the|all ~ feeling|sensation ~ in ~ my|his|her|the ~ ~ arm|leg|hand|foot|fingers|toes|face|side|thumb ~ is|has|was ~ ~ GONE|DISAPPEARED|VANISHED",
        "dead ~ arm|leg",
    ]),
    Symptom("dizziness", URGENT, [
        "dizzy ~ ~ ~ again|keep|keeps|repeatedly|spell|spells|episode|episodes|still|day|days|constantly|constant|all|everytime|every|times|twice|over|turn|turns",
        "dizzy ~ ~ ~ on ~ and|& ~ off",
        "lightheaded|light-headed|woozy|giddy ~ ~ ~ again|keep|keeps|still|repeatedly|times|twice",
        "light ~ headed ~ ~ ~ again|keep|keeps|still|repeatedly|times|twice",
        "waves|bouts|spells|episodes|attacks ~ of ~ dizziness|dizzy|vertigo|lightheadedness|spinning",
        "dizziness|dizzy|vertigo|lightheadedness|lightheaded ~ ~ not ~ go|gone|stop|stopped|settle|settled|ease|eased|pass|passed|wear|worn",
        # the room or the ground moving, for hours: "feel like I'm on a boat, been hours"
        "feel|feels|feeling ~ like ~ ~ ~ on ~ a ~ boat|ship",
        "keep|keeps|kept|still|again|constantly|repeatedly|recurring|repeated ~ ~ ~ dizzy",
        "dizzy ~ spell|spells|episode|episodes",
        "dizzy ~ ~ ~ ~ not ~ go|going ~ away",
        "room ~ spin|spinning",
        "NEARLY|ALMOST ~ FAINTED|FAINT|PASSED|COLLAPSED",
    ]),
]

# Categories beyond the seeds' two named emergencies (bot/safety/categories.yml says where
# each comes from). English first, then Spanish (written without accents: the detector
# compares words without them, so "desmayó" and "desmayo" are one word).
SYMPTOMS += [
    Symptom("stroke", EMERGENCY, [
        "face|facial|mouth|smile|eye|eyelid ~ ~ ~ droop|drooping|droopy|lopsided|crooked|sag|sagging|fall|falling|fallen|slip|slipped|uneven|twisted|numb|drop|dropping|dropped",
        "droop|drooping|droopy|lopsided|crooked|twisted ~ ~ face|mouth|smile|eye|eyelid",
        # "my smile has gone wonky and my coffee dribbled out the side of my mouth"
        "face|mouth|smile ~ ~ ~ wonky|skewed|skew",
        "wonky|skewed ~ ~ face|mouth|smile",
        "dribble|dribbled|dribbles|dribbling|drool|drooled|drooling|drools|leak|leaked|leaking|spill|spilled|spilling|pour|poured|pouring ~ ~ ~ out ~ of? ~ the ~ side ~ of ~ my|his|her|their|your|the ~ mouth",
        "se ~ me|le ~ cae|caia|cayo|sale|salia|escurre|escurria|chorrea|chorreaba ~ ~ ~ ~ por ~ un ~ lado ~ de ~ la ~ boca",
        "slur|slurred|slurring|garbled|jumbled|muddled|mumbled|mumbling ~ ~ speech|word|words|talk|talking|voice",
        "speech|words ~ ~ ~ slur|slurred|slurring|garbled|jumbled|muddled|weird|strange|funny|wrong|off|mixed",
        # the talking itself slurred: "she's talking all slurred"
        "talk|talking|voice ~ ~ slur|slurred|slurring|garbled",
        "talk|talking|speak|speaking ~ ~ funny|weird|strange|gibberish|nonsense|drunk",
        # "sounds weird" alone comments on an idea ("why twitch? sounds weird"): a speaker first
        "he|she|i|voice|speech|words|mum|mom|dad|husband|wife|son|daughter|grandma|grandpa ~ ~ sound|sounding ~ ~ funny|weird|strange|drunk",
        "sound|sounding ~ ~ gibberish|nonsense|slurred",
        "not|cannot ~ find|get|say ~ ~ ~ word|words|out",
        "one ~ side ~ ~ ~ ~ ~ weak|numb|dead|floppy|droop|droopy|paralysed|paralyzed|limp|heavy",
        "weak|numb|dead|floppy|paralysed|paralyzed ~ ~ ~ ~ one|left|right ~ side",
        "double ~ vision",
        "left|right ~ arm ~ and ~ leg ~ ~ ~ weak|numb|dead|heavy|floppy|limp|useless",
        "left|right ~ leg ~ and ~ arm ~ ~ ~ weak|numb|dead|heavy|floppy|limp|useless",
        # one side of the face told vaguely: "face feels a bit odd on that side"
        "face|mouth|cheek|lip ~ ~ ~ ~ odd|weird|funny|strange|wrong|off|numb|heavy ~ on ~ that|one|the|left|right ~ side",
        "left|right|one ^ sided ~ weakness|weak|numbness|numb|paralysis|droop",
        "sudden|suddenly|new ~ weakness ~ ~ ~ ~ arm|leg|side|face",
        "see|seeing|saw ~ double|two",
        "lose|lost|losing|blurry|blurred|blur ~ ~ vision|sight|eyesight",
        # told by what the sight did: "my vision was gone within minutes", "sight in one eye went black"
        # in capitals: compared as written, since "gone" would otherwise match any form of "go"
        # ("did my vision go wrong?", "my eyesight is going with age")
        "vision|sight|eyesight ~ ~ ~ ~ ~ GONE|DISAPPEARED|VANISHED|BLACKED|FADING|FADED",
        "vision|sight|eyesight ~ ~ ~ ~ ~ went|go|going|turned ~ ~ black|dark|dim|grey|gray|double",
        # half the field lost: "half of everything vanished", "half my vision went black"
        "half ~ of? ~ ~ vision|sight|everything|what|view ~ ~ ~ ~ GONE|VANISHED|DISAPPEARED|MISSING|BLACK|DARK",
        "blind ~ in ~ ~ eye",
        "worst ~ headache",
        "sudden|suddenly|thunderclap ~ ~ ~ ~ headache",
        "head ~ ~ ~ ~ like ~ ~ ~ ~ exploded|exploding|burst|bursting",
        "peor ~ dolor ~ de ~ cabeza",
        "cabeza ~ ~ ~ como ~ si ~ ~ ~ ~ exploto|explotado|explotar|estallo|estallado|reventado|revento",
        "HAVING|THINK|THINKS|LIKE|MAYBE ~ ~ ~ STROKE|MINISTROKE|TIA",
        "cara|boca|sonrisa|ojo|parpado ~ ~ ~ caida|caido|torcida|torcido|chueca|chueco|colgada|colgando|dormida|ladeada|desviada",
        "habla|hablando|hablar|lengua ~ ~ ~ raro|rara|arrastrando|arrastra|enredado|enredada|trabada|trabado|mal|incoherente",
        "arrastra|arrastrando ~ ~ palabras",
        "no ~ puede|puedo|podia ~ hablar",
        "no ~ puede|puedo|podia ~ mover ~ ~ brazo|pierna|lado|cara",
        "un ~ lado ~ ~ ~ ~ ~ dormido|dormida|debil|paralizado|paralizada|caido|caida",
        "un ~ lado ~ ~ ~ ~ sin ~ fuerza",
        "veo|ve|viendo|ver|veia|veía ~ doble",
        "no ~ ve|veo|vemos ~ nada ~ por|de ~ un ~ ojo",
        # "perdí la vista de un ojo de la nada"
        "perdi|perdio|pierdo|pierde|perdiendo ~ la ~ vista|vision",
        "vision ~ doble|borrosa",
        "dando|dio|tiene|teniendo|esta ~ ~ ~ derrame|ictus|embolia|trombosis",
        "peor ~ dolor ~ de ~ cabeza",
        "no ~ me|le ~ salen ~ las? ~ palabras",
        "no ~ me|le ~ salen|sale|salian|salia ~ las|la ~ palabras|palabra ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ brazo|mano|cara|boca|pierna ~ ~ dormido|dormida|torcida|caida|flojo|floja|debil|entumido",
    ]),
    Symptom("seizure", EMERGENCY, [
        "seizure|seizing|convulsion|convulsions|convulse|convulsing|convulsed",
        "HAVING|HAD|HAS ~ A ~ FIT",
        "FITTING",
        "shake|shaking|jerk|jerking|twitch|twitching|thrash|thrashing ~ ~ all ~ over|uncontrollably",
        "shake|shaking|jerk|jerking ~ ~ ~ ~ ~ not|cannot ~ respond|responding|answer|answering|wake|stop",
        "eye|eyes ~ roll|rolled|rolling ~ back",
        # someone else's whole body, as in Spanish "todo el cuerpo": "she's jerking her whole body on the floor"
        "shake|shaking|jerk|jerking|thrash|thrashing|convulse|convulsing ~ her|his|their ~ whole ~ body",
        "stiff ^ ^ ^ ^ ^ ^ jerk|jerking|shake|shaking|twitch|twitching|convulse|convulsing|thrash|thrashing",
        # "never had a seizure and she just had one": a first one, told against the history
        "never|nunca ~ ~ ~ seizure|seizures|fit|fits|convulsion|convulsiones ^ ^ ^ ^ just|acaba|acabo ~ ~ ~ ~ one|una|dar|dio",
        "foam|foaming ~ at ~ ~ mouth",
        # said in other Englishes: "foam a come out she mout"
        "foam|foaming ~ ~ come|coming|comin ~ out ~ ~ mouth|mout",
        "convulsion|convulsiones|convulsionando|convulsiona|convulsiono|convulsionar|convulsionó",
        "ataque ~ ~ epilepsia|epileptico|epileptica",
        "temblando|sacudiendo|sacudidas|sacude|tiembla ~ ~ ~ ~ todo ~ el ~ cuerpo",
        "ojos ~ ~ blancos|volteados",
        "ojos ~ ~ en ~ blanco",
        "espuma ~ por ~ la ~ boca",
        "sacudi|sacudio|sacudia|sacudiendo|sacudiendose ~ ~ ~ en ~ el ~ piso|suelo",
        "sacudiendo|sacudiendose|temblando ~ entero|entera|todito|todita",
        # a fit told by a carer: "le dio como un ataque, temblaba todo el cuerpo", "lleva 10 minutos sacudiéndose"
        "ataque|convulsion ~ temblaba|temblando|sacudia|sacudiendose|sacudiendo ~ todo ~ el ~ cuerpo",
        "lleva|llevaba|van ~ mas? ~ de? ~ #NUM|cinco|diez ~ minutos ~ asi? ~ sacudiendose|convulsionando|temblando",
    ]),
    Symptom("anaphylaxis", EMERGENCY, [
        "lip|lips|face|tongue|mouth|eye|eyes ~ ~ ~ ~ swell|puff|puffy|puffing|balloon|ballooning|blow|blowing",
        "swell|puffy|puffing ~ ~ lip|lips|face|tongue|eye|eyes|mouth",
        "hoarse|croaky|raspy ~ ~ voice",
        "voice ~ ~ ~ hoarse|croaky|raspy|change|changed|funny|weird",
        "hive|hives|welt|welts ~ ~ ~ ~ all ~ over|everywhere",
        "hive|hives|welt|welts|ronchas ~ ~ ~ everywhere",
        "ponerme|pongo|puse|usar|use|usé|inyectar|inyecte ~ ~ ~ ~ epipen|epi-pen",
        "epipen|epi-pen ~ ~ ~ me|le ~ la|lo ~ pongo|pone|puse|pongo",
        # hives together with the throat, dizziness or faintness (anaphylaxis criteria: skin plus one system)
        "hive|hives|welt|welts|ronchas|habones|urticaria ^ ^ ^ ^ ^ ^ ^ ^ dizzy|faint|lightheaded|throat|wheeze|wheezy|mareado|mareada|mareo|garganta",
        "throat|dizzy|faint|lightheaded|garganta|mareado|mareada ^ ^ ^ ^ ^ ^ ^ ^ hive|hives|welt|welts|ronchas|habones|urticaria",
        "use|used|using|gave|give|giving|jab|jabbed|inject|injected ~ ~ ~ ~ epipen|epi-pen",
        # widespread hives with vomiting or feeling faint (anaphylaxis criteria: skin plus one system)
        "lumps|bumps|spots|rash|hive|hives|welt|welts ~ ~ ~ all ~ over|the ~ ~ body|me|him|her|them ^ ^ ^ ^ ^ ^ vomit|sick|throw|faint|fall|dizzy",
        "rash|hive|hives|welt|welts|spots|ronchas|sarpullido ^ ^ ^ ^ ^ ^ ^ ^ everywhere|spread|spreading|todo|todas ^ ^ ^ ^ ^ ^ vomit|sick|throw|faint|dizzy|lightheaded|vomito|vomitando|mareado|mareada",
        "anaphylaxis|anaphylactic|anaphalaxis",
        "trouble|hard|difficult|struggle ~ ~ swallow|swallowing",
        "se ~ me|le ~ hincha|hinchan|hincho|hincharon|inflama|inflamo ~ ~ labio|labios|cara|lengua|garganta|ojos|boca",
        "labio|labios|cara|lengua|garganta|boca ~ ~ ~ hinchada|hinchado|hinchados|hinchadas|inflamada|inflamado|inflamados",
        "garganta ~ ~ ~ cerrando|cierra|cerrada|cerro|apretada",
        "no ~ puedo|puede ~ tragar",
        "anafilaxia|anafilactica|anafilactico|anafilaxis",
        "voz ~ ronca",
        # widespread hives with vomiting or faintness (categories.yml)
        "ronchas|habones|urticaria|granos ~ por ~ todo ~ el ~ cuerpo ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ vomitar|vomite|vomito|vomitando|vomitado|devuelto|mareo|mareada|mareado|desmayo|desmayar|ahogo",
        "hives|welts|rash ~ all ~ over ~ ~ body? ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ vomit|vomiting|sick|faint|dizzy|lightheaded",
    ]),
    Symptom("altered_consciousness", EMERGENCY, [
        # "está como ida, no se entera de lo que le digo"
        "esta|está|anda|quedo|quedó ~ como ~ ida|ido|perdida|perdido|ausente",
        "no ~ se ~ entera ~ de ~ ~ ~ que ~ le|les ~ digo|decimos|hablo|hablamos|dicen",
        "not|cannot ~ make|making ~ ~ sense",
        # "vague, staring, not answering questions properly"
        "not|cannot ~ answer|answering|respond|responding ~ ~ questions ~ properly|normally|right|sensibly",
        "staring ^ ^ not|cannot ~ answer|answering|respond|responding",
        # roused only by shouting or shaking (AVPU "responds to voice / pain")
        "only|barely|hardly ~ open|opens|opening ~ her|his|their|my ~ eyes ~ if|when ~ ~ shout|yell|shake|pinch|scream|shouting|shaking",
        "talk|talking|saying ~ ~ nonsense|gibberish|rubbish|gobbledygook",
        # "where" only with someone after it: "don't know where to start" is no confusion
        "not|cannot ~ recognise|recognize|recognising|recognizing|know ~ ~ ~ me|us|who",
        # not "just moved here and don't know anyone"
        "not|cannot ~ recognise|recognize|recognising|recognizing ~ ~ ~ anyone",
        "not|cannot ~ recognise|recognize|recognising|recognizing ~ ~ ~ where",
        "disoriented|disorientated|delirious|incoherent",
        "not|cannot ~ know|remember|tell ~ what|which ~ year|day|month|date",
        # "she cant remember her own name" (not "who to call": that is a choice)
        "not|cannot ~ remember|recall|recognise|recognize ~ her|his|their|my|your ~ own ~ name|address|birthday|kids|children|husband|wife",
        "no ~ recuerda|recuerdo|se ~ acuerda|acuerdo ~ de? ~ su|mi ~ propio? ~ nombre|direccion|cumpleanos",
        "not|cannot ~ know ~ where ~ he|she|i|they|we ~ is|am|are|'s|'m|'re|was|were",
        "new|sudden|acute ~ confusion",
        # awake but absent: "she's awake but not with it at all, just mumbling"
        "awake|conscious|eyes ~ ~ but ~ not ~ with ~ it|us|herself|himself",
        "not ~ with ~ it|us ~ at ~ all",
        "just|only|keep|keeps ~ mumble|mumbling",
        "mumble|mumbling ~ nonsense|gibberish|rubbish",
        # answers that don't fit the question: confusion told by its effect
        # (someone's answers, not the bot's: "your answers don't fit my question" is a complaint)
        "his|her|their ~ answers|replies ~ ~ not|dont|don't|doesnt|doesn't ~ fit|match ~ ~ question|questions",
        "contesta|responde ~ cosas ~ que ~ no ~ tienen ~ que ~ ver",
        "SUDDENLY|VERY|SO|REALLY|TOTALLY|SUPER ~ CONFUSED",
        # disorientation told by its effect: "had to ask my daughter what day it is"
        "ask|asked|asking ~ ~ ~ ~ what|which ~ day|year|month ~ it ~ is|was",
        "not|cannot ~ recognise|recognize|recognising|recognizing ~ the|my|this ~ street|road|house|room|place|area|way",
        "no ~ se|sabia|sé ~ donde|dónde ~ estoy|estaba",
        # someone else disoriented: "no sabe donde esta" (not "donde esta la clinica": detector)
        "no ~ sabe|sabia|sabía ~ ni? ~ donde|dónde ~ esta|está|estaba",
        # drowsy mid-talk: "se queda dormido mientras habla, a media frase"
        "se ~ queda|quedaba|quedo|quedó|duerme|dormia|dormía|durmio|durmió ~ dormido|dormida ~ mientras|hablando|a|en ~ habla|media|mitad",
        "no ~ reconozco|reconocia|reconoce|reconocía ~ la|el|mi|su|este|esta ~ calle|casa|cuarto|lugar|barrio|camino",
        "CONFUSED ~ AND|NOT",
        "keep|keeps|kept ~ nodding|drifting|dozing|passing ~ off",
        "not|cannot ~ keep|stay ~ ~ eye|eyes ~ open",
        "fall|falling|fell ~ asleep ~ mid|middle|while|talking|sentence",
        # what a person says that makes no sense, not "no me hace sentido" (to me: a question)
        "dice|dijo|decia|diciendo|habla|hablaba|hablando|grita|gritando|contesta|responde|cuenta ^ ^ ^ ^ no ~ tiene|tienen|hace|hacen ~ sentido",
        "no tiene|tienen|hace|hacen sentido ~ lo|las|los ~ que|q ~ dice|dijo|decia|habla|hablaba|cuenta|contesta|responde",
        "mama|mamá|papa|papá|madre|padre|suegra|suegro|abuela|abuelo|esposo|esposa|marido|mujer|hermana|hermano|hijo|hija|tia|tía|tio|tío|novio|novia|pareja ~ no ~ tiene|hace ~ sentido",
        "no ~ sabe|recuerda|acuerda ~ ni? ~ de? ~ su|mi ~ nombre|propio",
        "habla|hablando|dice|diciendo|dijo|decia ~ ~ incoherencias|incoherente|tonterias",
        # a story that doesn't hold together: "no hila nada de lo q dice"
        "no ~ hila|hilaba|hilvana|hilvanaba ~ nada|ni|bien|una|las|dos",
        "habla|hablando|dice ~ ~ cosas ~ sin ~ sentido",
        "no ~ dice|habla|decia|hablaba ~ ~ cosas ~ con ~ sentido",
        "no ~ me|nos|lo|la ~ reconoce|reconoció|reconocio",
        # "mi tia no reconoce a mi prima", "no reconoce a nadie"
        "no ~ reconoce|reconoció|reconocio|reconocia|reconocía ~ a ~ su|sus|mi|mis|nadie|nuestra|nuestro|nuestros|la|el|los|las",
        "confundido|confundida|desorientado|desorientada|delirando",
        "no ~ se ~ puede ~ mantener ~ despierto|despierta",
        "no ~ abre ~ los ~ ojos",
        "no ~ coordina|coordino|coordinaba",
        "muy|bien|super|re|demasiado ~ adormilado|adormilada|somnoliento|somnolienta",
        # answers that don't fit: "le pregunto si quiere agua y responde cosas raras"
        "responde|responda|contesta|conteste|respondiendo|contestando ~ cosas ~ raras|extranas|rarisimas|locas",
    ]),
    Symptom("organ_injury", EMERGENCY, [
        "belly|stomach|tummy|abdomen|abdominal ~ ~ ~ ~ hard|rigid|swell|bloat|bloated|distend|distended|board|rock",
        "hard|rigid|swollen|distended ~ ~ belly|stomach|tummy|abdomen",
        f"{BLEED} ~ ~ in ~ ~ urine|pee|wee|piss",
        "urine|pee|wee|piss ~ ~ ~ ~ blood|bloody|red|pink|brown|cola",
        "blood|bloody|red|pink ~ ~ in ~ the ~ toilet|loo|bowl ~ ~ ~ ~ ~ wee|pee|urinate|weeing|peeing|water|urine",
        "pee|peeing|wee|weeing|urinate|urinating ~ ~ blood",
        "flank|kidney|kidneys ~ ~ ~ pain|hurt|hurts|agony|killing|stab|stabbing|excruciating",
        "belly|stomach|tummy|abdomen|abdominal ~ pain|hurt|hurts|ache|agony ^ ^ ^ ^ ^ ^ faint|dizzy|lightheaded|pass",
        # told the other way round: "feel faint and my tummy really hurts", "vomiting and the pain in my flank is unbearable"
        "faint|dizzy|lightheaded ^ ^ ^ ^ ^ belly|stomach|tummy|abdomen ~ ~ ~ ~ hurt|pain|agony|kill|killing",
        "pain|ache|agony ~ in ~ my|the|his|her ~ flank|kidney|kidneys|side ~ ~ ~ unbearable|excruciating|horrendous|agony",
        "vomit|vomiting|throwing|sick ^ ^ ^ ^ ^ ^ flank|kidney|kidneys ~ ~ ~ ~ unbearable|excruciating|agony|horrendous|kill|killing",
        "sangre ~ en ~ ~ orina|pipi|pis",
        "meo|meando|mear|orino|orinando|orinar ~ con ~ sangre",
        "orina|orino|pipi|pis ~ ~ ~ sangre|roja|rojo|sangrienta",
        "barriga|panza|vientre|abdomen|estomago|tripa ~ ~ ~ dura|duro|hinchada|hinchado|inflamada|inflamado|rigida|rigido",
        "dolor ~ ~ ~ rinon|rinones|costado ~ ~ ~ fuerte|insoportable|horrible",
        "duele|dolor ~ ~ ~ ~ rinon|rinones",
        "estomago|panza|barriga|vientre|abdomen ^ ^ ^ ^ ^ no ~ me|se ~ puedo|puede ~ enderezar",
        "rinon|rinones ~ ~ ~ duele|duelen|dolor",
        "dolor ~ horrible|fuerte|insoportable|tremendo|terrible ~ en ~ el ~ costado ^ ^ ^ ^ ^ ^ vomite|vomito|vomitado|vomitando|devolvi",
        "hinchando|hinchado|hinchada|inflando|inflada ~ la|el|mi ~ panza|barriga|vientre|abdomen|tripa|estomago",
    ]),
    Symptom("spinal_cord", EMERGENCY, [
        "not|cannot ~ control|hold ~ ~ ~ bladder|bowel|bowels|pee|wee|poo|urine",
        "wet|pee|peed|soil|soiled ~ myself|himself|herself",
        "cannot|not ~ pee|wee|urinate|pass ~ ~ urine|water",
        "numb ~ ~ ~ between ~ ~ leg|legs",
        "numb ~ ~ ~ ~ bottom|bum|buttock|buttocks|groin|saddle|privates|genitals",
        "saddle ~ numb|numbness|anaesthesia|anesthesia",
        "not|cannot ~ feel ~ ~ toilet ~ paper|tissue",
        "bladder ~ ~ full ~ ~ ~ nothing|not ~ come|comes|coming",
        "not|didnt|cannot ~ realise|realize|feel|tell ~ ~ ~ ~ peed|pee|wee|weed|wet|poo|pooed|poop|pooped|shat",
        "numb|no ~ ~ ~ sensation|feeling ~ ~ ~ down ~ there",
        "numb ~ ~ around ~ ~ backside|bottom|bum|privates|groin",
        "both ~ leg|legs|arm|arms ~ ~ ~ ~ weak|numb|dead|give|gave|giving|buckle|buckling|collapse",
        "either|both ~ foot|feet|leg|legs",
        "leg|legs ~ ~ give|gave|giving ~ way|out",
        "no ~ puedo|puede ~ orinar|aguantar|controlar ~ ~ ~ orina|pipi|vejiga|esfinter",
        "no ~ puedo|puede|he|ha ~ podido? ~ orinar|mear|orino ~ desde|nada|en",
        "haven't|hasn't|havent|hasnt|not|no ~ peed|weed|urinated|pee|wee ~ ~ all ~ day",
        "haven't|hasn't|havent|hasnt|not|no ~ peed|weed|urinated|pee|wee ~ ~ since",
        # the clinical words a carer or nurse uses: "bilateral leg weakness", "urinary retention"
        "urinary|urine|bladder ~ retention",
        "retencion ~ ~ orina|urinaria",
        "bilateral ~ leg|legs|lower ~ limb? ~ weakness|numbness|weak|numb",
        "debilidad|entumecimiento ~ ~ ambas ~ piernas",
        "debilidad|entumecimiento ~ ~ las ~ dos ~ piernas",
        # urinary retention: "I need to wee but nothing comes out"
        "wee|pee|urinate|go ~ but ~ nothing ~ come|comes|coming",
        "not|cannot ~ feel ~ when ~ ~ ~ need ~ to ~ go|wee|pee",
        "ganas ~ de ~ orinar|hacer ~ ~ pero ~ no ~ sale|salia",
        "no ~ me ~ sale ~ ~ orina|pipi|nada ~ al ~ orinar",
        "no ~ siento ~ cuando ~ ~ ~ ~ bano|pis|pipi|orino|orinar",
        "no ~ siento ~ ~ trasero|nalgas|partes|entrepierna|genitales|pompis|culo",
        "me|se ~ hice|hizo|orine|orino ~ pipi|popo|encima",
        "entumido|adormecido|dormido|dormida|entumecido ~ ~ ~ entre ~ ~ piernas",
        # saddle numbness: "tengo dormida la entrepierna", "las nalgas adormecidas"
        "entumido|entumida|adormecido|adormecida|dormido|dormida|dormidas|entumecido|entumecida ~ ~ entrepierna|trasero|nalgas|genitales|pompis",
        "entrepierna|trasero|nalgas|genitales|pompis ~ ~ entumido|entumida|entumidas|adormecido|adormecida|adormecidas|dormido|dormida|dormidas|entumecida|entumecidas",
        "ambas|dos ~ piernas ~ ~ ~ debiles|dormidas|entumidas|adormecidas",
        "ambos|dos ~ brazos|manos ~ ~ ~ flojos|flojas|debiles|dormidos|dormidas|sin",
        "ambas|dos ~ piernas ~ ~ ~ no ~ responden|sirven|aguantan",
        # retention told as "not been able to", "sin poder"; legs that give way, numbness "acorchado"
        "not|cannot|unable ~ been? ~ able? ~ to ~ pee|wee|urinate|piss",
        "sin ~ poder ~ orinar|mear",
        "sin ~ poder ~ hacer ~ pis|pipi",
        "no ~ siento|sentia|siente ~ bien? ~ las|mis|sus ~ dos ~ piernas",
        "no ~ siento|sentia|siente ~ bien? ~ ambas ~ piernas",
        "aflojan|aflojaban|fallan|fallaban|doblan|doblaban ~ las|mis|sus? ~ dos|ambas ~ piernas",
        "perdi|perdido|perdio ~ la ~ fuerza ~ en ~ ambas|las|los ~ dos? ~ manos|piernas|brazos",
        "piernas ~ como ~ de ~ trapo|gelatina|goma|algodon",
        "moje|mojado|mojo ~ la ~ cama",
        "acorchado|acorchada|acorchados|acorchadas ~ ~ culo|trasero|nalgas|entrepierna|genitales|pompis",
        "escapado|escapo|escapa|salido ~ el|la ~ pis|pipi|orina ~ sin ~ darme|darse|darte ~ cuenta",
    ]),
    Symptom("sepsis", EMERGENCY, [
        "sepsis|septic|septicaemia|septicemia",
        "mottled|blotchy ~ ~ skin|legs|arms",
        "skin ~ ~ ~ mottled|blotchy",
        "mottled|mottling",
        "fever|temperature|shiver|chill ~ ~ ~ ~ ~ ~ confuse|confused|drowsy|delirious|disoriented|muddled|muddle|foggy|groggy",
        "feel|feeling ~ like ~ ~ ~ ~ die|dying",
        "siento|siente|sentia ~ como ~ si ~ me|se ~ fuera|fuese|va ~ a ~ morir",
        "sepsis|septicemia|septico|septica",
        "piel ~ ~ manchada|moteada|marmorea",
        "fiebre|escalofrios|temperatura ~ ~ ~ ~ ~ confundido|confundida|desorientado|desorientada|delirando",
        # fever with muddled speech as a carer tells it: "tiene fiebre y dice cosas raras"
        "fiebre|escalofrios|temblando|tiemblo|tiembla ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ dice|digo|decia ~ cosas ~ raras|incoherentes|sin",
        "fiebre|escalofrios ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ no ~ habla|hablaba ~ bien",
        "no ~ he|ha|hemos ~ hecho ~ pis|pipi ~ en ~ todo ~ el ~ dia",
    ]),
    Symptom("self_harm", EMERGENCY, [
        "kill|end|take|killing|ending|taking ~ myself",
        "end|take|ending|taking ~ my ~ own? ~ life",
        "suicide|suicidal|suicidial|sucidal|sucide|suicde|suiside|suicid|sucidial",
        "want|wanna|wish|ready ~ ~ ~ to? ~ die|dead",
        "not ~ want ~ to ~ live|wake|be ~ alive|here",
        "better ~ off ~ dead",
        "no ~ point|reason ~ ~ ~ living|live|alive",
        "overdose|overdosed|OD|OD'D|ODED",
        f"take|took|taken|swallow|swallowed|taking|necked|downed|popped ~ ~ ~ whole|all|entire|bottle|box|packet|pack|lot|handful|bunch|load ~ ~ ~ ~ {MEDICINES}",
        "too ~ many ~ ~ pill|pills|tablet|tablets|painkiller|painkillers|paracetamol|tylenol|ibuprofen|meds",
        "cut|cutting|hurt|hurting|harm|harming|burn|burning ~ myself|herself|himself",
        # in progress, told by the body part: "cutting my arm right now"
        "CUTTING ~ my|her|his ~ arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin",
        "self ~ harm|harming",
        "suicide|goodbye ~ note|letter|letters",
        "wrote|written|writing|left ~ ~ letters ~ to|for ~ ~ family|kids|children|everyone|everybody|wife|husband|parents",
        "not ~ need ~ ~ ~ after ~ tonight",
        "going ~ to ~ do ~ it ~ tonight|today|now|tomorrow",
        f"{MEDICINES} ~ ~ counted ~ out",
        "soga|cuerda ~ ~ lista|listo|preparada|colgada|atada|amarrada",
        "trague|tome|tomo|trago|tragado|tomado|tomé|tragué ~ las|los|todas|todos ~ ~ ~ que ~ me? ~ quedaban|quedaba|habia|tenia",
        "end|ending ~ it ~ all|tonight|today|now",
        # "im going to end it, i have a plan"
        "going|gon|want|wanna|ready ~ to|na ~ end ~ it",
        "end ~ everything",
        # a plan: "thinking a lot how to end it. I know how I will do it"
        "how ~ to ~ end ~ it|things|everything",
        "know|figured|decided|planned ~ out? ~ how ~ i ~ will|'ll|ll|would|'d|am|'m|m|gonna|going ~ to? ~ do ~ it",
        "cannot|not ~ go ~ on ~ ~ ~ ~ anymore|living",
        "cannot|not ~ go ~ on ~ ~ ~ ~ any ~ more|longer",
        "no ~ one|body ~ would ~ miss ~ me",
        "not ~ be ~ around|here ~ anymore|much|long|after|past|by",
        # a farewell in an admin request: "refund my package, i won't be around to use it"
        "not|n't|nt ~ be ~ around|here ~ to ~ use|need ~ it|them|those|the ~ sessions?",
        "not ~ ~ ~ be ~ around|here ~ much|long|anymore",
        f"#NUM ~ of ~ ~ ~ {MEDICINES}",
        "last ~ message",
        "jump ~ off|in|in front|under ~ ~ ~ bridge|building|roof|train|cliff|traffic",
        # asked as a question, still a disclosure: "is it normal to think about jumping off the bridge?"
        "JUMP|JUMPING|JUMPED ~ off|from|in|under|before ~ ~ ~ ~ bridge|building|roof|train|cliff|balcony|overpass",
        "have|got|bought ~ ~ rope|gun|pills",
        # "a blade", not "my wife's shoulder blade" ('s reads as "has")
        "have|got|bought ~ a|some|razor|new ~ blade|blades",
        "stop ~ being ~ ~ burden",
        # the means at hand, a farewell, a count beyond a dose
        "have|got|holding|hold ~ the ~ knife|razor|blade|rope|gun",
        "on|at ~ the ~ ledge",
        "take|took|taken|swallow|swallowed ~ ~ #NUM ~ of ~ them|those|these",
        "affairs ~ in ~ order",
        "goodbye ~ message|msg|text|txt",
        "mensaje ~ de ~ despedida",
        "not ~ wish|want ~ to ~ continue|go ~ on",
        "already ~ ~ say|said ~ ~ goodbye|goodbyes ~ to",
        f"{MEDICINES} ^ ^ ^ ^ ^ whole|entire ~ packet|box|bottle|strip|blister|pack|tub",
        f"take|took|taking|taken|swallow|swallowed ~ ~ {MEDICINES} ~ every ~ hour|half",
        f"like|about|around|maybe|over ~ #NUM ~ {MEDICINES}",
        # a count given as a range: "like 14 or 15 pills over the evening" (a dose below
        # OVERDOSE_COUNT, "1 or 2 tablets", is excluded by the detector)
        f"#NUM ~ or|to|o|a ~ #NUM ~ ~ {MEDICINES}",
        f"{MEDICINES} ~ with|and ~ beer|beers|wine|vodka|whisky|whiskey|booze|alcohol|rum|gin|tequila",
        # a plan told without the word: "I have a plan to end it this weekend", "I've
        # worked out how I'm going to do it and when", "I've made my plan"
        "plan|planned|planning ~ to ~ end ~ it|things|everything|myself",
        "end ~ it ~ this|tomorrow|soon|on ~ weekend|week|friday|saturday|sunday",
        "worked|figured ~ out ~ how ~ ~ ~ ~ ~ do ~ it ~ and ~ when",
        "how ~ ~ ~ ~ do ~ it ~ and ~ when",
        "made|have|got my plan",
        "lost ~ count ~ of? ~ how ~ many ~ ~ pill|pills|tablet|tablets|painkiller|painkillers|oxy|oxycodone|meds|i ~ took|took|had",
        "lost ~ count",
        "tonight ~ is ~ the ~ night",
        "tonights ~ the ~ night",
        "stockpiling|stockpiled|hoarding|hoarded ~ my? ~ ~ pills|meds|tablets|painkillers|medication",
        "wanted ~ someone|somebody ~ to ~ know ~ before ~ i ~ go",
        # a farewell (crisis-line practice): "this is goodbye. you were kind to me"
        "this ~ is ~ my? ~ goodbye|farewell",
        # a child who got into someone's medicines: "my 3 year old ate some of my tramadol"
        f"ate|eaten|eat|chewed|chewing ~ some|all|several|few|bunch|handful|lot|lots|one|two|three ~ of ~ ~ ~ {MEDICINES}",
        f"got|gotten|get|gets ~ into ~ ~ ~ ~ ~ ~ ~ ~ {MEDICINES}",
        "se ~ comio|comió|trago|tragó ~ ~ ~ ~ pastillas|pildoras|tabletas|calmantes|medicina|medicinas|tramadol|paracetamol|ibuprofeno",
        "make ~ it|everything ~ all? ~ stop ~ ~ for ~ good|forever",
        "make ~ it ~ all ~ stop",
        "on ~ purpose ~ ~ ~ ~ pill|pills|painkillers|tablets|meds|overdose",
        "swallow|swallowed|took|taken|necked|downed|popped ~ a? ~ load|loads|lot|lots|bunch|handful|heap|heaps|fistful|dozen|dozens ~ of? ~ ~ ~ oxy|oxycodone|codeine|tramadol|morphine|pills|tablets|tabs|painkillers|meds|sleeping",
        "burnt|burned|burning|burn ~ my ~ arm|arms|wrist|wrists|leg|legs|skin|thigh|thighs|stomach ~ ~ ~ ~ lighter|cigarette|iron|lighters",
        "swallow|swallowed|took|taken|necked|downed|popped|chugged ~ all ~ my ~ ~ oxycodone|codeine|tramadol|morphine|oxy|pills|tablets|painkillers|meds|medication|sleeping",
        "take|took|taken|swallow|swallowed|took ~ ~ ~ #NUM ~ ~ ~ naproxen|tramadol|codeine|co-codamol|oxycodone|oxy|aspirin|advil|aleve|motrin|nurofen|percocet|vicodin|sleeping|diazepam|valium|xanax|pills|tablets|paracetamol|tylenol|ibuprofen|acetaminophen|painkillers",
        "matarme|suicidarme|suicidio|suicida|matarse|suicidarse",
        "quitarme|quitarse ~ la ~ vida",
        "quiero|quiere ~ morir|morirme|morirse|desaparecer",
        "no ~ quiero|quiere ~ vivir|seguir|despertar",
        "sobredosis",
        "tome|tomo|trague|trago|tomado ~ ~ ~ todas|toda|todo|frasco|caja|bote|puñado|muchas|docena ~ ~ ~ pastillas|pastilla|pildoras|tabletas|calmantes|analgesicos",
        "demasiadas ~ pastillas|pildoras|tabletas|calmantes",
        # twice the dose, even by mistake (categories.yml: accidental overdose is an emergency)
        f"took|taken|take|had|swallowed ~ double|twice|triple ~ ~ ~ ~ {MEDICINES}|dose|dosage|amount",
        f"double|triple ~ dose|dosed ~ ~ ~ ~ {MEDICINES}",
        "tome|tomó|tomo|tomé|tomado ~ el|la? ~ doble|triple ~ de ~ ~ pastillas|dosis|paracetamol|ibuprofeno|tramadol|calmantes|naproxeno",
        "demasiados ~ paracetamoles|ibuprofenos|calmantes|analgesicos|tramadoles|comprimidos",
        "pistola|arma|gun|revolver ^ ^ ^ ^ ^ aqui|aquí|here|lista|listo|ready|cargada|loaded",
        "whisky|alcohol|vino|cerveza|tequila|ron|vodka ~ con ~ los|las|mis ~ ~ tramadoles|pastillas|calmantes|pildoras|tabletas",
        # a count of tablets taken, as in English (#NUM: a dose below OVERDOSE_COUNT is excluded)
        "tome|tomo|trague|trago|tomado|tomó|tragué|tomé ~ ~ ~ #NUM ~ ~ pastillas|pildoras|tabletas|calmantes|analgesicos|tramadol|paracetamol|ibuprofeno|clonazepam|diazepam",
        "cortarme|cortandome|cortarse|lastimarme|lastimandome",
        "quemando|quemo|queme|quemé ~ ~ ~ ~ con ~ el|un|la|una ~ encendedor|cigarro|cigarrillo|mechero|plancha|cerillo",
        "no ~ dejar ~ deudas",
        "ya ~ me ~ despedi|despedí ~ de",
        "tome|tomé|tomo|tomando|trague ~ ~ ~ paracetamol|ibuprofeno|pastillas|pastilla|calmantes|tabletas ~ cada ~ hora|media",
        "tome|tomo|trague|trago|tomado|tomó|tragué|tomé ~ ~ ~ #NUM ~ ~ ibuprofenos|paracetamoles|aspirinas|tylenoles|advils|naproxenos",
        "perdi|perdí ~ la ~ cuenta ~ de ~ ~ ~ pastillas|tabletas|calmantes|paracetamol|ibuprofeno",
        # counts in words, and pills with drink
        "tome|tomé|tomo|trague|tragué|tomado ~ ~ ~ ocho|nueve|diez|once|doce|quince|veinte|treinta|cuarenta|cincuenta ~ ~ pastillas|pildoras|tabletas|calmantes|tramadoles|ibuprofenos|paracetamoles|aspirinas|tramadol|paracetamol|ibuprofeno",
        "pastillas|pildoras|tabletas|calmantes|tramadoles|tramadol|ibuprofenos|paracetamoles|clonazepam|diazepam ~ con ~ cerveza|cervezas|alcohol|vino|tequila|whisky|ron|vodka",
        "me ~ estoy ~ cortando|lastimando",
        "corte|corto|cortando|cortado|raje ~ ~ ~ munecas|muneca|venas|brazos",
        "hacerme ~ dano",
        # "me voy a matar", "ya decidí acabar con todo": plans and intent (crisis-line practice)
        "me ~ voy|quiero|pienso ~ a? ~ matar|suicidar|quitar ~ la? ~ vida?",
        "acabar|terminar ~ con ~ mi ~ vida",
        "acabar|terminar ~ con ~ todo",
        # a plan made for tonight: "tengo todo preparado para terminar con esto esta noche"
        "preparado|preparada|planeado|planeada|decidido|decidida|listo|lista ~ para ~ terminar|acabar ~ con ~ esto ~ esta|hoy",
        "decidi|decidido|decidida ~ acabar|terminar|matarme",
        "no ~ vale ~ la ~ pena ~ vivir|seguir",
        "carta ~ de ~ despedida",
        # letters left for the family: "ya he dejado las cartas escritas para mis hijos"
        "dejado|deje|dejé|dejo|escrito|escribi|escribí|escribo ~ ~ las|unas? ~ cartas ~ ~ para|a ~ mis|mi ~ hijos|hijas|hijo|hija|familia|padres|esposa|esposo|marido|mujer|nietos",
        "cancelad|cancelen|cancela|cancele|cancelar ~ mis|todas ~ ~ citas ~ para ~ siempre",
        "cancel ~ all? ~ my ~ appointments|appts|sessions ~ forever",
        "ya ~ se ~ como|donde ~ hacerlo",
        "compre|compré|comprado ~ una|la ~ soga|cuerda",
        # a farewell letter beside a means: "ya tengo todo listo, la carta y la cuerda"
        "carta|nota|note|letter ^ ^ ^ ^ rope|cuerda|soga",
        "rope|cuerda|soga ^ ^ ^ ^ carta|nota|note|letter",
        # Means and plan in other words: "mañana me tiro del puente", "lo tengo planeado".
        "tiro|tirar|tirarme|aventarme|lanzarme|lanzo|avento ~ ~ de|del|por ~ ~ puente|edificio|balcon|azotea|techo|ventana|piso|metro|tren",
        "colgarme|ahorcarme|me ~ voy ~ a ~ colgar|ahorcar",
        # a carer telling of someone else's intent: "dijo que se iba a matar"
        "se ~ va|iba|quiere|queria ~ a? ~ matar|suicidar|colgar|ahorcar",
        "quiere|queria ~ quitarse ~ la ~ vida",
        "plan ~ para ~ matarme|morir|morirme|suicidarme|quitarme",
        # intent in the present tense, and too much of a medicine "by mistake" (categories.yml: an emergency)
        "me ~ quito|quitare ~ la ~ vida",
        "me ~ pase|pasado ~ con ~ el|la|las|los ~ paracetamol|ibuprofeno|pastillas|calmantes|tramadol|dosis|naproxeno",
        "llevo|llevaba ~ como? ~ #NUM ~ pastillas|pildoras|tabletas|comprimidos",
        "llevo|llevaba ~ como? ~ #NUM ~ ibuprofenos|paracetamoles|aspirinas|tramadoles|naproxenos|calmantes",
    ]),
    Symptom("compartment", EMERGENCY, [
        # pain out of all proportion, told by its effect: "he screams if you even touch it"
        "scream|screams|screaming|screamed|yells|yelling|cries|crying|howls ~ if|when ~ you|i|anyone|someone|we ~ even? ~ touch|touches|brush|brushes|graze",
        "swollen|swelling|puffy ~ and ~ shiny",
        "leg|calf|arm|forearm|thigh|shin|foot|hand ~ ~ ~ ~ ~ cold ~ and ~ pale|white|numb|blue",
        "cold ~ ~ ~ ~ and ~ pale|white",
        "fingers|toes|hand|foot ~ ~ gone|going|turned|turning ~ pale|white|blue",
        "tense|rock|hard ~ ~ ~ swell|swollen|swelling ~ ~ ~ ~ pain|agony|excruciating",
        "hinchazon|hinchada|hinchado ~ ~ ~ ~ dura|duro|durisima|tensa|tenso|enorme",
        "swell|swelling|swollen ~ up? ~ fast|quickly|rapidly ^ ^ ^ ^ rock|hard|tight|tense",
        "pie|pies|mano|manos|dedos|pierna|brazo ~ ~ frio|fria|frios|frias ~ y ~ blanco|blanca|blancos|blancas|palido|palida|morado|morada",
        "tenso|tensa|duro|dura ~ y ~ gordo|gorda|hinchado|hinchada ^ ^ ^ ^ ^ ^ ^ no ~ aguanto|aguanta|soporto|soporta ~ el ~ dolor",
        "hinchado|hinchada|hinchazon|tirante ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ no ~ deja ~ ni? ~ que ~ se|le|me? ~ lo|la? ~ toque|toquen|toquemos|roce|rocen",
        "hincha|hinchando|hinchandose|hinchándose ~ ~ ~ ~ ~ ~ ~ duro|dura|tenso|tensa",
        # swelling told by its speed: "la pierna que me pincharon hinchándose rapidísimo"
        "hinchando|hinchandose|hinchándose|inflando|inflandose|inflándose ~ muy|super|tan|demasiado? ~ rapido|rápido|rapidisimo|rapidísimo|rapidamente|rápidamente|deprisa",
        "pierna|brazo|gemelo|pantorrilla|muslo|antebrazo|pie|mano ~ ~ ~ ~ ~ como ~ un ~ globo",
        "hinchado|hinchada ~ y ~ tieso|tiesa|rigido|rigida|duro|dura|tenso|tensa",
        "puffed|swell|swollen|swelled|ballooned ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ tense",
        # swelling "so fast": "thigh swelling so fast where u did the needles"
        "swell|swelling|swelled|swollen ~ up? ~ so|really|super|very|too ~ fast|quickly|rapidly",
        # "swelled up ..., feels tight as a drum"
        "puffed|swell|swollen|swelled|ballooned ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ tight ~ as ~ a ~ drum",
        "finger|fingers|toe|toes ~ ~ pale|white|cold|blue",
        "leg|calf|arm|forearm|thigh|shin|pierna|brazo|antebrazo|gemelo|pantorrilla|muslo ~ ~ ~ ~ ~ rock ~ hard",
        "blow|blown|blew|blowing|puff|puffed|swell|swelled|swollen ~ up ~ like ~ a ~ balloon",
        "cannot|not ~ bear|stand|tolerate ~ the ~ sheet|sheets|blanket|duvet|covers",
        # swelling told by its speed, and pain on stretching the fingers or toes (the classic sign)
        "arm|leg|calf|forearm|thigh|shin|hand|foot ~ ~ ~ ~ fatter|bigger|swollen|swelling|puffier ~ by ~ the ~ minute|hour",
        "scream|screams|screaming|screamed|yells|yelling|cries|crying|agony ~ ~ when|if ~ ~ ~ try|tries|tried ~ to ~ straighten|stretch|move|bend ~ ~ fingers|toes|finger|toe|foot|hand",
        "hinchado|hinchada ^ ^ duro|dura ^ ^ ^ ^ ^ ^ dolor",
        # "leg massive swollen tight cant move foot"
        "swell|swollen|swelled ^ ^ ^ tight|tense|hard ^ ^ ^ ^ cannot|not ~ move|bend|wiggle ~ ~ foot|toes|toe|fingers|finger|hand|ankle|wrist",
    ]),
    # --- urgent: the clinic or a doctor the same day ---
    Symptom("heavy_bleeding", URGENT, [
        f"start|started|starts|starting ~ ~ ~ {BLEED} ~ again",
        f"{BLEED} ~ ~ ~ again|restart|restarted|back",
        f"{BLEED} ~ ~ ~ ~ ~ every ~ time",
        f"{BLEED} ~ ~ ~ ~ ~ every ~ ~ hour|hours|few",
        "stop|stops ~ then ~ start|starts",
        "para|paro ~ ~ ~ y ~ ~ ~ empieza|empezo|vuelve|volvio",
        "empezo|empieza ~ de ~ nuevo",
        "volvio|vuelve|volvia ~ a ~ sangrar",
        "sangrar|sangrando|sangra ~ ~ otra ~ vez",
        "sangrar|sangrando|sangra ~ ~ de ~ nuevo",
        "sangro|sangraba|sangre ~ ~ ~ otra ~ vez",
        "sangro|sangraba|sangre ~ ~ ~ de ~ nuevo",
        # bleeding that stopped and started again (categories.yml, heavy_bleeding urgent_when)
        "blood|bleed|bleeding|bled ^ ^ ^ ^ ^ ^ ^ ^ restarted|restarts|restarting",
        "stopped|stops ^ ^ restarted|restarts|restarting",
        "blood|bleed|bleeding|bled ^ ^ ^ ^ ^ ^ ^ ^ starts|started|starting ~ again",
        # found again after it had stopped: "stopped last night but there's fresh blood on my shirt"
        "stopped|stop|paro|paró ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ fresh|new|nueva|fresca ~ blood|sangre",
        "dejo ~ de ~ sangrar ^ ^ ^ vuelve ~ a ~ empezar|sangrar",
    ]),
    Symptom("syncope_collapse", URGENT, [
        # A faint with full recovery: the detector lowers plain "fainted" to urgent when the
        # message says the person came round and is well (syncope_recovered in detector.py).
        "desmaye|desmayo|desmaya|desmayado|desmayada|desvanecio|desvaneci",
        # "se privó", "quedó privada"; not "pagar por privado", "seguro privado"
        "privo|prive|privarse",
        "quedo|quedó|estaba|estuvo|quedaba|quede|quedé ~ privado|privada",
        "patatus|patatús|soponcio|telele|vahido|vahído",
        # "me fui al suelo": went down; "al piso" only with how long (in Spain "el piso" is a flat)
        "me|se ~ fui|fue ~ al ~ suelo",
        "me|se ~ voy|va|iba ~ al ~ suelo",
        # "se me fue el mundo": everything went (blacked out)
        "se ~ me|le ~ fue|va ~ el ~ mundo",
        "me|se ~ fui|fue ~ al ~ piso ~ unos|un|por ~ segundos|segundo|momento|ratito|rato",
    ]),
    Symptom("haematoma", URGENT, [
        "bruise|lump|swell|swelling|bump ~ ~ ~ ~ ~ big|bigger|grow|growing|grows|grew|larger|spread|spreading|expand|expanding",
        "grow|growing|expanding|spreading ~ bruise|lump|bump|swelling",
        # a patch told by its colour: "purple patch expanding, 3cm yesterday 7cm today"
        "purple|blue|black|dark|bluish|purplish ~ patch|mark|spot|area|blotch ~ ~ ~ ~ expanding|spreading|growing|bigger|larger",
        # "the swelling at the back of my arm is spreading"
        "bruise|lump|swell|swelling|bump ~ ~ ~ ~ ~ ~ ~ ~ spread|spreading|expand|expanding",
        "hematoma|haematoma",
        "bruise|lump|swelling|bump ^ ^ ^ ^ ^ ^ ^ ^ bigger|larger|growing",
        "bruise|lump|swell|swelling|bump ~ ~ ~ ~ ~ twice|double|doubled|tripled",
        "bruise|bruising|hematoma|haematoma ^ ^ ^ ^ ^ ^ ^ ^ ^ doubled|tripled",
        "no ~ para|deja ~ de ~ crecer",
        "no ~ para|deja ~ de ~ extenderse|agrandarse|expandirse|crecer",
        "moreton|morete|hematoma|cardenal|chichon|bolita|bulto|bola|hinchazon ~ ~ ~ ~ crece|creciendo|grande|agrandando|aumenta|aumentando",
        # grown since: "un moretón q empezó chiquito y ahora le cubre media espalda"
        "moreton|morete|hematoma|cardenal|morado|mancha ^ ^ ^ ^ ^ ^ ^ ^ cubre|cubriendo|extiende|extendiendo|expande|esparce|abarca",
        # a bruise still growing: "now the size of my hand and still growing", "cada vez más grande"
        "bruise ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ still ~ growing|spreading",
        "size ~ of ~ my|a|his|her ~ hand|palm|fist ^ ^ ^ still ~ growing|spreading",
        "moreton|morado|cardenal|hematoma ^ ^ ^ ^ ^ cada ~ vez ~ mas ~ grande",
        "bolita|bulto|bola ~ dura|duro ^ ^ ^ ^ ^ ^ ^ ^ creciendo|crece",
    ]),
    Symptom("retained_needle", URGENT, [
        "needle ~ ~ ~ ~ broke|broken|snap|snapped|break|stuck|left",
        # "a bit of the needle", not "a bit of blood where one needle came out"
        "piece|tip|fragment|part ~ of ~ the|a|an|that|this|one|my|her|his|their|your? ~ needle",
        "piece|tip|fragment|part ~ of ~ one ~ of ~ the|my|her|his|their|your|those? ~ needle|needles",
        # "a bit" is also "a little": "a bit wary of people sticking needles in me", "a bit of a needle phobia"
        "bit of the|that|this|one|my|her|his|their|your? NEEDLE|NEEDLES",
        "bit of one of the|my|her|his|their|your|those? NEEDLE|NEEDLES",
        "piece|bit|tip|fragment|part ~ of ~ what ~ look|looks|seem|seems|feel|feels ~ like ~ a|the? ~ needle",
        "piece|bit|tip|fragment|part ~ stayed|left|stuck|remained ~ in|inside|behind",
        "something|metal|bit ~ ~ sharp|metal|hard ~ ~ under|in ~ ~ skin",
        "metal ~ ~ ~ poke|poking|stick|sticking",
        "sharp ~ point|bit|tip ~ under|in ~ ~ skin",
        "speck|sliver|splinter ~ ~ ~ ~ needle|where",
        "tip|point|piece|bit|end ~ ~ sticking|poking|stick|poke ~ out",
        # a count that doesn't add up: "she took out fewer than she put in"
        "took|take|pulled|counted ~ out? ~ fewer|less ~ needles? ~ than",
        "something ~ ~ poke|poking|sticking ~ out",
        "something ~ ~ sticking|stuck ~ in ~ her|his|my|the|their ~ skin",
        "tiny|small|little ~ dark|black|metal|metallic|shiny|silver ~ tip|point",
        "something ~ metal|metallic|hard|sharp ~ in|under ~ my",
        "like ~ a ~ splinter|splinters",
        "hard|sharp|metal|metallic ~ ~ point|tip|bit|thing|speck ~ under ~ the? ~ skin",
        "tip|bit|piece ~ ~ ~ ~ visible|showing|poke|poking|stick|sticking ~ ~ ~ skin",
        "silver|metal|metallic|shiny ~ ~ point|tip|bit|thing|speck|piece ~ ~ ~ ~ ~ skin",
        "astillita|astillitas|alambrito|puntita ~ ~ ~ ~ piel|adentro|dentro|debajo",
        "alambre|alambrito|astilla|espina|metalico|metalica ~ ~ ~ ~ piel|adentro|dentro|debajo",
        "alambrito|alambre|puntita|metalito|astillita ~ ~ asomando|asoma|saliendo|sobresale|sobresaliendo",
        "se ~ me ~ clava ~ algo",
        "algo ~ ~ clavado|brillante|duro",
        "cosa|algo ~ duro|dura ~ que ~ pincha|pica|clava|punza",
        "salio|salió|saco|sacó|salieron ~ toda? ~ doblada|chueca|torcida|rota|sin ~ punta?",
        # the needle came out shorter than it went in: a piece may be left inside
        "salio|salió|saco|sacó|salieron ~ mas|más ~ corta|cortita|chiquita|pequena|pequeña",
        "needle ~ ~ came|come|looked|was ~ out? ~ shorter",
        "puntita|punta ~ ~ ~ ~ piel|pierna|brazo|cuello|espalda",
        "pedazo|trozo|punta|pedacito ~ de ~ ~ aguja",
        # "parte" is also a part of an act: "la parte mecanica de meter una aguja"
        "parte ~ de la|una|esa|esta|mi|su ~ aguja",
        "half|part ~ a|of ~ the? ~ needle",
        "the ~ other ~ half|bit|part|piece ~ ~ ~ still ~ in",
        "spike|prickle|sliver|splinter ~ ~ ~ ~ ~ under ~ the? ~ skin",
        "aguja ~ ~ ~ ~ rompio|quebro|rota|quebrada|quedo|adentro",
        "rompio|rompió|partio|partió|quebro|quebró ~ una|la ~ ~ ~ aguja|agujas",
        "agujas|aguja ~ se ~ partio|partió|rompio|rompió|quebro|quebró",
        "aguja ~ ~ ~ ~ crack|crac|trono|tronó|chasquido|chasqueo",
        "saco|sacó|sacaron|quito|quitó ~ menos ~ ~ de ~ las|lo ~ que",
        "pedacito|trocito|pedazo ~ de ~ metal|aguja",
    ]),
    Symptom("allergic_local", URGENT, [
        "rash|hive|hives|welt|welts|blister|blisters|blistering",
        "allergic|allergy ~ reaction",
        # told by their look: "small water bubbles on skin in the places of needles"
        "water|fluid|little|small|tiny ~ bubble|bubbles ^ ^ ^ ^ ^ ^ ^ needle|needles|needled|spot|spots|site|sites",
        "ronchas|sarpullido|urticaria|erupcion|ampollas|salpullido|habones",
        "bulto|bola|chichon ~ ~ ~ ~ creciendo|crece",
        "se ~ hace|pone ~ mas ~ grande",
        "reaccion ~ alergica",
        "itchy ~ bumps|spots|patches|welts|blotches|lumps",
        "itchy ~ and ~ bumpy|lumpy|raised|blotchy|spotty",
        "itch|itches|itching|itchy ~ like ~ crazy|mad|hell",
        "red ^ ^ ^ itchy|itch|itches|bumpy|raised|bumps",
        "granitos|ronchitas|habones|bultitos|puntitos ~ ~ ~ ~ pican|pica|picazon|comezon",
        "ampollas|ampollitas ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ agujas|pinchazos|puncion|pinchazo",
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
        "pierna|brazo|mano ~ ~ ~ debil|dormida|dormido",
        "pierna|brazo|mano ~ ~ ~ sin ~ fuerza",
        # a foot that drops: "my foot keeps slapping down", "arrastro el pie", "se me cae la punta del pie"
        "FOOT ~ ~ SLAPPING|SLAPS|DROPPING|DRAGS|DRAGGING",
        "arrastro|arrastra|arrastrando ~ el|la ~ pie|pierna",
        "se ~ me|le ~ cae ~ la ~ punta ~ del? ~ pie?",
    ]),
    Symptom("infection", URGENT, [
        "pus|supura|supurando|infectado|infectada|infeccion|infectada",
        # told by what comes out: "larga un liquido amarillento"
        "liquido|liquidito|agua|agüita|aguita ~ amarillo|amarillento|amarillenta|verde|verdoso|verdosa|turbio|turbia|espeso",
        "enrojecido|enrojecida|roja|rojo|caliente ~ ~ ~ ~ hinchado|hinchada|caliente|extiende|crece|calor",
        "fiebre|escalofrios|calentura|febril",
        "temperatura ~ ~ alta",
        "rojo|roja|enrojecimiento|rojez ~ ~ ~ se ~ extiende|crece|esparce",
        "lineas|rayas ~ rojas",
        # a red line running up from the site (lymphangitis): "una línea roja que sube"
        "linea|raya ~ roja ~ que ~ sube|va|avanza|sigue",
        "linea|raya ~ roja ~ que ~ se ~ extiende",
    ]),
    Symptom("worsening_pain", URGENT, [
        "cada ~ vez ~ peor",
        "peor ~ que|q ~ nunca",
        "paracetamol|ibuprofeno|calmante|analgesico|nolotil|tramadol ~ ni ~ me|le ~ lo|la? ~ toca|hace",
        "ningun|ningún|ninguna ~ analgesico|analgésico|calmante|pastilla|medicina ~ me|le ~ hace|hacen ~ nada",
        "peor ~ que|q ~ el ~ primer|primero ~ dia?",
        "ido|va|sigue|vaya|iba ~ en ~ aumento",
        # "no se me va, al contrario, va a más": it grows
        "ido|va|sigue|vaya|iba|fue ~ a mas|más",  # not "va a durar más o menos"
        "lejos ~ de ~ remitir|mejorar|calmarse|quitarse",
        "no ~ para ~ de ~ aumentar|crecer|empeorar|subir",
        "dolor ~ ~ ~ no ~ aguanto|soporto",
        "peor ~ aun|aún|todavia|todavía",
        "ni ~ el? ~ ibuprofeno|tylenol|paracetamol|analgesico|calmante|naproxeno|advil|aleve|nolotil|tramadol ~ ~ ~ ~ ~ nada|sirve|funciona",
        # "nada me lo quita, ni el naproxeno"
        "nada ~ me|le ~ lo|la ~ quita|calma ^ ^ ni ~ el|la|los|las? ~ ibuprofeno|tylenol|paracetamol|analgesico|analgesicos|calmante|calmantes|naproxeno|advil|aleve|nolotil|tramadol|pastillas",
        "peor ~ que|q ~ ~ ayer|antes",
        "duele ~ mas|más ~ que|q",
        "no ~ me|le ~ hacen|hace ~ efecto",
        "cada ~ vez ~ mas ~ dolor",
        "empeora|empeorando|empeorado|empeoro",
        "dolor ~ ~ ~ ~ peor ~ ~ ~ ~ dias|dia",
        "worse|more ~ ~ every|each ~ day",
        "worse|worsening ~ not|n't|no ~ better",
        "increase|increased|increasing|increases ~ ~ every|each ~ day",
        "10/10",
        "10|ten ~ out ~ of ~ 10|ten",
        "painkiller|painkillers|naproxen|ibuprofen|paracetamol|tylenol|advil|meds|codeine|tramadol ~ not|n't|nothing ~ touch|touching|help|helping|work|working",
        # "neither of my painkillers make any difference", "the tablets make no difference"
        "neither|none ~ of ~ my|the ~ painkiller|painkillers|tablets|pills|meds|medications|medicines ~ make|makes|made|is|are ~ any|a ~ difference",
        "painkiller|painkillers|tablets|pills|meds|medication|medicine|ibuprofen|paracetamol|tylenol|advil|codeine ~ ~ make|makes|made|making ~ no ~ difference",
        # red-flag round 29: "cada día me duele más", "va a peor", "en vez de mejorar", "ni con ibuprofeno se me calma"
        "cada ~ dia ~ me|le? ~ duele|dolia ~ mas",
        "cada ~ dia ~ es|esta|va ~ peor",
        "va|ido|vamos|fue ~ a ~ peor",
        "en ~ vez ~ de ~ mejorar|mejor",
        "ni ~ con ~ ibuprofeno|paracetamol|analgesico|calmante|nolotil|tramadol|naproxeno|pastillas ^ ^ ^ ^ ^ se ~ me|le ~ calma|quita|pasa",
        "nurofen|panadol|ibuprofen|paracetamol|tylenol|advil|codeine|naproxen ~ DONT|DOESNT|NT|N'T|N’T ~ even? ~ touch|touching|help|helping|work|working",
        "more ~ painful|sore ~ on ~ day ~ #NUM|three|four|five|third|fourth|fifth ~ than",
        "every ~ day ~ getting|gets|get ~ more? ~ worse|worst",
    ]),
    Symptom("dizziness", URGENT, [
        "mareo|mareos|mareado|mareada|vertigo ~ ~ ~ ~ vuelve|vuelven|regresa|regresan|sigue|siguen",
        "mareo|mareos|mareado|mareada|vertigo ~ ~ ~ ~ todo ~ el ~ dia",
        "mareo|mareos ~ que ~ no ~ se ~ ~ ~ ir|van|quitan|quita|pasan|pasa",
        "mareo|mareos|mareado|mareada|vertigo ~ ~ ~ ~ otra ~ vez",
        "mareo|mareos|mareado|mareada|vertigo ~ ~ ~ ~ de ~ nuevo",
        "sigo|sigue ~ ~ mareando|mareado|mareada",
        "vuelvo|vuelve ~ a ~ marearme|marearse",
        "da|dan ~ vueltas",
        "mareo|mareos ~ que ~ van ~ y ~ vienen",
        "siguen|sigue|vuelven|vuelve ~ ~ viniendo|dando ~ ~ mareo|mareos",
        "mareos|mareo ~ a ~ cada ~ rato",
        "mareada|mareado ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ no ~ se ~ me ~ pasa|quita|va",
        # lasting hours (categories.yml urgent_when): "llevo toda la tarde mareado, 5 horas ya"
        "llevo|lleva|llevamos ~ toda ~ la ~ tarde|noche|manana|mañana ~ mareado|mareada",
        "llevo|lleva|llevamos ~ #NUM ~ horas ~ mareado|mareada",
        "llevo|lleva|llevamos ~ dos|tres|cuatro|cinco|seis|varias|unas ~ horas ~ mareado|mareada",
        "mareado|mareada|mareo|mareos ~ ~ ~ toda ~ la ~ tarde|noche|manana|mañana",
        "mareado|mareada|mareo|mareos ~ ~ desde ~ hace ~ ~ ~ horas",
    ]),
    # --- Spanish for the first categories ---
    Symptom("breathing", EMERGENCY, [
        # winded by a few steps at home: "me canso caminando al baño, tengo q sentarme"
        "me ~ canso|agito|ahogo|cansa|agita|ahoga ~ ~ caminando|andando|yendo ~ ~ al|a|hasta ~ el|la? ~ bano|baño|cocina|cuarto|puerta|sala|cama",
        "me ~ canso|agito|ahogo|cansa|agita|ahoga ~ ~ al ~ caminar|andar|ir ~ ~ al|a|hasta ~ el|la? ~ bano|baño|cocina|cuarto|puerta|sala|cama",
        "no ~ puedo|puede|podia|pude|podemos ~ ~ respirar",
        # Spanglish and pleuritic pain: "no puedo breathe bien", "como cuchillada al respirar"
        "no ~ puedo|puede ~ breathe|catch",
        "cuchillada|punzada|pinchazo|puñalada|punalada|navajazo ~ ~ ~ ~ respirar|respiro|inspirar|inspiro|jalar|jalo|tomar ~ aire",
        "pulmon|pulmones ~ no ~ se? ~ me|le? ~ llena|llenan",
        "me|le|nos ~ falta|faltaba|falto ~ ~ aire|respiracion",
        "falta ~ de ~ aire",
        "dificultad|problema|problemas|trabajo ~ ~ para|al ~ respirar",
        "me|le|se ~ ahogo|ahoga|ahogando|asfixio|asfixia",
        "ahogo|ahogandome|ahogandose|asfixia|asfixiando|asfixiandome|ahogarse|ahogarme|asfixiarse|asfixiarme",
        # a double negation: "no puede dar un paso sin ahogarse"
        "no ~ puedo|puede|podia|pude ~ ~ ~ ~ ~ sin ~ ahogarme|ahogarse|asfixiarme|asfixiarse|jadear",
        "no ~ puedo|puede|podia|pude ~ ~ ~ ~ ~ ~ ~ ~ sin ~ quedarme|quedarse ~ sin ~ aire|aliento",
        # "no respiro bien ayuda"
        "no ~ respiro|respira|respiramos ~ bien",
        "cuesta|costaba|cuesta|costando|cuestan ~ ~ respirar",
        "respirar|respiro|respira ~ ~ ~ duele|dolor|cuesta|dificil|mal|raro",
        "sin ~ aliento|aire",
        "no ~ me|le|m ~ alcanza ~ ~ aire|respiracion",
        "no ~ me|le|m ~ entra ~ ~ aire",
        "no ~ me|le|m ~ da|llega ~ el ~ aire",
        "cuesta|costaba ~ ~ coger|agarrar|tomar|jalar ~ ~ aire",
        "no ~ puedo|puede ~ coger|agarrar|tomar|jalar ~ ~ aire",
        "no ~ puedo|puede ~ terminar|acabar ~ ~ frase|oracion",
        "no ~ consigo|logro|consigue|logra ~ terminar|acabar ~ ~ frase|oracion",
        # short breath and a new dry cough with shoulder pain, as told (categories.yml: pneumothorax)
        "respiracion ~ cortita|corta|entrecortada",
        "tos|tosecita ~ seca ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ hombro|omoplato|costado|costilla|costillas",
        "jalo|tomo|cojo|respiro|inspiro ~ aire? ~ hondo|profundo ^ ^ ^ ^ ^ ^ punzada|pinchazo|dolor|cuchillada|duele",
        "labio|labios|boca|cara ~ ~ ~ morado|morados|moradas|azul|azules",
        "pinchazo|punzada|dolor|duele|cuchillada ^ ^ ^ ^ ^ ^ ^ ^ respiro|respirar|inspiro|respira ~ hondo|profundo",
        "jadeando|jadeo|jadeaba|jadeante|resoplando ~ como ~ si ~ hubiera|hubiese ~ corrido",
    ]),
    Symptom("chest_pain", EMERGENCY, [
        "dolor|dolores|presion|opresion|punzada|pinchazo|ardor|peso|pesadez|pesades|apreton ~ ~ ~ ~ pecho",
        "pecho ~ ~ ~ ~ duele|dolor|apretado|apretada|oprime|presion|arde|quema|aprieta",
        "duele|dolia|dolio ~ ~ ~ pecho",
        "infarto|ataque ~ al ~ corazon",
        "dolor|opresion|presion|peso ~ toracico|toracica|toracicos",
        "dolor|opresion|presion ~ en ~ el ~ torax",
        "pecho ~ ~ ~ pesado|pesada|pesadisimo|losa|aplastado",
        "pecho ~ ~ ~ ~ puño|puno|prensa|tenaza|apretado",
        "elefante|yunque ~ ~ ~ ~ ~ pecho",
        "dolor|presion|opresion|punzada|peso ~ ~ ~ en ~ medio|mitad|centro ~ del ~ pecho",
        "corazon ~ me|le? ~ va|late|iba ~ a ~ mil|tope ^ ^ ^ ^ ^ ^ ^ ^ caer|caigo|desmayar|desmayo|desmayarme",
    ]),
    Symptom("heavy_bleeding", EMERGENCY, [
        "no ~ para|deja|paraba|dejaba ~ de ~ sangrar",
        "sangrando|sangra|sangrado|sangre ~ ~ ~ mucho|muchisimo|bastante|chorros",
        "sangrando|sangra|sangrado|sangre ~ ~ ~ sin ~ parar",
        "sangrando|sangra|sangrado|sangre ~ ~ ~ no ~ para|deja|se ~ detiene|corta",
        "mucha|muchisima|tanta|demasiada ~ sangre",
        "empapado|empapada|empapa|empapando|empapo ~ ~ ~ ~ sangre",
        "chorro|chorrea|chorreando|brota|brotando ~ ~ sangre",
        "hemorragia",
        # "un charquito de sangre en el piso"
        "charco|charcos|charquito|charquitos ~ de ~ sangre",
        "sangrado|sangre ~ que ~ no ~ se? ~ detiene|para|corta",
        # "me sigue sangrando", "llevo 10 min apretando y no para"
        "sigue|sigo|siguen ~ ~ sangrando",
        "llevo|lleva|llevamos ~ ~ ~ ~ min|mins|minutos ~ apretando|presionando|haciendo ~ presion? ~ ~ ~ no ~ para",
        f"{BLEED} ~ que ~ no ~ para|paro|paraba|detiene|corta",
        "presion|presión ^ ^ ^ ^ ^ y ~ nada",
        "gasa|gasas|toalla|toallas|curita|curitas|vendaje ~ ~ ~ empapada|empapadas|empapado|empapados",
        "empapada|empapadas|empapado|empapados ~ ~ una ~ tras ~ otra",
        "sangre ~ a ~ chorro|chorros|borbotones",
        "sangra|sangrando|sangrado ~ ~ ~ ~ ~ sin ~ parar",
    ]),
    Symptom("coughing_blood", EMERGENCY, [
        "cof|tos|toser|toso|tose|tosiendo|tosi|escupo|escupe|escupiendo|vomito|vomita|vomitando|vomitar|devolvi|devolvio|devolviendo|devuelvo|devolver ~ ~ ~ sangre",
        "flema|flemas|gargajo|esputo ~ ~ ~ ~ sangre|rosada|rosadas|sanguinolenta",
        "escupi|escupo|escupe|escupiendo|escupir|tosi|toso|tose|tosiendo|toser ~ ~ ~ rojo|roja",
        "sangre ~ ~ ~ ~ ~ ~ tosi|toso|tose|tosiendo|toser|tos|escupi|escupir|escupo",
        # vomit like coffee grounds is old blood (telephone-triage practice)
        "posos|pozos|borra ~ de ~ cafe",
        "vomitado|vomite|vomité|vomitó|vomitamos ~ ~ ~ ~ sangre",
        "panuelo|pañuelo|kleenex|servilleta|papel|flema ^ ^ ^ rojo|roja|sangre ^ ^ ^ ^ toser|tosi|tosiendo|tos",
        "tosio|tosi|tose|toso|tosiendo ~ y ^ ^ ^ ^ ^ sangre",
        "saliva ~ ~ ~ sangre|rosada|roja",
    ]),
    Symptom("syncope_collapse", EMERGENCY, [
        "se ~ desmayo|desmaya|desmayaron ~ ~ ~ ~ no ~ despierta|responde|reacciona",
        "desmayo|desmaya|desmaye|desmayar ~ ~ ~ otra ~ vez",
        "desmayo|desmaya|desmaye|desmayar ~ ~ ~ de ~ nuevo",
        "segunda|tercera ~ vez ~ ~ ~ desmaya|desmayo",
        "volvio|volvi|vuelve ~ a ~ privar|privarse|desmayar|desmayarse",
        "privo|prive|privaron ~ ~ ~ ~ otra ~ vez",
        "privo|prive|privaron ~ ~ ~ ~ de ~ nuevo",
        "inconsciente|desmayado|desmayada|desplomo|desplomado|desplomada|colapso",
        "me|se ~ fui|fue ~ al ~ piso|suelo ~ otra|de ~ vez|nuevo",
        "me|se ~ fui|fue ~ al ~ piso|suelo ^ ^ ^ #NUM|dos|tres ~ veces",
        "se ~ me|le ~ fue|va ~ el ~ mundo ^ ^ ^ ^ #NUM|dos|tres|varias ~ veces",
        "cai|caí|cayo|cayó ~ redonda|redondo|redondita|redondito",
        # not coming round, or a head struck in the fall
        "no ~ vuelve|volvia|vuelva ~ en ~ si",
        "desmayo|desmaye|desmayado|desmayada|desvanecio|desvaneci|desvanecido|desvanecida ^ ^ ^ ^ ^ ^ ^ ^ pego|golpeo|golpe|golpazo|dio ~ ~ en|con ~ la ~ cabeza",
        "no ~ logro|puedo|consigo|podemos ~ mantenerlo|mantenerla|despertarlo|despertarla|despertarle",
        "desmayar|desmayarse|desmayado|desmayada|desmayo ~ por ~ segunda|tercera ~ vez",
        "no ~ responde|reacciona|despierta|contesta",
        # "lleva 2 minutos sin reaccionar", "sigue sin despertar"
        "lleva|llevaba|sigue|seguia ~ ~ ~ ~ sin ~ reaccionar|despertar|despertarse|reaccion|conocimiento",
        "perdio|perdi|pierde ~ el ~ conocimiento|sentido",
        "se ~ cayo|desplomo ~ ~ ~ ~ no ~ responde|despierta|reacciona",
    ]),
]

# Words that name a red-flag symptom without saying how bad it is.
SYMPTOMS += [
    # Not "wake" or "woke": "woke up this morning stiffer than yesterday" names a time, not a
    # symptom, and a sentence with a named symptom is read on its own (red_flag_gate.py); not
    # waking is an emergency phrase of its own (altered_consciousness).
    Symptom("symptom mention", MENTION, [
        f"{BREATHE}|{BLEED}|chest|faint|lip|throat|tongue|cough|fever|temperature|pus|infect|red|swell|numb|tingle|weak|dizzy|collapse|conscious|sob|lung|heart",
        "air|pain|hurt|ache|agony|floor|pale|blue|sweat|sweaty|clammy|vomit|choke|gasp|seizure|fit|unresponsive|respond|confuse|confused|drowsy|tight|pressure|stab|swallow|rash|hive|hives|hot|spread|ooze|chill|shiver|vertigo|spin|spinning|wheeze|rib|ribs",
        "PANTING|PANTED|PANTIN",
        FAINT_VERBS,
    ]),
    # The common, mild faintness right after a session (seed 000 "Common Side Effects"):
    # a denied mention, so it alone never makes the classifier's red-flag reading stand.
    Symptom("mild faintness", IDIOM, [
        "feel|felt|feeling|bit|little|slightly|mildly|abit|tad ~ FAINT",
        # "nearly fainted when I stood up, fine now" (seed 004: sit and rest)
        "NEARLY|ALMOST|ALMOSTT ~ FAINTED|FAINT|FEINTED|PASSED|BLACKED",
        # a reaction to news: "nearly passed out when I told him it's needles"
        "NEARLY|ALMOST|ALMOSTT ~ PASSED|BLACKED ~ OUT ~ when|at|seeing|reading|hearing",
        "casi ~ me ~ desmayo|desmaye|caigo",
        # "es normal sentirse cansado o medio desmayado justo al terminar?" (a feeling, asked)
        "sentirse|sentir|siento|senti|sentia|sentí|sentía ~ ~ ~ ~ medio|algo|poco|poquito|tantito ~ desmayado|desmayada",
        # a little dizziness on getting up from the table (seed 004: sit and rest)
        "mareito|mareadito|mareadita|mareaito ^ ^ al ~ pararme|levantarme|pararse|levantarse|incorporarme|bajarme",
    ]),
    # A fever that comes with a cold or the flu, told when asking whether to come in: the
    # "unwell" answer (call the clinic first), not an infection from the needling.
    Symptom("fever with a cold", IDIOM, [
        "cold|flu|gripa|gripe|resfriado|catarro|covid|virus|bug ^ ^ ^ ^ ^ ^ fever|fiebre|temperature|calentura|temp",
    ]),
    Symptom("figure of speech", IDIOM, [
        # a muscle in spasm, not a seizure: "back seized up moving furniture"
        "back|neck|muscle|muscles|shoulder|shoulders|calf|calves|hamstring|hamstrings|hip|knee|jaw|quad|quads|glute|glutes|"
        "traps|trap|spine|leg|legs|arm|everything ~ seized|seizes|seizing|seize ~ up",
        # out of money: "ando pelada este mes", "estoy pelao"
        "ando|estoy|andamos|estamos|quede|quedé|quedo|quedó ~ bien|super|re? ~ pelado|pelada|pelados|peladas|pelao|pela",
        # an infection somewhere needles were not: "antibiotics for a tooth infection"
        "tooth|ear|throat|sinus|bladder|urinary|dental|gum|yeast|chest ~ infection|infections",
        "infeccion|infecciones ~ de|en ~ la|las|el|los|una? ~ muela|muelas|diente|dientes|oido|oidos|garganta|orina|vejiga|encia|encias|pecho",
        "infeccion|infecciones ~ urinaria|urinarias|dental|dentales",
        # muscle knots as patients describe them: "my massage therapist finds these hard little lumps"
        "these|those hard little|small? lumps|knots|bumps",
        # a long-standing foot complaint on both sides is no bilateral sign: "plantar fasciitis both feet"
        "plantar ~ fasciitis|fascitis|fasciits|fasciitus ~ ~ in? ~ both|either ~ foot|feet|heel|heels",
        # what aggravates an old pain, not pain climbing: "aches when I climb stairs", "sore from climbing"
        "when|while|whenever ~ ~ climb|climbing ~ ~ ~ stairs|stair|steps|hills|hill|holds|walls|ladders|ladder",
        "from|for ~ rock|indoor|wall? ~ CLIMBING|BOULDERING",
        # a sport, not pain climbing: "I do a lot of climbing and my forearms are always tight"
        "lot|bit|lots|loads|heaps ~ of ~ rock|indoor? ~ CLIMBING|BOULDERING",
        "go|goes|went|love|loves|enjoy|enjoys|into|started ~ rock|indoor? ~ CLIMBING|BOULDERING",
        "CLIMBING|BOULDERING ~ gym|wall|walls|session|sessions|holds|shoes|trip|trips|club|team|partner|route|routes",
        # what aggravates it, not pain rising by the hour: "sitting for more than half an hour makes it worse"
        "an|a|#NUM ~ hour|hours|minutes|mins ~ ~ makes|make|made ~ it|them|things|everything ~ ~ worse",
        # how the procedure goes: "is the needle left in?", "with the electrical current hooked up"
        "is|are|r ~ the|a ~ needle|needles ~ left ~ in",
        # exertion: "can't finish a run without getting winded"
        "cannot|not ~ ~ finish|complete|do|get|go ~ ~ run|race|workout|jog|sprint|hike|match|game|lap|laps|set|hill|hills ~ without ~ getting|feeling|going? ~ breathless|winded|puffed|gasp|puffing|panting",
        "with|using|via ~ the|an? ~ electrical|electric ~ current|stimulation|stim",
        "electrical|electric ~ current ~ hooked|attached|switched ~ up|on",
        "BREATHING ~ ~ EXERCISE|EXERCISES|CLASS|CLASSES|TECHNIQUE|TECHNIQUES|APP|WORKSHOP",
        "take|took|takes|taking ~ ~ breath ~ away",
        "breathtaking",
        "catch ~ ~ breath ~ before|then",
        "bleed|haemorrhage|hemorrhage|haemorrhaging|hemorrhaging ~ ~ money|dry|cash",
        # money that bleeds: "my bank account is haemorrhaging"
        "bank|account|wallet|savings|budget|business|finances ~ ~ ~ bleed|bleeding|haemorrhaging|hemorrhaging",
        # questions about the procedure: "how long are the needles left in?"
        "how ~ long ~ ~ ~ ~ needle|needles ~ left|stay|kept ~ in",
        "cuanto ~ tiempo ~ ~ ~ ~ aguja|agujas ~ adentro|dentro|puesta|puestas",
        "aguja|agujas ~ se ~ queda|quedan ~ adentro|dentro|puesta|puestas ~ un|mucho|cuanto ~ rato|tiempo",
        "aguja|agujas ~ lleva|llevan|tiene|tienen ~ ~ medicina|medicamento|liquido|sustancia|algo|nada ~ adentro|dentro",
        # appointments spread over time, not a spaced-out person: "how spaced out the appts should be"
        "how ~ ~ spaced|space ~ out",
        "not ~ say|tell|mention|explain|know ~ how ~ ~ spaced|space ~ out",
        "appts|appt|appointments|appointment|sessions|session|visits|treatments ~ ~ ~ spaced|space|spacing ~ out",
        "spaced|space|spacing ~ out ~ the|my|our|his|her ~ appts|appointments|sessions|visits|treatments",
        # what the needle does, asked: "que hace la aguja adentro del musculo"
        "que|qué ~ hace|hacen ~ la|las ~ aguja|agujas ~ adentro|dentro",
        # a trait, in the present: "i pass out at blood draws", "me desmayo cuando me sacan sangre"
        "PASS|PASSES|FAINT|FAINTS ~ out? ~ at|with|during|from|around|for ~ ~ blood|injections|injection|shots|jabs|vaccines|vaccinations|draws",
        "PASS|PASSES|FAINT|FAINTS ~ out? ~ at ~ the ~ sight ~ of",
        "me|se ~ DESMAYO|DESMAYA ~ cuando ~ me|le ~ SACAN|PONEN|INYECTAN|PICAN|VACUNAN",
        "me|se ~ DESMAYO|DESMAYA ~ con|al ~ ~ ~ sangre|inyecciones|inyeccion|vacunas|vacuna|ver",
        # an allergy told as a trait: "me salen ronchas con aretes baratos", "i get a rash from cheap earrings"
        "ronchas|roncha|sarpullido|comezon|rash|rashes|hives ~ ~ con|from|with|de|por ~ ~ ~ aretes|arete|bisuteria|collares|relojes|reloj|niquel|earrings|jewelry|jewellery|nickel|watches|metal",
        # how deep it goes, asked: "me preocupa q la aguja llegue muy adentro, hasta donde la meten"
        "aguja|agujas ~ llegue|llega|lleguen|llegan|llegara|entre|entra|entran|va|vaya|van ~ muy|tan|demasiado|mas|más ~ adentro|profundo|hondo",
        # what a needle may leave behind, asked: "can dry needling leave bruises?" (not a needle left in)
        "needle|needles|needling ~ leave|leaves|left ~ a|any|little|small|tiny? ~ bruise|bruises|bruising|mark|marks|scar|scars|hole|holes|spot|spots|dot|dots|trace|traces",
        # an infection as a risk, in the infinitive: "se puede pinchar un órgano o pillar una infección"
        "puede|puedes|pueden|podria|podrias|riesgo|miedo|o|y ~ ~ ~ pillar|agarrar|coger|contraer|pescar ~ una|alguna? ~ infeccion|infecciones",
        # the same fear, the practitioner doing it: "me da cosa que me metan la aguja muy adentro"
        "metan|meta|meten|mete|meter|claven|clave|clavan|clavar|pongan|ponga|metera|meteran ~ la|las|una ~ aguja|agujas ~ muy|tan|demasiado|mas|más ~ adentro|profundo|hondo",
        # no change yet, not numbness: "todavía no siento nada diferente", "I don't feel any different"
        "no ~ siento|noto|senti|note|sentia|notaba ~ nada|ningun|ninguna|ni ~ diferente|distinto|distinta|cambio|mejoria|diferencia|mejor",
        "not ~ feel|felt|notice|noticed ~ any|much|anything ~ different|difference|change|better",
        # stopping the treatment, not living: "no quiere seguir con las agujas"
        "no ~ quiero|quiere|quieres|queremos ~ seguir ~ con ~ ~ agujas|tratamiento|terapia|sesiones|puncion|citas|fisio|fisioterapia|needling",
        "not ~ want|wish ~ to ~ continue|go ~ on ~ with|the|my ~ ~ needling|treatment|sessions|therapy|physio|appointments|plan|course",
        # the treatment named around it: "no me gustó la sensación de las agujas y no quiero seguir. ¿Puedo dejar el tratamiento?"
        "agujas|aguja|tratamiento|terapia|sesiones|sesion|puncion|fisio ^ ^ ^ ^ ^ ^ ^ ^ ^ no ~ quiero|quiere ~ seguir",
        "no ~ quiero|quiere ~ seguir ^ ^ ^ ^ ^ ^ ^ dejar|parar|suspender ~ el|la|las|los ~ tratamiento|terapia|sesiones|puncion|citas",
        # comparisons and hopes, not a pain getting worse: "¿duele más que una vacuna?", "¿me va a hacer más fuerte?"
        "duele|dolera|dolerá ~ mas|más ~ que|q ~ un|una|el|la|los|las ~ ~ vacuna|inyeccion|piquete|pinchazo|acupuntura|tatuaje|masaje|parto|shot|analisis|sacada",
        "hacer|hace|hara|poner|pondra|dejar|dejara ~ ~ mas|más ~ fuerte|fuertes|flexible|agil|rapido|resistente",
        "va|vaya|iba ~ a ~ hacer|poner|dejar ~ ~ mas|más ~ fuerte|fuertes|flexible|agil|rapido|resistente",
        # someone not picking up, not someone unresponsive: "she's not answering my texts", "not answering my questions, says he's busy"
        "not ~ answer|answering|respond|responding|reply|replying|pick|picking ~ up? ~ to? ~ my|his|her|the|our|your ~ text|texts|call|calls|phone|email|emails|message|messages",
        "not ~ answer|answering ~ my|our ~ question|questions ^ ^ say|says|said ^ ^ ^ busy|later|fine|tired",
        # needle phobia as a trait, not a faint now: "me desmayo nomás de ver agujas"
        "desmayo|desmaya|mareo|marea ~ nomas|solo|hasta ~ de|al|con ~ ver|mirar ~ ~ aguja|agujas|sangre|jeringa|jeringas",
        # ... told with a pronoun: "me desmayo nomás de verlas, las agujas digo"
        "desmayo|desmaya|mareo|marea ~ nomas|solo|hasta ~ de|al|con ~ verlas|verla|verlos|mirarlas|mirarla|verlo",
        # how the procedure goes, asked: "¿sangra mucho cuando pinchan?" (habitual, not a report)
        "sangra|sangran|duele|duelen ~ mucho? ~ cuando|al ~ te|le|me|nos? ~ pinchan|pinchas|puncionan|meten|ponen|sacan|quitan|pinchar|puncionar",
        "faint|faints|pass|passes ~ out? ~ just ~ from|at ~ seeing|looking ~ ~ needle|needles|blood",
        # the body's make-up, not a new weakness: "my mom has weak bones"
        "weak ~ bones|bone|immune|immunity|stomach|eyesight|bladder|chin",
        # risk in general: "con agujas te puedes agarrar una infección"
        "puedes|puede|pueden|podria|podrias|se ~ agarrar|pescar|pegar|contraer|coger ~ una? ~ infeccion|infecciones",
        # thanks, sleep and scheduling: "a lifesaver for fitting me in", "I'm out cold by 9pm"
        "fit|fitting|fitted ~ me|us|him|her|them ~ in",
        # "I need to fit this in over my lunch break": a session squeezed into a day
        "fit|fitting|fitted|squeeze|squeezing ~ it|this|that|everything|things|one|session|sessions|appointment|appointments|appt|appts|visit|visits|needling ~ in|into|around",
        # fitness, not a seizure: "he's 81 and fairly fit for his age", "fit and healthy", "trying to keep fit"
        "fairly|pretty|quite|reasonably|relatively|physically|very|super|really|so|keep|keeps|keeping|stay|stays|staying|get|getting fit",
        "fit for his|her|my|their|your|our|its age",
        "fit and|&|n healthy|well|active|strong|sporty",
        "knock|knocked ~ me ~ out ^ ^ ^ ^ best|sleep|slept|nap|napped|bed|like",
        "music|noise|singing|screaming|racket|karaoke|drilling|shouting ^ ^ ^ ^ ^ ^ ear|ears ~ ~ bleed|bleeding",
        "out ~ cold ~ by|at|before|after|every|most",
        "overdose|overdosed|od ~ on ~ ~ chocolate|sugar|cake|candy|sweets|coffee|caffeine|carbs|netflix|cookies|biscuits|pizza|food",
        # arguments, not bodies: "the evidence is weak"
        "evidence|study|studies|research|proof|argument|case|data|signal|wifi|reception ~ ~ ~ weak",
        "machine|system|server|website|app|network|till|printer ~ ~ ~ ~ collapse|collapsed",
        "sweat|sweating|sweaty ~ ~ ~ ~ ~ heat|heatwave|sun|weather|gym|workout|hill|sauna",
        "heart ~ melt|melted|melts|broke|broken|sank",
        "dying ~ to",
        # "my boss is killing me"; but "my side is killing me" is pain, for the classifier to read
        "work|job|boss|kids|children|traffic|price|prices|bill|bills|heat|commute|weather|exam|exams|deadline|deadlines|wait|waiting|suspense|this|that|it|you|stress|monday|mondays|week|people|queue|music|noise|neighbour|neighbours|neighbor|neighbors|lol|haha ~ ~ ~ kill|killing ~ me",
        "pass ~ out ~ ~ flyer|flyers|leaflet|leaflets",
        "out ~ of ~ breath ~ from ~ ~ stair|stairs|run|running|laugh|laughing",
        "kill|killing ~ myself ~ laugh|laughing",
        # a hard workout, not self-harm: "I killed myself at the gym", "como si hubiera ido al gym a matarme"
        "KILLED|KILLING ~ myself|me ~ at|in ~ the ~ gym|workout|training|class",
        "gym|gimnasio|gimnacio|gim|entrenar|crossfit ~ a ~ matarme|reventarme|destrozarme",
        "MATANDOME|MATANDOLE ~ en ~ el ~ gym|gimnasio|gim|entrenamiento",
        # relaxing, not chills: "heading home to chill", "netflix and chill"
        "to|and|gonna|wanna|just ~ CHILL|CHILLAX",
        # (not "chill at|with|the": "a chill at night", "a chill with a fever" are symptoms)
        "CHILL|CHILLING ~ out|home",
        "CHILL|CHILLING ~ on ~ the ~ couch|sofa|beach",
        # a condition told as a trait: "my sister has seizures now and then (well controlled on meds)"
        # (plural only: "she's having a seizure now and then stopped breathing" is a report)
        "SEIZURES|FITS|CONVULSIONS|CONVULSIONES ~ now ~ and ~ then",
        "SEIZURES|FITS|CONVULSIONS|CONVULSIONES|EPILEPSY|EPILEPSIA ~ every ~ so ~ often",
        "SEIZURES|FITS|CONVULSIONS|CONVULSIONES|EPILEPSY|EPILEPSIA ~ from ~ time ~ to ~ time",
        "seizure|seizures|convulsion|convulsions|convulsiones|epilepsy|epilepsia ~ ~ ~ well|fully|mostly|bien ~ controlled|managed|controladas|controlada|controlados",
        "convulsiones|convulsion|ataques|epilepsia ~ de ~ vez ~ en ~ cuando",
        # risks asked by name: "what are the rare serious complications, like infection or ...?"
        "what|which|cuales|que ~ are|r|is|son ~ the|los|las? ~ ~ ~ risks|risk|complications|complication|dangers|danger|riesgos|complicaciones|peligros ^ ^ like|including|incl|como|incluyendo ~ ~ infection|infections|infeccion|infecciones|bleeding|sangrado|fainting|desmayo",
        "died|dying|die ~ ~ laugh|laughing",
        "could ~ kill ~ for",
        "going|gon|want|wan|wanna|ready|to? ~ ~ end ~ it ~ with ~ ~ ~ clinic|you|physio|therapist|them|him|her|treatment|sessions|needling|boyfriend|girlfriend",
        "make|made|makes ~ ~ ~ faint",
        "heart ~ ~ in ~ my|his|her|your ~ mouth",
        "out ~ of ~ breath ~ after|from ~ ~ ~ run|running|jog|jogging|sprint|sprinting|race|football|match|workout|gym|training",
        "weekend|week|day|month|year|schedule|diary|calendar ~ ~ ~ ~ car ~ crash|wreck|trainwreck",
        "precio|precios|cuenta|factura|vista|paisaje ~ ~ ~ ~ sin ~ aliento",
        "me ~ muero ~ de|por ~ hambre|risa|ganas|sueno|verguenza|calor",
        "quiero|queria|quería|quise ~ morir|morirme ~ de|por ~ la? ~ verguenza|pena|risa|hambre|sueno|calor|envidia|aburrimiento|nervios",
        "sin ~ aire|aliento ~ cuando|al ~ vi|ver|vio|veo ~ ~ ~ ~ cobro|cobraron|cobran|precio|cuenta|factura|total|seguro|costo|cuesta",
        "hay ~ fever",
        "fiebre ~ del ~ heno",
        "sin ~ aire|aliento ~ de ~ tanto ~ reir|reirme|correr|bailar",
        # out of breath from stairs, a run for the bus or a bill: "llegué sin aire después de correr al bus"
        "sin ~ aire|aliento ~ despues|después ~ de ~ correr|subir|bailar|reir",
        "me|le? ~ falta|faltaba ~ el ~ aire ~ de ~ tanto ~ subir|correr|bailar|reir",
        "pisos|escaleras|escalera|cuesta|subida ~ ~ ~ ~ sin ~ aliento|aire",
        "sin ~ aliento|aire ~ con|al|por ~ ver? ~ la|el ~ cuenta|factura|precio|cobro|total",
        "me|se? ~ ahogo|ahogando|ahogada|ahogado ~ en ~ papeleo|trabajo|deudas|papeles|tramites|formularios|correos",
        "NEARLY|ALMOST ~ had|have ~ a ~ seizure|fit|stroke|breakdown ~ when|at|seeing|reading|hearing",
        "muerto|muerta ~ de ~ risa|hambre|cansancio|sueno",
        "me ~ mata|matas|mato ~ ~ risa|precio",
        "me ~ desmayo ~ ~ ~ precio|cuenta|factura",
        # relief: "me sacó un peso de encima (del pecho)"
        "saco|sacó|saca|quito|quitó|quita|sacaron|quitaron|sacado|quitado ~ ~ un ~ peso ~ de ~ encima",
        "saco|sacó|saca|quito|quitó|quita|sacaron|quitaron|sacado|quitado ~ ~ un ~ peso ~ de ~ encima ~ del|de ~ ~ pecho",
        # a fit promised on a condition: "me van a dar convulsiones si sigo esperando en la linea"
        "me ~ va|van ~ a ~ dar ~ ~ convulsion|convulsiones|infarto|ataque|patatus|soponcio|telele ~ ~ si",
        "gon|going ~ na|to ~ have ~ a ~ seizure|stroke|fit|aneurysm|meltdown ~ if",
        "gon|going ~ na|to ~ have ~ a ~ heart ~ attack ~ if",
        "sin ~ aliento|aire ~ con|de ~ lo ~ bien|bonito|rico|lindo|guapo|increible|buena|bueno|buenas|buenos",
        "me ~ corto ~ las ~ venas ~ si|con",
        # Common English idioms with symptom words: work, money, nerves, delight.
        "choke|choking|choked ~ the ~ life ~ out",
        "choke|choking|choked ~ on ~ ~ jargon|paperwork|work|debt|words|emails",
        "drown|drowning|drowned ~ in ~ ~ work|paperwork|emails|bills|debt|deadlines|forms",
        "blue ~ in ~ the ~ face",
        "breathless|faint|dizzy|giddy ~ with ~ excitement|anticipation|joy|relief|happiness",
        "NEARLY|ALMOST ~ had ~ a ~ heart ~ attack ~ when|at|seeing",
        # a fright: "the cat knocked the vase over and I nearly had a heart attack haha"
        "NEARLY|ALMOST ~ had|have|gave|give ~ me? ~ a ~ heart ~ attack",
        # confused by a thing, not confused: "so confused by your booking page"
        "so|really|very|super|totally|completely|bit|little|kinda|pretty|abit? ~ confused|confusing ~ by|about|with ~ ~ ~ page|website|site|form|forms|app|instructions|email|emails|bill|booking|wording|system|portal|menu|options|prices|link|times|timetable|paperwork",
        # someone else on a screen: "a youtube video of someone fitting after acupuncture"
        "video|clip|footage|tiktok|reel|documentary ~ of ~ someone|somebody|people|a|this ~ man? ~ fit|fitting|seize|seizing|seizure|collapse|collapsing|faint|fainting|choke|choking|bleed|bleeding",
        # a show quoted: "the doctor on that hospital drama just yelled she's seizing"
        "drama|show|series|movie|film|soap|episode|telenovela|novela|serie|pelicula ^ ^ ^ yelled|shouted|screamed|said|says|yells|grito|gritó|dijo ^ ^ ^ seize|seizing|fit|fitting|collapse|collapsing|dying|bleeding",
        # a bill that takes the breath away: "la cuenta del hospital me dejo sin aire jaja"
        "cuenta|factura|precio|precios|cobro|recibo|bill|total ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ ^ dejo|dejó|deja|dejaron ~ sin ~ aire|aliento",
        "on ~ pin ~ and ~ needle",
        "turn|turned|turns|go|went ~ to ~ jelly ~ ~ ~ think|thinking|thought",
        "save|saved ~ my|his|her ~ life",
        "cost|costs ~ ~ arm ~ and ~ a ~ leg",
        "me ~ salvaron|salvo|salvaste ~ la ~ vida",
        "laugh|laughed|laughing ~ so ~ hard ~ ~ ~ not|cannot ~ breathe",
        "app|website|computer|printer|phone|system|wifi|laptop|wallet|bank|internet|router|server|car|calendar|signal ~ ~ ~ ~ ~ fit|seizure|meltdown",
        "app|website|computer|printer|phone|system|wifi|laptop|wallet|bank|account|internet|router|server|car|calendar ~ ~ ~ ~ heart ~ attack",
        # Someone or something "giving me a heart attack"; bed, boredom and cold feet.
        "give|gave|giving ~ ~ ~ heart ~ attack",
        # a choice, not confusion: "there's loads near me and i dont know who to pick"
        "not|cannot ~ know|knowing ~ who ~ to ~ ~ pick|choose|see|go|ask|call|book|trust|contact|believe|talk|speak|turn|use",
        # what needling is for, not a needle breaking: "can dry needling help break that scar up?"
        "needle ~ ~ help|helps|helping ~ ~ break|breaking ~ up|down|that|it|them|those|these|the|scar|knots|adhesions|apart",
        # a moment on sitting up that passed (categories.yml dizziness, routine): "the room kinda spun for a sec"
        "room ~ ~ spun|spin|spins|spinning ~ for ~ a ~ sec|secs|moment|split",
        # a reaction foretold: "my boss is going to have a heart attack when he sees my timesheet"
        "going|gonna ~ have ~ a ~ heart ~ attack ~ when|if|once",
        # held at the edge by someone: "mi jefe me tiene al borde del colapso con tanto trabajo"
        "me|nos|lo|la|los|las ~ tiene|tienen|tenia|tenía ~ al ~ borde ~ de|del ~ un? ~ colapso|ataque|infarto|desmayo",
        # "me dio un heart attack cuando vi la hora": a reaction to news, in Spanish or Spanglish
        "dio|da|dara|daba ~ ~ heart ~ attack|attak ~ cuando|al|con",
        "dio|da|dara|daba ~ un ~ infarto|patatus|soponcio|paro ~ cuando|al|con",
        "pass|passed|passing ~ out ~ from|of ~ ~ boredom",
        "collapse|collapsed|collapsing ~ into ~ bed",
        "choke|choked ~ at ~ the ~ last",
        # a hold in grappling sports: "lot of pressure from the chokes and the guard"
        "the|these|those|from ~ chokes|chokeholds|chokehold",
        "choke ~ hold|holds",
        # someone who is hard to reach: "very busy and we can't get hold of her easily"
        "cannot|not ~ get|getting ~ hold ~ of ~ her|him|them|you|u|anyone|anybody|someone|somebody",
        "cannot|not ~ get|getting ~ hold ~ of ~ the|my|his|her|their|our|your ~ ~ clinic|office|doctor|gp|oncologist|physio|reception|receptionist|surgery|practice|nurse|specialist|consultant",
        "rear ~ naked ~ choke|chokes",
        # Work and weekdays that drown, choke or suffocate.
        "work|job|deadline|deadlines|monday|mondays|week|boss|uni|exam|exams|inbox ~ ~ ~ choke|choking|suffocate|suffocating|drown|drowning",
        # A pet's fit is not a patient's: "the neighbour's dog had a seizure".
        "dog|cat|puppy|kitten|pet|horse|perro|perrita|perrito|gato|gata|gatito|mascota ~ ~ fit|seizure|seizures|convulsion|convulsiones|ataque",
        "a|such|real ~ ~ pain ~ in ~ the ~ backside|butt|arse|ass|neck|behind",
        "sudar|sudando|sude|sudo ~ la ~ gota ~ gorda",
        "sudar|sudando|sude|sudo ~ sangre",
        "casi? ~ me ~ ahogo|ahogaba|ahogue ~ de ~ tanto ~ reir|reirme|reírme|toser",
        "perro|perrito|perra|gato|gatito|mascota ~ casi? ~ se ~ ahoga|ahogaba|ahogo|ahogó",
        "corazon ~ contento|feliz|alegre|lleno",
        "acabar|terminar ~ con ~ todo|todos|todas ~ el|lo|los|las|mis ~ ~ papeleo|trabajo|tramite|tramites|pendiente|pendientes|formulario|formularios|sesiones|ejercicios|deberes",
    ]),
]
