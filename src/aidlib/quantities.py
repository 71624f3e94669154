"""Chinese quantity expressions: value in base units, measure word and hedge.

``5.3亿元`` is 530,000,000 元 exact; ``4 万余户`` is 40,000 户 or more; ``近100万人次``
is about 1,000,000 人次. Dates (2023年, 8月底), ordinals (第134届) and names built
from numerals (十四五, 三园一区, “双 200”) are not quantities: a measure word is
required, and the tables below say which words count.
"""

from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass
from decimal import Decimal

# Magnitude characters after a number, simplified and traditional.
MAGNITUDES = {"十": 10, "百": 100, "千": 1_000, "万": 10_000, "萬": 10_000, "亿": 10**8, "億": 10**8}

# Hedges and the bound they express. "over" means the true value is at least
# the stated one (4万余户 ≥ 40,000), "under" at most, "about" roughly.
QUALIFIERS_BEFORE = {  # before the number
    "超过": "over", "超": "over", "突破": "over", "逾": "over", "多达": "over",
    "将近": "about", "接近": "about", "近": "about", "大约": "about", "约": "about",
    "不足": "under", "不到": "under", "不超过": "under", "最多": "under",
}  # fmt: skip
QUALIFIERS_INSIDE = {"余": "over", "多": "over"}  # 30多亿元, 25亿余元, 3000余次
QUALIFIERS_AFTER = {
    "以上": "over",
    "有余": "over",
    "左右": "about",
    "上下": "about",
    "以下": "under",
    "以内": "under",
}

# Measure words (simplified) and their English. Longer words are tried first,
# so 人次 wins over 人, 场次 over 场, 个月 over 个, 大项 over 项.
UNITS = {
    "元": "yuan", "美元": "US dollars", "户": "households", "人次": "person-times",
    "人": "people", "名": "people", "位": "people", "吨": "tonnes", "公斤": "kg",
    "千克": "kg", "斤": "jin", "个": "units", "个月": "months", "项": "items",
    "大项": "major items", "小项": "minor items", "家": "establishments",
    "场": "events", "场次": "event sessions", "批次": "batches", "批": "batches",
    "次": "times", "例": "cases", "间": "rooms", "支": "teams", "封": "letters",
    "所": "institutions", "亩": "mu", "瓶": "bottles", "台": "machines",
    "套": "sets", "辆": "vehicles", "座": "structures", "处": "sites", "条": "lines",
    "篇": "articles", "本": "volumes", "册": "volumes", "张": "sheets", "头": "head",
    "只": "animals", "株": "plants", "棵": "trees", "公里": "km",
    "平方米": "square metres", "立方米": "cubic metres", "千瓦": "kW",
    "天": "days", "小时": "hours", "%": "percent", "个百分点": "percentage points",
    "倍": "times over",
}  # fmt: skip

# Slogans counted in numerals: 五个认同, 四个意识, 两个维护 ... are names.
SLOGAN = re.compile(r"[一二三四五六七八九十两]个(?:认同|意识|自信|维护|离不开|全面|代表|务必|坚持)")

_DIGITS = str.maketrans("０１２３４５６７８９．％，", "0123456789.%,")
_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
# Chinese numerals. The financial forms (壹贰叁 ... 拾佰仟) are left out on
# purpose: 伍 and 拾 occur in ordinary words (队伍, 拾起) and news never uses them.
_CN_NUM = "零〇一二两三四五六七八九十百千万亿兩萬億"
_ALT = lambda words: "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # noqa: E731

# A match starts at a qualifier or a number; a number never starts inside another
# (_build rejects those anyway), a Chinese numeral is taken whole and spaces are
# never given back (possessive ``++``, ``*+``): without these, a long run of
# numerals (万万万..., 111...) or of spaces backtracks in polynomial time.
_FIRST = "".join(sorted({word[0] for word in QUALIFIERS_BEFORE}))
_PATTERN = re.compile(
    rf"(?=[{_FIRST}{_CN_NUM}]|\d)"
    rf"(?P<pre>{_ALT(QUALIFIERS_BEFORE)})?\s*+"
    rf"(?P<num>(?<!\d){_ARABIC}|(?<![{_CN_NUM}])[{_CN_NUM}]++)"
    rf"(?P<mark>[?\ufffd])?"  # a lost character inside the number: damaged
    rf"\s*+(?P<q1>[余多])?\s*+(?P<mag>[十百千万亿萬億]*)\s*+(?P<q2>[余多])?\s*+"
    rf"(?P<unit>{_ALT(UNITS)})"
    rf"(?P<post>{_ALT(QUALIFIERS_AFTER)})?"
)
_ONE_DIGIT = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"两": 2, "兩": 2, "〇": 0, "十": 10}
_DAMAGE = "?\ufffd"
# A number right after these is an ordinal (第134届), a date or code part (4·28)
# or continues another number.
_NOT_BEFORE = set("第0123456789.·")
# Between two numbers these make a range (3-5万元, 3至5个): neither end is a quantity.
_RANGE = set("-~～—至到")


# The largest value a float holds (about 1.8e308). A larger one (40 亿 in a row,
# a 400-digit number) is not a quantity: find_quantities skips it, so
# parse_quantity raises QuantityError, never decimal.Overflow or returns inf.
_LARGEST = Decimal(sys.float_info.max)


class QuantityError(ValueError):
    """A text holds no quantity, or more than one where one was expected."""


