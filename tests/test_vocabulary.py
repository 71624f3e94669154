"""The one vocabulary: every unit the parser knows, the datapackage's enums, families of units."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aidlib.data import schema, vocabulary
from aidlib.data.vocabulary import (
    MEASURES,
    UNITS,
    english,
    measure_english,
    same_measure,
    singular,
    unit,
    unit_family,
    write_enums,
)
from aidlib.quantities import chinese
from aidlib.quantities import english as english_parser

DATA = Path(__file__).resolve().parents[1] / "data"


def test_every_parser_unit_has_one_entry():
    # the parser's table is the list of measure words; the vocabulary describes each, no more
    assert list(UNITS) == list(chinese.UNITS)
    for word, entry in UNITS.items():
        assert entry.en == chinese.UNITS[word], word  # the English for many is the parser's
        assert entry.family in UNITS and UNITS[entry.family].family == entry.family, word


def test_every_unit_a_parser_can_return_is_in_the_vocabulary():
    targets = {u for u, _ in chinese.UNIT_ALIASES.values()} | set(chinese.CURRENCY_BEFORE.values())
    targets |= set(english_parser.UNIT_WORDS.values()) | set(english_parser.CURRENCY_BEFORE.values())
    assert targets <= set(UNITS)
    assert set(MEASURES.values()) <= set(UNITS)


def test_one_english_name_means_one_family_and_one_singular():
    by_english: dict[str, set[tuple[str, str]]] = {}
    for entry in UNITS.values():
        by_english.setdefault(entry.en, set()).add((entry.family, entry.en_one))
    assert {en: facts for en, facts in by_english.items() if len(facts) > 1} == {}


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("人", "名", True),
        ("人", "位", True),
        ("场", "场次", True),  # one show staged 10 times: 10场 or 10场次
        ("批", "批次", True),
        ("公斤", "千克", True),
        ("本", "册", True),
        ("人", "人次", False),  # attendances are not heads
        ("个", "项", False),
        ("元", "美元", False),  # never converted silently
        ("户", "户", True),
        ("x", "x", True),  # equal words are one measure even when unknown
        ("x", "y", False),
    ],
)
def test_same_measure(a, b, same):
    assert same_measure(a, b) is same
    assert same_measure(b, a) is same


def test_the_families_of_more_than_one_word():
    assert set(vocabulary.same_measure_groups()) == {
        frozenset({"人", "名", "位"}), frozenset({"场", "场次"}), frozenset({"公斤", "千克"}),
        frozenset({"批", "批次"}), frozenset({"本", "册"}),
    }  # fmt: skip


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("人", "people"), ("名", "people"), ("位", "people"), ("people", "people"),
        ("人次", "person-times"), ("person-times", "person-times"),
        ("千克", "kg"), ("kg", "kg"), ("场次", "events"), ("event sessions", "events"),
        ("million yuan", "million yuan"),  # a rescaled unit is its own family
        ("元/户", "元/户"),
    ],
)  # fmt: skip
def test_unit_family(name, family):
    assert unit_family(name) == family


@pytest.mark.parametrize(
    ("word", "count", "text"),
    [("户", None, "households"), ("户", 1, "household"), ("人", 1, "person"), ("人", 2, "people"),
     ("%", 1, "percent"), ("公斤", 1, "kg"), ("元", 1, "yuan"), ("次", 1, "time"), ("元/户", 1, "元/户")],
)  # fmt: skip
def test_english(word, count, text):
    assert english(word, count) == text


@pytest.mark.parametrize(
    ("plural", "one"),
    [("facts", "fact"), ("people", "person"), ("households", "household"), ("major items", "major item"),
     ("projects", "project"), ("housing units", "housing unit"), ("yuan", "yuan"), ("unknown", "unknown")],
)  # fmt: skip
def test_singular(plural, one):
    assert singular(plural) == one


def test_unknown_unit_names_the_known_ones():
    with pytest.raises(KeyError, match="unknown unit '斤两'; expected one of 元, 美元, 港元"):
        unit("斤两")


def test_measure_english():
    measures = ("gdp", "population", "housing_units", "livelihood_share")
    assert [measure_english(m) for m in measures] == ["yuan", "people", "housing units", "percent"]


def test_datapackage_enums_are_the_vocabulary():
    # the file is written from the vocabulary: writing it again changes no byte
    text = (DATA / "datapackage.json").read_text(encoding="utf-8")
    rewritten = json.dumps(write_enums(json.loads(text)), ensure_ascii=False, indent=2) + "\n"
    assert rewritten == text
    resources = json.loads(text)["resources"]
    fields = {(r["name"], f["name"]): f for r in resources for f in r.get("schema", {}).get("fields", [])}
    assert {"平方公里", "公顷"} <= set(fields["metrics", "unit"]["constraints"]["enum"])


def test_a_field_the_package_lacks_is_named():
    with pytest.raises(KeyError, match="datapackage.json has no field 'theme' in resource 'metrics'"):
        write_enums({"resources": [{"name": "metrics", "schema": {"fields": []}}]})


def test_the_command_writes_the_enums(tmp_path):
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    fields = package["resources"][1]["schema"]["fields"]
    next(f for f in fields if f["name"] == "unit")["constraints"]["enum"] = ["元"]  # stale
    path = tmp_path / "datapackage.json"
    path.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert schema.main([str(path)]) == 0
    assert path.read_text(encoding="utf-8") == (DATA / "datapackage.json").read_text(encoding="utf-8")


# ---- the resources of every data package: one place (aidlib/data/schema.json) -------------
def test_the_project_datapackage_resources_are_the_canonical_ones():
    # written from schema.json and the vocabulary (python -m aidlib.data.schema); a field
    # edited in one place and not the other fails here
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    assert package["resources"] == schema.datapackage_resources()


def test_schema_json_holds_no_vocabulary_enum():
    # the enums come from the vocabulary alone: schema.json writing one too would be a second place
    from importlib import resources

    raw = json.loads(resources.files("aidlib.data").joinpath("schema.json").read_text(encoding="utf-8"))
    written = {
        (r["name"], f["name"])
        for r in raw["resources"]
        for f in r["schema"]["fields"]
        if "enum" in f.get("constraints", {})
    }
    assert written == set()


def test_the_schemas_name_the_columns_the_readers_expect():
    from aidlib.data import declarations, figures, metrics, references, sources, subjects

    columns = {
        "sources": sources.SOURCE_COLUMNS, "metrics": metrics.COLUMNS,
        "exclusions": metrics.EXCLUSION_COLUMNS, "indicators": declarations.COLUMNS,
        "cited_figures": figures.COLUMNS, "subjects": subjects.COLUMNS,
        "references": references.REFERENCE_COLUMNS,
    }  # fmt: skip
    schemas = {r["name"]: r["schema"]["fields"] for r in schema.datapackage_resources()}
    assert {name: tuple(f["name"] for f in fields) for name, fields in schemas.items()} == columns
    topic = next(f for f in schemas["references"] if f["name"] == "topic")
    assert topic["constraints"]["enum"] == list(references.TOPICS)


def test_write_resources_keeps_the_descriptor_and_a_folder_s_own_resource():
    own = {"name": "notes", "path": "notes.csv", "schema": {"fields": [{"name": "note", "type": "string"}]}}
    stale = {"name": "metrics", "path": "metrics.csv", "schema": {"fields": []}}
    package = {"name": "mine", "version": "1.2.0", "resources": [own, stale]}
    out = schema.write_resources(package)
    assert out["name"] == "mine" and out["version"] == "1.2.0"
    assert out["resources"] == [*schema.datapackage_resources(), own]  # the stale one replaced, own kept
    with pytest.raises(ValueError, match="not a data package descriptor"):
        schema.write_resources({"resources": {"metrics": {}}})
