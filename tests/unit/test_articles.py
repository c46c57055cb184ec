"""Validation of raw `articles` messages: every refusal reason, HTML clean-up, language."""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

import orjson
import pytest

from tests.conftest import SHARED
from warwire.articles import (
    MAX_ARTICLE_BYTES,
    MAX_DEAD_LETTER_HEADERS,
    MAX_DEAD_LETTER_KEY,
    MAX_DEAD_LETTER_ORIGINAL,
    REASONS,
    Record,
    Rejected,
    body_fingerprint,
    check_id_reuse,
    dead_letter,
    declared_english,
    decode_article,
    html_to_text,
    looks_english,
)
from warwire.extract import extract_events

NOW = dt.datetime(2025, 7, 10, 12, 0, tzinfo=dt.UTC)

STRIKE_TEXT = (
    "Russia launched 320 drones and 12 missiles at Ukraine overnight, the Ukrainian air force "
    "said on Thursday. Three people were killed in Kharkiv and 14 were injured, according to "
    "the regional governor, who said the attack also damaged a power substation."
)


def article(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "a-1",
        "url": "https://example.org/a-1",
        "outlet": "Test Wire",
        "title": "Overnight attack",
        "body": STRIKE_TEXT,
        "published_at": "2025-07-10T08:00:00+03:00",
        "language": "en",
    }
    base.update(fields)
    return {k: v for k, v in base.items() if v is not ...}


def raw(**fields: Any) -> bytes:
    return orjson.dumps(article(**fields))


def reason_of(value: bytes | None) -> str:
    with pytest.raises(Rejected) as caught:
        decode_article(value, now=NOW)
    assert caught.value.reason in REASONS
    return caught.value.reason


def test_a_well_formed_article_is_accepted_unchanged() -> None:
    decoded = decode_article(raw(), now=NOW)
    assert decoded.id == "a-1"
    assert decoded.body == STRIKE_TEXT
    assert decoded.published_at == dt.datetime(2025, 7, 10, 5, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (None, "empty_message"),
        (b"", "empty_message"),
        (b"\xff\xfe\x00\x01\x80binary", "not_utf8"),
        (bytes(range(256)) * 4, "not_utf8"),
        (b'{"id": "a-1", "body": ', "invalid_json"),
        (b"plain words, not json", "invalid_json"),
        (b"[1, 2, 3]", "not_an_object"),
        (b'"a string"', "not_an_object"),
        (b"null", "not_an_object"),
    ],
)
def test_undecodable_messages_are_refused_with_their_reason(
    value: bytes | None, reason: str
) -> None:
    assert reason_of(value) == reason


def test_a_message_over_the_size_limit_is_refused_before_parsing() -> None:
    big = raw(body="word " * (MAX_ARTICLE_BYTES // 5 + 10))
    assert len(big) > MAX_ARTICLE_BYTES
    assert reason_of(big) == "too_large"


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"body": ...}, "missing_field"),
        ({"id": ...}, "missing_field"),
        ({"published_at": ...}, "missing_field"),
        ({"body": 12345}, "invalid_field"),
        ({"body": None}, "invalid_field"),
        ({"id": ["a", "b"]}, "invalid_field"),
        ({"id": "x" * 300}, "invalid_field"),
        ({"title": {"text": "nested"}}, "invalid_field"),
        ({"published_at": "yesterday morning"}, "invalid_date"),
        ({"published_at": "2025-07-10T08:00:00"}, "invalid_date"),
        ({"body": ""}, "empty_body"),
        ({"body": "   \n\t  "}, "empty_body"),
        ({"body": "<div><p> </p><br/><script>var x = 1;</script></div>"}, "empty_body"),
        # Every field is bounded, so nothing that passes can outgrow a later message.
        ({"url": "https://example.org/" + "a" * 2100}, "invalid_field"),
        ({"outlet": "O" * 201}, "invalid_field"),
        ({"title": "T" * 2001}, "invalid_field"),
        ({"language": "en-" + "x" * 40}, "invalid_field"),
        # A link is a web link, an outlet a plain name: both reach alerts and webhooks.
        ({"url": "javascript:alert(1)"}, "invalid_field"),
        ({"url": "https://example.org/a b"}, "invalid_field"),
        ({"url": "ftp://example.org/file"}, "invalid_field"),
        ({"outlet": '<img src=x onerror="alert(1)">'}, "invalid_field"),
        ({"outlet": "Wire\x07Service"}, "invalid_field"),
        # Nothing is coerced: a number is not a timestamp.
        ({"published_at": 1752130800}, "invalid_date"),
    ],
)
def test_articles_with_wrong_or_missing_fields_are_refused(
    fields: dict[str, Any], reason: str
) -> None:
    assert reason_of(raw(**fields)) == reason


@pytest.mark.parametrize(
    "published_at",
    ["2999-01-01T00:00:00Z", "2025-07-12T00:00:00Z", "1999-08-09T10:00:00Z", "0001-01-01T00:00Z"],
)
def test_publication_times_far_from_now_or_before_the_war_are_implausible(
    published_at: str,
) -> None:
    assert reason_of(raw(published_at=published_at)) == "implausible_date"


