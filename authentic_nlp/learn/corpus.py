"""Reading the annotated corpora (corpora/<lang>/batch_NNN.jsonl) into training examples.

Whatever batches exist are read, in sorted order, so the data grows without code changes. Each
post gives one caption example (sponsored, sincere) and each labelled comment one comment example
(type); both carry the post's creator, whose split they share. Texts are normalized exactly as the
analyzers normalize them (`text.normalize`), so the model sees at training time what it sees when
scoring.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import AuthenticNLPError
from .splits import split_of

COMMENT_TYPES = ("substantive", "question", "generic", "spam")
BATCH_GLOB = "*/batch_*.jsonl"


@dataclass(frozen=True, slots=True)
class CaptionExample:
    text: str
    sponsored: int
    sincere: int
    lang: str
    creator: str
    post_id: str
    hard: bool
    split: str


@dataclass(frozen=True, slots=True)
class CommentExample:
    text: str
    type: int          # index into COMMENT_TYPES
    lang: str
    creator: str
    post_id: str
    by_creator: bool
    split: str


@dataclass
class Corpus:
    captions: list[CaptionExample]
    comments: list[CommentExample]
    files: list[Path]
    data_hash: str

    def split(self, name: str) -> tuple[list[CaptionExample], list[CommentExample]]:
        return [c for c in self.captions if c.split == name], [c for c in self.comments if c.split == name]


def batch_files(root: Path) -> list[Path]:
    """Every batch file under root (corpora/), sorted by path; root may also be one .jsonl file."""
    root = Path(root)
    if root.is_file():
        return [root]
    files = sorted(root.glob(BATCH_GLOB))
    if not files:
        raise AuthenticNLPError("E101", path=f"{root}/{BATCH_GLOB}")
    return files


def data_hash(files: Iterable[Path], root: Path) -> str:
    """sha256 over each file's path (relative to root) and bytes: names the exact training data."""
    digest = hashlib.sha256()
    for path in files:
        rel = path.relative_to(root) if path != root and root in path.parents else Path(path.name)
        digest.update(rel.as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def read_posts(files: Iterable[Path]) -> Iterator[dict]:
    for path in files:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError as err:
                        raise AuthenticNLPError("E107", path=f"{path}:{number}", detail=str(err)) from err


def load_corpus(root: Path | str = "corpora") -> Corpus:
    from ..text.normalize import normalize

    root = Path(root)
    files = batch_files(root)
    captions: list[CaptionExample] = []
    comments: list[CommentExample] = []
    for post in read_posts(files):
        labels = post.get("labels") or {}
        creator = post.get("creator") or ""
        post_id = str(post.get("id", ""))
        split = split_of(creator, post_id)
        lang = post_id.split("-", 1)[0] if "-" in post_id else ""
        if labels.get("sponsored") in (0, 1) and labels.get("sincere") in (0, 1):
            captions.append(CaptionExample(normalize(post.get("text") or ""), int(labels["sponsored"]),
                                           int(labels["sincere"]), lang, creator, post_id,
                                           bool(labels.get("hard")), split))
        for comment in post.get("comments") or []:
            kind = (comment.get("labels") or {}).get("type")
            if kind in COMMENT_TYPES:
                comments.append(CommentExample(normalize(comment.get("text") or ""), COMMENT_TYPES.index(kind),
                                               lang, creator, post_id,
                                               (comment.get("author") or "").lower() == creator.lower(), split))
    return Corpus(captions, comments, files, data_hash(files, root))
