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
import struct
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
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
    fig.savefig(buf, format="png", dpi=96 * DENSITY, metadata={"Software": None})
    clipped = _clipped_text(fig)
    fig.set_size_inches(w, h)
    png = buf.getvalue()
    width, height = _png_size(png)
    return Rendering(png, round(width / DENSITY), round(height / DENSITY), clipped)


def _clipped_text(fig: Figure) -> tuple[str, ...]:
    """Where the drawn content reaches past the figure's edges (a legend too wide for a phone)."""
    renderer = fig.canvas.get_renderer()
    drawn, box = fig.get_tightbbox(renderer), fig.bbox_inches
    over = {
        "left": box.x0 - drawn.x0, "right": drawn.x1 - box.x1,
        "bottom": box.y0 - drawn.y0, "top": drawn.y1 - box.y1,
    }  # fmt: skip
    return tuple(f"{side} by {inches * 96:.0f} px" for side, inches in over.items() if inches * 96 > 2)


def smallest_text_px(fig: Figure) -> float:
    """The size of the smallest visible text in a figure, in CSS pixels (1 pt = 96/72 px)."""
    from matplotlib.text import Text

    sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    return round(min(sizes, default=0.0) * 96 / 72, 2)


def render(chart: Axes | Figure, alt: str, caption: str, source: str) -> Chart:
    """Render a finished chart for the report without displaying it (the figure is closed).

    Args:
        chart: the Axes a plotting function returned, or a Figure.
        alt: what the chart shows and its main numbers, for a reader who cannot see it.
        caption: one sentence under the chart: what to read in it.
        source: where its numbers come from (the report, or the cited outlets).

    Raises:
        ValueError: alt text, caption or source is missing, or the alt text says nothing.
    """
    import matplotlib.pyplot as plt

    for name, text in (("alt", alt), ("caption", caption), ("source", source)):
        if not text or not text.strip():
            raise ValueError(f"publish: {name} is empty; every chart needs alt text, a caption and a source")
    if alt.strip().lower().rstrip(".") in _EMPTY_ALT:
        raise ValueError(
            f"publish: alt text {alt!r} says nothing; say what the chart shows and its main numbers"
        )
    fig = chart if hasattr(chart, "savefig") else chart.get_figure()
    fig.set_layout_engine("constrained")  # labels fit inside each width
    wide, narrow = _render(fig, WIDE_PX), _render(fig, NARROW_PX)
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


def publish(chart: Axes | Figure, alt: str, caption: str, source: str) -> None:
    """Show a chart in the notebook as the report will: see :func:`render` for the arguments."""
    from IPython.display import display

    display(render(chart, alt, caption, source))
