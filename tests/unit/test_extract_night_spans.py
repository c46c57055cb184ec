"""A night told as a span of clock times ("between 9 p.m. on Friday and 6 a.m. on Saturday")
is dated the morning it ended, like "overnight". Every sentence here is invented."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.extracted import strikes
from warwire.extract.dates import When, find_date
from warwire.extract.figures import sentence_figures

SATURDAY = dt.date(2026, 5, 16)


@pytest.mark.parametrize(
    "text",
    [
        "Air defence units destroyed 88 drones between 9 p.m. on May 15 and 6 a.m. on May 16.",
        "Between 21:00 on 15 May and 06:00 on 16 May, 88 drones were shot down.",
        "The drones were downed from 9 p.m. Moscow time (1800 GMT) on Friday to 6 a.m."
        " (0300 GMT) on Saturday over seven regions.",
        "From late on Friday until dawn on Saturday, the city was under attack.",
    ],
)
def test_a_span_over_one_night_takes_the_morning_it_ended(text: str) -> None:
    cue = find_date(text, SATURDAY)
    assert (cue.when, cue.date) == (When.DATE, SATURDAY)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The talks ran from Monday to Thursday in the Swiss city.", dt.date(2026, 5, 11)),
        (
            "Drones were shot down between May 10 and May 14, the ministry said.",
            dt.date(2026, 5, 10),
        ),
        ("Prices rose from 5 to 6 percent on Friday.", dt.date(2026, 5, 15)),
    ],
)
def test_a_span_of_several_days_or_of_numbers_keeps_its_first_day(text: str, day: dt.date) -> None:
    cue = find_date(text, SATURDAY)
    assert (cue.when, cue.date) == (When.DATE, day)


def test_a_ministry_tally_over_one_night_is_one_raid() -> None:
    found = strikes(
        "Russia's defence ministry said its air defences intercepted and destroyed 88"
        " Ukrainian drones between 9 p.m. Moscow time on May 15 and 6 a.m. on May 16 over"
        " the territory of five regions.\n\n"
        "Of those, 30 were destroyed over the Kursk region and 22 over the Oryol region. The"
        " rest were downed over the Smolensk, Lipetsk and Voronezh regions.\n\n"
        "The Oryol governor said a man was hurt when debris fell on a house in the region.",
        published="2026-05-16T05:30:00+00:00",
    )
    assert len(found) == 1
    (raid,) = found
    assert raid.occurred_on == SATURDAY
    assert raid.attacker == "UA" and raid.drones_downed == 88


@pytest.mark.parametrize(
    "text",
    [
        "Air defences destroyed 88 Ukrainian drones on May 16 over the territory of five regions.",
        "Air defences destroyed 88 Ukrainian drones on 16 May over the territory of five regions.",
    ],
)
def test_the_day_of_a_date_is_no_count_of_a_region(text: str) -> None:
    assert sentence_figures(text).values == {"drones_downed": 88}


def test_counts_per_region_still_add_up() -> None:
    text = "Air defences downed 44 drones over Kursk, 31 over Bryansk and 10 over Oryol."
    assert sentence_figures(text).values == {"drones_downed": 85}


def test_two_days_without_a_time_of_day_keep_the_first() -> None:
    cue = find_date("The exercise ran from Friday to Saturday near the border.", SATURDAY)
    assert (cue.when, cue.date) == (When.DATE, dt.date(2026, 5, 15))
