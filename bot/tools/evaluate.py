"""`make eval`: how well the trained model answers messages it has never seen.

Held-out sets (tests/data/, never trained on):
- heldout_nlu.yml, and any tests/data/faq_*.yml (blind FAQ sets): FAQ topics and the
  other intents. Reports per-label precision and recall, FAQ topic accuracy (a precise
  answer `faq/<topic>__<detail>` counts for its topic), the wrong-answer rate (a confident
  answer to the wrong topic: worse than "I'm not sure"), the fallback rate and the most
  confused pairs. Where a set labels the precise answer (`faq/<topic>__<detail>`), the
  precise-answer rate (that exact answer) and, for `__not_covered_*` labels, the
  not-covered rate (any answer that says our information doesn't cover it).
- The answers themselves (bot/answers.py): mean reading grade of their lead sentences,
  and every SMS text's length with sample clinic values.
- safety_set.yml (tuned against), safety_blind.yml (seen once) and safety_final.yml
  (written last, never tuned against): emergency
  recall with a 95 % Wilson interval, urgent recall (emergency counts as caught),
  over-triage of routine and negated messages, and every miss.
Writes var/eval/report.md, var/eval/summary.json and var/eval/confusion.png.
"""
from __future__ import annotations

import asyncio
import json
import os
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import yaml  # noqa: E402

from bot.settings import PROJECT_ROOT, VAR_DIR  # noqa: E402
from bot.tools import faq_blind_eval, red_flag_eval  # noqa: E402
from bot.tools.red_flag_eval import wilson_interval  # noqa: E402
from bot.topics import detail_of, is_clinic_fact, is_not_covered, topic_of  # noqa: E402

DATA_DIR = PROJECT_ROOT / "tests" / "data"
MODEL_PATH = PROJECT_ROOT / "models" / "dry-needling.tar.gz"
OUT_DIR = VAR_DIR / "eval"
SAFETY_SETS = ("safety_set", "safety_blind", "safety_final", "safety_untouched")
CORE_INTENTS = ("greet", "goodbye", "thank", "affirm", "deny", "bot_challenge", "request_human", "out_of_scope")
NOT_ANSWERED = ("nlu_fallback", "out_of_scope")
TIER_OF_INTENT = red_flag_eval.TIER_OF_INTENT


def nlu_sets() -> List[Path]:
    """heldout_nlu.yml first, then the blind FAQ sets (faq_*.yml), if any, then the
    precise-answer development set (dev_precise.yml: tuned against, not blind)."""
    return [DATA_DIR / "heldout_nlu.yml"] + sorted(DATA_DIR.glob("faq_*.yml")) + sorted(DATA_DIR.glob("dev_*.yml"))


def load_heldout(path: Path = DATA_DIR / "heldout_nlu.yml") -> List[Tuple[str, str]]:
    examples = []
    for block in yaml.safe_load(path.read_text())["nlu"]:
        for line in block["examples"].splitlines():
            text = line.strip()[2:].strip() if line.strip().startswith("- ") else ""
            if text:
                examples.append((text, block["intent"]))
    return examples


def load_safety(name: str) -> List[Dict]:
    return yaml.safe_load((DATA_DIR / f"{name}.yml").read_text())["messages"]


def decision(parse: Dict) -> str:
    """The label the bot acts on: faq/<topic> for answers, else the intent."""
    intent = (parse.get("intent") or {}).get("name")
    if intent == "faq":
        response = ((parse.get("response_selector") or {}).get("faq") or {}).get("response") or {}
        return response.get("intent_response_key") or "faq"
    return intent or "nlu_fallback"


class Parser:
    """The trained model in this process: the same pipeline /model/parse runs."""

    def __init__(self, model_path: Path = MODEL_PATH) -> None:
        import logging

        from rasa.core.agent import Agent
        from rasa.utils.log_utils import configure_structlog

        from bot.serving import question_focus

        configure_structlog(logging.WARNING)  # unconfigured, it prints every message text
        question_focus.install()  # as the server parses

        self.agent = Agent.load(str(model_path))

    def parse_all(self, texts: Sequence[str]) -> List[Dict]:
        async def run() -> List[Dict]:
            return [await self.agent.parse_message(text) for text in texts]

        return asyncio.run(run())


def same_topic(gold: str, predicted: str) -> bool:
    return gold.startswith("faq/") and predicted.startswith("faq/") and topic_of(gold) == topic_of(predicted)


