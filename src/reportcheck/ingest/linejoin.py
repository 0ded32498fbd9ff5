"""Re-joining Chinese lines that a PDF (or text pasted from one) breaks mid-sentence.

Shared by the PDF reader (which knows each line's geometry) and the text reader (which only
knows line lengths). A line ends a paragraph when it stops short of the right margin, ends a
sentence and the next line is indented, or the next line opens with heading numbering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PAGE_MARKER = re.compile(
    r"^\s*(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|\d{1,3}|"
    r"Page\s*\d+(?:\s*of\s*\d+)?|[-—–－]\s*[一二三四五六七八九十]+\s*[-—–－])\s*$",
    re.I,
)
HEADING_START = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)]|[①-⑳])")
_END = "。！？；：”」』）)!?;:"
_CJK_GAP = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’、])[ \u00a0]+|[ \u00a0]+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’、])")


def is_page_marker(s: str) -> bool:
    return bool(PAGE_MARKER.match(s))


def close_cjk_gaps(s: str) -> str:
    """Remove the spaces PDF extraction puts between Chinese characters and digits or Latin text ("2024 年")."""
    return _CJK_GAP.sub("", s)


def shape_key(text: str) -> str:
    """A line with digits and spaces ignored: "第 3 页" and "第 4 页" have the same shape."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def running_line(text: str, page_counts: dict[str, int], n_pages: int) -> bool:
    """A header/footer-zone line that is a page number, or whose shape repeats on at least half the pages.
    `page_counts`: shape -> on how many pages it stands in the header/footer zone (see page_counts())."""
    return is_page_marker(text) or page_counts.get(shape_key(text), 0) >= max(2, (n_pages + 1) // 2)


def page_counts(edge_lines: list[tuple[str, int]]) -> dict[str, int]:
    """(text, page) of every header/footer-zone line -> shape -> number of pages it is on."""
    counts: dict[str, int] = {}
    for key, _page in {(shape_key(t), p) for t, p in edge_lines}:
        counts[key] = counts.get(key, 0) + 1
    return counts


@dataclass
class Line:
    text: str
    x0: float | None = None  # left edge; None when only the text is known
    x1: float | None = None  # right edge
    size: float | None = None  # font size (line height), when known
    top: float | None = None  # vertical position on its page
    page: int | None = None


def join_lines(lines: list[Line]) -> list[str]:
    """Group visual lines into paragraphs and join each without the spurious breaks."""
    lines = [ln for ln in lines if ln.text.strip()]
    if not lines:
        return []
    geo = all(ln.x0 is not None for ln in lines)
    if geo:
        left = min(ln.x0 for ln in lines)  # type: ignore[type-var]
        right = max(ln.x1 for ln in lines)  # type: ignore[type-var]
        char_w = _char_width(lines)
        pitch = _line_pitch(lines)
    else:
        lengths = sorted(len(ln.text.strip()) for ln in lines)
        full_len = lengths[int(len(lengths) * 0.75)]
    paras: list[list[str]] = [[lines[0].text.strip()]]
    for prev, cur in zip(lines, lines[1:], strict=False):
        p, c = prev.text.strip(), cur.text.strip()
        if geo:
            same_size = not (prev.size and cur.size and abs(prev.size - cur.size) > 0.12 * max(prev.size, cur.size))
            centred = _centered(prev, left, right, char_w)
            room = _room_needed(cur, char_w) * (1.0 if p[-1:] in _END else 1.5)  # mid-sentence: a wrap is likelier
            short = right - prev.x1 > room or (centred and not _centered(cur, left, right, char_w))  # type: ignore[operator]
            short = short or not same_size  # a change of font size ends the paragraph (title, heading)
            if centred and _centered(cur, left, right, char_w) and same_size and p[-1:] not in _END:
                short = False  # a long title wraps onto a second centred line
            indented = cur.x0 > left + 1.2 * char_w  # type: ignore[operator]
            if pitch and prev.page == cur.page and prev.top is not None and cur.top is not None and (cur.top - prev.top) / (prev.size or 1) > 1.4 * pitch:
                short = True  # paragraph spacing: a wider gap than between the lines of one paragraph
        else:
            short = len(p) < full_len * 0.85
            indented = cur.text.startswith(("  ", "\u3000"))
        new_para = short or HEADING_START.match(c) is not None or (indented and p[-1:] in _END)
        if new_para:
            paras.append([c])
        else:
            paras[-1].append(c)
    return [close_cjk_gaps(_join(p)) for p in paras]


_LEAD_ASCII = re.compile(r"^[\x21-\x7e]*")


def _room_needed(cur: Line, char_w: float) -> float:
    """How much room the previous line must have left for the break to be a paragraph end, not a wrap:
    the next line's first unbreakable piece ("18%。", "2025年") had to fit in it."""
    text = cur.text.strip()
    own_w = (cur.x1 - cur.x0) / max(len(text), 1) if cur.x1 is not None and cur.x0 is not None else char_w
    cw = max(char_w, own_w)
    lead = len(_LEAD_ASCII.match(text).group(0))  # type: ignore[union-attr]
    return max(2.5 * char_w, (lead * 0.7 + 2) * cw)


def _centered(ln: Line, left: float, right: float, char_w: float) -> bool:
    """A line indented on both sides by about the same amount is centred: a title or signature line."""
    lgap, rgap = ln.x0 - left, right - ln.x1  # type: ignore[operator]
    return lgap > 3 * char_w and rgap > 3 * char_w and abs(lgap - rgap) < 2 * char_w  # wider than a 2-char indent


def _join(parts: list[str]) -> str:
    out = parts[0]
    for s in parts[1:]:
        if out and s and out[-1].isascii() and out[-1].isalnum() and s[0].isascii() and s[0].isalnum():
            out += " " + s  # two Latin words broken across lines keep their space
        else:
            out += s
    return out


def _line_pitch(lines: list[Line]) -> float | None:
    """The distance between lines inside a paragraph, in units of the font size: the lower quartile of all
    gaps (paragraph spacing makes the other gaps wider, and short paragraphs make those common)."""
    gaps = sorted((b.top - a.top) / (a.size or 1) for a, b in zip(lines, lines[1:], strict=False)
                  if a.page == b.page and a.top is not None and b.top is not None and b.top > a.top)
    return gaps[len(gaps) // 4] if gaps else None


def _char_width(lines: list[Line]) -> float:
    widths = sorted((ln.x1 - ln.x0) / max(len(ln.text.strip()), 1) for ln in lines if ln.x1 and ln.x0 is not None)  # type: ignore[operator]
    return widths[len(widths) // 2] if widths else 10.0
