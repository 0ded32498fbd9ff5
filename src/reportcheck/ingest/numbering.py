"""word/numbering.xml -> the numbers Word displays (一、 （一） 1. （1） ① …).

Counters live per abstract numbering definition (Word continues a list across w:num instances
that share one), a w:num with a startOverride restarts its level the first time it is used, and
a level restarts whenever a shallower level advances (unless w:lvlRestart says otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_CN_DIGITS = "零一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def attr_int(el: etree._Element | None, name: str, default: int = 0) -> int:
    """An integer attribute (w:val, w:ilvl …), or `default` when missing or not a number (damaged files)."""
    v = el.get(name) if el is not None else None
    return int(v) if v is not None and v.strip().lstrip("-").isdigit() and len(v) < 8 else default


def chinese_counting(n: int) -> str:
    """1 -> 一, 10 -> 十, 11 -> 十一, 20 -> 二十, 105 -> 一百零五 (Word's chineseCounting/Thousand)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    out = ""
    units = [(1000, "千"), (100, "百"), (10, "十")]
    zero = False
    for value, unit in units:
        d = n // value % 10
        if d:
            if zero:
                out += "零"
                zero = False
            out += _CN_DIGITS[d] + unit
        elif out:
            zero = True
    if n % 10:
        out += ("零" if zero else "") + _CN_DIGITS[n % 10]
    if n >= 10000:
        return str(n)
    return out


def _roman(n: int) -> str:
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def _letters(n: int) -> str:
    # Word repeats the letter: 27 -> AA, 28 -> BB
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


_COUNTING = ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting")
_LEGAL = {"chineseLegalSimplified": "零壹贰叁肆伍陆柒捌玖拾佰仟", "ideographLegalTraditional": "零壹貳參肆伍陸柒捌玖拾佰仟"}


def format_number(n: int, fmt: str) -> str:
    if fmt in _COUNTING:  # LibreOffice writes 一、二、 as taiwaneseCountingThousand
        return chinese_counting(n)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt in _LEGAL:
        table = dict(zip("零一二三四五六七八九十百千", _LEGAL[fmt], strict=True))
        return "".join(table.get(c, c) for c in chinese_counting(n))
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12]
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 1 <= n <= 20 else str(n)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "none":
        return ""
    return str(n)  # decimal and anything unknown


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # restart after this (1-based) level; None = after any shallower level
    legal: bool = False
    suffix: str = "tab"


@dataclass
class Numbering:
    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId -> ilvl -> start
    level_overrides: dict[str, dict[int, Level]] = field(default_factory=dict)
    style_links: dict[str, str] = field(default_factory=dict)  # abstractNumId -> numbering style it defers to
    style_nums: dict[str, str] = field(default_factory=dict)  # numbering style id -> numId (from styles.xml)
    _counters: dict[str, dict[int, int]] = field(default_factory=dict)
    _used: set[str] = field(default_factory=set)

    @classmethod
    def parse(cls, root: etree._Element | None) -> Numbering:
        nb = cls()
        if root is None:
            return nb
        for an in root.iter(W + "abstractNum"):
            aid = an.get(W + "abstractNumId", "")
            nb.abstract[aid] = {attr_int(lv, W + "ilvl"): _parse_level(lv) for lv in an.iter(W + "lvl")}
            link = an.find(W + "numStyleLink")
            if link is not None:
                nb.style_links[aid] = link.get(W + "val", "")
        for num in root.iter(W + "num"):
            nid = num.get(W + "numId", "")
            ref = num.find(W + "abstractNumId")
            nb.nums[nid] = ref.get(W + "val", "") if ref is not None else ""
            for ov in num.iter(W + "lvlOverride"):
                ilvl = attr_int(ov, W + "ilvl")
                so = ov.find(W + "startOverride")
                if so is not None:
                    nb.overrides.setdefault(nid, {})[ilvl] = attr_int(so, W + "val", 1)
                lv = ov.find(W + "lvl")
                if lv is not None:
                    nb.level_overrides.setdefault(nid, {})[ilvl] = _parse_level(lv)
        return nb

    def link_styles(self, style_nums: dict[str, str]) -> None:
        """Numbering styles (a multilevel list saved as a style): abstractNum → numStyleLink → style → numId."""
        self.style_nums = style_nums

    def _abstract_id(self, num_id: str) -> str | None:
        aid = self.nums.get(num_id)
        for _ in range(3):  # follow a numStyleLink to the definition that holds the levels
            if aid is None or self.abstract.get(aid) or aid not in self.style_links:
                break
            aid = self.nums.get(self.style_nums.get(self.style_links[aid], ""))
        return aid

    def _level(self, num_id: str, ilvl: int) -> tuple[str, Level] | None:
        aid = self._abstract_id(num_id)
        if aid is None:
            return None
        if ilvl in self.level_overrides.get(num_id, {}):
            return aid, self.level_overrides[num_id][ilvl]
        levels = self.abstract.get(aid, {})
        if ilvl not in levels:
            return None
        return aid, levels[ilvl]

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of (num_id, ilvl) and return the displayed label with its suffix."""
        found = self._level(num_id, ilvl)
        if found is None or num_id == "0":
            return ""
        aid, level = found
        counters = self._counters.setdefault(aid, {})
        if num_id not in self._used:
            self._used.add(num_id)
            for lvl, start in self.overrides.get(num_id, {}).items():
                counters[lvl] = start - 1
                for deeper in [k for k in counters if k > lvl]:
                    del counters[deeper]
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        levels = self.abstract.get(aid, {})
        for deeper in [k for k in counters if k > ilvl]:
            lv = levels.get(deeper)
            if lv is None or lv.restart is None or lv.restart - 1 >= ilvl:
                del counters[deeper]
        if level.fmt == "bullet":
            return ""  # bullets carry no number a reader relies on
        out = level.text
        for k in range(9):
            token = f"%{k + 1}"
            if token in out:
                lv = levels.get(k, Level())
                value = counters.get(k, lv.start)
                fmt = "decimal" if level.legal and k != ilvl else (level.fmt if k == ilvl else lv.fmt)
                out = out.replace(token, format_number(value, fmt))
        if level.suffix == "space" or (level.suffix == "tab" and out and out[-1].isascii()):
            out += " "
        return out


def _parse_level(lv: etree._Element) -> Level:
    def val(tag: str) -> str | None:
        el = lv.find(W + tag)
        return None if el is None else el.get(W + "val")

    restart = val("lvlRestart")
    return Level(
        start=attr_int(lv.find(W + "start"), W + "val", 1),
        fmt=val("numFmt") or "decimal",
        text=val("lvlText") if val("lvlText") is not None else "",
        restart=int(restart) if restart is not None and restart.isdigit() else None,
        legal=lv.find(W + "isLgl") is not None,
        suffix=val("suff") or "tab",
    )
