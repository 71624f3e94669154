"""Outside assessments the report cites beside its figures (``data/references.csv``): citations only.

The report's own figures come from government pages and state media. What they cannot
show (outcomes, wages, working conditions) and how independent bodies have assessed the
programmes those figures belong to is said in the report's pages, with these citations.
A row is citation metadata, never quoted text: outlet, title, date, URL, a topic from
:data:`TOPICS` (:data:`aidlib.data.vocabulary.TOPICS`), and an optional note in plain words.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from aidlib.data.csvfile import DataError, Problem, Table, read_table
from aidlib.data.paths import data_dir
from aidlib.data.schema import row_checker
from aidlib.data.vocabulary import TOPICS

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

REFERENCES_FILE = "references.csv"
REFERENCE_COLUMNS = ("reference_id", "topic", "outlet", "title", "published", "url", "note")


def check_references(data: str | os.PathLike[str] | None = None) -> tuple[Table | None, list[Problem]]:
    """Parse and check ``references.csv``; return the table and every problem (file, line, column).

    Every rule is one of the schema's (:mod:`aidlib.data.schema`): a unique dotted id, a
    topic of :data:`TOPICS`, outlet, title, date and URL given, and citations only: a
    title, outlet or note holds at most 240 characters and never 20 Chinese characters in
    a row (that would be a quotation).
    """
    table, problems = read_table(data_dir(data) / REFERENCES_FILE, REFERENCE_COLUMNS)
    if table is None:
        return None, problems
    rows = row_checker("references", table.path)
    for line, row in table:
        problems += rows.check(line, row)[0]
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
