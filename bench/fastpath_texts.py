"""Invented, real-like short social texts for bench/bench_fastpath.py: a caption and three comments a post.

Italian and English in the register of Instagram and TikTok: first-person captions with emoji,
hashtags and @mentions, some sponsored (codes, #adv, "in collaborazione con"), comment sections that
repeat themselves ("🔥🔥", "bellissima", "first"), questions, tags of friends, a little spam. Every
phrase here is written for this benchmark (nothing from ../shared/data); the combinations are
seeded, so the same count and seed give the same posts.
"""

from __future__ import annotations

import random
from typing import Any, Iterator

# fmt: off
IT_OPEN = ["Ieri sera", "Stamattina", "Finalmente", "Dopo tre settimane", "Domenica", "Oggi", "Vi avevo promesso che",
           "Non ci credo ma", "Primo giorno a Bologna e", "Ritorno a casa:"]
IT_BODY = ["ho provato la nuova crema viso", "abbiamo fatto la focaccia con il lievito madre", "sono andata a correre al parco",
           "ho finito il libro che mi avevate consigliato", "ho sistemato l'armadio per la primavera",
           "siamo stati al mare con i bambini", "ho rifatto il tiramisù della nonna", "ho testato le scarpe da trail",
           "ho cambiato la routine serale", "ho cucinato i pici all'aglione"]
IT_TAIL = ["e vi dico la verità: non è perfetta ma mi piace", "40 minuti di impasto e braccia a pezzi 😅",
           "la prossima volta meno sale", "voi cosa ne pensate?", "link in bio per la ricetta completa",
           "il codice GIULIA15 vi dà il 15% di sconto", "in collaborazione con @lamarca.it", "grazie a @ilforno_bo per l'invito",
           "prodotto ricevuto in regalo, opinione mia", "ne parlo meglio nelle storie", "voto 7/10, il prezzo è alto",
           "correte a prenderla finché c'è!!!"]
EN_OPEN = ["Last night", "This morning", "Finally", "After three weeks", "Sunday reset:", "Today", "I promised you that",
           "Can't believe it but", "Day one in Lisbon and", "Back home:"]
EN_BODY = ["I tried the new face serum", "we baked sourdough with my 2 week old starter", "I ran my first 10k",
           "I finished the book you recommended", "I cleaned out my closet for spring", "we took the kids to the beach",
           "I made my grandma's banana bread", "I tested the trail shoes", "I changed my night routine",
           "I cooked the pasta from the video"]
EN_TAIL = ["honestly it's not perfect but I like it", "two hours of kneading and my arms are gone 😅",
           "less salt next time", "what do you think?", "link in bio for the full recipe",
           "use code KATE20 for 20% off", "in partnership with @glowlabs", "thanks @cafe.rio for having us",
           "gifted, but opinions are my own", "more in my stories", "7/10, pricey for what it is",
           "grab it before it's gone!!!"]
HASHTAGS = ["#adv", "#ad", "#sponsored", "#foodporn", "#cucinaitaliana", "#skincare", "#running", "#booktok",
            "#ootd", "#mare", "#lisbon", "#sourdough", "#fitness", "#bologna", "#instafood", "#travelgram"]
EMOJI = ["😍", "🔥", "😅", "❤️", "🙏", "✨", "😂", "👏", "🥲", "💪", "🍕", "🌊", "👀", "🇮🇹"]
REPEATED = ["🔥🔥", "bellissima", "first", "😍😍😍", "❤️", "wow", "che bello", "so cute", "👏👏", "top", "love it",
            "stupenda!!", "🔥", "grande!", "amazing"]
IT_COMMENTS = ["dove l'hai comprata?", "ma quanto costa?", "la ricetta per favore 🙏", "anche io l'ho provata, a me ha dato i brufoli",
               "@martina_b guarda qui", "che invidia, io sono ancora in ufficio", "ma è adatta alla pelle grassa?",
               "la faccio domenica, ti faccio sapere", "bravissima come sempre", "a che ora siete partiti?",
               "il mio impasto non cresce mai, consigli?", "seguimi, ricambio subito!"]
EN_COMMENTS = ["where did you get it?", "how much was it?", "recipe please 🙏", "tried it too and broke out, sadly",
               "@jen.k look at this", "so jealous, still at work", "does it work on oily skin?",
               "making this on sunday, will report back", "you never miss", "what time did you leave?",
               "my dough never rises, any tips?", "check my page for free followers!!"]
# fmt: on


def _caption(rng: random.Random, lang: str) -> str:
    opens, bodies, tails = (IT_OPEN, IT_BODY, IT_TAIL) if lang == "it" else (EN_OPEN, EN_BODY, EN_TAIL)
    parts = [rng.choice(opens), rng.choice(bodies), rng.choice(EMOJI)]
    for _ in range(rng.randint(0, 2)):
        parts.append(rng.choice(tails))
    parts += rng.sample(HASHTAGS, rng.randint(0, 4))
    text = " ".join(parts)
    return text if rng.random() < 0.8 else text.replace(" ", "\n", 1)


def _comment(rng: random.Random, lang: str) -> str:
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(REPEATED)
    pool = IT_COMMENTS if (lang == "it") == (rng.random() < 0.85) else EN_COMMENTS
    text = rng.choice(pool)
    return text + " " + rng.choice(EMOJI) if rng.random() < 0.3 else text


def posts(count: int, seed: int = 11) -> Iterator[dict[str, Any]]:
    """`count` contract records, each a caption and three comments (the last sometimes the creator's reply)."""
    rng = random.Random(seed)
    for n in range(count):
        lang = "it" if rng.random() < 0.55 else "en"
        creator = f"creator_{rng.randint(1, 900)}"
        comments = [{"id": f"c{i}", "text": _comment(rng, lang), "author": f"fan_{rng.randint(1, 9000)}"} for i in range(3)]
        if rng.random() < 0.3:
            comments[2] = {"id": "c2", "text": f"@{comments[0]['author']} " + ("grazie!! ❤️" if lang == "it" else "thank you!! ❤️"),
                           "author": creator, "reply_to": "c0"}
        yield {"id": f"p{n:07d}", "creator": creator, "platform": rng.choice(("instagram", "tiktok")),
               "text": _caption(rng, lang), "comments": comments}
