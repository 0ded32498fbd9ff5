"""Where each assigned 必答题 is answered, and whether the answer has substance.

The answer is the section whose heading and text share the most content words with the question
(a section in the "question" part, or headed 必答题, is preferred). It is answered when the located
text holds concrete measures with results: at least `MIN_FACTS` quantities or named cases. Slogans
or a diagnosis alone do not answer a question.
"""

from __future__ import annotations

from reportcheck.context import Context
from reportcheck.lexicons import load
from reportcheck.nlp import NAMED, quantities, tokens
from reportcheck.schema import Finding, Question

MIN_FACTS = 2


def _keywords(question: str) -> set[str]:
    stop = set(load("questions")["stopwords"])
    return {t for t in tokens(question) if len(t) >= 2 and t not in stop}


def analyze(ctx: Context) -> tuple[list[Question], list[Finding]]:
    out: list[Question] = []
    findings: list[Finding] = []
    ranges = ctx.leaf_ranges()
    for q in ctx.questions:
        kws = _keywords(q)
        best = None
        for sec, start, end in ranges:
            head = ctx.shadow[sec.start : sec.heading_end] if sec.heading else ""
            body = ctx.shadow[start:end]
            score = sum(2 for k in kws if k in head) + sum(1 for k in kws if k in body)
            if sec.part == "question":
                score += 2
            if sec.part == "next_steps":
                score -= 1
            norm = score / (len(kws) + 2) if kws else 0.0
            if best is None or norm > best[0]:
                best = (norm, sec, start, end)
        if best is None or best[0] < 0.4:
            out.append(Question(question=q, answered=False, confidence=round(best[0], 2) if best else 0.0, reason="报告中未找到回应该必答题的内容"))
            findings.append(ctx.document_finding("question_missing", "questions.not_found", f"未找到对必答题的回答：“{q}”", "high"))
            continue
        norm, sec, start, end = best
        body = ctx.shadow[start:end]
        facts = len(quantities(body)) + len(NAMED.findall(body))
        answered = facts >= MIN_FACTS
        reason = f"在“{sec.heading or '正文'}”中作答，含 {facts} 处具体数据或事例" if answered else "有回应但只有表态或分析，缺少具体措施和成效"
        out.append(Question(question=q, answered=answered, confidence=round(min(1.0, norm), 2), section_ids=[sec.id], start=start, end=end, reason=reason))
        if not answered:
            findings.append(ctx.finding("question_missing", "questions.no_substance", start, min(end, start + 60), f"必答题“{q}”只有表态或分析，未见具体措施和成效", "high"))
    return out, findings

