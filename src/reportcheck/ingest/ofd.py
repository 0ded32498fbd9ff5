"""OFD (GB/T 33190-2016): the fixed-layout zip+XML format of Chinese e-government.

OFD.xml names the document (DocBody/DocRoot), Document.xml lists the pages in order and the
default page size, and each page's Content.xml holds TextObjects placed in millimetres (y grows
downward). Text pieces are grouped into visual lines by baseline, running headers/footers and
page numbers are dropped as the PDF reader does, and lines are re-joined into paragraphs by
their geometry (join_lines). OFD has no table structure (rules are drawn paths), so tables come
out as lines of text. Template pages (background layers) are not read.
"""

from __future__ import annotations

import math
import posixpath
import re
from dataclasses import dataclass

from lxml import etree

from reportcheck.errors import InputError, input_error
from reportcheck.ingest.document import Document, DocumentBuilder
from reportcheck.ingest.linejoin import Line, close_cjk_gaps, join_lines, page_counts, running_line
from reportcheck.ingest.package import Package
from reportcheck.limits import LIMITS

_EDGE = 0.1  # top and bottom share of the page where running headers and footers live
_LINE_TOL = 0.4  # pieces whose baselines differ by less than this share of the font size share a line
_DEFAULT_SIZE = 5.0  # mm, when a TextObject gives neither Size nor a usable Boundary
_DEFAULT_BOX = (0.0, 0.0, 210.0, 297.0)  # A4 in mm
_MAX_REPEAT = 100_000  # cap on "g N v" repeats in DeltaX
_NUM_SPLIT = re.compile(r"[\s,]+")


class _Corrupt(Exception):
    """A required part or attribute is missing or unreadable."""


@dataclass
class _Piece:
    text: str
    x: float
    y: float  # baseline
    width: float
    size: float


@dataclass
class _OLine:
    text: str
    x0: float
    x1: float
    page: int
    edge: bool  # in the header or footer zone of its page


def read_ofd(data: bytes) -> Document:
    images = 0
    try:
        # inside the try: zipfile can raise NotImplementedError (odd zip versions), which Package.open lets through
        pkg = Package.open(data, "ofd", "corrupt_ofd")
        pages = _page_locations(pkg)
        if len(pages) > LIMITS.pdf_pages:
            raise input_error("too_large", limit=f"{LIMITS.pdf_pages} 页")
        lines: list[_OLine] = []
        for n, (loc, default_box) in enumerate(pages):
            root = pkg.xml(loc)
            if _local(root) != "Page":
                raise _Corrupt(f"{loc}: root is not Page")
            box = _page_box(root) or default_box
            pieces, imgs = _page_pieces(root)
            images += imgs
            lines.extend(_page_lines(pieces, box, n))
    except InputError:
        raise
    except Exception as e:  # KeyError for a missing part, ValueError for a bad number, anything else malformed
        raise input_error("corrupt_ofd") from e
    n_pages = len(pages)
    lines = _drop_running_lines(lines, n_pages)
    if not any(ln.text.strip() for ln in lines):
        raise input_error("scanned" if images or n_pages else "no_text")
    b = DocumentBuilder("ofd", pages=n_pages)
    for para in join_lines([Line(ln.text, ln.x0, ln.x1) for ln in lines]):
        b.paragraph(para)
    return b.build()


# ---- package structure -------------------------------------------------------------------------


