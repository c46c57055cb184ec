"""A call and a planned meeting in one reported statement ("said the call ... and that he
would travel to X to meet Y"): each keeps its own day and tense (issue 14). Every article
here is invented for the test."""

from __future__ import annotations

import datetime as dt

from tests.unit.extracted import negotiations_in

SATURDAY_MORNING = "2025-08-16T07:20:00+00:00"
CALL = "Donald Trump spoke by phone with Volodymyr Zelensky on his flight home.\n\n"


def _told(body: str) -> list[tuple[str | None, str | None, dt.date | None]]:
    return [(e.format, e.status, e.occurred_on) for e in negotiations_in(body, SATURDAY_MORNING)]


def test_an_aside_dating_the_call_does_not_date_the_planned_meeting() -> None:
    found = _told(
        CALL + "Zelensky said the conversation, which took place early on Saturday, had been"
        " useful and that he would fly to Washington on Monday to meet Trump and discuss"
        " ending the war."
    )
    assert found == [
        ("call", "held", dt.date(2025, 8, 16)),
        ("in_person", "scheduled", dt.date(2025, 8, 18)),
    ]


def test_the_day_of_a_plan_in_the_lead_is_not_the_day_of_the_call() -> None:
    found = _told(
        CALL + "Zelensky said the call was constructive and that he would fly to Washington on"
        " Monday to meet Trump and discuss ending the war."
    )
    assert found == [
        ("call", "held", dt.date(2025, 8, 16)),
        ("in_person", "scheduled", dt.date(2025, 8, 18)),
    ]


def test_an_aside_after_the_meeting_word_still_dates_the_meeting() -> None:
    found = _told(
        "Trump and Zelensky held talks, which ran late into Monday evening, at the White House"
        " to discuss ending the war."
    )
    assert found == [("in_person", "held", dt.date(2025, 8, 11))]


def test_the_day_an_aside_gives_another_act_does_not_date_the_talks() -> None:
    [talks] = negotiations_in(
        "The talks on ending the war, which the Kremlin proposed on Sunday, are due to begin"
        " in Istanbul on Thursday between Russian and Ukrainian delegations.",
        "2025-05-14T20:15:00+00:00",
    )
    assert (talks.status, talks.occurred_on) == ("scheduled", dt.date(2025, 5, 15))
