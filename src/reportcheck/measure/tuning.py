"""Threshold search shared by the trainer and the shortcut check."""

from __future__ import annotations


def best_thresholds(values: list[float], gold: list[int]) -> tuple[float, float, float]:
    """(low cut, high cut, accuracy) of the best rule: level 0 below low, 2 at or above high, else 1.
    Ties go to the first (lowest) cuts found, so the search is deterministic."""
    cuts = sorted(set(values)) + [max(values) + 1]
    best = (0.0, 0.0, -1.0)
    for i, lo in enumerate(cuts):
        for hi in cuts[i:]:
            pred = [0 if v < lo else 2 if v >= hi else 1 for v in values]
            acc = sum(p == g for p, g in zip(pred, gold, strict=True)) / len(gold)
            if acc > best[2]:
                best = (lo, hi, acc)
    return best


def midpoint_cut(values: list[float], cut: float) -> float:
    """Move a cut found at an observed value to halfway from the value below it (less brittle)."""
    below = [v for v in values if v < cut]
    return round((max(below) + cut) / 2, 2) if below else round(cut, 2)
