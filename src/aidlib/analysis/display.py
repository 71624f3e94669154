"""Every value a reader sees, written one way: numbers, bounds, units, scale words, tables.

One number style across the notebooks, the charts and the report's pages:

- a hedge is a sign in front: ``≥`` at least, ``≤`` at most, ``≈`` about; a range is ``5–10%``;
- money reads in scale words, English ``530 million yuan``, ``≥ 18.8 billion yuan``, or Chinese
  ``5.3亿元``, ``6423万元``; a stated value keeps its digits, a derived one is rounded to the
  precision its inputs support (:func:`round_shown`) and marked ``≈`` when rounding changed it;
- the English unit names what is counted: ``10 townships``, not ``10 units`` (:func:`count_noun`);
  one of something is singular (``1 township``).

:func:`reader_table` turns a DataFrame into the table a reader sees: no index column, plain
headers, words for booleans, grades explained, no dict or Series dumps, and ids or formulas
moved into a details toggle.
"""

from __future__ import annotations

import math
import os
import re
from typing import TYPE_CHECKING

from aidlib.data.vocabulary import RELIABILITY

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

# How a qualifier reads in front of a value.
BOUND_SIGNS = {"exact": "", "over": "≥ ", "about": "≈ ", "under": "≤ "}
# The same, in words (legends, alt text).
BOUND_WORDS = {"exact": "exactly", "over": "at least", "about": "about", "under": "at most"}

# Derived values are shown to the precision their inputs support: three significant
# figures, but whole units from 100 to 10,000 (2,015 yuan per person, 1,606 per household).
SIGNIFICANT = 3
# Large amounts of money read in words: (threshold, divisor, English, Chinese). English
# writes thousands of millions as billions; Chinese writes 亿 (10⁸) and 万 (10⁴).
MONEY_SCALES = ((1e9, 1e9, "billion", None), (1e8, 1e8, None, "亿"), (1e6, 1e6, "million", None),
                (1e4, 1e4, None, "万"))  # fmt: skip
MONEY_UNITS = ("yuan", "元")

# The English names of the units of cited figures (data/cited_figures.tsv), where the
# measure word alone would mislead: a 套 of the housing figures is a dwelling.
CITED_UNITS = {"元": "yuan", "人": "people", "套": "housing units", "%": "percent"}
# Measure words that say nothing of what they count (个 is "units"): the count's own noun
# comes from its label (see :func:`count_noun`).
GENERIC_UNITS = ("units", "items")

# English plurals that are not the name of a measure word (those are in aidlib.data.vocabulary).
SINGULAR = {"major items": "major item", "minor items": "minor item", "housing units": "housing unit",
            "event sessions": "event session", "person-times": "person-time"}  # fmt: skip

# The reliability grades of cited figures, in words (the vocabulary's RELIABILITY): a reader
# is told that A is about where a figure comes from, not whether anyone checked it.
GRADES = {
    grade: f"{grade}: {words}" + (" (provenance, not independence)" if grade == "A" else "")
    for grade, words in RELIABILITY.items()
}


def round_shown(x: float, direction: str = "nearest") -> float:
    """Round a derived value for display: 3 significant figures, whole units from 100 to 10,000.

    ``direction`` is ``nearest``, ``down`` (a lower bound) or ``up`` (an upper bound): an upper
    bound rounds up and a lower bound down, so the bound stays true.

    Examples:
        >>> round_shown(695_882_352.9), round_shown(2015.1), round_shown(8.8333), round_shown(0.46789)
        (696000000.0, 2015.0, 8.83, 0.468)
        >>> round_shown(1605.75, "up"), round_shown(1.97166, "up"), round_shown(1.97166, "down")
        (1606.0, 1.98, 1.97)
    """
    from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal

    if x == 0 or math.isinf(x) or math.isnan(x):
        return x
    exponent = math.floor(math.log10(abs(x)))
    places = 0 if 2 <= exponent <= 3 else SIGNIFICANT - 1 - exponent  # whole units below 10,000
    mode = {"nearest": ROUND_HALF_EVEN, "down": ROUND_FLOOR, "up": ROUND_CEILING}[direction]
    return float(Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-places), rounding=mode))


