"""The fast pattern helpers find what the plain patterns they stand for find."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warwire.extract.keywords import (
    ALL_BITS,
    DAMAGE_BIT,
    MEMBERS_BIT,
    STRIKE_BIT,
    TALKS_BIT,
    Gated,
    WordList,
    families,
    lower_same_length,
    occurring,
    windowed,
)
from warwire.extract.patterns import (
    Folded,
    lower_twin,
    matches_at,
    matches_near,
    offsets,
    word_starts,
)

_CASED = re.compile(r"\bdrones?\s+(?:hit|struck)\s+(?:the\s+)?(?-i:[A-Z])\w+", re.IGNORECASE)
_PLAIN = re.compile(r"\b(?:killed|injured)\b", re.IGNORECASE)


def _spans(matches: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def test_lower_twin_lowercases_literals_and_classes_only() -> None:
    twin = lower_twin(re.compile(r"\bKyiv\s+[A-Z]\w*\b", re.IGNORECASE))
    assert twin.pattern == r"\bkyiv\s+[a-z]\w*\b"
    assert not twin.flags & re.IGNORECASE


@pytest.mark.parametrize(
    "source",
    [r"(?-i:[A-Z])x", r"(\w)\1", r"(?s)a.b", r"caf\xe9", "ß"],
)
def test_lower_twin_refuses_what_it_cannot_translate(source: str) -> None:
    with pytest.raises(ValueError):
        lower_twin(re.compile(source, re.IGNORECASE))


def test_lower_twin_needs_a_case_insensitive_pattern() -> None:
    with pytest.raises(ValueError):
        lower_twin(re.compile("abc"))


def test_folded_finds_what_the_pattern_finds_in_any_case() -> None:
    folded = Folded(_PLAIN)
    text = "Two were KILLED and one Injured; the killer fled."
    assert folded.twin is not None
    assert _spans(folded.finditer(text)) == _spans(_PLAIN.finditer(text))
    assert folded.count(text) == 2
    assert folded.split(text) == _PLAIN.split(text)
    assert folded.sub_spaces(text) == _PLAIN.sub(" ", text)


def test_folded_match_object_offsets_fit_the_text_as_written() -> None:
    text = "Overnight, Drones hit Odesa."
    match = Folded(_PLAIN).search(text)
    assert match is None
    found = Folded(re.compile(r"drones\s+hit", re.IGNORECASE)).search(text)
    assert found is not None
    assert text[found.start() : found.end()] == "Drones hit"


def test_relaxed_twin_keeps_the_case_test() -> None:
    folded = Folded(_CASED)
    assert folded.twin is None and folded.relaxed is not None
    text = "Drones struck the city, then drones hit Kharkiv and DRONES HIT Sumy."
    assert _spans(folded.finditer(text)) == _spans(_CASED.finditer(text))
    assert [text[a:b] for a, b in _spans(folded.finditer(text))] == [
        "drones hit Kharkiv",
        "DRONES HIT Sumy",
    ]
    assert folded.search("drones hit the city") is None
    assert folded.match("drones hit Lviv") is not None


def test_non_ascii_text_runs_the_original_pattern() -> None:
    # The long s folds to "s" only under Unicode case folding; a lower-cased twin misses it.
    pattern = re.compile(r"\bmissiles\b", re.IGNORECASE)
    folded = Folded(pattern, needs=("missile",))
    assert folded.search("Two miſſiles fell") is not None
    assert folded.search("two missiles fell") is not None
    assert folded.search("two rockets fell") is None


def test_needs_rule_out_text_without_them() -> None:
    folded = Folded(re.compile(r"\b\d+\s+drones\b", re.IGNORECASE), needs=("drones",))
    assert folded.search("48 missiles") is None
    assert folded.count("48 Drones and 3 drones") == 2


def test_gated_gives_the_plain_results() -> None:
    gated = Gated(_PLAIN, ("kill", "injur"))
    for text in ("Three KILLED, two injured.", "Nobody was hurt.", "Ten injured in Dnipro"):
        assert _spans(gated.finditer(text)) == _spans(_PLAIN.finditer(text))
        assert (gated.search(text) is None) == (_PLAIN.search(text) is None)


def test_gated_skips_the_pattern_without_a_stem() -> None:
    # A pattern that would match, behind stems that are absent: the gate answers first.
    gated = Gated(re.compile(r"\w+", re.IGNORECASE), ("zzz",))
    assert gated.search("plenty of words") is None
    assert gated.finditer("plenty of words") == []


def test_word_list_matches_whole_words_only() -> None:
    words = WordList("talks", "peace talks", "meet*")
    text = "peace  talks, small-talks and meetings; meet again"
    assert [text[a:b] for a, b in words.spans(text)] == [
        "peace  talks",
        "talks",
        "meetings",
        "meet",
    ]
    assert words.spans(text) == _spans(words.pattern.finditer(text))
    assert not words.search("stalks")
    assert words.search("talks")


def test_word_list_refuses_phrases_not_bounded_by_letters() -> None:
    with pytest.raises(ValueError):
        WordList("talks ", "g7")


def test_lower_same_length_keeps_offsets() -> None:
    text = "İstanbul Talks"
    lowered = lower_same_length(text)
    assert len(lowered) == len(text)
    assert lowered.endswith("talks")


def test_matches_at_equals_finditer_given_every_start() -> None:
    folded = Folded(re.compile(r"\d+\s+(?:drones|missiles)", re.IGNORECASE))
    text = "Of 40 Drones and 6 missiles, 12 drones fell."
    starts = [m.start() for m in re.finditer(r"\d", text)]
    assert _spans(matches_at(folded, text, None, starts)) == _spans(folded.finditer(text))


def test_offsets_lists_every_start_in_order() -> None:
    assert offsets("Jan and Feb, then Jan", ("Jan", "Feb")) == [0, 8, 18]


def test_matches_near_equals_finditer() -> None:
    pattern = re.compile(r"(?:on\s+(?:the\s+night\s+of\s+)?)?July\s+\d+")
    text = "It came on the night of July 8 and again on July 10."
    anchors = offsets(text, ("July",))
    assert _spans(matches_near(pattern, text, anchors, 5)) == _spans(pattern.finditer(text))


def test_windowed_keeps_matches_covering_an_anchor() -> None:
    folded = Folded(re.compile(r"\d+\s+\w+\s+drones", re.IGNORECASE))
    text = "12 attack drones and 3 more drones; 5 Shahed drones"
    anchors = list(re.finditer("drones", text))
    found = windowed(folded, anchors, text, 20, 0)
    assert [text[m.start() : m.end()] for m in found] == [
        "12 attack drones",
        "3 more drones",
        "5 Shahed drones",
    ]


def test_occurring_marks_the_sets_of_each_sentence() -> None:
    texts = ["drones struck kharkiv.", "the two leaders spoke by phone.", "", "nothing here."]
    found = occurring(texts)
    assert found.anywhere[0] & STRIKE_BIT and found.surely[0] & STRIKE_BIT
    assert found.anywhere[1] & TALKS_BIT and found.surely[1] & TALKS_BIT
    assert not found.anywhere[1] & STRIKE_BIT
    assert found.anywhere[2] == 0
    assert not found.anywhere[3] & (STRIKE_BIT | TALKS_BIT | DAMAGE_BIT | MEMBERS_BIT)


def test_occurring_is_not_sure_of_a_stem_inside_a_word() -> None:
    # "raid" in "afraid" never begins where the scan is sure to see it; "air raid" is one stem.
    found = occurring(["they were afraid.", "an air raid alert."])
    assert found.surely[0] == found.surely[0] & families("they were afraid.")
    assert found.anywhere[1] & STRIKE_BIT
    assert families("an air raid alert.") & STRIKE_BIT


_WORDS = st.sampled_from(
    [
        "air", "strike", "airstrike", "raid", "drone", "drones", "attacked", "talks", "met",
        "meeting", "killed", "over", "the", "led", "by", "with", "this", "in", "1", "2", "2024",
        "face-to-face", "sat", "down", "power", "hit", "white", "'s", ",", ".", "(", '"', "-",
        "under", "fire", "came", "group", "working", "round", "ago", "é", "Drones",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_WORDS, max_size=12), min_size=1, max_size=4), st.data())
def test_occurring_brackets_the_full_scan(sentences: list[list[str]], data: st.DataObject) -> None:
    """`anywhere` holds every set `families` finds, `surely` only sets it finds."""
    texts = []
    for words in sentences:
        glue = data.draw(st.sampled_from([" ", "", "  ", " - "]))
        lead = data.draw(st.sampled_from(["", " ", "\u2003"]))
        texts.append((lead + glue.join(words)).lower())
    found = occurring(texts)
    for text, anywhere, surely in zip(texts, found.anywhere, found.surely, strict=True):
        truth = families(text)
        assert truth & ~anywhere == 0, text
        assert surely & ~truth == 0, text
        assert anywhere & ~ALL_BITS == 0


@pytest.mark.parametrize(
    "source",
    [
        r"\b(?:killed|injured)\b",
        r"\bRussian\s+drones?\b|\b(?:the\s+)?occupiers\b|\bby\s+Russia\b",
        r"\b(?<!since\s)(?:last|past)\s+week\b",
        r"\b(?:an?\s+|one\s+)?drones?\b",
    ],
)
def test_word_starts_serves_patterns_opening_a_word(source: str) -> None:
    assert word_starts(lower_twin(re.compile(source, re.IGNORECASE))) is not None


@pytest.mark.parametrize(
    "source",
    [
        r"\d+\s+drones",  # may begin inside a word
        r"\bdrones|missiles",  # the second alternative may
        r"\b\s+said",  # begins with a space
        r"\b(?:-|drones)",  # may begin with a hyphen
        r"\b(?:drones)?",  # may be empty
        r"\b(?:an?|one)?\s*drones",  # " drones" after a word
        r"(?=\bdrones)\w+",  # a look-ahead is not understood: refused, not guessed
    ],
)
def test_word_starts_refuses_other_patterns(source: str) -> None:
    assert word_starts(lower_twin(re.compile(source, re.IGNORECASE))) is None


_WORD_PATTERNS = [
    re.compile(r"\b(?:drones?|missiles?)\s+(?:hit|struck)\b", re.IGNORECASE),
    re.compile(r"\bthe\s+(?:\w+\s+)?attack\b|\battack\s+on\b|\bon\b", re.IGNORECASE),
    re.compile(r"\b(?<!since\s)(?:last|past)\s+(?:night|week)\b", re.IGNORECASE),
    re.compile(r"\b(?:a\s+)?(?:drone|on)(?:\s+attack)?", re.IGNORECASE),
]
_PIECES = st.sampled_from(
    [
        "drone", "drones", "missiles", "hit", "struck", "the", "attack", "on", "since", "last",
        "past", "night", "week", "a", "x", "", " ", "  ", ",", ".", "-", "'", "_", "2", "é",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=16), st.data())
def test_folded_through_word_starts_finds_what_the_pattern_finds(
    pieces: list[str], data: st.DataObject
) -> None:
    glue = data.draw(st.sampled_from([" ", "", "-"]))
    text = data.draw(st.sampled_from(["", "The ", "on"])) + glue.join(pieces)
    pos = data.draw(st.integers(0, len(text) + 1))
    endpos = data.draw(st.integers(0, len(text) + 1))
    for pattern in _WORD_PATTERNS:
        folded = Folded(pattern)
        assert folded.words is not None
        assert _spans(folded.finditer(text)) == _spans(pattern.finditer(text)), text
        assert folded.count(text) == len(pattern.findall(text))
        assert _spans(folded.finditer(text, None, pos, endpos)) == _spans(
            pattern.finditer(text, pos, endpos)
        ), (text, pos, endpos)
        found, truth = folded.search(text, None, pos, endpos), pattern.search(text, pos, endpos)
        assert (found and found.span()) == (truth and truth.span())
