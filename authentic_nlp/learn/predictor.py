"""Loading a model folder and scoring texts with it: the analyzers' one door to learned models.

    load_predictor(options) -> Predictor | None       process-cached per model folder
        options.model_path: a folder (torch or transformers, told apart by its config.json),
                            None for the shipped default, NO_MODEL for cues only
    Predictor.predict_captions(texts)  -> [CaptionScores(sponsored, sincere)]   calibrated
    Predictor.predict_comments(texts)  -> [[p_substantive, p_question, p_generic, p_spam]]
    Predictor.caption(text)            -> CaptionScores, memoised for the last few captions, so the
                                          sponsorship and sincerity stages share one forward pass

A torch model folder is scored with numpy (`NumpyBackend`, from `weights.npz`) where that file is
there, so scoring never imports torch; torch is needed only to train, and for folders without it.

Texts are expected normalized (`text.normalize`, what `TextAnalysis.text` holds), as in training.
"""

from __future__ import annotations

import json
import logging
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from ..errors import ModelError
from .calibration import sigmoid, softmax
from .features import FeatureConfig, batch_ids
from .model import NetConfig, build_network, to_tensors
from .shipped import default_model_path

logger = logging.getLogger("authentic_nlp")

NO_MODEL = Path("__cues_only__")  # options.model_path value that turns the learned model off
CONFIG_FILE = "config.json"
COMMENT_TYPES = ("substantive", "question", "generic", "spam")
CACHE_SIZE = 64


@dataclass(frozen=True, slots=True)
class CaptionScores:
    sponsored: float
    sincere: float


class Backend(Protocol):
    def predict_captions(self, texts: list[str]) -> list[CaptionScores]: ...
    def predict_comments(self, texts: list[str]) -> list[list[float]]: ...


class _CalibratedHeads:
    """Calibrated probabilities from a backend's raw logits (`_logits(texts, head)`)."""

    temperature: dict[str, float]

    def _logits(self, texts: list[str], head: str) -> list[list[float]]:
        raise NotImplementedError

    def predict_captions(self, texts: list[str]) -> list[CaptionScores]:
        t_sp, t_si = self.temperature["sponsored"], self.temperature["sincere"]
        return [CaptionScores(sigmoid(a / t_sp), sigmoid(b / t_si)) for a, b in self._logits(texts, "caption")]

    def predict_comments(self, texts: list[str]) -> list[list[float]]:
        t = self.temperature["comment"]
        return [softmax(row, t) for row in self._logits(texts, "comment")]


class TorchBackend(_CalibratedHeads):
    """The small hashed-feature network; probabilities calibrated by the saved temperatures."""

    def __init__(self, model, features: FeatureConfig, temperature: dict[str, float]) -> None:
        self.model = model.eval()
        self.features = features
        self.temperature = temperature

    def _logits(self, texts: list[str], head: str) -> list[list[float]]:
        import torch

        if not texts:
            return []
        with torch.inference_mode():
            return self.model(*to_tensors(*batch_ids(texts, self.features)), head).tolist()


class NumpyBackend(_CalibratedHeads):
    """The same network and calibration, its forward pass in numpy (`numpy_net`): no torch import."""

    def __init__(self, net, features: FeatureConfig, temperature: dict[str, float]) -> None:
        self.net = net
        self.features = features
        self.temperature = temperature

    def _logits(self, texts: list[str], head: str) -> list[list[float]]:
        import numpy as np

        if not texts:
            return []
        flat, offsets = batch_ids(texts, self.features)
        ids = np.frombuffer(flat, dtype=np.int64) if len(flat) else np.zeros(0, dtype=np.int64)
        return self.net.logits(ids, np.frombuffer(offsets, dtype=np.int64), head).tolist()


class Predictor:
    """A loaded model: batch scoring plus a small memo so a caption is scored once per post."""

    def __init__(self, backend: Backend, config: dict[str, Any], path: Path) -> None:
        self.backend = backend
        self.config = config
        self.path = path
        self.name = str(config.get("name", path.name))
        self._captions: OrderedDict[str, CaptionScores] = OrderedDict()
        self._chunk_captions: dict[str, CaptionScores] = {}
        self._chunk_comments: dict[str, list[float]] = {}

    def prefetch(self, captions: list[str], comments: list[str]) -> None:
        """Score a chunk's distinct captions and comments in one forward pass each; until the next
        call, `caption` and `predict_comments` answer these texts from memory (`prefetch([], [])`
        forgets them)."""
        captions, comments = list(dict.fromkeys(captions)), list(dict.fromkeys(comments))
        self._chunk_captions = dict(zip(captions, self.backend.predict_captions(captions))) if captions else {}
        self._chunk_comments = dict(zip(comments, self.backend.predict_comments(comments))) if comments else {}

    def predict_captions(self, texts: list[str]) -> list[CaptionScores]:
        return self.backend.predict_captions(list(texts))

    def predict_comments(self, texts: list[str]) -> list[list[float]]:
        memo = self._chunk_comments
        if memo and all(t in memo for t in texts):
            return [memo[t] for t in texts]
        return self.backend.predict_comments(list(texts))

    def caption(self, text: str) -> CaptionScores:
        hit = self._chunk_captions.get(text) or self._captions.get(text)
        if hit is None:
            hit = self.backend.predict_captions([text])[0]
            self._captions[text] = hit
            if len(self._captions) > CACHE_SIZE:
                self._captions.popitem(last=False)
        return hit


