"""The Faust application: topics, tables and thin agents around the pure pipeline.

    articles         --[process-articles]--> articles.by-url (keyed by canonical URL),
                                             articles.dlq, receipts (rejected articles),
                                             articles.by-id (an article off its id's partition)
    articles.by-id   --[check-ids]---------> articles.by-url, or articles.dlq and receipts
    articles.by-url  --[check-urls]--------> articles.by-body (keyed by body key)
    articles.by-body --[extract-articles]--> events (keyed by blocking key), receipts
    events           --[fold-events]-------> incidents (keyed by incident id), alerts

Each hop is keyed by what its state is looked up by, so every lookup is local to the
partition being processed, whatever the number of workers: the URL records of one URL, the
body records of one body key, the incidents of one blocking key. docs/incidents-and-alerts.md
explains the design.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import logging
import ssl
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

import faust
from aiokafka.partitioner import murmur2
from faust.types import EventT
from pydantic import BaseModel

from schemas import Article, DeadLetter, EventEnvelope, Incident, Receipt
from streams.state import MARK_PREFIX, StagedKeyValue, StagedTableState
from streams.transport import WorkerApp
from warwire import batch_guard, codec, metrics, seen
from warwire.articles import Record, Rejected, body_fingerprint, decode_article
from warwire.articles import dead_letter as build_dead_letter
from warwire.barriers import HEADER as BARRIER_HEADER
from warwire.barriers import Aligner, Barrier
from warwire.broker import bootstrap_servers
from warwire.budget import TooSlow, call_within
from warwire.config import Settings
from warwire.dedup import BlockMark, blocking_key
from warwire.extract.core import extract_events_strict
from warwire.kafka_io import (
    PRODUCER_MAX_REQUEST_BYTES,
    PermanentSendError,
    key_partition,
    send_until_accepted,
)
from warwire.pipeline import FoldOutcome, fold_and_alert, release_pending

log = logging.getLogger("warwire.worker")

Model = TypeVar("Model", bound=BaseModel)

TIMESTAMP_HEADER = "warwire-produced-at"
SETTLE_RESCAN_TICKS = 5
ROUND_TIMEOUT = 60.0
"""Seconds after which a progress round not yet back is taken as lost and another one starts.
A rebalance, which may lose a round (its barriers read by a worker that lost their
partitions), starts another at once; a round is slow only behind a long backlog."""


def create_app(settings: Settings) -> faust.App:
    """Build the worker application for `settings` (the broker must already be reachable)."""
    batch_guard.install()
    app = WorkerApp(
        settings.app_id,
        fetch_max_wait_ms=settings.fetch_max_wait_ms,
        broker=[f"kafka://{h}" for h in bootstrap_servers(settings.broker).split(",")],
        broker_credentials=_credentials(settings),
        key_serializer="raw",
        value_serializer="raw",
        topic_partitions=settings.topics.partitions,
        topic_replication_factor=settings.topics.replication_factor,
        topic_allow_declare=True,
        topic_disable_leader=True,
        broker_session_timeout=settings.session_timeout,
        broker_heartbeat_interval=settings.heartbeat_interval,
        producer_max_batch_size=settings.producer_max_batch_size,
        # Faust's own default is 1,000,000: under an article at the size limit plus the
        # routing header. This is aiokafka's default, and under Kafka's message.max.bytes.
        producer_max_request_size=PRODUCER_MAX_REQUEST_BYTES,
        producer_linger=settings.producer_linger_ms / 1000,
        consumer_auto_offset_reset="earliest",
        store="memory://",
        datadir=settings.data_dir,
        web_enabled=False,
        table_cleanup_interval=60.0,
    )
    topic_names = settings.topics
    articles = app.topic(topic_names.articles, partitions=topic_names.partitions)
    events = app.topic(topic_names.events, partitions=topic_names.partitions)
    incidents = app.topic(
        topic_names.incidents,
        partitions=topic_names.partitions,
        config={"cleanup.policy": "compact"},
    )
    alerts = app.topic(topic_names.alerts, partitions=topic_names.partitions)
    dead_letters = app.topic(topic_names.dead_letters, partitions=topic_names.partitions)
    receipts = app.topic(topic_names.receipts, partitions=topic_names.partitions)
    articles_by_id = app.topic(topic_names.articles_by_id, partitions=topic_names.partitions)
    articles_by_url = app.topic(topic_names.articles_by_url, partitions=topic_names.partitions)
    articles_by_body = app.topic(topic_names.articles_by_body, partitions=topic_names.partitions)

    # Keys go through JSON so they come back as the same str after recovery; values are the
    # orjson bytes of the pydantic models.
    state_schema: faust.Schema[Any, Any] = faust.Schema(
        key_serializer="json", value_serializer="raw"
    )

    def state_table(name: str) -> Any:
        # value_type=bytes makes the table's own serializer raw as well: with only the schema
        # raw, Faust restores changelog values JSON-decoded (dicts, not the bytes written) and
        # stalls recovery for good on a value that is not JSON.
        return app.Table(
            name,
            partitions=topic_names.partitions,
            schema=state_schema,
            key_type=str,
            value_type=bytes,
        )

    incident_table = state_table("incident-state")
    bucket_table = state_table("bucket-state")
    # Article id -> the body processed under it, to refuse a reused id. Article-level dedup:
    # canonical URL -> first article with it; body key -> the articles filed under it, with
    # their sketches and events. Each record expires with the dedup window.
    id_table = state_table("seen-ids")
    url_table = state_table("seen-urls")
    body_table = state_table("seen-bodies")
    grace = dt.timedelta(days=settings.dedup_grace_days)
    # Blocks with alerts waiting for a progress round -> their events partition, as this
    # process has seen them; a look at the marks every few ticks also finds those recovered
    # from the changelog after a rebalance or a restart.
    waiting: dict[str, int] = {}
    partitions = topic_names.partitions
    # Barriers read per step and partition. Kept through a rebalance: a barrier read before
    # it still vouches for everything ahead of it in its partition, whoever read that.
    # The URL step has two inputs: articles sent on directly (barriers stamped with their
    # articles partition) and those that went through the id check (stamped partitions +
    # their articles.by-id partition), so it waits for a barrier from both paths.
    aligners = {
        "id": Aligner(partitions),
        "url": Aligner(2 * partitions),
        "body": Aligner(partitions),
        "fold": Aligner(partitions),
    }
    rounds = _Rounds(uuid.uuid4().hex[:12])
    # When each event's article entered the articles topic, for the article-to-alert latency of
    # alerts a progress round releases later (the round's barrier carries no such time).
    # Process-local and bounded: after a rebalance a released alert may go unmeasured.
    entered_at: OrderedDict[str, float] = OrderedDict()
    id_expiry, url_expiry, body_expiry = (
        seen.ExpiryIndex(grace, settings.dedup_max_articles) for _ in range(3)
    )

    @app.on_partitions_revoked.connect
    async def forget_expiry_indexes(sender: Any, /, *args: Any, signal: Any, **kwargs: Any) -> None:
        # Rebuilt from the tables, recovered by then, when the next article is processed.
        for index in (id_expiry, url_expiry, body_expiry):
            index.clear()
        waiting.clear()
        rounds.started = None

    window = dt.timedelta(days=settings.dedup_window_days)

    def within_budget(article: Article) -> list[Any]:
        return call_within(
            settings.extract_budget_seconds, functools.partial(extract_events_strict, article)
        )

    async def dead_letter(message: Any, rejected: Rejected) -> None:
        await send_dead_letter(message, rejected)
        metrics.ARTICLES_REJECTED.labels(reason=rejected.reason).inc()

    async def send_dead_letter(message: Any, rejected: Rejected) -> None:
        await send_letter(build_dead_letter(rejected, consumed(message)))

    async def send_letter(letter: DeadLetter) -> None:
        # Keyed like the message it holds (the key cut as on receipts).
        key = output_key(base64.b64decode(letter.key_base64 or "")) or None
        where = f"{letter.topic}/{letter.partition}@{letter.offset}"
        try:
            await send_until_accepted(
                lambda: dead_letters.send(key=key, value=codec.dumps(letter)),
                f"dead letter for {where}",
            )
            return
        except PermanentSendError as exc:
            # A broker whose message limit is under the letter's size: the letter goes
            # without the original; topic, partition and offset still point at it.
            note = f"[the letter with the original was refused for good: {exc}]"
            letter = letter.model_copy(
                update={
                    "original_base64": "",
                    "headers": [],
                    "detail": f"{letter.detail[:2000]} {note}".strip(),
                }
            )
        try:
            await send_until_accepted(
                lambda: dead_letters.send(key=key, value=codec.dumps(letter)),
                f"dead letter for {where}, without the original",
            )
        except PermanentSendError:
            log.error("no dead letter could be written for %s", where)

    async def send_receipt(key: bytes | None, receipt: Receipt) -> None:
        where = f"{receipt.topic}/{receipt.partition}@{receipt.offset}"
        try:
            await send_until_accepted(
                lambda: receipts.send(key=key, value=codec.dumps(receipt)),
                f"receipt for {where}",
            )
        except PermanentSendError:  # receipts are small: only a tiny broker limit does this
            log.error("no receipt could be written for %s", where)

    async def decoded(message: Any, parse: Callable[[Any], Model]) -> Model | None:
        """The internal message parsed, or None once a message that is not one (written by
        something else than a worker) has been dead-lettered: it must not stop the agent."""
        try:
            return parse(message)
        except Exception as exc:
            rejected = Rejected("invalid_internal_message", f"{type(exc).__name__}: {exc}")
            await send_dead_letter(message, rejected)
            metrics.INTERNAL_MESSAGES_REJECTED.labels(topic=message.topic).inc()
            _record_lag(message)
            return None

    @app.agent(articles, name="process-articles")
    async def process_articles(stream: faust.StreamT[bytes]) -> None:
        async for event in stream.events():
            await _handle_article(event)

    async def _handle_article(event: EventT[bytes]) -> None:
        message = event.message
        if await _pass_barrier(message, None, articles_by_url, articles_by_id):
            return
        metrics.ARTICLES_CONSUMED.inc()
        started = time.perf_counter()
        receipt = Receipt(
            topic=message.topic,
            partition=message.partition,
            offset=message.offset,
            article_id=None,
            outcome="processed",
        )
        # Only the processing steps are guarded: an error in them dead-letters this one
        # article. The sends below are not, so a broker failure stalls the article (retried,
        # logged, offset uncommitted) instead of dead-lettering or dropping it.
        rejection: Rejected | None = None
        state = StagedKeyValue(id_table, id_expiry)
        try:
            article = decode_article(message.value)
            receipt.article_id = article.id
            source = seen.Source.of(consumed(message))
            routed = seen.route(article, source, _timestamp_header(message), message.value or b"")
            # The id record of an article lives in the partition its id is keyed to. An article
            # posted with that key is there already; any other (no key, another key, another
            # partitioner) goes through articles.by-id, keyed by id, to be checked there.
            # Last, so that a rejection stages no record of the id.
            local = message.partition == key_partition(article.id.encode(), topic_names.partitions)
            recorded = local and seen.check_article_id(
                state, str(message.partition), article, body_fingerprint(article), window
            )
            metrics.STAGE_DURATION.labels(stage="validate").observe(time.perf_counter() - started)
        except Rejected as rejected:
            rejection = rejected
        except Exception as exc:
            log.exception("article at %s/%s@%s", message.topic, message.partition, message.offset)
            rejection = Rejected(
                "internal_error", f"{type(exc).__name__}: {exc}", receipt.article_id
            )
        if rejection is None:
            # The receipt of a valid article is sent by the last article step.
            try:
                if local:
                    await _to_url_check(routed)
                else:
                    await _to_id_check(routed)
            except PermanentSendError as exc:
                rejection = refused(exc, article.id)
                if recorded:
                    seen.forget_article_id(state, str(message.partition), article)
        if rejection is not None:
            receipt.outcome, receipt.reason = "dead_lettered", rejection.reason
            receipt.article_id = receipt.article_id or rejection.article_id
            await dead_letter(message, rejection)
            await send_receipt(output_key(message.key), receipt)
            metrics.LAST_ARTICLE.set(time.time())
        # After the sends: a crash before this point repeats the article, never loses it.
        state.flush()
        _record_lag(message)

    async def _to_id_check(routed: seen.RoutedArticle) -> None:
        value, headers = seen.pack(routed)
        await send_until_accepted(
            functools.partial(
                articles_by_id.send,
                key=routed.article.id.encode(),
                value=value,
                headers=headers,
            ),
            f"article {routed.article.id} to the id check",
        )

    async def _to_url_check(routed: seen.RoutedArticle) -> None:
        value, headers = seen.pack(routed)
        await send_until_accepted(
            functools.partial(
                articles_by_url.send,
                key=seen.url_route_key(routed).encode(),
                value=value,
                headers=headers,
            ),
            f"article {routed.article.id} to the URL check",
        )

    async def _reject_routed(routed: seen.RoutedArticle, rejected: Rejected) -> Receipt:
        """Dead-letter an article a later step refused, with the message as the producer sent
        it; its receipt, for the caller to send."""
        article, source = routed.article, routed.source
        await send_letter(build_dead_letter(rejected, source.record(routed.raw)))
        metrics.ARTICLES_REJECTED.labels(reason=rejected.reason).inc()
        return Receipt(
            topic=source.topic,
            partition=source.partition,
            offset=source.offset,
            article_id=article.id,
            outcome="dead_lettered",
            reason=rejected.reason,
        )

    async def _send_receipt(routed: seen.RoutedArticle, receipt: Receipt) -> None:
        await send_receipt(output_key(routed.source.record(None).key) or None, receipt)
        metrics.LAST_ARTICLE.set(time.time())

    @app.agent(articles_by_id, name="check-ids")
    async def check_ids(stream: faust.StreamT[bytes]) -> None:
        async for event in stream.events():
            await _handle_id(event)

    async def _handle_id(event: EventT[bytes]) -> None:
        message = event.message
        if await _pass_barrier(message, aligners["id"], articles_by_url, stamp_offset=partitions):
            return
        routed = await decoded(message, _routed)
        if routed is None:
            return
        article = routed.article
        state = StagedKeyValue(id_table, id_expiry)
        try:
            recorded = seen.check_article_id(
                state, str(message.partition), article, body_fingerprint(article), window
            )
        except Rejected as rejected:
            await _send_receipt(routed, await _reject_routed(routed, rejected))
        else:
            try:
                await _to_url_check(routed)
            except PermanentSendError as exc:
                if recorded:
                    seen.forget_article_id(state, str(message.partition), article)
                await _send_receipt(routed, await _reject_routed(routed, refused(exc, article.id)))
        state.flush()
        _record_lag(message)

    @app.agent(articles_by_url, name="check-urls")
    async def check_urls(stream: faust.StreamT[bytes]) -> None:
        async for event in stream.events():
            await _handle_url(event)

    async def _handle_url(event: EventT[bytes]) -> None:
        message = event.message
        if await _pass_barrier(message, aligners["url"], articles_by_body):
            return
        routed = await decoded(message, _routed)
        if routed is None:
            return
        state = StagedKeyValue(url_table, url_expiry)
        routed = seen.check_url(state, str(message.partition), routed, window)
        value, headers = seen.pack(routed)
        try:
            await send_until_accepted(
                functools.partial(
                    articles_by_body.send,
                    key=routed.body_key.encode(),
                    value=value,
                    headers=headers,
                ),
                f"article {routed.article.id} to the body check",
            )
        except PermanentSendError as exc:
            rejected = refused(exc, routed.article.id)
            await _send_receipt(routed, await _reject_routed(routed, rejected))
        state.flush()
        _record_lag(message)

    @app.agent(articles_by_body, name="extract-articles")
    async def extract_articles(stream: faust.StreamT[bytes]) -> None:
        async for event in stream.events():
            await _handle_body(event)

    async def _handle_body(event: EventT[bytes]) -> None:
        message = event.message
        if await _pass_barrier(message, aligners["body"], events):
            return
        routed = await decoded(message, _routed)
        if routed is None:
            return
        article, source = routed.article, routed.source
        receipt = Receipt(
            topic=source.topic,
            partition=source.partition,
            offset=source.offset,
            article_id=article.id,
            outcome="processed",
        )
        state = StagedKeyValue(body_table, body_expiry)
        started = time.perf_counter()
        try:
            # The strict extractor raises instead of logging and returning no events, so a
            # failure is dead-lettered (and can be replayed) rather than lost.
            outcome = seen.process_article(
                state, str(message.partition), routed, window, within_budget
            )
        except TooSlow as exc:
            log.error("extraction of article %s stopped: %s", article.id, exc)
            detail = (
                f"extraction stopped {exc} (WARWIRE_EXTRACT_BUDGET_SECONDS); "
                f"{len(article.body)} characters of text"
            )
            receipt = await _reject_routed(routed, Rejected("too_slow", detail, article.id))
        except Exception as exc:  # the extractor must never take the worker down
            log.exception("extraction failed for article %s", article.id)
            rejected = Rejected("extraction_error", f"{type(exc).__name__}: {exc}", article.id)
            receipt = await _reject_routed(routed, rejected)
        else:
            if outcome.seen is None:
                metrics.STAGE_DURATION.labels(stage="extract").observe(
                    time.perf_counter() - started
                )
            elif outcome.seen.original.article_id != article.id:
                receipt.outcome, receipt.reason = "duplicate", outcome.seen.match
                metrics.DUPLICATE_ARTICLES.labels(reason=outcome.seen.match).inc()
            try:
                await _send_events(routed, outcome.events)
            except PermanentSendError as exc:
                # Not filed either (the state is not flushed): later copies must not take
                # events that were never folded.
                receipt = await _reject_routed(routed, refused(exc, article.id))
                await _send_receipt(routed, receipt)
                _record_lag(message)
                return
            receipt.event_ids = [e.event_id for e in outcome.events]
            metrics.ARTICLES_PROCESSED.inc()
        await _send_receipt(routed, receipt)
        # After the sends, and also after a failed extraction, whose state holds only the
        # expiry of older records.
        state.flush()
        _record_lag(message)

    async def _send_events(routed: seen.RoutedArticle, extracted: list[Any]) -> None:
        produced_at = routed.produced_at
        headers = {TIMESTAMP_HEADER: produced_at.encode()} if produced_at else None
        for extracted_event in extracted:
            await send_until_accepted(
                functools.partial(
                    events.send,
                    key=blocking_key(extracted_event).encode(),
                    value=codec.dumps(EventEnvelope(event=extracted_event)),
                    headers=headers,
                ),
                f"event {extracted_event.event_id}",
            )
            metrics.EVENTS_EXTRACTED.labels(type=extracted_event.type).inc()

    @app.agent(events, name="fold-events")
    async def fold_events(stream: faust.StreamT[bytes]) -> None:
        async for event in stream.events():
            await _handle_event(event)

    async def _handle_event(event: EventT[bytes]) -> None:
        message = event.message
        started = time.perf_counter()
        barrier = _barrier(message)
        if barrier is not None:
            if aligners["fold"].arrive(message.partition, barrier):
                await _round_done(message, barrier)
            _record_lag(message)
            return
        state = StagedTableState(incident_table, bucket_table)
        envelope = await decoded(message, _envelope)
        if envelope is None:
            return
        extracted = envelope.event
        produced_at = _header(message, TIMESTAMP_HEADER)
        if produced_at:
            entered_at[extracted.event_id] = float(produced_at)
            while len(entered_at) > MAX_ENTRY_TIMES:
                entered_at.popitem(last=False)
        outcome = fold_and_alert(
            state,
            extracted,
            window,
            settings.thresholds,
            grace,
            settings.dedup_max_reports,
            now=time.time(),
        )
        metrics.STAGE_DURATION.labels(stage="fold").observe(time.perf_counter() - started)
        if any(i.alerts_pending for i in outcome.published):
            waiting[blocking_key(extracted)] = message.partition
        await _publish(message, state, outcome)
        metrics.record_fold(outcome.incident, outcome.changed, outcome.late)
        _record_lag(message)

    async def _publish(message: Any, state: StagedTableState, outcome: FoldOutcome) -> None:
        for alert in outcome.alerts:
            # Wait for the broker to take each alert before the state that remembers it is
            # written, so a crash in between can only repeat the alert, never lose it.
            sent = await alerts.send(key=alert.incident_id.encode(), value=codec.dumps(alert))
            await sent
            metrics.ALERTS_PUBLISHED.labels(kind=alert.kind).inc()
            produced_at = entered_at.get(alert.event_id or "")
            if produced_at is not None:
                metrics.ARTICLE_TO_ALERT.observe(max(0.0, time.time() - produced_at))
        state.flush()
        # A redelivered event changes nothing, but its incident is sent again in case the
        # first send was lost with the crash that caused the redelivery.
        for incident in outcome.published:
            await incidents.send(key=incident.incident_id.encode(), value=codec.dumps(incident))
        for removed in outcome.removed:
            # Empty: a late report regrouped this incident's reports into others.
            await incidents.send(key=removed.encode(), value=b"")

    async def _pass_barrier(
        message: Any, aligner: Aligner | None, *onward: Any, stamp_offset: int = 0
    ) -> bool:
        """A progress barrier: sent on to every partition of each next topic once it has come
        from every partition of this one (`warwire.barriers`), stamped with the partition it
        came from (plus `stamp_offset`, where a next step has two inputs). False for any
        other message."""
        barrier = _barrier(message)
        if barrier is None:
            return False
        if aligner is None or aligner.arrive(message.partition, barrier):
            stamped = barrier.sent_on(stamp_offset + message.partition).encode()
            header = {BARRIER_HEADER: stamped}
            for topic in onward:
                for partition in range(partitions):
                    await send_until_accepted(
                        functools.partial(
                            topic.send, value=b"", partition=partition, headers=header
                        ),
                        f"progress barrier to {topic.get_topic_name()}/{partition}",
                    )
        _record_lag(message)
        return True

    async def _round_done(message: Any, barrier: Barrier) -> None:
        """Every article posted before the round began has been folded in this partition:
        the alerts of its blocks that began to wait before then go out."""
        rounds.done(barrier)
        log.debug(
            "progress round %s back in %s/%s after %.2f s",
            barrier.round,
            message.topic,
            message.partition,
            time.time() - barrier.posted_at,
        )
        for block, partition in sorted(waiting.items()):
            if partition != message.partition:
                continue
            state = StagedTableState(incident_table, bucket_table)
            released = release_pending(state, block, settings.thresholds, barrier.posted_at)
            mark = state.get_mark(block)
            if mark is None or not mark.pending:
                del waiting[block]
            if released is not None:
                await _publish(message, state, released)
            else:
                state.flush()

    ticks = 0

    @app.timer(interval=settings.dedup_settle_seconds)  # type: ignore[untyped-decorator]
    async def settle_blocks() -> None:
        """While alerts wait, start a progress round (one at a time per worker)."""
        nonlocal ticks
        ticks += 1
        if ticks % SETTLE_RESCAN_TICKS == 0:
            # Marks recovered from the changelog after a restart or a rebalance.
            events_topic = events.get_topic_name()
            owned = {
                tp.partition for tp in app.assignor.assigned_actives() if tp.topic == events_topic
            }
            for key, raw in list(bucket_table.items()):
                if key.startswith(MARK_PREFIX) and codec.loads(BlockMark, bytes(raw)).pending:
                    block = key.removeprefix(MARK_PREFIX)
                    if (partition := _partition_of(block, partitions)) in owned:
                        waiting.setdefault(block, partition)
        barrier = rounds.start(time.time()) if waiting else None
        if barrier is None:
            return
        header = {BARRIER_HEADER: barrier.encode()}
        log.debug("progress round %s posted, alerts waiting in %s", barrier.round, sorted(waiting))
        for partition in range(partitions):
            await articles.send(value=b"", partition=partition, headers=header)

    @app.timer(interval=0.5)  # type: ignore[untyped-decorator]
    async def dead_letter_skipped_batches() -> None:
        for skipped in batch_guard.drain():
            await _dead_letter_batch(skipped)

    async def _dead_letter_batch(skipped: batch_guard.SkippedBatch) -> None:
        first, last = skipped.first_offset, skipped.last_offset
        rejected = Rejected(
            "undecodable_batch",
            f"record batch at {skipped.topic}/{skipped.partition} offsets {first}-{last} "
            f"could not be decoded and was skipped: {skipped.error}",
        )
        letter = build_dead_letter(
            rejected, Record(topic=skipped.topic, partition=skipped.partition, offset=first)
        ).model_copy(update={"last_offset": last})
        await send_until_accepted(
            lambda: dead_letters.send(value=codec.dumps(letter)),
            f"dead letter for the batch at {skipped.topic}/{skipped.partition}@{first}-{last}",
        )
        if skipped.topic != articles.get_topic_name():
            return
        # Each skipped offset of the articles topic was an article consumed: it gets its
        # receipt, so consumed = processed + dead-lettered still holds.
        for offset in range(first, last + 1):
            receipt = Receipt(
                topic=skipped.topic,
                partition=skipped.partition,
                offset=offset,
                article_id=None,
                outcome="dead_lettered",
                reason=rejected.reason,
            )
            await send_until_accepted(
                functools.partial(receipts.send, value=codec.dumps(receipt)),
                f"receipt for {skipped.topic}/{skipped.partition}@{offset}",
            )
            metrics.ARTICLES_CONSUMED.inc()
            metrics.ARTICLES_REJECTED.labels(reason=rejected.reason).inc()

    @app.timer(interval=10.0)  # type: ignore[untyped-decorator]
    async def count_open_incidents() -> None:
        events_topic = events.get_topic_name()
        owned = {tp.partition for tp in app.assignor.assigned_actives() if tp.topic == events_topic}
        stored = [codec.loads(Incident, raw) for raw in list(incident_table.values())]
        metrics.record_open_incidents(stored, owned, topic_names.partitions)

    @app.timer(interval=5.0)  # type: ignore[untyped-decorator]
    async def report_consumer_lag() -> None:
        sources = {
            topic.get_topic_name()
            for topic in (articles, articles_by_id, articles_by_url, articles_by_body, events)
        }
        await metrics.CONSUMER_LAG_TRACKER.refresh(app.consumer, sources)

    return app


MAX_ENTRY_TIMES = 100_000
"""Article entry times a worker keeps for the alert latency metric (a few MB at most)."""

MAX_OUTPUT_KEY_BYTES = 1024
"""A producer's key travels on to receipts and dead letters; longer keys are cut there, so a
huge key cannot make those messages too large to send."""


def output_key(key: bytes | None) -> bytes:
    return (key or b"")[:MAX_OUTPUT_KEY_BYTES]


class _Rounds:
    """The progress rounds this worker starts: one at a time, another once it is back or
    taken as lost."""

    def __init__(self, worker: str) -> None:
        self.worker = worker
        self.count = 0
        self.started: float | None = None

    def start(self, now: float) -> Barrier | None:
        if self.started is not None and now - self.started < ROUND_TIMEOUT:
            return None
        self.count += 1
        self.started = now
        return Barrier(f"{self.worker}-{self.count}", now)

    def done(self, barrier: Barrier) -> None:
        if barrier.round.startswith(f"{self.worker}-"):
            self.started = None


def _partition_of(key: str, partitions: int) -> int:
    """The partition the producer's default partitioner gives `key` (murmur2, as Kafka's)."""
    return int(murmur2(key.encode()) & 0x7FFFFFFF) % partitions


def _barrier(message: Any) -> Barrier | None:
    raw = _header(message, BARRIER_HEADER)
    return Barrier.decode(raw.encode()) if raw is not None and not message.value else None


def consumed(message: Any) -> Record:
    """A consumed Faust message as the producer sent it (Faust gives the timestamp in
    seconds; Kafka's unit is the millisecond)."""
    timestamp = message.timestamp
    return Record(
        topic=message.topic,
        partition=message.partition,
        offset=message.offset,
        key=message.key,
        value=message.value,
        headers=tuple((str(k), bytes(v or b"")) for k, v in message.headers or ()),
        timestamp_ms=round(timestamp * 1000) if timestamp is not None else None,
        timestamp_type=message.timestamp_type,
    )


def refused(exc: PermanentSendError, article_id: str) -> Rejected:
    """The rejection of an article a message made from which the producer refused for good:
    dead-lettered instead of retried for ever."""
    return Rejected("output_refused", f"the producer refused {exc}", article_id)


def _routed(message: Any) -> seen.RoutedArticle:
    return seen.unpack(message.value, message.headers)


def _envelope(message: Any) -> EventEnvelope:
    return codec.loads(EventEnvelope, message.value or b"")


def _header(message: Any, name: str) -> str | None:
    for key, value in message.headers or ():
        if key == name and value:
            return bytes(value).decode("ascii", "replace")
    return None


def _timestamp_header(message: Any) -> str | None:
    """The producer's timestamp header, dropped unless it is a number: it is forwarded to the
    fold agent, which does arithmetic with it."""
    value = _header(message, TIMESTAMP_HEADER)
    if value is None and message.timestamp and message.timestamp > 0:
        # Not posted by `warwire produce`: the record's own (producer or log-append) time.
        value = f"{message.timestamp:.6f}"
    try:
        return value if value is not None and float(value) > 0 else None
    except ValueError:
        return None


def _record_lag(message: Any) -> None:
    metrics.CONSUMER_LAG_TRACKER.processed(message.topic, message.partition, message.offset)


def _credentials(settings: Settings) -> Any:
    protocol = settings.security_protocol
    if protocol == "PLAINTEXT":
        return None
    ssl_context = None
    if protocol in ("SSL", "SASL_SSL"):
        ssl_context = ssl.create_default_context(
            purpose=ssl.Purpose.SERVER_AUTH, cafile=settings.ssl_cafile or None
        )
        if settings.ssl_certfile:
            ssl_context.load_cert_chain(settings.ssl_certfile, settings.ssl_keyfile or None)
    if protocol == "SSL":
        return faust.SSLCredentials(ssl_context)
    return faust.SASLCredentials(
        username=settings.sasl_username,
        password=settings.sasl_password.get_secret_value(),
        mechanism=settings.sasl_mechanism,
        ssl_context=ssl_context,
    )
