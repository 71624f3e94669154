"""The parser's view of a text: simplified script, ASCII digits, capital numerals and digit groups read.

Every step keeps the length, so an offset in the view is an offset in the text.
"""

from __future__ import annotations

import re

from aidlib.quantities.numerals import capital_view
from aidlib.quantities.words import CURRENCIES

_FULL_WIDTH = "０１２３４５６７８９．％－￥／"  # read as their ASCII forms (the full-width comma is not)
_DIGITS = str.maketrans(_FULL_WIDTH, "0123456789.%-¥/")
_HAS_FULL_WIDTH = re.compile(f"[{_FULL_WIDTH}]")
# A list marked as a list keeps a full-width comma between digit groups as a list mark.
_LIST_MARKED = re.compile(r"分别|依次|各为|各自|分列")
# Digit groups joined by a full-width comma: 1，200万元, 82，225.00元, 233,333，333,434.344元.
_DIGIT_COMMA = re.compile(r"，(?=\d{3})")  # a literal first: the regex engine skips to each comma
_GROUPED = re.compile(r"(?<![\d.,，])(\d{1,3}(?:,\d{3})*)((?:，\d{3}(?:,\d{3})*)+)(?![\d])")


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


def parser_view(text: str) -> str:
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
