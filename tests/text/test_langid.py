"""Language identification: tables of hand-written Italian, English, other-language, empty and mixed texts."""

from __future__ import annotations

import pytest

from authentic_nlp.cues import load_package_cues
import authentic_nlp.text.langid as langid_module
from authentic_nlp.text.langid import (
    UNDETERMINED,
    LanguageResult,
    identify,
    identify_many,
    language_evidence,
)
from authentic_nlp.text.langid_frequency import frequency_weights
from authentic_nlp.text.langid_lexicon import FREQUENCY_ID, lexicon
from authentic_nlp.text.langid_models import DETECTOR_LANGS, fasttext_read

IT_POST = LanguageResult("it", 0.98)
EN_POST = LanguageResult("en", 0.98)


@pytest.mark.parametrize(
    "text, code",
    [
        ("Ieri sera siamo andati al concerto ed è stato incredibile", "it"),
        ("Qualcuno mi spiega perché il pacco non è ancora arrivato?", "it"),
        ("Che meraviglia 😍", "it"),
        ("Bravissimaaa", "it"),
        ("Grazie", "it"),
        ("Nn ci posso credere", "it"),
        ("Dell'anno scorso mi ricordo solo la neve", "it"),
        ("Il mio look di oggi, che ne pensate? #ootd", "it"),
        ("We had the best pizza of our lives last night", "en"),
        ("Does anyone know when the next drop is?", "en"),
        ("So cute 😍", "en"),
        ("Thanks", "en"),
        ("lmao", "en"),
        ("Soooo good", "en"),
        ("Check out my channel https://example.com/c/xyz", "en"),
        ("Me encanta este vestido, ¿dónde lo compraste?", "es"),
        ("Muchas gracias por todo, sois los mejores", "es"),
        ("Je ne sais pas quoi dire", "fr"),
        ("Merci beaucoup pour la vidéo", "fr"),
        ("Ich liebe dieses Lied so sehr", "de"),
        ("Vielen Dank für die Hilfe", "de"),
        ("Obrigado por compartilhar isso com a gente", "pt"),
        ("Dit is echt een heel mooie foto", "nl"),
    ],
)
def test_code(text: str, code: str) -> None:
    result = identify(text)
    assert result.code == code
    assert 0.0 < result.confidence <= 1.0
    assert result.mixed is False


@pytest.mark.parametrize(
    "text",
    ["", "   ", "😍😍😍", "👏🏻👏🏻", "❤️", "#love #instagood", "@giulia @marco_rossi", "https://example.com/a",
     "!!! 123", "Giulia", "Marco Rossi", "Jessica", "ok", "Wow", "xD"],
)
def test_undetermined_without_context(text: str) -> None:
    assert identify(text) == UNDETERMINED
    assert identify(text).as_dict() == {"code": "und", "confidence": 0.0, "mixed": False}


@pytest.mark.parametrize(
    "text, context, code",
    [
        ("Top", IT_POST, "it"),
        ("Top", EN_POST, "en"),
        ("Wow!", IT_POST, "it"),
        ("Wow!", EN_POST, "en"),
        ("Super", IT_POST, "it"),
        ("Super", EN_POST, "en"),
        ("Grazie", EN_POST, "it"),          # a clear Italian word stays Italian under an English post
        ("Thanks", IT_POST, "en"),          # and a clear English one stays English under an Italian post
        ("😍😍", IT_POST, "und"),            # context never invents a language for an emoji-only comment
        ("", EN_POST, "und"),
        ("Giulia", IT_POST, "und"),         # nor for a lone name
    ],
)
def test_context_decides_short_comments(text: str, context: LanguageResult, code: str) -> None:
    assert identify(text, context=context).code == code


def test_context_raises_confidence_of_ambiguous_word() -> None:
    alone, under_post = identify("Top"), identify("Top", context=IT_POST)
    assert under_post.code == "it"
    assert under_post.confidence > (alone.confidence if alone.code == "it" else 0.5)


def test_undetermined_context_is_ignored() -> None:
    assert identify("Che bello", context=UNDETERMINED) == identify("Che bello")


