"""The webhook forwarder: POST every alert on the alerts topic to one URL, signed, with retries.

The first half of this module is plain functions (signing, status classification, backoff);
the second half is the consumer loop that applies them.

Delivery is at least once, and exactly once while nothing crashes: an alert's offset is
committed only after the receiver answered 2xx (or the alert was given up on, which is logged
and counted), one partition at a time and in order. A partition whose head alert waits for a
retry is paused and rewound to that alert, so the alerts behind it wait too while the other
partitions go on, and the consumer keeps polling (and so keeps its group membership) however
long the receiver stays down.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import enum
import hashlib
import hmac
import logging
import random
import signal
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import aiohttp
from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener, TopicPartition
from aiokafka.errors import KafkaError
from pydantic import ValidationError

from schemas import Alert
from warwire import codec, metrics
from warwire.config import MIN_SECRET_LENGTH, ForwarderSettings, Settings
from warwire.kafka_io import client_options, ensure_topics

log = logging.getLogger("warwire.forward")

SIGNATURE_HEADER = "X-Warwire-Signature"
TIMESTAMP_HEADER = "X-Warwire-Timestamp"
ATTEMPT_HEADER = "X-Warwire-Attempt"
IDEMPOTENCY_HEADER = "Idempotency-Key"
SIGNATURE_TOLERANCE = 300.0
"""How far (seconds) a receiver should let the signed timestamp be from its own clock."""

OUTCOMES = ("delivered", "rejected", "failed", "invalid")
"""delivered: 2xx. rejected: the receiver refused this alert (a permanent 4xx). failed: gave up
after `max_attempts` retryable failures. invalid: the message is not an alert."""
ATTEMPT_RESULTS = ("2xx", "3xx", "4xx", "5xx", "error")
for _outcome in OUTCOMES:
    metrics.FORWARD_DELIVERIES.labels(outcome=_outcome)
for _result in ATTEMPT_RESULTS:
    metrics.FORWARD_ATTEMPTS.labels(result=_result)


# --- signing -------------------------------------------------------------------------------


def signed_material(timestamp: str, body: bytes) -> bytes:
    """What the signature covers: the timestamp header's value, a dot, then the body."""
    return timestamp.encode("ascii") + b"." + body


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """The `X-Warwire-Signature` value: `sha256=` and the hex HMAC-SHA256 of the material."""
    digest = hmac.new(secret.encode(), signed_material(timestamp, body), hashlib.sha256)
    return f"sha256={digest.hexdigest()}"


def verify(
    secret: str,
    timestamp: str,
    body: bytes,
    signature: str,
    *,
    now: float | None = None,
    tolerance: float = SIGNATURE_TOLERANCE,
) -> bool:
    """What a receiver checks: the signature matches and the timestamp is recent."""
    if not (timestamp.isascii() and timestamp.isdigit()):
        return False
    current = time.time() if now is None else now
    if abs(current - int(timestamp)) > tolerance:
        return False
    # As bytes: compare_digest refuses str with non-ASCII characters instead of saying no.
    expected = sign(secret, timestamp, body).encode()
    return hmac.compare_digest(expected, signature.encode("utf-8", "surrogateescape"))


def request_headers(
    secret: str, alert_id: str, body: bytes, attempt: int, now: float
) -> dict[str, str]:
    """The headers of one POST. The timestamp is that of the attempt, so that a retry hours
    later still passes the receiver's freshness check; the body and its key never change."""
    timestamp = str(int(now))
    return {
        "Content-Type": "application/json",
        "User-Agent": "warwire-forwarder",
        IDEMPOTENCY_HEADER: alert_id,
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: sign(secret, timestamp, body),
        ATTEMPT_HEADER: str(attempt),
    }


# --- what a response means -----------------------------------------------------------------


class Verdict(enum.Enum):
    DELIVERED = "delivered"
    RETRY = "retry"
    REJECTED = "rejected"


TRANSIENT_STATUSES = frozenset({408, 425, 429})
ENDPOINT_STATUSES = frozenset({401, 403, 404, 405, 407, 410, 421})
"""4xx answers that say the URL or the credentials are wrong, not this alert. Skipping on
them would throw every alert away during a misconfiguration, so they are retried like an
outage (and show up as result="4xx" attempts) until someone fixes the receiver."""


