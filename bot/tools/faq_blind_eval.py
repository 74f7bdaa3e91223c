"""The blind FAQ sets (tests/data/blind_faq/<round>/): what issue 13 and issue 14 ask of the
answers, in English and Spanish side by side, with Wilson 95 % intervals.

Each round was written from the two seeds and the topic list alone, by a helper who saw
neither the training data nor any other set; its first run is in docs/evaluations/. Files
(any may be missing; `es_` files are Spanish):
  topics.yml        [{text, topic}]                   the topic's answer (or one under it)
  specific.yml      [{text, topic, expect, ...}]      a precise answer under the topic
  not_covered.yml   [{text, nearest_topic}]           told that our information doesn't cover it
  clinic_facts.yml  [{text, fact}]                    the clinic's answer for that fact
  es_intents.yml    [{text, intent}]                  other intents (clinic_fact: a clinic answer)
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Dict, List, Sequence

import yaml

from bot.followups import answer_key, standalone_answer
from bot.tools.red_flag_eval import _rate, language_of
from bot.topics import detail_of, is_clinic_fact, is_not_covered, topic_of

DATA_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "blind_faq"
NOT_ANSWERED = ("nlu_fallback", "out_of_scope")
FOLLOWUP = "ask_followup"
RED_FLAG = ("red_flag_emergency", "red_flag_urgent", "symptom_check")


def rounds() -> Dict[str, Dict[str, List[Dict]]]:
    """{round: {file stem: messages}}, oldest round first."""
    return {folder.name: {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) or []
                          for path in sorted(folder.glob("*.yml"))}
            for folder in sorted(p for p in DATA_DIR.glob("*") if p.is_dir())}


def _topic(label: str) -> str:
    return topic_of("utter_" + label) if label.startswith("faq/") else ""


def _measures(kind: str) -> Dict[str, Callable[[Dict, str], bool]]:
    """What counts as right for each file kind; `got` is the decision (faq/<key> or intent)."""
    answered_topic = lambda m, got: got.startswith("faq/") and _topic(got) == m["topic"]  # noqa: E731
    wrong = lambda m, got: got.startswith("faq/") and _topic(got) != m["topic"]  # noqa: E731
    if kind == "topics":
        return {"right topic": answered_topic, "wrong answer": wrong,
                "not sure / out of scope": lambda m, got: got in NOT_ANSWERED,
                "read as a red flag or symptom": lambda m, got: got in RED_FLAG}
    if kind == "specific":
        return {"right topic": answered_topic, "wrong answer": wrong,
                "a precise answer under the right topic": lambda m, got: answered_topic(m, got) and bool(detail_of("utter_" + got))
                and not is_not_covered("utter_" + got)}
    if kind == "not_covered":
        return {"told so (a not-covered answer)": lambda m, got: got.startswith("faq/") and is_not_covered("utter_" + got),
                "told so or not sure": lambda m, got: (got.startswith("faq/") and is_not_covered("utter_" + got)) or got in NOT_ANSWERED,
                "answered as if covered (another answer)": lambda m, got: got.startswith("faq/") and not is_not_covered("utter_" + got)}
    if kind == "clinic_facts":
        # "how do I book?" is a request for a person by the contract; its reply gives the booking link
        booking = lambda m, got: m.get("fact") in ("booking_url", "booking") and got == "request_human"  # noqa: E731
        return {"the clinic's answer": lambda m, got: (got.startswith("faq/") and is_clinic_fact("utter_" + got)) or booking(m, got)}
    if kind == "intents":
        def right(m, got):
            if m["intent"] == "clinic_fact":
                return got.startswith("faq/") and is_clinic_fact("utter_" + got)
            return got == m["intent"]
        return {"right intent": right, "answered with an FAQ instead": lambda m, got: m["intent"] != "clinic_fact" and got.startswith("faq/")}
    return {}


def score(kind: str, messages: Sequence[Dict], decisions: Sequence[str], parses: Sequence[Dict], lang: str) -> Dict:
    result = {name: _rate(sum(bool(test(m, got)) for m, got in zip(messages, decisions)), len(messages))
              for name, test in _measures(kind).items()}
    result["reply language detected as the message's"] = _rate(
        sum(language_of(p) == lang for p in parses), len(parses))
    return result


def first_reply(parse: Dict, decided: str) -> str:
    """What the bot answers when this is the conversation's first message: a message read
    as a follow-up ("how often should I go?") gets the follow-up's answer with no previous
    one, or the answer it is sure of (actions/followup.py), or "not sure"."""
    if decided != FOLLOWUP:
        return decided
    text = parse.get("text") or ""
    ranking = ((parse.get("response_selector") or {}).get("faq") or {}).get("ranking") or []
    return answer_key(text, None) or standalone_answer(text, ranking) or "nlu_fallback"


def evaluate(parse_all, decision) -> Dict:
    summary: Dict = {}
    for round_name, files in rounds().items():
        summary[round_name] = {}
        for stem, messages in files.items():
            lang = "es" if stem.startswith("es_") else "en"
            kind = stem[3:] if lang == "es" else stem
            parses = parse_all([m["text"] for m in messages])
            decisions = [first_reply(p, decision(p)) for p in parses]
            right = next(iter(_measures(kind).values()))  # each kind's first measure is "right"
            summary[round_name][f"{lang} {kind}"] = {
                "n": len(messages), "measures": score(kind, messages, decisions, parses, lang),
                "misses": [{"text": m["text"], "gold": m.get("topic") or m.get("intent") or m.get("nearest_topic") or m.get("fact"),
                            "got": got} for m, got in zip(messages, decisions) if not right(m, got)][:40],
            }
    return summary


def render(summary: Dict) -> List[str]:
    fmt = lambda r: f"{r['rate']:.1%} ({r['hits']}/{r['n']}; 95% CI {r['ci95'][0]:.1%}–{r['ci95'][1]:.1%})"  # noqa: E731
    lines: List[str] = []
    for round_name, sets in summary.items():
        lines += ["", f"## Blind FAQ sets, round {round_name} (English and Spanish side by side)", "",
                  "| set | measure | value |", "|---|---|---|"]
        for set_name, s in sorted(sets.items(), key=lambda kv: (kv[0].split()[1], kv[0].split()[0])):
            lines += [f"| {set_name} (n={s['n']}) | {name} | {fmt(r)} |" for name, r in s["measures"].items()]
        for set_name, s in sorted(sets.items()):
            if s["misses"]:
                lines += ["", f"Misses, {set_name} (first 40):", ""]
                lines += [f"- [{m['gold']} → {m['got']}] {m['text']}" for m in s["misses"]]
    return lines
