"""A warring side's visit to a country between the sides (issue 14). Every article here is
invented for the test."""

from __future__ import annotations

import datetime as dt

from tests.unit.extracted import negotiations_in

TUESDAY_EVENING = "2023-07-18T16:00:00+00:00"


def test_a_leader_expected_to_visit_a_go_between_next_month_is_a_planned_meeting() -> None:
    found = negotiations_in(
        "Recep Tayyip Erdogan said on Tuesday that Vladimir Putin was expected to visit Turkey"
        " in August for talks on the grain deal.",
        TUESDAY_EVENING,
    )
    assert [(e.status, e.format, e.parties, e.background) for e in found] == [
        ("scheduled", "in_person", ["RU", "TR"], False)
    ]


def test_a_visit_in_a_time_clause_of_reported_future_is_planned() -> None:
    found = negotiations_in(
        "Erdogan said he would press for a return to the grain deal when the Russian leader"
        " visits Turkey next month.",
        TUESDAY_EVENING,
    )
    assert [(e.status, e.format, e.parties) for e in found] == [
        ("scheduled", "in_person", ["RU", "TR"])
    ]


def test_a_visit_to_a_go_between_is_no_capital_city_meeting() -> None:
    found = negotiations_in(
        "Vladimir Putin will visit Turkey next month to discuss a ceasefire, the Kremlin said.",
        TUESDAY_EVENING,
    )
    assert [(e.parties, e.venue) for e in found] == [(["RU", "TR"], None)]


def test_a_tour_to_rally_support_in_the_war_is_no_negotiation() -> None:
    found = negotiations_in(
        "Sergei Lavrov, the Russian foreign minister, arrived in Kenya on Monday on the latest"
        " stop of a tour aimed at rallying support for Moscow as the war in Ukraine drags on.",
        TUESDAY_EVENING,
    )
    assert found == []


def test_a_call_offering_to_host_talks_between_the_warring_sides_is_about_peace() -> None:
    found = negotiations_in(
        "Recep Tayyip Erdogan told Vladimir Putin in a phone call on Tuesday that Turkey was"
        " ready to host talks between Russia and Ukraine.",
        TUESDAY_EVENING,
    )
    assert [(e.status, e.format, e.parties) for e in found] == [("held", "call", ["RU", "TR"])]


def test_a_go_between_call_about_direct_talks_with_the_other_side_is_about_peace() -> None:
    found = negotiations_in(
        "Volodymyr Zelensky spoke by phone with Qatar's emir on Tuesday about direct talks with"
        " Moscow.",
        TUESDAY_EVENING,
    )
    assert [(e.status, e.format, e.parties) for e in found] == [("held", "call", ["QA", "UA"])]


def test_a_go_between_call_about_trade_is_not() -> None:
    assert not negotiations_in(
        "Volodymyr Zelensky spoke by phone with Qatar's emir on Tuesday about gas supplies.",
        TUESDAY_EVENING,
    )


def test_a_summit_of_dozens_of_countries_is_a_forum_not_talks() -> None:
    assert not negotiations_in(
        "A two-day peace summit on the war in Ukraine ended in Switzerland on Sunday. Delegations"
        " from more than 90 countries gathered at a resort above Lake Lucerne; Russia was not"
        " invited.",
        TUESDAY_EVENING,
    )


def test_the_day_of_news_in_a_place_the_visitor_left_is_not_the_visit_day() -> None:
    [visit] = negotiations_in(
        "Volodymyr Zelensky flew to Turkey on Tuesday for talks with Recep Tayyip Erdogan on"
        " prisoner exchanges. He flew in from Odesa, where on Sunday a Russian strike hit a few"
        " hundred metres from him.",
        TUESDAY_EVENING,
    )
    assert visit.occurred_on == dt.date(2023, 7, 18)


def test_a_side_said_to_be_absent_is_not_a_party() -> None:
    [visit] = negotiations_in(
        "Recep Tayyip Erdogan hosted Volodymyr Zelensky in Istanbul on Tuesday for talks on a"
        " peace summit that would have no Russian representatives.",
        TUESDAY_EVENING,
    )
    assert visit.parties == ["TR", "UA"]


def test_a_call_about_an_exchange_with_the_other_side_has_not_that_side() -> None:
    [call] = negotiations_in(
        "Volodymyr Zelensky held a phone conversation with Recep Tayyip Erdogan on Tuesday to"
        " discuss a possible prisoner exchange with Russia.",
        TUESDAY_EVENING,
    )
    assert call.parties == ["TR", "UA"]
