"""PDF with a text layer (pdfplumber): lines re-joined into paragraphs, running headers/footers and
page numbers dropped, ruled tables kept as tables and joined across page breaks.

Running headers and footers are found, not listed: a line near the top or bottom of the page that
repeats (digits ignored) on at least half of the pages, or that is a page-number pattern.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass

from reportcheck.errors import input_error
from reportcheck.ingest.document import Document, DocumentBuilder, clean_cell
from reportcheck.ingest.linejoin import Line, close_cjk_gaps, join_lines, page_counts, running_line
from reportcheck.limits import LIMITS

_EDGE = 0.1  # top and bottom share of the page where running headers and footers live


@dataclass
class _PLine:
    text: str
    x0: float
    x1: float
    top: float
    size: float
    page: int
    edge: bool  # in the header or footer zone of its page


@dataclass
class _PTable:
    rows: list[list[str]]
    top: float
    page: int
    last_on_page: bool = False
    first_on_page: bool = False


def read_pdf(data: bytes) -> Document:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages
    except (PDFPasswordIncorrect, PDFEncryptionError) as e:
        raise input_error("encrypted_pdf") from e
    except Exception as e:  # pdfminer raises many unrelated types for broken files
        if "password" in repr(e).lower() or "encrypt" in repr(e).lower():
            raise input_error("encrypted_pdf") from e
        raise input_error("corrupt_pdf") from e
    with pdf:
        if len(pages) > LIMITS.pdf_pages:
            raise input_error("too_large", limit=f"{LIMITS.pdf_pages} 页")
        items: list[_PLine | _PTable] = []
        images = 0
        try:
            for n, page in enumerate(pages):
                items.extend(_page_items(page, n))
                images += len(page.images)
        except Exception as e:
            if isinstance(e, (PDFPasswordIncorrect, PDFEncryptionError)):
                raise input_error("encrypted_pdf") from e
            raise input_error("corrupt_pdf") from e
        n_pages = len(pages)
    items = _drop_running_lines(items, n_pages)
    b = DocumentBuilder("pdf", pages=n_pages)
    if not any(isinstance(it, _PLine) and it.text.strip() for it in items) and not any(isinstance(it, _PTable) for it in items):
        raise input_error("scanned" if images else "no_text")  # page images and no text: a scan
    run: list[Line] = []
    pending: _PTable | None = None
    for it in items:
        if isinstance(it, _PLine):
            if pending is not None:
                b.table(pending.rows)
                pending = None
            run.append(Line(it.text, it.x0, it.x1, it.size, it.top, it.page))
            continue
        for para in join_lines(run):
            b.paragraph(para)
        run = []
        if pending is not None and pending.last_on_page and it.first_on_page and _same_shape(pending, it):
            pending = _PTable(_continue_rows(pending.rows, it.rows), pending.top, it.page, it.last_on_page)
        else:
            if pending is not None:
                b.table(pending.rows)
            pending = it
    if pending is not None:
        b.table(pending.rows)
    for para in join_lines(run):
        b.paragraph(para)
    return b.build()


def _page_items(page, n: int) -> list[_PLine | _PTable]:
    height = float(page.height) or 1.0
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside) if boxes else page
    items: list[_PLine | _PTable] = []
    for ln in text_page.extract_text_lines(strip=True, return_chars=True):
        t = ln["text"]
        if not t.strip():
            continue
        edge = ln["top"] < height * _EDGE or ln["bottom"] > height * (1 - _EDGE)
        sizes = Counter(round(float(c["size"]), 1) for c in ln["chars"] if not c["text"].isascii())
        size = sizes.most_common(1)[0][0] if sizes else float(ln["bottom"]) - float(ln["top"])
        items.append(_PLine(t, float(ln["x0"]), float(ln["x1"]), float(ln["top"]), size, n, edge))
    for t in tables:
        rows = [[close_cjk_gaps(clean_cell(c or "")) for c in row] for row in t.extract()]
        items.append(_PTable(rows, float(t.bbox[1]), n))
    items.sort(key=lambda it: it.top)
    body = [it for it in items if not (isinstance(it, _PLine) and it.edge)]
    if body and isinstance(body[0], _PTable):
        body[0].first_on_page = True
    if body and isinstance(body[-1], _PTable):
        body[-1].last_on_page = True
    return items


def _drop_running_lines(items: list, n_pages: int) -> list:
    """Drop edge lines that repeat on half the pages, page numbers, and edge lines set smaller than the body
    (headers, footers and footnotes are set in a smaller size than the text, even on a one-page report)."""
    sizes = Counter(round(it.size) for it in items if isinstance(it, _PLine) and not it.edge)
    body_size = sizes.most_common(1)[0][0] if sizes else 0
    counts = page_counts([(it.text, it.page) for it in items if isinstance(it, _PLine) and it.edge])
    out = []
    for it in items:
        if isinstance(it, _PLine) and it.edge and (running_line(it.text, counts, n_pages) or it.size < 0.85 * body_size):
            continue
        out.append(it)
    return out


def _continue_rows(rows: list[list[str]], more: list[list[str]]) -> list[list[str]]:
    """Join a table continued on the next page: drop a repeated header row; a row that the page break split
    (its first cell empty on the new page) is glued back onto the last row cell by cell."""
    if more and more[0] == rows[0]:
        more = more[1:]
    rows = [list(r) for r in rows]
    if more and not more[0][0] and any(more[0]) and rows[-1][0]:
        rows[-1] = [a + b for a, b in zip(rows[-1], more[0], strict=False)]
        more = more[1:]
    return rows + more


def _same_shape(a: _PTable, b: _PTable) -> bool:
    return b.page == a.page + 1 and max(map(len, a.rows)) == max(map(len, b.rows))
