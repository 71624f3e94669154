"""Subjects of cited figures that a data folder adds (``subjects.csv``): a new county gets its context.

aidlib's vocabulary of subjects (:data:`aidlib.data.vocabulary.SUBJECTS`: the partner
provinces, Guangdong's pairs, Shufu County, Kashgar, Xinjiang) covers the shipped study.
A folder curating another report adds its own here, one row each with a description,
and ``cited_figures.tsv`` may then name them.
"""

from __future__ import annotations

import os

from aidlib.data import paths
from aidlib.data.csvfile import Problem, read_table
from aidlib.data.schema import row_checker
from aidlib.data.vocabulary import SUBJECTS

SUBJECTS_FILE = "subjects.csv"
COLUMNS = ("subject", "description")


def check_subjects(data: str | os.PathLike[str] | None = None) -> tuple[tuple[str, ...], list[Problem]]:
    """Read and check ``subjects.csv``; return every subject a cited figure may name, and the problems.

    The subjects are aidlib's own, then the folder's in file order. The cells keep the
    schema's rules (:mod:`aidlib.data.schema`); a subject aidlib already has is refused here,
    since the descriptor cannot name aidlib's list.
    """
    path = paths.data_dir(data) / SUBJECTS_FILE
    if not path.exists() and not path.is_symlink():
        hint = f"new in data 0.3.0: `aidlib init` writes an empty one; its header: {','.join(COLUMNS)}"
        message = f"file not found ({hint})"
        return SUBJECTS, [Problem(path, 0, "", message)]
    table, problems = read_table(path, COLUMNS)
    if table is None:
        return SUBJECTS, problems
    rows = row_checker("subjects", table.path)
    added: dict[str, int] = {}
    for line, row in table:
        bad, _ = rows.check(line, row)  # a name, without spaces around it; unique; described
        problems += bad
        subject = row["subject"]
        if any(p.column == "subject" for p in bad):  # not a name, or a duplicate
            continue
        if subject in SUBJECTS:
            problems.append(
                Problem(table.path, line, "subject", f"{subject!r} is already in aidlib's vocabulary")
            )
        else:
            added[subject] = line
    return (*SUBJECTS, *added), problems
