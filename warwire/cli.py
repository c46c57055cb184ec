"""The `warwire` command: run, replay, demo, produce, alerts, forward, dlq, topics."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TypeAlias

import orjson
from pydantic import ValidationError

from schemas import Alert, Article
from warwire import codec
from warwire.alert_text import format_alert
from warwire.config import COMPRESSIONS, DEFAULT_COMPRESSION, Settings, get_settings
from warwire.extract import nlp
from warwire.progress import Progress

NEEDS_MODEL = frozenset({"run", "replay", "demo"})
"""Commands that extract, and so need the English model of the linguistic layer."""
CLIENT_COMMANDS = frozenset({"produce", "alerts", "dlq", "topics"})
"""Commands that only talk to a broker someone else runs."""
BROKER_CHECK_SECONDS = 10.0
SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "articles.jsonl"


class UserError(Exception):
    """A problem the user can fix, told in one line (with `--debug`, as a traceback)."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    debug = args.debug or os.environ.get("WARWIRE_LOG_LEVEL", "").strip().lower() == "debug"
    try:
        if args.command in NEEDS_MODEL and nlp.installed_model() is None:
            raise UserError(nlp.missing_model_message())
        settings = load_settings()
        logging.basicConfig(
            level=settings.log_level.upper(),
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        )
        if args.command in CLIENT_COMMANDS and not debug:
            # The Kafka client logs every failed connection attempt as an ERROR; these commands
            # say what matters in their own words.
            logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
        result: int = args.handler(args, settings)
        return result
    except BrokenPipeError:
        # `warwire alerts | head`: the reader has gone, which is no error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:
        message = one_line(exc)
        if debug or message is None:
            raise
        print(f"warwire {args.command}: {message}", file=sys.stderr)
        return 2


def one_line(exc: Exception) -> str | None:
    """What went wrong and how to fix it, for the errors a user can fix; None for a bug."""
    from aiokafka.errors import KafkaConnectionError

    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, OSError) and exc.filename is not None:
        return f"cannot read {exc.filename}: {exc.strerror}"
    if isinstance(exc, KafkaConnectionError):
        return f"cannot reach the broker ({exc}): check WARWIRE_BROKER"
    return None


def load_settings() -> Settings:
    """The settings from the environment; a bad value names its variable and what it takes."""
    try:
        return get_settings()
    except ValidationError as exc:
        error = exc.errors()[0]
        variable = env_variable(exc.title, [str(part) for part in error["loc"]])
        raise UserError(f"{variable}={error.get('input')!r}: {error['msg']}") from exc


def env_variable(model_name: str, location: list[str]) -> str:
    from warwire import config

    model = getattr(config, model_name, config.Settings)
    prefix = str(model.model_config.get("env_prefix", "WARWIRE_"))
    return (prefix + "_".join(location)).upper()


def check_broker_reachable(settings: Settings, timeout: float = BROKER_CHECK_SECONDS) -> None:
    """Fail within `timeout` seconds, naming the address, when no bootstrap server answers."""
    from warwire.broker import bootstrap_servers

    servers = bootstrap_servers(settings.broker).split(",")
    reasons = []
    for server in servers:
        host, _, port = server.rpartition(":")
        try:
            with socket.create_connection((host, int(port)), timeout=timeout / len(servers)):
                return
        except (OSError, ValueError) as exc:
            reasons.append(f"{server} ({getattr(exc, 'strerror', None) or exc})")
    raise UserError(f"cannot reach the broker at {', '.join(reasons)}: check WARWIRE_BROKER")


Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="warwire", description=__doc__)
    parser.add_argument(
        "--debug", action="store_true", help="show tracebacks (as WARWIRE_LOG_LEVEL=debug does)"
    )
    sub = parser.add_subparsers(dest="command")
    _add_pipeline_commands(sub)
    _add_client_commands(sub)
    _add_operator_commands(sub)
    return parser


