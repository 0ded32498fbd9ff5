"""跑偏散光 (off_topic): paragraphs of business or economic work with no Party-building mechanism.

rule off_topic.business: a paragraph (outside next steps) with at least `MIN_BUSINESS` business terms
or quantities tied to them, and none of the Party-mechanism words.
"""

from __future__ import annotations

from reportcheck.context import Context
from reportcheck.lexicons import load
from reportcheck.schema import Finding

MIN_BUSINESS = 3


def analyze(ctx: Context) -> list[Finding]:
    lex = load("antipatterns")["off_topic"]
    plans = ctx.part_ranges("next_steps")
    out = []
    for b in ctx.doc.text_blocks():
        if b.start < ctx.structure.body_start or any(x <= b.start < y for x, y in plans):
            continue
        para = ctx.shadow[b.start : b.end]
        hits = [w for w in lex["business"] if w in para]
        if len(hits) >= MIN_BUSINESS and not any(w in para for w in lex["party"]):
            end = min(b.end, b.start + 60)
            out.append(ctx.finding("off_topic", "off_topic.business", b.start, end, f"本段讲“{'、'.join(hits[:3])}”等业务工作，未见党建抓手，偏离抓基层党建主题", "medium"))
    return out
