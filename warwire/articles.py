"""Decoding and validating raw `articles` messages. Pure: bytes in, an Article or a rejection out.

Every way a message can be refused has a short stable reason (see `REASONS`); the worker puts
the message on the dead-letter topic under that reason. docs/robustness.md explains each one.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import re
from dataclasses import dataclass
from typing import Any

import orjson
from pydantic import ValidationError

from schemas import Article, DeadLetter, RecordHeader

MAX_ARTICLE_BYTES = 1_000_000
"""Kafka's default message.max.bytes is about 1 MB; real articles are a few tens of KB."""

EARLIEST_PUBLICATION = dt.datetime(2014, 1, 1, tzinfo=dt.UTC)
"""The war began in February 2014: nothing this pipeline reports on predates it."""
FUTURE_TOLERANCE = dt.timedelta(days=1)
"""Clock skew and time-zone slips a publisher may have; anything later is an error."""

MIN_WORDS_FOR_LANGUAGE = 20
"""Below this many words the language guess is too unreliable to refuse an article."""
ENGLISH_FUNCTION_WORD_SHARE = 0.08
"""English news prose has 15-35% of these words; German, French, Spanish well under 6%."""
LATIN_LETTER_SHARE = 0.5

REASONS: dict[str, str] = {
    "empty_message": "the message has no value",
    "too_large": f"the message is larger than {MAX_ARTICLE_BYTES} bytes",
    "not_utf8": "the value is not UTF-8 text (binary data)",
    "invalid_json": "the value is not valid JSON",
    "not_an_object": "the JSON is not an object",
    "missing_field": "a required field (id, body, published_at) is absent",
    "invalid_field": "a field has the wrong type or an impossible value",
    "invalid_date": "published_at is not an RFC 3339 timestamp with a time zone",
    "implausible_date": "published_at is before 2014 or more than a day in the future",
    "empty_body": "the body has no text (blank, or only markup)",
    "unsupported_language": "the article is not in English",
    "id_reused": "an article with this id and a different body was processed before",
    "extraction_error": "the extractor failed on the article",
    "too_slow": "extracting the article took longer than its budget",
    "internal_error": "an unexpected error in the worker while handling the article",
    "invalid_internal_message": "a message on an internal topic that no worker wrote",
    "output_refused": "the producer refused for good a message made from the article "
    "(larger than the broker takes)",
}


class Rejected(Exception):
    """An input that cannot be processed; `reason` is a short stable label for metrics."""

    def __init__(self, reason: str, detail: str = "", article_id: str | None = None) -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
        self.article_id = article_id
        """The id of the refused article when it could be read."""


def decode_article(raw: bytes | None, now: dt.datetime | None = None) -> Article:
    """The article in `raw`, its body converted to plain text if it was HTML.

    Raises `Rejected` for anything that cannot or should not be processed; `now` (default:
    the wall clock) bounds plausible publication times."""
    return _decode(raw, now or dt.datetime.now(dt.UTC))


def parse_article(raw: bytes) -> Article:
    """The article of a message `decode_article` accepted before (the later article steps
    carry the original bytes and read them again): the same article, the checks that depend
    on the clock or tell whether to process it left out. Raises `Rejected` on anything else."""
    return _decode(raw, None)


def _decode(raw: bytes | None, now: dt.datetime | None) -> Article:
    if not raw:
        raise Rejected("empty_message")
    if len(raw) > MAX_ARTICLE_BYTES:
        raise Rejected("too_large", f"{len(raw)} bytes > {MAX_ARTICLE_BYTES}")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Rejected("not_utf8", str(exc)) from None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise Rejected("invalid_json", str(exc)) from None
    if not isinstance(data, dict):
        raise Rejected("not_an_object", f"expected a JSON object, got {type(data).__name__}")
    try:
        article = _as_plain_text(_validate(data))
        if not article.body.strip():
            raise Rejected("empty_body", f"article {article.id}")
        if now is not None:
            check_publication_time(article.published_at, now)
            check_language(article)
    except Rejected as rejected:
        if rejected.article_id is None and isinstance(data.get("id"), str):
            rejected.article_id = data["id"][:256]
        raise
    return article


def _validate(data: dict[str, Any]) -> Article:
    try:
        return Article.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        locations = [str(err["loc"][0]) if err["loc"] else "" for err in errors]
        if any(err["type"] == "missing" for err in errors):
            reason = "missing_field"
        elif all(location == "published_at" for location in locations):
            reason = "invalid_date"
        elif "body" in locations and isinstance(data.get("body"), str) and not data["body"].strip():
            reason = "empty_body"
        else:
            reason = "invalid_field"
        raise Rejected(reason, _summarise(exc)) from None


