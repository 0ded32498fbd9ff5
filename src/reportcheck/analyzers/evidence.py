"""Evidence density (数据、事例说话): quantities with units and named cases per 1,000 characters.

Years, dates, document numbers and ordinals are not evidence; quantities in plan/target sentences
(力争/目标/计划…) and in next-step sections are not evidence of results either.
"""

from __future__ import annotations

from reportcheck.context import Context
from reportcheck.lexicons import load
from reportcheck.models import load_json
from reportcheck.nlp import NAMED, quantities
from reportcheck.schema import Evidence


def density(ctx: Context) -> tuple[int, int, float]:
    """(data points, named examples, both per 1,000 characters of body text)."""
    lex = load("evidence")
    plan_words = lex["plan_words"]
    skip = ctx.part_ranges("next_steps")
    data = examples = 0
    for s in ctx.sentences_in(ctx.structure.body_start):
        if any(a <= s.start < b for a, b in skip) or any(w in s.text for w in plan_words):
            continue
        data += len(quantities(s.text))
        examples += len(NAMED.findall(s.text))
    body = max(1, len(ctx.text) - ctx.structure.body_start)
    return data, examples, (data + examples) * 1000 / body


def analyze(ctx: Context) -> Evidence:
    lex = load("evidence")
    data, examples, per_1k = density(ctx)
    cuts = {**lex, **load_json("levels").get("evidence", {})}  # thresholds tuned by `make train`, else the lexicon's
    level = "high" if per_1k >= cuts["high_per_1k"] else "medium" if per_1k >= cuts["medium_per_1k"] else "low"
    return Evidence(data_points=data, examples=examples, per_1k_chars=round(per_1k, 1), level=level)
