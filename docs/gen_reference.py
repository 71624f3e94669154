"""Write the reference pages from the code itself, at build time (mkdocs-gen-files runs this).

Nothing here is typed by hand, so nothing can go stale:

- ``reference/api.md``: every name of ``aidlib.__all__``, each rendered by mkdocstrings
  from its docstring, grouped by the stage it comes from;
- ``reference/cli.md``: the help of ``aidlib`` and of each of its commands;
- ``reference/data.md``: the data dictionary, from the shipped ``datapackage.json``;
- ``reference/rules.md``: the parser's and the repair's rules, from their modules' docstrings.
"""

from __future__ import annotations

import inspect
import json

import mkdocs_gen_files

import aidlib
from aidlib.cli import build_parser
from aidlib.data.paths import data_dir

STAGES = {
    "aidlib.text": "Text: repair a damaged report",
    "aidlib.quantities": "Quantities: read numbers with their measure word and hedge",
    "aidlib.data": "Data: load and check sources, metrics, indicators and cited figures",
    "aidlib.analysis": "Analysis: views, derived figures and charts",
}
RULE_MODULES = (
    ("aidlib.quantities.chinese", "How a Chinese quantity is read"),
    ("aidlib.quantities.numerals", "Numbers: digits, numerals and capitals"),
    ("aidlib.quantities.units", "Measure words as a model"),
    ("aidlib.quantities.context", "Words before a number: rates, hedges at a distance, comparatives"),
    ("aidlib.quantities.shares", "Shares and multiples"),
    ("aidlib.quantities.currencies", "Currencies"),
    ("aidlib.quantities.names", "Place names holding a numeral"),
    ("aidlib.quantities.words", "Hedges and other word lists"),
    ("aidlib.quantities.english", "English wire copy"),
    ("aidlib.text.normalizer", "The repair, step by step"),
    ("aidlib.text.repairs", "The repairs of the text"),
    ("aidlib.text.mojibake", "Byte-shifted GBK"),
)


def _path(name: str) -> str:
    """Where a public name is defined, as mkdocstrings finds it (``aidlib.data.metrics.load_metrics``)."""
    obj = getattr(aidlib, name)
    if inspect.ismodule(obj):
        return obj.__name__
    return f"{obj.__module__}.{obj.__qualname__}"


def api() -> str:
    """The Python API page: every public name, by stage."""
    lines = ["# Python API", "", "`import aidlib` gives every name below (each loaded on first use).", ""]
    paths = {name: _path(name) for name in aidlib.__all__}
    groups = {}
    for stage, title in STAGES.items():
        groups[title] = [n for n, p in paths.items() if p.startswith(f"{stage}.")]
    for title, names in groups.items():
        if not names:
            continue
        lines += [f"## {title}", ""]
        for name in names:
            members = "" if not inspect.ismodule(getattr(aidlib, name)) else "      members: false\n"
            lines += [f"::: {paths[name]}", "    options:", f"      heading: aidlib.{name}", members]
    missing = set(paths) - {n for names in groups.values() for n in names}
    if missing:  # every public name has its place: a new stage or module must be added to STAGES
        raise SystemExit(f"gen_reference: no section for {sorted(missing)}")
    return "\n".join(lines)


def cli() -> str:
    """The command-line page: the help of aidlib and of each command."""
    parser = build_parser()
    lines = ["# Command line", "", "```text", parser.format_help().rstrip(), "```", ""]
    sub = next(a for a in parser._actions if a.dest == "command")  # noqa: SLF001 - argparse keeps them here
    for name, command in sub.choices.items():
        lines += [f"## aidlib {name}", "", "```text", command.format_help().rstrip(), "```", ""]
    return "\n".join(lines)


def _rule(field: dict) -> str:
    rules = []
    constraints = field.get("constraints", {})
    if constraints.get("required"):
        rules.append("required")
    if constraints.get("unique"):
        rules.append("unique")
    if "enum" in constraints:
        values = constraints["enum"]
        shown = ", ".join(f"`{v}`" for v in values[:12])
        rules.append(f"one of {shown}" + (f" and {len(values) - 12} more" if len(values) > 12 else ""))
    if "pattern" in constraints:
        rules.append(f"matches `{constraints['pattern']}`")
    return "; ".join(rules)


def data() -> str:
    """The data dictionary: every table and column of the shipped data package."""
    package = json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    about = f"The data package *{package.get('title', '')}*, version {package.get('version', '')}"
    lines = ["# Data dictionary", "", f"{about}: every table and column, and what `aidlib check` holds.", ""]
    for resource in package["resources"]:
        schema = resource.get("schema", {})
        lines += [f"## `{resource['path']}`", "", resource.get("description", ""), ""]
        if schema.get("primaryKey"):
            key = schema["primaryKey"]
            lines += [f"Key: {', '.join(f'`{k}`' for k in (key if isinstance(key, list) else [key]))}.", ""]
        lines += ["| column | type | rules | what it holds |", "| --- | --- | --- | --- |"]
        for field in schema.get("fields", []):
            desc = field.get("description", "").replace("|", "\\|")
            rule = _rule(field).replace("|", "\\|")
            lines.append(f"| `{field['name']}` | {field.get('type', 'string')} | {rule} | {desc} |")
        lines.append("")
    return "\n".join(lines)


def rules() -> str:
    """The rules page: the docstrings of the modules that apply the parser's and the repair's rules."""
    lines = ["# Parser and repair rules", "", "Each section is the docstring of the module applying it.", ""]
    for module, title in RULE_MODULES:
        options = ["    options:", "      members: false", "      show_root_heading: false"]
        lines += [f"## {title}", "", f"::: {module}", *options, ""]
    return "\n".join(lines)


def main() -> None:
    """Write the four pages into the site being built."""
    pages = {"reference/api.md": api(), "reference/cli.md": cli(), "reference/data.md": data(),
             "reference/rules.md": rules()}  # fmt: skip
    for path, text in pages.items():
        with mkdocs_gen_files.open(path, "w") as fh:
            fh.write(text)


if __name__ in {"__main__", "<run_path>"}:  # mkdocs-gen-files runs this file with runpy.run_path
    main()
