"""What several analyzers share: sentences with offsets, quantities, tokens. Loaded once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

_SENT = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?[”」』]?")
CN_NUM = "零〇一二两三四五六七八九十百千万亿"
# a quantity: a number (Arabic, full-width or Chinese) and a unit that counts something real
QUANTITY = re.compile(
    r"(?:(?<![年第])(?:\d+(?:[.．]\d+)?|[０-９]+(?:[.．][０-９]+)?)\s*(?:%|％|个|名|人|次|项|万元|亿元|元|万|户|家|场|期|篇|条|件|所|支|座|处|亩|公里|平方米|米|天|小时|倍|批|套|台|辆|笔|份|本|间|张|门|岗|类|轮|起|组|余|多|年来)"
    r"|百分之[" + CN_NUM + r"点]+|[" + CN_NUM + r"]{1,6}(?:个|名|人|次|项|万元|户|家|场|期|条|件|所|支|座|处|亩|批|成|倍|轮|起|类|组|余名|余户|余人))"
)
# numbers that are not evidence of a result: years, dates, document numbers, ordinals
NOT_EVIDENCE = re.compile(r"\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日|〔\d{4}〕\d+号|第[" + CN_NUM + r"\d]+")
_CJK_NAME = r"[\u4e00-\u9fff]{2,6}"
NAMED = re.compile(_CJK_NAME + r"(?:村|社区|镇|乡|街道|小区|公司|集团|学校|中学|小学|医院|合作社|园区|项目|支部|网格|驿站|工作室|基地)(?![\u4e00-\u9fff]{0,1}(?:建设|工作))|“[^”]{2,20}”|[\u4e00-\u9fff]某某|[\u4e00-\u9fff]{2,3}同志")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    end = len(text) if end is None else end
    out = []
    for m in _SENT.finditer(text, start, end):
        s, e = m.start(), m.end()
        while s < e and text[s] in " \t\u3000":
            s += 1
        if e - s >= 2:
            out.append(Sentence(s, e, text[s:e]))
    return out


@cache
def _features() -> dict[str, re.Pattern[str]]:
    from reportcheck.lexicons import load

    return {name: re.compile("|".join(f"(?:{p})" for p in pats)) for name, pats in load("features").items()}


def has_feature(sentence: str, name: str) -> bool:
    """Whether a sentence carries a feature of lexicons/features.toml: result, measure, plan, problem_scale, attitude."""
    return _features()[name].search(sentence) is not None


def is_result(sentence: str) -> bool:
    """A result a reviewer would accept: a change with its baseline or a count achieved, not a plan or a problem's size."""
    return has_feature(sentence, "result") and not has_feature(sentence, "plan") and not _only_scale(sentence)


def is_measure(sentence: str) -> bool:
    """A measure taken (a doing verb with its object), not a plan."""
    return has_feature(sentence, "measure") and not has_feature(sentence, "plan")


def _only_scale(sentence: str) -> bool:
    """Numbers that only describe how big a problem is ("仅有3个村收入超过10万元")."""
    return has_feature(sentence, "problem_scale") and not has_feature(sentence, "result") and not has_feature(sentence, "outcome")


def is_fact(sentence: str) -> bool:
    """A concrete fact of what was done: a quantity or a named case that is neither a plan nor a problem's size."""
    if has_feature(sentence, "plan"):
        return False
    return bool(quantities(sentence) or NAMED.search(sentence)) and not _only_scale(sentence)


def char_pairs(text: str) -> set[str]:
    """The character bigrams of a text: how two wordings of one thing are compared without segmenting them."""
    return {text[i : i + 2] for i in range(len(text) - 1)}


def quantities(text: str) -> list[re.Match[str]]:
    return [m for m in QUANTITY.finditer(text) if not NOT_EVIDENCE.match(text, m.start())]


@cache
def _cut():
    """rjieba: jieba's tokens, about 40x faster; jieba itself where the rjieba wheel is not available."""
    try:
        import rjieba

        return rjieba.cut
    except ImportError:
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        return jieba.lcut


def tokens(text: str) -> list[str]:
    return [t for t in _cut()(text) if t.strip()]
