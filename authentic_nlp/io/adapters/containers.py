"""Opening what adapters read: plain files, `.xz`/`.gz`/`.bz2` files, and `.zip` archives, safely.

A `.zip` (Instagram's "Download your information" archive) is read in place: members are opened
from the archive, never extracted, so no member name can write outside a folder. Names are still
checked (absolute paths, `..`, drive letters are refused) because they are matched against the
export's known paths. Decompression is bounded: the member count, each member's declared size and
compression ratio, the whole archive's declared size against its size on disk (many small members
of a bomb each stay under the per-member check), and the total declared size of the members read
(MAX_TOTAL_READ); and while reading, a member that inflates past its declared size (a forged
header) is stopped.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import zipfile
from pathlib import Path, PurePosixPath
from typing import IO

from ...errors import AuthenticNLPError

MAX_MEMBERS = 100_000
MAX_MEMBER_BYTES = 1 << 30          # 1 GiB of JSON in one member is not an export, it is a bomb
MAX_RATIO = 200                     # JSON compresses about 5-20x; zip bombs reach 1000x and more
MAX_TOTAL_READ = 2 << 30            # declared bytes of all the members one archive has read
RATIO_FLOOR = 64 << 20              # the whole-archive ratio is checked above this many declared bytes
COMPRESSED_SUFFIXES = {".xz": lzma.open, ".gz": gzip.open, ".bz2": bz2.open}


def open_text(path: Path) -> IO[str]:
    """A UTF-8 text stream over a plain or compressed (.xz, .gz, .bz2) file; a BOM is dropped."""
    opener = COMPRESSED_SUFFIXES.get(path.suffix.lower())
    if opener is None:
        return open(path, "r", encoding="utf-8-sig", newline="")
    return io.TextIOWrapper(opener(path, "rb"), encoding="utf-8-sig", newline="")


def inner_name(path: Path) -> str:
    """The file's name without a compression suffix: "x_comments.json.xz" -> "x_comments.json"."""
    name = path.name
    for suffix in COMPRESSED_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def _safe_name(name: str) -> bool:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return bool(parts) and not name.startswith(("/", "\\")) and ".." not in parts and ":" not in parts[0]


class _BoundedReader(io.RawIOBase):
    """Reads a zip member and refuses to give more than `limit` bytes."""

    def __init__(self, raw: IO[bytes], limit: int, label: str) -> None:
        self._raw, self._left, self._label = raw, limit, label

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._raw.read(min(len(buffer), self._left + 1))
        if len(data) > self._left:
            raise AuthenticNLPError("E112", path=self._label, detail="it inflates past its declared size")
        self._left -= len(data)
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._raw.close()
        super().close()


class SafeZip:
    """A zip archive whose members can be listed and opened as text within the limits above."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as err:
            raise AuthenticNLPError("E107", path=str(path), detail=f"not a readable zip archive: {err}") from None
        infos = self._zip.infolist()
        if len(infos) > MAX_MEMBERS:
            self.close()
            raise AuthenticNLPError("E112", path=str(path), detail=f"{len(infos):,} members (limit {MAX_MEMBERS:,})")
        self._infos = {}
        for info in infos:
            if info.is_dir():
                continue
            if not _safe_name(info.filename):
                self.close()
                raise AuthenticNLPError("E112", path=f"{path}!{info.filename}", detail="unsafe member name")
            self._infos[info.filename.replace("\\", "/")] = info
        self._read = 0
        total = sum(info.file_size for info in self._infos.values())
        on_disk = max(Path(path).stat().st_size, 1)
        if total > RATIO_FLOOR and total > MAX_RATIO * on_disk:
            self.close()
            raise AuthenticNLPError("E112", path=str(path), detail=f"its members declare {total:,} bytes from "
                                    f"{on_disk:,} on disk (a ratio over {MAX_RATIO}:1)")

    def names(self) -> list[str]:
        return sorted(self._infos)

    def open_text(self, name: str) -> IO[str]:
        info = self._infos[name]
        label = f"{self.path}!{name}"
        if info.file_size > MAX_MEMBER_BYTES:
            raise AuthenticNLPError("E112", path=label, detail=f"{info.file_size:,} bytes (limit {MAX_MEMBER_BYTES:,})")
        if info.file_size > (1 << 20) and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            detail = f"compression ratio over {MAX_RATIO}:1 ({info.file_size:,} from {info.compress_size:,} bytes)"
            raise AuthenticNLPError("E112", path=label, detail=detail)
        self._read += info.file_size
        if self._read > MAX_TOTAL_READ:
            raise AuthenticNLPError("E112", path=label, detail=f"the members read so far declare {self._read:,} bytes "
                                    f"(limit {MAX_TOTAL_READ:,} for one archive)")
        raw = _BoundedReader(self._zip.open(info), info.file_size, label)
        return io.TextIOWrapper(io.BufferedReader(raw), encoding="utf-8-sig", newline="")

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> "SafeZip":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