def _page_locations(pkg: Package) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Each page's Content.xml path in document order, with the document's default page box."""
    names = pkg.names()
    entry = _find_member(names, "OFD.xml")
    if entry is None:
        raise _Corrupt("no OFD.xml")
    ofd = pkg.xml(entry)
    doc_root = None
    for body in _children(ofd, "DocBody"):
        el = _child(body, "DocRoot")
        if el is not None and (el.text or "").strip():
            doc_root = el.text.strip()
            break  # a package may hold several documents: the first is the one submitted
    if doc_root is None:
        raise _Corrupt("no DocBody/DocRoot")
    doc_path = _resolve(names, "", doc_root)
    doc = pkg.xml(doc_path)
    if _local(doc) != "Document":
        raise _Corrupt("DocRoot is not a Document")
    default_box = _DEFAULT_BOX
    common = _child(doc, "CommonData")
    if common is not None:
        default_box = _area_box(_child(common, "PageArea")) or default_box
    pages_el = _child(doc, "Pages")
    if pages_el is None:
        raise _Corrupt("no Pages")
    base = posixpath.dirname(doc_path)
    out = []
    for page in _children(pages_el, "Page"):
        loc = page.get("BaseLoc")
        if not loc or not loc.strip():
            raise _Corrupt("Page without BaseLoc")
        out.append((_resolve(names, base, loc), default_box))
    return out


def _find_member(names: list[str], name: str) -> str | None:
    if name in names:
        return name
    lower = name.lower()
    return next((n for n in names if n.lower() == lower), None)


def _resolve(names: list[str], base: str, loc: str) -> str:
    """A location inside the package: "/x" from the root, otherwise relative to `base` (falling back to the root)."""
    loc = loc.strip().replace("\\", "/")
    if loc.startswith("/"):
        candidates = [loc.lstrip("/")]
    elif base:
        candidates = [posixpath.join(base, loc), loc]
    else:
        candidates = [loc]
    for c in candidates:
        c = posixpath.normpath(c)
        if c.startswith("../") or c in ("..", "."):
            continue
        found = _find_member(names, c)
        if found is not None:
            return found
    raise _Corrupt(f"missing part {loc}")


def _page_box(page: etree._Element) -> tuple[float, float, float, float] | None:
    return _area_box(_child(page, "Area"))


def _area_box(area: etree._Element | None) -> tuple[float, float, float, float] | None:
    if area is None:
        return None
    for name in ("PhysicalBox", "ApplicationBox"):
        el = _child(area, name)
        if el is not None and el.text and el.text.strip():
            box = _box(el.text)
            if box[3] > 0:
                return box
    return None


# ---- page content ------------------------------------------------------------------------------


def _page_pieces(page: etree._Element) -> tuple[list[_Piece], int]:
    pieces: list[_Piece] = []
    images = 0
    for content in _children(page, "Content"):
        for el in content.iter():
            name = _local(el)
            if name == "ImageObject":
                images += 1
            elif name == "TextObject" and el.get("Visible", "true").strip().lower() != "false":
                pieces.extend(_text_object(el))
    return pieces, images


def _text_object(obj: etree._Element) -> list[_Piece]:
    bx, by, _bw, bh = _box(obj.get("Boundary") or "")
    size = _number(obj.get("Size")) if obj.get("Size") else (bh if bh > 0 else _DEFAULT_SIZE)
    if size <= 0:
        size = _DEFAULT_SIZE
    a, b, c, d, e, f = 1.0, 0.0, 0.0, 1.0, 0.0, 0.0
    if obj.get("CTM"):
        a, b, c, d, e, f = _numbers(obj.get("CTM") or "", 6)
    scale = math.sqrt(abs(a * d - b * c)) or 1.0
    out: list[_Piece] = []
    x = y = None
    prev_end: float | None = None
    for code in _children(obj, "TextCode"):
        text = code.text or ""
        # X/Y may be left out after the first TextCode: continue where the previous one ended, on its baseline
        x = _number(code.get("X")) if code.get("X") is not None else prev_end
        y = _number(code.get("Y")) if code.get("Y") is not None else y
        if x is None or y is None:
            raise _Corrupt("TextCode without position")
        width = _text_width(text, code.get("DeltaX"), size)
        prev_end = x + width
        if not text.strip():
            continue
        px = bx + a * x + c * y + e
        py = by + b * x + d * y + f
        out.append(_Piece(text, px, py, width * (abs(a) or scale), size * scale))
    return out


def _text_width(text: str, delta_x: str | None, size: float) -> float:
    """Advance of the whole piece: the DeltaX advances between characters, then the last character's own width."""
    if not text:
        return 0.0
    widths = [_char_width(ch, size) for ch in text]
    if delta_x:
        deltas = _deltas(delta_x, len(text) - 1)
        if deltas is not None:
            widths[: len(deltas)] = deltas
    return sum(widths)