def test_a_publication_time_slightly_ahead_of_the_clock_is_tolerated() -> None:
    ahead = (NOW + dt.timedelta(hours=20)).isoformat()
    assert decode_article(raw(published_at=ahead), now=NOW).id == "a-1"


def test_a_refusal_after_the_article_was_read_carries_its_id() -> None:
    with pytest.raises(Rejected) as caught:
        decode_article(raw(id="late-1", published_at="2031-01-01T00:00:00Z"), now=NOW)
    assert caught.value.article_id == "late-1"
    with pytest.raises(Rejected) as caught:
        decode_article(b"[]", now=NOW)
    assert caught.value.article_id is None


GERMAN = (
    "Russland hat in der Nacht mehr als 300 Drohnen und zwölf Raketen auf die Ukraine "
    "abgefeuert, teilte die Luftwaffe am Donnerstag mit. In Charkiw wurden drei Menschen "
    "getötet und vierzehn verletzt, sagte der Gouverneur der Region."
)
FRENCH = (
    "La Russie a lancé plus de 300 drones et douze missiles sur l'Ukraine pendant la nuit, "
    "selon l'armée de l'air. Trois personnes ont été tuées à Kharkiv et quatorze blessées, "
    "a indiqué le gouverneur de la région jeudi matin."
)
UKRAINIAN = (
    "Уночі Росія випустила по Україні понад 300 дронів і дванадцять ракет, повідомили "
    "Повітряні сили. У Харкові загинули троє людей, ще чотирнадцятеро поранені."
)


@pytest.mark.parametrize("body", [GERMAN, FRENCH, UKRAINIAN])
def test_foreign_language_bodies_are_refused_even_when_labelled_english(body: str) -> None:
    assert reason_of(raw(body=body, language="en")) == "unsupported_language"


@pytest.mark.parametrize("language", ["uk", "ru-RU", "de"])
def test_a_declared_foreign_language_is_refused(language: str) -> None:
    assert reason_of(raw(language=language)) == "unsupported_language"


@pytest.mark.parametrize("language", ["en", "EN", "en-GB", "en_US", ""])
def test_english_language_tags_are_accepted(language: str) -> None:
    assert declared_english(language)
    assert decode_article(raw(language=language), now=NOW).id == "a-1"


def test_short_texts_and_english_with_foreign_names_read_as_english() -> None:
    assert looks_english("Kyiv: explosions heard")
    assert looks_english(
        "Ukraine's air force said Russia launched Shahed drones at Zaporizhzhia, "
        "Dnipropetrovsk and Khmelnytskyi regions overnight; the Verkhovna Rada met on Friday "
        "and the Kremlin said Dmitry Peskov would comment later in the day."
    )


def test_html_bodies_are_reduced_to_their_text_and_still_yield_events() -> None:
    markup = (
        "<html><head><title>page</title><style>p {color: red}</style></head><body>"
        "<article><h1>Overnight attack</h1>"
        "<p>Russia launched 320 drones and 12 missiles at Ukraine overnight, the Ukrainian "
        "air force said on Thursday.</p><p>Three people were killed in Kharkiv and 14 were "
        "injured, according to the regional governor.</p>"
        "<script>track('view');</script><p>Power &amp; water were cut.</p></article>"
        "</body></html>"
    )
    decoded = decode_article(raw(body=markup, title="<b>Overnight</b> attack"), now=NOW)
    assert "<" not in decoded.body and "track(" not in decoded.body
    assert "color" not in decoded.body
    assert "Power & water were cut." in decoded.body
    assert "overnight, the Ukrainian air force said on Thursday.\n\nThree people" in decoded.body
    assert decoded.title == "Overnight attack"
    plain = decode_article(raw(body=decoded.body, title="Overnight attack"), now=NOW)
    from_html = extract_events(decoded)
    assert [e.type for e in from_html] == ["strike"]
    assert from_html == extract_events(plain)
    assert (from_html[0].drones, from_html[0].missiles) == (320, 12)


def test_text_mentioning_angle_brackets_is_not_treated_as_html() -> None:
    body = STRIKE_TEXT + " Casualties rose to <5 in one district, officials said."
    assert decode_article(raw(body=body), now=NOW).body == body


WORST_MARKUP = {
    "unclosed tags": "<div " * 200_000,
    "deep nesting": "<div><p><b>" * 100_000,
    "an unclosed attribute": "<p>a</p><div class='" + "x" * 1_000_000,
    "a run of <": "<p>a</p>" + "<" * 1_000_000,
    "an unclosed comment": "<p>a</p><!--" + "x-" * 500_000,
    "tags without >": "<p>a</p>" + "<p a=b " * 150_000,
    "an unclosed script": "<p>kept</p><script>" + "var x = 1; " * 100_000,
}


