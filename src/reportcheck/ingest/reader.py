"""read_path/read_bytes: recognise the format from the content and call its reader."""

from __future__ import annotations

from pathlib import Path

from reportcheck.errors import input_error
from reportcheck.ingest.detect import detect
from reportcheck.ingest.document import Document
from reportcheck.limits import LIMITS

# the file names a folder of reports is read by (the format itself is always recognised from the content)
REPORT_SUFFIXES = (".txt", ".md", ".docx", ".docm", ".pdf", ".doc", ".wps", ".rtf", ".odt", ".ofd")


def load_bytes(path: str | Path) -> bytes:
    """A file's bytes, refusing an oversized file before reading it."""
    p = Path(path)
    try:
        if p.stat().st_size > LIMITS.input_bytes:
            raise input_error("too_large", limit=f"{LIMITS.input_bytes // (1024 * 1024)} MB")
        return p.read_bytes()
    except OSError as e:
        raise input_error("unreadable", detail=e.strerror or str(e)) from e


def read_path(path: str | Path) -> Document:
    return read_bytes(load_bytes(path), Path(path).name)


def read_bytes(data: bytes, name: str = "") -> Document:
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise input_error("empty")
    if len(data) > LIMITS.input_bytes:
        raise input_error("too_large", limit=f"{LIMITS.input_bytes // (1024 * 1024)} MB")
    fmt = detect(data, name)
    if fmt == "pdf":
        from reportcheck.ingest.pdf import read_pdf

        doc = read_pdf(data)
    elif fmt == "docx":
        from reportcheck.ingest.docx import read_docx

        doc = read_docx(data)
    elif fmt in ("doc", "wps", "rtf", "odt"):
        from reportcheck.ingest.legacy import read_legacy

        doc = read_legacy(data, fmt)
    elif fmt == "ofd":
        from reportcheck.ingest.ofd import read_ofd

        doc = read_ofd(data)
    elif fmt == "encrypted_office":
        raise input_error("encrypted_office")
    elif fmt == "image":
        raise input_error("image")
    elif fmt == "zip_other":
        raise input_error("unsupported", kind="压缩包或其他 Office 文件")
    else:
        from reportcheck.ingest.text import read_txt

        doc = read_txt(data)
    if not doc.text.strip():
        raise input_error("scanned" if fmt in ("pdf", "ofd") else "no_text")
    if len(doc.text) > LIMITS.chars:
        raise input_error("too_long", limit=LIMITS.chars)
    return doc
