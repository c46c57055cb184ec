"""The worker's tables: str keys, values the orjson bytes of pydantic models."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import faust


@dataclass(frozen=True)
class Tables:
    incidents: Any
    buckets: Any
    """Incident state by blocking key, with the marks of blocks whose alerts wait."""
    ids: Any
    """Article id -> the body processed under it, to refuse a reused id."""
    urls: Any
    """Canonical URL -> the first article with it."""
    bodies: Any
    """Body key -> the articles filed under it, with their sketches and events."""

    @classmethod
    def declare(cls, app: faust.App, partitions: int) -> Tables:
        # Keys go through JSON so they come back as the same str after recovery.
        schema: faust.Schema[Any, Any] = faust.Schema(key_serializer="json", value_serializer="raw")

        def table(name: str) -> Any:
            # value_type=bytes makes the table's own serializer raw as well: with only the
            # schema raw, Faust restores changelog values JSON-decoded (dicts, not the bytes
            # written) and stalls recovery for good on a value that is not JSON.
            return app.Table(
                name, partitions=partitions, schema=schema, key_type=str, value_type=bytes
            )

        return cls(
            incidents=table("incident-state"),
            buckets=table("bucket-state"),
            ids=table("seen-ids"),
            urls=table("seen-urls"),
            bodies=table("seen-bodies"),
        )
