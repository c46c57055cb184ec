"""Article-level deduplication: recognise an article seen before so it is not counted twice.

Two articles are the same report when they share a canonical URL (a re-post, an AMP or
tracking-tagged link to the same page) or when their bodies are near-identical (syndicated
wire copy under another outlet's name). A repeat of the same text gets copies of the
original's events, re-attributed to it and marked `duplicate_of`, so it counts as one more
report of the same incidents; a near-copy whose text differs is extracted again, and only its
events that say what the original's say are marked so (a re-issue with an updated toll
brings its own figure).

Partition safety: every lookup is by a key the message is routed by.
  1. by canonical URL: the URL record says which article had the URL first and under which
     body key it was filed; a repeat is routed on with that body key;
  2. by body key (the smallest shingle hash of the body, identical for identical text and
     shared by near-identical texts with a probability equal to their similarity): the body
     records hold each original's sketch and events.
Records expire `window` after the article that made them (stream time: the publication time
of the latest article of the shard, the partition a worker processes, "0" in a single
process). When each expires is kept in memory (`ExpiryIndex`), rebuilt from the records
themselves after a restart, so a record costs one changelog write and one deletion.
"""

from __future__ import annotations

import base64
import datetime as dt
import heapq
import re
import unicodedata
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Annotated, Literal, Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit

import orjson
from pydantic import AwareDatetime, BaseModel, Field, TypeAdapter

from schemas import Article, NegotiationEvent, RecordHeader, StrikeEvent
from warwire.articles import (
    MAX_DEAD_LETTER_KEY,
    Record,
    Rejected,
    body_fingerprint,
    check_id_reuse,
    dead_letter,
    parse_article,
)
from warwire.config import DEFAULT_GRACE_DAYS, DEFAULT_MAX_ARTICLES
from warwire.dedup import kyiv_day
from warwire.ids import event_id

Event = StrikeEvent | NegotiationEvent
StoredEvent = Annotated[StrikeEvent | NegotiationEvent, Field(discriminator="type")]
Match = Literal["url", "body", "repost"]

SHINGLE_WORDS = 5
SKETCH_SIZE = 64
NEAR_DUPLICATE_SIMILARITY = 0.8
"""Estimated Jaccard similarity of word 5-shingles above which two bodies are one text:
wire copy with another headline, dateline or footer scores 0.9 and more, two outlets' own
write-ups of the same event well under 0.3."""
DEFAULT_GRACE = dt.timedelta(days=DEFAULT_GRACE_DAYS)
DEFAULT_MAX_RECORDS = DEFAULT_MAX_ARTICLES
MAX_RECORDS_PER_BODY_KEY = 32

# --- canonical URLs ---------------------------------------------------------------------------

_TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "ref",
        "ref_src",
        "ref_url",
        "cmpid",
        "ocid",
        "smid",
        "sr_share",
        "share",
        "amp",
        "output",
        "outputtype",
        "taid",
        "guccounter",
        "spm",
    }
)
_TRACKING_PREFIXES = ("utm_", "at_", "itm_", "pk_", "mtm_", "hsa_")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_PARAMS or lowered.startswith(_TRACKING_PREFIXES)


def canonical_url(url: str | None) -> str | None:
    """The URL with everything that does not change the page removed: scheme (http = https),
    letter case of the host, `www.`, trailing dots of the host, default ports, credentials,
    `amp` path segments, tracking parameters, parameter order, trailing slash, fragment.
    None for an empty or unparseable URL."""
    if not url or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        return None
    host = host.removeprefix("www.").removeprefix("amp.")
    scheme = parts.scheme.lower() or "https"
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    segments = [s for s in parts.path.split("/") if s and s.lower() != "amp"]
    path = "/" + "/".join(segments)
    if path.lower().endswith((".amp", ".amp.html")):
        path = path[: path.lower().rindex(".amp")]
    query = sorted(
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _is_tracking(name)
    )
    text = f"https://{host}{path if path != '/' else ''}"
    return f"{text}?{urlencode(query)}" if query else text


# --- body sketches ----------------------------------------------------------------------------

