"""External reference figures (``data/references.csv``), each cited by publisher and date.

Nothing outside the report enters an analysis unless it is recorded here with its
source, so a reader can check it: the 'two 80%' guideline for counterpart aid to
Xinjiang is the one such figure so far.
"""

from __future__ import annotations

import csv
import os

from aidlib import paths

REFERENCES_FILE = "references.csv"
_REQUIRED = ("reference_id", "label_en", "value", "unit", "publisher", "published", "locator")


class ReferenceDataError(ValueError):
    """A reference is unknown or its record is incomplete."""


def load_references(data: str | os.PathLike[str] | None = None) -> dict[str, dict[str, object]]:
    """Return the cited reference figures by id; ``value`` as float.

    Raises:
        ReferenceDataError: a row lacks a required field or its value is not a number.
    """
    path = paths.data_dir(data) / REFERENCES_FILE
    out: dict[str, dict[str, object]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            for field in _REQUIRED:
                if not row.get(field):
                    raise ReferenceDataError(
                        f"{path}:{line}: column {field}: empty; every reference is cited"
                    )
            try:
                value = float(row["value"])
            except ValueError:
                raise ReferenceDataError(
                    f"{path}:{line}: column value: {row['value']!r} is not a number"
                ) from None
            out[row["reference_id"]] = {**row, "value": value}
    return out


def reference(reference_id: str, data: str | os.PathLike[str] | None = None) -> dict[str, object]:
    """Return one reference figure; an unknown id lists the known ones.

    Examples:
        >>> reference("two_80.livelihood_share")["value"]
        80.0
    """
    found = load_references(data)
    if reference_id not in found:
        raise ReferenceDataError(f"unknown reference {reference_id!r}; known: {', '.join(sorted(found))}")
    return found[reference_id]


def citation(reference_id: str, data: str | os.PathLike[str] | None = None) -> str:
    """Return a one-line citation: publisher, date and where in the source.

    Examples:
        >>> citation("two_80.livelihood_share")[:26]
        '中国西藏网, 2025-09-23 (article'
    """
    ref = reference(reference_id, data)
    return f"{ref['publisher']}, {ref['published']} ({ref['locator']})"
