"""Chinese quantity expressions: value in base units, measure word, hedge, range and sign.

``5.3亿元`` is 530,000,000 元 exact; ``4 万余户`` is 40,000 户 or more; ``近100万人次``
is about 1,000,000 人次; ``3至5万元`` is one quantity from 30,000 to 50,000 元;
``下降3.2%`` is −3.2 %. Dates (2023年, 8月底), ordinals (第134届) and names built from
numerals (十四五, 三园一区, “双 200”, 九台区) are not quantities: a measure word is
required, and the tables below say which words count. The rules, one table each:

- **Hedges** (:data:`QUALIFIERS_BEFORE`, :data:`QUALIFIERS_INSIDE`, :data:`QUALIFIERS_AFTER`):
  ``over`` = at least, ``under`` = at most, ``about`` = roughly. A hedge bounds the
  *size* of a quantity; for a fall the sign is kept (下降超过3% is ≤ −3 %).
- **Direction**: a fall keeps its sign. A number right after a word of
  :data:`FALL_WORDS` (下降, 减少, 负增长 ...; 了 or 达 may follow it), or a size word of
  :data:`FALL_SIZE_WORDS` (降幅, 跌幅, with 为/达/是), or after a minus sign
  (``-``, ``−``, ``负``) is negative. ``负`` is no sign when it ends a word with the
  character before it (:data:`NOT_SIGN_WORDS`: 减负, 肩负, 胜负 ...): 减负3成 is 30 %
  (the number is the size of the cut, not a signed change), 肩负5项 is 5 项.
  ``下降到3%`` / ``降至3%`` / ``下降为3%`` state a level, not a fall: positive.
  Later members of a list after a fall (下降3%、5%) fall too.
- **Ranges**: two numbers joined by :data:`RANGE_MARKS` (``-`` ``~`` ``至`` ``到`` ...)
  with the same measure word, stated once or twice (3至5万元, 5%-10%, 3个到5个), are
  one quantity with qualifier ``range``: ``value`` the low end, ``high`` the high end.
  The left end takes the right end's magnitude when it has none (3至5万元 is
  30,000–50,000). A reversed range (5至3万元, 5万元至3万元, 2020-5人) is left out,
  not sorted: it is a code or a date part, or a change (由5万元降至3万元) that a
  range would misread. Two consecutive integers joined by 、 (5、6个) are an
  approximation, also a range.
- **Lists**: numbers separated by ``，`` ``、`` (or an ASCII comma not followed by
  exactly three digits) are several quantities; members without a measure word take
  the last member's measure word and magnitude (100，200人 is 100 人 and 200 人). A
  bare year (1900–2100) before a comma is no member (截至2023，共300人). Only an
  ASCII comma between digit groups of three is a thousands separator (1,200).
- **Chinese decimals and shares**: ``点`` is a decimal point (十五点三% is 15.3 %). Every
  share is given in percent (unit ``%``): 百分之Y, 千分之Y / Y‰ (÷10), 万分之Y (÷100),
  X分之Y and Y/X (×100/X), Y成 (tenths: ×10). ``翻N番`` multiplies by 2^N (unit ``番``,
  value 2, 4, 8 ...). Arithmetic is exact (Decimal) except a non-terminating fraction
  (三分之一), which is rounded to a float.
- **Vague magnitudes** (never exact): 上百/上千/上万, 过万, 破亿 and 百余, 千多 are ``over``;
  近千 ``about``; 超亿, 逾万 ``over``. ``数`` and ``几`` in front of a magnitude stand
  for 2 to 9 of it (数十 = 20–90, 几百 = 200–900, 数百万 = 2–9 million), after 十 for 1
  to 9 (十几 = 11–19, 二十几 = 21–29), and alone for 2 to 9 (几个); two adjacent
  digits (and 三五) are the two ends (两三个 = 2–3, 三四十 = 30–40, 十七八 = 17–18).
  All are ranges. A bare magnitude (百, 千, 万, 亿) counts only with a hedge: 百人团 and
  千人计划 are names.
- **Names** (:data:`PLACE_SUFFIXES`, :data:`NAME_WORDS`): a Chinese numeral with a
  measure word that is not a counter of places (:data:`PLACE_COUNTERS`) followed by
  a place suffix, at once or after one of :data:`NAME_INFIXES`, is a name (九台区,
  七台河市, 三元里, 三元东路, 五台山); so are the fixed words of :data:`NAME_WORDS`
  (三人行, 一成不变).
- **Currency**: ``¥``/``￥``, ``RMB``, ``CNY``, ``人民币`` before, and ``RMB``, ``CNY``,
  ``元人民币`` after the number are 元; ``$``, ``US$``, ``USD``, ``美元``, ``美金`` are
  美元, kept as their own unit (never converted: see :func:`aidlib.analysis.indicators.convert_cny`).
  An English scale word after the number multiplies it (US$5 million, RMB 3.2
  billion: :data:`ENGLISH_SCALES`, any case), both ends of a range too.
- **Letters**: a number right after an ASCII letter (1e5, A5, V2, COVID-19) is a
  code or an exponent, not a quantity; a currency code before it (RMB5亿元, US$5,
  CNY 100) is read as the currency.
- **Digit by digit**: a run of single Chinese digits holding 〇 or 零 and no
  magnitude is read positionally (一〇〇人 is 100 人); a year so written
  (二〇二三年) stays out, as 年 is no measure word.
- **Damage**: a number touching U+FFFD or ``?`` has ``damaged=True`` and value NaN.
"""

