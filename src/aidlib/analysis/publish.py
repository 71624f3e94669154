"""Charts as readers get them: drawn for the width they are shown at, checked, with alt text and a caption.

:func:`render` takes a finished matplotlib chart (its Axes or Figure), lays it out
(:func:`aidlib.analysis.layout.fit`) and renders it twice, for a desktop column
(:data:`WIDE_PX` CSS pixels) and for a phone (:data:`NARROW_PX`), at twice the pixel
density, so neither is shrunk much where it is shown and its text stays as large as
drawn. Each rendering is measured (:func:`aidlib.analysis.chart_check.measure`): a chart
whose texts collide, leave the figure or lie on bars, whose bars leave their axis or
fill too little of it, or whose legend covers data, is refused with one line naming the
chart and the problem (:class:`ChartError`).

:func:`publish` is the notebook's way in. In a notebook it shows the chart with its
caption and source line (an HTML ``<figure>``; the alt text is its plain-text form,
which is what strict nbval compares) and carries the narrow rendering, the alt text,
the caption and the source line in the output's metadata; the report
(:mod:`aidlib.report.site`) turns that into a ``<figure>`` whose ``<picture>`` picks the
rendering for the screen. Anywhere else it prints nothing: it returns the
:class:`Chart`, and writes the desktop rendering to a PNG file when given a path.
"""

from __future__ import annotations

import base64
import html
import re
import struct
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from aidlib.analysis.chart_check import ChartError, Measure

if TYPE_CHECKING:  # pragma: no cover
    from pathlib import Path

    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["Chart", "ChartError", "Rendering", "chart_source", "describe_chart", "figures_source", "publish",
           "render", "set_chart_source"]  # fmt: skip

WIDE_PX = 720  # CSS pixels: the report's text column is 928 px at most
NARROW_PX = 400  # a 420 px phone shows 388 px of it
DENSITY = 2  # pixels per CSS pixel: sharp on phones and high-density screens
METADATA_KEY = "aidlib_chart"
# Alt text must say what the chart shows; these say nothing.
_EMPTY_ALT = ("", "chart", "figure", "image", "plot", "no description has been provided for this image")


@dataclass(frozen=True)
class Rendering:
    """One PNG rendering: its bytes, its size in CSS pixels, what the check measured on it."""

    png: bytes = field(repr=False)
    width: int
    height: int
    clipped: tuple[str, ...] = ()
    measure: Measure | None = field(default=None, repr=False, compare=False)

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

    def __repr__(self) -> str:
        """One line: the caption and the two sizes (never the image bytes)."""
        sizes = " and ".join(f"{r.width}×{r.height}" for r in (self.wide, self.narrow))
        return f"Chart({self.caption!r}, {sizes} px)"

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

    def html(self) -> str:
        """The desktop rendering as a ``<figure>`` with its caption and source line (a notebook's view)."""
        esc = html.escape
        return (
            f"<figure style='margin:0 0 1em'><img src='{self.wide.data_uri}' width={self.wide.width} "
            f"height={self.wide.height} alt='{esc(self.alt)}' style='max-width:100%;height:auto'>"
            f"<figcaption>{esc(self.caption)}<br><small>{esc(self.source)}</small></figcaption></figure>"
        )

    def save(self, path: str | Path, narrow: bool = False) -> Path:
        """Write the desktop (or, with ``narrow``, the phone) rendering to a PNG file; return its path."""
        from pathlib import Path

        path = Path(path)
        path.write_bytes((self.narrow if narrow else self.wide).png)
        return path

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = {
            "text/html": self.html(),
            "image/png": base64.b64encode(self.wide.png).decode("ascii"),
            "text/plain": self.alt,
        }
        meta = {
            "image/png": {"width": self.wide.width, "height": self.wide.height},
            METADATA_KEY: self.metadata(),
        }
        return data, meta


def _png_size(png: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk
    return width, height


def _render(fig: Figure, width_px: int) -> Rendering:
    """Lay the figure out for ``width_px``, draw it at :data:`DENSITY` and measure what was drawn."""
    import io

    from aidlib.analysis import layout
    from aidlib.analysis.chart_check import measure

    dpi = fig.get_dpi()
    fig.set_dpi(96 * DENSITY)  # laid out, drawn and measured at the density of the PNG
    try:
        layout.fit(fig, width_px)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=96 * DENSITY, metadata={"Software": None})
        found = measure(fig)
    finally:
        fig.set_dpi(dpi)
    png = buf.getvalue()
    width, height = _png_size(png)
    return Rendering(png, round(width / DENSITY), round(height / DENSITY), found.outside, found)