def singular(unit: str) -> str:
    """The singular of an English unit (``1 fact``, not ``1 facts``).

    Examples:
        >>> singular("facts"), singular("people"), singular("kg"), singular("state farms")
        ('fact', 'person', 'kg', 'state farm')
    """
    from aidlib.data.vocabulary import singular as vocabulary_singular

    if unit in SINGULAR:
        return SINGULAR[unit]
    one = vocabulary_singular(unit)  # the one vocabulary of measure words first
    if one != unit:
        return one
    if re.fullmatch(r"[a-z -]*[a-z]s", unit) and not unit.endswith(("ss", "us")):
        return unit[:-3] + "y" if unit.endswith("ies") else unit[:-1]
    return unit


def count_noun(unit_en: str, label: str = "") -> str:
    """The English noun a count is written with: the unit, or for 个 (``units``) the label's noun.

    The curated unit of 个 is ``units``, which says nothing; the label names the thing
    counted, so its first plural noun is used (with the word before it when the label
    opens with the two, as in "State farms ...").

    Examples:
        >>> count_noun("units", "Townships covered by housing upgrades")
        'townships'
        >>> count_noun("units", "State farms covered by housing upgrades")
        'state farms'
        >>> count_noun("units", "Agricultural trial and demonstration projects")
        'projects'
        >>> count_noun("households", "Farming households"), count_noun("units", "")
        ('households', 'units')
    """
    if unit_en not in GENERIC_UNITS or not label:
        return unit_en
    words = re.findall(r"[A-Za-z][A-Za-z-]*", label.split("(")[0])
    for i, word in enumerate(words):
        if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us")):
            return " ".join(words[max(0, i - 1) if i == 1 else i : i + 1]).lower()
    return unit_en


def with_unit(number: str, unit: str) -> str:
    """Attach a unit the one way the project writes it: ``70%``, ``5 yuan``, ``6423万元``.

    Examples:
        >>> with_unit("70", "percent"), with_unit("5", "yuan"), with_unit("5", ""), with_unit("5.3", "亿元")
        ('70%', '5 yuan', '5', '5.3亿元')
    """
    if unit in ("percent", "%"):
        return f"{number}%"
    if unit and not unit[0].isascii():  # Chinese units follow the number without a space
        return f"{number}{unit}"
    return f"{number} {unit}" if unit else number


def _decimals(x: float) -> int:
    """Decimals needed to write ``x`` without trailing noise (at most 6)."""
    text = f"{x:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def number_text(values: list[float], unit: str) -> tuple[list[str], str]:
    """Write numbers with thousands separators, money in scale words (696 million yuan, 1.747亿元).

    All values share the scale of the largest, so they read side by side. Returns the
    numbers as text and the unit to write after them.

    Examples:
        >>> number_text([696_000_000.0], "yuan"), number_text([174_700_000.0], "元")
        ((['696'], 'million yuan'), (['1.747'], '亿元'))
        >>> number_text([2015.0, 0.468], "people"), number_text([24_090_909.1], "yuan per major item")
        ((['2,015', '0.468'], 'people'), (['24.090909'], 'million yuan per major item'))
    """
    finite = [abs(v) for v in values if v == v and abs(v) != math.inf]
    divisor, word = _money_word(max(finite, default=0.0), unit)
    group = "" if word and not word.isascii() else ","  # 6423万元, not 6,423万元
    texts = []
    for v in values:
        scaled = v / divisor
        places = 0 if float(scaled).is_integer() else _decimals(scaled)
        texts.append(f"{scaled:{group}.{places}f}")
    if word:
        unit = f"{word} {unit}" if unit.startswith("yuan") else f"{word}{unit}"
    return texts, unit


def _money_word(top: float, unit: str) -> tuple[float, str]:
    """The divisor and scale word money of this size is written in (1e6, ``million``; 1e8, ``亿``)."""
    if is_money(unit):
        for threshold, div, english, chinese in MONEY_SCALES:
            name = english if unit.startswith("yuan") else chinese
            if name and top >= threshold:
                return div, name
    return 1.0, ""