from __future__ import annotations

import functools
import math
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# Magnitude characters after a number, simplified and traditional.
MAGNITUDES = {"十": 10, "百": 100, "千": 1_000, "万": 10_000, "萬": 10_000, "亿": 10**8, "億": 10**8}

# Hedges and the bound they express. "over" means the true value is at least
# the stated one (4万余户 ≥ 40,000), "under" at most, "about" roughly.
QUALIFIERS_BEFORE = {  # before the number
    "超过": "over", "超": "over", "突破": "over", "逾": "over", "多达": "over", "至少": "over",
    "不少于": "over", "不低于": "over", "不止": "over", "多于": "over", "高于": "over", "最少": "over",
    "将近": "about", "接近": "about", "近": "about", "大约": "about", "约": "about", "大概": "about",
    "约合": "about",  # 约合5万元: "about 50,000 yuan" (合 is not a separate word here)
    "不足": "under", "不到": "under", "不超过": "under", "最多": "under", "至多": "under",
    "少于": "under", "低于": "under", "不高于": "under", "不满": "under", "未满": "under",
}  # fmt: skip
# 上 is a hedge only in front of a bare magnitude: 上百名 ≥ 100 (but 上3个月 is "the last 3 months").
BARE_HEDGES = {"上": "over", "过": "over", "破": "over"}
QUALIFIERS_INSIDE = {"余": "over", "多": "over"}  # 30多亿元, 25亿余元, 3000余次
QUALIFIERS_AFTER = {
    "以上": "over",
    "有余": "over",
    "开外": "over",
    "出头": "over",
    "左右": "about",
    "上下": "about",
    "以下": "under",
    "以内": "under",
    "之内": "under",
}

# A number right after one of these (了 may stand between) is a fall: negative.
FALL_WORDS = (
    "下降", "降低", "减少", "下滑", "下跌", "回落", "缩减", "缩小", "萎缩", "减低", "负增长",
    "减", "降", "跌",
)  # fmt: skip
# Words for the size of a fall: 降幅3%, 跌幅达5% (为, 达, 是 may follow).
FALL_SIZE_WORDS = ("降幅", "跌幅", "减幅", "下降幅度", "减少幅度")
# Between two numbers these make a range (3-5万元, 3至5个).
RANGE_MARKS = "-~～—–至到"

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
    "倍": "times over", "番": "times the base", "平方公里": "square km", "公顷": "hectares",
}  # fmt: skip
# English scale words after a number (US$5 million), matched in any case.
ENGLISH_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# 负 is a minus sign except as the last character of these words: 减负3成 is 30 %, 肩负5项 is 5 项.
NOT_SIGN_WORDS = (
    "减负", "担负", "肩负", "背负", "身负", "抱负", "胜负", "欺负", "辜负", "自负", "不负", "重负",
)  # fmt: skip

# Words written after a number that stand for a unit above, with the factor that
# turns the number into it: shares become percent, currency codes become 元/美元.
UNIT_ALIASES = {
    "‰": ("%", Decimal("0.1")), "成": ("%", Decimal(10)),
    "RMB": ("元", Decimal(1)), "CNY": ("元", Decimal(1)), "USD": ("美元", Decimal(1)),
    "美金": ("美元", Decimal(1)),
}  # fmt: skip
# Currency written before the number; the unit after it may then be left out (¥100, 人民币5亿).
CURRENCY_BEFORE = {
    "¥": "元", "RMB": "元", "CNY": "元", "人民币": "元", "US$": "美元", "USD": "美元", "$": "美元",
}  # fmt: skip
# 成 is a share (三成 = 30 %) except at the start of these words (成员, 成为, 成效 ...).
_NOT_SHARE_AFTER_CHENG = set("员为立功本果效绩熟交都长年就品型片")

