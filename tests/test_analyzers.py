"""Each rule with a positive and a negative example (the ruff/Vale habit): a rule that breaks fails here."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from reportcheck.lexicons import load
from reportcheck.profiles import available, load_profile
from reportcheck.review import review_bytes

HEAD = "青禾县柳塘镇党委书记2025年度抓基层党建工作述职报告\n镇党委书记 王建平\n"


def review(body: str, **kw):
    return review_bytes((HEAD + body).encode("utf-8"), "r.txt", **kw)


def rules(r, code: str) -> list[str]:
    return [f.rule for f in r.findings if f.code == code]


WORK = "一、主要工作\n全年我带队走访17个村，主持中心组学习12次，发展党员21名。\n"
PROBLEMS = "二、存在的问题\n一是我对东岗村后备干部培养抓得不早，35岁以下村干部仅9人。\n"
CAUSES = "三、原因分析\n我没有把后备干部培养列入镇党委会议题，联系村制度只考核走访次数。\n"
NEXT = "四、下步打算\n2026年6月底前每村储备后备力量2名，由组织委员牵头，每季度通报。\n"


def test_a_clean_report_has_no_antipattern_findings() -> None:
    r = review(WORK + PROBLEMS + CAUSES + NEXT)
    assert [f.code for f in r.findings if f.code in r.antipatterns] == []


@pytest.mark.parametrize("sentence,flagged", [
    ("全镇党建工作取得显著成效，走在全县前列。", True),
    ("村级组织活动场所达标率由62%提高到100%，经县委组织部逐村核验。", False),
])
def test_inflated_superlative(sentence: str, flagged: bool) -> None:
    r = review(WORK.replace("发展党员21名。", "发展党员21名。" + sentence) + PROBLEMS + CAUSES + NEXT)
    assert ("inflated.superlative" in rules(r, "inflated")) is flagged


@pytest.mark.parametrize("step,flagged", [
    ("进一步加强党员队伍建设，持续推进基层组织建设。", True),
    ("进一步加强党员队伍建设，2026年3月底前由组织委员牵头建立流动党员台账。", False),
])
def test_toothless_slogan(step: str, flagged: bool) -> None:
    r = review(WORK + PROBLEMS + CAUSES + "四、下步打算\n" + step + "\n")
    assert ("toothless.slogan" in rules(r, "toothless")) is flagged


@pytest.mark.parametrize("cause,rule", [
    ("主要是思想认识不够到位，重视程度不够。", "shallow.formula"),
    ("主要原因是财力有限，人口流动大。", "shallow.objective"),
    ("思想认识不够到位，具体是我没有把后备干部培养列入党委会议题，联系村制度只考核走访次数。", None),
])
def test_shallow(cause: str, rule: str | None) -> None:
    r = review(WORK + PROBLEMS + "三、原因分析\n" + cause + "\n" + NEXT)
    assert rules(r, "shallow") == ([rule] if rule else [])


@pytest.mark.parametrize("problem,rule", [
    ("一是工作标准还不够高，创新亮点还不够多。", "evasive.disguised"),
    ("一是受疫情影响，部分活动未能开展。", "evasive.objective"),
    ("一是我对东岗村后备干部培养抓得不早，35岁以下村干部仅9人。", None),
])
def test_evasive_problems(problem: str, rule: str | None) -> None:
    r = review(WORK + "二、存在的问题\n" + problem + "\n" + CAUSES + NEXT)
    assert rules(r, "evasive") == ([rule] if rule else [])


def test_evasive_claimed_done_and_no_problems() -> None:
    r = review(WORK + "上年度述职评议指出的问题均已整改到位。\n" + NEXT)
    assert {"evasive.claimed_done", "evasive.no_problems"} <= set(rules(r, "evasive"))
    assert r.antipatterns["evasive"].present


@pytest.mark.parametrize("para,flagged", [
    ("全镇完成固定资产投资12亿元，招商引资签约项目8个，财政收入增长9%。", True),
    ("项目临时党支部组织党员突击队攻坚，完成固定资产投资12亿元，招商引资签约项目8个，财政收入增长9%。", False),
])
def test_off_topic_business_paragraph(para: str, flagged: bool) -> None:
    r = review(WORK + para + "\n" + PROBLEMS + CAUSES + NEXT)
    assert ("off_topic.business" in rules(r, "off_topic")) is flagged


def test_placeholders() -> None:
    r = review(WORK + "XX村党支部于X月X日召开会议，发展党员**名。\n" + PROBLEMS + CAUSES + NEXT)
    assert sorted(f.text for f in r.findings if f.code == "placeholder") == ["**", "XX", "X月X日"]
    assert not [f for f in review(WORK + PROBLEMS + CAUSES + NEXT).findings if f.code == "placeholder"]


def test_first_person_counts_the_secretary_not_the_institution() -> None:
    strong = review("一、主要工作\n" + "我带队走访了东岗村，我主持召开支部书记座谈会，我领办了强村公司项目。" * 3 + "\n" + PROBLEMS + CAUSES + NEXT)
    assert strong.first_person.level == "strong" and strong.first_person.count >= 9
    institution = review("一、主要工作\n我镇发展党员21名，我们整顿软弱涣散党组织2个，我县表彰了我镇。\n" + PROBLEMS.replace("我对", "镇党委对") + CAUSES.replace("我没有", "镇党委没有") + NEXT)
    assert institution.first_person.count == 0 and institution.first_person.institutional >= 4
    assert institution.first_person.level == "absent"
    attitude = review("一、主要工作\n我始终认为抓党建是第一责任。我深刻认识到责任重大。\n" + PROBLEMS.replace("我对", "镇党委对") + CAUSES.replace("我没有", "镇党委没有") + NEXT)
    assert attitude.first_person.attitude == 2 and attitude.first_person.level == "weak"


def test_evidence_counts_results_not_dates_or_targets() -> None:
    dates = review("一、主要工作\n根据2025年3月12日印发的〔2025〕8号文件，力争到2026年发展党员30名。\n" + NEXT)
    assert dates.evidence.data_points == 0
    results = review("一、主要工作\n全年发展党员21名，整顿软弱涣散党组织3个，村集体收入增加12万元。\n" + NEXT)
    assert results.evidence.data_points == 3


def test_area_needs_substance_not_a_slogan() -> None:
    slogan = review("一、主要工作\n坚持学习贯彻习近平新时代中国特色社会主义思想，理论武装不断加强。\n" + NEXT)
    assert not next(a for a in slogan.areas if a.id == "A1").covered
    substance = review("一、主要工作\n我主持镇党委理论学习中心组学习12次，组织专题学习研讨4次，在东岗村宣讲全会精神。\n" + NEXT)
    a1 = next(a for a in substance.areas if a.id == "A1")
    assert a1.covered and a1.section_ids and "中心组" in a1.matched


def test_question_answered_only_with_measures_and_results() -> None:
    q = "如何破解村级后备力量不足问题"
    answered = review(WORK + "五、必答题：如何破解村级后备力量不足问题\n我推行“村官培养计划”，从返乡青年中选出18名后备力量，其中6名进入村两委，东岗村、西湾村各配2名。\n" + NEXT, questions_=[q])
    assert answered.questions[0].answered and answered.questions[0].section_ids
    slogans = review(WORK + "五、必答题：如何破解村级后备力量不足问题\n我们始终高度重视后备力量建设，坚持多措并举、久久为功。\n" + NEXT, questions_=[q])
    assert not slogans.questions[0].answered
    assert any(f.code == "question_dodged" for f in slogans.findings)


def test_every_lexicon_and_profile_loads() -> None:
    for p in sorted((ROOT / "lexicons").glob("*.toml")):
        assert load(p.stem), p.name
    for name in available():
        prof = load_profile(name)
        assert prof.areas and set(prof.required) <= {a.id for a in prof.areas}
    assert load_profile(str(Path(ROOT / "lexicons" / "profiles" / "village.toml"))).name == "village"
