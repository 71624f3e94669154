r"""The one schema of the data tables (``aidlib/data/schema.json``): every rule a cell must keep.

``schema.json`` lists every resource of a data package with its Table Schema, plus a
table of named *rules*: a pattern each (a date, a URL, an id, a period, a citation
that is never article text …) and the one line aidlib prints when a cell breaks it.
A field names its rule (``"rule": "date"``); a rule's pattern may use another as
``@name``. Two things are made from it, so they cannot disagree:

- the resources of every ``datapackage.json`` (:func:`datapackage_resources`): each
  rule written out as the field's ``constraints.pattern``, the enums added from
  :mod:`aidlib.data.vocabulary`, aidlib's wording left out. ``aidlib init`` writes them
  into a new folder; ``python -m aidlib.data.schema data/datapackage.json`` rewrites a
  descriptor's (:func:`main`; formerly ``python -m aidlib.data.vocabulary``, which would
  now import this module back: a circle); ``aidlib check`` refuses a descriptor whose
  rules are not these (:func:`descriptor_problems`), since ``frictionless validate``
  reads them there;
- the per-cell checks of every table reader (:class:`RowChecker`): ``required``,
  ``type``, ``enum``, ``pattern``, ``maxLength``, and the keys (``unique``,
  ``primaryKey``), with Frictionless' meaning: an empty cell is missing and only
  ``required`` applies to it.

Frictionless compiles a pattern as ``^pattern$`` and matches it with Python's
``re``, so every pattern is written out inside ``(?:…)``: a ``|`` at its top level
would otherwise leave one alternative unanchored (``2023 sometime`` was a date).
Digits are ``[0-9]``, never ``\d``, which in Python also matches other scripts' digits.

What a cell cannot say alone stays with its table's module: links across rows and
tables (a part within its total, a restatement of its original, a subject of
``subjects.csv``), rules across the columns of a row (a unit fits its measure, a
range has a high end), and provenance (the quote is in the source text and states
the value; checksums). Where aidlib is stricter than Frictionless can be told (a number
is ASCII digits only, finite; a cell may not end in a line break, which Python's ``$``
lets through), the tests list the difference (``tests/test_schema.py``).
"""

from __future__ import annotations

import copy
import json
import re
import sys
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from aidlib.data.csvfile import Problem, parse_value
from aidlib.data.vocabulary import write_enums

SCHEMA_FILE = "schema.json"
#: The field types aidlib's checker reads; a schema with another fails the tests.
TYPES = ("string", "number")
# aidlib's own keys in schema.json: the rule a field keeps and the words of its problems.
# They are never written into a descriptor (a descriptor is plain Table Schema).
_FIELD_KEYS = ("rule", "empty", "noun", "expected")
_RESOURCE_KEYS = ("row",)
_TOKEN = re.compile(r"@([a-z_]+)")
_MAX_LENGTH_NOTE = "never a passage"


@cache
def _raw() -> dict:
    text = resources.files("aidlib.data").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)


def _expand(name: str, rules: dict, seen: tuple[str, ...] = ()) -> str:
    if name in seen:
        raise ValueError(f"{SCHEMA_FILE}: rule {name!r} refers to itself ({' → '.join((*seen, name))})")
    if name not in rules:
        raise KeyError(f"{SCHEMA_FILE}: no rule {name!r}; known: {', '.join(rules)}")
    body = _TOKEN.sub(lambda m: _expand(m[1], rules, (*seen, name)), rules[name]["pattern"])
    return f"(?:{body})"


@cache
def patterns() -> dict[str, str]:
    """Every named rule's pattern, written out (``@name`` replaced) inside ``(?:…)``.

    Examples:
        >>> patterns()["year"]
        '(?:[0-9]{4})'
        >>> import re
        >>> [bool(re.fullmatch(patterns()["date"], d)) for d in ("2024-02-29", "2023-02-29", "2023-11")]
        [True, False, True]
    """
    rules = _raw()["rules"]
    return {name: _expand(name, rules) for name in rules}


