"""`reportcheck eval DIR`: every detector against gold labels, on reports reviewed exactly as a user would
(with --question for each required question and --prior when NAME_prior.* is there).

A report the tool cannot review counts as a miss (nothing covered, nothing answered, nothing found),
never as skipped.
"""

from __future__ import annotations

import json
import math
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportcheck.errors import InputError
from reportcheck.measure.gold import AREAS, GRADE_ORDER, LEVEL_ORDER, LabeledReport, find_labeled, locate, overlaps
from reportcheck.parts import WHERE
from reportcheck.schema import ANTI_CODES, Review


@dataclass
class Binary:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, gold: bool, pred: bool) -> None:
        if gold and pred:
            self.tp += 1
        elif pred:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0

    def figures(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = self.f1
        tpr = r
        tnr = self.tn / (self.tn + self.fp) if self.tn + self.fp else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3), "balanced_accuracy": round((tpr + tnr) / 2, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn}


@dataclass
class Ratio:
    hit: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.hit += bool(ok)

    def value(self) -> float | None:
        return round(self.hit / self.total, 3) if self.total else None


@dataclass
class Tally:
    reports: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    areas: dict[str, Binary] = field(default_factory=lambda: defaultdict(Binary))
    area_located: Ratio = field(default_factory=Ratio)
    q_answered: Ratio = field(default_factory=Ratio)
    q_located: Ratio = field(default_factory=Ratio)
    aps: dict[str, Binary] = field(default_factory=lambda: defaultdict(Binary))
    span_hit: dict[str, Ratio] = field(default_factory=lambda: defaultdict(Ratio))
    span_in_part: dict[str, Ratio] = field(default_factory=lambda: defaultdict(Ratio))
    false_findings: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    evidence: Ratio = field(default_factory=Ratio)
    first_person: Ratio = field(default_factory=Ratio)
    ev_pairs: list[tuple[float, int]] = field(default_factory=list)
    fp_pairs: list[tuple[float, int]] = field(default_factory=list)
    grade_pairs: list[tuple[float, int]] = field(default_factory=list)
    grade_exact: Ratio = field(default_factory=Ratio)
    structure: dict[str, Ratio] = field(default_factory=lambda: defaultdict(Ratio))
    repeated_hit: Ratio = field(default_factory=Ratio)
    repeated_false: int = 0
    pairs: int = 0
    org_level: Ratio = field(default_factory=Ratio)
    placeholder_hit: Ratio = field(default_factory=Ratio)
    placeholder_false: int = 0


def review_labeled(item: LabeledReport) -> Review:
    from reportcheck.review import review_file

    return review_file(item.path, questions_=list(item.label.get("required_questions", [])), prior=item.prior, org_level=item.label.get("org_level"))


