r"""The one reader of the project's tables (``*.csv``, ``*.tsv``): for checking and for loading.

``aidlib check`` and every loader (:func:`aidlib.load_metrics`, the source records,
the cited figures) parse a file through :func:`read_table`, so a file passes the
check if and only if it loads. The rules:

- The file is UTF-8. A UTF-8 byte-order mark is accepted and ignored (spreadsheet
  programs write one); a UTF-16 or UTF-32 mark, or bytes that are not UTF-8, are
  refused with the line and byte where decoding failed.
- A record ends only at ``\n``, ``\r\n`` or ``\r`` outside quotes. A quoted cell
  may hold line breaks; U+2028, U+2029, U+0085, vertical tab and form feed are
  ordinary characters inside a cell, never a row break.
- Every problem names the *physical* line on which its record starts, so a quoted
  note with line breaks does not shift the numbers of the rows after it.
- Every record has exactly as many cells as the header; a quote opened and never
  closed (a row cut inside a quoted cell) is an error naming the line it opened on.
- The header has no blank or repeated names; with ``columns`` given, every one of
  them must be present and no other is allowed (nothing is silently dropped).
- Blank lines are skipped, and so are rows whose every cell is empty (``,,,,``, the
  blank rows spreadsheets write): they hold nothing.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

# A number cell: ASCII digits, optional sign, decimal point and exponent.
_VALUE = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?", re.ASCII)
_BOMS = {
    b"\xef\xbb\xbf": None,  # UTF-8: accepted
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}


# Cells a spreadsheet would run as a formula (OWASP, CSV injection): =, +, -, @, and tab or
# carriage return, which some programs strip before looking.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def path_inside(folder: str | os.PathLike[str], relative: str | os.PathLike[str]) -> Path:
    """Return ``folder / relative``, proven to stay inside ``folder`` (symlinks resolved).

    Raises:
        ValueError: the path is absolute, climbs out with ``..``, or resolves outside ``folder``.

    Examples:
        >>> path_inside("/tmp/r", "a.clean.txt").as_posix()
        '/tmp/r/a.clean.txt'
        >>> path_inside("/tmp/r", "../x")
        Traceback (most recent call last):
        ...
        ValueError: '../x' is not a path inside /tmp/r
    """
    base = Path(folder)
    rel = Path(relative)
    target = base / rel
    inside = (
        str(relative) != ""
        and "\x00" not in str(relative)
        and not rel.is_absolute()
        and ".." not in rel.parts
        and target.resolve().is_relative_to(base.resolve())
    )
    if not inside:
        raise ValueError(f"{str(relative)!r} is not a path inside {base}")
    return target


def spreadsheet_safe(cell: object) -> object:
    """Neutralise a text cell a spreadsheet would run as a formula; numbers pass unchanged.

    OWASP's advice for CSV injection: a cell starting with ``=``, ``+``, ``-``, ``@``,
    tab or carriage return gets a leading ``'``, which spreadsheets show as text.

    Examples:
        >>> spreadsheet_safe("=HYPERLINK(1)"), spreadsheet_safe("-3.2%"), spreadsheet_safe(-3.2)
        ("'=HYPERLINK(1)", "'-3.2%", -3.2)
        >>> spreadsheet_safe("投入5.3亿元")
        '投入5.3亿元'
    """
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def regular_file_problem(path: Path) -> str | None:
    """What stops ``path`` from being read as a data file, or None when it is a readable regular file.

    A FIFO would block a reader forever and a dangling link names nothing: both are
    refused before any read, with the same one-line message the loaders give.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "a dangling symbolic link; expected a file" if path.is_symlink() else "file not found"
    except OSError as err:
        return f"cannot be read: {err.strerror or err}"
    if stat.S_ISDIR(mode):
        return "is a folder; expected a file"
    if not stat.S_ISREG(mode):
        return "is not a regular file (a FIFO, socket or device); expected a file"
    if not os.access(path, os.R_OK):
        return "cannot be read: Permission denied"
    return None


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file, located by line and column.

    ``line`` 0 means the file as a whole; ``column`` empty means the whole row.
    """

    path: Path
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: column {self.column}: {self.message}" if self.column else f"{where}: {self.message}"


class DataError(ValueError):
    """A data file failed its checks; ``problems`` lists every failure, one line each."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        lines = "\n".join(str(p) for p in problems)
        super().__init__(f"{problems[0]}{more}\n{lines}" if more else str(problems[0]))


