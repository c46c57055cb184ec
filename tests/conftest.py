"""Fixtures shared by the whole suite: the real embedded broker and isolated settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from warwire.broker import EmbeddedBroker, free_port, start_embedded_broker
from warwire.config import Settings
from warwire.session import isolated, new_run_id

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def broker() -> Iterator[EmbeddedBroker]:
    """One embedded Tansu broker for the session; tests isolate themselves by topic prefix."""
    running = start_embedded_broker()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def settings(broker: EmbeddedBroker, tmp_path: Path) -> Settings:
    """Settings pointing at the session broker, with topics and a consumer group of this
    test's own and a free metrics port."""
    base = Settings(
        metrics_port=free_port(), session_timeout=4.0, heartbeat_interval=1.0
    ).on_embedded_broker(broker.url)
    return isolated(base, new_run_id())
