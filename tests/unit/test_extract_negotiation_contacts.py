"""Negotiation extraction (issue 14): several contacts in one article, each with its own
sides, people, venue, day and status; who took part in each.

Every sentence is invented; the people, places and days are not those of the labelled sets.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.extracted import negotiations_in

pytest.importorskip("spacy")

# a Wednesday evening in Kyiv
WEDNESDAY = "2026-09-16T16:00:00+00:00"


def test_a_headline_that_packs_two_contacts_takes_the_status_from_the_dated_body() -> None:
    events = negotiations_in(
        "Russian and Ukrainian officials held talks in Doha on Wednesday on the return of "
        "deported children, the Qatari foreign ministry said.\n\n"
        "The two delegations agreed to meet again in Muscat on September 30.",
        WEDNESDAY,
        title="Russia, Ukraine wrap up Doha session, agree to meet again in Muscat",
    )
    by_venue = {e.venue: e for e in events}
    assert by_venue["Doha"].status == "held"
    assert by_venue["Doha"].occurred_on == dt.date(2026, 9, 16)
    assert by_venue["Muscat"].status == "scheduled"


def test_a_headline_plan_keeps_its_status_when_the_body_gives_no_day() -> None:
    events = negotiations_in(
        "Moscow has sent a delegation to Minsk to negotiate with Ukraine, the Kremlin said "
        "on Wednesday. Its leader said the team would wait until evening for Kyiv's answer.",
        WEDNESDAY,
        title="Kremlin says its negotiators are waiting in Minsk for Ukrainian team",
    )
    assert [e.status for e in events] == ["scheduled"]


def test_a_separate_meeting_in_a_live_blog_is_its_own_contact() -> None:
    events = negotiations_in(
        "19:40 Russian and Ukrainian negotiators met for three hours in Ankara on Wednesday "
        "afternoon, with the Turkish foreign minister Hakan Fidan in the chair.\n\n"
        "17:15 Separately, US envoy Keith Kellogg held a meeting on Wednesday with the "
        "Ukrainian delegation at the US embassy in Ankara. No Russian official was there.",
        WEDNESDAY,
    )
    assert len(events) == 2
    parties = sorted(tuple(e.parties) for e in events)
    assert parties == [("RU", "TR", "UA"), ("UA", "US")]
