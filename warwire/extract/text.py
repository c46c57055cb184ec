"""Normalising article text and splitting it into paragraphs and sentences, once."""

from __future__ import annotations

import re

from warwire.extract.keywords import ALL_BITS, families, occurring

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
_FIXES = tuple((chr(k), v) for k, v in _QUOTES.items() if isinstance(v, str))
"""The table as (old, new) pairs: no replacement contains a character of the table, so
replacing them one after another gives what `str.translate` gives, about 40 times faster
(`translate` looks every character up in a dict)."""
_ASCII_FIXES = tuple((old, new) for old, new in _FIXES if old.isascii())
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
    r"^(?:[A-Z][A-Z.'\-]+(?:[ /][A-Z][A-Z.'\-]+){0,3})"
    r"(?:,\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?=,|\s\(|\s-))?"
    r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?:\s*\([^)]{1,40}\))?\s*(?:-|:)\s+(?=[A-Z\"'])"
)
"""A wire-style dateline ("KYIV, Dec 4 (Agency) - ", "ODESA, Ukraine, May 2 (Agency) - "):
where and when the story was filed."""


class Sentence:
    """One sentence of an article, with what cheap checks need to know about it."""

    __slots__ = ("_keys", "index", "lower", "occurs", "paragraph", "surely", "text")

    def __init__(
        self,
        text: str,
        paragraph: int,
        index: int,
        lower: str,
        occurs: int = ALL_BITS,
        surely: int = 0,
    ) -> None:
        self.text = text
        self.paragraph = paragraph
        self.index = index
        self.lower = lower
        """`text` lower-cased, for cheap keyword checks before any pattern runs."""
        self.occurs = occurs
        """Keyword sets with a stem anywhere in the sentence (`keywords.occurring`): a set
        missing here is missing from `keys` too."""
        self.surely = surely
        """Keyword sets certainly in `keys` (`keywords.occurring`)."""
        self._keys = -1

    def has(self, bit: int) -> bool:
        """Whether `keys` holds the keyword set `bit`, scanning only if need be."""
        if self.surely & bit:
            return True
        if not self.occurs & bit:
            return False
        return bool(self.keys & bit)

    @property
    def keys(self) -> int:
        """Which keyword sets `keywords.families` finds in the sentence. The scan costs more
        than most rules, so it runs once a rule has passed its cheaper tests."""
        if self._keys < 0:
            self._keys = families(self.lower)
        return self._keys

    def __repr__(self) -> str:
        return f"Sentence({self.text!r}, {self.paragraph}, {self.index})"


def normalise(text: str) -> str:
    """Typographic quotes and dashes made plain, odd spaces folded, length capped."""
    text = text[:MAX_CHARS]
    for old, new in _ASCII_FIXES if text.isascii() else _FIXES:
        if old in text:
            text = text.replace(old, new)
    return _SPACES.sub(" ", text) if "  " in text else text


def _ends_in_abbreviation(text: str, dot: int, start: int = 0) -> bool:
    """Whether the word before the dot at `dot` (of the paragraph from `start` on) is an
    abbreviation or an initial."""
    space = text.rfind(" ", max(start, dot - 12), dot)
    word = text[space + 1 if space >= 0 else start : dot].lower().lstrip("(\"'")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _split_paragraphs(paragraphs: list[str]) -> list[list[str]]:
    """The sentences of each paragraph, found in one scan of the paragraphs joined by
    newlines: a sentence end never holds nor looks across a newline, so each paragraph gets
    the ends a scan of it alone would find."""
    joined = "\n".join(paragraphs)
    ends = _SENTENCE_END.finditer(joined)
    match = next(ends, None)
    out: list[list[str]] = []
    begin = 0
    for paragraph in paragraphs:
        stop = begin + len(paragraph)
        pieces: list[str] = []
        start = begin
        while match is not None and match.start() < stop:
            dot = match.start()
            if joined[dot] != "." or not _ends_in_abbreviation(joined, dot, begin):
                pieces.append(joined[start : match.end()].strip())
                start = match.end()
            match = next(ends, None)
        pieces.append(joined[start:stop].strip())
        out.append(_bounded(pieces))
        begin = stop + 1
    return out


def _bounded(pieces: list[str]) -> list[str]:
    """The non-empty pieces, each cut into lengths of at most `MAX_SENTENCE`."""
    out: list[str] = []
    for piece in pieces:
        while len(piece) > MAX_SENTENCE:
            out.append(piece[:MAX_SENTENCE])
            piece = piece[MAX_SENTENCE:]
        if piece:
            out.append(piece)
    return out


def _paragraphs(text: str) -> list[str]:
    """Non-empty lines, without the quote marks and bullets some feeds start lines with; a
    bulleted list of counts under a line ending in a colon joins that line as one sentence."""
    out: list[str] = []
    listing = False
    for line in text.split("\n"):
        line = line.strip().lstrip(">*").strip()
        if not line:
            continue
        item = _COUNTED_ITEM.match(line)
        if item is not None and out and (listing or out[-1].endswith(":")):
            joint = " " if out[-1].endswith(":") else ", "
            out[-1] = f"{out[-1].rstrip(';,.')}{joint}{item.group('item').rstrip(';,. ')}"
            listing = True
            continue
        if listing:
            out[-1] += "."
        listing = False
        out.append(line)
    if listing:
        out[-1] += "."
    return out or [""]


_COUNTED_ITEM = re.compile(
    r"^[-•–—]\s*(?P<item>\d[\d,]*\s(?:(?!\b(?:which|them|were|was|is|are)\b)[^;.])*[;,.]?)\s*$"
)
"""A bulleted line that is only a counted noun phrase ("- 90 Kh-101 cruise missiles;")."""


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order, each tagged with its paragraph number."""
    paragraphs = [
        _DATELINE.sub("", paragraph, count=1) if _could_be_dateline(paragraph) else paragraph
        for paragraph in _paragraphs(normalise(text))
    ]
    pieces: list[str] = []
    numbers: list[int] = []
    for number, sentences in enumerate(_split_paragraphs(paragraphs)):
        pieces += sentences
        numbers += [number] * len(sentences)
    lowered = [piece.lower() for piece in pieces]
    found = occurring(lowered)
    return [
        Sentence(piece, number, index, low, occurs, surely)
        for index, (piece, number, low, occurs, surely) in enumerate(
            zip(pieces, numbers, lowered, found.anywhere, found.surely, strict=True)
        )
    ]


def _could_be_dateline(paragraph: str) -> bool:
    """What `_DATELINE` needs at the start: a capital, then a capital, dot, quote or dash."""
    return len(paragraph) > 1 and "A" <= paragraph[0] <= "Z" and paragraph[1] in _DATELINE_SECOND


_DATELINE_SECOND = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ.'-")
