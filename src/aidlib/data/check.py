"""The one check of a data folder: what ``aidlib check`` prints and what ``aidlib report`` requires.

:func:`check_data` reads every table of the folder through the loaders' own checks
(:mod:`aidlib.data.metrics`, :mod:`aidlib.data.figures`, the exclusions), then the
data package: ``datapackage.json`` and every file it lists (its resources, the raw
sources it and ``sources.csv`` name) must be readable regular files inside the
folder, since the report publishes exactly those. A caller that needs more (the
report's indicators need certain metrics) passes ``needs``, run on the loaded
tables once the folder itself is sound. ``aidlib check`` and ``aidlib report`` both
call it with the report's needs, so a report never fails on data that passed.

One cause gives one line: an unreadable folder is one problem, not one per file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from aidlib.data import paths
from aidlib.data.csvfile import Problem, Table, path_inside, regular_file_problem

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

PACKAGE_FILE = "datapackage.json"

#: ``needs(folder, metrics, figures)`` returns the problems of data the caller cannot use.
Needs = Callable[[Path, "pd.DataFrame", "pd.DataFrame"], list[Problem]]


@dataclass
class Checked:
    """The result of :func:`check_data`: the folder, its tables and every problem found."""

    folder: Path
    metrics: Table | None = None
    figures: Table | None = None
    exclusions: Table | None = None
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
    """The files ``datapackage.json`` lists (itself, its resources, the raw sources named), checked.

    Every path must be relative, stay inside the folder and name a readable regular
    file. The raw files recorded in ``sources.csv`` are the package's too.

    Returns:
        The relative paths (POSIX, sorted, without repeats) and the problems found.
    """
    from aidlib.data.sources import read_sources

    package = folder / PACKAGE_FILE
    unusable = regular_file_problem(package)
    if unusable:
        return [], [Problem(package, 0, "", unusable)]
    try:
        meta = json.loads(package.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        return [], [Problem(package, getattr(err, "lineno", 0), "", f"not valid UTF-8 JSON: {err}")]
    if not isinstance(meta, dict) or not isinstance(meta.get("resources"), list):
        return [], [Problem(package, 0, "", "no list of resources; not a Frictionless data package")]
    named: list[tuple[str, object]] = []  # (what names it, path)
    for i, res in enumerate(meta["resources"]):
        where = f"resource {res.get('name', i)!r}" if isinstance(res, dict) else f"resource {i}"
        path = res.get("path") if isinstance(res, dict) else None
        for p in path if isinstance(path, list) else [path]:
            named.append((where, p))
    for i, src in enumerate(meta.get("sources") or []):
        if isinstance(src, dict) and src.get("path") and "://" not in str(src["path"]):
            named.append((f"source {i + 1}", src["path"]))
    records, _, _ = read_sources(folder)  # its problems are reported by the metrics check
    recorded = [(f"source {sid!r} of sources.csv", r["path"]) for sid, r in records.items()]
    files, problems = {PACKAGE_FILE}, []
    for where, rel in named + recorded:
        if not isinstance(rel, str) or not rel:
            problems.append(Problem(package, 0, "", f"{where} has no path"))
            continue
        try:
            target = path_inside(folder, rel)
        except ValueError as err:
            problems.append(Problem(package, 0, "", f"{where}: {err}"))
            continue
        unusable = regular_file_problem(target)
        if unusable and (where, rel) in recorded:
            continue  # the metrics check reports a raw source's file on its line of sources.csv
        if unusable:
            problems.append(Problem(target, 0, "", f"{unusable} ({where} lists it)"))
        else:
            files.add(Path(rel).as_posix())
    return sorted(files), problems


def check_data(data: str | os.PathLike[str] | None = None, needs: Needs | None = None) -> Checked:
    """Check the whole data folder once: every table, the data package, and the caller's ``needs``.

    Raises:
        FileNotFoundError: the data folder does not exist (see :func:`aidlib.data.paths.data_dir`).
    """
    from aidlib.data.figures import check_figures
    from aidlib.data.metrics import check_exclusions, check_metrics

    folder = paths.data_dir(data)
    result = Checked(folder)
    problem = _folder_problem(folder)
    if problem:
        result.problems = [problem]
        return result
    result.metrics, problems = check_metrics(folder)
    result.figures, more = check_figures(folder)
    result.exclusions, excluded = check_exclusions(folder)
    result.published, packaged = package_files(folder)
    # a file named twice (a missing sources.csv is both a table and a resource) is one problem
    unreadable = {p.path for p in problems + more + excluded if p.line == 0}
    packaged = [p for p in packaged if p.path not in unreadable]
    result.problems = problems + more + excluded + packaged
    if result.ok and needs is not None:
        result.problems += needs(folder, *result.frames())
    return result
