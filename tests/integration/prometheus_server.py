"""A real Prometheus server for tests, and the PromQL the deploy files use.

Not a test module. `run_prometheus` starts the `prometheus` binary (Debian's `prometheus`
package, or $PROMETHEUS_BIN) on a free loopback port with a configuration derived from
deploy/prometheus/prometheus.yml: the same jobs and alerting rules, a 1 s scrape and evaluation
interval, and each job's service discovery replaced by the test's own targets.
`queries_used` reads every PromQL expression out of the Grafana dashboards and the rule files,
so the tests never keep a copy of them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from prometheus_client import CollectorRegistry

from warwire.broker import free_port

REPO_ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = REPO_ROOT / "docker-compose.yml"
ALERTMANAGER_CONFIG = REPO_ROOT / "deploy" / "alertmanager" / "alertmanager.yml"
PROMETHEUS_DIR = REPO_ROOT / "deploy" / "prometheus"
PROMETHEUS_CONFIG = PROMETHEUS_DIR / "prometheus.yml"
RULES_DIR = PROMETHEUS_DIR / "rules"
RULE_TESTS = PROMETHEUS_DIR / "tests" / "warwire.rules.test.yml"
DASHBOARDS_DIR = REPO_ROOT / "deploy" / "grafana" / "dashboards"

WORKER_JOB = "warwire"
FORWARDER_JOB = "warwire-forwarder"

GRAFANA_INTERVALS = ("$__rate_interval", "$__interval", "$__range")
"""Grafana's interval variables, which Prometheus itself does not know."""

T = TypeVar("T")


def prometheus_binary() -> str | None:
    return os.environ.get("PROMETHEUS_BIN") or shutil.which("prometheus")


def promtool_binary() -> str | None:
    return os.environ.get("PROMTOOL_BIN") or shutil.which("promtool")


def alertmanager_binary() -> str | None:
    """Debian's `prometheus-alertmanager` package names it prometheus-alertmanager."""
    return (
        os.environ.get("ALERTMANAGER_BIN")
        or shutil.which("alertmanager")
        or shutil.which("prometheus-alertmanager")
    )


def render_alertmanager_config(webhook_url: str, rendered: Path) -> Path:
    """The Alertmanager config as the compose container writes it at start: the container's
    own shell command from docker-compose.yml, paths moved, run by sh with
    WARWIRE_ALERT_WEBHOOK_URL=webhook_url."""
    compose: dict[str, Any] = yaml.safe_load(COMPOSE_FILE.read_text())
    [command] = compose["services"]["alertmanager"]["command"]
    script = command.replace("$$", "$").split("&& exec", 1)[0]
    script = script.replace("/etc/alertmanager/alertmanager.yml", str(ALERTMANAGER_CONFIG))
    script = script.replace("/tmp/alertmanager.yml", str(rendered))
    subprocess.run(
        ["sh", "-c", script],
        env={"WARWIRE_ALERT_WEBHOOK_URL": webhook_url, "PATH": "/usr/bin:/bin"},
        check=True,
        timeout=30,
    )
    return rendered


@contextmanager
def run_alertmanager(
    webhook_url: str, storage: Path, startup_timeout: float = 30.0
) -> Iterator[str]:
    """A real Alertmanager with the deploy config, sending to `webhook_url`; yields its
    host:port."""
    binary = alertmanager_binary()
    if binary is None:
        raise FileNotFoundError("no alertmanager: apt-get install prometheus-alertmanager")
    storage.mkdir(parents=True, exist_ok=True)
    config = render_alertmanager_config(webhook_url, storage / "alertmanager.yml")
    address = f"127.0.0.1:{free_port()}"
    log_path = storage / "alertmanager.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                binary,
                f"--config.file={config}",
                f"--storage.path={storage / 'data'}",
                f"--web.listen-address={address}",
                "--cluster.listen-address=",
                "--log.level=warn",
            ],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        with _until_stopped(process, f"http://{address}", log_path, startup_timeout):
            yield address


# ---- the PromQL of the deploy files -----------------------------------------------------------


@dataclass(frozen=True)
class Query:
    source: str
    """Where the expression comes from: dashboard panel or alerting rule."""
    expr: str


def dashboard_queries(path: Path) -> list[Query]:
    """The `expr` of every panel target of one dashboard (panels nested in rows included)."""
    dashboard: dict[str, Any] = json.loads(path.read_text())
    queries: list[Query] = []

    def walk(panels: list[dict[str, Any]]) -> None:
        for panel in panels:
            for target in panel.get("targets", []):
                if target.get("expr"):
                    source = f"{path.name}: panel {panel.get('title')!r} {target.get('refId')}"
                    queries.append(Query(source, str(target["expr"])))
            walk(panel.get("panels", []))

    walk(dashboard.get("panels", []))
    return queries


