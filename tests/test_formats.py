"""The same report as .txt, .docx (heading styles / bold typed) and PDF gives the same sections."""

from __future__ import annotations

import pytest
from builders import soffice_convert, txt_to_docx
from conftest import SAMPLES, needs_soffice, section_shape

from reportcheck.ingest import read_bytes
from reportcheck.review import review_bytes

SOURCES = sorted((SAMPLES / "src").glob("*.txt")) + [SAMPLES / "village_branch.txt", SAMPLES / "city_organ.txt"]


@pytest.fixture(scope="module", params=SOURCES, ids=lambda p: p.stem)
def variants(request):
    text = request.param.read_text(encoding="utf-8")
    styled = txt_to_docx(text, "styles")
    return {"txt": text.encode("utf-8"), "docx_styles": styled, "docx_bold": txt_to_docx(text, "bold")}, styled


@pytest.mark.parametrize("kind", ["docx_styles", "docx_bold"])
def test_docx_gives_the_same_sections_as_txt(variants, kind) -> None:
    files, _ = variants
    assert section_shape(review_bytes(files[kind], "r.docx")) == section_shape(review_bytes(files["txt"], "r.txt"))


@needs_soffice
@pytest.mark.slow
def test_pdf_export_gives_the_same_sections_and_text_as_txt(variants) -> None:
    files, styled = variants
    pdf = soffice_convert(styled, "docx", "pdf")
    txt_review = review_bytes(files["txt"], "r.txt")
    pdf_review = review_bytes(pdf, "r.pdf")
    assert section_shape(pdf_review) == section_shape(txt_review)
    # the PDF text is the report's text: the same paragraphs once the table cells are compared apart
    txt_paras = [p for p in txt_review.text.split("\n") if "\t" not in p]
    pdf_paras = [p for p in pdf_review.text.split("\n") if "\t" not in p]
    assert [p.replace(" ", "") for p in pdf_paras] == [p.replace(" ", "") for p in txt_paras]


def test_docx_tables_stand_where_they_are_in_the_body() -> None:
    text = (SAMPLES / "src" / "state_enterprise.txt").read_text(encoding="utf-8")
    doc = read_bytes(txt_to_docx(text), "se.docx")
    assert len(doc.tables) == 2
    assert doc.tables[0].rows[0][:2] == ["序号", "项目名称"]
    kinds = [b.kind for b in doc.blocks if b.kind != "cell"]
    assert kinds.index("table") > 10 and kinds[-1] == "table"
    blocks = [b for b in doc.blocks if b.kind != "cell"]
    heading_before = doc.block_text(blocks[kinds.index("table") - 1])
    assert "突破项目清单" in heading_before


def test_docx_heading_styles_and_bold_are_read() -> None:
    doc = read_bytes(txt_to_docx("标题\n述职人 甲\n一、主要工作\n正文一句。\n（一）子标题\n正文二句。\n", "styles"), "a.docx")
    levels = {doc.block_text(b): b.style_level for b in doc.blocks}
    assert levels["一、主要工作"] == 1 and levels["（一）子标题"] == 2 and levels["正文一句。"] is None
    kinds = {doc.block_text(b): b.kind for b in doc.blocks}
    assert kinds["一、主要工作"] == "heading" and kinds["正文一句。"] == "paragraph"  # heading candidates are their own kind
    assert doc.blocks[0].title_style
    bold = read_bytes(txt_to_docx("标题\n述职人 甲\n一、主要工作\n正文一句。\n", "bold"), "b.docx")
    flags = {bold.block_text(b): b.bold for b in bold.blocks}
    assert flags["一、主要工作"] and not flags["正文一句。"]