def _add_pipeline_commands(sub: Subcommands) -> None:
    """Commands that run workers: run, replay, demo."""
    run = sub.add_parser("run", help="run a worker (starts an embedded broker if none is set)")
    run.set_defaults(handler=cmd_run)

    replay = sub.add_parser("replay", help="run the whole pipeline over a file and write outputs")
    replay.add_argument("articles", type=Path)
    replay.add_argument("--out", type=Path, required=True)
    replay.add_argument("--timeout", type=float, default=600.0)
    replay.add_argument(
        "--offline",
        action="store_true",
        help="run the pipeline steps in this process, without Kafka (fast, for development)",
    )
    replay.add_argument(
        "--backlog",
        action="store_true",
        help="post every article before the worker starts: it meets the file as a backlog",
    )
    replay.add_argument(
        "--partitions",
        type=int,
        default=1,
        help="partitions of every topic for the run (default 1: file order throughout)",
    )
    replay.set_defaults(handler=cmd_replay)

    demo = sub.add_parser("demo", help="broker, worker and the bundled samples, alerts live")
    demo.add_argument("--articles", type=Path, default=SAMPLES)
    demo.add_argument("--rate", type=float, default=4.0, help="articles per second")
    demo.add_argument("--keep-running", action="store_true", help="stay up until Ctrl-C")
    demo.set_defaults(handler=cmd_demo)


def _add_client_commands(sub: Subcommands) -> None:
    """Commands that talk to a broker the workers use: produce, alerts, forward."""
    produce = sub.add_parser(
        "produce",
        help="post articles from a JSONL file, a folder or stdin",
        description="Post articles to the articles topic. Exit status: 0 when every article "
        "was sent; 1 when some line was skipped as invalid or some article not delivered; 2 "
        "when nothing could be sent (no valid article, no broker).",
    )
    produce.add_argument(
        "source", help="a .jsonl file, a folder of .json and .jsonl files, or - for stdin"
    )
    produce.add_argument(
        "--rate", type=float, default=0.0, help="articles per second (0: no limit)"
    )
    produce.add_argument(
        "--compression",
        choices=COMPRESSIONS,
        default=DEFAULT_COMPRESSION,
        help=f"record batch compression (default {DEFAULT_COMPRESSION})",
    )
    produce.set_defaults(handler=cmd_produce)

    alerts = sub.add_parser("alerts", help="print alerts as they are published")
    alerts.add_argument("--follow", "-f", action="store_true", help="keep waiting for new alerts")
    alerts.add_argument("--json", action="store_true", help="one JSON object per line")
    alerts.set_defaults(handler=cmd_alerts)

    forward = sub.add_parser("forward", help="POST each alert to a webhook, signed, with retries")
    forward.add_argument("--url", required=True, help="the receiver's http(s) URL")
    forward.add_argument(
        "--secret",
        default=None,
        help="HMAC secret (default: $WARWIRE_FORWARD_SECRET, or $WARWIRE_WEBHOOK_SECRET)",
    )
    forward.add_argument(
        "--group", default=None, help="consumer group (default: <WARWIRE_APP_ID>-forwarder)"
    )
    forward.set_defaults(handler=cmd_forward)


def _add_operator_commands(sub: Subcommands) -> None:
    """Operator tools: dlq, topics."""
    dlq = sub.add_parser("dlq", help="list, export or re-post the dead-letter topic")
    dlq_sub = dlq.add_subparsers(dest="dlq_command", required=True)
    dlq_list = dlq_sub.add_parser("list", help="one line per letter: where, reason, article")
    dlq_export = dlq_sub.add_parser("export", help="write each original message to DIR")
    dlq_export.add_argument("directory", type=Path)
    dlq_replay = dlq_sub.add_parser(
        "replay", help="post the originals back to the articles topic (those that now pass)"
    )
    dlq_replay.add_argument(
        "--force", action="store_true", help="post them even if they are still refused"
    )
    for command in (dlq_list, dlq_export, dlq_replay):
        command.add_argument("--reason", help="only letters with this reason")
    dlq.set_defaults(handler=cmd_dlq)

    topics = sub.add_parser(
        "topics",
        help="list every topic and consumer group warwire uses; --create makes missing topics",
        description="Print each topic warwire uses (the table changelogs included) with its "
        "partitions, replication and configs, and the consumer groups: what a locked-down "
        "cluster's ACLs must allow. --create creates the missing topics on WARWIRE_BROKER.",
    )
    topics.add_argument(
        "--create", action="store_true", help="create the missing topics on the broker"
    )
    topics.set_defaults(handler=cmd_topics)


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    from warwire.worker import run_worker

    if settings.broker:
        check_broker_reachable(settings)
    return run_worker(settings)


