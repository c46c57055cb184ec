"""The webhook forwarder's plain parts: signing, status classification, Retry-After, backoff,
and one POST against a real local HTTP server."""

from __future__ import annotations

import asyncio
import email.utils
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from warwire.broker import free_port
from warwire.config import ForwarderSettings, Settings
from warwire.forward import (
    IDEMPOTENCY_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    RetryPolicy,
    Verdict,
    WebhookClient,
    check_url,
    classify,
    parse_retry_after,
    redacted,
    request_headers,
    result_label,
    run_forwarder,
    sign,
    signing_secret,
    verify,
)

SECRET = "receiver-shared-key"
BODY = b'{"alert_id":"al-7","kind":"large_strike"}'
STAMP = "1750000000"


def test_signature_matches_an_hmac_computed_by_openssl() -> None:
    # printf '%s' '1750000000.{"alert_id":"al-7","kind":"large_strike"}' \
    #   | openssl dgst -sha256 -hmac 'receiver-shared-key'
    expected = "a707ffbda3105d9ee192d9231074327910f2d8547f1d254ab3a9c848531b89b5"
    assert sign(SECRET, STAMP, BODY) == f"sha256={expected}"


def test_verify_accepts_the_signed_request_and_refuses_any_change() -> None:
    signature = sign(SECRET, STAMP, BODY)
    now = float(STAMP) + 10
    assert verify(SECRET, STAMP, BODY, signature, now=now)
    assert not verify(SECRET, STAMP, BODY.replace(b"al-7", b"al-8"), signature, now=now)
    assert not verify("another-key", STAMP, BODY, signature, now=now)
    assert not verify(SECRET, str(int(STAMP) + 1), BODY, signature, now=now)
    assert not verify(SECRET, STAMP, BODY, signature.upper(), now=now)
    assert not verify(SECRET, "soon", BODY, signature, now=now)
    assert not verify(SECRET, STAMP, BODY, signature, now=float(STAMP) + 301)
    assert verify(SECRET, STAMP, BODY, signature, now=float(STAMP) + 301, tolerance=400)


def test_request_headers_carry_the_key_a_timestamp_and_a_signature_over_both() -> None:
    headers = request_headers(SECRET, "al-7", BODY, attempt=3, now=1750000123.9)
    assert headers["Content-Type"] == "application/json"
    assert headers[IDEMPOTENCY_HEADER] == "al-7"
    assert headers[TIMESTAMP_HEADER] == "1750000123"
    assert headers["X-Warwire-Attempt"] == "3"
    assert verify(SECRET, "1750000123", BODY, headers[SIGNATURE_HEADER], now=1750000124)


@pytest.mark.parametrize(
    ("status", "verdict"),
    [
        (200, Verdict.DELIVERED),
        (202, Verdict.DELIVERED),
        (204, Verdict.DELIVERED),
        (None, Verdict.RETRY),
        (500, Verdict.RETRY),
        (502, Verdict.RETRY),
        (503, Verdict.RETRY),
        (504, Verdict.RETRY),
        (408, Verdict.RETRY),
        (429, Verdict.RETRY),
        (401, Verdict.RETRY),
        (404, Verdict.RETRY),
        (301, Verdict.RETRY),
        (400, Verdict.REJECTED),
        (409, Verdict.REJECTED),
        (413, Verdict.REJECTED),
        (422, Verdict.REJECTED),
    ],
)
def test_statuses_sort_into_delivered_retry_and_rejected(
    status: int | None, verdict: Verdict
) -> None:
    assert classify(status) is verdict


def test_attempt_results_use_a_fixed_label_set() -> None:
    assert [result_label(s) for s in (200, 302, 404, 503, None, 101)] == [
        "2xx",
        "3xx",
        "4xx",
        "5xx",
        "error",
        "error",
    ]


def test_retry_after_in_seconds_or_as_an_http_date() -> None:
    now = 1750000000.0
    assert parse_retry_after("7", now) == 7.0
    assert parse_retry_after(" 120 ", now) == 120.0
    assert parse_retry_after(email.utils.formatdate(now + 30, usegmt=True), now) == 30.0
    assert parse_retry_after(email.utils.formatdate(now - 30, usegmt=True), now) == 0.0
    for unreadable in (None, "", "soon", "-5", "1.5"):
        assert parse_retry_after(unreadable, now) is None


