"""The transformers backend: fine-tune any sequence-classification checkpoint on the same tasks.

    one AutoModelForSequenceClassification with num_labels = 6:
        logit 0 sponsored, logit 1 sincere            (BCE, caption batches)
        logits 2..5 comment type                      (cross-entropy, comment batches)

`fine_tune` trains it on the corpora (same creator splits as the torch model), fits a temperature
per head on dev, and saves model + tokenizer + config.json; config.json carries an `authentic_nlp`
section (backend, temperatures, label maps, data hash) by which `load_model_dir` picks this
backend. Nothing is ever downloaded: checkpoints load from a local folder or the local Hugging
Face cache (local_files_only=True); when absent, ModelError E301 says how to get one.
"""

from __future__ import annotations

import json
import logging
import random
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import AuthenticNLPError, ModelError
from .calibration import fit_temperature, sigmoid, softmax
from .corpus import COMMENT_TYPES, load_corpus
from .predictor import CaptionScores
from .train import METRICS_FILE, split_metrics

logger = logging.getLogger(__name__)

NUM_LABELS = 6
GET_CHECKPOINT = ("it is neither a local folder nor in the local Hugging Face cache, and nothing is downloaded here. "
                  "On a machine with internet access run  hf download {name}  (or "
                  "python -c \"from transformers import AutoModelForSequenceClassification as M, AutoTokenizer as T; "
                  "M.from_pretrained('{name}'); T.from_pretrained('{name}')\"), then copy the cache "
                  "(~/.cache/huggingface) or the downloaded folder to this machine and pass the folder")


@dataclass(frozen=True)
class FineTuneConfig:
    epochs: int = 3
    batch_size: int = 16
    lr: float = 3e-5
    max_length: int = 256
    seed: int = 13
    threads: int | None = None         # torch intra-op threads (None: torch's default)
    max_steps: int | None = None       # stop after this many optimiser steps (tests, quick looks)
    max_captions: int | None = None
    max_comments: int | None = None


def require_transformers():
    try:
        import transformers
    except ImportError as err:
        raise ModelError("E302", what="the transformers backend", package="transformers",
                         extra="authentic-nlp[transformers]") from err
    return transformers


def load_checkpoint(name: str | Path, num_labels: int | None = NUM_LABELS):
    """Tokenizer and model from a local folder or the local cache; E301 with a how-to otherwise."""
    transformers = require_transformers()
    kwargs: dict[str, Any] = {"local_files_only": True}
    if num_labels is not None:
        kwargs.update(num_labels=num_labels, ignore_mismatched_sizes=True)
    try:
        tokenizer = transformers.AutoTokenizer.from_pretrained(str(name), local_files_only=True)
        model = transformers.AutoModelForSequenceClassification.from_pretrained(str(name), **kwargs)
    except (OSError, ValueError) as err:
        raise ModelError("E301", path=name, hint=GET_CHECKPOINT.format(name=name)) from err
    return tokenizer, model


class TransformersBackend:
    def __init__(self, model, tokenizer, temperature: dict[str, float], max_length: int = 256, batch_size: int = 32):
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.temperature = temperature
        self.max_length = max_length
        self.batch_size = batch_size

    def logits(self, texts: list[str]) -> list[list[float]]:
        import torch

        out: list[list[float]] = []
        with torch.inference_mode():
            for i in range(0, len(texts), self.batch_size):
                enc = self.tokenizer(texts[i:i + self.batch_size], truncation=True, max_length=self.max_length,
                                     padding=True, return_tensors="pt")
                out.extend(self.model(**enc).logits.tolist())
        return out

    def predict_captions(self, texts: list[str]) -> list[CaptionScores]:
        t_sp, t_si = self.temperature["sponsored"], self.temperature["sincere"]
        return [CaptionScores(sigmoid(r[0] / t_sp), sigmoid(r[1] / t_si)) for r in self.logits(texts)]

    def predict_comments(self, texts: list[str]) -> list[list[float]]:
        return [softmax(r[2:], self.temperature["comment"]) for r in self.logits(texts)]


def load_transformers(path: Path, config: dict[str, Any]) -> TransformersBackend:
    tokenizer, model = load_checkpoint(path, num_labels=None)
    section = config["authentic_nlp"]
    return TransformersBackend(model, tokenizer, section["temperature"], section.get("max_length", 256))


