"""The released data package: exactly the files ``datapackage.json`` lists, plus the raw sources.

One answer, used wherever the data is published: the wheel ships these files
(``setup.py`` copies them into ``aidlib/_shipped/data``), ``aidlib report`` copies
them into the report and its zip. Anything else in the data folder (a private
note, a scratch draft) is never released. Standard library only: ``setup.py``
imports this module before aidlib is installed.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path, PurePosixPath

DESCRIPTOR = "datapackage.json"
SOURCES = "sources.csv"


class PackageError(ValueError):
    """The data package's descriptor cannot say what to release (one line, naming the file)."""


def _relative(folder: Path, text: str, where: str) -> str:
    """Check that ``text`` names a file inside ``folder`` (no absolute path, no ``..``)."""
    path = PurePosixPath(text)
    if not text or path.is_absolute() or ".." in path.parts or "\\" in text:
        raise PackageError(f"{folder / where}: {text!r} is not a path inside the data folder")
    return str(path)


def descriptor(folder: str | os.PathLike[str]) -> dict:
    """Read ``datapackage.json`` from ``folder``."""
    path = Path(folder) / DESCRIPTOR
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PackageError(f"{path}: not found (a data folder needs its {DESCRIPTOR})") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as err:  # [[[…]]] too deep
        raise PackageError(f"{path}: cannot be read as JSON: {err}") from None


def data_version(folder: str | os.PathLike[str]) -> str:
    """Return the data package's ``version`` (``"unknown"`` when the descriptor has none)."""
    return str(descriptor(folder).get("version") or "unknown")


def released_files(folder: str | os.PathLike[str]) -> list[str]:
    """List the files of the release, relative to ``folder`` (POSIX separators, sorted).

    That is ``datapackage.json``, every resource it lists, and the raw file of every
    row of ``sources.csv`` (its ``path`` column).

    Raises:
        PackageError: the descriptor is missing or unreadable, or names a path outside ``folder``.
    """
    folder = Path(folder)
    files = {DESCRIPTOR}
    for i, resource in enumerate(descriptor(folder).get("resources", [])):
        path = resource.get("path") if isinstance(resource, dict) else None
        if not isinstance(path, str):
            raise PackageError(f"{folder / DESCRIPTOR}: resource {i + 1} has no path")
        files.add(_relative(folder, path, DESCRIPTOR))
    if SOURCES in files and (folder / SOURCES).is_file():
        with (folder / SOURCES).open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                if row.get("path"):
                    files.add(_relative(folder, row["path"], SOURCES))
    return sorted(files)
