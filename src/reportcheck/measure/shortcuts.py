"""The shortcut check: how far a cue that is not judgement gets on the held-out split.

Every cue is chosen on train+dev and scored on test, as a detector tuned on the corpus would be. Four families:

- (a) phrase: a stock phrase (or any of up to three) present or absent, in the whole report or within one part
  (achievements, problems, causes, next steps, 必答题 answer), phrases from lexicons/shortcuts.toml and the
  detectors' own word lists;
- (b) count: a threshold on how many words of a label's stock list a report (or one part) holds;
- (c) ngram: the 2–6-character n-gram, present or absent in the report or one part, that best separates the label;
- (d) shape: a threshold on a plain structure feature (length, share of the problems part, number of problem
  items, a 原因 heading, …).

For first person and evidence: the best pair of thresholds on a plain count (我, 本人, digits, percentages per
1,000 characters, whole report or one part) splitting reports into the three gold levels.
Besides, `best single phrase on test` keeps the first version's stricter check (a phrase chosen on test itself).
The corpus measures judgement only if every cue stays low (tests/test_corpus.py holds it to that).

python -m reportcheck.measure.shortcuts corpus
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from reportcheck.lexicons import load
from reportcheck.measure.gold import LabeledReport, context_of, find_labeled
from reportcheck.measure.tuning import best_thresholds
from reportcheck.profiles import load_profile

AP = ("off_topic", "inflated", "evasive", "shallow", "toothless")
LEVELS = {"first_person": ("absent", "weak", "strong"), "evidence_level": ("low", "medium", "high")}
SCOPES = ("report", "achievements", "problems", "causes", "next_steps", "question")
FAMILIES = ("phrase", "count", "ngram", "shape")
AP_LIMIT, LEVEL_LIMIT = 0.75, 0.85
_ITEM = re.compile(r"(?:^|[。；;\n])\s*(?:[一二三四五六七八九十]是|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|[①-⑩])")


@dataclass
class Report:
    item: LabeledReport

    @cached_property
    def scopes(self) -> dict[str, str]:
        ctx = context_of(self.item)
        out = {"report": ctx.shadow}
        for part in SCOPES[1:]:
            out[part] = "\n".join(ctx.shadow[a:b] for a, b in ctx.part_ranges(part))
        out["_headings"] = "\n".join(s.heading for s in ctx.structure.sections)
        return out

    def gold(self, name: str) -> bool:
        return bool(self.item.label["antipatterns"][name]["present"])


def _f1(gold: np.ndarray, pred: np.ndarray) -> np.ndarray:
    """F1 of each column of `pred` (docs × rules, bool) against `gold` (docs, bool)."""
    tp = (pred & gold[:, None]).sum(0)
    denom = pred.sum(0) + gold.sum()
    return np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0)


@dataclass
class Cue:
    family: str
    rule: str
    fit: float
    test: float


def _pick(names: list[str], fit_pred: np.ndarray, fit_gold: np.ndarray, test_pred: np.ndarray, test_gold: np.ndarray, family: str) -> Cue:
    f = _f1(fit_gold, fit_pred)
    k = int(np.argmax(f))
    return Cue(family, names[k], float(f[k]), float(_f1(test_gold, test_pred[:, [k]])[0]))


def _phrases() -> dict[str, list[str]]:
    stock = load("shortcuts")
    ap_lex = load("antipatterns")
    out = {}
    for code in AP:
        own = [w for lst in ap_lex.get(code, {}).values() if isinstance(lst, list) for w in lst]
        out[code] = sorted(set(stock["antipatterns"].get(code, [])) | set(own))
    return out


def _contains(reports: list[Report], scope: str, phrases: list[str]) -> np.ndarray:
    return np.array([[p in r.scopes[scope] for p in phrases] for r in reports], dtype=bool)


def phrase_cue(fit: list[Report], test: list[Report], code: str, phrases: list[str]) -> Cue:
    """Best 'any of up to three phrases present (or all absent) in one scope', grown greedily on fit."""
    fg = np.array([r.gold(code) for r in fit])
    tg = np.array([r.gold(code) for r in test])
    best = Cue("phrase", "", 0.0, 0.0)
    for scope in SCOPES:
        F, T = _contains(fit, scope, phrases), _contains(test, scope, phrases)
        for absent in (False, True):
            chosen: list[int] = []
            best_score = 0.0
            cur_f, cur_t = np.zeros(len(fit), bool), np.zeros(len(test), bool)
            for _ in range(3):
                cand_f = cur_f[:, None] | F
                pred_f = ~cand_f if absent else cand_f
                scores = _f1(fg, pred_f)
                k = int(np.argmax(scores))
                if chosen and scores[k] <= best_score:
                    break
                chosen.append(k)
                best_score = float(scores[k])
                cur_f, cur_t = cand_f[:, k], cur_t | T[:, k]
                if best_score > best.fit:
                    test_pred = ~cur_t if absent else cur_t
                    words = "/".join(phrases[i] for i in chosen)
                    rule = f"{scope}: {'none of' if absent else 'any of'} {words}"
                    best = Cue("phrase", rule, best_score, float(_f1(tg, test_pred[:, None])[0]))
    return best


def _threshold_cue(family: str, names: list[str], fit_vals: np.ndarray, test_vals: np.ndarray, fg: np.ndarray, tg: np.ndarray) -> Cue:
    """Best 'value ≥ t' or 'value < t' rule over the columns of fit_vals (docs × features)."""
    rules, fit_cols, test_cols = [], [], []
    for j, name in enumerate(names):
        for t in sorted(set(fit_vals[:, j].tolist())):
            rules += [f"{name} ≥ {t:g}", f"{name} < {t:g}"]
            fit_cols += [fit_vals[:, j] >= t, fit_vals[:, j] < t]
            test_cols += [test_vals[:, j] >= t, test_vals[:, j] < t]
    return _pick(rules, np.stack(fit_cols, 1), fg, np.stack(test_cols, 1), tg, family)


def count_cue(fit: list[Report], test: list[Report], code: str, lists: dict[str, list[str]]) -> Cue:
    names = [f"{scope}: #{lname} words" for lname in lists for scope in SCOPES]

    def values(rs: list[Report]) -> np.ndarray:
        return np.array([[sum(r.scopes[scope].count(w) for w in words) for words in lists.values() for scope in SCOPES] for r in rs], float)

    return _threshold_cue("count", names, values(fit), values(test), np.array([r.gold(code) for r in fit]), np.array([r.gold(code) for r in test]))


def ngram_matrices(fit: list[Report], test: list[Report]) -> dict[str, tuple[list[str], np.ndarray, np.ndarray]]:
    """Per scope: the 2–6-character n-grams of ≥ 3 train+dev reports, and which reports hold each (fit, test)."""
    from sklearn.feature_extraction.text import CountVectorizer

    out = {}
    for scope in SCOPES:
        vec = CountVectorizer(analyzer="char", ngram_range=(2, 6), binary=True, min_df=3, lowercase=False)
        try:
            F = vec.fit_transform([r.scopes[scope] for r in fit]).toarray().astype(bool)
        except ValueError:  # an empty scope everywhere
            continue
        T = vec.transform([r.scopes[scope] for r in test]).toarray().astype(bool)
        out[scope] = (vec.get_feature_names_out().tolist(), F, T)
    return out


def ngram_cue(fit: list[Report], test: list[Report], code: str, grams: dict[str, tuple[list[str], np.ndarray, np.ndarray]]) -> Cue:
    fg = np.array([r.gold(code) for r in fit])
    tg = np.array([r.gold(code) for r in test])
    best = Cue("ngram", "", 0.0, 0.0)
    for scope, (names, F, T) in grams.items():
        for absent in (False, True):
            cue = _pick(names, ~F if absent else F, fg, ~T if absent else T, tg, "ngram")
            if cue.fit > best.fit:
                best = Cue("ngram", f"{scope}: {'no' if absent else 'has'} “{cue.rule}”", cue.fit, cue.test)
    return best


def _shape(r: Report) -> list[float]:
    s = r.scopes
    n = max(len(s["report"]), 1)
    return [len(s["report"]), len(s["problems"]) / n, len(s["causes"]) / n, len(s["next_steps"]) / n,
            len(_ITEM.findall(s["problems"])), len(_ITEM.findall(s["next_steps"])),
            float(any(w in s["_headings"] for w in ("原因", "根源", "剖析"))), float(bool(s["problems"])), float(bool(s["causes"])),
            s["report"].count("\n") / n * 1000]


SHAPE_NAMES = ["chars", "problems share", "causes share", "next-steps share", "problem items", "next-step items",
               "原因 heading", "problems part", "causes part", "lines/1k"]


def shape_cue(fit: list[Report], test: list[Report], code: str) -> Cue:
    return _threshold_cue("shape", SHAPE_NAMES, np.array([_shape(r) for r in fit]), np.array([_shape(r) for r in test]),
                          np.array([r.gold(code) for r in fit]), np.array([r.gold(code) for r in test]))


_COUNTS = {"我": re.compile("我(?![县区市镇乡村局委院校司们国省])"), "本人": re.compile("本人"), "digits": re.compile(r"[0-9０-９]+"),
           "%": re.compile(r"[%％]|百分之"), "quantities": re.compile(r"[0-9０-９.]+\s*(?:个|名|人|户|项|次|万|亿|元|%|条|家|所|处|场|件|天|年)")}


def level_cue(fit: list[Report], test: list[Report], key: str) -> Cue:
    best = Cue("count", "", -1.0, 0.0)
    for scope in SCOPES[:2]:
        for name, rx in _COUNTS.items():
            def per_k(r: Report, scope: str = scope, rx: re.Pattern[str] = rx) -> float:
                t = r.scopes[scope]
                return len(rx.findall(t)) * 1000 / max(len(t), 1)

            fv = [per_k(r) for r in fit]
            fgold = [LEVELS[key].index(r.item.label[key]) for r in fit]
            lo, hi, acc = best_thresholds(fv, fgold)
            if acc > best.fit:
                pred = [0 if v < lo else 2 if v >= hi else 1 for v in (per_k(r) for r in test)]
                tacc = sum(p == LEVELS[key].index(r.item.label[key]) for p, r in zip(pred, test, strict=True)) / len(test)
                best = Cue("count", f"{scope}: {name}/1k < {lo:.1f} → {LEVELS[key][0]}, ≥ {hi:.1f} → {LEVELS[key][2]}", acc, tacc)
    return best


def single_phrase_on_test(test: list[Report], code: str, phrases: list[str]) -> Cue:
    """The first version's check: the best single phrase of the label's own list, chosen on test itself."""
    g = np.array([r.gold(code) for r in test])
    P = _contains(test, "report", phrases)
    f = _f1(g, P)
    k = int(np.argmax(f))
    return Cue("phrase on test", f"contains “{phrases[k]}”", float(f[k]), float(f[k]))


def run(corpus: Path) -> dict[str, list[Cue]]:
    fit = [Report(i) for split in ("train", "dev") for i in find_labeled(corpus / split)]
    test = [Report(i) for i in find_labeled(corpus / "test")]
    phrases = _phrases()
    pool = sorted({p for ps in phrases.values() for p in ps})
    out: dict[str, list[Cue]] = {}
    grams = ngram_matrices(fit, test)
    for code in AP:
        out[code] = [phrase_cue(fit, test, code, pool), count_cue(fit, test, code, phrases), ngram_cue(fit, test, code, grams),
                     shape_cue(fit, test, code), single_phrase_on_test(test, code, phrases[code])]
    for key in LEVELS:
        out[key] = [level_cue(fit, test, key)]
    stock = load("shortcuts")["areas"]
    for area in load_profile("default").areas:  # areas: the best single phrase on test, for the area analyzer to beat
        words = sorted(set(stock.get(area.id, [])) | set(area.terms))
        g = np.array([bool(r.item.label["areas"][area.id]["covered"]) for r in test])
        f = _f1(g, _contains(test, "report", words))
        k = int(np.argmax(f))
        out[area.id] = [Cue("phrase on test", f"contains “{words[k]}”", float(f[k]), float(f[k]))]
    return out


def failures(res: dict[str, list[Cue]]) -> list[str]:
    """The cues that reach the limits on test (F1 0.75 on an anti-pattern, accuracy 0.85 on a level)."""
    bad = []
    for name, cues in res.items():
        if name not in AP and name not in LEVELS:
            continue
        limit = AP_LIMIT if name in AP else LEVEL_LIMIT
        bad += [f"{name} {c.family}: {c.rule} ({c.test:.3f})" for c in cues if c.test >= limit]
    return bad


def as_markdown(res: dict[str, list[Cue]]) -> str:
    lines = ["| label | family | best cue (chosen on train+dev) | on train+dev | on test |", "| --- | --- | --- | --- | --- |"]
    for name, cues in res.items():
        metric = "accuracy" if name in LEVELS else "F1"
        for c in cues:
            rule = c.rule.replace("|", "\\|")
            lines.append(f"| {name} | {c.family} | {rule} | {metric} {c.fit:.3f} | {metric} {c.test:.3f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    corpus = Path(args[0] if args else "corpus")
    if (corpus / "train").is_dir() is False and corpus.name in ("train", "dev", "test"):
        corpus = corpus.parent
    res = run(corpus)
    sys.stdout.write(f"Shortcut check on {corpus}: cues chosen on train+dev, scored on test "
                     f"(limits: F1 {AP_LIMIT} on an anti-pattern, accuracy {LEVEL_LIMIT} on a level)\n\n")
    sys.stdout.write(as_markdown(res))
    bad = failures(res)
    sys.stdout.write("\n" + ("No cue reaches the limits.\n" if not bad else "Cues at or past the limits:\n" + "\n".join(f"- {b}" for b in bad) + "\n"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
