"""The CJK font subset the report's pages embed (aidlib.report.fonts)."""

from __future__ import annotations

import io

import pytest

from aidlib.report import fonts


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("AIDLIB_CACHE", str(tmp_path))
    return tmp_path / "fonts"


def test_subset_holds_the_characters_and_is_cached(cache):
    from fontTools.ttLib import TTFont

    data = fonts.subset_woff2("疏附县")
    font = TTFont(io.BytesIO(data))
    cmap = font.getBestCmap()
    assert {ord(c) for c in "疏附县"} <= set(cmap) and ord("京") not in cmap  # only what the pages use
    assert font["name"].getDebugName(1) == fonts.FACE  # the SC face of the collection
    (cached,) = cache.iterdir()
    assert cached.read_bytes() == data
    assert fonts.subset_woff2("疏附县") == data  # from the cache
    assert fonts._subset(fonts._font_path(), "疏附县") == data  # reproducible: no timestamp inside


@pytest.mark.parametrize("damage", [b"", b"wOF2", b"garbage that is no font"])  # emptied, cut, garbled
def test_a_damaged_cache_file_is_rebuilt(cache, monkeypatch, damage):
    made = []
    whole = b"wOF2" + b"\0" * 4 + (16).to_bytes(4, "big") + b"\0" * 4  # a 16-byte file whose header says 16

    def fake_subset(font_file, chars):
        made.append(chars)
        return whole

    monkeypatch.setattr(fonts, "_subset", fake_subset)
    assert fonts.subset_woff2("疏附") == whole
    assert fonts.subset_woff2("疏附") == whole and len(made) == 1  # the second time from the cache
    (cached,) = cache.iterdir()
    cached.write_bytes(damage)
    assert fonts.subset_woff2("疏附") == whole and len(made) == 2  # rebuilt, never trusted
    assert cached.read_bytes() == whole


def test_font_face_rule_is_inlined_for_cjk_code_points_only(cache, monkeypatch):
    monkeypatch.setattr(fonts, "subset_woff2", lambda chars: b"wOF2")
    css = fonts.font_face_css("疏附")
    assert css.startswith('@font-face{font-family:"aidlib CJK"')
    assert "src:url(data:font/woff2;base64," in css and "font-weight:100 900" in css
    assert f"unicode-range:{fonts.UNICODE_RANGE}" in css


@pytest.mark.parametrize(
    ("ch", "needed"),
    [("疏", True), ("，", True), ("（", True), ("A", False), ("≥", False), ("–", False),
     ("\ufffd", False),  # the replacement mark: any font's box is the honest rendering
     ("\ue000", False),  # private use: no font of ours has it
     ("𠀀", True)],  # CJK extension B
)  # fmt: skip
def test_which_characters_need_the_cjk_font(ch, needed):
    assert fonts.needs_cjk_font(ch) is needed