# Names: a Chinese numeral and a measure word that does not count places, followed
# by one of these suffixes (at once, or after one of :data:`NAME_INFIXES`), is a place
# or an organisation: 九台区, 七台河市, 三元里, 五台山, 三元东路.
PLACE_SUFFIXES = (
    "区", "市", "县", "镇", "乡", "村", "里", "路", "街", "巷", "道", "园区", "工业园", "园", "山",
    "河", "湖", "桥", "庄", "屯", "港", "湾", "岛", "站", "门", "城", "寺", "坊", "社区",
)  # fmt: skip
NAME_INFIXES = "东西南北中新老大小上下前后"
# Measure words that do count places and organisations: 两个区, 三座城, 五所学校 are quantities.
PLACE_COUNTERS = {"个", "座", "所", "处", "家", "条", "间"}
# Fixed words that hold a numeral and a measure word but no quantity.
NAME_WORDS = (
    "三人行", "二人转", "二人台", "三元里", "五台山", "一成不变", "三五成群", "一条龙", "一条心",
    "三天两头", "一头雾水", "三只松鼠", "两头", "十项全能", "三位一体", "四位一体", "五位一体",
)  # fmt: skip

# Slogans counted in numerals: 五个认同, 四个意识, 两个维护 ... are names.
SLOGAN = re.compile(
    r"[一二三四五六七八九十两]个(?:认同|意识|自信|维护|确立|离不开|全面|代表|务必|坚持|大局|结合|一百年)"
)

_FULL_WIDTH = "０１２３４５６７８９．％－￥／"  # read as their ASCII forms (the full-width comma is not)
_DIGITS = str.maketrans(_FULL_WIDTH, "0123456789.%-¥/")
_HAS_FULL_WIDTH = re.compile(f"[{_FULL_WIDTH}]")
_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
# Chinese numerals. The financial forms (壹贰叁 ... 拾佰仟) are left out on
# purpose: 伍 and 拾 occur in ordinary words (队伍, 拾起) and news never uses them.
_CN_NUM = "零〇一二两三四五六七八九十百千万亿兩萬億"
_CN_DIGIT = "零〇一二两三四五六七八九"
_ALT = lambda words: "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # noqa: E731
_UNIT_WORDS = _ALT([*(u for u in UNITS if u != "番"), *UNIT_ALIASES])  # 番 only after 翻
# A magnitude character that does not start a measure word (千 of 千克 and 千瓦 is the unit's).
_MAG_CHAR = rf"(?:[十百千万亿萬億](?!{_ALT(u[1:] for u in UNITS if u[0] in MAGNITUDES)}))"
# Atomic (?>...) and possessive *+: a number is read whole, never split to retry
# (a long run of 十十十... would otherwise be tried at every split: quadratic).
_NUM = rf"(?>{_ARABIC}|(?:数(?=[十百千万亿]))?(?:[{_CN_DIGIT}兩几]|{_MAG_CHAR})+(?:点[{_CN_DIGIT}]+)?)"
_MAG = rf"{_MAG_CHAR}*+"

