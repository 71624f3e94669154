"""Numerals that are no quantity: names, slogans, fixed words, an article 一, and years before 年."""

from __future__ import annotations

import re
from decimal import Decimal

from aidlib.quantities.hedges import MORE_AFTER_UNITS
from aidlib.quantities.names import in_place_name
from aidlib.quantities.patterns import alternation
from aidlib.quantities.units import HALVES
from aidlib.quantities.words import BARE_HEDGES, NAME_INFIXES, NAME_WORDS, PLACE_COUNTERS, PLACE_SUFFIXES

# Slogans counted in numerals: 五个认同, 四个意识, 两个维护 ... are names.
SLOGAN = re.compile(
    r"[一二三四五六七八九十两]个(?:认同|意识|自信|维护|确立|离不开|全面|代表|务必|坚持|大局|结合|一百年|一批)"
)
_NAME_WORDS = re.compile(alternation(NAME_WORDS))
# A compound ending in a year before 年 (1亿2023年) is an amount and a date, not one number.
YEAR_AT_END = re.compile(r"(?<!\d)(?:1[0-9]|20|21)\d\d$")
# A month after N年 makes it a date: 23年3月, 零年零月, 零年贰月.
_MONTH = re.compile(r"\s*(?:\d{1,2}|[〇零一二三四五六七八九十壹贰叁肆伍陆柒捌玖拾]{1,2})月")
# After a year + 年 these make it a date: 2023年底, 23年3月, 80年代, 三年级.
_DATE_AFTER_YEAR = set("底初末度代级")


def is_name(view: str, m: re.Match[str]) -> bool:
    """Tell a numeral inside a name, slogan or fixed word from a quantity.

    一家亲, “五个认同”, 九台区, 五家渠, 十三间房, 三人行 are names; 10个乡镇, 两个区,
    维修十三间房屋 are quantities.
    """
    num = m["num"]
    if num[0].isdigit():  # only a name of the gazetteer (202所社区): never guessed from a suffix
        after = view[m.end() : m.end() + 1]
        return "\u4e00" <= after <= "\u9fff" and in_place_name(view, m.start("num"), m.end("num"))
    unit = m["unit"] or ""
    more_after = view[m.end() : m.end() + 1] in ("多", "余") and unit in MORE_AFTER_UNITS  # 一年多
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


# 一 before these is a count, never an article: 一成, 一倍, 一年半, 一个半月.
_ONE_COUNTS = frozenset({"成", "倍", *HALVES})


def is_date_year(view: str, low: Decimal, high: Decimal, mag: str, end: int) -> bool:
    """A number before 年 that names a year (2023年, 二〇二三年, 2021-2023年, 23年3月), not a span."""
    if mag or low != low.to_integral_value():
        return False
    if 1000 <= low <= 2100 and 1000 <= high <= 2100:
        return True
    after = view[end : end + 1]
    if after in _DATE_AFTER_YEAR:
        return True
    return _MONTH.match(view, end, end + 4) is not None  # within 4 characters (not after a paragraph break)
