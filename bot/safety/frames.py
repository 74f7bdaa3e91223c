"""Message-level frames that make a classifier's red-flag reading doubtful: the message asks
what to do *if*, tells an old or someone else's story, says it is already over, or uses
symptom words about money, bookings or daily life. Rules judge the words they know clause
by clause (detector.py); these frames guard the classifier, which reads the whole message
and has no notion of "if" or "years ago". A framed message is escalated by the classifier
only when it is very sure; the rules are not affected.
"""
from __future__ import annotations

import re
from typing import Callable, List, Optional, Tuple

from bot.safety.classifier import normalise

_NOT_NEGATED = r"(?<!n't )(?<!not )(?<!nt )(?<!never )(?<!no )"

FRAMES = {
    "hypothetical": re.compile(
        r"\b(what if|if (i|my|he|she|we|they|you|it|there|the|someone|something)|in case|should i (be )?worr|"
        r"what should|watch (out )?for|look out for|what (do|would|to do|can) (i|we|you|they) do if|what happens if|"
        r"(can|could|does|do|will|would|might) (it|dry needling|needling|the needles?|needles|dn|this|that) |"
        r"is there a risk|how (common|likely|rare)|how (bad|painful|much) (is|does|will) (it|the pain|the needling|dn|dry needling|needling)( hurt| be)?|"
        r"planning|booked|next week|before (i|my|we) (book|come|start)|"
        r"^¿?si (me|le|te|se|mi|tengo|tiene|hay|el|la|despues|llego|empiezo|empieza|noto|siento) |y si|que pasa si|qu[eé] hago si|qu[eé] hacer si|en caso de|(?<!no )(puede|pueden|podria) (dar|causar|provocar)|"
        r"se puede|(me|le) puede pasar|antes de|"
        # people in general asked about: "do people ever faint from this"
        r"(do|does|did|can|could|will|would|have|has) (people|patients|anyone|anybody|folks|most people|other people|some people|others) |"
        # whether the treatment would help a condition, or when to avoid it: "le serviria?"
        r"(me|le|te|nos|les) (serviria|servira|sirve|ayudaria|ayudara)|(would|will|could|does|can) (it|dn|dry needling|needling|this) (help|work)|"
        r"evitarla|evitarlo|evitar (la|el) (puncion|tratamiento|dry needling)|avoid (it|dn|needling|dry needling|treatment)|"
        # the treatment's history, or a claim heard, asked about: "who came up with this?", "¿será cierto?"
        r"who (came up with|invented|developed|created|started)|quien (invento|creo|desarrollo|empezo)|"
        r"desde cuando (se usa|se hace|existe|lo hacen|la usan)|how long has (it|this|dry needling|dn|needling) been (around|used|a thing)|"
        r"(sera|es) (cierto|verdad)|is (it|that|this) (really )?true|"
        # whether it is allowed, or a dose asked: "is needling even allowed during chemo", "cuantas pastillas me puedo tomar"
        r"(is|are) (it|needling|dry needling|dn|this|that|they) (even |still )?(allowed|ok|okay|an option|possible)|"
        r"(esta|está) permitid[oa]|"
        r"(cuant[oa]s|how many|how much) (\w+ ){0,3}(me |le )?(puedo|puede|debo|can i|should i|may i|can (he|she)|should (he|she)) (tomar|take|have)|"
        # a small question asked plainly: "solo queria saber si me puedo bañar"
        r"(solo|nomas|nada mas) (queria|quiero|quisiera) (saber|preguntar) si|just (wanted|want|wanna) to (know|ask|check) (if|whether))\b"),
    "past_or_other": re.compile(
        r"\b(\w+ )?(years|yrs|months|decades|(a|one) (year|month|decade)) (ago|back)\b|\bages ago|\blast (winter|summer|"
        r"spring|autumn|fall|year|month|christmas)|\bback in (my|his|her|our) (\w+ )?days\b|"
        r"\bonce (at|in|when|after)\b(?! (the|my|this|today'?s) (appt|appointment|session|needling|treatment|visit))"
        # "fainted once after getting home": on the way back from the visit, today
        r"(?! (getting|coming|i got|we got|i came|leaving|i left) (home|back|here|out))"
        # "fainted once in the shower": once is how many times, in a place, not when
        r"(?! (the|my|his|her|our) (shower|bath|bathroom|toilet|loo|kitchen|car|bed|bedroom|hall|hallway|lobby|lift|elevator|"
        r"street|waiting room|car park|parking lot|garden|yard|office|store|shop|supermarket|driveway|stairs))"
        r"(?![^.,;!?]*\b(today|tonight|this (morning|afternoon|evening)|just now|earlier)\b)"
        r"(?![^.,;!?]*\b(after|since) (the|my|this|today'?s|his|her) (appt|appointment|session|needling|treatment|visit))|\bel (mes|invierno) pasado\b|\b(in|during) (my|his|her) (teens|twenties|thirties|20s|30s|40s)|"
        r"\bat (the )?age (of )?\d{1,2}\b|\bas a (kid|child|baby|teen|teenager|toddler)|\bwhen (i|he|she) was (a |little|young|\d)|"
        # someone on a screen: "the doctor on that hospital drama just yelled she's seizing"
        r"\b(on|in|from|watching|watched|saw|seen) (that|the|a|this|some|my|an) (\w+ )?(drama|show|series|movie|film|documentary|episode|video|clip)\b|"
        r"\b(youtube|tiktok|netflix|telenovela|novela|pelicula)\b|"
        r"\bused to\b|\bhistory of\b|\b(at|in) (the|a|his|her|my|their|our) (\w+ )?\w+( ?['’]s)? once\b|\bfamily history\b|\bin the past\b|\bonce had\b|\b(at|in) (my|his|her) old\b|"
        r"\bhace (\w+ ){0,2}(años|anos|meses|tiempo)\b|\bde (chiquito|chiquita|niño|nino|niña|nina|joven|pequeño|pequeno|"
        r"chic[oa]|bebe|morr[oa]|adolescente)\b|\bhace much(o|isimo)\b|\ben (mi|su) otro trabajo\b|\bdesde los \d+ anos\b|"
        r"\bcuando era\b|\bsiempre que\b|\bel (año|ano) pasado\b|\b(19|20)\d\d\b|"
        # a trait: "he gets faint around needles", "faints at the sight of blood", "always been like that"
        r"\b(gets?|goes|go) (faint|woozy|light ?headed|dizzy|queasy|wobbly) (around|near|with|at) (needles|blood)\b|"
        r"\bat the sight of (needles|blood|a needle)\b|\balways been (like that|like this|that way)\b"),
    "resolved": re.compile(
        _NOT_NEGATED + r"\b(fine now|ok now|okay now|alright now|better now|went away|gone now|all healed|healed up|"
        r"faded|settled|fine this morning|fine after|it went|went after|went in|recovered|back to normal|"
        r"stopped after|it stopped|and stopped|has stopped|all good now|nothing since|none of that|that'?s it|that was it|"
        r"it'?s gone|gone by|it passed|and it passed|feel fine|feels? (much|loads|lots|so much|a lot|heaps|way|tons) better|me siento (mucho |muy |ya )?(mejor|bien)|"
        r"stopped (right|straight) away|(all|it'?s) stopped now|stopped (quickly|immediately|on its own|by itself)|(now|ahora) (todo bien|all good|estoy bien)|"
        r"ya (paso|pasó)(?! (una|un|dos|tres|cuatro|cinco|\d+|varios|varias|mas|más|casi)\b)|ya (se me paso|se me pasó|estoy bien|esta bien|está bien|paro|paró)|se me quito|se me quitó|"
        r"se (me|le) (paso|quito|fue)|se compuso|ya (estoy|esta|toy) (bien|sano|sana|normal|como nuev[oa]|jugando)|"
        r"(no|ni) (me |le )?(ha|han) vuelto|estoy como nuev[oa]|se me esta (yendo|quitando|pasando))\b"),
    # Contact details given (an email address or a phone number): a name beside them is no
    # symptom ("Mi nombre es Roberto Hernández y mi correo es ..." read as an emergency).
    "contact_details": re.compile(r"[\w.+-]+@[\w-]+\.[a-z]{2,}|(?<![\w/])\+?\d[\d ().-]{6,}\d(?![\w/])"),
    # Expected reactions (seeds 000 "Common Side Effects", 004 "After the Procedure"): a
    # message that talks of soreness, tiredness or a bruise is read strictly, while the
    # rules still catch any red-flag phrase in it.
    "routine": re.compile(
        r"\b(sore|soreness|achy|aching|ache|aches|tired|tiredness|sleepy|yawn\w*|stiff|stiffness|tender|bruis\w*|"
        r"twitch\w*|wiped out|worn out|relaxed|chilled|like always|as usual|como siempre|como de costumbre|like after (a|the) (gym|workout|run|long run)|"
        r"adolorid\w*|dolorid\w*|cansad\w*|agujetas|sueño|sueno|relajad\w*|moret\w*|cardenal|morado|moradito|verdoso|amarillento)\b"),
    "everyday": re.compile(
        r"\b(bill|invoice|price|prices|quote|booking|book in|appointment time|reschedul\w*|"
        r"car ?park|parking|hold music|jargon|deadline|paperwork|traffic|tax|school run|excited|excitement|embarrass\w*|"
        r"factura|precio|cita|estacionamiento|trafico|tráfico|forms?|emails?|deadlines?|insurance|rebook|"
        r"receptionist|website|online|laugh\w*|jokes?|nerves (are|were|got)|nervous|de los nervios|nervios[oa]s?|"
        r"(voy|vamos|llego|llegare|llegar|llegando) (\w+ )?(\w+ )?tarde|el (bus|camion|metro|elevador)|sala de espera|"
        r"driving test|hay ?fever|funny bone|wedding|gym|(push|move|shift) (my|the|our) (appointment|appt|session|booking)|"
        # what to bring, wear or do for the visit: "q tengo q llevar el dia del appointment"
        r"(que|q|what) (tengo|tiene|hay|do i|should i|do we|should we|does (he|she)) (que |q |to |have to |need to )?(llevar|traer|ponerme|vestir|firmar|bring|wear|sign)|"
        # finding the clinic: "which building and floor are you on? google maps is confusing me"
        r"google maps|maps app|sat ?nav|gps|directions to|(which|what) (floor|building|suite|entrance|door)|"
        r"(que|cual|en que) (piso|edificio|entrada|consultorio))\b"),
    # Symptoms said to be absent in ways the rules' negation scope does not reach ("not
    # short of breath or anything"; "respira normal"; "no ha vuelto a sangrar").
    "negated": re.compile(
        r"\b(or anything( like that| else)?|nothing like that|ni nada( por el estilo| de eso| raro)?(?=\s*([,.;!?]|$|solo|pero|y\b))|nada de eso|"
        r"nada raro|(?<!no )(respira|respiro|respirando) (normal|bien)|no se (me|le) (hincho|inflamo) nada|"
        # signs a patient checked and did not find: "no sangra, no esta hinchado"
        r"no (sangra|sangro|esta hinchad[oa]|estoy hinchad[oa]|se ve infectad[oa]|tengo fiebre|hay pus)\s*[,.;]\s*no)\b"),
    # Fixed figures of speech that carry a symptom word; the rules know them clause by clause.
    "figurative": re.compile(
        r"\b(blood boil\w*|cold feet|patience of a saint|blood,? sweat and tears|knock(ed|s)? me out|"
        r"(app|site|website|computer|laptop|phone|printer|wifi|system) (keeps )?(having|had|throw\w*) a (fit|wobbly)|"
        r"sweating buckets|la gota gorda|jaw (hit|dropped to|on) the floor|flat out like|breathe (a little |a bit )?(easier|easy)|life ?saver|slept like (the dead|a log|a baby)|"
        r"dead to the world|(me )?quede sin palabras|speechless|(it'?s|its|is|was|been) (a|an absolute|a total|a complete) nightmare|out cold (by|at|before|every)|estoy que vuelo|me muero de (ganas|risa|hambre|sueno))\b"),
}


