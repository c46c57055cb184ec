"""The reference tables of docs/deployment.md (environment variables, from warwire.config) and
docs/operations.md (metrics, from warwire.metrics).

    .venv/bin/python tools/doc_tables.py          # rewrite the tables in place
    .venv/bin/python tools/doc_tables.py --check  # exit 1 if a table is out of date

Each table sits between `<!-- NAME:start -->` and `<!-- NAME:end -->` markers;
tests/unit/test_deploy.py fails when one differs from what this script would write.
"""

from __future__ import annotations

import sys
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from annotated_types import Ge, Gt, Le
from prometheus_client import CollectorRegistry
from prometheus_client.metrics import MetricWrapperBase
from pydantic import AliasChoices
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings

from warwire import metrics
from warwire.config import Settings

REPO = Path(__file__).resolve().parent.parent
DEPLOYMENT_DOC = REPO / "docs" / "deployment.md"
OPERATIONS_DOC = REPO / "docs" / "operations.md"

MORE_DESCRIPTIONS = {
    "WARWIRE_APP_ID": "Faust application id: the consumer group and the prefix of the table "
    "changelog topics; workers with the same id share the work",
    "WARWIRE_DATA_DIR": "directory for the worker's local files",
    "WARWIRE_LOG_LEVEL": "log level of the worker and the command-line tools",
    "WARWIRE_SESSION_TIMEOUT": "Kafka consumer session timeout, seconds: how long a silent "
    "worker keeps its partitions",
    "WARWIRE_HEARTBEAT_INTERVAL": "consumer heartbeat interval, seconds (at most a third of "
    "the session timeout)",
    "WARWIRE_PRODUCER_MAX_BATCH_SIZE": "producer batch size, bytes",
    "WARWIRE_DEDUP_WINDOW_DAYS": "how long an incident stays open for new reports, days",
    "WARWIRE_SECURITY_PROTOCOL": "how clients talk to Kafka",
    "WARWIRE_SASL_MECHANISM": "SASL mechanism when the protocol is SASL_*",
    "WARWIRE_SASL_USERNAME": "SASL user",
    "WARWIRE_SASL_PASSWORD": "SASL password",
    "WARWIRE_SSL_CAFILE": "CA bundle (PEM) that signed the brokers' certificates; empty: the "
    "system's",
    "WARWIRE_SSL_CERTFILE": "client certificate (PEM) for mutual TLS",
    "WARWIRE_SSL_KEYFILE": "private key (PEM) of the client certificate",
    "WARWIRE_TOPIC_ARTICLES": "input topic: one JSON article per message, keyed by article id",
    "WARWIRE_TOPIC_EVENTS": "extracted events, keyed by blocking key",
    "WARWIRE_TOPIC_INCIDENTS": "incident versions, keyed by incident id (compacted)",
    "WARWIRE_TOPIC_ALERTS": "alerts, keyed by incident id",
    "WARWIRE_TOPIC_DEAD_LETTERS": "messages that could not be processed, with the reason",
    "WARWIRE_TOPIC_RECEIPTS": "one receipt per consumed article: processed or dead-lettered",
    "WARWIRE_TOPIC_PARTITIONS": "partitions of every topic warwire creates: the most workers "
    "that can share the work",
    "WARWIRE_TOPIC_REPLICATION_FACTOR": "replication factor of the topics warwire creates",
    "WARWIRE_ALERT_WEAPONS": "a strike alerts at this many drones and missiles launched",
    "WARWIRE_ALERT_MISSILES": "... or this many missiles",
    "WARWIRE_ALERT_KILLED": "... or this many people killed",
    "WARWIRE_ALERT_STALE_DAYS": "no alert for an incident this many days older than its report",
}
"""For settings whose Field has no description of its own."""


