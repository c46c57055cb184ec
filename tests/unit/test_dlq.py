"""Which dead letters `warwire dlq replay` posts back, and which it holds back and why."""

from __future__ import annotations

import base64

import orjson

from schemas import DeadLetter
from warwire.dlq import listing_line, plan_replay

ARTICLES = "articles"
FIXED = orjson.dumps(
    {
        "id": "fixed-1",
        "body": "Russian drones struck a depot near Kovel overnight, local officials said.",
        "published_at": "2025-06-01T08:00:00+03:00",
    }
)


def letter(raw: bytes, reason: str = "extraction_error", **fields: object) -> DeadLetter:
    values: dict[str, object] = {
        "reason": reason,
        "detail": "",
        "topic": ARTICLES,
        "partition": 2,
        "offset": 40,
        "key": "fixed-1",
        "original_base64": base64.b64encode(raw).decode(),
        **fields,
    }
    return DeadLetter.model_validate(values)


def test_letters_that_now_pass_go_back_with_their_key() -> None:
    plan = plan_replay([letter(FIXED)], ARTICLES)
    assert plan.messages == [(b"fixed-1", FIXED)]
    assert plan.held_back == []


def test_still_refused_truncated_internal_and_empty_letters_are_held_back() -> None:
    still_bad = letter(b"{oops", "invalid_json")
    cut = letter(FIXED, detail="x [original_base64 holds the first 524288 of 900000 bytes]")
    internal = letter(FIXED, topic="events")
    empty = letter(b"", "undecodable_batch", key=None)
    plan = plan_replay([still_bad, cut, internal, empty], ARTICLES)
    assert plan.messages == []
    assert [why for _, why in plan.held_back] == [
        "still refused: invalid_json",
        "the letter does not hold the whole original",
        "it came from events, not the articles",
        "the letter does not hold the whole original",
    ]


def test_force_posts_what_is_still_refused() -> None:
    plan = plan_replay([letter(b"{oops", "invalid_json", key=None)], ARTICLES, force=True)
    assert plan.messages == [(None, b"{oops")]


def test_a_listing_line_says_where_why_and_which_article() -> None:
    line = listing_line(letter(FIXED, article_id="fixed-1", detail="KeyError: 'x'\nmore"))
    assert line == "articles/2@40\textraction_error\tfixed-1\tKeyError: 'x' more"


def test_a_letter_goes_back_with_its_key_bytes_as_posted() -> None:
    odd = letter(FIXED, key="\ufffdk", key_base64=base64.b64encode(b"\xffk").decode())
    assert plan_replay([odd], ARTICLES).messages == [(b"\xffk", FIXED)]