def classify(status: int | None) -> Verdict:
    """None stands for no response at all: connection refused or reset, timeout."""
    if status is None:
        return Verdict.RETRY
    if 200 <= status < 300:
        return Verdict.DELIVERED
    if status >= 500 or status in TRANSIENT_STATUSES or status in ENDPOINT_STATUSES:
        return Verdict.RETRY
    if 300 <= status < 400:
        # Redirects are not followed (a POST body must not be re-sent elsewhere or turned
        # into a GET): the configured URL is wrong, as with ENDPOINT_STATUSES.
        return Verdict.RETRY
    return Verdict.REJECTED


def result_label(status: int | None) -> str:
    """The `result` label of the attempts counter."""
    if status is None:
        return "error"
    label = f"{status // 100}xx"
    return label if label in ATTEMPT_RESULTS else "error"


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or None
    when absent or unreadable."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with jitter, capped; Retry-After as a lower bound, itself capped."""

    initial: float = 0.5
    maximum: float = 60.0
    max_attempts: int = 0
    """0: retry for as long as it takes."""
    retry_after_max: float = 300.0

    @classmethod
    def from_settings(cls, settings: ForwarderSettings) -> RetryPolicy:
        return cls(
            initial=settings.backoff_initial,
            maximum=settings.backoff_max,
            max_attempts=settings.max_attempts,
            retry_after_max=settings.retry_after_max,
        )

    def backoff(self, attempt: int, jitter: float) -> float:
        """The wait after failed attempt number `attempt` (1-based): initial x 2^(attempt-1),
        capped at `maximum`, then scaled into its upper half by `jitter` in [0, 1) so that
        forwarders hit by the same outage do not retry in lockstep."""
        ceiling = min(self.maximum, self.initial * 2.0 ** min(attempt - 1, 62))
        return ceiling * (0.5 + 0.5 * jitter)

    def delay(self, attempt: int, retry_after: float | None, jitter: float) -> float:
        backoff = self.backoff(attempt, jitter)
        if retry_after is None:
            return backoff
        return max(backoff, min(retry_after, self.retry_after_max))

    def gives_up(self, attempts: int) -> bool:
        return self.max_attempts > 0 and attempts >= self.max_attempts


# --- HTTP ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttemptResult:
    status: int | None
    """None: no HTTP response (connection error or timeout)."""
    retry_after: float | None = None
    detail: str = ""
    """The start of the response body, or the error, for the log."""


class WebhookClient:
    """POSTs signed alert bodies to one URL over a kept-alive aiohttp session."""

    def __init__(self, url: str, secret: str, timeout: float) -> None:
        self.url = url
        self._secret = secret
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout))

    async def post(self, body: bytes, alert_id: str, attempt: int) -> AttemptResult:
        headers = request_headers(self._secret, alert_id, body, attempt, time.time())
        try:
            async with self._session.post(
                self.url, data=body, headers=headers, allow_redirects=False
            ) as response:
                excerpt = await response.content.read(300)
                return AttemptResult(
                    status=response.status,
                    retry_after=parse_retry_after(response.headers.get("Retry-After")),
                    detail=excerpt.decode("utf-8", "replace"),
                )
        except (aiohttp.ClientError, TimeoutError) as exc:
            return AttemptResult(status=None, detail=repr(exc))

    async def close(self) -> None:
        await self._session.close()


# --- the consumer loop ---------------------------------------------------------------------


@dataclass
class _Retrying:
    """The head alert of a paused partition."""

    offset: int
    attempts: int
    started: float
    due: float
    paused: bool = True


class _Rebalance(ConsumerRebalanceListener):  # type: ignore[misc]
    def __init__(self, forwarder: Forwarder) -> None:
        self._forwarder = forwarder

    async def on_partitions_revoked(self, revoked: Iterable[TopicPartition]) -> None:
        await self._forwarder.partitions_revoked(revoked)

    async def on_partitions_assigned(self, assigned: Iterable[TopicPartition]) -> None:
        log.info("assigned %s", sorted(tp.partition for tp in assigned))


