"""Validate gold-label files (run with the project venv: it reads .docx/.pdf reports through ingest): .venv/bin/python tools/check_label.py corpus/train/r01_x.json [...]

Prints one line per problem (see reportcheck.measure.gold.check_label for what is checked).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from reportcheck.measure.gold import check_label  # noqa: E402

if __name__ == "__main__":
    bad = 0
    for arg in sys.argv[1:]:
        for e in check_label(Path(arg)):
            print(e)
            bad += 1
    print(f"{bad} problem(s)")
    sys.exit(1 if bad else 0)
