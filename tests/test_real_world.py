"""What Word, WPS, LibreOffice and OA systems actually produce, read as a person sees it on screen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from builders import soffice_convert
from conftest import needs_soffice, section_shape
from lxml import etree
from wordxml import FOOTNOTE, rich_and_plain, rich_docx

from reportcheck.ingest import read_bytes
from reportcheck.ingest.numbering import Numbering, chinese_counting, format_number
from reportcheck.review import review_bytes

BIN = Path(sys.executable).parent
HIDDEN = ["（初稿：全镇党建工作走在全县前列。）", "（移走的句子）", "请补充学习成效", "临泽县委组织部 述职评议材料", "第 1 页", FOOTNOTE,
          "（此处隐藏的编辑说明）", "MERGEFIELD", "PAGE"]


@pytest.fixture(scope="module")
def files() -> tuple[bytes, bytes]:
    return rich_and_plain()


def test_rich_word_file_reads_as_the_plain_one(files) -> None:
    rich, plain = files
    a, b = review_bytes(rich, "rich.docx"), review_bytes(plain, "plain.docx")
    assert a.text == b.text
    assert section_shape(a) == section_shape(b)
    assert [s.heading for s in a.sections][:3] == ["一、主要工作", "（一）抓理论武装", "1. 领学促学"]
    assert a.title == "临泽县城关镇党委书记2025年度抓基层党建工作述职报告" and a.reporter == "镇党委书记 周明远"
    for hidden in HIDDEN:
        assert hidden not in a.text, hidden


def test_revisions_are_noted_and_footnotes_listed_apart(files) -> None:
    rich, plain = files
    a = review_bytes(rich, "rich.docx")
    assert any("修订" in n for n in a.source.notes)
    assert any(i.id.startswith("file.note") and "修订" in i.detail for i in a.checklist)
    assert not review_bytes(plain, "plain.docx").source.notes
    assert read_bytes(rich, "rich.docx").footnotes == [FOOTNOTE]


def test_merged_cells_are_read_once_and_keep_rows_and_columns(files) -> None:
    doc = read_bytes(files[0], "rich.docx")
    (table,) = doc.tables
    assert table.rows[1] == ["1", "后备力量不足", "每村储备2名", "已储备11名"]
    assert table.rows[2] == ["", "", "建立培养台账", "台账已建"]
    assert doc.text.count("已储备11名") == 1


@needs_soffice
@pytest.mark.slow
@pytest.mark.parametrize("ext", ["doc", "wps"])
def test_legacy_formats_made_by_libreoffice_give_the_same_sections(files, ext) -> None:
    rich, plain = files
    legacy = soffice_convert(rich, "docx", "doc")  # WPS Writer's .wps is Word's binary layout under another name
    r = review_bytes(legacy, f"report.{ext}")
    assert r.source.format == ext
    assert section_shape(r) == section_shape(review_bytes(plain, "plain.docx"))
    for hidden in HIDDEN:
        assert hidden not in r.text, hidden


@needs_soffice
def test_wps_without_libreoffice_exits_3_with_the_install_hint(tmp_path: Path, files) -> None:
    p = tmp_path / "old.wps"
    p.write_bytes(soffice_convert(files[1], "docx", "doc"))
    r = subprocess.run([str(BIN / "reportcheck"), "review", str(p)], capture_output=True, text=True, env={**os.environ, "PATH": str(BIN)})
    assert r.returncode == 3 and "WPS" in r.stderr and "LibreOffice" in r.stderr


@needs_soffice
@pytest.mark.slow
def test_pdf_export_of_the_rich_file_drops_header_footer_and_keeps_sections(files) -> None:
    plain = files[1]
    # OA systems export the final version: tracked changes accepted (a PDF of visible revisions shows them)
    r = review_bytes(soffice_convert(rich_docx(revisions=False), "docx", "pdf"), "rich.pdf")
    assert section_shape(r) == section_shape(review_bytes(plain, "plain.docx"))
    for hidden in HIDDEN:
        assert hidden not in r.text, hidden


def _long_report_with_table() -> bytes:
    """Several pages: a header, a 第 X 页 共 Y 页 footer, and a 清单 table that crosses a page break."""
    d = docx.Document()
    sec = d.sections[0]
    sec.header.paragraphs[0].text = "青禾市委组织部 2025年度述职评议材料"
    fp = sec.footer.paragraphs[0]._p
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def fld(code: str) -> list:
        return [etree.fromstring(x) for x in (f'<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>', f'<w:r {ns}><w:instrText> {code} </w:instrText></w:r>',
                                                f'<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>', f'<w:r {ns}><w:t>1</w:t></w:r>', f'<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>')]
    for piece in ([etree.fromstring(f'<w:r {ns}><w:t xml:space="preserve">第 </w:t></w:r>')], fld("PAGE"), [etree.fromstring(f'<w:r {ns}><w:t xml:space="preserve"> 页 共 </w:t></w:r>')],
                  fld("NUMPAGES"), [etree.fromstring(f'<w:r {ns}><w:t xml:space="preserve"> 页</w:t></w:r>')]):
        for el in piece:
            fp.append(el)
    d.add_paragraph("青禾市临泽县委书记2025年度抓基层党建工作述职报告")
    d.add_paragraph("一、主要工作")
    for k in range(14):
        d.add_paragraph(f"第{k + 1}项工作：全年我带队走访了{k + 3}个村，召开座谈会{k + 2}次，梳理群众反映的问题{k + 10}条，逐条建立台账并明确责任人和完成时限，到年底已办结{k + 9}条，其余列入下年计划。")
    d.add_paragraph("附件：书记突破项目清单")
    t = d.add_table(rows=31, cols=4)
    t.style = "Table Grid"
    for c, h in enumerate(["序号", "项目名称", "推进措施", "工作成效"]):
        t.cell(0, c).text = h
    for r in range(1, 31):
        for c, v in enumerate([str(r), f"突破项目{r}", f"措施{r}：每月调度一次", f"成效{r}：完成{r * 3}件"]):
            t.cell(r, c).text = v
    d.add_paragraph("二、下步打算")
    d.add_paragraph("2026年6月底前完成全部项目验收，由县委组织部牵头。")
    import io

    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


@needs_soffice
@pytest.mark.slow
def test_multi_page_pdf_header_footer_and_table_across_pages() -> None:
    pdf = soffice_convert(_long_report_with_table(), "docx", "pdf")
    doc = read_bytes(pdf, "long.pdf")
    assert doc.pages and doc.pages >= 3
    assert "述职评议材料" not in doc.text
    assert "页 共" not in doc.text and "第 1 页" not in doc.text
    assert len(doc.tables) == 1, [t.rows[:2] for t in doc.tables]
    rows = doc.tables[0].rows
    assert rows[0] == ["序号", "项目名称", "推进措施", "工作成效"] and len(rows) == 31
    assert [r[0] for r in rows[1:]] == [str(k) for k in range(1, 31)]
    paras = [doc.block_text(b) for b in doc.text_blocks()]
    assert any(p.startswith("第14项工作：") and p.endswith("其余列入下年计划。") for p in paras)
    assert paras[-1] == "2026年6月底前完成全部项目验收，由县委组织部牵头。"


# numbering.xml rendering, unit by unit
def test_chinese_counting() -> None:
    assert [chinese_counting(n) for n in (1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110)] == [
        "一", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "一百", "一百零一", "一百一十"]


@pytest.mark.parametrize("fmt,n,shown", [("decimalEnclosedCircle", 3, "③"), ("decimalFullWidth", 12, "１２"), ("upperLetter", 2, "B"),
                                         ("lowerLetter", 28, "bb"), ("upperRoman", 14, "XIV"), ("ideographTraditional", 3, "丙"),
                                         ("chineseCountingThousand", 15, "十五"), ("taiwaneseCountingThousand", 3, "三"), ("chineseLegalSimplified", 12, "拾贰"), ("decimalZero", 7, "07"), ("decimal", 5, "5")])
def test_number_formats(fmt, n, shown) -> None:
    assert format_number(n, fmt) == shown


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NUMBERING = f"""<w:numbering {W}>
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/><w:isLgl/><w:suff w:val="nothing"/></w:lvl>
 <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%4"/><w:lvlRestart w:val="1"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2)"/></w:lvl></w:lvlOverride></w:num>
