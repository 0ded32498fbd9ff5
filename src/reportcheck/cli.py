"""Command line: argument parsing and exit codes only (0 reviewed, 2 usage, 3 unreadable input, 4 batch with failures)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reportcheck.errors import InputError

EXIT_OK, EXIT_USAGE, EXIT_INPUT, EXIT_BATCH = 0, 2, 3, 4


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="reportcheck", description="述职报告评审前筛查：结构、必述内容、必答题、数据事例、述“我”与五类问题")
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("review", help="review one report")
    r.add_argument("file")
    r.add_argument("--question", action="append", default=[], help="an assigned 必答题 (repeat for two)")
    r.add_argument("--prior", help="last year's report or feedback-letter problem list of the same unit")
    r.add_argument("--profile", help="profile name (see `reportcheck profiles`) or a .toml path")
    r.add_argument("--org-level", help="县委|乡镇党委|村党支部|… (guessed from the title when omitted)")
    r.add_argument("--format", choices=["text", "json", "markdown", "html"], default="text")
    r.add_argument("-o", "--output", help="write here instead of standard output")
    d = sub.add_parser("demo", help="review every report in a folder and write checklists and a summary")
    d.add_argument("dir")
    d.add_argument("-o", "--outdir", default="out")
    e = sub.add_parser("eval", help="score every detector against a folder of gold-labeled reports")
    e.add_argument("dir")
    e.add_argument("--json", dest="json_out", help="also write the figures as JSON here")
    e.add_argument("--markdown", dest="md_out", help="also write the figures as a Markdown table here")
    sub.add_parser("profiles", help="list built-in profiles")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.cmd == "review":
            return _review(args)
        if args.cmd == "demo":
            from reportcheck.demo import run_demo

            return EXIT_BATCH if run_demo(Path(args.dir), Path(args.outdir)) else EXIT_OK
        if args.cmd == "eval":
            from reportcheck.measure.eval import run_eval

            return run_eval(Path(args.dir), args.json_out, args.md_out)
        if args.cmd == "profiles":
            from reportcheck.profiles import available

            for name, desc in available().items():
                print(f"{name}\t{desc}")
            return EXIT_OK
    except InputError as e:
        print(f"reportcheck: {e.message}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        return EXIT_OK
    return EXIT_USAGE


def _review(args: argparse.Namespace) -> int:
    from reportcheck.profiles import UnknownProfile, load_profile
    from reportcheck.render import RENDERERS
    from reportcheck.review import review_file

    for path in (args.file, args.prior):
        if path and not Path(path).is_file():
            print(f"reportcheck: 找不到文件 {path}", file=sys.stderr)
            return EXIT_USAGE
    if args.profile:
        try:
            load_profile(args.profile)
        except UnknownProfile as e:
            print(f"reportcheck: {e}", file=sys.stderr)
            return EXIT_USAGE
    if len(args.question) > 2:
        print("reportcheck: 必答题最多 2 道（--question 至多两次）", file=sys.stderr)
        return EXIT_USAGE
    review = review_file(args.file, questions_=args.question, prior=args.prior, profile=args.profile, org_level=args.org_level)
    out = RENDERERS[args.format](review)
    if args.output:
        Path(args.output).write_text(out, encoding="utf-8")
    else:
        sys.stdout.write(out)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