@pytest.mark.parametrize(
    "text, mixed",
    [
        ("Ragazzi this is the best song ever, la ascolto tutti i giorni", True),
        ("Questo è il mio preferito, I can't stop listening to it", True),
        ("Love this, ma non capisco perché non è uscita prima", True),
        ("Who else is here from Italy? Io ci sono, ciao a tutti", True),
        ("Outfit perfetto per il weekend, nuovo post sul blog", False),       # loanwords are not mixing
        ('Ho visto "The Last of Us" e mi è piaciuto tantissimo', False),      # a quoted title
        ("Stasera guardiamo Game of Thrones tutti insieme", False),           # a Title Case title
        ("Bellissimo video, I love it so much", False),                       # one Italian word only
        ("I can't believe it's already December", False),
        ("Non vedo l'ora di vederti dal vivo", False),
        ("", False),
        ("🔥🔥", False),
    ],
)
def test_mixed(text: str, mixed: bool) -> None:
    result = identify(text)
    assert result.mixed is mixed
    if mixed:
        assert result.code in ("it", "en")


def test_confidence_is_probability_like() -> None:
    long_it = identify("Questo è il video più bello che abbia mai visto, complimenti a tutti voi")
    short = identify("Super")
    assert 0.99 <= long_it.confidence <= 1.0
    assert 0.0 < short.confidence < long_it.confidence


def test_deterministic_and_batch_equals_single() -> None:
    texts = ["Che bello", "Nice one", "Top", "Hola amigos", "", "Bellissimo video, I love it", "Vielen Dank"]
    contexts = [None, None, IT_POST, None, EN_POST, None, None]
    single = [identify(t, c) for t, c in zip(texts, contexts)]
    assert identify_many(texts, contexts) == single
    assert identify_many(texts, contexts) == single
    assert [r.as_dict() for r in identify_many(texts)] == [identify(t).as_dict() for t in texts]


@pytest.mark.parametrize(
    "text, lang, word",
    [
        ("Grazie mille, sei bravissima", "it", "bravissima"),
        ("Thank you so much", "en", "Thank"),
        ("Dell'anno scorso", "it", "Dell'"),
        ("I think so", "en", "I"),
    ],
)
def test_evidence_points_into_the_text(text: str, lang: str, word: str) -> None:
    evidence = [e for e in language_evidence(text) if e.kind == f"language.{lang}"]
    assert any(e.text == word for e in evidence)
    for e in evidence:
        assert text[e.start:e.end] == e.text
        assert e.rule == FREQUENCY_ID or e.rule.startswith(f"{lang}.langid.")
        assert 0.0 < e.weight <= 1.0


@pytest.mark.parametrize("text", ["", "😍", "#love"])
def test_no_evidence_without_words(text: str) -> None:
    assert language_evidence(text) == []


@pytest.mark.parametrize(
    "text, code",
    [
        # Italian captions built around English set phrases: the phrases are loans, the grammar is Italian
        ("Il look di oggi, link in bio", "it"),
        ("Happy hour in terrazza 🍹", "it"),
        ("Best friends da sempre ❤️", "it"),
        ("Make up semplice per tutti i giorni", "it"),
        ("Sunday mood: divano e serie tv", "it"),
        # the same phrases in English sentences stay English
        ("Happy hour at the bar tonight, who is coming?", "en"),
        ("You are my best friend and I love you", "en"),
        ("Link in bio for the full tutorial", "en"),
        ("Good vibes only", "en"),
    ],
)
def test_english_set_phrases_in_italian(text: str, code: str) -> None:
    result = identify(text)
    assert result.code == code
    assert result.mixed is False


@pytest.mark.parametrize(
    "text, loans",
    [
        ("Il look di oggi, link in bio", ["link", "in", "bio"]),
        ("Happy hour in terrazza", ["Happy", "hour"]),
        ("Happy birthday Marco", []),                 # not a listed phrase
        ("Linkin Park in concerto", []),              # whole words only
        ("", []),
        ("😍😍", []),
    ],
)
def test_loan_phrases_are_marked(text: str, loans: list[str]) -> None:
    assert [w.text for w in lexicon().scan(text).words if w.loan] == loans


@pytest.mark.parametrize(
    "text, code",
    [
        ("Çok güzel olmuş, teşekkürler", "tr"),
        ("Bardzo ładne zdjęcie, pozdrawiam", "pl"),
        ("Det här är så fint", "sv"),
        ("Mulțumesc frumos pentru video", "ro"),
    ],
)
def test_languages_outside_the_eight_are_themselves(text: str, code: str) -> None:
    assert identify(text).code == code


@pytest.mark.parametrize("text, code", [("Dope", "en"), ("ngl this slaps", "en"), ("Tranquilli", "it"),
                                        ("Sei un grande", "it"), ("SEI UN GRANDE", "it")])
