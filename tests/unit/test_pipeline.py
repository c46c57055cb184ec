"""The pure pipeline (warwire.pipeline): repeated articles, extraction, folding and alerts
chained in one process, with the real extractor."""

from __future__ import annotations

import collections
import datetime as dt
import importlib.util
from pathlib import Path
from types import ModuleType

import orjson
import pytest

from schemas import Alert, Article
from tests.conftest import SHARED
from warwire.articles import Rejected, decode_article
from warwire.config import AlertThresholds
from warwire.dedup import MemoryState, blocking_key
from warwire.extract import extract_events
from warwire.pipeline import (
    ArticleStates,
    article_events,
    fold_and_alert,
    pending_blocks,
    release_pending,
    run_offline,
)
from warwire.replay import event_row

WINDOW = dt.timedelta(days=7)
GRACE = dt.timedelta(days=1)


def article(article_id: str, outlet: str, published_at: str, body: str, url: str = "") -> Article:
    return Article(
        id=article_id,
        url=url or f"https://{outlet.lower().replace(' ', '')}.example/{article_id}",
        outlet=outlet,
        body=body,
        published_at=dt.datetime.fromisoformat(published_at),
    )


BARRAGE = (
    "Russia launched 400 drones and 18 missiles at Ukraine overnight, the Ukrainian air force "
    "said on Thursday. Most of the strikes targeted Kyiv, where two people were killed and 23 "
    "were injured, according to the city's military administration."
)
ARTICLES = [
    article("b1", "Dnipro Ledger", "2025-07-10T07:40:00+03:00", BARRAGE),
    article(
        "b2",
        "Carpathian Post",
        "2025-07-10T11:15:00+03:00",
        "Emergency crews in Kyiv worked through the morning after Russia fired 400 drones and "
        "18 missiles at Ukraine overnight. Two people were killed and 26 were injured in the "
        "capital, officials said.",
    ),
    # the first report again, under another outlet's name and a tracking link
    article(
        "b3",
        "Lakeshore Feed",
        "2025-07-10T12:05:00+03:00",
        BARRAGE,
        url="https://lakeshorefeed.example/world/kyiv-barrage?utm_source=partner",
    ),
    article(
        "b4",
        "Black Sea Courier",
        "2025-07-10T21:30:00+03:00",
        "The death toll from Russia's overnight attack on Kyiv has risen to seven, the head of "
        "the city's military administration said on Thursday evening. Russia launched 400 "
        "drones and 18 missiles at Ukraine in the attack, according to the air force.",
    ),
    article(
        "t1",
        "Dnipro Ledger",
        "2025-07-14T18:00:00+03:00",
        "Russian and Ukrainian delegations will meet in Istanbul on Wednesday for a new round "
        "of direct talks, Turkish officials said. Vladimir Medinsky will lead the Russian team "
        "and Rustem Umerov the Ukrainian one.",
    ),
    article(
        "t2",
        "Carpathian Post",
        "2025-07-16T17:30:00+03:00",
        "Russian and Ukrainian delegations met in Istanbul on Wednesday for a new round of "
        "direct talks. The meeting, led by Vladimir Medinsky and Rustem Umerov, ended after "
        "less than two hours, Turkish officials said.",
    ),
]


def test_reports_fold_into_incidents_that_alert_once_and_update_on_material_change() -> None:
    run = run_offline(ARTICLES, WINDOW)
    assert run.duplicate_articles == {"b3": "b1"}
    by_article = collections.defaultdict(list)
    for event, incident_id in run.events:
        by_article[event.article_id].append((event, incident_id))
    [(copy, copy_incident)] = by_article["b3"]
    [(original, original_incident)] = by_article["b1"]
    assert copy.duplicate_of == original.event_id and copy_incident == original_incident

    strikes = [i for i in run.incidents.values() if i.type == "strike"]
    talks = [i for i in run.incidents.values() if i.type == "negotiation"]
    assert len(strikes) == 1 and len(talks) == 1
    [barrage] = strikes
    assert [r.article_id for r in barrage.reports] == ["b1", "b2", "b3", "b4"]
    assert barrage.figures["killed"].estimate == 7
    assert barrage.figures["drones"].reports == 3  # the copy is not one more source
    assert talks[0].status == "held"

    # In-process, the whole input is one backlog: each first alert is decided at its end, on
    # the incident as it ends, and no update follows.
    kinds = sorted((a.kind, a.article_id) for a in run.alerts)
    assert kinds == [("large_strike", "b4"), ("negotiation_round", "t2")]
    [strike_alert] = [a for a in run.alerts if a.kind == "large_strike"]
    assert strike_alert.figures["killed"].high == 7
    assert barrage.alerted["large_strike"].alert_id == strike_alert.alert_id


