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

import functools
import math
import re
from dataclasses import dataclass
from decimal import Decimal

from aidlib.quantities.context import (
    PER_UNIT_PATTERN,
    PER_UNITS,
    comparative_before,
    per_before,
    reaching_hedge,
)
from aidlib.quantities.names import in_place_name
from aidlib.quantities.numerals import (
    MAGNITUDE_CHARS,
    MAGNITUDES,
    SINGLE_NUMERALS,
    cap,
    capital_view,
    final_magnitudes,
    is_bare_magnitude,
    read_bounds,
    read_numeral,
)
from aidlib.quantities.patterns import (
    ARABIC_NUMBER,
    CHINESE_DIGIT_CHARS,
    CHINESE_NUMERAL_CHARS,
    FALL_BEFORE,
    FALL_LAST_CHARS,
    NO_QUANTITY_AFTER,
    alternation,
    trie_pattern,
)
from aidlib.quantities.quantity import (
    Quantity,
    QuantityError,
    QuantityTypeError,
    make_quantity,
    the_one_quantity,
)
from aidlib.quantities.shares import find_shares
from aidlib.quantities.units import (
    ADDRESS_UNITS,
    CLASS,
    CLASS_KINDS,
    CONTEXT_WORDS,
    COUNTERS,
    ELECTRIC_CONTEXT,
    HALF_BEFORE,
    HALVES,
    LATIN_ALIASES,
    NOT_A_UNIT_AFTER,
    NOT_HALF_AFTER,
    NOT_HALF_YEAR_BEFORE,
    TEMPERATURE_CONTEXT,
    TIMES,
)
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
    NOT_SHARE_AFTER_CHENG,
    NOT_SIGN_WORDS,
    PLACE_COUNTERS,
    PLACE_SUFFIXES,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    QUALIFIERS_INSIDE,
    RANGE_MARKS,
    ROUGHLY_INSIDE,
    TIME_UNITS,
    UNIT_ALIASES,
    UNIT_TABLE,
    UNITS,
    WITHIN_AFTER,
)

__all__ = [
    "BARE_HEDGES", "CURRENCIES", "CURRENCY_BEFORE", "ENGLISH_SCALES", "FALL_SIZE_WORDS", "FALL_WORDS",
    "GROWTH_WORDS", "MAGNITUDES", "NAME_INFIXES", "NAME_WORDS", "NOT_SIGN_WORDS", "PLACE_COUNTERS",
    "PLACE_SUFFIXES", "QUALIFIERS_AFTER", "QUALIFIERS_BEFORE", "QUALIFIERS_INSIDE", "RANGE_MARKS",
    "SLOGAN", "TIME_UNITS", "UNITS", "UNIT_ALIASES", "UNIT_TABLE", "Quantity", "QuantityError",
    "QuantityTypeError", "find_quantities", "parse_quantity", "the_one_quantity",
]  # fmt: skip

# Slogans counted in numerals: 五个认同, 四个意识, 两个维护 ... are names.
SLOGAN = re.compile(
    r"[一二三四五六七八九十两]个(?:认同|意识|自信|维护|确立|离不开|全面|代表|务必|坚持|大局|结合|一百年|一批)"
)

_FULL_WIDTH = "０１２３４５６７８９．％－￥／"  # read as their ASCII forms (the full-width comma is not)
_DIGITS = str.maketrans(_FULL_WIDTH, "0123456789.%-¥/")
_HAS_FULL_WIDTH = re.compile(f"[{_FULL_WIDTH}]")

# Every word that may stand after a number as its unit: units, aliases, halves (一年半),
# and the words whose unit depends on the text around them (度, 方).
_ALL_UNIT_WORDS = [*UNITS, *UNIT_ALIASES, *HALVES, *CONTEXT_WORDS]
_UNIT_WORDS = trie_pattern(_ALL_UNIT_WORDS)


def _mag_char() -> str:
    """A magnitude character that does not start a measure word (千 of 千瓦 and 千克 is the unit's)."""
    starts: dict[str, set[str]] = {}
    for u in _ALL_UNIT_WORDS:
        if u[0] in MAGNITUDES:
            starts.setdefault(u[0], set()).add(u[1:])
    plain = "".join(ch for ch in MAGNITUDES if ch not in starts)
    guarded = [f"{ch}(?!{alternation(rest)})" for ch, rest in sorted(starts.items())]
    return "(?:" + "|".join([f"[{plain}]", *guarded]) + ")"


