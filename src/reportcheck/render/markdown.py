"""The checklist as Markdown (for pasting into a 点评 draft or a ticket)."""

from __future__ import annotations

from reportcheck.render.common import PART_NAMES, STATUS_MARK, header_lines, line_col, quote
from reportcheck.schema import Review


def render_markdown(review: Review) -> str:
    head = header_lines(review)
    out = [f"# {head[0]}", "", *[f"- {h}" for h in head[1:]], "", "## 结构", ""]
    for s in review.sections:
        if s.heading:
            out.append(f"{'  ' * (s.level - 1)}- {s.heading} · {PART_NAMES[s.part]}" + (f" · {' '.join(s.areas)}" if s.areas else ""))
    out += ["", "## 检查清单", "", "| 状态 | 项目 | 说明 |", "| --- | --- | --- |"]
    for item in review.checklist:
        out.append(f"| {STATUS_MARK[item.status]} | {item.item} | {item.detail.replace('|', '/')} |")
    if review.findings:
        out += ["", "## 发现", ""]
        for f in review.findings:
            out.append(f"- **{f.code}** `{f.rule}` 第{line_col(review, f.start)}段：“{quote(review, f.start, f.end, 80)}” — {f.message}")
    if review.overall.reasons:
        out += ["", "## 扣分依据", "", *[f"- {r}" for r in review.overall.reasons]]
    return "\n".join(out) + "\n"
