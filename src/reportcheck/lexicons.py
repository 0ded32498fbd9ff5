"""Loads the word lists and rules in lexicons/*.toml (data, not code). Loaded once per process."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any


def lexicon_dir() -> Path:
    """lexicons/ at the repository root; the wheel ships a copy inside the package."""
    here = Path(__file__).resolve()
    for cand in (here.parent / "lexicons", here.parents[2] / "lexicons"):
        if cand.is_dir():
            return cand
    raise FileNotFoundError("lexicons/ not found")


@cache
def load(name: str) -> dict[str, Any]:
    with open(lexicon_dir() / f"{name}.toml", "rb") as f:
        return tomllib.load(f)