_WORD = re.compile(r"\w+")
_MASK = (1 << 64) - 1
_WORD_SPREAD = 0x9E3779B97F4A7C15
_SHINGLE_BASE = 0x100000001B3


def _word_hash(word: str) -> int:
    return zlib.crc32(word.encode()) * _WORD_SPREAD & _MASK


def _shingle_hashes(text: str) -> set[int]:
    """64-bit hashes of the word shingles of `text`: a polynomial over per-word hashes, rolled
    along the text so each shingle costs three arithmetic steps instead of a hash call."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    words = _WORD.findall(text.casefold()) or [text.strip()]
    span = min(SHINGLE_WORDS, len(words))
    by_word = {word: _word_hash(word) for word in set(words)}
    values = [by_word[word] for word in words]
    leading = pow(_SHINGLE_BASE, span - 1, 1 << 64)
    shingle = 0
    for value in values[:span]:
        shingle = (shingle * _SHINGLE_BASE + value) & _MASK
    hashes = {shingle}
    for dropped, added in zip(values, values[span:], strict=False):
        shingle = ((shingle - dropped * leading) * _SHINGLE_BASE + added) & _MASK
        hashes.add(shingle)
    return hashes


@dataclass(frozen=True)
class BodySketch:
    key: str
    """The routing key: the smallest shingle hash, shared by near-identical bodies."""
    hashes: tuple[int, ...]
    """The SKETCH_SIZE smallest shingle hashes (a bottom-k sketch), ascending."""


def sketch_body(text: str) -> BodySketch:
    smallest = sorted(_shingle_hashes(text))[:SKETCH_SIZE]
    return BodySketch(key=f"{smallest[0]:016x}", hashes=tuple(smallest))


def similarity(a: Iterable[int], b: Iterable[int]) -> float:
    """Jaccard similarity of the two shingle sets, estimated from their bottom-k sketches
    (exact when both texts have fewer than SKETCH_SIZE shingles)."""
    set_a, set_b = set(a), set(b)
    union = sorted(set_a | set_b)[:SKETCH_SIZE]
    if not union:
        return 0.0
    return sum(1 for h in union if h in set_a and h in set_b) / len(union)


# --- the message routed between the article steps ---------------------------------------------


class Source(BaseModel):
    """Where the article was consumed from and how the producer sent it, for its receipt and
    any dead letter (which keeps the original key, headers and timestamp)."""

    topic: str
    partition: int
    offset: int
    key: str | None = None
    key_base64: str | None = None
    headers: list[RecordHeader] = Field(default_factory=list)
    timestamp_ms: int | None = None
    timestamp_type: int | None = None

    @classmethod
    def of(cls, record: Record) -> Source:
        """The source of a consumed record, its key and headers bounded as a dead letter
        bounds them (so the internal messages that carry them stay small)."""
        letter = dead_letter(Rejected(""), record)
        key = (record.key or b"")[:MAX_DEAD_LETTER_KEY]
        return cls(
            topic=record.topic,
            partition=record.partition,
            offset=record.offset,
            key=key.decode("utf-8", "replace") or None,
            key_base64=letter.key_base64,
            headers=letter.headers,
            timestamp_ms=record.timestamp_ms,
            timestamp_type=record.timestamp_type,
        )

    def record(self, value: bytes | None) -> Record:
        """The consumed record again, `value` being its original bytes."""
        key = base64.b64decode(self.key_base64) if self.key_base64 is not None else None
        if key is None and self.key:
            key = self.key.encode()
        return Record(
            topic=self.topic,
            partition=self.partition,
            offset=self.offset,
            key=key,
            value=value,
            headers=tuple((h.name, base64.b64decode(h.value_base64)) for h in self.headers),
            timestamp_ms=self.timestamp_ms,
            timestamp_type=self.timestamp_type,
        )


class RoutedArticle(BaseModel):
    """A valid article on its way through the id, URL and body checks (internal topics)."""

    raw: bytes = Field(default=b"", exclude=True)
    """The message the article was read from, as the producer sent it; on the internal
    topics it is the value, and the rest of this model a header (`pack`)."""
    article: Article
    url: str | None
    body_key: str
    sketch: list[int]
    duplicate_of: str | None = None
    """Set by the URL check: the article that had this canonical URL first."""
    source: Source
    produced_at: str | None = None
    """The producer's timestamp header, carried for the end-to-end latency metric."""


