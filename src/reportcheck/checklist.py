"""The reviewer checklist: one item per check, pass/warn/fail, with the sentences behind it."""

from __future__ import annotations

from reportcheck.profiles import Profile
from reportcheck.schema import (
    AntiPattern,
    Area,
    ChecklistItem,
    Evidence,
    Finding,
    FirstPerson,
    Question,
    Ref,
    StructureFlags,
)

_AP_NAMES = {"off_topic": "主题聚焦（跑偏散光）", "inflated": "成绩写实（夸大注水）", "evasive": "问题找准（避重就轻）", "shallow": "原因剖析（浮于表面）", "toothless": "措施具体（不痛不痒）"}


def build(profile: Profile, notes: list[str], st: StructureFlags, areas: list[Area], questions: list[Question], evidence: Evidence,
          fp: FirstPerson, aps: dict[str, AntiPattern], findings: list[Finding], prior_given: bool = False) -> list[ChecklistItem]:
    items: list[ChecklistItem] = []
    for i, n in enumerate(notes):
        items.append(ChecklistItem(id=f"file.note{i + 1}", item="文件状态", status="warn", detail=n))
    parts = [("achievements", "工作成效"), ("problems", "存在问题"), ("cause_analysis", "原因剖析"), ("next_steps", "下步打算")]
    for key, name in parts:
        ok = getattr(st, key)
        items.append(ChecklistItem(id=f"structure.{key}", item=f"结构：{name}", status="pass" if ok else "fail", detail="有" if ok else f"未见“{name}”部分"))
    limit = profile.speaking_minutes
    status = "warn" if limit and st.reading_minutes > limit else "pass"
    items.append(ChecklistItem(id="structure.length", item="篇幅", status=status, detail=f"约 {st.reading_minutes} 分钟读完" + (f"（限时 {limit} 分钟）" if limit else "")))
    for a in areas:
        required = a.id in profile.required
        status = "pass" if a.covered else ("fail" if required else "warn")
        detail = f"已覆盖（依据：{'、'.join(a.matched[:4])}）" if a.covered else ("未见实质内容" + ("" if required else "（本方案不作要求）"))
        refs = [Ref(start=a.start, end=a.end)] if a.start is not None and a.end is not None else []
        items.append(ChecklistItem(id=f"areas.{a.id}", item=f"内容：{a.name}", status=status, detail=detail, refs=refs))
    for i, q in enumerate(questions):
        refs = [Ref(start=q.start, end=q.end)] if q.start is not None and q.end is not None else []
        items.append(ChecklistItem(id=f"questions.{i + 1}", item=f"必答题：{q.question}", status="pass" if q.answered else "fail", detail=q.reason, refs=refs))
    ev_status = {"high": "pass", "medium": "warn", "low": "fail"}[evidence.level]
    items.append(ChecklistItem(id="evidence", item="数据、事例说话", status=ev_status, detail=f"数据 {evidence.data_points} 处、事例 {evidence.examples} 处，每千字 {evidence.per_1k_chars}"))
    fp_status = {"strong": "pass", "weak": "warn", "absent": "fail"}[fp.level]
    items.append(ChecklistItem(id="first_person", item="突出述“我”", status=fp_status, detail=f"书记本人具体作为 {fp.count} 处、表态 {fp.attitude} 处（“我们/我县”等 {fp.institutional} 处不计）"))
    for code, ap in aps.items():
        fs = [f for f in findings if f.code == code]
        status = "fail" if ap.present else ("warn" if fs else "pass")
        detail = fs[0].message if fs else "未发现"
        items.append(ChecklistItem(id=f"antipattern.{code}", item=_AP_NAMES[code], status=status, detail=detail + (f"（共 {len(fs)} 处）" if len(fs) > 1 else ""), refs=[Ref(start=f.start, end=f.end) for f in fs]))
    if prior_given:
        rep = [f for f in findings if f.code == "repeated_problem"]
        items.append(ChecklistItem(id="prior.repeated", item="上年度问题是否重复出现", status="fail" if rep else "pass",
                                   detail=f"{len(rep)} 处与上年度问题实质相同：{rep[0].message}" if rep else "未见与上年度问题实质相同的表述",
                                   refs=[Ref(start=f.start, end=f.end) for f in rep]))
    ph = [f for f in findings if f.code == "placeholder"]
    if ph:
        items.append(ChecklistItem(id="placeholders", item="模板占位符", status="fail", detail=f"{len(ph)} 处未填写：{'、'.join(f.text for f in ph[:5])}", refs=[Ref(start=f.start, end=f.end) for f in ph]))
    return items
