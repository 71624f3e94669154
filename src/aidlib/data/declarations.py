"""Indicator declarations (``indicators.csv``): derived figures declared as data, checked like every table.

A row declares one derived figure: its id, English and Chinese labels, one operation of
the closed set :data:`aidlib.data.vocabulary.OPERATIONS` (a share of a total, a ratio, a
per-unit figure, a remainder, the implied base of a growth rate, …: never an
expression), its inputs (metric ids of the source, or cited figure ids), the source it
applies to and its caveat. aidlib ships generic declarations
(``aidlib/data/generic_indicators.csv``: the aid per project, the share of the aid total
for each of its stated parts, the unitemized remainder, …) that apply to any data folder;
a folder's own declaration of the same id overrides them.

Which figures a source gets is worked out here, from the rows alone (no arithmetic:
:mod:`aidlib.analysis.indicators` computes the values on intervals):

- a declaration with a ``source_id`` applies to that source, and every input must be
  there (a metric of the source, or a cited figure): ``aidlib check`` names what is missing;
- a declaration with no ``source_id`` applies to every source that has all its inputs; a
  source that lacks one simply has no such indicator (no error);
- ``requires`` ``same_period``: only where every input states the same period;
- an operation given only a total (``share``, ``remainder``, ``part_shares``) takes the
  rows stated as its parts (``part_of``, restatements left out);
- a folder's declaration overrides aidlib's generic declaration of the same id: for its
  source, or, with no ``source_id``, for every source.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from aidlib.data import paths
from aidlib.data.csvfile import DataError, Problem, Table, read_table
from aidlib.data.schema import row_checker
from aidlib.data.vocabulary import OPERATIONS, same_measure

INDICATORS_FILE = "indicators.csv"
COLUMNS = ("indicator_id", "label_en", "label_zh", "operation", "inputs", "source_id", "requires", "caveat")
#: aidlib's own declarations, for any data folder (a folder overrides them by id).
GENERIC_FILE = "generic_indicators.csv"
PART = "{part}"  # in a part_shares declaration's id and labels: each part of the total

# Operations whose inputs must count the same thing (parts and their total, terms of a sum).
_SAME_MEASURE = (
    "share",
    "share_bounds",
    "part_shares",
    "remainder",
    "sum",
    "difference",
    "above_yearly_average",
)
# Operations that may be given the total alone: its stated parts are then the parts.
_TOTAL_ALONE = ("share", "remainder", "part_shares")


class DeclarationError(DataError):
    """The indicator declarations failed their check; ``problems`` lists every failure."""


@dataclass(frozen=True)
class Declaration:
    """One row of ``indicators.csv`` (or of aidlib's generic declarations)."""

    indicator_id: str
    label_en: str
    label_zh: str
    operation: str
    inputs: tuple[str, ...]
    source_id: str  # "": every source that has all the inputs
    requires: str
    caveat: str
    path: Path
    line: int
    generic: bool = False  # shipped with aidlib, overridden by a folder's declaration of the same id

    @property
    def where(self) -> str:
        """The file and line it was declared on, for messages."""
        return "aidlib's generic indicators" if self.generic else f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Term:
    """One input of an applied indicator: a metric of the source, or a cited figure."""

    id: str
    origin: str  # "metric" or "cited"
    row: Mapping  # the row: value, qualifier, high (and ratio), unit, period, ...
    name: str  # what it is in plain words, for generated caveats ("aid", "GDP")


@dataclass(frozen=True)
class Applied:
    """A declaration applied to one source: the concrete id, labels and inputs."""

    source_id: str
    indicator_id: str
    label_en: str
    label_zh: str
    operation: str
    terms: tuple[Term, ...]  # in the order the operation takes them
    caveat: str
    declaration: Declaration
    parts: tuple[Term, ...] = field(default=())  # every stated part of the total (share_bounds' remainder)

    @property
    def inputs(self) -> tuple[str, ...]:
        """The ids it reads, parts before their total (share_bounds: counted parts, other parts, total)."""
        if self.operation == "share_bounds":
            counted = [t.id for t in self.terms[:-1]]
            others = [t.id for t in self.parts if t.id not in counted]
            return (*counted, *others, self.terms[-1].id)
        if self.operation == "remainder":
            return (*(t.id for t in self.terms[1:]), self.terms[0].id)
        return tuple(t.id for t in self.terms)

    @property
    def cited(self) -> bool:
        """Whether it sets the source's figures against cited figures (a context indicator)."""
        return any(t.origin == "cited" for t in self.terms)


# ---- reading and checking the table ---------------------------------------------------------
def _declaration(path: Path, line: int, row: dict[str, str], generic: bool) -> Declaration:
    inputs = tuple(i.strip() for i in row["inputs"].split(";") if i.strip())
    return Declaration(
        row["indicator_id"], row["label_en"], row["label_zh"], row["operation"], inputs,
        row["source_id"], row["requires"], row["caveat"], path, line, generic,
    )  # fmt: skip


def _check_row(
    path: Path, line: int, row: dict[str, str], sources: set[str] | None, cells: set[str]
) -> list[Problem]:
    """Check what the schema cannot say of one declaration: its columns together, and its source.

    ``cells`` are the columns whose cells already broke a rule of the schema (reported
    once, by :class:`aidlib.data.schema.RowChecker`): nothing here reads them again.
    """
    out = []

    def bad(column: str, message: str) -> None:
        out.append(Problem(path, line, column, message))

    iid, op = row["indicator_id"], row["operation"]
    if "operation" not in cells:
        low, high, takes, _ = OPERATIONS[op]
        inputs = [i.strip() for i in row["inputs"].split(";") if i.strip()]
        if "inputs" not in cells and (len(inputs) < low or (high is not None and len(inputs) > high)):
            count = f"{low}" if low == high else f"{low} or more" if high is None else f"{low} to {high}"
            bad("inputs", f"{len(inputs)} input(s) for {op}, which takes {count} ({takes})")
        if "indicator_id" not in cells and (op == "part_shares") != (PART in iid):
            wants = "needs {part} in its id" if op == "part_shares" else "has {part} in its id"
            rule = "" if op == "part_shares" else ", which only part_shares may use"
            bad("indicator_id", f"{iid!r}: operation {op} {wants}{rule}")
    if not row["caveat"].strip() and op != "distinct_facts":
        bad(
            "caveat",
            "is empty; every indicator says what it cannot show (only distinct_facts writes its own)",
        )
    if row["source_id"] and sources is not None and row["source_id"] not in sources:
        known = ", ".join(sorted(sources)) or "none recorded"
        bad("source_id", f"unknown source {row['source_id']!r}; expected one of {known}, or empty "
                         "(every source that has the inputs)")  # fmt: skip
    return out


def read_declarations(
    path: Path, sources: set[str] | None = None, generic: bool = False
) -> tuple[list[Declaration], Table | None, list[Problem]]:
    """Read and check one declarations file, row by row (the cross-table rules: :func:`problems`)."""
    table, problems = read_table(path, COLUMNS)
    if table is None:
        return [], None, problems
    rows = row_checker("indicators", table.path)  # every cell by the schema, and the key (id, source)
    out = []
    for line, row in table:
        found, cells = rows.check(line, row)
        found += _check_row(table.path, line, row, sources, cells)
        problems += found
        if not found:
            out.append(_declaration(table.path, line, row, generic))
    return out, table, problems


def generic_declarations() -> list[Declaration]:
    """Aidlib's own declarations (checked by the tests; a broken shipped file is aidlib's bug)."""
    path = Path(str(resources.files("aidlib.data").joinpath(GENERIC_FILE)))
    declared, _, problems = read_declarations(path, generic=True)
    if problems:  # pragma: no cover - the shipped file is tested
        raise DeclarationError(problems)
    return declared


def check_declarations(
    data: str | os.PathLike[str] | None = None, sources: Iterable[str] | None = None
) -> tuple[list[Declaration], Table | None, list[Problem]]:
    """Read and check the data folder's ``indicators.csv`` row by row.

    Returns:
        The declarations that passed, the table (None when the file cannot be read) and
        every problem found.
    """
    path = paths.data_dir(data) / INDICATORS_FILE
    known = set(sources) if sources is not None else None
    declared, table, problems = read_declarations(path, known)
    if table is None and not path.exists() and not path.is_symlink():
        hint = f"new in data 0.3.0: `aidlib init` writes an empty one; its header: {','.join(COLUMNS)}"
        problems = [Problem(path, 0, "", f"file not found ({hint})")]
    return declared, table, problems


# ---- applying the declarations to the sources -----------------------------------------------
def _text(row: Mapping, column: str) -> str:
    value = row.get(column, "")
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def _part_key(part_ids: list[str]) -> dict[str, str]:
    """What ``{part}`` becomes in the id for each part: its id's first word, unless two parts share it."""
    firsts = [p.split(".")[0] for p in part_ids]
    return {
        p: (f if firsts.count(f) == 1 else p.replace(".", "_")) for p, f in zip(part_ids, firsts, strict=True)
    }


class _Source:
    """One source's rows, looked up by id, with its stated parts."""

    def __init__(self, source_id: str, rows: list[Mapping]) -> None:
        self.id = source_id
        self.rows = {_text(r, "metric_id"): r for r in rows}
        self.order = list(self.rows)
        self.parts: dict[str, list[str]] = {}
        for r in rows:  # a restatement of a part is not a second part
            if _text(r, "part_of") and not _text(r, "duplicate_of"):
                self.parts.setdefault(_text(r, "part_of"), []).append(_text(r, "metric_id"))


def metric_name(metric_id: str, row: Mapping) -> str:
    """A metric in plain words: the shared id's name (``aid``), else its label.

    Examples:
        >>> metric_name("funding.aid_total", {"label_en": "Aid funds invested in 2023"})
        'aid'
        >>> metric_name("county.lectures", {"label_en": "Lectures given"})
        'lectures given'
    """
    from aidlib.data.vocabulary import shared_metrics

    shared = shared_metrics().get(metric_id)
    if shared is not None:
        return shared.name_en
    label = _text(row, "label_en")
    return (label[:1].lower() + label[1:]) if label[:2] != label[:2].upper() else label


def figure_name(row: Mapping) -> str:
    """A cited figure in plain words: ``GDP``, ``all-Xinjiang aid``, ``planned aid``."""
    from aidlib.data.vocabulary import MEASURE_NAMES

    measure, basis, subject = _text(row, "measure"), _text(row, "basis"), _text(row, "subject")
    name = MEASURE_NAMES.get(measure, measure.replace("_", " "))
    if basis == "plan":
        name = f"planned {name}"
    if "→Xinjiang" in subject:
        name = f"all-Xinjiang {name}"
    return name


def periods_caveat(terms: list) -> str:
    """Say which periods an indicator's inputs mix, or nothing when they agree.

    ``terms`` are :class:`Term`: an id, a row with its
    ``period``, and a plain name.

    Examples:
        >>> a = Term("county.aid", "metric", {"period": "2023"}, "aid")
        >>> g = Term("county.gdp.2022", "cited", {"period": "2022"}, "GDP")
        >>> periods_caveat([a, g])
        'Compares 2023 aid with 2022 GDP.'
        >>> periods_caveat([a, a])
        ''
    """
    periods = [str(t.row.get("period", "")) for t in terms]
    if len(set(periods)) <= 1:
        return ""

    def name(t, period: str) -> str:
        return f"{period.replace('/', '–')} {t.name or t.id}"

    first, *rest = zip(terms, periods, strict=True)
    return f"Compares {name(*first)} with " + ", ".join(name(t, p) for t, p in rest) + "."


def apply(
    declarations: list[Declaration],
    metrics: Iterable[Mapping],
    figures: Iterable[Mapping],
    sources: Iterable[str] | None = None,
) -> tuple[list[Applied], list[Problem]]:
    """Apply the declarations (a folder's, then aidlib's generic ones) to every source.

    Args:
        declarations: the folder's declarations and the generic ones, in that order
            (:func:`declarations_for`).
        metrics: metric rows (dicts or DataFrame records) of any number of sources.
        figures: cited figure rows.
        sources: the source ids, in order (default: as they first appear in ``metrics``).

    Returns:
        The applied indicators, source by source (each source's in declaration order),
        and one problem per folder declaration that names a source it cannot be computed
        for (an input missing, a unit that does not fit).
    """
    metrics, figures = list(metrics), list(figures)
    by_source: dict[str, list[Mapping]] = {}
    for r in metrics:
        by_source.setdefault(_text(r, "source_id"), []).append(r)
    order = list(sources) if sources is not None else list(by_source)
    cited = {_text(r, "figure_id"): r for r in figures}
    folder = [d for d in declarations if not d.generic]
    generic = [d for d in declarations if d.generic]
    applied: list[Applied] = []
    problems: list[Problem] = []
    for sid in order:
        src = _Source(sid, by_source.get(sid, []))
        mine = [d for d in folder if d.source_id in ("", sid)]
        pinned = {d.indicator_id for d in mine if d.source_id == sid}
        mine = [d for d in mine if d.source_id == sid or d.indicator_id not in pinned]  # pinned wins
        taken = {d.indicator_id for d in mine}  # the folder's ids override the generic ones, applied or not
        out: list[Applied] = []
        lacking: dict[
            str, list[Declaration]
        ] = {}  # a missing id → the rows declared for this source that need it
        for d in mine:
            results, problem = _apply_one(d, src, cited)
            out += results
            missing = [i for i in d.inputs if _term(i, src, cited) is None]
            for ident in missing if d.source_id else ():
                lacking.setdefault(ident, []).append(d)
            if problem and not missing and (d.source_id or problem.startswith("unit")):  # there, but unfit
                problems.append(Problem(d.path, d.line, "inputs", f"{problem} (source {sid!r})"))
        if lacking:  # one cause (the source lacks what its declarations read), one line
            problems.append(_lacking_problem(sid, lacking))
        for d in generic:
            results, _ = _apply_one(d, src, cited)
            out += [a for a in results if a.indicator_id not in taken]
        seen: set[str] = set()
        for a in out:  # one figure per id and source: a concrete id from a template may repeat another
            if a.indicator_id not in seen:
                seen.add(a.indicator_id)
                applied.append(a)
    return applied, problems


def _lacking_problem(source_id: str, lacking: dict[str, list[Declaration]], shown: int = 5) -> Problem:
    """One line: the ids a source lacks, each with the declared indicators that need it."""
    first = min((d for ds in lacking.values() for d in ds), key=lambda d: d.line)
    items = [
        f"{ident!r} ({', '.join(dict.fromkeys(d.indicator_id for d in ds))})" for ident, ds in lacking.items()
    ]
    more = f"; and {len(items) - shown} more" if len(items) > shown else ""
    what = "is neither a metric of it nor a cited figure" if len(items) == 1 else (
        f"are {len(items)} ids neither metrics of it nor cited figures")  # fmt: skip
    message = (f"the indicators declared for source {source_id!r} need what it lacks: "
               f"{'; '.join(items[:shown])}{more} ({what})")  # fmt: skip
    return Problem(first.path, first.line, "inputs", message)


def _term(ident: str, src: _Source, cited: dict[str, Mapping]) -> Term | None:
    if ident in src.rows:
        row = src.rows[ident]
        return Term(ident, "metric", row, metric_name(ident, row))
    if ident in cited:
        return Term(ident, "cited", cited[ident], figure_name(cited[ident]))
    return None


def _apply_one(d: Declaration, src: _Source, cited: dict[str, Mapping]) -> tuple[list[Applied], str]:
    """The declaration applied to one source, or why it cannot be (empty when it just does not apply)."""
    terms = [_term(i, src, cited) for i in d.inputs]
    missing = [i for i, t in zip(d.inputs, terms, strict=True) if t is None]
    if missing:
        return [], (f"{', '.join(map(repr, missing))} is neither a metric of the source nor a cited figure")
    found = [t for t in terms if t is not None]
    parts: list[Term] = []
    stated = d.operation == "share_bounds" or (d.operation in _TOTAL_ALONE and len(found) == 1)
    if stated:  # the operation reads the total's stated parts (part_of)
        total = found[0] if d.operation in ("remainder", "part_shares") else found[-1]
        if total.origin == "cited":
            return (
                [],
                f"{total.id!r} is a cited figure, whose parts are not stated: list them for {d.operation}",
            )
        parts = [
            Term(p, "metric", src.rows[p], metric_name(p, src.rows[p])) for p in src.parts.get(total.id, [])
        ]
        if not parts:
            return [], f"{total.id!r} has no stated parts (no row of the source is part_of it)"
        if len(found) == 1:  # the total alone: its stated parts
            found = [total, *parts] if d.operation == "remainder" else [*parts, total]
    if d.requires == "same_period" and len({_text(t.row, "period") for t in found}) > 1:
        return [], ""  # periods differ: the declaration does not apply here
    unit = _unit_problem(d.operation, found)
    if unit:
        return [], unit
    if d.operation == "part_shares":
        keys = _part_key([p.id for p in found[:-1]])
        return [
            Applied(src.id, d.indicator_id.replace(PART, keys[p.id]),
                    d.label_en.replace(PART, _text(p.row, "label_en")),
                    d.label_zh.replace(PART, _text(p.row, "label_zh")), "share", (p, found[-1]), d.caveat, d)
            for p in found[:-1]
        ], ""  # fmt: skip
    if d.operation == "distinct_facts":
        restated = [src.rows[m] for m in src.order if _text(src.rows[m], "duplicate_of")]
        terms_ = tuple(Term(_text(r, "metric_id"), "metric", r, "") for r in restated)
        return [Applied(src.id, d.indicator_id, d.label_en, d.label_zh, d.operation, terms_, d.caveat, d)], ""
    return [Applied(src.id, d.indicator_id, d.label_en, d.label_zh, d.operation, tuple(found), d.caveat, d,
                    tuple(parts))], ""  # fmt: skip


def _unit_problem(operation: str, terms: list[Term]) -> str:
    """Why the inputs' units do not fit the operation, or ``""``."""
    units = [_text(t.row, "unit") for t in terms]
    if operation in _SAME_MEASURE and any(not same_measure(u, units[0]) for u in units[1:]):
        listed = ", ".join(f"{t.id} in {u}" for t, u in zip(terms, units, strict=True))
        return f"units do not fit {operation}, whose inputs count the same thing: {listed}"
    if operation in ("growth_base", "growth_increase") and units[1] != "%":
        return f"units do not fit {operation}: the growth rate {terms[1].id} is in {units[1]}, not %"
    if operation == "above_yearly_average":
        from aidlib.data.periods import PeriodError, parse_period

        try:
            years = parse_period(_text(terms[1].row, "period")).years
        except PeriodError:
            years = None
        if not years:
            return f"unit of time missing for {operation}: {terms[1].id} states no span of years"
    return ""


def declarations_for(data: str | os.PathLike[str] | None = None) -> list[Declaration]:
    """The folder's declarations (checked), then aidlib's generic ones: what :func:`apply` takes.

    Raises:
        DeclarationError: the folder's ``indicators.csv`` has a problem.
    """
    from aidlib.data.sources import read_sources

    records, _, _ = read_sources(data)
    declared, _, problems = check_declarations(data, records)
    if problems:
        raise DeclarationError(problems)
    return [*declared, *generic_declarations()]


def load_indicators(data: str | os.PathLike[str] | None = None, generic: bool = True):
    """The indicator declarations as a DataFrame: the folder's ``indicators.csv``, then aidlib's generic ones.

    Columns: those of ``indicators.csv`` (``inputs`` joined by ``;``), then ``generic``
    (True for aidlib's own, which a folder's declaration of the same id overrides).

    Raises:
        DeclarationError: the folder's ``indicators.csv`` has a problem.

    Examples:
        >>> frame = load_indicators()
        >>> {"operation", "inputs", "caveat", "generic"} <= set(frame.columns), bool(frame["generic"].any())
        (True, True)
    """
    import pandas as pd

    declared = declarations_for(data) if generic else [d for d in declarations_for(data) if not d.generic]
    rows = [
        {**{c: getattr(d, c) for c in COLUMNS}, "inputs": ";".join(d.inputs), "generic": d.generic}
        for d in declared
    ]
    return pd.DataFrame(rows, columns=[*COLUMNS, "generic"])
