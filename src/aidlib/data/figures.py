"""Cited figures (``data/cited_figures.tsv``): published numbers from outside the report, with citations.

The project's one table of external figures: all-Xinjiang counterpart aid by year,
Guangdong's aid and its other counterpart pairs, Shufu County's population and
economy, Kashgar's and Xinjiang's foreign trade, the "two 80%" guideline. A cited
figure is a number plus its citation, never article text.

Every row is checked (by :func:`check_figures`, by ``aidlib check`` and on every
load) through the same reader as the metrics, with the same one-line
``file:line: column …`` problems; every cell by the data package's schema
(:mod:`aidlib.data.schema`), the rest here:

- ``stated`` (the number as printed, hedge words kept) parses to the recorded
  ``value``, ``unit`` and ``qualifier``: Chinese with :func:`aidlib.parse_quantity`,
  English with :func:`aidlib.quantities.english.parse_english_quantity`. A figure printed
  without its unit (``110亿``) is read with the row's unit;
- ``subject``, ``measure``, ``basis``, ``reliability``, ``qualifier`` and ``unit``
  come from controlled vocabularies, and the unit fits the measure;
- ``period`` is ``2023``, ``2023-06``, ``2011/2015``, ``2010/2019-09`` or
  ``2023-01/2023-09`` (start/end, end not before start) and fits the basis (a
  ``jan_sep`` figure covers January to September of one year, an ``annual`` one
  a calendar year, a ``cumulative`` one a span);
- every row has an ``http(s)`` URL and a ``published`` date (``2023``, ``2023-11``,
  ``2023-11-13``, or ``n.d.`` for an undated page, the citation convention, with a
  note saying why); no date lies in the future, or before the period starts (except
  for a plan);
- ids are unique; ``conflicts_with`` names other figures of this file;
- no cell holds 20 or more Chinese characters in a row (article text).

Figures of different bases (plan, arranged, arrived, delivered, cumulative) are
never one series: :func:`compare` puts figures that share subject, measure, basis
and period side by side and names a preferred one by :data:`PREFERENCE_RULE`;
nothing is averaged.
"""

from __future__ import annotations

import math
import os
import re
from datetime import date
from typing import TYPE_CHECKING

from aidlib.data import paths
from aidlib.data.csvfile import DataError, Problem, Table, parse_value, plain_number, read_table
from aidlib.data.periods import PeriodError, figure_period_problem, parse_period
from aidlib.data.schema import row_checker
from aidlib.data.vocabulary import BASES, FIGURE_QUALIFIERS, MEASURES, RELIABILITY, SUBJECTS, UNITS  # noqa: F401  re-exported

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

FIGURES_FILE = "cited_figures.tsv"

COLUMNS = (
    "figure_id", "subject", "measure", "basis", "period", "stated", "value", "unit", "qualifier",
    "description_en", "outlet", "author", "published", "url", "reliability", "note", "conflicts_with",
)  # fmt: skip

# The vocabularies of subject, measure (with its unit), basis (with the periods it
# allows) and reliability grade: one list each, in aidlib.data.vocabulary.
QUALIFIERS = FIGURE_QUALIFIERS
PREFERENCE_RULE = (
    "best reliability grade (A, then B, then C); then a primary page over a repost (no 'via' in the "
    "outlet); then the later publication; then the figure_id"
)

_CJK = re.compile(r"[\u3400-\u9fff]")


class FigureError(DataError):
    """The cited figures failed validation, or an id is unknown."""


def _first_year(period: str) -> int:
    """The year a period starts in; 0 for a text that is no period (reported on its own)."""
    try:
        return parse_period(period).first_year or 0
    except PeriodError:
        return 0


def _stated_quantity(stated: str, unit: str):
    """Parse the figure as printed: Chinese or English, the row's unit if the print left it out."""
    from aidlib.quantities.chinese import QuantityError, parse_quantity
    from aidlib.quantities.english import parse_english_quantity

    parse = parse_quantity if _CJK.search(stated) else parse_english_quantity
    try:
        return parse(stated)
    except QuantityError as err:
        if "no quantity" not in str(err) or not unit or not _CJK.search(stated):
            raise
        return parse_quantity(stated + unit)  # 110亿 printed without 元


