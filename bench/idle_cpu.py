"""CPU an idle worker burns polling for data, by fetch wait.

    python bench/idle_cpu.py [--seconds 30] [--waits 10,100,500]

One embedded broker; for each fetch wait, one worker with nothing to read is started, left
to settle, then its CPU time over `--seconds` is read from /proc. Prints % of one core.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from warwire.broker import free_port, start_embedded_broker
from warwire.config import Settings
from warwire.session import WorkerProcess, isolated, new_run_id

SETTLE_SECONDS = 20.0
"""Group join, topic declaration and table recovery finish well within this."""


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--waits", default="10,100,500")
    args = parser.parse_args()
    broker = start_embedded_broker()
    try:
        for wait in (int(w) for w in args.waits.split(",")):
            settings = isolated(
                Settings(broker=broker.url, metrics_port=free_port(), fetch_max_wait_ms=wait),
                new_run_id(),
            )
            worker = WorkerProcess(settings).start()
            assert worker.process is not None
            try:
                time.sleep(SETTLE_SECONDS)
                before = cpu_seconds(worker.process.pid)
                time.sleep(args.seconds)
                used = cpu_seconds(worker.process.pid) - before
            finally:
                worker.stop()
            print(
                f"fetch wait {wait:>4} ms: idle worker {100 * used / args.seconds:5.1f}% of a core"
            )
    finally:
        broker.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
