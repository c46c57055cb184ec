"""The worker's event loop (`warwire.worker`)."""

from __future__ import annotations

import asyncio
import sys

import pytest

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
