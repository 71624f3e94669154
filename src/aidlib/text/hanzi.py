"""Character tables the repair steps share, and the traditional→simplified conversion.

The lowest module of the text stage: :mod:`aidlib.text.mojibake` and
:mod:`aidlib.text.repairs` both read it, and it reads neither, so the two never
import each other.
"""

from __future__ import annotations

import contextlib
import functools

# The replacement character: a character the damage destroyed (or a repair gave up on).
LOST = "\ufffd"
# Pinyin syllable letters, with or without tone marks (ü written as v or u:).
PINYIN = r"[a-zA-Züvāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]{1,7}"
# Hanzi for regex classes: CJK Extension A, the Unified Ideographs and the
# compatibility ideographs, and U+FFFD (a lost character was most likely one).
HANZI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff" + LOST
# Full-width punctuation of Chinese text.
CJK_MARKS = "，。、；：？！“”‘’（）《》〈〉【】『』「」…—·"


@functools.cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Convert traditional Chinese to simplified with OpenCC (t2s).

    Examples:
        >>> to_simplified("廣州援疆")
        '广州援疆'
    """
    return _converter().convert(text)


@functools.cache
def gb2312(last_row: int = 0xD7) -> frozenset[str]:
    """Hanzi of GB2312: level 1 (rows B0–D7, the 3,755 most frequent) or up to ``last_row``.

    Examples:
        >>> len(gb2312()), len(gb2312(0xF7)), "群" in gb2312()
        (3755, 6763, True)
    """
    chars = set()
    for lead in range(0xB0, last_row + 1):
        for trail in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes([lead, trail]).decode("gb2312"))
    return frozenset(chars)
