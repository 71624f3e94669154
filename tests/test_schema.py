"""One schema: the descriptor holds every per-cell rule, and aidlib check and frictionless validate agree.

:data:`BAD` is a table of bad cells, at least one for every constraint of every resource's
schema (:func:`test_every_constraint_has_a_bad_cell` fails on a constraint without one):
each is written into a copy of the shipped data folder, and both ``aidlib check`` and
``frictionless validate`` must refuse it, at its line and column. :data:`GOOD` holds edge
cells both accept. :data:`STRICTER` lists what aidlib refuses that Frictionless cannot be
told, each with the reason, so the difference is written down rather than found.
"""

from __future__ import annotations

import csv
import re
import shutil

import frictionless
import pytest

from aidlib.data import schema
from aidlib.data.check import check_data
from aidlib.data.paths import PROJECT_ROOT

DATA = PROJECT_ROOT / "data"
CJK20 = "新疆" * 10  # 20 Chinese characters in a row: article text, never a citation
CJK19 = CJK20[:19]
DUP = "<the cell above>"  # the same column's cell on the line before: a duplicate

# The shipped exclusions.csv and subjects.csv are headers alone: these good rows give a bad cell a row.
BASE_ROWS = {
    "exclusions": [{"source_id": "guangzhou_shufu_2023", "quote": "5.3亿元", "reason": "A test exclusion."}],
    "subjects": [
        {"subject": "Example County (invented)", "description": "An invented county, for the tests"},
        {"subject": "Another County (invented)", "description": "Another invented county"},
    ],
}

