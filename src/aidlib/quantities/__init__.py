"""Stage 2, quantities: read numbers with their measure words and hedges out of repaired text.

The Chinese parser is :mod:`aidlib.quantities.chinese`; English figures (wire copy) are
read by :mod:`aidlib.quantities.english` into the same :class:`Quantity`.
"""

from aidlib.quantities.chinese import Quantity, QuantityError, find_quantities, parse_quantity

__all__ = ["Quantity", "QuantityError", "find_quantities", "parse_quantity"]
