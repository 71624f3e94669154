"""The source records (``data/sources.csv``) and checksum-verified source texts."""

from __future__ import annotations

import difflib
import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from aidlib.data.csvfile import Problem, path_inside, read_table, regular_file_problem
from aidlib.data.paths import data_dir
from aidlib.data.schema import row_checker

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

SOURCES_FILE = "sources.csv"


class SourceError(ValueError):
    """A source is unknown, missing, altered or not UTF-8."""


SOURCE_COLUMNS = (
    "source_id", "title", "outlet", "author", "published", "period_covered", "language", "script",
    "path", "sha256", "licence", "damage", "url",
)  # fmt: skip


def read_sources(
    data: str | os.PathLike[str] | None = None,
) -> tuple[dict[str, dict[str, str]], list[Problem], set[str]]:
    """Read ``sources.csv`` with the project's one reader, every cell by the schema's rules.

    The rules (:mod:`aidlib.data.schema`): an id is a name that may name a file (never a
    path), unique; outlet, published (a date 2023, 2023-11 or 2023-11-13), language (BCP
    47), path (inside the data folder) and sha256 (lowercase hex) are given; a URL is
    http(s). Whether the raw file is there and keeps its SHA-256 is checked on reading it.

    Returns:
        The records by id (each with ``line``, its line in ``sources.csv``), the
        problems found, and the ids of rows left out because of a problem (so
        that rows quoting them are not re-reported as quoting an unknown source).
    """
    path = data_dir(data) / SOURCES_FILE
    table, problems = read_table(path, SOURCE_COLUMNS)
    records: dict[str, dict[str, str]] = {}
    rejected: set[str] = set()
    if table is None:
        return records, problems, rejected
    rows = row_checker("sources", table.path)
    for line, row in table:
        bad, _ = rows.check(line, row)
        if not bad and "/" in row["period_covered"]:  # a span runs forwards
            start, _, end = row["period_covered"].partition("/")
            if end <= start:
                message = f"{row['period_covered']!r} ends before it starts (or is one year: write {start})"
                bad.append(Problem(table.path, line, "period_covered", message))
        problems += bad
        if bad:
            rejected.add(row["source_id"])
        else:
            records[row["source_id"]] = {**row, "line": str(line)}
    return records, problems, rejected


def _records(data: str | os.PathLike[str] | None = None) -> dict[str, dict[str, str]]:
    records, problems, _ = read_sources(data)
    if problems:
        raise SourceError(str(problems[0]))
    return records


def source_ids(data: str | os.PathLike[str] | None = None) -> list[str]:
    """List the ids of the sources recorded in ``sources.csv``, in file order."""
    return list(_records(data))


def source_record(source_id: str, data: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """Return the record of ``source_id`` from ``sources.csv`` as a dict.

    Raises:
        SourceError: the id is unknown; the message lists near matches.
    """
    records = _records(data)
    if source_id not in records:
        near = difflib.get_close_matches(source_id, records, n=3)
        known = ", ".join(sorted(records)) or "none"
        hint = f"did you mean {', '.join(near)}?" if near else f"known: {known}"
        raise SourceError(f"unknown source_id {source_id!r}; {hint}")
    return records[source_id]


def sha256_of(path: Path) -> str:
    """Return the hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_raw(source_id: str, data: str | os.PathLike[str] | None = None) -> str:
    """Read a source's raw text after checking its SHA-256 against the record.

    Raises:
        SourceError: the file is missing or a folder, its checksum changed, or it is not UTF-8.
    """
    return read_raw_record(source_record(source_id, data), data)


def read_raw_record(record: dict[str, str], data: str | os.PathLike[str] | None = None) -> str:
    """Read the raw text a ``sources.csv`` record points at, checking its SHA-256.

    Raises:
        SourceError: the file is missing or a folder, its checksum changed, or it is not UTF-8.
    """
    source_id = record["source_id"]
    folder = data_dir(data)
    try:
        path = path_inside(folder, record["path"])
    except ValueError as err:
        raise SourceError(f"raw source of {source_id!r}: {err}") from None
    unusable = regular_file_problem(path)
    if unusable == "file not found":
        raise SourceError(f"{path}: raw source of {source_id!r} not found")
    if unusable:
        raise SourceError(f"{path}: raw source of {source_id!r} {unusable}")
    try:
        blob = path.read_bytes()
    except OSError as err:
        raise SourceError(
            f"{path}: raw source of {source_id!r} cannot be read: {err.strerror or err}"
        ) from None
    digest = hashlib.sha256(blob).hexdigest()
    if digest != record["sha256"]:
        raise SourceError(
            f"{path}: sha256 {digest[:12]}… does not match sources.csv ({record['sha256'][:12]}…);"
            " raw sources are never edited: restore the file"
        )
    try:
        return blob.decode("utf-8")
    except UnicodeDecodeError as err:
        raise SourceError(f"{path}: not UTF-8 at byte {err.start}") from None


def source_text(source_id: str, clean: bool = True, data: str | os.PathLike[str] | None = None) -> str:
    """Return a source's text: normalized (default) or raw, checksum verified.

    Examples:
        >>> source_text("guangzhou_shufu_2023")[:12]
        '珠水润天山，穗疏情谊深。'
    """
    raw = read_raw(source_id, data)
    if not clean:
        return raw
    from aidlib.text.normalizer import normalize_text

    return normalize_text(raw)


def load_sources(data: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Return ``sources.csv`` as a pandas DataFrame, one row per source.

    Returns:
        pandas.DataFrame: the source records, all columns as text.
    """
    import pandas as pd

    records = [{c: r[c] for c in SOURCE_COLUMNS} for r in _records(data).values()]
    return pd.DataFrame(records, columns=list(SOURCE_COLUMNS))