# Linear in the input: about a second at most for 1 MB here; the quadratic parser this
# replaced took minutes for 150 KB. The timeout only stops a regression from hanging the suite.
@pytest.mark.timeout(120)
@pytest.mark.parametrize("shape", sorted(WORST_MARKUP))
def test_html_clean_up_gets_through_a_megabyte_of_the_worst_markup(shape: str) -> None:
    markup = WORST_MARKUP[shape]
    assert len(markup) >= 1_000_000
    text = html_to_text(markup)
    assert "<div>" not in text and "<b>" not in text and "var x" not in text


def test_html_to_text_drops_hidden_parts_and_keeps_stray_brackets() -> None:
    markup = (
        "<head><title>Menu</title></head><p>Shelling &amp; fires</p>tail"
        "<script>track()</script><!-- note --><div>a < b, c > d</div>"
    )
    assert html_to_text(markup) == "Shelling & fires\n\ntail\n\na < b, c > d"


def test_html_to_text_keeps_paragraphs_apart() -> None:
    assert html_to_text("<p>One.</p><p>Two &lt;three&gt;.</p>line<br>break") == (
        "One.\n\nTwo <three>.\n\nline\nbreak"
    )


def test_same_body_reposted_under_an_id_is_fine_a_different_body_is_refused() -> None:
    first = decode_article(raw(), now=NOW)
    repost = decode_article(raw(body=STRIKE_TEXT.replace(" ", "  ") + "\n"), now=NOW)
    edited = decode_article(raw(body=STRIKE_TEXT.replace("320", "350")), now=NOW)
    seen = body_fingerprint(first)
    assert body_fingerprint(repost) == seen
    check_id_reuse(first, seen, None)
    check_id_reuse(repost, body_fingerprint(repost), seen)
    with pytest.raises(Rejected) as caught:
        check_id_reuse(edited, body_fingerprint(edited), seen)
    assert caught.value.reason == "id_reused"
    assert caught.value.article_id == "a-1"


def test_a_dead_letter_keeps_the_original_bytes_key_headers_timestamp_and_position() -> None:
    value = b'{"id": "a-1", "body": '
    headers = (("trace", b"\x00\xffid"), ("warwire-produced-at", b"1756000000.5"))
    letter = dead_letter(
        Rejected("invalid_json", "unexpected end"),
        Record(
            topic="articles",
            partition=3,
            offset=41,
            key=b"a-1\xff",
            value=value,
            headers=headers,
            timestamp_ms=1756000000123,
            timestamp_type=0,
        ),
    )
    assert (letter.reason, letter.topic, letter.partition, letter.offset) == (
        "invalid_json",
        "articles",
        3,
        41,
    )
    assert letter.key == "a-1\ufffd"
    assert base64.b64decode(letter.key_base64 or "") == b"a-1\xff"
    assert base64.b64decode(letter.original_base64) == value
    assert [(h.name, base64.b64decode(h.value_base64)) for h in letter.headers] == list(headers)
    assert (letter.timestamp_ms, letter.timestamp_type) == (1756000000123, 0)


def test_a_dead_letter_bounds_a_huge_key_and_headers_and_says_so() -> None:
    many = tuple((f"h{n}", b"v" * 1000) for n in range(40))
    letter = dead_letter(
        Rejected("invalid_json"),
        Record(topic="articles", partition=0, offset=1, key=b"k" * 10**6, value=b"{", headers=many),
    )
    assert len(base64.b64decode(letter.key_base64 or "")) == MAX_DEAD_LETTER_KEY
    kept = sum(len(base64.b64decode(h.value_base64)) + len(h.name) for h in letter.headers)
    assert 0 < kept <= MAX_DEAD_LETTER_HEADERS and len(letter.headers) < len(many)
    assert f"first {MAX_DEAD_LETTER_KEY} of {10**6} bytes" in letter.detail
    assert "headers left out" in letter.detail


def test_a_dead_letter_for_a_huge_message_keeps_only_its_head_and_says_so() -> None:
    value = b"x" * (10 * 1024 * 1024)
    letter = dead_letter(
        Rejected("too_large", f"{len(value)} bytes"),
        Record(topic="articles", partition=0, offset=7, key=None, value=value),
    )
    kept = base64.b64decode(letter.original_base64)
    assert kept == value[:MAX_DEAD_LETTER_ORIGINAL]
    assert f"first {MAX_DEAD_LETTER_ORIGINAL} of {len(value)} bytes" in letter.detail
    assert len(orjson.dumps(letter.model_dump())) < 1_000_000


@pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason="../shared/eval is absent")
def test_no_real_or_written_english_article_is_refused() -> None:
    files = sorted((SHARED / "eval").glob("*.articles.jsonl"))
    files += sorted((SHARED / "corpus").glob("*.articles.jsonl"))
    refused = []
    for path in files:
        for line in path.read_bytes().splitlines():
            if not line.strip():
                continue
            try:
                decode_article(line)
            except Rejected as rejected:
                refused.append(f"{path.name}: {rejected}")
    assert refused == []
