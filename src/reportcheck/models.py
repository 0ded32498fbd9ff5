"""Trained parameters in models/: plain JSON only (nothing is unpickled, nothing executes on load)."""

from __future__ import annotations

import json
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