</w:numbering>"""


def test_levels_restarts_and_overrides() -> None:
    nb = Numbering.parse(etree.fromstring(NUMBERING))
    seq = [nb.label("1", 0), nb.label("1", 1), nb.label("1", 1), nb.label("1", 0), nb.label("1", 1)]
    assert seq == ["一、", "（一）", "（二）", "二、", "（一）"]  # level 2 restarts when level 1 advances
    assert nb.label("1", 2) == "2.1"  # isLgl: the parent number shows in decimal
    assert [nb.label("1", 3), nb.label("1", 3)] == ["①", "②"]
    nb.label("1", 1)  # level 2 advances: level 4 restarts only after level 1 (lvlRestart=1), so it continues
    assert nb.label("1", 3) == "③"
    assert nb.label("2", 0) == "五、"  # startOverride on first use of num 2
    assert nb.label("3", 1) == "1) "  # a level redefined by lvlOverride (tab suffix after ASCII reads as a space)
    assert nb.label("99", 0) == ""  # a numId with no definition shows nothing


def test_grid_span_cells_keep_their_columns_and_nested_tables_read_in_their_cell() -> None:
    from wordxml import NS

    d = docx.Document()
    body = d.element.body
    tbl = (f'<w:tbl {NS}><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>'
           "<w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>成效</w:t></w:r></w:p></w:tc></w:tr>"
           '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>合计</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>12项</w:t></w:r></w:p>'
           "<w:p><w:r><w:t>其中完成10项</w:t></w:r></w:p></w:tc></w:tr>"
           '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>子表</w:t></w:r></w:p></w:tc><w:tc>'
           f"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>")
    body[-1].addprevious(etree.fromstring(tbl))
    import io

    out = io.BytesIO()
    d.save(out)
    (table,) = read_bytes(out.getvalue(), "t.docx").tables
    assert table.rows == [["序号", "项目", "成效"], ["合计", "", "12项 其中完成10项"], ["", "子表", "甲 乙"]]


def test_footnotes_are_listed_in_the_review_json(files) -> None:
    r = review_bytes(files[0], "rich.docx")
    assert r.source.footnotes == [FOOTNOTE] and FOOTNOTE not in r.text


def test_ofd_is_reviewed_with_its_headings_in_reading_order() -> None:
    from test_ingest_ofd import HEADING1, HEADING2, TITLE, report_pages, write_ofd

    r = review_bytes(write_ofd(report_pages()), "report.ofd")
    assert r.source.format == "ofd" and r.title == TITLE
    assert [s.heading for s in r.sections] == [HEADING1, HEADING2]


def test_a_table_of_contents_does_not_repeat_the_headings() -> None:
    import io

    d = docx.Document()
    d.add_paragraph("某镇党委书记述职报告")
    toc = d.styles.add_style("TOC 1", 1)  # Word's own name for table-of-contents entries
    for line in ("一、主要工作\t1", "二、存在问题\t2"):
        d.add_paragraph(line, style=toc)
    for line in ("一、主要工作", "全年发展党员12名。", "二、存在问题", "后备力量不足。"):
        d.add_paragraph(line)
    out = io.BytesIO()
    d.save(out)
    r = review_bytes(out.getvalue(), "toc.docx")
    assert [s.heading for s in r.sections] == ["一、主要工作", "二、存在问题"]
    assert r.text.count("一、主要工作") == 1


def test_numbering_style_links_are_followed() -> None:
    # a multilevel list saved as a numbering style: num 5 -> abstract 8 (numStyleLink) -> style "ReportList" -> num 6 -> abstract 9
    xml = f"""<w:numbering {W}>
    <w:abstractNum w:abstractNumId="9"><w:styleLink w:val="ReportList"/>
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>
    <w:abstractNum w:abstractNumId="8"><w:numStyleLink w:val="ReportList"/></w:abstractNum>
    <w:num w:numId="5"><w:abstractNumId w:val="8"/></w:num><w:num w:numId="6"><w:abstractNumId w:val="9"/></w:num>
    </w:numbering>"""
    nb = Numbering.parse(etree.fromstring(xml))
    nb.link_styles({"ReportList": "6"})
    assert [nb.label("5", 0), nb.label("5", 0)] == ["一、", "二、"]


def test_strict_open_xml_docx_reads_like_transitional(files) -> None:
    import io
    import zipfile

    plain = files[1]
    src = zipfile.ZipFile(io.BytesIO(plain))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            raw = src.read(info).replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main", b"http://purl.oclc.org/ooxml/wordprocessingml/main")
            z.writestr(info.filename, raw)
    assert read_bytes(out.getvalue(), "strict.docx").text == read_bytes(plain, "plain.docx").text


@needs_soffice
@pytest.mark.slow
def test_odt_is_converted_through_libreoffice(files) -> None:
    rich, plain = files
    odt = soffice_convert(rich, "docx", "odt")
    r = review_bytes(odt, "report.odt")
    assert r.source.format == "odt"
    assert section_shape(r) == section_shape(review_bytes(plain, "plain.docx"))
