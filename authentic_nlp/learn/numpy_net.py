"""The shipped network's forward pass in numpy: scoring without importing torch.

    ids ─> mean of embedding rows per text ─> x @ W_shared.T + b ─> ReLU ─> heads (x @ W.T + b)

The same arithmetic as `model.MultiTaskNet` in evaluation mode (dropout is the identity there), in
float32 like torch; the logits agree with torch's to about 1e-6 (tests/learn/test_numpy_net.py
checks 1e-5). Importing torch costs about 3 s and 220 MiB per process, for an embedding bag and two
small layers.

The weights live next to `model.pt` as `weights.npz` (WEIGHTS_FILE): the same tensors under the
same names as the state_dict, the embedding kept in float16 as saved. `authentic-nlp train` writes
both files; `python -m authentic_nlp.learn.numpy_net MODEL_DIR` exports the npz of an existing
folder (it reads model.pt, so it needs torch).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np

WEIGHTS_FILE = "weights.npz"
TENSORS = ("embedding.weight", "shared.weight", "shared.bias", "sponsored.weight", "sponsored.bias",
           "sincere.weight", "sincere.bias", "comment.weight", "comment.bias")
BLOCK = 256


class NumpyNet:
    """`MultiTaskNet.forward(ids, offsets, head)` for inference, on numpy arrays."""

    def __init__(self, tensors: dict[str, np.ndarray]) -> None:
        missing = [name for name in TENSORS if name not in tensors]
        if missing:
            raise ValueError(f"weights lack {', '.join(missing)}")
        # kept as saved (float16: half the memory); rows are widened to float32, exactly, when gathered
        self.embedding = np.ascontiguousarray(tensors["embedding.weight"])
        self.shared_w = np.ascontiguousarray(tensors["shared.weight"].T, dtype=np.float32)
        self.shared_b = tensors["shared.bias"].astype(np.float32)
        caption_w = np.concatenate([tensors["sponsored.weight"], tensors["sincere.weight"]])
        self.heads = {
            "caption": (np.ascontiguousarray(caption_w.T, dtype=np.float32),
                        np.concatenate([tensors["sponsored.bias"], tensors["sincere.bias"]]).astype(np.float32)),
            "comment": (np.ascontiguousarray(tensors["comment.weight"].T, dtype=np.float32),
                        tensors["comment.bias"].astype(np.float32)),
        }

    def encode(self, ids: np.ndarray, offsets: np.ndarray) -> np.ndarray:
        """The shared hidden layer of each bag: text i owns ids[offsets[i]:offsets[i + 1]]."""
        n = len(offsets)
        dim = self.embedding.shape[1]
        if n == 0:
            return np.zeros((0, self.shared_w.shape[1]), dtype=np.float32)
        counts = np.diff(np.append(offsets, len(ids)))
        sums = np.zeros((n, dim), dtype=np.float32)
        filled = counts > 0
        if len(ids):
            rows = self.embedding[ids].astype(np.float32, copy=False)
            sums[filled] = np.add.reduceat(rows, offsets[filled], axis=0)
        means = sums / np.maximum(counts, 1).astype(np.float32)[:, None]
        return np.maximum(_rowwise(means, self.shared_w) + self.shared_b, np.float32(0.0))

    def logits(self, ids: np.ndarray, offsets: np.ndarray, head: str) -> np.ndarray:
        """Logits of each text, computed BLOCK texts at a time (the gathered rows stay a few MB)."""
        weight, bias = self.heads["caption" if head == "caption" else "comment"]
        if len(offsets) <= BLOCK:
            return _rowwise(self.encode(ids, offsets), weight) + bias
        out = []
        for i in range(0, len(offsets), BLOCK):
            start = offsets[i]
            stop = offsets[i + BLOCK] if i + BLOCK < len(offsets) else len(ids)
            out.append(_rowwise(self.encode(ids[start:stop], offsets[i:i + BLOCK] - start), weight) + bias)
        return np.concatenate(out)


def _rowwise(x: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """x @ weight with each row computed on its own (einsum's plain loops, not BLAS, whose blocking
    depends on the number of rows): a text gets the same bits alone or in any batch."""
    return np.einsum("ij,jk->ik", x, weight)


def load_weights(path: Path) -> dict[str, np.ndarray]:
    with np.load(path, allow_pickle=False) as data:
        return {name: data[name] for name in data.files}


def export_npz(model_dir: Path, weights: str = "model.pt") -> Path:
    """Write `weights.npz` beside the torch weights of a model folder (the same tensors and dtypes)."""
    import torch

    state = torch.load(Path(model_dir) / weights, map_location="cpu", weights_only=True)
    return save_npz(Path(model_dir), {k: v.detach().cpu().numpy() for k, v in state.items()})


def save_npz(model_dir: Path, tensors: dict[str, Any]) -> Path:
    """Deterministic bytes: `np.savez` (uncompressed; zip entries carry a fixed date)."""
    target = Path(model_dir) / WEIGHTS_FILE
    np.savez(target, **{name: np.asarray(tensors[name]) for name in TENSORS})
    return target


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        sys.stderr.write("usage: python -m authentic_nlp.learn.numpy_net MODEL_DIR\n")
        return 2
    sys.stdout.write(f"wrote {export_npz(Path(args[0]))}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