@dataclass(frozen=True)
class EnvVar:
    name: str
    default: str
    kind: str
    description: str
    aliases: tuple[str, ...] = ()
    """Other variables that set the same field (a field's `validation_alias` choices)."""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def _kind(field: FieldInfo) -> str:
    annotation = field.annotation
    if typing.get_origin(annotation) is typing.Literal:
        return "one of " + ", ".join(f"`{choice}`" for choice in typing.get_args(annotation))
    kind = getattr(annotation, "__name__", str(annotation))
    bounds = []
    for constraint in field.metadata:
        if isinstance(constraint, Ge):
            bounds.append(f"≥ {constraint.ge}")
        elif isinstance(constraint, Gt):
            bounds.append(f"> {constraint.gt}")
        elif isinstance(constraint, Le):
            bounds.append(f"≤ {constraint.le}")
    return f"{kind} {', '.join(bounds)}" if bounds else kind


def env_vars(model: type[BaseSettings] = Settings) -> Iterator[EnvVar]:
    """Every environment variable `model` reads, nested settings models included."""
    prefix = str(model.model_config.get("env_prefix", ""))
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseSettings):
            yield from env_vars(annotation)
            continue
        # A validation alias replaces prefix + name: pydantic-settings reads the alias names.
        names = [f"{prefix}{name}".upper()]
        alias = field.validation_alias
        if isinstance(alias, str):
            names = [alias.upper()]
        elif isinstance(alias, AliasChoices):
            names = [c.upper() for c in alias.choices if isinstance(c, str) and c.isupper()]
        yield EnvVar(
            name=names[0],
            # A computed default (the user's cache folder) differs by machine: the meaning says it.
            default="(computed)"
            if field.default_factory is not None and field.annotation is str
            else str(field.get_default(call_default_factory=True)),
            kind=_kind(field),
            description=field.description or MORE_DESCRIPTIONS.get(names[0], ""),
            aliases=tuple(names[1:]),
        )


def settings_table() -> str:
    rows = ["| Variable | Default | Type | Meaning |", "|---|---|---|---|"]
    for var in env_vars():
        default = f"`{var.default}`" if var.default else "(empty)"
        name = " or ".join(f"`{n}`" for n in var.names)
        rows.append(f"| {name} | {default} | {var.kind} | {var.description} |")
    return "\n".join(rows)


def _series(metric: MetricWrapperBase) -> str:
    [family] = metric.describe()
    suffix = {"counter": "_total", "histogram": "_bucket/_sum/_count"}.get(family.type, "")
    return f"{family.name}{suffix}"


def _metric_rows(registry: CollectorRegistry) -> Iterator[str]:
    for value in vars(metrics).values():
        if not isinstance(value, MetricWrapperBase):
            continue
        [family] = value.describe()
        if family.name not in _names(registry):
            continue
        labels = ", ".join(f"`{label}`" for label in value._labelnames) or "—"
        yield f"| `{_series(value)}` | {family.type} | {labels} | {family.documentation} |"


def _names(registry: CollectorRegistry) -> set[str]:
    return {family.name for family in registry.collect()}


def metrics_table() -> str:
    header = ["| Series | Type | Labels | Meaning |", "|---|---|---|---|"]
    worker = [*header, *_metric_rows(metrics.REGISTRY)]
    forwarder = [*header, *_metric_rows(metrics.FORWARDER_REGISTRY)]
    return "\n".join(
        [
            "Worker (`warwire run`, Prometheus job `warwire`):",
            "",
            *worker,
            "",
            "Webhook forwarder (`warwire forward`, job `warwire-forwarder`):",
            "",
            *forwarder,
            "",
            "Both also export the standard `process_*` series (resident memory, CPU seconds, "
            "open files) and `python_info`.",
        ]
    )


TABLES: dict[str, tuple[Path, Callable[[], str]]] = {
    "settings-table": (DEPLOYMENT_DOC, settings_table),
    "metrics-table": (OPERATIONS_DOC, metrics_table),
}


def render(text: str, marker: str, table: str) -> str:
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    if start not in text or end not in text:
        raise ValueError(f"markers {start} ... {end} missing")
    before, rest = text.split(start, 1)
    _, after = rest.split(end, 1)
    return f"{before}{start}\n{table}\n{end}{after}"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for marker, (path, build) in TABLES.items():
        text = path.read_text()
        fresh = render(text, marker, build())
        if fresh != text:
            stale.append(f"{path.relative_to(REPO)} ({marker})")
            if not check:
                path.write_text(fresh)
    if stale:
        print(("out of date: " if check else "rewrote: ") + ", ".join(stale))
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
