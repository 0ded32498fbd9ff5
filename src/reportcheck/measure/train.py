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

import numpy as np

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


def prior_rows(folder: Path) -> tuple[list[dict[str, float]], list[bool], int]:
    """Features of every problem item of the prior-year pairs against its best match last year, whether it
    overlaps a gold repeated sentence, and the number of gold sentences."""
    from reportcheck.analyzers.prior import scored_items
    from reportcheck.measure.gold import context_of, locate, overlaps

    X, y, n_gold = [], [], 0
    for item in find_labeled(folder):
        if item.prior is None or "repeated_from_prior" not in item.label:
            continue
        ctx = context_of(item, prior=True)
        gold = [g for g in (locate(ctx.text, x) for x in item.label["repeated_from_prior"]) if g]
        n_gold += len(gold)
        for s, _score, _item, _why, feats in scored_items(ctx):
            X.append(feats)
            y.append(any(overlaps((s.start, s.end), g) for g in gold))
    return X, y, n_gold


def prior_f1(probs: list[float], gold: list[bool], n_gold: int, t: float) -> float:
    tp = sum(1 for p, g in zip(probs, gold, strict=True) if p >= t and g)
    fp = sum(1 for p, g in zip(probs, gold, strict=True) if p >= t and not g)
    fn = max(0, n_gold - tp)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def fit_prior(train: tuple, dev: tuple) -> dict:
    """Logistic model on train's items; the threshold that maximises item-level F1 on dev (ties: stricter)."""
    from reportcheck.measure.linear import fit_logistic, probability

    model = fit_logistic(train[0], train[1], [], [], c=1.0)
    probs = [probability(model, r) for r in dev[0]]
    cands = sorted({round(t, 3) for t in np.arange(0.2, 0.951, 0.025)})
    model["threshold"] = max(cands, key=lambda t: (prior_f1(probs, dev[1], dev[2], t), t))
    return model


def question_rows(folder: Path) -> tuple[list[dict[str, float]], list[bool]]:
    """The answer features of every labeled 必答题, located by the analyzer as a user's review would."""
    from reportcheck.analyzers import questions as q_analyzer
    from reportcheck.measure.gold import context_of

    X, y = [], []
    for item in find_labeled(folder):
        ctx = context_of(item, questions=True)
        units = q_analyzer._units(ctx)
        for i, q in enumerate(ctx.questions):
            spans = q_analyzer._locate(ctx, i, q, units)[0]
            X.append(q_analyzer.answer_features(ctx, spans))
            y.append(bool(item.label["questions_answered"][i]))
    return X, y