def rule_queries(path: Path) -> list[Query]:
    document: dict[str, Any] = yaml.safe_load(path.read_text())
    return [
        Query(f"{path.name}: {rule.get('alert') or rule.get('record')}", str(rule["expr"]))
        for group in document["groups"]
        for rule in group["rules"]
    ]


def rule_names() -> list[str]:
    """Every rule, alerting and recording."""
    return [q.source.split(": ", 1)[1] for q in all_rule_queries()]


def alert_names() -> list[str]:
    """The alerting rules; recording rules are named level:metric, with colons."""
    return [name for name in rule_names() if ":" not in name]


def recorded_names() -> set[str]:
    return {name for name in rule_names() if ":" in name}


KAFKA_EXPORTER_METRICS = frozenset(
    {"kafka_brokers", "kafka_consumergroup_lag", "kafka_consumergroup_current_offset"}
)
"""Series of kafka-exporter (compose) that the rules read: they come from the brokers."""


def all_dashboard_queries() -> list[Query]:
    return [q for path in sorted(DASHBOARDS_DIR.glob("*.json")) for q in dashboard_queries(path)]


def all_rule_queries() -> list[Query]:
    return [q for path in sorted(RULES_DIR.glob("*.yml")) for q in rule_queries(path)]


def queries_used() -> list[Query]:
    """Every PromQL expression of deploy/grafana/dashboards and deploy/prometheus/rules."""
    return all_dashboard_queries() + all_rule_queries()


def concrete(expr: str, interval: str = "5m") -> str:
    """`expr` with Grafana's interval variables replaced by `interval`."""
    for variable in GRAFANA_INTERVALS:
        expr = expr.replace(variable, interval)
    return expr


