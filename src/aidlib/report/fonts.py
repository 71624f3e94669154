"""The Chinese font the report's pages carry: a subset of Noto Sans CJK SC, inlined as WOFF2.

A reader's machine may have no CJK font (many Linux installs, some e-readers): the pages
would show boxes for 疏附县. So every page embeds, as a ``data:`` URL in its style sheet, a
subset of Noto Sans CJK SC (the ``noto-cjk-sans-otc`` package, SIL OFL 1.1; the SC face of
the collection) holding only the characters the report uses: about 600 characters, ~70 kB.

Subsetting takes a few seconds, so the result is cached under ``~/.cache/aidlib/fonts``
(``$AIDLIB_CACHE``), keyed by the characters, the font file and the fontTools version; a
cache file that is not a whole WOFF2 file is rebuilt, never used.
"""

from __future__ import annotations

import base64
import hashlib
import io
import struct
from pathlib import Path

FAMILY = "aidlib CJK"
# The face of the Noto Sans CJK collection to take: Simplified Chinese.
FACE = "Noto Sans CJK SC"
# The code points the embedded font serves: those :func:`needs_cjk_font` names.
UNICODE_RANGE = "U+2460-24FF,U+2E80-D7FF,U+F900-FFEF,U+20000-3FFFF"


def needs_cjk_font(ch: str) -> bool:
    r"""Whether a character is one the Latin system fonts may lack: CJK ideographs, punctuation, full width.

    Enclosed alphanumerics (``⒁``, ``①``) count too: damaged GBK text is full of them, and
    DejaVu has none.

    Examples:
        >>> [needs_cjk_font(c) for c in "疏，A≥（\ufffd⒁"]
        [True, True, False, False, True, False, True]
    """
    cp = ord(ch)
    # enclosed alphanumerics, CJK radicals to Hangul, compatibility ideographs to half/full-width forms,
    # the extension planes; elsewhere (Latin, Greek, Cyrillic, symbols) any system font serves:
    # UNICODE_RANGE says the same
    ranges = ((0x2460, 0x24FF), (0x2E80, 0xD7FF), (0xF900, 0xFFEF), (0x20000, 0x3FFFF))
    return any(low <= cp <= high for low, high in ranges)


def characters(texts) -> str:
    """The sorted distinct characters of ``texts`` that need the CJK font.

    Examples:
        >>> characters(["疏附县 5.3亿元", "疏附"])
        '亿元县疏附'
    """
    return "".join(sorted({ch for text in texts for ch in text if needs_cjk_font(ch)}))


def _font_path() -> Path:
    try:
        from noto_cjk_sans_otc import FONT_PATH
    except ImportError:
        raise RuntimeError(
            "the report embeds a Chinese font from the noto-cjk-sans-otc package: "
            "pip install 'aidlib[cjk]' (make setup installs it)"
        ) from None
    return Path(str(FONT_PATH))


def _whole_woff2(data: bytes) -> bool:
    """A WOFF2 file whose header length is its length (an emptied or cut file is not)."""
    return len(data) >= 12 and data[:4] == b"wOF2" and struct.unpack(">I", data[8:12])[0] == len(data)


def _subset(font_file: Path, chars: str) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(font_file), lazy=True)
    faces = [f for f in collection.fonts if f["name"].getDebugName(1) == FACE]
    if not faces:
        raise RuntimeError(f"{font_file} has no {FACE} face")
    font = faces[0]
    font.recalcTimestamp = False  # the same characters give the same bytes (no save time inside)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = []  # horizontal text needs no vertical or locale forms: half the size
    options.hinting = False
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue()


def subset_woff2(chars: str) -> bytes:
    """The WOFF2 subset of Noto Sans CJK SC for ``chars``, from the cache when it holds it."""
    from importlib.metadata import version

    from aidlib.storage import cache_dir, write_atomic

    font_file = _font_path()
    key = hashlib.sha256(
        f"{chars}\0{font_file.name}\0{font_file.stat().st_size}\0{version('fonttools')}".encode()
    ).hexdigest()[:32]
    folder = cache_dir("fonts")  # None without a home folder: the subset is cut every time
    cached = folder / f"cjk-{key}.woff2" if folder is not None else None
    if cached is not None and cached.is_file():
        data = cached.read_bytes()
        if _whole_woff2(data):
            return data
    data = _subset(font_file, chars)
    if cached is not None:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(cached, data)
        except OSError:  # a read-only cache only costs time
            pass
    return data


def font_face_css(chars: str) -> str:
    """An ``@font-face`` rule for :data:`FAMILY`, the subset inlined as a ``data:`` URL."""
    data = base64.b64encode(subset_woff2(chars)).decode("ascii")
    return (
        # Every weight (a 400-only face leaves bold headings to the system fonts: boxes), and only the
        # characters needs_cjk_font names: the family comes first in the page's list, so Chinese never
        # goes through the browser's own fallback (which drew boxes in some elements) and Latin text
        # keeps the system fonts.
        f'@font-face{{font-family:"{FAMILY}";font-style:normal;font-weight:100 900;font-display:block;'
        f"unicode-range:{UNICODE_RANGE};"
        f'src:url(data:font/woff2;base64,{data}) format("woff2")}}'
    )