def _char_width(ch: str, size: float) -> float:
    return size * 0.5 if ord(ch) < 0x2E80 else size  # Latin, digits, spaces are about half an em


def _deltas(spec: str, limit: int) -> list[float] | None:
    """The first `limit` advances of a DeltaX list ("g N v" = N times v); None when it cannot be read."""
    toks = spec.split()
    out: list[float] = []
    i = 0
    try:
        while i < len(toks) and len(out) < limit:
            if toks[i] == "g":
                n, v = int(toks[i + 1]), _number(toks[i + 2])
                out.extend([v] * min(n, _MAX_REPEAT, limit - len(out)))
                i += 3
            else:
                out.append(_number(toks[i]))
                i += 1
    except (ValueError, IndexError):
        return None
    return out


def _page_lines(pieces: list[_Piece], box: tuple[float, float, float, float], page: int) -> list[_OLine]:
    """Pieces grouped by baseline, top to bottom, each line read left to right."""
    _, oy, _, height = box
    height = height if height > 0 else _DEFAULT_BOX[3]
    groups: list[list[_Piece]] = []
    for p in sorted(pieces, key=lambda p: (p.y, p.x)):
        if groups:
            first = groups[-1][0]
            if p.y - first.y <= _LINE_TOL * max(p.size, first.size):
                groups[-1].append(p)
                continue
        groups.append([p])
    out = []
    for g in groups:
        g.sort(key=lambda p: p.x)
        parts: list[str] = []
        kept: list[_Piece] = []
        end = None
        for p in g:
            if kept and p.text == kept[-1].text and abs(p.x - kept[-1].x) < 0.5 * p.size:
                continue  # the same text drawn twice with a small offset (simulated bold)
            if end is not None and p.x - end > 0.3 * p.size:
                parts.append(" ")
            parts.append(p.text)
            kept.append(p)
            end = max(end, p.x + p.width) if end is not None else p.x + p.width
        text = close_cjk_gaps("".join(parts)).strip()
        if not text:
            continue
        size = max(p.size for p in kept)
        baseline = sum(p.y for p in kept) / len(kept) - oy
        top, bottom = baseline - size, baseline
        edge = top < height * _EDGE or bottom > height * (1 - _EDGE)
        out.append(_OLine(text, min(p.x for p in kept), max(p.x + p.width for p in kept), page, edge))
    return out


def _drop_running_lines(lines: list[_OLine], n_pages: int) -> list[_OLine]:
    """Drop page numbers and lines repeated in the header/footer zone of at least half the pages."""
    counts = page_counts([(ln.text, ln.page) for ln in lines if ln.edge])
    return [ln for ln in lines if not (ln.edge and running_line(ln.text, counts, n_pages))]


# ---- XML and number helpers --------------------------------------------------------------------


def _local(el: etree._Element) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in el if _local(c) == name]


def _child(el: etree._Element, name: str) -> etree._Element | None:
    return next((c for c in el if _local(c) == name), None)


def _number(s: str | None) -> float:
    v = float((s or "").strip())
    if not math.isfinite(v):
        raise ValueError(f"not a finite number: {s!r}")
    return v


def _numbers(s: str, n: int) -> list[float]:
    toks = [t for t in _NUM_SPLIT.split(s.strip()) if t]
    if len(toks) < n:
        raise _Corrupt(f"expected {n} numbers: {s!r}")
    return [_number(t) for t in toks[:n]]


def _box(s: str) -> tuple[float, float, float, float]:
    x, y, w, h = _numbers(s, 4)
    return x, y, w, h