# (resource, line, column, cell, the constraint it breaks). Lines are those of the shipped data
# (plus BASE_ROWS); a line past the end is a copy of the last row.
BAD = [
    # sources.csv: one row
    ("sources", 2, "source_id", "", "required"),
    ("sources", 2, "source_id", "Guangzhou_2023", "pattern"),
    ("sources", 2, "source_id", "../x", "pattern"),  # an id names a file: never a path
    ("sources", 3, "source_id", DUP, "unique"),
    ("sources", 2, "outlet", "", "required"),
    ("sources", 2, "outlet", "   ", "required"),  # spaces alone are empty
    ("sources", 2, "published", "", "required"),
    ("sources", 2, "published", "2023 sometime", "pattern"),  # was unanchored: ^a|b$
    ("sources", 2, "published", "2023-13", "pattern"),
    ("sources", 2, "published", "2023-02-29", "pattern"),  # not a leap year
    ("sources", 2, "published", "2023-04-31", "pattern"),
    ("sources", 2, "published", "２０２３", "pattern"),  # full-width digits
    ("sources", 2, "period_covered", "2023-11", "pattern"),
    ("sources", 2, "language", "", "required"),
    ("sources", 2, "language", "chinese", "pattern"),
    ("sources", 2, "path", "", "required"),
    ("sources", 2, "path", "../raw/guangzhou_shufu_2023.txt", "pattern"),
    ("sources", 2, "path", "/etc/passwd", "pattern"),
    ("sources", 2, "sha256", "", "required"),
    ("sources", 2, "sha256", "2277F15733", "pattern"),
    ("sources", 2, "url", "www.example.org/a", "pattern"),
    ("sources", 2, "url", "javascript:alert(1)", "pattern"),
    # metrics.csv: line 3 is funding.projects_major, which nothing links to
    ("metrics", 3, "metric_id", "", "required"),
    ("metrics", 3, "metric_id", "Funding Projects", "pattern"),
    ("metrics", 4, "metric_id", DUP, "primaryKey"),
    ("metrics", 3, "source_id", "", "required"),
    ("metrics", 3, "source_id", " ", "required"),  # refused by the foreign key
    ("metrics", 3, "source_id", "nowhere_2023", "foreignKey"),
    ("metrics", 3, "theme", "", "required"),
    ("metrics", 3, "theme", "money", "enum"),
    ("metrics", 3, "label_en", "", "required"),
    ("metrics", 3, "label_en", "  ", "required"),
    ("metrics", 3, "label_zh", "\u3000", "required"),
    ("metrics", 3, "value", "", "required"),
    ("metrics", 3, "value", "5.3亿", "type"),
    ("metrics", 3, "value", "twenty-two", "type"),
    ("metrics", 3, "unit", "", "required"),
    ("metrics", 3, "unit", "箱", "enum"),
    ("metrics", 3, "unit_en", " ", "required"),
    ("metrics", 3, "qualifier", "", "required"),
    ("metrics", 3, "qualifier", "more", "enum"),
    ("metrics", 3, "high", "x", "type"),
    ("metrics", 3, "ratio", "two", "type"),
    ("metrics", 3, "period", "", "required"),
    ("metrics", 3, "period", "2023xyz", "pattern"),
    ("metrics", 3, "period", "FY23", "pattern"),
    ("metrics", 3, "period", "2023-06", "pattern"),  # a month alone is no metric's period
    ("metrics", 3, "period", "2023-13/2023-14", "pattern"),
    ("metrics", 3, "basis", "money", "enum"),
    ("metrics", 3, "quote", " ", "required"),
    ("metrics", 3, "duplicate_of", "Funding Total", "pattern"),
    ("metrics", 3, "duplicate_of", "funding.total", "foreignKey"),
    ("metrics", 3, "part_of", "Funding Total", "pattern"),
    ("metrics", 3, "part_of", "funding.total", "foreignKey"),
    ("metrics", 3, "sector_crs", "12", "pattern"),
    ("metrics", 3, "sector_crs", "１２３", "pattern"),
    # exclusions.csv: the base row
    ("exclusions", 2, "source_id", "", "required"),
    ("exclusions", 2, "source_id", "nowhere_2023", "foreignKey"),
    ("exclusions", 2, "quote", "  ", "required"),
    ("exclusions", 2, "reason", "", "required"),
    ("exclusions", 2, "reason", " ", "required"),
    # indicators.csv
    ("indicators", 2, "indicator_id", "", "required"),
    ("indicators", 2, "indicator_id", "Spend per x", "pattern"),
    ("indicators", 3, "indicator_id", DUP, "primaryKey"),
    ("indicators", 2, "label_en", " \t", "required"),
    ("indicators", 2, "label_zh", " ", "required"),
    ("indicators", 2, "operation", "", "required"),
    ("indicators", 2, "operation", "mean", "enum"),
    ("indicators", 2, "inputs", "housing.funds*2;funding.aid_total", "pattern"),  # never an expression
    ("indicators", 2, "inputs", "housing.funds; funding.aid_total", "pattern"),
    ("indicators", 2, "source_id", "elsewhere_2020", "foreignKey"),
    ("indicators", 2, "requires", "same_year", "enum"),
    # cited_figures.tsv: line 3 is a dated figure, xinjiang.aid_funds.cum_2010_2012-02
    ("cited_figures", 3, "figure_id", "", "required"),
    ("cited_figures", 3, "figure_id", "Shufu GDP", "pattern"),
    ("cited_figures", 4, "figure_id", DUP, "unique"),
    ("cited_figures", 3, "subject", "", "required"),
    ("cited_figures", 3, "subject", " 19 provinces→Xinjiang", "pattern"),
    ("cited_figures", 3, "measure", "", "required"),
    ("cited_figures", 3, "measure", "GDP", "enum"),
    ("cited_figures", 3, "basis", "", "required"),
    ("cited_figures", 3, "basis", "yearly", "enum"),
    ("cited_figures", 3, "period", "", "required"),
    ("cited_figures", 3, "period", "FY2022", "pattern"),
    ("cited_figures", 3, "period", "2010/2012-13", "pattern"),
    ("cited_figures", 3, "stated", "", "required"),
    ("cited_figures", 3, "stated", CJK20 + "153亿元", "pattern"),
    ("cited_figures", 3, "value", "", "required"),
    ("cited_figures", 3, "value", "６０亿", "type"),
    ("cited_figures", 3, "unit", "", "required"),
    ("cited_figures", 3, "unit", "箱", "enum"),
    ("cited_figures", 3, "qualifier", "", "required"),
    ("cited_figures", 3, "qualifier", "range", "enum"),  # a cited figure is never a range
    ("cited_figures", 3, "description_en", "", "required"),
    ("cited_figures", 3, "description_en", CJK20, "pattern"),
    ("cited_figures", 3, "outlet", "", "required"),
    ("cited_figures", 3, "outlet", CJK20, "pattern"),
    ("cited_figures", 3, "author", CJK20, "pattern"),
    ("cited_figures", 3, "published", "", "required"),
    ("cited_figures", 3, "published", "2012-02-29x", "pattern"),
    ("cited_figures", 3, "published", "2011-02-29", "pattern"),
    ("cited_figures", 3, "published", "n.d", "pattern"),
    ("cited_figures", 3, "url", "", "required"),
    ("cited_figures", 3, "url", "xjsf.gov.cn/page", "pattern"),
    ("cited_figures", 3, "reliability", "", "required"),
    ("cited_figures", 3, "reliability", "D", "enum"),
    ("cited_figures", 3, "note", CJK20, "pattern"),
    ("cited_figures", 3, "conflicts_with", "not an id", "pattern"),
    ("cited_figures", 3, "conflicts_with", "xinjiang.aid_funds.2011_plan; x.y", "pattern"),
    # subjects.csv: the base rows
    ("subjects", 2, "subject", "", "required"),
    ("subjects", 2, "subject", " Padded County ", "pattern"),
    ("subjects", 3, "subject", DUP, "unique"),
    ("subjects", 2, "description", " ", "required"),
    # references.csv
    ("references", 3, "reference_id", "", "required"),
    ("references", 3, "reference_id", "OHCHR 2022", "pattern"),
    ("references", 3, "reference_id", DUP, "unique"),
    ("references", 3, "topic", "", "required"),
    ("references", 3, "topic", "opinion", "enum"),
    ("references", 3, "outlet", "", "required"),
    ("references", 3, "outlet", CJK20, "pattern"),
    ("references", 3, "outlet", "x" * 241, "maxLength"),
    ("references", 3, "title", "", "required"),
    ("references", 3, "title", CJK20, "pattern"),
    ("references", 3, "title", "x" * 241, "maxLength"),
    ("references", 3, "published", "", "required"),
    ("references", 3, "published", "31/08/2022", "pattern"),
    ("references", 3, "published", "2022-13", "pattern"),
    ("references", 3, "url", "", "required"),
    ("references", 3, "url", "www.ohchr.org/a.pdf", "pattern"),
    ("references", 3, "note", CJK20, "pattern"),
    ("references", 3, "note", "x" * 241, "maxLength"),
]

