"""The normalized-text cache: trusted only when its own checksum holds."""

from __future__ import annotations

import pytest

from aidlib.text import cache
from aidlib.text.normalizer import normalize_text

RAW = "2023年是全面貫徹落實(shí)黨的二十大精神的開局之年,,投入 6423 萬元"


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("AIDLIB_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_writes_then_reads_verified(cache_home):
    assert cache.cached_normalized_text(RAW) == normalize_text(RAW)
    path = cache.cache_path(RAW)
    assert path.parent == cache_home and path.read_text(encoding="utf-8").startswith(
        "aidlib-normalized sha256="
    )
    assert cache.cached_normalized_text(RAW) == normalize_text(RAW)


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b"",  # emptied
        lambda b: b[: len(b) // 2],  # truncated mid-text
        lambda b: b[: b.index(b"\n")],  # only the header survived
        lambda b: b.replace("落实".encode(), "落後".encode()),  # text changed, header kept
        lambda b: b"\x00\xff garbage \xfe" * 50,  # garbage
        lambda b: b.split(b"\n", 1)[1],  # header lost: the old, unverified layout
        lambda b: b[:-1] + b"\xff",  # the last byte no longer UTF-8
    ],
)
def test_damaged_cache_file_is_rebuilt(cache_home, damage):
    cache.cached_normalized_text(RAW)
    path = cache.cache_path(RAW)
    path.write_bytes(damage(path.read_bytes()))
    assert cache.cached_normalized_text(RAW) == normalize_text(RAW)
    assert cache._read_verified(path) == normalize_text(RAW)  # and repaired on disk


def test_relative_cache_dir_is_made_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("AIDLIB_CACHE", "rel/cache")
    assert cache.cache_dir() == tmp_path / "rel" / "cache"
    assert cache.cache_path(RAW).is_absolute()


def test_home_is_expanded(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("AIDLIB_CACHE", "~/c")
    assert cache.cache_dir() == tmp_path / "c"


def test_unwritable_cache_is_skipped(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("AIDLIB_CACHE", str(blocker / "cache"))  # cannot create a folder under a file
    assert cache.cached_normalized_text(RAW) == normalize_text(RAW)
