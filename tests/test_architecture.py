"""The shape of the package: stages import downwards, nothing in a circle, no private name crosses modules."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path


def test_the_import_contracts_are_kept():
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    done = subprocess.run([exe, "--no-cache"], capture_output=True, text=True, cwd=Path(__file__).parents[1])
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def _private(name: str) -> bool:
    # _x is private; __x__ is Python's and _x_ a protocol's (IPython's _repr_html_): both public
    return name.startswith("_") and not name.endswith("_")


def _private_uses(path: Path, module: str) -> list[str]:
    """Where ``path`` (the module ``module``) reaches a private name of another module.

    An import of ``_x`` from another module; ``m._x`` on a module it imported; ``obj._x``
    where this module defines no ``_x`` (a private attribute of another module's object,
    such as matplotlib's ``fig._suptitle``).
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    imported: set[str] = set()  # the local names bound by an import
    defined: set[str] = set()  # every name this module binds itself
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                imported.add(alias.asname or alias.name.partition(".")[0])
                if any(_private(part) for part in alias.name.split(".")):
                    found.append((node.lineno, f"import {alias.name}"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # from . import x, from ..y import x
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            for alias in node.names:
                imported.add(alias.asname or alias.name)
                if base != module and (_private(alias.name) or any(_private(p) for p in base.split("."))):
                    found.append((node.lineno, f"from {base} import {alias.name}"))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            defined.add(node.name)
        elif isinstance(node, ast.arg):
            defined.add(node.arg)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            defined.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            defined.add(node.attr)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            on_module = isinstance(node.value, ast.Name) and node.value.id in imported
            if on_module or node.attr not in defined:
                found.append((node.lineno, ast.unparse(node)))
    return [f"{line}: {what}" for line, what in sorted(found)]


def test_no_private_name_is_used_across_modules():
    # a name another module needs is public (and documented); _x stays inside its module
    src = Path(__file__).parents[1] / "src"
    found = []
    for path in sorted((src / "aidlib").rglob("*.py")):
        parts = path.relative_to(src).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found += [f"{path.relative_to(src).as_posix()}:{hit}" for hit in _private_uses(path, module)]
    assert not found, f"{len(found)} private names used across modules:\n" + "\n".join(found)


def test_the_private_name_check_sees_each_kind(tmp_path):
    # the check above must see each way of reaching another module's private name
    path = tmp_path / "m.py"
    path.write_text(
        "from aidlib.quantities.numerals import _read, read_numeral\n"
        "from aidlib.analysis import theme\n"
        "import aidlib.quantities.patterns as patterns\n"
        "from . import _sibling\n"
        "theme._check_labels([])\n"
        "patterns._trie([])\n"
        "fig._suptitle\n"
        "class A:\n"
        "    def __init__(self):\n"
        "        self._own = 1\n"
        "    def get(self):\n"
        "        return self._own, self.__class__, self._repr_html_\n",
        encoding="utf-8",
    )
    found = [line.split(": ", 1)[1] for line in _private_uses(path, "aidlib.x.m")]
    assert found == [
        "from aidlib.quantities.numerals import _read",
        "from aidlib.x import _sibling",
        "theme._check_labels",
        "patterns._trie",
        "fig._suptitle",
    ]