def _check_row(
    path, line: int, row: dict[str, str], ids: set[str], subjects: tuple[str, ...], cells: set[str]
) -> list[Problem]:
    """Check what the schema cannot say of one row: its columns together, its links and its stated number.

    ``cells`` are the columns whose cells already broke a rule of the schema (reported
    once, by :class:`aidlib.data.schema.RowChecker`): nothing here reads them again.
    """
    from aidlib.quantities.chinese import QuantityError

    out = []

    def bad(column: str, message: str) -> None:
        out.append(Problem(path, line, column, message))

    fid = row["figure_id"]
    if "subject" not in cells and row["subject"] not in subjects:  # aidlib's and the folder's subjects.csv
        bad("subject", f"unknown subject {row['subject']!r}; expected one of {', '.join(subjects)}")
    unit = row["unit"]
    if not {"unit", "measure"} & cells and MEASURES[row["measure"]] != unit:
        bad(
            "unit", f"{unit!r} does not fit measure {row['measure']!r}: expected {MEASURES[row['measure']]!r}"
        )
    if "period" not in cells:  # a span that runs backwards, or a period that does not fit the basis
        problem = figure_period_problem(row["period"], row["basis"] if "basis" not in cells else "")
        if problem:
            bad("period", problem)
    published = row["published"]
    if "published" in cells:
        pass
    elif published == "n.d.":
        if not row["note"].strip():
            bad("note", "is empty, but published is n.d.: say why the page has no date")
    elif published > date.today().isoformat():
        bad("published", f"{published!r} is in the future")
    elif row["basis"] != "plan" and _first_year(row["period"]) > int(published[:4]):
        bad("published", f"{published!r} is before the period {row['period']} starts (only a plan may be)")
    others = row["conflicts_with"].split(";") if row["conflicts_with"] else []
    for other in others if "conflicts_with" not in cells else ():
        if other == fid:
            bad("conflicts_with", f"{other!r} is this row itself")
        elif other not in ids:
            bad("conflicts_with", f"{other!r} is not a figure_id in this file")
    if {"value", "stated"} & cells:
        return out
    value = parse_value(row["value"])
    try:
        q = _stated_quantity(row["stated"], unit if "unit" not in cells else "")
    except QuantityError as err:
        bad("stated", str(err))
        return out
    if not math.isclose(q.value, value, rel_tol=1e-9):
        says = plain_number(q.value)
        bad("value", f"{row['value']} disagrees with stated {row['stated']!r}, which says {says}")
    if "unit" not in cells and q.unit != unit:
        bad("unit", f"{unit!r} disagrees with stated {row['stated']!r}, which says {q.unit!r}")
    if "qualifier" not in cells and q.qualifier != row["qualifier"]:
        bad(
            "qualifier",
            f"{row['qualifier']!r} disagrees with stated {row['stated']!r}: expected {q.qualifier!r}",
        )
    return out


def check_figures(data: str | os.PathLike[str] | None = None) -> tuple[Table | None, list[Problem]]:
    """Parse and check ``cited_figures.tsv``; :func:`load_figures` and ``aidlib check`` both use this.

    A subject is aidlib's (:data:`aidlib.data.vocabulary.SUBJECTS`) or one the folder's
    ``subjects.csv`` adds (:mod:`aidlib.data.subjects`).
    """
    from aidlib.data.subjects import check_subjects

    folder = paths.data_dir(data)
    subjects, problems = check_subjects(folder)
    table, more = read_table(folder / FIGURES_FILE, COLUMNS, delimiter="\t")
    problems += more
    if table is None:
        return None, problems
    ids = {row["figure_id"] for row in table.rows}
    rows = row_checker("cited_figures", table.path)  # every cell by the schema, and unique ids
    for line, row in table:
        bad, cells = rows.check(line, row)
        problems += bad + _check_row(table.path, line, row, ids, subjects, cells)
    return table, problems


