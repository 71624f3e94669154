"""Stage 1, text: repair a damaged report in code (GBK shift, HTML, pinyin, punctuation, spacing, t2s).

``normalize`` and ``normalize_text`` live in :mod:`aidlib.text.normalizer`; the edit
machinery in :mod:`~aidlib.text.edits`, the mojibake rebuild in :mod:`~aidlib.text.mojibake`,
the other repair steps in :mod:`~aidlib.text.repairs` and the on-disk cache of repaired
texts in :mod:`~aidlib.text.cache`.
"""

from aidlib.text.normalizer import Normalized, Repair, normalize, normalize_text

__all__ = ["Normalized", "Repair", "normalize", "normalize_text"]
