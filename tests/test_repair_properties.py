"""Repair never raises, is idempotent and keeps its offset map, on damage-like text.

The alphabets mix what the published report holds (GBK mojibake after ``?``,
pinyin annotations, tags, doubled punctuation, both scripts) with what it could
hold: lone surrogates and numeric character references, valid or not.
"""

from __future__ import annotations

import pytest
from growth import assert_linear
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aidlib.text.mojibake import LOST
from aidlib.text.normalizer import normalize, normalize_text

_TOKENS = [
    # mojibake and its evidence
    "?", "?shù)", "shù)", "?guó)", "t(yī)", "(dāng)", "\ufffd", ";",
    # pinyin annotations
    "(shí)", "(zhōng)", "（shí）", "(WHO)", "(", ")",
    # tags and entities, whole and in pieces
    "<br>", "</p>", "/p>", "<p class='x'>", "<", ">", "br>", "&", "amp;", "lt;", "&amp;", "&lt;", "&gt;",
    "&nbsp;", "&#38;", "&#63;", "&#60;", "&#0;", "&#55357;", "&#56832;", "&#57343;", "&#99999999;",
    "&#1114112;", "&#20013;", "&#65533;", "&#x4E2D;", "&#xD83D;", "&#x110000;", "&#x26;", "&#X3b;",
    "<!--", "-->", "<script>", "</script>", "<style>", "</style>", "</p", "</b",
    # byte-order mark and zero-width characters
    "\ufeff", "\u200b", "\u200c", "\u200d", "\u2060",
    # punctuation, spaces, numbers
    ",", ",,", "，", "。", "、", ":", " ", "\u3000", "\n", "1", "200", ".", "%",
]  # fmt: skip
_HANZI = list("當地群眾交國家實施中數厝罕娊億萬元亿万国当数众蒯絿ㄔO規設模化建醫療師教")
_SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)

damaged = st.lists(
    st.one_of(st.sampled_from(_TOKENS), st.sampled_from(_HANZI), _SURROGATES, st.characters()),
    max_size=30,
).map("".join)

# Cases found broken (the issue, then hypothesis). Odd rows say why.
IDEMPOTENT_CASES = [
    "a?<br>/p>b",  # removing <br> joins "?" and "/p>", a tag that lost its "<"
    "&amp;amp;",  # escaped twice: one repair, to "&"
    "<<br>br>",  # removing the inner tag spells an outer one
    "中(zhōng)(zhōng)",  # annotated twice
    "當(shí)(shí)",  # annotated twice, then t2s
    "?shù)厝罕娊億元",  # was retried after t2s (億→亿) and read 亿元 as 揭谠
    "&lt;br>",  # an entity spells a tag
    "&#38;amp;",  # a numeric "&" starts another entity
    "&#63;shù)厝罕娊",  # a numeric "?" starts a GBK run
    "中&#40;zhōng&#41;",  # numeric parentheses around pinyin
    "投入&#55357;&#56832;",  # references to surrogates
    "&#63;/p>/p>/p>",  # each pass uncovers one more tag: found by hypothesis
    "&#x26;amp;",  # a hex "&" starts another entity
    "&#x26;#x4E2D;",
    "<!<!-- x -->-- y -->",  # removing the inner comment spells an outer one
    "中</b</p",  # removing the cut tag at the end cuts another
    "中(zhōng)(guó)国",  # a second annotation that is no reading: left, and stays left
    "中 \u200b 国",  # a zero-width space between spaces
]


@pytest.mark.parametrize("raw", IDEMPOTENT_CASES)
def test_listed_cases_are_idempotent(raw):
    once = normalize_text(raw)
    assert normalize_text(once) == once


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("投入&#55357;", "投入" + LOST),  # a surrogate reference names no character
        ("投入\ud83d", "投入" + LOST),  # a lone surrogate
        ("a\ud83d\ude00b", "a\U0001f600b"),  # a surrogate pair is its character
        ("&#99999999;元", LOST + "元"),  # past U+10FFFF
        ("&#0;", LOST),
        ("&#20013;&#22283;", "中国"),  # valid references decode, then t2s
        ("&amp;amp;", "&"),
        ("<b title='&amp;'>x", "x"),  # an entity inside a tag goes with the tag (it raised)
        ("中(zhōng)(zhōng)", "中"),
        ("?shù)厝罕娊億元", LOST + "厝罕娊亿元"),  # evidence of a lost character, run left alone
    ],
)
def test_surrogates_references_and_repeats(raw, expected):
    assert normalize_text(raw) == expected


