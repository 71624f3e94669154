"""Repair a damaged report into clean simplified Chinese, keeping a map to the raw text.

The steps run in this order, each a small function in :mod:`aidlib.text.mojibake` or
:mod:`aidlib.text.repairs`:

1. ``gbk_shift``: rebuild byte-shifted GBK spans (needs the pinyin still there);
2. ``html``: drop stray tags (also one cut at the end of the text or a line,
   ``</p``), comments and script/style blocks, and rejoin the sentence a tag
   split; decode character references, decimal and hex (a reference to no
   character, such as a surrogate, becomes U+FFFD);
3. ``pinyin``: drop pinyin annotations after CJK characters;
4. ``punctuation``: collapse doubled marks, full-width marks in Chinese text;
5. ``spacing``: drop the spaces a web copy put around numbers in Chinese text,
   and a byte-order mark or zero-width character (U+FEFF, U+200B-U+200D, U+2060) anywhere;
6. ``t2s``: traditional to simplified (OpenCC).

Before them, ``surrogate`` replaces a lone UTF-16 surrogate (text decoded with
``surrogateescape`` or cut from UTF-16) with U+FFFD and joins a high + low pair
into its character; it is counted only when it happens.

The result is idempotent: ``normalize_text(normalize_text(x)) == normalize_text(x)``.
A step can uncover damage for an earlier one (a tag between ``?`` and its
reading, an entity that spells a tag), so the steps run again until a pass
changes nothing; on ordinary text the second pass only confirms. Every step is
linear in the text, and so is a pass. Each level of nesting (``<<br>br>``,
``?/p>/p>``) costs one more pass; passes stop at ``MAX_PASSES``, which bounds
the time, so text nested deeper than that (``"<" * 40 + "br>" * 40``, never
seen in a real copy) is the one case not brought to a fixed point.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from aidlib.text.edits import Edit, apply_mapped, apply_text, identity_map
from aidlib.text.mojibake import LOST, find_shift_edits
from aidlib.text.repairs import (
    html_edits,
    html_spans,
    pinyin_edits,
    pinyin_spans,
    punctuation_edits,
    punctuation_spans,
    script_edits,
    script_spans,
    spacing_edits,
    spacing_spans,
    to_simplified,
)

STEPS: tuple[tuple[str, Callable[[str], list[Edit]]], ...] = (
    ("gbk_shift", find_shift_edits),
    ("html", html_edits),
    ("pinyin", pinyin_edits),
    ("punctuation", punctuation_edits),
    ("spacing", spacing_edits),
    ("t2s", script_edits),
)

# What each kind of repair does, in words (a report's pages and notebooks say it so).
REPAIR_NAMES = {
    "surrogate": "broken surrogate characters replaced",
    "gbk_shift": "byte-shifted GBK (mojibake) undone",
    "html": "HTML fragments removed",
    "pinyin": "pinyin annotations removed",
    "punctuation": "punctuation fixed",
    "spacing": "spacing fixed",
    "t2s": "traditional characters made simplified",
}

# A high + low surrogate pair, or a lone surrogate.
_SURROGATE = re.compile("[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]")
# Passes stop here even if the last one changed the text: only damage nested this
# deep (each level uncovered by repairing the one inside it) gets that far, and
# the cap keeps the time linear. On ordinary text the second pass changes nothing.
MAX_PASSES = 32


def _surrogate_spans(text: str) -> list[tuple[int, int, str]]:
    """Edits that replace lone surrogates with U+FFFD and join surrogate pairs."""
    spans = []
    for m in _SURROGATE.finditer(text):
        pair = m.group()
        after = pair.encode("utf-16-le", "surrogatepass").decode("utf-16-le") if len(pair) == 2 else LOST
        spans.append((m.start(), m.end(), after))
    return spans


def _shift_spans(text: str) -> list[tuple[int, int, str]]:
    if "?" not in text:
        return []
    return [(e.start, e.end, e.after) for e in find_shift_edits(text)]


_SPAN_STEPS: tuple[tuple[str, Callable[[str], list[tuple[int, int, str]]]], ...] = (
    ("gbk_shift", _shift_spans),
    ("html", html_spans),
    ("pinyin", pinyin_spans),
    ("punctuation", punctuation_spans),
    ("spacing", spacing_spans),
    ("t2s", script_spans),
)


@dataclass(frozen=True, slots=True)
class Repair:
    """One change made to the raw text.

    Attributes:
        kind: the step that made it (``gbk_shift``, ``html``, ``pinyin``,
            ``punctuation``, ``spacing``, ``t2s``, or ``surrogate``).
        raw_start: offset of the changed span in the raw text.
        raw_end: end offset (exclusive) in the raw text.
        before: the text the step saw (after earlier steps).
        after: what the step wrote instead.
    """

    kind: str
    raw_start: int
    raw_end: int
    before: str
    after: str


@dataclass(frozen=True)
class Normalized:
    """A clean text, the repairs that produced it and the map back to the raw text.

    ``starts[i]`` and ``ends[i]`` give the raw span that clean character ``i``
    came from; they are ``array('q')``, 16 bytes per character.
    """

    raw: str
    text: str
    repairs: tuple[Repair, ...]
    starts: Sequence[int]
    ends: Sequence[int]

    def counts(self) -> dict[str, int]:
        """Count the repairs by kind, in pipeline order (``surrogate`` only when there was one)."""
        found = Counter(r.kind for r in self.repairs)
        kinds = [kind for kind, _ in STEPS]
        if found["surrogate"]:
            kinds.insert(0, "surrogate")
        return {kind: found[kind] for kind in kinds}

    def expand(self, start: int, end: int) -> tuple[int, int]:
        """Widen a clean span so it cuts no repair in two."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) is outside the clean text (0..{len(self.text)})")
        while True:
            raw_start, raw_end = self.starts[start], self.ends[end - 1]
            new_start, new_end = start, end
            while new_start > 0 and self.ends[new_start - 1] > raw_start:
                new_start -= 1
            while new_end < len(self.text) and self.starts[new_end] < raw_end:
                new_end += 1
            if (new_start, new_end) == (start, end):
                return start, end
            start, end = new_start, new_end

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the clean span ``[start, end)`` to the raw span it came from.

        The span is first widened with :meth:`expand`, so a character rebuilt
        from several raw bytes maps to all of them.

        Examples:
            >>> n = normalize("落實(shí)黨的")
            >>> n.text, n.raw_span(1, 2), n.raw[slice(*n.raw_span(1, 2))]
            ('落实党的', (1, 7), '實(shí)')
        """
        start, end = self.expand(start, end)
        return self.starts[start], self.ends[end - 1]


def normalize(raw: str) -> Normalized:
    """Repair ``raw`` and return the clean text with its repairs and offset map.

    Results are cached: normalizing the same text twice costs nothing.

    Examples:
        >>> normalize("投入,,5.3億元").text
        '投入，5.3亿元'
    """
    if not isinstance(raw, str):
        raise TypeError(f"normalize expects str, got {type(raw).__name__}")
    return _normalize(raw)


@functools.lru_cache(maxsize=16)
def _normalize(raw: str) -> Normalized:
    text, repairs, starts, ends = _run(raw, track=True)
    repairs.sort(key=lambda r: (r.raw_start, r.raw_end))
    return Normalized(raw, text, tuple(repairs), starts, ends)


def _run(raw: str, track: bool):
    """Run the steps until a pass changes nothing; with ``track``, keep repairs and map."""
    text = raw
    repairs: list[Repair] = []
    pool: dict[str, str] = {}
    starts = ends = None
    if track:
        starts, ends = identity_map(len(raw))
    steps = (("surrogate", _surrogate_spans), *_SPAN_STEPS)
    for _ in range(MAX_PASSES):
        before_pass = text
        for kind, step in steps:
            if kind == "t2s" and not track:
                simple = to_simplified(text)
                if len(simple) == len(text):
                    text = simple  # the same as applying script_spans, without them
                    continue
                spans = script_spans(text, simple)
            else:
                spans = step(text)
            if not spans:
                continue
            if track:
                for s, e, a in spans:
                    before = text[s:e]  # most repairs repeat (實(shí) → 實, 實 → 实): share the strings
                    before, a = pool.setdefault(before, before), pool.setdefault(a, a)
                    repairs.append(Repair(kind, starts[s], ends[e - 1], before, a))
                text, starts, ends = apply_mapped(text, spans, starts, ends)
            else:
                text = apply_text(text, spans)
        if text == before_pass:
            break
        steps = _SPAN_STEPS  # no step writes a surrogate: once is enough
    return text, repairs, starts, ends


def normalize_text(raw: str) -> str:
    """Return the clean simplified-Chinese text of a damaged report.

    The same text as ``normalize(raw).text``, without building the repairs and
    the offset map: linear time, a few bytes per character.

    Examples:
        >>> normalize_text("2023年是全面貫徹落實(shí)黨的二十大精神的開局之年,,")
        '2023年是全面贯彻落实党的二十大精神的开局之年，'
    """
    if not isinstance(raw, str):
        raise TypeError(f"normalize_text expects str, got {type(raw).__name__}")
    return _run(raw, track=False)[0]
