"""Where the project's data and notebooks live: found once here, imported everywhere else.

Three places, in this order:

1. what the caller gives (``data=`` in Python, ``--data`` on the command line), else
   ``$AIDLIB_DATA``;
2. a source checkout's ``data/`` (an editable install from the repository: the
   repository stays the source of truth);
3. the copy shipped inside the installed package (``aidlib/_shipped/data``), read
   through :mod:`importlib.resources` — so ``pip install aidlib`` works from any folder.

Notebooks are found the same way (``--notebooks``, the checkout's ``notebooks/``, the
shipped copy).
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

_HERE = Path(__file__).resolve()
#: The source checkout holding this package (``src/aidlib/data/paths.py`` is three levels
#: below it), or None for an installed copy (a wheel in site-packages).
PROJECT_ROOT: Path | None = _HERE.parents[3]
if not ((PROJECT_ROOT / "pyproject.toml").is_file() and _HERE.parents[2].name == "src"):
    PROJECT_ROOT = None


def shipped(name: str) -> Path | None:
    """Return the shipped copy's ``name`` folder (``data`` or ``notebooks``), or None if absent."""
    try:
        folder = resources.files("aidlib").joinpath("_shipped", name)
    except (ModuleNotFoundError, TypeError):  # pragma: no cover - aidlib itself is importable here
        return None
    path = Path(str(folder))
    return path if path.is_dir() else None


def _default(name: str) -> Path | None:
    if PROJECT_ROOT is not None and (PROJECT_ROOT / name).is_dir():
        return PROJECT_ROOT / name
    return shipped(name)


def is_shipped(folder: str | os.PathLike[str]) -> bool:
    """Tell whether ``folder`` is the read-only copy inside the installed package."""
    copy = shipped("data")
    return copy is not None and Path(folder).resolve() == copy.resolve()


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Return the data folder, absolute: ``override``, else ``$AIDLIB_DATA``, else the default.

    The default is the checkout's ``data/`` or, for an installed package, its shipped copy.

    Raises:
        FileNotFoundError: the folder does not exist (the message names it).
    """
    chosen = override or os.environ.get("AIDLIB_DATA") or _default("data")
    if chosen is None:
        raise FileNotFoundError(
            "no data folder: this aidlib has no shipped data and is not in a source checkout; "
            "give --data (the command line) or data= (Python), or set AIDLIB_DATA"
        )
    path = Path(chosen).expanduser().absolute()
    if not path.is_dir():
        raise FileNotFoundError(
            f"data folder {path} not found: give --data (the command line) or data= (Python), "
            "or set AIDLIB_DATA to a folder holding datapackage.json, metrics.csv and sources.csv"
        )
    return path


def notebooks_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Return the notebooks folder, absolute: ``override``, else the checkout's or the shipped one.

    Raises:
        FileNotFoundError: the folder does not exist (the message names it).
    """
    chosen = override or _default("notebooks")
    if chosen is None:
        raise FileNotFoundError("no notebooks: this aidlib ships none; give --notebooks FOLDER")
    path = Path(chosen).expanduser().absolute()
    if not path.is_dir():
        raise FileNotFoundError(f"notebooks folder {path} not found: give --notebooks FOLDER")
    return path