@dataclass(frozen=True)
class Quantity:
    """A number with its measure word and hedge, located in a text.

    Attributes:
        value: the value in base units (5.3亿元 → 530000000.0; 70% → 70.0);
            NaN when the number is damaged.
        unit: the measure word as written, simplified (元, 户, 人次, %, 倍 ...).
        unit_en: the English for ``unit``.
        qualifier: ``exact``, ``over`` (at least), ``about`` or ``under`` (at most).
        damaged: the number touches a U+FFFD or ``?`` mark: a digit may be lost.
        text: the matched span.
        start: offset of the span in the text searched.
        end: end offset (exclusive).
    """

    value: float
    unit: str
    unit_en: str
    qualifier: str
    damaged: bool
    text: str
    start: int
    end: int


def _number(num: str) -> Decimal | None:
    """Read an Arabic or Chinese numeral exactly; None when it is not a number.

    Examples:
        >>> _number("1,200.5"), _number("两千"), _number("十四五")
        (Decimal('1200.5'), Decimal('2000'), None)
    """
    if num[0].isdigit():
        return Decimal(num.replace(",", ""))
    if num in _ONE_DIGIT:  # the common case; spares importing cn2an
        return Decimal(_ONE_DIGIT[num])
    import cn2an

    try:
        # cn2an's strict mode reads 二 but not 两/兩 (two, before a measure word).
        return Decimal(str(cn2an.cn2an(num.replace("两", "二").replace("兩", "二"), "strict")))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def _simplified_view(text: str) -> str:
    """Simplified-script copy of ``text`` with the same offsets (when t2s keeps length)."""
    if text.isascii():
        return text
    from aidlib.repairs import to_simplified

    view = to_simplified(text)
    return view if len(view) == len(text) else text


def _is_name(text: str, m: re.Match[str]) -> bool:
    """Tell a numeral inside a name or slogan (一家亲, “五个认同”) from a quantity."""
    num = m["num"]
    if num[0].isdigit():
        return False
    if num == "一" and not m["mag"]:  # 一支队伍, 一家亲: an article, not a count
        return True
    if SLOGAN.match(text, m.start("num")):
        return True
    # A short numeral phrase in quotes is a programme name (“三下乡”, “十百千万”).
    left = text.rfind("“", max(0, m.start() - 6), m.start() + 1)
    right = text.find("”", m.end() - 1, m.end() + 6)
    return left != -1 and right != -1 and "”" not in text[left : m.start()]


def _build(text: str, view: str, m: re.Match[str]) -> Quantity | None:
    start = m.start("pre") if m["pre"] else m.start("num")
    before = view[start - 1] if start else ""
    if before in _NOT_BEFORE or _is_name(view, m):
        return None
    if before in _RANGE and start >= 2 and (view[start - 2].isdigit() or view[start - 2] in _CN_NUM):
        return None
    if before and not m["num"][0].isdigit() and before in _CN_NUM:
        return None
    unit = m["unit"]
    number = _number(m["num"])
    if number is None:
        return None
    for ch in m["mag"]:
        number *= MAGNITUDES[ch]  # Decimal: 2.32亿 is exactly 232000000
        if number > _LARGEST:  # 1亿亿亿...元: stop before Decimal overflows
            return None
    if number > _LARGEST:  # no float holds it: an absurd magnitude, not a quantity
        return None
    qualifier = "exact"
    for key, table in (("pre", QUALIFIERS_BEFORE), ("q1", QUALIFIERS_INSIDE), ("q2", QUALIFIERS_INSIDE)):
        if m[key]:
            qualifier = table[m[key]]
    if m["post"]:
        qualifier = QUALIFIERS_AFTER[m["post"]]
    end = m.end()
    after = view[end : end + 1]
    damaged = bool(m["mark"]) or bool(before and before in _DAMAGE) or bool(after and after in _DAMAGE)
    value = math.nan if damaged else float(number)
    return Quantity(value, unit, UNITS[unit], qualifier, damaged, text[start:end], start, end)


def find_quantities(text: str) -> list[Quantity]:
    """Find every quantity in ``text``, in order of appearance.

    A value too large for a float (``1亿亿亿...元``, a 400-digit number) is not a
    quantity and is skipped, so :func:`parse_quantity` raises QuantityError for it.

    Examples:
        >>> [(q.value, q.unit, q.qualifier) for q in find_quantities("投入 6423 万元，4 万余户")]
        [(64230000.0, '元', 'exact'), (40000.0, '户', 'over')]
        >>> find_quantities("2023年8月底，第134届广交会，“十四五”")
        []
    """
    view = _simplified_view(text).translate(_DIGITS)
    found = []
    for m in _PATTERN.finditer(view):
        q = _build(text, view, m)
        if q is not None:
            found.append(q)
    found.extend(_percent_words(text, view, found))
    return sorted(found, key=lambda q: q.start)


_PCT_WORDS = re.compile(rf"百分之(?P<num>[{_CN_NUM}]+(?:点[{_CN_NUM}]+)?)")


def _percent_words(text: str, view: str, taken: list[Quantity]) -> list[Quantity]:
    """Read 百分之七十 (70 %), which carries no measure word after the number."""
    out = []
    for m in _PCT_WORDS.finditer(view):
        if any(q.start <= m.start() < q.end for q in taken):
            continue
        number = _number(m["num"].replace("点", "."))
        if number is None:
            continue
        value = float(number)
        out.append(Quantity(value, "%", UNITS["%"], "exact", False, text[m.start() : m.end()], *m.span()))
    return out


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
        aidlib.quantities.QuantityError: no quantity in '2023年'
    """
    if not isinstance(text, str):
        raise QuantityError(f"expected text, got {type(text).__name__}: {text!r}")
    found = find_quantities(text)
    if not found:
        raise QuantityError(f"no quantity in {text!r}")
    if len(found) > 1:
        listed = ", ".join(q.text for q in found)
        raise QuantityError(f"{len(found)} quantities in {text!r} ({listed}); expected one")
    return found[0]
