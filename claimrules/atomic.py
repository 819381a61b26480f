"""Writing a file whole or not at all: through a temporary file in the same folder
and a rename, so a reader never sees half of it (the start-up cache, the evidence
rulebook, a baseline)."""
from __future__ import annotations

import os
from pathlib import Path


def write_atomic(path, data: bytes, prefix: str | None = None) -> None:
    """Write data to path; on any failure the temporary file is removed and the error raised."""
    import tempfile  # (only a run that writes imports it: not at start-up)

    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=prefix or f".{target.name}.", dir=str(target.parent or "."))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
