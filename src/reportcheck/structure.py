"""Document -> title, reporter line and a tree of sections with levels and parts.

Headings come from Chinese official numbering (一、 / （一） / 1. / （1） / ①), from Word heading styles,
from bold short lines, and from short unnumbered lines that name a part (工作亮点 / 存在问题 / 下步打算).
Levels follow nesting as the document uses it (a stack of numbering kinds), so "1、" can be a top
level in one report and a third level in another. A report with no headings at all is read paragraph
by paragraph, each paragraph a section whose part follows the wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reportcheck.ingest.document import Block, Document
from reportcheck.lexicons import load

PARTS = ("achievements", "problems", "causes", "next_steps", "question", "other")

# numbering kind -> (pattern, conventional depth used to decide nesting)
NUMBERING: dict[str, tuple[re.Pattern[str], int]] = {
    "di": (re.compile(r"^第[一二三四五六七八九十]{1,3}(?:部分|章|篇)[、，,：:\s]?"), 0),
    "cn": (re.compile(r"^[一二三四五六七八九十]{1,3}\s*[、．.，,]"), 1),
    "cn_paren": (re.compile(r"^[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]、?"), 2),
    "arabic": (re.compile(r"^\d{1,2}\s*[.．](?!\d)"), 3),
    "arabic_dun": (re.compile(r"^\d{1,2}\s*、"), 3),
    "arabic_paren": (re.compile(r"^[（(]\s*\d{1,2}\s*[）)]"), 4),
    "circled": (re.compile(r"^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]"), 5),
}
_SENT_END = re.compile(r"[。！？!?；;：:]")
_ROLE = re.compile(r"(书记|主任|校长|院长|董事长|总经理|局长|部长|站长|会长|理事长|负责人|述职人|汇报人|报告人)")
_DATE_LINE = re.compile(r"^[（(]?\s*\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*[）)]?$")
_SALUTATION = re.compile(r"^(尊敬的|各位|同志们)")
# a first line is a title only when it names the document or the office ("……述职报告", "……书记 抓党建情况")
_TITLE_WORDS = re.compile(r"报告|述职|汇报|发言|情况|书记|党建|党委|党组|支部|党工委")


@dataclass
class Section:
    id: str
    heading: str
    level: int
    start: int  # the heading's start; the section runs to `end`
    end: int
    heading_end: int
    part: str
    source: str  # number | style | bold | keyword | paragraph
    parent: str | None = None
    part_from_heading: bool = False  # the part was named by this heading or a parent's (not guessed from the body)


@dataclass
class Span:
    start: int
    end: int
    text: str


@dataclass
class Structure:
    title: Span | None
    reporter: Span | None
    sections: list[Section]
    body_start: int  # first offset after the title and reporter lines

    def leaf_ranges(self) -> list[tuple[Section, int, int]]:
        """Each section's own text (up to its first child), so a parent's words are not counted twice."""
        secs = self.sections
        return [(s, s.start, secs[i + 1].start if i + 1 < len(secs) and secs[i + 1].parent == s.id else s.end)
                for i, s in enumerate(secs)]


@dataclass
class _Head:
    block: Block
    end: int  # heading end offset (a lead-in heading ends inside its paragraph)
    kind: str
    rank: int
    source: str
    ordinal: int | None = None  # 1 for 一、/（一）/1./①, 2 for the next …; None when not numbered


_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def _ordinal(token: str) -> int | None:
    """The number a heading's numbering token stands for (一、→1, （十二）→12, 3.→3, ③→3)."""
    m = re.search(r"\d+", token)
    if m:
        return int(m.group(0)) if m.group(0).isascii() else None
    for i, c in enumerate("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"):
        if c in token:
            return i + 1
    cn = "".join(c for c in token if c in "一二三四五六七八九十")
    if not cn:
        return None
    if "十" in cn:
        tens, _, ones = cn.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(cn[-1])


def parse(doc: Document) -> Structure:
    paras = doc.text_blocks()
    title, reporter, first_body = _title_and_reporter(doc, paras)
    body_start = reporter.end if reporter else (title.end if title else 0)
    heads = _drop_list_items(doc, paras[first_body:], [h for b in paras[first_body:] if (h := _heading(doc, b)) is not None])
    sections = _paragraph_sections(doc, paras[first_body:]) if len(heads) < 2 else _nest(doc, heads)
    _assign_parts(doc, sections)
    return Structure(title, reporter, sections, body_start)


