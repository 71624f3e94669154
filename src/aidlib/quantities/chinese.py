"""Chinese quantity expressions: value in base units, measure word, hedge, range and sign.

``5.3亿元`` is 530,000,000 元 exact; ``4 万余户`` is 40,000 户 or more; ``近100万人次``
is at most 1,000,000 人次; ``3至5万元`` is one quantity from 30,000 to 50,000 元;
``下降3.2%`` is −3.2 %. Dates (2023年, 8月底), ordinals (第134届) and names built from
numerals (十四五, 三园一区, “双 200”, 九台区, 五家渠市) are not quantities: a measure word is
required, and the model of :mod:`aidlib.quantities.units` says which words count (the longest
always wins: 3200万千瓦时 is energy, never 千瓦 power). The rules:

- **Numbers** (:mod:`aidlib.quantities.numerals`): Arabic, Chinese or mixed, with several
  magnitudes, are one number (2亿3000万, 1万2千, 1亿零500万, 12万3456, 三亿五千万,
  一百十六, 三万五 = 35,000, 一百〇五, 廿五); 十万, 百万, 十亿 are numbers, while a lone
  百, 千, 万 or 亿 needs a hedge (百人团 is a name); 两个亿 is 2亿; a value past the largest
  float is no quantity (never Overflow or inf). Capital numerals (壹贰叁 ... 拾佰仟, 圆/元整)
  are read in amounts (:func:`aidlib.quantities.numerals.capital_view`). Halves: 两个半小时
  (2.5 小时), 三个半月, 一年半, 半年 (not 上半年); 三成五 is 35 %.
- **Digit groups**: an ASCII comma between groups of three digits joins them; a full-width
  comma does where grouping is the only sensible reading (1，200万元, 82，225.00元,
  １，２００): not in a list marked as one (分别为100，200人), nor between three digits and
  three (300，500户 reads two ways: a list).
- **Hedges** (``QUALIFIERS_BEFORE``, ``QUALIFIERS_INSIDE``, ``QUALIFIERS_AFTER``):
  ``over`` = at least, ``under`` = at most (不足, 以下, and 近/将近/接近: approaching, not
  yet reached), ``about`` = roughly (约, 左右, 千把: the stated value is both bounds). A hedge
  bounds the *size*; for a fall the sign is kept (下降超过3% is ≤ −3 %). 近 before a span
  of time (近三年来, 近3个月) is "the last N": no hedge. ``（含）`` marks are read and kept.
  最高/最多/最低/上限 reach over a verb of giving or getting (最高奖励50万元 is at most), not
  over a noun (最高气温38℃ is exact); 内 after a span of time is at most (72小时内);
  封顶 after an amount is at most, 起 at least.
- **Direction**: a fall keeps its sign. A number right after a word of ``FALL_WORDS``
  (下降, 减少, 负增长 ...; 了 or 达 may follow it), or a size word of ``FALL_SIZE_WORDS``
  (降幅, 跌幅, with 为/达/是), or after a minus sign (``-``, ``−``, ``负``) is negative.
  ``负`` is no sign when it ends a word (``NOT_SIGN_WORDS``: 减负, 肩负 ...); a dash right
  after a number, a closing bracket or 元 is no sign. ``下降到3%`` states a level: positive.
  Later members of a list after a fall fall too (下降3%、5%; 分别下降2.1%和3.4%).
- **Ranges**: two numbers joined by ``RANGE_MARKS`` (``-`` ``~`` ``至`` ``到`` ``或``; dashes
  may repeat: 2——3万) with the same measure word, stated once or twice, are one quantity
  with qualifier ``range``. The left end takes those final magnitudes of the right end
  that are larger than its own (3至5万 and 三至五万 are 3万–5万; 一千到两千万 is
  1000万–2000万), unless that would pass the right end (五千至两万, 从8500到3万元: read as
  written). A reversed range (5至3万元, 2020-5人) is left out. 5、6个 is a range too.
- **Lists**: numbers separated by ``，`` ``、`` ``和`` ``及`` ``与`` (or an ASCII comma not
  followed by exactly three digits) are several quantities; members without a measure word
  take the last member's measure word and final magnitudes (3万、5万和8万元), and a member
  with 个 the last one's 个… unit (1.2个和0.8个百分点). A bare year (1900–2100) before a
  comma is no member.
- **Rates**: 3200元/吨, 每户2000元, 人均1.2万元, 每万人口3.2人 keep what they are per in
  ``Quantity.per`` (and ``per_size``), the value in the numerator's unit; a number right
  after 每 is a base, no quantity (每10万人口). See :mod:`aidlib.quantities.context`.
- **Shares and multiples**: every share is in percent (百分之Y, 千分之Y, Y‰, 万分之Y, X分之Y,
  Y/X, Y成); a slash pair that is a month and day (12/25前, 截至6/30, 6/30) is a date.
  A multiple (unit 倍) says its ratio to the base in ``ratio``: 是…的N倍 (and 相当于…的,
  为…的) → N; 增长(了)N倍 → N + 1 (the common reading); the comparatives 超过/高于/多于 …
  N倍 (with what is compared between: 超过全国平均水平1倍), 高出/超出 N倍 and 比…多/高 N倍
  → N + 1 (it exceeds the base *by* N times); 超过…的N倍 → N, at least; 超过N倍 right
  before the number is a hedge (ratio N, over); 翻N番 → 2^N (翻了一番多: at least).
- **Spans of time** (年, 个月, 周, 天, 小时, 分钟, 秒, 工作日, 个季度) count (工作3年, 3至5年,
  1个多月 is over a month), except a year: 2023年, 二〇二三年, 2021-2023年, 23年3月, 年底,
  80年代, 三年级. 零下25℃ is −25 ℃; 度 is 千瓦时 or ℃ by its clause, or nothing (360度).
- **Currency** (``CURRENCIES``): names, symbols and codes before or after the number, each
  kept as its own unit, never converted (see :func:`aidlib.analysis.indicators.convert_cny`);
  a currency named before or after a number that carries 元 names the currency (港币3000元,
  1000元港币, 9000元日币 name it); 角 (毛) and 分 add to the yuan (3元5角, 十块三毛), and
  alone are tenths and hundredths of it (5角钱, 2分钱); 块 is 元 unless a noun follows. An
  English scale word after the number multiplies it (US$5 million).
- **Names** (:mod:`aidlib.quantities.names`, ``PLACE_SUFFIXES``, ``NAME_WORDS``): a numeral
  inside a place name of the gazetteer (五家渠市, 七个星镇, 十三间房) is no quantity, but
  a real count beside a name-like word still is (维修十三间房屋, 新引进五家企业); a Chinese
  numeral with a measure word that does not count places followed by a place suffix is a
  name (九台区, 三元东路); so are fixed words (三人行, 一成不变), slogans and quoted
  programme names.
- **Letters**: a number right after an ASCII letter (1e5, A5, COVID-19) is a code; a
  currency code before it (RMB5亿元, US$5) is read as the currency.
- **Damage**: a number touching U+FFFD or ``?`` has ``damaged=True`` and value NaN.
"""

