"""Generated posts for the Ray tests: seeded, invented texts, a duplicate id and bad lines."""

from __future__ import annotations

import json
import random

# fmt: off
CAPTIONS = [
    "Ieri ho provato la crema: pelle meno secca dopo tre giorni #adv @brand",
    "Usa il codice GIULIA20 per il 20% di sconto! Link in bio",
    "Honest review after three weeks of running in these shoes",
    "Gifted by @brand, all opinions my own ✨",
    "Outfit del giorno, so comfy 😍",
    "Pici all'aglione fatti a mano, ricetta della nonna",
    "",
    "😍🔥🔥",
    "Comment YES if you want the recipe! Follow for more",
    "Nuovo video sul canale, corri a vederlo!! #ad",
]
COMMENTS = ["Dove la trovo?", "Where did you buy them?", "😍😍", "bellissimo", "Ricetta per favore?",
            "great post!!", "follow me back", "Quanto costa?", "Love this", "🔥"]
# fmt: on
BAD_LINES = ['{"id": "broken", "text": ', '{"text": "senza id"}', '["not", "an", "object"]']


def generated_posts(n: int, seed: int = 16) -> list[str]:
    """n JSON lines: posts with 0 to 3 comments from 40 creators, a duplicate id, and bad lines."""
    rng = random.Random(seed)
    lines = []
    for i in range(n):
        creator = f"creator_{rng.randint(1, 40)}"
        comments = []
        for j in range(rng.choice([0, 0, 1, 2, 3])):
            author = creator if j and rng.random() < 0.3 else f"fan_{rng.randint(1, 300)}"
            comments.append({"id": f"c{i}_{j}", "text": rng.choice(COMMENTS), "author": author})
        post = {"id": f"p{i:05d}", "text": rng.choice(CAPTIONS), "creator": creator, "comments": comments}
        lines.append(json.dumps(post, ensure_ascii=False))
    lines[n // 2] = json.dumps({"id": "p00001", "text": "same id as the second post"})
    for k, bad in enumerate(BAD_LINES):
        lines.insert((k + 1) * n // 4, bad)
    return lines
