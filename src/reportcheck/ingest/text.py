"""Plain text: encoding detection, hard-wrap repair, and the simplified shadow of traditional text."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

from reportcheck.errors import input_error
from reportcheck.ingest.document import Document, DocumentBuilder
from reportcheck.ingest.linejoin import Line, is_page_marker, join_lines

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CJK = re.compile(r"[\u4e00-\u9fff]")


def decode(data: bytes) -> str:
    """Bytes of a text file -> str, trying what Chinese offices actually send, strictest first."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc)
    if b"\x00" not in data:  # NUL bytes only occur in UTF-16 text (or in binary files)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    # No BOM and not UTF-8: every candidate that decodes competes; the reading with the most common
    # Chinese characters wins (GBK bytes also decode as Big5 or UTF-16, but into rare characters).
    candidates = []
    for enc in ("gb18030", "big5", "utf-16-le", "utf-16-be"):
        if (enc.startswith("utf-16") and len(data) % 2) or (not enc.startswith("utf-16") and b"\x00" in data):
            continue
        try:
            candidates.append((enc, data.decode(enc)))
        except UnicodeDecodeError:
            continue
    candidates = [(e, s) for e, s in candidates if _control_ratio(s) <= 0.02]
    if not candidates:
        raise input_error("not_text")
    best = max(candidates, key=lambda c: _plausibility(c[1]))[1]
    if _plausibility(best) < 0.2:
        raise input_error("not_text")
    return best


def _plausibility(s: str) -> float:
    """Share of characters a Chinese report is made of: common hanzi, ASCII text, CJK punctuation."""
    sample = s[:20000]
    if not sample:
        return 0.0
    ok = sum(1 for c in sample if c in _COMMON or (c.isascii() and (c.isprintable() or c in "\n\r\t")) or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef")
    return ok / len(sample)


# Characters that are frequent in simplified official prose; a Big5 misreading of GBK bytes produces rare ones.
_COMMON = set("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质南增众")


def read_txt(data: bytes) -> Document:
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    if _control_ratio(text) > 0.02:
        raise input_error("not_text")
    lines = text.split("\n")
    b = DocumentBuilder("txt")
    hard_wrapped = looks_hard_wrapped(lines)
    if hard_wrapped:
        b.notes.append("文本疑似从 PDF 复制（每行硬换行），已按段落重新拼接")
    i = 0
    while i < len(lines):
        if "\t" in lines[i].strip():  # a run of tab-separated lines is a table (两张清单 typed in a text file)
            j = i
            while j < len(lines) and "\t" in lines[j].strip():
                j += 1
            if j - i >= 2:
                b.table([ln.strip().split("\t") for ln in lines[i:j]])
                i = j
                continue
        j = i
        while j < len(lines) and not ("\t" in lines[j].strip() and j + 1 < len(lines) and "\t" in lines[j + 1].strip()):
            j += 1
        j = max(j, i + 1)
        chunk = lines[i:j]
        if hard_wrapped:
            for para in join_lines([Line(s) for s in chunk if not is_page_marker(s)]):
                b.paragraph(para)
        else:
            for s in chunk:
                b.paragraph(s)
        i = j
    return b.build()


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for c in text[:20000] if (ord(c) < 32 and c not in "\n\t\r\f") or 0xE000 <= ord(c) <= 0xF8FF or c == "\ufffd")
    return bad / min(len(text), 20000)


def looks_hard_wrapped(lines: list[str]) -> bool:
    """Text pasted from a PDF: most non-empty lines have about the same length and end mid-sentence."""
    body = [ln.strip() for ln in lines if len(ln.strip()) >= 8]
    if len(body) < 6:
        return False
    lengths = sorted(len(ln) for ln in body)
    typical = lengths[int(len(lengths) * 0.75)]
    full = [ln for ln in body if len(ln) >= typical * 0.9]
    mid_sentence = [ln for ln in full if ln[-1] not in "。！？；：”」）)!?;:"]
    return typical <= 60 and len(full) >= len(body) * 0.5 and len(mid_sentence) >= len(full) * 0.6


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def simplified_shadow(text: str) -> tuple[str, bool]:
    """(simplified text of the same length, whether the text is mostly traditional)."""
    if not text:
        return text, False
    conv = _t2s()
    shadow = conv.convert(text)
    if len(shadow) != len(text):  # phrase conversions can change length: fall back to one character at a time
        shadow = "".join(c if len(d := conv.convert(c)) != 1 else d for c in text)
    changed = sum(1 for a, b in zip(text, shadow, strict=True) if a != b)
    cjk = len(_CJK.findall(text)) or 1
    return shadow, changed / cjk > 0.03
