"""Safe defaults for what one input may cost; override with REPORTCHECK_<NAME> environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields


@dataclass
class Limits:
    input_bytes: int = 50 * 1024 * 1024  # a report larger than this is not a report
    unzipped_bytes: int = 200 * 1024 * 1024  # total a .docx/.ofd may inflate to
    zip_entries: int = 5000
    pdf_pages: int = 300
    chars: int = 500_000
    convert_seconds: int = 120  # LibreOffice conversion of one .doc/.wps

    @classmethod
    def from_env(cls) -> Limits:
        lim = cls()
        for f in fields(cls):
            v = os.environ.get(f"REPORTCHECK_{f.name.upper()}")
            if v and v.isdigit():
                setattr(lim, f.name, int(v))
        return lim


LIMITS = Limits.from_env()