def read_config(path: Path) -> dict[str, Any]:
    config_file = path / CONFIG_FILE
    if not config_file.is_file():
        raise ModelError("E301", path=path, hint="a model folder holds config.json; train one with "
                         "`authentic-nlp train -o DIR` or pass the folder of a trained model to --model")
    try:
        return json.loads(config_file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise ModelError("E303", path=path, detail=f"config.json is not valid JSON: {err}") from err


def load_torch(path: Path, config: dict[str, Any]) -> TorchBackend:
    import torch

    # One intra-op thread: the network is tiny (threads cost more than they save), and a process
    # that never starts torch's OpenMP pool can fork worker processes safely (`--workers N`);
    # forking after the pool has started deadlocks the children.
    torch.set_num_threads(1)
    features = FeatureConfig.from_dict(config["features"])
    model = build_network(NetConfig.from_dict(config["net"]))
    state = torch.load(path / config.get("weights", "model.pt"), map_location="cpu", weights_only=True)
    state = {k: v.to(torch.float32) for k, v in state.items()}
    try:
        model.load_state_dict(state)
    except RuntimeError as err:
        raise ModelError("E303", path=path, detail=f"weights do not fit config.json: {err}") from err
    return TorchBackend(model, features, config["temperature"])


def load_numpy(path: Path, config: dict[str, Any]) -> NumpyBackend:
    """The torch model's weights exported to numpy (`weights.npz`, written by `authentic-nlp train`)."""
    from .numpy_net import WEIGHTS_FILE, NumpyNet, load_weights

    net_config = NetConfig.from_dict(config["net"])
    try:
        net = NumpyNet(load_weights(path / WEIGHTS_FILE))
    except (OSError, ValueError, KeyError) as err:
        raise ModelError("E303", path=path, detail=f"{WEIGHTS_FILE} cannot be read: {err}") from err
    if net.embedding.shape != (net_config.buckets, net_config.dim) or net.shared_w.shape != (net_config.dim, net_config.hidden):
        raise ModelError("E303", path=path, detail=f"{WEIGHTS_FILE} does not fit config.json's net")
    return NumpyBackend(net, FeatureConfig.from_dict(config["features"]), config["temperature"])


def load_model_dir(path: Path | str, *, prefer_numpy: bool = True) -> Predictor:
    """Load any model folder; the backend is picked from its config.json. A torch model with
    `weights.npz` beside `model.pt` runs in numpy (no torch import) unless `prefer_numpy` is False."""
    from .numpy_net import WEIGHTS_FILE

    path = Path(path)
    config = read_config(path)
    if config.get("backend") == "torch":
        if prefer_numpy and (path / WEIGHTS_FILE).is_file():
            return Predictor(load_numpy(path, config), config, path)
        return Predictor(load_torch(path, config), config, path)
    if isinstance(config.get("authentic_nlp"), dict) and config["authentic_nlp"].get("backend") == "transformers":
        from .transformers_backend import load_transformers

        return Predictor(load_transformers(path, config), config["authentic_nlp"], path)
    raise ModelError("E303", path=path, detail="config.json names no known backend ('torch', or a transformers "
                     "config with an 'authentic_nlp' section written by `authentic-nlp train --backbone`)")


@lru_cache(maxsize=4)
def _cached(path: str) -> Predictor:
    return load_model_dir(Path(path))


def load_predictor(options: Any = None) -> Predictor | None:
    """The predictor for `options.model_path` (the shipped default when None); None for cues only.

    A folder named with --model must load (errors are raised). The shipped default is optional:
    when it is absent (a source tree before `authentic-nlp train`), the analyzers run on cues alone.
    """
    path = getattr(options, "model_path", None)
    if path is not None and Path(path) == NO_MODEL:
        return None
    if path is None:
        path = default_model_path()
        if path is None:
            logger.info("no shipped model found: cues only")
            return None
    return _cached(str(Path(path).resolve()))
