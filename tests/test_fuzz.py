"""Mutated real files: ingest either reads them or raises the one input error (exit 3), never anything else.

A bounded number of examples runs in `make test`; set HYPOTHESIS_PROFILE=long for a longer run.
"""

from __future__ import annotations

import io
import os
import zipfile
from functools import cache

from builders import txt_to_docx
from conftest import SAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportcheck.errors import InputError
from reportcheck.ingest import read_bytes
from reportcheck.review import review_bytes

settings.register_profile("ci", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@cache
def _docx() -> bytes:
    return txt_to_docx((SAMPLES / "village_branch.txt").read_text(encoding="utf-8"))


@cache
def _pdf() -> bytes:
    return (SAMPLES / "hospital.pdf").read_bytes()


def _survives(data: bytes, name: str) -> None:
    try:
        r = review_bytes(data, name)
    except InputError as e:
        assert e.message and "\n" not in e.message
        return
    for f in r.findings:
        assert r.text[f.start : f.end] == f.text


mutation = st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)), min_size=1, max_size=12)


def _mutate(data: bytes, edits: list[tuple[int, int]]) -> bytes:
    b = bytearray(data)
    for pos, val in edits:
        b[pos % len(b)] = val
    return bytes(b)


@given(mutation)
def test_flipped_bytes_in_a_docx(edits) -> None:
    _survives(_mutate(_docx(), edits), "r.docx")


@given(mutation)
def test_flipped_bytes_in_a_pdf(edits) -> None:
    _survives(_mutate(_pdf(), edits), "r.pdf")


@given(st.binary(min_size=0, max_size=3000))
def test_any_bytes_as_text(data) -> None:
    _survives(data, "r.txt")


@given(st.text(min_size=0, max_size=2000))
def test_any_text_in_utf8(text) -> None:
    _survives(text.encode("utf-8"), "r.txt")


@given(st.sampled_from(["word/document.xml", "word/styles.xml", "word/numbering.xml", "[Content_Types].xml"]),
       st.integers(min_value=0, max_value=4000), st.binary(min_size=0, max_size=40))
def test_damaged_xml_members_in_a_docx(member, cut, junk) -> None:
    src = zipfile.ZipFile(io.BytesIO(_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            raw = src.read(info)
            if info.filename == member:
                raw = raw[:cut] + junk + raw[cut + len(junk):]
            z.writestr(info.filename, raw)
    _survives(out.getvalue(), "r.docx")


def test_read_bytes_of_a_valid_docx_still_works() -> None:
    assert "工作亮点" in read_bytes(_docx(), "v.docx").text
