"""fold-events: each event folded into the incidents of its block; alerts out once the block
is settled, incidents out on every change. A progress round back from every partition
releases the alerts that waited for it."""

from __future__ import annotations

import logging
import time
from typing import Any

import faust

from streams.messages import TIMESTAMP_HEADER, barrier_of, event_envelope, header, record_lag
from streams.stage import Stage
from streams.state import StagedTableState
from warwire import codec, metrics
from warwire.barriers import Barrier
from warwire.dedup import blocking_key
from warwire.pipeline import FoldOutcome, fold_and_alert, release_pending

log = logging.getLogger("warwire.worker")


def register(stage: Stage) -> None:
    @stage.app.agent(stage.topics.events, name="fold-events")
    async def fold_events(stream: faust.StreamT[bytes]) -> None:
        async for event in stream.events():
            message = event.message
            barrier = barrier_of(message)
            if barrier is None:
                await handle_event(stage, message)
                continue
            if stage.aligners["fold"].arrive(message.partition, barrier):
                await round_done(stage, message, barrier)
            record_lag(message)


async def handle_event(stage: Stage, message: Any) -> None:
    started = time.perf_counter()
    state = StagedTableState(stage.tables.incidents, stage.tables.buckets)
    envelope = await stage.decoded(message, event_envelope)
    if envelope is None:
        return
    extracted = envelope.event
    produced_at = header(message, TIMESTAMP_HEADER)
    if produced_at:
        stage.entered(extracted.event_id, float(produced_at))
    settings = stage.settings
    outcome = fold_and_alert(
        state,
        extracted,
        stage.window,
        settings.thresholds,
        stage.grace,
        settings.dedup_max_reports,
        now=time.time(),
    )
    metrics.STAGE_DURATION.labels(stage="fold").observe(time.perf_counter() - started)
    if any(i.alerts_pending for i in outcome.published):
        stage.waiting[blocking_key(extracted)] = message.partition
        stage.waiting_since = time.time()
        await stage.start_round()
    await publish(stage, state, outcome)
    metrics.record_fold(outcome.incident, outcome.changed, outcome.late)
    record_lag(message)


async def publish(stage: Stage, state: StagedTableState, outcome: FoldOutcome) -> None:
    topics = stage.topics
    for alert in outcome.alerts:
        # Wait for the broker to take each alert before the state that remembers it is
        # written, so a crash in between can only repeat the alert, never lose it.
        sent = await topics.alerts.send(key=alert.incident_id.encode(), value=codec.dumps(alert))
        await sent
        metrics.ALERTS_PUBLISHED.labels(kind=alert.kind).inc()
        produced_at = stage.entered_at.get(alert.event_id or "")
        if produced_at is not None:
            metrics.ARTICLE_TO_ALERT.observe(max(0.0, time.time() - produced_at))
    state.flush()
    # A redelivered event changes nothing, but its incident is sent again in case the
    # first send was lost with the crash that caused the redelivery.
    for incident in outcome.published:
        await topics.incidents.send(key=incident.incident_id.encode(), value=codec.dumps(incident))
    for removed in outcome.removed:
        # Empty: a late report regrouped this incident's reports into others.
        await topics.incidents.send(key=removed.encode(), value=b"")


async def round_done(stage: Stage, message: Any, barrier: Barrier) -> None:
    """Every article posted before the round began has been folded in this partition: the
    alerts of its blocks that began to wait before then go out."""
    stage.rounds.done(barrier)
    log.debug(
        "progress round %s back in %s/%s after %.2f s",
        barrier.round,
        message.topic,
        message.partition,
        time.time() - barrier.posted_at,
    )
    for block, partition in sorted(stage.waiting.items()):
        if partition != message.partition:
            continue
        state = StagedTableState(stage.tables.incidents, stage.tables.buckets)
        released = release_pending(state, block, stage.settings.thresholds, barrier.posted_at)
        mark = state.get_mark(block)
        if mark is None or not mark.pending:
            del stage.waiting[block]
        if released is not None:
            await publish(stage, state, released)
        else:
            state.flush()
    await stage.start_round()  # for alerts that began to wait after this round did
