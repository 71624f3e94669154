"""Which unit a matched measure word names: aliases, halves, words read by their clause (度, 块, 方).

A word that runs on into another (5升级, 吨级, 3名次, 5栋302室) makes no quantity, never a
shorter unit.
"""

from __future__ import annotations

import re
from decimal import Decimal

from aidlib.quantities.magnitudes import ONE
from aidlib.quantities.numerals import MAGNITUDE_CHARS, read_bounds
from aidlib.quantities.units import (
    ADDRESS_UNITS,
    CLASS,
    CLASS_KINDS,
    CONTEXT_WORDS,
    COUNTERS,
    ELECTRIC_CONTEXT,
    HALVES,
    LATIN_ALIASES,
    NOT_A_UNIT_AFTER,
    TEMPERATURE_CONTEXT,
    TIMES,
)
from aidlib.quantities.words import UNIT_ALIASES, UNIT_TABLE, UNITS

_ZERO = Decimal(0)
# 块 is yuan when one of these follows it (十块钱, 十块三毛, 两块半, 百块左右); a noun after it
# (3块示范田) makes it pieces.
_MONEY_AFTER_KUAI = set("钱毛角半左上以多余起封内")
# Words of money in a clause: a small 块 at its end is yuan (每人补贴5块).
_MONEY_CONTEXT = (
    "钱", "价", "元", "花", "赚", "收入", "工资", "费", "付", "赔", "值", "补贴", "奖励", "罚", "卖", "买",
    "每",
)  # fmt: skip
# After 栋 or 幢, a number and one of these is an address: 5栋302室, 3幢2单元.
_ADDRESS = re.compile(r"[\d一二三四五六七八九十]+(?:单元|室|号|层|楼)")


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
SPECIAL_AFTER = frozenset("".join(NOT_A_UNIT_AFTER.values()) + TIMES + CLASS + "多余")
PLAIN_WORDS = frozenset(UNITS) - set(HALVES) - set(CONTEXT_WORDS) - LATIN_ALIASES - set(ADDRESS_UNITS)


def unit_of(view: str, g: dict, m: re.Match[str], start: int) -> tuple[str | None, Decimal, Decimal] | None:
    """Resolve the measure word matched: ``(unit, factor, add)``; None when it makes no quantity.

    A word that continues into a unit the model does not hold (吨级, an unknown counter
    before 次) and a Latin unit before another letter are no quantity, never a shorter unit.
    """
    word = g["unit"]
    if word is None:
        return None, ONE, _ZERO
    end = m.end("unit")
    after = view[end : end + 1]
    if word in PLAIN_WORDS and after not in SPECIAL_AFTER:
        return word, ONE, _ZERO  # the common case: a unit as it stands (元, 人, 个)
    if word in HALVES:
        unit, add = HALVES[word]
        factor = Decimal(10) if word[0] == "成" else ONE  # 三成五: 3 × 10 + 5 %
    elif word in CONTEXT_WORDS:
        unit, factor, add = _context_unit(view, word, g, start, after), ONE, _ZERO
        if unit is None:
            return None
    else:
        unit, factor = UNIT_ALIASES.get(word, (word, ONE))
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
