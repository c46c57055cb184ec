"""Counts as reporters write them: "1,200", "nine", "twenty-three", "a dozen", "100-plus",
"90-odd".

Vague plurals ("dozens", "hundreds", "scores") are not counts: they parse to nothing.
"""

from __future__ import annotations

import re

from warwire.extract.patterns import Folded

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000}
_UNIT_ALT = "|".join(sorted(_UNITS, key=len, reverse=True))
_TENS_ALT = "|".join(_TENS)
_SMALL = rf"(?:(?:{_TENS_ALT})(?:[- ](?:{_UNIT_ALT}))?|{_UNIT_ALT})"
_HUNDREDS = rf"(?:(?:{_SMALL}|a)\s+hundred(?:\s+(?:and\s+)?{_SMALL})?|{_SMALL})"
WORD_NUMBER = rf"(?:a\s+dozen|(?:{_HUNDREDS})(?:\s+thousand(?:\s+(?:and\s+)?{_HUNDREDS})?)?)"
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d{1,7})"

NUMBER = (
    rf"(?<![\w\-/.,$€£^*×])(?<![\^*×]\s)(?:{DIGITS}(?:-plus|-odd)?|{WORD_NUMBER})"
    rf"(?![\w/%$€£^*×]|[.,]\d|-(?!plus\b|odd\b)|\s[\^*×])"
)
"""A count, as a regex fragment (case-insensitive, no capture groups). A number joined to a
power or product sign ("10^400", "2*10") is notation, not a count."""

QUALIFIER = (
    r"(?:(?:at\s+least|more\s+than|over|about|around|almost|nearly|some|roughly|"
    r"approximately|up\s+to|close\s+to|no\s+fewer\s+than|no\s+less\s+than|as\s+many\s+as|"
    r"just\s+(?:over|under)|well\s+over|fewer\s+than|less\s+than|an\s+estimated|a\s+total\s+of|"
    r"a\s+(?:new\s+)?record(?:-breaking)?|another|a\s+further|all|all\s+of\s+the|"
    r"the\s+remaining|the\s+other|only|just|some\s+of\s+the|a\s+combined)\s+)"
)
"""Words that may stand before a count without changing the number it stands for."""

_NUMBER_RE = re.compile(NUMBER, re.IGNORECASE)
_WORD_SPLIT = re.compile(r"[\s\-]+")


def _words_value(words: list[str]) -> int | None:
    total = 0
    current = 0
    seen = False
    for word in words:
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "a":
            current += 1
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif word == "and":
            continue
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> int | None:
    """The integer a number token stands for, or None when it is not one."""
    token = text.strip().lower()
    if token.endswith("-plus"):
        token = token[:-5]
    elif token.endswith("-odd"):
        token = token[:-4]  # "90-odd drones": some ninety
    if not token:
        return None
    if token[0].isdigit():
        digits = token.replace(",", "")
        # isdigit() is also true of superscripts ("²"), which int() refuses.
        ok = digits.isascii() and digits.isdigit() and len(digits) <= 9
        return int(digits) if ok else None
    words = [w for w in _WORD_SPLIT.split(token) if w]
    if words == ["a", "dozen"]:
        return 12
    return _words_value(words)


def find_numbers(text: str) -> list[tuple[int, int, int]]:
    """Every count in `text` as (value, start, end)."""
    found: list[tuple[int, int, int]] = []
    for match in _NUMBER_RE.finditer(text):
        value = parse_number(match.group(0))
        if value is not None:
            found.append((value, match.start(), match.end()))
    return found


_COUNT_AHEAD = rf"(?=\d|a\s+(?:dozen|hundred)|{_UNIT_ALT}|{_TENS_ALT})"
_COUNT_START = Folded(re.compile(rf"(?<![\w\-/.,$€£^*×]){_COUNT_AHEAD}", re.IGNORECASE))
"""Where a `NUMBER` can begin: its look-behind, then a digit or the first word of a count."""
_BEFORE_COUNT = Folded(re.compile(rf"[^\w\-/.,$€£^*×]{_COUNT_AHEAD}", re.IGNORECASE))
"""The character before each `_COUNT_START` but one at the start of the text: opening with a
character, the pattern lets the engine skip at C speed over the letters of words, where the
look-behind of `_COUNT_START` would fail at every one."""
_QUALIFIER_TO_END = Folded(re.compile(rf"(?={QUALIFIER}\Z)", re.IGNORECASE))
_QUALIFIER_ENDS = (
    "least", "than", "over", "about", "around", "almost", "nearly", "some", "roughly",
    "approximately", "to", "as", "under", "estimated", "of", "record", "record-breaking",
    "another", "further", "all", "the", "remaining", "other", "only", "just", "combined",
)  # fmt: skip
"""The last word of every `QUALIFIER` phrase."""
_QUALIFIER_WORDS = 3
"""No `QUALIFIER` phrase runs over more than three words."""


def count_starts(text: str, lowered: str | None = None) -> list[int]:
    """Every offset where a count can begin, or a qualifier before one ("at least 12"):
    a pattern that opens with `(?:QUALIFIER)?NUMBER` can match only there (`matches_at`)."""
    starts: set[int] = set()
    plain = text.isascii()
    found = [0] if _COUNT_START.match(text, lowered) else []
    found += [m.start() + 1 for m in _BEFORE_COUNT.finditer(text, lowered)]
    for at in found:
        starts.add(at)
        if at == 0 or not text[at - 1].isspace():
            continue  # a qualifier ends in whitespace
        words = text[:at].rsplit(None, _QUALIFIER_WORDS)
        if not words or (plain and not words[-1].lower().endswith(_QUALIFIER_ENDS)):
            continue
        first = len(words[0]) if len(words) > _QUALIFIER_WORDS else 0
        starts.update(m.start() for m in _QUALIFIER_TO_END.finditer(text, lowered, first, at))
    return sorted(starts)
