"""Validate gold-label files: python tools/check_label.py corpus/train/r01_x.json [...]

Checks what CONTRACT.md and LABELING.md require of a labeled report; prints one line per problem.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

APS = ("off_topic", "inflated", "evasive", "shallow", "toothless")
AREAS = tuple(f"A{i}" for i in range(1, 8))
GRADES = ("好", "较好", "一般", "差")
HARD = tuple(f"H{i}" for i in range(1, 18))


def read_text(path: Path) -> str:
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "gb18030", "big5", "utf-16"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ValueError(f"{path}: cannot decode")


def report_file(label: Path) -> Path | None:
    for ext in (".txt", ".md", ".docx", ".pdf"):
        p = label.with_suffix(ext)
        if p.exists():
            return p
    return None


def check(label: Path, text: str | None = None) -> list[str]:
    errs: list[str] = []
    d = json.loads(label.read_text(encoding="utf-8"))
    if text is None:
        rf = report_file(label)
        if rf is None:
            return [f"{label.name}: no report file beside it"]
        if rf.suffix not in (".txt", ".md"):
            return []  # binary reports are checked by the test suite through ingest
        text = read_text(rf).replace("\r\n", "\n")

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
    if set(d["antipatterns"]) != set(APS):
        errs.append(f"antipatterns must have exactly {APS}")
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
    if d["overall"] not in GRADES:
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


if __name__ == "__main__":
    bad = 0
    for arg in sys.argv[1:]:
        for e in check(Path(arg)):
            print(e)
            bad += 1
    print(f"{bad} problem(s)")
    sys.exit(1 if bad else 0)