_MAG_CHAR = _mag_char()
# 半 is a number before a span of time or a weight: 半年, 半个月, 半小时, 半斤.
_HALF = rf"半(?={alternation(HALF_BEFORE)})"
# Atomic (?>...) and possessive *+: a number is read whole, never split to retry
# (a long run of 十十十... would otherwise be tried at every split: quadratic).
_NUM = (
    rf"(?>{ARABIC_NUMBER}|{_HALF}|(?:数(?=[十百千万亿]))?(?:[{CHINESE_DIGIT_CHARS}兩几]|{_MAG_CHAR})+(?:点[{CHINESE_DIGIT_CHARS}]+)?)"
)
# The magnitudes after a number, and the rest of a compound (2亿3000万: 亿3000万; 1万2千;
# 1亿零500万; 12万3456): a number may follow a magnitude, 零 between.
_MAG = rf"(?:{_MAG_CHAR}++(?:零?(?:\d+(?:\.\d+)?|[一二两三四五六七八九]){_MAG_CHAR}*+)*+)?+"
# The inclusive mark: 3万（含）-5万元, 50万元（含）以上.
_INCL = r"(?:[（(]含[）)])"
# A minus sign; 零下 (below zero) before a temperature is one too.
_SIGN = r"(?:[-−负]|零下)"
_CURRENCY_AFTER_YUAN = [w for c in CURRENCIES if c.unit != "元" for w in c.after if not w.isascii()]
_SMALL_DIGIT = "[0-9一二两三四五六七八九壹]"

