"""A general staff's day tally along the front is not one attack (GUIDE: a strike is one wave
or one named strike; aggregates are not events). Every sentence here is invented for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.extracted import strikes
from warwire.extract.figures import sentence_figures


@pytest.mark.parametrize(
    "body",
    [
        "Over the past day the invaders made 64 air strikes, dropped 97 glide bombs and used "
        "850 attack drones against Ukrainian positions and villages, the General Staff said.",
        "In the last 24 hours there were 140 combat clashes; Russian troops also carried out "
        "three missile strikes and used 410 kamikaze drones, the morning report said.",
        "During the past day, the enemy launched 52 assaults near Siversk and conducted 30 "
        "air strikes with 41 guided aerial bombs, military officials said.",
    ],
)
def test_a_day_tally_of_front_line_fighting_is_no_strike(body: str) -> None:
    assert strikes(body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # one kind of tally beside an attack of its own: the attack stays
        (
            "In the past day Russian troops launched 35 assaults near Toretsk, and a drone "
            "attack on Okhtyrka killed three people.",
            (None, 3),
        ),
        # bombs on one town on a named day are one strike
        (
            "Russian jets dropped six glide bombs on Kupiansk on Tuesday, killing two people.",
            (None, 2),
        ),
        # a wave the air force counts over the past day is still a wave
        (
            "Over the past day Russia launched 230 drones at Ukraine, the air force said; "
            "190 were shot down over Chernihiv and Kyiv.",
            (230, None),
        ),
    ],
)
def test_attacks_told_beside_a_day_span_stay_strikes(
    body: str, expected: tuple[int | None, int | None]
) -> None:
    [event] = strikes(body)
    assert (event.drones, event.killed) == expected


def test_a_recency_phrase_is_not_a_span_of_time() -> None:
    [event] = strikes(
        "A Russian missile hit a hospital in Zhytomyr overnight, killing three people. "
        "Missiles were also aimed at Rivne for the first time in 40 days; all of them were "
        "stopped by air defence."
    )
    assert sorted(event.places) == ["Rivne", "Zhytomyr"]


def test_all_of_a_part_sent_at_one_place_is_no_downed_count() -> None:
    [event] = strikes(
        "Russia fired 31 cruise missiles at Ukraine overnight, the air force said; 27 were "
        "shot down. Missiles were also aimed at Lutsk; all of those were stopped."
    )
    assert (event.missiles, event.missiles_downed) == (31, 27)
    [whole] = strikes(
        "The air force counted 36 Shahed drones overnight. The drones were launched at "
        "Ukraine from Bryansk region; all of them were destroyed over Sumy."
    )
    assert (whole.drones, whole.drones_downed) == (36, 36)


def test_fewer_launched_than_downed_is_not_the_waves_launched_count() -> None:
    [event] = strikes(
        "Russian air defences destroyed 143 Ukrainian drones overnight over the Kursk, Oryol "
        "and Tula regions, the defence ministry said. In Tula, a fire broke out at a "
        "chemical plant after a drone was downed nearby."
    )
    assert (event.drones, event.drones_downed) == (None, 143)


@pytest.mark.parametrize(
    "body",
    [
        # battlefield losses: drones lost over the front beside tanks and guns
        "According to the morning summary, the enemy's losses over the past day came to 1,020"
        " troops, four tanks, 17 artillery systems, 264 drones and 75 vehicles.",
        "Over the day the enemy lost 310 drones, two tanks and nine artillery systems along"
        " the whole front, Kyiv's commanders said.",
        # a week's or several days' count adds up many attacks
        "Between March 3 and 9, Russian forces carried out five massive strikes and 38 group"
        " strikes with drones and missiles, the defence ministry said in its weekly summary.",
        "During this week, Russia sent more than 900 attack drones and almost 30 missiles"
        " against Ukraine, the president said in his Sunday address.",
        "Over the same week, air defences shot down three Neptune missiles and 1,210 drones,"
        " the ministry added.",
        "Defence ministry weekly summary: four massive strikes, 980 Ukrainian drones downed",
        # front sectors: ground fighting, not a strike on the towns named
        "In the Lyman direction, the enemy attacked 12 times; in the Siversk direction, 19 times.",
    ],
)
def test_losses_and_counts_over_several_days_or_along_the_front_are_no_strike(
    body: str,
) -> None:
    assert strikes(body) == []


def test_a_raid_over_one_night_told_between_two_dates_is_a_strike() -> None:
    [event] = strikes(
        "Air defences destroyed 61 Ukrainian drones over the Belgorod and Kursk regions"
        " between 11 p.m. on March 11 and 5 a.m. on March 12, the ministry said."
    )
    assert event.drones_downed == 61 and event.attacker == "UA"


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # the toll of another attack, told beside this one's
        (
            "Drones hit Sumy early on Sunday, killing three people, as the toll from a missile"
            " strike earlier in the week rose to eleven.",
            3,
        ),
        ("Missiles kill four in Odesa as toll from Tuesday attack rises to nine", 4),
        # the toll of the attack the sentence tells: an update
        ("The toll from Tuesday's strike on Odesa rose to nine, officials said.", 9),
        ("Missiles killed four people in Odesa, and the toll rose to nine by evening.", 9),
    ],
)
def test_a_toll_from_an_attack_of_another_day_is_not_this_attacks(
    sentence: str, killed: int
) -> None:
    assert sentence_figures(sentence).values["killed"] == killed


def test_a_toll_rising_as_a_new_attack_kills_elsewhere_is_an_earlier_attacks() -> None:
    found = strikes(
        "The number of people killed in a Russian missile strike on the city of Uman rose to"
        " 14, including three children, officials said Sunday, as an overnight drone attack"
        " killed four people in the northern city of Chernihiv.\n\n"
        "Forty people were wounded in Saturday evening's strike on Uman, the governor said.",
        published="2026-05-17T09:00:00+00:00",
    )
    by_place = {tuple(e.places): (e.occurred_on, e.killed) for e in found}
    assert by_place == {
        ("Uman",): (dt.date(2026, 5, 16), 14),
        ("Chernihiv",): (dt.date(2026, 5, 17), 4),
    }
