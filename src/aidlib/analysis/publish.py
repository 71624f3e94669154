"""Charts as readers get them: drawn for the width they are shown at, with alt text and a sourced caption.

:func:`publish` takes a finished matplotlib chart (its Axes or Figure) and renders it
twice, for a desktop column (:data:`WIDE_PX` CSS pixels) and for a phone
(:data:`NARROW_PX`), at twice the pixel density, so neither is shrunk much where it is
shown and its text stays as large as drawn. In a notebook it displays the wide
rendering (with the alt text as its plain-text form, which is what strict nbval
compares) and carries the narrow one, the alt text, the caption and the source line in
the output's metadata; the report (:mod:`aidlib.report.site`) turns that into a
``<figure>`` whose ``<picture>`` picks the rendering for the screen.
"""

from __future__ import annotations

import base64
import io
import re
import struct
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

WIDE_PX = 720  # CSS pixels: the report's text column is 928 px at most
NARROW_PX = 400  # a 420 px phone shows 388 px of it
DENSITY = 2  # pixels per CSS pixel: sharp on phones and high-density screens
METADATA_KEY = "aidlib_chart"
# Alt text must say what the chart shows; these say nothing.
_EMPTY_ALT = ("", "chart", "figure", "image", "plot", "no description has been provided for this image")


@dataclass(frozen=True)
class Rendering:
    """One PNG rendering: its bytes, its size in CSS pixels, and any text cut off at its edges."""

    png: bytes
    width: int
    height: int
    clipped: tuple[str, ...] = ()

    @property
    def data_uri(self) -> str:
        """The PNG as a ``data:`` URL."""
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


@dataclass(frozen=True)
class Chart:
    """A chart ready for a page: two renderings, alt text, caption, source and its smallest text."""

    wide: Rendering
    narrow: Rendering
    alt: str
    caption: str
    source: str
    min_text_px: float

    def metadata(self) -> dict[str, object]:
        """What a notebook output carries for the report (JSON-safe)."""
        return {
            "alt": self.alt,
            "caption": self.caption,
            "source": self.source,
            "min_text_px": self.min_text_px,
            "narrow": base64.b64encode(self.narrow.png).decode("ascii"),
            "narrow_width": self.narrow.width,
            "narrow_height": self.narrow.height,
            "clipped": sorted(set(self.wide.clipped + self.narrow.clipped)),
        }

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = {"image/png": base64.b64encode(self.wide.png).decode("ascii"), "text/plain": self.alt}
        meta = {
            "image/png": {"width": self.wide.width, "height": self.wide.height},
            METADATA_KEY: self.metadata(),
        }
        return data, meta


