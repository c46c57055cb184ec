"""The deploy files, checked statically: Prometheus config and rules (with promtool), the
Grafana dashboard and provisioning, docker-compose.yml, the Dockerfile, the dependency lock
and the reference tables of the docs. The few tests that run a compose command for real
(topic set-up, health checks) use the embedded broker and are marked `integration`."""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path, PurePosixPath
from types import ModuleType
from typing import Any

import pytest
import yaml
from aiokafka.admin import AIOKafkaAdminClient
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.integration.prometheus_server import (
    ALERTMANAGER_CONFIG,
    DASHBOARDS_DIR,
    KAFKA_EXPORTER_METRICS,
    PROMETHEUS_CONFIG,
    PROMETHEUS_DIR,
    RULE_TESTS,
    RULES_DIR,
    alert_names,
    all_dashboard_queries,
    all_rule_queries,
    metric_names,
    promtool_binary,
    recorded_names,
    render_alertmanager_config,
    rule_names,
    selectors,
    series_names,
)
from warwire import metrics
from warwire.broker import bootstrap_servers, free_port
from warwire.config import Settings
from warwire.kafka_io import topic_configs
from warwire.session import settings_env

PINNED = re.compile(r"[\w./-]+:v?\d[\w.-]*@sha256:[0-9a-f]{64}")
REPO = Path(__file__).resolve().parents[2]
COMPOSE_FILE = REPO / "docker-compose.yml"
DOCKERFILE = REPO / "Dockerfile"
DOCKERIGNORE = REPO / ".dockerignore"
LOCK = REPO / "deploy" / "requirements.lock"
DASHBOARD = DASHBOARDS_DIR / "warwire.json"
DATASOURCES = REPO / "deploy" / "grafana" / "provisioning" / "datasources" / "prometheus.yml"
DASHBOARD_PROVIDERS = REPO / "deploy" / "grafana" / "provisioning" / "dashboards" / "warwire.yml"

DASHBOARD_UID = "warwire-overview"
"""Links and bookmarks point at this uid: it must never change."""

WORKER = "warwire-worker"
FORWARDER = "warwire-forwarder"
KAFKA_INIT = "kafka-init"

COMPOSE_OVERRIDES = {
    "WARWIRE_BROKER": "the compose network's Kafka instead of an embedded broker",
    "WARWIRE_LOG_LEVEL": "info rather than warning for a long-running service",
    "WARWIRE_DATA_DIR": "a directory the image creates for the non-root user",
}
"""Settings whose compose default deliberately differs from the code's default."""
FIXED_IN_COMPOSE = {"WARWIRE_METRICS_PORT", "WARWIRE_METRICS_HOST", "WARWIRE_DATA_DIR"}
"""Settings the image layout and the scrape config depend on: not taken from the host."""


