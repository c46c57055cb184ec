"""A re-issued article: the same story posted again under another id, its text revised (a toll
updated) or not. Only the same text takes the earlier article's events unread; a revised copy
is extracted again and what it says differently is folded in as its own report."""

from __future__ import annotations

import datetime as dt

from schemas import Article
from tests.unit.test_pipeline import live
from warwire import seen
from warwire.extract.core import extract_events_strict
from warwire.pipeline import run_offline

WINDOW = dt.timedelta(days=7)
KYIV_TIME = dt.timezone(dt.timedelta(hours=3))

FIRST_TOLL = (
    "Russia struck the city of Zhytomyr with 130 drones and 12 missiles overnight, the air "
    "force said on Tuesday. Rescuers said 28 people were killed and dozens injured when a "
    "missile hit an apartment block near the railway station. Emergency crews worked through "
    "the morning to clear the rubble, and the regional governor declared a day of mourning. "
    "Electricity was cut to several districts while engineers repaired a damaged substation."
)
REVISED_TOLL = FIRST_TOLL.replace("28 people were killed", "38 people were killed")
RESTYLED = FIRST_TOLL.replace("Emergency crews", "Emergency teams")
"""A copy whose text differs in a word, not in anything it reports."""


def post(article_id: str, body: str, hour: int, url: str) -> Article:
    return Article(
        id=article_id,
        url=url,
        outlet=f"outlet {article_id}",
        body=body,
        published_at=dt.datetime(2025, 9, 9, hour, 0, tzinfo=KYIV_TIME),
    )


class Counting:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, article: Article) -> list[seen.Event]:
        self.calls.append(article.id)
        return extract_events_strict(article)


def through(
    states: tuple[seen.KeyValue, seen.KeyValue], article: Article, extract: Counting
) -> seen.ArticleOutcome:
    urls, bodies = states
    source = seen.Source(topic="articles", partition=0, offset=0, key=article.id)
    routed = seen.check_url(urls, "0", seen.route(article, source), WINDOW)
    return seen.process_article(bodies, "0", routed, WINDOW, extract)


def killed(outcome: seen.ArticleOutcome) -> list[int | None]:
    return [getattr(e, "killed", None) for e in outcome.events if e.type == "strike"]


def test_a_revised_toll_under_the_same_url_is_extracted_and_its_own_report() -> None:
    states = (seen.MemoryKeyValue(), seen.MemoryKeyValue())
    extract = Counting()
    url = "https://news.example/zhytomyr-strike"
    first = through(states, post("z1", FIRST_TOLL, 9, url), extract)
    assert killed(first) == [28]
    revised = through(states, post("z2", REVISED_TOLL, 13, url + "?utm_source=feed"), extract)
    assert extract.calls == ["z1", "z2"]
    assert revised.seen is None and revised.revises is not None
    assert revised.revises.original.article_id == "z1" and revised.revises.match == "url"
    assert killed(revised) == [38]
    assert all(e.duplicate_of is None for e in revised.events if e.type == "strike")


def test_a_revised_toll_in_near_identical_text_elsewhere_is_its_own_report() -> None:
    states = (seen.MemoryKeyValue(), seen.MemoryKeyValue())
    extract = Counting()
    through(states, post("z1", FIRST_TOLL, 9, "https://news.example/a"), extract)
    revised = through(states, post("z2", REVISED_TOLL, 13, "https://other.example/b"), extract)
    assert revised.revises is not None and revised.revises.match == "body"
    assert killed(revised) == [38]


def test_the_same_text_takes_the_events_unread_and_a_restyled_copy_as_copies() -> None:
    states = (seen.MemoryKeyValue(), seen.MemoryKeyValue())
    extract = Counting()
    first = through(states, post("z1", FIRST_TOLL, 9, "https://news.example/a"), extract)
    same = through(states, post("z2", f"  {FIRST_TOLL}\n", 10, "https://b.example/x"), extract)
    restyled = through(states, post("z3", RESTYLED, 11, "https://c.example/y"), extract)
    assert extract.calls == ["z1", "z3"]  # the same text is not read again
    for copy in (same, restyled):
        assert copy.seen is not None and copy.seen.original.article_id == "z1"
        assert [e.duplicate_of for e in copy.events] == [e.event_id for e in first.events]


def test_the_revised_toll_is_folded_in_and_an_update_alert_follows_when_it_is_due() -> None:
    url = "https://news.example/zhytomyr"
    run = run_offline([post("z1", FIRST_TOLL, 9, url), post("z2", REVISED_TOLL, 13, url)])
    [incident] = [i for i in run.incidents.values() if i.type == "strike"]
    assert incident.figures["killed"].estimate == 38
    assert {r.article_id for r in incident.reports} == {"z1", "z2"}
    assert "z2" not in run.duplicate_articles
    # 28 -> 38 passes no step of the toll ladder (rules.KILLED_STEPS); 18 -> 28 passes 20.
    lower = FIRST_TOLL.replace("28 people", "18 people")
    # Offline, the input is one backlog decided at its end: one first alert, on the final toll.
    run = run_offline([post("z1", lower, 9, url), post("z2", REVISED_TOLL, 13, url)])
    [first] = [a for a in run.alerts if a.kind.startswith("large_strike")]
    assert (first.kind, first.figures["killed"].high) == ("large_strike", 38)
    # Live, the first alert goes out on the first toll and the re-issue brings an update.
    alerts = live([post("z1", lower, 9, url), post("z2", REVISED_TOLL, 13, url)])
    kinds = [(a.kind, a.article_id) for a in alerts if a.kind.startswith("large_strike")]
    assert kinds == [("large_strike", "z1"), ("large_strike_update", "z2")]
