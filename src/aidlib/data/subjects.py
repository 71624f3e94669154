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
from aidlib.data.vocabulary import SUBJECTS

SUBJECTS_FILE = "subjects.csv"
COLUMNS = ("subject", "description")


def check_subjects(data: str | os.PathLike[str] | None = None) -> tuple[tuple[str, ...], list[Problem]]:
    """Read and check ``subjects.csv``; return every subject a cited figure may name, and the problems.

    The subjects are aidlib's own, then the folder's in file order.
    """
    path = paths.data_dir(data) / SUBJECTS_FILE
    if not path.exists() and not path.is_symlink():
        hint = f"new in data 0.3.0: `aidlib init` writes an empty one; its header: {','.join(COLUMNS)}"
        message = f"file not found ({hint})"
        return SUBJECTS, [Problem(path, 0, "", message)]
    table, problems = read_table(path, COLUMNS)
    if table is None:
        return SUBJECTS, problems
    added: dict[str, int] = {}
    for line, row in table:
        subject = row["subject"]
        if not subject.strip() or subject != subject.strip():
            problems.append(Problem(table.path, line, "subject", f"{subject!r}: a subject is a name, without "
                                                                 "leading or trailing spaces"))  # fmt: skip
        elif subject in SUBJECTS:
            problems.append(
                Problem(table.path, line, "subject", f"{subject!r} is already in aidlib's vocabulary")
            )
        elif subject in added:
            problems.append(Problem(table.path, line, "subject",
                                    f"duplicate {subject!r} (first on line {added[subject]})"))  # fmt: skip
        else:
            added[subject] = line
        if not row["description"].strip():
            problems.append(Problem(table.path, line, "description", "is empty; say who or where it is"))
    return (*SUBJECTS, *added), problems