def score_report(t: Tally, item: LabeledReport, r: Review | None) -> None:
    g = item.label
    t.reports += 1
    text = r.text if r else ""
    # content areas
    pred_areas = {a.id: a for a in r.areas} if r else {}
    for aid in AREAS:
        gold = g["areas"].get(aid, {})
        pa = pred_areas.get(aid)
        covered = bool(pa and pa.covered)
        t.areas[aid].add(bool(gold.get("covered")), covered)
        if gold.get("covered") and covered and pa is not None:
            at = locate(text, gold.get("anchor"))
            t.area_located.add(at is not None and pa.start is not None and pa.end is not None and overlaps(at, (pa.start, pa.end)))
    # 必答题
    qs = r.questions if r else []
    for i, gold_ans in enumerate(g.get("questions_answered", [])):
        pq = qs[i] if i < len(qs) else None
        t.q_answered.add(bool(pq and pq.answered) == bool(gold_ans))
        if gold_ans:
            at = locate(text, g["question_answer_anchor"][i])
            t.q_located.add(bool(pq and at and pq.start is not None and pq.end is not None and overlaps(at, (pq.start, pq.end))))
    # anti-patterns
    findings = r.findings if r else []
    for code in ANTI_CODES:
        gold = g["antipatterns"][code]
        pred = bool(r and r.antipatterns[code].present)
        t.aps[code].add(bool(gold["present"]), pred)
        gold_spans = [s for s in (locate(text, x) for x in gold.get("spans", [])) if s]
        mine = [(f.start, f.end) for f in findings if f.code == code]
        where = [(p.start, p.end) for p in (r.parts if r else []) if p.part in WHERE[code]]
        for gs in gold.get("spans", []):
            at = locate(text, gs)
            t.span_hit[code].add(bool(at and any(overlaps(at, m) for m in mine)))
            t.span_in_part[code].add(bool(at and any(a <= at[0] < b for a, b in where)))
        t.false_findings[code] += sum(1 for m in mine if not any(overlaps(m, s) for s in gold_spans))
    # org level as it would be guessed without --org-level
    if r:
        from reportcheck.profiles import guess_level

        t.org_level.add(guess_level(r.title or "", r.reporter or "", r.text[: 400]) == g.get("org_level"))
    # levels
    if r:
        t.evidence.add(r.evidence.level == g["evidence_level"])
        t.first_person.add(r.first_person.level == g["first_person"])
        t.ev_pairs.append((r.evidence.per_1k_chars, LEVEL_ORDER[g["evidence_level"]]))
        t.fp_pairs.append((r.first_person.per_1k_chars, LEVEL_ORDER[g["first_person"]]))
        t.grade_pairs.append((r.overall.score, GRADE_ORDER[g["overall"]]))
        t.grade_exact.add(r.overall.grade == g["overall"])
        for k, v in g["structure"].items():
            t.structure[k].add(getattr(r.structure, k) == bool(v))
    else:
        for ratio in (t.evidence, t.first_person, t.grade_exact):
            ratio.add(False)
        for k in g["structure"]:
            t.structure[k].add(False)
    # last year's problems
    if "repeated_from_prior" in g:
        t.pairs += 1
        mine = [(f.start, f.end) for f in findings if f.code == "repeated_problem"]
        gold_spans = [s for s in (locate(text, x) for x in g["repeated_from_prior"]) if s]
        for s in g["repeated_from_prior"]:
            at = locate(text, s)
            t.repeated_hit.add(bool(at and any(overlaps(at, m) for m in mine)))
        t.repeated_false += sum(1 for m in mine if not any(overlaps(m, s) for s in gold_spans))
    # placeholders
    mine = [(f.start, f.end) for f in findings if f.code == "placeholder"]
    gold_ph = [s for s in (locate(text, x) for x in g.get("placeholders", [])) if s]
    for s in g.get("placeholders", []):
        at = locate(text, s)
        t.placeholder_hit.add(bool(at and any(overlaps(at, m) for m in mine)))
    t.placeholder_false += sum(1 for m in mine if not any(overlaps(m, s) for s in gold_ph))


def _pooled(ratios: dict[str, Ratio]) -> float | None:
    total = Ratio(sum(r.hit for r in ratios.values()), sum(r.total for r in ratios.values()))
    return total.value()


def spearman(pairs: list[tuple[float, int]]) -> float | None:
    from scipy.stats import spearmanr

    if len(pairs) < 3 or len({p[0] for p in pairs}) < 2 or len({p[1] for p in pairs}) < 2:
        return None
    rho = spearmanr([p[0] for p in pairs], [p[1] for p in pairs]).statistic
    return None if rho is None or math.isnan(rho) else round(float(rho), 3)