def _title_and_reporter(doc: Document, paras: list[Block]) -> tuple[Span | None, Span | None, int]:
    title = reporter = None
    i = 0
    if paras:
        t = doc.block_text(paras[0])
        plain_title = (len(t) <= 70 and not _SENT_END.search(t[:-1]) and _numbering_of(t) is None and not _SALUTATION.match(t)
                       and _TITLE_WORDS.search(t) is not None)
        if plain_title or (paras[0].title_style and len(t) <= 120):
            title = Span(paras[0].start, paras[0].end, t)
            i = 1
    # the reporter line and a date line may follow the title, in either order
    for j in range(i, min(i + 3, len(paras))):
        t = doc.block_text(paras[j])
        if _DATE_LINE.match(t):
            i = j + 1
            continue
        if reporter is None and len(t) <= 40 and _ROLE.search(t) and "。" not in t and _numbering_of(t) is None:
            reporter = Span(paras[j].start, paras[j].end, t)
            i = j + 1
            continue
        break
    return title, reporter, i


def _numbering_of(text: str) -> tuple[str, str] | None:
    for kind, (pat, _depth) in NUMBERING.items():
        m = pat.match(text)
        if m:
            return kind, m.group(0)
    return None


@cache
def _part_words() -> dict[str, list[str]]:
    lex = load("parts")
    return {p: lex[p]["heading"] for p in ("question", "causes", "problems", "next_steps", "achievements", "other")}


@cache
def _problem_exact() -> frozenset[str]:
    return frozenset(load("parts")["problems"]["exact"])


def _heading(doc: Document, b: Block) -> _Head | None:
    text = doc.block_text(b)
    num = _numbering_of(text)
    if num is not None:
        kind, token = num
        depth = NUMBERING[kind][1]
        head = _numbered_head(doc, b, text, kind, token, depth)
        if head is not None:
            head.ordinal = _ordinal(token)
        return head
    return _unnumbered_head(doc, b, text)


def _numbered_head(doc: Document, b: Block, text: str, kind: str, token: str, depth: int) -> _Head | None:
    first = _SENT_END.search(text)
    if len(text) <= 40 and "。" not in text[:-1]:
        return _Head(b, b.end, kind, depth, "number")
    if len(text) <= 80 and "。" not in text and text[-1] in "？?：:":
        return _Head(b, b.end, kind, depth, "number")
    # a lead-in heading: "（一）强化政治引领。我带头……" — the first sentence heads the section
    limit = 50 if kind in ("di", "cn", "cn_paren") else 30
    if first is not None and first.end() - len(token) <= limit and len(text) > first.end():
        return _Head(b, b.start + first.end(), kind, depth, "number")
    if b.style_level is not None or b.bold:
        return _Head(b, b.end, kind, depth, "number")
    return None


def _unnumbered_head(doc: Document, b: Block, text: str) -> _Head | None:
    if b.style_level is not None and len(text) <= 60:
        return _Head(b, b.end, f"style{b.style_level}", b.style_level, "style")
    compact = re.sub(r"\s", "", text)
    if text.startswith(("必答题", "关于必答题")) and len(text) <= 80:
        return _Head(b, b.end, "keyword", 1, "keyword")
    if len(compact) <= 16 and not re.search(r"[，。；;,…]", compact):
        for words in _part_words().values():
            if any(w in compact for w in words):
                return _Head(b, b.end, "keyword", 1, "keyword")
    if b.bold and len(text) <= 40 and not text.endswith("。"):
        return _Head(b, b.end, "bold", 2, "bold")
    return None


def _drop_list_items(doc: Document, paras: list[Block], heads: list[_Head]) -> list[_Head]:
    """Numbered sentences that follow each other with no body between them are a list, not headings:
    "1.支部书记只上门指导过2次。" "2.……。" under 存在的问题 are the problems themselves (as in every format)."""
    index = {id(b): i for i, b in enumerate(paras)}
    sentence_like = [h.source == "number" and h.end == h.block.end and doc.block_text(h.block).rstrip()[-1:] in "。；;.．" for h in heads]
    adjacent = [i + 1 < len(heads) and heads[i + 1].kind == h.kind and index[id(heads[i + 1].block)] == index[id(h.block)] + 1
                for i, h in enumerate(heads)]
    keep = []
    for i, h in enumerate(heads):
        in_run = sentence_like[i] and (adjacent[i] or (i > 0 and adjacent[i - 1] and sentence_like[i - 1]))
        if not in_run:
            keep.append(h)
    return keep


