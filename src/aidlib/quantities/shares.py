"""Shares and multiples written without a measure word after the number.

百分之七十 (70 %), 三分之一 (33.33… %), 万分之五 (0.05 %), 1/3 (33.33… %), 10.2/10万
(0.0102 %: a rate per 100,000), 一半 (50 %; 另一半 is a person, 一半村 a place), 翻两番
(4 倍), 翻了一番多 (over 2 倍). A slash pair that can be a month and day (12/25前, 截至6/30,
6/30) is a date, not a share.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal

from aidlib.quantities.names import in_place_name
from aidlib.quantities.numerals import read_bounds, read_numeral
from aidlib.quantities.patterns import (
    ARABIC_NUMBER,
    CHINESE_DIGIT_CHARS,
    CHINESE_NUMERAL_CHARS,
    FALL_BEFORE,
    NO_QUANTITY_AFTER,
    alternation,
)
from aidlib.quantities.quantity import Quantity
from aidlib.quantities.words import QUALIFIERS_AFTER, QUALIFIERS_BEFORE, UNITS

_FRACTION_DEN = {"百": Decimal(100), "千": Decimal(1000), "万": Decimal(10000)}
_SHARE_WORDS = re.compile(
    # never start inside a number: a long run of digits before 分之 or / stays linear
    rf"(?<![\d{CHINESE_NUMERAL_CHARS}])(?P<den>\d+|[{CHINESE_NUMERAL_CHARS}]+)分之(?P<num>[{CHINESE_NUMERAL_CHARS}]+(?:点[{CHINESE_DIGIT_CHARS}]+)?|{ARABIC_NUMBER})"
    rf"|(?<![\d./])(?P<snum>\d+(?:\.\d+)?)/(?P<sden>\d+)(?P<smag>[十百千万亿]*)(?![\d./])"
    rf"|(?<![另这那其])(?P<half>一半)"
    rf"|翻了?(?P<times>[一二两三四五六七八九十\d]?)番(?P<more>多|余)?"
)
# 百分之三十到四十: the second number shares the first's 百分之 (not 百分之五到百分之十,
# which the parser joins as two shares, nor 四十人, a count).
_RANGE_TAIL = re.compile(
    rf"\s*(?:[-—–]{{1,4}}|[~～至到或])\s*(?P<num2>[{CHINESE_NUMERAL_CHARS}]+(?:点[{CHINESE_DIGIT_CHARS}]+)?|{ARABIC_NUMBER})(?![分{CHINESE_NUMERAL_CHARS}\d.%‰])"
)
_BEFORE_ALT = re.compile(rf"(?:{alternation(QUALIFIERS_BEFORE)})$")
_AFTER_ALT = re.compile(alternation(QUALIFIERS_AFTER))
# A slash pair that could be a month/day (12/25, 6/30) is a date when one of these
# follows it, or one of _DATE_BEFORE_SLASH stands before it.
_DATE_AFTER_SLASH = set("前后底日号起止至到-—～~")
_DATE_BEFORE_SLASH = re.compile(r"(?:截至|截止|于|自|从|至|到|日期|时间|期间|每年)\s*$")
# Before a slash pair, these make it a share (占1/3, 约2/5).
_SHARE_BEFORE_SLASH = re.compile(rf"(?:占|为|是|达|约|{alternation(QUALIFIERS_BEFORE)})\s*$")


def _slash_is_date(view: str, m: re.Match[str], num: Decimal, den: Decimal) -> bool:
    """Whether Y/X is a month and day (12/25前, 截至6/30, 6/30) rather than a share."""
    if not (1 <= num <= 12 and 1 <= den <= 31):
        return False
    if _SHARE_BEFORE_SLASH.search(view, max(0, m.start() - 4), m.start()):
        return False
    if view[m.end() : m.end() + 1] in _DATE_AFTER_SLASH:
        return True
    if _DATE_BEFORE_SLASH.search(view, max(0, m.start() - 4), m.start()):
        return True
    return den > 12  # 6/30: a day, as no one writes a share over 30 this way


def find_shares(text: str, view: str, taken: list[Quantity]) -> list[Quantity]:
    """Read shares and multiples that carry no measure word after the number.

    百分之七十 (70 %), 三分之一 (33.33… %), 万分之五 (0.05 %), 1/3 (33.33… %), 翻两番 (4 倍).
    ``view`` is the parser's view of ``text`` (same offsets); a share word overlapping a
    quantity of ``taken`` (sorted by start) is left to it.
    """
    out: list[Quantity] = []
    if "分之" not in view and "/" not in view and "番" not in view and "一半" not in view:
        return out  # the common case: no share word at all
    starts = [q.start for q in taken]  # sorted: taken is in order of appearance
    for m in _SHARE_WORDS.finditer(view):
        i = bisect.bisect_right(starts, m.start()) - 1  # the last quantity starting at or before
        if (i >= 0 and taken[i].end > m.start()) or (i + 1 < len(taken) and taken[i + 1].start < m.end()):
            continue
        ratio = None
        if m["times"] is not None:
            n = read_numeral(m["times"]) if m["times"] else Decimal(1)
            if n is None or not 0 < n <= 10:
                continue
            value = Decimal(2) ** int(n)
            unit, ratio = "倍", float(value)  # 翻了一番多: more than doubled (qualifier below)
        else:
            if m["half"]:
                if in_place_name(view, m.start(), m.start() + 1):
                    continue  # 一半村, 一半岭村: names
                num, den = Decimal(1), Decimal(2)  # 一半: half (另一半 is the other half: a person)
            elif m["snum"] is not None:
                if len(m["snum"]) > 20 or len(m["sden"]) > 20:
                    continue  # no share is written with so many digits
                num, den = Decimal(m["snum"]), Decimal(m["sden"])
                if m["smag"]:  # 10.2/10万: a rate per 100,000, as a share
                    den *= read_numeral(m["smag"]) or 1
                elif "." in m["snum"]:
                    continue  # 2.5/3: no share is written so
                if not 0 < num < den or _slash_is_date(view, m, num, den):
                    continue  # 12/5 is a date, 5/5 a score
            else:
                den = _FRACTION_DEN.get(m["den"]) or read_numeral(m["den"])
                read = read_bounds(m["num"])  # 百分之百: a bare magnitude is fine here
                if den is None or read is None or read[0] != read[1] or den == 0:
                    continue
                num = read[0]
                if not (num.is_finite() and den.is_finite()):
                    continue
            value, unit = num / den * 100, "%"
        start, end = m.span()
        high = None
        tail = _RANGE_TAIL.match(view, end) if m["den"] is not None else None
        if tail and not (i + 1 < len(taken) and taken[i + 1].start < tail.end()):
            second = read_bounds(tail["num2"])
            if second is not None and second[0] == second[1] and second[0].is_finite() and second[0] > num:
                high, end = second[0] / den * 100, tail.end()
        qualifier = "exact"
        pre = _BEFORE_ALT.search(view, max(0, start - 3), start)
        if pre:
            qualifier, start = QUALIFIERS_BEFORE[pre[0]], pre.start()
        post = _AFTER_ALT.match(view, end)
        if post:
            qualifier, end = QUALIFIERS_AFTER[post[0]], post.end()
        fall = FALL_BEFORE.search(view, max(0, start - 6), start)
        if fall:
            start = fall.start()
            value, high = (-value, None) if high is None else (-high, -value)
        if view[start - 1 : start] in NO_QUANTITY_AFTER:
            continue
        if high is not None:
            qualifier = "range"
        elif m["times"] is not None and m["more"]:
            qualifier = "over"
        out.append(Quantity(float(value), unit, UNITS[unit], qualifier, False, text[start:end], start, end,
                            None if high is None else float(high), ratio))  # fmt: skip
    return out