def route(
    article: Article, source: Source, produced_at: str | None = None, raw: bytes = b""
) -> RoutedArticle:
    sketch = sketch_body(article.body)
    return RoutedArticle(
        raw=raw,
        article=article,
        url=canonical_url(article.url),
        body_key=sketch.key,
        sketch=list(sketch.hashes),
        source=source,
        produced_at=produced_at,
    )


ROUTE_HEADER = "warwire-route"


def pack(routed: RoutedArticle) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The internal message of a routed article: value and headers. The value is the original
    message, byte for byte, so that a later step that refuses the article can dead-letter
    what the producer sent; the routing data rides in a header. (A message carrying both the
    original and the parsed article could be twice the size limit.)"""
    route = routed.model_dump_json(exclude={"raw", "article"}).encode()
    return routed.raw, [(ROUTE_HEADER, route)]


def unpack(value: bytes | None, headers: Iterable[tuple[str, bytes]] | None) -> RoutedArticle:
    """The routed article of an internal message `pack` made; raises on any other message."""
    route = next((bytes(v) for k, v in headers or () if k == ROUTE_HEADER), None)
    if route is None:
        raise ValueError(f"no {ROUTE_HEADER} header")
    raw = value or b""
    data = orjson.loads(route)
    if not isinstance(data, dict):
        raise ValueError(f"the {ROUTE_HEADER} header is not an object")
    return RoutedArticle.model_validate({**data, "raw": raw, "article": parse_article(raw)})


def url_route_key(routed: RoutedArticle) -> str:
    """The key of the URL step: every article with one canonical URL meets in one partition."""
    return routed.url or f"id:{routed.article.id}"


# --- state ------------------------------------------------------------------------------------


class KeyValue(Protocol):
    """Bytes by key: a dict in one process, a Faust table (with changelog) in a worker; with
    the expiry index of the records it holds."""

    expiry: ExpiryIndex

    def get(self, key: str) -> bytes | None: ...

    def put(self, key: str, value: bytes) -> None: ...

    def delete(self, key: str) -> None: ...

    def keys(self) -> Iterable[str]: ...


class MemoryKeyValue:
    def __init__(
        self, grace: dt.timedelta = DEFAULT_GRACE, most: int = DEFAULT_MAX_RECORDS
    ) -> None:
        self.data: dict[str, bytes] = {}
        self.expiry = ExpiryIndex(grace, most)

    def get(self, key: str) -> bytes | None:
        return self.data.get(key)

    def put(self, key: str, value: bytes) -> None:
        self.data[key] = value

    def delete(self, key: str) -> None:
        self.data.pop(key, None)

    def keys(self) -> Iterable[str]:
        return self.data.keys()


class UrlRecord(BaseModel):
    article_id: str
    body_key: str
    published_at: AwareDatetime


class BodyRecord(BaseModel):
    article_id: str
    url: str | None = None
    sketch: list[int]
    published_at: AwareDatetime
    events: list[StoredEvent] = Field(default_factory=list)
    fingerprint: str | None = None
    """The body's `warwire.articles.body_fingerprint`: only a repeat of this very text takes
    the events without extraction (None in records written before it was kept)."""


class IdRecord(BaseModel):
    """The body an article id was processed with, to refuse the id with another body."""

    fingerprint: str
    published_at: AwareDatetime


_BODY_RECORDS = TypeAdapter(list[BodyRecord])
_URL = "url|"
_BODY = "body|"
_ID = "id|"
_SINGLE_RECORDS: dict[str, type[UrlRecord] | type[IdRecord]] = {_URL: UrlRecord, _ID: IdRecord}
"""Key prefix -> the record kept under each key of that kind (body keys hold a list)."""


def _url_key(shard: str, url: str) -> str:
    return f"{_URL}{shard}|{url}"


def _body_key(shard: str, key: str) -> str:
    return f"{_BODY}{shard}|{key}"


def _id_key(shard: str, article_id: str) -> str:
    return f"{_ID}{shard}|{article_id}"


def _single_record_type(record_key: str) -> type[UrlRecord] | type[IdRecord] | None:
    return _SINGLE_RECORDS.get(record_key[: record_key.find("|") + 1])


def _publication_times(record_key: str, raw: bytes) -> list[dt.datetime]:
    single = _single_record_type(record_key)
    if single is not None:
        return [single.model_validate_json(raw).published_at]
    return [record.published_at for record in _BODY_RECORDS.validate_json(raw)]


class ExpiryIndex:
    """When each record of a store expires: per shard, a heap of (publication time, key).

    It is derived from the records, so it lives in memory only and writes nothing to the
    changelog: it is built from the store the first time a shard is used in a process, and a
    worker drops it (`clear`) whenever its partitions change, because records of a shard that
    came back to it may have been written by another worker meanwhile."""

    def __init__(
        self, grace: dt.timedelta = DEFAULT_GRACE, most: int = DEFAULT_MAX_RECORDS
    ) -> None:
        self._shards: dict[str, list[tuple[float, str]]] = {}
        self._watermarks: dict[str, float] = {}
        self.grace = grace
        self.most = most

    def clear(self) -> None:
        self._shards.clear()
        self._watermarks.clear()

    def add(self, store: KeyValue, shard: str, published: dt.datetime, record_key: str) -> None:
        heapq.heappush(self._heap(store, shard), (published.timestamp(), record_key))

    def expire(self, store: KeyValue, shard: str, now: dt.datetime, window: dt.timedelta) -> int:
        """Forget the records of `shard` made more than `window` plus the grace before the
        shard's watermark: the newest publication time it has seen (`now` included), so an
        article far ahead of the others cannot expire what earlier-dated ones still need.
        Returns how many records were dropped."""
        heap = self._heap(store, shard)
        watermark = max(self._watermarks.get(shard, now.timestamp()), now.timestamp())
        self._watermarks[shard] = watermark
        limit = watermark - (window + self.grace).total_seconds()
        cutoff = dt.datetime.fromtimestamp(limit, tz=dt.UTC)
        due: dict[str, dt.datetime] = {}
        while heap and heap[0][0] < limit:
            due[heapq.heappop(heap)[1]] = cutoff
        while len(heap) > self.most:  # too many records: the oldest go first
            stamp, record_key = heapq.heappop(heap)
            due[record_key] = max(
                due.get(record_key, cutoff),
                dt.datetime.fromtimestamp(stamp, tz=dt.UTC) + dt.timedelta(microseconds=1),
            )
        return sum(_drop_older_than(store, key, due[key]) for key in sorted(due))

    def _heap(self, store: KeyValue, shard: str) -> list[tuple[float, str]]:
        heap = self._shards.get(shard)
        if heap is None:
            prefixes = tuple(f"{kind}{shard}|" for kind in (_URL, _BODY, _ID))
            heap = []
            for record_key in list(store.keys()):
                if record_key.startswith(prefixes) and (raw := store.get(record_key)):
                    heap.extend(
                        (published.timestamp(), record_key)
                        for published in _publication_times(record_key, raw)
                    )
            heapq.heapify(heap)
            self._shards[shard] = heap
            if heap:
                self._watermarks[shard] = max(stamp for stamp, _ in heap)
        return heap


def _drop_older_than(store: KeyValue, record_key: str, cutoff: dt.datetime) -> int:
    raw = store.get(record_key)
    if raw is None:
        return 0
    single = _single_record_type(record_key)
    if single is not None:
        if single.model_validate_json(raw).published_at < cutoff:
            store.delete(record_key)
            return 1
        return 0
    records = _BODY_RECORDS.validate_json(raw)
    kept = [r for r in records if r.published_at >= cutoff]
    if len(kept) == len(records):
        return 0
    if kept:
        store.put(record_key, _BODY_RECORDS.dump_json(kept))
    else:
        store.delete(record_key)
    return len(records) - len(kept)


def record_count(store: KeyValue) -> int:
    """URL, body and id records held (for tests and benchmarks on a MemoryKeyValue)."""
    if not isinstance(store, MemoryKeyValue):
        raise TypeError("record_count needs a MemoryKeyValue")
    total = 0
    for key, raw in store.data.items():
        if _single_record_type(key) is not None:
            total += 1
        elif key.startswith(_BODY):
            total += len(_BODY_RECORDS.validate_json(raw))
    return total


# --- ids ---------------------------------------------------------------------------------------


def check_article_id(
    store: KeyValue, shard: str, article: Article, fingerprint: str, window: dt.timedelta
) -> bool:
    """The first step: raise `Rejected` for an id processed within `window` with another body
    (`fingerprint`, see `warwire.articles.body_fingerprint`); otherwise record the id's body.
    Returns whether the id is new (recorded now)."""
    published = article.published_at
    store.expiry.expire(store, shard, published, window)
    key = _id_key(shard, article.id)
    raw = store.get(key)
    previous = IdRecord.model_validate_json(raw) if raw else None
    check_id_reuse(article, fingerprint, previous.fingerprint if previous else None)
    if previous is None:
        record = IdRecord(fingerprint=fingerprint, published_at=published)
        store.put(key, record.model_dump_json().encode())
        store.expiry.add(store, shard, published, key)
    return previous is None


def forget_article_id(store: KeyValue, shard: str, article: Article) -> None:
    """Drop the id record `check_article_id` just made for `article` when the article was not
    processed after all (the record would refuse a corrected body under the id)."""
    store.delete(_id_key(shard, article.id))


# --- the two checks ---------------------------------------------------------------------------


def check_url(
    store: KeyValue, shard: str, routed: RoutedArticle, window: dt.timedelta
) -> RoutedArticle:
    """The URL step. An article whose canonical URL another article had within `window`
    comes back marked `duplicate_of` that article and re-keyed to its body key, so the body
    step finds the original's record; otherwise the URL is recorded as this article's."""
    published = routed.article.published_at
    store.expiry.expire(store, shard, published, window)
    if routed.url is None:
        return routed
    key = _url_key(shard, routed.url)
    raw = store.get(key)
    record = UrlRecord.model_validate_json(raw) if raw else None
    if record is not None and abs(published - record.published_at) <= window:
        if record.article_id == routed.article.id:
            return routed
        return routed.model_copy(
            update={"duplicate_of": record.article_id, "body_key": record.body_key}
        )
    new = UrlRecord(article_id=routed.article.id, body_key=routed.body_key, published_at=published)
    store.put(key, new.model_dump_json().encode())
    store.expiry.add(store, shard, published, key)
    return routed


@dataclass(frozen=True)
class Seen:
    original: BodyRecord
    match: Match


def find_original(
    store: KeyValue,
    shard: str,
    routed: RoutedArticle,
    window: dt.timedelta,
    threshold: float = NEAR_DUPLICATE_SIMILARITY,
) -> Seen | None:
    """The body step's lookup: the earlier article this one repeats, if any."""
    published = routed.article.published_at
    store.expiry.expire(store, shard, published, window)
    raw = store.get(_body_key(shard, routed.body_key))
    records = [
        r
        for r in (_BODY_RECORDS.validate_json(raw) if raw else [])
        if abs(published - r.published_at) <= window
    ]
    for record in records:
        if record.article_id == routed.article.id:
            return Seen(record, "repost")
    # An article's relative dates ("on Wednesday", "overnight") resolve from its own day of
    # publication: only a repeat published the same day can take the original's events
    # as they are. Which of two articles came first is then irrelevant to the result.
    day = kyiv_day(published)
    records = [r for r in records if kyiv_day(r.published_at) == day]
    if routed.duplicate_of is not None:
        for record in records:
            if record.article_id == routed.duplicate_of:
                return Seen(record, "url")
    scored = [(similarity(routed.sketch, r.sketch), r) for r in records]
    best = max(scored, key=lambda sr: (sr[0], -sr[1].published_at.timestamp()), default=None)
    if best is not None and best[0] >= threshold:
        return Seen(best[1], "body")
    return None


