"""English quantity phrases of wire copy: "more than 18.8 billion yuan", "about 3.45 billion yuan".

A small reader for the cited figures whose outlet printed them in English. It
returns the same :class:`~aidlib.quantities.quantity.Quantity` as the Chinese parser, so a
figure is checked the same way whichever language it was printed in.

The rules, like the Chinese parser's:

- a hedge before the number gives the bound: ``more than``, ``over``, ``above``,
  ``exceeding``, ``at least`` → over; ``about``, ``around``, ``approximately``,
  ``roughly``, ``some`` → about; ``nearly``, ``almost``, ``close to`` ("approaching,
  not yet reached", as 近 and 接近 are), ``less than``, ``under``, ``below``,
  ``up to``, ``at most``, ``no more than`` → under;
- a fall is negative, as in the Chinese parser (下降3.2% is −3.2): a minus sign
  (``-3.2%``, ``−3.2 percent``; a hyphen right after a letter, digit or point is no
  sign: ``3-5%``) or a word of :data:`FALL_WORDS` right before the number, ``by``
  and a hedge allowed between (``down 3.2%``, ``minus 5 percent``, ``a decrease of
  5 percent``, ``fell by more than 2 percent``). ``down to 3%`` / ``fell to 3%``
  state a level: positive;
- a scale word multiplies exactly (Decimal): ``thousand``, ``million``,
  ``billion``, ``trillion`` and the abbreviations ``bn``, ``mn``/``mln``, ``trn``
  (a lone ``m`` or ``k`` is not read: metres? thousands?);
- digits may be grouped by three with an ASCII comma (263,014), a space, a thin
  space U+2009 or a narrow no-break space U+202F (10 000, 1 234 567). A number
  never starts inside another one: not right after a digit or a point, nor after a
  digit and a comma/U+2009/U+202F, nor (three digits) after a digit and a space.
  A space between groups is read as a separator, so "May 5 300 people" reads
  5,300 people: a list of bare numbers in English is rare in the cited figures;
- a unit is required: a currency of :data:`aidlib.quantities.words.CURRENCIES` by its
  English name or code after the number (``yuan``/``RMB``/``renminbi`` → 元; ``US
  dollars``/``USD`` → 美元; ``euros`` → 欧元 ...) or its symbol or code before it
  (``RMB 5 billion``, ``¥5 billion``, ``US$3``, ``HK$3``, ``€5``, ``£2``), each kept as
  its own unit, never converted; ``percent``/``per cent``/``%`` → %; ``people``/``persons``
  → 人; ``households`` → 户; ``tonnes``/``tons`` → 吨; ``housing units``/``sets`` → 套;
- a number too large for a float (400 digits) is not a quantity (never ``inf``).
"""

from __future__ import annotations

import re

from aidlib.quantities.numerals import LARGEST, read_arabic
from aidlib.quantities.quantity import Quantity, QuantityTypeError, the_one_quantity
from aidlib.quantities.words import CURRENCIES, UNITS