from __future__ import annotations

import math
import re

from aidlib.quantities.atoms import SLOW as _SLOW
from aidlib.quantities.atoms import Atom, to_quantity
from aidlib.quantities.atoms import full_atom as _full_atom
from aidlib.quantities.atoms import plain_atom as _plain_atom
from aidlib.quantities.expression import QUANTITY_PATTERN as _PATTERN
from aidlib.quantities.lists import (
    are_consecutive,
    is_year_member,
    list_mark,
    merge_ranges,
    widen_units,
)
from aidlib.quantities.magnitudes import scale
from aidlib.quantities.not_quantities import SLOGAN
from aidlib.quantities.numerals import MAGNITUDES
from aidlib.quantities.quantity import Quantity, QuantityError, QuantityTypeError, the_one_quantity
from aidlib.quantities.shares import find_shares
from aidlib.quantities.view import parser_view
from aidlib.quantities.words import (
    BARE_HEDGES,
    CURRENCIES,
    CURRENCY_BEFORE,
    ENGLISH_SCALES,
    FALL_SIZE_WORDS,
    FALL_WORDS,
    GROWTH_WORDS,
    LIST_JOINS,
    NAME_INFIXES,
    NAME_WORDS,
    NOT_SIGN_WORDS,
    PLACE_COUNTERS,
    PLACE_SUFFIXES,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    QUALIFIERS_INSIDE,
    RANGE_MARKS,
    TIME_UNITS,
    UNIT_ALIASES,
    UNIT_TABLE,
    UNITS,
)

__all__ = [
    "BARE_HEDGES", "CURRENCIES", "CURRENCY_BEFORE", "ENGLISH_SCALES", "FALL_SIZE_WORDS", "FALL_WORDS",
    "GROWTH_WORDS", "MAGNITUDES", "NAME_INFIXES", "NAME_WORDS", "NOT_SIGN_WORDS", "PLACE_COUNTERS",
    "PLACE_SUFFIXES", "QUALIFIERS_AFTER", "QUALIFIERS_BEFORE", "QUALIFIERS_INSIDE", "RANGE_MARKS",
    "SLOGAN", "TIME_UNITS", "UNITS", "UNIT_ALIASES", "UNIT_TABLE", "Quantity", "QuantityError",
    "QuantityTypeError", "find_quantities", "parse_quantity", "the_one_quantity",
]  # fmt: skip

# The fast and the full reading of a match (aidlib.quantities.atoms), chosen per match here:
# the fast path's tests replace _plain_atom to compare the two.
_I_NUM, _I_UNIT = _PATTERN.groupindex["num"], _PATTERN.groupindex["unit"]


def _atom(view: str, m: re.Match[str]) -> Atom | None:
    """Read one match into an atom; None when it is not a number at all.

    The common shape (a number, its magnitudes, 余/多 and a plain measure word: 5.3亿元,
    2.8万余人次) is read by :func:`~aidlib.quantities.atoms.plain_atom`; every other by
    :func:`~aidlib.quantities.atoms.full_atom`. Both give the same atom (the tests run
    every rule through both).
    """
    us, ue = m.span(_I_UNIT)
    if us >= 0 and ue == m.end() and m.start(_I_NUM) == m.start():
        atom = _plain_atom(view, m, us, ue)
        if atom is not _SLOW:
            return atom  # type: ignore[return-value]
    return _full_atom(view, m)


