"""The references table: citations of outside assessments, checked like the other data tables."""

from __future__ import annotations

import shutil

import pytest

from aidlib.data.csvfile import DataError
from aidlib.data.paths import data_dir
from aidlib.data.references import REFERENCE_COLUMNS, check_references, load_references

GOOD = {
    "reference_id": "ohchr.xinjiang_assessment.2022",
    "topic": "labour_programmes",
    "outlet": "OHCHR",
    "title": "OHCHR Assessment of human rights concerns in the Xinjiang Uyghur Autonomous Region",
    "published": "2022-08-31",
    "url": "https://www.ohchr.org/a.pdf",
    "note": "",
}


def _write(tmp_path, rows):
    import csv

    folder = tmp_path / "data"
    folder.mkdir()
    with (folder / "references.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, REFERENCE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return folder


def test_bundled_references_load():
    refs = load_references()
    assert len(refs) >= 2 and refs["reference_id"].is_unique
    assert refs["url"].str.startswith("https://").all()
    ohchr = refs[refs["reference_id"] == "ohchr.xinjiang_assessment.2022"].iloc[0]
    assert ohchr["published"] == "2022-08-31" and "Xinjiang" in ohchr["title"]


@pytest.mark.parametrize(
    ("change", "column", "message"),
    [
        ({"url": "www.ohchr.org/a.pdf"}, "url", "is not an http"),  # a scheme is required
        ({"published": "31/08/2022"}, "published", "is not a date"),
        ({"published": "2022-13"}, "published", "is not a date"),  # month 13
        ({"topic": "opinion"}, "topic", "unknown topic 'opinion'"),
        ({"outlet": ""}, "outlet", "is empty"),
        ({"reference_id": "OHCHR 2022"}, "reference_id", "not a dotted lowercase id"),
        ({"note": "新疆" * 10}, "note", "20 or more Chinese characters"),  # a quotation, not a citation
        ({"title": "x" * 300}, "title", "never a passage"),
    ],
)
def test_bad_rows_name_line_and_column(tmp_path, change, column, message):
    folder = _write(tmp_path, [GOOD, {**GOOD, "reference_id": "second.ref", **change}])
    _, problems = check_references(folder)
    assert len(problems) == 1
    assert problems[0].line == 3 and problems[0].column == column and message in problems[0].message


def test_duplicate_id_and_load_error(tmp_path):
    folder = _write(tmp_path, [GOOD, GOOD])
    with pytest.raises(DataError, match=r"references.csv:3: column reference_id: duplicate.*first on line 2"):
        load_references(folder)


def test_unknown_topic_argument():
    with pytest.raises(ValueError, match="unknown topic 'wages'"):
        load_references(topic="wages")


def test_missing_file_is_a_problem(tmp_path):
    folder = tmp_path / "empty"
    shutil.copytree(data_dir(), folder, ignore=shutil.ignore_patterns("references.csv", "raw"))
    table, problems = check_references(folder)
    assert table is None and problems
