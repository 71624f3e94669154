"""Fit a drawn chart to the width it is shown at: ticks, wrapped labels, value labels, rows.

Text keeps its size in points while a figure narrows, so a chart drawn for a desktop
column cannot be shrunk onto a phone: :func:`fit` lays it out again for a width in CSS
pixels. The charts of :mod:`aidlib.analysis.plotting` register what they drew (their rows
of bars, their labelled points, their legends) and get the whole treatment; any other
chart gets its ticks thinned and its titles wrapped.

- Ticks never collide: as many as fit with :data:`TICK_GAP_PX` between them, at most
  :data:`MAX_TICKS`. Thousands, millions and billions (万 and 亿 on a Chinese chart) are
  written short, the scale word moving into the axis label: ``people (thousands)``.
- Bar labels wrap within :data:`LABEL_SHARE` of the width on a desktop; on a phone
  (under :data:`PHONE_PX`) they go above their bars, across the whole width. Never truncated.
- The value axis ends just past the longest bar. Each value label goes inside its bar when
  it fits there, beside it otherwise, and the axis grows only as far as the labels beside
  their bars need.
- A point's label takes the first place around the point that touches no other label,
  point or arrow; figure legends take as many columns as the width holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

PHONE_PX = 560  # CSS px: narrower than this, bar labels go above their bars
PHONE_TALLER = 1.3  # a chart of points on a phone: taller, so crowded years' labels find room
LABEL_SHARE = 0.38  # of the figure's width, at most, for the labels left of the bars
MAX_TICKS = 6  # major ticks on a value axis, at most
MAX_YEAR_TICKS = 9  # on a year axis (years are short), at most
TICK_GAP_PX = 14  # CSS px between neighbouring tick labels, at least
PAD_PX = 5  # CSS px between a bar's end (or its marker) and its value label
BAR_PX = {"desktop": 28, "phone": 22}  # a bar's thickness
ROW_GAP_PX = 12  # CSS px between one row's bar and the next row's label (or bar)
LINE = 1.25  # a text line's height, in font sizes
INK = "#1f2328"
# Value labels beside a bar sit on a white box: gridlines never run through the numbers.
LABEL_BOX = {"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.9}


@dataclass
class Rows:
    """A horizontal bar chart's rows as drawn, one entry per bar from the top.

    Attributes:
        labels: what each bar is (unwrapped).
        starts, ends: where each bar starts and ends, in data units.
        notes: each bar's value label (a matplotlib Annotation at the bar's end).
        dark: whether each bar is dark enough for a white label inside it.
        marker_px: how far a marker at the bar's end reaches past it, in CSS px.
        solid: whether a label may go inside each bar (a hatched range's label goes beside it).
        percent: a percent axis, which stops at 100 when the bars come near it.
        above: the labels drawn above the bars on a phone (managed here).
    """

    labels: list[str]
    starts: list[float]
    ends: list[float]
    notes: list
    dark: list[bool]
    marker_px: list[float]
    solid: list[bool]
    percent: bool = False
    above: list = field(default_factory=list)


@dataclass
class Points:
    """A chart's labelled points: each label tries :data:`PLACES` in turn, its own first."""

    notes: list
    first: list[int]
    gap_px: list[float]
    height: float = 0.0  # the figure's height as drawn, in inches (a phone's is taller)


@dataclass
class _Axis:
    base: str  # the axis label as given
    written: str = ""  # the axis label as last written here
    kind: str = "value"  # value (short scale words), year (plain) or count (whole numbers)


# What a chart registered is kept on its own Axes, Axis, title or Figure, in attributes named
# ``_aidlib_*`` (ours, never matplotlib's): it lives and goes with the figure.
ROWS, POINTS, AXIS = "_aidlib_rows", "_aidlib_points", "_aidlib_axis"
TITLE, KEYS, LOCATOR = "_aidlib_title", "_aidlib_keys", "_aidlib_locator"
# Where a point's label may go, in turn: a direction from the point and the label's alignment.
PLACES = (
    (1, 0, "left", "center"), (-1, 0, "right", "center"), (0, 1, "center", "bottom"),
    (0, -1, "center", "top"), (0.75, 0.75, "left", "bottom"), (0.75, -0.75, "left", "top"),
    (-0.75, 0.75, "right", "bottom"), (-0.75, -0.75, "right", "top"),
    (0, 3.2, "center", "bottom"), (0, -3.2, "center", "top"),  # past an arrow up or down
    (2.4, 0, "left", "center"), (-2.4, 0, "right", "center"),  # past a neighbouring point
)  # fmt: skip
POINT_GAP_PX = 3  # CSS px between a point's marker and its label


def register_rows(ax: Axes, rows: Rows) -> None:
    """Say that ``ax`` is a horizontal bar chart with these rows (bar charts call this)."""
    setattr(ax, ROWS, rows)


def rows_of(ax: Axes) -> Rows | None:
    """The rows registered for ``ax``, or None."""
    return getattr(ax, ROWS, None)


def register_points(ax: Axes, notes: list, first: list[int], gap_px: list[float]) -> None:
    """Say that these labels name points of ``ax`` (series charts call this).

    ``first`` is the index in :data:`PLACES` each label tries first; ``gap_px`` how far its
    point's marker reaches, in CSS px (the label starts :data:`POINT_GAP_PX` past it).
    """
    setattr(ax, POINTS, Points(notes, first, gap_px, ax.get_figure().get_size_inches()[1]))


def register_axis(axis, kind: str = "value") -> None:
    """Let :func:`fit` write this axis's ticks: ``value``, ``count`` (whole numbers) or ``year``."""
    setattr(axis, AXIS, _Axis(axis.get_label_text(), kind=kind))


# ---- measuring ---------------------------------------------------------------------------------
def _renderer(fig: Figure):
    return fig.canvas.get_renderer()


def _css(fig: Figure) -> float:
    return 96 / fig.dpi


def _text_px(fig: Figure, text: str, prop) -> tuple[float, float]:
    """Width and height of ``text`` drawn in ``prop``, in CSS px."""
    if not text:
        return 0.0, 0.0
    w, h, _ = _renderer(fig).get_text_width_height_descent(text, prop, ismath=False)
    return w * _css(fig), h * _css(fig)


def _font_px(prop) -> float:
    return prop.get_size_in_points() * 96 / 72


def _greedy(fig: Figure, text: str, width_px: float, prop) -> list[str]:
    out = []
    for paragraph in str(text).split("\n"):
        line = ""
        for word in paragraph.split(" "):
            trial = f"{line} {word}" if line else word
            if line and _text_px(fig, trial, prop)[0] > width_px:
                out.append(line)
                line = word
            else:
                line = trial
        out.append(line)
    return out


def wrap_px(fig: Figure, text: str, width_px: float, prop) -> str:
    """Wrap ``text`` at spaces into lines at most ``width_px`` wide, as even as they can be.

    A word longer than the line keeps a line of its own (never cut); lines the text
    already has are kept.
    """
    lines = _greedy(fig, text, width_px, prop)
    if len(lines) == 1:
        return lines[0]
    lo, hi = width_px / len(lines), width_px  # the narrowest width that needs no more lines
    for _ in range(8):
        mid = (lo + hi) / 2
        if len(_greedy(fig, text, mid, prop)) > len(lines):
            lo = mid
        else:
            hi = mid
    return "\n".join(_greedy(fig, text, hi, prop))


def _box(fig: Figure, artist):
    e = artist.get_window_extent(_renderer(fig))
    c = _css(fig)
    return e.x0 * c, e.y0 * c, e.x1 * c, e.y1 * c


# ---- ticks -------------------------------------------------------------------------------------
SCALES_EN = ((1e9, 1e10, "billions"), (1e6, 1e7, "millions"), (1e3, 1e4, "thousands"))
SCALES_ZH = ((1e8, 1e8, "亿"), (1e4, 1e5, "万"))
_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def scale_for(top: float, chinese: bool = False) -> tuple[float, str]:
    """The divisor and scale word ticks reaching ``top`` are written with.

    Examples:
        >>> scale_for(2_500), scale_for(22_000), scale_for(3e8), scale_for(3e8, chinese=True)
        ((1.0, ''), (1000.0, 'thousands'), (1000000.0, 'millions'), (100000000.0, '亿'))
    """
    for divisor, start, word in SCALES_ZH if chinese else SCALES_EN:
        if abs(top) >= start:
            return divisor, word
    return 1.0, ""


def scaled_label(label: str, divisor: float, word: str) -> str:
    """An axis label with the scale its ticks are written in.

    Examples:
        >>> scaled_label("people employed", 1e3, "thousands")
        'people employed (thousands)'
        >>> scaled_label("million yuan", 1e3, "thousands"), scaled_label("people", 1, "")
        ('billion yuan', 'people')
    """
    if not word:
        return label
    first, _, rest = label.partition(" ")
    if first in _SCALE_WORDS and rest:
        combined = {v: k for k, v in _SCALE_WORDS.items()}.get(_SCALE_WORDS[first] * divisor)
        if combined:
            return f"{combined} {rest}"
    return f"{label} ({word})" if label else word


def tick_text(x: float) -> str:
    """A tick's number: thousands separated, no trailing zeros.

    Examples:
        >>> tick_text(2500.0), tick_text(12.5), tick_text(0.0), tick_text(-3.0), tick_text(0.25)
        ('2,500', '12.5', '0', '-3', '0.25')
    """
    if abs(x) < 1e-9:
        return "0"
    if float(x).is_integer():
        return f"{x:,.0f}"
    return f"{x:,.3f}".rstrip("0").rstrip(".")


def _tick_fits(fig: Figure, ax: Axes, axis, locs, labels) -> bool:
    """Whether these tick labels stand :data:`TICK_GAP_PX` apart along the axis."""
    box = _box(fig, ax)
    x = axis is ax.xaxis
    lo, hi = axis.get_view_interval()
    length = (box[2] - box[0]) if x else (box[3] - box[1])
    prop = axis.get_major_ticks()[0].label1.get_fontproperties() if axis.get_major_ticks() else None
    shown = [(loc, lab) for loc, lab in zip(locs, labels, strict=True) if min(lo, hi) <= loc <= max(lo, hi)]
    sizes = [_text_px(fig, lab, prop)[0 if x else 1] for _, lab in shown]
    for (a, _), (b, _), wa, wb in zip(shown, shown[1:], sizes, sizes[1:], strict=False):
        if abs(b - a) / abs(hi - lo) * length - (wa + wb) / 2 < TICK_GAP_PX:
            return False
    return True


def _fit_ticks(fig: Figure, ax: Axes, axis, chinese: bool) -> None:
    """Write a registered axis's ticks: short numbers, the scale in the label, as many as fit."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    spec = getattr(axis, AXIS)
    if axis.get_label_text() != spec.written:  # changed since: the new label is the base
        spec.base = axis.get_label_text()
    lo, hi = axis.get_view_interval()
    divisor, word = (1.0, "") if spec.kind == "year" else scale_for(max(abs(lo), abs(hi)), chinese)
    text = (lambda v: f"{v:.0f}") if spec.kind == "year" else (lambda v: tick_text(v / divisor))
    axis.set_major_formatter(FuncFormatter(lambda v, _: text(v)))
    spec.written = scaled_label(spec.base, divisor, word)
    axis.set_label_text(spec.written)
    integer = spec.kind in ("year", "count")
    steps = [1, 2, 5, 10] if spec.kind == "year" else [1, 2, 2.5, 5, 10]
    for n in range(MAX_YEAR_TICKS if spec.kind == "year" else MAX_TICKS, 1, -1):
        locator = MaxNLocator(nbins=n, steps=steps, integer=integer, min_n_ticks=2)
        locs = [v for v in locator.tick_values(lo, hi) if min(lo, hi) - 1e-9 <= v <= max(lo, hi) + 1e-9]
        if _tick_fits(fig, ax, axis, locs, [text(v) for v in locs]) or n == 2:
            axis.set_major_locator(locator)
            return


def _thin_ticks(fig: Figure, ax: Axes, axis) -> None:
    """Fewer ticks on another chart's numeric axis when its labels collide (its own formatter kept)."""
    from matplotlib.ticker import AutoLocator, MaxNLocator

    if getattr(axis, LOCATOR, None) is None:
        setattr(axis, LOCATOR, axis.get_major_locator())
    original = getattr(axis, LOCATOR)
    if not isinstance(original, AutoLocator | MaxNLocator):
        return
    axis.set_major_locator(original)
    formatter = axis.get_major_formatter()
    lo, hi = sorted(axis.get_view_interval())

    def fits(locator) -> bool:
        locs = [v for v in locator.tick_values(lo, hi) if lo - 1e-9 <= v <= hi + 1e-9]
        formatter.set_locs(locs)
        return _tick_fits(fig, ax, axis, locs, [formatter(v, i) for i, v in enumerate(locs)])

    if fits(original):
        return
    for n in range(MAX_TICKS, 1, -1):
        locator = MaxNLocator(nbins=n, steps=[1, 2, 2.5, 5, 10])
        if fits(locator) or n == 2:
            axis.set_major_locator(locator)
            return


# ---- bar rows ----------------------------------------------------------------------------------
def _lines(text: str) -> int:
    return text.count("\n") + 1


def _label_prop(ax: Axes):
    ticks = ax.yaxis.get_major_ticks()
    return ticks[0].label1.get_fontproperties() if ticks else None


def _set_row_labels(fig: Figure, ax: Axes, rows: Rows, phone: bool, width_px: float) -> None:
    """Desktop: the labels left of the bars, wrapped within :data:`LABEL_SHARE`; phone: none there."""
    for t in rows.above:
        t.remove()
    rows.above = []
    ticks = list(range(len(rows.labels)))
    if phone:
        ax.set_yticks(ticks, [""] * len(ticks))
    else:
        prop = _label_prop(ax)
        ax.set_yticks(ticks, [wrap_px(fig, label, LABEL_SHARE * width_px, prop) for label in rows.labels])


def _lay_rows(fig: Figure, ax: Axes, rows: Rows, phone: bool) -> float:
    """Size the rows for their labels (on a phone, put them above the bars); return the axes height, px."""
    from matplotlib.transforms import blended_transform_factory

    prop = _label_prop(ax)
    line_px = _font_px(prop) * LINE
    n = len(rows.labels)
    if phone:
        box = _box(fig, ax)
        wrapped = [wrap_px(fig, label, box[2] - box[0] - 4, prop) for label in rows.labels]
        block = max(_lines(w) for w in wrapped) * line_px
        pitch = BAR_PX["phone"] + 4 + block + ROW_GAP_PX
    else:
        wrapped = [t.get_text() for t in ax.get_yticklabels()]
        pitch = max(BAR_PX["desktop"] + ROW_GAP_PX, max(_lines(w) for w in wrapped) * line_px + ROW_GAP_PX)
    h = BAR_PX["phone" if phone else "desktop"] / pitch
    for i, patch in enumerate(_bar_patches(ax)[:n]):
        patch.set_y(i - h / 2)
        patch.set_height(h)
    if not phone:
        ax.set_ylim(n - 0.5, -0.5)
        return n * pitch
    top = -h / 2 - (4 + block + 6) / pitch
    bottom = n - 1 + h / 2 + 8 / pitch
    ax.set_ylim(bottom, top)
    where = blended_transform_factory(ax.transAxes, ax.transData)
    for i, text in enumerate(wrapped):
        t = ax.annotate(text, (0, i - h / 2), xycoords=where, xytext=(0, 3), textcoords="offset points",
                        va="bottom", ha="left", fontproperties=prop, color=INK, annotation_clip=False,
                        bbox=LABEL_BOX)  # fmt: skip
        t.set_in_layout(False)
        rows.above.append(t)
    return (bottom - top) * pitch


def _bar_patches(ax: Axes) -> list:
    """The bars of ``ax`` in drawing order, one per row (a range's bar included)."""
    from matplotlib.container import BarContainer

    return [p for c in ax.containers if isinstance(c, BarContainer) for p in c.patches]


def _label_sizes(fig: Figure, rows: Rows) -> list[float]:
    return [_text_px(fig, n.get_text(), n.get_fontproperties())[0] + 4 for n in rows.notes]


def _inside(rows: Rows, sizes: list[float], px: float) -> list[bool]:
    """Which value labels fit inside their bars at ``px`` CSS pixels per data unit."""
    rows_ = zip(rows.starts, rows.ends, sizes, rows.marker_px, rows.solid, strict=True)
    return [solid and w + 2 * PAD_PX + m <= abs(e - s) * px for s, e, w, m, solid in rows_]


def _value_limits(fig: Figure, ax: Axes, rows: Rows) -> tuple[float, float]:
    """Where the value axis must start and end for every bar, marker and label beside a bar to fit."""
    box = _box(fig, ax)
    width = box[2] - box[0]
    sizes = _label_sizes(fig, rows)
    lo = min(0.0, *rows.ends, *rows.starts)
    hi = max(0.0, *rows.ends)
    span = (hi - lo) or 1.0
    left, right = lo - (0.02 * span if lo < 0 else 0), hi + 0.02 * span
    if rows.percent and lo >= 0 and right < 100 and hi >= 50:
        right = 100.0  # a share: its axis runs to the whole
    for _ in range(40):
        px = width / (right - left)
        inside = _inside(rows, sizes, px)
        grow_left = grow_right = 0.0
        for s, e, w, m, ins in zip(rows.starts, rows.ends, sizes, rows.marker_px, inside, strict=True):
            need = m + PAD_PX + (0 if ins else w) + 2
            if e >= s:
                grow_right = max(grow_right, need - (right - e) * px)
            else:
                grow_left = max(grow_left, need - (e - left) * px)
        if grow_left <= 0.5 and grow_right <= 0.5:
            break
        scale = (right - left) / max(width - grow_left - grow_right, width * 0.2)
        right += max(grow_right, 0) * scale
        left -= max(grow_left, 0) * scale
    return left, right


def _place_value_labels(fig: Figure, ax: Axes, rows: Rows) -> None:
    """Put each value label inside its bar when it fits there, beside it otherwise."""
    box = _box(fig, ax)
    left, right = ax.get_xlim()
    inside = _inside(rows, _label_sizes(fig, rows), (box[2] - box[0]) / (right - left))
    for note, s, e, m, dark, ins in zip(rows.notes, rows.starts, rows.ends, rows.marker_px, rows.dark, inside,
                                        strict=True):  # fmt: skip
        sign = 1 if e >= s else -1
        offset = (m + PAD_PX) * 72 / 96
        if ins:
            note.xyann = (-sign * offset, 0)
            note.set_ha("right" if sign > 0 else "left")
            note.set_color("white" if dark else INK)  # on the bar's colour: no box
            note.set_bbox(None)
        else:
            note.xyann = (sign * offset, 0)
            note.set_ha("left" if sign > 0 else "right")
            note.set_color(INK)
            note.set_bbox(LABEL_BOX)


def _fit_value_axes(fig: Figure, managed: list) -> None:
    """End each value axis where its labels fit; panels that share a scale end together."""
    limits = {ax: _value_limits(fig, ax, rows_of(ax)) for ax in managed}
    for ax in managed:
        group = [a for a in ax.get_shared_x_axes().get_siblings(ax) if a in limits]
        ax.set_xlim(min(limits[a][0] for a in group), max(limits[a][1] for a in group))
    for ax in managed:
        _place_value_labels(fig, ax, rows_of(ax))


# ---- points, titles, legends --------------------------------------------------------------------
def _line_boxes(fig: Figure, ax: Axes, notes) -> list:
    """What a point's label must not cover: markers, arrows, the lines joining points (sampled)."""
    import numpy as np

    renderer, c = _renderer(fig), _css(fig)
    taken = []
    for line in ax.get_lines():
        if not line.get_visible():
            continue
        xy = line.get_transform().transform(line.get_xydata()) * c
        if line.get_marker() not in (None, "", " ", "None"):
            r = line.get_markersize() / 2 * 96 / 72 + 1
            taken += [(x - r, y - r, x + r, y + r) for x, y in xy]
        if line.get_linestyle() not in ("None", "", " ") and len(xy) > 1:
            for (x0, y0), (x1, y1) in zip(xy, xy[1:], strict=False):
                steps = max(int(np.hypot(x1 - x0, y1 - y0) / 4), 1)
                along = zip(np.linspace(x0, x1, steps), np.linspace(y0, y1, steps), strict=True)
                taken += [(x - 1, y - 1, x + 1, y + 1) for x, y in along]
    for t in ax.texts:
        if t not in notes and not t.get_text() and getattr(t, "arrow_patch", None) is not None:
            e = t.arrow_patch.get_window_extent(renderer)
            taken.append((e.x0 * c, e.y0 * c, e.x1 * c, e.y1 * c))
    return taken


def _place_points(fig: Figure, ax: Axes, points: Points) -> None:
    """Give each point's label the first place around it that touches nothing already there.

    A place may reach past the axes, never past the figure or onto another text. The
    labels with the fewest free places choose first, so a crowded point is not left
    without one by a neighbour that had others.
    """
    from aidlib.analysis.chart_check import drawn_texts

    taken = _line_boxes(fig, ax, points.notes)
    mine = {id(n) for n in points.notes}
    taken += [_box(fig, t) for t in drawn_texts(fig) if id(t) not in mine]
    width, height = fig.bbox.width * _css(fig), fig.bbox.height * _css(fig)

    def free(b) -> bool:
        inside = b[0] >= 2 and b[2] <= width - 2 and b[1] >= 2 and b[3] <= height - 2
        return inside and not any(min(b[2], o[2]) > max(b[0], o[0]) and min(b[3], o[3]) > max(b[1], o[1])
                                  for o in taken)  # fmt: skip

    def places(i: int) -> list:
        """Each place of label ``i``, its own first: (xyann in points, ha, va, box in CSS px)."""
        note, first, gap = points.notes[i], points.first[i], points.gap_px[i]
        out = []
        for dx, dy, ha, va in [PLACES[first], *(p for j, p in enumerate(PLACES) if j != first)]:
            reach = (gap + POINT_GAP_PX) * 72 / 96  # past the marker, in points
            note.xyann = (dx * reach, dy * reach)
            note.set_ha(ha)
            note.set_va(va)
            b = _box(fig, note)
            out.append((note.xyann, ha, va, (b[0] - 1, b[1] - 1, b[2] + 1, b[3] + 1)))
        return out

    anchors = [ax.transData.transform(n.xy) * _css(fig) for n in points.notes]

    def nearest_own(i: int, b) -> bool:
        """Whether the label's centre is nearer its own point than any other: it reads as that point's."""
        cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
        own = (anchors[i][0] - cx) ** 2 + (anchors[i][1] - cy) ** 2
        return all((x - cx) ** 2 + (y - cy) ** 2 > own for j, (x, y) in enumerate(anchors) if j != i)

    for note in points.notes:
        note.set_visible(True)
    options = [[o for o in places(i) if nearest_own(i, o[3])] for i in range(len(points.notes))]
    crowded = sorted(range(len(options)), key=lambda i: (sum(free(o[3]) for o in options[i]), i))
    for i in crowded:
        note = points.notes[i]
        for xyann, ha, va, b in options[i]:
            if free(b):
                note.xyann = xyann
                note.set_ha(ha)
                note.set_va(va)
                taken.append(b)
                break
        else:  # nowhere free: the value stays in the alt text and chart_text, off the image
            note.set_visible(False)


def _wrap_titles(fig: Figure) -> None:
    """Wrap each axes title to its axes, and the figure's title to the figure."""
    titles = [(ax.title, _box(fig, ax)[2] - _box(fig, ax)[0]) for ax in fig.axes]
    suptitle = fig.get_suptitle()
    titles += [
        (t, fig.bbox.width * _css(fig) - 16) for t in fig.texts if suptitle and t.get_text() == suptitle
    ]
    for title, width in titles:
        text = title.get_text()
        if not text:
            continue
        given, written = getattr(title, TITLE, (text, text))
        if text != written:  # changed since: the new title is the one to wrap
            given = text
        wrapped = wrap_px(fig, given, width, title.get_fontproperties())
        title.set_text(wrapped)
        setattr(title, TITLE, (given, wrapped))


def figure_legend(fig: Figure, handles, **kwargs):
    """Put a key below the chart (it never covers a bar, a point or a label); :func:`fit` sets its columns.

    Returns:
        The matplotlib Legend (a new one each time :func:`fit` runs: columns are set at creation).
    """
    kwargs = {"loc": "outside lower left", "fontsize": 11, "frameon": False, **kwargs}
    legend = fig.legend(handles=list(handles), ncols=1, **kwargs)
    if getattr(fig, KEYS, None) is None:
        setattr(fig, KEYS, [])
    getattr(fig, KEYS).append([legend, list(handles), kwargs])
    return legend


def _fit_legends(fig: Figure, width_px: float) -> None:
    """As many columns in each key below the chart as the width holds."""
    for key in getattr(fig, KEYS, None) or []:
        legend, handles, kwargs = key
        for cols in range(len(handles), 0, -1):
            legend.remove()
            legend = fig.legend(handles=handles, ncols=cols, **kwargs)
            box = _box(fig, legend)
            if box[2] - box[0] <= width_px - 16 or cols == 1:
                break
        key[0] = legend


# ---- the whole figure --------------------------------------------------------------------------
def _draw(fig: Figure) -> None:
    fig.draw_without_rendering()


def _is_chinese(fig: Figure) -> bool:
    import matplotlib as mpl

    return any("CJK" in f or "Han" in f for f in mpl.rcParams["font.sans-serif"][:1])


def fit(fig: Figure, width_px: float) -> None:
    """Lay ``fig`` out for a width of ``width_px`` CSS pixels; a bar chart's height follows its rows.

    Calling it again with another width lays the same chart out for that width: nothing is
    lost on the way (the labels, titles and axis labels as drawn are kept aside).
    """
    phone = width_px < PHONE_PX
    fig.set_size_inches(width_px / 96, fig.get_size_inches()[1])
    placed = [(ax, getattr(ax, POINTS)) for ax in fig.axes if getattr(ax, POINTS, None) is not None]
    if placed:
        fig.set_size_inches(width_px / 96, placed[0][1].height * (PHONE_TALLER if phone else 1))
    managed = [ax for ax in fig.axes if rows_of(ax) is not None]
    for ax in managed:
        _set_row_labels(fig, ax, rows_of(ax), phone, width_px)
    _fit_legends(fig, width_px)
    _draw(fig)  # the axes' widths, with the labels in place
    _wrap_titles(fig)
    needs = {ax: _lay_rows(fig, ax, rows_of(ax), phone) for ax in managed}
    if managed and len(managed) == len([a for a in fig.axes if a.get_visible()]):
        _draw(fig)  # the other parts' height, the titles wrapped
        used = sum(_box(fig, ax)[3] - _box(fig, ax)[1] for ax in managed)
        other = fig.bbox.height * _css(fig) - used
        gridspec = managed[0].get_gridspec()
        if len(managed) > 1 and gridspec is not None and gridspec.nrows == len(managed):
            gridspec.set_height_ratios([needs[ax] for ax in managed])
        fig.set_size_inches(width_px / 96, (other + sum(needs.values())) / 96)
    chinese = _is_chinese(fig)
    _fit_value_axes(fig, managed)
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if getattr(axis, AXIS, None) is not None:
                _fit_ticks(fig, ax, axis, chinese)
            else:
                _thin_ticks(fig, ax, axis)
    if placed:
        _draw(fig)  # where the points are, as drawn
        for ax, points in placed:
            _place_points(fig, ax, points)
