"""The committed notebooks: paired with jupytext, executed in order, opening with their question."""

from __future__ import annotations

import json
import re

import jupytext
import pytest

from aidlib.data.paths import PROJECT_ROOT

NOTEBOOKS = sorted((PROJECT_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def test_the_six_notebooks_exist():
    names = [p.stem for p in NOTEBOOKS]
    assert names == [
        "00_source_and_method",
        "01_fund_allocation",
        "02_employment",
        "03_trade_growth",
        "04_social_programs",
        "05_in_context",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_pair_in_sync(path):
    paired = path.parent / "scripts" / f"{path.stem}.py"  # kept apart so JupyterLab lists each notebook once
    assert paired.exists(), f"{paired} missing: run jupytext --sync {path}"
    nb, py = jupytext.read(path), jupytext.read(paired)
    nb_cells = [(c.cell_type, c.source.strip()) for c in nb.cells]
    py_cells = [(c.cell_type, c.source.strip()) for c in py.cells]
    assert nb_cells == py_cells, f"{path.name} and {paired.name} differ: run jupytext --sync"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_executed_in_order_without_errors_or_warnings(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]
    counts = [c.get("execution_count") for c in code]
    assert counts == list(range(1, len(code) + 1)), "re-run the notebook top to bottom (make notebooks)"
    outputs = [o for c in code for o in c.get("outputs", [])]
    assert not [o for o in outputs if o["output_type"] == "error"]
    assert not [o for o in outputs if o.get("name") == "stderr"], "stderr output (a warning?) in a notebook"
    assert outputs, "a notebook stripped of outputs makes strict nbval compare nothing"


@pytest.mark.parametrize("path", [*NOTEBOOKS, NOTEBOOKS[0].with_name("index.ipynb")], ids=lambda p: p.stem)
def test_opens_with_question_and_source_the_rerun_line_for_jupyterlab_only(path):
    cells = jupytext.read(path).cells
    first = cells[0]
    assert first.cell_type == "markdown"
    assert "**Question.**" in first.source and (path.stem == "index" or "**Source.**" in first.source)
    rerun = [c for c in cells if "**Rerun.**" in c.source]  # how to run it: in JupyterLab, not the report
    assert len(rerun) == 1 and rerun[0].cell_type == "markdown"
    assert "remove-cell" in rerun[0].metadata.get("tags", []), "the Rerun line is hidden in the reader view"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_paired_scripts_live_in_a_subfolder(path):
    beside = path.with_suffix(".py")
    assert not beside.exists(), "a paired script beside the notebook doubles JupyterLab's list"
    assert jupytext.read(path).metadata["jupytext"]["formats"] == "ipynb,scripts//py:percent"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_volatile_output(path):
    text = path.read_text(encoding="utf-8")
    assert " at 0x" not in text, "a memory address in the outputs"
    assert '"iopub.execute_input"' not in text, "execution timestamps recorded"


def _charts(path) -> list[dict]:
    """The charts a committed notebook published: each output's caption, alt text and source."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [o["metadata"]["aidlib_chart"] for c in nb["cells"] if c["cell_type"] == "code"
            for o in c.get("outputs", []) if "aidlib_chart" in o.get("metadata", {})]  # fmt: skip


def test_one_chart_for_one_comparison_on_the_index_and_in_05():
    """The trade growth of Shufu, Kashgar and Xinjiang is drawn once, the same way, wherever it is shown."""
    folder = PROJECT_ROOT / "notebooks"
    trade = [[c for c in _charts(folder / name) if c["caption"].startswith("Foreign-trade growth")]
             for name in ("index.ipynb", "05_in_context.ipynb")]  # fmt: skip
    (index,), (context,) = trade
    assert index["alt"] == context["alt"] and index["caption"] == context["caption"]
    assert index["narrow"] == context["narrow"]  # the very same drawing on a phone
    assert "Kashgar Prefecture +89.7%; Shufu County (this report) +70%; Xinjiang +47.3%" in index["alt"]


def test_no_chart_source_names_a_file():
    for path in [*NOTEBOOKS, PROJECT_ROOT / "notebooks" / "index.ipynb"]:
        for chart in _charts(path):
            source = chart["source"]
            assert source.startswith("Source: ") and not re.search(r"\.(csv|tsv)\b|data/", source), path.name