def fine_tune(backbone: str | Path, corpus_root: Path | str, output: Path | str, *,
              config: FineTuneConfig | None = None, force: bool = False) -> dict[str, Any]:
    import torch

    config = config or FineTuneConfig()
    output = Path(output)
    if (output / "config.json").exists() and not force:
        raise AuthenticNLPError("E103", path=output)
    random.seed(config.seed)
    torch.manual_seed(config.seed)
    torch.use_deterministic_algorithms(True)
    if config.threads is not None:
        torch.set_num_threads(config.threads)
    tokenizer, model = load_checkpoint(backbone)
    corpus = load_corpus(corpus_root)
    cap_train, com_train = corpus.split("train")
    cap_train = cap_train if config.max_captions is None else cap_train[:config.max_captions]
    com_train = com_train if config.max_comments is None else com_train[:config.max_comments]
    if not cap_train or not com_train:
        raise AuthenticNLPError("E303", path=corpus_root, detail="the train split has no captions or no comments")
    rows = [("caption", c.text, (c.sponsored, c.sincere)) for c in cap_train] + \
           [("comment", c.text, c.type) for c in com_train]
    optimizer = torch.optim.AdamW(model.parameters(), lr=config.lr)
    rng, steps = random.Random(config.seed), 0
    model.train()
    for epoch in range(config.epochs):
        batches = _batches(rows, config.batch_size, rng)
        for head, batch in batches:
            enc = tokenizer([text for _h, text, _y in batch], truncation=True, max_length=config.max_length,
                            padding=True, return_tensors="pt")
            logits = model(**enc).logits
            if head == "caption":
                target = torch.tensor([y for _h, _t, y in batch], dtype=torch.float32)
                loss = torch.nn.functional.binary_cross_entropy_with_logits(logits[:, :2], target)
            else:
                loss = torch.nn.functional.cross_entropy(logits[:, 2:], torch.tensor([y for _h, _t, y in batch]))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            steps += 1
            if config.max_steps is not None and steps >= config.max_steps:
                break
        logger.info("epoch %d: %d steps", epoch + 1, steps)
        if config.max_steps is not None and steps >= config.max_steps:
            break
    backend = TransformersBackend(model, tokenizer, {"sponsored": 1.0, "sincere": 1.0, "comment": 1.0}, config.max_length)
    cap_dev, com_dev = corpus.split("dev")
    cap_logits = backend.logits([c.text for c in cap_dev])
    com_logits = [r[2:] for r in backend.logits([c.text for c in com_dev])]
    backend.temperature = {
        "sponsored": fit_temperature([r[0] for r in cap_logits], [c.sponsored for c in cap_dev]),
        "sincere": fit_temperature([r[1] for r in cap_logits], [c.sincere for c in cap_dev]),
        "comment": fit_temperature(com_logits, [c.type for c in com_dev], multiclass=True)}
    metrics = {"dev": split_metrics(backend, cap_dev, com_dev), "test": split_metrics(backend, *corpus.split("test"))}
    model.config.authentic_nlp = {
        "backend": "transformers", "name": f"authentic-{Path(str(backbone)).name}", "backbone": str(backbone),
        "authentic_nlp_version": __version__, "temperature": backend.temperature, "max_length": config.max_length,
        "labels": {"logits": ["sponsored", "sincere", *(f"comment:{t}" for t in COMMENT_TYPES)]},
        "train": asdict(config), "data": {"hash": corpus.data_hash, "files": len(corpus.files)}, "steps": steps,
    }
    output.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(output)
    tokenizer.save_pretrained(output)
    (output / METRICS_FILE).write_text(json.dumps({"model": model.config.authentic_nlp["name"],
                                                   "data_hash": corpus.data_hash, **metrics},
                                                  indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return metrics


def _batches(rows: list, size: int, rng: random.Random) -> list[tuple[str, list]]:
    out = []
    for head in ("caption", "comment"):
        part = [r for r in rows if r[0] == head]
        rng.shuffle(part)
        out += [(head, part[i:i + size]) for i in range(0, len(part), size)]
    rng.shuffle(out)
    return out
