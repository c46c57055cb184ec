"""Cheap pre-checks: lower-case word stems that must occur in a sentence before the costly
patterns of a rule can match it.

Each set is a superset of what its rule looks for, so skipping a sentence that contains none
of them changes no result; it only saves running regular expressions that would fail. One
scan of a sentence (`families`) returns a bit per set. The scan costs more than most checks,
so `text.Sentence.has` runs it only when cheaper tests leave the answer open: `occurring`
brackets its answer for every sentence from the words of the sentence, whose bits are worked
out once per word and remembered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, reduce
from operator import or_
from typing import NamedTuple

from warwire.extract.patterns import Folded, matches_at

STRIKE = (
    "drone", "uav", "shahed", "geran", "missile", "rocket", "artiller", "shell", "bomb",
    "air strike", "airstrike", "air raid", "himars", "atacms", "iskander", "kinzhal", "kalibr",
    "barrage", "salvo", "grad", "uragan", "smerch", "mlrs", "mortar", "munition", "strike",
    "struck", "attack", "came under", "under fire", "unmanned aerial", "fired", "opened fire",
    "explosions", "firing", "fire by", "fire from", " hit ",
)  # fmt: skip
"""What an attack sentence names: a weapon, a strike, a qualified attack."""

CASUALTY = (
    "kill", "dead", "died", "injur", "wound", "hurt", "toll", "fatalit", "medical", "hospitali",
)  # fmt: skip

DAMAGE = (
    "damag", "destroy", "power", "electric", "heat", "water", "outage", "blackout", "evacuat",
    "fire", "blaze", "rubble", "collaps", "debris", "wreckage", "explos", "blast", "hit",
    "struck", "attack", "target", "aimed", "shell", "impact", "over ", "casualt", "victim",
    "bodies", "rescu", "search", "of them", "of those", "neutrali", "intercept", "shot down",
    "downed", "took down", "taken down", "knocked down", "brought down",
)  # fmt: skip
"""What a sentence following an attack may report: damage, fire, rescue, outages."""

TALKS = (
    "phone", "call", "conversation", "spoke", "speak", "talk", "told", "assured", "informed",
    "video", "virtual", "online", "negotiat", "summit", "meet", "met", "round", "sat down",
    "sit down", "face-to-face", "consultation", "conference", "mediat", "session",
    "discussion", "delegation", "working group", "expert group", "technical team", "reconven",
)  # fmt: skip
"""What a sentence reporting talks, a call or a delegation names."""

MEMBERS = (
    "led by", "headed by", "represented by", "chaired by", "includ", "consist", "compris",
    "member", "joined by", "accompanied by", "along with", "with ", "negotiator", "leader",
    "head", "chief", "who ", "lead", "led ", "opened", "chaired", "moderated", "hosted",
    "presided", "represent", "took part", "take part", "taking part", "participat", "attend",
    "sent ", "made up of", "composed of", "joined",
)  # fmt: skip
"""What a sentence naming the members of a delegation says."""

DATES = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "day", "tonight", "morning", "afternoon", "evening", "overnight", "night", "hours",
    "yesterday", "previous", "preceding", "before", "earlier", "ago", "last", "past",
    "since", "in 1", "in 2", "during", "early", "late", "mid", "start", "beginning", "end of",
    "round", "talks", "meeting", "session", "record", "high", "peak", "week", "weekend",
    "christmas", "new year", "this ", "recent", "tomorrow",
)  # fmt: skip
"""What a sentence that names a day, or a vague past, contains."""


STRIKE_BIT, CASUALTY_BIT, DAMAGE_BIT, TALKS_BIT, MEMBERS_BIT, DATES_BIT = (1, 2, 4, 8, 16, 32)
FOLLOW_UP_BITS = CASUALTY_BIT | DAMAGE_BIT
_SETS = (
    (STRIKE, STRIKE_BIT), (CASUALTY, CASUALTY_BIT), (DAMAGE, DAMAGE_BIT), (TALKS, TALKS_BIT),
    (MEMBERS, MEMBERS_BIT), (DATES, DATES_BIT),
)  # fmt: skip


@cache
def _scanner() -> tuple[re.Pattern[str], dict[str, int]]:
    from warwire.extract.gazetteer import trie_regex

    stems: dict[str, int] = {}
    for words, bit in _SETS:
        for word in words:
            stems[word] = stems.get(word, 0) | bit
    # A long stem found in the text hides the shorter stems inside it: let it carry their bits.
    bits = {stem: mask | _bits_within(stem, stems) for stem, mask in stems.items()}
    return re.compile(trie_regex(list(stems))), bits


def _bits_within(stem: str, stems: dict[str, int]) -> int:
    mask = 0
    for other, bit in stems.items():
        if other != stem and other in stem:
            mask |= bit
    return mask


def families(lowered: str) -> int:
    """The bits of every keyword set with a stem in the lower-cased text."""
    pattern, bits = _byte_scanner()
    found = 0
    for stem in pattern.findall(lowered.encode("utf-8", "surrogatepass")):
        found |= bits[stem]
    return found


@cache
def _byte_scanner() -> tuple[re.Pattern[bytes], dict[bytes, int]]:
    """`_scanner` for the UTF-8 bytes of a text, about 1.4 times faster than on the string:
    the stems are ASCII, and in UTF-8 an ASCII character is one byte that no other
    character's bytes contain, so the bytes hold the stems exactly where the string does."""
    pattern, bits = _scanner()
    return re.compile(pattern.pattern.encode("ascii")), {
        stem.encode("ascii"): mask for stem, mask in bits.items()
    }