def find_quantities(text: str) -> list[Quantity]:
    """Find every quantity in ``text``, in order of appearance.

    A value too large for a float (``1亿亿亿...元``, a 400-digit number) is not a
    quantity and is skipped, so :func:`parse_quantity` raises QuantityError for it.

    Examples:
        >>> [(q.value, q.unit, q.qualifier) for q in find_quantities("投入 6423 万元，4 万余户")]
        [(64230000.0, '元', 'exact'), (40000.0, '户', 'over')]
        >>> find_quantities("2023年8月底，第134届广交会，“十四五”")
        []
        >>> [(q.value, q.high, q.qualifier) for q in find_quantities("增长5%-10%，下降3.2%")]
        [(5.0, 10.0, 'range'), (-3.2, None, 'exact')]
        >>> [(q.value, q.unit, q.per) for q in find_quantities("每户2000元，3200元/吨")]
        [(2000.0, '元', '户'), (3200.0, '元', '吨')]

    Raises:
        QuantityTypeError: ``text`` is not a string (also a TypeError).
    """
    if not isinstance(text, str):
        raise QuantityTypeError(f"expected text (str), got {type(text).__name__}: {text!r:.60}")
    view = parser_view(text)
    found: list[Quantity] = []
    atoms: list[Atom] = []  # the atom of each quantity in found, for a list's last word
    pending: list[Atom] = []  # numbers without a measure word, waiting for a list to end
    last: Atom | None = None  # the last atom given a unit, for falls carried along a list
    for m in _PATTERN.finditer(view):
        if (
            m["unit"] is None
            and m["cur"] is None
            and not view.startswith(LIST_JOINS, m.end())
            and not view[m.end() : m.end() + 4].lstrip().startswith(LIST_JOINS)
        ):
            pending = []  # a bare number (2023年, 统一): neither a quantity nor in a list
            continue
        a = _atom(view, m)
        if a is None:
            pending = []
            continue
        joined = list_mark(view, pending[-1].end, a.start) if pending else None
        if a.unit is None:
            if joined:
                pending.append(a)  # in place: a long list stays linear
            else:
                pending = [a]
            continue
        members = pending if joined else []
        pending = []
        if members and members[0].ordinal:
            if list_mark(view, members[0].end, (members[1:] or [a])[0].start) == "、":
                continue  # 第1、2批: ordinals, the whole list
            members = members[1:]  # 第一，3个乡镇: a heading, then a quantity
        if members:
            members = [x for x in members if not x.ordinal and not is_year_member(x, a)]
        if a.ordinal:
            continue
        after_last = last is not None and list_mark(view, last.end, a.start) is not None
        if after_last:
            if not a.explicit and last.negative:  # type: ignore[union-attr]
                a.negative = True  # 下降3%、5%; 分别下降2.1%和3.4%: the list falls on
            if last.unit == "个" and a.unit != "个" and a.unit.startswith("个"):  # type: ignore[union-attr]
                # 分别提高2.1个和3.4个百分点: 个 is 个百分点 cut short
                widen_units(text, view, found, atoms, a)
        if members and not a.explicit and members[0].negative:
            a.negative = True
        if len(members) == 1 and joined == "、" and are_consecutive(members[0], a):
            a.low, a.qualifier = members[0].low, "range"  # 5、6个: five or six
            found.append(to_quantity(text, a, members[0].start))
            atoms.append(a)
            last = a
            continue
        for member in members:
            if not member.mag and a.mag:
                member.low, member.high = scale(member.low, a.mag), scale(member.high, a.mag)
            member.unit, member.factor, member.per, member.per_size = a.unit, a.factor, a.per, a.per_size
            member.negative = member.negative or a.negative
            found.append(to_quantity(text, member))
            atoms.append(member)
        found.append(to_quantity(text, a))
        atoms.append(a)
        last = a
    found.extend(find_shares(text, view, found))
    # a value no float holds (1亿亿亿...元, a 400-digit number) is not a quantity
    found = [q for q in found if not (math.isinf(q.value) or (q.high is not None and math.isinf(q.high)))]
    return merge_ranges(text, view, sorted(found, key=lambda q: q.start))


def parse_quantity(text: str) -> Quantity:
    """Parse the one quantity in ``text`` (words, dates and ordinals around it are fine).

    Raises:
        QuantityError: no quantity, or more than one; the message quotes the text.

    Examples:
        >>> q = parse_quantity("投入援疆資金92.34億元")
        >>> q.value, q.unit, q.qualifier
        (9234000000.0, '元', 'exact')
        >>> parse_quantity("2023年")
        Traceback (most recent call last):
        ...
        aidlib.quantities.quantity.QuantityError: no quantity in '2023年'
    """
    return the_one_quantity(text, find_quantities)