def smallest_text_px(fig: Figure) -> float:
    """The size of the smallest visible text in a figure, in CSS pixels (1 pt = 96/72 px)."""
    from matplotlib.text import Text

    sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    return round(min(sizes, default=0.0) * 96 / 72, 2)


# Where a chart's numbers come from when publish is given no source=: the study's own
# source, said once (set_chart_source). The library names no study's outlet itself.
_chart_source = ""


def set_chart_source(source: str) -> None:
    """Say once where a study's charts take their numbers from, as a reader names it.

    A notebook sets it in its first code cell (``aidlib.set_chart_source("南方农村报 (2023)")``):
    every chart :func:`publish` then gets that source line unless given ``source=``. Name
    outlets and years, never files. ``""`` unsets it.

    Examples:
        >>> set_chart_source("南方农村报 (2023)"); chart_source()
        '南方农村报 (2023)'
        >>> set_chart_source(""); chart_source()
        ''
    """
    global _chart_source
    text = " ".join(str(source).split())
    if re.search(r"\.(csv|tsv|json)\b|(^|\s)data/", text):
        raise ValueError(f"set_chart_source: {text!r} names a file; name the outlet and year a reader knows")
    _chart_source = text


def chart_source() -> str:
    """The source line charts get by default (:func:`set_chart_source`; ``""`` when unset)."""
    return _chart_source


def _figure_of(chart: Axes | list[Axes] | Figure) -> Figure:
    """The figure a chart is drawn on: a chart's Axes, a list of its panels' Axes, or the Figure."""
    if hasattr(chart, "savefig"):
        return chart
    return (chart[0] if isinstance(chart, list | tuple) else chart).get_figure()


def describe_chart(chart: Axes | list[Axes] | Figure) -> str:
    """Alt text read off a chart: each panel's title, then every value written on it.

    Examples:
        >>> import pandas as pd
        >>> from aidlib.analysis.plotting import interval_chart
        >>> rows = pd.DataFrame({"label": ["x", "y"], "low": [1.0, 2.0], "high": [3.0, 2.0],
        ...                      "text": ["1–3", "2"]})
        >>> describe_chart(interval_chart(rows, title="Two things"))
        'Two things: x 1–3; y 2.'
    """
    from aidlib.analysis.plotting import chart_text

    fig = _figure_of(chart)
    parts = []
    for ax in fig.axes:
        if not ax.get_visible() or not (ax.texts or ax.patches or ax.lines):
            continue
        rows = chart_text(ax)
        values = "; ".join(
            f"{label} {text}".strip() for label, text in zip(rows["label"], rows["text"], strict=True)
        )
        title = " ".join(ax.get_title().split())  # as one line, however the chart wraps it
        parts.append(f"{title}: {values}" if title and values else title or values)
    return " | ".join(p for p in parts if p).strip() + "."


def figures_source(rows: pd.DataFrame, figures: pd.DataFrame | None = None) -> str:
    """The source line of a chart of cited figures: their outlets, each with its year of publication.

    ``rows`` has a ``figure_id`` column (:func:`aidlib.series`, :func:`aidlib.compare`).
    A figure whose date is not known is named with ``n.d.`` (no date).
    """
    from aidlib.data.figures import load_figures

    figures = load_figures() if figures is None else figures
    chosen = figures[figures["figure_id"].isin(set(rows["figure_id"]))]
    outlets = sorted(
        {f"{o} ({str(d)[:4]})" for o, d in zip(chosen["outlet"], chosen["published"], strict=True)}
    )
    return "; ".join(outlets)


def _titles_to_caption(fig: Figure) -> tuple[str, list]:
    """The chart's title, said once in the caption: hide it on the image; return it and what to show again.

    One titled panel gives its title; several give the figure's title, or their titles joined.
    """
    titled = [ax.title for ax in fig.axes if ax.get_title()]
    suptitle = fig.get_suptitle()
    figure_title = [t for t in fig.texts if suptitle and t.get_text() == suptitle and t.get_visible()]
    if figure_title:
        hidden = figure_title
    elif len(titled) == 1:
        hidden = titled
    else:
        return "; ".join(" ".join(t.get_text().split()) for t in titled), []
    for t in hidden:
        t.set_visible(False)
    return " ".join(hidden[0].get_text().split()), hidden


