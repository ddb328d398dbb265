"""A first-character test for patterns the regex engine scans without one.

Python's engine skips ahead by itself only for a pattern that starts with a literal or a
class; one whose top is an alternation of groups (the period words, the collective names
of zones) is tried alternative by alternative at every position of the text. Led by a
lookahead for the characters a match can start with, it turns most positions away with one
class test. The characters are read from the pattern itself, so the data files stay the only
place its words are written.
"""

from __future__ import annotations

import re
from re import _constants, _parser  # type: ignore[attr-defined]  # the parsed form of a pattern, to read its first characters


def first_char_guard(pattern: re.Pattern[str] | str) -> re.Pattern[str]:
    """The same pattern, led by a lookahead for the characters a match can start with.

    A pattern whose top is an alternation of groups gets no first-character test from the
    regex engine: at every position of the text it tries each alternative in turn. The
    lookahead turns most positions away with one class test. The matches, their groups and
    their order are unchanged (the lookahead consumes and captures nothing); a pattern whose
    first characters cannot be told (a negated class, ``.``, a back-reference, a match that
    may be empty) is returned as it is, compiled.

    Given the pattern's text rather than a compiled pattern, it compiles only the guarded form:
    a long alternation is compiled once at start-up, not twice.
    """
    source, flags = (pattern, 0) if isinstance(pattern, str) else (pattern.pattern, pattern.flags)
    try:
        parsed = _parser.parse(source, flags)
        items, nullable = _first_of(parsed.data)
        if not nullable and items and not parsed.state.flags & re.IGNORECASE:  # the flags set inside the text too: (?i)
            return re.compile(f"(?=[{''.join(sorted(items))}])(?:{source})", flags)
    except (_Unknown, re.error):  # re.error: global flags inside, or a pattern the wrapping breaks
        pass
    return re.compile(pattern)


class _Unknown(Exception):
    """A piece of a pattern whose first characters are not worked out here."""


_CATEGORIES = {
    _constants.CATEGORY_DIGIT: r"\d",
    _constants.CATEGORY_UNI_DIGIT: r"\d",
    _constants.CATEGORY_SPACE: r"\s",
    _constants.CATEGORY_UNI_SPACE: r"\s",
    _constants.CATEGORY_WORD: r"\w",
    _constants.CATEGORY_UNI_WORD: r"\w",
}


def _first_of(sequence: list) -> tuple[set[str], bool]:
    """The class items a match of the sequence can start with, and whether it can match the empty string."""
    items: set[str] = set()
    for op, argument in sequence:
        first, nullable = _first_of_item(op, argument)
        items |= first
        if not nullable:
            return items, False
    return items, True


def _first_of_item(op: object, argument: object) -> tuple[set[str], bool]:
    c = _constants
    if op is c.LITERAL:
        return {re.escape(chr(argument))}, False  # type: ignore[arg-type]
    if op is c.IN:
        return _class_items(argument), False  # type: ignore[arg-type]
    if op is c.BRANCH:
        firsts = [_first_of(alternative) for alternative in argument[1]]  # type: ignore[index]
        return set().union(*(f for f, _ in firsts)), any(n for _, n in firsts)
    if op is c.SUBPATTERN:
        _group, add_flags, _del_flags, inner = argument  # type: ignore[misc]
        if add_flags & re.IGNORECASE:
            raise _Unknown
        return _first_of(inner)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _high, inner = argument  # type: ignore[misc]
        first, nullable = _first_of(inner)
        return first, nullable or low == 0
    if op is c.ASSERT_NOT and not argument[1]:  # type: ignore[index]
        return set(), False  # (?!): never matches, so nothing after it starts a match
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True  # zero width: the next piece starts the match
    if op is c.GROUPREF_EXISTS:
        _group, yes, no = argument  # type: ignore[misc]
        first, nullable = _first_of(yes)
        other, other_nullable = _first_of(no) if no is not None else (set(), True)
        return first | other, nullable or other_nullable
    if op is c.ATOMIC_GROUP:
        return _first_of(argument)  # type: ignore[arg-type]
    raise _Unknown(op)


def _class_items(items: list) -> set[str]:
    found = set()
    for op, argument in items:
        if op is _constants.LITERAL:
            found.add(re.escape(chr(argument)))
        elif op is _constants.RANGE:
            found.add(f"{re.escape(chr(argument[0]))}-{re.escape(chr(argument[1]))}")
        elif op is _constants.CATEGORY and argument in _CATEGORIES:
            found.add(_CATEGORIES[argument])
        else:  # NEGATE, a category not listed
            raise _Unknown(op)
    return found
