"""Reading a report as a reviewer does: parts without headings, 必答题 by meaning, org level from the body."""

from __future__ import annotations

from reportcheck.profiles import guess_level
from reportcheck.review import review_bytes

HEAD = "青禾县柳塘镇党委书记2025年度抓基层党建工作述职报告\n镇党委书记 王建平\n"


def review(body: str, head: str = HEAD, **kw):
    return review_bytes((head + body).encode("utf-8"), "r.txt", **kw)


def part_of(r, needle: str) -> str | None:
    i = r.text.index(needle)
    return next((p.part for p in r.parts if p.start <= i < p.end), None)


RUN_ON = (
    "今年我主要抓了三件事。一是把全镇17个村的党员活动日固定在每月5日，到会率由61%提高到83%。二是我领办了强村公司，"
    "带动9个村经营性收入超过10万元。但也要清醒看到，工作中还存在不少问题：一是后备干部储备不足，35岁以下村干部只有9人；"
    "二是村务公开不及时。究其原因，主要是我对后备干部培养抓得不早，没有列入镇党委会议题。"
    "下一步，我将在2026年6月底前每村储备后备力量2名，由组织委员王某某牵头，每季度通报。\n"
)


def test_parts_are_found_inside_one_paragraph_without_headings() -> None:
    r = review(RUN_ON)
    assert part_of(r, "到会率由61%") == "achievements"
    assert part_of(r, "后备干部储备不足") == "problems"
    assert part_of(r, "究其原因") == "causes"
    assert part_of(r, "下一步，我将") == "next_steps"
    assert r.structure.problems and r.structure.cause_analysis and r.structure.next_steps
    assert all(p.source in ("heading", "cue", "position") for p in r.parts)


def test_a_heading_that_announces_causes_with_none_after_it_makes_no_cause_part() -> None:
    r = review("一、主要工作\n全年发展党员21名。\n二、存在的问题和原因分析\n一是后备干部储备不足。\n二是村务公开不及时。\n"
               "三、下步打算\n2026年6月底前每村储备后备力量2名。\n")
    assert r.structure.problems and not r.structure.cause_analysis
    announced = review("一、主要工作\n全年发展党员21名。\n二、存在的问题\n后备干部储备不足，村务公开不及时。\n"
                       "三、原因分析\n究其原因，主要有以下几个方面。\n四、下步打算\n2026年6月底前每村储备后备力量2名。\n")
    assert not announced.structure.cause_analysis


def test_combined_heading_problems_then_plans() -> None:
    r = review("一、主要工作\n全年发展党员21名。\n二、不足和明年打算\n后备干部储备不足，35岁以下村干部只有9人。"
               "明年我将在6月底前每村储备后备力量2名。\n")
    assert part_of(r, "后备干部储备不足") == "problems"
    assert part_of(r, "明年我将") == "next_steps"


def test_numbered_problem_sentences_are_a_list_not_headings() -> None:
    r = review("一、主要工作\n全年发展党员21名。\n二、存在的问题\n1.支部书记对9家企业只上门指导过2次。\n"
               "2.有党员的企业中还有14家未建党组织。\n三、下步打算\n2026年6月底前完成组建。\n")
    assert [s.heading for s in r.sections if s.level == 1] == ["一、主要工作", "二、存在的问题", "三、下步打算"]
    assert part_of(r, "支部书记对9家") == "problems"


def test_a_problem_sentence_is_not_taken_for_the_title() -> None:
    r = review("后备干部储备不足，35岁以下村干部只有9人\n" + RUN_ON, head="")
    assert r.title is None


def test_question_answered_under_a_heading_in_other_words() -> None:
    q = "如何破解村级集体经济增收难问题"
    body = ("一、主要工作\n全年发展党员21名。\n二、让村里的钱袋子鼓起来\n我带着支委把村里闲置的3处校舍收回来，成立强村公司出租，"
            "全镇经营性收入超过10万元的村由5个增加到12个。\n三、下步打算\n2026年6月底前每村储备后备力量2名。\n")
    r = review(body, questions_=[q])
    qa = r.questions[0]
    assert qa.answered and qa.start is not None and "强村公司" in r.text[qa.start : qa.end]
    assert [s.heading for s in r.sections if s.id in qa.section_ids] == ["二、让村里的钱袋子鼓起来"]


def test_numbers_that_only_give_the_problem_scale_do_not_answer() -> None:
    q = "如何破解村级集体经济增收难问题"
    r = review("一、主要工作\n全年发展党员21名。\n二、关于必答题\n全镇26个村中仍有14个村集体经营性收入不足5万元，"
               "这个问题还没有解决，主要是缺资源、缺项目。\n三、下步打算\n明年再想办法。\n", questions_=[q])
    assert not r.questions[0].answered
    assert any(f.code in ("question_missing", "question_dodged") for f in r.findings)


def test_org_level_from_the_reporter_line_or_the_opening() -> None:
    assert guess_level("2025年度抓基层党建工作述职报告", "县教育体育局党组书记 何丽萍") == "县直部门"
    assert guess_level("述职报告", "", "我是江州市第二中学党委书记，现将一年来……") == "中小学"
    assert guess_level("中共金川区委2025年度抓基层党建工作述职报告") == "区委"
    assert guess_level("高新区管委会党工委书记述职报告") == "园区党工委"
    assert guess_level("2025年度述职报告") is None
