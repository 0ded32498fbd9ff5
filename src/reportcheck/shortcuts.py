"""The shortcut check: how far a single stock phrase, or a plain count, gets on a labeled folder.

For each anti-pattern and area: the best rule "present if the report contains phrase P", P drawn from
lexicons/shortcuts.toml (LABELING.md's stock phrases) and the detectors' own word lists, with its F1.
For first person and evidence: the best pair of thresholds on a plain count (我 per 1,000 characters;
digits per 1,000 characters) splitting reports into the three gold levels, with its accuracy.
The corpus measures judgement only if every such rule stays low (tests/test_corpus.py holds it to that).

python -m reportcheck.shortcuts corpus/test
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from reportcheck.eval import Binary
from reportcheck.gold import find_labeled
from reportcheck.ingest import read_path
from reportcheck.lexicons import load
from reportcheck.profiles import load_profile
from reportcheck.tuning import best_thresholds

LEVELS = {"first_person": ("absent", "weak", "strong"), "evidence_level": ("low", "medium", "high")}


def _f1(gold: list[bool], pred: list[bool]) -> float:
    b = Binary()
    for g, p in zip(gold, pred, strict=True):
        b.add(g, p)
    return b.f1


def candidates() -> dict[str, list[str]]:
    stock = load("shortcuts")
    ap_lex = load("antipatterns")
    out: dict[str, list[str]] = {}
    for code, words in stock["antipatterns"].items():
        own = [w for lst in ap_lex.get(code, {}).values() if isinstance(lst, list) for w in lst]
        out[code] = sorted(set(words) | set(own))
    for area in load_profile("default").areas:
        out[area.id] = sorted(set(stock["areas"].get(area.id, [])) | set(area.terms))
    return out


def best_phrase(texts: list[str], gold: list[bool], phrases: list[str]) -> tuple[str, float]:
    best = ("", 0.0)
    for p in phrases:
        f = _f1(gold, [p in t for t in texts])
        if f > best[1]:
            best = (p, f)
    return best


def run(folder: Path) -> dict[str, dict]:
    items = find_labeled(folder)
    texts = [read_path(i.path).shadow for i in items]
    out: dict[str, dict] = {}
    for name, phrases in candidates().items():
        if name.startswith("A"):
            gold = [bool(i.label["areas"][name]["covered"]) for i in items]
        else:
            gold = [bool(i.label["antipatterns"][name]["present"]) for i in items]
        phrase, f1 = best_phrase(texts, gold, phrases)
        out[name] = {"rule": f"contains “{phrase}”", "f1": round(f1, 3), "positives": sum(gold), "n": len(gold)}
    counts = {"first_person": [len(re.findall("我", t)) * 1000 / max(len(t), 1) for t in texts],
              "evidence_level": [len(re.findall(r"[0-9０-９]", t)) * 1000 / max(len(t), 1) for t in texts]}
    for key, values in counts.items():
        gold_lv = [LEVELS[key].index(i.label[key]) for i in items]
        lo, hi, acc = best_thresholds(values, gold_lv)
        unit = "我" if key == "first_person" else "digits"
        out[key] = {"rule": f"{unit}/1k < {lo:.1f} → {LEVELS[key][0]}, ≥ {hi:.1f} → {LEVELS[key][2]}", "accuracy": round(acc, 3), "n": len(items)}
    return out


def as_markdown(res: dict[str, dict]) -> str:
    lines = ["| label | best single-keyword / plain-count rule | F1 or accuracy |", "| --- | --- | --- |"]
    for name, v in res.items():
        fig = f"F1 {v['f1']:.3f}" if "f1" in v else f"accuracy {v['accuracy']:.3f}"
        lines.append(f"| {name} | {v['rule']} | {fig} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0] if args else "corpus/test")
    sys.stdout.write(f"Shortcut check on {folder}: the best rule a keyword or a plain count can make\n\n")
    sys.stdout.write(as_markdown(run(folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
