"""The side a sentence implies rather than names in the contact's own words: a capital
acting for its state, a state's "it", a second statement joined by "and" (issue 14). Every
article here is invented for the test."""

from __future__ import annotations

import datetime as dt

from tests.unit.extracted import negotiations_in

TUESDAY_EVENING = "2025-03-11T19:40:00+00:00"


def test_a_capital_agreeing_after_talks_is_its_state_at_them() -> None:
    [talks] = negotiations_in(
        "Kyiv agreed to the truce after talks with American officials in Jeddah.", TUESDAY_EVENING
    )
    assert (talks.parties, talks.venue) == (["UA", "US"], "Jeddah")


def test_a_state_saying_it_is_ready_after_talks_was_at_them() -> None:
    [talks] = negotiations_in(
        "Ukraine said on Tuesday it was ready to back a month-long truce after nine hours of"
        " talks with an American delegation in Jeddah.",
        TUESDAY_EVENING,
    )
    assert (talks.parties, talks.status, talks.occurred_on) == (
        ["UA", "US"],
        "held",
        dt.date(2025, 3, 11),
    )


def test_a_second_statement_joined_by_and_reports_a_contact_of_its_own() -> None:
    found = negotiations_in(
        "Donald Trump said he expected to speak with Vladimir Putin within days, and a White House"
        " official said envoy Steve Witkoff would fly to Moscow this week to present the truce"
        " plan.",
        TUESDAY_EVENING,
    )
    assert sorted((e.format, e.venue, tuple(sorted(e.participants))) for e in found) == [
        ("call", None, ("Donald Trump", "Vladimir Putin")),
        ("in_person", "Moscow", ("Steve Witkoff",)),
    ]


def test_a_second_statement_lends_no_place_to_the_first_contact() -> None:
    [talks] = negotiations_in(
        "Ukraine said it was ready to back the truce after talks with a U.S. delegation, and"
        " Washington said it would resume sending weapons to Kyiv.",
        TUESDAY_EVENING,
    )
    assert talks.venue is None


def test_two_states_due_to_hold_talks_are_the_sides_of_the_planned_round() -> None:
    [talks] = negotiations_in(
        "Russia and Ukraine are due to hold direct peace talks in Istanbul on Thursday.",
        TUESDAY_EVENING,
    )
    assert (talks.parties, talks.status, talks.venue, talks.occurred_on) == (
        ["RU", "UA"],
        "scheduled",
        "Istanbul",
        dt.date(2025, 3, 13),
    )


def test_two_states_expected_to_resume_talks_are_its_sides() -> None:
    [talks] = negotiations_in(
        "Ukraine and Russia are expected to resume negotiations in Geneva next month, diplomats"
        " said.",
        TUESDAY_EVENING,
    )
    assert (talks.parties, talks.status, talks.venue) == (["RU", "UA"], "scheduled", "Geneva")


def test_two_states_not_expected_to_hold_talks_plan_none() -> None:
    assert not negotiations_in(
        "Russia and Ukraine are not expected to hold talks any time soon, officials said.",
        TUESDAY_EVENING,
    )
