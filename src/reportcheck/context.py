"""What every analyzer receives: the document, its structure, the profile and the user's options."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

from reportcheck import parts as parts_stage
from reportcheck.ingest.document import Document
from reportcheck.nlp import Sentence, sentences
from reportcheck.profiles import Profile
from reportcheck.schema import Finding
from reportcheck.structure import Section, Structure


@dataclass
class Context:
    doc: Document
    structure: Structure
    profile: Profile
    questions: list[str] = field(default_factory=list)
    prior: Document | None = None

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def shadow(self) -> str:
        """Simplified text, same length as `text`: analyzers match on this and quote `text`."""
        return self.doc.shadow

    @cached_property
    def _sentences(self) -> list[Sentence]:
        return sentences(self.shadow)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self._sentences]

    def sentences_in(self, start: int = 0, end: int | None = None) -> list[Sentence]:
        """The sentences (of the simplified text) that begin in [start, end): split once per review."""
        end = len(self.shadow) if end is None else end
        lo = bisect.bisect_left(self._sentence_starts, start)
        hi = bisect.bisect_left(self._sentence_starts, end)
        return self._sentences[lo:hi]

    @cached_property
    def parts(self) -> list[parts_stage.PartSpan]:
        """The body's parts, from headings and discourse cues (parts.py), computed once per review."""
        return parts_stage.segment(self.doc, self.structure)

    def part_ranges(self, *parts: str) -> list[tuple[int, int]]:
        """(start, end) of the body text in these parts, headings excluded, in reading order."""
        return parts_stage.part_ranges(self.parts, *parts)

    def finding(self, code: str, rule: str, start: int, end: int, message: str, severity: str = "medium", scope: str = "span") -> Finding:
        while start < end and self.text[start] in " \n\t\u3000":
            start += 1
        while end > start and self.text[end - 1] in " \n\t\u3000":
            end -= 1
        return Finding(code=code, rule=rule, start=start, end=end, text=self.text[start:end], message=message, severity=severity, scope=scope)

    def document_finding(self, code: str, rule: str, message: str, severity: str = "medium") -> Finding:
        """A finding about the whole report (a missing area or part), anchored to the title (or the first line)."""
        t = self.structure.title
        start, end = (t.start, t.end) if t else (0, self.text.find("\n") if "\n" in self.text else len(self.text))
        return self.finding(code, rule, start, end, message, severity, scope="document")

    @cached_property
    def paragraphs(self) -> list[tuple[int, int, Section | None]]:
        """Body paragraphs (a heading's own text left out) with the section each stands in, in reading order."""
        secs = self.structure.sections
        out = []
        for b in self.doc.text_blocks():
            if b.start < self.structure.body_start or b.end - b.start < 2:
                continue
            sec = next((s for s in reversed(secs) if s.start <= b.start < s.end), None)
            start = max(b.start, sec.heading_end) if sec is not None and sec.start == b.start else b.start
            if start < b.end:
                out.append((start, b.end, sec))
        return out

    def part_at(self, pos: int) -> str | None:
        """The part (parts.py) of the body text at an offset, or None outside the body."""
        return next((p.part for p in self.parts if p.start <= pos < p.end), None)


