"""The one Unit: the parser, the data check, the enum and the reader's English read one entry."""

from __future__ import annotations

import json

import pytest

from aidlib.analysis.unit_names import singular, unit_en
from aidlib.data import vocabulary
from aidlib.data.paths import PROJECT_ROOT
from aidlib.data.schema import cell_problem
from aidlib.quantities import units
from aidlib.quantities.chinese import parse_quantity

# (quote, the unit the parser keeps, English for many, for one, family, kind)
CASES = [
    ("投入3200元", "元", "yuan", "yuan", "元", "currency"),
    ("5000美元", "美元", "US dollars", "US dollar", "美元", "currency"),  # a currency's own English for one
    ("4万余户", "户", "households", "household", "户", "households"),
    ("3000名", "名", "people", "person", "人", "people"),  # 名 counts people: 人's family
    ("2万人次", "人次", "person-times", "person-time", "人次", "count"),  # attendances, not heads
    ("10场次", "场次", "event sessions", "event session", "场", "count"),  # a show staged 10 times
    ("5千克", "千克", "kg", "kg", "公斤", "mass"),  # no plural
    ("35微克", "微克", "micrograms", "microgram", "微克", "mass"),  # a metric prefix, built by rule
    ("3兆瓦时", "兆瓦时", "MWh", "MWh", "兆瓦时", "energy"),  # power + 时, built by rule
    ("1.2万度电", "千瓦时", "kWh", "kWh", "千瓦时", "energy"),  # an alias: 度电 is 千瓦时
    ("8个", "个", "units", "unit", "个", "count"),
    ("增长70%", "%", "percent", "percent", "%", "share"),
]


@pytest.mark.parametrize(("quote", "word", "many", "one", "family", "kind"), CASES)
def test_parser_check_and_reader_read_one_unit(quote, word, many, one, family, kind):
    entry = units.BASE_UNITS[word]
    assert (entry.word, entry.en, entry.en_one, entry.family, entry.kind) == (word, many, one, family, kind)
    q = parse_quantity(quote)  # the parser keeps the word and its English
    assert (q.unit, q.unit_en) == (word, many)
    assert vocabulary.unit(word) is entry  # the data's vocabulary holds the same object
    assert cell_problem("metrics", "unit", word) is None  # aidlib check takes the unit
    assert vocabulary.english(word, 1) == singular(many) == one  # the reader's English
    assert unit_en(f"元/{word}") == f"yuan per {one}"


def test_one_unit_class():
    assert vocabulary.Unit is units.Unit
    assert vocabulary.UNITS is units.BASE_UNITS
    assert all(type(u) is units.Unit and u.english == u.en for u in units.BASE_UNITS.values())
    kinds = {u.kind for u in units.BASE_UNITS.values()}
    assert kinds == {
        "currency", "people", "households", "count", "share", "multiple", "time", "age", "mass",
        "length", "area", "volume", "power", "energy", "voltage", "temperature", "sound",
    }  # fmt: skip


def test_a_family_is_a_word_of_its_own_family():
    for word, family in units.FAMILIES.items():
        assert units.BASE_UNITS[word].family == family and units.BASE_UNITS[family].family == family


@pytest.mark.parametrize("word", ["斤两", "km", "yuan", ""])  # a word the parser does not keep
def test_a_word_outside_the_one_table_is_refused_by_check_and_vocabulary(word):
    assert word not in units.BASE_UNITS
    assert cell_problem("metrics", "unit", word) is not None
    with pytest.raises(KeyError, match="unknown unit"):
        vocabulary.unit(word)


def test_the_data_package_enum_is_the_one_table():
    package = json.loads((PROJECT_ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    metrics = next(r for r in package["resources"] if r["name"] == "metrics")
    unit = next(f for f in metrics["schema"]["fields"] if f["name"] == "unit")
    assert unit["constraints"]["enum"] == list(units.BASE_UNITS)


def test_the_cited_units_english_is_one_per_unit():
    # each measure's unit reads one way (套 of housing_units is housing units, and no measure says otherwise)
    named: dict[str, set[str]] = {}
    for measure, word in vocabulary.MEASURES.items():
        named.setdefault(word, set()).add(vocabulary.measure_english(measure))
    assert {w: e for w, e in named.items() if len(e) > 1} == {}
    assert {w: e.pop() for w, e in named.items()} == vocabulary.CITED_UNIT_ENGLISH