def load_figures(data: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Load the cited figures after checking every row.

    Returns:
        One row per figure, columns in ``COLUMNS`` order; ``value`` float in base
        units, empty cells as empty strings.

    Raises:
        FigureError: any problem; the message names file, line and column.

    Examples:
        >>> figures = load_figures()
        >>> row = figures.set_index("figure_id").loc["shufu.gdp.2022"]
        >>> float(row["value"]), row["unit"], row["reliability"]
        (6000000000.0, '元', 'B')
    """
    table, problems = check_figures(data)
    if problems or table is None:
        raise FigureError(problems)
    frame = figures_frame(table)
    frame.attrs["data"] = str(paths.data_dir(data))  # the folder it came from
    return frame


def figures_frame(table: Table) -> pd.DataFrame:
    """Turn a checked figures table into the DataFrame :func:`load_figures` returns."""
    import pandas as pd

    frame = pd.DataFrame(list(table.rows), columns=list(COLUMNS))
    frame["value"] = frame["value"].map(parse_value).astype(float)
    return frame


def _frame_and_id(figures, figure_id, name: str) -> tuple[pd.DataFrame, str]:
    """Take the arguments frame first; the old order (id first) still works, with a warning."""
    if isinstance(figures, str):  # the order before 0.2: name(figure_id, figures=None)
        import warnings

        warnings.warn(
            f"{name}(figure_id, figures) is deprecated: give the frame first, {name}(figures, figure_id)",
            DeprecationWarning,
            stacklevel=3,
        )
        figures, figure_id = figure_id, figures
    if figure_id is None:
        raise TypeError(f"{name}() needs a figure_id: {name}(figures, figure_id)")
    return (load_figures() if figures is None else figures), figure_id


def figure(figures: pd.DataFrame | None, figure_id: str | None = None) -> dict[str, object]:
    """Return one cited figure as a dict; an unknown id names the nearest known ones.

    Args:
        figures: the cited figures (:func:`load_figures`); None loads them.
        figure_id: the figure's id.

    Examples:
        >>> figure(load_figures(), "xinjiang.livelihood_share.guideline")["value"]
        80.0
    """
    import difflib

    figures, figure_id = _frame_and_id(figures, figure_id, "figure")
    found = figures[figures["figure_id"] == figure_id]
    if found.empty:
        near = difflib.get_close_matches(figure_id, list(figures["figure_id"]), n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise KeyError(f"unknown cited figure {figure_id!r}{hint}")
    return found.iloc[0].to_dict()


def citation(figures: pd.DataFrame | None, figure_id: str | None = None) -> str:
    """Return a one-line citation: outlet, date, URL and reliability grade.

    Args:
        figures: the cited figures (:func:`load_figures`); None loads them.
        figure_id: the figure's id.

    Examples:
        >>> citation(load_figures(), "shufu.gdp.2022").split(", ")[:2]
        ['疏附县人民政府 work report via quyushuju.com', '2023-01-05']
    """
    figures, figure_id = _frame_and_id(figures, figure_id, "citation")
    row = figure(figures, figure_id)
    return f"{row['outlet']}, {row['published']}, {row['url']} (grade {row['reliability']})"


def _preference_key(row) -> tuple:
    repost = " via " in f" {row['outlet']} "
    published = row["published"] if row["published"] != "n.d." else ""
    return ("ABC".index(row["reliability"]), repost, _negated(published), row["figure_id"])


def _negated(text: str) -> tuple[int, ...]:
    """Sort key that puts later dates first (n.d. last)."""
    return tuple(-int(p) for p in text.split("-")) if text else (1,)


def compare(figures: pd.DataFrame, subject: str, measure: str, basis: str, period: str) -> pd.DataFrame:
    """Put every figure that shares subject, measure, basis and period side by side.

    Returns:
        The figures (id, stated, value, qualifier, outlet, published, reliability)
        ordered by :data:`PREFERENCE_RULE`, with ``preferred`` True on the first;
        empty if none match. Nothing is averaged: the caller sees every value.

    Examples:
        >>> c = compare(load_figures(), "19 provinces→Xinjiang", "aid_funds", "annual", "2025")
        >>> c[["figure_id", "reliability", "preferred"]].values.tolist()
        [['xinjiang.aid_funds.2025_en', 'A', True], ['xinjiang.aid_funds.2025', 'B', False]]
    """
    key = (
        (figures["subject"] == subject)
        & (figures["measure"] == measure)
        & (figures["basis"] == basis)
        & (figures["period"] == period)
    )
    rows = figures[key].to_dict("records")
    rows.sort(key=_preference_key)
    import pandas as pd

    cols = ["figure_id", "stated", "value", "qualifier", "outlet", "published", "reliability"]
    out = pd.DataFrame(rows, columns=list(figures.columns))[cols]
    out["preferred"] = [i == 0 for i in range(len(out))]
    return out.reset_index(drop=True)


CONFLICT_COLUMNS = (
    "kind", "subject", "figures", "periods", "stated", "low", "high", "agree", "outlets", "grades",
    "preferred",
)  # fmt: skip


def conflicts(figures: pd.DataFrame) -> pd.DataFrame:
    """List every group of figures that may disagree, one row per group.

    Two kinds of group: figures that share subject, measure, basis and period
    (the same number asked twice), and figures the curators linked with
    ``conflicts_with`` (documented conflicts of level or definition across
    periods). For each: the ids, the values as printed, their range, the outlets
    and grades, whether the values agree, and the preferred figure by
    :data:`PREFERENCE_RULE` (empty where the periods differ: figures for different
    periods do not answer the same question, so none is preferred).
    """
    import pandas as pd

    groups: list[tuple[str, list[str]]] = []
    keyed = figures.groupby(["subject", "measure", "basis", "period"], sort=False)["figure_id"].apply(list)
    for key, ids in keyed.items():
        if len(ids) > 1:
            groups.append(("same subject, measure, basis and period: " + " · ".join(key), ids))
    for ids in _linked(figures):
        groups.append(("documented conflict (conflicts_with)", ids))
    by_id = figures.set_index("figure_id")
    rows = []
    for kind, ids in groups:
        sub = by_id.loc[ids].reset_index()
        # one figure can be preferred only among answers to the same question (same period)
        same_period = len(set(sub["period"])) == 1
        best = min(sub.to_dict("records"), key=_preference_key)["figure_id"] if same_period else ""
        values = sub["value"]
        rows.append(
            {
                "kind": kind,
                "subject": sub["subject"].iloc[0],
                "figures": ", ".join(ids),
                "periods": ", ".join(sub["period"]),
                "stated": " | ".join(sub["stated"]),
                "low": values.min(),
                "high": values.max(),
                "agree": bool(values.min() == values.max() and len(set(sub["period"])) == 1),
                "outlets": " | ".join(sub["outlet"]),
                "grades": "".join(sub["reliability"]),
                "preferred": best,
            }
        )
    return pd.DataFrame(
        rows,
        columns=list(CONFLICT_COLUMNS),
    )


def _linked(figures: pd.DataFrame) -> list[list[str]]:
    """Connected groups of ``conflicts_with`` links, in file order."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    order = list(figures["figure_id"])
    for fid, linked in zip(figures["figure_id"], figures["conflicts_with"], strict=True):
        for other in filter(None, linked.split(";")):
            parent[find(other)] = find(fid)
    groups: dict[str, list[str]] = {}
    for fid in order:
        if fid in parent:
            groups.setdefault(find(fid), []).append(fid)
    return [ids for ids in groups.values() if len(ids) > 1]


def series(figures: pd.DataFrame, subject: str, measure: str) -> pd.DataFrame:
    """The figures of one subject and measure that cover one year or part of one, by year.

    Spans of several years (cumulative, five-year plans) are left out: they are
    not points of a yearly series (list them with a plain filter). Each row keeps
    its basis, so a chart can mark it and never join different bases. Where
    several figures share a period and basis, only the preferred one is kept
    (:data:`PREFERENCE_RULE`; :func:`compare` shows them all).

    Returns:
        Columns figure_id, year, period, basis, value, qualifier, unit, reliability;
        sorted by year then basis (numbers only: :func:`aidlib.series` adds the value as
        a reader sees it). Years with no figure are simply absent (gaps stay gaps).

    Examples:
        >>> s = series(load_figures(), "19 provinces→Xinjiang", "aid_funds")
        >>> s[s["basis"] == "annual"]["year"].tolist()
        [2017, 2018, 2019, 2024, 2025]
    """
    import pandas as pd

    rows = figures[(figures["subject"] == subject) & (figures["measure"] == measure)]
    rows = rows[~_spans_years(rows["period"])]
    best = {}
    for row in sorted(rows.to_dict("records"), key=_preference_key):
        best.setdefault((row["period"], row["basis"]), row["figure_id"])
    rows = rows[rows["figure_id"].isin(set(best.values()))]
    out = pd.DataFrame(
        {
            "figure_id": rows["figure_id"],
            "year": [parse_period(p).first_year for p in rows["period"]],
            "period": rows["period"],
            "basis": rows["basis"],
            "value": rows["value"],
            "qualifier": rows["qualifier"],
            "unit": rows["unit"],
            "reliability": rows["reliability"],
        }
    )
    return out.sort_values(["year", "basis", "figure_id"]).reset_index(drop=True)


def _spans_years(periods: pd.Series) -> pd.Series:
    """True where a period runs across more than one calendar year (2010/2019-09, 2011/2015)."""
    return periods.map(lambda text: parse_period(text).spans_years).astype(bool)


def spans(figures: pd.DataFrame, subject: str, measure: str) -> pd.DataFrame:
    """The figures of one subject and measure that span several years: the complement of :func:`series`.

    Cumulative totals and multi-year plans cannot be points of a yearly series;
    they are listed (figure_id, basis, period, stated, reliability), never drawn
    as one.

    Examples:
        >>> spans(load_figures(), "Guangzhou→Shufu", "aid_funds")["figure_id"].tolist()
        ['guangzhou_shufu.aid_funds.plan_2011_2015']
    """
    rows = figures[(figures["subject"] == subject) & (figures["measure"] == measure)]
    rows = rows[_spans_years(rows["period"])]
    return rows[["figure_id", "basis", "period", "stated", "reliability"]].reset_index(drop=True)
