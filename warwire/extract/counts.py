"""Counts as reporters write them: "1,200", "nine", "twenty-three", "a dozen", "at least 9"."""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_UNIT_ALT = "|".join(sorted(_UNITS, key=len, reverse=True))
_TENS_ALT = "|".join(_TENS)
_SMALL = rf"(?:(?:{_TENS_ALT})(?:[- ](?:{_UNIT_ALT}))?|{_UNIT_ALT})"
WORD_NUMBER = rf"(?:a\s+dozen|{_SMALL}(?:\s+hundred(?:\s+(?:and\s+)?{_SMALL})?)?)"
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)"

NUMBER = rf"(?<![\w\-/.,])(?:{DIGITS}|{WORD_NUMBER})(?![\w\-/]|[.,]\d)"
"""A count, as a regex fragment (case-insensitive, no capture groups)."""

QUALIFIER = (
    r"(?:(?:at\s+least|more\s+than|over|about|around|almost|nearly|some|roughly|approximately|"
    r"up\s+to|close\s+to|no\s+fewer\s+than|no\s+less\s+than|as\s+many\s+as|just\s+over|"
    r"a\s+total\s+of|a\s+record|another|a\s+further|all|all\s+of\s+the|every\s+one\s+of\s+the)\s+)"
)

_NUMBER_RE = re.compile(NUMBER, re.IGNORECASE)
_WORD_SPLIT = re.compile(r"[\s\-]+")


def _small_words(words: list[str]) -> int | None:
    total = 0
    for word in words:
        if word in _UNITS:
            total += _UNITS[word]
        elif word in _TENS:
            total += _TENS[word]
        elif word != "and":
            return None
    return total


def _parse_words(text: str) -> int | None:
    words = [w for w in _WORD_SPLIT.split(text.lower().strip()) if w]
    if not words:
        return None
    if words == ["a", "dozen"]:
        return 12
    if "hundred" in words:
        cut = words.index("hundred")
        head = _small_words(words[:cut])
        tail = _small_words(words[cut + 1 :]) if cut + 1 < len(words) else 0
        if head is None or tail is None:
            return None
        return head * 100 + tail
    return _small_words(words)


def parse_number(text: str) -> int | None:
    """The integer a number token stands for, or None when it is not one."""
    token = text.strip()
    if not token:
        return None
    if token[0].isdigit():
        digits = token.replace(",", "")
        return int(digits) if digits.isdigit() and len(digits) <= 9 else None
    return _parse_words(token)


def find_numbers(text: str) -> list[tuple[int, int, int]]:
    """Every count in `text` as (value, start, end)."""
    found: list[tuple[int, int, int]] = []
    for match in _NUMBER_RE.finditer(text):
        value = parse_number(match.group(0))
        if value is not None:
            found.append((value, match.start(), match.end()))
    return found
