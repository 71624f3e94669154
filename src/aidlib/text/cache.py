"""The on-disk cache of normalized source texts (:func:`aidlib.storage.cache_dir`), verified on every read.

Normalizing the bundled report takes about a second; loading the metrics needs
the clean text every time, so it is kept on disk as plain UTF-8. A cache file is
trusted only when its own checksum holds: an emptied, truncated or garbled file
(a full disk, a killed process, a hand edit) is rebuilt, never used.

File layout: one header line ``aidlib-normalized sha256=<hex of the text> chars=<n>``,
then the text. The file name holds the raw text's SHA-256 and a fingerprint of the
repair code and of the OpenCC and pypinyin versions, so a change to any of them
misses the cache.
"""

from __future__ import annotations

import functools
import hashlib
import re
import stat
import warnings
from pathlib import Path

from aidlib.storage import cache_dir, write_atomic

_HEADER = re.compile(r"aidlib-normalized sha256=([0-9a-f]{64}) chars=(\d+)\n")
# The modules whose code decides the clean text.
_REPAIR_MODULES = ("edits.py", "hanzi.py", "mojibake.py", "repairs.py", "normalizer.py")


class CacheWarning(UserWarning):
    """The cache cannot be used; the text is computed instead (said once per process)."""


_warned: list[str] = []  # the reason given, once per process however many texts are loaded


def _skip(reason: str) -> None:
    if not _warned:
        _warned.append(reason)
        warnings.warn(f"cache skipped: {reason}; the clean text is computed each time", CacheWarning,
                      stacklevel=3)  # fmt: skip


@functools.cache
def _pipeline_fingerprint() -> str:
    """Hash of the repair code and its dictionaries: a cached text is valid only for them."""
    from importlib.metadata import version

    digest = hashlib.sha256()
    for name in _REPAIR_MODULES:
        digest.update((Path(__file__).parent / name).read_bytes())
    for package in ("opencc", "pypinyin"):
        digest.update(version(package).encode())
    return digest.hexdigest()[:16]


def cache_path(raw: str) -> Path | None:
    """Return the cache file that holds (or will hold) the normalized ``raw``; None without a cache."""
    folder = cache_dir()
    if folder is None:
        return None
    key = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return folder / f"normalized-{key}-{_pipeline_fingerprint()}.txt"


def _not_a_file(path: Path) -> str | None:
    """Why ``path`` cannot be a cache file (a FIFO would block a read forever), or None."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return None
    except OSError as err:
        return f"{path}: {err.strerror or err}"
    return None if stat.S_ISREG(mode) else f"{path} is not a regular file"


def _read_verified(path: Path) -> str | None:
    """The cached text if the file is whole and its checksum holds, else None."""
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    head, sep, body = blob.partition(b"\n")
    m = _HEADER.fullmatch(head.decode("ascii", "replace") + "\n") if sep else None
    if m is None or hashlib.sha256(body).hexdigest() != m[1]:
        return None
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text if len(text) == int(m[2]) else None


def _write(path: Path, text: str) -> None:
    body = text.encode("utf-8", "surrogatepass")
    header = f"aidlib-normalized sha256={hashlib.sha256(body).hexdigest()} chars={len(text)}\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, header.encode("ascii") + body)  # a reader sees the old file or the whole new one
    except OSError as err:  # an unwritable cache is skipped, not fatal, and leaves nothing behind
        _skip(f"{path.parent}: {err.strerror or err}")


def cached_normalized_text(raw: str) -> str:
    """Return ``normalize_text(raw)``, from the verified disk cache when it holds.

    A missing, unreadable or damaged cache file is rebuilt; an unwritable cache
    folder is skipped (the text is computed every time).

    Examples:
        >>> from aidlib.data.sources import read_raw
        >>> cached_normalized_text(read_raw("guangzhou_shufu_2023"))[:5]
        '珠水润天山'
    """
    from aidlib.text.normalizer import normalize_text

    path = cache_path(raw)
    if path is None:
        _skip("no home folder to keep it in (set AIDLIB_CACHE)")
        return normalize_text(raw)
    unusable = _not_a_file(path)  # a FIFO or a folder where the file should be: skipped, never opened
    if unusable:
        _skip(unusable)
        return normalize_text(raw)
    text = _read_verified(path)
    if text is not None:
        return text
    text = normalize_text(raw)
    _write(path, text)
    return text
