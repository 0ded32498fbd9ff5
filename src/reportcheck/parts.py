"""Structure -> parts: which stretch of the body is achievements, problems, causes, next steps or a 必答题 answer.

Headings set the part where they say one (structure.py decides that); inside every section, and through reports
with no headings at all, discourse cues at the start of a sentence switch it: 存在的主要问题有…, 但也要清醒看到…,
究其原因…, 下步/今后/明年…将…, 关于必答题…. So problems written inline after the achievements, causes under a
"问题" heading and next steps under "不足和今后打算" each get their own part, and a heading that announces a part
with nothing of that part after it ("问题和原因分析" followed by problems only) does not create the part.
The cues are data (lexicons/parts.toml, [cues]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reportcheck.ingest.document import Document
from reportcheck.lexicons import load
from reportcheck.nlp import sentences
from reportcheck.structure import Structure

BODY_PARTS = ("achievements", "problems", "causes", "next_steps", "question")
# where each fault detector judges its units: toothless the measures, shallow the causes (or the problems when
# no cause is given), evasive the problems and the claims that last year's problems are fixed (which stand among
# the achievements), inflated every claim outside the plans' targets, off_topic every paragraph
WHERE = {
    "toothless": ("next_steps",),
    "shallow": ("causes", "problems"),
    "evasive": ("problems", "causes", "question", "achievements"),
    "inflated": ("achievements", "question", "next_steps", "other"),
    "off_topic": BODY_PARTS + ("other",),
}
_ENUM = re.compile(r"^\s*(?:[一二三四五六七八九十]是|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}\s*[、.．]|[①-⑳]|第[一二三四五六七八九十]，|首先|其次|再次|最后)")


@dataclass
class PartSpan:
    part: str
    start: int
    end: int
    source: str  # heading (named by a heading) | cue (a discourse cue) | position (body before any cue: achievements)


@cache
def _cues() -> dict[str, list[re.Pattern[str]]]:
    lex = load("parts")["cues"]
    return {part: [re.compile(p) for p in lex[part]] for part in ("problems", "causes", "next_steps", "question", "achievements")}


@cache
def _cause_list_opener() -> re.Pattern[str]:
    return re.compile(load("parts")["cues"]["cause_list"])


@cache
def _cause_restart() -> re.Pattern[str]:
    return re.compile(load("parts")["cues"]["cause_restart"])


def sentence_cue(sentence: str) -> str | None:
    """The part a sentence opens, from its first words (None when it opens none)."""
    head = sentence.lstrip(" \u3000\t")
    for part in ("question", "achievements", "causes", "next_steps", "problems"):
        if any(p.search(head) for p in _cues()[part]):
            return part
    return None


def segment(doc: Document, st: Structure) -> list[PartSpan]:
    """Every sentence of the body assigned a part; consecutive sentences of one part merged into a span."""
    shadow = doc.shadow
    out: list[PartSpan] = []

    def emit(part: str, start: int, end: int, source: str) -> None:
        if out and out[-1].part == part and shadow[out[-1].end : start].strip() == "":
            out[-1].end = end
            if source == "cue":
                out[-1].source = "cue"
        else:
            out.append(PartSpan(part, start, end, source))

    carried: str | None = None  # the part the wording set last (kept across headingless paragraphs)
    first = st.sections[0].start if st.sections else len(shadow)
    for s in sentences(shadow, st.body_start, first):  # the opening before the first heading: a summary of the work
        cue = sentence_cue(s.text)
        emit(cue or "achievements", s.start, s.end, "cue" if cue else "position")
    for sec, _start, end in st.leaf_ranges():
        body_start = sec.heading_end if sec.heading else sec.start
        headed = sec.part_from_heading and sec.part in BODY_PARTS
        if sec.source == "paragraph":  # no headings: only the wording (carried from paragraph to paragraph) decides
            base, source = (carried, "cue") if carried else ("achievements", "position")
        else:
            base, source = sec.part, ("heading" if headed else "position")
            carried = None
        current = base
        cause_list = False
        items = 0  # enumerated sentences seen in this problems stretch
        for s in sentences(shadow, body_start, end):
            cue = sentence_cue(s.text)
            if current == "problems" and items >= 2 and cue in (None, "problems") and _cause_restart().match(s.text):
                cue = "causes"  # 问题: 一是…二是…三是… then 一是思想认识上… — the causes, listed without an opener
            if cue == "problems" and headed and base in ("causes", "next_steps"):
                cue = None  # under a 原因 or 打算 heading, "还有差距" restates a problem being explained or answered
            if current == "problems" and _ENUM.match(s.text):
                items += 1
            if cue is not None and cue != current:
                if not (cue == "problems" and current == "causes" and cause_list and _ENUM.match(s.text)):
                    current, source = cue, "cue"
                    items = 0
                    cause_list = cue == "causes" and bool(_cause_list_opener().search(s.text.rstrip("。；;，, ")))
            elif current == "causes" and not cause_list and base == "problems" and _ENUM.match(s.text):
                current, source = "problems", "heading" if headed else "cue"  # the next problem after an inline cause
            emit(current, s.start, s.end, source)
        if sec.source == "paragraph":
            carried = current if current != "question" else carried
    return [p for p in out if p.end > p.start]


def part_ranges(spans: list[PartSpan], *parts: str) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in spans if p.part in parts]
