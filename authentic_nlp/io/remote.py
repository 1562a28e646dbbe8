"""Inputs and outputs named by a pyarrow filesystem URI (`s3://`, `gs://`, `file://`, ...) or a path.

The readers and writers work on local files. A URI on a local filesystem is used in place; any
other is copied to a temporary local file first (inputs, streamed) or uploaded after it is
written (output shards). Positions in the quarantine file name the input as it was given.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import AuthenticNLPError

logger = logging.getLogger(__name__)

COPY_BUFFER = 1 << 20


def is_uri(name: str) -> bool:
    return "://" in str(name)


def resolve(name: str):
    """(filesystem, path within it) for a URI; (None, the path) for a plain local path."""
    if not is_uri(name):
        return None, str(name)
    import pyarrow.fs as pafs

    try:
        return pafs.FileSystem.from_uri(str(name))
    except Exception as err:   # pyarrow raises several types for an unknown scheme or bucket
        raise AuthenticNLPError("E107", path=str(name), detail=str(err)) from None


def local_path_of(name: str) -> Path | None:
    """The local path behind `name` (a path or a `file://` URI), or None for a remote one."""
    import pyarrow.fs as pafs

    fs, path = resolve(name)
    return Path(path) if fs is None or isinstance(fs, pafs.LocalFileSystem) else None


def check_exists(name: str) -> None:
    import pyarrow.fs as pafs

    fs, path = resolve(name)
    found = Path(path).exists() if fs is None else fs.get_file_info(path).type != pafs.FileType.NotFound
    if not found:
        raise AuthenticNLPError("E101", path=str(name))


@contextmanager
def local_copy(name: str) -> Iterator[Path]:
    """A local path holding the input `name`: the file itself when local, else a temporary copy."""
    local = local_path_of(name)
    if local is not None:
        yield local
        return
    fs, path = resolve(name)
    with tempfile.TemporaryDirectory(prefix="authentic_nlp_in_") as folder:
        target = Path(folder) / Path(path).name
        logger.info("copying %s to %s", name, target)
        with fs.open_input_stream(path) as source, open(target, "wb") as sink:
            shutil.copyfileobj(source, sink, COPY_BUFFER)
        yield target


def upload(local: Path, name: str) -> None:
    """Put a finished local file at `name` (a local path or a URI)."""
    fs, path = resolve(name)
    if fs is None:
        shutil.move(str(local), path)
        return
    with open(local, "rb") as source, fs.open_output_stream(path) as sink:
        shutil.copyfileobj(source, sink, COPY_BUFFER)
    local.unlink()


def make_folder(name: str) -> None:
    fs, path = resolve(name)
    if fs is None:
        Path(path).mkdir(parents=True, exist_ok=True)
    else:
        fs.create_dir(path, recursive=True)


def join(folder: str, child: str) -> str:
    return f"{str(folder).rstrip('/')}/{child}"