# (resource, line, cells): edge cells that both accept.
GOOD = [
    ("sources", 2, {"published": "2023-11-13"}),  # one rule for a source's date, as for every date
    ("sources", 2, {"published": "2023-11"}),
    ("sources", 2, {"published": "2024-02-29"}),  # a leap year
    ("sources", 2, {"published": "2000-02-29"}),  # divisible by 400
    ("sources", 2, {"published": "2023-12-31", "period_covered": ""}),
    ("sources", 2, {"language": "zh-Hans-CN", "url": ""}),
    ("sources", 2, {"url": "http://example.org"}),
    ("sources", 2, {"outlet": " 南方农村报 "}),  # spaces around text are not blank
    ("metrics", 3, {"value": "22.0"}),
    ("metrics", 3, {"value": "2.2e1", "sector_crs": "151", "basis": "signed"}),
    ("metrics", 3, {"period": "2016/2023"}),
    ("metrics", 3, {"period": "2023-01/2023-09"}),
    ("metrics", 3, {"period": "2021-07/2023-06"}),
    ("metrics", 3, {"period": "cumulative"}),
    ("metrics", 3, {"note": "two\nlines", "label_en": "  padded  "}),
    ("exclusions", 2, {"reason": "a reason\nover two lines"}),
    ("indicators", 2, {"requires": "same_period", "source_id": ""}),  # every source that has the inputs
    ("cited_figures", 3, {"author": CJK19, "note": CJK19}),  # 19 Chinese characters: still a citation
    ("cited_figures", 3, {"published": "2012-02", "conflicts_with": "xinjiang.aid_funds.2011_plan"}),
    ("cited_figures", 2, {"published": "n.d."}),
    ("cited_figures", 3, {"subject": "Example County (invented)"}),  # the folder's own (subjects.csv)
    ("subjects", 2, {"subject": "Shule→Kashgar (invented)"}),
    ("references", 3, {"title": "x" * 240, "note": "y" * 240, "published": "2022"}),
    ("references", 3, {"url": "http://undocs.org/A/HRC/51/26?lang=en"}),
]