# Every match starts with one of these characters: a cheap test before the alternatives.
# A match never starts inside a number (_atom would reject it anyway) and spaces are
# never given back (possessive ``*+``): without these, a long run of numerals
# (万万万..., 111...) or of spaces backtracks in polynomial time.
_FIRST = "".join(
    sorted({w[0] for w in (*QUALIFIERS_BEFORE, *BARE_HEDGES, *CURRENCY_BEFORE)} | set(_CN_NUM + "几数-−负"))
)
_PATTERN = re.compile(
    rf"(?=[\d{re.escape(_FIRST)}])(?<![\d.])(?!(?<=[{_CN_NUM}])[{_CN_NUM}])"
    rf"(?P<pre>{_ALT([*QUALIFIERS_BEFORE, *BARE_HEDGES])})?\s*+"
    rf"(?P<cur>{_ALT(CURRENCY_BEFORE)})?\s*+"
    # the low end of a range: 3至, 5%-, 3个到, 3万元至
    rf"(?:(?P<lsign>[-−负])?(?P<lnum>{_NUM})\s*+(?P<lmag>{_MAG})\s*+(?:(?P<lunit>{_UNIT_WORDS})\s*)?"
    rf"(?P<rsep>[{RANGE_MARKS}])\s*)?"
    rf"(?P<sign>[-−负])?(?P<num>{_NUM})"
    rf"(?P<mark>[?\ufffd])?"  # a lost character inside the number: damaged
    rf"\s*+(?P<q1>[余多])?\s*+(?P<mag>{_MAG})"
    rf"(?:\s*+(?P<escale>(?i:{_ALT(ENGLISH_SCALES)}))(?![A-Za-z]))?"  # US$5 million
    rf"\s*+(?P<q2>[余多])?\s*+"
    rf"(?P<unit>(?(lunit)(?P=lunit)|(?:{_UNIT_WORDS})))?"
    rf"(?P<post>{_ALT(QUALIFIERS_AFTER)})?"
    rf"(?P<cur2>人民币)?"
)
_ONE_DIGIT = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"两": 2, "兩": 2, "〇": 0, "十": 10}
_DIGIT_VALUE = _ONE_DIGIT | {"十": None}
_POSITIONAL = {ch: str(i) for i, ch in enumerate("〇一二三四五六七八九")} | {"零": "0"}
_DAMAGE = "?\ufffd"
# A number right after these is an ordinal (第134届), a date or code part (4·28)
# or continues another number.
_NOT_BEFORE = set("第0123456789.·/")
_FALL = re.compile(
    rf"(?:(?:{_ALT(FALL_WORDS)})了?(?:达到|达)?|(?:{_ALT(FALL_SIZE_WORDS)})(?:达到|为|达|是)?)\s*$"
)
_NAME_WORDS = re.compile(_ALT(NAME_WORDS))
_LIST_SEPS = ("，", "、", ",")


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
        value: the value in base units (5.3亿元 → 530000000.0; 70% → 70.0), negative
            for a fall (下降3.2% → -3.2); the low end of a range; NaN when damaged.
        unit: the measure word, simplified (元, 户, 人次, %, 倍 ...); shares are in %.
        unit_en: the English for ``unit``.
        qualifier: ``exact``, ``over`` (at least), ``about``, ``under`` (at most) or
            ``range`` (from ``value`` to ``high``).
        damaged: the number touches a U+FFFD or ``?`` mark: a digit may be lost.
        text: the matched span.
        start: offset of the span in the text searched.
        end: end offset (exclusive).
        high: the high end of a range; None for every other qualifier.
    """

    value: float
    unit: str
    unit_en: str
    qualifier: str
    damaged: bool
    text: str
    start: int
    end: int
    high: float | None = None

    @property
    def bounds(self) -> tuple[float, float]:
        """The interval the text allows: ``(low, high)``; a hedge bounds the size.

        Examples:
            >>> parse_quantity("4万余户").bounds, parse_quantity("下降不到3%").bounds
            ((40000.0, inf), (-3.0, 0.0))
        """
        v = self.value
        if self.qualifier == "range":
            return v, self.high  # type: ignore[return-value]
        if self.qualifier == "over":
            return (v, math.inf) if v >= 0 else (-math.inf, v)
        if self.qualifier == "under":
            return (0.0, v) if v >= 0 else (v, 0.0)
        return v, v


def _number(num: str) -> Decimal | None:
    """Read an Arabic or Chinese numeral exactly; None when it is not a number.

    Examples:
        >>> _number("1,200.5"), _number("两千"), _number("十四五"), _number("十五点三")
        (Decimal('1200.5'), Decimal('2000'), None, Decimal('15.3'))
    """
    if num[0].isdigit():
        return Decimal(num.replace(",", ""))
    if num in _ONE_DIGIT:  # the common case; spares importing cn2an
        return Decimal(_ONE_DIGIT[num])
    import cn2an

    try:
        # cn2an's strict mode reads 二 but not 两/兩 (two, before a measure word).
        return Decimal(str(cn2an.cn2an(num.replace("两", "二").replace("兩", "二"), "strict")))
    except (ValueError, KeyError, IndexError, TypeError, InvalidOperation):
        return None


def _bare(num: str) -> Decimal | None:
    """The value of a numeral made only of magnitudes (百, 千万); None otherwise."""
    if num == "十" or any(ch not in MAGNITUDES for ch in num):
        return None
    value = Decimal(1)
    for ch in num:
        value *= MAGNITUDES[ch]
    return value


@functools.lru_cache(maxsize=4096)
def _read(num: str) -> tuple[Decimal, Decimal, bool] | None:
    """Read a numeral as ``(low, high, bare)``; low < high for a vague one.

    ``bare`` is true for a numeral of magnitudes alone (百, 千万), which needs a hedge.

    Examples:
        >>> _read("几百"), _read("十几"), _read("三四十"), _read("数百万")
        ((Decimal('200'), Decimal('900'), False), (Decimal('11'), Decimal('19'), False), \
(Decimal('30'), Decimal('40'), False), (Decimal('2000000'), Decimal('9000000'), False))
    """
    if num[0].isdigit():
        d = _number(num)
        return (d, d, False) if d is not None else None
    bare = _bare(num)
    if bare is not None:
        return bare, bare, True
    if len(num) > 1 and ("〇" in num or "零" in num) and all(ch in _POSITIONAL for ch in num):
        d = Decimal("".join(_POSITIONAL[ch] for ch in num))  # 一〇〇: digit by digit
        return d, d, False
    if num.startswith("数"):  # 数十, 数百万: 2 to 9 of the magnitude
        mag = _bare(num[1:]) if num[1:] != "十" else Decimal(10)
        return (2 * mag, 9 * mag, False) if mag is not None else None
    if "几" in num:
        if num.count("几") > 1:
            return None
        i = num.index("几")
        after_ten = i > 0 and num[i - 1] in "十百千"  # 十几: a units digit 1 to 9
        low = _number(num.replace("几", "一" if after_ten else "二")) if len(num) > 1 else Decimal(2)
        high = _number(num.replace("几", "九")) if len(num) > 1 else Decimal(9)
        return (low, high, False) if low is not None and high is not None else None
    for i in range(len(num) - 1):  # 两三, 三四十, 十七八 (and 三五): adjacent digits are the two ends
        a, b = _DIGIT_VALUE.get(num[i]), _DIGIT_VALUE.get(num[i + 1])
        if a is not None and b is not None and (b == a + 1 or (a, b) == (3, 5)) and a > 0:
            low = _number(num[: i + 1] + num[i + 2 :])
            high = _number(num[:i] + num[i + 1 :])
            return (low, high, False) if low is not None and high is not None else None
    d = _number(num.replace("点", ".") if "点" in num and num.startswith("点") else num)
    return (d, d, False) if d is not None else None


def _simplified_view(text: str) -> str:
    """Simplified-script copy of ``text`` with the same offsets (when t2s keeps length)."""
    if text.isascii():
        return text
    from aidlib.text.repairs import to_simplified

    # a lone surrogate (from a bad decode) cannot reach OpenCC; in the view it is a lost character
    safe = _SURROGATE.sub("\ufffd", text)
    view = to_simplified(safe)
    return view if len(view) == len(text) else safe


_SURROGATE = re.compile("[\ud800-\udfff]")


def _is_name(view: str, m: re.Match[str]) -> bool:
    """Tell a numeral inside a name, slogan or fixed word from a quantity.

    一家亲, “五个认同”, 九台区, 三人行 are names; 10个乡镇, 两个区 are quantities.
    """
    num = m["num"]
    if num[0].isdigit():
        return False
    unit = m["unit"] or ""
    if num == "一" and not m["mag"] and not m["lnum"] and unit not in ("成", "倍"):  # 一支队伍: an article
        return True
    at = m.start("num")
    if SLOGAN.match(view, at):
        return True
    for w in _NAME_WORDS.finditer(view, max(0, at - 4), m.end() + 4):
        if w.start() <= at < w.end():
            return True
    if unit and unit not in PLACE_COUNTERS and not m["mag"] and len(num) <= 2 and not m["lnum"]:
        end = m.end("unit")
        for skip in (0, 1):
            if view.startswith(PLACE_SUFFIXES, end + skip) and not (skip and view[end] not in NAME_INFIXES):
                return True
    # A short numeral phrase in quotes is a programme name (“三下乡”, “十百千万”).
    left = view.rfind("“", max(0, m.start() - 6), m.start() + 1)
    right = view.find("”", m.end() - 1, m.end() + 6)
    return left != -1 and right != -1 and "”" not in view[left : m.start()]


@dataclass
class _Atom:
    """A number as matched, before lists and falls are resolved."""

    start: int
    end: int
    low: Decimal
    high: Decimal
    unit: str | None  # the unit of UNITS, after aliases and currency
    factor: Decimal
    mag: str
    qualifier: str
    negative: bool  # a minus sign or a fall word
    explicit: bool  # the sign was given (minus or fall word), not inherited
    damaged: bool
    ordinal: bool  # after 第: poisons a list it heads


def _scale(value: Decimal, mag: str) -> Decimal:
    """Multiply by the magnitude characters after a number (exact: 2.32亿 is 232000000).

    Past the largest float the result is Decimal infinity (1亿亿亿...元 stops there,
    before Decimal overflows); find_quantities drops such a value.
    """
    for ch in mag:
        value *= MAGNITUDES[ch]
        if abs(value) > _LARGEST:
            return Decimal("Infinity")
    return value


_PRE_TABLE = {**QUALIFIERS_BEFORE, **BARE_HEDGES}
_ONE = Decimal(1)
# The character just before a fall's number ends a fall word or a word that may follow one.
_FALL_LAST = {w[-1] for w in (*FALL_WORDS, *FALL_SIZE_WORDS)} | set("了达到为是 \t")


def _atom(view: str, m: re.Match[str]) -> _Atom | None:
    """Read one match into an atom; None when it is not a number at all."""
    g = m.groupdict()
    lsign, sign = g["lsign"], g["sign"]
    if lsign == "负" and view[m.start("lsign") - 1 : m.end("lsign")] in NOT_SIGN_WORDS:
        lsign = None  # 减负3-5成: 负 ends a word
    if sign == "负" and view[m.start("sign") - 1 : m.end("sign")] in NOT_SIGN_WORDS:
        sign = None
    g = {**g, "lsign": lsign, "sign": sign}
    first = next(k for k in ("pre", "cur", "lsign", "lnum", "sign", "num") if g[k] is not None)
    start = m.start(first)
    before = view[start - 1] if start else ""
    if "A" <= before <= "Z" or "a" <= before <= "z":
        return None  # 1e5, A5, V2, COVID-19: a code or an exponent (RMB5亿元 starts at its currency)
    pre = g["pre"]
    if pre in BARE_HEDGES and first == "pre":
        read = _read(g["lnum"] or g["num"])
        if read is None or not read[2]:  # 上 only hedges a bare magnitude
            pre, first = None, next(k for k in ("cur", "lsign", "lnum", "sign", "num") if g[k] is not None)
            start = m.start(first)
            before = view[start - 1]
    if before in _NOT_BEFORE:
        return _Atom(start, m.end(), Decimal(0), Decimal(0), None, _ONE, "", "exact", False, False,
                     False, before == "第") if before == "第" else None  # fmt: skip
    if before and before in _CN_NUM and first in ("lnum", "num") and not g[first][0].isdigit():
        return None  # inside a longer Chinese numeral
    read = _read(g["num"])
    if read is None:
        return None
    low, high, bare = read
    qualifier = "exact"
    if pre:
        qualifier = _PRE_TABLE[pre]
    if g["q1"]:
        qualifier = QUALIFIERS_INSIDE[g["q1"]]
    if g["q2"]:
        qualifier = QUALIFIERS_INSIDE[g["q2"]]
    if g["post"]:
        qualifier = QUALIFIERS_AFTER[g["post"]]
    if bare and qualifier == "exact":
        return None  # 百人团, 千人计划, 万元户: a bare magnitude is a name unless hedged
    word = g["unit"]
    unit, factor = UNIT_ALIASES.get(word, (word, _ONE))
    if g["cur"]:
        currency = CURRENCY_BEFORE[g["cur"]]
        if unit is None:
            unit = currency
        elif unit != currency:
            return None  # $5元: not one quantity
    if word == "成" and view[m.end("unit") : m.end("unit") + 1] in _NOT_SHARE_AFTER_CHENG:
        return None
    mag = g["mag"]
    if mag:
        low, high = _scale(low, mag), _scale(high, mag)
    escale = Decimal(ENGLISH_SCALES[g["escale"].lower()]) if g["escale"] else _ONE
    low, high = low * escale, high * escale
    negative = bool(g["sign"])
    if g["lnum"] is not None:
        left = _read(g["lnum"])
        lmag = g["lmag"] or ("" if g["lunit"] else mag)  # 3至5万元: the left end takes 万
        if left is None:
            return None
        lscale = escale if not (g["lmag"] or g["lunit"]) else _ONE  # US$3-5 million
        llow, lhigh = _scale(left[0], lmag) * lscale, _scale(left[1], lmag) * lscale
        if llow > high or bool(g["lsign"]) != negative:
            return None  # 2020-5人: a code or date part, not a range
        low, high = min(low, llow), max(high, lhigh)
        qualifier = "exact"
    if low != high:
        qualifier = "range"
    fall = None
    if before in _FALL_LAST and not (g["lsign"] or g["sign"]):
        fall = _FALL.search(view, max(0, start - 6), start)
    if fall:  # 下降3.2%: the span takes the fall word, so that it reads back the same
        negative = explicit = True
        start = fall.start()
    else:
        explicit = negative
    end = m.end()
    while end > start and view[end - 1].isspace():  # a bare list member: no trailing space in its span
        end -= 1
    if word in ("倍", "成") and not g["post"] and view[end : end + 1] in ("多", "余"):
        qualifier, end = "over", end + 1  # 3倍多, 两成多: more than
    after = view[end : end + 1]
    damaged = bool(g["mark"]) or bool(before and before in _DAMAGE) or bool(after and after in _DAMAGE)
    if unit is not None and not g["num"][0].isdigit() and _is_name(view, m):
        return None
    return _Atom(start, end, low, high, unit, factor, mag, qualifier, negative, explicit, damaged, False)


def _quantity(text: str, a: _Atom, start: int | None = None) -> Quantity:
    """Turn a resolved atom (unit known) into a Quantity."""
    low, high = (a.low, a.high) if a.factor is _ONE else (a.low * a.factor, a.high * a.factor)
    if a.negative:
        low, high = -high, -low
    if a.damaged:
        value = top = math.nan
    else:
        # a non-zero value no float holds (0.000…1 underflows to 0.0) is inf, dropped like 1亿亿…元
        value, top = (float(x) if x == 0 or float(x) != 0 else math.inf for x in (low, high))
    s = a.start if start is None else start
    unit = a.unit or ""
    return Quantity(value, unit, UNITS[unit], a.qualifier, a.damaged, text[s : a.end], s, a.end,
                    top if a.qualifier == "range" else None)  # fmt: skip


def _joined(view: str, end: int, start: int) -> str | None:
    """The list separator between two numbers, if only one (and spaces) stands between them."""
    gap = view[end:start].strip()
    if gap in _LIST_SEPS:
        return gap
    return None


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
    """
    view = _simplified_view(text)
    if _HAS_FULL_WIDTH.search(view):  # translating costs more than looking
        view = view.translate(_DIGITS)
    found: list[Quantity] = []
    pending: list[_Atom] = []  # numbers without a measure word, waiting for a list to end
    last: _Atom | None = None  # the last atom given a unit, for falls carried along a list
    for m in _PATTERN.finditer(view):
        if (
            m["unit"] is None
            and m["cur"] is None
            and not view.startswith(_LIST_SEPS, m.end())
            and not view[m.end() : m.end() + 4].lstrip().startswith(_LIST_SEPS)
        ):
            pending = []  # a bare number (2023年, 统一): neither a quantity nor in a list
            continue
        a = _atom(view, m)
        if a is None:
            pending = []
            continue
        joined = _joined(view, pending[-1].end, a.start) if pending else None
        if a.unit is None:
            if joined:
                pending.append(a)  # in place: a long list stays linear
            else:
                pending = [a]
            continue
        members = pending if joined else []
        pending = []
        if members and members[0].ordinal:
            if _joined(view, members[0].end, (members[1:] or [a])[0].start) == "、":
                continue  # 第1、2批: ordinals, the whole list
            members = members[1:]  # 第一，3个乡镇: a heading, then a quantity
        members = [x for x in members if not x.ordinal and not _year_like(x, a)]
        if a.ordinal:
            continue
        if not a.explicit and last is not None and last.negative and _joined(view, last.end, a.start):
            a.negative = True  # 下降3%、5%: the list falls on
        if members and not a.explicit and members[0].negative:
            a.negative = True
        if len(members) == 1 and joined == "、" and _consecutive(members[0], a):
            a.low, a.qualifier = members[0].low, "range"  # 5、6个: five or six
            found.append(_quantity(text, a, members[0].start))
            last = a
            continue
        for member in members:
            if not member.mag and a.mag:
                member.low, member.high = _scale(member.low, a.mag), _scale(member.high, a.mag)
            member.unit, member.factor = a.unit, a.factor
            member.negative = member.negative or a.negative
            found.append(_quantity(text, member))
        found.append(_quantity(text, a))
        last = a
    found.extend(_share_words(text, view, found))
    # a value no float holds (1亿亿亿...元, a 400-digit number) is not a quantity
    found = [q for q in found if not (math.isinf(q.value) or (q.high is not None and math.isinf(q.high)))]
    return _merge_ranges(text, view, sorted(found, key=lambda q: q.start))


