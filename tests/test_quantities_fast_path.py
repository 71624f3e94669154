"""The parser's fast path (chinese._plain_atom) reads every text as the full reading does.

The common shape of a quantity (a number, its magnitudes, 余/多 and a plain measure word)
is read by a shorter path for speed; these tests read every table of cases and random
mixes of the words the rules turn on both ways and compare the quantities.
"""

from __future__ import annotations

import pytest
import test_quantities_hedges as hedges
import test_quantities_money as money
import test_quantities_units as units
from hypothesis import given, settings
from hypothesis import strategies as st

import aidlib.quantities.chinese as chinese

TEXTS = [t for table in (
    units.STATISTICS_BULLETIN, units.ENERGY, units.TRANSPORT, units.HEALTH, units.TEMPERATURE,
    units.NOT_UNITS, units.RATES, money.CAPITAL_NUMERALS, money.SMALL_MONEY, money.CURRENCY,
    money.DIGIT_GROUPS, money.AMOUNT_HEDGES, hedges.HEDGES, hedges.HALVES, hedges.MULTIPLES, hedges.LISTS,
) for t, _ in table]  # fmt: skip


def _full_reading(text: str, monkeypatch) -> list:
    with monkeypatch.context() as m:
        m.setattr(chinese, "_plain_atom", lambda *args: chinese._SLOW)
        return chinese.find_quantities(text)


def test_the_fast_path_is_taken():
    view = "投入5.3亿元，2.8万余人次，共22大项"
    atoms = []
    for m in chinese._PATTERN.finditer(view):
        us, ue = m.span(chinese._I_UNIT)
        atoms.append(chinese._plain_atom(view, m, us, ue))
    assert len(atoms) == 3 and all(a is not chinese._SLOW and a is not None for a in atoms)


@pytest.mark.parametrize("text", TEXTS)
def test_both_readings_agree_on_the_tables(text, monkeypatch):
    assert chinese.find_quantities(text) == _full_reading(text, monkeypatch)


def test_both_readings_agree_on_the_report(clean, monkeypatch):
    assert chinese.find_quantities(clean.text) == _full_reading(clean.text, monkeypatch)


_WORDS = [
    "1", "25", "3.5", "一", "两", "十", "百", "万", "亿", "余", "多", "元", "人", "人次", "个", "吨", "年",
    "2023", "倍", "%", "下降", "增长", "每", "人均", "最高", "补贴", "第", "、", "和", "，", "级", "次",
    "五家渠", "十三间房", "屋", "A", "/", "吨", "公里", "小时", "内", "以上", "半", "块", "钱", "度", "电",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12))
def test_both_readings_agree_on_any_mix(tokens):
    text = "".join(tokens)
    plain = chinese.find_quantities(text)
    saved = chinese._plain_atom
    chinese._plain_atom = lambda *args: chinese._SLOW
    try:
        full = chinese.find_quantities(text)
    finally:
        chinese._plain_atom = saved
    assert plain == full
