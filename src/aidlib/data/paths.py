"""Where the project's data lives: found once here, imported everywhere else."""

from __future__ import annotations

import os
from pathlib import Path

#: The repository root (``src/aidlib/data/paths.py`` is three levels below it).
PROJECT_ROOT = Path(__file__).resolve().parents[3]


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Return the data folder: ``override``, else ``$AIDLIB_DATA``, else ``<root>/data``.

    Raises:
        FileNotFoundError: the folder does not exist (the message names it).
    """
    chosen = override or os.environ.get("AIDLIB_DATA") or PROJECT_ROOT / "data"
    path = Path(chosen)
    if not path.is_dir():
        raise FileNotFoundError(
            f"data folder {path} not found: give --data (the command line) or data_dir (Python), "
            "set AIDLIB_DATA, or install aidlib editable from its repository (pip install -e .)"
        )
    return path
