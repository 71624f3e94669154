"""The source records (``data/sources.csv``) and checksum-verified source texts."""

from __future__ import annotations

import csv
import difflib
import hashlib
import os
from pathlib import Path

from aidlib.paths import data_dir

SOURCES_FILE = "sources.csv"


class SourceError(ValueError):
    """A source is unknown, missing, altered or not UTF-8."""


def _records(data: str | os.PathLike[str] | None = None) -> dict[str, dict[str, str]]:
    path = data_dir(data) / SOURCES_FILE
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return {row["source_id"]: row for row in csv.DictReader(fh)}
    except FileNotFoundError:
        raise SourceError(f"{path}: source list not found") from None


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
        near = difflib.get_close_matches(source_id, records, n=3) or sorted(records)
        raise SourceError(f"unknown source_id {source_id!r}; did you mean {', '.join(near)}?")
    return records[source_id]


def sha256_of(path: Path) -> str:
    """Return the hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_raw(source_id: str, data: str | os.PathLike[str] | None = None) -> str:
    """Read a source's raw text after checking its SHA-256 against the record.

    Raises:
        SourceError: the file is missing, its checksum changed, or it is not UTF-8.
    """
    record = source_record(source_id, data)
    path = data_dir(data) / record["path"]
    try:
        blob = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{path}: raw source of {source_id!r} not found") from None
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
    from aidlib.text import normalize_text

    return normalize_text(raw)


def load_sources(data: str | os.PathLike[str] | None = None):
    """Return ``sources.csv`` as a pandas DataFrame, one row per source.

    Returns:
        pandas.DataFrame: the source records, all columns as text.
    """
    import pandas as pd

    return pd.DataFrame(list(_records(data).values()))
