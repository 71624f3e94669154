"""Periods and reliability grades in the words a reader reads: ``Jan–Sep 2023``, ``a repost (B)``."""

from __future__ import annotations

from aidlib.data.vocabulary import RELIABILITY

# The reliability grades of cited figures, in words (the vocabulary's RELIABILITY): a reader
# is told that A is about where a figure comes from, not whether anyone checked it.
GRADES = {
    grade: f"{grade}: {words}" + (" (provenance, not independence)" if grade == "A" else "")
    for grade, words in RELIABILITY.items()
}
# The reliability grades in a word or two, for a line of text (GRADES explains each in full).
GRADE_WORDS = {"A": "original page", "B": "repost", "C": "unattributed source"}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# A cumulative figure states no dates (累计): said so, not left blank.
CUMULATIVE_TEXT = "cumulative, no dates stated"


def grade_text(grade: str) -> str:
    """A reliability grade in words.

    Examples:
        >>> grade_text("B")
        "B: a named outlet's piece reposted elsewhere"
    """
    if grade not in GRADES:
        raise ValueError(f"unknown reliability grade {grade!r}; expected one of {', '.join(GRADES)}")
    return GRADES[grade]


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