# Fresh-eyes cases: each row was silently wrong before (odd rows say why).
@pytest.mark.parametrize(
    ("raw", "expected", "kinds"),
    [
        ("&#x4E2D;国", "中国", {"html": 1}),  # hex references were left, and ";" became "；"
        ("&#X4e2d;", "中", {"html": 1}),
        ("投入&#xD83D;", "投入" + LOST, {"html": 1}),  # a surrogate, as &#55357;
        ("&#x110000;元", LOST + "元", {"html": 1}),  # past U+10FFFF
        ("&#x0000000000041;", "A", {"html": 1}),  # leading zeros are fine
        ("&#x26;lt;", "<", {"html": 1}),  # escaped twice, the first time in hex
        ("<p>中国</p", "中国", {"html": 2}),  # a closing tag cut at the end of the text
        ("中国</p\n人民", "中国人民", {"html": 1}),  # ... or of a line: split the sentence, as </p>
        ("中国。</div\n人民", "中国。\n人民", {"html": 1}),  # after a full stop the break stays
        ("a</pre", "a</pre", {}),  # not a known tag: left
        ("a</p x", "a</p x", {}),  # no end of text or line after the name: left
        ("中<!-- 注释 <p> -->国", "中国", {"html": 1}),  # a comment, with the tag inside it
        ("中<!-- 未闭合", "中<!-- 未闭合", {}),  # never closed: left
        ("中<script>var a = '<b>';</script>国", "中国", {"html": 1}),
        ("中<STYLE type='x'>p {}</style >国", "中国", {"html": 1}),
        ("\ufeff中国", "中国", {"spacing": 1}),  # a byte-order mark
        ("中\u200b国\u200c人\u200d民\u2060", "中国人民", {"spacing": 4}),  # zero-width characters
        ("中(zhōng)(zhōng)国", "中国", {"pinyin": 1}),  # annotated twice: both go
        ("重(zhòng)(chóng)要", "重要", {"pinyin": 1}),  # a second reading of the same character
        ("中(zhōng)(guó)国", "中(zhōng)(guó)国", {}),  # guó is no reading of 中: left alone (was 中国)
    ],
)
def test_fresh_eyes_repairs(raw, expected, kinds):
    n = normalize(raw)
    assert n.text == normalize_text(raw) == expected
    assert {k: v for k, v in n.counts().items() if v} == kinds


def test_counts_list_no_new_kind():
    assert list(normalize("\ufeff中\u200b国").counts()) == [
        "gbk_shift", "html", "pinyin", "punctuation", "spacing", "t2s",
    ]  # fmt: skip


def test_surrogates_are_recorded_as_repairs():
    n = normalize("甲\udc00乙&#55357;")
    assert n.text == "甲" + LOST + "乙" + LOST
    assert [(r.kind, r.before, r.after) for r in n.repairs] == [
        ("surrogate", "\udc00", LOST),
        ("html", "&#55357;", LOST),
    ]
    assert n.counts()["surrogate"] == 1


def test_counts_lists_surrogate_only_when_there_was_one():
    assert "surrogate" not in normalize("落實(shí)").counts()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged)
def test_never_raises_and_is_idempotent(raw):
    once = normalize_text(raw)
    assert normalize_text(once) == once


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged)
def test_normalize_agrees_with_normalize_text_and_maps_back(raw):
    n = normalize(raw)
    assert n.text == normalize_text(raw)
    assert not any("\ud800" <= ch <= "\udfff" for ch in n.text)
    assert len(n.starts) == len(n.ends) == len(n.text)
    for i in range(len(n.text)):
        assert 0 <= n.starts[i] < n.ends[i] <= len(raw)
        if i:
            assert n.starts[i - 1] <= n.starts[i] and n.ends[i - 1] <= n.ends[i]
    for r in n.repairs:
        assert 0 <= r.raw_start < r.raw_end <= len(raw)
    if n.text:
        start, end = n.raw_span(0, len(n.text))
        assert 0 <= start < end <= len(raw)


# st.text would drop the surrogates: join a list of characters instead.
@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_SURROGATES, st.characters()), max_size=40).map("".join))
def test_any_text_with_surrogates(raw):
    once = normalize_text(raw)
    assert not any("\ud800" <= ch <= "\udfff" for ch in once)
    assert normalize_text(once) == once


# ---- time: linear, shown by a ratio of CPU times (tests/growth.py), never a wall-clock limit ----
def test_many_repaired_question_marks():
    """Each repaired "?" was searched back from offset 0: 16,000 spans ran past 20 s."""
    snippet = "當(dāng)?shù)厝罕娗猩砀惺艿絿?guó)家。"
    assert normalize_text(snippet * 1_000) == "当地群众切身感受到国家。" * 1_000
    assert_linear(lambda: normalize_text(snippet * 500), lambda: normalize_text(snippet * 2_000), 4, 12)


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "中<!--" * n,  # an unclosed comment: its end is searched for once, not once per opening
        lambda n: "<style>a" * n,  # an unclosed block
        lambda n: "<script>" * n + "</p" * n,  # openings, then closing tags cut short
    ],
    ids=["comment", "style", "script-then-cut-tags"],
)
def test_unclosed_comments_and_scripts_are_linear(make):
    small, large = make(1_000), make(4_000)
    assert_linear(lambda: normalize_text(small), lambda: normalize_text(large), 4, 12)


def test_an_unclosed_comment_is_kept():
    assert normalize_text("中<!--" * 1_000) == "中<!--" * 1_000


def test_deep_nesting_is_bounded():
    """Each nesting level costs a pass; passes are capped, so time stays linear."""
    assert normalize_text("<" * 20 + "br>" * 20) == ""  # within the cap: a fixed point
    assert_linear(
        lambda: normalize_text("<" * 1_000 + "br>" * 1_000),
        lambda: normalize_text("<" * 4_000 + "br>" * 4_000),
        4,
        12,
    )
