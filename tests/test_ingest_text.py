"""Plain-text ingest: every common Chinese encoding, hard-wrapped PDF pastes, tab tables."""

from __future__ import annotations

import pytest

from reportcheck.errors import InputError
from reportcheck.ingest import read_bytes

REPORT = "柳塘镇党委书记2025年度抓基层党建工作述职报告\n镇党委书记 王建平\n一、主要工作\n全年发展党员12名，整顿软弱涣散村党组织3个。\n二、存在问题\n村级后备力量不足。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "gbk"])
def test_encodings_decode_to_the_same_text(encoding: str) -> None:
    data = REPORT.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = REPORT.encode(encoding)  # no BOM: detected from the NUL pattern
    doc = read_bytes(data, "r.txt")
    assert doc.text == REPORT.strip()
    assert doc.format == "txt"


def test_big5_traditional_report_has_a_simplified_shadow_of_the_same_length() -> None:
    trad = "柳塘鎮黨委書記2025年度抓基層黨建工作述職報告\n一、主要工作\n全年發展黨員12名，整頓軟弱渙散村黨組織3個。"
    doc = read_bytes(trad.encode("big5"), "r.txt")
    assert doc.text == trad
    assert doc.traditional
    assert len(doc.shadow) == len(doc.text)
    assert "发展党员" in doc.shadow and "發展黨員" in doc.text


def test_short_gbk_text_is_not_misread_as_big5() -> None:
    doc = read_bytes("存在问题：党员教育。".encode("gbk"), "a.txt")
    assert doc.text == "存在问题：党员教育。"


def test_hard_wrapped_text_pasted_from_pdf_is_rejoined_and_page_lines_dropped() -> None:
    para1 = "全年我带队走访了全镇十七个村和两个社区，逐村召开党员大会听取意见，梳理出群众反映集中的问题四十二条并建立台账逐项销号，到年底已办结三十九条，剩余三条涉及跨村道路和灌渠，已列入明年计划。"
    para2 = "二、存在问题"
    para3 = "一是村级后备力量不足，三十五岁以下的村干部只有九名，部分村找不到合适的接班人；二是党员教育方式单一，流动党员参加组织生活难以保证，这些问题我负有直接责任。"
    lines = []
    for p in (para1,):
        lines += [p[i : i + 30] for i in range(0, len(p), 30)]
    lines += ["- 2 -", para2]
    lines += [para3[i : i + 30] for i in range(0, len(para3), 30)]
    doc = read_bytes("\n".join(lines).encode("utf-8"), "pasted.txt")
    paras = [doc.block_text(b) for b in doc.blocks]
    assert paras == [para1, para2, para3]
    assert any("PDF" in n for n in doc.notes)


def test_tab_separated_lines_become_a_table_with_cell_offsets() -> None:
    text = "附件：书记突破项目清单\n序号\t项目名称\t推进措施\n1\t红色物业\t成立物业党支部3个\n2\t强村公司\t组建强村公司1家\n正文继续。"
    doc = read_bytes(text.encode("utf-8"), "t.txt")
    assert len(doc.tables) == 1
    t = doc.tables[0]
    assert t.rows[1] == ["1", "红色物业", "成立物业党支部3个"]
    s, e = t.cells[2][2]
    assert doc.text[s:e] == "组建强村公司1家"
    assert [b.kind for b in doc.blocks if b.kind != "cell"] == ["paragraph", "table", "paragraph"]
    cells = [doc.block_text(b) for b in doc.blocks if b.kind == "cell"]
    assert len(cells) == 9 and cells[-1] == "组建强村公司1家"  # every cell is a block with its own offsets


def test_binary_that_is_not_text_is_refused() -> None:
    with pytest.raises(InputError) as e:
        read_bytes(bytes(range(256)) * 40, "x.txt")
    assert e.value.reason == "not_text"