# Over on its own ("fading already", "gone within a couple of hours", "only lasted a minute"),
# said of a mark or an ache; not of a sense or a strength, where the same words tell a loss ("my
# vision is almost gone", "the feeling was gone within minutes"), nor "hasn't come back" (the
# feeling still missing).
FADED = re.compile(
    _NOT_NEGATED + r"\b((already|almost|mostly|nearly) (fading|faded|gone)|fading already|"
    r"gone (within|after|in) (a|an|one|two|three|\d+|a couple of|a few) (\w+ )?(seconds?|mins?|minutes?|hours?|hrs?)|"
    r"only lasted (a|an|one|two|\d+|a couple of|a few) (\w+ )?(seconds?|mins?|minutes?|hours?)|"
    r"(much|way|a lot|loads|lots|heaps|so much) better than (yesterday|before|last night|this morning)|"
    r"ya (casi )?no se (ve|nota)|ya no (habia|hay|quedaba|queda) nada)\b")
SENSE_OR_STRENGTH = re.compile(
    r"\b(vision|sight|eyesight|eyes?|feeling|sensation|strength|grip|hearing|voice|speech|balance|memory|breath|breathing|"
    r"pulse|vista|ojos?|sensibilidad|fuerza|voz|equilibrio|memoria|aire|respiracion|pulso)\b")


