"""Trained parameters in models/: plain JSON only (nothing is unpickled, nothing executes on load)."""

from __future__ import annotations

import json
import math
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any


def model_dir() -> Path:
    here = Path(__file__).resolve()
    for cand in (here.parent / "models", here.parents[2] / "models"):
        if cand.is_dir():
            return cand
    return here.parents[2] / "models"


@cache
def load_json(name: str) -> dict[str, Any]:
    """models/NAME.json, or {} when no model has been trained (the lexicon defaults apply)."""
    p = model_dir() / f"{name}.json"
    if not p.is_file():
        return {}
    return json.loads(p.read_text(encoding="utf-8"))


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def logistic(m: dict[str, Any], features: dict[str, float]) -> float:
    """The probability a logistic model ({"features", "mean", "scale", "coef", "intercept"}) gives a row."""
    return sigmoid(m["intercept"] + sum(c * (features.get(f, 0.0) - mu) / sd
                                        for f, c, mu, sd in zip(m["features"], m["coef"], m["mean"], m["scale"], strict=True)))


def linear_score(name: str, features: dict[str, float]) -> tuple[bool, float] | None:
    """(decision, probability) of the logistic model saved as models/NAME.json (with its "threshold"), or None
    when it has not been trained."""
    m = load_json(name)
    if "coef" not in m:
        return None
    p = logistic(m, features)
    return p >= m["threshold"], p


class TextModel:
    """A linear model over character n-gram TF-IDF (sublinear tf, l2-normalised), plus named extra features,
    saved by `make train` as plain JSON: {"ngram": [lo, hi], "vocab": [...], "idf": [...], "labels": {NAME:
    {"coef": [...], "extra": {feature: weight}, "intercept": b, "threshold": t}}}. Scoring needs no scikit-learn."""

    def __init__(self, m: dict[str, Any]) -> None:
        self.lo, self.hi = m["ngram"]
        self.index = {g: i for i, g in enumerate(m["vocab"])}
        self.idf = m["idf"]
        self.labels = m["labels"]

    def vector(self, text: str) -> dict[int, float]:
        counts = Counter(text[i : i + n] for n in range(self.lo, self.hi + 1) for i in range(len(text) - n + 1))
        vec = {self.index[g]: (1 + math.log(c)) * self.idf[self.index[g]] for g, c in counts.items() if g in self.index}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {k: v / norm for k, v in vec.items()}

    def probability(self, label: str, vec: dict[int, float], extra: dict[str, float]) -> float:
        m = self.labels[label]
        coef = m["coef"]
        return sigmoid(m["intercept"] + sum(coef[k] * v for k, v in vec.items()) + sum(w * extra.get(f, 0.0) for f, w in m["extra"].items()))


@cache
def text_model(name: str) -> TextModel | None:
    m = load_json(name)
    return TextModel(m) if m else None
