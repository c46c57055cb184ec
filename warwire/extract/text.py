"""Normalising article text and splitting it into paragraphs and sentences, once."""

from __future__ import annotations

import re
from dataclasses import dataclass

from warwire.extract.keywords import families

MAX_CHARS = 50_000
"""Text beyond this is ignored: news articles are far shorter, junk can be arbitrarily long."""
MAX_SENTENCE = 600
"""Longer runs without a sentence end are cut into pieces of this size."""

_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "ʼ": "'",
        "`": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
        "‑": "-",
        "‒": "-",
        "−": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": "",
        "\t": " ",
        "\r": "\n",
        "•": "\n",
        "▪": "\n",
    }
)
_ASCII_FIXES = tuple((chr(k), v) for k, v in _QUOTES.items() if k < 128 and isinstance(v, str))
_SPACES = re.compile(r" {2,}")
_SENTENCE_END = re.compile(
    r"[.!?][\"')\]]*(?: +|(?<=[a-z]{3}\.)(?=[A-Z][a-z]))(?=[\"'(\[]?[A-Z0-9])"
)
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "gen",
        "lt",
        "col",
        "sgt",
        "maj",
        "capt",
        "adm",
        "cmdr",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "nos",
        "vs",
        "etc",
        "a.m",
        "p.m",
        "d.c",
        "jr",
        "sr",
        "gov",
        "rep",
        "sen",
        "corp",
        "inc",
        "ltd",
        "co",
        "approx",
        "lieut",
        "pres",
        "prof",
        "rev",
        "ft",
        "mt",
    ]
)


_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'\-]+(?:[ /][A-Z][A-Z.'\-]+){0,3})(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?:\s*\([^)]{1,40}\))?\s*(?:-|:)\s+(?=[A-Z\"'])"
)
"""A wire-style dateline ("KYIV, Dec 4 (Agency) - "): where and when the story was filed."""


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    paragraph: int
    index: int
    lower: str
    """`text` lower-cased, for cheap keyword checks before any pattern runs."""
    keys: int = 0
    """Which keyword sets (`keywords.families`) occur in the sentence."""


def normalise(text: str) -> str:
    """Typographic quotes and dashes made plain, odd spaces folded, length capped."""
    text = text[:MAX_CHARS]
    if text.isascii():
        # Most feeds send plain ASCII: three C-speed replaces instead of a per-character
        # table lookup, for the only ASCII entries of the table.
        for old, new in _ASCII_FIXES:
            if old in text:
                text = text.replace(old, new)
    else:
        text = text.translate(_QUOTES)
    return _SPACES.sub(" ", text) if "  " in text else text


def _ends_in_abbreviation(paragraph: str, dot: int) -> bool:
    start = paragraph.rfind(" ", max(0, dot - 12), dot) + 1
    word = paragraph[start:dot].lower().lstrip("(\"'")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _split_paragraph(paragraph: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        if paragraph[match.start()] == "." and _ends_in_abbreviation(paragraph, match.start()):
            continue
        pieces.append(paragraph[start : match.end()].strip())
        start = match.end()
    pieces.append(paragraph[start:].strip())
    out: list[str] = []
    for piece in pieces:
        while len(piece) > MAX_SENTENCE:
            out.append(piece[:MAX_SENTENCE])
            piece = piece[MAX_SENTENCE:]
        if piece:
            out.append(piece)
    return out


def _paragraphs(text: str) -> list[str]:
    """Non-empty lines, without the quote marks and bullets some feeds start lines with."""
    out = []
    for line in text.split("\n"):
        line = line.strip().lstrip(">*").strip()
        if line:
            out.append(line)
    return out or [""]


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order, each tagged with its paragraph number."""
    sentences: list[Sentence] = []
    for number, paragraph in enumerate(_paragraphs(normalise(text))):
        paragraph = _DATELINE.sub("", paragraph.strip(), count=1)
        for piece in _split_paragraph(paragraph):
            lowered = piece.lower()
            sentences.append(Sentence(piece, number, len(sentences), lowered, families(lowered)))
    return sentences