def test_backoff_doubles_from_the_initial_wait_up_to_the_cap() -> None:
    policy = RetryPolicy(initial=0.5, maximum=8.0)
    ceilings = [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    assert [policy.backoff(n, jitter=0.0) for n in range(1, 8)] == [c / 2 for c in ceilings]
    for attempt, ceiling in enumerate(ceilings, 1):
        for jitter in (0.1, 0.5, 0.999):
            assert ceiling / 2 <= policy.backoff(attempt, jitter) <= ceiling
    assert policy.backoff(10_000, jitter=0.0) == 4.0


def test_retry_after_is_a_lower_bound_and_is_capped() -> None:
    policy = RetryPolicy(initial=1.0, maximum=60.0, retry_after_max=30.0)
    assert policy.delay(1, retry_after=None, jitter=0.0) == 0.5
    assert policy.delay(1, retry_after=5.0, jitter=0.0) == 5.0
    assert policy.delay(1, retry_after=3600.0, jitter=0.0) == 30.0
    assert policy.delay(6, retry_after=2.0, jitter=0.0) == 16.0


def test_only_a_positive_max_attempts_gives_up() -> None:
    assert not RetryPolicy(max_attempts=0).gives_up(1_000_000)
    limited = RetryPolicy(max_attempts=3)
    assert [limited.gives_up(n) for n in (1, 2, 3)] == [False, False, True]


def test_forwarder_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARWIRE_WEBHOOK_SECRET", "older-name")
    monkeypatch.setenv("WARWIRE_FORWARD_MAX_ATTEMPTS", "12")
    monkeypatch.setenv("WARWIRE_FORWARD_BACKOFF_MAX", "20")
    forward = Settings().forward
    assert forward.secret.get_secret_value() == "older-name"
    policy = RetryPolicy.from_settings(forward)
    assert (policy.max_attempts, policy.maximum, policy.initial) == (12, 20.0, 0.5)
    monkeypatch.setenv("WARWIRE_FORWARD_SECRET", "newer-name")
    assert Settings().forward.secret.get_secret_value() == "newer-name"


def test_the_forwarder_refuses_to_start_without_a_secret_or_with_a_bad_url(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # An unreachable broker: getting past the checks would hang, not return 2.
    settings = Settings(
        broker="kafka://127.0.0.1:1", metrics_port=0, forward=ForwarderSettings(secret="")
    )
    assert run_forwarder(settings, "http://127.0.0.1:9/alerts", secret="") == 2
    assert "no signing secret" in capsys.readouterr().err
    assert run_forwarder(settings, "ftp://example.org/alerts", secret="k") == 2
    assert check_url("localhost:8080/alerts") is not None
    assert check_url("https://hooks.example.org/warwire") is None


async def _answer(request: web.Request) -> web.StreamResponse:
    body = await request.read()
    if request.path == "/busy":
        return web.Response(status=429, headers={"Retry-After": "3"}, text="slow down")
    if request.path == "/moved":
        return web.Response(status=302, headers={"Location": "/elsewhere"})
    if request.path == "/slow":
        await asyncio.sleep(2)
    ok = verify(SECRET, request.headers[TIMESTAMP_HEADER], body, request.headers[SIGNATURE_HEADER])
    return web.Response(status=204 if ok else 401)


@pytest.fixture
async def receiver() -> AsyncIterator[str]:
    app = web.Application()
    app.router.add_post("/{name}", _answer)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


async def test_one_post_reports_the_status_retry_after_and_errors(receiver: str) -> None:
    results = {}
    for name in ("alerts", "busy", "moved", "slow"):
        client = WebhookClient(f"{receiver}/{name}", SECRET, timeout=0.5)
        results[name] = await client.post(BODY, "al-7", attempt=1)
        await client.close()
    assert results["alerts"].status == 204, "the receiver verified the signature"
    assert (results["busy"].status, results["busy"].retry_after) == (429, 3.0)
    assert results["busy"].detail == "slow down"
    assert results["moved"].status == 302, "redirects are not followed"
    assert results["slow"].status is None and "Timeout" in results["slow"].detail

    refused = WebhookClient(f"http://127.0.0.1:{free_port()}/alerts", SECRET, timeout=2)
    result = await refused.post(BODY, "al-7", attempt=1)
    await refused.close()
    assert result.status is None and result.detail


def test_a_webhook_url_is_logged_without_credentials_or_token_values() -> None:
    shown = redacted("https://bot:hunter2@hooks.example.org:8443/in/abc?token=s3cret&team=news")
    assert shown == "https://***@hooks.example.org:8443/in/abc?token=***&team=***"
    assert redacted("http://receiver.example/alerts") == "http://receiver.example/alerts"


@pytest.mark.parametrize(
    ("timestamp", "signature"),
    [("1700000000", "sha256=é"), ("1700000000", "ü" * 71), ("١٧٠٠٠٠٠٠٠٠", "sha256=00")],
)
def test_verify_says_no_to_non_ascii_input_instead_of_raising(
    timestamp: str, signature: str
) -> None:
    assert verify("a-long-enough-secret", timestamp, b"{}", signature, now=1700000000) is False


def test_settings_never_print_secrets() -> None:
    settings = Settings(
        sasl_password="kafka-pass-123456", forward={"secret": "hmac-key-0123456789"}
    )
    shown = repr(settings) + str(settings.model_dump())
    assert "kafka-pass-123456" not in shown and "hmac-key-0123456789" not in shown


def test_the_signing_secret_comes_from_a_file_and_must_be_long_enough(tmp_path: Path) -> None:
    secret_file = tmp_path / "webhook-secret"
    secret_file.write_text("from-the-mounted-file-0123\n")
    from_file = Settings(
        forward={"secret": "ignored-env-secret-xx", "secret_file": str(secret_file)}
    )
    assert signing_secret(from_file, None) == ("from-the-mounted-file-0123", None)
    assert signing_secret(from_file, "given-on-the-command-line")[0] == "given-on-the-command-line"
    short = Settings(forward={"secret": "short"})
    assert signing_secret(short, None)[1] == "the signing secret is shorter than 16 characters"
    missing = Settings(forward={"secret_file": str(tmp_path / "absent")})
    assert "cannot read WARWIRE_FORWARD_SECRET_FILE" in (signing_secret(missing, None)[1] or "")


def test_the_forwarder_refuses_to_start_with_a_short_secret(
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings = Settings(metrics_port=0, forward={"secret": "short"})
    assert run_forwarder(settings, "http://127.0.0.1:9/alerts") == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "shorter than 16 characters" in line


def test_a_retry_after_of_non_ascii_digits_is_unreadable_not_a_crash() -> None:
    from warwire.forward import parse_retry_after

    assert parse_retry_after("²") is None
    assert parse_retry_after("120") == 120.0