# Every match starts with one of these characters: a cheap test before the alternatives.
# A match never starts inside a number (_atom would reject it anyway) and spaces are
# never given back (possessive ``*+``): without these, a long run of numerals
# (万万万..., 111...) or of spaces backtracks in polynomial time.
_FIRST_WORDS = (*QUALIFIERS_BEFORE, *BARE_HEDGES, *CURRENCY_BEFORE)
_FIRST = "".join(sorted({w[0] for w in _FIRST_WORDS} | set(CHINESE_NUMERAL_CHARS + "几数-−负半")))
_PATTERN = re.compile(
    rf"(?=[\d{re.escape(_FIRST)}])(?<![\d.])(?!(?<=[{CHINESE_NUMERAL_CHARS}])[{CHINESE_NUMERAL_CHARS}])"
    rf"(?P<pre>{trie_pattern([*QUALIFIERS_BEFORE, *BARE_HEDGES])})?[^\S\n]*+"
    rf"(?P<cur>{trie_pattern(CURRENCY_BEFORE)})?[^\S\n]*+"
    # the low end of a range: 3至, 5%-, 3个到, 3万元至, 3万（含）-, 2——; tried only when a range
    # mark follows soon, before any ， or 、 (else every number would be read twice)
    rf"(?:(?=[^\n。；，、]{{1,40}}?[{re.escape(RANGE_MARKS)}])(?P<lsign>{_SIGN})?(?P<lnum>{_NUM})[^\S\n]*+(?P<lmag>{_MAG})[^\S\n]*+(?:(?P<lunit>{_UNIT_WORDS})[^\S\n]*)?"
    rf"{_INCL}?[^\S\n]*(?P<rsep>[-—–]{{1,4}}|[{RANGE_MARKS.replace('-', '')}])[^\S\n]*)?"
    rf"(?P<sign>{_SIGN})?(?P<num>{_NUM})"
    rf"(?P<mark>[?\ufffd])?"  # a lost character inside the number: damaged
    rf"[^\S\n]*+(?P<q1>[余多把])?(?:个(?=[亿億]))?[^\S\n]*+(?P<mag>{_MAG})"  # 两个亿 is 2亿; 千把人
    rf"(?:[^\S\n]*+(?P<escale>(?i:{alternation(ENGLISH_SCALES)}))(?![A-Za-z]))?"  # US$5 million
    rf"[^\S\n]*+(?P<q2>[余多])?[^\S\n]*+"
    rf"(?P<unit>(?(lunit)(?P=lunit)|(?:{_UNIT_WORDS})))?"
    # 3元5角2分, 十块三毛, 一百三十五块六角七分钱: 角 (毛) and 分 add to the yuan
    rf"(?:(?<=[元块圆])(?P<jiao>{_SMALL_DIGIT})[角毛])?"
    rf"(?:(?<=[元角块毛圆])(?P<fen>{_SMALL_DIGIT})分(?![之钟]))?"
    rf"(?:(?<=[角毛分])钱)?"
    rf"(?:(?<=元)(?P<cur2>{trie_pattern(_CURRENCY_AFTER_YUAN)}))?"  # 1000元港币: the currency, not yuan
    rf"(?:/[^\S\n]*(?P<perunit>{PER_UNIT_PATTERN})(?:/(?P<perunit2>{PER_UNIT_PATTERN}))?)?"  # 3200元/吨
    rf"(?P<incl>{_INCL})?"
    rf"(?P<post>{trie_pattern([*QUALIFIERS_AFTER, *WITHIN_AFTER])})?"
    rf"(?P<incl2>{_INCL})?"
    rf"(?P<cur3>人民币)?"
)
_DAMAGE = "?\ufffd"
# A rise by N times (增长了1.5倍 is 2.5 times the base); a hedge may stand between.
_GROWTH = re.compile(rf"(?:{alternation(GROWTH_WORDS)})了?\s*$")
_NAME_WORDS = re.compile(alternation(NAME_WORDS))
# A dash right after these is a range mark or a joiner, never a minus sign (3万（含）-5万元).
_NO_MINUS_AFTER = set("%)）元") | set(CHINESE_NUMERAL_CHARS)
# A compound ending in a year before 年 (1亿2023年) is an amount and a date, not one number.
_YEAR_AT_END = re.compile(r"(?<!\d)(?:1[0-9]|20|21)\d\d$")
# A month after N年 makes it a date: 23年3月, 零年零月, 零年贰月.
_MONTH = re.compile(r"\s*(?:\d{1,2}|[〇零一二三四五六七八九十壹贰叁肆伍陆柒捌玖拾]{1,2})月")
# After a year + 年 these make it a date: 2023年底, 23年3月, 80年代, 三年级.
_DATE_AFTER_YEAR = set("底初末度代级")
# 块 is yuan when one of these follows it (十块钱, 十块三毛, 两块半, 百块左右); a noun after it
# (3块示范田) makes it pieces.
_MONEY_AFTER_KUAI = set("钱毛角半左上以多余起封内")
# Words of money in a clause: a small 块 at its end is yuan (每人补贴5块).
_MONEY_CONTEXT = (
    "钱", "价", "元", "花", "赚", "收入", "工资", "费", "付", "赔", "值", "补贴", "奖励", "罚", "卖", "买",
    "每",
)  # fmt: skip
# 内 after these kinds is "within" (72小时内, 5公里内); after the others it starts a word.
_WITHIN_KINDS = {"time", "length"}
_NOT_WITHIN = set("容部地外涵在心需销蒙陆科存阁江")
_NOT_START_AFTER_QI = set("诉草飞步点来床义火")
# A list marked as a list keeps a full-width comma between digit groups as a list mark.
_LIST_MARKED = re.compile(r"分别|依次|各为|各自|分列")
# Digit groups joined by a full-width comma: 1，200万元, 82，225.00元, 233,333，333,434.344元.
_DIGIT_COMMA = re.compile(r"，(?=\d{3})")  # a literal first: the regex engine skips to each comma
_GROUPED = re.compile(r"(?<![\d.,，])(\d{1,3}(?:,\d{3})*)((?:，\d{3}(?:,\d{3})*)+)(?![\d])")
# No rate is per anything in these kinds: 人均预期寿命78.5岁 is an age, 人均增长5% a share.
_NOT_PER_KINDS = {"share", "multiple", "age", "temperature"}
_PER_ABLE = frozenset(w for w, u in UNIT_TABLE.items() if u.kind not in _NOT_PER_KINDS)
# After 栋 or 幢, a number and one of these is an address: 5栋302室, 3幢2单元.
_ADDRESS = re.compile(r"[\d一二三四五六七八九十]+(?:单元|室|号|层|楼)")


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


def _thousands_view(view: str, text: str) -> str:
    """Read a full-width comma between digit groups as a thousands separator where only that makes sense.

    A full-width comma after one or two digits (1，200万元, 82，225), before a group that
    starts with 0 (3，050) or a decimal part (100，225.00) or mixed with ASCII groups, or
    between full-width digits (１，２００), joins digit groups. A list marked as a list
    (分别为100，200人) and three digits before three (300，500户: two readings) stay a list.

    Examples:
        >>> _thousands_view("投资1，200万元", "投资1，200万元")
        '投资1,200万元'
        >>> _thousands_view("分别为10，200人", "分别为10，200人")
        '分别为10，200人'
    """
    out = None
    done = 0  # the end of the last group read: its commas are not read again (linear)
    for comma in _DIGIT_COMMA.finditer(view):
        if comma.start() < done or not view[comma.start() - 1 : comma.start()].isdigit():
            continue
        s, stop = comma.start(), max(done, comma.start() - 40)  # no real left group is longer
        while s > stop and (view[s - 1].isdigit() or view[s - 1] in ",，"):
            s -= 1
        m = _GROUPED.match(view, s)
        if m is None or m.end() <= comma.start():
            continue
        done = m.end()
        left, groups = m[1], m[2]
        lo = max(0, m.start() - 12)
        clause = max(view.rfind(ch, lo, m.start()) for ch in "。；;\n")
        if _LIST_MARKED.search(view, max(lo, clause + 1), m.start()):
            continue
        after = view[m.end() : m.end() + 2]
        full_width = text[m.start()] != view[m.start()]
        first = groups[1:4]
        if not (
            len(left.rsplit(",", 1)[-1]) < 3 or "," in left or "," in groups or first[0] == "0"
            or (after[:1] == "." and after[1:].isdigit()) or full_width
        ):  # fmt: skip
            continue
        out = out if out is not None else list(view)
        for i in range(m.start(2), m.end()):
            if view[i] == "，":
                out[i] = ","
    return view if out is None else "".join(out)


