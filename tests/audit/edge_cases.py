"""Audit inputs shaped like real scraper files (invented text): counts missing, dates missing,
creators missing, one post per creator, counts beyond a float's range, handles that are unsafe
as file names. Each case: the posts, and what the audit must say about each creator."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from authentic_nlp.audit.report import slug

HUGE = 10 ** 400                     # beyond a float's range (about 1.8e308)
HUGE_DIGITS = "9" * 500              # the same, as a digit string
NO_CREATOR = "(no creator)"


def post(pid: str, text: str, creator: str | None = None, **extra) -> dict:
    out = {"id": pid, "text": text, **extra}
    if creator is not None:
        out["creator"] = creator
    return out


IT = "Ho provato questa crema per tre settimane: la pelle è più morbida, ma il profumo è forte."
EN = "Tried this jumper for a month: warm, a bit itchy at the collar, still my favourite."
QUESTION = [{"id": "c1", "text": "dove l'hai presa?", "author": "fan_1"},
            {"id": "c2", "text": "@fan_1 in un negozio sotto casa", "author": "giulia"}]


@dataclass
class Case:
    name: str
    posts: list[dict]
    notes: dict[str, str]                      # creator -> text its engagement panel must show
    engagement: dict[str, dict | None] = field(default_factory=dict)   # creator -> expected fields (None = no panel data)
    dates: bool = True

    def write(self, folder: Path) -> Path:
        path = folder / f"{self.name}.jsonl"
        path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in self.posts), encoding="utf-8")
        return path


CASES = [
    Case("no_followers",
         [post("a1", IT, "giulia", likes=120, created_at="2026-01-02T10:00:00Z", comments=QUESTION),
          post("a2", "Nuovo video! 🎥", "giulia", likes=80, created_at="2026-01-05T10:00:00Z")],
         {"giulia": "200 likes over 2 posts (100 a post). Follower counts are not known"},
         {"giulia": {"followers": None, "likes_total": 200, "likes_posts": 2, "rate": None}}),
    Case("no_likes",
         [post("b1", EN, "sam_uk", followers=4_200, created_at="2026-02-01"),
          post("b2", "New video is up!", "sam_uk", followers=4_300, created_at="2026-02-03")],
         {"sam_uk": "4,300 followers (tier 1k-5k). Like counts are not known"},
         {"sam_uk": {"followers": 4_300, "likes_total": None, "followers_posts": 2, "rate": None}}),
    Case("no_counts",
         [post("c1", IT, "giulia", created_at="2026-03-01"), post("c2", EN, "sam_uk", created_at="2026-03-02")],
         {"giulia": "Follower and like counts are not known", "sam_uk": "Follower and like counts are not known"},
         {"giulia": None, "sam_uk": None}),
    Case("no_dates",
         [post("d1", IT, "giulia", likes=10, followers=900, comments=QUESTION), post("d2", EN, "giulia", likes=30, followers=900)],
         {"giulia": "900 followers (tier 0-1k)"},
         {"giulia": {"followers": 900, "likes_total": 40, "rate": round((10 + 2 + 30) / 900 / 2, 5)}}, dates=False),
    Case("no_creators",
         [post("e1", IT, likes=5), post("e2", EN), post("e3", ""), post("e4", "🔥🔥🔥")],
         {NO_CREATOR: "5 likes over 1 post (5 a post). Follower counts are not known"},
         {NO_CREATOR: {"followers": None, "likes_total": 5}}, dates=False),
    Case("single_post_creators",
         [post("f1", IT, "giulia", followers=1_000, likes=50, created_at="2026-01-01"),
          post("f2", "", "empty_caption", created_at="2026-01-02"),
          post("f3", "😍😍🔥", "emoji_only", created_at="2026-01-03", likes=0),
          post("f4", EN, "sam_uk", followers=0, likes=3, created_at="2026-01-04")],
         {"giulia": "1,000 followers", "empty_caption": "Follower and like counts are not known",
          "emoji_only": "0 likes over 1 post", "sam_uk": "No post has both a follower count above zero"},
         {"giulia": {"followers": 1_000, "rate": 0.05}, "empty_caption": None,
          "emoji_only": {"likes_total": 0, "followers": None}, "sam_uk": {"followers": 0, "rate": None}}),
    Case("huge_counts",
         [post("g1", EN, "mega", likes=HUGE, followers=str(HUGE), created_at="2026-01-01"),
          post("g2", IT, "mega", likes=HUGE_DIGITS, created_at="2026-01-02"),
          post("g3", IT, "tiny", likes=HUGE_DIGITS, followers=5, created_at="2026-01-03"),
          post("g4", EN, "tiny", likes=7, followers=5, created_at="2026-01-04")],
         {"mega": "1.00e400 followers (tier >1M)", "tiny": "The engagement rate of 1 post is too large"},
         {"mega": {"followers": HUGE, "likes_total": HUGE + int(HUGE_DIGITS), "rate": 1.0},
          "tiny": {"followers": 5, "out_of_range": 1, "rate": round(7 / 5, 5)}}),
    Case("unsafe_handles",
         [post(f"h{i}", text, handle, created_at="2026-01-01")
          for i, (handle, text) in enumerate([("-rm", EN), ("--force", IT), ("-", "🔥"), (".hidden", ""),
                                              ("Giulia", IT), ("giulia", IT), ("a/b", EN), ("a?b", EN),
                                              (slug("Giulia"), EN)])],
         {h: "Follower and like counts are not known"
          for h in ("-rm", "--force", "-", ".hidden", "Giulia", "giulia", "a/b", "a?b", slug("Giulia"))}),
]