class Forwarder:
    """Consumes the alerts topic in its own group and hands each alert to a WebhookClient."""

    BATCH = 50

    def __init__(
        self,
        consumer: Any,
        client: WebhookClient,
        policy: RetryPolicy,
        stop: asyncio.Event,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self._consumer = consumer
        self._client = client
        self._policy = policy
        self._stop = stop
        self._jitter = jitter
        # Held from the start of a POST until its offset is committed, so a rebalance waits
        # for the delivery in flight instead of handing its partition over uncommitted.
        self._delivering = asyncio.Lock()
        self._generation = 0
        self._retrying: dict[TopicPartition, _Retrying] = {}

    async def partitions_revoked(self, revoked: Iterable[TopicPartition]) -> None:
        self._generation += 1
        async with self._delivering:
            pass
        for tp in revoked:
            self._retrying.pop(tp, None)

    async def run(self) -> None:
        while not self._stop.is_set():
            self._resume_due()
            try:
                batches: Mapping[TopicPartition, list[Any]] = await self._consumer.getmany(
                    timeout_ms=int(self._poll_timeout() * 1000), max_records=self.BATCH
                )
            except KafkaError as exc:
                log.warning("polling the alerts topic failed, retrying: %r", exc)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stop.wait(), timeout=1.0)
                continue
            generation = self._generation
            for tp, records in batches.items():
                for record in records:
                    if self._stop.is_set() or not await self._handle(tp, record, generation):
                        break

    def _poll_timeout(self) -> float:
        now = time.monotonic()
        waiting = [r.due for r in self._retrying.values() if r.paused]
        return max(0.0, min(0.5, min(waiting, default=now + 0.5) - now))

    def _resume_due(self) -> None:
        now = time.monotonic()
        for tp, retrying in self._retrying.items():
            if retrying.paused and retrying.due <= now:
                retrying.paused = False
                with contextlib.suppress(KafkaError):  # IllegalStateError: not assigned
                    self._consumer.resume(tp)

    async def _handle(self, tp: TopicPartition, record: Any, generation: int) -> bool:
        """Deliver one record. False when its partition must not go on in this batch: the
        alert waits for a retry, or the partitions were reassigned meanwhile."""
        async with self._delivering:
            if generation != self._generation:
                return False
            where = f"partition {tp.partition} offset {record.offset}"
            body: bytes = record.value or b""
            try:
                alert_id = codec.loads(Alert, body).alert_id
            except (ValueError, ValidationError) as exc:
                log.error("skipping %s of %s: not an alert (%s)", where, tp.topic, exc)
                return await self._finish(tp, record.offset, "invalid")

            previous = self._retrying.get(tp)
            if previous is not None and previous.offset == record.offset:
                attempts, started = previous.attempts + 1, previous.started
            else:
                attempts, started = 1, time.monotonic()
            result = await self._client.post(body, alert_id, attempts)
            metrics.FORWARD_ATTEMPTS.labels(result=result_label(result.status)).inc()
            verdict = classify(result.status)
            answer = f"HTTP {result.status}" if result.status is not None else "no response"

            if verdict is Verdict.DELIVERED:
                metrics.FORWARD_DURATION.observe(time.monotonic() - started)
                log.info("delivered alert %s (%s, attempt %d)", alert_id, where, attempts)
                return await self._finish(tp, record.offset, "delivered")
            if verdict is Verdict.REJECTED:
                log.error(
                    "alert %s refused with %s, skipped for good (%s): %s",
                    alert_id,
                    answer,
                    where,
                    result.detail,
                )
                return await self._finish(tp, record.offset, "rejected")
            if self._policy.gives_up(attempts):
                log.error(
                    "alert %s not delivered after %d attempts, last %s, given up (%s): %s",
                    alert_id,
                    attempts,
                    answer,
                    where,
                    result.detail,
                )
                return await self._finish(tp, record.offset, "failed")

            wait = self._policy.delay(attempts, result.retry_after, self._jitter())
            log.warning(
                "alert %s attempt %d: %s, retrying in %.1fs: %s",
                alert_id,
                attempts,
                answer,
                wait,
                result.detail,
            )
            self._retrying[tp] = _Retrying(
                record.offset, attempts, started, time.monotonic() + wait
            )
            with contextlib.suppress(KafkaError):  # IllegalStateError: not assigned any more
                self._consumer.seek(tp, record.offset)
                self._consumer.pause(tp)
            return False

    async def _finish(self, tp: TopicPartition, offset: int, outcome: str) -> bool:
        metrics.FORWARD_DELIVERIES.labels(outcome=outcome).inc()
        self._retrying.pop(tp, None)
        try:
            await self._consumer.commit({tp: offset + 1})
        except KafkaError as exc:
            # A later commit on this partition covers this one; if none comes before a
            # restart, the alert is sent again (same Idempotency-Key).
            log.warning("commit of %s offset %d failed: %r", tp, offset, exc)
        return True


