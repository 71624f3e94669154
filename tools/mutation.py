"""Sampled mutation testing of aidlib's core modules: do the tests notice a small wrong change?

``make mutation`` (outside ``make test``) runs this. For each core module it lists every
place where a small operator change is possible (the AST, so comments and strings are
never touched), samples some with a fixed seed, and for each sampled mutant:

1. copies ``src/`` into a temporary folder once, writes the mutated module there;
2. runs the tests that import the module, and the module's own doctests
   (``pytest -x``), against that copy (``PYTHONPATH``), with a time budget (a mutant
   that hangs counts as killed);
3. counts it *killed* if a test fails, *survived* if every test passes.

Mutants listed in ``tools/mutation-equivalent.txt`` (with the reason each cannot
change behaviour) are left out of the score. The score is killed / (killed +
survived); the target is 90 %. Standard library only; nothing in the checkout is
modified.

Operators: comparison swaps (``<`` ↔ ``<=``, ``>`` ↔ ``>=``, ``==`` ↔ ``!=``, ``in`` ↔
``not in``, ``is`` ↔ ``is not``), arithmetic swaps (``+`` ↔ ``-``, ``*`` ↔ ``/``,
``//`` → ``/``, ``%`` → ``*``), ``and`` ↔ ``or``, ``not x`` → ``x``, an integer
constant ``n`` → ``n + 1``, ``True`` ↔ ``False``, and a ``return x`` → ``return None``.

Usage::

    python tools/mutation.py [--per-module 25] [--seed 17] [--jobs 1] [--timeout 120] [--list]
"""

from __future__ import annotations

import argparse
import ast
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"  # SRC and TESTS are replaced by a snapshot at the start of a run:
TESTS = ROOT / "tests"  # edits made while it runs change nothing
EQUIVALENT = ROOT / "tools" / "mutation-equivalent.txt"

# The modules of the Chinese quantity reader (aidlib.quantities.chinese runs the others).
_CHINESE_READER = ("chinese", "atoms", "expression", "hedges", "lists", "magnitudes", "measure",
                   "not_quantities", "view")  # fmt: skip
# The core modules and the tests that exercise each (the test files that import it,
# directly or through the names aidlib re-exports).
MODULES = {
    **{f"aidlib/quantities/{name}.py": ["test_quantities.py", "test_quantity_rules.py",
                                        "test_reliability_quantities.py"]
       for name in _CHINESE_READER},
    "aidlib/quantities/english.py": ["test_english.py", "test_reliability_quantities.py"],
    "aidlib/analysis/indicators.py": ["test_indicators.py", "test_reliability_core.py", "test_tables.py",
                                      "test_context.py"],
    "aidlib/data/metrics.py": ["test_metrics.py", "test_reliability_core.py"],
    "aidlib/data/csvfile.py": ["test_csvfile.py", "test_metrics.py", "test_figures.py", "test_sources.py"],
    "aidlib/text/edits.py": ["test_text.py", "test_reliability_core.py"],
    "aidlib/text/mojibake.py": ["test_text.py", "test_repair_properties.py", "test_reliability_core.py"],
    "aidlib/text/repairs.py": ["test_text.py", "test_repair_properties.py", "test_reliability_core.py"],
    "aidlib/text/normalizer.py": ["test_text.py", "test_reliability_core.py"],
}  # fmt: skip
# The sample is drawn per group, so each of the five core areas weighs the same.
GROUPS = {
    "quantities": [*(f"aidlib/quantities/{n}.py" for n in _CHINESE_READER), "aidlib/quantities/english.py"],
    "indicators": ["aidlib/analysis/indicators.py"],
    "metrics": ["aidlib/data/metrics.py"],
    "csvfile": ["aidlib/data/csvfile.py"],
    "text": ["aidlib/text/edits.py", "aidlib/text/mojibake.py", "aidlib/text/repairs.py",
             "aidlib/text/normalizer.py"],
}  # fmt: skip

_CMP_SWAP = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
             ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}
_BIN_SWAP = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult,
             ast.FloorDiv: ast.Div, ast.Mod: ast.Mult}  # fmt: skip
_BOOL_SWAP = {ast.And: ast.Or, ast.Or: ast.And}


@dataclass(frozen=True)
class Mutant:
    """One small change: the module, the node's position and what is changed."""

    module: str
    line: int
    col: int
    kind: str  # e.g. "Lt->LtE", "const 2->3", "return->None"

    @property
    def key(self) -> str:
        """The id used in the equivalent-mutants list: ``module:line:col:kind``."""
        return f"{self.module}:{self.line}:{self.col}:{self.kind}"


