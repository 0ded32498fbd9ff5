"""Agreement between the corpus labels and a blind second labeling (Cohen's κ per label).

.venv/bin/python tools/agreement.py corpus/second_labeler corpus/second_labeler/key.json [--disagreements OUT.json]
KEY.json maps each blind id (bNN) to the label file it stands for, relative to corpus/. Prints a Markdown table.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from sklearn.metrics import cohen_kappa_score

AP = ("off_topic", "inflated", "evasive", "shallow", "toothless")
AREAS = tuple(f"A{i}" for i in range(1, 8))


def fields(label: dict) -> dict[str, object]:
    out: dict[str, object] = {f"antipattern {c}": bool(label["antipatterns"][c]["present"]) for c in AP}
    out.update({f"area {a}": bool(label["areas"][a]["covered"]) for a in AREAS})
    for i, v in enumerate(label["questions_answered"]):
        out[f"question {i + 1} answered"] = bool(v)
    out.update({f"structure {k}": bool(v) for k, v in label["structure"].items()})
    out.update({"evidence_level": label["evidence_level"], "first_person": label["first_person"], "overall": label["overall"]})
    return out


ORDER = {"evidence_level": ["low", "medium", "high"], "first_person": ["absent", "weak", "strong"], "overall": ["差", "一般", "较好", "好"]}


def main(argv: list[str]) -> int:
    blind_dir, key = Path(argv[0]), json.loads(Path(argv[1]).read_text())
    root = Path(argv[1]).resolve().parents[1]  # key paths are relative to corpus/
    pairs: dict[str, list[tuple[object, object]]] = {}
    disagreements = []
    for bid, gold_path in sorted(key.items()):
        bp = blind_dir / f"{bid}.json"
        if not bp.exists():
            continue
        a, b = fields(json.loads((root / gold_path).read_text())), fields(json.loads(bp.read_text()))
        for k in a:
            if k in b:
                pairs.setdefault(k.replace("question 2", "question 1") if k.startswith("question") else k, []).append((a[k], b[k]))
                if a[k] != b[k]:
                    disagreements.append({"blind": bid, "label_file": gold_path, "field": k, "first": a[k], "second": b[k]})
    groups = {"anti-patterns": [k for k in pairs if k.startswith("antipattern")], "areas": [k for k in pairs if k.startswith("area")],
              "other": [k for k in pairs if not k.startswith(("antipattern", "area"))]}
    print("| label | n | agreement | Cohen's κ |\n| --- | --- | --- | --- |")
    for keys in groups.values():
        for k in keys:
            x, y = zip(*pairs[k], strict=True)
            x, y = [str(v) for v in x], [str(v) for v in y]
            agree = sum(p == q for p, q in zip(x, y, strict=True)) / len(x)
            weights = "linear" if k in ORDER else None
            kappa = cohen_kappa_score(x, y, weights=weights, labels=ORDER.get(k)) if len(set(x) | set(y)) > 1 else float("nan")
            note = " (linear-weighted)" if weights else ""
            print(f"| {k} | {len(x)} | {agree:.2f} | {kappa:.2f}{note} |")
    if len(argv) > 3 and argv[2] == "--disagreements":
        Path(argv[3]).write_text(json.dumps(disagreements, ensure_ascii=False, indent=1))
        print(f"\n{len(disagreements)} disagreements written to {argv[3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
