"""The stages import downwards only and nothing imports in a circle: the import contracts of pyproject."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


def test_the_import_contracts_are_kept():
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    done = subprocess.run([exe, "--no-cache"], capture_output=True, text=True, cwd=Path(__file__).parents[1])
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout
