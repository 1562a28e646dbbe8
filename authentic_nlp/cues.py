"""Cue data: lists of patterns with an id, a kind, a weight and a source, validated on load.

Every cue list is a YAML file of package data (`lang/<code>/*.yaml`, `markets/*.yaml`), or a file
an analyst passes in. A file looks like:

    meta:
      description: what the list is for
    cues:
      - id: en.sincerity.contrast.but      # unique within the file
        kind: contrast                     # what the cue is evidence of
        pattern: "but"                     # a phrase (whole words, any case) ...
        # regex: '\\bcode\\s+[A-Z]{3,}\\d+'  # ... or a regular expression over the text itself
        #                                  #     (any case unless `ignore_case: false`)
        weight: 0.4                        # in [0, 1]
        source: "Newman et al. 2003"       # where the cue comes from, or the rationale

Matching is whole-word by default: `#ad` never matches inside `#adidas`, `adv` never inside
`advice`. Phrases match case-insensitively, treat any run of spaces as one space, and (with
`accents: false`, the default) match with or without accents (`pubblicita` = `pubblicità`).
A bad entry (no id, a weight outside [0, 1], a regex that does not compile, a duplicate id)
fails at load with the file, the entry and its line: never a silent default.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator

import yaml

from .errors import DataFileError

# A match must not sit inside a longer word, hashtag or handle.
WORD_BEFORE = r"(?<![\w#@])"
WORD_AFTER = r"(?![\w])"
REQUIRED = ("id", "kind", "weight", "source")


@dataclass(frozen=True, slots=True)
class Cue:
    id: str
    kind: str
    weight: float
    source: str
    pattern: str
    regex: re.Pattern[str]
    folded: bool  # phrases match over folded text (lower case, no accents); regexes over the text itself
    extra: dict[str, Any] = field(default_factory=dict)
    literal: str = ""  # a phrase's longest word: no match is possible where it is absent (a fast pre-check)


@dataclass(frozen=True, slots=True)
class CueMatch:
    cue: Cue
    start: int
    end: int
    text: str


def fold_char(ch: str) -> str:
    """One lower-case character without its accent: the first code point of its NFD form."""
    decomposed = unicodedata.normalize("NFD", ch)
    return decomposed[0] if decomposed else ch


_FOLDED: dict[int, str] = {}  # code point -> fold_char of it, filled as non-ASCII characters are seen


def fold(text: str) -> str:
    """Lower-case and strip accents, keeping every character's offset (one char in, one char out of
    the lower-cased text). Each non-ASCII character's folding is computed once and applied with
    `str.translate`."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    for ch in set(lowered):
        if ord(ch) > 127 and ord(ch) not in _FOLDED:
            _FOLDED[ord(ch)] = fold_char(ch)
    return lowered.translate(_FOLDED)


def phrase_regex(phrase: str, *, whole_word: bool = True) -> str:
    """A phrase as a regex over folded text: words separated by any whitespace, whole words."""
    parts = [re.escape(fold(p)) for p in phrase.split()]
    body = r"\s+".join(parts)
    if not whole_word:
        return body
    before = WORD_BEFORE if parts and (parts[0][:1].isalnum() or parts[0][:1] in "#@\\") else ""
    after = WORD_AFTER if parts and parts[-1][-1:].isalnum() else ""
    return before + body + after


WORD_RUN = re.compile(r"\w+")
PREFIX = 3  # characters of a regex literal indexed (a word of the text is looked up by its first 1-3)
# characters that re's IGNORECASE matches to an ASCII letter but str.lower() does not turn into it
CASE_SPECIAL = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def regex_literals(regex: re.Pattern[str]) -> tuple[bool, tuple[str, ...]] | None:
    r"""Literals a regex cannot match without: (whether each starts a word, the lower-case
    literals, one per alternative), or None when some alternative starts with no literal.

    Read from the parsed pattern: after any leading `\b`, the run of literal characters that
    opens each top-level alternative (descending into a leading group). A match contains one of
    them, in any case, so a text that contains none (lower-cased) cannot match."""
    try:
        import re._parser as sre_parse  # type: ignore[import-not-found]
    except ImportError:  # Python < 3.11
        import sre_parse  # type: ignore[no-redef]
    try:
        parsed = sre_parse.parse(regex.pattern, regex.flags)
    except Exception:  # noqa: BLE001  # an unusual pattern: no prefilter, always run
        return None
    alternatives = _alternatives(list(parsed), sre_parse)
    out, word_start = [], True
    for items in alternatives:
        anchored, chars = False, []
        for op, av in items:
            if op is sre_parse.AT and not chars:
                anchored = anchored or av is sre_parse.AT_BOUNDARY
                continue
            if op is sre_parse.LITERAL:
                chars.append(chr(av))
                continue
            break
        literal = "".join(chars).lower()
        if not literal:
            return None
        word_start = word_start and anchored and (literal[0].isalnum() or literal[0] == "_")
        out.append(literal)
    return word_start, tuple(dict.fromkeys(out))


