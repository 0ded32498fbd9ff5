"""The command line: formats, exit codes, the demo, and the offsets invariant on every sample."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLES

from reportcheck.cli import main
from reportcheck.review import review_file

BIN = Path(sys.executable).parent
ALL_SAMPLES = sorted(p for p in SAMPLES.iterdir() if p.is_file())


def test_review_json_follows_the_contract(capsys) -> None:
    assert main(["review", str(SAMPLES / "village_branch.txt"), "--format", "json", "--question", "如何发展壮大村级集体经济"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert r["schema_version"] == 1
    for key in ("source", "text", "title", "reporter", "org_level", "profile", "sections", "areas", "questions", "evidence",
                "first_person", "antipatterns", "findings", "structure", "overall", "checklist"):
        assert key in r
    assert set(r["antipatterns"]) == {"off_topic", "inflated", "evasive", "shallow", "toothless"}
    assert r["org_level"] == "村党支部" and r["profile"] == "village"
    assert r["questions"][0]["question"] == "如何发展壮大村级集体经济"
    assert r["source"]["format"] == "txt" and len(r["source"]["sha256"]) == 64


@pytest.mark.parametrize("path", ALL_SAMPLES, ids=lambda p: p.name)
def test_every_finding_quotes_the_text_at_its_offsets(path: Path) -> None:
    r = review_file(path, questions_=["如何破解“小马拉大车”问题"])
    # the score is traceable: 100 minus the deductions its reasons list
    deducted = sum(int(m) for reason in r.overall.reasons for m in re.findall(r"（-(\d+)）", reason))
    assert r.overall.score == max(0, 100 - deducted)
    for f in r.findings:
        assert r.text[f.start : f.end] == f.text
        assert f.message and f.rule.startswith(f.code.split("_")[0]) or f.rule.startswith(("areas.", "questions.", "placeholder."))
    for s in r.sections:
        assert 0 <= s.start < s.end <= len(r.text)
    for item in r.checklist:
        for ref in item.refs:
            assert 0 <= ref.start <= ref.end <= len(r.text)


@pytest.mark.parametrize("fmt,marker", [("text", "[✓]"), ("markdown", "## 检查清单"), ("html", "<mark")])
def test_output_formats(fmt: str, marker: str, tmp_path: Path) -> None:
    out = tmp_path / f"r.{fmt}"
    assert main(["review", str(SAMPLES / "city_organ.txt"), "--format", fmt, "-o", str(out)]) == 0
    assert marker in out.read_text(encoding="utf-8")


def test_html_is_self_contained_and_escapes_text(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    main(["review", str(SAMPLES / "city_organ.txt"), "--format", "html", "-o", str(out)])
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and "http" not in page  # no external resources
    assert page.count("<mark") >= 3
    r = review_file(SAMPLES / "city_organ.txt")
    doc_level = [f for f in r.findings if f.scope == "document"]
    assert doc_level and all(f.code in ("area_missing", "question_missing", "evasive") for f in doc_level)
    assert f'<mark id="o{doc_level[0].start}"' not in page  # listed in the checklist, not painted over the title
    assert 'href="#o' in page  # checklist items link to their sentences


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    run = lambda *a: subprocess.run([str(BIN / "reportcheck"), *a], capture_output=True, text=True)  # noqa: E731
    assert run("review", str(SAMPLES / "city_organ.txt"), "--format", "pdf").returncode == 2
    r = run("review", str(SAMPLES / "city_organ.txt"), "--profile", "nosuch")
    assert r.returncode == 2 and "未知的评议方案" in r.stderr
    assert run("review", str(tmp_path / "missing.docx")).returncode == 2
    assert run("frobnicate").returncode == 2


def test_profiles_lists_the_builtins(capsys) -> None:
    assert main(["profiles"]) == 0
    out = capsys.readouterr().out
    assert "default" in out and "village" in out and "jiguan" in out


def test_demo_writes_a_checklist_per_sample_and_a_summary(tmp_path: Path) -> None:
    assert main(["demo", str(SAMPLES), "-o", str(tmp_path)]) == 0
    summary = (tmp_path / "SUMMARY.md").read_text(encoding="utf-8")
    for p in ALL_SAMPLES:
        assert (tmp_path / f"{p.name}.txt").exists() and (tmp_path / f"{p.name}.html").exists()
        assert p.name in summary


def test_demo_carries_on_past_a_bad_file(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_bytes((SAMPLES / "village_branch.txt").read_bytes())
    (src / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    assert main(["demo", str(src), "-o", str(tmp_path / "out")]) == 4
    summary = (tmp_path / "out" / "SUMMARY.md").read_text(encoding="utf-8")
    assert "good.txt" in summary and "broken.docx" in summary and "损坏" in summary


def test_prior_year_repeats_are_a_checklist_item(tmp_path: Path, capsys) -> None:
    prior = tmp_path / "prior.txt"
    prior.write_text("2024年度反馈问题\n一、流动党员管理松散，外出务工党员长期联系不上。\n二、村务公开不及时。\n", encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text("某村党支部书记述职报告\n村党支部书记 张三\n一、工作亮点\n今年村集体收入达到18万元。\n二、存在问题\n"
                      "一是在外务工的流动党员还有5名联系不上，党费靠家属代交。二是我对年轻人入党动员不够，全年没有发展党员。\n"
                      "三、下步打算\n3月底前由组织委员逐一联系5名流动党员。\n", encoding="utf-8")
    assert main(["review", str(report), "--prior", str(prior), "--format", "json"]) == 0
    r = json.loads(capsys.readouterr().out)
    item = next(i for i in r["checklist"] if i["id"] == "prior.repeated")
    assert item["status"] == "fail"
    rep = [f for f in r["findings"] if f["code"] == "repeated_problem"]
    assert len(rep) == 1 and "流动党员" in rep[0]["text"]
    assert main(["review", str(report), "--prior", str(tmp_path / "missing.txt")]) == 2


def test_traditional_report_is_analysed_through_its_shadow_and_quoted_as_submitted() -> None:
    from conftest import ROOT

    r = review_file(ROOT / "corpus" / "train" / "r27_shehui.txt")
    assert r.source.traditional and "黨支部" in r.title
    assert r.org_level == "社会组织"  # guessed from the simplified shadow of a traditional title
    flagged = [f for f in r.findings if f.code in ("inflated", "off_topic")]
    assert flagged and all(r.text[f.start : f.end] == f.text for f in flagged)
    assert any(ch in "會業黨務" for f in flagged for ch in f.text)  # quotes the traditional text as submitted
