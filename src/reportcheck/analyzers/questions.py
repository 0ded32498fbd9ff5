"""Where each assigned 必答题 is answered, and whether the answer has substance.

The answer is found by meaning, wherever it is: under a 必答题 heading, under a heading that restates the
question in other words, or in paragraphs of running text. Each body paragraph is scored against the
question by the question's own content words, the recurring topics' synonyms (lexicons/questions.toml
[topics]: 集体经济 ~ 空壳村/经营性收入/强村公司 …) and shared character pairs; a section that is a 必答题
answer by its heading counts in full. Paragraphs elsewhere that score nearly as high are the rest of an
answer split across sections (every span is returned).

Answered = the answer names concrete measures taken *and* results; numbers that only describe the problem's
scale are not results, plans are not measures, and slogans with neither are a dodge (`question_dodged`).
The reason names what was found or what is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reportcheck.context import Context
from reportcheck.lexicons import load
from reportcheck.models import linear_score
from reportcheck.nlp import NAMED, char_pairs, has_feature, is_fact, is_measure, is_result, quantities, tokens
from reportcheck.schema import Finding, Question

FOUND = 0.30  # a paragraph scoring below this does not answer the question
SPLIT = 0.75
SPLIT_MIN = 0.6  # and it must match the question well on its own
WORD_NORM = 2.0  # matched term weight that counts as a full match (two topic synonyms and a word of the question)  # another section's paragraph scoring this share of the best is part of a split answer


@dataclass
class _Unit:
    start: int
    end: int
    section: object | None
    heading: str


@cache
def _topics() -> list[frozenset[str]]:
    return [frozenset(words) for words in load("questions")["topics"].values()]


@cache
def _stop() -> frozenset[str]:
    return frozenset(load("questions")["stopwords"])


def _content(question: str) -> str:
    q = re.sub(r"[“”\"'‘’「」、，。？?：:（）()\s]", "", question)
    for w in sorted(_stop(), key=len, reverse=True):
        q = q.replace(w, "")
    return q


def terms(question: str) -> dict[str, float]:
    """The question's content words (weight 1) and the synonyms of the topics it names (weight 0.6)."""
    out = {t: 1.0 for t in tokens(question) if len(t) >= 2 and t not in _stop()}
    for group in _topics():
        if any(w in question for w in group):
            for w in group:
                out.setdefault(w, 0.6)
    return out


def similarity(question: str, text: str, qterms: dict[str, float] | None = None) -> float:
    """0–1: how much of the question's content a stretch of text takes up (words, topic synonyms, character pairs)."""
    qterms = qterms if qterms is not None else terms(question)
    if not qterms:
        return 0.0
    lit = [t for t, w in qterms.items() if w == 1.0]
    word = sum(w for t, w in qterms.items() if t in text) / min(len(lit) + 1.5, WORD_NORM)
    qp = char_pairs(_content(question))
    pair = len(qp & char_pairs(text)) / len(qp) if qp else 0.0
    return min(1.0, 0.6 * min(word, 1.0) + 0.6 * pair)


def _units(ctx: Context) -> list[_Unit]:
    """Body paragraphs with the section they stand in (headings are scored with their section)."""
    return [_Unit(a, b, sec, ctx.shadow[sec.start : sec.heading_end] if sec is not None and sec.heading else "")
            for a, b, sec in ctx.paragraphs]


def _question_sections(ctx: Context) -> list:
    return [s for s in ctx.structure.sections if s.part == "question" and s.part_from_heading]


def _locate(ctx: Context, qi: int, q: str, units: list[_Unit]) -> tuple[list[tuple[int, int]], bool, float, int | None]:
    """(the answer's body spans, whether it is a 必答题 section, how well it matches, where its heading starts)."""
    qterms = terms(q)
    qsecs = _question_sections(ctx)
    scored = []
    for u in units:
        body = similarity(q, ctx.shadow[u.start : u.end], qterms)
        head = similarity(q, u.heading, qterms) if u.heading else 0.0
        score = max(body, head, 0.5 * body + 0.7 * head)
        if u.section is not None and u.section in qsecs:
            # a 必答题 section: the one that names this question, or the i-th one when headings do not say
            named = [s for s in qsecs if similarity(q, ctx.shadow[s.start : s.heading_end], qterms) >= 0.45]
            if u.section in named or (not named and qsecs.index(u.section) == min(qi, len(qsecs) - 1)):
                score = max(score, 0.6) + 0.3
        if u.section is not None and u.section.part == "next_steps":
            score *= 0.5  # plans answer nothing yet
        scored.append((score, u))
    if not scored:
        return [], False, 0.0, None
    best, top = max(scored, key=lambda x: x[0])
    if best < FOUND:
        return [], False, best, None
    in_section = top.section is not None and top.section in qsecs
    spans = []
    for score, u in scored:
        same = u.section is not None and u.section is top.section
        elsewhere = not same and score >= max(SPLIT_MIN, SPLIT * best)  # the rest of an answer split across sections
        if (same and score >= 0.5 * best) or elsewhere:
            spans.append((u.start, u.end))
    if in_section:  # a 必答题 section is answered as a whole; its heading is where the answer starts
        spans.append((top.section.heading_end, top.section.end))
    return _merge(spans, ctx.shadow), in_section, min(best, 1.5), top.section.start if in_section else None


def _merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for a, b in sorted(spans):
        if out and (a <= out[-1][1] or not text[out[-1][1] : a].strip()):
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out if b > a]


