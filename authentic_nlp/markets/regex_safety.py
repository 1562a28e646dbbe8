"""A check, on load, that a user rule's regex cannot take exponential time (catastrophic backtracking).

Python's `re` backtracks, and a pattern such as `(a+)+$` takes 2^n steps on fifty `a` and a `!`:
one caption hangs the run, and no time budget can stop it (the match is one C call). So the regexes
of an analyst's `--rules` file are checked when the file is loaded, on the parse tree `re` builds:

- **nested quantifier**: inside a repeated group (`(...)+`, `(...)*`, `(...){2,}`), an unbounded
  quantifier whose characters could also be taken by the repeat's next round, because nothing
  mandatory in the group separates the rounds: `(a+)+`, `(\\w+\\s?)*`, `(.*a){20}`. Separated
  rounds are fine: `(\\s+\\w+)*`, `([a-z]+\\.)+`, `(a+b)+`.
- **overlapping alternatives** inside an unbounded repeat: two alternatives that can start with the
  same character, or an empty alternative next to one that starts like the group: `(a|a)*`,
  `(a|aa)+`, `(\\w|\\d)+`.

It is a conservative test (some safe patterns are refused; rewrite them with possessive
quantifiers or atomic groups, `(?>...)`, which `re` has since Python 3.11). Characters are compared
on a sample (Latin, Greek, Cyrillic, punctuation, the pattern's own literals), not exhaustively.
"""

from __future__ import annotations

import re
from typing import Any, Callable

try:
    from re import _constants as C, _parser as P   # Python 3.11+
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

Pred = Callable[[str], bool]
REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT)
BIG = 16          # a quantifier that allows this many rounds counts as unbounded
_SAMPLE_BASE = [chr(c) for c in range(0x20, 0x250)] + [chr(c) for c in range(0x370, 0x450)] + list("\t\n\r\u00a0\u2019😀")


def backtracking_risk(pattern: str, flags: int = 0) -> str | None:
    """Why `pattern` can backtrack catastrophically, or None when the check finds nothing."""
    try:
        tree = P.parse(pattern, flags)
    except re.error:
        return None   # the compile check reports it
    ctx = _Ctx(bool(flags & re.IGNORECASE) or bool(tree.state.flags & re.IGNORECASE),
               bool(tree.state.flags & re.DOTALL), pattern)
    return _walk(list(tree), ctx, repeated=False)


class _Ctx:
    def __init__(self, ignore_case: bool, dotall: bool, pattern: str) -> None:
        self.ignore_case, self.dotall = ignore_case, dotall
        self.sample = _SAMPLE_BASE + [ch for ch in pattern if ord(ch) >= 0x250]


def _walk(items: list[tuple[Any, Any]], ctx: _Ctx, repeated: bool) -> str | None:
    for op, av in items:
        if op in REPEATS:
            low, high, body = av
            body = _unwrap(list(body))
            if high > 1:
                problem = _nested(body, ctx) or _branches(body, ctx, high >= BIG)
                if problem:
                    return problem
            problem = _walk(body, ctx, repeated or high > 1)
            if problem:
                return problem
        for sub in _children(op, av):
            problem = _walk(sub, ctx, repeated)
            if problem:
                return problem
    return None


def _unwrap(body: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """A body that is one group is that group's sequence."""
    while len(body) == 1 and body[0][0] == C.SUBPATTERN:
        body = list(body[0][1][-1])
    return body


def _children(op: Any, av: Any) -> list[list[tuple[Any, Any]]]:
    if op == C.SUBPATTERN:
        return [list(av[-1])]
    if op == C.BRANCH:
        return [list(alt) for alt in av[1]]
    if op in (C.ASSERT, C.ASSERT_NOT):
        return [list(av[1])]
    if op == getattr(C, "ATOMIC_GROUP", None) or op == getattr(C, "POSSESSIVE_REPEAT", None):
        return []   # atomic: never backtracks into
    if op == C.GROUPREF_EXISTS:
        return [list(av[1])] + ([list(av[2])] if av[2] else [])
    return []


def _nested(seq: list[tuple[Any, Any]], ctx: _Ctx, outer: tuple[Pred, ...] = ()) -> str | None:
    """An unbounded quantifier in a repeated body that nothing mandatory around it (in its own
    sequence or an enclosing one, up to the repeated body) separates from the next round."""
    for index, (op, av) in enumerate(seq):
        guards = outer + tuple(g for j, item in enumerate(seq) if j != index and _mandatory(item)
                               and (g := _first([item], ctx)) is not None)
        if op in REPEATS:
            if av[1] >= BIG:
                chars = _chars([(op, av)], ctx)
                if not any(_disjoint(chars, guard, ctx) for guard in guards):
                    return "a quantifier inside a repeated group can split the same text in many ways (nested quantifier)"
                continue   # its own body is checked when the walk reaches it
            subs = [list(av[2])]
        else:
            subs = _children(op, av)
        for sub in subs:
            problem = _nested(sub, ctx, guards)
            if problem:
                return problem
    return None


def _mandatory(item: tuple[Any, Any]) -> bool:
    op, av = item
    if op in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY, C.CATEGORY):
        return True
    if op in REPEATS:
        return av[0] >= 1
    if op == C.SUBPATTERN:
        return any(_mandatory(i) for i in av[-1])
    if op == C.BRANCH:
        return all(any(_mandatory(i) for i in alt) for alt in av[1])
    return False


