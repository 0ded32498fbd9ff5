"""避重就轻 (evasive): problems that are disguised praise, blamed on conditions, claimed as all fixed, or missing.

rules: evasive.disguised (a problem sentence that is praise in disguise), evasive.objective (a problem
blamed on objective conditions), evasive.claimed_done (rectification claimed complete with nothing
behind it), evasive.no_problems (no problems part at all).
"""

from __future__ import annotations

from reportcheck.context import Context
from reportcheck.lexicons import load
from reportcheck.nlp import quantities
from reportcheck.schema import Finding


def analyze(ctx: Context) -> list[Finding]:
    lex = load("antipatterns")["evasive"]
    out = []
    problem_ranges = ctx.part_ranges("problems")
    for start, end in problem_ranges:
        for s in ctx.sentences_in(start, end):
            if hit := next((w for w in lex["disguised"] if w in s.text), None):
                out.append(ctx.finding("evasive", "evasive.disguised", s.start, s.end, f"所列问题“{hit}”属于以成绩代问题，没有点到真问题", "medium"))
            elif hit := next((w for w in lex["objective"] if w in s.text), None):
                out.append(ctx.finding("evasive", "evasive.objective", s.start, s.end, f"问题归咎于“{hit}”等客观因素，回避主观责任", "medium"))
    for s in ctx.sentences_in(ctx.structure.body_start):
        hit = next((w for w in lex["claimed_done"] if w in s.text), None)
        if hit and not quantities(s.text):
            out.append(ctx.finding("evasive", "evasive.claimed_done", s.start, s.end, f"称“{hit}”，但没有逐项说明整改措施和结果", "high"))
    if not problem_ranges and not any(w in ctx.shadow for w in ("存在问题", "存在的问题", "不足")):
        out.append(ctx.document_finding("evasive", "evasive.no_problems", "报告没有查摆问题部分，回避问题", "high"))
    return out