def nlu_metrics(gold: List[str], predicted: List[str]) -> Dict:
    # Per-label figures and confusions at the level the gold label names: a topic label
    # is matched by any answer under that topic.
    answered = [p for g, p in zip(gold, predicted) if g.startswith("faq/") and p.startswith("faq/")]
    predicted = [g if g != p and same_topic(g, p) and not detail_of(g) else p for g, p in zip(gold, predicted)]
    labels = sorted(set(gold))
    per_label = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted) if g == label and p == label)
        predicted_n = sum(1 for p in predicted if p == label)
        gold_n = sum(1 for g in gold if g == label)
        per_label[label] = {
            "precision": tp / predicted_n if predicted_n else 0.0,
            "recall": tp / gold_n if gold_n else 0.0,
            "support": gold_n,
        }
    faq_pairs = [(g, p) for g, p in zip(gold, predicted) if g.startswith("faq/")]
    core_pairs = [(g, p) for g, p in zip(gold, predicted) if g in CORE_INTENTS]
    non_faq = [(g, p) for g, p in zip(gold, predicted) if not g.startswith("faq/")]
    confusions = Counter((g, p) for g, p in zip(gold, predicted) if g != p)
    precise_pairs = [(g, p) for g, p in faq_pairs if detail_of(g) and not is_not_covered(g)]
    not_covered_pairs = [(g, p) for g, p in faq_pairs if is_not_covered(g)]
    return {
        "faq_accuracy": _share(faq_pairs, same_topic),
        "faq_wrong_answer_rate": _share(faq_pairs, lambda g, p: p.startswith("faq/") and not same_topic(g, p)),
        "precise_answer_rate": _share(precise_pairs, lambda g, p: g == p) if precise_pairs else None,
        "precise_n": len(precise_pairs),
        "not_covered_rate": _share(not_covered_pairs, lambda g, p: is_not_covered(p)) if not_covered_pairs else None,
        "not_covered_n": len(not_covered_pairs),
        "answers_given_precise_share": sum(1 for p in answered if detail_of(p) and not is_clinic_fact(p)) / len(answered) if answered else 0.0,
        "answers_given_not_covered_share": sum(1 for p in answered if is_not_covered(p)) / len(answered) if answered else 0.0,
        "faq_fallback_rate": _share(faq_pairs, lambda g, p: p in NOT_ANSWERED),
        "faq_red_flag_rate": _share(faq_pairs, lambda g, p: p in TIER_OF_INTENT),
        "non_faq_answered_with_faq_rate": _share(non_faq, lambda g, p: p.startswith("faq/")),
        "core_accuracy": _share(core_pairs, lambda g, p: g == p) if core_pairs else None,
        "core_n": len(core_pairs),
        "core_recall": {i: per_label[i]["recall"] for i in CORE_INTENTS if i in per_label},
        "per_label": per_label,
        "confused_pairs": [[g, p, n] for (g, p), n in confusions.most_common(25)],
        "messages": len(gold),
    }


def _share(pairs: List[Tuple[str, str]], condition) -> float:
    return sum(1 for g, p in pairs if condition(g, p)) / len(pairs) if pairs else 0.0


def safety_metrics(messages: List[Dict], predicted_tiers: List[str]) -> Dict:
    by_kind: Dict[str, List[Tuple[Dict, str]]] = defaultdict(list)
    for message, tier in zip(messages, predicted_tiers):
        by_kind[message["kind"]].append((message, tier))
    emergencies = [t for m, t in zip(messages, predicted_tiers) if m["expected"] == "emergency"]
    urgents = [t for m, t in zip(messages, predicted_tiers) if m["expected"] == "urgent"]
    calm = by_kind["routine"] + by_kind["negated"]
    caught = sum(1 for t in emergencies if t == "emergency")
    misses = [
        {"text": m["text"], "kind": m["kind"], "expected": m["expected"], "got": t}
        for m, t in zip(messages, predicted_tiers)
        if (m["expected"] == "emergency" and t != "emergency")
        or (m["expected"] == "urgent" and t == "none")
        or (m["expected"] == "none" and t == "emergency")
    ]
    return {
        "emergency_recall": caught / len(emergencies) if emergencies else 1.0,
        "emergency_recall_ci95": wilson_interval(caught, len(emergencies)),
        "emergency_n": len(emergencies),
        "urgent_recall": sum(1 for t in urgents if t in ("urgent", "emergency")) / len(urgents) if urgents else 1.0,
        "urgent_n": len(urgents),
        "over_triage_rate": sum(1 for _, t in calm if t == "emergency") / len(calm) if calm else 0.0,
        "calm_escalated_any_rate": sum(1 for _, t in calm if t != "none") / len(calm) if calm else 0.0,
        "calm_n": len(calm),
        "informational_escalated_rate": _rate(by_kind["informational"], lambda t: t != "none"),
        "unrelated_escalated_rate": _rate(by_kind["unrelated"], lambda t: t != "none"),
        "misses": misses,
    }


