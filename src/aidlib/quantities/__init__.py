"""Stage 2, quantities: read numbers with their measure words and hedges out of repaired text.

The Chinese parser is :mod:`aidlib.quantities.chinese`; English figures (wire copy) are
read by :mod:`aidlib.quantities.english` into the same :class:`Quantity`. The pieces:
:mod:`~aidlib.quantities.units` (the measure-word model: base words with English and kind,
derived units, aliases, halves, what a rate is per), :mod:`~aidlib.quantities.currencies`,
:mod:`~aidlib.quantities.words` (hedges, falls, comparatives, names; it re-exports the unit
and currency tables), :mod:`~aidlib.quantities.context` (the words before a number: rates,
hedges at a distance, comparatives), :mod:`~aidlib.quantities.numerals` (reading numerals
exactly, capital numerals in amounts),
:mod:`~aidlib.quantities.names` (the gazetteer of place names holding a numeral),
:mod:`~aidlib.quantities.shares` (shares and multiples without a measure word),
:mod:`~aidlib.quantities.patterns` (shared regular expressions) and
:mod:`~aidlib.quantities.quantity` (the result and its errors).

The Chinese reader's own steps: :mod:`~aidlib.quantities.view` (the text as the parser
reads it), :mod:`~aidlib.quantities.expression` (the regular expression of one quantity),
:mod:`~aidlib.quantities.atoms` (one match read into value, unit, hedge and sign),
:mod:`~aidlib.quantities.measure` (which unit a measure word names),
:mod:`~aidlib.quantities.hedges` (hedges around a number, multiples and their base),
:mod:`~aidlib.quantities.magnitudes` (万, 亿 and compounds), :mod:`~aidlib.quantities.not_quantities`
(names, slogans and years) and :mod:`~aidlib.quantities.lists` (lists and ranges across
matches); :mod:`~aidlib.quantities.chinese` runs them over a text.
"""

from aidlib.quantities.chinese import Quantity, QuantityError, find_quantities, parse_quantity
from aidlib.quantities.quantity import QuantityTypeError
from aidlib.quantities.words import CURRENCIES, UNIT_TABLE, UNITS

__all__ = [
    "CURRENCIES",
    "UNITS",
    "UNIT_TABLE",
    "Quantity",
    "QuantityError",
    "QuantityTypeError",
    "find_quantities",
    "parse_quantity",
]
