"""Edits on a text and the offset maps that trace each output character back.

An offset map is a pair of ``array('q')`` (``starts``, ``ends``): 16 bytes per
character, where a tuple of ints costs about 36 per map. Applying edits copies
the unchanged stretches of the map as slices, so a step costs time linear in the
text plus a few operations per edit.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``after``; ``kind`` names the repair.

    Edits never insert into an empty span (``start < end``), so every output
    character traces back to at least one input character.
    """

    start: int
    end: int
    after: str
    kind: str

    def __post_init__(self) -> None:
        """Reject empty or inverted spans."""
        if not 0 <= self.start < self.end:
            raise ValueError(f"edit span must be non-empty, got [{self.start}, {self.end})")


def identity_map(n: int) -> tuple[array, array]:
    """The offset map of an unchanged text of ``n`` characters.

    Examples:
        >>> identity_map(3)
        (array('q', [0, 1, 2]), array('q', [1, 2, 3]))
    """
    return array("q", range(n)), array("q", range(1, n + 1))


def apply_text(text: str, edits: Iterable[tuple[int, int, str]]) -> str:
    """Apply non-overlapping ``(start, end, after)`` edits, sorted by start; text only.

    Examples:
        >>> apply_text("ab(x)c", [(1, 5, "b")])
        'abc'
    """
    out: list[str] = []
    pos = 0
    for start, end, after in edits:
        if start < pos:
            raise ValueError(f"overlapping edits at offset {start}")
        out.append(text[pos:start])
        out.append(after)
        pos = end
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


def apply_mapped(
    text: str, edits: Iterable[tuple[int, int, str]], starts: array, ends: array
) -> tuple[str, array, array]:
    """Apply sorted, non-overlapping edits and carry an offset map through them.

    ``starts``/``ends`` map ``text`` to some earlier text; the returned map does
    the same for the edited text (the composition of the two maps).

    Examples:
        >>> s, e = identity_map(6)
        >>> apply_mapped("ab(x)c", [(1, 5, "b")], s, e)
        ('abc', array('q', [0, 1, 5]), array('q', [1, 5, 6]))
    """
    out: list[str] = []
    new_starts = array("q")
    new_ends = array("q")
    pos = 0
    for start, end, after in edits:
        if start < pos:
            raise ValueError(f"overlapping edits at offset {start}")
        if pos < start:
            out.append(text[pos:start])
            new_starts += starts[pos:start]
            new_ends += ends[pos:start]
        n = len(after)
        if n:
            out.append(after)
            if n == 1:
                new_starts.append(starts[start])
                new_ends.append(ends[end - 1])
            else:
                new_starts += array("q", [starts[start]]) * n
                new_ends += array("q", [ends[end - 1]]) * n
        pos = end
    out.append(text[pos:])
    new_starts += starts[pos:]
    new_ends += ends[pos:]
    return "".join(out), new_starts, new_ends
