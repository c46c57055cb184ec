"""check-urls: an article whose canonical URL was seen before is marked as a copy of the first
with it; either way it goes on to the body check."""

from __future__ import annotations

from typing import Any

from streams.messages import record_lag, refused, routed_article
from streams.stage import Stage
from streams.state import StagedKeyValue
from warwire import seen
from warwire.kafka_io import PermanentSendError


def register(stage: Stage) -> None:
    topics = stage.topics
    stage.step(
        topics.articles_by_url,
        "check-urls",
        handle_url,
        stage.aligners["url"],
        topics.articles_by_body,
    )


async def handle_url(stage: Stage, message: Any) -> None:
    routed = await stage.decoded(message, routed_article)
    if routed is None:
        return
    state = StagedKeyValue(stage.tables.urls, stage.url_expiry)
    routed = seen.check_url(state, str(message.partition), routed, stage.window)
    try:
        await stage.to_body_check(routed)
    except PermanentSendError as exc:
        rejected = refused(exc, routed.article.id)
        await stage.send_routed_receipt(routed, await stage.reject_routed(routed, rejected))
    state.flush()
    record_lag(message)
