"""The source records (``data/sources.csv``) and checksum-verified source texts."""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from aidlib.data.csvfile import NAME_RULE, Problem, is_name, path_inside, read_table, regular_file_problem
from aidlib.data.paths import data_dir

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

SOURCES_FILE = "sources.csv"


class SourceError(ValueError):
    """A source is unknown, missing, altered or not UTF-8."""


SOURCE_COLUMNS = (
    "source_id", "title", "outlet", "author", "published", "period_covered", "language", "script",
    "path", "sha256", "licence", "damage", "url",
)  # fmt: skip
_REQUIRED = ("source_id", "outlet", "published", "path", "sha256")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")
_URL = re.compile(r"https?://[^\s/]+\.[^\s/]+(?:/\S*)?")


def read_sources(
    data: str | os.PathLike[str] | None = None,
) -> tuple[dict[str, dict[str, str]], list[Problem], set[str]]:
    """Read ``sources.csv`` with the project's one reader.

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
    for line, row in table:
        bad = [
            Problem(path, line, c, "is empty; every source has one") for c in _REQUIRED if not row[c].strip()
        ]
        if row["source_id"].strip() and not is_name(row["source_id"]):  # ids name files: never a path
            message = f"{row['source_id']!r} is not an id: use {NAME_RULE}"
            bad.append(Problem(path, line, "source_id", message))
        if row["sha256"] and not _SHA256.fullmatch(row["sha256"]):
            bad.append(Problem(path, line, "sha256", f"{row['sha256']!r} is not a lowercase hex SHA-256"))
        if row["published"] and not _DATE.fullmatch(row["published"]):
            message = f"{row['published']!r} is not a date like 2023 or 2023-11-13"
            bad.append(Problem(path, line, "published", message))
        if row.get("url") and not _URL.fullmatch(row["url"]):
            bad.append(Problem(path, line, "url", f"{row['url']!r} is not an http(s) URL"))
        rel = Path(row["path"])
        if row["path"] and (rel.is_absolute() or ".." in rel.parts):
            bad.append(Problem(path, line, "path", f"{row['path']!r} must be a path inside the data folder"))
        if row["source_id"] in records:
            first = records[row["source_id"]]["line"]
            bad.append(
                Problem(path, line, "source_id", f"duplicate {row['source_id']!r} (first on line {first})")
            )
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
