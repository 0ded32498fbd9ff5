"""夸大注水 (inflated): absolute and superlative claims with no baseline or check beside them.

rule inflated.superlative: a sentence outside next steps with a stock superlative and none of the
baseline/check words (由…提高到, 同比, 经核查…). Numbers that do not add up are left to a later rule.
"""

from __future__ import annotations

from reportcheck.context import Context
from reportcheck.lexicons import load
from reportcheck.schema import Finding


def analyze(ctx: Context) -> list[Finding]:
    lex = load("antipatterns")["inflated"]
    plans = ctx.part_ranges("next_steps")
    out = []
    for s in ctx.sentences_in(ctx.structure.body_start):
        if any(a <= s.start < b for a, b in plans):
            continue
        hits = [w for w in lex["superlatives"] if w in s.text]
        if hits and not any(w in s.text for w in lex["baseline"]):
            out.append(ctx.finding("inflated", "inflated.superlative", s.start, s.end, f"“{hits[0]}”等绝对化表述缺少基数、对比或核验依据，成绩有夸大之嫌", "medium"))
    return out
