"""`authentic-nlp train`: the multi-task torch model from corpora/, deterministically.

    corpora/<lang>/batch_*.jsonl ─> splits by creator ─> hashed features
        ─> epochs of shuffled mini-batches (caption batches train sponsored + sincere,
           comment batches train the comment type), Adam, early stop on dev macro-F1
        ─> embedding rounded to float16 (the saved precision) ─> temperature per head on dev
        ─> model.pt (state_dict, loaded with weights_only=True), weights.npz (the same tensors, what
           scoring reads: learn/numpy_net.py), config.json, metrics.json

Same corpora + same config -> the same weights and metrics: seeded shuffles and initialisation,
torch.use_deterministic_algorithms(True), a fixed thread count (TrainConfig.threads).
"""

from __future__ import annotations

import copy
import json
import logging
import random
import time
from array import array
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import AuthenticNLPError
from .calibration import fit_temperature
from .corpus import COMMENT_TYPES, Corpus, load_corpus
from .features import FeatureConfig, batch_ids, text_ids
from .model import NetConfig, build_network
from .numpy_net import save_npz
from .report import argmax, binary_metrics, multiclass_metrics

logger = logging.getLogger("authentic_nlp")

WEIGHTS_FILE = "model.pt"
CONFIG_FILE = "config.json"
METRICS_FILE = "metrics.json"
MODEL_FORMAT = 1


@dataclass(frozen=True)
class TrainConfig:
    epochs: int = 40
    patience: int = 8
    batch_size: int = 32
    lr: float = 0.003
    weight_decay: float = 0.0
    seed: int = 13
    threads: int = 1
    max_captions: int | None = None   # a slice of the training data (tests)
    max_comments: int | None = None


def seed_everything(seed: int, threads: int) -> None:
    import torch

    random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(threads)


class Featurized:
    """Hashed ids of every example, computed once."""

    def __init__(self, texts: list[str], features: FeatureConfig) -> None:
        self.ids = [text_ids(t, features) for t in texts]

    def batch(self, indices: list[int]):
        from .model import to_tensors

        flat, offsets = array("q"), array("q")
        for i in indices:
            offsets.append(len(flat))
            flat.extend(self.ids[i])
        return to_tensors(flat, offsets)


def _slice(items: list, limit: int | None) -> list:
    return items if limit is None else items[:limit]


def train_model(corpus_root: Path | str, output: Path | str, *, features: FeatureConfig | None = None,
                net: NetConfig | None = None, config: TrainConfig | None = None, force: bool = False) -> dict[str, Any]:
    """Train, calibrate, evaluate on the test split and save. Returns the metrics dictionary."""
    import torch

    features = features or FeatureConfig()
    net = net or NetConfig(buckets=features.buckets)
    config = config or TrainConfig()
    output = Path(output)
    if (output / CONFIG_FILE).exists() and not force:
        raise AuthenticNLPError("E103", path=output)
    seed_everything(config.seed, config.threads)
    started = time.perf_counter()
    corpus = load_corpus(corpus_root)
    cap_train, com_train = corpus.split("train")
    cap_train, com_train = _slice(cap_train, config.max_captions), _slice(com_train, config.max_comments)
    cap_dev, com_dev = corpus.split("dev")
    if not cap_train or not com_train:
        raise AuthenticNLPError("E303", path=corpus_root, detail="the train split has no captions or no comments")

    model = build_network(net)
    # sparse Adam for the embedding (a step touches only the rows of the batch), Adam for the rest
    dense = [p for name, p in model.named_parameters() if not name.startswith("embedding.")]
    optimizers = [torch.optim.SparseAdam([model.embedding.weight], lr=config.lr),
                  torch.optim.Adam(dense, lr=config.lr, weight_decay=config.weight_decay)]
    x_cap, x_com = Featurized([c.text for c in cap_train], features), Featurized([c.text for c in com_train], features)
    y_cap = torch.tensor([[c.sponsored, c.sincere] for c in cap_train], dtype=torch.float32)
    y_com = torch.tensor([c.type for c in com_train], dtype=torch.long)
    counts = [max(1, sum(1 for c in com_train if c.type == k)) for k in range(len(COMMENT_TYPES))]
    class_weight = torch.tensor([(len(com_train) / (len(counts) * n)) ** 0.5 for n in counts], dtype=torch.float32)
    bce = torch.nn.BCEWithLogitsLoss()
    ce = torch.nn.CrossEntropyLoss(weight=class_weight)
    rng = random.Random(config.seed)

    best_score, best_state, best_epoch, stale, history = -1.0, None, 0, 0, []
    for epoch in range(1, config.epochs + 1):
        model.train()
        batches = _batches("caption", len(cap_train), config.batch_size, rng) + \
            _batches("comment", len(com_train), config.batch_size, rng)
        rng.shuffle(batches)
        total = 0.0
        for head, indices in batches:
            x = x_cap if head == "caption" else x_com
            ids, offsets = x.batch(indices)
            logits = model(ids, offsets, head)
            loss = bce(logits, y_cap[indices]) if head == "caption" else ce(logits, y_com[indices])
            for optimizer in optimizers:
                optimizer.zero_grad()
            loss.backward()
            for optimizer in optimizers:
                optimizer.step()
            total += loss.item()
        dev = dev_score(model, cap_dev or cap_train, com_dev or com_train, features)
        history.append({"epoch": epoch, "loss": round(total / max(1, len(batches)), 5), "dev": dev})
        logger.info("epoch %d: loss %.4f, dev macro-F1 %s", epoch, total / max(1, len(batches)), dev)
        if dev["mean"] > best_score:
            best_score, best_state, best_epoch, stale = dev["mean"], copy.deepcopy(model.state_dict()), epoch, 0
        else:
            stale += 1
            if stale >= config.patience:
                break
    model.load_state_dict(best_state)
    _round_embedding(model)
    model.eval()

    temps = calibrate(model, cap_dev, com_dev, features)
    from .predictor import TorchBackend

    backend = TorchBackend(model, features, temps)
    metrics = {"dev": split_metrics(backend, cap_dev, com_dev), "test": split_metrics(backend, *corpus.split("test"))}
    logger.info("trained in %.1f s (best epoch %d)", time.perf_counter() - started, best_epoch)
    meta = model_config(features, net, config, temps, corpus, best_epoch)
    save(output, model, meta, {"model": meta["name"], "data_hash": corpus.data_hash, **metrics, "history": history})
    return metrics


