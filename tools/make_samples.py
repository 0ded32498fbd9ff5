"""Regenerate the .docx/.pdf demo samples from their text sources: python tools/make_samples.py

The samples are written as text (corpus/samples/src/); this makes the forms users submit:
Word with heading styles, Word typed with bold numbered headings, Word with the 两张清单 tables, PDF.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from builders import soffice_convert, txt_to_docx  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "samples"
PLAN = {  # source text -> (output name, how)
    "county_party_committee.txt": ("county_party_committee.docx", "styles"),
    "township.txt": ("township.docx", "bold"),
    "state_enterprise.txt": ("state_enterprise.docx", "styles"),
    "hospital.txt": ("hospital.pdf", "pdf"),
}


def main() -> None:
    src = SAMPLES / "src"
    for name, (out, how) in PLAN.items():
        text = (src / name).read_text(encoding="utf-8")
        data = soffice_convert(txt_to_docx(text, "styles"), "docx", "pdf") if how == "pdf" else txt_to_docx(text, how)
        (SAMPLES / out).write_bytes(data)
        print(f"{name} -> {out}")


if __name__ == "__main__":
    main()
