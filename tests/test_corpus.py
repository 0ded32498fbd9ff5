"""The labeled corpus: every label valid, the variety LABELING.md asks for, and hard enough that shortcuts fail."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT

from reportcheck.ingest import read_path
from reportcheck.measure.gold import check_label, find_labeled
from reportcheck.measure.shortcuts import run as shortcuts

CORPUS = ROOT / "corpus"
SPLITS = ("train", "dev", "test")
ITEMS = {s: find_labeled(CORPUS / s) for s in SPLITS}
ALL = [i for s in SPLITS for i in ITEMS[s]]
AP = ("off_topic", "inflated", "evasive", "shallow", "toothless")


@pytest.mark.parametrize("item", ALL, ids=lambda i: i.id)
def test_label_is_valid(item) -> None:
    assert check_label(item.path.with_suffix(".json")) == []


def test_splits_are_disjoint_and_complete() -> None:
    ids = [i.id for i in ALL]
    assert len(ids) == len(set(ids)), "an id appears in two splits"
    for split in SPLITS:
        folder = CORPUS / split
        for f in folder.iterdir():
            stem = f.stem
            if stem.endswith("_prior"):
                assert (folder / f"{stem[:-6]}.json").exists(), f"{f.name} has no labeled report"
            elif f.suffix == ".json":
                assert any(i.id == stem for i in ITEMS[split]), f"{f.name} has no report beside it"
    assert len(ALL) >= 240 and len(ITEMS["train"]) >= 130 and len(ITEMS["dev"]) >= 40 and len(ITEMS["test"]) >= 70
    first_test = {f"r{n}" for n in range(57, 86)}  # the v2 test reports stay in test
    assert first_test <= {i.id.split("_")[0] for i in ITEMS["test"]}


# sentences written for the labeler, not by a secretary ("必答题的第一部分在这里作答")
SIGNPOST = re.compile(r"在这里作答|在此作答|这里(?:先讲|说一下|报结果)|一并报告|在第[一二三四五六七八九十（）()]+部分(?:报告|说明)|见必答题|必答题部分(?:报告|一并)|对必答题[^。]{0,8}交账|必答题[上下]篇|必答题一之")


@pytest.mark.parametrize("item", ALL, ids=lambda i: i.id)
def test_no_signpost_sentences(item) -> None:
    assert not SIGNPOST.search(read_path(item.path).text)


def test_grades_antipattern_counts_levels_pairs_and_questions_are_spread() -> None:
    n = len(ALL)
    grades = Counter(i.label["overall"] for i in ALL)
    for grade, share in (("好", 0.15), ("较好", 0.35), ("一般", 0.35), ("差", 0.15)):
        assert abs(grades[grade] / n - share) <= 0.08, (grade, grades[grade] / n)
    per = Counter(sum(i.label["antipatterns"][c]["present"] for c in AP) for i in ALL)
    assert per[4] + per[5] >= 15 and per[0] >= 40 and per[5] >= 1
    evidence = Counter(i.label["evidence_level"] for i in ALL)
    assert all(evidence[lv] >= 0.25 * n for lv in ("high", "medium", "low")), evidence
    assert sum(bool(i.prior) and "repeated_from_prior" in i.label for i in ALL) >= 25
    assert sum(len(i.label["required_questions"]) == 2 for i in ALL) <= 0.25 * n


def test_each_antipattern_present_and_absent_often_enough() -> None:
    present = Counter(code for i in ALL for code in AP if i.label["antipatterns"][code]["present"])
    for code in AP:
        assert present[code] >= 15 and len(ALL) - present[code] >= 15, code
    assert sum(1 for i in ALL if not any(i.label["antipatterns"][c]["present"] for c in AP)) >= 15


def test_org_levels_lengths_and_formats() -> None:
    levels = Counter(i.label["org_level"] for i in ALL)
    levels["县委/区委"] = levels["县委"] + levels["区委"]
    for lv in ("县委/区委", "乡镇党委", "街道党工委", "村党支部", "社区党委", "市直机关", "县直部门", "国企", "高校"):
        assert levels[lv] >= 4, lv
    for lv in ("中小学", "公立医院", "非公企业", "社会组织"):
        assert levels[lv] >= 1, lv
    lengths = [len(read_path(i.path).text) for i in ALL]
    assert min(lengths) <= 1400 and max(lengths) >= 6500
    raw = [i.path.read_bytes() for i in ALL if i.path.suffix == ".txt"]
    assert any(_is_gbk_only(b) for b in raw), "no GBK-encoded report"
    assert any(read_path(i.path).traditional for i in ALL), "no traditional-character report"


def _is_gbk_only(b: bytes) -> bool:
    try:
        b.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def test_hard_cases_and_question_variety() -> None:
    where: dict[str, set[str]] = {}
    for split in SPLITS:
        for i in ITEMS[split]:
            for h in i.label.get("hard_cases", {}):
                where.setdefault(h, set()).add(split)
    counts = Counter(h for i in ALL for h in i.label.get("hard_cases", {}))
    in_test = Counter(h for i in ITEMS["test"] for h in i.label.get("hard_cases", {}))
    for h in (f"H{k}" for k in range(1, 24)):
        assert counts[h] >= 5 and len(where[h]) >= 2 and in_test[h] >= 5, h
    assert sum(len(i.label["required_questions"]) == 2 for i in ALL) >= 5
    assert sum(not all(i.label["questions_answered"]) for i in ALL) >= 10
    assert sum(bool(i.prior) and "repeated_from_prior" in i.label for i in ALL) >= 8
    assert sum(bool(i.label.get("placeholders")) for i in ALL) >= 5
    traits = Counter(t for i in ALL for t in i.label.get("traits", []))
    for t in ("table_lists", "no_headings", "halfwidth_punct", "numbering_1dun", "pdf_pasted_breaks", "cn_numeral_quantities"):
        assert traits[t] >= 3, t
    for key, levels in (("first_person", ("strong", "weak", "absent")), ("evidence_level", ("high", "medium", "low"))):
        c = Counter(i.label[key] for i in ALL)
        assert all(c[lv] >= 10 for lv in levels), key


@pytest.fixture(scope="module")
def shortcut_table() -> dict:
    return shortcuts(CORPUS)


@pytest.mark.parametrize("code", AP)
def test_no_cue_separates_an_antipattern_on_test(shortcut_table, code) -> None:
    """Phrases (in the report or one part), counts of a stock list, n-grams and structure features, each
    chosen on train+dev, and the best single phrase chosen on test itself: all below F1 0.75 on test."""
    for cue in shortcut_table[code]:
        assert cue.test < 0.75, cue


@pytest.mark.parametrize("key", ["first_person", "evidence_level"])
def test_plain_counts_do_not_give_the_levels_on_test(shortcut_table, key) -> None:
    for cue in shortcut_table[key]:
        assert cue.test < 0.85, cue


def test_models_are_rebuilt_identically_by_make_train(tmp_path: Path) -> None:
    from reportcheck.measure.train import main

    assert main(["--out", str(tmp_path), "--corpus", str(CORPUS)]) == 0
    for name in ("levels", "prior", "questions"):
        assert json.loads((tmp_path / f"{name}.json").read_text()) == json.loads((ROOT / "models" / f"{name}.json").read_text()), name
