"""Area profiles (data in lexicons/profiles/*.toml): the default 7 areas, village, 机关, or a user file."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportcheck.lexicons import lexicon_dir, load


@dataclass(frozen=True)
class AreaSpec:
    id: str
    name: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Profile:
    name: str
    description: str
    areas: tuple[AreaSpec, ...]
    required: tuple[str, ...]
    min_terms: int = 2
    reading_chars_per_minute: int = 240
    speaking_minutes: int | None = None


class UnknownProfile(ValueError):
    pass


def available() -> dict[str, str]:
    out = {}
    for p in sorted((lexicon_dir() / "profiles").glob("*.toml")):
        with open(p, "rb") as f:
            out[p.stem] = tomllib.load(f).get("description", "")
    return out


@cache
def load_profile(name_or_path: str = "default") -> Profile:
    path = Path(name_or_path)
    if not path.suffix:
        path = lexicon_dir() / "profiles" / f"{name_or_path}.toml"
    if not path.is_file():
        raise UnknownProfile(f"未知的评议方案 {name_or_path!r}；可选：{', '.join(available())}，或给出 .toml 文件路径")
    with open(path, "rb") as f:
        raw = tomllib.load(f)
    base = {}
    if "extends" in raw:
        base_profile = load_profile(raw["extends"])
        base = {"areas": base_profile.areas, "min_terms": base_profile.min_terms, "reading_chars_per_minute": base_profile.reading_chars_per_minute}
    areas = tuple(AreaSpec(a["id"], a["name"], tuple(a["terms"])) for a in raw["areas"]) if "areas" in raw else base.get("areas", ())
    return Profile(
        name=raw.get("name", path.stem),
        description=raw.get("description", ""),
        areas=areas,
        required=tuple(raw.get("required", [a.id for a in areas])),
        min_terms=raw.get("min_terms", base.get("min_terms", 2)),
        reading_chars_per_minute=raw.get("reading_chars_per_minute", base.get("reading_chars_per_minute", 240)),
        speaking_minutes=raw.get("speaking_minutes"),
    )


def guess_level(title: str, reporter: str = "", body: str = "") -> str | None:
    """The org level a report speaks for (lexicons/org_levels.toml): named in the title, else in the reporter
    line, else in the opening of the body (the first few hundred characters say which unit reports)."""
    lex = load("org_levels")
    for text in (title, reporter, body[: lex.get("body_chars", 300)]):
        if text:
            hit = next((lv for lv in lex["order"] if any(_cue_in(c, text) for c in lex["cues"][lv])), None)
            if hit:
                return hit
    return None


def _cue_in(cue: str, text: str) -> bool:
    return re.search(cue[3:], text) is not None if cue.startswith("re:") else cue in text


def profile_for_level(org_level: str | None) -> str:
    if org_level and "村" in org_level:
        return "village"
    if org_level and ("机关" in org_level or "部门" in org_level):
        return "jiguan"
    return "default"
