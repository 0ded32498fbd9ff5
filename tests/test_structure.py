"""The structure parser: titles, reporter lines, nested numbering, parts, and what is not a heading."""

from __future__ import annotations

from reportcheck.ingest import read_bytes
from reportcheck.structure import parse


def _parse(text: str):
    doc = read_bytes(text.encode("utf-8"), "r.txt")
    return doc, parse(doc)


NESTED = """青禾市临泽县委书记2025年度抓基层党建工作述职报告
县委书记 周立新
一、主要工作
（一）抓理论武装
1. 领学促学
全年主持县委理论学习中心组学习12次。
2. 学用转化
（1）调研课题
完成调研课题4个。
（二）抓基层组织
整顿软弱涣散村党组织9个。
二、存在的问题及原因
（一）村级后备力量不足
35岁以下村干部仅占18%。
（二）原因剖析
我对年轻干部培养抓得不早。
三、下步打算
2026年6月底前完成全部村级后备干部储备。
"""


def test_nested_numbering_gives_levels_and_parents() -> None:
    doc, st = _parse(NESTED)
    assert st.title and st.title.text.startswith("青禾市临泽县委书记")
    assert st.reporter and st.reporter.text == "县委书记 周立新"
    got = [(s.heading, s.level) for s in st.sections]
    assert got[:6] == [("一、主要工作", 1), ("（一）抓理论武装", 2), ("1. 领学促学", 3), ("2. 学用转化", 3), ("（1）调研课题", 4), ("（二）抓基层组织", 2)]
    by = {s.heading: s for s in st.sections}
    assert by["（1）调研课题"].parent == by["2. 学用转化"].id
    assert by["一、主要工作"].end == by["二、存在的问题及原因"].start - 1  # up to the newline before the next top heading


def test_parts_follow_headings_and_children_inherit() -> None:
    _doc, st = _parse(NESTED)
    parts = {s.heading: s.part for s in st.sections}
    assert parts["一、主要工作"] == "achievements"
    assert parts["（二）抓基层组织"] == "achievements"
    assert parts["二、存在的问题及原因"] == "problems"
    assert parts["（一）村级后备力量不足"] == "problems"
    assert parts["（二）原因剖析"] == "causes"
    assert parts["三、下步打算"] == "next_steps"


def test_inline_enumerations_are_not_headings(village_text: str) -> None:
    doc, st = _parse(village_text)
    headings = [s.heading for s in st.sections]
    assert headings == ["一、工作亮点", "二、存在问题", "三、下步打算"]
    assert "一是" in doc.text  # the 一是/二是 items stay inside their paragraphs
    assert [s.part for s in st.sections] == ["achievements", "problems", "next_steps"]


def test_unnumbered_part_headings_are_found() -> None:
    text = "石门村党支部书记述职报告\n工作亮点\n今年村集体收入达到23.6万元。\n存在问题\n党员老龄化。\n下步打算\n明年发展党员2名。\n"
    _doc, st = _parse(text)
    assert [(s.heading, s.part, s.source) for s in st.sections] == [
        ("工作亮点", "achievements", "keyword"), ("存在问题", "problems", "keyword"), ("下步打算", "next_steps", "keyword")]


def test_lead_in_headings_inside_paragraphs() -> None:
    text = ("述职报告\n一、主要工作\n（一）强化政治引领。我带头讲党课6次，组织中心组学习12次。\n"
            "（二）夯实组织基础。整顿软弱涣散党组织3个，发展党员21名。\n二、下步打算\n明年……\n")
    _doc, st = _parse(text)
    assert [s.heading for s in st.sections] == ["一、主要工作", "（一）强化政治引领。", "（二）夯实组织基础。", "二、下步打算"]


def test_numbered_sentences_that_are_long_are_not_headings() -> None:
    text = ("述职报告\n一、主要工作\n1. 全年共组织各类培训班14期，覆盖党员干部2300余人次，其中针对村党组织书记的专题轮训4期，"
            "每期5天，结业考试合格率达到百分之九十六，较上年提高了八个百分点，培训后跟踪回访。\n二、存在问题\n无。\n")
    _doc, st = _parse(text)
    assert [s.heading for s in st.sections] == ["一、主要工作", "二、存在问题"]


def test_report_without_headings_is_read_paragraph_by_paragraph() -> None:
    text = ("某社区党委书记述职报告\n今年我们社区党委围绕红色物业开展工作，成立小区党支部4个。\n"
            "存在的问题主要是党员参与不均衡，年轻党员参加活动少。\n下一步，我将在3月底前建立在职党员报到积分台账。\n")
    _doc, st = _parse(text)
    assert [s.source for s in st.sections] == ["paragraph"] * 3
    assert [s.part for s in st.sections] == ["achievements", "problems", "next_steps"]