ALL_BITS = (1 << len(_SETS)) - 1


class Occurrences(NamedTuple):
    anywhere: list[int]
    """Per text, the bits of the sets with a stem anywhere in it: a superset of what
    `families` finds, whose scan can lose a stem that overlaps a longer one."""
    surely: list[int]
    """Per text, bits `families` certainly finds: a stem begins where no stem can run on
    from before (see `_never_lost`)."""


def occurring(lowered: list[str]) -> Occurrences:
    """Which keyword sets occur in each lower-cased text, worked out word by word from what
    earlier texts taught about each word (`_WordBits`) instead of a scan per text."""
    anywhere: list[int] = []
    surely: list[int] = []
    later, opening = _later_words(), _opening_words()
    for text in lowered:
        words = text.split()
        if not words:
            anywhere.append(0)
            surely.append(0)
            continue
        first = opening if not text[0].isspace() else later
        found = reduce(or_, map(later.__getitem__, words[1:]), first[words[0]])
        anywhere.append(found & ALL_BITS)
        surely.append(found >> _SURELY_SHIFT)
    return Occurrences(anywhere, surely)


_SURELY_SHIFT = len(_SETS)
_MAX_WORDS = 100_000
_MAX_WORD_LENGTH = 40
"""Words remembered at most, and the longest remembered: news vocabulary stays far below
both; junk text could otherwise grow the memory without end."""


class _WordBits(dict[str, int]):
    """What one whitespace-free word says about the keyword sets, worked out on first
    sight: the `Occurrences.anywhere` bits of the sets with a stem (or, for a stem of several
    words, its longest word) anywhere in it, and, shifted left by `_SURELY_SHIFT`, the
    `Occurrences.surely` bits of the sets with a one-word stem where `_never_lost` says the
    scan cannot lose it. `opening` says the word starts its text; other words follow some
    whitespace, which a stem may hold."""

    def __init__(self, opening: bool) -> None:
        super().__init__()
        self.opening = opening
        in_stems, space_safe = _never_lost()
        self.space_safe = space_safe
        self.stems = [
            (
                _longest_word(stem),
                " " not in stem,
                bit,
                in_stems - {" "} if bit & space_safe else in_stems,
            )
            for words, bit in _SETS
            for stem in words
        ]
        """Per stem: the word of it to look for, whether that is the whole stem, its set's
        bit, and the characters before it that let the scan lose it."""

    def __missing__(self, word: str) -> int:
        found = 0
        for part, whole, bit, unsafe in self.stems:
            if part not in word:
                continue
            found |= bit
            at = word.find(part) if whole else -1
            while at >= 0:
                if (at > 0 and word[at - 1] not in unsafe) or (
                    at == 0 and (self.opening or bit & self.space_safe)
                ):
                    found |= bit << _SURELY_SHIFT
                    break
                at = word.find(part, at + 1)
        if len(word) <= _MAX_WORD_LENGTH:
            if len(self) >= _MAX_WORDS:
                self.clear()
            self[word] = found
        return found


def _longest_word(stem: str) -> str:
    return max(stem.split(), key=len)


@cache
def _opening_words() -> _WordBits:
    return _WordBits(opening=True)


@cache
def _later_words() -> _WordBits:
    return _WordBits(opening=False)


@cache
def _never_lost() -> tuple[frozenset[str], int]:
    """When `families` cannot lose a stem found at some place: the characters that must not
    stand before it, and the sets for which a space may.

    The scan goes left to right taking the longest stem at each place, so a stem is lost
    only when a match that began earlier runs on into it. No match holds a character no
    stem holds (a newline, most punctuation). A space only sits inside a two-word stem
    ("air strike"), which ends within the next word: a stem of a set starting there is
    either inside that two-word stem, whose bits it carries, or longer; the bits come back
    as the sets for which every such longer stem's two-word stem carries the set's bit."""
    _, bits = _scanner()
    in_stems = frozenset("".join(bits))
    second_words = [(stem, stem.split(" ", 1)[1]) for stem in bits if " " in stem]
    space_safe = 0
    for words, bit in _SETS:
        if not any(
            word.startswith(second) and len(word) > len(second) and not bits[stem] & bit
            for stem, second in second_words
            if second
            for word in words
        ):
            space_safe |= bit
    return in_stems, space_safe


def has_any(lowered: str, words: tuple[str, ...]) -> bool:
    """Whether any of `words` occurs in the lower-cased text."""
    return any(map(lowered.__contains__, words))


