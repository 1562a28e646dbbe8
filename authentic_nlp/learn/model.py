"""The small multi-task network: one bag of hashed features, one shared layer, three heads.

    ids ─> EmbeddingBag(buckets, dim, mean, sparse gradients) ─> Linear(dim, hidden) ─> ReLU ─> dropout
        ├─> sponsored head: 1 logit          (captions)
        ├─> sincere head:   1 logit          (captions)
        └─> comment head:   4 logits         (comments: substantive, question, generic, spam)

torch is imported inside the functions, never at module level: the CLI imports nothing heavy at
start. `network_class()` builds the class once per process.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

HEADS = ("sponsored", "sincere", "comment")
COMMENT_CLASSES = 4


@dataclass(frozen=True)
class NetConfig:
    buckets: int = 2 ** 17
    dim: int = 64
    hidden: int = 64
    dropout: float = 0.3

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "NetConfig":
        return cls(**{k: data[k] for k in ("buckets", "dim", "hidden", "dropout") if k in data})


@lru_cache(maxsize=1)
def network_class():
    import torch
    from torch import nn

    class MultiTaskNet(nn.Module):
        def __init__(self, config: NetConfig) -> None:
            super().__init__()
            self.embedding = nn.EmbeddingBag(config.buckets, config.dim, mode="mean", sparse=True)
            self.shared = nn.Linear(config.dim, config.hidden)
            self.dropout = nn.Dropout(config.dropout)
            self.sponsored = nn.Linear(config.hidden, 1)
            self.sincere = nn.Linear(config.hidden, 1)
            self.comment = nn.Linear(config.hidden, COMMENT_CLASSES)
            nn.init.uniform_(self.embedding.weight, -0.1, 0.1)

        def encode(self, ids: "torch.Tensor", offsets: "torch.Tensor") -> "torch.Tensor":
            return self.dropout(torch.relu(self.shared(self.embedding(ids, offsets))))

        def forward(self, ids: "torch.Tensor", offsets: "torch.Tensor", head: str) -> "torch.Tensor":
            hidden = self.encode(ids, offsets)
            if head == "caption":
                return torch.cat([self.sponsored(hidden), self.sincere(hidden)], dim=1)
            return self.comment(hidden)

    return MultiTaskNet


def build_network(config: NetConfig):
    return network_class()(config)


def to_tensors(flat, offsets):
    """int64 tensors from two sequences of ids (arrays of "q" are taken without a Python loop)."""
    import torch
    from array import array

    def tensor(values) -> "torch.Tensor":
        values = values if isinstance(values, array) and values.typecode == "q" else array("q", values)
        return torch.frombuffer(values, dtype=torch.int64).clone() if len(values) else torch.zeros(0, dtype=torch.int64)

    return tensor(flat), tensor(offsets)