def datapackage_resources() -> list[dict]:
    """The resources every data package lists, each with its Table Schema: ``schema.json`` written out.

    Each field's rule becomes its ``constraints.pattern``; the enums come from
    :mod:`aidlib.data.vocabulary`; aidlib's wording is left out. A new list on every
    call (the caller may change it).

    Examples:
        >>> [r["name"] for r in datapackage_resources()][:3]
        ['sources', 'metrics', 'exclusions']
        >>> published = datapackage_resources()[0]["schema"]["fields"][4]
        >>> published["name"], published["type"], published["constraints"]["required"]
        ('published', 'string', True)
    """
    found = patterns()
    out = copy.deepcopy(_raw()["resources"])
    for resource in out:
        for key in _RESOURCE_KEYS:
            resource.pop(key, None)
        for spec in resource["schema"]["fields"]:
            rule = spec.get("rule")
            for key in _FIELD_KEYS:
                spec.pop(key, None)
            if rule:
                spec["constraints"] = {**spec.get("constraints", {}), "pattern": found[rule]}
    return write_enums({"resources": out})["resources"]


def write_resources(package: dict) -> dict:
    """Set a descriptor's resources to :func:`datapackage_resources`; nothing else in it changes.

    The canonical resources come first, in their order; a resource of another name (a
    table the folder adds) is kept as it is, after them.

    Raises:
        ValueError: ``package`` is not a descriptor (an object whose resources are a list).
    """
    listed = package.get("resources", []) if isinstance(package, dict) else None
    if not isinstance(listed, list):
        raise ValueError("not a data package descriptor: expected an object with a list of resources")
    canonical = datapackage_resources()
    names = {r["name"] for r in canonical}
    own = [r for r in listed if not isinstance(r, dict) or r.get("name") not in names]
    package["resources"] = canonical + own
    return package


# ---- the rules of one table, as aidlib reads them ------------------------------------------
@dataclass(frozen=True)
class Field:
    """One column's per-cell rules (from the descriptor) and the words of its problems (aidlib's).

    Attributes:
        name: the column.
        type: ``string`` or ``number`` (:data:`TYPES`).
        required: an empty cell, or spaces alone, is refused.
        unique: no two rows hold the same value.
        pattern: the whole cell must match (None: any text).
        enum: the values allowed (None: any).
        max_length: the most characters a cell may hold (None: no limit).
        rule: the name of the rule behind ``pattern`` (empty for none).
        problem: what a cell that breaks the pattern is, with ``{cell}`` for the cell.
        empty: why an empty cell is refused (after ``is empty;``).
        noun: what an unknown enum value is called (``unknown theme 'x'``).
        expected: what a cell of the wrong type or out of the enum should have been.
    """

    name: str
    type: str
    required: bool
    unique: bool
    pattern: re.Pattern[str] | None
    enum: tuple[str, ...] | None
    max_length: int | None
    rule: str
    problem: str
    empty: str
    noun: str
    expected: str

    def check(self, cell: str) -> str | None:
        """What is wrong with one cell of this column, in one line; None when nothing is.

        The order is Frictionless': an empty cell is missing (only ``required`` applies);
        then the type; then the constraints. One problem per cell.

        Examples:
            >>> published = table_schema("sources").field("published")
            >>> published.check("2023-11-13") is None, published.check("2023 sometime")
            (True, "'2023 sometime' is not a date like 2023, 2023-11 or 2023-11-13")
            >>> published.check(" ")
            'is empty; every source has one'
        """
        if not cell.strip():
            if self.required:
                return f"is empty; {self.empty}"
            if not cell:
                return None  # missing: no other constraint applies
        if self.type == "number" and parse_value(cell) is None:
            return f"{cell!r} is not a number; {self.expected or 'expected a number (ASCII digits)'}"
        if self.enum is not None and cell not in self.enum:
            return f"unknown {self.noun} {cell!r}; {self.expected or self._one_of()}"
        if self.pattern is not None and not self.pattern.fullmatch(cell):
            return self.problem.format(cell=repr(cell))
        if self.max_length is not None and len(cell) > self.max_length:
            return f"is {len(cell)} characters; at most {self.max_length}, {_MAX_LENGTH_NOTE}"
        return None

    def _one_of(self) -> str:
        return f"expected one of {', '.join(self.enum or ())}" + ("" if self.required else ", or empty")


@dataclass(frozen=True)
class TableSchema:
    """The per-cell rules and keys of one resource, as :class:`RowChecker` applies them."""

    name: str
    path: str
    delimiter: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    row: str  # what a row is, for messages: "every source has one"

    @property
    def columns(self) -> tuple[str, ...]:
        """The columns, in the order of the header."""
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> Field:
        """One column's rules.

        Raises:
            KeyError: no such column.
        """
        for f in self.fields:
            if f.name == name:
                return f
        known = ", ".join(self.columns)
        raise KeyError(f"resource {self.name!r} has no column {name!r}; expected one of {known}")


