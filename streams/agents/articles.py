"""process-articles: validate each posted article, check its id where the id is keyed, and send
it on to the URL check (or to the id check, when it was posted off its id's partition)."""

from __future__ import annotations

import logging
import time
from typing import Any

from schemas import Receipt
from streams.messages import consumed, output_key, record_lag, refused, timestamp_header
from streams.stage import Stage
from streams.state import StagedKeyValue
from warwire import metrics, seen
from warwire.articles import Rejected, body_fingerprint, decode_article
from warwire.kafka_io import PermanentSendError, key_partition

log = logging.getLogger("warwire.worker")


def register(stage: Stage) -> None:
    topics = stage.topics
    stage.step(
        topics.articles,
        "process-articles",
        handle_article,
        None,
        topics.articles_by_url,
        topics.articles_by_id,
    )


async def handle_article(stage: Stage, message: Any) -> None:
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
    state = StagedKeyValue(stage.tables.ids, stage.id_expiry)
    try:
        article = decode_article(message.value)
        receipt.article_id = article.id
        source = seen.Source.of(consumed(message))
        routed = seen.route(article, source, timestamp_header(message), message.value or b"")
        # The id record of an article lives in the partition its id is keyed to. An article
        # posted with that key is there already; any other (no key, another key, another
        # partitioner) goes through articles.by-id, keyed by id, to be checked there.
        # Last, so that a rejection stages no record of the id.
        local = message.partition == key_partition(article.id.encode(), stage.partitions)
        recorded = local and seen.check_article_id(
            state, str(message.partition), article, body_fingerprint(article), stage.window
        )
        metrics.STAGE_DURATION.labels(stage="validate").observe(time.perf_counter() - started)
    except Rejected as rejected:
        rejection = rejected
    except Exception as exc:
        log.exception("article at %s/%s@%s", message.topic, message.partition, message.offset)
        rejection = Rejected("internal_error", f"{type(exc).__name__}: {exc}", receipt.article_id)
    if rejection is None:
        # The receipt of a valid article is sent by the last article step.
        try:
            if local:
                await stage.to_url_check(routed)
            else:
                await stage.to_id_check(routed)
        except PermanentSendError as exc:
            rejection = refused(exc, article.id)
            if recorded:
                seen.forget_article_id(state, str(message.partition), article)
    if rejection is not None:
        receipt.outcome, receipt.reason = "dead_lettered", rejection.reason
        receipt.article_id = receipt.article_id or rejection.article_id
        await stage.dead_letter(message, rejection)
        await stage.send_receipt(output_key(message.key), receipt)
        metrics.LAST_ARTICLE.set(time.time())
    # After the sends: a crash before this point repeats the article, never loses it.
    state.flush()
    record_lag(message)