def test_short_social_words(text: str, code: str) -> None:
    assert identify(text).code == code


@pytest.mark.parametrize("text", ["", "   ", "😍"])
def test_fasttext_prior_is_divided_out(text: str) -> None:
    """Where fastText reads nothing it answers its training prior; the evidence it adds is then 0."""
    reading = fasttext_read(text)
    assert set(reading.evidence) == set(DETECTOR_LANGS)
    assert all(abs(v) < 1e-6 for v in reading.evidence.values())


@pytest.mark.parametrize("text, best", [("sei un grande, grazie di tutto", "it"),
                                        ("thank you so much for this video", "en")])
def test_fasttext_evidence_points_to_the_language(text: str, best: str) -> None:
    reading = fasttext_read(text)
    assert reading.top == best
    assert max(reading.evidence, key=reading.evidence.get) == best
    assert reading == fasttext_read(text.upper())   # read lower-cased


def test_models_work_with_the_network_blocked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both models ship inside their packages: a fresh load must not open a socket."""
    import socket

    from authentic_nlp.text import langid_models

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    from authentic_nlp.text import langid_frequency

    for cached in (langid_models._fasttext, langid_models._fasttext_prior, langid_models._lingua,
                   langid_models.fasttext_read, langid_models.lingua_probabilities, langid_frequency._table):
        cached.cache_clear()
    assert identify("Che bella giornata oggi, andiamo al mare?").code == "it"
    assert identify("Ok").code == "und"
    assert identify("Top", context=EN_POST).code == "en"
    assert fasttext_read("ich liebe dieses lied").top == "de"


@pytest.mark.parametrize(
    "text",
    ["Questo è il video più bello che abbia mai visto, grazie davvero a tutti voi",
     "This is honestly the best video I have watched on this channel so far"],
)
def test_long_confident_texts_skip_lingua(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> dict:
        raise AssertionError("lingua should not be needed")

    monkeypatch.setattr(langid_module, "lingua_probabilities", refuse)
    assert identify(text).confidence >= 0.99


@pytest.mark.parametrize("lang", ["it", "en"])
@pytest.mark.parametrize("name", ["langid.yaml", "langid_names.yaml"])
def test_data_files_load_with_sources(lang: str, name: str) -> None:
    cues = load_package_cues(f"authentic_nlp.lang.{lang}", name)
    assert len(cues) > 50
    assert all(c.source and c.id.startswith(f"{lang}.langid.") for c in cues)


def test_loan_phrases_load_with_sources() -> None:
    cues = load_package_cues("authentic_nlp.lang.it", "langid_loans.yaml")
    assert len(cues) > 50
    assert all(c.kind == "loan" and c.source and c.id.startswith("it.langid.loan.") for c in cues)


@pytest.mark.parametrize(
    "word, lang",
    [
        ("daje", "it"),                  # Roman "come on": Italian only
        ("onestà", "it"),
        ("cheers", "en"),
        ("bravo", None),                 # shared by Italian, Spanish, Portuguese and English
        ("governo", None),               # Italian and Portuguese alike
        ("", None),
        ("😍", None),
    ],
)
def test_frequency_weights(word: str, lang: str | None) -> None:
    weights = frequency_weights(word)
    assert list(weights) == ([lang] if lang else [])
    for weight in weights.values():
        assert 0.5 < weight <= 0.95      # more than half of the word's use, never "exclusive"


@pytest.mark.parametrize("text, code, word", [("Daje", "it", "Daje"), ("Onestà", "it", "Onestà"),
                                              ("Brilliant mate", "en", "Brilliant"), ("Cheers", "en", "Cheers")])
def test_words_known_from_frequencies_tell_the_language(text: str, code: str, word: str) -> None:
    """Words outside the hand lexicon: their wordfreq weight decides, and the evidence says so."""
    assert identify(text).code == code
    rules = {e.text: e.rule for e in language_evidence(text)}
    assert rules[word] == FREQUENCY_ID


@pytest.mark.parametrize("text, mixed", [("Weekend top, outfit perfetto e cena da urlo", False),
                                         ("Cheers ragazzi, grazie di tutto", False),
                                         ("Oggi sono troppo stanca, but I really need to finish this video", True)])
def test_only_hand_listed_words_make_a_text_mixed(text: str, mixed: bool) -> None:
    """English words known only from frequencies ("cheers") never make an Italian text mixed;
    listed English words ("but", "I", "really") do."""
    assert identify(text).mixed is mixed


@pytest.mark.parametrize("text", ["Marco Rossi", "Giulia Bianchi", "Marco"])
def test_names_that_are_frequent_words_stay_undetermined(text: str) -> None:
    assert identify(text) == UNDETERMINED


@pytest.mark.parametrize(
    "text, upper_i",
    [
        ("I think so", True),
        ("e lui: I love you", True),
        ("ha scritto 'I love you' sul muro", False),   # the look-behind reads the apostrophe before I
        ("i ragazzi sono arrivati", False),             # lower-case i: the Italian article
        ("", False),
    ],
)
def test_upper_case_i_is_read_in_its_context(text: str, upper_i: bool) -> None:
    rules = {e.rule for e in language_evidence(text) if e.text == "I"}
    assert ("en.langid.function.I_upper" in rules) is upper_i


@pytest.mark.parametrize("text", ["xke", "xkè", "xké no?", "xke no?", "cmq bello", "tvb", "qlcs", "grz", "nzomma", "nn lo so"])
def test_italian_chat_abbreviations_and_regional_forms(text: str) -> None:
    """Italian chat spellings ('x' for per, 'k' for ch, dropped vowels) and regional forms are Italian,
    alone or with other words, even where fastText and lingua, trained on edited text, read them otherwise."""
    assert identify(text).code == "it"


@pytest.mark.parametrize(
    "text, read",
    [
        ("xke no?", "no?"),                     # the chat form is hidden, the rest is read
        ("cmq bello", "bello"),
        ("tvb", ""),                            # nothing left: the detectors are not asked
        ("link in bio cmq", "link in bio"),     # loans are still read when nothing else is left
        ("perche no", "perche no"),             # standard spellings are read as written
    ],
)
def test_chat_forms_are_hidden_from_the_detectors(text: str, read: str) -> None:
    assert lexicon().scan(text).detector_text(40) == read.rstrip("?")


def test_no_detector_is_asked_when_nothing_is_readable(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_text: str):
        raise AssertionError("a detector was asked to read a text of chat forms only")
    monkeypatch.setattr(langid_module, "fasttext_read", refuse)
    monkeypatch.setattr(langid_module, "lingua_probabilities", refuse)
    assert identify("tvb").code == "it"          # one word: no fast path, only the hidden chat form


@pytest.mark.parametrize("text, code", [("sub 4 sub", "en"),
                                        # each was English before these loan phrases were listed
                                        ("Talk show inutili", "it"), ("Day after del derby", "it"),
                                        ("First lady in prima fila", "it")])
def test_youtube_words_and_political_loans(text: str, code: str) -> None:
    result = identify(text)
    assert (result.code, result.mixed) == (code, False)


@pytest.mark.parametrize("text, code", [("lo so", "it"), ("Huge fan", "en"), ("Bardzo ładne zdjęcie, pozdrawiam", "pl")])
def test_languages_fasttext_confuses_are_not_reported(text: str, code: str) -> None:
    """fastText reads "lo so" as Lojban and "Huge fan" as West Frisian; those labels are never
    reported, while a real language outside the eight still is."""
    assert identify(text).code == code


def test_not_reported_codes_are_fasttext_labels() -> None:
    import re
    from importlib.resources import files

    from authentic_nlp.text.langid import not_reported
    from authentic_nlp.text.langid_models import FASTTEXT_RESOURCE

    model = files(FASTTEXT_RESOURCE[0]).joinpath(FASTTEXT_RESOURCE[1]).read_bytes()
    labels = {m.decode() for m in re.findall(rb"__label__([a-z_]+)", model)}      # the model's 176 labels
    assert len(labels) == 176
    assert not_reported() and not_reported() <= labels
    assert not (not_reported() & set(DETECTOR_LANGS))


def test_one_overconfident_fasttext_reading_cannot_outvote_the_words() -> None:
    """fastText reads "good vid mate" as Swedish at 0.99997, so its evidence against English falls far
    below that against Dutch; bounded to EVIDENCE_BOUND, two English words and the English post decide."""
    from authentic_nlp.text.langid_models import EVIDENCE_BOUND

    reading = fasttext_read("good vid mate")
    assert reading.evidence["en"] == -EVIDENCE_BOUND
    assert all(abs(value) <= EVIDENCE_BOUND for value in fasttext_read("sei un grande").evidence.values())
    assert identify("good vid mate", EN_POST).code == "en"
