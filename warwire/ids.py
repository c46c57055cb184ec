"""Deterministic identifiers: the same input always yields the same id, so a redelivered
message never produces a second event, incident or alert."""

from __future__ import annotations

import hashlib


def stable_id(prefix: str, *parts: object) -> str:
    """`prefix-` followed by 16 hex digits of a SHA-256 over the parts."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:16]}"


def event_id(article_id: str, event_type: str, ordinal: int) -> str:
    """The id of the `ordinal`-th event of `event_type` extracted from an article."""
    return stable_id("ev", article_id, event_type, ordinal)
