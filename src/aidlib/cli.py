"""The ``aidlib`` command: normalize a report, extract its quantities, check data, write the report."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path


class InputError(ValueError):
    """An input file named on the command line cannot be read; the message names it."""


def _read(path: str) -> str:
    """Read a UTF-8 text file, or fail with a one-line error naming it (``aidlib COMMAND: path: …``)."""
    from aidlib.data.csvfile import regular_file_problem

    unusable = regular_file_problem(Path(path))  # a FIFO would block forever
    if unusable == "file not found":
        raise InputError(f"{path}: no such file")
    if unusable == "is a folder; expected a file":
        raise InputError(f"{path}: is a directory, expected a text file")
    if unusable:
        raise InputError(f"{path}: {unusable}")
    try:
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 (byte {err.start})") from None
    except OSError as err:
        raise InputError(f"{path}: cannot be read: {err.strerror or err}") from None


def _cmd_normalize(args: argparse.Namespace) -> int:
    from aidlib.text.normalizer import normalize

    result = normalize(_read(args.file))
    if not args.repairs:
        sys.stdout.write(result.text if result.text.endswith("\n") else result.text + "\n")
        return 0
    from aidlib.data.csvfile import spreadsheet_safe

    print("kind\traw_start\traw_end\tbefore\tafter")
    for r in result.repairs:  # source text: escaped to one cell, never a spreadsheet formula
        cells = (s.replace("\n", "\\n").replace("\t", "\\t") for s in (r.before, r.after))
        before, after = (spreadsheet_safe(c) for c in cells)
        print(f"{r.kind}\t{r.raw_start}\t{r.raw_end}\t{before}\t{after}")
    return 0


EXTRACT_FIELDS = (
    "source", "value", "high", "unit", "unit_en", "qualifier", "ratio", "damaged", "text", "context",
    "start", "end",
)  # fmt: skip


def _extract_one(path: str, context: int) -> list[dict]:
    """Normalize one file and list its quantities (runs in a worker process)."""
    from aidlib.quantities.chinese import find_quantities
    from aidlib.text.normalizer import normalize_text

    text = normalize_text(_read(path))
    rows = []
    for q in find_quantities(text):
        row = {f: getattr(q, f, None) for f in EXTRACT_FIELDS}
        row["source"] = path
        row["context"] = text[max(0, q.start - context) : q.end + context].replace("\n", " ")
        rows.append(row)
    return rows


def _extract_inputs(names: Sequence[str]) -> list[str]:
    """Files named, and the ``*.txt`` files of folders named (sorted), without repeats."""
    files: list[str] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            found = sorted(str(p) for p in path.rglob("*.txt") if p.is_file())
            if not found:
                raise FileNotFoundError(f"{name}: folder holds no .txt file")
            files += found
        elif not path.exists():
            raise FileNotFoundError(f"{name}: no such file or folder")
        else:
            files.append(name)
    return list(dict.fromkeys(files))


class _Progress:
    """A one-line progress bar on stderr (no dependency): ``extract  37/100 [#####.....]``."""

    def __init__(self, total: int, enabled: bool, label: str = "extract"):
        self.total, self.done, self.enabled, self.label = total, 0, enabled, label

    def step(self) -> None:
        self.done += 1
        if self.enabled:
            width = 30
            filled = width * self.done // max(self.total, 1)
            bar = "#" * filled + "." * (width - filled)
            end = "\n" if self.done == self.total else ""
            print(f"\r{self.label} {self.done:>{len(str(self.total))}}/{self.total} [{bar}]", end=end,
                  file=sys.stderr, flush=True)  # fmt: skip


def extract_files(files: Sequence[str], context: int = 12, jobs: int | None = None,
                  progress: bool = False) -> list[dict]:  # fmt: skip
    """Extract the quantities of many files, in parallel processes; rows in input order.

    ``jobs`` 1 runs in this process; ``None`` uses one process per core (at most
    one per file). The order of the rows never depends on which worker finishes first.
    """
    import os
    from concurrent.futures import ProcessPoolExecutor

    bar = _Progress(len(files), progress)
    jobs = min(jobs or os.cpu_count() or 1, len(files))  # never more workers than files
    results: list[list[dict]] = [[] for _ in files]
    if jobs <= 1 or len(files) <= 1:
        for i, path in enumerate(files):
            results[i] = _extract_one(path, context)
            bar.step()
    else:
        from concurrent.futures import as_completed

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = {pool.submit(_extract_one, path, context): i for i, path in enumerate(files)}
            try:
                for future in as_completed(futures):
                    results[futures[future]] = future.result()
                    bar.step()
            except BaseException:
                for future in futures:
                    future.cancel()
                raise
    return [row for rows in results for row in rows]


def _cmd_extract(args: argparse.Namespace) -> int:
    import csv
    import json

    files = _extract_inputs(args.files)
    show = args.progress or (args.progress is None and sys.stderr.isatty())
    rows = extract_files(files, args.context, args.jobs, progress=show)
    if not rows:  # still a valid (empty) table on stdout; the note goes to stderr
        print(f"aidlib extract: no quantities found in {len(files)} file(s)", file=sys.stderr)
    if args.format == "json":
        for row in rows:  # JSON has no NaN: a damaged value is null
            row["value"] = None if row["damaged"] else row["value"]
            row["high"] = None if row["damaged"] else row["high"]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif args.format == "csv":
        from aidlib.data.csvfile import spreadsheet_safe

        writer = csv.DictWriter(sys.stdout, EXTRACT_FIELDS, lineterminator="\n")
        writer.writeheader()
        for row in rows:  # text from a source never runs as a spreadsheet formula; numbers stay numbers
            writer.writerow({f: spreadsheet_safe(v) for f, v in row.items()})
    else:
        print("| " + " | ".join(EXTRACT_FIELDS) + " |")
        print("|" + "---|" * len(EXTRACT_FIELDS))
        for row in rows:
            cells = ("" if row[f] is None else _markdown_cell(str(row[f])) for f in EXTRACT_FIELDS)
            print("| " + " | ".join(cells) + " |")
    return 0


_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")


def _markdown_cell(text: str) -> str:
    """A table cell on one line: ``|`` escaped, every line break a space."""
    return _LINE_BREAKS.sub(" ", text).replace("|", "\\|")


def _cmd_init(args: argparse.Namespace) -> int:
    import shlex

    from aidlib.data.curate import init_data

    written = init_data(args.dir, title=args.title, name=args.name)
    print(f"aidlib init: {Path(args.dir).absolute()}: an empty data package: {', '.join(written)}")
    print("aidlib init: next: aidlib add-source FILE --id ID --outlet OUTLET --published YYYY "
          f"--data {shlex.quote(args.dir)}")  # fmt: skip
    return 0


def _cmd_add_source(args: argparse.Namespace) -> int:
    from aidlib.data.curate import add_source

    record = add_source(
        args.file, args.id, outlet=args.outlet, published=args.published, url=args.url or "",
        title=args.title or "", author=args.author or "", period_covered=args.period or "",
        language=args.language, licence=args.licence or "", damage=args.damage or "", data=args.data,
    )  # fmt: skip
    print(f"aidlib add-source: {record['source_id']}: {record['path']} sha256 {record['sha256']}")
    return 0


def _cmd_draft(args: argparse.Namespace) -> int:
    from aidlib.data.curate import write_draft

    text = write_draft(args.source_id, args.out, args.data)
    if args.out is None:
        sys.stdout.write(text)
    else:
        rows = text.count("\n") - 1
        print(f"aidlib draft: {args.out}: {rows} draft rows; fill label_en and label_zh, then aidlib check")
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from aidlib.data.check import check_data

    checked = check_data(args.data)  # the report's own gate
    for problem in checked.problems:
        print(problem, file=sys.stderr)
    if checked.problems:
        print(f"aidlib check: {len(checked.problems)} problem(s)", file=sys.stderr)
        return 1
    assert checked.metrics is not None and checked.figures is not None
    from aidlib.data.sources import source_ids

    sources = len(source_ids(checked.folder))
    print(f"aidlib check: {checked.metrics.path}: {len(checked.metrics)} metrics of {sources} source(s) OK "
          "(schema, quotes, values, sources)")  # fmt: skip
    print(f"aidlib check: {checked.figures.path}: {len(checked.figures)} cited figures OK "
          "(stated, vocabularies, citations)")  # fmt: skip
    idle = checked.unapplied
    unused = f"; {len(idle)} apply to no source yet: {', '.join(idle)}" if idle else ""
    print(f"aidlib check: {checked.folder / 'indicators.csv'}: {len(checked.declarations)} indicator "
          f"declarations OK (operations, inputs, every source named can compute them{unused})")  # fmt: skip
    if checked.references is not None:
        print(f"aidlib check: {checked.references.path}: {len(checked.references)} references OK "
              "(ids, dates, URLs)")  # fmt: skip
    print(f"aidlib check: {checked.folder / 'datapackage.json'}: {len(checked.published)} files listed, "
          "all readable")  # fmt: skip
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from aidlib.report.build import write_report

    write_report(
        Path(args.out), progress=lambda msg: print(msg, file=sys.stderr),
        notebooks=args.notebooks, data=args.data,
    )  # fmt: skip
    return 0


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Show each option's default (when it has one worth showing) after its help."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        shown = action.default not in (None, False, argparse.SUPPRESS) and action.option_strings
        if shown and "%(default)" not in text and "default" not in text:
            text += " (default: %(default)s)"
        return text


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line: ``aidlib extract: error: … (see --help)``."""

    def error(self, message: str):  # noqa: D102 - argparse's hook
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _whole_number(minimum: int, what: str):
    """An argparse type: a whole number >= ``minimum`` (argparse names the flag in its one-line error)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{value} is too small: give {minimum} or more {what}")
        return value

    return parse


class _VersionAction(argparse.Action):
    """``--version``: print the package's and the data's versions (read only when asked) and exit."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        from aidlib import __version__
        from aidlib.data.package import PackageError, data_version
        from aidlib.data.paths import data_dir

        try:
            folder = data_dir()
            line = f"aidlib {__version__}, data {data_version(folder)} ({folder})"
        except (FileNotFoundError, PackageError) as err:
            line = f"aidlib {__version__}, data unknown ({err})"
        print(line)
        parser.exit(0)


def _nonempty(what: str):
    """An argparse type: a non-empty path (``--out ""`` would mean the current folder)."""

    def parse(text: str) -> str:
        if not text.strip():
            raise argparse.ArgumentTypeError(f"is empty: give {what}")
        return text

    return parse


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with one subparser per command."""
    parser = _Parser(
        prog="aidlib",
        description="Repair a damaged Chinese report, extract its quantities, curate and check the data, "
        "and write the report. Every failure is one line on stderr and a non-zero exit.",
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction, help="print the package and data versions")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    data_folder = _nonempty("a folder, e.g. data")

    def add(name: str, summary: str, description: str = "") -> argparse.ArgumentParser:
        description = description or summary[0].upper() + summary[1:] + "."
        return sub.add_parser(name, help=summary, description=description, formatter_class=_HelpFormatter)

    p = add("normalize", "print the repaired text of FILE (or, with --repairs, the list of repairs)")
    p.add_argument("file", help="a UTF-8 text file, e.g. data/raw/guangzhou_shufu_2023.txt")
    p.add_argument("--repairs", action="store_true", help="list the repairs (TSV) instead")
    p.set_defaults(func=_cmd_normalize)

    p = add("extract", "normalize files (or folders of .txt files) and list every quantity in one table")
    p.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files, or folders of *.txt files")
    p.add_argument("--format", choices=("csv", "json", "markdown"), default="csv", help="output format")
    characters, workers = _whole_number(0, "characters"), _whole_number(1, "worker processes")
    p.add_argument("--context", type=characters, default=12, help="characters of context each side")
    p.add_argument("--jobs", type=workers, default=None, help="worker processes (default: one per core)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar on stderr (default: only when stderr is a terminal)")  # fmt: skip
    p.set_defaults(func=_cmd_extract)

    p = add("init", "write an empty, valid data package into DIR, a new or empty folder",
            "Write an empty data package into DIR (a new or empty folder; nothing is ever overwritten): "
            "datapackage.json with every table's schema, each table as its header alone, and raw/. "
            "aidlib check --data DIR passes on it; then add sources with aidlib add-source --data DIR.")
    p.add_argument("dir", metavar="DIR", type=_nonempty("a new folder, e.g. mydata"),
                   help="the folder to create (or an empty one)")  # fmt: skip
    p.add_argument("--title", help="the package's title (default: one naming DIR)")
    p.add_argument("--name", help="the package's name: lowercase letters, digits, . _ - (default: from DIR)")
    p.set_defaults(func=_cmd_init)

    p = add("add-source", "copy FILE into data/raw/ byte for byte and record it in data/sources.csv")
    p.add_argument("file", help="the source text as published (UTF-8), copied byte for byte")
    p.add_argument("--id", required=True, help="source id, e.g. guangzhou_shufu_2024")
    p.add_argument("--outlet", required=True, help="publishing outlet")
    p.add_argument("--published", required=True, help="publication date: 2023, 2023-11 or 2023-11-13")
    p.add_argument("--url", help="where it was published")
    p.add_argument("--title", help="title or opening line")
    p.add_argument("--author", help="reporter and correspondent as credited")
    p.add_argument("--period", help="the year the report covers, or its span of years: 2023, 2021/2023 "
                   "(default: the year of --published)")
    p.add_argument("--language", default="zh", help="BCP 47 language code, e.g. zh, zh-Hans, en")
    p.add_argument("--licence", help="rights in the source text")
    p.add_argument("--damage", help="what is wrong with the published copy")
    p.add_argument("--data", type=data_folder, help="data folder (default: the project's data/)")
    p.set_defaults(func=_cmd_add_source)

    p = add("draft", "draft metrics.csv rows for a recorded source, for a curator to label and check")
    p.add_argument("source_id", help="a source_id of data/sources.csv")
    p.add_argument("--out", default=None, type=_nonempty("a file name"),
                   help="write the draft CSV here (never overwritten; default stdout)")  # fmt: skip
    p.add_argument("--data", type=data_folder, help="data folder (default: the project's data/)")
    p.set_defaults(func=_cmd_draft)

    p = add("check", "validate data/: metrics (schema, provenance, sources), cited figures, exclusions")
    p.add_argument("--data", type=data_folder, help="data folder (default: the project's data/)")
    p.set_defaults(func=_cmd_check)

    p = add(
        "report",
        "check the data, run the notebooks, write the HTML report (a page per source) into a folder",
        "Check the data folder (as aidlib check does), execute the study's notebooks (index.ipynb and "
        "every NN_*.ipynb) in fresh kernels, and write the HTML report: index.html (the study's summary "
        "if any, every source, the notebooks), a page per source (its totals, derived figures and every "
        "figure with its quote), compare.html when there are several sources, one page per notebook "
        "with its code hidden, data.html (every metric and cited figure, with downloads) and the clean "
        "texts. A notebook whose needs (its metadata) the data lacks is skipped with one line. The "
        "folder is replaced only when every notebook run succeeded; on a failure it is left as it was "
        "and OUT.log holds the traceback.",
    )
    p.add_argument("--out", default="reports", type=_nonempty("a folder of its own, e.g. reports"),
                   help="output folder, replaced as a whole")  # fmt: skip
    p.add_argument("--data", default=None, type=data_folder,
                   help="data folder (default: the checkout's data/, else the copy shipped with aidlib; "
                   "resolved once and handed to the notebooks)")
    p.add_argument("--notebooks", default=None, type=_nonempty("a folder of NN_topic.ipynb notebooks"),
                   help="folder of NN_topic.ipynb notebooks "
                   "(default: the checkout's notebooks/, else the copies shipped with aidlib)")  # fmt: skip
    p.set_defaults(func=_cmd_report)
    return parser


def _one_line(err: BaseException) -> str:
    """The first line of an error's message (a DataError lists every problem after it)."""
    if isinstance(err, OSError) and err.filename and err.strerror:  # name the file, not [Errno 2]
        return f"{err.filename}: {err.strerror}"
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
    import signal
    import warnings

    args = build_parser().parse_args(argv)

    def terminate(signum, frame):  # `kill`, `timeout`: clean up as for Ctrl-C (no half-built folder left)
        raise KeyboardInterrupt

    if argv is None:  # the command itself, not a call from Python code
        signal.signal(signal.SIGTERM, terminate)

    def show(message, category, filename, lineno, file=None, line=None) -> None:  # one line, no source
        print(f"aidlib {args.command}: warning: {message}", file=sys.stderr)

    try:
        with warnings.catch_warnings():
            warnings.showwarning = show
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