def remember(
    store: KeyValue,
    shard: str,
    routed: RoutedArticle,
    events: list[Event],
    window: dt.timedelta,
    fingerprint: str | None = None,
) -> None:
    """File a newly extracted article under its body key, with its events (evidence
    sentences dropped: copies do not need them)."""
    key = _body_key(shard, routed.body_key)
    raw = store.get(key)
    records = _BODY_RECORDS.validate_json(raw) if raw else []
    record = BodyRecord(
        article_id=routed.article.id,
        url=routed.url,
        sketch=routed.sketch,
        published_at=routed.article.published_at,
        events=[e.model_copy(update={"evidence": {}}) for e in events],
        fingerprint=fingerprint or body_fingerprint(routed.article),
    )
    kept = [r for r in records if r.article_id != record.article_id]
    store.put(key, _BODY_RECORDS.dump_json([*kept, record][-MAX_RECORDS_PER_BODY_KEY:]))
    store.expiry.add(store, shard, routed.article.published_at, key)


def copy_events(original: BodyRecord, article: Article) -> list[Event]:
    """The original's events as reports of `article`: ids of `article`, its outlet, link and
    publication time, and `duplicate_of` pointing at the event each one repeats."""
    if original.article_id == article.id:
        return list(original.events)
    ordinals: dict[str, int] = {}
    copies: list[Event] = []
    for event in original.events:
        ordinal = ordinals.get(event.type, 0)
        ordinals[event.type] = ordinal + 1
        copies.append(
            event.model_copy(
                update={
                    "event_id": event_id(article.id, event.type, ordinal),
                    "article_id": article.id,
                    "published_at": article.published_at,
                    "outlet": article.outlet,
                    "url": article.url,
                    "duplicate_of": event.event_id,
                }
            )
        )
    return copies


