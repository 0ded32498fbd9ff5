"""The pipeline: ingest -> structure -> analyzers -> scoring -> checklist -> Review."""

from __future__ import annotations

import hashlib
from pathlib import Path

from reportcheck import checklist, scoring, structure
from reportcheck.analyzers import (
    areas,
    evasive,
    evidence,
    first_person,
    inflated,
    off_topic,
    placeholders,
    questions,
    shallow,
    toothless,
)
from reportcheck.analyzers import prior as prior_problems
from reportcheck.context import Context
from reportcheck.ingest import Document, load_bytes, read_bytes, read_path
from reportcheck.profiles import guess_level, load_profile, profile_for_level
from reportcheck.schema import PartSpan, Review, Section, Source, StructureFlags

_PATTERN_ANALYZERS = (off_topic, inflated, evasive, shallow, toothless)
_PART_MIN_CHARS = 20  # an opener alone (究其原因，主要有以下几个方面。) is not the part


def review_file(path: str | Path, *, questions_: list[str] | None = None, prior: str | Path | None = None,
                profile: str | None = None, org_level: str | None = None) -> Review:
    data = load_bytes(path)  # read once: the same bytes are hashed and reviewed
    prior_doc = read_path(prior) if prior else None
    return review_document(read_bytes(data, Path(path).name), path=str(path), sha256=hashlib.sha256(data).hexdigest(),
                           questions_=questions_, prior=prior_doc, profile=profile, org_level=org_level)


def review_bytes(data: bytes, name: str, **kw) -> Review:
    return review_document(read_bytes(data, name), path=name, sha256=hashlib.sha256(data).hexdigest(), **kw)


def review_document(doc: Document, *, path: str, sha256: str, questions_: list[str] | None = None, prior: Document | None = None,
                    profile: str | None = None, org_level: str | None = None) -> Review:
    st = structure.parse(doc)
    title = doc.shadow[st.title.start : st.title.end] if st.title else doc.shadow[:80]
    reporter_line = doc.shadow[st.reporter.start : st.reporter.end] if st.reporter else ""
    level = org_level or guess_level(title, reporter_line, doc.shadow[st.body_start :])
    prof = load_profile(profile or profile_for_level(level))
    ctx = Context(doc, st, prof, list(questions_ or []), prior)

    area_list, section_areas, findings = areas.analyze(ctx)
    qs, q_findings = questions.analyze(ctx)
    findings += q_findings
    for analyzer in _PATTERN_ANALYZERS:
        findings += analyzer.analyze(ctx)
    ph = placeholders.analyze(ctx)
    findings += ph
    findings += prior_problems.analyze(ctx)
    findings = sorted({(f.code, f.start, f.end): f for f in findings}.values(), key=lambda f: (f.start, f.code))

    ev = evidence.analyze(ctx)
    fp = first_person.analyze(ctx)
    flags = _structure_flags(ctx, prof.reading_chars_per_minute)
    aps = scoring.antipatterns(findings)
    ov = scoring.overall(aps, area_list, prof.required, qs, ev, fp, flags, len(ph))
    items = checklist.build(prof, doc.notes, flags, area_list, qs, ev, fp, aps, findings, prior_given=prior is not None)
    sections = [Section(id=s.id, heading=s.heading, level=s.level, start=s.start, end=s.end, areas=section_areas.get(s.id, []), part=s.part, source=s.source, parent=s.parent) for s in st.sections]
    return Review(
        source=Source(path=path, format=doc.format, sha256=sha256, chars=len(doc.text), pages=doc.pages, notes=doc.notes, traditional=doc.traditional, footnotes=doc.footnotes),
        text=doc.text, title=st.title.text if st.title else None, reporter=st.reporter.text if st.reporter else None,
        org_level=level, profile=prof.name, sections=sections,
        parts=[PartSpan(part=p.part, start=p.start, end=p.end, source=p.source) for p in ctx.parts], areas=area_list, questions=qs, evidence=ev, first_person=fp,
        antipatterns=aps, findings=findings, structure=flags, overall=ov, checklist=items,
    )


def _structure_flags(ctx: Context, cpm: int) -> StructureFlags:
    by_part: dict[str, int] = {}
    for p in ctx.parts:
        by_part[p.part] = by_part.get(p.part, 0) + (p.end - p.start)
    # a part is there when it has text of its own: a heading that announces causes with none after it is not
    present = {part for part, n in by_part.items() if n >= _PART_MIN_CHARS}
    return StructureFlags(
        achievements="achievements" in present,
        problems="problems" in present,
        cause_analysis="causes" in present,
        next_steps="next_steps" in present,
        reading_minutes=round(len(ctx.text) / cpm, 1),
        chars_by_part=by_part,
    )
