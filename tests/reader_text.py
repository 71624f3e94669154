"""The bar's scan: what a reader of the report's pages sees, and the internals that must not be in it.

**Visible text** is what a page puts before a reader's eyes or ears: every text node of
``<body>`` (prose, tables, captions, chart source lines, navigation, footer), the page's
``<title>`` and each image's alt text (read aloud in place of the chart). Left out, as
places where ids belong by design:

- the *ids and formula* toggles (``<details class=ids>``), closed until a reader asks;
- the ids themselves on the data page (the ``<code>`` of each row's ``small.id`` line;
  the rest of that line, source, theme, subject, measure, basis, is prose and scanned);
- the text of download links (``<a download>``): a reader downloads a file by its name;
- ``<script>`` and ``<style>``.

:func:`internals` lists every internal found, as ``(kind, text)``: file paths and file
names, make targets, Python names (``aidlib.x``), Python reprs (``[]``, ``{'``, ``nan``,
``None``, ``True``), column-name tokens with underscores, raw periods (``2023-01/2023-09``),
a period said twice (``2025, 2025``), grades run together (``BCA``), month abbreviations
of an id (``jan sep``) and the notebooks' *Rerun* lines.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

_MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
# (kind, pattern): each match in the visible text is one internal.
PATTERNS = (
    ("file path", re.compile(r"(?<![\w/])(?:data|notebooks|src|docs|reports)/[\w./-]*")),
    ("file name", re.compile(r"\b[\w-]+\.(?:csv|tsv|json|ipynb|py|txt|zip|md)\b")),
    ("make target", re.compile(r"\bmake [a-z]+\b")),
    ("Python name", re.compile(r"\baidlib\.[a-z_]+")),
    ("Python repr", re.compile(r"\[\]|\{'|\bnan\b|\bNaN\b|\bNone\b|\bTrue\b|\bFalse\b|\bdtype\b")),
    ("column name", re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b")),
    ("raw period", re.compile(r"\b\d{4}(?:-\d{2})?/\d{4}(?:-\d{2})?\b|\b\d{4}-\d{2}/|/\d{4}-\d{2}\b")),
    ("period said twice", re.compile(r"\b(\d{4}), \1\b")),
    ("grades run together", re.compile(r"\b[ABC]{2,}\b")),
    ("id words", re.compile(rf"\b{_MONTH} {_MONTH}\b|\bfive year\b")),
    ("rerun line", re.compile(r"\bRerun\b")),
)


def visible_text(html: str) -> str:
    """The text a reader of the page sees or hears (see the module's docstring), one block a line."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(["script", "style", "template"]):
        tag.decompose()
    for tag in soup.select("details.ids, small.id code, a[download]"):
        tag.decompose()
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    alts = [img.get("alt", "") for img in soup.find_all("img")]
    body = soup.body or soup
    return "\n".join([title, body.get_text("\n", strip=True), *alts])


def internals(html: str) -> list[tuple[str, str]]:
    """Every internal in the page's visible text, as (kind, the text found), each place once.

    A place two patterns find (``data/metrics.csv`` is a path and a file name) counts once,
    as the first kind of :data:`PATTERNS`.
    """
    text = visible_text(html)
    found = sorted(
        ((m.start(), m.end(), order, kind, m.group(0))
         for order, (kind, pattern) in enumerate(PATTERNS) for m in pattern.finditer(text)),
        key=lambda f: (f[0], f[2]),
    )  # fmt: skip
    places, end = [], -1
    for start, stop, _, kind, matched in found:
        if start >= end:
            places.append((kind, matched))
            end = stop
        else:
            end = max(end, stop)
    return places


_NUMBER = r"\d[\d,.]*(?:万|亿)?"
_HEDGE = "at most|at least|about|or more|or less"
_LINK = "(?:in|of|per|from|at|on|for|and|or)"  # a count noun may be followed by these
# Prose built from data that does not read as English: (kind, pattern).
SLIPS = (
    # "≤ 1,606 yuan per household at most": the sign and the words say the bound twice
    ("hedged twice", re.compile(rf"[≤≥≈]\s?{_NUMBER}(?: [\w-]+){{0,5}} (?:{_HEDGE})\b")),
    ("hedged twice", re.compile(rf"\b(?:at most|at least|about|over|nearly) [≤≥≈]\s?{_NUMBER}")),
    # "131 establishments satellite factories": a count with two nouns
    ("two count nouns", re.compile(rf"\b{_NUMBER} (?:establishments|units|items) (?!{_LINK}\b)[a-z]+")),
    ("two count nouns", re.compile(rf"\b{_NUMBER} [a-z]+s [a-z]+(?:ies|s)\b")),
    ("a count of 1 in the plural", re.compile(r"(?<![\d.,])\b1 (?!(?:in|of|per)\b)[a-z]+s\b(?<!ss)")),
)


def slips(html: str) -> list[tuple[str, str]]:
    """Every slip of generated English in the page's visible text, as (kind, the text found)."""
    text = visible_text(html)
    return [(kind, m.group(0)) for kind, pattern in SLIPS for m in pattern.finditer(text)]


def scan(folder: Path, check=internals) -> dict[str, list[tuple[str, str]]]:
    """What ``check`` finds on every page of a report folder, by page (pages without any left out)."""
    found = {p.name: check(p.read_text(encoding="utf-8")) for p in sorted(Path(folder).glob("*.html"))}
    return {name: hits for name, hits in found.items() if hits}


if __name__ == "__main__":  # python tests/reader_text.py REPORT_DIR [slips]: the scan, page by page
    import sys

    total = 0
    for name, hits in scan(Path(sys.argv[1]), slips if sys.argv[2:] == ["slips"] else internals).items():
        total += len(hits)
        print(f"{name}: {len(hits)}")
        for kind, text in hits:
            print(f"    {kind}: {text!r}")
    print(f"{total} found")
