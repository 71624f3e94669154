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
    monkeypatch.setattr(cache, "_warned", [])
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("AIDLIB_CACHE", str(blocker / "cache"))  # cannot create a folder under a file
    with pytest.warns(cache.CacheWarning, match="Not a directory"):
        assert cache.cached_normalized_text(RAW) == normalize_text(RAW)


# ---- run anywhere: an unusable cache is skipped with one warning, never a hang or a crash ----
@pytest.fixture
def fresh_warning(monkeypatch):
    monkeypatch.setattr(cache, "_warned", [])


def _no_home(monkeypatch):
    from pathlib import Path

    def home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("AIDLIB_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(home))


def test_no_home_folder_skips_the_cache_with_one_warning(monkeypatch, fresh_warning):
    _no_home(monkeypatch)
    assert cache.cache_dir() is None and cache.cache_path(RAW) is None
    with pytest.warns(cache.CacheWarning, match="no home folder") as caught:
        assert cache.cached_normalized_text(RAW) == normalize_text(RAW)
        assert cache.cached_normalized_text(RAW + "x") == normalize_text(RAW + "x")
    assert len(caught) == 1  # one warning per process, however many texts


@pytest.mark.parametrize("kind", ["fifo", "folder", "full folder"])
def test_fifo_or_folder_at_the_cache_file(cache_home, kind, fresh_warning):
    import os

    path = cache.cache_path(RAW)
    path.parent.mkdir(parents=True)
    if kind == "fifo":
        os.mkfifo(path)  # reading it would hang every load
    else:
        path.mkdir()
        if kind == "full folder":
            (path / "x").write_text("someone's")
    with pytest.warns(cache.CacheWarning, match="is not a regular file"):
        assert cache.cached_normalized_text(RAW) == normalize_text(RAW)
    assert sorted(p.name for p in cache_home.iterdir()) == [path.name]  # no *.PID.tmp left behind


def test_failed_write_leaves_no_temporary_file(cache_home, monkeypatch, fresh_warning):
    from pathlib import Path

    def refuse(self, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.warns(cache.CacheWarning, match="No space left on device"):
        assert cache.cached_normalized_text(RAW) == normalize_text(RAW)
    assert list(cache_home.iterdir()) == []


def test_cli_check_without_home_is_a_warning_not_a_crash(tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "AIDLIB_CACHE", "XDG_CACHE_HOME")}
    code = (
        "import pathlib, sys\n"
        "def home(): raise RuntimeError('Could not determine home directory.')\n"
        "pathlib.Path.home = staticmethod(home)\n"  # as for a uid without a passwd entry
        "from aidlib.cli import main\n"
        "sys.exit(main(['check']))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [
        "aidlib check: warning: cache skipped: no home folder to keep it in (set AIDLIB_CACHE); "
        "the clean text is computed each time"
    ]
