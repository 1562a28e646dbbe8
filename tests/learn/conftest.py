"""A tiny hand-written corpus (Italian and English, every split by creator), written at test time.

Creators were picked so that the crc32 creator split puts some in train, dev and test:
train: giulia.cucina, tom.eats, sara.trucchi, kate.travels; dev: marco.viaggi, sam.lifts;
test: vale.ricette, max.cooks (tests/learn/test_splits.py checks these assignments).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# fmt: off
POSTS = [
    ("it", "giulia.cucina", "Ho provato la farina di ceci per la frittata: 200 g, acqua tiepida, 20 minuti di riposo. Bordi croccanti, centro un po' crudo la prima volta.", 0, 1,
     [("Quanto tempo in forno?", "question"), ("Che bella idea, la rifaccio domenica con le zucchine", "substantive"), ("😍😍", "generic"), ("Seguimi, ricambio subito! Link in bio", "spam")]),
    ("it", "giulia.cucina", "Collaborazione retribuita con @pastaviva #adv: il codice GIULIA15 vi dà il 15% di sconto. La migliore pasta di sempre, correte!!!", 1, 0,
     [("dove la trovo?", "question"), ("bellissima", "generic"), ("Guadagna 500€ al giorno da casa, scrivimi in DM", "spam")]),
    ("en", "tom.eats", "#ad Tested the @brewco grinder for three weeks. Grind is even for pour-over, but the hopper jams with oily beans and it's loud at 6am.", 1, 1,
     [("does it fit under a cabinet?", "question"), ("mine jammed too with dark roast, good call", "substantive"), ("🔥🔥🔥", "generic"), ("check out my channel for crypto tips 💰", "spam")]),
    ("en", "tom.eats", "Tag 3 friends who NEED this burger 🍔🍔 best ever, no cap, go go go", 0, 0,
     [("@jen.k 👀", "generic"), ("nice pic", "generic"), ("DM us for a collab, we love your page!", "spam")]),
    ("it", "sara.trucchi", "", 0, 0, [("", "generic"), ("ciao", "generic")]),
    ("en", "kate.travels", "Three days in Porto with a toddler: the tram 28 queue was 40 min, the riverside walk was free and she napped in the stroller. Skip Livraria Lello with kids.", 0, 1,
     [("which hotel did you stay at?", "question"), ("we did Lello with our 4yo and regretted it too", "substantive"), ("follow for follow?", "spam")]),
    ("it", "marco.viaggi", "Weekend a Matera, ospite di @hotelsassi (soggiorno offerto). La camera era umida ma la colazione ottima, vista pazzesca al tramonto.", 1, 1,
     [("quanto costa una notte?", "question"), ("ci sono stato a maggio, confermo la colazione", "substantive"), ("👏", "generic")]),
    ("en", "sam.lifts", "Motivation Monday 💪 no excuses, just results!!! Comment YES if you're in", 0, 0,
     [("YES", "generic"), ("how many sets do you do for legs?", "question"), ("Earn $$$ fast, link in my bio", "spam")]),
    ("it", "vale.ricette", "Sponsorizzato da @olioverde: il loro olio è perfetto, compratelo subito con il codice VALE10!!", 1, 0,
     [("dove si compra?", "question"), ("buonissimo", "generic"), ("seguite la mia pagina di ricette 🙏", "spam")]),
    ("en", "max.cooks", "Burnt the first batch of sourdough 😅 the second loaf at 230°C for 40 min came out with a proper ear. Starter is 2 weeks old.", 0, 1,
     [("what flour do you use?", "question"), ("the ear on that second loaf is great, my starter took a month", "substantive"), ("🍞", "generic")]),
]
# fmt: on


def write_corpus(root: Path) -> Path:
    by_lang: dict[str, list[str]] = {"it": [], "en": []}
    for n, (lang, creator, text, sponsored, sincere, comments) in enumerate(POSTS, 1):
        post = {"id": f"{lang}-{n:04d}", "creator": creator, "platform": "instagram", "market": "it" if lang == "it" else "us",
                "text": text, "labels": {"sponsored": sponsored, "verdict": "organic", "sincere": sincere, "hard": False},
                "comments": [{"id": f"c{i}", "text": t, "author": f"user{i}", "labels": {"type": k, "language": lang}}
                             for i, (t, k) in enumerate(comments, 1)]}
        by_lang[lang].append(json.dumps(post, ensure_ascii=False))
    for lang, lines in by_lang.items():
        (root / lang).mkdir(parents=True, exist_ok=True)
        (root / lang / "batch_001.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def tiny_corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpora"))


@pytest.fixture(scope="session")
def tiny_model(tiny_corpus, tmp_path_factory) -> Path:
    """A torch model trained on the tiny corpus in a few epochs (small buckets: fast)."""
    from authentic_nlp.learn.features import FeatureConfig
    from authentic_nlp.learn.model import NetConfig
    from authentic_nlp.learn.train import TrainConfig, train_model

    out = tmp_path_factory.mktemp("model") / "tiny"
    train_model(tiny_corpus, out, features=FeatureConfig(buckets=4096), net=NetConfig(buckets=4096, dim=8, hidden=8),
                config=TrainConfig(epochs=4, patience=4, batch_size=4, lr=0.05))
    return out
