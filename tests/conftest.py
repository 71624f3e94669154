"""Shared fixtures: the bundled source, and a factory for synthetic GBK shift damage."""

from __future__ import annotations

import pytest
from pypinyin import Style, pinyin

from aidlib.data.sources import read_raw
from aidlib.text.normalizer import normalize


@pytest.fixture
def data_copy(tmp_path):
    """A copy of the shipped data folder, to change freely."""
    import shutil

    from aidlib.data.paths import PROJECT_ROOT

    dest = tmp_path / "data"
    shutil.copytree(PROJECT_ROOT / "data", dest)
    return dest


@pytest.fixture(scope="session")
def raw_text() -> str:
    return read_raw("guangzhou_shufu_2023")


@pytest.fixture(scope="session")
def clean(raw_text):
    return normalize(raw_text)


def reading(ch: str) -> str:
    return pinyin(ch, style=Style.TONE)[0][0]


def shift_damage(prev: str, phrase: str, next_reading: bool = False) -> str:
    """Damage ``prev + phrase`` the way the published report was damaged.

    The GB18030 bytes are read one byte out of step from ``prev``'s trail byte:
    the first mis-read character M becomes ``?`` plus its reading and ``)``,
    the rest of the phrase becomes mis-paired characters, and the last
    character's trail byte is swallowed by a closing ``?`` (followed by that
    character's reading when ``next_reading``).
    """
    b = (prev + phrase).encode("gb18030")
    misread = b[1:3].decode("gb18030")
    run = b[3:-1].decode("gb18030")
    tail = f"?{reading(phrase[-1])})" if next_reading else "?"
    return f"{prev}({reading(prev)})?{reading(misread)}){run}{tail}"


@pytest.fixture(autouse=True)
def _no_chart_source_left():
    """Each test starts with no default chart source (aidlib.set_chart_source) and leaves none."""
    from aidlib.analysis import publish

    publish.set_chart_source("")
    yield
    publish.set_chart_source("")


@pytest.fixture(autouse=True)
def _close_figures():
    """Close figures and restore matplotlib settings after every test (as seaborn's tests do)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    saved = matplotlib.rcParams.copy()
    yield
    plt.close("all")
    matplotlib.rcParams.update(saved)