# (resource, line, column, cell, why): what aidlib refuses and Frictionless cannot be told.
STRICTER = [
    ("metrics", 3, "value", "2_2", "a number is ASCII digits; Frictionless reads it with Decimal, taking _"),
    ("metrics", 3, "value", "２２", "Decimal also reads full-width digits"),
    ("metrics", 3, "value", " 22", "Frictionless strips a number's padding"),
    ("metrics", 3, "value", "NaN", "Decimal reads NaN and Infinity; a value is finite"),
    ("metrics", 3, "period", "2020/2016", "a span runs forwards: no pattern can compare its ends"),
    ("metrics", 3, "period", "2016/2016", "a span of years has two; 2016 is one year"),
    ("cited_figures", 3, "published", "2099-01-01", "a date in the future: it depends on today"),
    ("cited_figures", 3, "subject", "Shufu", "one of aidlib's subjects or of subjects.csv: two lists"),
    ("sources", 2, "url", "https://example.org/a\n", "Python's $ matches before a final line break"),
]


def _file(resource):
    table = schema.table_schema(resource)
    return DATA / table.path, table.delimiter


def _read(path, delimiter):
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter=delimiter))


def _write(path, delimiter, rows):
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=delimiter, lineterminator="\n").writerows(rows)


@pytest.fixture
def folder(tmp_path):
    """A copy of the shipped data, with :data:`BASE_ROWS` in its empty tables."""
    dest = tmp_path / "data"
    shutil.copytree(DATA, dest)
    for resource, rows in BASE_ROWS.items():
        path, delimiter = _file(resource)
        header = _read(path, delimiter)[0]
        _write(dest / path.name, delimiter, [header, *([r[c] for c in header] for r in rows)])
    return dest


def _plant(folder, resource, line, cells):
    path, delimiter = _file(resource)
    path = folder / path.name
    rows = _read(path, delimiter)
    while len(rows) < line:
        rows.append(list(rows[-1]))
    for column, cell in cells.items():
        i = rows[0].index(column)
        rows[line - 1][i] = rows[line - 2][i] if cell == DUP else cell
    _write(path, delimiter, rows)
    return path


def _frictionless(folder, resource=None):
    """(resource, row, field or None, type) of every error ``frictionless validate`` reports."""
    # One resource is enough where only it changed (the rest is the shipped data, valid: see
    # test_the_base_folder_passes_both); its foreign keys are still looked up in the others.
    kw = {"resource_name": resource} if resource else {}
    report = frictionless.validate(str(folder / "datapackage.json"), **kw)
    found = [(task.name, e.row_number if hasattr(e, "row_number") else None, getattr(e, "field_name", None),
              e.type) for task in report.tasks for e in task.errors]  # fmt: skip
    assert report.valid or found or report.errors, report.flatten(["type", "note"])
    return found + [(None, None, None, e.type) for e in report.errors]


