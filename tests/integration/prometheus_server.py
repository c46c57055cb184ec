"""Helpers for end-to-end tests against a real Prometheus server.

Not a test module (no `test_` prefix). Two entry points:

* `run_prometheus(scrape_targets, rules_dir)`: a context manager that starts the `prometheus`
  binary on a free loopback port, with a configuration derived from
  deploy/prometheus/prometheus.yml (1 s scrape and evaluation interval, the `warwire` job's
  targets replaced), and yields its base URL (`http://127.0.0.1:PORT`).
* `queries_used()`: every PromQL expression of the Grafana dashboard and the alerting rules,
  so a test can run each one against live data.

The binary comes from Debian's `prometheus` package (`apt-get install -y prometheus`) or from
$PROMETHEUS_BIN.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
PROMETHEUS_DIR = REPO_ROOT / "deploy" / "prometheus"
PROMETHEUS_CONFIG = PROMETHEUS_DIR / "prometheus.yml"
RULES_DIR = PROMETHEUS_DIR / "rules"
DASHBOARDS_DIR = REPO_ROOT / "deploy" / "grafana" / "dashboards"

WORKER_JOB = "warwire"
FORWARDER_JOB = "warwire-forwarder"

# Grafana's interval variables, replaced by a concrete range when a dashboard query runs
# outside Grafana.
GRAFANA_INTERVALS = ("$__rate_interval", "$__interval", "$__range")


def prometheus_binary() -> str | None:
    """Path of the prometheus server binary, or None when it is not installed."""
    return os.environ.get("PROMETHEUS_BIN") or shutil.which("prometheus")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def render_config(
    scrape_targets: list[str],
    rules_dir: Path,
    forwarder_targets: list[str] | None = None,
    interval: str = "1s",
) -> dict[str, Any]:
    """The deploy configuration with test targets: only the warwire jobs are kept."""
    config: dict[str, Any] = yaml.safe_load(PROMETHEUS_CONFIG.read_text())
    config.setdefault("global", {})
    config["global"]["scrape_interval"] = interval
    config["global"]["evaluation_interval"] = interval
    config["global"]["scrape_timeout"] = interval
    config["rule_files"] = [str(Path(rules_dir).resolve() / "*.yml")]
    wanted = {WORKER_JOB: list(scrape_targets)}
    if forwarder_targets:
        wanted[FORWARDER_JOB] = list(forwarder_targets)
    jobs = []
    for job in config["scrape_configs"]:
        name = job["job_name"]
        if name not in wanted:
            continue
        job.pop("scrape_interval", None)
        job.pop("scrape_timeout", None)
        job["static_configs"] = [{"targets": wanted[name]}]
        jobs.append(job)
    missing = set(wanted) - {job["job_name"] for job in jobs}
    if missing:
        raise ValueError(f"{PROMETHEUS_CONFIG} has no scrape job named {sorted(missing)}")
    config["scrape_configs"] = jobs
    return config


def _ready(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/-/ready", timeout=1) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def run_prometheus(
    scrape_targets: list[str],
    rules_dir: Path = RULES_DIR,
    *,
    forwarder_targets: list[str] | None = None,
    startup_timeout: float = 30.0,
) -> Iterator[str]:
    """Run a throwaway Prometheus server scraping `scrape_targets` (host:port) every second.

    Yields the base URL. The server, its config and its TSDB are removed on exit.
    """
    binary = prometheus_binary()
    if binary is None:
        raise FileNotFoundError(
            "prometheus binary not found: apt-get install -y prometheus, or set PROMETHEUS_BIN"
        )
    with tempfile.TemporaryDirectory(prefix="warwire-prometheus-") as tmp:
        tmp_dir = Path(tmp)
        config_path = tmp_dir / "prometheus.yml"
        config = render_config(scrape_targets, rules_dir, forwarder_targets)
        config_path.write_text(yaml.safe_dump(config, sort_keys=False))
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        log_path = tmp_dir / "prometheus.log"
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                [
                    binary,
                    f"--config.file={config_path}",
                    f"--storage.tsdb.path={tmp_dir / 'data'}",
                    f"--web.listen-address=127.0.0.1:{port}",
                    "--storage.tsdb.retention.time=1h",
                    "--log.level=warn",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            try:
                deadline = time.monotonic() + startup_timeout
                while not _ready(base_url):
                    if process.poll() is not None:
                        raise RuntimeError(
                            f"prometheus exited with {process.returncode}:\n"
                            + log_path.read_text(errors="replace")
                        )
                    if time.monotonic() > deadline:
                        raise TimeoutError(
                            f"prometheus not ready after {startup_timeout}s:\n"
                            + log_path.read_text(errors="replace")
                        )
                    time.sleep(0.2)
                yield base_url
            finally:
                if process.poll() is None:
                    process.terminate()
                    try:
                        process.wait(timeout=10)
                    except subprocess.TimeoutExpired:
                        process.kill()
                        process.wait()


def dashboard_queries(path: Path) -> list[str]:
    """Every `expr` of every panel target in one Grafana dashboard JSON (rows included)."""
    dashboard: dict[str, Any] = json.loads(path.read_text())
    exprs: list[str] = []

    def walk(panels: list[dict[str, Any]]) -> None:
        for panel in panels:
            exprs.extend(t["expr"] for t in panel.get("targets", []) if t.get("expr"))
            walk(panel.get("panels", []))

    walk(dashboard.get("panels", []))
    return exprs


def rule_queries(path: Path) -> list[str]:
    """Every `expr` of every alerting or recording rule in one rules file."""
    groups: dict[str, Any] = yaml.safe_load(path.read_text())
    return [str(rule["expr"]) for group in groups["groups"] for rule in group["rules"]]


def queries_used() -> list[str]:
    """Every PromQL expression in deploy/grafana/dashboards/*.json and deploy/prometheus/rules.

    Dashboard expressions keep Grafana's `$__rate_interval`-style variables; pass them through
    `concrete_query` before sending them to Prometheus.
    """
    exprs: list[str] = []
    for dashboard in sorted(DASHBOARDS_DIR.glob("*.json")):
        exprs.extend(dashboard_queries(dashboard))
    for rules in sorted(RULES_DIR.glob("*.yml")):
        exprs.extend(rule_queries(rules))
    return exprs


def concrete_query(expr: str, interval: str = "1m") -> str:
    """`expr` with Grafana's interval variables replaced by `interval`."""
    for variable in GRAFANA_INTERVALS:
        expr = expr.replace(variable, interval)
    return expr


def query(base_url: str, expr: str, timeout: float = 5.0) -> list[dict[str, Any]]:
    """Run an instant query; returns the `result` list (raises on a PromQL error)."""
    url = f"{base_url}/api/v1/query?" + urllib.parse.urlencode({"query": concrete_query(expr)})
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            body: dict[str, Any] = json.load(response)
    except urllib.error.HTTPError as error:
        raise RuntimeError(f"query {expr!r} failed: {error.read().decode(errors='replace')}") from error
    if body.get("status") != "success":
        raise RuntimeError(f"query {expr!r} failed: {body}")
    result: list[dict[str, Any]] = body["data"]["result"]
    return result