_GROUPING = re.compile(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")
_TOKENS = re.compile(
    r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'"  # string literals
    r"|\{[^}]*\}|\[[^\]]*\]"  # label matchers and ranges not after a name
    r"|(?<![\w.:$])(?P<name>[a-zA-Z_:][\w:]*)(?P<labels>\s*\{[^}]*\})?(?P<call>\s*\()?"
)
_KEYWORDS = frozenset(
    {"and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right"}
    | {"offset", "bool", "inf", "nan"}
)


def selectors(expr: str) -> list[str]:
    """The vector selectors of `expr` (metric name and label matchers), each once, in order.
    Enough PromQL for the expressions of this project: no `{__name__=...}` selectors."""
    found: list[str] = []
    for match in _TOKENS.finditer(_GROUPING.sub(" ", concrete(expr))):
        name = match.group("name")
        if not name or match.group("call") or name.lower() in _KEYWORDS:
            continue
        selector = name + (match.group("labels") or "").strip()
        if selector not in found:
            found.append(selector)
    return found


def metric_names(expr: str) -> set[str]:
    return {selector.split("{", 1)[0] for selector in selectors(expr)}


def series_names(registry: CollectorRegistry) -> set[str]:
    """The names of the series a registry exposes, suffixes included."""
    names: set[str] = set()
    for family in registry.collect():
        if family.type == "counter":
            names.add(f"{family.name}_total")
        elif family.type == "histogram":
            names |= {f"{family.name}_{suffix}" for suffix in ("bucket", "sum", "count")}
        else:
            names.add(family.name)
    return names


def rules_with_short_windows(alertname: str, dest: Path, hold: str, window: str) -> Path:
    """The deploy rules copied to `dest`, with `alertname` made to fire within seconds: its
    `for:` set to `hold` and every range in its expression to `window`. The expression,
    labels, annotations and routing stay those shipped; `promtool test rules` checks the
    shipped windows themselves."""
    dest.mkdir(parents=True, exist_ok=True)
    found = False
    for source in sorted(RULES_DIR.glob("*.yml")):
        document = yaml.safe_load(source.read_text())
        for group in document.get("groups", []):
            for rule in group["rules"]:
                if rule.get("alert") != alertname:
                    continue
                found = True
                rule["for"] = hold
                rule["expr"] = re.sub(r"\[\d+[smhd]\]", f"[{window}]", rule["expr"])
        (dest / source.name).write_text(yaml.safe_dump(document, sort_keys=False))
    if not found:
        raise ValueError(f"no alert named {alertname} in {RULES_DIR}")
    return dest


# ---- the server -------------------------------------------------------------------------------


def render_config(
    targets: Mapping[str, list[str]],
    rules_dir: Path = RULES_DIR,
    interval: str = "1s",
    alertmanager: str | None = None,
) -> dict[str, Any]:
    """The deploy configuration keeping only the jobs in `targets` (job name -> host:port
    list), each scraping those targets instead of discovering its own, and sending alerts to
    `alertmanager` (host:port) when given, nowhere otherwise."""
    config: dict[str, Any] = yaml.safe_load(PROMETHEUS_CONFIG.read_text())
    if alertmanager:
        config["alerting"] = {"alertmanagers": [{"static_configs": [{"targets": [alertmanager]}]}]}
    else:
        config.pop("alerting", None)
    config["global"] = {
        **config.get("global", {}),
        "scrape_interval": interval,
        "scrape_timeout": interval,
        "evaluation_interval": interval,
    }
    config["rule_files"] = [str(rules_dir.resolve() / "*.yml")]
    jobs = []
    for job in config["scrape_configs"]:
        if job["job_name"] not in targets:
            continue
        for key in [k for k in job if k.endswith("_sd_configs") or k == "static_configs"]:
            del job[key]
        job.pop("scrape_interval", None)
        job.pop("scrape_timeout", None)
        job["static_configs"] = [{"targets": list(targets[job["job_name"]])}]
        jobs.append(job)
    missing = set(targets) - {job["job_name"] for job in jobs}
    if missing:
        raise ValueError(f"{PROMETHEUS_CONFIG} has no scrape job named {sorted(missing)}")
    config["scrape_configs"] = jobs
    return config


class PrometheusError(RuntimeError):
    pass


@dataclass
class Prometheus:
    url: str
    log_path: Path

    def api(self, path: str, params: Mapping[str, str] | None = None) -> Any:
        url = f"{self.url}/api/v1/{path}"
        if params:
            url += "?" + urllib.parse.urlencode(params)
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                body: dict[str, Any] = json.load(response)
        except urllib.error.HTTPError as error:
            detail = error.read().decode(errors="replace")
            raise PrometheusError(f"{path} {params}: {detail}") from error
        if body.get("status") != "success":
            raise PrometheusError(f"{path} {params}: {body}")
        return body["data"]

    def query(self, expr: str) -> list[dict[str, Any]]:
        """An instant query at the current time; the `result` list of the answer."""
        result: list[dict[str, Any]] = self.api("query", {"query": concrete(expr)})["result"]
        return result

    def value(self, expr: str) -> float | None:
        """The value of a query that returns at most one series."""
        result = self.query(expr)
        if len(result) > 1:
            raise PrometheusError(f"{expr} returned {len(result)} series")
        return float(result[0]["value"][1]) if result else None

    def alerts(self) -> list[dict[str, Any]]:
        alerts: list[dict[str, Any]] = self.api("alerts")["alerts"]
        return alerts

    def rules(self) -> list[dict[str, Any]]:
        groups = self.api("rules")["groups"]
        return [rule for group in groups for rule in group["rules"]]

    def targets(self) -> list[dict[str, Any]]:
        active: list[dict[str, Any]] = self.api("targets")["activeTargets"]
        return active


def _ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/-/ready", timeout=1) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@contextmanager
def run_prometheus(
    targets: Mapping[str, list[str]],
    storage: Path,
    startup_timeout: float = 30.0,
    alertmanager: str | None = None,
    rules_dir: Path = RULES_DIR,
) -> Iterator[Prometheus]:
    """A Prometheus server scraping `targets` (job -> host:port list) every second, its
    config, log and TSDB under `storage`, alerting to `alertmanager` (host:port) if given,
    evaluating the rules in `rules_dir` (the deploy rules unless given)."""
    binary = prometheus_binary()
    if binary is None:
        raise FileNotFoundError("no prometheus binary: apt-get install prometheus")
    storage.mkdir(parents=True, exist_ok=True)
    config_path = storage / "prometheus.yml"
    config = render_config(targets, rules_dir=rules_dir, alertmanager=alertmanager)
    config_path.write_text(yaml.safe_dump(config, sort_keys=False))
    port = free_port()
    server = Prometheus(f"http://127.0.0.1:{port}", storage / "prometheus.log")
    with server.log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                binary,
                f"--config.file={config_path}",
                f"--storage.tsdb.path={storage / 'data'}",
                f"--web.listen-address=127.0.0.1:{port}",
                "--storage.tsdb.retention.time=1h",
                "--log.level=warn",
            ],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        with _until_stopped(process, server.url, server.log_path, startup_timeout):
            yield server


@contextmanager
def _until_stopped(
    process: subprocess.Popen[bytes], url: str, log_path: Path, startup_timeout: float
) -> Iterator[None]:
    """Wait until the server at `url` says it is ready; stop it on leaving."""
    try:
        deadline = time.monotonic() + startup_timeout
        while not _ready(url):
            if process.poll() is not None or time.monotonic() > deadline:
                raise PrometheusError(
                    f"{url} not ready (exit code {process.poll()}):\n"
                    + log_path.read_text(errors="replace")
                )
            time.sleep(0.2)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until(
    probe: Callable[[], T | None], timeout: float, what: str, interval: float = 0.5
) -> T:
    """Call `probe` until it returns something truthy (a non-empty result); return that."""
    deadline = time.monotonic() + timeout
    while True:
        result = probe()
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"after {timeout}s still waiting for {what}")
        time.sleep(interval)