def _docstring_nodes(tree: ast.AST) -> set[int]:
    """The ids of docstring expressions (never mutated)."""
    out = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        value = first.value if isinstance(first, ast.Expr) else None
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            out.add(id(value))
    return out


def _sites(module: str, tree: ast.AST) -> list[tuple[Mutant, ast.AST, object]]:
    """Every (mutant, node, new value) of a module's tree."""
    out = []
    for node in ast.walk(tree):
        where = (module, getattr(node, "lineno", 0), getattr(node, "col_offset", 0))
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                if type(op) in _CMP_SWAP:
                    new = _CMP_SWAP[type(op)]
                    out.append((Mutant(*where, f"{type(op).__name__}->{new.__name__}#{i}"), node, (i, new)))
        elif isinstance(node, ast.BinOp) and type(node.op) in _BIN_SWAP:
            new = _BIN_SWAP[type(node.op)]
            out.append((Mutant(*where, f"{type(node.op).__name__}->{new.__name__}"), node, new))
        elif isinstance(node, ast.BoolOp):
            new = _BOOL_SWAP[type(node.op)]
            out.append((Mutant(*where, f"{type(node.op).__name__}->{new.__name__}"), node, new))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            out.append((Mutant(*where, "not-removed"), node, None))
        elif isinstance(node, ast.Constant) and type(node.value) is bool:
            out.append((Mutant(*where, f"{node.value}->{not node.value}"), node, not node.value))
        elif isinstance(node, ast.Constant) and type(node.value) is int and abs(node.value) < 10**6:
            out.append((Mutant(*where, f"const {node.value}->{node.value + 1}"), node, node.value + 1))
        elif isinstance(node, ast.Return) and node.value is not None and not (
            isinstance(node.value, ast.Constant) and node.value.value is None
        ):
            out.append((Mutant(*where, "return->None"), node, None))
    return out


def all_mutants(module: str) -> list[Mutant]:
    """Every mutant of ``module`` (a path under ``src/``), docstrings and annotations left alone."""
    tree = ast.parse((SRC / module).read_text(encoding="utf-8"))
    skip = _docstring_nodes(tree)
    annotations = {id(n) for node in ast.walk(tree) for n in ast.walk(getattr(node, "annotation", None) or
                                                                   ast.Pass())}  # fmt: skip
    return [m for m, node, _ in _sites(module, tree) if id(node) not in skip | annotations]


def mutate(module: str, mutant: Mutant) -> str:
    """Return the module's source with ``mutant`` applied."""
    tree = ast.parse((SRC / module).read_text(encoding="utf-8"))
    for m, node, new in _sites(module, tree):
        if m != mutant:
            continue
        if isinstance(node, ast.Compare):
            i, op = new
            node.ops[i] = op()
        elif isinstance(node, ast.BinOp | ast.BoolOp):
            node.op = new()
        elif isinstance(node, ast.UnaryOp):
            return _replace(tree, node, node.operand)
        elif isinstance(node, ast.Constant):
            node.value = new
        elif isinstance(node, ast.Return):
            node.value = ast.Constant(None)
        return ast.unparse(ast.fix_missing_locations(tree))
    raise LookupError(f"no mutant {mutant.key}")


def _replace(tree: ast.AST, old: ast.AST, new: ast.AST) -> str:
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if value is old:
                setattr(parent, field, new)
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if item is old:
                        value[i] = new
    return ast.unparse(ast.fix_missing_locations(tree))


def sample(per_group: int, seed: int) -> list[Mutant]:
    """A fixed-seed sample of ``per_group`` mutants from each group of :data:`GROUPS`."""
    chosen = []
    for group, modules in GROUPS.items():
        rng = random.Random(f"{seed}:{group}")  # one stream per group: editing one module moves only its own
        pool = [m for module in modules for m in all_mutants(module)]
        chosen += rng.sample(pool, min(per_group, len(pool)))
    return chosen


def equivalent() -> dict[str, str]:
    """The mutants judged equivalent (no behaviour change), with the reason."""
    if not EQUIVALENT.is_file():
        return {}
    out = {}
    for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, reason = line.partition(" | ")  # keys hold spaces ("const 10->11")
            out[key] = reason.strip()
    return out