def money_scale(top: float, unit: str) -> tuple[float, str]:
    """The divisor and unit a chart of values up to ``top`` is drawn in: money in scale words.

    Examples:
        >>> money_scale(530_000_000, "yuan"), money_scale(6.4e7, "元"), money_scale(2846, "people")
        ((1000000.0, 'million yuan'), (10000.0, '万元'), (1.0, 'people'))
    """
    divisor, word = _money_word(abs(top), unit)
    if not word:
        return 1.0, unit
    return divisor, f"{word} {unit}" if unit.startswith("yuan") else f"{word}{unit}"


def is_money(unit: str) -> bool:
    """Whether a unit is yuan, or yuan per something (written in scale words).

    Examples:
        >>> is_money("yuan"), is_money("元/户"), is_money("yuan per household"), is_money("yuanbao")
        (True, True, True, False)
    """
    return unit in MONEY_UNITS or unit.startswith(("yuan per ", "元/"))


def value_text(
    value: float, qualifier: str = "exact", unit: str = "", high: float | None = None, label: str = ""
) -> str:
    """Write a stated value the way a reader should take it (its digits kept, money in words).

    A hedge bounds the size of a fall: ``over`` -3 reads ``≤ -3``; a range reads ``5–10``.
    ``label`` names what a count of ``units`` counts (:func:`count_noun`).

    Examples:
        >>> value_text(40000, "over", "households")
        '≥ 40,000 households'
        >>> value_text(530_000_000, "exact", "yuan"), value_text(64_230_000, "exact", "元")
        ('530 million yuan', '6423万元')
        >>> value_text(18.8e9, "over", "yuan"), value_text(11672.82, "exact", "tonnes")
        ('≥ 18.8 billion yuan', '11,672.82 tonnes')
        >>> value_text(-3, "over", "percent"), value_text(5, "range", "percent", 10)
        ('≤ -3%', '5–10%')
        >>> value_text(10, "exact", "units", label="Townships covered"), value_text(1, "exact", "facts")
        ('10 townships', '1 fact')
    """
    if qualifier not in (*BOUND_SIGNS, "range"):
        raise ValueError(f"unknown qualifier {qualifier!r}; expected one of {', '.join(BOUND_SIGNS)}, range")
    unit = count_noun(unit, label)
    if qualifier == "range":
        (low_text, high_text), unit = number_text([value, high], unit)  # type: ignore[list-item]
        return with_unit(f"{low_text}–{high_text}", unit)
    if value < 0 and qualifier in ("over", "under"):  # the hedge bounds the size of the fall
        qualifier = "under" if qualifier == "over" else "over"
    if value == 1 and qualifier == "exact":
        unit = singular(unit)
    if is_money(unit):
        (number,), unit = number_text([value], unit)
    else:
        number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return BOUND_SIGNS[qualifier] + with_unit(number, unit)


def interval_text(low: float, high: float, approx: bool, unit: str) -> str:
    """Write a derived interval to the precision its inputs support, bounds rounded outward.

    A single value is rounded to nearest (``≈`` when rounding changed it or ``approx``);
    ``[x, ∞]`` reads ``≥ x`` (rounded down), ``[0, x]`` and ``[-∞, x]`` read ``≤ x``
    (rounded up), anything else ``low–high``.

    Examples:
        >>> interval_text(695_882_352.9, 695_882_352.9, False, "yuan")
        '≈ 696 million yuan'
        >>> interval_text(0, 1605.75, False, "元/户"), interval_text(60.0, 60.0, False, "percent")
        ('≤ 1,606元/户', '60%')
        >>> interval_text(23.26, 56.23, False, "percent"), interval_text(18.8e9, math.inf, False, "yuan")
        ('23.2–56.3%', '≥ 18.8 billion yuan')
    """
    if low == high:
        shown = round_shown(low)
        (number,), unit = number_text([shown], unit)
        rounded = not math.isclose(shown, low, rel_tol=1e-9, abs_tol=1e-12)
        sign = BOUND_SIGNS["about"] if approx or rounded else ""
        return sign + with_unit(number, unit)
    if high == math.inf:
        (number,), unit = number_text([round_shown(low, "down")], unit)
        return BOUND_SIGNS["over"] + with_unit(number, unit)
    if low in (-math.inf, 0):
        (number,), unit = number_text([round_shown(high, "up")], unit)
        return BOUND_SIGNS["under"] + with_unit(number, unit)
    (low_text, high_text), unit = number_text([round_shown(low, "down"), round_shown(high, "up")], unit)
    return with_unit(f"{low_text}–{high_text}", unit)


