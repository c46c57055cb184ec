"""The `warwire` command: run, produce, alerts, replay, demo, forward."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

import orjson
from pydantic import ValidationError

from schemas import Alert, Article
from warwire import codec
from warwire.config import Settings, get_settings

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "articles.jsonl"


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    settings = get_settings()
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    result: int = args.handler(args, settings)
    return result


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="warwire", description=__doc__)
    sub = parser.add_subparsers(dest="command")

    run = sub.add_parser("run", help="run a worker (starts an embedded broker if none is set)")
    run.set_defaults(handler=cmd_run)

    produce = sub.add_parser("produce", help="post articles from a JSONL file, a folder or stdin")
    produce.add_argument("source", help="a .jsonl file, a folder of .json files, or - for stdin")
    produce.add_argument(
        "--rate", type=float, default=0.0, help="articles per second (0: no limit)"
    )
    produce.set_defaults(handler=cmd_produce)

    alerts = sub.add_parser("alerts", help="print alerts as they are published")
    alerts.add_argument("--follow", "-f", action="store_true", help="keep waiting for new alerts")
    alerts.add_argument("--json", action="store_true", help="one JSON object per line")
    alerts.set_defaults(handler=cmd_alerts)

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
    return parser


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    from warwire.worker import run_worker

    return run_worker(settings)


def collect_articles(source: str) -> tuple[list[bytes], list[str]]:
    """Valid articles as raw JSON, and a message for every invalid line or file."""
    if source == "-":
        entries = [
            (f"line {n}", line) for n, line in enumerate(sys.stdin.buffer.read().splitlines(), 1)
        ]
    elif Path(source).is_dir():
        entries = [(p.name, p.read_bytes()) for p in sorted(Path(source).glob("*.json"))]
    else:
        lines = Path(source).read_bytes().splitlines()
        entries = [(f"line {n}", line) for n, line in enumerate(lines, 1)]
    valid, problems = [], []
    for where, raw in entries:
        if not raw.strip():
            continue
        try:
            Article.model_validate(orjson.loads(raw))
        except (orjson.JSONDecodeError, ValidationError) as exc:
            problems.append(f"{where}: {str(exc).splitlines()[0]}")
            continue
        valid.append(raw.strip())
    return valid, problems


def cmd_produce(args: argparse.Namespace, settings: Settings) -> int:
    from warwire.kafka_io import ensure_topics, produce_raw
    from warwire.session import article_key

    if not settings.broker:
        print(
            "set WARWIRE_BROKER (e.g. kafka://127.0.0.1:9092) to the broker of a running worker",
            file=sys.stderr,
        )
        return 2
    valid, problems = collect_articles(args.source)
    for problem in problems:
        print(f"skipped {problem}", file=sys.stderr)

    async def go() -> int:
        from aiokafka.errors import KafkaError

        try:
            await ensure_topics(settings, retries=2)
        except KafkaError as exc:  # produce_raw retries on its own and reports every article
            print(f"could not check topics: {exc!r}", file=sys.stderr)
        report = await produce_raw(settings, [(article_key(v), v) for v in valid], rate=args.rate)
        for article_id, error in report.failed:
            print(f"not delivered: {article_id}: {error}", file=sys.stderr)
        print(f"sent {report.sent}, skipped {len(problems)}, failed {len(report.failed)}")
        return 1 if report.failed else 0

    return asyncio.run(go())


def format_alert(alert: Alert) -> str:
    lines = [f"[{alert.severity.upper()}] {alert.kind} v{alert.incident_version}: {alert.headline}"]
    lines += [f"    {detail}" for detail in alert.details]
    lines += [f"    {link}" for link in alert.links[:5]]
    return "\n".join(lines)


def cmd_alerts(args: argparse.Namespace, settings: Settings) -> int:
    from warwire.kafka_io import read_topics

    if not settings.broker:
        print("set WARWIRE_BROKER to the broker the workers use", file=sys.stderr)
        return 2

    async def go() -> None:
        async for record in read_topics(settings, [settings.topics.alerts], follow=args.follow):
            alert = codec.loads(Alert, record.value or b"")
            print(codec.dumps(alert).decode() if args.json else format_alert(alert), flush=True)

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(go())
    return 0


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


def cmd_forward(args: argparse.Namespace, settings: Settings) -> int:
    from warwire.forward import run_forwarder

    return run_forwarder(settings, args.url, secret=args.secret, group=args.group)


def install_stop_handlers(loop: asyncio.AbstractEventLoop, stop: asyncio.Event) -> None:
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
