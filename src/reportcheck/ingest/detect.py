"""The format of a file from its content (magic bytes, zip members), not from its name."""

from __future__ import annotations

import io
import zipfile

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")
_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")


def detect(data: bytes, name: str = "") -> str:
    """One of: pdf docx ofd odt doc wps rtf encrypted_office image zip_other text."""
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if data.startswith(OLE):
        if _ENCRYPTED_OOXML in data[:200_000]:
            return "encrypted_office"  # a password-protected .docx is an OLE box around the encrypted package
        return "wps" if name.lower().endswith(".wps") else "doc"  # both convert the same way; the name only words the message
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(_IMAGES) or head[4:12] in (b"ftypheic", b"ftypmif1") or head[8:12] == b"WEBP":
        return "image"
    return "text"


def _zip_kind(data: bytes) -> str:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
        mimetype = zf.read("mimetype")[:100] if "mimetype" in names else b""
    except Exception:  # zipfile raises many types for damaged archives
        return "docx"  # a broken zip is most likely a truncated .docx: the docx reader says so
    if "word/document.xml" in names or any(n.startswith("word/") for n in names):
        return "docx"
    if "OFD.xml" in names or "ofd.xml" in {n.lower() for n in names}:
        return "ofd"
    if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
        return "odt"  # OpenDocument text (LibreOffice, WPS): converted by LibreOffice like .doc
    return "zip_other"
