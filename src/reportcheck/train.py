"""`make train`: tune the statistical parts on corpus/train, check them on corpus/dev, write models/.

Today the trained parts are the level thresholds of evidence density and first person (models/levels.json,
plain JSON, with its card models/levels.md). corpus/test is only scored for the card, never used to choose
anything. Deterministic: the same corpus gives the same file.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from reportcheck.eval import review_labeled
from reportcheck.gold import LEVEL_ORDER, find_labeled
from reportcheck.models import model_dir
from reportcheck.tuning import best_thresholds, midpoint_cut

EVIDENCE = ("low", "medium", "high")
FIRST_PERSON = ("absent", "weak", "strong")


def features(folder: Path) -> list[dict]:
    rows = []
    for item in find_labeled(folder):
        r = review_labeled(item)
        rows.append({"id": item.id, "ev": r.evidence.per_1k_chars, "ev_gold": LEVEL_ORDER[item.label["evidence_level"]],
                     "fp": r.first_person.per_1k_chars, "fp_any": r.first_person.count + r.first_person.attitude,
                     "fp_count": r.first_person.count, "fp_gold": LEVEL_ORDER[item.label["first_person"]]})
    return rows


def evidence_level(v: float, m: dict) -> int:
    return 2 if v >= m["high_per_1k"] else 1 if v >= m["medium_per_1k"] else 0


def first_person_level(row: dict, m: dict) -> int:
    if row["fp"] >= m["strong_per_1k"] and row["fp_count"] >= m["strong_min"]:
        return 2
    return 1 if row["fp_any"] else 0


def accuracy(rows: list[dict], pred, gold_key: str) -> float:
    return round(sum(pred(r) == r[gold_key] for r in rows) / len(rows), 3) if rows else 0.0


def fit(train: list[dict]) -> dict:
    ev_vals = [r["ev"] for r in train]
    lo, hi, _ = best_thresholds(ev_vals, [r["ev_gold"] for r in train])
    evidence = {"medium_per_1k": midpoint_cut(ev_vals, lo), "high_per_1k": midpoint_cut(ev_vals, hi)}
    fp_vals = sorted({r["fp"] for r in train})
    best = (0.0, -1.0)
    for cut in fp_vals:
        m = {"strong_per_1k": cut, "strong_min": 3}
        acc = accuracy(train, lambda r, m=m: first_person_level(r, m), "fp_gold")
        if acc > best[1]:
            best = (cut, acc)
    first_person = {"strong_per_1k": midpoint_cut(fp_vals, best[0]), "strong_min": 3}
    return {"evidence": evidence, "first_person": first_person}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[args.index("--out") + 1]) if "--out" in args else model_dir()
    root = Path(args[args.index("--corpus") + 1]) if "--corpus" in args else Path("corpus")
    sets = {name: features(root / name) for name in ("train", "dev", "test")}
    model = fit(sets["train"])
    figs = {name: {"evidence_accuracy": accuracy(rows, lambda r: evidence_level(r["ev"], model["evidence"]), "ev_gold"),
                   "first_person_accuracy": accuracy(rows, lambda r: first_person_level(r, model["first_person"]), "fp_gold"),
                   "n": len(rows)} for name, rows in sets.items()}
    out.mkdir(parents=True, exist_ok=True)
    (out / "levels.json").write_text(json.dumps(model, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip() or "unknown"
    card = [
        "# Model card: levels.json (evidence and first-person level thresholds)", "",
        f"Trained {dt.date.today().isoformat()} at commit {commit} by `make train` (`python -m reportcheck.train`).", "",
        "- **What**: the cut-offs that turn two traceable densities into the gold levels. Evidence: data points",
        "  (quantities with units, not years/dates/document numbers/targets) plus named cases, per 1,000 characters",
        "  of body text; medium at `medium_per_1k`, high at `high_per_1k`. First person: the secretary's own",
        "  concrete actions (我/本人 + action; 我们/我县… and attitude-only 我 excluded) per 1,000 characters;",
        "  strong at `strong_per_1k` with at least `strong_min` actions, weak when any 我 of the secretary, else absent.",
        "- **Data**: fitted on corpus/train (accuracy-maximising search over observed values, cut placed halfway",
        "  to the value below); corpus/dev checks it; corpus/test is only scored here, never used to choose.",
        "- **Format**: plain JSON, loaded with `json.loads`; nothing is unpickled or executed.", "",
        "| split | reports | evidence level accuracy | first-person level accuracy |", "| --- | --- | --- | --- |",
        *[f"| {n} | {f['n']} | {f['evidence_accuracy']:.3f} | {f['first_person_accuracy']:.3f} |" for n, f in figs.items()], "",
        "Parameters: `" + json.dumps(model, ensure_ascii=False, sort_keys=True) + "`", "",
    ]
    (out / "levels.md").write_text("\n".join(card), encoding="utf-8")
    print(f"wrote {out / 'levels.json'} and its card {out / 'levels.md'}")
    print("\n".join(card[-7:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
