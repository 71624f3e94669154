"""Text repair: one table of cases per step, the bundled source, and properties."""

from __future__ import annotations

import re

import pytest
from conftest import shift_damage
from hypothesis import given, settings
from hypothesis import strategies as st

from aidlib.text.edits import Edit, apply_mapped, apply_text, identity_map
from aidlib.text.mojibake import LOST, find_shift_edits
from aidlib.text.normalizer import normalize, normalize_text
from aidlib.text.repairs import (
    html_edits,
    is_pinyin,
    pinyin_edits,
    punctuation_edits,
    script_spans,
    spacing_edits,
)


def run_step(step, text):
    return apply_text(text, sorted((e.start, e.end, e.after) for e in step(text)))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("落實(shí)黨的", "落實黨的"),
        ("綠(lǜ)色", "綠色"),  # ü with a tone mark
        ("綠(lv)色", "綠色"),  # ü typed as v, no tone
        ("實（shí）施", "實施"),  # full-width parentheses
        ("(9月19日无人机摄)", "(9月19日无人机摄)"),  # a real parenthetical
        ("2023(中國)亞歐", "2023(中國)亞歐"),  # CJK inside: not pinyin
        ("世界衛生組織(WHO)", "世界衛生組織(WHO)"),  # uppercase Latin acronym
        ("見附件(abc)", "見附件(abc)"),  # lowercase, but not a syllable
        ("(shí)開頭", "(shí)開頭"),  # no CJK character before it
    ],
)
def test_pinyin_step(raw, expected):
    assert run_step(pinyin_edits, raw) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("shí", True), ("zhuāng", True), ("nǚ", True), ("er", True), ("WHO", False), ("xyz", False)],
)
def test_is_pinyin(word, expected):
    assert is_pinyin(word) is expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("情誼深,。", "情誼深。"),
        ("之年,,是", "之年，是"),
        ("民生援疆,、產業", "民生援疆、產業"),
        ("補貼等,;圍繞", "補貼等；圍繞"),
        ("所能,2023年", "所能，2023年"),  # a lone ASCII comma after CJK
        ("注:見下", "注：見下"),
        ("共1,200.5元", "共1,200.5元"),  # thousands separator stays
        ("10:13:51發布", "10:13:51發布"),  # a time stays
        ("Hello, world", "Hello, world"),  # Latin text stays
        ("好，，的", "好，的"),  # doubled full-width comma
        ("(中國),亞歐", "(中國)，亞歐"),
    ],
)
def test_punctuation_step(raw, expected):
    assert run_step(punctuation_edits, raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("群眾交</p>\n口稱贊", "群眾交口稱贊"),  # a tag split the sentence
        ("結束。</p>\n下一段", "結束。\n下一段"),  # a real paragraph end keeps its break
        ("娊?/p>\n口", "娊?口"),  # "<" swallowed by the mojibake "?"
        ("a<br/>b<span class='x'>c</span>", "abc"),
        ("A&amp;B&nbsp;C", "A&B C"),
        ("1 < 2 > 0", "1 < 2 > 0"),  # comparison signs are not tags
        ("a<!-- x -->b", "ab"),  # a comment goes with its contents
        ("a<SCRIPT>x()</script>b", "ab"),  # block names in any ASCII case
        ("a<style type='t'>p{}</STYLE>b", "ab"),
        # "ſ" (U+017F) folds to "s" under Unicode case folding: not a script block, with
        # or without another "<s" in the text (that once raised KeyError)
        ("a<ſcript>x</script>b", "a<ſcript>x</script>b"),
        ("<span>a<ſcript>x</script>b", "a<ſcript>x</script>b"),
    ],
)
def test_html_step(raw, expected):
    assert run_step(html_edits, raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("投入 6423 萬元", "投入6423萬元"),
        ("項目 22 大項 47 小項", "項目22大項47小項"),
        ("增長 70% 以上", "增長70%以上"),
        ("the UN report", "the UN report"),  # spaces between Latin words stay
        ("2023 年 8 月", "2023年8月"),
    ],
)
def test_spacing_step(raw, expected):
    assert run_step(spacing_edits, raw) == expected


# Byte-shifted GBK spans. The first five are from the published report; the
# synthetic ones are made by tests/conftest.py::shift_damage the same way.
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("當(dāng)?shù)厝罕娊?/p>", "當地群眾" + LOST + "/p>"),  # 交's trail byte is lost
        ("當(dāng)?shù)厝罕娗猩砀惺艿絿?guó)家", "當地群眾切身感受到國家"),  # 0x87 + guó = 國
        ("當(dāng)?shù)蒯t(yī)療", "當地醫(yī)療"),  # trail survived as ASCII "t"
        ("規(guī)?;ㄔO(shè)", "規(guī)" + LOST + "設(shè)"),  # 模化建 lost: not guessed
        ("當(dāng)?shù)亟處?1700", "當地教" + LOST + "1700"),  # 師 lost before a digit
        (shift_damage("當", "地人民"), "當地人民"[:-1] + LOST),
        (shift_damage("當", "地人民", next_reading=True), "當地人民"),
        ("你好?我很好", "你好?我很好"),  # a real question mark is left alone
        ("什麼?", "什麼?"),
    ],
)
def test_gbk_shift_step(raw, expected):
    assert run_step(find_shift_edits, raw) == expected


