"""Faster ways to run the extractor's case-insensitive patterns, with the same results.

Python's regex engine folds case for every character it compares, which makes a pattern
compiled with IGNORECASE about three times slower than the same pattern matched exactly. On
ASCII text, a case-insensitive pattern finds exactly what its lower-case twin finds in the
lower-cased text (same offsets: ASCII lower-casing keeps every character in its place and in
its class), so `Folded` runs the twin there, and keeps the original for other text, where
Unicode case folding has rules of its own ("ſ" matches "s").

A pattern with a part that tests case (`(?-i:[A-Z])`, a capitalised word) has no exact twin:
lower-cased text has lost the case. Its relaxed twin, which lets that part match either case,
matches wherever the pattern does and maybe elsewhere; it runs first, and the pattern itself
only where the relaxed twin says a match may begin.

Match objects from an exact twin belong to the lower-cased text: callers that need the text
as written take it by offset from the original.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator

_ENDLESS = sys.maxsize


def _class_end(source: str, start: int) -> int:
    """The offset just past the character class opening at `start`."""
    i = start + 1
    if source.startswith("^", i):
        i += 1
    if source.startswith("]", i):
        i += 1
    while source[i] != "]":
        i += 2 if source[i] == "\\" else 1
    return i + 1


def _lower_class(body: str) -> str:
    """A character class with its letters lower-cased; ranges must not mix letters of
    different case with other characters ("A-Z" and "a-z" are fine, "0-Z" is refused)."""
    out: list[str] = []
    i = 0
    while i < len(body):
        if body[i] == "\\":
            _check_escape(body[i + 1])
            out.append(body[i : i + 2])
            i += 2
            continue
        if i + 2 < len(body) and body[i + 1] == "-" and body[i + 2] not in "]\\":
            low, high = body[i], body[i + 2]
            same_case = (low.isupper() and high.isupper()) or (low.islower() and high.islower())
            if (low.isalpha() or high.isalpha()) and not same_case:
                raise ValueError(f"range {low}-{high} mixes cases")
            _check_literal(low)
            _check_literal(high)
            out.append(f"{low.lower()}-{high.lower()}")
            i += 3
            continue
        _check_literal(body[i])
        out.append(body[i].lower())
        i += 1
    return "".join(out)


def _check_escape(escaped: str) -> None:
    if escaped in "xuUN" or escaped.isdigit():
        raise ValueError(f"unsupported escape \\{escaped}")


def _check_literal(char: str) -> None:
    if not char.isascii() and char.lower() != char.upper():
        raise ValueError(f"cased non-ASCII character {char!r}")


def _translate(source: str, relax: bool) -> str:
    """`source` lower-cased for lower-cased ASCII text (see the module docstring). With
    `relax`, a `(?-i:...)` part is lower-cased too, which lets it match either case; it must
    not sit inside a negative look-around, where matching more would match less."""
    out: list[str] = []
    negative: list[bool] = []  # per open group: inside a negative look-around?
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            _check_escape(source[i + 1])
            out.append(source[i : i + 2])
            i += 2
        elif char == "[":
            end = _class_end(source, i)
            head = 2 if source.startswith("[^", i) else 1
            out.append(source[i : i + head] + _lower_class(source[i + head : end - 1]) + "]")
            i = end
        elif char == "(":
            inside = bool(negative) and negative[-1]
            if source.startswith("(?P<", i):
                end = source.index(">", i)
                out.append(source[i : end + 1])
                negative.append(inside)
                i = end + 1
                continue
            if source.startswith(("(?!", "(?<!"), i):
                negative.append(True)
            elif source.startswith("(?-i:", i):
                if not relax or inside:
                    raise ValueError("a part that tests case")
                out.append("(?:")
                negative.append(inside)
                i += 5
                continue
            elif source.startswith("(?", i) and not source.startswith(("(?:", "(?=", "(?<="), i):
                raise ValueError("inline flags or a back-reference")
            else:
                negative.append(inside)
            out.append(char)
            i += 1
        elif char == ")":
            negative.pop()
            out.append(char)
            i += 1
        else:
            _check_literal(char)
            out.append(char.lower())
            i += 1
    return "".join(out)


def lower_twin(pattern: re.Pattern[str], relax: bool = False) -> re.Pattern[str]:
    """The case-sensitive pattern that matches in lower-cased ASCII text exactly where
    `pattern` (compiled with IGNORECASE) matches in the text as written; with `relax`, one
    that matches there at least (see the module docstring).

    Literal letters and ranges are lower-cased; escapes, group names and everything else are
    kept. Patterns this cannot translate faithfully raise ValueError: other inline flags,
    numeric escapes and back-references, cased letters outside ASCII."""
    if not pattern.flags & re.IGNORECASE:
        raise ValueError("not a case-insensitive pattern")
    return re.compile(_translate(pattern.pattern, relax), pattern.flags & ~re.IGNORECASE)


class Folded:
    """A pattern that runs as its lower-case twin on ASCII text when it is case-insensitive.

    Every method takes the text and, when the caller has it, the text lower-cased (it must
    be `text.lower()`); results are those of the original pattern on `text`. Only a pattern
    that cannot match the empty string may have a relaxed twin.

    `needs`, when given, are lower-case words of which every match holds one: ASCII text
    without any of them is answered without running the pattern. (Other text may hold such
    a word in a form only Unicode case folding equates with it, "ſince" for "since", so the
    pattern runs.)"""

    __slots__ = ("needs", "pattern", "relaxed", "twin")

    def __init__(self, pattern: re.Pattern[str], needs: tuple[str, ...] = ()) -> None:
        self.pattern = pattern
        self.needs = needs
        self.twin: re.Pattern[str] | None = None
        self.relaxed: re.Pattern[str] | None = None
        if not pattern.flags & re.IGNORECASE:
            return
        try:
            self.twin = lower_twin(pattern)
        except ValueError:
            try:
                self.relaxed = lower_twin(pattern, relax=True)
            except ValueError:
                return

    def _pick(self, text: str, lowered: str | None) -> tuple[re.Pattern[str], str] | None:
        """The pattern to run and the text to run it on; None when `needs` rules out a match.
        A relaxed twin comes back as the pattern to run: the callers finish the work."""
        if text.isascii():
            low = text.lower() if lowered is None else lowered
            if self.needs and not any(map(low.__contains__, self.needs)):
                return None
            if self.twin is not None:
                return self.twin, low
            if self.relaxed is not None:
                return self.relaxed, low
        return self.pattern, text

    def search(
        self, text: str, lowered: str | None = None, pos: int = 0, endpos: int = _ENDLESS
    ) -> re.Match[str] | None:
        twin = self.twin
        if twin is not None and not self.needs and text.isascii():  # the common case, inlined
            return twin.search(text.lower() if lowered is None else lowered, pos, endpos)
        picked = self._pick(text, lowered)
        if picked is None:
            return None
        pattern, subject = picked
        if pattern is self.relaxed:
            return next(self._through_relaxed(text, subject, pos, endpos), None)
        return pattern.search(subject, pos, endpos)

    def match(
        self, text: str, lowered: str | None = None, pos: int = 0, endpos: int = _ENDLESS
    ) -> re.Match[str] | None:
        twin = self.twin
        if twin is not None and not self.needs and text.isascii():  # the common case, inlined
            return twin.match(text.lower() if lowered is None else lowered, pos, endpos)
        picked = self._pick(text, lowered)
        if picked is None:
            return None
        pattern, subject = picked
        if pattern is self.relaxed:
            if pattern.match(subject, pos, endpos) is None:
                return None
            return self.pattern.match(text, pos, endpos)
        return pattern.match(subject, pos, endpos)

    def finditer(
        self, text: str, lowered: str | None = None, pos: int = 0, endpos: int = _ENDLESS
    ) -> Iterable[re.Match[str]]:
        twin = self.twin
        if twin is not None and not self.needs and text.isascii():  # the common case, inlined
            return twin.finditer(text.lower() if lowered is None else lowered, pos, endpos)
        picked = self._pick(text, lowered)
        if picked is None:
            return ()
        pattern, subject = picked
        if pattern is self.relaxed:
            return list(self._through_relaxed(text, subject, pos, endpos))
        return pattern.finditer(subject, pos, endpos)

    def _through_relaxed(
        self, text: str, lowered: str, pos: int, endpos: int
    ) -> Iterator[re.Match[str]]:
        """`finditer` of the pattern, tried only where its relaxed twin can match: each
        search of the twin finds the next such place, and the pattern is tried there alone
        (a search of the pattern itself would fold case at every character on the way)."""
        assert self.relaxed is not None
        relaxed, pattern = self.relaxed, self.pattern
        while (may := relaxed.search(lowered, pos, endpos)) is not None:
            start = may.start()
            match = pattern.match(text, start, endpos)
            if match is None:
                pos = start + 1
                continue
            if match.end() == start:
                raise ValueError(f"{pattern.pattern!r} matched the empty string")
            yield match
            pos = match.end()

    def count(self, text: str, lowered: str | None = None) -> int:
        """How many matches `findall` would return."""
        picked = self._pick(text, lowered)
        if picked is None:
            return 0
        pattern, subject = picked
        if pattern is self.relaxed:
            return sum(1 for _ in self._through_relaxed(text, subject, 0, _ENDLESS))
        return len(pattern.findall(subject))

    def split(self, text: str, lowered: str | None = None) -> list[str]:
        """`re.split` of the text as written (the pattern must have no groups)."""
        if self.pattern.groups:
            raise ValueError("split of a pattern with groups")
        return self._pieces(text, lowered, None)

    def sub_spaces(self, text: str, lowered: str | None = None) -> str:
        """`pattern.sub(" ", text)`, the text as written elsewhere."""
        return "".join(self._pieces(text, lowered, " "))

    def _pieces(self, text: str, lowered: str | None, between: str | None) -> list[str]:
        """The text cut at every match, with `between` in the place of each (if given)."""
        pieces: list[str] = []
        start = 0
        for match in self.finditer(text, lowered):
            pieces.append(text[start : match.start()])
            if between is not None:
                pieces.append(between)
            start = match.end()
        pieces.append(text[start:])
        return pieces


def matches_at(
    pattern: Folded,
    text: str,
    lowered: str | None,
    starts: Iterable[int],
    pos: int = 0,
    endpos: int = _ENDLESS,
) -> list[re.Match[str]]:
    """What `pattern.finditer(text, pos, endpos)` finds, given offsets `starts` (ascending)
    that include every offset where a match can begin: the pattern is tried there only.

    Left to right, a search finds the first offset where the pattern matches and goes on
    from the end of that match; where no match can begin, trying is wasted work. The pattern
    must not match the empty string."""
    found: list[re.Match[str]] = []
    for start in starts:
        if start < pos:
            continue
        match = pattern.match(text, lowered, start, endpos)
        if match is not None:
            if match.end() == start:
                raise ValueError(f"{pattern.pattern.pattern!r} matched the empty string")
            found.append(match)
            pos = match.end()
    return found


def offsets(text: str, words: Iterable[str]) -> list[int]:
    """Every offset where one of `words` begins in `text`, in order (C-speed searches)."""
    found: list[int] = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            found.append(at)
            at = text.find(word, at + 1)
    found.sort()
    return found


def matches_near(
    pattern: re.Pattern[str], text: str, anchors: list[int], words_before: int
) -> list[re.Match[str]]:
    """What `pattern.finditer(text)` finds, when every match holds one of `anchors` (offsets,
    ascending) and begins at most `words_before` whitespace-separated words before it.

    A pattern that opens with several optional phrases ("said on", "the night of", "last")
    before the word it needs ("July") costs its full price at every character; here each
    search starts a few words before the next anchor instead. That finds the same matches:
    a match beginning earlier would have to hold an earlier anchor, and the window before an
    anchor only moves right as the anchors do. The pattern must not match the empty
    string."""
    found: list[re.Match[str]] = []
    pos = 0
    for anchor in anchors:
        if anchor < pos:
            continue
        words = text[:anchor].rsplit(None, words_before)
        start = len(words[0]) if len(words) > words_before else 0
        match = pattern.search(text, max(pos, start))
        if match is None:
            break
        if match.end() == match.start():
            raise ValueError(f"{pattern.pattern!r} matched the empty string")
        found.append(match)
        pos = match.end()
    return found
