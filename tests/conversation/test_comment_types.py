"""Comment types on short Italian and English comments, "", emoji-only and mixed-language ones."""

from __future__ import annotations

import pytest

from authentic_nlp.analyzers.comments import COMMENT_TYPES, classify_comment, is_token_reply

# fmt: off
TYPE_ROWS = [
    # empty and symbols
    ("",                                   "generic"),
    ("   ",                                "generic"),
    ("🔥🔥🔥",                              "generic"),
    ("😍",                                 "generic"),
    ("❤️❤️",                               "generic"),
    ("!!!",                                "generic"),
    # Italian generic
    ("bellissima",                         "generic"),
    ("Bellissima!!! 😍",                    "generic"),
    ("che bella",                          "generic"),
    ("stupenda",                           "generic"),
    ("top",                                "generic"),
    ("sei bellissima",                     "generic"),
    ("bellissima foto",                    "generic"),
    ("complimenti 👏",                      "generic"),
    ("ahahah",                             "generic"),
    ("lo voglio!",                         "generic"),
    ("ciao bella ❤️",                       "generic"),
    ("@giulia_88",                         "generic"),
    ("@giulia_88 guarda",                  "generic"),
    ("@giulia_88 @marta sei tu",           "generic"),
    ("chi è qui nel 2025?",                "generic"),
    ("primo!",                             "generic"),
    # English generic
    ("nice",                               "generic"),
    ("nice pic",                           "generic"),
    ("wow",                                "generic"),
    ("love it",                            "generic"),
    ("Love this!!",                        "generic"),
    ("best song ever",                     "generic"),
    ("so cute 😍",                          "generic"),
    ("you look amazing",                   "generic"),
    ("I need this in my life",             "generic"),
    ("keep it up bro",                     "generic"),
    ("Who's watching in 2025?",            "generic"),
    ("lol",                                "generic"),
    ("@sam look",                          "generic"),
    ("Queen 👑",                            "generic"),
    ("first!",                             "generic"),
    # Italian questions
    ("link?",                              "question"),
    ("info prezzo",                        "question"),
    ("quanto costa",                       "question"),
    ("quanto costa?",                      "question"),
    ("dove l'hai preso?",                  "question"),
    ("dove l’hai presa",                   "question"),
    ("che marca è?",                       "question"),
    ("che taglia porti?",                  "question"),
    ("ricetta?",                           "question"),
    ("come si fa?",                        "question"),
    ("mi dici il nome del rossetto",       "question"),
    ("spedite anche in Svizzera?",         "question"),
    ("c'è un codice sconto?",              "question"),
    # English questions
    ("which shade is this?",               "question"),
    ("where did you get it",               "question"),
    ("price?",                             "question"),
    ("how much",                           "question"),
    ("what brand?",                        "question"),
    ("recipe please",                      "question"),
    ("is it vegan?",                       "question"),
    ("do you ship to Italy?",              "question"),
    ("can you share the recipe",           "question"),
    ("any code?",                          "question"),
    # spam, both languages
    ("check my page",                      "spam"),
    ("Check out my channel!!",             "spam"),
    ("DM for collab",                      "spam"),
    ("follow back",                        "spam"),
    ("f4f",                                "spam"),
    ("sub4sub",                            "spam"),
    ("www.bestdeals.com",                  "spam"),
    ("https://bit.ly/x1y2",                "spam"),
    ("earn money from home, $300 per day", "spam"),
    ("bitcoin giveaway",                   "spam"),
    ("you won a free iPhone",              "spam"),
    ("seguimi",                            "spam"),
    ("ricambio follow",                    "spam"),
    ("passate dal mio profilo 🙏",          "spam"),
    ("scrivici in dm per una collaborazione", "spam"),
    ("giveaway sul mio profilo!",          "spam"),
    ("guadagnare con il trading",          "spam"),
    ("iscriviti al mio canale",            "spam"),
    # substantive, both languages
    ("bellissima la giacca verde",         "substantive"),
    ("l'ho provata ieri, buonissima",      "substantive"),
    ("troppo sale nella carbonara",        "substantive"),
    ("il sugo all'aglione è il mio preferito", "substantive"),
    ("love the colour",                    "substantive"),
    ("I tried it and my skin is softer",   "substantive"),
    ("the lighting in the second shot is perfect", "substantive"),
    ("this saved my dinner tonight",       "substantive"),
    # mixed Italian and English
    ("bellissima, love it 😍",              "generic"),
    ("so cute, dove l'hai preso?",         "question"),
    ("check my page, seguimi",             "spam"),
    ("il colore è perfect for summer",     "substantive"),
]
# fmt: on


@pytest.mark.parametrize("text, expected", TYPE_ROWS)
def test_comment_type(analyse_text, text, expected):
    result = classify_comment(analyse_text(text))
    assert result.type == expected, (text, result.evidence, result.scores)


@pytest.mark.parametrize("text, _expected", TYPE_ROWS)
def test_evidence_offsets_point_into_normalized_text(analyse_text, text, _expected):
    analysis = analyse_text(text)
    result = classify_comment(analysis)
    assert result.type in COMMENT_TYPES
    assert result.evidence, "every type carries evidence"
    for item in result.evidence:
        assert analysis.text[item.start:item.end] == item.text


# fmt: off
TOKEN_ROWS = [
    ("grazie!",                         True),
    ("Grazie mille ❤️",                  True),
    ("❤️",                              True),
    ("🙏",                              True),
    ("@anna @marco grazie!",            True),
    ("@anna grazie a te 😘",             True),
    ("thank you so much!",              True),
    ("@sam thanks, love you",           True),
    ("",                                True),
    ("@anna è di Zara, in saldo",       False),
    ("@luca_77 circa 4,50€",            False),
    ("@sam it's the shade Rosewood from the new line", False),
    ("grazie! l'ho presa al mercato",   False),
    ("thanks! link: www.shop.com/j",    False),
    ("sì",                              False),
    ("yes, vegan",                      False),
]
# fmt: on


@pytest.mark.parametrize("text, expected", TOKEN_ROWS)
def test_token_reply(analyse_text, text, expected):
    token, evidence = is_token_reply(analyse_text(text))
    assert token is expected
    assert bool(evidence) is expected