def test_gbk_shift_never_guesses_an_undetermined_character():
    # 師 (8E 9F) lost its trail byte: many characters start with 0x8E.
    edits = find_shift_edits("當(dāng)?shù)亟處?1700")
    assert edits[0].after.endswith(LOST)


def test_edit_rejects_empty_span():
    with pytest.raises(ValueError, match="non-empty"):
        Edit(3, 3, "x", "pinyin")


def test_overlapping_edits_are_refused():
    with pytest.raises(ValueError, match="overlapping edits at offset 1"):
        apply_text("abcd", [(0, 2, "x"), (1, 3, "y")])
    with pytest.raises(ValueError, match="overlapping edits at offset 1"):
        apply_mapped("abcd", [(0, 2, "x"), (1, 3, "y")], *identity_map(4))


# ---- the bundled source ------------------------------------------------------
@pytest.mark.parametrize(
    "phrase",
    ["当地群众切身感受到国家援疆政策", "解决当地医疗卫生难点", "当地干部群众到疆内外"],
)
def test_source_phrases_rebuilt(clean, phrase):
    assert phrase in clean.text


def test_source_teacher_count_keeps_at_most_one_mark(clean):
    assert re.search(r"累计培训当地教.?1700余人次", clean.text)


def test_source_has_no_damage_left(clean):
    text = clean.text
    assert "?" not in text
    assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)", text), "pinyin left"
    assert not re.search(r"[,，、;；。]{2,}", text), "doubled punctuation left"
    assert "<" not in text and "/p>" not in text
    assert re.search(r"[\u4e00-\u9fff],|,[\u4e00-\u9fff]", text) is None


def test_source_every_question_mark_is_repaired_or_marked(clean, raw_text):
    gbk = [r for r in clean.repairs if r.kind == "gbk_shift"]
    covered = sum(raw_text[r.raw_start : r.raw_end].count("?") for r in gbk)
    assert covered == raw_text.count("?") == 11
    assert clean.text.count(LOST) == sum(r.after.count(LOST) for r in gbk) == 3


def test_source_repair_counts(clean):
    assert clean.counts() == {
        "gbk_shift": 7, "html": 1, "pinyin": 467, "punctuation": 182, "spacing": 157, "t2s": 971,
    }  # fmt: skip


def test_source_clean_text_is_a_fixed_point(clean):
    assert normalize_text(clean.text) == clean.text


def test_repairs_map_back_to_raw(clean, raw_text):
    for r in clean.repairs:
        assert 0 <= r.raw_start < r.raw_end <= len(raw_text)
        if r.kind == "gbk_shift":  # the first step sees the raw text itself
            assert raw_text[r.raw_start : r.raw_end] == r.before


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_span_round_trip_on_source(clean, data):
    """Normalizing the raw span behind a clean span gives that clean span back."""
    text = clean.text
    hanzi = [i for i, ch in enumerate(text) if "\u4e00" <= ch <= "\u9fff"]
    a, b = sorted(data.draw(st.lists(st.sampled_from(hanzi), min_size=2, max_size=2)))
    start, end = clean.expand(a, b + 1)
    raw_start, raw_end = clean.raw_span(start, end)
    assert normalize_text(clean.raw[raw_start:raw_end]) == text[start:end]


def test_raw_span_of_a_rebuilt_character(clean):
    i = clean.text.index("当地群众切身")
    raw_start, raw_end = clean.raw_span(i + 1, i + 2)  # 地, rebuilt from bytes
    assert clean.raw[raw_start:raw_end].startswith("當(dāng)?shù)")


def test_expand_rejects_bad_span(clean):
    with pytest.raises(ValueError, match="outside the clean text"):
        clean.expand(5, 5)


# ---- properties --------------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalize_never_raises_and_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


_DAMAGED_ALPHABET = st.sampled_from(list("當地群眾交國家實施(shíāng)?,。、;:</p> \n12.%萬億元厝罕娊絿ㄔO"))


@settings(max_examples=300, deadline=None)
@given(st.text(_DAMAGED_ALPHABET, max_size=40))
def test_idempotent_on_damage_like_text(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


def test_normalize_rejects_bytes():
    with pytest.raises(TypeError, match="expects str, got bytes"):
        normalize(b"abc")


def test_normalized_is_frozen():
    # normalize() results are cached and shared: a caller must not be able to change one
    import dataclasses

    result = normalize("實(shí)")
    for field, value in [("text", "x"), ("raw", "x"), ("repairs", ())]:
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(result, field, value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("甲\n乙國\n廣州", [(3, 4, "国"), (5, 6, "广")]),
        ("國\n國", [(0, 1, "国"), (2, 3, "国")]),
        ("廣州\r\n援疆", [(0, 1, "广")]),
        ("no change\n", []),
    ],
)
def test_script_spans_line_by_line(text, expected):
    # When a t2s phrase changes the length, script_spans aligns line by line; a
    # ``simple`` of another length (here "") forces that path. Its spans are raw
    # offsets, the same as the char-for-char path's
    assert script_spans(text, simple="") == expected == script_spans(text)