def test_the_base_folder_passes_both(folder):
    assert check_data(folder).problems == []
    assert _frictionless(folder) == []


def _case_id(case):
    return f"{case[0]}.{case[2]}={case[3] if case[3] != DUP else 'DUP'}@{case[1]}"[:80]


@pytest.mark.slow
@pytest.mark.parametrize(("resource", "line", "column", "cell", "constraint"), BAD, ids=map(_case_id, BAD))
def test_a_bad_cell_is_refused_by_both(folder, resource, line, column, cell, constraint):
    path = _plant(folder, resource, line, {column: cell})
    problems = check_data(folder).problems
    here = [p for p in problems if (p.path, p.line, p.column) == (path, line, column)]
    assert len(here) == 1, [str(p) for p in problems]  # one cause, one line
    assert all("\n" not in str(p) for p in problems)  # one line each, naming file, line and column
    assert str(here[0]).startswith(f"{path}:{line}: column {column}: ")
    errors = _frictionless(folder, resource)
    assert any((r, n) == (resource, line) and field in (column, None) for r, n, field, _ in errors), errors


@pytest.mark.parametrize(("resource", "line", "cells"), GOOD, ids=[f"{g[0]}:{','.join(g[2])}" for g in GOOD])
def test_a_good_edge_cell_is_accepted_by_both(folder, resource, line, cells):
    _plant(folder, resource, line, cells)
    assert [str(p) for p in check_data(folder).problems] == []
    assert _frictionless(folder, resource) == []


@pytest.mark.parametrize(("resource", "line", "column", "cell", "why"), STRICTER,
                         ids=[_case_id(s) for s in STRICTER])  # fmt: skip
def test_what_aidlib_alone_refuses_is_listed(folder, resource, line, column, cell, why):
    # the list is exact: a cell Frictionless comes to refuse belongs in BAD, with a rule in the schema
    path = _plant(folder, resource, line, {column: cell})
    problems = check_data(folder).problems
    assert any((p.path, p.line, p.column) == (path, line, column) for p in problems), problems
    assert not any(r == resource and row == line for r, row, _, _ in _frictionless(folder, resource)), why


# ---- the table covers the schema --------------------------------------------------------------
def _constraints():
    """(resource, column, constraint) for every constraint the descriptor states."""
    out = set()
    for resource in schema.datapackage_resources():
        name, table = resource["name"], resource["schema"]
        for f in table["fields"]:
            out |= {(name, f["name"], c) for c in f.get("constraints", {})}
            if f["type"] != "string":
                out.add((name, f["name"], "type"))
        key = table.get("primaryKey", [])
        if len(key) > 1:
            out.add((name, tuple(key), "primaryKey"))
        for fk in table.get("foreignKeys", []):
            out.add((name, tuple(fk["fields"]), "foreignKey"))
    return out


def test_every_constraint_has_a_bad_cell():
    covered = set()
    for resource, _, column, cell, constraint in BAD:
        covered.add((resource, column, constraint))
        if cell and not cell.strip():  # spaces alone: what the pattern of a required text field refuses
            covered.add((resource, column, "pattern"))
        for key in _constraints():
            if key[0] == resource and key[2] == constraint and isinstance(key[1], tuple) and column in key[1]:
                covered.add(key)
    assert _constraints() - covered == set()
    assert len(BAD) >= len(_constraints())


