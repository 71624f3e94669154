"""The bar's scan itself (tests/reader_text.py): what counts as visible, and what it finds there."""

from __future__ import annotations

import pytest
from reader_text import internals, slips, visible_text


def _page(body: str, title: str = "A page") -> str:
    return f"<html><head><title>{title}</title><style>.x_y{{}}</style></head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("<p>Source: 南方农村报 (2023), in data/metrics.csv</p>", [("file path", "data/metrics.csv")]),
        ("<p>see cited_figures.tsv</p>", [("file name", "cited_figures.tsv")]),  # one place, not two kinds
        ("<p><b>Rerun.</b> <code>make report</code></p>",
         [("rerun line", "Rerun"), ("make target", "make report")]),
        ("<p>computed by aidlib.indicators</p>", [("Python name", "aidlib.indicators")]),
        ("<pre>quantities not curated: []</pre>", [("Python repr", "[]")]),
        ("<td>{'gbk_shift': 7}</td>", [("Python repr", "{'"), ("column name", "gbk_shift")]),
        ("<td>nan</td><td>None</td>", [("Python repr", "nan"), ("Python repr", "None")]),
        ("<p>(`conflicts_with`)</p>", [("column name", "conflicts_with")]),
        ("<td>2023-01/2023-09</td><td>2010/2019-09</td>", [("raw period", "2023-01/2023-09"),
                                                          ("raw period", "2010/2019-09")]),
        ("<td>2025, 2025</td>", [("period said twice", "2025, 2025")]),
        ("<td>BCA</td>", [("grades run together", "BCA")]),
        ("<small>Kashgar · trade growth · jan sep</small>", [("id words", "jan sep")]),
        ("<small>five year</small>", [("id words", "five year")]),
        # allowed: the ids-and-formula toggle, the data page's ids, a download's file name
        ("<details class=ids><summary>ids and formula</summary>share.itemized = a_b / c</details>", []),
        ("<small class=id>南方农村报 (2023) · <code>trade.value_jan_sep</code> · trade</small>", []),
        ("<a href='data/metrics.csv' download>metrics.csv</a> the curated metrics", []),
        # words that only look like internals
        ("<p>Jan–Sep 2023; 2016–2020; a repost (B) and an original page (A); 5 teams may pay</p>", []),
    ],
)
def test_the_scan_finds_each_internal_once_and_allows_the_id_places(body, found):
    assert internals(_page(body)) == found


def test_visible_text_is_the_title_the_body_and_the_alt_text():
    text = visible_text(_page("<p>Prose</p><script>var x_y = [];</script><img alt='A chart: 3 bars.'>", "T"))
    assert text.split("\n") == ["T", "Prose", "A chart: 3 bars."]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("≤ 1,606 yuan per household at most", [("hedged twice", "≤ 1,606 yuan per household at most")]),
        ("at least ≥ 40,000 households", [("hedged twice", "at least ≥ 40,000")]),
        ("131 establishments satellite factories", [("two count nouns", "131 establishments satellite")]),
        ("It states 1 figures", [("a count of 1 in the plural", "1 figures")]),
        ("≥ at least, ≤ at most, ≈ about", []),  # the key to the signs, not a value
        ("131 establishments in 2023; 1 of them restates; 2,846 people employed; 1.5 times", []),
    ],
)
def test_the_scan_reads_generated_english(sentence, found):
    assert slips(_page(f"<p>{sentence}</p>")) == found