_ADMITS = re.compile(r"还没有(?:解决|破题|找到|根本)|没有(?:解决|破题|找到办法|实质)|仍未解决|尚未解决|效果(?:还)?不明显|还在摸索|没有答好|答得不好")


def answer_features(ctx: Context, spans: list[tuple[int, int]]) -> dict[str, float]:
    """What a reviewer looks for in an answer: measures taken, results, facts; against slogans, plans, the
    problem's mere scale and an admission that it is not solved. Counts are log-scaled."""
    c = dict.fromkeys(("measures", "results", "facts", "scale", "plans", "attitude", "sentences", "admits"), 0)
    for a, b in spans:
        for s in ctx.sentences_in(a, b):
            t = s.text
            c["sentences"] += 1
            res = is_result(t) or (is_fact(t) and has_feature(t, "outcome"))
            c["results"] += res
            c["measures"] += is_measure(t) or bool(NAMED.search(t) and not has_feature(t, "plan"))
            c["facts"] += is_fact(t)
            c["scale"] += bool(quantities(t)) and has_feature(t, "problem_scale") and not res
            c["plans"] += has_feature(t, "plan")
            c["attitude"] += has_feature(t, "attitude") and not is_fact(t)
            c["admits"] += _ADMITS.search(t) is not None
    n = max(c["sentences"], 1)
    # presence and shares, not raw counts: a two-sentence answer with a measure and its result is an answer
    out = {f"has_{k}": float(c[k] > 0) for k in ("measures", "results", "facts", "admits", "scale")}
    out.update({"share_facts": c["facts"] / n, "share_results": c["results"] / n, "share_attitude": c["attitude"] / n,
                "share_plans": c["plans"] / n, "share_scale": c["scale"] / n})
    return out  # where the answer stands (a 必答题 heading or not) and how well it matches say nothing of its substance


def _judge(ctx: Context, spans: list[tuple[int, int]], feats: dict[str, float] | None = None) -> tuple[bool, str, list[str], list[str]]:
    measures, results, scale = [], [], []
    for a, b in spans:
        for s in ctx.sentences_in(a, b):
            res = is_result(s.text) or (is_fact(s.text) and has_feature(s.text, "outcome"))
            if res:
                results.append(s.text)
            if is_measure(s.text) or (NAMED.search(s.text) and not has_feature(s.text, "plan")):
                measures.append(s.text)
            elif not res and quantities(s.text) and has_feature(s.text, "problem_scale"):
                scale.append(s.text)
    trained = linear_score("questions", feats) if feats is not None else None
    if trained is not None:
        kind = ("answered" if measures and results else "results_only" if results else "scale_only" if scale
                else "no_results" if measures else "slogans")
        if trained[0]:
            return True, "answered", measures or results, results or measures
        return False, ("no_results" if kind == "answered" else kind), measures, results or scale
    if measures and results:
        return True, "answered", measures, results
    if results:  # results name what was done in the same breath ("全年新建驿站12个")
        return len(results) >= 2, "results_only", measures, results
    if scale:
        return False, "scale_only", measures, scale
    if measures:
        return False, "no_results", measures, results
    return False, "slogans", measures, results


def _quote(s: str, n: int = 24) -> str:
    s = s.strip()
    return s if len(s) <= n else s[:n] + "…"


def analyze(ctx: Context) -> tuple[list[Question], list[Finding]]:
    out: list[Question] = []
    findings: list[Finding] = []
    units = _units(ctx)
    for qi, q in enumerate(ctx.questions):
        spans, _in_section, _sim, head = _locate(ctx, qi, q, units)
        if not spans:
            out.append(Question(question=q, answered=False, confidence=0.0, reason="报告中未找到回应该必答题的内容"))
            findings.append(ctx.document_finding("question_missing", "questions.not_found", f"未找到对必答题的回答：“{q}”", "high"))
            continue
        answered, kind, measures, results = _judge(ctx, spans, answer_features(ctx, spans))
        start, end = (head if head is not None else spans[0][0]), spans[-1][1]
        secs = [s.id for s in ctx.structure.sections if any(s.start <= a < s.end for a, _ in spans)]
        where = "、".join(f"第{ctx.text[:a].count(chr(10)) + 1}段起" for a, _ in spans[:3])
        if answered:
            example = results[-1] if results else measures[0] if measures else ""
            reason = f"{where}作答：有具体措施和成效" + (f"（如“{_quote(example)}”）" if example else "")
        elif kind == "scale_only":
            reason = f"{where}回应了该题，但数据只说明问题的规模" + (f"（如“{_quote(results[0])}”）" if results else "") + "，没有采取的措施和取得的成效"
        elif kind == "no_results":
            reason = f"{where}回应了该题，有做法" + (f"（如“{_quote(measures[0])}”）" if measures else "") + "但没有成效数据或事例"
        elif kind == "results_only":
            reason = f"{where}回应了该题，只有一处成效，缺少具体措施"
        else:
            reason = f"{where}回应了该题，但只有表态和口号，没有具体措施和成效"
        conf = 0.9 if answered else 0.7
        out.append(Question(question=q, answered=answered, confidence=conf, section_ids=secs, start=start, end=end, reason=reason))
        if not answered:
            a, b = spans[0]
            first = next(iter(ctx.sentences_in(a, b)), None)
            fs, fe = (first.start, first.end) if first else (a, min(b, a + 60))
            code = "question_dodged" if kind == "slogans" else "question_missing"
            findings.append(ctx.finding(code, f"questions.{kind}", fs, min(fe, fs + 80), f"必答题“{q}”：{reason}", "high"))
    return out, findings
