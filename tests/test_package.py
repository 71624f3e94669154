"""The package installed anywhere: the shipped data, the folder lookup, the release it names.

The wheel is built once (``pip wheel --no-build-isolation``, a few seconds) from a copy of the
checkout, then installed with ``--target`` into a folder and run from outside the repository.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import aidlib
from aidlib.cli import main
from aidlib.data import paths
from aidlib.data.figures import load_figures
from aidlib.data.package import PackageError, data_version, released_files
from aidlib.data.paths import PROJECT_ROOT

DATA = PROJECT_ROOT / "data"
RELEASED = {
    "datapackage.json",
    "metrics.csv",
    "cited_figures.tsv",
    "sources.csv",
    "exclusions.csv",
    "raw/guangzhou_shufu_2023.txt",
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---- what a release holds -----------------------------------------------------------
def test_released_files_are_the_datapackage_and_the_raw_sources():
    # references or other tables added later are released once datapackage.json lists them
    listed = {r["path"] for r in json.loads((DATA / "datapackage.json").read_text())["resources"]}
    assert listed <= set(released_files(DATA))
    assert set(released_files(DATA)) >= RELEASED


def test_a_file_the_datapackage_does_not_list_is_not_released(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "data" / "private-note.txt").write_text("not for publication")
    (tmp_path / "data" / "draft.csv").write_text("a,b\n")
    assert set(released_files(tmp_path / "data")) == set(released_files(DATA))


@pytest.mark.parametrize("bad", ["../outside.csv", "/etc/passwd", "raw/../../x", "raw\\x.txt", ""])
def test_a_resource_path_leaving_the_folder_is_refused(tmp_path, bad):
    shutil.copytree(DATA, tmp_path / "data")
    descriptor = json.loads((tmp_path / "data" / "datapackage.json").read_text())
    descriptor["resources"][0]["path"] = bad
    (tmp_path / "data" / "datapackage.json").write_text(json.dumps(descriptor))
    with pytest.raises(PackageError, match=r"datapackage.json: .* is not a path inside the data folder"):
        released_files(tmp_path / "data")


def test_missing_descriptor_is_named(tmp_path):
    with pytest.raises(PackageError, match=r"datapackage.json: not found"):
        released_files(tmp_path)


def test_versions_are_named():
    assert data_version(DATA) == json.loads((DATA / "datapackage.json").read_text())["version"]
    assert aidlib.__version__ == "0.3.0"


def test_version_flag_names_package_and_data(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"aidlib {aidlib.__version__}, data {data_version(DATA)} ({DATA})\n"


# ---- where the data folder is found --------------------------------------------------
def test_data_dir_order(tmp_path, monkeypatch):
    monkeypatch.delenv("AIDLIB_DATA", raising=False)
    assert paths.data_dir() == DATA  # a checkout: its data/
    monkeypatch.setenv("AIDLIB_DATA", str(tmp_path))
    assert paths.data_dir() == tmp_path  # the environment beats the default
    other = tmp_path / "other"
    other.mkdir()
    assert paths.data_dir(other) == other  # an argument beats both


def test_relative_data_dir_comes_back_absolute(tmp_path, monkeypatch):
    (tmp_path / "mine").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("AIDLIB_DATA", "mine")
    assert paths.data_dir() == tmp_path / "mine" and paths.data_dir().is_absolute()


def test_installed_copy_falls_back_to_the_shipped_data(tmp_path, monkeypatch):
    monkeypatch.delenv("AIDLIB_DATA", raising=False)
    monkeypatch.setattr(paths, "PROJECT_ROOT", None)  # as in site-packages
    monkeypatch.setattr(paths, "shipped", lambda name: tmp_path if name == "data" else None)
    assert paths.data_dir() == tmp_path
    with pytest.raises(FileNotFoundError, match="ships none; give --notebooks FOLDER"):
        paths.notebooks_dir()
    monkeypatch.setattr(paths, "shipped", lambda name: None)
    with pytest.raises(FileNotFoundError, match="no data folder: .* give --data .* or set AIDLIB_DATA"):
        paths.data_dir()


def test_missing_folder_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match=f"data folder {tmp_path / 'nope'} not found"):
        paths.data_dir(tmp_path / "nope")
    with pytest.raises(FileNotFoundError, match=f"notebooks folder {tmp_path / 'nope'} not found"):
        paths.notebooks_dir(tmp_path / "nope")


# ---- a missing extra -----------------------------------------------------------------
def test_report_without_the_notebooks_extra_says_what_to_install(tmp_path, monkeypatch, capsys):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "nbclient" else real(name, *a)
    )
    assert main(["report", "--out", str(tmp_path / "r")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "aidlib report: the report runs notebooks and embeds a font, which needs nbclient: "
        "pip install 'aidlib[notebooks]'"
    ]
    assert list(tmp_path.iterdir()) == []


# ---- the wheel -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Build the wheel from a copy of the checkout (the work tree gets no build/ folder)."""
    tree = tmp_path_factory.mktemp("tree")
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "CITATION.cff", "CHANGELOG.md"):
        shutil.copy2(PROJECT_ROOT / name, tree / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", ".ipynb_checkpoints")
    for name in ("src", "data", "notebooks"):
        shutil.copytree(PROJECT_ROOT / name, tree / name, ignore=ignore)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(tree),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    (built,) = out.glob("aidlib-*.whl")
    return built


def test_wheel_ships_the_data_byte_for_byte_and_nothing_else(wheel):
    with zipfile.ZipFile(wheel) as archive:
        shipped = {
            n.removeprefix("aidlib/_shipped/data/"): archive.read(n)
            for n in archive.namelist()
            if n.startswith("aidlib/_shipped/data/")
        }
        notebooks = {
            n.removeprefix("aidlib/_shipped/notebooks/"): archive.read(n)
            for n in archive.namelist()
            if n.startswith("aidlib/_shipped/notebooks/")
        }
        names = archive.namelist()
    assert set(shipped) == set(released_files(DATA))
    for name, content in shipped.items():
        assert content == (DATA / name).read_bytes(), f"shipped {name} differs from data/{name}"
    study = PROJECT_ROOT / "notebooks"  # the notebooks, the study's summary and the texts they read
    files = [*study.glob("[0-9][0-9]_*.ipynb"), study / "index.ipynb", *study.glob("*.md")]
    assert notebooks == {p.name: p.read_bytes() for p in files}
    assert "aidlib/report/templates/site.css" in names
    for table in ("generic_indicators.csv", "shared_metrics.csv"):  # aidlib's own declarations and ids
        assert f"aidlib/data/{table}" in names
    for gazetteer in ("place_names.txt", "place_names_extra.txt", "NOTICE"):  # the quantity parser's names
        assert f"aidlib/quantities/data/{gazetteer}" in names


def test_installed_wheel_works_outside_the_repository(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "AIDLIB_DATA"} | {"PYTHONPATH": str(target)}
    script = (
        "import aidlib, aidlib.data.paths as p\n"
        "from aidlib.data.figures import load_figures\n"
        "m = aidlib.load_metrics()\n"
        "print(aidlib.__file__); print(p.data_dir()); print(len(m), len(load_figures()))\n"
        "print(len(aidlib.read_raw('guangzhou_shufu_2023')))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    module, data, counts, raw = run.stdout.splitlines()
    assert module.startswith(str(target)) and data == str(target / "aidlib" / "_shipped" / "data")
    assert counts == f"{len(aidlib.load_metrics())} {len(load_figures())}"  # the same rows as data/
    assert int(raw) > 0
    check = subprocess.run(
        [sys.executable, "-m", "aidlib.cli", "check"], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    assert "_shipped/data/metrics.csv" in check.stdout
    version = subprocess.run(
        [sys.executable, "-m", "aidlib.cli", "--version"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert version.stdout.startswith(f"aidlib {aidlib.__version__}, data {data_version(DATA)} (")
    # a data folder from nothing: the schemas travel in the wheel (aidlib/data/schema.json)
    init = subprocess.run([sys.executable, "-m", "aidlib.cli", "init", "mine"], cwd=elsewhere, env=env,
                          capture_output=True, text=True)  # fmt: skip
    assert init.returncode == 0, init.stderr
    mine = subprocess.run([sys.executable, "-m", "aidlib.cli", "check", "--data", "mine"], cwd=elsewhere,
                          env=env, capture_output=True, text=True)  # fmt: skip
    assert mine.returncode == 0, mine.stderr
    assert "0 metrics of 0 source(s) OK" in mine.stdout


def test_changelog_and_citation_name_this_release():
    changelog = (PROJECT_ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    heading = f"## aidlib {aidlib.__version__} · data {data_version(DATA)} — "
    assert heading in changelog, f"CHANGELOG.md has no section '{heading}…'"
    citation = (PROJECT_ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert f"\nversion: {aidlib.__version__}\n" in citation
    assert f"    version: {data_version(DATA)}\n" in citation


def test_report_reads_one_data_folder_and_publishes_only_the_release(tmp_path, monkeypatch):
    import nbformat

    from aidlib.report.build import write_report

    shutil.copytree(DATA, tmp_path / "mine")
    (tmp_path / "mine" / "private-note.txt").write_text("not for publication")
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    check = (
        f"import aidlib.data.paths as p\nassert str(p.data_dir()) == {str(tmp_path / 'mine')!r}, p.data_dir()"
    )
    nb.cells = [nbformat.v4.new_markdown_cell("# 00 · Data\n\n**Question.** Which data?"),
                nbformat.v4.new_code_cell(check)]  # fmt: skip
    (tmp_path / "nb").mkdir()
    nbformat.write(nb, tmp_path / "nb" / "00_data.ipynb")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("AIDLIB_DATA", "mine")  # relative: resolved once, here, not in the kernel's folder
    write_report(tmp_path / "out", progress=lambda _: None, notebooks=tmp_path / "nb")
    copied = tmp_path / "out" / "data"
    published = {p.relative_to(copied).as_posix() for p in copied.rglob("*") if p.is_file()}
    assert published == set(released_files(DATA))
    with zipfile.ZipFile(tmp_path / "out" / "aidlib-data.zip") as archive:
        assert {n.removeprefix("data/") for n in archive.namelist()} == published
        assert archive.comment.decode() == f"aidlib {aidlib.__version__} · data {data_version(DATA)}"
    assert f"Release: aidlib {aidlib.__version__} · data {data_version(DATA)}." in (
        tmp_path / "out" / "index.html"
    ).read_text(encoding="utf-8")


def test_the_notebooks_extra_holds_everything_the_report_imports():
    # a user with only aidlib[notebooks] must get a report, not a missing-font error after the run
    import tomllib

    from aidlib.report.build import NOTEBOOK_MODULES

    extra = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    names = {req.split(">")[0].split("=")[0].split("[")[0].strip().lower() for req in extra["notebooks"]}
    distribution = {"nbformat": "nbconvert", "nbclient": "nbclient", "jupyter_client": "ipykernel",
                    "ipykernel": "ipykernel", "fontTools": "fonttools", "brotli": "brotli",
                    "noto_cjk_sans_otc": "noto-cjk-sans-otc"}  # module -> what brings it in
    assert {distribution[m] for m in NOTEBOOK_MODULES} <= names
