"""The regular expression of one quantity as written, before any rule reads it.

In order: a hedge (约, 超过), a currency before the number (港币, US$), the low end of a
range (3至, 5%-), a sign, the number, a damage mark, 余/多/把, magnitudes (万, 亿3000万), an
English scale (million), the measure word, 角 and 分 after 元, a currency after 元, what a
rate is per (/吨), the inclusive mark and a hedge after (以上, 内).
"""

from __future__ import annotations

import re

from aidlib.quantities.context import PER_UNIT_PATTERN
from aidlib.quantities.numerals import MAGNITUDES
from aidlib.quantities.patterns import (
    ARABIC_NUMBER,
    CHINESE_DIGIT_CHARS,
    CHINESE_NUMERAL_CHARS,
    alternation,
    trie_pattern,
)
from aidlib.quantities.units import CONTEXT_WORDS, HALF_BEFORE, HALVES
from aidlib.quantities.words import (
    BARE_HEDGES,
    CURRENCIES,
    CURRENCY_BEFORE,
    ENGLISH_SCALES,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    RANGE_MARKS,
    UNIT_ALIASES,
    UNITS,
    WITHIN_AFTER,
)

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
# A match never starts inside a number (full_atom would reject it anyway) and spaces are
# never given back (possessive ``*+``): without these, a long run of numerals
# (万万万..., 111...) or of spaces backtracks in polynomial time.
_FIRST_WORDS = (*QUALIFIERS_BEFORE, *BARE_HEDGES, *CURRENCY_BEFORE)
_FIRST = "".join(sorted({w[0] for w in _FIRST_WORDS} | set(CHINESE_NUMERAL_CHARS + "几数-−负半")))
QUANTITY_PATTERN = re.compile(
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
