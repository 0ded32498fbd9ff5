"""Coverage of the profile's content areas (A1-A7): by substance, not by a heading naming the topic.

An area is covered when one section's own text holds at least `min_terms` distinct terms of the area
and at least one concrete fact (a quantity or a named place/project/case) in the sentences that hold
them. Next-step sections (plans) do not cover an area. confidence = terms found / (min_terms + 2),
capped at 1, halved when no concrete fact stands beside them.
"""

from __future__ import annotations

from reportcheck.context import Context
from reportcheck.nlp import NAMED, quantities
from reportcheck.schema import Area, Finding

_PLAN_PARTS = ("next_steps",)


def analyze(ctx: Context) -> tuple[list[Area], dict[str, list[str]], list[Finding]]:
    """(areas, section id -> area ids, area_missing findings)."""
    prof = ctx.profile
    ranges = ctx.leaf_ranges() or [(None, ctx.structure.body_start, len(ctx.text))]
    per_section: dict[str, list[str]] = {}
    areas: list[Area] = []
    findings: list[Finding] = []
    for spec in prof.areas:
        best: tuple[float, list[str], object, int, int] | None = None
        for sec, start, end in ranges:
            if sec is not None and sec.part in _PLAN_PARTS:
                continue
            hits = [t for t in spec.terms if t in ctx.shadow[start:end]]
            if len(hits) < prof.min_terms:
                continue
            concrete = any(
                any(t in s.text for t in hits) and (quantities(s.text) or NAMED.search(s.text))
                for s in ctx.sentences_in(start, end)
            )
            conf = min(1.0, len(hits) / (prof.min_terms + 2)) * (1.0 if concrete else 0.5)
            if best is None or conf > best[0]:
                best = (conf, hits, sec, start, end)
        covered = best is not None and best[0] >= 0.5
        if covered and best is not None:
            sec = best[2]
            sid = sec.id if sec is not None else None
            if sid:
                per_section.setdefault(sid, []).append(spec.id)
            areas.append(Area(id=spec.id, name=spec.name, covered=True, confidence=round(best[0], 2), section_ids=[sid] if sid else [], matched=best[1], start=best[3], end=best[4]))
        else:
            conf = round(best[0], 2) if best else 0.0
            areas.append(Area(id=spec.id, name=spec.name, covered=False, confidence=conf, matched=best[1] if best else []))
            if spec.id in prof.required:
                findings.append(ctx.document_finding("area_missing", f"areas.{spec.id}", f"未见“{spec.name}”方面的实质内容（须有具体做法和数据、事例）"))
    return areas, per_section, findings
