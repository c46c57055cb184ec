"""Every setting warwire reads, in one place. Each comes from a `WARWIRE_*` environment variable."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal, get_args

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Compression = Literal["none", "gzip", "snappy", "lz4", "zstd"]
"""Record batch codecs `warwire produce` can write; a worker decodes all of them."""
COMPRESSIONS: tuple[Compression, ...] = get_args(Compression)
DEFAULT_COMPRESSION: Compression = "lz4"
"""What most production producers choose: cheap to compress, cheaper to decompress."""


EMBEDDED_FETCH_MAX_WAIT_MS = 10
"""The fetch wait where warwire starts the embedded broker, which holds a fetch for most of
its wait on every topic hop. It also stops gathering data when the wait runs out, and its
fetch takes time in proportion to the record batches of the partitions read: do not make
producers send one record per batch there (a changelog of 13,000 single-record batches was
never answered again within 10 ms; docs/robustness.md, issue 18)."""


DEFAULT_GRACE_DAYS = 1461.0
"""Four years. A backlog (an archive posted before the workers start, a worker catching up)
is read partition by partition, so a report can trail the newest one of its block by the
span of the whole backlog; this covers an archive of the war since 2022. The record caps
below bound memory whatever the grace."""
DEFAULT_EXTRACT_BUDGET_SECONDS = 10.0
"""Real articles take well under a second to extract, even on a loaded 2-core machine: ten
seconds leaves room for a much busier host, while a pathological article holds up its
partition for seconds, not minutes."""
DEFAULT_MAX_REPORTS = 100_000
DEFAULT_MAX_ARTICLES = 20_000


class Topics(BaseSettings):
    """Topic names and partition counts. Every topic is declared explicitly."""

    model_config = SettingsConfigDict(env_prefix="WARWIRE_TOPIC_", extra="ignore")

    articles: str = "articles"
    events: str = "events"
    incidents: str = "incidents"
    alerts: str = "alerts"
    dead_letters: str = "articles.dlq"
    receipts: str = "receipts"
    articles_by_id: str = Field(
        default="articles.by-id",
        description="internal: valid articles keyed by article id, for the reused-id check of "
        "articles that reached a partition other than their id's",
    )
    articles_by_url: str = Field(
        default="articles.by-url",
        description="internal: valid articles keyed by canonical URL, to spot re-posts",
    )
    articles_by_body: str = Field(
        default="articles.by-body",
        description="internal: articles keyed by body fingerprint, to spot syndicated copies",
    )
    partitions: int = Field(default=6, ge=1)
    replication_factor: int = Field(default=1, ge=1)


class AlertThresholds(BaseSettings):
    """When a strike is large enough to alert on (the defaults of the evaluation guide)."""

    model_config = SettingsConfigDict(env_prefix="WARWIRE_ALERT_", extra="ignore")

    weapons: int = Field(default=100, ge=1, description="drones + missiles launched")
    missiles: int = Field(default=10, ge=1)
    killed: int = Field(default=5, ge=1)
    stale_days: int = Field(
        default=3,
        ge=0,
        description="an incident dated this many days before its report does not alert",
    )


MIN_SECRET_LENGTH = 16
"""Shortest signing secret the forwarder accepts: shorter keys can be guessed offline from a
single signed request."""


class ForwarderSettings(BaseSettings):
    """The webhook forwarder (`warwire forward`): signing secret, timeouts and retries."""

    model_config = SettingsConfigDict(
        env_prefix="WARWIRE_FORWARD_", extra="ignore", populate_by_name=True, env_ignore_empty=True
    )

    secret: SecretStr = Field(
        default=SecretStr(""),
        validation_alias=AliasChoices("WARWIRE_FORWARD_SECRET", "WARWIRE_WEBHOOK_SECRET"),
        description=f"HMAC-SHA256 key shared with the receiver, {MIN_SECRET_LENGTH}+ characters "
        "(this or the secret file is required)",
    )
    secret_file: str = Field(
        default="",
        description="a file holding the HMAC key (a mounted secret); read when set, instead of "
        "WARWIRE_FORWARD_SECRET",
    )
    timeout: float = Field(default=10.0, gt=0, description="seconds one POST may take")
    max_attempts: int = Field(
        default=0, ge=0, description="attempts per alert on retryable failures; 0: no limit"
    )
    backoff_initial: float = Field(default=0.5, gt=0, description="seconds before the 2nd attempt")
    backoff_max: float = Field(default=60.0, gt=0, description="cap of the exponential backoff")
    retry_after_max: float = Field(
        default=300.0, ge=0, description="cap on a receiver's Retry-After, in seconds"
    )


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WARWIRE_", extra="ignore")

    broker: str = Field(
        default="",
        description="kafka://host:port[;kafka://host2:port]; empty starts the embedded broker",
    )
    app_id: str = "warwire"
    data_dir: str = Field(
        default_factory=lambda: str(
            Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "warwire"
        ),
        description="Faust's working folder (tables live in memory; nothing lasting is kept "
        "there); default $XDG_CACHE_HOME/warwire, else ~/.cache/warwire",
    )
    log_level: Literal["debug", "info", "warning", "error"] = "warning"

    @field_validator("log_level", mode="before")
    @classmethod
    def _log_level_in_any_case(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    metrics_port: int = Field(
        default=9464,
        ge=0,
        le=65535,
        description="0 disables /metrics; several workers on one host need one port each",
    )
    metrics_host: str = Field(
        default="127.0.0.1",
        description="address /metrics listens on; 0.0.0.0 in a container, for Prometheus",
    )
    group_lag_interval: float = Field(
        default=15.0,
        ge=0,
        description="seconds between readings of every warwire group's committed offsets and "
        "end offsets from the broker (warwire_group_lag_messages); 0 turns the reading off",
    )
    session_timeout: float = Field(default=6.0, gt=0)
    heartbeat_interval: float = Field(default=1.5, gt=0)
    producer_max_batch_size: int = Field(default=16384, ge=1)
    producer_linger_ms: float = Field(
        default=2.0,
        ge=0,
        description="how long a worker's producer holds a message to send it with others: "
        "fewer, larger requests for a little latency per topic hop",
    )
    fetch_max_wait_ms: int = Field(
        default=500,
        ge=1,
        description="longest a worker's fetch waits for new data (Faust's own default: 1500); "
        "Kafka answers as soon as data arrives, so this only paces idle polling; the embedded "
        f"broker holds fetches for much of it, so {EMBEDDED_FETCH_MAX_WAIT_MS} ms is used "
        "where warwire starts one",
    )
    extract_budget_seconds: float = Field(
        default=DEFAULT_EXTRACT_BUDGET_SECONDS,
        ge=0,
        description="wall-clock seconds the extraction of one article may take; an article "
        "over it is dead-lettered as too_slow instead of holding up its partition (0: no "
        "budget)",
    )
    dedup_window_days: float = Field(default=7.0, gt=0)
    dedup_grace_days: float = Field(
        default=DEFAULT_GRACE_DAYS,
        ge=0,
        description="days a report may trail the newest report of its block (publication "
        "time) and still be folded as in publication order; incidents are kept this much "
        "longer than the window",
    )
    dedup_settle_seconds: float = Field(
        default=0.25,
        gt=0,
        description="least seconds between two progress rounds of a worker: a round starts "
        "as soon as a first alert begins to wait, and the alert goes out once every article "
        "posted before a round begun after that has been folded",
    )
    dedup_max_reports: int = Field(
        default=DEFAULT_MAX_REPORTS,
        ge=1,
        description="reports one block (event type, attacker, target) keeps at most; the "
        "oldest incidents go first beyond it, whatever the grace",
    )
    dedup_max_articles: int = Field(
        default=DEFAULT_MAX_ARTICLES,
        ge=1,
        description="article records (URL, body, id) one partition keeps at most per store; "
        "the oldest go first beyond it, whatever the grace",
    )
    # Kafka security for managed clusters
    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] = "SCRAM-SHA-512"
    sasl_username: str = ""
    sasl_password: SecretStr = SecretStr("")
    ssl_cafile: str = ""
    ssl_certfile: str = ""
    ssl_keyfile: str = ""

    topics: Topics = Field(default_factory=Topics)
    thresholds: AlertThresholds = Field(default_factory=AlertThresholds)
    forward: ForwarderSettings = Field(default_factory=ForwarderSettings)

    def on_embedded_broker(self, url: str) -> Settings:
        """These settings on an embedded broker at `url`, with the fetch wait it needs unless
        that was set explicitly."""
        update: dict[str, object] = {"broker": url}
        if "fetch_max_wait_ms" not in self.model_fields_set:
            update["fetch_max_wait_ms"] = EMBEDDED_FETCH_MAX_WAIT_MS
        return self.model_copy(update=update)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
