"""Edits on a text and the offset maps that trace each output character back."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Applied:
    """The result of applying edits: the new text and where each char came from.

    ``starts[i]`` and ``ends[i]`` give the input span that output char ``i``
    came from.
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]


def apply_edits(text: str, edits: list[Edit]) -> Applied:
    """Apply non-overlapping edits and record the offset map.

    Examples:
        >>> a = apply_edits("ab(x)c", [Edit(1, 5, "b", "pinyin")])
        >>> a.text, a.starts, a.ends
        ('abc', (0, 1, 5), (1, 5, 6))
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for edit in sorted(edits, key=lambda e: e.start):
        if edit.start < pos:
            raise ValueError(f"overlapping edits at offset {edit.start}")
        for i in range(pos, edit.start):
            out.append(text[i])
            starts.append(i)
            ends.append(i + 1)
        for ch in edit.after:
            out.append(ch)
            starts.append(edit.start)
            ends.append(edit.end)
        pos = edit.end
    for i in range(pos, len(text)):
        out.append(text[i])
        starts.append(i)
        ends.append(i + 1)
    return Applied("".join(out), tuple(starts), tuple(ends))


def compose(
    outer: tuple[tuple[int, ...], tuple[int, ...]],
    inner: tuple[tuple[int, ...], tuple[int, ...]],
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Chain two offset maps: ``inner`` maps step-1 text to raw, ``outer`` step-2 to step-1."""
    in_starts, in_ends = inner
    out_starts, out_ends = outer
    starts = tuple(in_starts[s] for s in out_starts)
    ends = tuple(in_ends[e - 1] for e in out_ends)
    return starts, ends