class Gated:
    """A compiled pattern behind a keyword check: `search` runs the pattern only when one of
    the stems occurs in the lower-cased text (the stems must cover every possible match).

    A case-insensitive pattern runs as its lower-case twin on ASCII text (`patterns.Folded`),
    so matches may belong to the lower-cased text: take the text as written by offset."""

    __slots__ = ("_run", "pattern", "stems")

    def __init__(self, pattern: re.Pattern[str], stems: tuple[str, ...]) -> None:
        self.pattern = pattern
        self.stems = stems
        self._run = Folded(pattern)

    def search(self, text: str, lowered: str | None = None) -> re.Match[str] | None:
        low = text.lower() if lowered is None else lowered
        if not any(map(low.__contains__, self.stems)):
            return None
        if self._run.twin is not None and text.isascii():
            return self._run.twin_search(low)
        return self._run.search(text, low)

    def finditer(self, text: str, lowered: str | None = None) -> list[re.Match[str]]:
        low = text.lower() if lowered is None else lowered
        if not any(map(low.__contains__, self.stems)):
            return []
        if self._run.twin is not None and text.isascii():
            return list(self._run.twin_finditer(low))
        return list(self._run.finditer(text, low))


class WordList:
    """Whole lower-case words and phrases, found in lower-cased text.

    Spaces in a phrase stand for any run of whitespace, a final "*" for any word ending. The
    alternatives are factored into a character trie and matched case-sensitively, which runs
    several times faster than the same list as a plain case-insensitive alternation.

    A phrase begins where the character before is not a word character, so the pattern
    takes that character first (and tries the start of the text on its own): the regex
    engine then stops only at spaces and punctuation instead of at every letter. Every
    phrase begins and ends with a letter, so a match never takes the character a next
    match needs in front of it, and the matches are those of `pattern`."""

    __slots__ = ("_head", "_rest", "_rest_ascii", "pattern")

    def __init__(self, *phrases: str) -> None:
        from warwire.extract.gazetteer import trie_regex

        if not all(p[:1].isalpha() and (p[-1].isalpha() or p[-1] == "*") for p in phrases):
            raise ValueError("a phrase that does not begin and end with a letter")
        body = trie_regex(sorted(set(phrases))).replace("\\ ", r"\s+").replace("\\*", r"\w*")
        self.pattern = re.compile(rf"\b(?:{body})\b")
        """The phrases as one pattern (what `spans` finds)."""
        self._head = re.compile(rf"(?:{body})\b")
        self._rest = re.compile(rf"\W((?:{body})\b)")
        self._rest_ascii = re.compile(rf"[^0-9A-Z_a-z]((?:{body})\b)")
        r"""`_rest` for ASCII text, where this class is `\W`, and quicker to test."""

    def spans(self, lowered: str) -> list[tuple[int, int]]:
        """Where the phrases occur, left to right, as `pattern.finditer` finds them."""
        found: list[tuple[int, int]] = []
        head = self._head.match(lowered)
        if head is not None:
            found.append(head.span())
        rest = self._rest_ascii if lowered.isascii() else self._rest
        for match in rest.finditer(lowered, head.end() if head is not None else 0):
            found.append(match.span(1))
        return found

    def search(self, lowered: str) -> bool:
        """Whether any of the phrases occurs."""
        rest = self._rest_ascii if lowered.isascii() else self._rest
        return self._head.match(lowered) is not None or rest.search(lowered) is not None


def lower_same_length(text: str) -> str:
    """`text` lower-cased, keeping every character at its offset (str.lower can turn one
    character into two, as with a dotted capital I)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


MAX_ANCHORS = 12
"""No real sentence names a weapon or a meeting more often than this; junk may, thousands of
times, so the windows searched per text are capped."""


def windowed(
    pattern: Folded,
    anchors: Iterable[re.Match[str]],
    text: str,
    before: int,
    after: int,
    lowered: str | None = None,
    starts: list[int] | None = None,
) -> list[re.Match[str]]:
    """The matches of `pattern` that cover one of the `anchors` (matches of a cheap pattern,
    with the offsets of `text`), found by searching only a window around each anchor instead
    of the whole text: a costly pattern that must contain a rare word ("drones", "talks")
    runs only where that word is. `starts`, when given, holds every offset where a match of
    `pattern` can begin (see `patterns.matches_at`)."""
    found: dict[tuple[int, int], re.Match[str]] = {}
    for _, hit in zip(range(MAX_ANCHORS), anchors, strict=False):
        low = max(0, hit.start() - before)
        high = min(len(text), hit.end() + after)
        if starts is None:
            matches: Iterable[re.Match[str]] = pattern.finditer(text, lowered, low, high)
        else:
            matches = matches_at(pattern, text, lowered, starts, low, high)
        for match in matches:
            if match.start() <= hit.start() and match.end() >= hit.end():
                found.setdefault(match.span(), match)
    return sorted(found.values(), key=lambda m: m.start())


MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "teen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
    "ninety", "hundred", "thousand", "dozen",
)  # fmt: skip