_REPORT_FIELDS = frozenset(
    {"event_id", "article_id", "published_at", "outlet", "url", "evidence", "duplicate_of"}
)
"""What differs between two articles' reports of one event without their saying anything
different about it."""


def _says(event: Event) -> dict[str, object]:
    return event.model_dump(exclude=set(_REPORT_FIELDS))


def mark_copies(original: BodyRecord, events: list[Event]) -> tuple[list[Event], bool]:
    """The events extracted from a near-copy of `original`, each one that says exactly what
    one of the original's events says marked `duplicate_of` it (each original event matched
    once); and whether all of them were so marked. An event with another figure, date or
    place is the article's own report and stays unmarked, so its figures are folded in."""
    unmatched = list(original.events)
    marked: list[Event] = []
    for event in events:
        says = _says(event)
        match = next((o for o in unmatched if o.type == event.type and _says(o) == says), None)
        if match is None:
            marked.append(event)
            continue
        unmatched.remove(match)
        marked.append(event.model_copy(update={"duplicate_of": match.event_id}))
    return marked, all(e.duplicate_of is not None for e in marked)


@dataclass(frozen=True)
class ArticleOutcome:
    events: list[Event]
    seen: Seen | None
    """The earlier article this one repeats; None when it brought anything new."""
    revises: Seen | None = None
    """The earlier article this one is a revised copy of (another text, and events that
    differ from the earlier article's): extracted, its changed events folded in as its own."""


def process_article(
    store: KeyValue,
    shard: str,
    routed: RoutedArticle,
    window: dt.timedelta,
    extract: Callable[[Article], list[Event]],
) -> ArticleOutcome:
    """The body step: reuse the events of the article this one repeats, or extract and file
    it. Only a repeat of the same text (same id, or same body fingerprint) takes the
    original's events unread; a near-copy (same URL, or near-identical body) is extracted
    again, since a re-issued article often differs just where it matters (a toll updated from
    28 to 38): its events that say the same as the original's are marked as copies of them,
    the others are its own. `extract` errors propagate (nothing is filed for the article)."""
    seen = find_original(store, shard, routed, window)
    fingerprint = body_fingerprint(routed.article)
    if seen is not None and (seen.match == "repost" or seen.original.fingerprint == fingerprint):
        return ArticleOutcome(copy_events(seen.original, routed.article), seen)
    events = extract(routed.article)
    if seen is not None:
        events, all_copies = mark_copies(seen.original, events)
        if all_copies:
            return ArticleOutcome(events, seen)
    remember(store, shard, routed, events, window, fingerprint)
    return ArticleOutcome(events, None, revises=seen)
