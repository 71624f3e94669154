"""Regular-expression pieces shared by the Chinese quantity reader, its share words and rate rules."""

from __future__ import annotations

import re

from aidlib.quantities.words import FALL_SIZE_WORDS, FALL_WORDS

# An Arabic number: digits, ASCII-comma groups of three (1,200), a decimal part (3.5).
ARABIC_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
# Chinese numerals. Of the capital (financial) forms only 壹 is read everywhere: no ordinary
# word holds it, and 壹元 is one yuan (一元 is often an article or a word: 一元化). The others
# (贰叁 ... 拾佰仟) are read in amounts only (numerals.capital_view): 伍 and 拾 occur in
# ordinary words (队伍, 拾起), 陆 in 大陆.
CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿兩萬億廿卅壹"
# The digits among them (no magnitude): what may follow 点 in 三点五.
CHINESE_DIGIT_CHARS = "零〇一二两三四五六七八九廿卅壹"


def alternation(words) -> str:
    """One regex alternative for a set of words, longest first (so the longest word wins).

    Examples:
        >>> alternation(["人", "人次", "元"])
        '人次|人|元'
    """
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def trie_pattern(words) -> str:
    """One regex for a set of words, as a trie: the longest word wins, as with :func:`alternation`.

    Each character is tested once (a flat alternation of 80 words tries them one by one).

    Examples:
        >>> trie_pattern(["人", "人次", "元"])
        '(?:(?:人(?:次)?|元))'
    """
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return f"(?:{build(tree)})"


# No quantity starts right after these: the number is an ordinal (第134届), a date or
# code part (4·28) or continues another number.
NO_QUANTITY_AFTER = set("第0123456789.·/")
# A fall word ending right before a number (下降3%, 减少了, 降幅为): the number is negative.
# 起降 (take-offs and landings), 升降 and 增减 hold a fall word but are no fall.
FALL_BEFORE = re.compile(
    rf"(?<![起升增])(?:(?:{alternation(FALL_WORDS)})了?(?:达到|达)?"
    rf"|(?:{alternation(FALL_SIZE_WORDS)})(?:达到|为|达|是)?)\s*$"
)
# The character just before a fall's number ends a fall word or a word that may follow one:
# a cheap test before FALL_BEFORE is searched.
FALL_LAST_CHARS = {w[-1] for w in (*FALL_WORDS, *FALL_SIZE_WORDS)} | set("了达到为是 \t")
