"""Evidence density (数据、事例说话): quantities with units and named cases per 1,000 characters.

Years, dates, document numbers and ordinals are not evidence; quantities in plan/target sentences
(力争/目标/计划…) and in next-step sections are not evidence of results either.
"""

from __future__ import annotations

from reportcheck.context import Context
from reportcheck.lexicons import load
from reportcheck.nlp import NAMED, quantities, sentences
from reportcheck.schema import Evidence


def analyze(ctx: Context) -> Evidence:
    lex = load("evidence")
    plan_words = lex["plan_words"]
    skip = ctx.part_ranges("next_steps")
    data = examples = 0
    for s in sentences(ctx.shadow, ctx.structure.body_start):
        if any(a <= s.start < b for a, b in skip) or any(w in s.text for w in plan_words):
            continue
        data += len(quantities(s.text))
        examples += len(NAMED.findall(s.text))
    body = max(1, len(ctx.text) - ctx.structure.body_start)
    per_1k = (data + examples) * 1000 / body
    level = "high" if per_1k >= lex["high_per_1k"] else "medium" if per_1k >= lex["medium_per_1k"] else "low"
    return Evidence(data_points=data, examples=examples, per_1k_chars=round(per_1k, 1), level=level)
