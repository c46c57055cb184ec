"""The worker's event loop (`warwire.worker`)."""

from __future__ import annotations

import asyncio
import socket
import sys

import pytest

from warwire import cli
from warwire.config import get_settings
from warwire.worker import new_event_loop


@pytest.mark.skipif(sys.platform == "win32", reason="uvloop is not installed on Windows")
def test_the_worker_runs_on_uvloop_where_it_is_installed() -> None:
    import uvloop

    loop = new_event_loop()
    try:
        assert isinstance(loop, uvloop.Loop)
        assert loop.run_until_complete(asyncio.sleep(0, result="ran")) == "ran"
    finally:
        loop.close()


def test_a_taken_metrics_port_stops_the_worker_with_one_line_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        monkeypatch.setenv("WARWIRE_METRICS_PORT", str(port))
        get_settings.cache_clear()
        try:
            assert cli.main(["run"]) == 2
        finally:
            get_settings.cache_clear()
    message = capsys.readouterr().err.strip()
    assert len(message.splitlines()) == 1
    assert f"127.0.0.1:{port}" in message and "WARWIRE_METRICS_PORT" in message
