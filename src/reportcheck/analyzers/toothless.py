"""措施不痛不痒 (toothless): next steps that are slogans, with no target, number, deadline or owner.

rule toothless.slogan: a sentence in a next-step section with a stock slogan verb and no quantity,
deadline, owner or named mechanism.
"""

from __future__ import annotations

from reportcheck.context import Context
from reportcheck.lexicons import load
from reportcheck.nlp import quantities
from reportcheck.schema import Finding


def analyze(ctx: Context) -> list[Finding]:
    lex = load("antipatterns")["toothless"]
    out = []
    for start, end in ctx.part_ranges("next_steps"):
        for s in ctx.sentences_in(start, end):
            hits = [w for w in lex["slogans"] if w in s.text]
            if hits and not quantities(s.text) and not any(w in s.text for w in lex["concrete"]):
                out.append(ctx.finding("toothless", "toothless.slogan", s.start, s.end, f"下步措施“{hits[0]}”只是表态，没有目标、数量、时限或责任人", "medium"))
    return out
