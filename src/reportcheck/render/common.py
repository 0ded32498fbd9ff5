"""What the text, markdown and html renderers share."""

from __future__ import annotations

from reportcheck.schema import Review

STATUS_MARK = {"pass": "✓", "warn": "!", "fail": "✗"}
PART_NAMES = {"achievements": "工作成效", "problems": "存在问题", "causes": "原因剖析", "next_steps": "下步打算", "question": "必答题", "other": "其他"}


def quote(review: Review, start: int, end: int, width: int = 60) -> str:
    s = review.text[start:end].replace("\n", " ")
    return s if len(s) <= width else s[: width - 1] + "…"


def line_col(review: Review, offset: int) -> int:
    """Paragraph number (1-based) of an offset, which a reviewer can find in the document."""
    return review.text.count("\n", 0, offset) + 1


def header_lines(review: Review) -> list[str]:
    lines = [review.title or review.source.path]
    if review.reporter:
        lines.append(f"述职人：{review.reporter}")
    lines.append(f"层级：{review.org_level or '未识别'} · 方案：{review.profile} · {review.source.format} · {review.source.chars} 字 · 约 {review.structure.reading_minutes} 分钟")
    lines.append(f"综合：{review.overall.score} 分，建议等次 {review.overall.grade}（仅供参考，由评议人员决定）")
    return lines
