"""Units in the English a reader reads: one or many, what a count counts, rates, cited units.

Every fact comes from the one vocabulary (:mod:`aidlib.data.vocabulary`, whose units are
:data:`aidlib.quantities.units.BASE_UNITS`); this module only words them: ``1 township``,
``10 townships`` (not ``10 units``), ``yuan per household``.
"""

from __future__ import annotations

import re

from aidlib.data import vocabulary


def singular(unit: str) -> str:
    """The singular of an English unit (``1 fact``, not ``1 facts``).

    Examples:
        >>> singular("facts"), singular("people"), singular("kg"), singular("state farms")
        ('fact', 'person', 'kg', 'state farm')
    """
    one = vocabulary.singular(unit)  # the one vocabulary of measure words first
    if one != unit:
        return one
    if re.fullmatch(r"[a-z -]*[a-z]s", unit) and not unit.endswith(("ss", "us")):
        return unit[:-3] + "y" if unit.endswith("ies") else unit[:-1]
    return unit


def count_noun(unit_en: str, label: str = "") -> str:
    """The English noun a count is written with: the unit, or for 个 (``units``) the label's noun.

    The curated unit of 个 is ``units``, which says nothing; the label names the thing
    counted, so its first plural noun is used (with the word before it when the label
    opens with the two, as in "State farms ...").

    Examples:
        >>> count_noun("units", "Townships covered by housing upgrades")
        'townships'
        >>> count_noun("units", "State farms covered by housing upgrades")
        'state farms'
        >>> count_noun("units", "Agricultural trial and demonstration projects")
        'projects'
        >>> count_noun("households", "Farming households"), count_noun("units", "")
        ('households', 'units')
    """
    if unit_en not in vocabulary.GENERIC_UNITS or not label:
        return unit_en
    words = re.findall(r"[A-Za-z][A-Za-z-]*", label.split("(")[0])
    for i, word in enumerate(words):
        if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us")):
            return " ".join(words[max(0, i - 1) if i == 1 else i : i + 1]).lower()
    return unit_en


def cited_unit(unit: str) -> str:
    """The English name of a cited figure's unit.

    Examples:
        >>> cited_unit("套"), cited_unit("元"), cited_unit("吨")
        ('housing units', 'yuan', 'tonnes')
    """
    return vocabulary.CITED_UNIT_ENGLISH.get(unit) or vocabulary.english(unit)


def unit_en(unit: str) -> str:
    """Translate a unit built from measure words: ``元/户`` → ``yuan per household``.

    Examples:
        >>> unit_en("元/户"), unit_en("%"), unit_en("facts")
        ('yuan per household', 'percent', 'facts')
    """
    parts = unit.split("/")
    words = [vocabulary.english(p) for p in parts]
    words[1:] = [singular(w) for w in words[1:]]
    return " per ".join(words)
