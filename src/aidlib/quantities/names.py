"""Place names that hold a numeral (五家渠市, 七个星镇, 十三间房): a gazetteer, loaded on first use.

``data/place_names.txt`` lists China's administrative names that contain a Chinese
numeral, with their short forms where in use (built by ``scripts/build_gazetteer.py`` from
jionlp's ``china_location``, Apache-2.0; see ``data/NOTICE``); ``data/place_names_extra.txt``
adds landmarks and Bingtuan forms by hand (十三间房, 五棵松, 一四一团). A numeral inside
one of these names is not a quantity. A short form followed by a character that continues
its last character into another word is no name (维修十三间房屋: 房屋; 栽种五棵树苗: 树苗),
so a real count beside a name-like word still counts, unless that character starts a more
common word with the next one (来到九成宫调研: 调研, not 宫调).
"""

from __future__ import annotations

import functools
import re
from importlib import resources

NUMERALS = "零〇一二两三四五六七八九十百千万亿廿卅0-9"
_RUN = re.compile(f"[{NUMERALS}]+")
# A name ending in one of these is whole: what follows never undoes it (五家渠市场 is still 五家渠市).
# Any other name (a short form, a landmark) is no name when the next character continues
# its last one into a word (维修十三间房屋).
WHOLE_ENDINGS = tuple("省市县区镇乡村旗盟州团师场队") + ("街道", "社区", "苏木", "居委会", "办事处")


# An entry: the characters before the numeral run, those after it, and (for a short
# form) the characters that must not follow the name; None for a full name.
_Entry = tuple[str, str, str | None]


def _lines(filename: str) -> list[str]:
    text = resources.files("aidlib.quantities").joinpath("data", filename).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@functools.cache
def _index() -> dict[tuple[str, str], list[_Entry]]:
    """Index every name by (numeral run, character after it): a lookup costs a few comparisons."""
    index: dict[tuple[str, str], list[_Entry]] = {}
    lines = _lines("place_names.txt")
    words = {line[1]: line.partition("\t")[2] for line in lines if line.startswith("~")}
    for line in lines + [f"{name}\t~" for name in _lines("place_names_extra.txt")]:
        if line.startswith(("~", "^")):
            continue
        name = line.partition("\t")[0]
        blocked = None if name.endswith(WHOLE_ENDINGS) else words.get(name[-1], "")
        for run in _RUN.finditer(name):
            after = name[run.end() :]
            if not after:
                continue
            index.setdefault((run[0], after[0]), []).append((name[: run.start()], after, blocked))
    return index


@functools.cache
def _starts() -> dict[str, str]:
    """For a character that continues a name, those that follow it in a more common word (调 → 研 ...)."""
    return {line[1]: line.partition("\t")[2] for line in _lines("place_names.txt") if line.startswith("^")}


def names() -> list[str]:
    """Every name of the gazetteer, full names and short forms (for tests and curious users)."""
    lines = _lines("place_names.txt") + _lines("place_names_extra.txt")
    return [line.partition("\t")[0] for line in lines if not line.startswith(("~", "^"))]


def in_place_name(text: str, start: int, end: int) -> bool:
    """Whether the numeral ``text[start:end]`` lies inside a known place name.

    Examples:
        >>> in_place_name("来到五家渠市", 2, 3), in_place_name("新引进五家企业", 3, 4)
        (True, False)
        >>> in_place_name("维修十三间房屋", 2, 4), in_place_name("十三间房", 0, 2)
        (False, True)
    """
    if end >= len(text):
        return False
    entries = _index().get((text[start:end], text[end]))
    if not entries:
        return False
    for before, after, blocked in entries:
        if text.startswith(after, end) and text[start - len(before) : start] == before and (
            start >= len(before)
        ):
            at = end + len(after)
            following = text[at : at + 1]
            if blocked is None or not following or following not in blocked:
                return True
            if text[at + 1 : at + 2] in _starts().get(following, "") and text[at + 1 : at + 2]:
                return True  # 来到九成宫调研: 调研, not 宫调
    return False