def check_publication_time(published_at: dt.datetime, now: dt.datetime) -> None:
    if published_at < EARLIEST_PUBLICATION:
        raise Rejected(
            "implausible_date", f"published_at {published_at.isoformat()} is before 2014"
        )
    if published_at > now + FUTURE_TOLERANCE:
        raise Rejected(
            "implausible_date",
            f"published_at {published_at.isoformat()} is after {now.isoformat()} + 1 day",
        )


# ---- language -------------------------------------------------------------------------------

_WORDS = re.compile(r"[^\W\d_]+")
_LATIN_LETTERS = re.compile(r"[A-Za-z]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_ENGLISH_FUNCTION_WORDS = frozenset(
    b"the of and to in a on is was were for that with by at from as it said has have had be are "
    b"this an not after its their they he she will would been which who".split()
)
_LOWER_LATIN_ONLY = bytes(byte if ord("a") <= byte <= ord("z") else ord(" ") for byte in range(256))


def declared_english(language: str) -> bool:
    """`en`, `EN`, `en-GB`, `en_US`... An empty tag declares nothing, so it passes."""
    primary = re.split(r"[-_]", language.strip().lower(), maxsplit=1)[0]
    return primary in ("", "en")


def _has_non_latin_letters(text: str) -> bool:
    return not text.isascii() and _WORDS.search("".join(_NON_ASCII.findall(text))) is not None


def looks_english(text: str) -> bool:
    """A cheap guess, tuned to refuse clearly foreign text and never English news prose:
    mostly non-Latin letters (Cyrillic, Arabic, CJK...) or, over enough words, almost none of
    the commonest English function words."""
    sample = text[:20_000]
    words: list[bytes]
    if not _has_non_latin_letters(sample):
        # The common case, and a fast one: the words are the runs of a-z once lowered.
        words = sample.lower().encode("ascii", "replace").translate(_LOWER_LATIN_ONLY).split()
        if not words:
            return True
    else:
        letter_runs = _WORDS.findall(sample)
        letters = sum(map(len, letter_runs))
        latin = sum(map(len, _LATIN_LETTERS.findall(sample)))
        if latin / letters < LATIN_LETTER_SHARE:
            return False
        words = [run.lower().encode() for run in letter_runs]
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return True
    common = sum(map(_ENGLISH_FUNCTION_WORDS.__contains__, words))
    return common / len(words) >= ENGLISH_FUNCTION_WORD_SHARE


def check_language(article: Article) -> None:
    if not declared_english(article.language):
        raise Rejected("unsupported_language", f"declared language {article.language!r}")
    if not looks_english(article.body):
        raise Rejected("unsupported_language", "the body does not read as English")


# ---- HTML -----------------------------------------------------------------------------------

_HTML_TAG = re.compile(
    r"</?(?:html|head|body|p|div|br|span|a|script|style|h[1-6]|li|ul|ol|article|section|"
    r"table|tr|td|b|i|em|strong|blockquote|figure|figcaption|img|header|footer)\b[^<>]{0,2000}>",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 article section table tr blockquote figure "  # noqa: SIM905
    "figcaption header footer title".split()
)
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "head"})
_MAX_TAG = 4000
"""Longest tag read as one (attributes included); a longer run is text."""
_MARKUP = re.compile(
    rf"<!--.*?(?:-->|\Z)|<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9:-]*)[^<>]{{0,{_MAX_TAG}}}>",
    re.DOTALL,
)
_BLANK_LINES = re.compile(r"\n\s*\n\s*(?:\n\s*)+")
_INLINE_SPACE = re.compile(r"[ \t\r\f\v]+")


def looks_like_html(text: str) -> bool:
    return len(_HTML_TAG.findall(text[:50_000])) >= 2