def figures(t: Tally) -> dict[str, Any]:
    total_area = Binary()
    for b in t.areas.values():
        for k in ("tp", "fp", "fn", "tn"):
            setattr(total_area, k, getattr(total_area, k) + getattr(b, k))
    n = max(t.reports, 1)
    return {
        "reports": t.reports,
        "failed": [{"report": a, "reason": b} for a, b in t.failed],
        "areas": {"all": total_area.figures(), **{a: t.areas[a].figures() for a in AREAS}, "located": t.area_located.value()},
        "questions": {"answered_accuracy": t.q_answered.value(), "n": t.q_answered.total, "answer_located": t.q_located.value()},
        "antipatterns": {c: {**t.aps[c].figures(), "gold_spans_hit": t.span_hit[c].value(), "false_findings_per_report": round(t.false_findings[c] / n, 2),
                             "gold_spans_in_part": t.span_in_part[c].value()} for c in ANTI_CODES},
        "gold_spans_in_part": _pooled(t.span_in_part),
        "false_antipattern_findings_per_report": round(sum(t.false_findings.values()) / n, 2),
        "evidence": {"level_accuracy": t.evidence.value(), "spearman_per_1k": spearman(t.ev_pairs)},
        "first_person": {"level_accuracy": t.first_person.value(), "spearman_per_1k": spearman(t.fp_pairs)},
        "overall": {"spearman_score_grade": spearman(t.grade_pairs), "grade_accuracy": t.grade_exact.value()},
        "structure": {k: v.value() for k, v in t.structure.items()},
        "org_level_guessed": t.org_level.value(),
        "prior": {"pairs": t.pairs, "repeated_hit_rate": t.repeated_hit.value(), "false_flags_per_pair": round(t.repeated_false / t.pairs, 2) if t.pairs else None},
        "placeholders": {"hit_rate": t.placeholder_hit.value(), "false_flags_per_report": round(t.placeholder_false / n, 2)},
    }


def evaluate(folder: Path, progress: bool = False) -> dict[str, Any]:
    t = Tally()
    for item in find_labeled(folder):
        try:
            r = review_labeled(item)
        except InputError as e:
            t.failed.append((item.id, e.message))
            r = None
        except Exception as e:  # a bug must not hide the other reports' figures: report it as a failure
            t.failed.append((item.id, f"internal error: {e!r}"))
            r = None
        score_report(t, item, r)
        if progress:
            print(f"  {item.id}", file=sys.stderr, end="\r")
    return figures(t)


def _fmt(v: Any) -> str:
    return "—" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))


def as_markdown(f: dict[str, Any], title: str = "") -> str:
    lines = [title] if title else []
    lines += ["| metric | value |", "| --- | --- |"]
    a = f["areas"]["all"]
    lines.append(f"| reports (could not be reviewed) | {f['reports']} ({len(f['failed'])}) |")
    lines.append(f"| areas P / R / F1 / balanced acc. | {_fmt(a['precision'])} / {_fmt(a['recall'])} / {_fmt(a['f1'])} / {_fmt(a['balanced_accuracy'])} |")
    lines.append(f"| areas: covering section located | {_fmt(f['areas']['located'])} |")
    lines.append(f"| 必答题 answered accuracy (n) / answer located | {_fmt(f['questions']['answered_accuracy'])} ({f['questions']['n']}) / {_fmt(f['questions']['answer_located'])} |")
    for c, v in f["antipatterns"].items():
        lines.append(f"| {c} P / R / F1 · gold spans hit · false findings/report | {_fmt(v['precision'])} / {_fmt(v['recall'])} / {_fmt(v['f1'])} · {_fmt(v['gold_spans_hit'])} · {v['false_findings_per_report']} |")
    lines.append(f"| false anti-pattern findings per report | {f['false_antipattern_findings_per_report']} |")
    lines.append("| gold spans in the part their detector reads (all · " + " / ".join(ANTI_CODES) + f") | {_fmt(f['gold_spans_in_part'])} · "
                 + " / ".join(_fmt(v["gold_spans_in_part"]) for v in f["antipatterns"].values()) + " |")
    lines.append(f"| evidence level accuracy · Spearman(per 1k, gold) | {_fmt(f['evidence']['level_accuracy'])} · {_fmt(f['evidence']['spearman_per_1k'])} |")
    lines.append(f"| first person level accuracy · Spearman(per 1k, gold) | {_fmt(f['first_person']['level_accuracy'])} · {_fmt(f['first_person']['spearman_per_1k'])} |")
    lines.append(f"| overall: Spearman(score, grade) · grade exact | {_fmt(f['overall']['spearman_score_grade'])} · {_fmt(f['overall']['grade_accuracy'])} |")
    lines.append("| structure accuracy (achievements / problems / causes / next steps) | " + " / ".join(_fmt(f["structure"].get(k)) for k in ("achievements", "problems", "cause_analysis", "next_steps")) + " |")
    lines.append(f"| org level guessed without --org-level | {_fmt(f['org_level_guessed'])} |")
    lines.append(f"| repeated problems: hit rate · false flags per pair ({f['prior']['pairs']} pairs) | {_fmt(f['prior']['repeated_hit_rate'])} · {_fmt(f['prior']['false_flags_per_pair'])} |")
    lines.append(f"| placeholders: hit rate · false flags per report | {_fmt(f['placeholders']['hit_rate'])} · {f['placeholders']['false_flags_per_report']} |")
    return "\n".join(lines) + "\n"


