"""Outside assessments the report cites beside its figures (``data/references.csv``): citations only.

The report's own figures come from government pages and state media. What they cannot
show (outcomes, wages, working conditions) and how independent bodies have assessed the
programmes those figures belong to is said in the report's pages, with these citations.
A row is citation metadata, never quoted text: outlet, title, date, URL, a topic from
:data:`TOPICS`, and an optional note in plain words.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from aidlib.data.csvfile import DataError, Problem, Table, read_table
from aidlib.data.paths import data_dir

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

REFERENCES_FILE = "references.csv"
REFERENCE_COLUMNS = ("reference_id", "topic", "outlet", "title", "published", "url", "note")
# What a reference is cited for.
TOPICS = {
    "labour_programmes": "independent assessments of the labour-transfer and related employment programmes",
}
_ID = re.compile(r"[a-z0-9_]+(?:\.[a-z0-9_]+)+")
_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")
_URL = re.compile(r"https?://[^\s/]+\.[^\s/]+(?:/\S*)?")
# Citations, not text: a run this long of Chinese characters would be a quotation.
_CHINESE_RUN = re.compile(r"[\u3400-\u9fff]{20,}")
MAX_TEXT = 240  # a title or note longer than this is a passage, not a citation


def _check_row(path, line: int, row: dict[str, str], seen: dict[str, int]) -> list[Problem]:
    problems = []

    def bad(column: str, message: str) -> None:
        problems.append(Problem(path, line, column, message))

    for column in ("reference_id", "topic", "outlet", "title", "published", "url"):
        if not row[column].strip():
            bad(column, "is empty; every reference has one")
    rid = row["reference_id"]
    if rid and not _ID.fullmatch(rid):
        bad("reference_id", f"{rid!r} is not a dotted lowercase id like ohchr.xinjiang_assessment.2022")
    elif rid in seen:
        bad("reference_id", f"duplicate {rid!r} (first on line {seen[rid]})")
    if row["topic"] and row["topic"] not in TOPICS:
        bad("topic", f"unknown topic {row['topic']!r}; expected one of {', '.join(TOPICS)}")
    if row["published"] and not _DATE.fullmatch(row["published"]):
        bad("published", f"{row['published']!r} is not a date like 2022 or 2022-08-31")
    if row["url"] and not _URL.fullmatch(row["url"]):
        bad("url", f"{row['url']!r} is not an http(s) URL")
    for column in ("outlet", "title", "note"):
        if len(row[column]) > MAX_TEXT:
            bad(column, f"is {len(row[column])} characters; at most {MAX_TEXT}, never a passage")
        elif _CHINESE_RUN.search(row[column]):
            bad(column, "holds 20 or more Chinese characters in a row: citations only, never article text")
    return problems


def check_references(data: str | os.PathLike[str] | None = None) -> tuple[Table | None, list[Problem]]:
    """Parse and check ``references.csv``; return the table and every problem (file, line, column)."""
    table, problems = read_table(data_dir(data) / REFERENCES_FILE, REFERENCE_COLUMNS)
    if table is None:
        return None, problems
    seen: dict[str, int] = {}
    for line, row in table:
        problems += _check_row(table.path, line, row, seen)
        seen.setdefault(row["reference_id"], line)
    return table, problems


def load_references(data: str | os.PathLike[str] | None = None, topic: str | None = None) -> pd.DataFrame:
    """Load the references after checking them, optionally those of one topic.

    Raises:
        DataError: any problem; the message names file, line and column.
        ValueError: an unknown topic.

    Examples:
        >>> refs = load_references(topic="labour_programmes")
        >>> "OHCHR" in " ".join(refs["outlet"])
        True
    """
    import pandas as pd

    if topic is not None and topic not in TOPICS:
        raise ValueError(f"unknown topic {topic!r}; expected one of {', '.join(TOPICS)}")
    table, problems = check_references(data)
    if problems:
        raise DataError(problems)
    frame = pd.DataFrame(list(table.rows), columns=list(REFERENCE_COLUMNS))
    if topic is not None:
        frame = frame[frame["topic"] == topic].reset_index(drop=True)
    return frame