@dataclass(frozen=True)
class Table:
    """The rows of a data file that parsed, each with the physical line it starts on."""

    path: Path
    header: tuple[str, ...]
    rows: tuple[dict[str, str], ...]
    lines: tuple[int, ...]

    def __iter__(self):
        """Iterate over ``(line, row)`` pairs."""
        return iter(zip(self.lines, self.rows, strict=True))

    def __len__(self) -> int:
        return len(self.rows)


def _decode(path: Path, blob: bytes) -> tuple[str | None, Problem | None]:
    for bom, name in _BOMS.items():
        if blob.startswith(bom):
            if name is None:
                blob = blob[len(bom) :]
                break
            return None, Problem(path, 1, "", f"starts with a {name} byte-order mark; save the file as UTF-8")
    try:
        return blob.decode("utf-8"), None
    except UnicodeDecodeError as err:
        line = blob[: err.start].count(b"\n") + 1
        hint = ""
        try:
            blob.decode("gb18030")
            hint = " (it reads as GBK/GB18030)"
        except UnicodeDecodeError:
            pass
        return None, Problem(path, line, "", f"not UTF-8 (byte {err.start}){hint}; save the file as UTF-8")


def read_table(
    path: str | Path, columns: tuple[str, ...] | None = None, *, delimiter: str = ","
) -> tuple[Table | None, list[Problem]]:
    r"""Parse a CSV (or, with ``delimiter="\t"``, TSV) file by the rules above.

    Returns:
        The table (``None`` when the file as a whole cannot be read) and the
        problems found. Rows with problems are left out of the table, so the
        caller must treat any problem as a failure: nothing is dropped silently.

    Examples:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
        >>> _ = p.write_text('id,note\na,"two\nlines"\nb,x\n', encoding="utf-8")
        >>> table, problems = read_table(p, ("id", "note"))
        >>> list(table), problems
        ([(2, {'id': 'a', 'note': 'two\nlines'}), (4, {'id': 'b', 'note': 'x'})], [])
    """
    path = Path(path)
    unusable = regular_file_problem(path)
    if unusable:
        return None, [Problem(path, 0, "", unusable)]
    try:
        blob = path.read_bytes()
    except OSError as err:
        return None, [Problem(path, 0, "", f"cannot be read: {err.strerror or err}")]
    text, problem = _decode(path, blob)
    if problem:
        return None, [problem]
    if not text.strip():
        return None, [Problem(path, 0, "", "file is empty; expected a header and rows")]
    if "\x00" in text:  # corruption, never data
        line = text.count("\n", 0, text.index("\x00")) + 1
        return None, [Problem(path, line, "", "contains a NUL byte; the file is damaged or not text")]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: tuple[str, ...] = ()
    rows, lines, problems = [], [], []
    done = 0  # physical lines consumed so far
    while True:
        start = done + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            what = str(err)
            if "end of data" in what or "expected after" in what:
                what = f"a quoted cell opened on line {start} is not closed properly ({err})"
            problems.append(
                Problem(path, start, "", f"malformed {'TSV' if delimiter == chr(9) else 'CSV'}: {what}")
            )
            break  # the rest of the file cannot be read reliably after a broken quote
        done = reader.line_num
        if not cells or (header and not any(c.strip() for c in cells)):
            continue  # a blank line, or a spreadsheet's blank row (,,,,): nothing in it to lose
        if not header:
            header = tuple(cells)
            wrong = _wrong_separator(header, columns, delimiter)
            if wrong:
                return None, [Problem(path, 1, "", wrong)]
            problems += _check_header(path, header, columns)
            if problems:
                return None, problems
            continue
        if len(cells) != len(header):
            problems.append(
                Problem(path, start, "", f"{len(cells)} cells, expected {len(header)} (the header's columns)")
            )
            continue
        rows.append(dict(zip(header, cells, strict=True)))
        lines.append(start)
    if not header:
        return None, problems or [Problem(path, 0, "", "file is empty; expected a header and rows")]
    return Table(path, header, tuple(rows), tuple(lines)), problems


