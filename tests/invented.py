"""Data folders assembled from the invented reports of ``tests/invented/`` (made up for the tests).

:func:`empty_folder` writes a data folder with no source (``aidlib init``), and
:func:`add_reports` records invented reports into a folder the way a curator would
(``add-source``, then the curated rows appended), so a test can hold a report alone,
two invented ones together, or both beside the shipped Shufu data.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from aidlib.data.curate import add_source
from aidlib.data.paths import PROJECT_ROOT

INVENTED = Path(__file__).parent / "invented"
A, B = "invented_a_2024", "invented_b_2023"
# What each added file holds for each source: its rows, picked by their source column.
_TABLES = {"metrics.csv": "source_id", "indicators.csv": "source_id"}


def empty_folder(path: Path) -> Path:
    """A valid data folder with no source, as ``aidlib init`` writes it."""
    from aidlib.data.curate import init_data

    init_data(path)
    return path


def shipped_copy(path: Path) -> Path:
    """A copy of the shipped data folder (the Shufu study)."""
    shutil.copytree(PROJECT_ROOT / "data", path)
    return path


def _rows(name: str, delimiter: str = ",") -> tuple[list[str], list[dict[str, str]]]:
    with (INVENTED / name).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter=delimiter)
        return list(reader.fieldnames or []), list(reader)


def _append(path: Path, rows: list[dict[str, str]], delimiter: str = ",") -> None:
    """Append rows to a table, in the column order of its own header."""
    text = path.read_text(encoding="utf-8")
    header = next(csv.reader(io.StringIO(text), delimiter=delimiter))
    buf = io.StringIO()
    csv.DictWriter(buf, header, delimiter=delimiter, lineterminator="\n").writerows(rows)
    path.write_text(text + ("" if text.endswith("\n") else "\n") + buf.getvalue(), encoding="utf-8")


def add_reports(folder: Path, sources: tuple[str, ...] = (A, B), figures: bool = True) -> Path:
    """Record the invented ``sources`` in ``folder`` and append their curated rows.

    With ``figures``, the invented cited figure, its subject (``subjects.csv``) and the
    context indicator declared for it come too (the indicator only when its source is added).
    """
    _, records = _rows("sources.csv")
    for record in records:
        if record["source_id"] in sources:
            add_source(INVENTED / record["file"], record["source_id"], outlet=record["outlet"],
                       published=record["published"], title=record["title"], data=folder)  # fmt: skip
    _, metrics = _rows("metrics.csv")
    _append(folder / "metrics.csv", [r for r in metrics if r["source_id"] in sources])
    if figures:
        _append(folder / "subjects.csv", _rows("subjects.csv")[1])
        _append(folder / "cited_figures.tsv", _rows("cited_figures.tsv", "\t")[1], "\t")
        _, declared = _rows("indicators.csv")
        _append(folder / "indicators.csv", [r for r in declared if r["source_id"] in sources])
    return folder
