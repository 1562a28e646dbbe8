"""The numpy forward pass (learn/numpy_net.py) against the torch network it replaces at scoring time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from authentic_nlp.errors import ModelError
from authentic_nlp.learn.numpy_net import WEIGHTS_FILE, NumpyNet, load_weights
from authentic_nlp.learn.predictor import NumpyBackend, TorchBackend, load_model_dir
from authentic_nlp.learn.shipped import default_model_path

ROOT = Path(__file__).resolve().parents[2]
TOLERANCE = 1e-5
# fmt: off
TEXTS = [
    "", "🔥🔥", "😍😍😍 ❤️", "bellissima", "first", "nice pic",
    "Collaborazione retribuita con @marca #adv: codice GIULIA15 per il 15% di sconto 🛍️",
    "Ieri sera ho provato i pici a mano: 40 minuti di impasto, la prossima volta meno sale.",
    "#ad Tested the @brewco grinder for three weeks: even grind, but loud at 6am.",
    "dove l'hai comprato?? 😍", "where did you get it?", "follow me back pls, check my page!!",
    "Tag 3 friends who NEED this 🍔🍔 #foodporn #yum", "ciao @anna.b ti aspetto sabato",
    "https://example.com/shop?ref=abc link in bio", "SEI UN GRANDE", "   ",
]
# fmt: on


def _backends(path: Path) -> tuple[NumpyBackend, TorchBackend]:
    pytest.importorskip("torch")
    numpy_backend = load_model_dir(path).backend
    torch_backend = load_model_dir(path, prefer_numpy=False).backend
    assert isinstance(numpy_backend, NumpyBackend) and isinstance(torch_backend, TorchBackend)
    return numpy_backend, torch_backend


@pytest.fixture(scope="module")
def shipped() -> Path:
    path = default_model_path()
    if path is None or not (path / WEIGHTS_FILE).is_file():
        pytest.skip("no shipped model with weights.npz in this installation")
    return path


@pytest.mark.parametrize("head", ["caption", "comment"])
def test_shipped_model_logits_match_torch(shipped: Path, head: str) -> None:
    fast, reference = _backends(shipped)
    texts = TEXTS + [t.upper() for t in TEXTS] + [" ".join(TEXTS)]
    a, b = np.array(fast._logits(texts, head)), np.array(reference._logits(texts, head))
    assert a.shape == b.shape and np.abs(a - b).max() < TOLERANCE


@pytest.mark.parametrize("text", TEXTS)
def test_probabilities_match_torch_one_text_at_a_time(shipped: Path, text: str) -> None:
    fast, reference = _backends(shipped)
    assert np.allclose(fast.predict_comments([text])[0], reference.predict_comments([text])[0], atol=TOLERANCE, rtol=0)
    (a,), (b,) = fast.predict_captions([text]), reference.predict_captions([text])
    assert abs(a.sponsored - b.sponsored) < TOLERANCE and abs(a.sincere - b.sincere) < TOLERANCE


def test_shipped_npz_is_the_shipped_model_pt(shipped: Path) -> None:
    torch = pytest.importorskip("torch")
    state = torch.load(shipped / "model.pt", map_location="cpu", weights_only=True)
    weights = load_weights(shipped / WEIGHTS_FILE)
    assert sorted(state) == sorted(weights)
    assert all(np.array_equal(state[k].numpy(), weights[k]) and state[k].numpy().dtype == weights[k].dtype for k in state)


def test_training_writes_the_npz_and_scoring_uses_it(tiny_model: Path) -> None:
    assert (tiny_model / WEIGHTS_FILE).is_file()
    fast, reference = _backends(tiny_model)
    a, b = np.array(fast._logits(TEXTS, "comment")), np.array(reference._logits(TEXTS, "comment"))
    assert np.abs(a - b).max() < TOLERANCE


@pytest.mark.parametrize("sizes", [[], [0], [3, 0, 2], [1] * 600, [2, 0] * 300])
def test_bags_of_any_size_including_empty(sizes: list[int]) -> None:
    rng = np.random.default_rng(0)
    tensors = {"embedding.weight": rng.normal(size=(50, 4)).astype(np.float16),
               "shared.weight": rng.normal(size=(3, 4)).astype(np.float32), "shared.bias": np.zeros(3, np.float32),
               "sponsored.weight": np.ones((1, 3), np.float32), "sponsored.bias": np.zeros(1, np.float32),
               "sincere.weight": np.ones((1, 3), np.float32), "sincere.bias": np.zeros(1, np.float32),
               "comment.weight": np.ones((4, 3), np.float32), "comment.bias": np.zeros(4, np.float32)}
    net = NumpyNet(tensors)
    offsets = np.cumsum([0] + sizes[:-1]).astype(np.int64) if sizes else np.zeros(0, np.int64)
    ids = rng.integers(0, 50, size=sum(sizes)).astype(np.int64)
    out = net.logits(ids, offsets, "comment")
    emb = tensors["embedding.weight"].astype(np.float32)
    expected = []
    for start, size in zip(offsets, sizes):
        mean = emb[ids[start:start + size]].mean(axis=0) if size else np.zeros(4, np.float32)
        expected.append(np.maximum(mean @ tensors["shared.weight"].T, 0) @ tensors["comment.weight"].T)
    assert out.shape == (len(sizes), 4)
    assert np.allclose(out, np.array(expected).reshape(-1, 4), atol=1e-5)


def test_a_broken_npz_is_a_coded_error(tiny_model: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    for name in ("config.json", "model.pt"):
        (broken / name).write_bytes((tiny_model / name).read_bytes())
    (broken / WEIGHTS_FILE).write_bytes(b"not a zip")
    with pytest.raises(ModelError) as info:
        load_model_dir(broken)
    assert info.value.code == "E303"


@pytest.mark.parametrize("text", ["Codice GIULIA20 per il 20% di sconto! #adv @brand", "🔥🔥"])
def test_scoring_imports_no_torch(text: str) -> None:
    code = ("import sys\nfrom authentic_nlp import analyze_text\nrecord = analyze_text(sys.argv[1])\n"
            "assert record['sponsorship']['probability'] is not None\n"
            "print(sorted(m for m in sys.modules if m == 'torch' or m.startswith('torch.')))")
    out = subprocess.run([sys.executable, "-c", code, text], capture_output=True, text=True, cwd=ROOT,
                         env={"PYTHONPATH": str(ROOT), "PATH": ""}, check=True)
    assert out.stdout.strip() == "[]"
