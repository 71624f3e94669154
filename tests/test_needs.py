"""What a notebook needs of the data (its metadata), in step with its code; lacking it, it is skipped."""

from __future__ import annotations

import nbformat
import pytest
from invented import A, add_reports, empty_folder

from aidlib.analysis.context import table as context_table
from aidlib.analysis.indicators import table as indicator_table
from aidlib.data.figures import load_figures
from aidlib.data.metrics import load_metrics
from aidlib.data.paths import notebooks_dir
from aidlib.data.sources import source_ids
from aidlib.report import needs
from aidlib.report.build import NOTEBOOK_GLOB, STUDY_NOTEBOOK, ReportError, write_report

STUDY = sorted(notebooks_dir().glob(NOTEBOOK_GLOB)) + [notebooks_dir() / STUDY_NOTEBOOK]


@pytest.fixture(scope="module")
def shipped():
    import pandas as pd

    metrics, figures = load_metrics(), load_figures()
    both = pd.concat([indicator_table(metrics), context_table(metrics, figures)], ignore_index=True)
    return metrics, figures, list(both["indicator_id"]), both


@pytest.mark.parametrize("path", STUDY, ids=lambda p: p.name)
def test_a_notebooks_needs_are_what_its_code_reads(path, shipped):
    # the metadata is written by `python -m aidlib.report.needs`: a fresh scan must give the same
    metrics, figures, computed, _ = shipped
    nb = nbformat.read(path, as_version=4)
    scanned = needs.scan(nb, source_ids(), metrics, computed, figures["figure_id"])
    assert needs.read(nb) == scanned, f"rerun: python -m aidlib.report.needs {path}"
    assert scanned.source == "guangzhou_shufu_2023"


@pytest.mark.parametrize("path", STUDY, ids=lambda p: p.name)
def test_the_shipped_data_meets_every_notebooks_needs(path, shipped):
    metrics, figures, _, both = shipped
    assert (
        needs.lacking(needs.read(nbformat.read(path, as_version=4)), source_ids(), metrics, both, figures)
        == []
    )


def test_lacking_names_what_is_missing(shipped):
    metrics, figures, _, both = shipped
    wanted = needs.Needs("guangzhou_shufu_2023", ("funding.aid_total", "funding.nope"), ("share.nope",),
                         ("shufu.gdp.2022", "a.b.c", "d.e.f"))  # fmt: skip
    assert needs.lacking(wanted, source_ids(), metrics, both, figures) == [
        "metric funding.nope",
        "indicator share.nope",
        "cited figures a.b.c, d.e.f",
    ]
    assert needs.lacking(needs.Needs("elsewhere_2020"), source_ids(), metrics, both, figures) == [
        "source 'elsewhere_2020'"
    ]


def _notebook(folder, name, meta=None):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {name}\n\n**Question.** What does {name} show?"),
                nbformat.v4.new_code_cell("1 + 1")]  # fmt: skip
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    if meta is not None:
        nb.metadata["aidlib"] = meta
    folder.mkdir(exist_ok=True)
    nbformat.write(nb, folder / f"{name}.ipynb")


def test_a_notebook_whose_source_is_missing_is_skipped_in_one_line(tmp_path):
    data = add_reports(empty_folder(tmp_path / "data"), (A,))
    nbs = tmp_path / "nb"
    _notebook(
        nbs, "00_needs_shufu", {"needs": {"source": "guangzhou_shufu_2023", "metrics": ["funding.aid_total"]}}
    )
    _notebook(nbs, "01_general")  # no needs: always runs
    lines = []
    written = write_report(tmp_path / "out", progress=lines.append, notebooks=nbs, data=data)
    names = {p.name for p in written}
    assert "01_general.html" in names and "00_needs_shufu.html" not in names
    assert "[report] 00_needs_shufu.ipynb skipped: the data lacks its source 'guangzhou_shufu_2023'" in lines
    assert f"source-{A}.html" in names  # the source's own page needs no notebook


def test_bad_needs_metadata_is_one_line(tmp_path):
    nbs = tmp_path / "nb"
    _notebook(nbs, "00_bad", {"needs": {"source": "guangzhou_shufu_2023", "metrics": "funding.aid_total"}})
    with pytest.raises(ReportError, match=r"notebook metadata aidlib.needs.metrics must be a list of ids"):
        write_report(tmp_path / "out", progress=lambda _: None, notebooks=nbs)
