"""extract-articles: the events of each article, read from its text unless its body is a copy
of one filed before; the events go on keyed by blocking key, and the article's receipt out."""

from __future__ import annotations

import functools
import logging
import time
from typing import Any

from schemas import Article, Event, EventEnvelope, Receipt
from streams.messages import TIMESTAMP_HEADER, record_lag, refused, routed_article
from streams.stage import Stage
from streams.state import StagedKeyValue
from warwire import codec, metrics, seen
from warwire.articles import Rejected
from warwire.budget import TooSlow, call_within
from warwire.dedup import blocking_key
from warwire.extract.core import extract_events_strict
from warwire.kafka_io import PermanentSendError, send_until_accepted

log = logging.getLogger("warwire.worker")


def register(stage: Stage) -> None:
    topics = stage.topics
    stage.step(
        topics.articles_by_body,
        "extract-articles",
        handle_body,
        stage.aligners["body"],
        topics.events,
    )


async def handle_body(stage: Stage, message: Any) -> None:
    routed = await stage.decoded(message, routed_article)
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
    state = StagedKeyValue(stage.tables.bodies, stage.body_expiry)
    started = time.perf_counter()
    budget = stage.settings.extract_budget_seconds
    try:
        # The strict extractor raises instead of logging and returning no events, so a
        # failure is dead-lettered (and can be replayed) rather than lost.
        outcome = seen.process_article(
            state,
            str(message.partition),
            routed,
            stage.window,
            functools.partial(_extract_within, budget),
        )
    except TooSlow as exc:
        log.error("extraction of article %s stopped: %s", article.id, exc)
        detail = (
            f"extraction stopped {exc} (WARWIRE_EXTRACT_BUDGET_SECONDS); "
            f"{len(article.body)} characters of text"
        )
        receipt = await stage.reject_routed(routed, Rejected("too_slow", detail, article.id))
    except Exception as exc:  # the extractor must never take the worker down
        log.exception("extraction failed for article %s", article.id)
        rejected = Rejected("extraction_error", f"{type(exc).__name__}: {exc}", article.id)
        receipt = await stage.reject_routed(routed, rejected)
    else:
        if outcome.seen is None:
            metrics.STAGE_DURATION.labels(stage="extract").observe(time.perf_counter() - started)
        elif outcome.seen.original.article_id != article.id:
            receipt.outcome, receipt.reason = "duplicate", outcome.seen.match
            metrics.DUPLICATE_ARTICLES.labels(reason=outcome.seen.match).inc()
        try:
            await send_events(stage, routed, outcome.events)
        except PermanentSendError as exc:
            # Not filed either (the state is not flushed): later copies must not take
            # events that were never folded.
            receipt = await stage.reject_routed(routed, refused(exc, article.id))
            await stage.send_routed_receipt(routed, receipt)
            record_lag(message)
            return
        receipt.event_ids = [e.event_id for e in outcome.events]
        metrics.ARTICLES_PROCESSED.inc()
    await stage.send_routed_receipt(routed, receipt)
    # After the sends, and also after a failed extraction, whose state holds only the
    # expiry of older records.
    state.flush()
    record_lag(message)


def _extract_within(budget: float, article: Article) -> list[Event]:
    return call_within(budget, functools.partial(extract_events_strict, article))


async def send_events(stage: Stage, routed: seen.RoutedArticle, extracted: list[Event]) -> None:
    produced_at = routed.produced_at
    headers = {TIMESTAMP_HEADER: produced_at.encode()} if produced_at else None
    for extracted_event in extracted:
        await send_until_accepted(
            functools.partial(
                stage.topics.events.send,
                key=blocking_key(extracted_event).encode(),
                value=codec.dumps(EventEnvelope(event=extracted_event)),
                headers=headers,
            ),
            f"event {extracted_event.event_id}",
        )
        metrics.EVENTS_EXTRACTED.labels(type=extracted_event.type).inc()
