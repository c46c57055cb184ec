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

The app is laid out as Faust's examples are: the App here, its topics (`streams.topics`) and
tables (`streams.tables`) declared in modules of their own, one module per agent under
`streams.agents`, and what the agents share (`streams.stage`).
"""

from __future__ import annotations

import ssl
from typing import Any

import faust

from streams.agents import articles, bodies, fold, ids, timers, urls
from streams.stage import Stage
from streams.tables import Tables
from streams.topics import Topics
from streams.transport import WorkerApp
from warwire import batch_guard
from warwire.broker import bootstrap_servers
from warwire.config import Settings
from warwire.kafka_io import PRODUCER_MAX_REQUEST_BYTES


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
    stage = Stage(
        app,
        settings,
        Topics.declare(app, settings.topics),
        Tables.declare(app, settings.topics.partitions),
    )

    @app.on_partitions_revoked.connect
    async def on_revoked(sender: Any, /, *args: Any, signal: Any, **kwargs: Any) -> None:
        stage.forget_partition_state()

    for agent in (articles, ids, urls, bodies, fold, timers):
        agent.register(stage)
    return app


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