def check_url(url: str) -> str | None:
    """Why `url` cannot be a webhook URL, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"not an http(s) URL: {redacted(url)!r}"
    return None


def redacted(url: str) -> str:
    """`url` fit for a log: no password or user, no query values (tokens often live there)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    if parts.username or parts.password:
        host = f"***@{host}"
    query = "&".join(f"{pair.split('=', 1)[0]}=***" for pair in parts.query.split("&") if pair)
    return urlunsplit((parts.scheme, host, parts.path, query, ""))


def signing_secret(settings: Settings, given: str | None) -> tuple[str, str | None]:
    """The HMAC key (from --secret, the secret file, or the environment) and why it cannot be
    used, if it cannot."""
    options = settings.forward
    key = given or options.secret.get_secret_value()
    if not given and options.secret_file:
        try:
            key = Path(options.secret_file).read_text(encoding="utf-8").strip()
        except OSError as exc:
            return "", f"cannot read WARWIRE_FORWARD_SECRET_FILE {options.secret_file}: {exc}"
    if not key:
        return "", (
            "no signing secret: set WARWIRE_FORWARD_SECRET_FILE or WARWIRE_FORWARD_SECRET, "
            "or pass --secret"
        )
    if len(key) < MIN_SECRET_LENGTH:
        return "", f"the signing secret is shorter than {MIN_SECRET_LENGTH} characters"
    return key, None


async def forward(
    settings: Settings, url: str, secret: str, group: str, stop: asyncio.Event
) -> None:
    """Forward alerts until `stop` is set; the delivery in flight then finishes first."""
    try:
        await ensure_topics(settings)
    except KafkaError as exc:  # e.g. no permission to create topics: they may exist anyway
        log.warning("could not check the topics: %r", exc)
    client = WebhookClient(url, secret, settings.forward.timeout)
    consumer = AIOKafkaConsumer(
        **client_options(settings),
        group_id=group,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        session_timeout_ms=int(settings.session_timeout * 1000),
        heartbeat_interval_ms=int(settings.heartbeat_interval * 1000),
        # The loop polls between batches; a batch may take a timeout per alert.
        max_poll_interval_ms=int((Forwarder.BATCH * settings.forward.timeout + 300) * 1000),
    )
    forwarder = Forwarder(consumer, client, RetryPolicy.from_settings(settings.forward), stop)
    consumer.subscribe([settings.topics.alerts], listener=_Rebalance(forwarder))
    try:
        delay = 0.5
        while not stop.is_set():
            try:
                await consumer.start()
                break
            except KafkaError as exc:
                log.warning("broker unreachable, retrying in %.0fs: %r", delay, exc)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=delay)
                delay = min(delay * 2, 30.0)
        if stop.is_set():
            return
        metrics_at = (
            f"http://{settings.metrics_host}:{settings.metrics_port}/metrics"
            if settings.metrics_port
            else "off"
        )
        print(
            f"warwire forward: ready: broker {settings.broker}, reading {settings.topics.alerts}, "
            f"group {group}, posting to {redacted(url)}, metrics {metrics_at}",
            flush=True,
        )
        await forwarder.run()
    finally:
        with contextlib.suppress(Exception):
            await consumer.stop()
        await client.close()


def run_forwarder(
    settings: Settings, url: str, *, secret: str | None = None, group: str | None = None
) -> int:
    """`warwire forward`: run until SIGINT or SIGTERM. Returns the exit status."""
    key, problem = signing_secret(settings, secret)
    problem = check_url(url) or problem
    if problem:
        print(f"warwire forward: {problem}", file=sys.stderr)
        return 2
    try:
        server = metrics.serve_forwarder_metrics(settings.metrics_port, settings.metrics_host)
    except metrics.MetricsPortUnavailable as exc:
        print(f"warwire forward: {exc}", file=sys.stderr)
        return 1

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await forward(settings, url, key, group or f"{settings.app_id}-forwarder", stop)

    try:
        asyncio.run(main())
    finally:
        if server is not None:
            server.shutdown()
            server.server_close()
    return 0