def html_to_text(markup: str) -> str:
    """The readable text of an HTML fragment or page: paragraphs kept as blank-line-separated
    blocks, scripts and styles dropped, entities decoded.

    A single forward scan, linear in the input however broken the markup: every search
    starts where the last one ended, a tag may hold at most `_MAX_TAG` characters, and an
    unclosed comment or hidden element ends the text. (Python's HTMLParser rescans an
    unclosed tag on every feed, and tree builders walk the open elements at each tag: both
    took seconds to minutes on deeply nested or unclosed markup.)"""
    lowered = markup.lower()
    parts: list[str] = []
    position = 0
    while (tag := _MARKUP.search(markup, position)) is not None:
        parts.append(html.unescape(markup[position : tag.start()]))
        position = tag.end()
        name = (tag.group("name") or "").lower()
        if not name:  # a comment
            continue
        if tag.group("close"):
            if name in _BLOCK_TAGS:
                parts.append("\n\n")
        elif name in _HIDDEN_TAGS:
            closing = lowered.find(f"</{name}", position)
            position = len(markup) if closing < 0 else closing
        elif name == "br":
            parts.append("\n")
        elif name in _BLOCK_TAGS:
            parts.append("\n\n")
    parts.append(html.unescape(markup[position:]))
    lines = [_INLINE_SPACE.sub(" ", line).strip() for line in "".join(parts).split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _as_plain_text(article: Article) -> Article:
    update: dict[str, str] = {}
    if looks_like_html(article.body):
        update["body"] = html_to_text(article.body)
    if article.title and _HTML_TAG.search(article.title):
        update["title"] = html_to_text(article.title)
    return article.model_copy(update=update) if update else article


# ---- dead letters ---------------------------------------------------------------------------

MAX_DEAD_LETTER_ORIGINAL = 512 * 1024
"""Original bytes kept in a dead letter: base64 makes them a third larger, and the letter must
stay under the producer's 1 MB request limit. Larger values are cut, and the detail says so;
topic, partition and offset still point at the full message."""
MAX_DEAD_LETTER_KEY = 1024
"""Key bytes kept in a dead letter (a producer's key can be as large as a message)."""
MAX_DEAD_LETTER_HEADERS = 16 * 1024
"""Header value bytes kept in a dead letter, all headers together."""


@dataclass(frozen=True)
class Record:
    """A consumed message as the producer sent it: what a dead letter keeps of it."""

    topic: str
    partition: int
    offset: int
    key: bytes | None = None
    value: bytes | None = None
    headers: tuple[tuple[str, bytes], ...] = ()
    timestamp_ms: int | None = None
    timestamp_type: int | None = None


def dead_letter(rejected: Rejected, record: Record) -> DeadLetter:
    original = record.value or b""
    notes: list[str] = []
    if len(original) > MAX_DEAD_LETTER_ORIGINAL:
        notes.append(
            f"[original_base64 holds the first {MAX_DEAD_LETTER_ORIGINAL} of {len(original)} bytes]"
        )
        original = original[:MAX_DEAD_LETTER_ORIGINAL]
    key = record.key
    if key is not None and len(key) > MAX_DEAD_LETTER_KEY:
        notes.append(f"[key_base64 holds the first {MAX_DEAD_LETTER_KEY} of {len(key)} bytes]")
        key = key[:MAX_DEAD_LETTER_KEY]
    headers: list[RecordHeader] = []
    room = MAX_DEAD_LETTER_HEADERS
    for name, value in record.headers:
        if len(value) + len(name) > room:
            notes.append(f"[{len(record.headers) - len(headers)} headers left out: over 16 KiB]")
            break
        room -= len(value) + len(name)
        headers.append(
            RecordHeader(name=name, value_base64=base64.b64encode(value).decode("ascii"))
        )
    detail = " ".join([rejected.detail[:2000], *notes]).strip()
    return DeadLetter(
        reason=rejected.reason,
        detail=detail,
        topic=record.topic,
        partition=record.partition,
        offset=record.offset,
        key=key.decode("utf-8", "replace")[:512] if key else None,
        key_base64=base64.b64encode(key).decode("ascii") if key is not None else None,
        original_base64=base64.b64encode(original).decode("ascii"),
        headers=headers,
        timestamp_ms=record.timestamp_ms,
        timestamp_type=record.timestamp_type,
        article_id=rejected.article_id,
    )


# ---- ids reused for a different body --------------------------------------------------------


def body_fingerprint(article: Article) -> str:
    """A short hash of the body with whitespace normalised: a re-post of the same article
    matches, an edited or unrelated body does not."""
    text = " ".join(article.body.split())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def check_id_reuse(article: Article, fingerprint: str, previous: str | None) -> None:
    """Refuse an article whose id was processed before with a different body. Events and
    alerts are keyed by article id, so a second body under one id cannot be processed without
    corrupting what the first one produced."""
    if previous is not None and previous != fingerprint:
        raise Rejected(
            "id_reused",
            f"article {article.id} was processed before with a different body "
            f"(fingerprint {previous}, now {fingerprint})",
            article.id,
        )


def _summarise(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in err['loc']) or 'value'}: {err['msg']}"
        for err in exc.errors()[:5]
    )
