"""The docs site: its reference names every public name, and the README stays a front door."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import aidlib

ROOT = Path(__file__).resolve().parents[1]


def _gen_reference():
    spec = importlib.util.spec_from_file_location("gen_reference", ROOT / "docs" / "gen_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_api_reference_names_every_public_name():
    page = _gen_reference().api()
    headings = set(re.findall(r"^      heading: aidlib\.(\w+)$", page, re.M))
    assert headings == set(aidlib.__all__)


def test_the_cli_reference_has_every_command():
    page = _gen_reference().cli()
    from aidlib.cli import build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command")  # noqa: SLF001
    assert set(re.findall(r"^## aidlib (\S+)$", page, re.M)) == set(sub.choices)


def test_the_data_dictionary_has_every_table():
    import json

    page = _gen_reference().data()
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert set(re.findall(r"^## `([^`]+)`$", page, re.M)) == {r["path"] for r in package["resources"]}


def test_the_readme_is_a_front_door():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 150
    assert "make report" in readme and "make test" in readme


def test_every_page_the_readme_and_the_site_link_exists():
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in re.findall(r":\s+(\S+\.md)$", nav, re.M):
        if not page.startswith("reference/"):  # generated at build time
            assert (ROOT / "docs" / page).is_file(), page
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for link in re.findall(r"\]\(((?:docs|src)/[^)#]+)\)", readme):
        assert (ROOT / link).exists(), link
