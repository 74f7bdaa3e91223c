"""Cross-validation of the red-flag gate's thresholds on the TRAINING data only.

Each fold trains the red-flag classifier on 4/5 of the examples and decides the other
fifth the way RedFlagGate does (rules first, the classifier on what the rules did not
explain away). Prints, per threshold, how many emergencies and urgent messages are
escalated and how many "none" messages are read as emergencies or caught by the net.
Held-out sets play no part: they measure, they do not tune.

    .venv/bin/python -m bot.tools.safety_cv
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from rasa.shared.nlu.training_data.loading import load_data
from sklearn.model_selection import StratifiedKFold

from bot.nlu.red_flag_gate import TIER_RANK, training_set
from bot.safety.categories import emergency_only_categories
from bot.safety.classifier import RedFlagClassifier
from bot.safety.detector import default_detector


SHARE = float(sys.argv[3]) if len(sys.argv) > 3 else 0.2


def main() -> None:
    texts, tiers, categories = training_set(load_data("data/nlu"), Path("data/safety"))
    detector = default_detector()
    assessments = [detector.assess(t) for t in texts]
    remainders = [a.without_denied(t) if a.findings else t for a, t in zip(assessments, texts)]
    probs = np.zeros((len(texts), 3))
    always = np.zeros(len(texts), dtype=bool)
    only = emergency_only_categories()
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    for train, test in folds.split(texts, tiers):
        model = RedFlagClassifier.fit([texts[i] for i in train], [tiers[i] for i in train],
                                      [categories[i] for i in train])
        for i, reading in zip(test, model.read_many([remainders[i] for i in test])):
            probs[i] = [reading.probabilities.get(k, 0.0) for k in ("emergency", "urgent", "none")]
            always[i] = reading.category in only
    tiers_arr = np.array(tiers)
    rule_tier = np.array([TIER_RANK[a.tier] for a in assessments])
    print(f"n = {len(texts)}: emergency {sum(tiers_arr == 'emergency')}, urgent {sum(tiers_arr == 'urgent')}, none {sum(tiers_arr == 'none')}")
    print("rules alone: emergency recall %.3f, urgent escalated %.3f, none->emergency %.4f" % (
        np.mean(rule_tier[tiers_arr == "emergency"] == 2), np.mean(rule_tier[tiers_arr == "urgent"] >= 1),
        np.mean(rule_tier[tiers_arr == "none"] == 2)))
    if len(sys.argv) > 1:  # dump the misses at the given thresholds, for reading
        t_em, t_red = float(sys.argv[1]), float(sys.argv[2])
        for i, text in enumerate(texts):
            p_em, p_red = probs[i, 0], probs[i, 0] + probs[i, 1]
            clf = 2 if p_em >= t_em or (p_red >= t_red and (p_em / max(p_red, 1e-9) >= SHARE or always[i])) else (1 if p_red >= t_red else 0)
            final = max(rule_tier[i], clf)
            if (tiers[i] == "emergency" and final < 2) or (tiers[i] == "urgent" and final < 1) or (tiers[i] == "none" and final == 2):
                print(f"MISS {tiers[i]:9s} rule={rule_tier[i]} clf={clf} p_em={p_em:.2f} p_red={p_red:.2f} | {text}")
        return
    print(" t_em  t_red  net  | em recall  urg esc  none->em  none->esc  none->net  em->no number")
    for t_em in (0.3, 0.4, 0.5):
        for t_red in (0.4, 0.5):
            for t_net in (0.15, 0.25):
                em = probs[:, 0] >= t_em
                red = (probs[:, 0] + probs[:, 1]) >= t_red
                share = probs[:, 0] / np.maximum(probs[:, 0] + probs[:, 1], 1e-9)
                clf = np.where(em | (red & ((share >= SHARE) | always)), 2, np.where(red, 1, 0))
                final = np.maximum(rule_tier, clf)
                net = (final == 0) & ((probs[:, 0] + probs[:, 1]) >= t_net)
                e, u, n = tiers_arr == "emergency", tiers_arr == "urgent", tiers_arr == "none"
                print(f" {t_em:.2f}  {t_red:.2f}  {t_net:.2f} |  {np.mean(final[e] == 2):.3f}     {np.mean(final[u] >= 1):.3f}    "
                      f"{np.mean(final[n] == 2):.4f}    {np.mean(final[n] >= 1):.4f}     {np.mean(net[n]):.4f}     "
                      f"{np.mean((final[e] == 0) & ~net[e]):.4f}")


if __name__ == "__main__":
    main()
