"""Where aidlib writes beside its data: one cache folder and one atomic write, for every stage.

- :func:`cache_dir`: ``$AIDLIB_CACHE``, else the platform's user cache folder
  (``platformdirs``: ``~/.cache/aidlib`` on Linux, honouring ``$XDG_CACHE_HOME``), or None
  when there is no home folder to keep it in (``docker run --user`` with no passwd entry).
  The normalized texts (:mod:`aidlib.text.cache`) and the report's font subsets
  (:mod:`aidlib.report.fonts`) both live under it.
- :func:`write_atomic`: replace a file by one rename, so a reader sees the old file or the
  whole new one, never half; the temporary file never outlives a failure.

Standard library and ``platformdirs`` only: this module sits below the text stage.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def cache_dir(*parts: str) -> Path | None:
    """Return the cache folder (or a folder under it), absolute; None when there is none to use.

    ``$AIDLIB_CACHE`` if set (``~`` expanded; a relative path is taken from the current
    folder and made absolute, so a later ``chdir`` does not move it), else the user cache
    folder ``platformdirs`` gives for ``aidlib``. The folder is not created here.

    Examples:
        >>> cache_dir("fonts").name, cache_dir("fonts").parent == cache_dir()
        ('fonts', True)
    """
    chosen = os.environ.get("AIDLIB_CACHE")
    try:
        if chosen:
            base = Path(chosen).expanduser().resolve()
        else:
            import platformdirs

            Path.home()  # no home folder (no HOME, a uid with no passwd entry): RuntimeError, no cache
            found = Path(platformdirs.user_cache_dir("aidlib", appauthor=False))
            if not found.is_absolute():
                return None
            base = found.resolve()
    except (RuntimeError, KeyError, OSError):  # Path.home(): "Could not determine home directory"
        return None
    return base.joinpath(*parts)


def write_atomic(path: str | os.PathLike[str], data: bytes, mode: int | None = None) -> None:
    """Replace ``path`` by ``data`` in one rename; ``mode`` sets its permission bits (default: umask's).

    The temporary file is made in the same folder (a rename never crosses file systems) and
    removed if anything fails, so a failed write leaves the old file and nothing else.

    Raises:
        OSError: the folder cannot be written (the old file is untouched).

    Examples:
        >>> import pathlib, tempfile
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "notes.txt"
        >>> write_atomic(target, b"one"); write_atomic(target, b"two", mode=0o640)
        >>> target.read_bytes(), oct(target.stat().st_mode & 0o777), [p.name for p in target.parent.iterdir()]
        (b'two', '0o640', ['notes.txt'])
    """
    path = Path(path)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        if mode is None:  # mkstemp makes the file private: give it the permissions a new file gets
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        tmp.chmod(stat.S_IMODE(mode))
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