@cache
def table_schemas() -> dict[str, TableSchema]:
    """Every resource's rules, by name, read from :func:`datapackage_resources` and ``schema.json``.

    Raises:
        ValueError: a field of a type aidlib does not read (not in :data:`TYPES`).
    """
    raw = {r["name"]: r for r in _raw()["resources"]}
    rules = _raw()["rules"]
    out = {}
    for resource in datapackage_resources():
        mine = raw[resource["name"]]
        own = {f["name"]: f for f in mine["schema"]["fields"]}
        row = mine.get("row", "row")
        fields = []
        for spec in resource["schema"]["fields"]:
            if spec["type"] not in TYPES:
                raise ValueError(f"{SCHEMA_FILE}: {resource['name']}.{spec['name']}: type {spec['type']!r} "
                                 f"is not one aidlib reads ({', '.join(TYPES)})")  # fmt: skip
            words = own[spec["name"]]
            c = spec.get("constraints", {})
            rule = words.get("rule", "")
            fields.append(Field(
                name=spec["name"], type=spec["type"], required=bool(c.get("required")),
                unique=bool(c.get("unique")), pattern=re.compile(c["pattern"]) if "pattern" in c else None,
                enum=tuple(c["enum"]) if "enum" in c else None, max_length=c.get("maxLength"), rule=rule,
                problem=rules[rule]["problem"] if rule else "",
                empty=words.get("empty", f"every {row} has one"),
                noun=words.get("noun", spec["name"].replace("_", " ")), expected=words.get("expected", ""),
            ))  # fmt: skip
        delimiter = resource.get("dialect", {}).get("delimiter", ",")
        key = tuple(resource["schema"].get("primaryKey", ()))
        name = resource["name"]
        out[name] = TableSchema(name, resource["path"], delimiter, tuple(fields), key, row)
    return out


def table_schema(name: str) -> TableSchema:
    """The rules of one resource (``sources``, ``metrics``, ``cited_figures`` …).

    Raises:
        KeyError: no such resource.
    """
    schemas = table_schemas()
    if name not in schemas:
        raise KeyError(f"no resource {name!r}; expected one of {', '.join(schemas)}")
    return schemas[name]


def cell_problem(resource: str, column: str, cell: str) -> str | None:
    """What is wrong with one cell, by the schema's rules; None when nothing is (used by ``add-source``).

    Examples:
        >>> cell_problem("sources", "published", "2023-11"), cell_problem("sources", "period_covered", "soon")
        (None, "'soon' is not a year or a span of years (2023, 2021/2023)")
    """
    return table_schema(resource).field(column).check(cell)


@dataclass
class RowChecker:
    """Check the rows of one table in file order: every cell, then the keys (``unique``, ``primaryKey``).

    A duplicate is reported on the later row, naming the line of the first.
    """

    schema: TableSchema
    path: Path
    _unique: dict[str, dict[str, int]] = field(default_factory=dict, init=False)  # column → cell → line
    _keys: dict[tuple[str, ...], int] = field(default_factory=dict, init=False)  # a key of columns → line

    def __post_init__(self) -> None:
        key = self.schema.primary_key
        unique = [f.name for f in self.schema.fields if f.unique] + (list(key) if len(key) == 1 else [])
        self._unique = {name: {} for name in dict.fromkeys(unique)}

    def check(self, line: int, row: dict[str, str]) -> tuple[list[Problem], set[str]]:
        """The problems of one row, and the columns whose cells broke a rule (so other checks skip them)."""
        problems, failed = [], set()
        for f in self.schema.fields:
            message = f.check(row[f.name])
            if message:
                problems.append(Problem(self.path, line, f.name, message))
                failed.add(f.name)
        for name, seen in self._unique.items():
            cell = row[name]
            if cell and cell in seen:
                message = f"duplicate {cell!r} (first on line {seen[cell]})"
                problems.append(Problem(self.path, line, name, message))
            elif cell:
                seen[cell] = line
        key = self.schema.primary_key
        if len(key) > 1 and any(row[c] for c in key):
            cells = tuple(row[c] for c in key)
            if cells in self._keys:
                problems.append(self._duplicate_key(line, row, self._keys[cells]))
            else:
                self._keys[cells] = line
        return problems, failed

    def _duplicate_key(self, line: int, row: dict[str, str], first: int) -> Problem:
        key = self.schema.primary_key
        named = next((c for c in key if c != "source_id"), key[0])
        if "source_id" in key:
            scope = f" in source {row['source_id']!r}" if row["source_id"] else " for every source"
        else:
            scope = " with " + ", ".join(f"{c} {row[c]!r}" for c in key if c != named)
        return Problem(self.path, line, named, f"duplicate {row[named]!r}{scope} (first on line {first})")


def row_checker(resource: str, path: Path) -> RowChecker:
    """A fresh :class:`RowChecker` for one file of ``resource``."""
    return RowChecker(table_schema(resource), Path(path))


# ---- a folder's descriptor holds these rules -----------------------------------------------
def _rules_of(resource: dict) -> dict:
    """What Frictionless validates by: path, dialect, each field's type and constraints, the keys."""
    schema = resource.get("schema") if isinstance(resource.get("schema"), dict) else {}
    fields = schema.get("fields") if isinstance(schema.get("fields"), list) else []
    return {
        "path": resource.get("path"),
        "dialect": resource.get("dialect"),
        "fields": [
            (f.get("name"), f.get("type", "string"), f.get("constraints", {})) if isinstance(f, dict) else f
            for f in fields
        ],
        "primaryKey": schema.get("primaryKey"),
        "foreignKeys": schema.get("foreignKeys"),
    }


def descriptor_differences(package: dict) -> list[str]:
    """Where a descriptor's resources do not hold aidlib's rules: one phrase per resource, in order.

    Only what validation reads is compared (paths, dialects, types, constraints, keys),
    never a description. A resource of another name (the folder's own table) is not aidlib's.

    Examples:
        >>> descriptor_differences({"resources": datapackage_resources()})
        []
        >>> package = {"resources": datapackage_resources()[1:]}
        >>> package["resources"][0]["schema"]["fields"][0]["constraints"] = {}
        >>> descriptor_differences(package)
        ["no resource 'sources'", "resource 'metrics': field 'metric_id' has other constraints"]
    """
    listed = package.get("resources") if isinstance(package, dict) else None
    by_name = {r.get("name"): r for r in listed if isinstance(r, dict)} if isinstance(listed, list) else {}
    out = []
    for canonical in datapackage_resources():
        name = canonical["name"]
        if name not in by_name:
            out.append(f"no resource {name!r}")
            continue
        mine, theirs = _rules_of(canonical), _rules_of(by_name[name])
        if mine == theirs:
            continue
        what = next((f"its {k} differs" for k in ("path", "dialect", "primaryKey", "foreignKeys")
                     if mine[k] != theirs[k]), "")  # fmt: skip
        if not what and len(mine["fields"]) != len(theirs["fields"]):
            what = "its fields differ"
        elif not what:
            pairs = zip(mine["fields"], theirs["fields"], strict=True)
            (fname, ftype, _), other = next((a, b) for a, b in pairs if a != b)
            same = isinstance(other, tuple) and other[:2] == (fname, ftype)
            what = f"field {fname!r} has other constraints" if same else f"field {fname!r} differs"
        out.append(f"resource {name!r}: {what}")
    return out


def descriptor_problems(package_path: Path, package: dict) -> list[Problem]:
    """One problem when a folder's ``datapackage.json`` does not hold aidlib's rules.

    The differences (:func:`descriptor_differences`) are named in the one line, with the
    command that rewrites the resources.
    """
    differences = descriptor_differences(package)
    if not differences:
        return []
    fix = f"python -m aidlib.data.schema {package_path}"
    message = (f"does not hold aidlib's rules, so frictionless validate would check others than aidlib "
               f"check ({'; '.join(differences)}); rewrite its resources with `{fix}`")  # fmt: skip
    return [Problem(package_path, 0, "", message)]


def main(argv: list[str] | None = None) -> int:
    """Rewrite the resources (schemas and enums) of the ``datapackage.json`` given (default ``data/``'s)."""
    path = Path((argv if argv is not None else sys.argv[1:] or ["data/datapackage.json"])[0])
    package = write_resources(json.loads(path.read_text(encoding="utf-8")))
    path.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    own = package["resources"][len(datapackage_resources()) :]
    kept = [r.get("name") if isinstance(r, dict) else r for r in own]
    more = f"; kept the folder's own resources {kept}" if kept else ""
    print(f"{path}: resources written from aidlib/data/{SCHEMA_FILE}, enums from aidlib.data.vocabulary"
          + more)  # fmt: skip
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
