"""A command that starts children takes them down with it: a replay ended by SIGTERM (a CI
timeout, a supervisor) or by SIGKILL leaves no embedded broker and no worker behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.integration

SAMPLES = REPO / "samples" / "articles.jsonl"


def descendants(pid: int) -> set[int]:
    """Every living process below `pid`, read from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_a_replay_ended_midway_leaves_no_process_behind(
    how: signal.Signals, tmp_path: Path
) -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("WARWIRE_")}
    replay = subprocess.Popen(
        [sys.executable, "-m", "warwire", "replay", str(SAMPLES), "--out", str(tmp_path)],
        env={**env, "WARWIRE_METRICS_PORT": "0"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # Wait for the embedded broker and the worker (with its own children) to be up.
        deadline = time.monotonic() + 120
        children: set[int] = set()
        while len(children) < 2 and time.monotonic() < deadline and replay.poll() is None:
            time.sleep(0.2)
            children = descendants(replay.pid)
        assert len(children) >= 2, "the replay never started its broker and worker"
        replay.send_signal(how)
        replay.wait(timeout=30)
        deadline = time.monotonic() + 60
        while any(alive(pid) for pid in children) and time.monotonic() < deadline:
            time.sleep(0.2)
        left = sorted(pid for pid in children if alive(pid))
        assert not left, f"left behind: {left}"
    finally:
        if replay.poll() is None:
            replay.kill()
