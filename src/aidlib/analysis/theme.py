"""The aidlib chart theme: colours, text sizes, and a font that can draw Chinese when asked for.

matplotlib and seaborn are imported inside the functions, so ``import aidlib`` stays light.
:mod:`aidlib.analysis.plotting` draws with these; :mod:`aidlib.analysis.layout` fits what it
drew to the width it is shown at.
"""

from __future__ import annotations

import re

# Families tried, in order, when Chinese labels are asked for.
CJK_FONTS = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei", "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC", "AR PL UMing CN",
)  # fmt: skip
CJK_PACKAGE_HINT = (
    "pip install 'aidlib[cjk]' (a Noto Sans CJK font from PyPI, no root needed), "
    "or install a system font, e.g. Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk)"
)

PALETTE = {"exact": "#3b6ea8", "over": "#e08a2c", "about": "#7a9e3a", "under": "#a8443b"}
# Bar-end markers: an open bound points the way the true value may lie.
MARKERS = {"over": ">", "under": "<", "about": "d"}
# Value labels sit on a white box: gridlines never run through the numbers.
LABEL_BOX = {"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.9}
RANGE_COLOR = "#7b5ea8"  # a range (3至5万元): bar to its low end; the text shows both ends


class CJKFontError(RuntimeError):
    """Chinese labels were asked for but no CJK font is installed."""


def _cjk_in(names) -> str | None:
    for name in CJK_FONTS:
        if name in names:
            return name
    for name in sorted(names):  # any other family that says it is CJK
        if "CJK" in name or "Han Sans" in name:
            return name
    return None


def _refresh_font_list() -> None:
    """Add fonts matplotlib's cached list does not know yet.

    Matplotlib caches its font list on first use, so a font installed afterwards
    (``apt-get install fonts-noto-cjk``) stays invisible. This adds every system
    font file missing from the list, and the font of the optional extra
    ``aidlib[cjk]`` (the ``noto-cjk-sans-otc`` package) when it is installed.
    """
    from matplotlib import font_manager

    known = {entry.fname for entry in font_manager.fontManager.ttflist}
    paths = [p for p in font_manager.findSystemFonts() if p not in known]
    try:
        from noto_cjk_sans_otc import FONT_PATH  # the optional extra aidlib[cjk]

        paths.append(str(FONT_PATH))
    except ImportError:
        pass
    for path in paths:
        if path not in known:
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):  # an unreadable or odd font file
                continue


def find_cjk_font() -> str:
    """Return the name of an installed font that can draw Chinese.

    When matplotlib's cached font list has none, the list is refreshed first
    (fonts installed since the cache was made, and the ``aidlib[cjk]`` extra).

    Raises:
        CJKFontError: none is installed; the message says which package to install.
    """
    from matplotlib import font_manager

    found = _cjk_in({f.name for f in font_manager.fontManager.ttflist})
    if found is None:
        _refresh_font_list()
        found = _cjk_in({f.name for f in font_manager.fontManager.ttflist})
    if found is None:
        raise CJKFontError(f"no CJK font found for Chinese labels; {CJK_PACKAGE_HINT}")
    return found


def set_theme(chinese: bool = False) -> None:
    """Apply the aidlib theme: seaborn whitegrid, fixed size and fonts, wide tables.

    Args:
        chinese: render Chinese labels; needs an installed CJK font.
    """
    import matplotlib as mpl
    import pandas as pd
    import seaborn as sns

    # Tables in the notebooks show labels, quotes and caveats in full.
    pd.set_option("display.max_colwidth", 160)
    pd.set_option("display.width", 200)
    sns.set_theme(style="whitegrid", context="notebook", palette=list(PALETTE.values()))
    mpl.rcParams.update(
        {
            "figure.figsize": (7.5, 3.6),
            "figure.dpi": 100,
            "axes.titlesize": 12,
            "axes.titleweight": "bold",
            "axes.labelsize": 11,
            "xtick.labelsize": 11,
            "ytick.labelsize": 11,
            "legend.fontsize": 11,
            "svg.hashsalt": "aidlib",  # deterministic SVG ids
        }
    )
    if chinese:
        mpl.rcParams["font.sans-serif"] = [find_cjk_font(), "DejaVu Sans"]
        mpl.rcParams["axes.unicode_minus"] = False


def check_cjk_labels(labels) -> None:
    """Refuse Chinese labels unless a CJK font is set: they would draw as empty boxes."""
    import matplotlib as mpl

    chinese = [str(x) for x in labels if re.search(r"[\u3400-\u9fff]", str(x))]
    if chinese and not any(f in CJK_FONTS or "CJK" in f for f in mpl.rcParams["font.sans-serif"][:1]):
        raise ValueError(
            f"label {chinese[0]!r} is Chinese but no CJK font is set: "
            "use English labels or set_theme(chinese=True)"
        )
