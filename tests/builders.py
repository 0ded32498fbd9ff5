"""Build real files from a plain-text report: .docx through python-docx, PDF/.doc/.wps through LibreOffice.

Used by the tests (every trait tested on bytes a real program wrote) and by tools/make_samples.py.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from reportcheck.structure import NUMBERING

_DEPTH = {"cn": 1, "cn_paren": 2, "arabic": 3, "arabic_dun": 3, "arabic_paren": 4, "circled": 5}


def heading_depth(line: str) -> int | None:
    """The conventional depth of a numbered short line, or None for body text."""
    if len(line) > 40 or "。" in line[:-1]:
        return None
    for kind, (pat, _d) in NUMBERING.items():
        if kind in _DEPTH and pat.match(line):
            return _DEPTH[kind]
    return None


def _cjk_font(run, name: str = "宋体") -> None:
    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), name)


def txt_to_docx(text: str, mode: str = "styles") -> bytes:
    """mode "styles": numbered headings get Heading 1-4 styles; "bold": typed headings in bold, Normal style."""
    d = docx.Document()
    d.styles["Normal"].font.size = Pt(14)
    lines = [ln.strip() for ln in text.replace("\r\n", "\n").split("\n") if ln.strip()]
    i = 0
    while i < len(lines):
        line = lines[i]
        if "\t" in line and i + 1 < len(lines) and "\t" in lines[i + 1]:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append(lines[i].split("\t"))
                i += 1
            table = d.add_table(rows=len(rows), cols=max(map(len, rows)))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            continue
        depth = heading_depth(line)
        if i == 0:
            p = d.add_paragraph(style="Title")
            _cjk_font(p.add_run(line), "黑体")
        elif i == 1 and len(line) <= 40 and "。" not in line:
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _cjk_font(p.add_run(line), "楷体")
        elif depth is not None and mode == "styles":
            p = d.add_paragraph(style=f"Heading {min(depth, 4)}")
            _cjk_font(p.add_run(line), "黑体")
        elif depth is not None:
            p = d.add_paragraph()
            run = p.add_run(line)
            run.bold = True
            _cjk_font(run, "黑体")
        else:
            p = d.add_paragraph()
            p.paragraph_format.first_line_indent = Pt(28)
            _cjk_font(p.add_run(line))
        i += 1
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def soffice_convert(data: bytes, src_ext: str, target: str) -> bytes:
    """Convert with LibreOffice (target e.g. "pdf", "doc", "docx", "wps" is written as MS Word 97)."""
    exe = shutil.which("soffice")
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    filters = {"pdf": "pdf:writer_pdf_Export", "doc": "doc:MS Word 97", "docx": "docx:MS Word 2007 XML", "odt": "odt", "rtf": "rtf"}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"in.{src_ext}"
        src.write_bytes(data)
        profile = (Path(tmp) / "profile").as_uri()
        subprocess.run([exe, f"-env:UserInstallation={profile}", "--headless", "--convert-to", filters[target], "--outdir", tmp, str(src)],
                       check=True, timeout=180, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return (Path(tmp) / f"in.{target}").read_bytes()
