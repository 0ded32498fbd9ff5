"""Every input that cannot be reviewed: exit code 3, one line on stderr saying what to do, no traceback."""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from builders import soffice_convert, txt_to_docx
from conftest import needs_soffice

from reportcheck.errors import InputError
from reportcheck.ingest import read_bytes

BIN = Path(sys.executable).parent
SMALL = "测试县委书记述职报告\n县委书记 张三\n一、主要工作\n全年发展党员12名。\n二、存在问题\n后备力量不足。\n三、下步打算\n6月底前完成储备。\n"


def _cli(path: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "reportcheck"), "review", str(path)], capture_output=True, text=True, env=env, timeout=300)


def _docx_with_document_xml(xml: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(txt_to_docx(SMALL)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info.filename, xml if info.filename == "word/document.xml" else src.read(info))
    return out.getvalue()


def _encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    plain = soffice_convert(txt_to_docx(SMALL), "docx", "pdf")
    w = PdfWriter()
    for page in PdfReader(io.BytesIO(plain)).pages:
        w.add_page(page)
    w.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def _scanned_pdf() -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (600, 800), "white")
    ImageDraw.Draw(img).rectangle([50, 50, 550, 120], fill="black")
    out = io.BytesIO()
    img.save(out, "PDF")
    return out.getvalue()


ENTITY_XML = b"""<?xml version="1.0"?>
<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;&b;</w:t></w:r></w:p></w:body></w:document>"""


def _zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            chunk = b" " * (1 << 20)
            for _ in range(260):  # 260 MB of spaces, about 250 KB compressed
                f.write(chunk)
    return out.getvalue()


CASES = {
    "empty": (lambda: b"", "empty"),
    "whitespace_only": (lambda: b"  \r\n\t \n", "empty"),
    "truncated_docx": (lambda: txt_to_docx(SMALL)[:3000], "corrupt_docx"),
    "random_bytes": (lambda: random.Random(7).randbytes(20000), "not_text"),
    "png_renamed_txt": (lambda: b"\x89PNG\r\n\x1a\n" + bytes(500), "image"),
    "docx_with_entities": (lambda: _docx_with_document_xml(ENTITY_XML), "xml_entities"),
    "zip_bomb": (_zip_bomb, "zip_bomb"),
    "encrypted_office": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600) + "EncryptedPackage".encode("utf-16-le") + bytes(600), "encrypted_office"),
    "other_zip": (lambda: _other_zip(), "unsupported"),
}


def _other_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("readme.txt", "hello")
    return out.getvalue()


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_raises_the_input_error(name: str) -> None:
    make, reason = CASES[name]
    with pytest.raises(InputError) as e:
        read_bytes(make(), f"{name}.docx")
    assert e.value.reason == reason
    assert "\n" not in e.value.message


@needs_soffice
@pytest.mark.parametrize("name,make,reason", [("encrypted.pdf", _encrypted_pdf, "encrypted_pdf"), ("scanned.pdf", _scanned_pdf, "scanned")])
def test_pdf_that_cannot_be_read(name, make, reason) -> None:
    with pytest.raises(InputError) as e:
        read_bytes(make(), name)
    assert e.value.reason == reason


def test_blank_pdf_has_no_text_and_is_not_called_a_scan() -> None:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    w.write(out)
    with pytest.raises(InputError) as e:
        read_bytes(out.getvalue(), "blank.pdf")
    assert e.value.reason == "no_text"


@needs_soffice
def test_cli_exit_3_with_one_line_for_each_bad_file(tmp_path: Path) -> None:
    files = {f"{n}.docx": m() for n, (m, _r) in CASES.items() if n != "zip_bomb"}
    files["scanned.pdf"] = _scanned_pdf()
    files["encrypted.pdf"] = _encrypted_pdf()
    for name, data in files.items():
        p = tmp_path / name
        p.write_bytes(data)
        r = _cli(p)
        assert r.returncode == 3, (name, r.stderr)
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("reportcheck: "), (name, r.stderr)
        assert "Traceback" not in r.stderr
    assert "OCR" in _cli(tmp_path / "scanned.pdf").stderr


@needs_soffice
def test_legacy_doc_without_libreoffice_asks_to_install_it(tmp_path: Path) -> None:
    p = tmp_path / "old.doc"
    p.write_bytes(soffice_convert(txt_to_docx(SMALL), "docx", "doc"))
    env = {**os.environ, "PATH": str(BIN)}  # soffice hidden
    r = _cli(p, env)
    assert r.returncode == 3
    assert "LibreOffice" in r.stderr and "另存为 .docx" in r.stderr


def test_misnamed_files_are_read_by_content(tmp_path: Path) -> None:
    docx_bytes = txt_to_docx(SMALL)
    doc = read_bytes(docx_bytes, "report.txt")
    assert doc.format == "docx"
    assert "全年发展党员12名。" in doc.text