def test_every_required_text_field_refuses_spaces_alone():
    # aidlib reads "required" as "not blank"; the descriptor's pattern says so to Frictionless (or
    # its enum, or a foreign key into ids that are names)
    for resource in schema.datapackage_resources():
        linked = {c for fk in resource["schema"].get("foreignKeys", []) for c in fk["fields"]}
        for f in resource["schema"]["fields"]:
            c = f.get("constraints", {})
            if c.get("required") and f["type"] == "string" and "enum" not in c and f["name"] not in linked:
                where = (resource["name"], f["name"])
                assert "pattern" in c and not re.match(f"^{c['pattern']}$", "  "), where


def test_every_pattern_is_anchored_as_frictionless_compiles_it():
    # Frictionless compiles ^pattern$ and matches; aidlib matches the whole cell: the same answer
    # for every cell of the tables above (a final line break aside: STRICTER)
    cells = {(r, c): set() for r, _, c, _, _ in BAD + STRICTER}
    for r, _, c, cell, _ in BAD + STRICTER:
        cells[r, c].add(cell)
    for r, _, edits in GOOD:
        for c, cell in edits.items():
            cells.setdefault((r, c), set()).add(cell)
    for resource in schema.datapackage_resources():
        for f in resource["schema"]["fields"]:
            pattern = f.get("constraints", {}).get("pattern")
            if pattern is None:
                continue
            assert pattern.startswith("(?:") and pattern.endswith(")"), f["name"]
            for cell in cells.get((resource["name"], f["name"]), set()) - {DUP}:
                if not cell.endswith("\n"):
                    framed = re.compile(f"^{pattern}$").match(cell) is not None
                    assert framed == (re.fullmatch(pattern, cell) is not None), (f["name"], cell)


def test_aidlib_reads_every_type_the_schema_uses():
    types = {f["type"] for r in schema.datapackage_resources() for f in r["schema"]["fields"]}
    assert types <= set(schema.TYPES)


# ---- one rule for a source's date: check, add-source and the descriptor ------------------------
@pytest.mark.parametrize(("published", "ok"), [("2023", True), ("2023-11", True), ("2023-11-13", True),
                                               ("2023-11-31", False), ("13/11/2023", False)])  # fmt: skip
def test_a_source_date_is_one_rule_for_add_source_check_and_frictionless(tmp_path, published, ok):
    from aidlib.data.curate import add_source, init_data

    folder = tmp_path / "mine"
    init_data(folder)
    text = tmp_path / "report.txt"
    text.write_text("2023年投入援疆资金3亿元。\n", encoding="utf-8")
    if ok:
        record = add_source(text, "mine_2023", outlet="测试报", published=published, data=folder)
        assert record["period_covered"] == "2023"
    else:
        with pytest.raises(ValueError, match=rf"--published '{re.escape(published)}' is not a date"):
            add_source(text, "mine_2023", outlet="测试报", published=published, data=folder)
        add_source(text, "mine_2023", outlet="测试报", published="2023", data=folder)
        _plant_in(folder / "sources.csv", "published", published)
    assert check_data(folder).ok is ok
    assert frictionless.validate(str(folder / "datapackage.json")).valid is ok


def _plant_in(path, column, cell):
    rows = _read(path, ",")
    rows[1][rows[0].index(column)] = cell
    _write(path, ",", rows)


# ---- the folder's descriptor holds aidlib's rules ----------------------------------------------
def test_a_descriptor_with_other_rules_is_one_line(folder):
    import json

    package = folder / "datapackage.json"
    meta = json.loads(package.read_text(encoding="utf-8"))
    published = meta["resources"][0]["schema"]["fields"][4]
    published["constraints"]["pattern"] = "[0-9]{4}"  # a curator's edit: frictionless would read another rule
    package.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    (problem,) = check_data(folder).problems
    assert str(problem) == (
        f"{package}: does not hold aidlib's rules, so frictionless validate would check others than aidlib "
        "check (resource 'sources': field 'published' has other constraints); rewrite its resources with "
        f"`python -m aidlib.data.schema {package}`"
    )
    assert schema.main([str(package)]) == 0
    assert check_data(folder).problems == []