def as_text(f: dict[str, Any], folder: Path) -> str:
    out = [f"reportcheck eval {folder} — {f['reports']} labeled reports, {len(f['failed'])} could not be reviewed (counted as misses)", ""]
    out.append("Content areas          P      R      F1     bal.acc  (tp fp fn tn)")
    for k in ("all", *AREAS):
        v = f["areas"][k]
        out.append(f"  {k:<20} {v['precision']:.3f}  {v['recall']:.3f}  {v['f1']:.3f}  {v['balanced_accuracy']:.3f}    ({v['tp']} {v['fp']} {v['fn']} {v['tn']})")
    out.append(f"  covering section located: {_fmt(f['areas']['located'])}")
    out.append("")
    out.append(f"必答题 answered accuracy {_fmt(f['questions']['answered_accuracy'])} over {f['questions']['n']} questions; answer located {_fmt(f['questions']['answer_located'])}")
    out.append("")
    out.append("Anti-patterns          P      R      F1     bal.acc  gold spans hit  false findings/report")
    for c, v in f["antipatterns"].items():
        out.append(f"  {c:<20} {v['precision']:.3f}  {v['recall']:.3f}  {v['f1']:.3f}  {v['balanced_accuracy']:.3f}    {_fmt(v['gold_spans_hit']):<15} {v['false_findings_per_report']}")
    out.append(f"  false anti-pattern findings per report: {f['false_antipattern_findings_per_report']}")
    out.append(f"  gold spans in the part their detector reads: {_fmt(f['gold_spans_in_part'])} ("
               + ", ".join(f"{c} {_fmt(v['gold_spans_in_part'])}" for c, v in f["antipatterns"].items()) + ")")
    out.append("")
    out.append(f"Evidence level accuracy {_fmt(f['evidence']['level_accuracy'])}; Spearman(per 1k, gold level) {_fmt(f['evidence']['spearman_per_1k'])}")
    out.append(f"First person level accuracy {_fmt(f['first_person']['level_accuracy'])}; Spearman(per 1k, gold level) {_fmt(f['first_person']['spearman_per_1k'])}")
    out.append(f"Overall: Spearman(score, gold grade) {_fmt(f['overall']['spearman_score_grade'])}; grade exact {_fmt(f['overall']['grade_accuracy'])}")
    out.append("Structure accuracy: " + ", ".join(f"{k} {_fmt(v)}" for k, v in f["structure"].items()))
    out.append(f"Org level guessed from title, reporter line and opening (no --org-level): {_fmt(f['org_level_guessed'])}")
    out.append(f"Repeated problems ({f['prior']['pairs']} prior-year pairs): hit rate {_fmt(f['prior']['repeated_hit_rate'])}, false flags per pair {_fmt(f['prior']['false_flags_per_pair'])}")
    out.append(f"Placeholders: hit rate {_fmt(f['placeholders']['hit_rate'])}, false flags per report {f['placeholders']['false_flags_per_report']}")
    for fail in f["failed"]:
        out.append(f"  could not review {fail['report']}: {fail['reason']}")
    return "\n".join(out) + "\n"


def run_eval(folder: Path, json_out: str | None = None, md_out: str | None = None) -> int:
    if not folder.is_dir():
        print(f"reportcheck: 找不到目录 {folder}", file=sys.stderr)
        return 2
    f = evaluate(folder, progress=sys.stderr.isatty())
    if f["reports"] == 0:
        print(f"reportcheck: {folder} 中没有带标注（NAME.json）的报告", file=sys.stderr)
        return 2
    sys.stdout.write(as_text(f, folder))
    if json_out:
        Path(json_out).write_text(json.dumps(f, ensure_ascii=False, indent=2), encoding="utf-8")
    if md_out:
        Path(md_out).write_text(as_markdown(f), encoding="utf-8")
    return 0
