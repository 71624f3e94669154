"""Periods of the data (``2023``, ``2023-01/2023-09``, ``2011/2015``, ``cumulative``): one reader.

A period is a point (a year ``2023`` or a month ``2023-06``), a span of two points
``start/end`` (``2023-01/2023-09`` for 1-9月, ``2011/2015`` for a five-year plan,
``2010/2019-09``), or ``cumulative`` (累计 with no period stated). Every module reads
periods through :func:`parse_period`; each table then says which of these forms
it allows (:func:`metric_period_problem`, :func:`figure_period_problem`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A year, or a year and a month 01-12.
_POINT = re.compile(r"(?P<year>\d{4})(?:-(?P<month>0[1-9]|1[0-2]))?")
CUMULATIVE = "cumulative"
_FORMS = "2023, 2023-06, 2011/2015, 2010/2019-09, 2023-01/2023-09 or cumulative"


class PeriodError(ValueError):
    """A text is not a period."""


@dataclass(frozen=True)
class Period:
    """A period read from its text.

    Attributes:
        text: the period as written.
        start: the first point (``2023`` or ``2023-01``); empty for ``cumulative``.
        end: the last point; equal to ``start`` for a single point.
    """

    text: str
    start: str
    end: str

    @property
    def cumulative(self) -> bool:
        """Whether the period is ``cumulative`` (no dates)."""
        return not self.start

    @property
    def is_span(self) -> bool:
        """Whether it was written ``start/end``."""
        return "/" in self.text

    @property
    def is_year(self) -> bool:
        """Whether it is one calendar year written as such (``2023``)."""
        return not self.is_span and len(self.start) == 4

    @property
    def first_year(self) -> int | None:
        """The calendar year it starts in (None for ``cumulative``)."""
        return int(self.start[:4]) if self.start else None

    @property
    def last_year(self) -> int | None:
        """The calendar year it ends in (None for ``cumulative``)."""
        return int(self.end[:4]) if self.end else None

    @property
    def years(self) -> int | None:
        """How many calendar years it touches (``2011/2015`` → 5, ``2023-01/2023-09`` → 1)."""
        if self.cumulative:
            return None
        return self.last_year - self.first_year + 1  # type: ignore[operator]

    @property
    def spans_years(self) -> bool:
        """Whether it runs across more than one calendar year (``2010/2019-09``, ``2011/2015``)."""
        return self.years is not None and self.years > 1

    def months_of(self) -> tuple[int, int] | None:
        """First and last month of a span of months within one year (``2023-01/2023-09`` → (1, 9))."""
        if not self.is_span or len(self.start) != 7 or len(self.end) != 7 or self.spans_years:
            return None
        return int(self.start[5:]), int(self.end[5:])


def parse_period(text: str) -> Period:
    """Read a period; points compare as text, so the end may not come before the start.

    Raises:
        PeriodError: not a period, or a span that ends before it starts.

    Examples:
        >>> p = parse_period("2011/2015")
        >>> p.first_year, p.years, p.spans_years
        (2011, 5, True)
        >>> parse_period("2023-01/2023-09").months_of(), parse_period("2023").is_year
        ((1, 9), True)
        >>> parse_period("cumulative").years is None
        True
        >>> parse_period("2023-09/2023-01")
        Traceback (most recent call last):
        aidlib.data.periods.PeriodError: '2023-09/2023-01' ends before it starts
    """
    if text == CUMULATIVE:
        return Period(text, "", "")
    start, sep, end = text.partition("/")
    if not _POINT.fullmatch(start) or (sep and not _POINT.fullmatch(end)):
        raise PeriodError(f"{text!r} is not a period: expected {_FORMS}")
    if sep and end < start:
        raise PeriodError(f"{text!r} ends before it starts")
    return Period(text, start, end or start)


def metric_period_problem(text: str) -> str | None:
    """What is wrong with a curated metric's period, or None.

    A metric's period is one year (``2023``), a span of years (十三五 is ``2016/2020``,
    2016年以来 in a 2023 report is ``2016/2023``), a span of months (1-9月 is
    ``2023-01/2023-09``, also across years) or ``cumulative`` (累计 with no period
    stated); a span starts before it ends.

    Examples:
        >>> metric_period_problem("2023"), metric_period_problem("2023-01/2023-09")
        (None, None)
        >>> metric_period_problem("2016/2020"), metric_period_problem("2021-07/2023-06")
        (None, None)
        >>> metric_period_problem("2023-06").split(": expected")[0]
        "'2023-06' is not a period"
        >>> metric_period_problem("2020/2016")
        "'2020/2016' ends before it starts"
    """
    expected = "2023, 2016/2020, 2023-01/2023-09 (start before end) or cumulative"
    try:
        p = parse_period(text)
    except PeriodError as err:
        return str(err) if "ends before" in str(err) else f"{text!r} is not a period: expected {expected}"
    years = p.is_span and len(p.start) == 4 and len(p.end) == 4 and p.start < p.end
    months = p.is_span and len(p.start) == 7 and len(p.end) == 7
    if not (p.cumulative or p.is_year or years or months):
        return f"{text!r} is not a period: expected {expected}"
    return None


def figure_period_problem(text: str, basis: str) -> str | None:
    """What is wrong with a cited figure's period for its basis, or None.

    What a basis allows is in :data:`aidlib.data.vocabulary.BASES`: ``year``,
    ``span``, ``year_or_span`` or ``months:N`` (January to month N of one year). An
    unknown basis is reported on its own: the period is then checked alone. A cited
    figure is never ``cumulative``: its span is stated.

    Examples:
        >>> figure_period_problem("2023-01/2023-09", "jan_sep") is None
        True
        >>> figure_period_problem("2021/2022", "annual")
        "'2021/2022' does not fit basis 'annual': expected one year, e.g. 2023"
    """
    from aidlib.data.vocabulary import BASES

    try:
        p = parse_period(text)
    except PeriodError as err:
        if "ends before" in str(err):
            return str(err)
        p = None
    if p is None or p.cumulative:
        return f"{text!r} is not a period: expected 2023, 2023-06, 2011/2015, 2010/2019-09 or 2023-01/2023-09"
    kind = BASES.get(basis)
    fits = f"{text!r} does not fit basis {basis!r}"
    if kind in (None, "any"):
        return None
    if kind == "year" and not p.is_year:
        return f"{fits}: expected one year, e.g. 2023"
    if kind == "span" and not p.is_span:
        return f"{fits}: expected a span start/end, e.g. 2010/2019-09"
    if kind == "year_or_span" and not (p.is_year or p.is_span):
        return f"{fits}: expected a year or a span"
    if kind.startswith("months:"):
        month, year = int(kind.split(":")[1]), p.start[:4]
        if text != f"{year}-01/{year}-{month:02d}":
            return f"{fits}: expected {year}-01/{year}-{month:02d}"
    return None
