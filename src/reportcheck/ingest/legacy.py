"""Legacy .doc (Word 97-2003), .wps (WPS Writer), .rtf and OpenDocument .odt through LibreOffice, then the .docx reader.

soffice is looked up on PATH at run time. Each conversion runs in a private temporary directory with
its own LibreOffice profile (two conversions sharing the default profile fail silently), a time limit,
and an argument list (never a shell string built from a file name).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from reportcheck.errors import input_error
from reportcheck.ingest.document import Document
from reportcheck.limits import LIMITS

_KIND = {"doc": "Word 97-2003 (.doc)", "wps": "WPS (.wps)", "rtf": "RTF", "odt": "OpenDocument (.odt)"}


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(data: bytes, fmt: str) -> bytes:
    exe = soffice_path()
    kind = _KIND.get(fmt, fmt)
    if exe is None:
        raise input_error("needs_libreoffice", kind=kind)
    with tempfile.TemporaryDirectory(prefix="reportcheck-") as tmp:
        # WPS Writer's .wps is an OLE file in Word's binary layout: LibreOffice's Word filter reads it
        src = Path(tmp) / f"input.{'doc' if fmt in ('doc', 'wps') else fmt}"
        src.write_bytes(data)
        profile = Path(tmp) / "profile"
        cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, str(src)]
        try:
            subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=LIMITS.convert_seconds, check=False)
        except subprocess.TimeoutExpired as e:
            raise input_error("conversion_failed", kind=kind, detail=f"超过 {LIMITS.convert_seconds} 秒") from e
        except OSError as e:
            raise input_error("conversion_failed", kind=kind, detail=str(e)) from e
        out = Path(tmp) / "input.docx"
        if not out.exists() or out.stat().st_size == 0:
            raise input_error("conversion_failed", kind=kind, detail="LibreOffice 未能生成 .docx，文件可能已损坏或加密")
        return out.read_bytes()


def read_legacy(data: bytes, fmt: str) -> Document:
    from reportcheck.ingest.docx import read_docx

    doc = read_docx(convert_to_docx(data, fmt))
    doc.format = fmt
    return doc