def cited_unit(unit: str) -> str:
    """The English name of a cited figure's unit.

    Examples:
        >>> cited_unit("套"), cited_unit("元"), cited_unit("吨")
        ('housing units', 'yuan', 'tonnes')
    """
    if unit in CITED_UNITS:
        return CITED_UNITS[unit]
    from aidlib.quantities.chinese import UNITS

    return UNITS.get(unit, unit)


def unit_en(unit: str) -> str:
    """Translate a unit built from measure words: ``元/户`` → ``yuan per household``.

    Examples:
        >>> unit_en("元/户"), unit_en("%"), unit_en("facts")
        ('yuan per household', 'percent', 'facts')
    """
    from aidlib.quantities.chinese import UNITS

    parts = unit.split("/")
    words = [UNITS.get(p, p) for p in parts]
    words[1:] = [singular(w) for w in words[1:]]
    return " per ".join(words)


def grade_text(grade: str) -> str:
    """A reliability grade in words.

    Examples:
        >>> grade_text("B")
        "B: a named outlet's piece reposted elsewhere"
    """
    if grade not in GRADES:
        raise ValueError(f"unknown reliability grade {grade!r}; expected one of {', '.join(GRADES)}")
    return GRADES[grade]


def cell_text(value: object) -> str:
    """Any table cell as plain words: booleans as yes/no, numbers in the one style, no dumps.

    Examples:
        >>> cell_text(True), cell_text(530000000.0), cell_text(0.4678), cell_text({"gbk_shift": 7, "html": 1})
        ('yes', '530,000,000', '0.4678', 'gbk_shift 7, html 1')
        >>> cell_text(None), cell_text(float("nan")), cell_text(["a", "b"])
        ('', '', 'a, b')
    """
    import numbers

    if value is None:
        return ""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "yes" if value else "no"
    if isinstance(value, numbers.Integral):
        return f"{int(value):,}"
    if isinstance(value, numbers.Real):
        x = float(value)
        if math.isnan(x):
            return ""
        if math.isinf(x):
            return "∞" if x > 0 else "-∞"
        return f"{x:,.0f}" if x.is_integer() else f"{x:,.{min(_decimals(x), 4)}f}"
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


# Columns a reader does not need inline: ids and formulas go into the row's details toggle.
DETAIL_COLUMNS = ("metric_id", "indicator_id", "figure_id", "formula", "inputs", "duplicate_of", "part_of")


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


class ReaderNote:
    """Paragraphs and a list of citations; shows as HTML in a notebook and on a page."""

    def __init__(self, paragraphs: tuple[str, ...], citations: list[tuple[str, str, str, str]]):
        """Hold the paragraphs and the citations (outlet, title, date, url)."""
        self.paragraphs, self.citations = paragraphs, citations

    def __repr__(self) -> str:
        """Plain text: the paragraphs, then one citation a line."""
        cites = [f"- {o}, {t}, {d}. {u}" for o, t, d, u in self.citations]
        return "\n\n".join(self.paragraphs) + ("\n" + "\n".join(cites) if cites else "")

    def _repr_html_(self) -> str:
        import html

        esc = html.escape
        paras = "".join(f"<p>{esc(p)}</p>" for p in self.paragraphs)
        items = "".join(
            f"<li>{esc(o)}, <cite>{esc(t)}</cite>, {esc(d)}. "
            f"<a rel='external noopener' href='{esc(u)}'>Link</a></li>"
            for o, t, d, u in self.citations
        )
        return f"<div class=limits>{paras}<ul class=references>{items}</ul></div>"


def limits_note(
    paragraphs: str, topic: str = "labour_programmes", data: str | os.PathLike[str] | None = None
) -> ReaderNote:
    """What the sources cannot show: the study's own words, then the citations of ``references.csv``.

    Args:
        paragraphs: the text, paragraphs separated by blank lines (a study keeps it in one
            file, e.g. ``notebooks/limits.md``, read by every notebook that shows it).
        topic: the references' topic (:data:`aidlib.data.references.TOPICS`).
        data: the data folder (default: as :func:`aidlib.data.paths.data_dir` finds it).

    Examples:
        >>> note = limits_note("These figures cannot show outcomes.")
        >>> "cannot show outcomes" in repr(note) and "ohchr.org" in repr(note)
        True
    """
    from aidlib.data.references import load_references

    paras = tuple(" ".join(p.split()) for p in paragraphs.split("\n\n") if p.strip())
    if not paras:
        raise ValueError("limits_note: the text is empty; say what the sources cannot show")
    refs = load_references(data, topic=topic)
    cites = [(r.outlet, r.title, r.published, r.url) for r in refs.itertuples(index=False)]
    return ReaderNote(paras, cites)


