"""The checklist in a terminal: one line per item, the quoted sentences under it."""

from __future__ import annotations

from reportcheck.render.common import PART_NAMES, STATUS_MARK, header_lines, line_col, quote
from reportcheck.schema import Review


def render_text(review: Review) -> str:
    out = header_lines(review)
    out.append("")
    out.append("结构：" + " / ".join(f"{'  ' * (s.level - 1)}{s.heading or '（段落）'}[{PART_NAMES[s.part]}]" for s in review.sections if s.level == 1 and s.heading) or "结构：未识别到标题")
    out.append("")
    for item in review.checklist:
        out.append(f"[{STATUS_MARK[item.status]}] {item.item}：{item.detail}")
        if item.status != "pass":
            for ref in item.refs[:3]:
                if ref.end - ref.start <= 120:
                    out.append(f"      第{line_col(review, ref.start)}段 “{quote(review, ref.start, ref.end)}”")
    if review.overall.reasons:
        out.append("")
        out.append("扣分依据：" + "；".join(review.overall.reasons))
    return "\n".join(out) + "\n"
