"""Question focus: a long message read as "not sure" is read again on its question.

Patients write context first: "I drive a bus in San Juan and only have my lunch hour free,
12 to 1, is there time to get needled and get back on the route or does it take long". The
story's words outweigh the question's, and the answer gate rightly says it is not sure. When
a message of several sentences (or one long run-on) gets "not sure" and no red-flag reading,
its question (the last sentence with a "?", else the last sentence, else the last clause) is
parsed alone, by the same pipeline: a second opinion. Its answer is given only when the gates
pass it on its own and the whole message already ranked that topic first, so a question that
means something else without its story ("is it normal?") is not answered out of context.
(Blind rounds 26-34 on one model: 23 more right, 3 more answered where "not sure" was right;
ranked among the whole's three likeliest instead of first: 33 and 9.) The whole's second
topic also counts when the whole was torn between two (it gave the second at least
SECOND_TOPIC_SHARE) and the question alone is sure of it (PART_SURE): "...money is tight. So I'm
wondering about the price side of it, is it usually expensive?" (rounds 26-35, one model: 10
more right, 1 more answered where "not sure" was right; at 0.7, 15 and 4, and round 20's
"allergic to nickel ... would the needles be a problem for me?" got the needle-phobia answer.)

Safety is never decided on a part: the whole message's red-flag reading stands, and a
question that reads as a red flag alone leaves the "not sure" reply (which carries the
emergency line) as it was.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Dict, List, Optional, Text, Tuple

from bot.nlu.intents import FALLBACK, FAQ
from bot.topics import topic_of

# Below these a message is short enough to be read whole.
MIN_WORDS = 12
MIN_FOCUS_WORDS = 4
# The whole message must rank the question's topic first, or second with this share when the
# question alone gives its answer at least PART_SURE.
SECOND_TOPIC_SHARE = 0.2
PART_SURE = 0.9

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_WORD = re.compile(r"[^\W\d_]+")


def question_of(text: str) -> Optional[str]:
    """The part of a long message that asks, or None when the message is short or one piece."""
    if len(_WORD.findall(text)) < MIN_WORDS:
        return None
    sentences = [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]
    asking = [s for s in sentences if "?" in s]
    if asking:
        focus = asking[-1]
        # "...? Gracias." : the question, not the thanks; "¿..." opens it
        focus = focus[focus.rfind("¿"):] if "¿" in focus else focus
    elif len(sentences) > 1:
        focus = sentences[-1]
    else:
        focus = re.split(r"[,;:]", text)[-1]
    focus = focus.strip()
    words = len(_WORD.findall(focus))
    if words < MIN_FOCUS_WORDS or focus == text.strip():
        return None
    return focus


def _ranking(parse: Dict[Text, Any]) -> List[Tuple[str, float]]:
    """[(topic, confidence)] of the FAQ answers, likeliest first."""
    ranking = ((parse.get("response_selector") or {}).get("faq") or {}).get("ranking") or []
    return [(topic_of(r["intent_response_key"]), r["confidence"]) for r in ranking]


def _agrees(whole: List[Tuple[str, float]], part: List[Tuple[str, float]]) -> bool:
    """The question's answer is the whole message's likeliest topic, or its close second."""
    if not whole or not part:
        return False
    topic, sure = part[0]
    if topic == whole[0][0]:
        return True
    return len(whole) > 1 and topic == whole[1][0] and whole[1][1] >= SECOND_TOPIC_SHARE and sure >= PART_SURE


def focused(whole: Dict[Text, Any], parse_part: Callable[[str], Dict[Text, Any]]) -> Dict[Text, Any]:
    """The whole message's parse, or its question's answer where that is the better reading."""
    if (whole.get("intent") or {}).get("name") != FALLBACK:
        return whole
    focus = question_of(whole.get("text") or "")
    if focus is None:
        return whole
    part = parse_part(focus)
    if (part.get("intent") or {}).get("name") != FAQ or not _agrees(_ranking(whole), _ranking(part)):
        return whole
    answer = dict(whole)
    for key in ("intent", "intent_ranking", "response_selector"):
        answer[key] = part.get(key)
    answer["question_focus"] = True  # /model/parse shows why (no text)
    return answer


def install() -> None:
    """Every message parsed in this process from now on (the server, make eval) gets it."""
    from rasa.core.channels.channel import UserMessage
    from rasa.core.processor import MessageProcessor

    original = MessageProcessor._parse_message_with_graph
    if getattr(original, "question_focus", False):
        return

    def parse_with_focus(self, message, tracker, only_output_properties: bool = True):
        whole = original(self, message, tracker, only_output_properties)

        def parse_part(text: str) -> Dict[Text, Any]:
            part = UserMessage(text, sender_id=message.sender_id, input_channel=message.input_channel,
                               metadata=message.metadata)
            return original(self, part, tracker, only_output_properties)

        return focused(whole, parse_part)

    parse_with_focus.question_focus = True
    MessageProcessor._parse_message_with_graph = parse_with_focus