def _nest(doc: Document, heads: list[_Head]) -> list[Section]:
    stack: list[tuple[str, int]] = []  # (kind, rank) of the open levels
    sections: list[Section] = []
    open_ids: list[str] = []
    last: dict[int, int | None] = {}  # stack depth -> ordinal of the last heading at that depth
    for n, h in enumerate(heads):
        kinds = [k for k, _ in stack]
        at = max((i for i, k in enumerate(kinds) if k == h.kind), default=None)
        if at is not None and h.ordinal == 1 and (last.get(at) or 0) >= 1 and at == len(stack) - 1:
            stack.append((h.kind, h.rank))  # "1、" right after "7、" of the same kind: a list inside that section
        elif at is not None:
            # of the open levels with this numbering, the one this heading continues (7、 → 8、), else the innermost
            cont = [i for i, k in enumerate(kinds) if k == h.kind and h.ordinal is not None and last.get(i) == h.ordinal - 1]
            del stack[(cont[-1] if cont else at) + 1 :]
        else:
            while stack and stack[-1][1] >= h.rank:
                stack.pop()
            stack.append((h.kind, h.rank))
        level = len(stack)
        last[level - 1] = h.ordinal
        for k in [k for k in last if k >= level]:
            del last[k]
        del open_ids[level - 1 :]
        sid = f"s{n + 1}"
        heading = doc.text[h.block.start : h.end]
        sections.append(Section(sid, heading, level, h.block.start, len(doc.text), h.end, "other", h.source, open_ids[-1] if open_ids else None))
        open_ids.append(sid)
    for i, s in enumerate(sections):  # a section ends where the next one at its level or above begins
        for nxt in sections[i + 1 :]:
            if nxt.level <= s.level:
                s.end = _trim(doc.text, nxt.start)
                break
    return sections


def _trim(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] == "\n":
        pos -= 1
    return pos


def _paragraph_sections(doc: Document, paras: list[Block]) -> list[Section]:
    return [Section(f"s{i + 1}", "", 1, b.start, b.end, b.start, "other", "paragraph") for i, b in enumerate(paras)]


def _heading_part(heading: str) -> str | None:
    words = _part_words()
    if any(w in heading for w in words["question"]):
        return "question"
    bare = re.sub(r"[\s：:。．.、，,]", "", heading[len(_numbering_of(heading)[1]) :] if _numbering_of(heading) else heading)
    if bare in _problem_exact():
        return "problems"
    best: tuple[int, str] | None = None
    for part in ("problems", "causes", "next_steps", "achievements", "other"):
        for w in words[part]:
            i = heading.find(w)
            if i >= 0 and (best is None or i < best[0]):
                best = (i, part)
    if best and best[1] == "next_steps" and re.search(r"问题|不足|短板|差距", heading[: best[0]]):
        return "problems"  # "三、问题和明年打算": the problems come first, the plans follow (parts.py finds where)
    return best[1] if best else None


def _body_part(text: str) -> str | None:
    cues = load("parts")["body_cues"]
    first = text[:60]
    for part in ("problems", "causes", "next_steps"):
        if any(c in first for c in cues[part]):
            return part
    return None


def _assign_parts(doc: Document, sections: list[Section]) -> None:
    by_id = {s.id: s for s in sections}
    seen_later_part = False
    previous: str | None = None
    for s in sections:
        shadow = doc.shadow[s.start : s.heading_end]
        part = _heading_part(shadow) if s.heading else None
        s.part_from_heading = part is not None
        parent = by_id[s.parent] if s.parent else None
        if parent is not None and part != "question" and not (parent.part == "problems" and part == "causes"):
            part = parent.part  # a sub-heading belongs to its parent's part ("补短板" under 主要工作 is still work done)
            s.part_from_heading = parent.part_from_heading
        if part is None:
            part = _body_part(doc.shadow[s.heading_end : s.end].lstrip("\n"))
        if part is None and s.source == "paragraph" and previous is not None:
            part = previous  # a run of paragraphs keeps the part the wording last set
        if part is None:
            part = "other" if seen_later_part else "achievements"
        if part in ("problems", "causes", "next_steps"):
            seen_later_part = True  # an unnamed section after these is an appendix; after a 必答题 it is more work done
        s.part = part
        previous = part
