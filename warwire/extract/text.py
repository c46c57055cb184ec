"""Normalising article text and splitting it into paragraphs and sentences, once."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CHARS = 120_000
"""Text beyond this is ignored: news articles are far shorter, junk can be arbitrarily long."""
MAX_SENTENCE = 1_500

_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_PARAGRAPHS = re.compile(r"\s*\n\s*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_LAST_WORD = re.compile(r"(\S+)$")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen lt col sgt maj capt adm u.s u.k u.n e.u jan feb mar apr jun jul aug "
    "sep sept oct nov dec no vs etc a.m p.m d.c jr sr gov rep sen corp inc".split()
)
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‑": "-"})


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    paragraph: int
    index: int


def normalise(text: str) -> str:
    return _SPACES.sub(" ", text[:MAX_CHARS].translate(_QUOTES))


def _is_abbreviation(chunk: str) -> bool:
    match = _LAST_WORD.search(chunk)
    if match is None:
        return False
    word = match.group(1).lower().rstrip(".").lstrip("(\"'")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _split_paragraph(paragraph: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        end = match.start() + 1
        if _is_abbreviation(paragraph[start:end]):
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


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order, each tagged with its paragraph number."""
    sentences: list[Sentence] = []
    for number, paragraph in enumerate(_PARAGRAPHS.split(normalise(text))):
        for piece in _split_paragraph(paragraph):
            sentences.append(Sentence(piece, number, len(sentences)))
    return sentences
