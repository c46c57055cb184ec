"""The Faust application: topics, tables and two thin agents around the pure pipeline.

    articles --[process_articles]--> events (keyed by blocking key), receipts, articles.dlq
    events   --[fold_events]-------> incidents (keyed by incident id), alerts
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
import ssl
import time
from typing import Any

import faust
from faust.types import EventT

from schemas import DeadLetter, EventEnvelope, Incident, Receipt
from streams.state import StagedTableState
from warwire import codec, metrics
from warwire.articles import Rejected, decode_article
from warwire.broker import bootstrap_servers
from warwire.config import Settings
from warwire.dedup import blocking_key
from warwire.extract import extract_events
from warwire.pipeline import fold_and_alert

log = logging.getLogger("warwire.worker")

TIMESTAMP_HEADER = "warwire-produced-at"


def create_app(settings: Settings) -> faust.App:
    """Build the worker application for `settings` (the broker must already be reachable)."""
    app = faust.App(
        settings.app_id,
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

    # Keys go through JSON so they come back as the same str after recovery; values are the
    # orjson bytes of the pydantic models.
    state_schema = faust.Schema(key_serializer="json", value_serializer="raw")
    incident_table = app.Table(
        "incident-state", partitions=topic_names.partitions, schema=state_schema
    )
    bucket_table = app.Table("bucket-state", partitions=topic_names.partitions, schema=state_schema)
    window = dt.timedelta(days=settings.dedup_window_days)

    async def dead_letter(message: Any, reason: str, detail: str, article_id: str | None) -> None:
        letter = DeadLetter(
            reason=reason,
            detail=detail[:2000],
            topic=message.topic,
            partition=message.partition,
            offset=message.offset,
            key=message.key.decode("utf-8", "replace") if message.key else None,
            original_base64=base64.b64encode(message.value or b"").decode("ascii"),
            article_id=article_id,
        )
        await dead_letters.send(key=message.key, value=codec.dumps(letter))
        metrics.ARTICLES_REJECTED.labels(reason=reason).inc()

    @app.agent(articles, name="process-articles")
    async def process_articles(stream: faust.StreamT[bytes]) -> None:
        async for event in stream.events():
            await _handle_article(event)

    async def _handle_article(event: EventT[bytes]) -> None:
        message = event.message
        metrics.ARTICLES_CONSUMED.inc()
        started = time.perf_counter()
        article_id: str | None = None
        receipt = Receipt(
            topic=message.topic, partition=message.partition, offset=message.offset,
            article_id=None, outcome="processed",
        )
        try:
            article = decode_article(message.value)
            article_id = receipt.article_id = article.id
            metrics.STAGE_DURATION.labels(stage="validate").observe(time.perf_counter() - started)
            extract_started = time.perf_counter()
            try:
                extracted = extract_events(article)
            except Exception as exc:  # the extractor must never take the worker down
                log.exception("extraction failed for article %s", article.id)
                raise Rejected("extraction_error", f"{type(exc).__name__}: {exc}") from None
            metrics.STAGE_DURATION.labels(stage="extract").observe(
                time.perf_counter() - extract_started
            )
            produced_at = _header(message, TIMESTAMP_HEADER)
            headers = {TIMESTAMP_HEADER: produced_at.encode()} if produced_at else None
            for extracted_event in extracted:
                await events.send(
                    key=blocking_key(extracted_event).encode(),
                    value=codec.dumps(EventEnvelope(event=extracted_event)),
                    headers=headers,
                )
                metrics.EVENTS_EXTRACTED.labels(type=extracted_event.type).inc()
            receipt.event_ids = [e.event_id for e in extracted]
            metrics.ARTICLES_PROCESSED.inc()
        except Rejected as rejected:
            receipt.outcome, receipt.reason = "dead_lettered", rejected.reason
            await dead_letter(message, rejected.reason, rejected.detail, article_id)
        await receipts.send(key=message.key, value=codec.dumps(receipt))
        metrics.LAST_ARTICLE.set(time.time())
        _record_lag(app, message)

    @app.agent(events, name="fold-events")
    async def fold_events(stream: faust.StreamT[bytes]) -> None:
        async for event in stream.events():
            await _handle_event(event)

    async def _handle_event(event: EventT[bytes]) -> None:
        message = event.message
        started = time.perf_counter()
        extracted = codec.loads(EventEnvelope, message.value).event
        state = StagedTableState(incident_table, bucket_table)
        outcome = fold_and_alert(state, extracted, window, settings.thresholds)
        metrics.STAGE_DURATION.labels(stage="fold").observe(time.perf_counter() - started)
        for alert in outcome.alerts:
            # Wait for the broker to take each alert before the state that remembers it is
            # written, so a crash in between can only repeat the alert, never lose it.
            sent = await alerts.send(key=alert.incident_id.encode(), value=codec.dumps(alert))
            await sent
            metrics.ALERTS_PUBLISHED.labels(kind=alert.kind).inc()
            produced_at = _header(message, TIMESTAMP_HEADER)
            if produced_at:
                metrics.ARTICLE_TO_ALERT.observe(max(0.0, time.time() - float(produced_at)))
        state.flush()
        # A redelivered event changes nothing, but its incident is sent again in case the
        # first send was lost with the crash that caused the redelivery.
        await incidents.send(
            key=outcome.incident.incident_id.encode(), value=codec.dumps(outcome.incident)
        )
        if outcome.changed:
            metrics.INCIDENT_CHANGES.labels(type=outcome.incident.type).inc()
        _record_lag(app, message)

    @app.timer(interval=10.0)
    async def count_open_incidents() -> None:
        counts = {"strike": 0, "negotiation": 0}
        for raw in list(incident_table.values()):
            kind = codec.loads(Incident, raw).type
            counts[kind] += 1
        for kind, count in counts.items():
            metrics.INCIDENTS_OPEN.labels(type=kind).set(count)

    return app


def _header(message: Any, name: str) -> str | None:
    for key, value in message.headers or ():
        if key == name and value:
            return bytes(value).decode("ascii", "replace")
    return None


def _record_lag(app: faust.App, message: Any) -> None:
    tp = message.tp
    highwater = app.consumer.highwater(tp)
    if highwater is not None:
        metrics.CONSUMER_LAG.labels(topic=tp.topic, partition=str(tp.partition)).set(
            max(0, highwater - message.offset - 1)
        )


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
        password=settings.sasl_password,
        mechanism=settings.sasl_mechanism,
        ssl_context=ssl_context,
    )
