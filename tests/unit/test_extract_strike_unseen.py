"""Strike rules for wire reporting the dev sets do not hold (issue 14, strike side): a period
that ranks the attack rather than dates it, a few drones on one town that are no nationwide
wave, ... Every article here is invented for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.extracted import strikes
from warwire.extract.dates import When, find_date

THURSDAY_MORNING = "2026-04-16T06:30:00Z"  # Thursday 09:30 in Kyiv
TODAY = dt.date(2026, 4, 16)


# -- a period that ranks the attack is not its date -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Russia hit Odesa overnight with 60 drones, the navy said, in one of the heaviest"
        " attacks on the port this spring.",
        "Drones struck Kharkiv overnight in the largest raid on the city this year.",
        "It was the third such attack on the refinery this month, the governor said overnight.",
    ],
)
def test_a_ranking_period_leaves_the_day_of_the_attack(text: str) -> None:
    cue = find_date(text, TODAY)
    assert (cue.when, cue.date) == (When.DATE, TODAY)


def test_a_period_without_a_ranking_is_still_vague() -> None:
    assert find_date("Drones struck Kharkiv this spring.", TODAY).when is When.VAGUE


def test_an_overnight_wave_ranked_by_season_keeps_its_morning() -> None:
    body = (
        "Russia fired 212 drones and seven cruise missiles at Ukraine overnight, the air force"
        " said on Thursday, in one of the biggest strikes on the west of the country this"
        " spring. Air defences shot down 190 of the drones. In Lviv, three people were"
        " wounded, the mayor said."
    )
    [event] = strikes(body, THURSDAY_MORNING)
    assert event.occurred_on == TODAY
    assert not event.background
    assert (event.drones, event.missiles, event.injured) == (212, 7, 3)


# -- a few drones on one town are no nationwide wave -----------------------------------------


def test_a_second_town_shelled_the_same_day_is_its_own_strike() -> None:
    body = (
        "Russian drones attacked the city of Poltava on Wednesday evening, killing two people"
        " and wounding nine, the governor said. Several drones hit a depot and a block of"
        " flats, starting fires. Earlier on Wednesday, Russian artillery shelled the town of"
        " Kupiansk, damaging a school."
    )
    events = strikes(body, THURSDAY_MORNING)
    assert sorted(tuple(e.places) for e in events) == [("Kupiansk",), ("Poltava",)]
    [poltava] = [e for e in events if e.places == ["Poltava"]]
    assert (poltava.killed, poltava.injured) == (2, 9)
