"""The worker's topics, declared on the app with the partition count of the settings."""

from __future__ import annotations

from dataclasses import dataclass

import faust

from warwire.config import Topics as TopicNames


@dataclass(frozen=True)
class Topics:
    articles: faust.TopicT
    articles_by_id: faust.TopicT
    articles_by_url: faust.TopicT
    articles_by_body: faust.TopicT
    events: faust.TopicT
    incidents: faust.TopicT
    alerts: faust.TopicT
    dead_letters: faust.TopicT
    receipts: faust.TopicT

    @classmethod
    def declare(cls, app: faust.App, names: TopicNames) -> Topics:
        def topic(name: str, **config: str) -> faust.TopicT:
            return app.topic(name, partitions=names.partitions, config=config or None)

        return cls(
            articles=topic(names.articles),
            articles_by_id=topic(names.articles_by_id),
            articles_by_url=topic(names.articles_by_url),
            articles_by_body=topic(names.articles_by_body),
            events=topic(names.events),
            incidents=topic(names.incidents, **{"cleanup.policy": "compact"}),
            alerts=topic(names.alerts),
            dead_letters=topic(names.dead_letters),
            receipts=topic(names.receipts),
        )

    def consumed(self) -> tuple[faust.TopicT, ...]:
        """The topics the agents read, in pipeline order."""
        return (
            self.articles,
            self.articles_by_id,
            self.articles_by_url,
            self.articles_by_body,
            self.events,
        )
