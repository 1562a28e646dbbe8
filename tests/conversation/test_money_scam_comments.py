"""Issue 15: the money-scam comment family is spam in Italian and English (cue data, no model); genuine
finance comments, scam warnings included, are not; "" and emoji-only comments stay generic."""

from __future__ import annotations

import pytest

from authentic_nlp.analyzers.comments import classify_comment

# fmt: off
SCAM_ROWS = [
    "I started with $500 and now I make $6,200 a week thanks to @hannah_trades.fx, best account manager ever 🙏",
    "Lost access to your wallet? Our expert can recover it, get in touch with @recovery.desk.pro",
    "Big thanks to expert Daniel Reeves, I got $12,000 back from a fake broker. Contact him: @danielreeves_recovery",
    "DM me for signals 📊 92% win rate this month, no joke",
    "send 0.05 ETH to 0x7fA3c91d02B4e8a6 and get 0.1 ETH back instantly, event ends tonight",
    "Who else trades with expert @derek.fxsignals? Got my first payout of $3,400 yesterday 💸",
    "Ho guadagnato 3.500€ in due settimane grazie a @giulia.trading.ufficiale, contattatela subito 🙏",
    "Hai perso soldi con un falso broker? Il nostro esperto li recupera, contatta @recupero.sicuro.pro",
    "Scrivimi in DM per i segnali forex gratuiti 📊 +80% questo mese",
    "invia 0,05 ETH a 0x3bC8e41a97D2f0c5 e ricevi il doppio, evento valido solo oggi",
    "Anche io ero stata truffata e l'esperta Maria mi ha fatto recuperare tutto, contattatela su whatsapp",
    "Ho iniziato con 250€ e ora guadagno 4.000€ a settimana grazie alla mia account manager @elena.investimenti",
]
GENUINE_ROWS = [  # (comment, type)
    ("I moved my emergency fund to a HYSA at 4.3% last year, still feels too good to last", "substantive"),
    ("Anyone telling you to DM them for signals in these comments is a scammer, please report them", "substantive"),
    ("careful with the index part, I lost 40% in 2022 holding one tech ETF", "substantive"),
    ("what index fund do you use for the Roth?", "question"),
    ("Io ho il PAC sull'ETF azionario globale da 3 anni, 150€ al mese, per ora +18%", "substantive"),
    ("Occhio a chi vi scrive in privato promettendo rendimenti o segnali: sono truffatori, segnalateli", "substantive"),
    ("il 3,5 è promozionale o fisso?", "question"),
    ("@pierpaolo_79 alle 19:30 sì, scrivimi su whatsapp", "substantive"),
    ("", "generic"),
    ("💸💸", "generic"),
    ("🔥", "generic"),
]
# fmt: on


@pytest.mark.parametrize("text", SCAM_ROWS)
def test_money_scam_comments_are_spam(analyse_text, text):
    analysis = analyse_text(text)
    result = classify_comment(analysis)
    assert result.type == "spam", result.evidence
    scam = [e for e in result.evidence if e.kind == "spam_scam"]
    assert scam, result.evidence
    for item in scam:
        assert analysis.text[item.start:item.end] == item.text


@pytest.mark.parametrize("text, expected", GENUINE_ROWS)
def test_genuine_finance_comments_are_not_spam(analyse_text, text, expected):
    assert classify_comment(analyse_text(text)).type == expected