def live(articles: list[Article]) -> list[Alert]:
    """Articles one at a time, each followed by a progress round: a live stream."""
    limits = AlertThresholds()
    article_states, state = ArticleStates(), MemoryState()
    sent: list[Alert] = []
    for clock, article in enumerate(articles):
        for event in article_events(article_states, article, WINDOW).events:
            sent += fold_and_alert(state, event, WINDOW, limits, now=clock).alerts
        for block in pending_blocks(state):
            released = release_pending(state, block, limits, clock)
            sent += released.alerts if released else []
    return sent


def test_live_an_incident_alerts_once_and_updates_on_material_change() -> None:
    kinds = [(a.kind, a.article_id) for a in live(ARTICLES)]
    assert kinds == [
        ("large_strike", "b1"),
        ("large_strike_update", "b4"),
        ("negotiation_round", "t1"),
        ("negotiation_round_update", "t2"),
    ]


def test_replaying_every_article_again_publishes_nothing_new() -> None:
    once = run_offline(ARTICLES, WINDOW)
    twice = run_offline([*ARTICLES, *ARTICLES], WINDOW)
    assert [a.alert_id for a in twice.alerts] == [a.alert_id for a in once.alerts]
    assert twice.incidents == once.incidents


def test_fold_and_alert_records_what_it_alerted() -> None:
    state = MemoryState()
    [event] = extract_events(ARTICLES[0])
    first = fold_and_alert(state, event, WINDOW, AlertThresholds())
    assert first.changed and first.alerts == [] and first.incident.alerts_pending
    released = release_pending(state, blocking_key(event), AlertThresholds())
    assert released is not None and [a.kind for a in released.alerts] == ["large_strike"]
    assert state.incidents[first.incident.incident_id].alerted["large_strike"].alert_id == (
        released.alerts[0].alert_id
    )
    again = fold_and_alert(state, event, WINDOW, AlertThresholds())
    assert not again.changed and again.alerts == []
    assert release_pending(state, blocking_key(event), AlertThresholds()) is None


def test_a_held_alert_goes_out_when_its_incident_leaves_the_window_before_release() -> None:
    # Two large strikes on one block a month apart, folded with no progress round between,
    # under a one-day grace: the second fold forgets the first incident while its alert waits.
    first = article("w1", "Dnipro Ledger", "2025-03-04T08:00:00+02:00", BARRAGE)
    later = article(
        "w2",
        "Carpathian Post",
        "2025-04-08T09:00:00+03:00",
        "Russia fired 300 drones and 12 missiles at Ukraine overnight, the air force said on "
        "Tuesday. Air defences downed 280 of the drones over Odesa and Lviv.",
    )
    state = MemoryState()
    limits = AlertThresholds()
    [old_event] = extract_events(first)
    held = fold_and_alert(state, old_event, WINDOW, limits, GRACE)
    assert held.alerts == [] and held.incident.alerts_pending
    [new_event] = extract_events(later)
    folded = fold_and_alert(state, new_event, WINDOW, limits, GRACE)
    assert [(a.kind, a.article_id) for a in folded.alerts] == [("large_strike", "w1")]
    [gone] = folded.expired
    assert gone.incident_id == held.incident.incident_id and not gone.alerts_pending
    assert gone.alerted["large_strike"].alert_id == folded.alerts[0].alert_id
    assert gone in folded.published
    released = release_pending(state, blocking_key(new_event), limits)
    assert released is not None
    assert [(a.kind, a.article_id) for a in released.alerts] == [("large_strike", "w2")]
    offline = run_offline([first, later], WINDOW, grace=GRACE)
    assert sorted(a.article_id for a in offline.alerts) == ["w1", "w2"]


# ---- on the labelled data, when it is there --------------------------------------------------

EVAL = SHARED / "eval"


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_score", EVAL / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def valid_articles(path: Path) -> list[Article]:
    found = []
    for line in path.read_bytes().splitlines():
        try:
            found.append(decode_article(line))
        except Rejected:
            continue
    return found


@pytest.mark.skipif(not (EVAL / "seeds.gold.jsonl").is_file(), reason="no labelled data")
def test_no_two_gold_incidents_of_the_seeds_are_merged() -> None:
    score = scorer()
    gold = {
        row["article_id"]: row["events"]
        for row in map(orjson.loads, (EVAL / "seeds.gold.jsonl").read_bytes().splitlines())
    }
    run = run_offline(valid_articles(EVAL / "seeds.articles.jsonl"), WINDOW)
    predicted = collections.defaultdict(list)
    for event, incident_id in run.events:
        predicted[event.article_id].append(
            orjson.loads(orjson.dumps(event_row(event, incident_id)))
        )
    gold_of_incident = collections.defaultdict(set)
    for article_id, events in gold.items():
        pairs, _, _ = score.match_article(events, predicted.get(article_id, []))
        for gold_event, predicted_event in pairs:
            if not gold_event.get("optional"):
                gold_of_incident[predicted_event["incident_id"]].add(gold_event["incident"])
    assert gold_of_incident, "no event of the seeds matched"
    merged = {i: g for i, g in gold_of_incident.items() if len(g) > 1}
    assert merged == {}
