"""What the agents of one worker share: its settings, topics and tables, the bookkeeping of
progress rounds, and the sends every step makes (on to the next step, dead letters,
receipts, progress barriers)."""

from __future__ import annotations

import base64
import datetime as dt
import functools
import logging
import time
import uuid
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import faust
from pydantic import BaseModel

from schemas import DeadLetter, Receipt
from streams.messages import barrier_of, consumed, output_key, record_lag
from streams.tables import Tables
from streams.topics import Topics
from warwire import codec, metrics, seen
from warwire.articles import Rejected
from warwire.articles import dead_letter as build_dead_letter
from warwire.barriers import HEADER as BARRIER_HEADER
from warwire.barriers import Aligner, Rounds
from warwire.config import Settings
from warwire.kafka_io import PermanentSendError, send_until_accepted

log = logging.getLogger("warwire.worker")

Model = TypeVar("Model", bound=BaseModel)

MAX_ENTRY_TIMES = 100_000
"""Article entry times a worker keeps for the alert latency metric (a few MB at most)."""


class Stage:
    def __init__(self, app: faust.App, settings: Settings, topics: Topics, tables: Tables):
        self.app = app
        self.settings = settings
        self.topics = topics
        self.tables = tables
        self.partitions = settings.topics.partitions
        self.window = dt.timedelta(days=settings.dedup_window_days)
        self.grace = dt.timedelta(days=settings.dedup_grace_days)
        # Blocks with alerts waiting for a progress round -> their events partition, as this
        # process has seen them; a look at the marks every few ticks also finds those
        # recovered from the changelog after a rebalance or a restart.
        self.waiting: dict[str, int] = {}
        self.waiting_since = 0.0
        """When the latest of them began to wait (wall clock, as rounds are stamped)."""
        # Barriers read per step and partition. Kept through a rebalance: a barrier read
        # before it still vouches for everything ahead of it in its partition, whoever read
        # that. The URL step has two inputs: articles sent on directly (barriers stamped with
        # their articles partition) and those that went through the id check (stamped
        # partitions + their articles.by-id partition), so it waits for a barrier from both.
        self.aligners = {
            "id": Aligner(self.partitions),
            "url": Aligner(2 * self.partitions),
            "body": Aligner(self.partitions),
            "fold": Aligner(self.partitions),
        }
        self.rounds = Rounds(uuid.uuid4().hex[:12], settings.dedup_settle_seconds)
        # When each event's article entered the articles topic, for the article-to-alert
        # latency of alerts a progress round releases later (the round's barrier carries no
        # such time). Process-local and bounded: after a rebalance a released alert may go
        # unmeasured.
        self.entered_at: OrderedDict[str, float] = OrderedDict()
        self.id_expiry, self.url_expiry, self.body_expiry = (
            seen.ExpiryIndex(self.grace, settings.dedup_max_articles) for _ in range(3)
        )

    def step(
        self,
        source: faust.TopicT,
        name: str,
        handle: Callable[[Stage, Any], Awaitable[None]],
        aligner: Aligner | None,
        *onward: faust.TopicT,
        stamp_offset: int = 0,
    ) -> None:
        """An agent named `name` on `source`: progress barriers go on to `onward` (once
        `aligner` has one from every partition, when given), every other message to
        `handle`."""

        async def run(stream: faust.StreamT[bytes]) -> None:
            async for event in stream.events():
                message = event.message
                barrier = await self.pass_barrier(
                    message, aligner, *onward, stamp_offset=stamp_offset
                )
                if not barrier:
                    await handle(self, message)

        self.app.agent(source, name=name)(run)

    def forget_partition_state(self) -> None:
        """On a rebalance: the indexes are rebuilt from the tables, recovered by then, when
        the next article is processed; waiting blocks are found again from their marks."""
        for index in (self.id_expiry, self.url_expiry, self.body_expiry):
            index.clear()
        self.waiting.clear()
        self.rounds.lost()

    def entered(self, event_id: str, produced_at: float) -> None:
        self.entered_at[event_id] = produced_at
        while len(self.entered_at) > MAX_ENTRY_TIMES:
            self.entered_at.popitem(last=False)

    async def dead_letter(self, message: Any, rejected: Rejected) -> None:
        await self.send_letter(build_dead_letter(rejected, consumed(message)))
        metrics.ARTICLES_REJECTED.labels(reason=rejected.reason).inc()

    async def send_letter(self, letter: DeadLetter) -> None:
        # Keyed like the message it holds (the key cut as on receipts).
        key = output_key(base64.b64decode(letter.key_base64 or "")) or None
        where = f"{letter.topic}/{letter.partition}@{letter.offset}"
        dead_letters = self.topics.dead_letters
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

    async def send_receipt(self, key: bytes | None, receipt: Receipt) -> None:
        where = f"{receipt.topic}/{receipt.partition}@{receipt.offset}"
        try:
            await send_until_accepted(
                lambda: self.topics.receipts.send(key=key, value=codec.dumps(receipt)),
                f"receipt for {where}",
            )
        except PermanentSendError:  # receipts are small: only a tiny broker limit does this
            log.error("no receipt could be written for %s", where)

    async def send_routed_receipt(self, routed: seen.RoutedArticle, receipt: Receipt) -> None:
        await self.send_receipt(output_key(routed.source.record(None).key) or None, receipt)
        metrics.LAST_ARTICLE.set(time.time())

    async def reject_routed(self, routed: seen.RoutedArticle, rejected: Rejected) -> Receipt:
        """Dead-letter an article a later step refused, with the message as the producer sent
        it; its receipt, for the caller to send."""
        article, source = routed.article, routed.source
        await self.send_letter(build_dead_letter(rejected, source.record(routed.raw)))
        metrics.ARTICLES_REJECTED.labels(reason=rejected.reason).inc()
        return Receipt(
            topic=source.topic,
            partition=source.partition,
            offset=source.offset,
            article_id=article.id,
            outcome="dead_lettered",
            reason=rejected.reason,
        )

    async def decoded(self, message: Any, parse: Callable[[Any], Model]) -> Model | None:
        """The internal message parsed, or None once a message that is not one (written by
        something else than a worker) has been dead-lettered: it must not stop the agent."""
        try:
            return parse(message)
        except Exception as exc:
            rejected = Rejected("invalid_internal_message", f"{type(exc).__name__}: {exc}")
            await self.send_letter(build_dead_letter(rejected, consumed(message)))
            metrics.INTERNAL_MESSAGES_REJECTED.labels(topic=message.topic).inc()
            record_lag(message)
            return None

    async def to_id_check(self, routed: seen.RoutedArticle) -> None:
        await self._route(self.topics.articles_by_id, routed.article.id, routed, "id check")

    async def to_url_check(self, routed: seen.RoutedArticle) -> None:
        key = seen.url_route_key(routed)
        await self._route(self.topics.articles_by_url, key, routed, "URL check")

    async def to_body_check(self, routed: seen.RoutedArticle) -> None:
        await self._route(self.topics.articles_by_body, routed.body_key, routed, "body check")

    async def _route(
        self, topic: faust.TopicT, key: str, routed: seen.RoutedArticle, step: str
    ) -> None:
        value, headers = seen.pack(routed)
        await send_until_accepted(
            functools.partial(topic.send, key=key.encode(), value=value, headers=headers),
            f"article {routed.article.id} to the {step}",
        )

    async def start_round(self) -> None:
        """Start a progress round if alerts wait and `Rounds` allows one now."""
        barrier = self.rounds.start(time.time(), self.waiting_since) if self.waiting else None
        if barrier is None:
            return
        header = {BARRIER_HEADER: barrier.encode()}
        log.debug(
            "progress round %s posted, alerts waiting in %s", barrier.round, sorted(self.waiting)
        )
        for partition in range(self.partitions):
            await self.topics.articles.send(value=b"", partition=partition, headers=header)

    async def pass_barrier(
        self, message: Any, aligner: Aligner | None, *onward: faust.TopicT, stamp_offset: int = 0
    ) -> bool:
        """A progress barrier: sent on to every partition of each next topic once it has come
        from every partition of this one (`warwire.barriers`), stamped with the partition it
        came from (plus `stamp_offset`, where a next step has two inputs). False for any
        other message."""
        barrier = barrier_of(message)
        if barrier is None:
            return False
        if aligner is None or aligner.arrive(message.partition, barrier):
            stamped = barrier.sent_on(stamp_offset + message.partition).encode()
            header = {BARRIER_HEADER: stamped}
            for topic in onward:
                for partition in range(self.partitions):
                    await send_until_accepted(
                        functools.partial(
                            topic.send, value=b"", partition=partition, headers=header
                        ),
                        f"progress barrier to {topic.get_topic_name()}/{partition}",
                    )
        record_lag(message)
        return True