HEDGES = {
    "more than": "over", "over": "over", "above": "over", "exceeding": "over", "in excess of": "over",
    "at least": "over", "nearly": "under", "almost": "under", "about": "about", "around": "about",
    "approximately": "about", "roughly": "about", "some": "about", "close to": "under",
    "less than": "under", "fewer than": "under", "under": "under", "below": "under", "up to": "under",
    "at most": "under", "no more than": "under",
}  # fmt: skip
SCALES = {
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "mn": 10**6, "mln": 10**6, "bn": 10**9, "trn": 10**12,
}  # fmt: skip
# Words right before a number (``by`` and a hedge may follow) that make it a fall.
# "down to 3%" is a level: "to" is not in the pattern, so the number stays positive.
FALL_WORDS = (
    "down", "minus", "fell", "fall", "falls", "falling", "dropped", "drop", "drops", "declined",
    "decline", "declines", "decreased", "decrease", "decreases", "shrank", "shrunk", "slid",
    "a decrease of", "a decline of", "a drop of", "a fall of", "a reduction of", "a contraction of",
    "decrease of", "decline of", "drop of", "fall of", "reduction of", "contraction of",
)  # fmt: skip
UNIT_WORDS = {
    **{w: c.unit for c in CURRENCIES for w in c.english_words},
    "percent": "%", "per cent": "%", "%": "%", "people": "人", "persons": "人",
    "households": "户", "tonnes": "吨", "tons": "吨", "housing units": "套", "sets": "套",
}  # fmt: skip
# Currency written before the number: "RMB 5 billion", "¥5 billion", "$3 million", "HK$3".
CURRENCY_BEFORE = {w.lower(): c.unit for c in CURRENCIES for w in c.before if w.isascii() or not w.isalpha()}


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_WORD_END = r"(?![A-Za-z])"
_GROUP_SEP = " \u2009\u202f"  # space, thin space, narrow no-break space
_PATTERN = re.compile(
    rf"(?<![A-Za-z])(?:(?P<fall>{_alt(FALL_WORDS)}){_WORD_END}\s+(?:by\s+)?)?"
    rf"(?:(?P<hedge>{_alt(HEDGES)}){_WORD_END}\s+)?"
    rf"(?:(?P<cur>{_alt(CURRENCY_BEFORE)})\s?)?"
    rf"(?P<sign>(?<![\w.])[-\u2212])?"
    # never start inside a number: 56 of "1 234 56", 34 of "12,34", 000 of "1.5 000"
    rf"(?<![\d.])(?<!\d[,\u2009\u202f])(?!(?<=\d )\d{{3}}(?!\d))"
    rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:[{_GROUP_SEP}]\d{{3}})+(?![\d,])(?:\.\d+)?"
    rf"|\d+(?:\.\d+)?)"
    rf"(?:\s*(?P<scale>{_alt(SCALES)}){_WORD_END})?"
    rf"(?:\s*(?P<unit>{_alt(UNIT_WORDS)}){_WORD_END})?",
    re.IGNORECASE,
)


def find_english_quantities(text: str) -> list[Quantity]:
    """Find every English quantity phrase in ``text`` (a unit or currency is required).

    Examples:
        >>> [(q.value, q.unit, q.qualifier) for q in find_english_quantities("more than 18.8 billion yuan")]
        [(18800000000.0, '元', 'over')]
        >>> find_english_quantities("in 2019, the 3rd symposium")
        []
    """
    if not isinstance(text, str):
        raise QuantityTypeError(f"expected text (str), got {type(text).__name__}: {text!r:.60}")
    found = []
    for m in _PATTERN.finditer(text):
        before = CURRENCY_BEFORE.get((m["cur"] or "").lower())
        after = UNIT_WORDS.get((m["unit"] or "").lower())
        if before and after and before != after:
            continue  # "$5 billion yuan": contradictory, not a quantity
        unit = after or before
        if unit is None:
            continue  # a bare number (a year, an ordinal) is not a quantity
        number = read_arabic(re.sub(rf"[,{_GROUP_SEP}]", "", m["num"]))
        if number is None or not number.is_finite():
            continue  # 400 digits: no float holds it, not a quantity
        if m["scale"]:
            number *= SCALES[m["scale"].lower()]
            if abs(number) > LARGEST:
                continue
        if m["fall"] or m["sign"]:
            number = -number
        qualifier = HEDGES[m["hedge"].lower()] if m["hedge"] else "exact"
        start = next(m.start(k) for k in ("fall", "hedge", "cur", "sign", "num") if m[k] is not None)
        found.append(
            Quantity(
                float(number), unit, UNITS[unit], qualifier, False, text[start : m.end()], start, m.end()
            )
        )
    return found


def parse_english_quantity(text: str) -> Quantity:
    """Parse the one English quantity phrase in ``text``.

    Raises:
        QuantityError: no quantity, or more than one; the message quotes the text.

    Examples:
        >>> q = parse_english_quantity("about 3.45 billion yuan")
        >>> q.value, q.unit, q.qualifier
        (3450000000.0, '元', 'about')
        >>> parse_english_quantity("89.7 percent").value
        89.7
    """
    return the_one_quantity(text, find_english_quantities)
