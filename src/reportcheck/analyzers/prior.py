"""Last year's problems restated this year (repeated_problem): 问题年年述、年年在.

Needs --prior (last year's report or feedback-letter problem list). Last year's problem items are the
paragraphs of its problems part (or, in a bare list, every paragraph); this year's candidates are the
problem items of the problems part (a paragraph, or one 一是/二是/第一/（一） unit inside it), flagged whole. A sentence repeats an item when both name the same problem topic
(lexicons/prior.toml [topics]: specific words per recurring problem, so a reworded repeat still matches),
or when the IDF-weighted share of its content words found in the item reaches `threshold` with at least
`min_shared` words in common. Sharing general vocabulary is not enough: the weight sits on the words
specific to the problem.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from reportcheck import structure
from reportcheck.context import Context
from reportcheck.lexicons import load
from reportcheck.models import load_json
from reportcheck.nlp import Sentence, tokens
from reportcheck.schema import Finding


def _words(text: str, stop: set[str]) -> set[str]:
    return {t for t in tokens(text) if len(t) >= 2 and t not in stop and not t.isdigit()}


def prior_items(ctx: Context) -> list[str]:
    """Last year's problem items, as paragraphs of simplified text."""
    prior = ctx.prior
    if prior is None:
        return []
    st = structure.parse(prior)
    ranges = [(s.heading_end, s.end) for s in st.sections if s.part == "problems"] or [(st.body_start, len(prior.text))]
    paras = [prior.shadow[b.start : b.end] for b in prior.text_blocks() if any(a <= b.start < z for a, z in ranges)]
    return [p for p in paras if len(p) >= 8]


def scored_items(ctx: Context) -> list[tuple[Sentence, float, str, str]]:
    """Every problem item this year with its best match last year: (item, score, prior item, why).
    Score 1.0 for a shared problem topic, else the IDF-weighted word overlap."""
    items = prior_items(ctx)
    if not items:
        return []
    lex = load("prior")
    stop = set(lex["stopwords"])
    candidates = [s for a, b in ctx.part_ranges("problems") for s in problem_items(ctx.shadow, a, b)
                  if len(s.text) >= 8 and not _INTRO.search(s.text)]
    item_words = [_words(p, stop) for p in items]
    cand_words = [_words(s.text, stop) for s in candidates]
    df = Counter(w for ws in item_words + cand_words for w in ws)
    n = len(item_words) + len(cand_words)

    def idf(w: str) -> float:
        return math.log((n + 1) / (df[w] + 0.5))

    item_topics = [_topics(p, lex["topics"]) for p in items]
    out = []
    for s, ws in zip(candidates, cand_words, strict=True):
        total = sum(idf(w) for w in ws)
        if not total:
            continue
        best, best_item, why = 0.0, 0, ""
        mine = _topics(s.text, lex["topics"])
        for k, (iw, it) in enumerate(zip(item_words, item_topics, strict=True)):
            shared = ws & iw
            sim = 1.0 if mine & it else (sum(idf(w) for w in shared) / total if len(shared) >= lex["min_shared"] else 0.0)
            if sim > best:
                best, best_item = sim, k
                why = "同一类问题：" + "、".join(sorted(mine & it)) if mine & it else f"用词重合度 {sim:.2f}：" + "、".join(sorted(shared, key=idf, reverse=True)[:4])
        out.append((s, best, items[best_item], why))
    return out


def analyze(ctx: Context) -> list[Finding]:
    threshold = {**load("prior"), **load_json("prior")}["threshold"]  # tuned on corpus/dev by `make train`
    out = []
    for s, score, item, why in scored_items(ctx):
        if score >= threshold:
            quote = item[:30] + ("…" if len(item) > 30 else "")
            out.append(ctx.finding("repeated_problem", "prior.repeated", s.start, s.end,
                                   f"与上年度所列问题“{quote}”实质相同（{why}），问题年年述、年年在，须说明整改为何未见效", "high"))
    return out


# a line that introduces the problems rather than naming one
_INTRO = re.compile(r"(还存在|存在以下|主要问题有|存在一些|问题如下|不足之处)[^。]{0,12}[：:]?$|^[^。]{0,40}[：:]$")
_ITEM_START = re.compile(r"(?:^|(?<=[。；;\n]))\s*(?=[一二三四五六七八九十]是|第[一二三四五六七八九十][，、,]|[（(][一二三四五六七八九十\d]{1,2}[）)]|\d{1,2}[.．、](?!\d))")


def problem_items(text: str, start: int, end: int) -> list[Sentence]:
    """One problem per item: paragraphs, split again where 一是/第二，/（三）/4. opens a new problem."""
    out = []
    for para in re.finditer(r"[^\n]+", text[start:end]):
        p0 = start + para.start()
        cuts = sorted({0, *(m.start() for m in _ITEM_START.finditer(para.group()))})
        for a, b in zip(cuts, [*cuts[1:], len(para.group())], strict=True):
            piece = para.group()[a:b].strip()
            if piece:
                s0 = p0 + a + (len(para.group()[a:b]) - len(para.group()[a:b].lstrip()))
                out.append(Sentence(s0, s0 + len(piece), piece))
    return out


def _topics(text: str, topics: dict[str, list[str]]) -> set[str]:
    return {name for name, words in topics.items() if any(w in text for w in words)}
