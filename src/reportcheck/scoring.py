"""Findings and measurements -> per-code present/score, an overall score and a suggested grade.

The score starts at 100 and every deduction is listed in `reasons` with its points, so a reviewer can
trace it. The grade is advice to a human: 好 ≥ 85, 较好 ≥ 72, 一般 ≥ 58, else 差.
"""

from __future__ import annotations

from reportcheck.schema import (
    ANTI_CODES,
    AntiPattern,
    Area,
    Evidence,
    Finding,
    FirstPerson,
    Overall,
    Question,
    StructureFlags,
)

WEIGHT = {"high": 0.6, "medium": 0.35, "low": 0.2}
PRESENT_AT = 0.6  # a code is present when its findings' weights add up to this (two medium, or one high)
GRADES = ((85, "好"), (72, "较好"), (58, "一般"), (0, "差"))
_NAMES = {"off_topic": "跑偏散光", "inflated": "夸大注水", "evasive": "避重就轻", "shallow": "剖析浮于表面", "toothless": "措施不痛不痒"}


def antipatterns(findings: list[Finding]) -> dict[str, AntiPattern]:
    out = {}
    for code in ANTI_CODES:
        score = min(1.0, sum(WEIGHT[f.severity] for f in findings if f.code == code))
        out[code] = AntiPattern(present=score >= PRESENT_AT, score=round(score, 2))
    return out


def overall(aps: dict[str, AntiPattern], areas: list[Area], required: tuple[str, ...], questions: list[Question],
            evidence: Evidence, fp: FirstPerson, st: StructureFlags, placeholders: int) -> Overall:
    deductions: list[tuple[float, str]] = []
    for code, ap in aps.items():
        if ap.present:
            deductions.append((10, f"{_NAMES[code]}（-10）"))
    missing = [a for a in areas if a.id in required and not a.covered]
    if missing:
        deductions.append((4 * len(missing), f"缺少{len(missing)}个必述方面：{'、'.join(a.name for a in missing)}（-{4 * len(missing)}）"))
    for q in questions:
        if not q.answered:
            deductions.append((10, f"必答题未答或未答实（-10）：{q.question}"))
    deductions.append({"low": (8, "数据事例不足（-8）"), "medium": (3, "数据事例一般（-3）"), "high": (0, "")}[evidence.level])
    deductions.append({"absent": (10, "未突出述“我”（-10）"), "weak": (4, "述“我”不够具体（-4）"), "strong": (0, "")}[fp.level])
    for ok, name in ((st.problems, "问题"), (st.cause_analysis, "原因剖析"), (st.next_steps, "下步打算")):
        if not ok:
            deductions.append((5, f"缺少{name}部分（-5）"))
    if placeholders:
        deductions.append((3, "留有未填写的模板占位符（-3）"))
    score = max(0.0, 100.0 - sum(d for d, _ in deductions))
    grade = next(g for floor, g in GRADES if score >= floor)
    return Overall(score=round(score, 1), grade=grade, reasons=[r for d, r in deductions if d])
