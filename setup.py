"""Build hook: ship the released data package and the notebooks inside the wheel.

Everything else about the build is in pyproject.toml. The files shipped are exactly
``aidlib.data.package.released_files(data/)`` (what datapackage.json lists, plus the raw
sources) and the study's notebooks (``notebooks/NN_*.ipynb``, ``index.ipynb`` and the
``*.md`` texts they read); they land in ``aidlib/_shipped/`` and are read
through importlib.resources (see ``aidlib.data.paths``).
"""

import importlib.util
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def _package_module():
    """Load aidlib/data/package.py by path: aidlib itself is not installed yet."""
    spec = importlib.util.spec_from_file_location("_aidlib_package", ROOT / "src/aidlib/data/package.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def shipped_files() -> dict[str, Path]:
    """Map each shipped file's path inside the package to its source in the checkout."""
    files = {f"_shipped/data/{name}": ROOT / "data" / name for name in _package_module().released_files(ROOT / "data")}
    for notebook in notebook_files():
        files[f"_shipped/notebooks/{notebook.name}"] = notebook
    return files


def notebook_files() -> list[Path]:
    """The study: ``NN_*.ipynb``, its summary ``index.ipynb`` and the text files they read (``*.md``)."""
    folder = ROOT / "notebooks"
    return sorted([*folder.glob("[0-9][0-9]_*.ipynb"), *folder.glob("index.ipynb"), *folder.glob("*.md")])


class BuildWithData(build_py):
    """build_py that also copies the released data and the notebooks into the package."""

    def run(self):
        super().run()
        if self.editable_mode:  # an editable install reads the checkout's data/ directly
            return
        package = Path(self.build_lib) / "aidlib"
        for inside, source in shipped_files().items():
            target = package / inside
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


setup(cmdclass={"build_py": BuildWithData})