# ---- periods and grades, as a reader reads them ---------------------------------------------------
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# A cumulative figure states no dates (累计): said so, not left blank.
CUMULATIVE_TEXT = "cumulative, no dates stated"
# The reliability grades in a word or two, for a line of text (GRADES explains each in full).
GRADE_WORDS = {"A": "original page", "B": "repost", "C": "unattributed source"}


def _point_text(point: str) -> str:
    """``2023`` → ``2023``; ``2019-09`` → ``Sep 2019``."""
    return f"{MONTHS[int(point[5:]) - 1]} {point[:4]}" if len(point) == 7 else point


def period_text(period: str) -> str:
    """A period as dates a reader reads: ``Jan–Sep 2023``, ``2016–2020``, ``2010 to Sep 2019``.

    A year or a month stays one date; a span within one year names its months; a span of
    whole years is a range of years; any other span runs from one date *to* the other.

    Raises:
        aidlib.data.periods.PeriodError: not a period (the message lists the forms).

    Examples:
        >>> period_text("2023"), period_text("2023-01/2023-09"), period_text("2016/2020")
        ('2023', 'Jan–Sep 2023', '2016–2020')
        >>> period_text("2010/2019-09"), period_text("2023-06"), period_text("2022-07/2023-06")
        ('2010 to Sep 2019', 'Jun 2023', 'Jul 2022 to Jun 2023')
        >>> period_text("2023-01/2023-01"), period_text("2025/2025"), period_text("cumulative")
        ('Jan 2023', '2025', 'cumulative, no dates stated')
    """
    from aidlib.data.periods import parse_period

    p = parse_period(period)
    if p.cumulative:
        return CUMULATIVE_TEXT
    if p.start == p.end:
        return _point_text(p.start)
    months = p.months_of()
    if months:
        first, last = (MONTHS[m - 1] for m in months)
        return f"{first}–{last} {p.start[:4]}"
    if len(p.start) == len(p.end) == 4:
        return f"{p.start}–{p.end}"
    return f"{_point_text(p.start)} to {_point_text(p.end)}"


def periods_text(periods) -> str:
    """The periods of one figure or table, each written once, in the order first met.

    Examples:
        >>> periods_text(["2025", "2025"]), periods_text(["2023", "2023-01/2023-09", "2023"])
        ('2025', '2023 and Jan–Sep 2023')
        >>> periods_text(["2014", "2020", "2023"])
        '2014, 2020 and 2023'
    """
    shown = list(dict.fromkeys(period_text(str(p)) for p in periods))
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + f" and {shown[-1]}"


def grades_text(grades) -> str:
    """Reliability grades in words (a string of grades, as ``conflicts`` gives, or a list).

    Examples:
        >>> grades_text("BCA")
        'a repost (B), an unattributed source (C) and an original page (A)'
        >>> grades_text(["A", "A"]), grades_text("A")
        ('two original pages (A)', 'an original page (A)')
    """
    grades = list(grades)
    for grade in grades:
        if grade not in GRADE_WORDS:
            raise ValueError(f"unknown reliability grade {grade!r}; expected one of {', '.join(GRADE_WORDS)}")
    counts = dict.fromkeys(grades, 0)
    for grade in grades:
        counts[grade] += 1
    numbers = {2: "two", 3: "three", 4: "four", 5: "five"}

    def one(grade: str, n: int) -> str:
        word = GRADE_WORDS[grade]
        if n > 1:
            return f"{numbers.get(n, n)} {word}s ({grade})"
        return f"{'an' if word[0] in 'aeiou' else 'a'} {word} ({grade})"

    parts = [one(g, n) for g, n in counts.items()]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" and {parts[-1]}"