def _rate(items: List[Tuple[Dict, str]], condition) -> float:
    return sum(1 for _, t in items if condition(t)) / len(items) if items else 0.0


def tier_of(parse: Dict) -> str:
    return TIER_OF_INTENT.get((parse.get("intent") or {}).get("name"), "none")


def evaluate(parser: Parser) -> Dict:
    from bot.answers import measure

    summary: Dict = {"safety": {}, "other_nlu_sets": {}, "answers": measure()}
    for path in nlu_sets():
        examples = load_heldout(path)
        gold = [g for _, g in examples]
        predicted = [decision(p) for p in parser.parse_all([t for t, _ in examples])]
        metrics = nlu_metrics(gold, predicted)
        if "nlu" not in summary:
            summary["nlu"] = metrics
            summary["nlu"]["_pairs"] = list(zip(gold, predicted))
        else:
            summary["other_nlu_sets"][path.name] = metrics
    for name in SAFETY_SETS:
        messages = load_safety(name)
        tiers = [tier_of(p) for p in parser.parse_all([m["text"] for m in messages])]
        summary["safety"][name] = safety_metrics(messages, tiers)
    summary["blind_faq"] = faq_blind_eval.evaluate(parser.parse_all, decision)
    faq_with_number = red_flag_eval.faq_keys_with_number(parser.agent.domain.responses)
    summary["red_flags_open"] = {}
    for round_name, messages in red_flag_eval.open_rounds().items():
        parses = parser.parse_all([m["text"] for m in messages])
        summary["red_flags_open"][round_name] = red_flag_eval.score(messages, parses, faq_with_number)
    return summary


def write_report(summary: Dict, out_dir: Path = OUT_DIR) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    pairs = summary["nlu"].pop("_pairs")
    _confusion_png(pairs, out_dir / "confusion.png")
    (out_dir / "summary.json").write_text(json.dumps(summary, indent=2))
    report = out_dir / "report.md"
    report.write_text(render_markdown(summary))
    return report


def _rate_or_none(value, n: int) -> str:
    return "n/a (no such labels in this set)" if value is None else f"{value:.1%} (n={n})"


def nlu_table(nlu: Dict) -> List[str]:
    return [
        "| measure | value |", "|---|---|",
        f"| FAQ topic accuracy | {nlu['faq_accuracy']:.1%} |",
        f"| FAQ wrong answers | {nlu['faq_wrong_answer_rate']:.1%} |",
        f"| FAQ fallback (not sure / out of scope) | {nlu['faq_fallback_rate']:.1%} |",
        f"| FAQ read as a red flag | {nlu['faq_red_flag_rate']:.1%} |",
        f"| precise-answer rate (labelled precise questions given that answer) | {_rate_or_none(nlu['precise_answer_rate'], nlu['precise_n'])} |",
        f"| not-covered rate (labelled not-covered questions told so) | {_rate_or_none(nlu['not_covered_rate'], nlu['not_covered_n'])} |",
        f"| FAQ answers given as a precise answer | {nlu['answers_given_precise_share']:.1%} |",
        f"| FAQ answers given as \"not covered\" | {nlu['answers_given_not_covered_share']:.1%} |",
        f"| other intents answered with an FAQ | {nlu['non_faq_answered_with_faq_rate']:.1%} |",
        f"| core intents accuracy | {_rate_or_none(nlu['core_accuracy'], nlu['core_n'])} |",
    ]


