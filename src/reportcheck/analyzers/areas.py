"""Coverage of the profile's content areas (A1-A7): by substance, paragraph by paragraph.

A paragraph can cover an area only where work done is reported — in the achievements or a 必答题 answer, not in
the problems, causes or plans — and only with substance: a measure taken, a result or a named case (a slogan
line that names the topic covers nothing). Among those paragraphs, each area takes the one that reads most like
it: a trained model (models/areas.json: character n-grams and the count of the profile's terms, fitted on
corpus/train by `make train`, thresholds chosen on corpus/dev) where it knows the area, else the profile's terms
(`min_terms` distinct terms), so a locality's own profile works without training. The area's span is its
covering paragraph.
"""

from __future__ import annotations

import math

from reportcheck.context import Context
from reportcheck.models import text_model
from reportcheck.nlp import is_fact, is_measure
from reportcheck.schema import Area, Finding

COVERING_PARTS = ("achievements", "question")


def term_feature(text: str, terms: tuple[str, ...]) -> float:
    return math.log1p(sum(1 for t in terms if t in text))


def candidates(ctx: Context) -> list[tuple[int, int, object]]:
    """Paragraphs that report work done with substance (measures, results or named cases)."""
    out = []
    for a, b, sec in ctx.paragraphs:
        if ctx.part_at(a) not in COVERING_PARTS:
            continue
        if any(is_fact(s.text) or is_measure(s.text) for s in ctx.sentences_in(a, b)):
            out.append((a, b, sec))
    return out


def analyze(ctx: Context) -> tuple[list[Area], dict[str, list[str]], list[Finding]]:
    """(areas, section id -> area ids, area_missing findings)."""
    prof = ctx.profile
    model = text_model("areas")
    paras = candidates(ctx)
    vecs = [model.vector(ctx.shadow[a:b]) for a, b, _ in paras] if model else []
    per_section: dict[str, list[str]] = {}
    areas: list[Area] = []
    findings: list[Finding] = []
    for spec in prof.areas:
        trained = model is not None and spec.id in model.labels
        best: tuple[float, int] | None = None
        for k, (a, b, _sec) in enumerate(paras):
            text = ctx.shadow[a:b]
            if trained:
                score = model.probability(spec.id, vecs[k], {"terms": term_feature(text, spec.terms)})
            else:
                hits = sum(1 for t in spec.terms if t in text)
                score = min(1.0, hits / (prof.min_terms + 2)) if hits >= prof.min_terms else 0.0
            if best is None or score > best[0]:
                best = (score, k)
        threshold = model.labels[spec.id]["threshold"] if trained else 0.5
        covered = best is not None and best[0] >= threshold
        matched = []
        if best is not None:
            a, b, sec = paras[best[1]]
            matched = [t for t in spec.terms if t in ctx.shadow[a:b]]
        if covered and best is not None:
            a, b, sec = paras[best[1]]
            sid = sec.id if sec is not None else None
            if sid:
                per_section.setdefault(sid, []).append(spec.id)
            areas.append(Area(id=spec.id, name=spec.name, covered=True, confidence=round(best[0], 2), section_ids=[sid] if sid else [],
                              matched=matched, start=a, end=b))
        else:
            areas.append(Area(id=spec.id, name=spec.name, covered=False, confidence=round(best[0], 2) if best else 0.0, matched=matched))
            if spec.id in prof.required:
                findings.append(ctx.document_finding("area_missing", f"areas.{spec.id}", f"未见“{spec.name}”方面的实质内容（须有具体做法和数据、事例）"))
    return areas, per_section, findings
