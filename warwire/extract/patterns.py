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

Most patterns open with a word boundary (`\b(?:...)`), which the engine tries, and fails, at
every character inside a word. When every match must begin at the start of a word, the twin
is searched through a pattern that opens with the character before the word instead
(`word_starts`): the engine skips at C speed to the next space or punctuation mark, and the
twin itself then runs only where a match begins.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any

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


_WORD_CHARS = frozenset(map(ord, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"))
_BEFORE_WORD = "[^0-9A-Z_a-z]"
r"""`\W` for ASCII text (the twins only ever see ASCII), and quicker to test."""


def _parse(pattern: re.Pattern[str]) -> list[tuple[Any, Any]] | None:
    """The top level of `pattern`'s parse tree, from the parser the `re` module compiles with
    (a private module: a Python without it leaves the patterns unoptimised, not wrong)."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        return list(_parser.parse(pattern.pattern, pattern.flags).data)
    except (ImportError, AttributeError):
        return None


def _opens_word(items: list[tuple[Any, Any]], i: int = 0) -> bool | None:
    """Whether every match of the parsed sequence `items[i:]` begins with a word character:
    True or False when sure, None when it may match the empty string (the answer then
    depends on what follows). Zero-width items are passed over; anything not understood
    answers False."""
    from re import _constants as c  # type: ignore[attr-defined]

    while i < len(items):
        op, arg = items[i]
        if op is c.LITERAL:
            return arg in _WORD_CHARS
        if op is c.IN:
            return all(_word_class_item(kind, value) for kind, value in arg)
        if op is c.AT or op is c.ASSERT or op is c.ASSERT_NOT:
            i += 1
            continue
        if op is c.SUBPATTERN:
            inner = _opens_word(list(arg[3]))
            if inner is not None:
                return inner
        elif op is c.BRANCH:
            answers = [_opens_word(list(branch)) for branch in arg[1]]
            if False in answers:
                return False
            if None not in answers:
                return True
        elif op is c.MAX_REPEAT or op is c.MIN_REPEAT:
            low, _, inner_items = arg
            inner = _opens_word(list(inner_items))
            if inner is False:
                return False
            if inner is True and low >= 1:
                return True
        else:
            return False
        i += 1  # the item may match nothing: the next one must open with a word character
    return None


def _word_class_item(kind: Any, value: Any) -> bool:
    from re import _constants as c  # type: ignore[attr-defined]

    if kind is c.LITERAL:
        return bool(value in _WORD_CHARS)
    if kind is c.RANGE:
        return all(char in _WORD_CHARS for char in range(value[0], value[1] + 1))
    return kind is c.CATEGORY and value in (c.CATEGORY_WORD, c.CATEGORY_DIGIT)


def _alternatives(source: str) -> list[str]:
    """`source` cut at its top-level "|"s."""
    out: list[str] = []
    depth = begin = i = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(source, i)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            out.append(source[begin:i])
            begin = i + 1
        i += 1
    out.append(source[begin:])
    return out


def word_starts(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    r"""For a pattern whose every match begins with `\b` and then a word character (at the
    start of a word, never empty): a pattern that matches one character earlier, taking the
    character before the word, wherever the pattern matches in ASCII text after the first
    character. Opening with a character lets the engine skip at C speed to each place where a
    word can start; the alternatives, rid of their `\b`, are told apart by their first letter.
    None for any other pattern."""
    items = _parse(pattern)
    if not items or not _at_boundary(items) or _opens_word(items) is not True:
        return None
    alternatives = _alternatives(pattern.pattern)
    if all(a.startswith(r"\b") for a in alternatives):
        body = "|".join(a[2:] for a in alternatives)
    else:
        body = pattern.pattern
    return re.compile(f"{_BEFORE_WORD}(?:{body})", pattern.flags)


def _at_boundary(items: list[tuple[Any, Any]]) -> bool:
    r"""Whether the parsed sequence opens with `\b` in every alternative."""
    from re import _constants as c  # type: ignore[attr-defined]

    op, arg = items[0]
    if op is c.AT:
        return bool(arg is c.AT_BOUNDARY)
    if op is c.BRANCH:
        return all(branch and _at_boundary(list(branch)) for branch in arg[1])
    if op is c.SUBPATTERN:
        inner = list(arg[3])
        return bool(inner) and _at_boundary(inner)
    return False


class Folded:
    """A pattern that runs as its lower-case twin on ASCII text when it is case-insensitive.

    Every method takes the text and, when the caller has it, the text lower-cased (it must
    be `text.lower()`); results are those of the original pattern on `text`. Only a pattern
    that cannot match the empty string may have a relaxed twin.

    `needs`, when given, are lower-case words of which every match holds one: ASCII text
    without any of them is answered without running the pattern. (Other text may hold such
    a word in a form only Unicode case folding equates with it, "ſince" for "since", so the
    pattern runs.)"""

    __slots__ = ("needs", "pattern", "relaxed", "twin", "words")

    def __init__(self, pattern: re.Pattern[str], needs: tuple[str, ...] = ()) -> None:
        self.pattern = pattern
        self.needs = needs
        self.twin: re.Pattern[str] | None = None
        self.relaxed: re.Pattern[str] | None = None
        self.words: re.Pattern[str] | None = None
        """`word_starts` of the twin, when it has one: how `twin_search` finds the twin's
        matches."""
        if not pattern.flags & re.IGNORECASE:
            return
        try:
            self.twin = lower_twin(pattern)
            self.words = word_starts(self.twin)
        except ValueError:
            try:
                self.relaxed = lower_twin(pattern, relax=True)
            except ValueError:
                return

    def twin_search(
        self, lowered: str, pos: int = 0, endpos: int = _ENDLESS
    ) -> re.Match[str] | None:
        """`twin.search` of lower-cased ASCII text (the pattern must have a twin)."""
        twin = self.twin
        assert twin is not None
        words = self.words
        if words is None:
            return twin.search(lowered, pos, endpos)
        if pos <= 0:
            match = twin.match(lowered, 0, endpos)
            if match is not None:
                return match
            pos = 1
        while (before := words.search(lowered, pos - 1, endpos)) is not None:
            match = twin.match(lowered, before.start() + 1, endpos)
            if match is not None:
                return match
            pos = before.start() + 2
        return None

    def twin_finditer(
        self, lowered: str, pos: int = 0, endpos: int = _ENDLESS
    ) -> Iterable[re.Match[str]]:
        """`twin.finditer` of lower-cased ASCII text (the pattern must have a twin)."""
        twin = self.twin
        assert twin is not None
        if self.words is None:
            return twin.finditer(lowered, pos, endpos)
        found: list[re.Match[str]] = []
        while (match := self.twin_search(lowered, pos, endpos)) is not None:
            found.append(match)
            pos = match.end()
        return found

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
            low = text.lower() if lowered is None else lowered
            if self.words is None:
                return twin.search(low, pos, endpos)
            return self.twin_search(low, pos, endpos)
        picked = self._pick(text, lowered)
        if picked is None:
            return None
        pattern, subject = picked
        if pattern is self.relaxed:
            return next(self._through_relaxed(text, subject, pos, endpos), None)
        if pattern is twin:
            return self.twin_search(subject, pos, endpos)
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
            return self.twin_finditer(text.lower() if lowered is None else lowered, pos, endpos)
        picked = self._pick(text, lowered)
        if picked is None:
            return ()
        pattern, subject = picked
        if pattern is self.relaxed:
            return list(self._through_relaxed(text, subject, pos, endpos))
        if pattern is twin:
            return self.twin_finditer(subject, pos, endpos)
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
        if pattern is self.twin and self.words is not None:
            return sum(1 for _ in self.twin_finditer(subject))
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