def collect_articles(source: str) -> tuple[list[bytes], list[str]]:
    """Valid articles as raw JSON, and for every invalid line or file where it is and why."""
    if source == "-":
        entries = numbered_lines("line", sys.stdin.buffer.read())
    elif Path(source).is_dir():
        entries = []
        for path in sorted(Path(source).iterdir()):
            if path.suffix == ".json":
                entries.append((path.name, path.read_bytes()))
            elif path.suffix == ".jsonl":
                entries += numbered_lines(f"{path.name} line", path.read_bytes())
    else:
        entries = numbered_lines("line", Path(source).read_bytes())
    valid, problems = [], []
    for where, raw in entries:
        if not raw.strip():
            continue
        problem = article_problem(raw)
        if problem:
            problems.append(f"{where}: {problem}")
        else:
            valid.append(raw.strip())
    return valid, problems


def numbered_lines(label: str, data: bytes) -> list[tuple[str, bytes]]:
    return [(f"{label} {n}", line) for n, line in enumerate(data.splitlines(), 1)]


def article_problem(raw: bytes) -> str | None:
    """Why `raw` is not an article, naming the field at fault; None when it is one."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return "not JSON" if raw.isascii() or _is_utf8(raw) else "not JSON (binary data)"
    if not isinstance(data, dict):
        return f"not a JSON object but {type(data).__name__}"
    try:
        Article.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(part) for part in error["loc"]) or "article"
        return f"{field}: {error['msg']}"
    return None


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def cmd_produce(args: argparse.Namespace, settings: Settings) -> int:
    from warwire.kafka_io import ensure_topics, produce_raw
    from warwire.session import article_key

    valid, problems = collect_articles(args.source)
    for problem in problems:
        print(f"skipped {problem}", file=sys.stderr)
    if not valid:
        raise UserError(f"no article to send in {args.source} ({len(problems)} skipped)")
    if not settings.broker:
        raise UserError(
            "set WARWIRE_BROKER (e.g. kafka://127.0.0.1:9092) to the broker of a running worker"
        )
    check_broker_reachable(settings)

    async def go() -> int:
        from aiokafka.errors import KafkaError

        try:
            await ensure_topics(settings, retries=2)
        except KafkaError as exc:  # produce_raw retries on its own and reports every article
            print(f"could not check topics: {exc!r}", file=sys.stderr)
        progress = Progress("warwire produce", len(valid), "articles")
        try:
            report = await produce_raw(
                settings,
                [(article_key(v), v) for v in valid],
                rate=args.rate,
                compression=args.compression,
                on_sent=progress.update,
            )
        finally:
            progress.close()
        for article_id, error in report.failed:
            print(f"not delivered: {article_id}: {error}", file=sys.stderr)
        print(f"sent {report.sent}, skipped {len(problems)}, failed {len(report.failed)}")
        return 1 if report.failed or problems else 0

    return asyncio.run(go())


def cmd_alerts(args: argparse.Namespace, settings: Settings) -> int:
    from warwire.kafka_io import read_topics

    if not settings.broker:
        raise UserError("set WARWIRE_BROKER to the broker the workers use")
    check_broker_reachable(settings)

    async def go() -> None:
        watcher = asyncio.create_task(report_outages(settings)) if args.follow else None
        try:
            topics = [settings.topics.alerts]
            async for record in read_topics(settings, topics, follow=args.follow):
                alert = codec.loads(Alert, record.value or b"")
                print(codec.dumps(alert).decode() if args.json else format_alert(alert), flush=True)
        finally:
            if watcher:
                watcher.cancel()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(go())
    return 0


async def report_outages(settings: Settings, interval: float = 2.0) -> None:
    """While following: one line when the broker stops answering, one when it is back. The
    consumer itself reconnects on its own."""
    reachable = True
    while True:
        await asyncio.sleep(interval)
        try:
            await asyncio.to_thread(check_broker_reachable, settings, interval)
            now_reachable = True
        except UserError:
            now_reachable = False
        if now_reachable != reachable:
            state = "back; following again" if now_reachable else "unreachable; waiting for it"
            print(f"warwire alerts: the broker is {state}", file=sys.stderr, flush=True)
            reachable = now_reachable


def cmd_replay(args: argparse.Namespace, settings: Settings) -> int:
    from warwire.replay import replay, replay_offline

    if args.offline:
        return replay_offline(args.articles, args.out, settings)
    return replay(
        settings,
        args.articles,
        args.out,
        timeout=args.timeout,
        backlog=args.backlog,
        partitions=args.partitions,
    )


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    from warwire.demo import demo

    return demo(settings, args.articles, rate=args.rate, keep_running=args.keep_running)


def cmd_dlq(args: argparse.Namespace, settings: Settings) -> int:
    from warwire import dlq

    if not settings.broker:
        raise UserError("set WARWIRE_BROKER to the broker the workers use")
    check_broker_reachable(settings)
    letters = asyncio.run(dlq.read_dead_letters(settings, args.reason))
    if args.dlq_command == "list":
        for letter in letters:
            print(dlq.listing_line(letter))
        return 0
    if args.dlq_command == "export":
        written = dlq.export(letters, args.directory)
        print(f"wrote {len(written)} messages to {args.directory}")
        return 0
    plan = dlq.plan_replay(letters, settings.topics.articles, force=args.force)
    for letter, why in plan.held_back:
        print(
            f"held back {letter.topic}/{letter.partition}@{letter.offset}: {why}", file=sys.stderr
        )
    progress = Progress("warwire dlq replay", len(plan.messages), "messages")
    try:
        report = asyncio.run(dlq.replay(settings, plan, on_sent=progress.update))
    finally:
        progress.close()
    for article_id, error in report.failed:
        print(f"not delivered: {article_id}: {error}", file=sys.stderr)
    print(f"posted {report.sent}, held back {len(plan.held_back)}, failed {len(report.failed)}")
    return 1 if report.failed else 0


def cmd_topics(args: argparse.Namespace, settings: Settings) -> int:
    from streams.app import create_app
    from warwire.kafka_io import ensure_topics, topic_plan
    from warwire.worker import changelog_topics

    changelogs = changelog_topics(create_app(settings), settings)
    created: set[str] = set()
    if args.create:
        if not settings.broker:
            raise UserError("set WARWIRE_BROKER to the broker to create the topics on")
        check_broker_reachable(settings)
        created = set(asyncio.run(ensure_topics(settings, changelogs, retries=10)))
    replication = settings.topics.replication_factor
    for name, (partitions, configs) in topic_plan(settings, changelogs).items():
        role = "changelog" if name in changelogs else "topic"
        shown = ",".join(f"{key}={value}" for key, value in configs.items()) or "-"
        state = (" created" if name in created else " exists") if args.create else ""
        print(f"{role} {name} partitions={partitions} replication={replication} {shown}{state}")
    print(f"group {settings.app_id} (workers)")
    print(f"group {settings.app_id}-forwarder (warwire forward, unless --group)")
    return 0


def cmd_forward(args: argparse.Namespace, settings: Settings) -> int:
    from warwire.forward import run_forwarder

    return run_forwarder(settings, args.url, secret=args.secret, group=args.group)


def install_stop_handlers(loop: asyncio.AbstractEventLoop, stop: asyncio.Event) -> None:
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
