"""Rewrite the README's Accuracy section from `reportcheck eval corpus/test` and the shortcut check.

python tools/accuracy_table.py   (make accuracy)
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from reportcheck.measure.eval import as_markdown, evaluate  # noqa: E402
from reportcheck.measure.shortcuts import as_markdown as shortcut_markdown  # noqa: E402
from reportcheck.measure.shortcuts import run as shortcuts  # noqa: E402

START, END = "<!-- accuracy:start -->", "<!-- accuracy:end -->"


def main() -> int:
    test = ROOT / "corpus" / "test"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    figures = evaluate(test)
    block = "\n".join([
        START,
        f"Measured by `make eval` on `corpus/test` ({figures['reports']} held-out labeled reports) on {dt.date.today().isoformat()} "
        f"at commit `{commit}`. Nothing in `corpus/test` was used to choose a rule, word list or threshold.",
        "",
        as_markdown(figures),
        "How far cues that are not judgement get on the same reports (`make shortcuts`): for each label the best phrase "
        "(or any of three) present or absent in the report or in one part, the best threshold on a count of a stock-word "
        "list, the best 2–6-character n-gram, the best structure feature — each chosen on train+dev and scored on test — "
        "and the best single phrase chosen on test itself. tests/test_corpus.py fails if any reaches F1 0.75 on an "
        "anti-pattern or 0.85 accuracy on a level. The area rows are the best single phrase on test, for the area "
        "analyzer to beat:",
        "",
        shortcut_markdown(shortcuts(ROOT / "corpus")),
        END,
    ])
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _m: block, text, flags=re.S) if START in text else text + "\n" + block + "\n"
    readme.write_text(text, encoding="utf-8")
    print(block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