def train_questions(root: Path, out: Path, commit: str) -> None:
    from reportcheck.measure.linear import accuracy as acc
    from reportcheck.measure.linear import fit_logistic, probability

    sets = {name: question_rows(root / name) for name in ("train", "dev", "test")}
    model = fit_logistic(*sets["train"], *sets["dev"], c=1.0)
    figs = {n: (len(y), acc([probability(model, r) for r in X], y, model["threshold"])) for n, (X, y) in sets.items()}
    (out / "questions.json").write_text(json.dumps(model, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    weights = sorted(zip(model["features"], model["coef"], strict=True), key=lambda x: -abs(x[1]))
    card = [
        "# Model card: questions.json (is a located 必答题 answer an answer?)", "",
        f"Trained {dt.date.today().isoformat()} at commit {commit} by `make train`.", "",
        "- **What**: a logistic model over what a reviewer looks for in the located answer (analyzers/questions.py",
        "  `answer_features`): measures taken, results, facts, against slogans/attitude, plans, numbers that only give a",
        "  problem's scale and an admission that the question is not solved; plus how well the text matches the question.",
        "- **Data**: fitted on corpus/train (class-balanced, standardised features, L2, C=1); the decision threshold is",
        "  chosen on corpus/dev; corpus/test is only scored here.",
        "- **Format**: plain JSON (feature names, means, scales, coefficients, intercept, threshold).", "",
        "| split | questions | answered accuracy |", "| --- | --- | --- |",
        *[f"| {n} | {k} | {a:.3f} |" for n, (k, a) in figs.items()], "",
        "Weights (standardised): " + ", ".join(f"{f} {c:+.2f}" for f, c in weights), "",
    ]
    (out / "questions.md").write_text("\n".join(card), encoding="utf-8")


def _area_units(folder: Path) -> list[tuple[object, object, list[tuple[int, int]]]]:
    """(labeled report, its Context, the area analyzer's candidate paragraphs) for every report in folder."""
    from reportcheck.analyzers.areas import candidates
    from reportcheck.measure.gold import context_of

    out = []
    for item in find_labeled(folder):
        ctx = context_of(item)
        out.append((item, ctx, [(a, b) for a, b, _ in candidates(ctx)]))
    return out


def train_areas(root: Path, out: Path, commit: str) -> None:
    """Paragraph → area model. A paragraph holding an area's gold anchor is a positive; every candidate paragraph
    of a report where the area is not covered is a negative; other paragraphs of covering reports are left out
    (they may cover it too). Report-level thresholds (the best paragraph's probability) are chosen on dev."""
    from reportcheck.analyzers.areas import term_feature
    from reportcheck.measure.gold import AREAS, locate
    from reportcheck.measure.linear import best_threshold, fit_text_model
    from reportcheck.models import TextModel
    from reportcheck.profiles import load_profile

    terms = {a.id: a.terms for a in load_profile("default").areas}
    train = _area_units(root / "train")
    texts, extras, gold = [], {a: [] for a in AREAS}, {a: [] for a in AREAS}
    for item, ctx, paras in train:
        for a, b in paras:
            text = ctx.shadow[a:b]
            texts.append(text)
            for area in AREAS:
                g = item.label["areas"][area]
                at = locate(ctx.text, g.get("anchor")) if g.get("covered") else None
                gold[area].append(False if not g.get("covered") else (True if at and a <= at[0] < b else None))
                extras[area].append({"terms": term_feature(text, terms[area])})
    model = fit_text_model(texts, extras, gold)
    tm = TextModel(model)

    def report_scores(units) -> dict[str, list[tuple[float, bool]]]:
        res: dict[str, list[tuple[float, bool]]] = {a: [] for a in AREAS}
        for item, ctx, paras in units:
            vecs = [tm.vector(ctx.shadow[a:b]) for a, b in paras]
            for area in AREAS:
                best = max((tm.probability(area, v, {"terms": term_feature(ctx.shadow[a:b], terms[area])}) for v, (a, b) in zip(vecs, paras, strict=True)), default=0.0)
                res[area].append((best, bool(item.label["areas"][area]["covered"])))
        return res

    dev = report_scores(_area_units(root / "dev"))
    for area in AREAS:
        model["labels"][area]["threshold"] = best_threshold([s for s, _ in dev[area]], [g for _, g in dev[area]])
    (out / "areas.json").write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    figs = {}
    for name, res in (("train", report_scores(train)), ("dev", dev), ("test", report_scores(_area_units(root / "test")))):
        tm_thr = {a: model["labels"][a]["threshold"] for a in AREAS}
        bal = []
        for area in AREAS:
            pos = [s >= tm_thr[area] for s, g in res[area] if g]
            neg = [s < tm_thr[area] for s, g in res[area] if not g]
            bal.append(((sum(pos) / len(pos) if pos else 1) + (sum(neg) / len(neg) if neg else 1)) / 2)
        figs[name] = bal
    card = [
        "# Model card: areas.json (which content area a paragraph covers)", "",
        f"Trained {dt.date.today().isoformat()} at commit {commit} by `make train`.", "",
        "- **What**: per area A1–A7, a logistic model over character 1–3-gram TF-IDF of a paragraph (12,000 grams shared",
        "  by all areas) and the log count of the default profile's terms for the area. Only paragraphs that report work",
        "  done with substance are scored (analyzers/areas.py `candidates`); an area is covered when its best paragraph",
        "  reaches the area's threshold.",
        "- **Data**: fitted on corpus/train: a paragraph holding the area's gold anchor is a positive, every candidate",
        "  paragraph of a report where the area is not covered a negative; thresholds chosen on corpus/dev (balanced",
        "  accuracy of report-level coverage); corpus/test only scored here.",
        "- **Format**: plain JSON (vocabulary, idf, coefficients); scored without scikit-learn.", "",
        "| split | " + " | ".join(AREAS) + " |", "| --- | " + " | ".join("---" for _ in AREAS) + " |",
        *[f"| {n} (balanced acc.) | " + " | ".join(f"{v:.3f}" for v in vals) + " |" for n, vals in figs.items()], "",
        "Thresholds: " + ", ".join(f"{a} {model['labels'][a]['threshold']}" for a in AREAS), "",
    ]
    (out / "areas.md").write_text("\n".join(card), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[args.index("--out") + 1]) if "--out" in args else model_dir()
    root = Path(args[args.index("--corpus") + 1]) if "--corpus" in args else Path("corpus")
    sets = {name: features(root / name) for name in ("train", "dev", "test")}
    model = fit(sets["train"])
    from reportcheck.measure.linear import probability

    prior_sets = {name: prior_rows(root / name) for name in ("train", "dev", "test")}
    prior_model = fit_prior(prior_sets["train"], prior_sets["dev"])
    prior_figs = {name: round(prior_f1([probability(prior_model, r) for r in X], y, n, prior_model["threshold"]), 3)
                  for name, (X, y, n) in prior_sets.items()}
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
    (out / "prior.json").write_text(json.dumps(prior_model, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    prior_card = [
        "# Model card: prior.json (does a problem item this year restate one of last year's?)", "",
        f"Trained {dt.date.today().isoformat()} at commit {commit} by `make train`.", "",
        "- **What**: a logistic model over a problem item's best match among last year's items (`analyzers/prior.py`):",
        "  a shared problem topic (lexicons/prior.toml), the IDF-weighted share of its content words in the prior item,",
        "  the number of shared words, shared character pairs, words saying the problem persists (还是/仍然/至今) and",
        "  words saying it was solved (已整改/已解决).",
        "- **Data**: fitted on the items of corpus/train's prior-year pairs (class-balanced); the threshold maximises",
        "  item-level F1 on corpus/dev's pairs (the stricter one on ties); test only scored here.",
        "- **Format**: plain JSON (feature names, means, scales, coefficients, intercept, threshold).", "",
        "| split | item-level F1 |", "| --- | --- |", *[f"| {n} | {f:.3f} |" for n, f in prior_figs.items()], "",
        f"Parameters: `{json.dumps(prior_model, sort_keys=True)}`", "",
    ]
    (out / "prior.md").write_text("\n".join(prior_card), encoding="utf-8")
    train_questions(root, out, commit)
    train_areas(root, out, commit)
    print(f"wrote {out / 'levels.json'}, {out / 'prior.json'} and their cards")
    print("\n".join(card[-7:] + prior_card[-7:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
