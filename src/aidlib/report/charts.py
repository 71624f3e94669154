"""A published chart as HTML: one ``<figure>`` with its phone and desktop renderings and its caption.

Used by the notebook pages (:mod:`aidlib.report.site`) and the sources' pages
(:mod:`aidlib.report.source_pages`), so neither imports the other.
"""

from __future__ import annotations

import html

esc = html.escape


def chart_html(wide_uri: str, wide: tuple[int, int], meta: dict) -> str:
    """A chart as a ``<figure>``: a ``<picture>`` choosing the phone or desktop rendering, the caption."""
    narrow_uri = "data:image/png;base64," + meta["narrow"]
    clipped = f" data-clipped='{esc('; '.join(meta['clipped']))}'" if meta.get("clipped") else ""
    return (
        "<figure class=chart><picture>"
        f"<source media='(max-width: 40rem)' srcset='{narrow_uri} 2x' "
        f"width={meta['narrow_width']} height={meta['narrow_height']}>"
        f"<img src='{wide_uri}' srcset='{wide_uri} 2x' width={wide[0]} height={wide[1]} "
        f"alt='{esc(meta['alt'])}' data-min-text-px={meta['min_text_px']}{clipped}></picture>"
        f"<figcaption>{esc(meta['caption'])} <small class=source>{esc(meta['source'])}</small></figcaption>"
        "</figure>"
    )


def rendered_chart_html(chart) -> str:
    """The ``<figure>`` of a :class:`aidlib.analysis.publish.Chart` drawn by the report itself."""
    return chart_html(chart.wide.data_uri, (chart.wide.width, chart.wide.height), chart.metadata())
