"""What an editor checks on a drawn chart, measured: texts that collide, leave the figure or lie on bars.

:func:`measure` reads a figure as it was last drawn (at the width and resolution of one
rendering) and returns a :class:`Measure`; :func:`aidlib.analysis.publish.render` measures
each rendering and refuses a chart whose measure has a problem (:meth:`Measure.problems`).
Everything is measured in CSS pixels (96 a inch), whatever the figure's resolution.

The rules, each for a reason a reader would give:

- two texts overlap, or stand closer than :data:`MIN_GAP_PX` on one line ("0 2,500" reads
  "02,500");
- a text or a legend reaches past the figure's edge (it is cut off on the page);
- a bar reaches past its axis (its end is not drawn);
- the longest bar of a bar chart fills under :data:`MIN_FILL` of its axis (the bars are
  squeezed into a corner and read alike);
- a text lies on a bar other than its own (a label inside its own bar stays within the
  bar's thickness);
- a legend covers a bar, a plotted point or a label.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

MIN_FILL = 0.40  # the longest bar's share of its axis, at least
MIN_GAP_PX = 3.0  # CSS px between two texts side by side on one line, at least
OUTSIDE_PX = 1.0  # CSS px a text may reach past the figure's edge (antialiasing)
TOUCH_PX = 1.0  # CSS px two boxes must share, both ways, to touch


class ChartError(ValueError):
    """A chart a reader could not read: :func:`aidlib.analysis.publish.render` refuses it."""


@dataclass(frozen=True)
class Measure:
    """What one rendering of a chart shows an editor; every problem a short phrase."""

    width: int
    overlaps: tuple[str, ...] = ()
    outside: tuple[str, ...] = ()
    beyond: tuple[str, ...] = ()
    fills: tuple[float, ...] = ()
    on_bars: tuple[str, ...] = ()
    covered: tuple[str, ...] = ()
    texts: int = field(default=0, compare=False)

    @property
    def underfilled(self) -> tuple[float, ...]:
        """The fills under :data:`MIN_FILL`: bar charts whose longest bar is lost in its axis."""
        return tuple(f for f in self.fills if f < MIN_FILL)

    def problems(self) -> list[str]:
        """Every problem, one phrase each, in the order of the rules."""
        return [
            *(f"texts overlap: {pair}" for pair in self.overlaps),
            *(f"text outside the figure: {what}" for what in self.outside),
            *(f"bar beyond its axis: {what}" for what in self.beyond),
            *(f"longest bar fills {f:.0%} of its axis (under {MIN_FILL:.0%})" for f in self.underfilled),
            *(f"text lies on a bar: {what}" for what in self.on_bars),
            *(f"legend covers data: {what}" for what in self.covered),
        ]


def _short(text: str, n: int = 32) -> str:
    one = " ".join(text.split())
    return repr(one if len(one) <= n else one[: n - 1] + "…")


def _walk(artist):
    """Every visible artist under ``artist``: a hidden parent hides its children."""
    if not artist.get_visible():
        return
    yield artist
    for child in artist.get_children():
        yield from _walk(child)


def _hidden_tick_labels(fig: Figure) -> set[int]:
    """The tick labels matplotlib keeps but does not draw: ticks outside the view, spare ticks."""
    hidden = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            slack = (hi - lo) * 1e-9
            for ticks, locs in ((axis.majorTicks, axis.get_majorticklocs()),
                                (axis.minorTicks, axis.get_minorticklocs())):  # fmt: skip
                for i, tick in enumerate(ticks):
                    if i >= len(locs) or not lo - slack <= locs[i] <= hi + slack:
                        hidden.update({id(tick.label1), id(tick.label2)})
    return hidden


def drawn_texts(fig: Figure) -> list:
    """The texts a reader sees on the figure as last drawn: visible, non-empty, ticks in view."""
    from matplotlib.text import Text

    hidden = _hidden_tick_labels(fig)
    return [
        a for a in _walk(fig)
        if isinstance(a, Text) and a.get_text().strip() and id(a) not in hidden and a.get_alpha() != 0
    ]  # fmt: skip


def _bars(ax):
    """(patch, horizontal) for each bar of ``ax``: bar containers say which way they run."""
    from matplotlib.container import BarContainer

    out = []
    for container in ax.containers:
        if isinstance(container, BarContainer):
            horizontal = getattr(container, "orientation", None) == "horizontal"
            out += [(p, horizontal) for p in container.patches if p.get_visible()]
    return out


def _touch(a, b, pad_x: float = 0.0) -> bool:
    """Whether two boxes (x0, y0, x1, y1) share more than :data:`TOUCH_PX` both ways."""
    w = min(a[2], b[2]) - max(a[0], b[0]) + pad_x
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w > TOUCH_PX and h > TOUCH_PX


def measure(fig: Figure) -> Measure:
    """Measure a figure as it was last drawn (call it right after ``savefig`` or a draw).

    Examples:
        >>> import matplotlib.pyplot as plt
        >>> fig, ax = plt.subplots(figsize=(4, 2), layout="constrained")
        >>> _ = ax.barh([0, 1], [1, 2])
        >>> _ = ax.set_xlim(0, 10)
        >>> fig.savefig(__import__("io").BytesIO(), format="png")
        >>> measure(fig).problems()
        ['longest bar fills 20% of its axis (under 40%)']
    """
    renderer = fig.canvas.get_renderer()
    css = 96 / fig.dpi  # display pixels to CSS pixels

    def box(artist):
        e = artist.get_window_extent(renderer)
        return (e.x0 * css, e.y0 * css, e.x1 * css, e.y1 * css)

    texts = drawn_texts(fig)
    boxes = [box(t) for t in texts]
    overlaps = []
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            same_line = abs(boxes[i][1] - boxes[j][1]) < 2 and abs(boxes[i][3] - boxes[j][3]) < 2
            if _touch(boxes[i], boxes[j], MIN_GAP_PX if same_line else 0.0):
                overlaps.append(f"{_short(texts[i].get_text())} and {_short(texts[j].get_text())}")

    width, height = fig.bbox.width * css, fig.bbox.height * css
    from matplotlib.legend import Legend

    legends = [a for a in _walk(fig) if isinstance(a, Legend)]
    outside = []
    for what, b in [*((_short(t.get_text()), bx) for t, bx in zip(texts, boxes, strict=True)),
                    *((f"a legend ({_short(lg.get_texts()[0].get_text()) if lg.get_texts() else ''})",
                       box(lg)) for lg in legends)]:  # fmt: skip
        over = max(-b[0], b[2] - width, -b[1], b[3] - height)
        if over > OUTSIDE_PX:
            outside.append(f"{what} by {over:.0f} px")

    beyond, fills, on_bars = [], {}, []
    for ax in fig.axes:
        bars = _bars(ax)
        if not bars:
            continue
        x_lo, x_hi = sorted(ax.get_xlim())
        y_lo, y_hi = sorted(ax.get_ylim())
        ends = []
        for patch, horizontal in bars:
            x0, x1 = sorted((patch.get_x(), patch.get_x() + patch.get_width()))
            y0, y1 = sorted((patch.get_y(), patch.get_y() + patch.get_height()))
            lo, hi, a, b = (x_lo, x_hi, x0, x1) if horizontal else (y_lo, y_hi, y0, y1)
            slack = (hi - lo) * 1e-6
            if a < lo - slack or b > hi + slack:
                name = patch.get_label() if not patch.get_label().startswith("_") else "a bar"
                beyond.append(f"{name or 'a bar'} ends at {b:g}, its axis at {hi:g}")
            ends.append((max(abs(a - lo), abs(b - lo)), hi - lo))
        fills[ax] = (max(e / span for e, span in ends if span > 0), bars[0][1])
        for patch, horizontal in bars:
            pb = box(patch)
            for t, tb in zip(texts, boxes, strict=True):
                if not _touch(pb, tb):
                    continue
                # a label on its own bar stays within the bar's thickness
                inside = pb[1] - 1 <= tb[1] and tb[3] <= pb[3] + 1 if horizontal else (
                    pb[0] - 1 <= tb[0] and tb[2] <= pb[2] + 1)  # fmt: skip
                if not inside:
                    on_bars.append(_short(t.get_text()))
    group_fills = []  # panels sharing their value axis: the longest bar of them all fills it
    for ax, (_, horizontal) in fills.items():
        shared = ax.get_shared_x_axes() if horizontal else ax.get_shared_y_axes()
        group = [a for a in shared.get_siblings(ax) if a in fills]
        if min(group, key=fig.axes.index) is ax:
            group_fills.append(max(fills[a][0] for a in group))

    covered = []
    for legend in legends:
        lb = box(legend)
        mine = {id(t) for t in legend.get_texts()}
        mine.add(id(legend.get_title()))
        hits = [
            _short(t.get_text())
            for t, tb in zip(texts, boxes, strict=True)
            if id(t) not in mine and _touch(lb, tb)
        ]
        for ax in fig.axes:
            hits += ["a bar" for patch, _ in _bars(ax) if _touch(lb, box(patch))]
            for line in ax.get_lines():
                if not line.get_visible() or line.get_marker() in (None, "", " ", "None"):
                    continue
                r = line.get_markersize() / 2 * 96 / 72
                points = line.get_transform().transform(line.get_xydata()) * css
                hits += [
                    "a point" for x, y in points if lb[0] - r < x < lb[2] + r and lb[1] - r < y < lb[3] + r
                ]
        covered += sorted(set(hits))
    on_bars = list(dict.fromkeys(on_bars))
    found = (overlaps, outside, beyond, group_fills, on_bars, covered)
    return Measure(round(width), *(tuple(x) for x in found), texts=len(texts))
