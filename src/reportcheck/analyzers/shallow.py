"""剖析浮于表面 (shallow): formulaic causes, or causes that only blame conditions.

rule shallow.formula: in cause analysis (a causes section, or a problems section's cause sentences),
a sentence with a stock formula (思想认识不够到位…) and no sign of the secretary's own responsibility
or of a mechanism. rule shallow.objective: a cause sentence that only blames objective conditions.
"""

from __future__ import annotations

from reportcheck.context import Context
from reportcheck.lexicons import load
from reportcheck.schema import Finding


def analyze(ctx: Context) -> list[Finding]:
    lex = load("antipatterns")["shallow"]
    out = []
    causes = ctx.part_ranges("causes")
    for start, end in ctx.part_ranges("causes", "problems"):
        in_causes = (start, end) in causes
        for s in ctx.sentences_in(start, end):
            owned = any(w in s.text for w in lex["ownership"])
            formula = [w for w in lex["formulas"] if w in s.text]
            objective = [w for w in lex["objective"] if w in s.text]
            if formula and not owned:
                out.append(ctx.finding("shallow", "shallow.formula", s.start, s.end, f"原因剖析停留在“{formula[0]}”等套话，没有剖析书记本人责任和背后机制", "medium"))
            elif objective and not owned and (in_causes or "原因" in s.text):
                out.append(ctx.finding("shallow", "shallow.objective", s.start, s.end, f"把原因归于“{objective[0]}”等客观条件，回避主观责任", "medium"))
    return out
