"""The ``aidlib`` command: normalize a report, extract its quantities, check data, write the report."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def _read(path: str) -> str:
    """Read a UTF-8 text file or exit with a one-line error naming it."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SystemExit(f"aidlib: {path}: no such file") from None
    except UnicodeDecodeError as err:
        raise SystemExit(f"aidlib: {path}: not UTF-8 (byte {err.start})") from None
    except IsADirectoryError:
        raise SystemExit(f"aidlib: {path}: is a directory, expected a text file") from None
    except OSError as err:
        raise SystemExit(f"aidlib: {path}: cannot be read: {err.strerror or err}") from None


def _cmd_normalize(args: argparse.Namespace) -> int:
    from aidlib.text import normalize

    result = normalize(_read(args.file))
    if not args.repairs:
        sys.stdout.write(result.text)
        return 0
    print("kind\traw_start\traw_end\tbefore\tafter")
    for r in result.repairs:
        before, after = (s.replace("\n", "\\n").replace("\t", "\\t") for s in (r.before, r.after))
        print(f"{r.kind}\t{r.raw_start}\t{r.raw_end}\t{before}\t{after}")
    return 0


EXTRACT_FIELDS = ("value", "unit", "unit_en", "qualifier", "damaged", "text", "context", "start", "end")


def _cmd_extract(args: argparse.Namespace) -> int:
    import csv
    import json

    from aidlib.quantities import find_quantities
    from aidlib.text import normalize_text

    text = normalize_text(_read(args.file))
    rows = []
    for q in find_quantities(text):
        context = text[max(0, q.start - args.context) : q.end + args.context].replace("\n", " ")
        row = {f: getattr(q, f, None) for f in EXTRACT_FIELDS}
        row["context"] = context
        rows.append(row)
    if args.format == "json":
        for row in rows:  # JSON has no NaN: a damaged value is null
            row["value"] = None if row["damaged"] else row["value"]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif args.format == "csv":
        writer = csv.DictWriter(sys.stdout, EXTRACT_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        print("| " + " | ".join(EXTRACT_FIELDS) + " |")
        print("|" + "---|" * len(EXTRACT_FIELDS))
        for row in rows:
            cells = (str(row[f]).replace("|", "\\|") for f in EXTRACT_FIELDS)
            print("| " + " | ".join(cells) + " |")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from aidlib.figures import check_figures
    from aidlib.metrics import check_exclusions, check_metrics

    metrics, problems = check_metrics(args.data)
    figures, more = check_figures(args.data)
    problems += more + check_exclusions(args.data)[1]
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"aidlib check: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"aidlib check: {metrics.path}: {len(metrics)} metrics OK (schema, quotes, values, sources)")
    print(f"aidlib check: {figures.path}: {len(figures)} cited figures OK (stated, vocabularies, citations)")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from aidlib.report import write_report

    write_report(Path(args.out), progress=lambda msg: print(msg, file=sys.stderr))
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with one subparser per command."""
    parser = argparse.ArgumentParser(prog="aidlib", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("normalize", help="print the repaired text of FILE (or its repairs)")
    p.add_argument("file", help="a UTF-8 text file, e.g. data/raw/guangzhou_shufu_2023.txt")
    p.add_argument("--repairs", action="store_true", help="list the repairs (TSV) instead")
    p.set_defaults(func=_cmd_normalize)

    p = sub.add_parser("extract", help="normalize FILE and list every quantity in it")
    p.add_argument("file", help="a UTF-8 text file")
    p.add_argument("--format", choices=("csv", "json", "markdown"), default="csv")
    p.add_argument("--context", type=int, default=12, help="characters of context each side (default 12)")
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("check", help="validate data/: metrics (schema, provenance, sources), cited figures")
    p.add_argument("--data", default=None, help="data folder (default: the project's data/)")
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser(
        "report",
        help="check data/, execute every notebook and write the HTML report into a folder",
        description="Check data/ (as aidlib check does), execute every notebooks/NN_*.ipynb in a fresh "
        "kernel, and write the HTML report: index.html (key figures, figures in context), one page per "
        "notebook with its code hidden, data.html (every metric and cited figure, with downloads), "
        "and the clean texts. The folder is replaced only when every notebook succeeded; on a failure "
        "it is left as it was and OUT.log holds the traceback.",
    )
    p.add_argument("--out", default="reports", help="output folder (default: reports), replaced as a whole")
    p.set_defaults(func=_cmd_report)
    return parser


def _one_line(err: BaseException) -> str:
    """The first line of an error's message (a DataError lists every problem after it)."""
    text = str(err).strip() or type(err).__name__
    first, _, rest = text.partition("\n")
    problems = getattr(err, "problems", None)
    if problems and len(problems) > 1:
        return f"{problems[0]} (and {len(problems) - 1} more: run aidlib check)"
    return first + (" …" if rest else "")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Every failure is one line on stderr and a non-zero status: 1 for bad input
    or data, 2 for a bad command line (argparse), 130 when interrupted. Set
    ``AIDLIB_DEBUG=1`` to see the traceback of an unexpected error.
    """
    import os

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # `aidlib normalize FILE | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print(f"aidlib {args.command}: interrupted", file=sys.stderr)
        return 130
    except Exception as err:  # every failure becomes one line, never a traceback
        if os.environ.get("AIDLIB_DEBUG"):
            raise
        # bad data, files, unknown ids, and aidlib's own errors (a failed notebook) are expected
        expected = isinstance(err, (ValueError, OSError, LookupError)) or type(err).__module__.startswith(
            "aidlib."
        )
        kind = "" if expected else f"unexpected {type(err).__name__}: "
        hint = "" if expected else " (set AIDLIB_DEBUG=1 for the traceback)"
        print(f"aidlib {args.command}: {kind}{_one_line(err)}{hint}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
