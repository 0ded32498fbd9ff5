"""Review every report in a folder: one checklist per report (text, html, json) and a summary table."""

from __future__ import annotations

import sys
from pathlib import Path

from reportcheck.errors import InputError
from reportcheck.ingest import REPORT_SUFFIXES
from reportcheck.render import RENDERERS
from reportcheck.review import review_file


def run_demo(src: Path, outdir: Path) -> list[tuple[str, str]]:
    """Returns the failures (name, reason); every other report gets its checklists."""
    outdir.mkdir(parents=True, exist_ok=True)
    rows, failures = [], []
    files = sorted(p for p in src.iterdir() if p.suffix.lower() in REPORT_SUFFIXES and not p.stem.endswith("_prior"))
    for p in files:
        try:
            r = review_file(p)
        except InputError as e:
            failures.append((p.name, e.message))
            print(f"  ✗ {p.name}: {e.message}", file=sys.stderr)
            continue
        stem = outdir / p.name
        for fmt, ext in (("text", ".txt"), ("html", ".html"), ("json", ".json")):
            Path(f"{stem}{ext}").write_text(RENDERERS[fmt](r), encoding="utf-8")
        flags = [c for c, a in r.antipatterns.items() if a.present]
        covered = sum(a.covered for a in r.areas)
        rows.append(f"| {p.name} | {r.org_level or '-'} | {r.overall.score} | {r.overall.grade} | {covered}/{len(r.areas)} | {r.evidence.level} | {r.first_person.level} | {', '.join(flags) or '-'} |")
        print(f"  ✓ {p.name}: {r.overall.score} 分 {r.overall.grade}  问题：{', '.join(flags) or '无'}")
    summary = ["# 述职报告筛查汇总", "", "| 文件 | 层级 | 得分 | 建议等次 | 覆盖方面 | 数据事例 | 述“我” | 发现的问题 |", "| --- | --- | --- | --- | --- | --- | --- | --- |", *rows]
    if failures:
        summary += ["", "## 无法审阅的文件", "", *[f"- {n}: {m}" for n, m in failures]]
    (outdir / "SUMMARY.md").write_text("\n".join(summary) + "\n", encoding="utf-8")
    print(f"写入 {len(rows)} 份清单与汇总：{outdir / 'SUMMARY.md'}")
    return failures