def _is_name(view: str, m: re.Match[str]) -> bool:
    """Tell a numeral inside a name, slogan or fixed word from a quantity.

    一家亲, “五个认同”, 九台区, 五家渠, 十三间房, 三人行 are names; 10个乡镇, 两个区,
    维修十三间房屋 are quantities.
    """
    num = m["num"]
    if num[0].isdigit():  # only a name of the gazetteer (202所社区): never guessed from a suffix
        after = view[m.end() : m.end() + 1]
        return "\u4e00" <= after <= "\u9fff" and in_place_name(view, m.start("num"), m.end("num"))
    unit = m["unit"] or ""
    more_after = view[m.end() : m.end() + 1] in ("多", "余") and unit in _MORE_AFTER_UNITS  # 一年多
    hedged = (m["pre"] and m["pre"] not in BARE_HEDGES) or m["q1"] or m["q2"] or m["post"] or more_after
    if num == "一" and not (m["mag"] or m["lnum"] or hedged) and unit not in _ONE_COUNTS:
        return True  # 一支队伍: an article (but 一年半, 一年内 and 超过一年 count)
    at = m.start("num")
    in_left = m["lnum"] and in_place_name(view, m.start("lnum"), m.end("lnum"))
    if in_place_name(view, at, m.end("num")) or in_left:
        return True  # the gazetteer: 五家渠市, 七个星镇, 十三间房
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


# 多/余 right after these is "more than": 3倍多, 两成多, 三年多, 两天多 (not 3人多: 人多 is a word).
_MORE_AFTER_UNITS = frozenset({"倍", "成", "年", "天", "周", "小时", "分钟", "秒", "工作日", "个季度", "岁"})
# 一 before these is a count, never an article: 一成, 一倍, 一年半, 一个半月.
_ONE_COUNTS = frozenset({"成", "倍", *HALVES})


@dataclass(slots=True)
class _Atom:
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


def _scale(value: Decimal, mag: str) -> Decimal:
    """Multiply by the magnitude characters after a number (exact: 2.32亿 is 232000000).

    Past the largest float the result is Decimal infinity (1亿亿亿...元 stops there,
    before Decimal overflows); find_quantities drops such a value.
    """
    if len(mag) <= 8:  # the common case: one product, looked up
        return cap(value * _product(mag))
    for ch in mag:
        value = cap(value * MAGNITUDES[ch])
        if value.is_infinite():
            return value
    return value


@functools.lru_cache(maxsize=256)
def _product(mag: str) -> Decimal:
    """The product of a few magnitude characters (亿 → 10^8, 千万 → 10^7)."""
    return math.prod((Decimal(MAGNITUDES[ch]) for ch in mag), start=_ONE)


@functools.lru_cache(maxsize=4096)
def _with_mag(num: str, read: tuple[Decimal, Decimal, bool], mag: str) -> tuple[Decimal, Decimal] | None:
    """Apply what follows a number: magnitudes (5.3亿), or the rest of a compound (2亿3000万).

    Examples:
        >>> _with_mag("2", (Decimal(2), Decimal(2), False), "亿3000万")
        (Decimal('230000000'), Decimal('230000000'))
        >>> _with_mag("1", (Decimal(1), Decimal(1), False), "万2千")
        (Decimal('12000'), Decimal('12000'))
    """
    low, high, _ = read
    if not mag.strip(MAGNITUDE_CHARS):
        return _scale(low, mag), _scale(high, mag)
    if low != high:
        return None  # 几万3千: a vague number starts no compound
    whole = read_numeral(num + mag)
    return (whole, whole) if whole is not None else None


def _shared(lnum: str, low: Decimal, tail: str) -> Decimal:
    """The low end of a range written without the magnitude its high end carries.

    The left end takes those of the right end's final magnitudes that are larger than
    its own: 3至5万 → 3万, 三至五千万 → 三千万, 一千到两千万 → 一千万.
    """
    own = max((MAGNITUDES[ch] for ch in lnum if ch in MAGNITUDES), default=0)
    i = len(tail)
    while i > 0 and MAGNITUDES[tail[i - 1]] > own:
        i -= 1
    return _scale(low, tail[i:])