def run(mutant: Mutant, timeout: float, baseline: bool = False) -> tuple[str, float]:
    """Run the module's tests against a copy of ``src/`` carrying the mutant; return the verdict.

    With ``baseline``, the copy is left unmutated: the tests must pass, else no verdict means anything.
    """
    with tempfile.TemporaryDirectory(prefix="aidlib-mutant-") as tmp:
        root = Path(tmp)
        shutil.copytree(SRC, root / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        for name in ("data", "notebooks", ".venv"):
            (root / name).symlink_to(ROOT / name)
        shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
        if not baseline:
            (root / "src" / mutant.module).write_text(mutate(mutant.module, mutant), encoding="utf-8")
        tests = [str(TESTS / t) for t in MODULES[mutant.module] if (TESTS / t).is_file()]
        tests.append(str(root / "src" / mutant.module))  # its own doctests are its tests too
        env = {**os.environ, "PYTHONPATH": str(root / "src"), "AIDLIB_CACHE": str(root / "cache"),
               "PYTHONDONTWRITEBYTECODE": "1"}  # fmt: skip
        command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "--no-header",
                   "-o", "addopts=", "--doctest-modules", "--rootdir", str(TESTS.parent), *tests]  # fmt: skip
        started = time.perf_counter()
        try:
            done = subprocess.run(command, env=env, cwd=root, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return "killed (timeout)", time.perf_counter() - started
        verdict = "survived" if done.returncode == 0 else "killed"
        if done.returncode not in (0, 1):  # 2+: collection error, interrupted: the mutant broke an import
            verdict = "killed (error)"
        return verdict, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    """Run the sample and print one line per mutant, then the score; exit 1 below the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-module", type=int, default=25, help="mutants sampled per core area")
    parser.add_argument("--seed", type=int, default=17, help="sampling seed (the sample is reproducible)")
    parser.add_argument("--jobs", type=int, default=1, help="mutants run at once")
    parser.add_argument("--timeout", type=float, default=180, help="seconds per mutant (then: killed)")
    parser.add_argument("--target", type=float, default=90.0, help="minimum score, percent")
    parser.add_argument("--list", action="store_true", help="only list the sample")
    parser.add_argument("--only", nargs="+", metavar="KEY", help="run only these mutants "
                        "(module:line:col:kind, as printed), e.g. to re-run the survivors after new tests")
    args = parser.parse_args(argv)
    global SRC, TESTS
    snapshot = Path(tempfile.mkdtemp(prefix="aidlib-mutation-snapshot-"))
    skip = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in ("src", "tests"):
        shutil.copytree(ROOT / name, snapshot / name, ignore=skip)
    shutil.copy(ROOT / "pyproject.toml", snapshot / "pyproject.toml")
    SRC, TESTS = snapshot / "src", snapshot / "tests"
    try:
        return _main(args)
    finally:
        shutil.rmtree(snapshot, ignore_errors=True)


def _main(args: argparse.Namespace) -> int:
    chosen = sample(args.per_module, args.seed)
    if args.only:  # by key, from every mutant of the core modules (the sample moves as the code does)
        chosen = [m for module in MODULES for m in all_mutants(module) if m.key in set(args.only)]
    known = equivalent()
    if args.list:
        for m in chosen:
            print(m.key, "(equivalent)" if m.key in known else "")
        return 0
    todo = [m for m in chosen if m.key not in known]
    print(f"mutation: {len(chosen)} sampled (seed {args.seed}), {len(chosen) - len(todo)} equivalent, "
          f"{len(todo)} run", flush=True)  # fmt: skip
    results: dict[str, str] = {}

    def one(m: Mutant) -> None:
        verdict, seconds = run(m, args.timeout)
        results[m.key] = verdict
        print(f"{verdict:<17} {seconds:6.1f} s  {m.key}", flush=True)

    started = time.perf_counter()
    firsts = list({tuple(MODULES[m.module]): m for m in todo}.values())  # one per set of test files
    with ThreadPoolExecutor(args.jobs) as pool:
        baselines = list(pool.map(lambda m: run(m, args.timeout, baseline=True)[0], firsts))
    broken = [m.module for m, verdict in zip(firsts, baselines, strict=True) if verdict != "survived"]
    if broken:
        print(f"mutation: the unmutated tests fail for {', '.join(broken)}: fix them first", flush=True)
        return 2
    print(f"mutation: baseline OK ({len(firsts)} test sets pass unmutated)", flush=True)
    with ThreadPoolExecutor(args.jobs) as pool:
        list(pool.map(one, todo))
    survived = sorted(k for k, v in results.items() if v == "survived")
    killed = len(results) - len(survived)
    score = 100 * killed / max(len(results), 1)
    by_group = []
    for group, modules in GROUPS.items():
        mine = [v for k, v in results.items() if k.split(":")[0] in modules]
        if mine:
            n = sum(v != "survived" for v in mine)
            by_group.append(f"{group} {n}/{len(mine)}")
    print(f"mutation: {killed} of {len(results)} non-equivalent mutants killed ({score:.1f} %; "
          f"{', '.join(by_group)}) in {time.perf_counter() - started:.0f} s")  # fmt: skip
    for key in survived:
        print(f"  survived: {key}")
    return 0 if score >= args.target else 1


if __name__ == "__main__":
    sys.exit(main())