def _alternatives(items: list, sre_parse) -> list[list]:
    r"""The top-level alternatives of a parsed pattern, each as a list of (op, av), a leading group
    or branch opened (`\b(?:a|b)c` -> [[\b, a, c], [\b, b, c]])."""
    for k, (op, av) in enumerate(items):
        if op is sre_parse.AT:
            continue
        if op is sre_parse.BRANCH:
            return [alt for branch in av[1] for alt in _alternatives(items[:k] + list(branch) + items[k + 1:], sre_parse)]
        if op is sre_parse.SUBPATTERN and not (av[1] or av[2]):   # a group without inline flags
            return _alternatives(items[:k] + list(av[3]) + items[k + 1:], sre_parse)
        break
    return [items]


class CueSet:
    r"""The cues of one file, matched together over a text.

    One pass over the text finds its words (`\w+` runs of the folded text); a whole-word phrase can
    match only where the longest word run of its longest word is one of them, so an index from that
    run to the cues selects the few phrases worth running (a literal prefilter), and only those
    regexes run, in file order. Regex cues, phrases without a word character and `whole_word: false`
    phrases keep the plain substring pre-check.
    """

    def __init__(self, cues: list[Cue], path: str) -> None:
        self.cues = cues
        self.path = path
        self._index: dict[str, list[int]] | None = None
        self._always: list[int] = []

    def _build_index(self) -> dict[str, list[int]]:
        index: dict[str, list[int]] = {}
        self._by_prefix: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        self._by_substring: list[tuple[int, tuple[str, ...]]] = []
        for i, cue in enumerate(self.cues):
            runs = WORD_RUN.findall(cue.literal) if cue.folded and cue.extra.get("whole_word", True) else []
            if runs:
                index.setdefault(max(runs, key=len), []).append(i)
                continue
            plan = None if cue.folded else regex_literals(cue.regex)
            if plan is None:
                self._always.append(i)
            elif plan[0]:   # every way to match starts a word with one of the literals
                for literal in plan[1]:   # keyed by its first word's first PREFIX characters
                    key = WORD_RUN.match(literal).group()[:PREFIX]
                    self._by_prefix.setdefault(key, []).append((i, plan[1]))
            else:
                self._by_substring.append((i, plan[1]))
        return index

    def candidates(self, text: str, folded: str) -> list[int]:
        """The cues (indices, in file order) that can match: the phrases whose key word is a word
        of the folded text; the regexes one of whose literals occurs in the text (any case)."""
        index = self._index if self._index is not None else self._set_index()
        found = list(self._always)
        words = set(WORD_RUN.findall(folded))
        for word in words.intersection(index):
            found.extend(index[word])
        if self._by_prefix or self._by_substring:
            lowered = text.translate(CASE_SPECIAL).lower()
            seen = set()
            by_prefix = self._by_prefix
            for run in set(WORD_RUN.findall(lowered)):
                for n in range(1, min(PREFIX, len(run)) + 1):
                    for i, literals in by_prefix.get(run[:n], ()):
                        if i not in seen and any(lit in lowered for lit in literals):
                            seen.add(i)
            for i, literals in self._by_substring:
                if any(lit in lowered for lit in literals):
                    seen.add(i)
            found.extend(seen)
        found.sort()
        return found

    def _set_index(self) -> dict[str, list[int]]:
        self._index = self._build_index()
        return self._index

    def __len__(self) -> int:
        return len(self.cues)

    def __iter__(self) -> Iterator[Cue]:
        return iter(self.cues)

    def by_kind(self, *kinds: str) -> "CueSet":
        return CueSet([c for c in self.cues if c.kind in kinds], self.path)

    def find(self, text: str, folded: str | None = None) -> list[CueMatch]:
        """Every match of every cue, ordered by position. Offsets point into `text`."""
        folded = fold(text) if folded is None else folded
        matches = []
        cues = self.cues
        for i in self.candidates(text, folded):
            cue = cues[i]
            if cue.literal and cue.literal not in folded:
                continue
            for m in cue.regex.finditer(folded if cue.folded else text):
                if m.end() > m.start():
                    matches.append(CueMatch(cue, m.start(), m.end(), text[m.start():m.end()]))
        matches.sort(key=lambda m: (m.start, -m.end, m.cue.id))
        return matches


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser: 7x faster at start-up
    """Records each mapping's line, so errors can point at it."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: str | Path, text: str | None = None) -> Any:
    """Parse a data file (YAML or JSON) with line numbers on every mapping (`__line__`)."""
    try:
        return yaml.load(text if text is not None else Path(path).read_text(encoding="utf-8"), Loader=_LineLoader)
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as err:
        raise DataFileError("E202", path=str(path), detail=str(err)) from None


def entry_error(path: str, entry: dict[str, Any] | int, detail: str) -> DataFileError:
    if isinstance(entry, dict):
        where = f"{entry.get('id', '?')!s} (line {entry.get('__line__', '?')})"
    else:
        where = f"#{entry}"
    return DataFileError("E201", path=path, entry=where, detail=detail)


def build_cue(entry: Any, path: str, index: int) -> Cue:
    if not isinstance(entry, dict):
        raise entry_error(path, index, "an entry must be a mapping")
    for key in REQUIRED:
        if entry.get(key) in (None, ""):
            raise entry_error(path, entry, f"'{key}' is required")
    weight = entry["weight"]
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0.0 <= float(weight) <= 1.0:
        raise entry_error(path, entry, f"weight must be a number in [0, 1], got {weight!r}")
    has_pattern, has_regex = bool(entry.get("pattern")), bool(entry.get("regex"))
    if has_pattern == has_regex:
        raise entry_error(path, entry, "give exactly one of 'pattern' (a phrase) or 'regex'")
    if has_pattern:
        source_pattern = str(entry["pattern"])
        expression = phrase_regex(source_pattern, whole_word=entry.get("whole_word", True))
        flags = 0
    else:
        source_pattern = str(entry["regex"])
        expression = source_pattern
        flags = re.IGNORECASE if entry.get("ignore_case", True) else 0
    try:
        compiled = re.compile(expression, flags)
    except re.error as err:
        raise entry_error(path, entry, f"regex does not compile: {err}") from None
    extra = {k: v for k, v in entry.items() if k not in (*REQUIRED, "pattern", "regex", "__line__")}
    literal = max((fold(word) for word in source_pattern.split()), key=len, default="") if has_pattern else ""
    return Cue(str(entry["id"]), str(entry["kind"]), float(weight), str(entry["source"]), source_pattern,
               compiled, has_pattern, extra, literal)


def parse_cues(data: Any, path: str) -> CueSet:
    if not isinstance(data, dict) or not isinstance(data.get("cues"), list):
        raise DataFileError("E202", path=path, detail="expected a mapping with a 'cues' list")
    cues, seen = [], set()
    for index, entry in enumerate(data["cues"]):
        cue = build_cue(entry, path, index)
        if cue.id in seen:
            raise entry_error(path, entry, f"duplicate id {cue.id!r}")
        seen.add(cue.id)
        cues.append(cue)
    return CueSet(cues, path)


def load_cues_file(path: str | Path) -> CueSet:
    return parse_cues(load_yaml(path), str(path))


def package_label(package: str, name: str) -> str:
    """How errors name a data file shipped in the package: `authentic_nlp/lang/it/sincerity.yaml`."""
    return f"{package.replace('.', '/')}/{name}"


def load_package_yaml(package: str, name: str) -> Any:
    """A data file shipped as package data, parsed by `load_yaml`."""
    return load_yaml(package_label(package, name), resources.files(package).joinpath(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def load_package_cues(package: str, name: str) -> CueSet:
    """A cue file shipped as package data, e.g. `load_package_cues("authentic_nlp.lang.it", "sincerity.yaml")`."""
    return parse_cues(load_package_yaml(package, name), package_label(package, name))


def language_cues(lang: str, name: str) -> CueSet | None:
    """The cue file `name` for a language, or None where the language has none."""
    try:
        return load_package_cues(f"authentic_nlp.lang.{lang}", name)
    except (ModuleNotFoundError, FileNotFoundError):
        return None


def merged(sets: Iterable[CueSet | None]) -> CueSet:
    cues = [c for s in sets if s is not None for c in s.cues]
    return CueSet(cues, "+".join(s.path for s in sets if s is not None))
