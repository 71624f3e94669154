"""Hedges read around a number: the tables before and after it, and how a multiple relates to its base.

``QUALIFIERS_BEFORE`` and ``BARE_HEDGES`` (约, 超过, 近, 上) stand before a number;
``QUALIFIERS_AFTER`` and ``WITHIN_AFTER`` (以上, 左右, 内, 起) after it, where 内 and 起
must not start another word (3个内容, 10人起诉). 多 or 余 after a unit of
:data:`MORE_AFTER_UNITS` is "more than" (3倍多, 三年多). A multiple after a growth word or
a comparative is N + 1 times its base (增长了1.5倍, 超过全国平均水平1倍); 超过去年的2倍 is
more than 2 times.
"""

from __future__ import annotations

import re

from aidlib.quantities.context import comparative_before
from aidlib.quantities.patterns import alternation
from aidlib.quantities.words import (
    BARE_HEDGES,
    GROWTH_WORDS,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    UNIT_TABLE,
    WITHIN_AFTER,
)

# The hedge words that may stand right before a number and the qualifier of each.
HEDGES_BEFORE = {**QUALIFIERS_BEFORE, **BARE_HEDGES}
# The hedge words that may stand right after a quantity and the qualifier of each.
HEDGES_AFTER = {**WITHIN_AFTER, **QUALIFIERS_AFTER}
# 多/余 right after these is "more than": 3倍多, 两成多, 三年多, 两天多 (not 3人多: 人多 is a word).
MORE_AFTER_UNITS = frozenset({"倍", "成", "年", "天", "周", "小时", "分钟", "秒", "工作日", "个季度", "岁"})
# 内 after these kinds is "within" (72小时内, 5公里内); after the others it starts a word.
_WITHIN_KINDS = {"time", "length"}
# After 内 these make a word (内容, 内部, 内地 ...): no "within".
_NOT_WITHIN = set("容部地外涵在心需销蒙陆科存阁江")
# After 起 these make a word (起诉, 起草, 起飞 ...): no "from".
_NOT_START_AFTER_QI = set("诉草飞步点来床义火")
# A rise by N times (增长了1.5倍 is 2.5 times the base); a hedge may stand between.
_GROWTH = re.compile(rf"(?:{alternation(GROWTH_WORDS)})了?\s*$")


def hedge_after(view: str, m: re.Match[str], unit: str | None) -> tuple[str | None, int]:
    """The hedge word after a matched quantity (a key of :data:`HEDGES_AFTER`) and where the quantity ends.

    ``m`` is a match of :data:`aidlib.quantities.expression.QUANTITY_PATTERN` and ``unit``
    the unit it resolved to. 内 is a hedge after a span of time or a length only (72小时内;
    3个内容 is no hedge), 起 only when no word goes on (10人起诉): then the hedge is None and
    the quantity ends before the word.
    """
    post, end = m["post"], m.end()
    if post == "内" and (unit is None or UNIT_TABLE[unit].kind not in _WITHIN_KINDS
                         or view[m.end("post") : m.end("post") + 1] in _NOT_WITHIN):  # fmt: skip
        post, end = None, m.start("post")  # 3个内容: 内 starts a word
    if post == "起" and (unit is None or view[m.end("post") : m.end("post") + 1] in _NOT_START_AFTER_QI):
        post, end = None, m.start("post")  # 10人起诉: 起 starts a word
    return post, end


def read_multiple(view: str, start: int, qualifier: str) -> tuple[bool, int, str]:
    """How a multiple (unit 倍) at ``start`` relates to its base: ``(growth, start, qualifier)``.

    ``growth`` is true when the ratio is N + 1: after a growth word (增长了1.5倍; the span
    then starts at the word, so that it reads back the same) or a comparative by N times
    (超过全国平均水平1倍). 超过去年的2倍 is more than 2 times: an exact qualifier becomes over.

    Examples:
        >>> read_multiple("增长了1.5倍", 3, "exact"), read_multiple("超过去年的2倍", 5, "exact")
        ((True, 0, 'exact'), (False, 5, 'over'))
    """
    rise = _GROWTH.search(view, max(0, start - 4), start)
    if rise is not None:  # 增长了1.5倍: the span takes the growth word, so that it reads back the same
        return True, rise.start(), qualifier
    compared = comparative_before(view, start)
    if compared == "over" and qualifier == "exact":
        qualifier = "over"  # 超过去年的2倍: more than 2 times the base
    return compared == "by", start, qualifier  # 超过全国平均水平1倍: exceeds the base by 1 times