def _png_size(png: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk
    return width, height


def _render(fig: Figure, width_px: int) -> Rendering:
    w, h = fig.get_size_inches()
    fig.set_size_inches(width_px / 96, h)
    buf = io.BytesIO()
    limits = _fit_value_labels(fig)
    fig.savefig(buf, format="png", dpi=96 * DENSITY, metadata={"Software": None})
    clipped = _clipped_text(fig)
    for ax, xlim, locator in limits:  # back to the chart as drawn, for the other width
        ax.set_xlim(xlim)
        ax.xaxis.set_major_locator(locator)
    fig.set_size_inches(w, h)
    png = buf.getvalue()
    width, height = _png_size(png)
    return Rendering(png, round(width / DENSITY), round(height / DENSITY), clipped)


def _fit_value_labels(fig: Figure) -> list:
    """Widen a bar chart's axis at this width until the value labels right of the bars fit in it.

    Text keeps its size in points while the figure narrows, so a phone needs more room
    than a desktop. The ticks stay those of the data (no tick past the longest bar).
    Returns what to restore.
    """
    from matplotlib.text import Annotation

    changed = []
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        labels = [
            t for t in ax.texts if isinstance(t, Annotation) and t.get_visible() and t.get_text().strip()
        ]
        if not (labels and ax.patches):
            continue
        left, right = ax.get_xlim()
        locator = ax.xaxis.get_major_locator()
        changed.append((ax, (left, right), locator))
        for _ in range(3):
            box = ax.get_window_extent(renderer)
            need = max(t.get_window_extent(renderer).x1 for t in labels) - box.x1
            if need <= 1:
                break
            lo, hi = ax.get_xlim()
            ax.set_xlim(lo, hi + (hi - lo) * (need + 4) / max(box.width - need, 20))
            fig.draw_without_rendering()
        ax.set_xticks([t for t in ax.get_xticks() if left <= t <= right])  # no tick past the data's room
    return changed


def _clipped_text(fig: Figure) -> tuple[str, ...]:
    """Where the drawn content reaches past the figure's edges (a legend too wide for a phone)."""
    renderer = fig.canvas.get_renderer()
    drawn, box = fig.get_tightbbox(renderer), fig.bbox_inches
    over = {
        "left": box.x0 - drawn.x0, "right": drawn.x1 - box.x1,
        "bottom": box.y0 - drawn.y0, "top": drawn.y1 - box.y1,
    }  # fmt: skip
    return tuple(f"{side} by {inches * 96:.0f} px" for side, inches in over.items() if inches * 96 > 6)


def smallest_text_px(fig: Figure) -> float:
    """The size of the smallest visible text in a figure, in CSS pixels (1 pt = 96/72 px)."""
    from matplotlib.text import Text

    sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    return round(min(sizes, default=0.0) * 96 / 72, 2)


# The report's own numbers: the source line of a chart drawn only from data/metrics.csv.
REPORT_SOURCE = "南方农村报 (2023), curated in data/metrics.csv"


def describe_chart(chart: Axes | Figure) -> str:
    """Alt text read off a chart: each panel's title, then every value written on it.

    Examples:
        >>> import pandas as pd
        >>> from aidlib.analysis.plotting import bar_intervals
        >>> rows = pd.DataFrame({"label": ["x", "y"], "low": [1.0, 2.0], "high": [3.0, 2.0],
        ...                      "text": ["1–3", "2"]})
        >>> describe_chart(bar_intervals(rows, title="Two things"))
        'Two things: x 1–3; y 2.'
    """
    from aidlib.analysis.plotting import chart_text

    fig = chart if hasattr(chart, "savefig") else chart.get_figure()
    parts = []
    for ax in fig.axes:
        if not ax.get_visible() or not (ax.texts or ax.patches or ax.lines):
            continue
        rows = chart_text(ax)
        values = "; ".join(
            f"{label} {text}".strip() for label, text in zip(rows["label"], rows["text"], strict=True)
        )
        title = ax.get_title()
        parts.append(f"{title}: {values}" if title and values else title or values)
    return " | ".join(p for p in parts if p).strip() + "."


def figures_source(rows: pd.DataFrame, figures: pd.DataFrame | None = None) -> str:
    """The source line of a chart of cited figures: their outlets and dates, and the table they are in.

    ``rows`` has a ``figure_id`` column (:func:`aidlib.series`, :func:`aidlib.compare`).
    """
    from aidlib.data.figures import load_figures

    figures = load_figures() if figures is None else figures
    chosen = figures[figures["figure_id"].isin(set(rows["figure_id"]))]
    outlets = sorted(
        {f"{o} ({str(d)[:4]})" for o, d in zip(chosen["outlet"], chosen["published"], strict=True)}
    )
    return f"{'; '.join(outlets)}, cited in data/cited_figures.tsv"


def render(
    chart: Axes | Figure, caption: str | None = None, source: str | None = None, alt: str | None = None
) -> Chart:
    """Render a finished chart for the report without displaying it (the figure is closed).

    Args:
        chart: the Axes a plotting function returned, or a Figure.
        caption: a sentence under the chart; default its title (then taken off the image, said once).
        source: where its numbers come from; default the report (:data:`REPORT_SOURCE`). Charts of
            cited figures name their outlets (:func:`figures_source`).
        alt: what the chart shows and its main numbers, for a reader who cannot see it; default
            read off the chart (:func:`describe_chart`).

    Raises:
        ValueError: no caption and no title, or alt text that says nothing.
    """
    import matplotlib.pyplot as plt

    fig = chart if hasattr(chart, "savefig") else chart.get_figure()
    alt = alt if alt is not None else describe_chart(fig)
    if caption is None:
        titled = [ax for ax in fig.axes if ax.get_title()]
        if not titled:
            raise ValueError("publish: give a caption, or a title on the chart")
        if len(titled) == 1:
            caption = titled[0].get_title()
            titled[0].set_title("")
        else:
            suptitle = fig._suptitle  # the Figure's title, if any: said once, in the caption
            caption = suptitle.get_text() if suptitle else "; ".join(a.get_title() for a in titled)
            if suptitle:
                suptitle.set_visible(False)
    source = source or REPORT_SOURCE
    if not alt.strip() or alt.strip().lower().rstrip(".") in _EMPTY_ALT or not re.search(r"\d", alt):
        raise ValueError(
            f"publish: alt text {alt!r} says nothing; say what the chart shows and its main numbers"
        )
    fig.set_layout_engine("constrained")  # labels fit inside each width
    wide = _render(fig, WIDE_PX)
    wrapped = _wrap_labels(fig, 26)  # a phone gets long bar labels on two lines
    narrow = _render(fig, NARROW_PX)
    _unwrap_labels(wrapped)
    smallest = smallest_text_px(fig)
    plt.close(fig)
    for rendering in (wide, narrow):
        if rendering.clipped:
            warnings.warn(
                f"publish: at {rendering.width} px the chart is cut off ({', '.join(rendering.clipped)}): "
                "shorten its labels or put the legend in one column",
                stacklevel=2,
            )
    source = source.strip()
    if not source.lower().startswith("source"):
        source = f"Source: {source}"
    return Chart(wide, narrow, alt.strip(), caption.strip(), source, smallest)


def _wrap_labels(fig: Figure, width: int) -> list:
    """Lay a chart out for a phone; return what to restore.

    A horizontal bar chart's labels move from the left of the bars to above them (the
    bars and their values then get the whole width), wrapped at ``width`` characters;
    long titles wrap too.
    """
    import textwrap

    from matplotlib.transforms import blended_transform_factory

    changed = []
    for ax in fig.axes:
        texts = [t.get_text() for t in ax.get_yticklabels()]
        if ax.patches and any(texts):
            ticks = list(ax.get_yticks())
            added = [
                ax.text(0, y - 0.42, textwrap.fill(label, width * 2), transform=blended_transform_factory(
                        ax.transAxes, ax.transData), va="bottom", ha="left", fontsize=11)
                for y, label in zip(ticks, texts, strict=True)
            ]  # fmt: skip
            for t in added:  # anchored at the axes' left edge: the layout must not shrink the axes for them
                t.set_in_layout(False)
            lo, hi = ax.get_ylim()
            ax.set_yticks(ticks, [""] * len(ticks))
            ax.set_ylim(lo, hi - 0.6)  # room above the first bar (the y axis is inverted)
            changed.append(("y", ax, ticks, texts, added, (lo, hi)))
        title = ax.get_title()
        if len(title) > width + 10:
            changed.append(("title", ax, None, title, [], None))
            ax.set_title(textwrap.fill(title, width + 10))
    if any(kind == "y" for kind, *_ in changed):
        w, h = fig.get_size_inches()
        fig.set_size_inches(w, h * 1.5)
        changed.append(("size", fig, None, (w, h), [], None))
    return changed


def _unwrap_labels(changed: list) -> None:
    for kind, obj, ticks, texts, added, ylim in changed:
        if kind == "y":
            for t in added:
                t.remove()
            obj.set_yticks(ticks, texts)
            obj.set_ylim(ylim)
        elif kind == "title":
            obj.set_title(texts)
        else:
            obj.set_size_inches(*texts)


def publish(
    chart: Axes | Figure, caption: str | None = None, source: str | None = None, alt: str | None = None
) -> None:
    """Show a chart in the notebook as the report will show it: see :func:`render` for the arguments."""
    from IPython.display import display

    display(render(chart, caption, source, alt))
