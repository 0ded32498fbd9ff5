"""Turn some corpus reports from .txt into the files offices submit (.docx with heading styles, .docx typed with bold
numbered headings, PDF exported by LibreOffice), keeping their labels: python tools/corpus_formats.py

A conversion is kept only if every anchor and span of the label is still found exactly once in the text
reportcheck reads from the new file; the .txt is then removed (git keeps it).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))
from builders import soffice_convert, txt_to_docx  # noqa: E402

from reportcheck.measure.gold import check_label  # noqa: E402

PLAN = {  # report -> target
    "train/r01_xiangzhen": "docx-bold", "train/r22_shizhi": "pdf", "train/r33_shizhi": "docx-styles",
    "dev/r53_xianzhi": "docx-styles", "dev/r45_shizhi": "pdf",
    "test/r69_xiangzhen": "docx-styles", "test/r80_xuexiao": "pdf", "test/r59_xianwei": "docx-bold",
}


def main() -> int:
    for name, target in PLAN.items():
        src = ROOT / "corpus" / f"{name}.txt"
        if not src.exists():
            continue
        text = src.read_text(encoding="utf-8")
        if target == "pdf":
            data, ext = soffice_convert(txt_to_docx(text, "styles"), "docx", "pdf"), ".pdf"
        else:
            data, ext = txt_to_docx(text, target.split("-")[1]), ".docx"
        out = src.with_suffix(ext)
        out.write_bytes(data)
        src.rename(src.with_suffix(".txt.bak"))
        problems = check_label(src.with_suffix(".json"))
        if problems:
            out.unlink()
            src.with_suffix(".txt.bak").rename(src)
            print(f"kept {name}.txt: {problems[:2]}")
        else:
            src.with_suffix(".txt.bak").unlink()
            print(f"{name}.txt -> {out.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