def _name(caption: str) -> str:
    one = " ".join(caption.split())
    return repr(one if len(one) <= 60 else one[:59] + "…")


def render(
    chart: Axes | list[Axes] | Figure,
    caption: str | None = None,
    source: str | None = None,
    alt: str | None = None,
    check: bool = True,
) -> Chart:
    """Render a finished chart for the report without displaying it (the figure is closed).

    Args:
        chart: the Axes a plotting function returned (a list of them for panels), or a Figure.
        caption: a sentence under the chart; default its title (then left off the image, said once).
        source: where its numbers come from, named by outlet and year; default the study's own
            (:func:`set_chart_source`). Charts of cited figures name their outlets
            (:func:`figures_source`).
        alt: what the chart shows and its main numbers, for a reader who cannot see it; default
            read off the chart (:func:`describe_chart`).
        check: refuse a chart a reader could not read (see :mod:`aidlib.analysis.chart_check`);
            False only to look at one that fails (each rendering keeps its measure).

    Raises:
        ValueError: no caption and no title, alt text that says nothing, or no source (none given
            and none set).
        ChartError: at one of the widths the chart fails the check; the message, one line,
            names the chart, the width and the first problem.
    """
    import matplotlib.pyplot as plt

    fig = _figure_of(chart)
    alt = alt if alt is not None else describe_chart(fig)
    if caption is None and not any(ax.get_title() for ax in fig.axes):
        raise ValueError("publish: give a caption, or a title on the chart")
    if not alt.strip() or alt.strip().lower().rstrip(".") in _EMPTY_ALT or not re.search(r"\d", alt):
        raise ValueError(
            f"publish: alt text {alt!r} says nothing; say what the chart shows and its main numbers"
        )
    source = (source or _chart_source).strip()
    if not source:
        raise ValueError(
            "publish: say where the chart's numbers come from: source=..., or once per notebook "
            "aidlib.set_chart_source('outlet (year)')"
        )
    from aidlib.analysis import layout

    size = fig.get_size_inches().copy()
    title, hidden = _titles_to_caption(fig) if caption is None else ("", [])
    caption = caption if caption is not None else title
    fig.set_layout_engine("constrained")  # labels fit inside each width
    try:
        narrow = _render(fig, NARROW_PX)
        wide = _render(fig, WIDE_PX)  # last: the chart is left laid out for a desktop, as drawn
        smallest = smallest_text_px(fig)
    finally:
        for t in hidden:
            t.set_visible(True)
        if abs(size[0] * 96 - WIDE_PX) > 0.5:
            layout.fit(fig, size[0] * 96)
        fig.set_size_inches(size)
        plt.close(fig)
    if check:
        for rendering in (wide, narrow):
            problems = rendering.measure.problems() if rendering.measure else []
            if problems:
                more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
                raise ChartError(
                    f"publish: chart {_name(caption)} at {rendering.width} px: {problems[0]}{more}"
                )
    if not source.lower().startswith("source"):
        source = f"Source: {source}"
    return Chart(wide, narrow, alt.strip(), caption.strip(), source, smallest)


def _in_notebook() -> bool:
    """Whether this runs in a Jupyter kernel (JupyterLab, nbconvert, nbval), not a script or a shell."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover  (IPython comes with the notebooks' dependencies)
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def publish(
    chart: Axes | list[Axes] | Figure,
    caption: str | None = None,
    source: str | None = None,
    alt: str | None = None,
    *,
    path: str | Path | None = None,
) -> Chart | None:
    """Show a chart as the report will show it, with its caption and source; see :func:`render`.

    In a notebook the chart is displayed (the figure, its caption and source line) and
    nothing is returned. Anywhere else nothing is printed and the :class:`Chart` is
    returned. With ``path``, the desktop rendering is also written there as a PNG.

    Raises:
        ValueError: as :func:`render`.
        ChartError: as :func:`render`: the chart is refused.
    """
    rendered = render(chart, caption, source, alt)
    if path is not None:
        rendered.save(path)
    if _in_notebook():
        from IPython.display import display

        display(rendered)
        return None
    return rendered
