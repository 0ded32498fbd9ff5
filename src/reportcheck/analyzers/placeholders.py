"""Unfilled template placeholders (XX公司, XXX同志, **个, X月X日, 202X年, ××): a defect of their own."""

from __future__ import annotations

import re

from reportcheck.context import Context
from reportcheck.schema import Finding

PLACEHOLDER = re.compile(r"[XＸ×xｘ]{2,}|\*{2,}|[XＸ×]月[XＸ×]日|20[0-9][XＸ×]年|[XＸ]{1}(?=[年月日个名])|＊{2,}|○○|□□")


def analyze(ctx: Context) -> list[Finding]:
    return [
        ctx.finding("placeholder", "placeholder.template", m.start(), m.end(), f"“{m.group()}”是未填写的模板占位符，请补全", "high")
        for m in PLACEHOLDER.finditer(ctx.text)
    ]
