"""OFD reader: files are written here the way an exporter lays out a report (one TextObject per line)."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from reportcheck.errors import InputError
from reportcheck.ingest.ofd import read_ofd
from reportcheck.ingest.reader import read_bytes

NS = "http://www.ofdspec.org/2016"
SIZE = 5.6  # mm, 三号
LEFT = 26.0  # left margin, mm
CHARS = 28  # characters per full line
TOP = 45.0  # first baseline, mm
PITCH = 10.0  # baseline to baseline, mm

TITLE = "2024年度个人述职报告"
HEADING1 = "一、主要工作"
HEADING2 = "二、存在的不足"
PARAS = [
    "按照市委统一部署，现将本人一年来履行党建工作第一责任人职责的情况报告如下，请予评议。",
    "坚持把政治建设摆在首位，全年组织理论学习中心组集体学习十二次，带头讲授专题党课两次，"
    "推动学习成果转化为推进工作的实际成效，班子成员政治站位进一步提高。",
    "严格落实三会一课制度，指导各支部规范开展主题党日活动，认真组织开展民主评议党员工作，"
    "基层党组织的凝聚力和战斗力持续增强，党员队伍管理更加规范有序，群众满意度明显提升，"
    "全年发展党员五名，按期转正三名。",
]
PARA_LAST = "理论学习的系统性还不够强，调查研究的深度还有欠缺，下一步将认真加以改进。"
EXPECTED = [TITLE, PARAS[0], HEADING1, PARAS[1], PARAS[2], HEADING2, PARA_LAST]
HEADER = "某某市某某局党组书记述职报告"


# ---- a small OFD writer ------------------------------------------------------------------------


def _width(ch: str, size: float) -> float:
    return size * 0.5 if ord(ch) < 0x2E80 else size


def _delta_x(text: str, size: float) -> str:
    """Advances between characters, runs compressed as "g N v" like real exporters write them."""
    deltas = [_width(ch, size) for ch in text[:-1]]
    out: list[str] = []
    i = 0
    while i < len(deltas):
        j = i
        while j < len(deltas) and deltas[j] == deltas[i]:
            j += 1
        out.append(f"g {j - i} {deltas[i]:g}" if j - i > 1 else f"{deltas[i]:g}")
        i = j
    return " ".join(out)


def text_object(x: float, baseline: float, text: str, size: float = SIZE, *, delta: bool = True) -> str:
    """One TextObject whose Boundary starts at (x, baseline - size); TextCode X/Y are relative to it."""
    width = sum(_width(ch, size) for ch in text)
    dx = f' DeltaX="{_delta_x(text, size)}"' if delta and len(text) > 1 else ""
    return (
        f'<ofd:TextObject ID="{{id}}" Boundary="{x:g} {baseline - size:g} {width + 1:g} {size * 1.4:g}" Font="3" Size="{size:g}">'
        f'<ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="{size:g}"{dx}>{text}</ofd:TextCode></ofd:TextObject>'
    )


def image_object() -> str:
    return '<ofd:ImageObject ID="{id}" Boundary="0 0 210 297" CTM="210 0 0 297 0 0" ResourceID="9"/>'


def write_ofd(
    pages: list[list[str]],
    *,
    absolute_baseloc: bool = False,
    drop: tuple[str, ...] = (),
    replace: dict[str, str] | None = None,
) -> bytes:
    """Zip OFD.xml, Doc_0/Document.xml and Doc_0/Pages/Page_N/Content.xml; `drop`/`replace` corrupt it on purpose."""
    next_id = iter(range(100, 100_000))
    files: dict[str, str] = {
        "OFD.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD">'
            "<ofd:DocBody><ofd:DocInfo><ofd:DocID>0c1d2e3f</ofd:DocID><ofd:Title>述职报告</ofd:Title></ofd:DocInfo>"
            "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
        ),
    }
    page_refs = []
    for n, objects in enumerate(pages):
        loc = f"Pages/Page_{n}/Content.xml"
        page_refs.append(f'<ofd:Page ID="{n + 1}" BaseLoc="{"/Doc_0/" + loc if absolute_baseloc else loc}"/>')
        body = "".join(o.replace("{id}", str(next(next_id))) for o in objects)
        files[f"Doc_0/{loc}"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}">'
            f'<ofd:Content><ofd:Layer ID="{next(next_id)}" Type="Body">{body}</ofd:Layer></ofd:Content></ofd:Page>'
        )
    files["Doc_0/Document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
        f"<ofd:MaxUnitID>{next(next_id)}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>"
        f"</ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>{''.join(page_refs)}"
        "</ofd:Pages></ofd:Document>"
    )
    files["Doc_0/PublicRes.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"><ofd:Fonts>'
        '<ofd:Font ID="3" FontName="仿宋_GB2312" FamilyName="仿宋_GB2312"/></ofd:Fonts></ofd:Res>'
    )
    files.update(replace or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, xml in files.items():
            if name not in drop:
                zf.writestr(name, xml.encode("utf-8"))
    return buf.getvalue()


def _wrap(text: str, indent: int) -> list[tuple[int, str]]:
    """(indent in characters, text) of each visual line of a paragraph."""
    lines = [(indent, text[: CHARS - indent])]
    rest = text[CHARS - indent :]
    while rest:
        lines.append((0, rest[:CHARS]))
        rest = rest[CHARS:]
    return lines


def report_pages(lines_per_page: int = 8, *, split: bool = False, delta: bool = True) -> list[list[str]]:
    """The report laid out as an exporter would: centred title, 2-character indents, header and footer on each page."""
    visual: list[tuple[float, str, float]] = []  # (x, text, size)
    title_size = 7.8
    visual.append(((210 - sum(_width(c, title_size) for c in TITLE)) / 2, TITLE, title_size))
    blocks = [(PARAS[0], 2), (HEADING1, 2), (PARAS[1], 2), (PARAS[2], 2), (HEADING2, 2), (PARA_LAST, 2)]
    for text, indent in blocks:
        for ind, line in _wrap(text, indent):
            visual.append((LEFT + ind * SIZE, line, SIZE))
    pages: list[list[str]] = []
    for start in range(0, len(visual), lines_per_page):
        n = len(pages) + 1
        objects = [text_object((210 - 4.2 * len(HEADER)) / 2, 22.0, HEADER, 4.2, delta=delta)]
        for i, (x, line, size) in enumerate(visual[start : start + lines_per_page]):
            baseline = TOP + i * PITCH
            if split:  # several TextObjects per line, as some exporters write one per run of glyphs
                pos = 0
                while pos < len(line):
                    piece = line[pos : pos + 3 + pos % 4]
                    px = x + sum(_width(c, size) for c in line[:pos])
                    objects.append(text_object(px, baseline, piece, size, delta=delta))
                    pos += len(piece)
            else:
                objects.append(text_object(x, baseline, line, size, delta=delta))
        footer = f"- {n} -"
        objects.append(text_object((210 - 4.9 * 2.5) / 2, 282.0, footer, 4.9, delta=delta))
        pages.append(objects)
    return pages


# ---- tests -------------------------------------------------------------------------------------


def _paragraphs(doc) -> list[str]:
    return [doc.block_text(b) for b in doc.blocks]


def test_layout_has_wrapped_paragraph_over_the_page_break():
    pages = report_pages()
    assert len(pages) == 2
    # the paragraph that crosses the page break really is split over both pages
    p1 = "".join(pages[0])
    p2 = "".join(pages[1])
    assert PARAS[2][:20] in p1 and PARAS[2][-10:] in p2


@pytest.mark.parametrize("delta", [True, False], ids=["deltax", "no-deltax"])
def test_report_read_in_order_with_paragraphs_rejoined(delta: bool):
    doc = read_ofd(write_ofd(report_pages(delta=delta)))
    assert doc.format == "ofd"
    assert doc.pages == 2
    assert _paragraphs(doc) == EXPECTED
    assert doc.text == "\n".join(EXPECTED)
    assert HEADER not in doc.text
    assert "- 1 -" not in doc.text and "- 2 -" not in doc.text
    assert all(b.kind in ("paragraph", "heading") for b in doc.blocks)


@pytest.mark.parametrize("split", [False, True], ids=["line-objects", "run-objects"])
def test_objects_written_out_of_order_come_out_in_reading_order(split: bool):
    rng = random.Random(7)
    pages = report_pages(split=split)
    for objects in pages:
        rng.shuffle(objects)
    doc = read_ofd(write_ofd(pages))
    assert _paragraphs(doc) == EXPECTED


def test_page_locations_from_the_package_root():
    doc = read_ofd(write_ofd(report_pages(), absolute_baseloc=True))
    assert _paragraphs(doc) == EXPECTED


def test_page_order_is_document_order():
    pages = report_pages(lines_per_page=30)
    assert len(pages) == 1
    other = [pages[0][0], text_object(LEFT + 2 * SIZE, TOP, "第二份材料的正文内容。", SIZE)]  # same running header
    doc = read_ofd(write_ofd([other, pages[0]]))
    assert _paragraphs(doc)[0] == "第二份材料的正文内容。"
    assert _paragraphs(doc)[1:] == EXPECTED


def test_read_bytes_dispatches_ofd():
    doc = read_bytes(write_ofd(report_pages()), "report.ofd")
    assert doc.format == "ofd"
    assert _paragraphs(doc) == EXPECTED


def test_image_only_ofd_is_scanned():
    with pytest.raises(InputError) as e:
        read_ofd(write_ofd([[image_object()], [image_object()]]))
    assert e.value.reason == "scanned"


def test_truncated_ofd_is_corrupt():
    data = write_ofd(report_pages())
    with pytest.raises(InputError) as e:
        read_ofd(data[: len(data) // 2])
    assert e.value.reason == "corrupt_ofd"


def test_missing_document_xml_is_corrupt():
    with pytest.raises(InputError) as e:
        read_ofd(write_ofd(report_pages(), drop=("Doc_0/Document.xml",)))
    assert e.value.reason == "corrupt_ofd"


@pytest.mark.parametrize(
    "replace",
    [
        {"Doc_0/Pages/Page_0/Content.xml": "<ofd:Page xmlns:ofd='x'><ofd:Content>"},  # not well-formed
        {"OFD.xml": f"<ofd:OFD xmlns:ofd='{NS}'><ofd:DocBody/></ofd:OFD>"},  # no DocRoot
        {"Doc_0/Document.xml": f"<ofd:Document xmlns:ofd='{NS}'/>"},  # no Pages
        {
            "Doc_0/Pages/Page_0/Content.xml": f"<ofd:Page xmlns:ofd='{NS}'><ofd:Content><ofd:Layer>"
            "<ofd:TextObject Boundary='a b c d' Size='5.6'><ofd:TextCode X='0' Y='5'>字</ofd:TextCode></ofd:TextObject>"
            "</ofd:Layer></ofd:Content></ofd:Page>"
        },  # unreadable numbers
        {
            "Doc_0/Pages/Page_0/Content.xml": f"<ofd:Page xmlns:ofd='{NS}'><ofd:Content><ofd:Layer>"
            "<ofd:TextObject Boundary='0 0 10 10' Size='nan'><ofd:TextCode X='0' Y='5'>字</ofd:TextCode></ofd:TextObject>"
            "</ofd:Layer></ofd:Content></ofd:Page>"
        },
    ],
    ids=["bad-xml", "no-docroot", "no-pages", "bad-boundary", "nan-size"],
)
def test_malformed_parts_are_corrupt(replace: dict[str, str]):
    with pytest.raises(InputError) as e:
        read_ofd(write_ofd(report_pages(), replace=replace))
    assert e.value.reason == "corrupt_ofd"


def test_content_declaring_entities_is_refused():
    evil = (
        '<?xml version="1.0"?><!DOCTYPE ofd:Page [<!ENTITY lol "lollollollol">]>'
        f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer>'
        '<ofd:TextObject ID="5" Boundary="26 40 100 8" Size="5.6"><ofd:TextCode X="0" Y="5.6">&lol;</ofd:TextCode>'
        "</ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>"
    )
    with pytest.raises(InputError) as e:
        read_ofd(write_ofd(report_pages(), replace={"Doc_0/Pages/Page_0/Content.xml": evil}))
    assert e.value.reason == "xml_entities"