def _over_on_its_own(lowered: str) -> bool:
    return bool(FADED.search(lowered)) and not SENSE_OR_STRENGTH.search(lowered)


# "Is that normal?" asks about a risk in general ("is it normal to get dizzy after?"),
# unless the message also tells what is happening now: then it asks about the report
# ("the bruise keeps getting bigger, is that normal?"), which is read as one.
NORMAL_QUESTION = re.compile(
    r"\b((is|are) (it|they|that|this) (normal|common|possible|a (normal |common )?side effect)|es normal)\b")
HAPPENING_NOW = re.compile(
    r"\b(now|right now|just now|today|tonight|this (morning|afternoon|evening)|still|since|keeps?|kept|"
    r"getting (bigger|worse|larger|wider)|spreading|growing|started again|again|more and more|every day|as i watch|as we speak|"
    r"ahora|ahorita|hoy|todavia|aun|sigue|sigo|desde|cada vez|se esta|va de mal en peor|otra vez|de nuevo)\b")


def _asks_if_normal_in_general(lowered: str) -> bool:
    return bool(NORMAL_QUESTION.search(lowered)) and not HAPPENING_NOW.search(lowered)


# Each frame's test, in the order they are tried: the first that holds names the frame.
FRAME_TESTS: List[Tuple[str, Callable[[str], object]]] = [(name, pattern.search) for name, pattern in FRAMES.items()]
FRAME_TESTS.insert(1, ("hypothetical", _asks_if_normal_in_general))
FRAME_TESTS.insert([name for name, _ in FRAME_TESTS].index("resolved") + 1, ("resolved", _over_on_its_own))


def frame_of(text: str) -> Optional[str]:
    """The first frame the message is in, or None when it reads as a plain report."""
    # Lower case without accents: every accented word in the patterns has its plain twin.
    lowered = normalise(text)
    return next((name for name, test in FRAME_TESTS if test(lowered)), None)