def _batches(head: str, n: int, size: int, rng: random.Random) -> list[tuple[str, list[int]]]:
    order = list(range(n))
    rng.shuffle(order)
    return [(head, order[i:i + size]) for i in range(0, n, size)]


def _round_embedding(model) -> None:
    """Round the embedding to float16, the precision it is saved in, so saved = measured."""
    import torch

    with torch.no_grad():
        model.embedding.weight.copy_(model.embedding.weight.to(torch.float16).to(torch.float32))


def raw_logits(model, texts: list[str], head: str, features: FeatureConfig) -> list[list[float]]:
    import torch

    from .model import to_tensors

    if not texts:
        return []
    model.eval()
    with torch.inference_mode():
        out = model(*to_tensors(*batch_ids(texts, features)), head)
    model.train()
    return out.tolist()


def dev_score(model, captions, comments, features: FeatureConfig) -> dict[str, float]:
    from .metrics import macro_f1

    cap = raw_logits(model, [c.text for c in captions], "caption", features)
    com = raw_logits(model, [c.text for c in comments], "comment", features)
    out = {"sponsored": macro_f1([c.sponsored for c in captions], [int(r[0] > 0) for r in cap], 2),
           "sincere": macro_f1([c.sincere for c in captions], [int(r[1] > 0) for r in cap], 2),
           "comment": macro_f1([c.type for c in comments], [argmax(r) for r in com], len(COMMENT_TYPES))}
    out["mean"] = sum(out.values()) / 3
    return {k: round(v, 4) for k, v in out.items()}


def calibrate(model, captions, comments, features: FeatureConfig) -> dict[str, float]:
    cap = raw_logits(model, [c.text for c in captions], "caption", features)
    com = raw_logits(model, [c.text for c in comments], "comment", features)
    return {"sponsored": fit_temperature([r[0] for r in cap], [c.sponsored for c in captions]),
            "sincere": fit_temperature([r[1] for r in cap], [c.sincere for c in captions]),
            "comment": fit_temperature(com, [c.type for c in comments], multiclass=True)}


def split_metrics(backend, captions, comments) -> dict[str, Any]:
    """Model-only metrics of a split, from a backend's calibrated probabilities."""
    cap = backend.predict_captions([c.text for c in captions])
    com = backend.predict_comments([c.text for c in comments])
    return {
        "sponsored": binary_metrics([c.sponsored for c in captions], [p.sponsored for p in cap]),
        "sincere": binary_metrics([c.sincere for c in captions], [p.sincere for p in cap]),
        "comment_type": multiclass_metrics([c.type for c in comments], [argmax(p) for p in com], COMMENT_TYPES, com),
    }


def model_config(features: FeatureConfig, net: NetConfig, config: TrainConfig, temps: dict[str, float],
                 corpus: Corpus, best_epoch: int) -> dict[str, Any]:
    sizes = {name: dict(zip(("captions", "comments"), map(len, corpus.split(name)))) for name in ("train", "dev", "test")}
    return {
        "backend": "torch", "name": "authentic-small", "format": MODEL_FORMAT, "authentic_nlp_version": __version__,
        "weights": WEIGHTS_FILE, "features": features.as_dict(), "net": net.as_dict(), "train": asdict(config),
        "temperature": temps, "threshold": 0.5,
        "labels": {"sponsored": [0, 1], "sincere": [0, 1], "comment": list(COMMENT_TYPES)},
        "data": {"hash": corpus.data_hash, "files": len(corpus.files), "split_rule": "crc32 of creator, 70/15/15",
                 "sizes": sizes},
        "best_epoch": best_epoch,
    }


def save(output: Path, model, meta: dict[str, Any], metrics: dict[str, Any]) -> None:
    import torch

    output.mkdir(parents=True, exist_ok=True)
    state = {k: (v.to(torch.float16) if k == "embedding.weight" else v).contiguous() for k, v in model.state_dict().items()}
    torch.save(state, output / WEIGHTS_FILE)
    save_npz(output, {k: v.numpy() for k, v in state.items()})   # what scoring reads (no torch there)
    (output / CONFIG_FILE).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    (output / METRICS_FILE).write_text(json.dumps(metrics, indent=2, sort_keys=True) + "\n", encoding="utf-8")