_PRE_TABLE = {**QUALIFIERS_BEFORE, **BARE_HEDGES}
_ONE = Decimal(1)
_ZERO = Decimal(0)
_HALF_VALUE = (Decimal("0.5"), Decimal("0.5"), False)
_SMALL_DIGITS = {ch: Decimal(v) for ch, v in SINGLE_NUMERALS.items() if v < 10}
_SMALL_DIGITS |= {str(i): Decimal(i) for i in range(10)}


def _is_date_year(view: str, low: Decimal, high: Decimal, mag: str, end: int) -> bool:
    """A number before 年 that names a year (2023年, 二〇二三年, 2021-2023年, 23年3月), not a span."""
    if mag or low != low.to_integral_value():
        return False
    if 1000 <= low <= 2100 and 1000 <= high <= 2100:
        return True
    after = view[end : end + 1]
    if after in _DATE_AFTER_YEAR:
        return True
    return _MONTH.match(view, end, end + 4) is not None  # within 4 characters (not after a paragraph break)


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _clause(view: str, start: int, reach: int = 12) -> str:
    """The text of the clause before ``start`` (at most ``reach`` characters)."""
    lo = max(0, start - reach)
    cut = max(view.rfind(ch, lo, start) for ch in "，,。；;：:\n")
    return view[max(lo, cut + 1) : start]


def _context_unit(view: str, word: str, g: dict, start: int, after: str) -> str | None:
    """The unit of a word whose meaning depends on the text around it (度, 块, 方), or None."""
    if word == "度":
        if g["sign"] == "零下":
            return "℃"
        if g["mag"] and not g["mag"].strip(MAGNITUDE_CHARS):
            return "千瓦时"  # 2000万度: no weather is that hot
        clause = _clause(view, start, 16)
        if any(w in clause for w in TEMPERATURE_CONTEXT):
            return "℃"
        if any(w in clause for w in ELECTRIC_CONTEXT):
            return "千瓦时"
        return None  # 360度全景, 两度获奖: neither
    if word == "块":
        if g["jiao"] or g["fen"] or after in _MONEY_AFTER_KUAI:
            return "元"  # 十块三毛, 百把块钱, 两块半
        if _is_cjk(after):
            return "块"  # 3块示范田: pieces
        # at a clause's end: money when large or said about money (每人补贴200块, 几十万块),
        # pieces otherwise (切成三块)
        low = read_bounds(g["num"])
        large = g["mag"] or (low is not None and low[0] >= 10)
        return "元" if large or any(w in _clause(view, start, 16) for w in _MONEY_CONTEXT) else "块"
    # 方: cubic metres after digits or a magnitude (120亿方, 5000方); 三方协议 is three
    # parties, 5方面 five aspects
    cubic = g["mag"] or (g["num"][0].isdigit() and (not _is_cjk(after) or after in _MONEY_AFTER_KUAI))
    return "立方米" if cubic else None


# Units that need no look around them, and the characters after a unit that may undo it.
_SPECIAL_AFTER = frozenset("".join(NOT_A_UNIT_AFTER.values()) + TIMES + CLASS + "多余")
_PLAIN_WORDS = frozenset(UNITS) - set(HALVES) - set(CONTEXT_WORDS) - LATIN_ALIASES - set(ADDRESS_UNITS)


def _unit_of(view: str, g: dict, m: re.Match[str], start: int) -> tuple[str | None, Decimal, Decimal] | None:
    """Resolve the measure word matched: ``(unit, factor, add)``; None when it makes no quantity.

    A word that continues into a unit the model does not hold (吨级, an unknown counter
    before 次) and a Latin unit before another letter are no quantity, never a shorter unit.
    """
    word = g["unit"]
    if word is None:
        return None, _ONE, _ZERO
    end = m.end("unit")
    after = view[end : end + 1]
    if word in _PLAIN_WORDS and after not in _SPECIAL_AFTER:
        return word, _ONE, _ZERO  # the common case: a unit as it stands (元, 人, 个)
    if word in HALVES:
        unit, add = HALVES[word]
        factor = Decimal(10) if word[0] == "成" else _ONE  # 三成五: 3 × 10 + 5 %
    elif word in CONTEXT_WORDS:
        unit, factor, add = _context_unit(view, word, g, start, after), _ONE, _ZERO
        if unit is None:
            return None
    else:
        unit, factor = UNIT_ALIASES.get(word, (word, _ONE))
        add = _ZERO
    if after and after in NOT_A_UNIT_AFTER.get(word, ""):
        return None  # 5升级, 三伏天: another word
    if after == CLASS and unit is not None and UNIT_TABLE[unit].kind in CLASS_KINDS:
        return None  # 10万吨级泊位: a class, not a mass
    if after == TIMES and word in COUNTERS and not g["perunit"]:
        return None  # 3名次, an unknown count of times: no shorter unit
    if word in LATIN_ALIASES and after.isascii() and after.isalpha():
        return None  # 5kms?: a Latin unit runs on into another word
    if word in ("角", "毛") and _is_cjk(after) and not g["fen"] and after not in "左上以多余":
        return None  # 五角星, 三毛钱 is an alias of its own: a lone 角 or 毛 before a noun is no money
    if word in ADDRESS_UNITS and _ADDRESS.match(view, end):
        return None  # 5栋302室: an address
    return unit, factor, add