def load_doc_tables() -> ModuleType:
    spec = importlib.util.spec_from_file_location("doc_tables", REPO / "tools" / "doc_tables.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


doc_tables = load_doc_tables()
SETTINGS_ENV = {var.name: var for var in doc_tables.env_vars()}
SETTINGS_ENV_NAMES = {name for var in SETTINGS_ENV.values() for name in var.names}


# ---- Prometheus -------------------------------------------------------------------------------

PROMTOOL = promtool_binary()
needs_promtool = pytest.mark.skipif(
    PROMTOOL is None, reason="promtool not installed (Debian: apt-get install prometheus)"
)


def promtool(*args: str) -> subprocess.CompletedProcess[str]:
    assert PROMTOOL is not None
    return subprocess.run(
        [PROMTOOL, *args], cwd=PROMETHEUS_DIR, capture_output=True, text=True, timeout=60
    )


@needs_promtool
def test_promtool_accepts_the_scrape_config() -> None:
    result = promtool("check", "config", PROMETHEUS_CONFIG.name)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout


@needs_promtool
def test_promtool_accepts_the_rules() -> None:
    rule_files = sorted(str(path.relative_to(PROMETHEUS_DIR)) for path in RULES_DIR.glob("*.yml"))
    assert rule_files
    result = promtool("check", "rules", *rule_files)
    assert result.returncode == 0, result.stdout + result.stderr
    found = sum(int(n) for n in re.findall(r"SUCCESS: (\d+) rules found", result.stdout))
    assert found == len(rule_names()), result.stdout


@needs_promtool
def test_promtool_rule_unit_tests_pass() -> None:
    result = promtool("test", "rules", str(RULE_TESTS.relative_to(PROMETHEUS_DIR)))
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_alerting_rule_has_a_unit_test_and_an_explanation() -> None:
    tested = yaml.safe_load(RULE_TESTS.read_text())
    alerts = {
        case["alertname"]
        for test in tested["tests"]
        for case in test.get("alert_rule_test", [])
        if case.get("exp_alerts")
    }
    assert alerts == set(alert_names()), "every rule must fire in at least one promtool test"
    for query in all_rule_queries():
        assert f"`{query.source.split(': ')[1]}`" in (REPO / "docs" / "operations.md").read_text()


def scrape_jobs() -> dict[str, dict[str, Any]]:
    config = yaml.safe_load(PROMETHEUS_CONFIG.read_text())
    return {job["job_name"]: job for job in config["scrape_configs"]}


def test_every_job_a_query_filters_on_is_scraped() -> None:
    jobs = set(scrape_jobs())
    for query in all_dashboard_queries() + all_rule_queries():
        for job in re.findall(r'job="([^"]+)"', query.expr):
            assert job in jobs, query


# ---- Grafana ----------------------------------------------------------------------------------


def panels(dashboard: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for panel in dashboard["panels"]:
        yield panel
        yield from panel.get("panels", [])


def test_dashboard_is_valid_json_with_a_stable_uid_and_well_formed_panels() -> None:
    dashboard = json.loads(DASHBOARD.read_text())
    assert dashboard["uid"] == DASHBOARD_UID
    assert dashboard["title"]
    datasource_uid = yaml.safe_load(DATASOURCES.read_text())["datasources"][0]["uid"]
    ids = [panel["id"] for panel in panels(dashboard)]
    assert len(ids) == len(set(ids)), "panel ids must be unique"
    for panel in panels(dashboard):
        if panel["type"] == "row":
            continue
        grid = panel["gridPos"]
        assert grid["x"] + grid["w"] <= 24, panel["title"]
        assert panel["datasource"]["uid"] == datasource_uid, panel["title"]
        refs = [target["refId"] for target in panel["targets"]]
        assert refs and len(refs) == len(set(refs)), panel["title"]
        for target in panel["targets"]:
            assert target["datasource"]["uid"] == datasource_uid, panel["title"]
            assert selectors(target["expr"]), (panel["title"], target["expr"])


def test_dashboard_covers_throughput_latency_lag_dead_letters_alerts_and_incidents() -> None:
    used = set().union(*(metric_names(q.expr) for q in all_dashboard_queries()))
    for name in (
        "warwire_articles_consumed_total",
        "warwire_stage_duration_seconds_bucket",
        "warwire_article_to_alert_latency_seconds_bucket",
        "warwire_consumer_lag_messages",
        "warwire_articles_rejected_total",
        "warwire_alerts_published_total",
        "warwire_incidents_open",
    ):
        assert name in used


def test_every_query_uses_only_metrics_the_code_defines() -> None:
    defined = (
        series_names(metrics.REGISTRY)
        | series_names(metrics.FORWARDER_REGISTRY)
        | {"up", "process_start_time_seconds"}
        | KAFKA_EXPORTER_METRICS
        | recorded_names()
    )
    for query in all_dashboard_queries() + all_rule_queries():
        names = metric_names(query.expr)
        assert names or query.expr.startswith("vector("), query
        assert names <= defined, (query.source, names - defined)


def test_the_metric_name_parser_finds_names_and_skips_functions_labels_and_keywords() -> None:
    expr = (
        'histogram_quantile(0.9, sum by (le, stage) (rate(a_bucket{stage="fold"}[5m]))) '
        "/ on() group_left b_total offset 30m and ignoring(job) absent(up == 1) > bool 0.5"
    )
    assert selectors(expr) == ['a_bucket{stage="fold"}', "b_total", "up"]


# ---- docker-compose.yml -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(COMPOSE_FILE.read_text())
    return document


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = compose["services"]
    return found


_INTERPOLATION = re.compile(r"\$\{(?P<name>\w+)(?::?-(?P<default>[^}]*))?\}")


def interpolated(value: object) -> tuple[str, str] | None:
    """(variable, default) when `value` is exactly one `${VAR:-default}`."""
    match = _INTERPOLATION.fullmatch(str(value))
    return (match["name"], match["default"] or "") if match else None


def resolve(value: object) -> str:
    """`value` as compose would pass it with no variable set in the environment."""
    return _INTERPOLATION.sub(lambda m: m["default"] or "", str(value))


def test_the_stack_has_every_service(services: dict[str, dict[str, Any]]) -> None:
    assert set(services) == {
        "kafka",
        KAFKA_INIT,
        WORKER,
        FORWARDER,
        "prometheus",
        "alertmanager",
        "kafka-exporter",
        "grafana",
    }
    assert services["kafka"]["image"].startswith("apache/kafka:")
    assert services["prometheus"]["image"].startswith("prom/prometheus:")
    assert services["alertmanager"]["image"].startswith("prom/alertmanager:")
    assert services["kafka-exporter"]["image"].startswith("danielqsj/kafka-exporter:")
    assert services["grafana"]["image"].startswith("grafana/grafana:")
    for name in (KAFKA_INIT, WORKER, FORWARDER):
        assert services[name]["build"] == {"context": ".", "dockerfile": "Dockerfile"}, name
        assert services[name]["image"] == services[WORKER]["image"], name
    for name, service in services.items():
        image = resolve(service["image"])
        if name in (KAFKA_INIT, WORKER, FORWARDER):
            assert ":" in image and not image.endswith(":latest"), f"{name}: pin a tag"
        else:
            assert PINNED.fullmatch(image), f"{name}: pin a version tag and its digest: {image}"


def test_every_service_restarts_and_has_a_healthcheck(services: dict[str, Any]) -> None:
    for name, service in services.items():
        assert service.get("restart") in ("unless-stopped", "always") or str(
            service.get("restart")
        ).startswith("on-failure"), name
        assert service["healthcheck"]["test"], name
        assert not service["healthcheck"].get("disable"), name


def test_kafka_runs_kraft_with_a_listener_for_the_network_and_one_for_the_host(
    services: dict[str, Any],
) -> None:
    env = {key: resolve(value) for key, value in services["kafka"]["environment"].items()}
    assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    assert "ZOOKEEPER" not in " ".join(env)
    advertised = dict(item.split("://") for item in env["KAFKA_ADVERTISED_LISTENERS"].split(","))
    listeners = dict(item.split("://") for item in env["KAFKA_LISTENERS"].split(","))
    assert advertised["INTERNAL"] == "kafka:9092"
    # The host listener advertises the port compose publishes it on.
    [published] = [resolve(p) for p in services["kafka"]["ports"]]
    host_ip, host_port, container_port = published.split(":")
    assert host_ip == "127.0.0.1"
    assert listeners["EXTERNAL"] == f":{container_port}"
    assert advertised["EXTERNAL"] == f"localhost:{host_port}"
    assert (
        bootstrap_servers(resolve(services[WORKER]["environment"]["WARWIRE_BROKER"]))
        == (advertised["INTERNAL"])
    )


def test_published_ports_listen_on_loopback_only(services: dict[str, Any]) -> None:
    for name, service in services.items():
        for port in service.get("ports", []):
            assert resolve(port).startswith("127.0.0.1:"), (name, port)


def test_every_bind_mount_exists_in_the_repository(services: dict[str, Any]) -> None:
    mounts = 0
    for name, service in services.items():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith((".", "/")):
                assert (REPO / source).exists(), (name, source)
                mounts += 1
    assert mounts >= 3


def test_warwire_containers_read_only_settings_the_code_defines(services: dict[str, Any]) -> None:
    for name in (KAFKA_INIT, WORKER, FORWARDER):
        unknown = [
            variable
            for variable in services[name]["environment"]
            if variable.startswith("WARWIRE_") and variable not in SETTINGS_ENV_NAMES
        ]
        assert not unknown, f"{name}: warwire.config.Settings reads none of {unknown}"
    assert not [v for v in services[WORKER]["environment"] if v.startswith("WARWIRE_FORWARD_")]


def test_every_setting_comes_from_the_environment_with_the_code_default(
    services: dict[str, Any],
) -> None:
    worker_env = services[WORKER]["environment"]
    forwarder_env = services[FORWARDER]["environment"]
    for variable, setting in SETTINGS_ENV.items():
        env = forwarder_env if variable.startswith("WARWIRE_FORWARD_") else worker_env
        assert variable in env, f"{variable} cannot be set for the containers"
        if variable in FIXED_IN_COMPOSE:
            continue
        parsed = interpolated(env[variable])
        assert parsed is not None, f"{variable}: {env[variable]!r} is not ${{...}}"
        assert parsed[0] == variable, "the host variable has the container's name"
        if variable not in COMPOSE_OVERRIDES:
            assert parsed[1] == setting.default, variable


def test_compose_defaults_make_valid_settings_with_the_code_topics(
    services: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable, value in services[WORKER]["environment"].items():
        monkeypatch.setenv(variable, resolve(value))
    from_compose = Settings()
    assert from_compose.topics == Settings.model_fields["topics"].get_default(
        call_default_factory=True
    )
    assert from_compose.thresholds.model_dump() == Settings().thresholds.model_dump()
    assert services[KAFKA_INIT]["environment"] == services[WORKER]["environment"]


def test_workers_run_two_replicas_that_prometheus_discovers(services: dict[str, Any]) -> None:
    worker = services[WORKER]
    assert worker["deploy"]["replicas"] == 2
    assert worker["command"] == ["run"]
    assert "ports" not in worker, "replicas cannot share a host port"
    port = int(worker["environment"]["WARWIRE_METRICS_PORT"])
    jobs = scrape_jobs()
    for job, service in (("warwire", WORKER), ("warwire-forwarder", FORWARDER)):
        [discovery] = jobs[job]["dns_sd_configs"]
        assert discovery["names"] == [service] and discovery["port"] == port
        assert str(port) in [str(p) for p in services[service]["expose"]]


def test_forwarder_is_optional_and_posts_to_a_configurable_url(services: dict[str, Any]) -> None:
    forwarder = services[FORWARDER]
    assert forwarder["profiles"] == ["forward"]
    command = forwarder["command"]
    assert command[:2] == ["forward", "--url"]
    assert interpolated(command[2]) is not None


def test_kafka_init_runs_the_workers_topic_setup(services: dict[str, Any]) -> None:
    init = services[KAFKA_INIT]
    assert "entrypoint" not in init  # the image's own: `warwire`
    assert init["command"] == ["topics", "--create"]
    for name in (WORKER, FORWARDER):
        assert services[name]["depends_on"][KAFKA_INIT] == {
            "condition": "service_completed_successfully"
        }


def test_grafana_provisions_the_dashboard_from_the_mounted_folder(
    services: dict[str, Any],
) -> None:
    grafana = services["grafana"]
    mounts = dict(volume.split(":")[:2] for volume in grafana["volumes"])
    dashboards_in_container = mounts["./deploy/grafana/dashboards"]
    assert mounts["./deploy/grafana/provisioning"] == "/etc/grafana/provisioning"
    [provider] = yaml.safe_load(DASHBOARD_PROVIDERS.read_text())["providers"]
    assert provider["options"]["path"] == dashboards_in_container
    home = PurePosixPath(grafana["environment"]["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"])
    assert str(home.parent) == dashboards_in_container
    assert (DASHBOARDS_DIR / home.name).is_file()
    # Required: no default password ships, compose refuses to start without one.
    assert re.fullmatch(
        r"\$\{GRAFANA_ADMIN_PASSWORD:\?[^}]+\}",
        grafana["environment"]["GF_SECURITY_ADMIN_PASSWORD"],
    )
    [datasource] = yaml.safe_load(DATASOURCES.read_text())["datasources"]
    assert datasource["url"] == "http://prometheus:9090"


def test_prometheus_loads_the_repository_config(services: dict[str, Any]) -> None:
    prometheus = services["prometheus"]
    mounts = dict(volume.split(":")[:2] for volume in prometheus["volumes"])
    config_dir = mounts["./deploy/prometheus"]
    [config_flag] = [f for f in prometheus["command"] if f.startswith("--config.file=")]
    config_path = PurePosixPath(config_flag.split("=", 1)[1])
    assert str(config_path.parent) == config_dir
    assert (PROMETHEUS_DIR / config_path.name) == PROMETHEUS_CONFIG


def healthcheck_code(service: dict[str, Any]) -> str:
    test = service["healthcheck"]["test"]
    assert test[:3] == ["CMD", "python", "-c"]
    return str(test[3])


@pytest.mark.integration
def test_metrics_healthcheck_passes_on_a_serving_port_and_fails_without(
    services: dict[str, Any],
) -> None:
    code = healthcheck_code(services[WORKER])
    assert services[FORWARDER]["healthcheck"] == services[WORKER]["healthcheck"]
    port = free_port()
    server = metrics.serve_metrics(port, addr="127.0.0.1")
    assert server is not None
    try:
        env = {**os.environ, "WARWIRE_METRICS_PORT": str(port)}
        assert subprocess.run([sys.executable, "-c", code], env=env, timeout=30).returncode == 0
    finally:
        server.shutdown()
        server.server_close()
    failed = subprocess.run([sys.executable, "-c", code], env=env, timeout=30, capture_output=True)
    assert failed.returncode != 0


@pytest.mark.integration
def test_kafka_init_creates_every_topic_on_a_real_broker(
    services: dict[str, Any], settings: Settings
) -> None:
    init = services[KAFKA_INIT]
    env = {**os.environ, **settings_env(settings)}
    command = [sys.executable, "-m", "warwire", *init["command"]]
    health = [sys.executable, "-c", healthcheck_code(init)]
    assert subprocess.run(health, env=env, timeout=30).returncode == 0
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr

    async def listed() -> set[str]:
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers(settings.broker))
        await admin.start()
        try:
            return set(await admin.list_topics())
        finally:
            await admin.close()

    printed = {line.split()[1]: line for line in result.stdout.splitlines()}
    on_broker = asyncio.run(listed())
    assert set(topic_configs(settings)) <= on_broker
    changelogs = {name for name, line in printed.items() if line.startswith("changelog ")}
    assert len(changelogs) == 5 and changelogs <= on_broker
    assert all(printed[name].endswith(" created") for name in topic_configs(settings))
    assert f"group {settings.app_id} (workers)" in result.stdout
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0
    listed_again = [line for line in again.stdout.splitlines() if " partitions=" in line]
    assert listed_again and all(line.endswith(" exists") for line in listed_again)


# ---- Dockerfile -------------------------------------------------------------------------------


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the Dockerfile, continuation lines joined."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    found = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            found.append((keyword.upper(), rest.strip()))
    return found


def runtime_stage() -> list[tuple[str, str]]:
    steps = instructions()
    last_from = max(i for i, (keyword, _) in enumerate(steps) if keyword == "FROM")
    return steps[last_from:]


def test_image_runs_as_a_non_root_user() -> None:
    users = [args for keyword, args in runtime_stage() if keyword == "USER"]
    assert users, "the runtime stage must switch user"
    user = users[-1].split(":")[0]
    assert user not in ("root", "0")
    assert "useradd" in " ".join(args for keyword, args in runtime_stage() if keyword == "RUN")


def test_image_is_slim_python_of_the_supported_version() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text())
    minimum = pyproject["project"]["requires-python"].removeprefix(">=")
    [default] = [a for k, a in instructions() if k == "ARG" and a.startswith("PYTHON_IMAGE=")]
    assert re.fullmatch(
        rf"PYTHON_IMAGE=python:{re.escape(minimum)}-slim(-\w+)?@sha256:[0-9a-f]{{64}}", default
    )


def test_image_installs_the_locked_dependencies_then_the_package() -> None:
    runs = [args for keyword, args in instructions() if keyword == "RUN"]
    install_lock = [r for r in runs if "-r deploy/requirements.lock" in r]
    install_package = [r for r in runs if re.search(r"pip install --no-deps \.(\s|$)", r)]
    assert install_lock and install_package
    assert runs.index(install_lock[0]) < runs.index(install_package[0])
    assert "pip check" in install_package[0]


def dockerignore_excludes(path: str) -> bool:
    """Whether the build context leaves `path` out (last matching pattern wins; a pattern
    that matches a parent folder covers everything inside it)."""
    excluded = False
    parts = PurePosixPath(path).parts
    for raw in DOCKERIGNORE.read_text().splitlines():
        pattern = raw.strip()
        if not pattern or pattern.startswith("#"):
            continue
        negate = pattern.startswith("!")
        regex = re.escape(pattern.lstrip("!")).replace(r"\*\*/", "(.*/)?")
        regex = regex.replace(r"\*", "[^/]*").replace(r"\?", "[^/]")
        candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        if any(re.fullmatch(regex, candidate) for candidate in candidates):
            excluded = not negate
    return excluded


def test_every_copied_source_exists_and_is_in_the_build_context() -> None:
    copies = [
        shlex.split(args)
        for keyword, args in instructions()
        if keyword == "COPY" and not args.startswith("--from")
    ]
    assert copies
    for *sources, _destination in copies:
        for source in sources:
            path = REPO / source
            assert path.exists(), source
            files = [path] if path.is_file() else sorted(path.rglob("*.py"))
            for file in files:
                relative = str(file.relative_to(REPO))
                assert not dockerignore_excludes(relative), relative
    assert dockerignore_excludes("tests/unit/test_deploy.py")
    assert dockerignore_excludes("deploy/grafana/dashboards/warwire.json")
    assert dockerignore_excludes(".venv/bin/python")


def test_image_runs_warwire_and_checks_its_own_health() -> None:
    steps = dict(runtime_stage())
    assert json.loads(steps["ENTRYPOINT"]) == ["warwire"]
    assert json.loads(steps["CMD"]) == ["run"]
    assert "WARWIRE_METRICS_PORT=9464" in steps["ENV"]
    assert steps["EXPOSE"] == "9464"
    assert "/metrics" in steps["HEALTHCHECK"]


# ---- deploy/requirements.lock -----------------------------------------------------------------


def runtime_dependencies() -> dict[str, str]:
    """Name -> installed version of everything warwire needs at run time: its requirements
    and theirs, with the extras a requirement asks for (aiokafka's codecs) and no others."""
    found: dict[str, str] = {}
    pending: list[tuple[str, frozenset[str]]] = [("warwire", frozenset())]
    visited: set[tuple[str, frozenset[str]]] = set()
    while pending:
        distribution, extras = pending.pop()
        for line in metadata.distribution(distribution).requires or []:
            requirement = Requirement(line)
            marker = requirement.marker
            if marker and not any(marker.evaluate({"extra": e}) for e in {"", *extras}):
                continue
            name = canonicalize_name(requirement.name)
            found[name] = metadata.version(requirement.name)
            wanted = (name, frozenset(requirement.extras))
            if wanted not in visited:
                visited.add(wanted)
                pending.append((requirement.name, wanted[1]))
    return found


def test_lock_pins_exactly_the_installed_runtime_dependencies() -> None:
    pins = {}
    for line in LOCK.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, separator, version = line.partition("==")
            assert separator, f"not an exact pin: {line}"
            pins[canonicalize_name(name)] = version
    assert pins == runtime_dependencies()


# ---- docs -------------------------------------------------------------------------------------


def test_doc_tables_match_the_code() -> None:
    for marker, (path, build) in doc_tables.TABLES.items():
        text = path.read_text()
        assert doc_tables.render(text, marker, build()) == text, (
            f"{path.name} {marker} is stale: run .venv/bin/python tools/doc_tables.py"
        )


def test_every_setting_is_described() -> None:
    undescribed = [var.name for var in SETTINGS_ENV.values() if not var.description]
    assert not undescribed, "give the Field a description (or see tools/doc_tables.py)"


# ---- Alertmanager -------------------------------------------------------------------------------

AMTOOL = shutil.which("amtool")
needs_amtool = pytest.mark.skipif(
    AMTOOL is None, reason="amtool not installed (Debian: apt-get install prometheus-alertmanager)"
)


def rendered_alertmanager_config(url: str, tmp_path: Path) -> Path:
    return render_alertmanager_config(url, tmp_path / "alertmanager.yml")


def test_the_alertmanager_container_puts_the_webhook_url_from_the_environment_in_place(
    services: dict[str, Any], tmp_path: Path
) -> None:
    url = "https://hooks.example.org/warwire?team=news&route=a|b"
    rendered = rendered_alertmanager_config(url, tmp_path)
    config = yaml.safe_load(rendered.read_text())
    [receiver] = config["receivers"]
    assert receiver["webhook_configs"][0]["url"] == url
    assert "webhook-url-from-environment" not in rendered.read_text()
    prometheus = yaml.safe_load(PROMETHEUS_CONFIG.read_text())
    [target] = prometheus["alerting"]["alertmanagers"][0]["static_configs"][0]["targets"]
    assert target == "alertmanager:9093"


@needs_amtool
def test_amtool_accepts_the_alertmanager_config(services: dict[str, Any], tmp_path: Path) -> None:
    assert AMTOOL is not None
    rendered = rendered_alertmanager_config("http://127.0.0.1:9099/alerts", tmp_path)
    for config in (ALERTMANAGER_CONFIG, rendered):
        result = subprocess.run(
            [AMTOOL, "check-config", str(config)], capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_expected_workers_equal_the_compose_replicas(services: dict[str, Any]) -> None:
    document = yaml.safe_load((RULES_DIR / "expected-workers.yml").read_text())
    [rule] = [r for g in document["groups"] for r in g["rules"]]
    assert rule["record"] == "warwire:expected_workers"
    assert rule["expr"] == f"vector({services[WORKER]['deploy']['replicas']})"
