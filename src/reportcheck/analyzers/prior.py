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
from reportcheck.models import linear_score, load_json
from reportcheck.nlp import Sentence, char_pairs, tokens
from reportcheck.schema import Finding


def _words(text: str, stop: set[str]) -> set[str]:
    return {t for t in tokens(text) if len(t) >= 2 and t not in stop and not t.isdigit()}


def prior_items(ctx: Context) -> list[str]:
    """Last year's problem items (simplified text): its problems part, or the whole of a bare list, split into one
    item per 一是/（二）/3. unit."""
    prior = ctx.prior
    if prior is None:
        return []
    st = structure.parse(prior)
    pctx = Context(prior, st, ctx.profile)

    def items_in(ranges: list[tuple[int, int]]) -> list[str]:
        found = [it.text for a, b in ranges for it in problem_items(prior.shadow, a, b)]
        return [t for t in found if len(t) >= 12 and not _INTRO.search(t) and not _SIGNATURE.search(t)]

    items = items_in(pctx.part_ranges("problems"))
    return items if len(items) >= 2 else items_in([(st.body_start, len(prior.text))])  # a bare list or letter


_SIGNATURE = re.compile(r"^(?:中共)?\S{0,20}(?:委员会|党委|党组|组织部)$|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


_PERSIST = re.compile(r"还是|仍然|依然|仍|还有|又|一直|至今|还没|尚未|没有改变|老问题|反复")
_SOLVED = re.compile(r"已(?:经)?(?:基本)?(?:解决|整改|完成|销号)|整改到位|得到解决")


def scored_items(ctx: Context) -> list[tuple[Sentence, float, str, str, dict[str, float]]]:
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
    item_pairs = [char_pairs(p) for p in items]
    out = []
    for s, ws in zip(candidates, cand_words, strict=True):
        total = sum(idf(w) for w in ws)
        if not total:
            continue
        best, best_item, why, feats = -1.0, 0, "", {}
        mine, my_pairs = _topics(s.text, lex["topics"]), char_pairs(s.text)
        for k, (iw, it, ip) in enumerate(zip(item_words, item_topics, item_pairs, strict=True)):
            shared = ws & iw
            f = {"topic": float(bool(mine & it)), "overlap": sum(idf(w) for w in shared) / total,
                 "shared_words": math.log1p(len(shared)), "pairs": len(my_pairs & ip) / max(1, min(len(my_pairs), len(ip))),
                 "persists": float(bool(_PERSIST.search(s.text))), "solved": float(bool(_SOLVED.search(s.text)))}
            sim = _score(f, lex)
            if sim > best:
                best, best_item, feats = sim, k, f
                why = "同一类问题：" + "、".join(sorted(mine & it)) if mine & it else "共同的要点：" + "、".join(sorted(shared, key=idf, reverse=True)[:4])
        out.append((s, best, items[best_item], why, feats))
    return out


def _score(f: dict[str, float], lex: dict) -> float:
    """How surely a problem item restates last year's: the trained model (models/prior.json) where there is one,
    else a shared topic (1.0) or the IDF-weighted overlap with at least `min_shared` words."""
    trained = linear_score("prior", f)
    if trained is not None:
        return trained[1]
    return 1.0 if f["topic"] else (f["overlap"] if math.expm1(f["shared_words"]) >= lex["min_shared"] else 0.0)


def analyze(ctx: Context) -> list[Finding]:
    threshold = {**load("prior"), **load_json("prior")}["threshold"]  # chosen on corpus/dev by `make train`
    out = []
    for s, score, item, why, _f in scored_items(ctx):
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
