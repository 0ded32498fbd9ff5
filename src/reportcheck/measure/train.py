"""`make train`: tune the statistical parts on corpus/train, check them on corpus/dev, write models/.

Today the trained parts are the level thresholds of evidence density and first person (models/levels.json,
fitted on train) and the repeated-problem threshold (models/prior.json, tuned on dev: train's pairs were read
while writing the topic lexicon), each plain JSON with a card (models/*.md). corpus/test is only scored for the card, never used to choose
anything. Deterministic: the same corpus gives the same file.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from reportcheck.measure.eval import review_labeled
from reportcheck.measure.gold import LEVEL_ORDER, find_labeled
from reportcheck.measure.tuning import best_thresholds, midpoint_cut
from reportcheck.models import model_dir

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


def prior_rows(folder: Path) -> tuple[list[tuple[float, bool]], int]:
    """(score, overlaps a gold repeated sentence) of every problem item in the prior-year pairs; gold count."""
    from reportcheck import structure
    from reportcheck.analyzers.prior import scored_items
    from reportcheck.context import Context
    from reportcheck.ingest import read_path
    from reportcheck.measure.gold import locate, overlaps
    from reportcheck.profiles import load_profile

    rows, n_gold = [], 0
    for item in find_labeled(folder):
        if item.prior is None or "repeated_from_prior" not in item.label:
            continue
        doc = read_path(item.path)
        ctx = Context(doc, structure.parse(doc), load_profile("default"), [], read_path(item.prior))
        gold = [g for g in (locate(doc.text, x) for x in item.label["repeated_from_prior"]) if g]
        n_gold += len(gold)
        for s, score, _item, _why in scored_items(ctx):
            rows.append((score, any(overlaps((s.start, s.end), g) for g in gold)))
    return rows, n_gold


def prior_f1(rows: list[tuple[float, bool]], n_gold: int, t: float) -> float:
    tp = sum(1 for sc, g in rows if sc >= t and g)
    fp = sum(1 for sc, g in rows if sc >= t and not g)
    fn = max(0, n_gold - tp)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def fit_prior(rows: list[tuple[float, bool]], n_gold: int) -> dict:
    scores = sorted({sc for sc, _ in rows} | {1.01})
    best = max(scores, key=lambda t: (prior_f1(rows, n_gold, t), t))  # ties: the stricter threshold
    return {"threshold": midpoint_cut(scores, best)}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[args.index("--out") + 1]) if "--out" in args else model_dir()
    root = Path(args[args.index("--corpus") + 1]) if "--corpus" in args else Path("corpus")
    sets = {name: features(root / name) for name in ("train", "dev", "test")}
    model = fit(sets["train"])
    prior_sets = {name: prior_rows(root / name) for name in ("train", "dev", "test")}
    prior_model = fit_prior(*prior_sets["dev"])
    prior_figs = {name: round(prior_f1(rows, n, prior_model["threshold"]), 3) for name, (rows, n) in prior_sets.items()}
    figs = {name: {"evidence_accuracy": accuracy(rows, lambda r: evidence_level(r["ev"], model["evidence"]), "ev_gold"),
                   "first_person_accuracy": accuracy(rows, lambda r: first_person_level(r, model["first_person"]), "fp_gold"),
                   "n": len(rows)} for name, rows in sets.items()}
    out.mkdir(parents=True, exist_ok=True)
    (out / "levels.json").write_text(json.dumps(model, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip() or "unknown"
    card = [
        "# Model card: levels.json (evidence and first-person level thresholds)", "",
        f"Trained {dt.date.today().isoformat()} at commit {commit} by `make train` (`python -m reportcheck.measure.train`).", "",
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
    (out / "prior.json").write_text(json.dumps(prior_model, sort_keys=True) + "\n", encoding="utf-8")
    prior_card = [
        "# Model card: prior.json (repeated-problem threshold)", "",
        f"Trained {dt.date.today().isoformat()} at commit {commit} by `make train`.", "",
        "- **What**: the score at which a problem item this year is flagged as restating one of last year's",
        "  (`analyzers/prior.py`: 1.0 for a shared problem topic from lexicons/prior.toml, else the IDF-weighted",
        "  share of the item's content words found in a prior item).",
        "- **Data**: tuned on the prior-year pairs of corpus/dev (item-level F1, the stricter threshold on ties);",
        "  the train pairs were read while writing the topic lexicon, so they are not a fair check; test only scored.",
        "- **Format**: plain JSON.", "",
        "| split | item-level F1 |", "| --- | --- |", *[f"| {n} | {f:.3f} |" for n, f in prior_figs.items()], "",
        f"Parameters: `{json.dumps(prior_model, sort_keys=True)}`", "",
    ]
    (out / "prior.md").write_text("\n".join(prior_card), encoding="utf-8")
    print(f"wrote {out / 'levels.json'}, {out / 'prior.json'} and their cards")
    print("\n".join(card[-7:] + prior_card[-7:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
