"""Rules that read the words before a number in its clause: rates, hedges at a distance, comparatives.

Each looks back from the number to the start of its clause (a comma, full stop,
semicolon, colon or line break, and at most :data:`REACH` characters), so a word in
another clause never changes a quantity:

- :func:`per_before`: 每户2000元, 人均1.2万元, 每万人口3.2人, 每人每月300元 are per one
  (or 10,000) of something; a word of ``PER_STOPS`` (共计, 合计 ..., and 共 before a
  number) ends the reach.
- :func:`reaching_hedge`: 最高奖励50万元 is at most, 最低补助1000元 at least: the hedge
  reaches over a verb of giving or getting (``HEDGE_VERBS``), or over 可/能 and a short verb
  phrase (最高可申请20万元), not over a noun (最高气温38℃ states the maximum).
- :func:`comparative_before`: 超过全国平均水平1倍 and 比上年多1倍 exceed the base *by* N
  times (ratio N + 1); 超过…的2倍 is more than 2 times the base (ratio 2, over).
"""

from __future__ import annotations

import re

from aidlib.quantities.numerals import read_numeral
from aidlib.quantities.patterns import alternation, trie_pattern
from aidlib.quantities.units import ALIASES, BASE_UNITS, PER_NOUNS, PER_STOPS, PER_WORDS
from aidlib.quantities.words import COMPARATIVE_WORDS, COMPARED_WORDS, HEDGE_VERBS, REACHING_HEDGES

# How far back a rule looks, at most (a clause of a statistics bulletin is rarely longer).
REACH = 32
_CLAUSE_ENDS = "，,。；;：:！？!?\n"
# The words a rate may be per (after 每 or a slash: 每户, 元/吨, 每万人口) and the unit each names.
PER_UNITS = {w: w for w in BASE_UNITS} | {w: u for w, (u, _) in ALIASES.items()} | PER_NOUNS
# One regex for those words, longest first (每千瓦时 is per 千瓦时, not per 千瓦).
PER_UNIT_PATTERN = trie_pattern(PER_UNITS)
# 每户, 每万人口, 每10万人口, 每度电, 每人; or 人均, 户均, 亩产, 时速
_PER = re.compile(
    # a unit first (每千瓦时), else a count and a unit (每千人口, 每10万人口)
    rf"每\s*(?:(?P<u0>{PER_UNIT_PATTERN})|(?P<n>\d+(?:\.\d+)?[十百千万亿]*|[一二两三四五六七八九十百千万亿]+)\s*(?P<u>{PER_UNIT_PATTERN}))"
    rf"|(?P<w>{alternation(PER_WORDS)})"
    rf"|(?P<stop>{alternation(PER_STOPS)}|共(?=[\d一二两三四五六七八九十]))"
)
# 最高 and a verb of giving or getting (最高奖励, 最多补贴), or 可/能 and any short verb phrase
# (最高可申请, 最多能领取) before the number.
_HEDGE = re.compile(
    rf"(?P<h>{alternation(REACHING_HEDGES)})(?:(?:{alternation(HEDGE_VERBS)}){{1,3}}|(?:可以|可|能)[^\d，。；、的]{{0,6}})\s*$"
)
_COMPARATIVE = re.compile(
    rf"(?:(?:超过|高于|多于|大于|强于)[^\d，。；、]{{1,14}}|(?:超出|高出|多出)[^\d，。；、]{{0,14}})(?<!的)\s*$"
    rf"|比[^\d，。；、]{{1,14}}?(?:{alternation(COMPARED_WORDS)})了?\s*$"
)
_OVER_THE = re.compile(rf"(?:{alternation(COMPARATIVE_WORDS)})[^\d，。；、]{{1,14}}的\s*$")


# The characters that must be in reach for a rule to apply: a cheap test first.
_PER_HINT = re.compile(f"[每{''.join(sorted({w[-1] for w in PER_WORDS}))}]")
_HEDGE_HINT = re.compile(f"[{''.join(sorted({w[0] for w in REACHING_HEDGES}))}]")


def clause_start(view: str, start: int) -> int:
    """Where the clause holding ``view[start]`` begins (at most :data:`REACH` back)."""
    lo = max(0, start - REACH)
    return max([lo] + [view.rfind(ch, lo, start) + 1 for ch in _CLAUSE_ENDS])


def per_before(view: str, start: int) -> tuple[str, float | None] | None:
    """The denominator written before a number: ``(per, per_size)`` or None.

    ``per`` is the unit (人, 户, 千瓦时); for two (每人每月) they are joined by ``/`` in
    reading order. ``per_size`` is the count when one is written (每万人口 → 10,000).

    Examples:
        >>> per_before("每万人口拥有执业医师3.2人", 12), per_before("人均可支配收入4万元", 7)
        (('人', 10000.0), ('人', None))
        >>> per_before("每人每月补贴300元", 6), per_before("每户补贴，共300元", 7)
        (('人/个月', None), None)
    """
    if not _PER_HINT.search(view, max(0, start - REACH), start):
        return None  # the common case: no 每 and no 人均/亩产/时速 in reach
    lo = clause_start(view, start)
    window = view[lo:start]
    units: list[str] = []
    size = None
    for m in _PER.finditer(window):
        if m["stop"]:
            units, size = [], None  # 每户补贴2000元共计300万元: the total is per nothing
            continue
        word = m["u0"] or m["u"]
        unit = PER_UNITS[word] if word else PER_WORDS[m["w"]]
        if unit not in units:
            units.append(unit)
        if m["n"]:
            n = read_numeral(m["n"])
            size = float(n) if n is not None and len(units) == 1 else None
    if not units:
        return None
    return "/".join(units), size if len(units) == 1 else None


def reaching_hedge(view: str, start: int) -> str | None:
    """The hedge of 最高/最多/最低/上限 standing a verb away from the number, or None.

    Examples:
        >>> reaching_hedge("最高奖励50万元", 4), reaching_hedge("最低补助1000元", 4)
        ('under', 'over')
        >>> reaching_hedge("最高气温38℃", 4) is None
        True
    """
    if not _HEDGE_HINT.search(view, max(0, start - REACH), start):
        return None  # the common case: no 最, 上限, 至少, 封顶 or 不超过 in reach
    lo = clause_start(view, start)
    m = _HEDGE.search(view, lo, start)
    return REACHING_HEDGES[m["h"]] if m else None


def comparative_before(view: str, start: int) -> str | None:
    """How a multiple at ``start`` relates to its base: ``by`` (N + 1), ``over`` (more than N) or None.

    Examples:
        >>> comparative_before("超过全国平均水平1倍", 8), comparative_before("比上年多1倍", 4)
        ('by', 'by')
        >>> comparative_before("超过去年的2倍", 5), comparative_before("是去年的2倍", 4)
        ('over', None)
    """
    lo = clause_start(view, start)
    if _COMPARATIVE.search(view, lo, start):  # rare: only multiples come here
        return "by"
    if _OVER_THE.search(view, lo, start):
        return "over"
    return None
