"""A .docx with the traits real Word/WPS files carry, and the same report typed plainly.

`rich_and_plain()` returns two .docx files of one report:
- plain: every heading number typed, every paragraph a plain paragraph, the title a normal line;
- rich: heading numbers from numbering.xml (chineseCounting / （chineseCounting） / decimal, style-linked to
  Heading 1-3), tracked changes (an insertion, a deletion, a
  moved sentence, a deleted paragraph mark that merges two paragraphs), comments, a header and a footer with
  PAGE/NUMPAGES fields, the title in a text box (mc:AlternateContent with its VML fallback), a footnote, a
  field in the body (shown result, hidden code), a hyperlink, a content control, hidden text, runs fragmented
  every few characters, full-width-space indents, and a 清单 table with merged cells (gridSpan, vMerge).
A reader that gets Word right gives both the same sections and the same body text.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.oxml import parse_xml
from docx.shared import Pt

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)

TITLE = "临泽县城关镇党委书记2025年度抓基层党建工作述职报告"
REPORTER = "镇党委书记 周明远"
# (level, heading text without its number) and the paragraphs under it
OUTLINE = [
    (1, "主要工作", []),
    (2, "抓理论武装", ["全年我主持镇党委理论学习中心组学习12次，带头讲党课4次。"]),
    (3, "领学促学", ["我带队到8个村宣讲全会精神，覆盖党员620人次。"]),
    (3, "学用转化", ["围绕集体经济增收形成调研报告3篇，其中2篇转化为镇党委文件。"]),
    (2, "抓基层组织", ["整顿软弱涣散村党组织2个，东岗村由后进转为先进。"]),
    (1, "存在的问题", []),
    (2, "村级后备力量不足", ["35岁以下村干部仅9人，我对年轻干部培养抓得不早。"]),
    (1, "下步打算", []),
    (2, "建强带头人队伍", ["2026年6月底前每村储备后备力量2名，由组织委员牵头。"]),
]
CN = "一二三四五六七八九十"
TABLE = [["序号", "问题", "整改措施", "完成情况"],
         ["1", "后备力量不足", "每村储备2名", "已储备11名"],
         ["", "", "建立培养台账", "台账已建"],
         ["2", "组织生活不规范", "季度抽查", "整改完成"]]


def numbered_outline() -> list[tuple[int, str, list[str]]]:
    """The outline with the numbers Word would show: 一、 / （一） / 1. restarting under each parent."""
    out, counters = [], [0, 0, 0]
    for level, text, paras in OUTLINE:
        counters[level - 1] += 1
        for deeper in range(level, 3):
            counters[deeper] = 0
        n = counters[level - 1]
        label = {1: f"{CN[n - 1]}、", 2: f"（{CN[n - 1]}）", 3: f"{n}. "}[level]
        out.append((level, label + text, paras))
    return out


def plain_docx() -> bytes:
    d = docx.Document()
    d.add_paragraph(TITLE)
    d.add_paragraph(REPORTER)
    for _level, heading, paras in numbered_outline():
        d.add_paragraph(heading)
        for p in paras:
            d.add_paragraph(p)
    # the paragraphs the rich file builds with tracked changes and a soft break, as they read once accepted
    d.add_paragraph("附件：书记整改问题清单")
    t = d.add_table(rows=len(TABLE), cols=4)
    for r, row in enumerate(TABLE):
        for c, cell in enumerate(row):
            if r == 2 and c < 2:
                continue
            t.cell(r, c).text = cell
    d.add_paragraph("本报告经镇党委会议审议通过。全镇共有党员1260名。")
    d.add_paragraph("报告期：2025年1月至12月")
    d.add_paragraph("联系人：党政办")
    return _save(d)


def _runs(text: str, every: int = 3) -> str:
    """Fragment a text into runs of a few characters, alternating direct formatting (as edited files are)."""
    parts = [text[i : i + every] for i in range(0, len(text), every)]
    out = []
    for k, part in enumerate(parts):
        rpr = "<w:rPr><w:i/></w:rPr>" if k % 2 else "<w:rPr><w:color w:val=\"333333\"/></w:rPr>"
        out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{part}</w:t></w:r>')
    return "".join(out)


def _numbering_xml(numbering) -> None:
    el = numbering.element
    for child in list(el):
        el.remove(child)
    levels = [("chineseCounting", "%1、", "Heading1"), ("chineseCounting", "（%2）", "Heading2"), ("decimal", "%3.", "Heading3")]
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:pStyle w:val="{style}"/><w:suff w:val="{"space" if i == 2 else "nothing"}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        for i, (fmt, text, style) in enumerate(levels)
    )
    el.append(parse_xml(f'<w:abstractNum {NS} w:abstractNumId="7"><w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'))
    el.append(parse_xml(f'<w:num {NS} w:numId="3"><w:abstractNumId w:val="7"/></w:num>'))


def _link_heading_styles(d) -> None:
    for i in (1, 2, 3):
        style = d.styles[f"Heading {i}"]
        ppr = style.element.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr {NS}><w:ilvl w:val="{i - 1}"/><w:numId w:val="3"/></w:numPr>'))


def _field(instr: str, result: str, rpr: str = "") -> str:
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r>{rpr}<w:t>{result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


def rich_docx(revisions: bool = True) -> bytes:
    """revisions=False: the same file with every tracked change already accepted (as OA systems export PDFs)."""
    d = docx.Document()
    _numbering_xml(d.part.numbering_part)
    _link_heading_styles(d)
    body = d.element.body
    sect = body[-1]

    def add(xml: str) -> None:
        sect.addprevious(parse_xml(xml))

    # the title in a text box: DrawingML choice and its VML fallback hold the same text (read once)
    box = f'<w:txbxContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>{TITLE}</w:t></w:r></w:p></w:txbxContent>'
    add(f'<w:p {NS}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline><wp:extent cx="5400000" cy="500000"/>'
        '<wp:docPr id="1" name="标题框"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5400000" cy="500000"/></a:xfrm><a:prstGeom prst="rect"/></wps:spPr>'
        f'<wps:txbx>{box}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape style="width:425pt;height:40pt"><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')
    # the reporter line in a content control
    add(f'<w:sdt {NS}><w:sdtPr><w:alias w:val="述职人"/></w:sdtPr><w:sdtContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr>{_runs(REPORTER)}</w:p></w:sdtContent></w:sdt>')
    for level, heading, paras in OUTLINE:
        add(f'<w:p {NS}><w:pPr><w:pStyle w:val="Heading{level}"/></w:pPr>{_runs(heading, 2)}</w:p>')
        for p in paras:
            add(f'<w:p {NS}><w:pPr><w:ind w:firstLineChars="200"/></w:pPr><w:r><w:t xml:space="preserve">\u3000\u3000</w:t></w:r>{_runs(p)}</w:p>')
    # 附件 line with a hyperlink and a hidden-text run
    add(f'<w:p {NS}><w:r><w:t>附件：</w:t></w:r><w:hyperlink w:anchor="qingdan"><w:r><w:t>书记整改问题清单</w:t></w:r></w:hyperlink>'
        f'<w:r><w:rPr><w:vanish/></w:rPr><w:t>（此处隐藏的编辑说明）</w:t></w:r></w:p>')
    # the 清单 table: row 2 continues the merged 序号/问题 cells of row 1 (vMerge)
    rows = []
    for r, row in enumerate(TABLE):
        cells = []
        for c, cell in enumerate(row):
            tcpr = ""
            if r == 1 and c < 2:
                tcpr = '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>'
            if r == 2 and c < 2:
                tcpr = "<w:tcPr><w:vMerge/></w:tcPr>"
            cells.append(f"<w:tc>{tcpr}<w:p>{_runs(cell, 4) if cell else ''}</w:p></w:tc>")
        rows.append("<w:tr>" + "".join(cells) + "</w:tr>")
    grid = "<w:tblGrid>" + '<w:gridCol w:w="2000"/>' * 4 + "</w:tblGrid>"
    add(f"<w:tbl {NS}><w:tblPr><w:tblStyle w:val=\"TableGrid\"/></w:tblPr>{grid}{''.join(rows)}</w:tbl>")
    # tracked changes: inserted text kept, deleted text dropped, a deleted paragraph mark joins two paragraphs,
    # a moved sentence read once (at its destination); a footnote reference; a field showing its result
    if revisions:
        ins = '<w:ins w:id="11" w:author="办公室" w:date="2026-01-05T10:00:00Z"><w:r><w:t>审议通过。</w:t></w:r></w:ins>'
        dele = '<w:del w:id="12" w:author="办公室" w:date="2026-01-05T10:00:00Z"><w:r><w:delText>（初稿：全镇党建工作走在全县前列。）</w:delText></w:r></w:del>'
        add(f'<w:p {NS}><w:pPr><w:rPr><w:del w:id="13" w:author="办公室" w:date="2026-01-05T10:00:00Z"/></w:rPr></w:pPr>'
            f'<w:r><w:t>本报告经镇党委会议</w:t></w:r>{ins}{dele}</w:p>')
        moved = '<w:moveFrom w:id="14" w:author="办公室"><w:r><w:t>（移走的句子）</w:t></w:r></w:moveFrom>'
    else:
        moved = "<w:r><w:t>本报告经镇党委会议审议通过。</w:t></w:r>"
    add(f'<w:p {NS}>{moved}<w:r><w:t>全镇共有党员</w:t></w:r>{_field("MERGEFIELD 党员数", "1260")}<w:r><w:t>名。</w:t></w:r>'
        '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>')
    add(f'<w:p {NS}><w:r><w:t>报告期：2025年1月至12月</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>联系人：党政办</w:t></w:r></w:p>')
    # a comment on the first paragraph under 抓理论武装 (python-docx anchors it to whole runs)
    target = next(p for p in d.paragraphs if p.text.strip().startswith("全年我主持"))
    d.add_comment(runs=[target.runs[1], target.runs[2]], text="请补充学习成效的具体数据（审核意见）", author="组织部", initials="ZZB")
    # header and footer with page fields
    sec = d.sections[0]
    sec.header.paragraphs[0].add_run("临泽县委组织部 述职评议材料").font.size = Pt(9)  # headers and footers are set small
    footer = sec.footer.paragraphs[0]._p
    small = '<w:rPr><w:sz w:val="18"/></w:rPr>'
    footer.append(parse_xml(f'<w:r {NS}>{small}<w:t xml:space="preserve">第 </w:t></w:r>'))
    for r in parse_xml(f'<w:p {NS}>{_field("PAGE", "1", small)}</w:p>'):
        footer.append(r)
    footer.append(parse_xml(f'<w:r {NS}>{small}<w:t xml:space="preserve"> 页 共 </w:t></w:r>'))
    for r in parse_xml(f'<w:p {NS}>{_field("NUMPAGES", "1", small)}</w:p>'):
        footer.append(r)
    footer.append(parse_xml(f'<w:r {NS}>{small}<w:t xml:space="preserve"> 页</w:t></w:r>'))
    return _add_footnotes(_save(d))


def _save(d) -> bytes:
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


FOOTNOTE = "数据来源：镇党建办年度统计台账。"


def _add_footnotes(data: bytes) -> bytes:
    """python-docx has no footnotes API: add the part, its content type and its relationship."""
    src = zipfile.ZipFile(io.BytesIO(data))
    notes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W_NS}">'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
             f'<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="18"/></w:rPr><w:footnoteRef/></w:r>'
             f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t>{FOOTNOTE}</w:t></w:r></w:p></w:footnote></w:footnotes>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            raw = src.read(info)
            if info.filename == "[Content_Types].xml":
                raw = raw.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
            elif info.filename == "word/_rels/document.xml.rels":
                raw = raw.replace(b"</Relationships>", b'<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>')
            z.writestr(info, raw)
        z.writestr("word/footnotes.xml", notes)
    return out.getvalue()


def rich_and_plain() -> tuple[bytes, bytes]:
    return rich_docx(), plain_docx()
