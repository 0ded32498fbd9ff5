"""Gold-labeled reports (CONTRACT.md "Gold labels"): finding them in a folder and locating their anchors."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportcheck.ingest import REPORT_SUFFIXES
from reportcheck.schema import ANTI_CODES

GRADE_ORDER = {"差": 0, "一般": 1, "较好": 2, "好": 3}
LEVEL_ORDER = {"low": 0, "medium": 1, "high": 2, "absent": 0, "weak": 1, "strong": 2}


@dataclass
class LabeledReport:
    id: str
    path: Path
    label: dict[str, Any]
    prior: Path | None


def find_labeled(folder: Path) -> list[LabeledReport]:
    """Every NAME.json with a NAME.<report> beside it (recursively); NAME_prior files are not reports."""
    out = []
    for lp in sorted(folder.rglob("*.json")):
        if lp.stem.endswith("_prior"):
            continue
        report = report_file(lp)
        if report is None:
            continue
        try:
            label = json.loads(lp.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError):
            continue
        if not isinstance(label, dict) or "antipatterns" not in label:
            continue  # not a gold label (a review JSON, say)
        out.append(LabeledReport(lp.stem, report, label, report_file(lp.with_name(lp.stem + "_prior.json"))))
    return out


def context_of(item: LabeledReport, questions: bool = False, prior: bool = False):
    """The Context an analyzer would receive for a labeled report (default profile), read from its file;
    with its 必答题 and last year's file when asked."""
    from reportcheck import structure
    from reportcheck.context import Context
    from reportcheck.ingest import read_path
    from reportcheck.profiles import load_profile

    doc = read_path(item.path)
    return Context(doc, structure.parse(doc), load_profile("default"),
                   list(item.label["required_questions"]) if questions else [],
                   read_path(item.prior) if prior and item.prior else None)


AREAS = tuple(f"A{i}" for i in range(1, 8))
HARD = tuple(f"H{i}" for i in range(1, 24))


def report_file(label: Path) -> Path | None:
    """The report a label file (NAME.json) stands beside: NAME with a report suffix, text first."""
    return next((label.with_suffix(s) for s in REPORT_SUFFIXES if label.with_suffix(s).exists()), None)


def check_label(label: Path, text: str | None = None) -> list[str]:
    """Problems with one gold-label file (empty when valid). `text` is the report's text; read from the
    report beside the label when not given (a .txt through the text reader; .docx/.pdf through ingest)."""
    errs: list[str] = []
    d = json.loads(label.read_text(encoding="utf-8"))
    if text is None:
        rf = report_file(label)
        if rf is None:
            return [f"{label.name}: no report file beside it"]
        from reportcheck.ingest.text import decode

        if rf.suffix in (".txt", ".md"):
            text = decode(rf.read_bytes()).replace("\r\n", "\n")
        else:
            from reportcheck.ingest import read_path

            text = read_path(rf).text

    def sub(s: str | None, what: str, lo: int, hi: int) -> None:
        if s is None:
            return
        if not isinstance(s, str):
            errs.append(f"{what}: not a string")
            return
        n = text.count(s)
        if n != 1:
            errs.append(f"{what}: occurs {n} times (must be exactly once): {s!r}")
        if "\n" in s or "\t" in s:
            errs.append(f"{what}: crosses a line break or tab: {s!r}")
        if not lo <= len(s) <= hi:
            errs.append(f"{what}: {len(s)} chars, want {lo}-{hi}: {s!r}")

    if d.get("id") != label.stem:
        errs.append(f"id {d.get('id')!r} != file stem {label.stem!r}")
    for k in ("org_level", "required_questions", "questions_answered", "question_answer_anchor", "areas",
              "evidence_level", "first_person", "antipatterns", "structure", "overall", "notes"):
        if k not in d:
            errs.append(f"missing key {k}")
    if errs:
        return errs
    qs, qa, qx = d["required_questions"], d["questions_answered"], d["question_answer_anchor"]
    if not (1 <= len(qs) <= 2 and len(qs) == len(qa) == len(qx)):
        errs.append("required_questions / questions_answered / question_answer_anchor must be 1-2 long and equal")
    for i, (ans, anc) in enumerate(zip(qa, qx, strict=False)):
        if bool(ans) != (anc is not None):
            errs.append(f"question {i}: anchor must be null exactly when not answered")
        sub(anc, f"question_answer_anchor[{i}]", 10, 40)
    if set(d["areas"]) != set(AREAS):
        errs.append(f"areas must have exactly {AREAS}")
    for a, v in d["areas"].items():
        if bool(v.get("covered")) != (v.get("anchor") is not None):
            errs.append(f"area {a}: anchor must be null exactly when not covered")
        sub(v.get("anchor"), f"areas.{a}.anchor", 10, 40)
    if d["evidence_level"] not in ("high", "medium", "low"):
        errs.append("evidence_level")
    if d["first_person"] not in ("strong", "weak", "absent"):
        errs.append("first_person")
    if set(d["antipatterns"]) != set(ANTI_CODES):
        errs.append(f"antipatterns must have exactly {ANTI_CODES}")
    for ap, v in d["antipatterns"].items():
        spans = v.get("spans", [])
        if v.get("present") and not 1 <= len(spans) <= 5:
            errs.append(f"{ap}: present needs 1-5 spans")
        if not v.get("present") and spans:
            errs.append(f"{ap}: absent must have no spans")
        for j, s in enumerate(spans):
            sub(s, f"{ap}.spans[{j}]", 8, 60)
    if set(d["structure"]) != {"achievements", "problems", "cause_analysis", "next_steps"}:
        errs.append("structure keys")
    if d["overall"] not in GRADE_ORDER:
        errs.append("overall grade")
    for j, s in enumerate(d.get("placeholders", [])):
        sub(s, f"placeholders[{j}]", 1, 60)
    for j, s in enumerate(d.get("repeated_from_prior", [])):
        sub(s, f"repeated_from_prior[{j}]", 8, 80)
    if "repeated_from_prior" in d and report_file(label.with_name(label.stem + "_prior.json")) is None:
        errs.append("repeated_from_prior given but no NAME_prior file beside the report")
    for h, s in d.get("hard_cases", {}).items():
        if h not in HARD:
            errs.append(f"unknown hard case {h}")
        sub(s, f"hard_cases.{h}", 4, 120)
    return [f"{label.name}: {e}" for e in errs]


_WS = re.compile(r"\s+")


def locate(text: str, needle: str | None) -> tuple[int, int] | None:
    """Where a gold string lies in the review text: exactly, or ignoring whitespace and line breaks
    (a PDF or a hard-wrapped paste is re-joined by ingest, and a gold anchor may have been copied across)."""
    if not needle:
        return None
    i = text.find(needle)
    if i >= 0:
        return i, i + len(needle)
    compact_needle = _WS.sub("", needle)
    if not compact_needle:
        return None
    index = [k for k, c in enumerate(text) if not c.isspace()]
    compact = "".join(text[k] for k in index)
    j = compact.find(compact_needle)
    if j < 0:
        return None
    return index[j], index[j + len(compact_needle) - 1] + 1


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