def render_markdown(summary: Dict) -> str:
    nlu = summary["nlu"]
    answers = summary["answers"]
    lines = [
        "# Evaluation on held-out data", "",
        f"Held-out NLU messages: {nlu['messages']} (tests/data/heldout_nlu.yml, never trained on)", "",
        *nlu_table(nlu), "",
        "## Answers", "",
        "| measure | value |", "|---|---|",
        f"| answers | {answers['answers']} |",
        f"| mean reading grade of lead sentences (Flesch-Kincaid, textstat) | {answers['lead_grade_mean']:.1f} (max {answers['lead_grade_max']:.1f}; {len(answers['lead_grade_over_target'])} above 8) |",
        f"| SMS length check (sample clinic values, example profile, option text) | {'all <= 320' if not answers['sms_too_long'] else 'TOO LONG: ' + ', '.join(answers['sms_too_long'])} (longest {answers['sms_max_chars']}) |",
        "",
    ]
    for name, other in summary.get("other_nlu_sets", {}).items():
        kind = "Development set (tuned against, not blind)" if name.startswith("dev_") else "Blind set"
        lines += [f"## {kind}: {name} ({other['messages']} messages)", "", *nlu_table(other), ""]
        lines += [f"- {g} → {p}: {n}" for g, p, n in other["confused_pairs"][:15]] + [""]
    lines += ["## Per label", "", "| label | precision | recall | n |", "|---|---|---|---|"]
    for label, m in sorted(nlu["per_label"].items()):
        lines.append(f"| {label} | {m['precision']:.2f} | {m['recall']:.2f} | {m['support']} |")
    lines += ["", "## Most confused pairs (gold → predicted)", ""]
    lines += [f"- {g} → {p}: {n}" for g, p, n in nlu["confused_pairs"]] or ["- none"]
    for name, s in summary["safety"].items():
        low, high = s["emergency_recall_ci95"]
        lines += [
            "", f"## Safety: {name}", "",
            "| measure | value |", "|---|---|",
            f"| emergency recall | {s['emergency_recall']:.1%} (95% CI {low:.1%}–{high:.1%}, n={s['emergency_n']}) |",
            f"| urgent recall (emergency counts as caught) | {s['urgent_recall']:.1%} (n={s['urgent_n']}) |",
            f"| routine + negated read as emergency (over-triage) | {s['over_triage_rate']:.1%} (n={s['calm_n']}) |",
            f"| routine + negated escalated at any tier | {s['calm_escalated_any_rate']:.1%} |",
            f"| informational questions escalated | {s['informational_escalated_rate']:.1%} |",
            f"| unrelated escalated | {s['unrelated_escalated_rate']:.1%} |",
            "", "Misses:", "",
        ]
        lines += [f"- [{m['kind']} → {m['got']}] {m['text']}" for m in s["misses"]] or ["- none"]
    lines += faq_blind_eval.render(summary.get("blind_faq", {}))
    for round_name, result in summary.get("red_flags_open", {}).items():
        lines += red_flag_eval.render(result, round_name)
        lines += ["Misses:", ""] + [f"- [{m['lang']} {m['tier']}/{m['category']} → {m['got']}] {m['text']}"
                                   for m in result["misses"]]
    return "\n".join(lines) + "\n"


def _confusion_png(pairs: List[Tuple[str, str]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    labels = sorted({g for g, _ in pairs} | {p for _, p in pairs})
    index = {label: i for i, label in enumerate(labels)}
    matrix = np.zeros((len(labels), len(labels)), dtype=int)
    for g, p in pairs:
        matrix[index[g], index[p]] += 1
    fig, ax = plt.subplots(figsize=(16, 14))
    ax.imshow(matrix, cmap="Blues")
    ax.set_xticks(range(len(labels)), labels=[l.replace("faq/", "") for l in labels], rotation=90, fontsize=7)
    ax.set_yticks(range(len(labels)), labels=[l.replace("faq/", "") for l in labels], fontsize=7)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    ax.set_title("Held-out confusion matrix")
    for i, j in zip(*np.nonzero(matrix)):
        ax.text(j, i, matrix[i, j], ha="center", va="center", fontsize=6,
                color="white" if matrix[i, j] > matrix.max() / 2 else "black")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main() -> None:
    summary = evaluate(Parser())
    report = write_report(summary)
    print(report.read_text())
    print(f"Report: {report.relative_to(PROJECT_ROOT)}  Chart: {(OUT_DIR / 'confusion.png').relative_to(PROJECT_ROOT)}")


if __name__ == "__main__":
    main()
