"""`reportcheck eval`: every metric of the issue, on any folder of labeled reports; failures count as misses."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import ROOT

from reportcheck.cli import main
from reportcheck.measure.eval import evaluate
from reportcheck.measure.gold import locate

TEST = ROOT / "corpus" / "test"


def test_eval_prints_every_metric(capsys, tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    md = tmp_path / "figures.md"
    assert main(["eval", str(TEST), "--json", str(out), "--markdown", str(md)]) == 0
    text = capsys.readouterr().out
    for phrase in ("Content areas", "covering section located", "必答题 answered accuracy", "answer located", "gold spans hit",
                   "false anti-pattern findings per report", "Evidence level accuracy", "Spearman", "First person level accuracy",
                   "Structure accuracy", "Repeated problems", "Placeholders"):
        assert phrase in text
    f = json.loads(out.read_text())
    assert f["reports"] >= 25 and f["failed"] == []
    for code in ("off_topic", "inflated", "evasive", "shallow", "toothless"):
        assert {"precision", "recall", "f1", "gold_spans_hit", "false_findings_per_report"} <= set(f["antipatterns"][code])
    assert f["prior"]["pairs"] >= 3
    assert "| metric | value |" in md.read_text()


def test_a_report_that_cannot_be_reviewed_counts_as_a_miss(tmp_path: Path) -> None:
    src = next(TEST.glob("*.json"))
    shutil.copy(src, tmp_path / src.name)
    (tmp_path / f"{src.stem}.docx").write_bytes(b"PK\x03\x04 this is not a docx")
    f = evaluate(tmp_path)
    assert f["reports"] == 1 and len(f["failed"]) == 1
    a = f["areas"]["all"]
    assert a["tp"] == 0 and a["fp"] == 0  # nothing covered: every gold-covered area is a miss
    assert f["evidence"]["level_accuracy"] == 0.0


def test_eval_scores_any_folder_including_reviewer_corrections(tmp_path: Path) -> None:
    # a reviewer's corrected label: flip one anti-pattern; eval measures against the correction
    src = next(p for p in TEST.glob("*.json") if not p.stem.endswith("_prior"))
    label = json.loads(src.read_text(encoding="utf-8"))
    report = next(p for p in TEST.glob(src.stem + ".*") if p.suffix != ".json")
    shutil.copy(report, tmp_path / report.name)
    (tmp_path / src.name).write_text(json.dumps(label, ensure_ascii=False), encoding="utf-8")
    assert evaluate(tmp_path)["reports"] == 1


def test_locate_ignores_line_breaks_and_spaces() -> None:
    assert locate("第一行文字\n第二行", "文字第二") == (3, 8)
    assert locate("全年 发展党员 12 名", "发展党员12名") == (3, 12)
    assert locate("abc", "zzz") is None


def test_every_finding_on_every_test_report_quotes_its_offsets() -> None:
    from reportcheck.measure.eval import review_labeled
    from reportcheck.measure.gold import find_labeled

    for item in find_labeled(TEST):
        r = review_labeled(item)
        for f in r.findings:
            assert r.text[f.start : f.end] == f.text, (item.id, f.rule)
        for q in r.questions:
            assert q.start is None or 0 <= q.start < q.end <= len(r.text)