_I_NUM, _I_MAG, _I_Q1, _I_Q2, _I_UNIT = (_PATTERN.groupindex[k] for k in ("num", "mag", "q1", "q2", "unit"))
# The characters after each measure word that send it to the full reading (吨级, 3名次).
_NOT_AFTER_WORD = {
    w: NOT_A_UNIT_AFTER.get(w, "") + (TIMES if w in COUNTERS else "")
    + (CLASS if u.kind in CLASS_KINDS else "") + ("多余" if w in _MORE_AFTER_UNITS else "")
    for w, u in UNIT_TABLE.items()
}
# Measure words the fast path reads: no date (年), ratio (倍), context (块), alias or address.
_FAST_WORDS = _PLAIN_WORDS - {"年", "倍", "日元"}
# Before a number these send it to the full reading: a letter, a digit, an ordinal, 每, a numeral.
_FAST_NOT_BEFORE = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz/每 \t\u3000"
    + "".join(NO_QUANTITY_AFTER)
    + CHINESE_NUMERAL_CHARS
)
_SLOW = object()


def _atom(view: str, m: re.Match[str]) -> _Atom | None:
    """Read one match into an atom; None when it is not a number at all.

    The common shape (a number, its magnitudes, 余/多 and a plain measure word: 5.3亿元,
    2.8万余人次) is read by :func:`_plain_atom`; every other by :func:`_full_atom`. Both
    give the same atom (the tests run every rule through both).
    """
    us, ue = m.span(_I_UNIT)
    if us >= 0 and ue == m.end() and m.start(_I_NUM) == m.start():
        atom = _plain_atom(view, m, us, ue)
        if atom is not _SLOW:
            return atom  # type: ignore[return-value]
    return _full_atom(view, m)


def _plain_atom(view: str, m: re.Match[str], us: int, ue: int) -> _Atom | None | object:
    """Read a number with nothing but magnitudes, 余/多 and a plain measure word; _SLOW otherwise."""
    word = view[us:ue]
    ns, ne = m.span(_I_NUM)
    if word not in _FAST_WORDS:
        if word == "年" and ue - ns == 5 and view[ns:ne].isdigit() and "1000" <= view[ns:ne] <= "2100":
            return None  # 2023年: a date (the common case, decided before anything is read)
        return _SLOW
    mag = m.group(_I_MAG)
    q = m.group(_I_Q2) or m.group(_I_Q1)  # 3000余次 (before the magnitude), 4万余户 (after it)
    if us - ne != len(mag) + (1 if q else 0) or q == "把":
        return _SLOW  # spaces, 个 of 两个亿, a damage mark, 千把人: the full reading
    before = view[ns - 1] if ns else ""
    after = view[ue : ue + 1]
    num = view[ns:ne]
    undone = after in _SPECIAL_AFTER and after in _NOT_AFTER_WORD[word]
    if before in _FAST_NOT_BEFORE or num == "半" or undone:
        return _SLOW  # a letter, digit, ordinal or 每 before; 吨级, 3名次 after: the full reading
    read = read_bounds(num)
    if read is None:
        return None
    low, high, bare = read
    if bare and not q and not mag:
        return None  # 百人团, 千人计划: a bare magnitude is a name unless hedged
    if mag:
        scaled = _with_mag(num, read, mag)
        if scaled is None:
            return None
        low, high = scaled
    qualifier = "range" if low != high else "over" if q else "exact"
    start, negative = ns, False
    if before in FALL_LAST_CHARS:
        fall = FALL_BEFORE.search(view, max(0, ns - 6), ns)
        if fall:
            start, negative = fall.start(), True
    if _is_name(view, m):
        return None
    if qualifier == "exact":
        qualifier = reaching_hedge(view, start) or qualifier
    found = per_before(view, start) if word in _PER_ABLE else None
    per, per_size = found if found is not None else (None, None)
    tail = final_magnitudes(num, mag) if mag or num[-1] in MAGNITUDE_CHARS else ""
    damaged = (before != "" and before in _DAMAGE) or (after != "" and after in _DAMAGE)
    return _Atom(start, ue, low, high, word, _ONE, tail, qualifier, negative, negative, damaged, False,
                 False, _ZERO, per, per_size)  # fmt: skip


