"""How late reports and state-media wording place a strike: an evening report of a daytime
attack keeps its day; a capital standing for its government is the attacker, not a place hit.
Every article here is invented for the test."""

from __future__ import annotations

import datetime as dt

from tests.unit.extracted import strikes

SATURDAY_EVENING = "2026-05-09T18:40:00+00:00"  # 21:40 in Kyiv


def test_an_evening_report_of_an_afternoon_attack_keeps_the_day() -> None:
    body = (
        "A Russian missile hit a market in Kostiantynivka in the afternoon, killing seven "
        "people, the regional governor said. Rescuers were still searching the rubble."
    )
    [event] = strikes(body, SATURDAY_EVENING)
    assert event.occurred_on == dt.date(2026, 5, 9)
    assert event.killed == 7


def test_an_evening_report_of_an_attack_under_way_takes_the_next_morning() -> None:
    body = (
        "Explosions rocked Kharkiv as Russian drones attacked the city, mayor Ihor Terekhov "
        "said. A fire broke out at a warehouse."
    )
    [event] = strikes(body, SATURDAY_EVENING)
    assert event.occurred_on == dt.date(2026, 5, 10)


def test_a_capital_standing_for_its_government_is_not_a_place_hit() -> None:
    [event] = strikes(
        "Three people were killed in the Kiev regime's rocket strike on Kursk, the regional "
        "governor said on Saturday.",
        SATURDAY_EVENING,
        title="Kiev regime's strike on Kursk kills three",
    )
    assert event.places == ["Kursk"]
    assert (event.attacker, event.target_country) == ("UA", "RU")


def test_the_day_of_the_cause_an_attack_answers_is_not_the_attacks_day() -> None:
    body = (
        "Explosions shook Odesa and Mykolaiv in the morning as Russia fired 40 cruise missiles "
        "at Ukraine, the air force said.\n\n"
        "Officials across the country reported damage to power plants.\n\n"
        "In Moscow, the defence ministry said the strikes were revenge for Thursday's attack "
        "on a naval base in Sevastopol."
    )
    [wave] = [e for e in strikes(body, SATURDAY_EVENING) if e.attacker == "RU"]
    assert wave.occurred_on == dt.date(2026, 5, 9)
    assert wave.missiles == 40


def test_where_troops_stand_is_not_a_place_hit_unless_the_troops_are_the_target() -> None:
    from warwire.extract.strikes import sentence_places

    def names(sentence: str) -> list[str]:
        return [place.name for place in sentence_places(sentence)]

    assert "Donbas" not in names(
        "A depot holding shells bound for the Ukrainian troops in Donbas was destroyed at "
        "Kremenchuk, the ministry said."
    )
    assert names("Russian forces in Kherson shelled the town of Nikopol.") == ["Nikopol"]
    assert names("A missile hit a gathering of Ukrainian soldiers in Chernihiv region.") == [
        "Chernihiv"
    ]


def test_where_a_leader_spoke_is_not_a_place_hit_but_a_local_officials_town_is() -> None:
    from warwire.extract.strikes import sentence_places

    def names(sentence: str) -> list[str]:
        return [place.name for place in sentence_places(sentence)]

    assert names("In Kyiv, the president says Russian missiles hit Rivne and Izmail.") == [
        "Rivne",
        "Izmail",
    ]
    assert names("In Moscow, the Kremlin leader told his ministers the strikes would go on.") == []
    assert names("In Poltava, the mayor said four people were killed by a missile.") == ["Poltava"]
    assert names("In Chernihiv, governor Ivan Petrenko said a drone hit a depot.") == ["Chernihiv"]


def test_an_alert_or_an_attack_said_not_to_have_come_is_no_strike() -> None:
    assert (
        strikes(
            "Air raid sirens sounded in Vinnytsia for three hours overnight, but no strikes on "
            "the city were reported."
        )
        == []
    )
    assert strikes("A drone alert was declared in Poltava region at 2 a.m.") == []
    [event] = strikes(
        "No one was hurt when a Russian drone hit a grain silo in Izmail overnight; no further "
        "attacks were reported."
    )
    assert event.places == ["Izmail"]