def _branches(body: list[tuple[Any, Any]], ctx: _Ctx, unbounded: bool) -> str | None:
    if not unbounded:
        return None
    first_of_body = _first(body, ctx)
    for index, (op, av) in enumerate(body):
        if op == C.SUBPATTERN:
            inner = _unwrap([(op, av)])
            op, av = inner[0] if len(inner) == 1 else (None, None)
        alts = [list(a) for a in av[1]] if op == C.BRANCH else []
        if not alts:
            continue
        firsts = [_first(a, ctx) for a in alts]
        starts = _any_of([f for f in firsts if f is not None])
        guarded = any(_disjoint(starts, g, ctx) for j, item in enumerate(body) if j != index and _mandatory(item)
                      and (g := _first([item], ctx)) is not None)
        for i in range(len(alts)):
            for j in range(i + 1, len(alts)):
                a, b = firsts[i], firsts[j]
                if a is None and b is None:
                    return "two alternatives inside a repeated group can both match nothing"
                if a is not None and b is not None and not guarded and not _disjoint(a, b, ctx):
                    return "two alternatives inside a repeated group can match the same text"
                lone = b if a is None else a if b is None else None
                if lone is not None and first_of_body is not None and not _disjoint(lone, first_of_body, ctx):
                    return "an empty alternative inside a repeated group lets the same text match in many ways"
    return None


def _first(items: list[tuple[Any, Any]], ctx: _Ctx) -> Pred | None:
    """What the sequence's first character can be (None: it can match the empty string)."""
    preds: list[Pred] = []
    for op, av in items:
        if op == C.AT:
            continue
        if op in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY, C.CATEGORY):
            preds.append(_char_pred(op, av, ctx))
            return _any_of(preds)
        sub = list(av[2]) if op in REPEATS else list(av[-1]) if op == C.SUBPATTERN else None
        if op == C.BRANCH:
            firsts = [_first(list(a), ctx) for a in av[1]]
            preds += [f for f in firsts if f is not None]
            if all(f is not None for f in firsts):
                return _any_of(preds)
            continue
        if sub is None:
            return _any_of(preds + [lambda ch: True])
        first = _first(sub, ctx)
        if first is not None:
            preds.append(first)
            if _mandatory((op, av)):
                return _any_of(preds)
    return None


def _chars(items: list[tuple[Any, Any]], ctx: _Ctx) -> Pred:
    """Every character the items can consume."""
    preds: list[Pred] = []
    stack = list(items)
    while stack:
        op, av = stack.pop()
        if op in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY, C.CATEGORY):
            preds.append(_char_pred(op, av, ctx))
        elif op in REPEATS:
            stack.extend(av[2])
        elif op in (C.GROUPREF, C.GROUPREF_IGNORE if hasattr(C, "GROUPREF_IGNORE") else C.GROUPREF):
            preds.append(lambda ch: True)
        else:
            for sub in _children(op, av):
                stack.extend(sub)
    return _any_of(preds)


def _any_of(preds: list[Pred]) -> Pred:
    return lambda ch: any(p(ch) for p in preds)


def _disjoint(a: Pred, b: Pred, ctx: _Ctx) -> bool:
    return not any(a(ch) and b(ch) for ch in ctx.sample)


_CATEGORIES: dict[Any, Pred] = {
    C.CATEGORY_DIGIT: lambda ch: ch.isdigit(), C.CATEGORY_NOT_DIGIT: lambda ch: not ch.isdigit(),
    C.CATEGORY_SPACE: lambda ch: ch.isspace(), C.CATEGORY_NOT_SPACE: lambda ch: not ch.isspace(),
    C.CATEGORY_WORD: lambda ch: ch.isalnum() or ch == "_", C.CATEGORY_NOT_WORD: lambda ch: not (ch.isalnum() or ch == "_"),
}


def _char_pred(op: Any, av: Any, ctx: _Ctx) -> Pred:
    fold = (lambda ch: ch.lower()) if ctx.ignore_case else (lambda ch: ch)
    if op == C.LITERAL:
        target = fold(chr(av))
        return lambda ch: fold(ch) == target
    if op == C.NOT_LITERAL:
        target = fold(chr(av))
        return lambda ch: fold(ch) != target
    if op == C.ANY:
        return (lambda ch: True) if ctx.dotall else (lambda ch: ch != "\n")
    if op == C.CATEGORY:
        return _CATEGORIES.get(av, lambda ch: True)
    negate = False
    parts: list[Pred] = []
    for sop, sav in av:
        if sop == C.NEGATE:
            negate = True
        elif sop == C.RANGE:
            lo, hi = sav
            parts.append(lambda ch, lo=lo, hi=hi: any(lo <= ord(c) <= hi for c in ch + fold(ch)))
        elif sop in (C.LITERAL, C.NOT_LITERAL, C.CATEGORY):
            parts.append(_char_pred(sop, sav, ctx))
        else:
            parts.append(lambda ch: True)
    inside = _any_of(parts)
    return (lambda ch: not inside(ch)) if negate else inside