def _merge_ranges(text: str, view: str, found: list[Quantity]) -> list[Quantity]:
    """Join two exact quantities of one unit written with a range mark between (百分之五到百分之十)."""
    out: list[Quantity] = []
    for q in found:
        p = out[-1] if out else None
        if (
            p is not None
            and p.unit == q.unit
            and p.qualifier == q.qualifier == "exact"
            and not (p.damaged or q.damaged)
            and len(gap := view[p.end : q.start].strip()) == 1
            and gap in RANGE_MARKS
            and p.value * q.value > 0
        ):
            low, high = sorted((p.value, q.value))
            out[-1] = Quantity(
                low, q.unit, q.unit_en, "range", False, text[p.start : q.end], p.start, q.end, high
            )
        else:
            out.append(q)
    return out


def _year_like(member: _Atom, last: _Atom) -> bool:
    """A bare 4-digit 1900–2100 before a list mark is a year (截至2023，共300人), not a member."""
    return (
        member.low == member.high
        and 1900 <= member.low <= 2100
        and member.low == member.low.to_integral_value()
        and not member.mag
        and not last.mag
    )


def _consecutive(a: _Atom, b: _Atom) -> bool:
    return (
        a.qualifier == b.qualifier == "exact"
        and a.low == a.high
        and b.low == b.high
        and a.low == a.low.to_integral_value()
        and _scale(a.low, b.mag) + _scale(Decimal(1), b.mag) == b.low
    )