_SEPARATORS = {",": "comma", "\t": "tab", ";": "semicolon", "|": "pipe"}


def _wrong_separator(header: tuple[str, ...], columns: tuple[str, ...] | None, delimiter: str) -> str | None:
    """One line when the header was written with another separator (a spreadsheet's ``;``)."""
    if not columns or len(columns) < 2 or len(header) != 1:
        return None
    for sep, kind in _SEPARATORS.items():
        if sep != delimiter and sep in header[0]:
            return f"the header is {kind}-separated; this file must be {_SEPARATORS[delimiter]}-separated"
    return None


def _check_header(path: Path, header: tuple[str, ...], columns: tuple[str, ...] | None) -> list[Problem]:
    out = []
    seen = set()
    for name in header:
        if "\ufeff" in name:
            out.append(
                Problem(path, 1, "", "a byte-order mark (U+FEFF) inside the header; save as UTF-8 without it")
            )
        elif not name.strip():
            out.append(Problem(path, 1, "", "a column has no name in the header"))
        elif name in seen:
            out.append(Problem(path, 1, name, "appears twice in the header"))
        seen.add(name)
    if columns is None:
        return out
    expected = ",".join(columns)
    if not seen & set(columns):  # one cause (the wrong file, or no header row), one line
        none = f"the header has none of the expected columns; expected {expected}"
        return [*out, Problem(path, 1, "", none)]
    out += [
        Problem(path, 1, c, f"missing column; expected header {expected}") for c in columns if c not in seen
    ]
    out += [
        Problem(path, 1, c, f"unknown column; expected header {expected}")
        for c in header
        if c.strip() and "\ufeff" not in c and c not in columns
    ]
    return out


def load_table(path: str | Path, columns: tuple[str, ...] | None = None, *, delimiter: str = ",") -> Table:
    """Parse a table like :func:`read_table`, raising on any problem.

    Raises:
        DataError: the file or a row broke a rule; the message names file, line and column.
    """
    table, problems = read_table(path, columns, delimiter=delimiter)
    if problems or table is None:
        raise DataError(problems)
    return table


def parse_value(text: str) -> float | None:
    """Read a ``value`` cell: ASCII digits, an optional sign, point and exponent; else None.

    Python's ``float`` also takes ``1_0``, full-width ``１０``, ``inf``, ``nan`` and
    padding; a curated value may use none of them, so a typo cannot load as a number.

    Examples:
        >>> parse_value("530000000"), parse_value("-3.2"), parse_value("1.5e8")
        (530000000.0, -3.2, 150000000.0)
        >>> parse_value("1_0"), parse_value("１０"), parse_value("inf"), parse_value(" 10")
        (None, None, None, None)
    """
    if not _VALUE.fullmatch(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def plain_number(x: float) -> str:
    """Write a number the way a CSV cell holds it: every digit, no exponent, no separators.

    The data stage's one number style, for the cells aidlib writes (:func:`number_cell`) and
    the numbers its messages quote; a reader's number style is :mod:`aidlib.analysis.numbers`.

    Examples:
        >>> plain_number(530000000.0), plain_number(0.5), plain_number(6.423e7), plain_number(-3.2)
        ('530000000', '0.5', '64230000', '-3.2')
    """
    from decimal import Decimal

    if math.isnan(x) or math.isinf(x):
        return str(x)
    if float(x).is_integer():
        return str(int(x))
    return format(Decimal(repr(x)).normalize(), "f")


def number_cell(x: float | None) -> str:
    """Write a number into a CSV cell as :func:`plain_number` does; None or NaN is an empty cell.

    Examples:
        >>> number_cell(64230000.0), number_cell(1.25), number_cell(None), number_cell(float("nan"))
        ('64230000', '1.25', '', '')
    """
    if x is None or math.isnan(x):
        return ""
    return plain_number(x)
