"""Tables as a reader sees them: no index column, plain headers, words, ids in a details toggle.

:func:`reader_table` turns a DataFrame into the table a reader sees: no index column, plain
headers, words for booleans, grades explained, periods as dates, numbers in the one style
(:mod:`aidlib.analysis.numbers`), no dict or Series dumps, and ids or formulas moved into a
details toggle.
"""

from __future__ import annotations

import re
from numbers import Real
from typing import TYPE_CHECKING

from aidlib.analysis.numbers import cell_number
from aidlib.analysis.reader_words import GRADES, grade_text, period_text

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

# Columns a reader does not need inline: ids and formulas go into the row's details toggle.
DETAIL_COLUMNS = ("metric_id", "indicator_id", "figure_id", "formula", "inputs", "duplicate_of", "part_of")


def cell_text(value: object) -> str:
    """Any table cell as plain words: booleans as yes/no, numbers in the one style, no dumps.

    Examples:
        >>> cell_text(True), cell_text(530000000.0), cell_text(0.4678), cell_text({"gbk_shift": 7, "html": 1})
        ('yes', '530,000,000', '0.4678', 'gbk_shift 7, html 1')
        >>> cell_text(None), cell_text(float("nan")), cell_text(["a", "b"])
        ('', '', 'a, b')
    """
    if value is None:
        return ""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "yes" if value else "no"
    if isinstance(value, Real):
        return cell_number(value)
    if isinstance(value, dict):
        return ", ".join(f"{k} {cell_text(v)}" for k, v in value.items())
    if hasattr(value, "items") and hasattr(value, "index"):  # a pandas Series
        return ", ".join(f"{k} {cell_text(v)}" for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(cell_text(v) for v in value)
    return str(value)


def header_text(name: str) -> str:
    """A column name as a plain header: ``text_en`` → ``value``, ``label_zh`` → ``label (Chinese)``.

    Examples:
        >>> header_text("text_en"), header_text("per_household"), header_text("label_zh")
        ('value', 'per household', 'label (Chinese)')
    """
    plain = {"text_en": "value", "text": "value", "shown": "value", "label_en": "label", "label_zh":
             "label (Chinese)", "reliability": "grade", "caveat": "caveat", "period": "period"}  # fmt: skip
    return plain.get(name, str(name).replace("_", " "))


def html_text(text: str) -> str:
    r"""Text escaped for HTML, a hedge kept on the line of its number (``≈ 43.8%`` never breaks after ≈).

    Examples:
        >>> html_text("≈ 43.8% & ≤ 1,606 yuan")
        '≈\xa043.8% &amp; ≤\xa01,606 yuan'
    """
    import html

    return re.sub(r"([≥≤≈]) (?=[-\d])", "\\1\u00a0", html.escape(text))


class ReaderTable:
    """A table as a reader sees it (see :func:`reader_table`); shows as HTML in a notebook."""

    def __init__(self, headers: list[str], rows: list[list[str]], details: list[str], caption: str = ""):
        """Hold the headers, the rows of cell text and each row's details (may be empty)."""
        self.headers, self.rows, self.details, self.caption = headers, rows, details, caption

    def __repr__(self) -> str:
        """Plain text, one row a line, cells joined by `` | ``: what a test pins."""
        lines = [" | ".join(self.headers)]
        lines += [
            " | ".join(row) + (f"  [{d}]" if d else "")
            for row, d in zip(self.rows, self.details, strict=True)
        ]
        return "\n".join(([self.caption] if self.caption else []) + lines)

    def _repr_html_(self) -> str:
        import html

        esc = html.escape
        head = "".join(f"<th scope=col>{esc(h)}</th>" for h in self.headers)
        body = []
        def label(header: str, cell: str) -> str:  # a phone's card names each value; an empty one, not
            return f" data-label='{esc(header)}'" if cell else ""

        for row, detail in zip(self.rows, self.details, strict=True):
            cells = [f"<td{label(h, c)}>{html_text(c)}</td>" for h, c in zip(self.headers, row, strict=True)]
            if detail:
                cells[-1] = (
                    f"<td{label(self.headers[-1], row[-1])}>{html_text(row[-1])}<details class=ids>"
                    f"<summary>ids and formula</summary><small>{esc(detail)}</small></details></td>"
                )
            body.append("<tr>" + "".join(cells) + "</tr>")
        caption = f"<caption>{esc(self.caption)}</caption>" if self.caption else ""
        return (
            f"<table class=reader>{caption}<thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>"
        )


def reader_table(
    frame: pd.DataFrame | pd.Series | dict,
    columns: dict[str, str] | list[str] | None = None,
    caption: str = "",
    details: tuple[str, ...] = DETAIL_COLUMNS,
) -> ReaderTable:
    """The reader-facing view of a table: no index column, plain headers, words, details toggled.

    Grades (a ``reliability`` column) are written in words, periods (a ``period`` column)
    as dates (:func:`period_text`); every other cell as :func:`cell_text` writes it.

    Args:
        frame: a DataFrame (its index is dropped unless it holds labels, then it becomes the
            first column), a Series or a dict (label → value).
        columns: the columns to show, in order; a dict also renames them (column → header).
            Default: every column but the detail ones.
        caption: a line above the table.
        details: columns moved into each row's "ids and formula" toggle when present.

    Examples:
        >>> import pandas as pd
        >>> reader_table(pd.DataFrame({"metric_id": ["a.b"], "label": ["Farms"], "exact": [True]}))
        label | exact
        Farms | yes  [metric id: a.b]
        >>> reader_table(pd.DataFrame({"label": ["Trade"], "period": ["2023-01/2023-09"]}))
        label | period
        Trade | Jan–Sep 2023
        >>> reader_table(pd.Series({"exact": 54, "over": 17}, name="count"))
        item | count
        exact | 54
        over | 17
    """
    import pandas as pd

    if isinstance(frame, dict):
        frame = pd.Series(frame, name="value", dtype=object)
    if isinstance(frame, pd.Series):
        frame = frame.rename_axis("item").reset_index(name=frame.name or "value")
    elif not isinstance(frame.index, pd.RangeIndex):
        name = frame.index.name or "item"
        frame = frame.rename_axis(name).reset_index()
    if columns is None:
        columns = [c for c in frame.columns if c not in details]
    names = dict(columns) if isinstance(columns, dict) else {c: header_text(c) for c in columns}
    missing = [c for c in names if c not in frame.columns]
    if missing:
        raise KeyError(
            f"reader_table: no column {', '.join(map(repr, missing))}; have {', '.join(frame.columns)}"
        )
    shown_details = [c for c in details if c in frame.columns and c not in names]
    rows, notes = [], []
    for record in frame.to_dict("records"):
        row = []
        for col in names:
            value = record[col]
            if col == "reliability" and value in GRADES:
                row.append(grade_text(value))
            elif col == "period":
                row.append(_period_cell(value))
            else:
                row.append(cell_text(value))
        rows.append(row)
        notes.append(
            "; ".join(
                f"{header_text(c)}: {cell_text(record[c])}" for c in shown_details if cell_text(record[c])
            )
        )
    return ReaderTable(list(names.values()), rows, notes, caption)


def _period_cell(value: object) -> str:
    """A ``period`` cell as dates (``Jan–Sep 2023``); text that is no period is left as it is."""
    from aidlib.data.periods import PeriodError

    text = cell_text(value)
    try:
        return period_text(text) if text else text
    except PeriodError:
        return text