_FRACTION_DEN = {"百": Decimal(100), "千": Decimal(1000), "万": Decimal(10000)}
_SHARE_WORDS = re.compile(
    rf"(?P<den>\d+|[{_CN_NUM}]+)分之(?P<num>[{_CN_NUM}]+(?:点[{_CN_DIGIT}]+)?|{_ARABIC})"
    rf"|(?<![\d./])(?P<snum>\d+)/(?P<sden>\d+)(?![\d./])"
    rf"|翻了?(?P<times>[一二两三四五六七八九十\d]?)番"
)
_BEFORE_ALT = re.compile(rf"(?:{_ALT(QUALIFIERS_BEFORE)})$")
_AFTER_ALT = re.compile(_ALT(QUALIFIERS_AFTER))


def _share_words(text: str, view: str, taken: list[Quantity]) -> list[Quantity]:
    """Read shares and multiples that carry no measure word after the number.

    百分之七十 (70 %), 三分之一 (33.33… %), 万分之五 (0.05 %), 1/3 (33.33… %), 翻两番 (4 番).
    """
    out: list[Quantity] = []
    if "分之" not in view and "/" not in view and "番" not in view:
        return out  # the common case: no share word at all
    for m in _SHARE_WORDS.finditer(view):
        if any(q.start <= m.start() < q.end or m.start() <= q.start < m.end() for q in taken):
            continue
        if m["times"] is not None:
            n = _number(m["times"]) if m["times"] else Decimal(1)
            if n is None or not 0 < n <= 10:
                continue
            value, unit = Decimal(2) ** int(n), "番"
        else:
            if m["snum"] is not None:
                num, den = Decimal(m["snum"]), Decimal(m["sden"])
                if not 0 < num < den:
                    continue  # 12/5 is a date, 5/5 a score
            else:
                den = _FRACTION_DEN.get(m["den"]) or _number(m["den"])
                read = _read(m["num"])  # 百分之百: a bare magnitude is fine here
                if den is None or read is None or read[0] != read[1] or den == 0:
                    continue
                num = read[0]
            value, unit = num / den * 100, "%"
        start, end = m.span()
        qualifier = "exact"
        pre = _BEFORE_ALT.search(view, max(0, start - 3), start)
        if pre:
            qualifier, start = QUALIFIERS_BEFORE[pre[0]], pre.start()
        post = _AFTER_ALT.match(view, end)
        if post:
            qualifier, end = QUALIFIERS_AFTER[post[0]], post.end()
        fall = _FALL.search(view, max(0, start - 6), start)
        if fall:
            value, start = -value, fall.start()
        if view[start - 1 : start] in _NOT_BEFORE:
            continue
        out.append(Quantity(float(value), unit, UNITS[unit], qualifier, False, text[start:end], start, end))
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
        aidlib.quantities.chinese.QuantityError: no quantity in '2023年'
    """
    return the_one_quantity(text, find_quantities)


def the_one_quantity(text: str, finder: Callable[[str], list[Quantity]]) -> Quantity:
    """Return the one quantity ``finder`` finds in ``text`` (shared by the Chinese and English readers).

    Raises:
        QuantityError: ``text`` is not a string, holds no quantity, or more than one.
    """
    if not isinstance(text, str):
        raise QuantityError(f"expected text, got {type(text).__name__}: {text!r}")
    found = finder(text)
    if not found:
        raise QuantityError(f"no quantity in {text!r}")
    if len(found) > 1:
        listed = ", ".join(q.text for q in found)
        raise QuantityError(f"{len(found)} quantities in {text!r} ({listed}); expected one")
    return found[0]
