"""Every setting warwire reads, in one place. Each comes from a `WARWIRE_*` environment variable."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Topics(BaseSettings):
    """Topic names and partition counts. Every topic is declared explicitly."""

    model_config = SettingsConfigDict(env_prefix="WARWIRE_TOPIC_", extra="ignore")

    articles: str = "articles"
    events: str = "events"
    incidents: str = "incidents"
    alerts: str = "alerts"
    dead_letters: str = "articles.dlq"
    receipts: str = "receipts"
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


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WARWIRE_", extra="ignore")

    broker: str = Field(
        default="",
        description="kafka://host:port[;kafka://host2:port]; empty starts the embedded broker",
    )
    app_id: str = "warwire"
    data_dir: str = ".warwire"
    log_level: Literal["debug", "info", "warning", "error"] = "warning"
    metrics_port: int = Field(default=9464, ge=0, le=65535, description="0 disables /metrics")
    session_timeout: float = Field(default=6.0, gt=0)
    heartbeat_interval: float = Field(default=1.5, gt=0)
    producer_max_batch_size: int = Field(default=16384, ge=1)
    dedup_window_days: float = Field(default=7.0, gt=0)
    # Kafka security for managed clusters
    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] = "SCRAM-SHA-512"
    sasl_username: str = ""
    sasl_password: str = ""
    ssl_cafile: str = ""
    ssl_certfile: str = ""
    ssl_keyfile: str = ""

    topics: Topics = Field(default_factory=Topics)
    thresholds: AlertThresholds = Field(default_factory=AlertThresholds)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
