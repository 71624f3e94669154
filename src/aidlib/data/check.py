"""The one check of a data folder: what ``aidlib check`` prints and what ``aidlib report`` requires.

:func:`check_data` reads every table of the folder through the loaders' own checks
(:mod:`aidlib.data.metrics`, :mod:`aidlib.data.figures`, the exclusions, the
references, the indicator declarations of :mod:`aidlib.data.declarations`), then the
data package: ``datapackage.json`` and every file of the release
(:func:`aidlib.data.package.released_files`: its resources and the raw sources)
must be readable regular files inside the folder, since the report publishes
exactly those. Once the tables are sound, every indicator declared for a source must
be computable for it (its inputs there, their units fitting the operation).
``aidlib check`` and ``aidlib report`` both call it, so a report never fails on data
that passed.

One cause gives one line: an unreadable folder is one problem, not one per file.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from aidlib.data import paths
from aidlib.data.csvfile import Problem, Table, path_inside, regular_file_problem

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

# The files of a data folder: with none of them, the folder is the wrong one (one problem, not four).
_TABLES = (
    "datapackage.json", "sources.csv", "metrics.csv", "cited_figures.tsv", "exclusions.csv", "indicators.csv",
)  # fmt: skip

@dataclass
class Checked:
    """The result of :func:`check_data`: the folder, its tables and every problem found."""

    folder: Path
    metrics: Table | None = None
    figures: Table | None = None
    exclusions: Table | None = None
    references: Table | None = None
    declarations: list = field(default_factory=list)  # the folder's indicator declarations, checked
    unapplied: list[str] = field(default_factory=list)  # ids of those that apply to no source
    published: list[str] = field(default_factory=list)  # files the report publishes, relative
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems

    def frames(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The metrics and cited figures as the loaders return them (only when :attr:`ok`)."""
        from aidlib.data.figures import figures_frame
        from aidlib.data.metrics import metrics_frame

        assert self.metrics is not None and self.figures is not None
        return metrics_frame(self.metrics), figures_frame(self.figures)


def _folder_problem(folder: Path) -> Problem | None:
    """One problem when the folder as a whole cannot be listed or read."""
    try:
        next(os.scandir(folder), None)
    except OSError as err:
        return Problem(folder, 0, "", f"the data folder cannot be read: {err.strerror or err}")
    return None


def package_files(folder: Path) -> tuple[list[str], list[Problem]]:
    """The files of the release (:func:`aidlib.data.package.released_files`), each checked.

    That is ``datapackage.json``, every resource it lists and the raw file of every
    source; each must stay inside the folder (symbolic links resolved) and be a
    readable regular file, since the report copies exactly these. The descriptor's
    resources must hold aidlib's rules (:func:`aidlib.data.schema.descriptor_problems`),
    so that ``frictionless validate`` checks what ``aidlib check`` does.

    Returns:
        The relative paths (POSIX, sorted) and the problems found.
    """
    from aidlib.data.package import DESCRIPTOR, PackageError, descriptor, released_files
    from aidlib.data.schema import descriptor_problems
    from aidlib.data.sources import read_sources

    package = folder / DESCRIPTOR
    unusable = regular_file_problem(package)
    if unusable:
        return [], [Problem(package, 0, "", unusable)]
    try:
        problems = descriptor_problems(package, descriptor(folder))  # the rules frictionless validate reads
        listed = released_files(folder)
    except PackageError as err:
        return [], [Problem(package, 0, "", str(err).removeprefix(f"{package}: "))]
    except (OSError, UnicodeDecodeError, csv.Error):  # sources.csv unreadable: its own check says why
        return [], problems
    records, _, _ = read_sources(folder)  # a raw file's problem is reported on its line of sources.csv
    raw = {r["path"] for r in records.values()}
    files = []
    for rel in listed:
        try:
            target = path_inside(folder, rel)
        except ValueError as err:
            problems.append(Problem(package, 0, "", str(err)))
            continue
        unusable = regular_file_problem(target)
        if unusable and rel not in raw:
            problems.append(Problem(target, 0, "", f"{unusable} ({DESCRIPTOR} lists it)"))
        elif not unusable:
            files.append(rel)
    return files, problems


def check_data(data: str | os.PathLike[str] | None = None) -> Checked:
    """Check the whole data folder once: every table, the data package, the declared indicators.

    Raises:
        FileNotFoundError: the data folder does not exist (see :func:`aidlib.data.paths.data_dir`).
    """
    from aidlib.data.declarations import apply, check_declarations, generic_declarations
    from aidlib.data.figures import check_figures
    from aidlib.data.metrics import check_exclusions, check_metrics
    from aidlib.data.references import check_references
    from aidlib.data.sources import read_sources

    folder = paths.data_dir(data)
    result = Checked(folder)
    problem = _folder_problem(folder)
    present = [name for name in _TABLES if (folder / name).exists() or (folder / name).is_symlink()]
    if problem is None and not present:
        problem = Problem(folder, 0, "", f"not a data folder: none of {', '.join(_TABLES)} is there")
    if problem:
        result.problems = [problem]
        return result
    result.metrics, problems = check_metrics(folder)
    result.figures, more = check_figures(folder)
    result.exclusions, excluded = check_exclusions(folder)
    result.references, cited = check_references(folder)
    records, unread, rejected = read_sources(folder)  # its problems are check_metrics' to report
    known = None if unread and not (records or rejected) else {*records, *rejected}  # None: unreadable
    result.declarations, _, declared = check_declarations(folder, known)
    result.published, packaged = package_files(folder)
    # a file named twice (a missing sources.csv is both a table and a resource) is one problem
    found = problems + more + excluded + cited + declared
    unreadable = {p.path for p in found if p.line == 0}
    packaged = [p for p in packaged if p.path not in unreadable]
    result.problems = found + packaged
    if result.ok:  # every declaration that names a source can be computed for it
        assert result.metrics is not None and result.figures is not None
        applied, unfit = apply([*result.declarations, *generic_declarations()], result.metrics.rows,
                               result.figures.rows, records)  # fmt: skip
        result.problems += unfit + _unknown_inputs(result)
        used = {id(a.declaration) for a in applied}
        result.unapplied = [d.indicator_id for d in result.declarations if id(d) not in used]
    return result


def _unknown_inputs(result: Checked) -> list[Problem]:
    """An input of a declaration for every source that no source states and no cited figure is: a typo.

    (A declaration naming its source is held to that source's rows by :func:`aidlib.data.declarations.apply`.)
    """
    assert result.metrics is not None and result.figures is not None
    known = {r["metric_id"] for r in result.metrics.rows} | {r["figure_id"] for r in result.figures.rows}
    if not result.metrics.rows:  # nothing curated yet: declarations may come first
        return []
    out = []
    for d in (d for d in result.declarations if not d.source_id):
        unknown = [i for i in d.inputs if i not in known]
        if unknown:
            names = ", ".join(map(repr, unknown))
            message = f"{names}: no source states it and no cited figure is it"
            out.append(Problem(d.path, d.line, "inputs", message))
    return out
