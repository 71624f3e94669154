"""One number as matched, read into an atom (value, unit, hedge, sign), and an atom made a Quantity.

The common shape (a number, its magnitudes, 余/多 and a plain measure word: 5.3亿元,
2.8万余人次) is read by :func:`plain_atom`; every other by :func:`full_atom`. Both give
the same atom (the tests run every rule through both).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from aidlib.quantities.context import PER_UNITS, per_before, reaching_hedge
from aidlib.quantities.expression import QUANTITY_PATTERN
from aidlib.quantities.hedges import HEDGES_AFTER, HEDGES_BEFORE, MORE_AFTER_UNITS, hedge_after, read_multiple
from aidlib.quantities.magnitudes import ONE, apply_magnitudes, scale, shared_magnitude
from aidlib.quantities.measure import PLAIN_WORDS, SPECIAL_AFTER, unit_of
from aidlib.quantities.not_quantities import YEAR_AT_END, is_date_year, is_name
from aidlib.quantities.numerals import (
    MAGNITUDE_CHARS,
    MAGNITUDES,
    SINGLE_NUMERALS,
    cap,
    final_magnitudes,
    is_bare_magnitude,
    read_bounds,
)
from aidlib.quantities.patterns import (
    CHINESE_DIGIT_CHARS,
    CHINESE_NUMERAL_CHARS,
    FALL_BEFORE,
    FALL_LAST_CHARS,
    NO_QUANTITY_AFTER,
)
from aidlib.quantities.quantity import Quantity, make_quantity
from aidlib.quantities.units import (
    CLASS,
    CLASS_KINDS,
    COUNTERS,
    NOT_A_UNIT_AFTER,
    NOT_HALF_AFTER,
    NOT_HALF_YEAR_BEFORE,
    TIMES,
)
from aidlib.quantities.words import (
    BARE_HEDGES,
    CURRENCY_BEFORE,
    ENGLISH_SCALES,
    NOT_SHARE_AFTER_CHENG,
    NOT_SIGN_WORDS,
    QUALIFIERS_INSIDE,
    ROUGHLY_INSIDE,
    TIME_UNITS,
    UNIT_ALIASES,
    UNIT_TABLE,
    UNITS,
)

# A lost character (U+FFFD, or ? where a decoder gave up) touching a number: damaged, value NaN.
_DAMAGE = "?\ufffd"
# A dash right after these is a range mark or a joiner, never a minus sign (3万（含）-5万元).
_NO_MINUS_AFTER = set("%)）元") | set(CHINESE_NUMERAL_CHARS)
# No rate is per anything in these kinds: 人均预期寿命78.5岁 is an age, 人均增长5% a share.
_NOT_PER_KINDS = {"share", "multiple", "age", "temperature"}
_PER_ABLE = frozenset(w for w, u in UNIT_TABLE.items() if u.kind not in _NOT_PER_KINDS)


@dataclass(slots=True)
class Atom:
    """A number as matched, before lists and falls are resolved."""

    start: int
    end: int
    low: Decimal
    high: Decimal
    unit: str | None  # the unit of UNITS, after aliases and currency
    factor: Decimal
    mag: str  # the magnitudes it ends with, shared with list members (万 of 100，200万元)
    qualifier: str
    negative: bool  # a minus sign or a fall word
    explicit: bool  # the sign was given (minus or fall word), not inherited
    damaged: bool
    ordinal: bool  # after 第: poisons a list it heads
    growth: bool = False  # a multiple after a growth word or a comparative: the ratio is N + 1
    add: Decimal = Decimal(0)  # added after the factor: half a unit (一年半), 5 of 三成五
    per: str | None = None  # the denominator of a rate (3200元/吨, 每户2000元)
    per_size: float | None = None  # its count when written (每万人口: 10,000)


_ZERO = Decimal(0)
# 半 read as a number (半年, 半小时): low, high, bare.
_HALF_VALUE = (Decimal("0.5"), Decimal("0.5"), False)
# The digits of 角 and 分 after 元 (3元5角2分, 十块三毛).
_SMALL_DIGITS = {ch: Decimal(v) for ch, v in SINGLE_NUMERALS.items() if v < 10}
_SMALL_DIGITS |= {str(i): Decimal(i) for i in range(10)}
_I_NUM, _I_MAG, _I_Q1, _I_Q2 = (QUANTITY_PATTERN.groupindex[k] for k in ("num", "mag", "q1", "q2"))
# The characters after each measure word that send it to the full reading (吨级, 3名次).
_NOT_AFTER_WORD = {
    w: NOT_A_UNIT_AFTER.get(w, "") + (TIMES if w in COUNTERS else "")
    + (CLASS if u.kind in CLASS_KINDS else "") + ("多余" if w in MORE_AFTER_UNITS else "")
    for w, u in UNIT_TABLE.items()
}
# Measure words the fast path reads: no date (年), ratio (倍), context (块), alias or address.
_FAST_WORDS = PLAIN_WORDS - {"年", "倍", "日元"}
# Before a number these send it to the full reading: a letter, a digit, an ordinal, 每, a numeral.
_FAST_NOT_BEFORE = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz/每 \t\u3000"
    + "".join(NO_QUANTITY_AFTER)
    + CHINESE_NUMERAL_CHARS
)
# What plain_atom returns for a match it leaves to full_atom.
SLOW = object()


def plain_atom(view: str, m: re.Match[str], us: int, ue: int) -> Atom | None | object:
    """Read a number with nothing but magnitudes, 余/多 and a plain measure word; SLOW otherwise."""
    word = view[us:ue]
    ns, ne = m.span(_I_NUM)
    if word not in _FAST_WORDS:
        if word == "年" and ue - ns == 5 and view[ns:ne].isdigit() and "1000" <= view[ns:ne] <= "2100":
            return None  # 2023年: a date (the common case, decided before anything is read)
        return SLOW
    mag = m.group(_I_MAG)
    q = m.group(_I_Q2) or m.group(_I_Q1)  # 3000余次 (before the magnitude), 4万余户 (after it)
    if us - ne != len(mag) + (1 if q else 0) or q == "把":
        return SLOW  # spaces, 个 of 两个亿, a damage mark, 千把人: the full reading
    before = view[ns - 1] if ns else ""
    after = view[ue : ue + 1]
    num = view[ns:ne]
    undone = after in SPECIAL_AFTER and after in _NOT_AFTER_WORD[word]
    if before in _FAST_NOT_BEFORE or num == "半" or undone:
        return SLOW  # a letter, digit, ordinal or 每 before; 吨级, 3名次 after: the full reading
    read = read_bounds(num)
    if read is None:
        return None
    low, high, bare = read
    if bare and not q and not mag:
        return None  # 百人团, 千人计划: a bare magnitude is a name unless hedged
    if mag:
        scaled = apply_magnitudes(num, read, mag)
        if scaled is None:
            return None
        low, high = scaled
    qualifier = "range" if low != high else "over" if q else "exact"
    start, negative = ns, False
    if before in FALL_LAST_CHARS:
        fall = FALL_BEFORE.search(view, max(0, ns - 6), ns)
        if fall:
            start, negative = fall.start(), True
    if is_name(view, m):
        return None
    if qualifier == "exact":
        qualifier = reaching_hedge(view, start) or qualifier
    found = per_before(view, start) if word in _PER_ABLE else None
    per, per_size = found if found is not None else (None, None)
    tail = final_magnitudes(num, mag) if mag or num[-1] in MAGNITUDE_CHARS else ""
    damaged = (before != "" and before in _DAMAGE) or (after != "" and after in _DAMAGE)
    return Atom(start, ue, low, high, word, ONE, tail, qualifier, negative, negative, damaged, False,
                 False, _ZERO, per, per_size)  # fmt: skip


def full_atom(view: str, m: re.Match[str]) -> Atom | None:  # noqa: C901 - one rule a branch, in order
    """Read one match into an atom; None when it is not a number at all."""
    g = m.groupdict()
    lsign, sign = g["lsign"], g["sign"]
    if lsign or sign:
        if lsign == "负" and view[m.start("lsign") - 1 : m.end("lsign")] in NOT_SIGN_WORDS:
            lsign = None  # 减负3-5成: 负 ends a word
        if sign == "负" and view[m.start("sign") - 1 : m.end("sign")] in NOT_SIGN_WORDS:
            sign = None
        if sign == "-" and not g["lnum"] and view[m.start("sign") - 1 : m.start("sign")] in _NO_MINUS_AFTER:
            sign = None  # 3万（含）-5万元, 元-: a dash after a number is no minus sign
        g["lsign"], g["sign"] = lsign, sign
    if g["unit"] == "年" and not (g["pre"] or g["lnum"] or g["mag"] or g["q1"] or g["q2"] or g["post"]):
        num = g["num"]
        if num.isdigit() and len(num) == 4 and 1000 <= int(num) <= 2100:
            return None  # 2023年: a date (the common case, decided before anything is read)
    first = (
        "pre" if g["pre"] else "cur" if g["cur"] else "lsign" if g["lsign"] else "lnum" if g["lnum"]
        else "sign" if g["sign"] else "num"
    )  # fmt: skip
    start = m.start(first)
    before = view[start - 1] if start else ""
    if "A" <= before <= "Z" or "a" <= before <= "z":
        return None  # 1e5, A5, V2, COVID-19: a code or an exponent (RMB5亿元 starts at its currency)
    pre = g["pre"]
    if pre in BARE_HEDGES and first == "pre":
        read = read_bounds(g["lnum"] or g["num"])
        # 上 only hedges a bare magnitude
        if read is None or not (read[2] or is_bare_magnitude(g["lnum"] or g["num"])):
            pre, first = None, next(k for k in ("cur", "lsign", "lnum", "sign", "num") if g[k] is not None)
            start = m.start(first)
            before = view[start - 1]
    if before == "/" and not view[start - 2 : start - 1].isdigit():
        before = ""  # 100兆瓦/200兆瓦时: a number after a unit and a slash starts a quantity
    if before in NO_QUANTITY_AFTER:
        return Atom(start, m.end(), _ZERO, _ZERO, None, ONE, "", "exact", False, False,
                     False, before == "第") if before == "第" else None  # fmt: skip
    if before == "每" or (before == " " and view[start - 2 : start - 1] == "每"):
        return None  # 每10万人口, 每100户: a base, the denominator of what follows
    inside = before and before in CHINESE_NUMERAL_CHARS and first in ("lnum", "num")
    if inside and (not g[first][0].isdigit() or before in CHINESE_DIGIT_CHARS):
        return None  # inside a longer Chinese numeral, or digits after one (二九0场: a name)
    num = g["num"]
    if num == "半":
        if view[m.start("num") - 1 : m.start("num")] in NOT_HALF_AFTER:
            return None  # 上半年, 下半年: a period of the year
        if g["unit"] == "年" and view[m.end("unit") : m.end("unit") + 1] in NOT_HALF_YEAR_BEFORE:
            return None  # 半年度, 半年报
        read = _HALF_VALUE
    else:
        read = read_bounds(num)
    if read is None:
        return None
    low, high, bare = read
    qualifier = "exact"
    if pre:
        qualifier = HEDGES_BEFORE[pre]
    if g["q1"]:
        if g["q1"] == "把" and not (is_bare_magnitude(num) or num == "十"):
            return None  # 千把人, 百把块钱: about; 三把椅子 is three chairs
        qualifier = {**QUALIFIERS_INSIDE, **ROUGHLY_INSIDE}[g["q1"]]
    if g["q2"]:
        qualifier = QUALIFIERS_INSIDE[g["q2"]]
    resolved = unit_of(view, g, m, start)
    if resolved is None:
        return None
    unit, factor, add = resolved
    post, end = hedge_after(view, m, unit)  # 3个内容, 10人起诉: no hedge, the quantity ends before
    if post:
        qualifier = HEDGES_AFTER[post]
    mag = g["mag"]
    if bare and qualifier == "exact" and not mag:
        return None  # 百人团, 千人计划, 万元户: a bare magnitude is a name unless hedged
    word = g["unit"]
    if word in ("个多月", "个多小时"):
        qualifier = "over"  # 1个多月: over a month
    if g["cur2"]:
        unit = UNIT_ALIASES.get(g["cur2"], (g["cur2"], ONE))[0]  # 1000元港币, 9000元日币
    if g["cur"]:
        currency = CURRENCY_BEFORE[g["cur"]]
        if unit is None or (unit == "元" and not g["cur2"]):
            unit = currency  # ¥100, 港币3000元: the currency named, not yuan
        elif unit != currency:
            return None  # $5港元: not one quantity
    if word == "成" and view[m.end("unit") : m.end("unit") + 1] in NOT_SHARE_AFTER_CHENG:
        return None
    after_unit = view[m.end("unit") : m.end("unit") + 1] if word else ""
    if word == "日元" and (view[start - 1 : start] == "月" or after_unit in ("旦", "宵")):
        return None  # 1月1日元旦, 15日元宵节: a date, not yen
    if pre == "近" and unit in TIME_UNITS:
        qualifier = "exact"  # 近三年来: over the last three years, no hedge
    if word == "年" and YEAR_AT_END.search(mag):
        return None  # 投资1亿2023年: a year follows the amount, not a compound
    if mag:
        scaled = apply_magnitudes(num, read, mag)
        if scaled is None:
            return None
        low, high = scaled
    escale = ONE
    if g["escale"]:
        escale = Decimal(ENGLISH_SCALES[g["escale"].lower()])
        low, high = cap(low * escale), cap(high * escale)
    if g["jiao"] or g["fen"]:
        cents = _ZERO
        if g["jiao"]:
            cents += _SMALL_DIGITS[g["jiao"]] / 10
        if g["fen"]:
            cents += _SMALL_DIGITS[g["fen"]] / 100
        low, high = low + cents, high + cents
    negative = bool(g["sign"])
    tail = final_magnitudes(num, mag) if mag or num[-1] in MAGNITUDES else ""
    if g["lnum"] is not None:
        left = read_bounds(g["lnum"])
        if left is None:
            return None
        lscale = escale if not (g["lmag"] or g["lunit"]) else ONE  # US$3-5 million
        if g["lmag"] or g["lunit"]:
            scaled = apply_magnitudes(g["lnum"], left, g["lmag"])
            if scaled is None:
                return None
            llow, lhigh = scaled
        else:  # 3至5万元, 三至五万元, 一千到两千万: the left end shares the magnitude
            llow = shared_magnitude(g["lnum"], left[0], tail)
            lhigh = shared_magnitude(g["lnum"], left[1], tail)
            if llow * lscale > high and left[0] * 10 >= scale(ONE, tail):
                llow, lhigh = left[0], left[1]  # 从8500到3万元: 8500 is no 8500万 (but 5至3万元 is reversed)
        llow, lhigh = cap(llow * lscale), cap(lhigh * lscale)
        if llow > high or bool(g["lsign"]) != negative:
            return None  # 2020-5人: a code or date part, not a range
        low, high = min(low, llow), max(high, lhigh)
        qualifier = "exact"
    if low != high:
        qualifier = "range"
    dated = unit == "年" and qualifier in ("exact", "range")
    if dated and is_date_year(view, low, high, mag, m.end("unit")):
        return None  # 2023年, 2021-2023年, 23年3月: dates
    fall = None
    if before in FALL_LAST_CHARS and not (g["lsign"] or g["sign"]):
        fall = FALL_BEFORE.search(view, max(0, start - 6), start)
    if fall:  # 下降3.2%: the span takes the fall word, so that it reads back the same
        negative = explicit = True
        start = fall.start()
    else:
        explicit = negative
    growth = False
    if unit == "倍":  # 增长了1.5倍 and 超过全国平均水平1倍 are N + 1 times; 超过去年的2倍 more than 2
        growth, start, qualifier = read_multiple(view, start, qualifier)
    while end > start and view[end - 1].isspace():  # a bare list member: no trailing space in its span
        end -= 1
    if word in MORE_AFTER_UNITS and not post and view[end : end + 1] in ("多", "余"):
        qualifier, end = "over", end + 1  # 3倍多, 两成多, 三年多: more than
    after = view[end : end + 1]
    damaged = bool(g["mark"]) or bool(before and before in _DAMAGE) or bool(after and after in _DAMAGE)
    if unit is not None and is_name(view, m):
        return None
    if qualifier == "exact" and unit is not None and not pre:
        reach = reaching_hedge(view, start)
        qualifier = reach or qualifier  # 最高奖励50万元: at most
    per, per_size = None, None
    if g["perunit"]:  # 3200元/吨, 80公里/小时, 5元/人/天
        per = PER_UNITS[g["perunit"]] + (f"/{PER_UNITS[g['perunit2']]}" if g["perunit2"] else "")
    elif unit is not None and UNIT_TABLE[unit].kind not in _NOT_PER_KINDS:
        found = per_before(view, start)  # 每户2000元, 人均1.2万元, 每万人口3.2人
        if found is not None:
            per, per_size = found
    return Atom(start, end, low, high, unit, factor, tail, qualifier, negative, explicit, damaged, False,
                 growth, add, per, per_size)  # fmt: skip


def to_quantity(text: str, a: Atom, start: int | None = None) -> Quantity:
    """Turn a resolved atom (unit known) into a Quantity."""
    low, high = (a.low, a.high) if a.factor is ONE else (a.low * a.factor, a.high * a.factor)
    if a.add:
        low, high = low + a.add, high + a.add
    if a.negative:
        low, high = -high, -low
    if a.damaged:
        value = top = math.nan
    else:
        # a non-zero value no float holds (0.000…1 underflows to 0.0) is inf, dropped like 1亿亿…元
        value = float(low)
        if value == 0 and low != 0:
            value = math.inf
        top = value if high == low else float(high)
        if top == 0 and high != 0:
            top = math.inf
    s = a.start if start is None else start
    unit = a.unit or ""
    ratio = None
    if unit == "倍" and not a.negative:
        ratio = value + 1 if a.growth else value
    return make_quantity(value, unit, UNITS[unit], a.qualifier, a.damaged, text[s : a.end], s, a.end,
                         top if a.qualifier == "range" else None, ratio, a.per, a.per_size)  # fmt: skip
