"""check-ids: an article posted off its id's partition, checked against its id's record in
the partition of articles.by-id its id is keyed to."""

from __future__ import annotations

from typing import Any

from streams.messages import record_lag, refused, routed_article
from streams.stage import Stage
from streams.state import StagedKeyValue
from warwire import seen
from warwire.articles import Rejected, body_fingerprint
from warwire.kafka_io import PermanentSendError


def register(stage: Stage) -> None:
    topics = stage.topics
    stage.step(
        topics.articles_by_id,
        "check-ids",
        handle_id,
        stage.aligners["id"],
        topics.articles_by_url,
        stamp_offset=stage.partitions,
    )


async def handle_id(stage: Stage, message: Any) -> None:
    routed = await stage.decoded(message, routed_article)
    if routed is None:
        return
    article = routed.article
    state = StagedKeyValue(stage.tables.ids, stage.id_expiry)
    try:
        recorded = seen.check_article_id(
            state, str(message.partition), article, body_fingerprint(article), stage.window
        )
    except Rejected as rejected:
        await stage.send_routed_receipt(routed, await stage.reject_routed(routed, rejected))
    else:
        try:
            await stage.to_url_check(routed)
        except PermanentSendError as exc:
            if recorded:
                seen.forget_article_id(state, str(message.partition), article)
            rejection = refused(exc, article.id)
            await stage.send_routed_receipt(routed, await stage.reject_routed(routed, rejection))
    state.flush()
    record_lag(message)
