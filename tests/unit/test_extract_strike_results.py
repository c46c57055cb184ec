"""Strike rules over general English (issue 14, strike side, sixth pass): tolls in a result
clause, partitives after any verb of downing, towns located by a region, and the night of a
named weekday. Every article here is invented for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.test_extract import strikes

SATURDAY_MORNING = "2026-05-09T06:00:00Z"  # Saturday 09:00 in Kyiv


# -- a toll told as a small clause: "leaving N people dead and M wounded" --------------------


@pytest.mark.parametrize(
    ("body", "killed", "injured"),
    [
        (
            "Two missiles slammed into the harbour of Mykolaiv on Friday, leaving at least 11"
            " people dead and 25 wounded.",
            11,
            25,
        ),
        (
            "Russian bombs fell on Kherson on Friday, leaving about six residents dead and"
            " nine injured.",
            6,
            9,
        ),
        (
            "A drone hit a bus in Nikopol on Friday, leaving at least 12 passengers wounded"
            " and three dead.",
            3,
            12,
        ),
    ],
)
def test_a_toll_in_a_result_clause_keeps_each_word(body: str, killed: int, injured: int) -> None:
    [event] = strikes(body, SATURDAY_MORNING)
    assert (event.killed, event.injured) == (killed, injured)


def test_a_participle_after_the_victims_is_no_toll_of_its_own() -> None:
    body = "Four people wounded in Friday's missile strike on Odesa died in hospital."
    [event] = strikes(body, SATURDAY_MORNING)
    assert (event.killed, event.injured) == (4, None)


# -- "N of the M": the whole told as a bare count names the weapons counted so before ------


@pytest.mark.parametrize(
    "body",
    [
        "Russia fired 48 drones at the Mykolaiv region overnight. Air defence crews"
        " neutralised 39 of the 48, the military said.",
        "Russia fired 48 drones at the Mykolaiv region overnight. Mobile fire groups took"
        " down 39 of the 48.",
        "Russia fired 48 drones at the Mykolaiv region overnight, and air defence crews"
        " neutralised 39 of the 48.",
    ],
)
def test_a_part_of_a_bare_whole_is_downed(body: str) -> None:
    [event] = strikes(body, SATURDAY_MORNING)
    assert (event.drones, event.drones_downed) == (48, 39)


@pytest.mark.parametrize(
    "tail",
    [
        "Of the 48, mobile fire groups neutralised 39.",
        "39 of the 48 were neutralised by mobile fire groups.",
        "Mobile fire groups neutralised 39 out of the 48.",
        "Mobile fire groups neutralised 39 of 48, the military said.",
        "39 of 48 were neutralised.",
    ],
)
def test_a_bare_whole_in_other_word_orders(tail: str) -> None:
    body = f"Russia fired 48 drones at the Mykolaiv region overnight. {tail}"
    [event] = strikes(body, SATURDAY_MORNING)
    assert (event.drones, event.drones_downed) == (48, 39)


def test_a_bare_whole_that_counts_no_weapon_told_is_no_figure() -> None:
    body = (
        "Russia fired 48 drones at the Mykolaiv region overnight. Mobile fire groups"
        " neutralised 39 of 40 in the south."
    )
    [event] = strikes(body, SATURDAY_MORNING)
    assert (event.drones, event.drones_downed) == (48, None)


def test_bare_wholes_pick_the_kind_told_with_that_count() -> None:
    body = (
        "Russia fired 85 drones and 14 missiles at Ukraine overnight. Air defences knocked"
        " down 11 of the 14 and 63 of the 85."
    )
    [event] = strikes(body, SATURDAY_MORNING)
    assert (event.drones, event.drones_downed) == (85, 63)
    assert (event.missiles, event.missiles_downed) == (14, 11)


# -- towns the place list lacks, located by a region the sentence names --------------------


@pytest.mark.parametrize(
    "body",
    [
        "Ukrainian drones struck Zarechensk in the Kursk region overnight, injuring two.",
        "Ukrainian drones hit an oil depot in Zarechensk, Kursk region, overnight.",
        "Zarechensk, a town in Russia's Kursk region, came under drone attack overnight, the"
        " governor said.",
        "A warehouse in the Kursk region town of Zarechensk was hit by Ukrainian drones overnight.",
        "Ukrainian drones hit an airbase near Zarechensk in the Kursk region overnight.",
        "Ukrainian drones struck the town of Zarechensk, Kursk region, overnight.",
    ],
)
def test_an_unlisted_town_located_by_its_region_is_the_place_hit(body: str) -> None:
    [event] = strikes(body, SATURDAY_MORNING)
    assert event.places == ["Zarechensk"]


def test_a_company_owning_a_site_is_no_town() -> None:
    body = "Ukrainian drones attacked the Lukoil refinery in the Volgograd region overnight."
    [event] = strikes(body, SATURDAY_MORNING)
    assert event.places == ["Volgograd"]


# -- "<weekday> night": dated by the morning the attack ended ---------------------------------

SUNDAY_MORNING = "2026-05-10T06:00:00Z"  # Sunday 09:00 in Kyiv
TUESDAY_MORNING = "2026-05-12T06:00:00Z"


@pytest.mark.parametrize("published", [SUNDAY_MORNING, TUESDAY_MORNING])
def test_a_weekday_night_attack_is_dated_by_the_next_morning(published: str) -> None:
    body = (
        "Russia pounded Ukraine with 260 drones and 18 missiles on Saturday night, the air"
        " force said."
    )
    [event] = strikes(body, published)
    assert event.occurred_on == dt.date(2026, 5, 10)


@pytest.mark.parametrize(
    "body",
    [
        "Russian drones struck Chernihiv on Saturday night, injuring five; the raid was over"
        " before midnight.",
        "Russian drones struck Chernihiv at 11 p.m. on Saturday night, injuring five.",
        "Russian drones struck Chernihiv on Saturday, injuring five.",
    ],
)
def test_a_night_over_before_midnight_keeps_its_day(body: str) -> None:
    [event] = strikes(body, SUNDAY_MORNING)
    assert event.occurred_on == dt.date(2026, 5, 9)


def test_a_weekday_night_told_that_same_evening_keeps_its_day() -> None:
    body = "Russian drones struck Chernihiv on Saturday night, the governor said."
    [event] = strikes(body, "2026-05-09T19:30:00Z")  # Saturday 22:30 in Kyiv
    assert event.occurred_on == dt.date(2026, 5, 9)


@pytest.mark.parametrize(
    ("body", "country"),
    [
        ("Ukrainian drones struck the Russian town of Zarechensk overnight, injuring two.", "RU"),
        ("Ukrainian drones struck the town of Zarechensk in Russia overnight, injuring two.", "RU"),
        (
            "Ukrainian drones struck Zarechensk, a Russian town near the border, overnight.",
            "RU",
        ),
        ("A Russian glide bomb hit the Ukrainian village of Zarichne overnight.", "UA"),
    ],
)
def test_a_town_located_by_its_country(body: str, country: str) -> None:
    [event] = strikes(body, SATURDAY_MORNING)
    assert event.places == ["Zarechensk" if country == "RU" else "Zarichne"]
    assert event.target_country == country


def test_a_town_its_country_locates_is_kept_only_where_hit() -> None:
    body = (
        "Russian drones struck Kharkiv overnight. The Russian town of Zarechensk lies 20 km"
        " across the border."
    )
    [event] = strikes(body, SATURDAY_MORNING)
    assert event.places == ["Kharkiv"]


def test_an_unlisted_russian_town_tells_the_attacker() -> None:
    body = "Drones hit a substation in Zarechensk, in the Kursk region, overnight."
    [event] = strikes(body, SATURDAY_MORNING)
    assert (event.attacker, event.target_country, event.places) == ("UA", "RU", ["Zarechensk"])