def _full_atom(view: str, m: re.Match[str]) -> _Atom | None:  # noqa: C901 - one rule a branch, in order
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
        return _Atom(start, m.end(), _ZERO, _ZERO, None, _ONE, "", "exact", False, False,
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
        qualifier = _PRE_TABLE[pre]
    if g["q1"]:
        if g["q1"] == "把" and not (is_bare_magnitude(num) or num == "十"):
            return None  # 千把人, 百把块钱: about; 三把椅子 is three chairs
        qualifier = {**QUALIFIERS_INSIDE, **ROUGHLY_INSIDE}[g["q1"]]
    if g["q2"]:
        qualifier = QUALIFIERS_INSIDE[g["q2"]]
    end = m.end()
    post = g["post"]
    resolved = _unit_of(view, g, m, start)
    if resolved is None:
        return None
    unit, factor, add = resolved
    if post == "内" and (unit is None or UNIT_TABLE[unit].kind not in _WITHIN_KINDS
                         or view[m.end("post") : m.end("post") + 1] in _NOT_WITHIN):  # fmt: skip
        post, end = None, m.start("post")  # 3个内容: 内 starts a word
    if post == "起" and (unit is None or view[m.end("post") : m.end("post") + 1] in _NOT_START_AFTER_QI):
        post, end = None, m.start("post")  # 10人起诉: 起 starts a word
    if post:
        qualifier = QUALIFIERS_AFTER.get(post) or WITHIN_AFTER[post]
    mag = g["mag"]
    if bare and qualifier == "exact" and not mag:
        return None  # 百人团, 千人计划, 万元户: a bare magnitude is a name unless hedged
    word = g["unit"]
    if word in ("个多月", "个多小时"):
        qualifier = "over"  # 1个多月: over a month
    if g["cur2"]:
        unit = UNIT_ALIASES.get(g["cur2"], (g["cur2"], _ONE))[0]  # 1000元港币, 9000元日币
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
    if word == "年" and _YEAR_AT_END.search(mag):
        return None  # 投资1亿2023年: a year follows the amount, not a compound
    if mag:
        scaled = _with_mag(num, read, mag)
        if scaled is None:
            return None
        low, high = scaled
    escale = _ONE
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
        lscale = escale if not (g["lmag"] or g["lunit"]) else _ONE  # US$3-5 million
        if g["lmag"] or g["lunit"]:
            scaled = _with_mag(g["lnum"], left, g["lmag"])
            if scaled is None:
                return None
            llow, lhigh = scaled
        else:  # 3至5万元, 三至五万元, 一千到两千万: the left end shares the magnitude
            llow, lhigh = _shared(g["lnum"], left[0], tail), _shared(g["lnum"], left[1], tail)
            if llow * lscale > high and left[0] * 10 >= _scale(_ONE, tail):
                llow, lhigh = left[0], left[1]  # 从8500到3万元: 8500 is no 8500万 (but 5至3万元 is reversed)
        llow, lhigh = cap(llow * lscale), cap(lhigh * lscale)
        if llow > high or bool(g["lsign"]) != negative:
            return None  # 2020-5人: a code or date part, not a range
        low, high = min(low, llow), max(high, lhigh)
        qualifier = "exact"
    if low != high:
        qualifier = "range"
    dated = unit == "年" and qualifier in ("exact", "range")
    if dated and _is_date_year(view, low, high, mag, m.end("unit")):
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
    if unit == "倍":
        rise = _GROWTH.search(view, max(0, start - 4), start)
        if rise is not None:  # 增长了1.5倍: the span takes the growth word, so that it reads back the same
            growth, start = True, rise.start()
        else:
            compared = comparative_before(view, start)
            growth = compared == "by"  # 超过全国平均水平1倍: exceeds the base by 1 times
            if compared == "over" and qualifier == "exact":
                qualifier = "over"  # 超过去年的2倍: more than 2 times the base
    while end > start and view[end - 1].isspace():  # a bare list member: no trailing space in its span
        end -= 1
    if word in _MORE_AFTER_UNITS and not post and view[end : end + 1] in ("多", "余"):
        qualifier, end = "over", end + 1  # 3倍多, 两成多, 三年多: more than
    after = view[end : end + 1]
    damaged = bool(g["mark"]) or bool(before and before in _DAMAGE) or bool(after and after in _DAMAGE)
    if unit is not None and _is_name(view, m):
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
    return _Atom(start, end, low, high, unit, factor, tail, qualifier, negative, explicit, damaged, False,
                 growth, add, per, per_size)  # fmt: skip


def _quantity(text: str, a: _Atom, start: int | None = None) -> Quantity:
    """Turn a resolved atom (unit known) into a Quantity."""
    low, high = (a.low, a.high) if a.factor is _ONE else (a.low * a.factor, a.high * a.factor)
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


def _joined(view: str, end: int, start: int) -> str | None:
    """The list mark between two numbers (、 ， , 和 及 与 以及), if only it (and spaces) stands between."""
    if start - end > 8:
        return None  # the common case: far apart (and no slice of the text between)
    gap = view[end:start].strip()
    if gap in LIST_JOINS:
        return gap
    return None


def _translate(text: str) -> str:
    """The view the parser reads: simplified, ASCII digits, capital numerals and thousands resolved.

    Every step keeps the length, so offsets in the view are offsets in ``text``.
    """
    view = _simplified_view(text)
    if _HAS_FULL_WIDTH.search(view):  # translating costs more than looking
        view = view.translate(_DIGITS)
    view = capital_view(view, _CURRENCY_AFTER_ALL)
    if "，" in view:
        view = _thousands_view(view, text)
    return view


_CURRENCY_AFTER_ALL = tuple(w for c in CURRENCIES for w in c.after if not w.isascii())


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
    view = _translate(text)
    found: list[Quantity] = []
    atoms: list[_Atom] = []  # the atom of each quantity in found, for a list's last word
    pending: list[_Atom] = []  # numbers without a measure word, waiting for a list to end
    last: _Atom | None = None  # the last atom given a unit, for falls carried along a list
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
        if members:
            members = [x for x in members if not x.ordinal and not _year_like(x, a)]
        if a.ordinal:
            continue
        after_last = last is not None and _joined(view, last.end, a.start) is not None
        if after_last:
            if not a.explicit and last.negative:  # type: ignore[union-attr]
                a.negative = True  # 下降3%、5%; 分别下降2.1%和3.4%: the list falls on
            if last.unit == "个" and a.unit != "个" and a.unit.startswith("个"):  # type: ignore[union-attr]
                _widen(text, view, found, atoms, a)  # 分别提高2.1个和3.4个百分点: 个 is 个百分点 cut short
        if members and not a.explicit and members[0].negative:
            a.negative = True
        if len(members) == 1 and joined == "、" and _consecutive(members[0], a):
            a.low, a.qualifier = members[0].low, "range"  # 5、6个: five or six
            found.append(_quantity(text, a, members[0].start))
            atoms.append(a)
            last = a
            continue
        for member in members:
            if not member.mag and a.mag:
                member.low, member.high = _scale(member.low, a.mag), _scale(member.high, a.mag)
            member.unit, member.factor, member.per, member.per_size = a.unit, a.factor, a.per, a.per_size
            member.negative = member.negative or a.negative
            found.append(_quantity(text, member))
            atoms.append(member)
        found.append(_quantity(text, a))
        atoms.append(a)
        last = a
    found.extend(find_shares(text, view, found))
    # a value no float holds (1亿亿亿...元, a 400-digit number) is not a quantity
    found = [q for q in found if not (math.isinf(q.value) or (q.high is not None and math.isinf(q.high)))]
    return _merge_ranges(text, view, sorted(found, key=lambda q: q.start))


def _widen(text: str, view: str, found: list[Quantity], atoms: list[_Atom], a: _Atom) -> None:
    """Give the list members before ``a`` that carry only 个 its whole unit (个百分点, 个月)."""
    i, nxt = len(atoms) - 1, a.start
    while i >= 0 and atoms[i].unit == "个" and _joined(view, atoms[i].end, nxt):
        atoms[i].unit, atoms[i].factor = a.unit, a.factor
        found[i] = _quantity(text, atoms[i])
        i, nxt = i - 1, atoms[i].start


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
            and (gap := view[p.end : q.start].strip())
            and ((len(gap) == 1 and gap in RANGE_MARKS) or (len(gap) <= 4 and set(gap) <= set("-—–")))
            and p.value * q.value > 0
        ):
            low, high = sorted((p.value, q.value))
            out[-1] = Quantity(
                low, q.unit, q.unit_en, "range", False, text[p.start : q.end], p.start, q.end, high,
                None, q.per, q.per_size,
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
