"""The Document every reader returns: normalized text, ordered blocks with offsets, tables.

Readers never build the text by hand: they call DocumentBuilder.paragraph()/table(), which
joins blocks with "\n" (table cells with "\t", rows with "\n") and records every offset, so
`text[block.start:block.end]` is always the block's text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from reportcheck.ingest.linejoin import HEADING_START

BlockKind = Literal["paragraph", "heading", "table", "cell"]
TEXT_KINDS = ("paragraph", "heading")


@dataclass
class Block:
    """A paragraph, a heading candidate (a Word heading style, a bold short line, a short numbered line: structure
    decides which are headings), a table, or one cell of a table (its offsets inside the table's text)."""

    kind: BlockKind
    start: int
    end: int
    style_level: int | None = None  # outline level from a Word heading style (1 = top)
    bold: bool = False  # every visible character bold (typed headings)
    title_style: bool = False  # Word "Title" style or centred first line
    table: int | None = None  # index into Document.tables for kind == "table"


@dataclass
class Table:
    start: int
    end: int
    rows: list[list[str]]
    cells: list[list[tuple[int, int]]]  # offsets of each cell's text


@dataclass
class Document:
    text: str  # the text as submitted, normalized; every offset points here
    shadow: str  # same length as text: simplified-character shadow analysed by the rules
    blocks: list[Block]
    tables: list[Table]
    format: str  # docx | pdf | txt | doc | wps | ofd
    pages: int | None = None
    notes: list[str] = field(default_factory=list)  # things a reviewer should know about the file itself
    footnotes: list[str] = field(default_factory=list)
    traditional: bool = False

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    def text_blocks(self) -> list[Block]:
        """Paragraphs and heading candidates, in order (tables and their cells left out)."""
        return [b for b in self.blocks if b.kind in TEXT_KINDS]


@dataclass
class DocumentBuilder:
    format: str
    parts: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    pages: int | None = None
    _pos: int = 0

    def _append(self, s: str) -> tuple[int, int]:
        if self.parts:
            self.parts.append("\n")
            self._pos += 1
        start = self._pos
        self.parts.append(s)
        self._pos += len(s)
        return start, self._pos

    def paragraph(self, text: str, *, style_level: int | None = None, bold: bool = False, title_style: bool = False) -> None:
        text = clean_line(text)
        if not text:
            return
        start, end = self._append(text)
        kind = "heading" if _heading_candidate(text, style_level, bold) else "paragraph"
        self.blocks.append(Block(kind, start, end, style_level, bold, title_style))

    def table(self, rows: list[list[str]]) -> None:
        rows = [[clean_cell(c) for c in row] for row in rows]
        rows = [r for r in rows if any(r)]
        if not rows:
            return
        if len(rows) == 1 or max(len(r) for r in rows) == 1:  # a one-row or one-column "table" is layout: read as text
            for r in rows:
                for c in r:
                    self.paragraph(c)
            return
        if self.parts:
            self.parts.append("\n")
            self._pos += 1
        t_start = self._pos
        cells: list[list[tuple[int, int]]] = []
        for i, row in enumerate(rows):
            if i:
                self.parts.append("\n")
                self._pos += 1
            offs = []
            for j, c in enumerate(row):
                if j:
                    self.parts.append("\t")
                    self._pos += 1
                offs.append((self._pos, self._pos + len(c)))
                self.parts.append(c)
                self._pos += len(c)
            cells.append(offs)
        self.tables.append(Table(t_start, self._pos, rows, cells))
        index = len(self.tables) - 1
        self.blocks.append(Block("table", t_start, self._pos, table=index))
        self.blocks.extend(Block("cell", a, b, table=index) for row in cells for a, b in row if b > a)

    def build(self) -> Document:
        from reportcheck.ingest.text import simplified_shadow

        text = "".join(self.parts)
        shadow, traditional = simplified_shadow(text)
        return Document(text, shadow, self.blocks, self.tables, self.format, self.pages, self.notes, self.footnotes, traditional)


def _heading_candidate(text: str, style_level: int | None, bold: bool) -> bool:
    if style_level is not None or (bold and len(text) <= 60):
        return True
    return len(text) <= 40 and HEADING_START.match(text) is not None and "。" not in text[:-1]


_SPACES = "\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff"


def clean_line(s: str) -> str:
    """One paragraph: no line breaks or tabs inside, no indentation (full-width spaces included)."""
    s = s.replace("\r", "").replace("\n", " ").replace("\t", " ").replace("\u200b", "").replace("\ufeff", "")
    return s.strip(" " + _SPACES)


def clean_cell(s: str) -> str:
    return " ".join(clean_line(s).split())
