"""A round told through the day: planned in the morning, begun, over (live pages, issue 14).
Every article here is invented for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.extracted import negotiations_in

pytest.importorskip("spacy")

# a Wednesday evening in Kyiv
WEDNESDAY = "2026-09-16T16:00:00+00:00"


def test_the_same_ordinal_round_planned_then_over_is_one_round() -> None:
    events = negotiations_in(
        "LIVE | Geneva, round three\n\n"
        "08:30 - Welcome to our coverage of the third round of talks between Russia and Ukraine,"
        " which are set to take place at the Palais des Nations.\n\n"
        "15:10 - Finished. A Swiss source says the talks lasted two hours.",
        WEDNESDAY,
        title="Third round of Russia-Ukraine talks ends after two hours",
    )
    assert [(e.status, e.venue, e.occurred_on) for e in events] == [
        ("held", "Geneva", dt.date(2026, 9, 16))
    ]


def test_a_meeting_that_comes_a_day_after_a_dated_event_is_the_next_day() -> None:
    [talks] = negotiations_in(
        "Russian and Ukrainian delegations met in Geneva for a third round of talks. The meeting"
        " comes a day after the drone attack on Russian airfields on Tuesday.",
        WEDNESDAY,
    )
    assert talks.occurred_on == dt.date(2026, 9, 16)


def test_a_plan_for_today_and_a_later_line_that_only_places_it_stays_planned() -> None:
    [talks] = negotiations_in(
        "Russian and Ukrainian delegations are expected to meet in Geneva today.\n\n"
        "The delegations meet a day after the drone attack on Russian airfields.",
        "2026-09-16T06:00:00+00:00",
    )
    assert talks.status == "scheduled"


def test_a_live_page_whose_first_entry_tells_the_headline_round_with_its_day_is_one_round() -> None:
    events = negotiations_in(
        "LIVE | Geneva talks\n\nUpdated 18:00 local time\n\n"
        "08:30 Officials from Moscow and Kyiv are expected to sit down together this afternoon"
        " for the first time in months.\n\n"
        "16:45 The session has ended after three hours, Swiss officials say.",
        WEDNESDAY,
        title="Live: Russian and Ukrainian negotiators meet in Geneva",
    )
    assert [(e.status, e.venue, e.occurred_on) for e in events] == [
        ("held", "Geneva", dt.date(2026, 9, 16))
    ]


def test_a_meeting_due_in_a_few_hours_then_over_took_place() -> None:
    [talks] = negotiations_in(
        "10:00 - In a couple of hours the two presidents, Donald Trump and Vladimir Putin, will"
        " meet at the airport in Helsinki.\n\n"
        "15:30 - The talks are over after about three hours.",
        WEDNESDAY,
    )
    assert (talks.status, talks.venue) == ("held", "Helsinki")


def test_a_contact_after_the_span_keeps_the_day_it_names() -> None:
    events = negotiations_in(
        "The Paris meeting came three days after Donald Trump hosted Vladimir Putin at a base in"
        " Anchorage on Saturday.",
        WEDNESDAY,
    )
    anchorage = [e for e in events if e.venue == "Anchorage"]
    assert [e.occurred_on for e in anchorage] == [dt.date(2026, 9, 12)]
