"""Word and WPS .docx: the text Word displays, in body order, with tables where they stand.

Read straight from the package XML (python-docx's paragraph.text misses numbering, text boxes and
tracked changes): tracked changes read as if accepted, field codes replaced by their results,
text boxes read once, hidden text, comments, headers, footers and footnotes kept out of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from reportcheck.errors import input_error
from reportcheck.ingest.document import Document, DocumentBuilder
from reportcheck.ingest.numbering import Numbering, attr_int
from reportcheck.ingest.package import Package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_WRAPPERS = {W + t for t in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "bdo", "dir")}
_DROPPED = {W + t for t in ("del", "moveFrom")}
_REVISIONS = ("ins", "del", "moveFrom", "moveTo", "pPrChange", "rPrChange")
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)
_TOC_NAME = re.compile(r"^(?:toc|目录)\s*\d$|^toc heading$", re.I)  # table-of-contents entries repeat the headings


@dataclass
class Style:
    name: str = ""
    based_on: str | None = None
    outline: int | None = None  # 0-based outline level
    num: tuple[str, int] | None = None
    bold: bool | None = None
    centered: bool | None = None


@dataclass
class Styles:
    by_id: dict[str, Style] = field(default_factory=dict)

    @classmethod
    def parse(cls, root: etree._Element | None) -> Styles:
        st = cls()
        if root is None:
            return st
        for s in root.iter(W + "style"):
            sid = s.get(W + "styleId", "")
            name_el, based, ppr, rpr = s.find(W + "name"), s.find(W + "basedOn"), s.find(W + "pPr"), s.find(W + "rPr")
            style = Style(name=name_el.get(W + "val", "") if name_el is not None else sid)
            style.based_on = based.get(W + "val") if based is not None else None
            if ppr is not None:
                ol = ppr.find(W + "outlineLvl")
                if ol is not None and (ol.get(W + "val") or "").isdigit():
                    style.outline = int(ol.get(W + "val"))
                style.num = _num_pr(ppr)
                style.centered = _centered(ppr)
            if rpr is not None:
                style.bold = _on(rpr.find(W + "b"))
            st.by_id[sid] = style
        return st

    def chain(self, sid: str | None):
        seen = set()
        while sid and sid in self.by_id and sid not in seen:
            seen.add(sid)
            yield self.by_id[sid]
            sid = self.by_id[sid].based_on

    def heading_level(self, sid: str | None) -> int | None:
        for s in self.chain(sid):
            m = _HEADING_NAME.match(s.name.strip())
            if m:
                return int(m.group(1))
            if s.outline is not None and s.outline < 9:
                return s.outline + 1
        return None

    def is_toc(self, sid: str | None) -> bool:
        return any(_TOC_NAME.match(s.name.strip()) for s in self.chain(sid))

    def is_title(self, sid: str | None) -> bool:
        return any(s.name.strip().lower() in ("title", "标题", "subtitle", "副标题") for s in self.chain(sid))

    def first(self, sid: str | None, attr: str):
        for s in self.chain(sid):
            v = getattr(s, attr)
            if v is not None:
                return v
        return None


def _on(el: etree._Element | None) -> bool | None:
    if el is None:
        return None
    return el.get(W + "val", "true").lower() not in ("0", "false", "off", "none")


def _centered(ppr: etree._Element) -> bool | None:
    jc = ppr.find(W + "jc")
    return None if jc is None else jc.get(W + "val") == "center"


def _num_pr(ppr: etree._Element) -> tuple[str, int] | None:
    np_ = ppr.find(W + "numPr")
    if np_ is None:
        return None
    nid, ilvl = np_.find(W + "numId"), np_.find(W + "ilvl")
    if nid is None:
        return None
    return nid.get(W + "val", "0"), attr_int(ilvl, W + "val")


@dataclass
class _Para:
    """Text collected from one w:p, and the text-box paragraphs anchored in it."""

    parts: list[str] = field(default_factory=list)
    boxes: list[etree._Element] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)  # stack: "code" until separate, then "result"
    style_bold: bool = False  # the paragraph style makes runs bold unless they say otherwise
    bold_chars: int = 0
    plain_chars: int = 0


class DocxReader:
    def __init__(self, pkg: Package):
        self.pkg = pkg
        self.styles = Styles.parse(self._optional("word/styles.xml"))
        self.numbering = Numbering.parse(self._optional("word/numbering.xml"))
        self.numbering.link_styles({sid: st.num[0] for sid, st in self.styles.by_id.items() if st.num})
        self.b = DocumentBuilder("docx")
        self.carry = ""  # text of a paragraph whose mark was deleted: it joins the next paragraph

    def _optional(self, name: str) -> etree._Element | None:
        return self.pkg.xml(name) if self.pkg.has(name) else None

    def read(self) -> Document:
        main = _main_part(self.pkg)
        root = self.pkg.xml(main)
        body = root.find(W + "body")
        if body is None:
            raise input_error("corrupt_docx")
        if any(True for t in _REVISIONS for _ in body.iter(W + t)):
            self.b.notes.append("文件仍带有未接受的修订，已按“全部接受”读取；请定稿后再提交")
        self._blocks(body)
        if self.carry:
            self.b.paragraph(self.carry)
        self._footnotes()
        return self.b.build()

    def _blocks(self, container: etree._Element) -> None:
        for el in container:
            if el.tag == W + "p":
                self._paragraph(el)
            elif el.tag == W + "tbl":
                self.b.table(self._table_rows(el))
            elif el.tag == W + "sdt":
                content = el.find(W + "sdtContent")
                if content is not None:
                    self._blocks(content)
            elif el.tag in (W + "customXml", W + "ins", W + "moveTo"):
                self._blocks(el)

    def _paragraph(self, p: etree._Element) -> None:
        ppr = p.find(W + "pPr")
        sid = None
        if ppr is not None:
            ps = ppr.find(W + "pStyle")
            sid = ps.get(W + "val") if ps is not None else None
        if self.styles.is_toc(sid):
            return  # a table of contents repeats the headings with page numbers: not body text
        para = _Para(style_bold=bool(self.styles.first(sid, "bold")))
        self._inline(p, para)
        for box in para.boxes:
            self._blocks(box)
        text = "".join(para.parts)
        level = self.styles.heading_level(sid)
        direct_outline = ppr.find(W + "outlineLvl") if ppr is not None else None
        if direct_outline is not None and (direct_outline.get(W + "val") or "").isdigit() and int(direct_outline.get(W + "val")) < 9:
            level = int(direct_outline.get(W + "val")) + 1
        num = (_num_pr(ppr) if ppr is not None else None) or self.styles.first(sid, "num")
        if num is not None and text.strip():
            text = self.numbering.label(*num) + text.lstrip()
        mark_deleted = ppr is not None and ppr.find(f"{W}rPr/{W}del") is not None
        if mark_deleted:
            self.carry += text
            return
        text, self.carry = self.carry + text, ""
        centered = (_centered(ppr) if ppr is not None else None) or self.styles.first(sid, "centered") or False
        bold = para.bold_chars > 0 and para.plain_chars == 0
        for line in text.split("\n"):  # soft line breaks separate lines as a reader sees them
            self.b.paragraph(line, style_level=level, bold=bold, title_style=self.styles.is_title(sid) or centered)

    def _inline(self, el: etree._Element, para: _Para) -> None:
        for child in el:
            tag = child.tag
            if tag in _DROPPED:
                continue
            if tag == W + "r":
                self._run(child, para)
            elif tag in _WRAPPERS:
                self._inline(child, para)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self._inline(content, para)
            elif tag == MC + "AlternateContent":
                self._inline(_one_branch(child), para)

    def _run(self, r: etree._Element, para: _Para) -> None:
        rpr = r.find(W + "rPr")
        hidden = rpr is not None and bool(_on(rpr.find(W + "vanish")))
        direct = _on(rpr.find(W + "b")) if rpr is not None else None
        rs = rpr.find(W + "rStyle") if rpr is not None else None
        char_style = self.styles.first(rs.get(W + "val"), "bold") if rs is not None else None
        bold = direct if direct is not None else (char_style if char_style is not None else para.style_bold)
        for c in r:
            tag = c.tag
            if tag == W + "fldChar":
                kind = c.get(W + "fldCharType")
                if kind == "begin":
                    para.fields.append("code")
                elif kind == "separate" and para.fields:
                    para.fields[-1] = "result"
                elif kind == "end" and para.fields:
                    para.fields.pop()
                continue
            in_code = "code" in para.fields
            if tag == W + "t":
                if in_code or hidden or not c.text:
                    continue
                para.parts.append(c.text)
                visible = len(c.text.strip())
                if bold:
                    para.bold_chars += visible
                else:
                    para.plain_chars += visible
            elif in_code or hidden:
                continue
            elif tag == W + "tab":
                para.parts.append(" ")
            elif tag in (W + "br", W + "cr"):
                if c.get(W + "type") not in ("page", "column"):
                    para.parts.append("\n")
            elif tag == W + "noBreakHyphen":
                para.parts.append("-")
            elif tag in (W + "drawing", W + "pict", W + "object", MC + "AlternateContent"):
                src = _one_branch(c) if tag == MC + "AlternateContent" else c
                para.boxes.extend(_text_boxes(src))

    def _table_rows(self, tbl: etree._Element) -> list[list[str]]:
        rows = []
        for tr in _children(tbl, W + "tr"):
            trpr = tr.find(W + "trPr")
            if trpr is not None and trpr.find(W + "del") is not None:
                continue  # a deleted row, tracked
            cells = [""] * _int_val(trpr, "gridBefore")  # a row that starts after some grid columns
            for tc in _children(tr, W + "tc"):
                tcpr = tc.find(W + "tcPr")
                vm = tcpr.find(W + "vMerge") if tcpr is not None else None
                if vm is not None and vm.get(W + "val", "continue") != "restart":
                    cells.append("")  # the merged cell's text was read in the row where the merge starts
                else:
                    cells.append(self._cell_text(tc))
                cells.extend([""] * (max(1, _int_val(tcpr, "gridSpan")) - 1))  # a cell spanning columns: read once, columns kept
            rows.append(cells)
        return rows

    def _cell_text(self, tc: etree._Element) -> str:
        out: list[str] = []
        for el in tc:
            if el.tag == W + "p":
                para = _Para()
                self._inline(el, para)
                ppr = el.find(W + "pPr")
                num = _num_pr(ppr) if ppr is not None else None
                txt = "".join(para.parts).strip()
                if num is not None and txt:
                    txt = self.numbering.label(*num) + txt
                if txt:
                    out.append(txt)
            elif el.tag == W + "tbl":  # a nested table reads row by row inside its cell
                out.extend(" ".join(c for c in row if c) for row in self._table_rows(el))
            elif el.tag == W + "sdt":
                content = el.find(W + "sdtContent")
                if content is not None:
                    out.append(self._cell_text(content))
        return " ".join(s for s in out if s)

    def _footnotes(self) -> None:
        for part in ("word/footnotes.xml", "word/endnotes.xml"):
            root = self._optional(part)
            if root is None:
                continue
            for note in root:
                if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                para = _Para()
                for p in note.iter(W + "p"):
                    self._inline(p, para)
                txt = "".join(para.parts).strip()
                if txt:
                    self.b.footnotes.append(txt)


def _int_val(pr: etree._Element | None, tag: str) -> int:
    """w:val of a property child (gridSpan, gridBefore …), 0 when absent or damaged."""
    return attr_int(pr.find(W + tag) if pr is not None else None, W + "val")


def _children(el: etree._Element, tag: str):
    """Direct children with this tag, looking through sdt/customXml/ins wrappers (rows and cells can be wrapped)."""
    for c in el:
        if c.tag == tag:
            yield c
        elif c.tag in (W + "sdt", W + "customXml", W + "ins", W + "moveTo"):
            inner = c.find(W + "sdtContent") if c.tag == W + "sdt" else c
            if inner is not None:
                yield from _children(inner, tag)


def _one_branch(alt: etree._Element) -> etree._Element:
    """mc:AlternateContent holds the same content twice (Choice and Fallback): read one."""
    choice = alt.find(MC + "Choice")
    if choice is not None:
        return choice
    fallback = alt.find(MC + "Fallback")
    return fallback if fallback is not None else etree.Element("empty")


def _text_boxes(el: etree._Element) -> list[etree._Element]:
    boxes = []
    for alt in el.iter(MC + "AlternateContent"):
        fb = alt.find(MC + "Fallback")
        if fb is not None:
            fb.getparent().remove(fb)  # the fallback repeats the choice: drop it before collecting
    for box in el.iter(W + "txbxContent"):
        if not any(a.tag == W + "txbxContent" for a in box.iterancestors()):
            boxes.append(box)
    return boxes


def _main_part(pkg: Package) -> str:
    if pkg.has("word/document.xml"):
        return "word/document.xml"
    # a few generators name the main part differently: follow [Content_Types].xml
    if pkg.has("[Content_Types].xml"):
        ct = pkg.xml("[Content_Types].xml")
        for o in ct:
            if (o.get("ContentType") or "").endswith("document.main+xml"):
                return (o.get("PartName") or "").lstrip("/")
    raise input_error("corrupt_docx")


# Word's "Strict Open XML" saves the same markup under other namespace names: read it as transitional
_STRICT = ((b"http://purl.oclc.org/ooxml/wordprocessingml/main", b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
           (b"http://purl.oclc.org/ooxml/officeDocument/relationships", b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
           (b"http://purl.oclc.org/ooxml/drawingml/main", b"http://schemas.openxmlformats.org/drawingml/2006/main"))


def read_docx(data: bytes) -> Document:
    pkg = Package.open(data, "docx", "corrupt_docx")
    pkg.rewrite = _STRICT
    return DocxReader(pkg).read()
