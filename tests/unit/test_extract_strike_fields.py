"""Strike fields on reporting the dev sets do not hold (issue 14, the figures and places that
decide alerts): per-type lists after a colon, counts a later sentence refers to, tolls that
are not known, villages named beside a city, entries of a live page. Every article here is
invented for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.extracted import strikes
from warwire.extract.figures import sentence_figures
from warwire.extract.strikes import sentence_places

TUESDAY_MORNING = "2026-05-19T06:15:00Z"  # Tuesday 09:15 in Kyiv
TODAY = dt.date(2026, 5, 19)


# -- a list of counted weapons after a colon ------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "missiles"),
    [
        (
            "The navy said the raid involved 60 drones and several kinds of missiles: 12 Kh-101"
            " cruise missiles fired from bombers, five Kalibr missiles, three Iskander-M"
            " ballistic missiles and two Kh-59 guided missiles.",
            22,
        ),
        (
            "The rocket that struck the depot was one of 17 that Russia fired on Monday,"
            " the air force said: nine Kh-101 and Kalibr cruise missiles, six Iskander-M"
            " missiles and two Kinzhals.",
            17,
        ),
        (
            "Russia used a mix of weapons: 40 Shahed drones, 11 Kalibrs and four Kh-22 missiles.",
            15,
        ),
    ],
)
def test_a_typed_list_after_a_colon_adds_up(sentence: str, missiles: int) -> None:
    assert sentence_figures(sentence).values.get("missiles") == missiles


def test_a_list_after_a_colon_keeps_the_sense_of_its_verb() -> None:
    sentence = (
        "Air defence units destroyed most of the missiles: eight Kh-101 cruise missiles and"
        " three Kalibr missiles, the command said."
    )
    values = sentence_figures(sentence).values
    assert values.get("missiles_downed") == 11
    assert "missiles" not in values


def test_counts_after_a_colon_that_name_no_weapon_are_no_list() -> None:
    sentence = (
        "Russia fired 30 missiles at three cities: 14 at Kyiv, nine at Lviv and seven at Odesa."
    )
    assert sentence_figures(sentence).values.get("missiles") == 30


def test_a_total_before_its_list_stands() -> None:
    sentence = (
        "Russia launched 50 missiles overnight, the air force said: 20 Kh-101 cruise missiles"
        " and 12 Kalibr missiles among them."
    )
    assert sentence_figures(sentence).values.get("missiles") == 50


# -- figures a later sentence refers to -----------------------------------------------------


def test_a_bare_count_downed_right_after_the_launch_count() -> None:
    body = (
        "Russia fired 26 missiles at Ukraine on Tuesday morning, the air force said. Nineteen"
        " were intercepted. In Dnipro, two people were injured, the governor said."
    )
    [event] = strikes(body, TUESDAY_MORNING)
    assert (event.missiles, event.missiles_downed, event.injured) == (26, 19, 2)


def test_them_after_two_kinds_launched_together_is_neither() -> None:
    body = (
        "Russia attacked Ukraine overnight with 70 drones and 12 missiles, the air force said"
        " on Tuesday. Sixty of them were shot down, it said. Three people were hurt in Sumy."
    )
    [event] = strikes(body, TUESDAY_MORNING)
    assert (event.drones, event.missiles) == (70, 12)
    assert event.drones_downed is None and event.missiles_downed is None


def test_a_named_kind_after_two_kinds_launched_together_still_counts() -> None:
    body = (
        "Russia attacked Ukraine overnight with 70 drones and 12 missiles, the air force said"
        " on Tuesday. Sixty of the drones were shot down, it said."
    )
    [event] = strikes(body, TUESDAY_MORNING)
    assert (event.drones_downed, event.missiles_downed) == (60, None)


# -- a toll nobody knows yet is no toll -----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    ["No casualties were reported.", "No casualties are reported.", "No deaths were recorded."],
)
def test_none_reported_is_no_toll(sentence: str) -> None:
    values = sentence_figures(sentence).values
    assert "killed" not in values and "injured" not in values


@pytest.mark.parametrize(
    ("sentence", "field"),
    [
        ("The mayor said there were no casualties in the town.", "killed"),
        ("No one was hurt, the governor said.", "injured"),
    ],
)
def test_none_stated_is_a_toll_of_zero(sentence: str, field: str) -> None:
    assert sentence_figures(sentence).values.get(field) == 0


def test_a_strike_with_no_casualties_reported_has_no_toll() -> None:
    body = (
        "Ukrainian drones hit a fuel depot in Bryansk overnight, the regional governor said on"
        " Tuesday. Russia's defence ministry said it destroyed 23 drones over the region. No"
        " casualties were reported."
    )
    [event] = strikes(body, TUESDAY_MORNING)
    assert event.drones_downed == 23
    assert event.killed is None and event.injured is None


# -- places ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        (
            "Russian artillery shelled the village of Vysoke near Sumy on Monday, killing two.",
            ["Vysoke"],
        ),
        (
            "Ukrainian drones set a warehouse ablaze in the village of Lugovoye near Belgorod.",
            ["Lugovoye"],
        ),
        ("A drone hit Kharkiv and a depot near Chuhuiv.", ["Kharkiv", "Chuhuiv"]),
    ],
)
def test_a_village_near_a_city_is_the_place_hit(sentence: str, places: list[str]) -> None:
    assert [p.name for p in sentence_places(sentence)] == places


def test_cities_hit_told_in_a_sentence_of_their_own() -> None:
    body = (
        "Russia fired 31 missiles at Ukraine on Tuesday morning, the air force said. In Kyiv,"
        " four people were killed. Hits are also reported in Poltava, Kropyvnytskyi and Uman."
    )
    [event] = strikes(body, TUESDAY_MORNING)
    assert event.places == ["Kyiv", "Poltava", "Kropyvnytskyi", "Uman"]


# -- a live page ----------------------------------------------------------------------------


def test_an_entry_deep_in_a_live_page_is_that_days_news() -> None:
    body = (
        "Live updates. All times Kyiv.\n\n"
        "07:10 - Explosions were heard in Kyiv as Russia launched a missile attack.\n\n"
        "08:00 - The mayor says debris fell on a school in the Obolon district.\n\n"
        "09:30 - The foreign minister says partners must send more air defence.\n\n"
        "11:00 - The air force says 40 missiles were fired and 35 were shot down.\n\n"
        "13:45 - Across the border, the Kursk governor says Ukrainian shelling damaged a"
        " substation on the edge of Kursk, cutting power to part of the city.\n\n"
        "15:00 - We are closing this page."
    )
    events = strikes(body, "2026-05-19T13:00:00Z")
    kursk = [e for e in events if e.attacker == "UA"]
    assert [(e.occurred_on, e.places, e.background) for e in kursk] == [(TODAY, ["Kursk"], False)]


def test_a_village_near_the_town_a_headline_names_stays_in_its_strike() -> None:
    body = (
        "Russian shelling hit the village of Vysoke near Sumy on Tuesday morning, killing two"
        " residents, the regional administration said. Five other people were wounded."
    )
    [event] = strikes(body, TUESDAY_MORNING, title="Russian shelling kills two in Sumy region")
    assert "Vysoke" in event.places
    assert (event.killed, event.injured) == (2, 5)


# -- a new attack beside the one reported ---------------------------------------------------


def test_new_blasts_beside_yesterdays_toll_are_an_attack_of_their_own() -> None:
    body = (
        "The death toll from Monday's Russian missile strike on Chernihiv rose to 17 on"
        " Tuesday, officials said, as new explosions hit Kharkiv."
    )
    events = strikes(body, TUESDAY_MORNING)
    by_day = {e.occurred_on: e for e in events}
    assert set(by_day) == {TODAY - dt.timedelta(days=1), TODAY}
    assert by_day[TODAY - dt.timedelta(days=1)].killed == 17
    assert by_day[TODAY].places == ["Kharkiv"]
    assert by_day[TODAY].killed is None


def test_a_follow_up_attack_takes_the_sentence_about_its_town() -> None:
    body = (
        "The number of people killed in Monday's strike on Chernihiv rose to 17 on Tuesday,"
        " the governor said, as Russia followed up with a pre-dawn attack on Rivne that"
        " killed three people. In Rivne, 22 people were wounded, the mayor said.\n\n"
        "Russia launched 40 drones and six missiles overnight, the air force said."
    )
    events = strikes(body, TUESDAY_MORNING)
    by_day = {e.occurred_on: e for e in events}
    chernihiv, rivne = by_day[TODAY - dt.timedelta(days=1)], by_day[TODAY]
    assert (chernihiv.killed, chernihiv.injured) == (17, None)
    assert (rivne.killed, rivne.injured, rivne.drones, rivne.missiles) == (3, 22, 40, 6)
    assert rivne.places == ["Rivne"]


def test_as_without_a_new_attack_does_not_split() -> None:
    body = (
        "Russian drones hit Chernihiv overnight as air defences worked over the north, killing"
        " two people, the governor said on Tuesday."
    )
    [event] = strikes(body, TUESDAY_MORNING)
    assert (event.occurred_on, event.killed, event.places) == (TODAY, 2, ["Chernihiv"])


def test_a_village_near_a_town_after_a_comma_is_the_place_hit() -> None:
    sentence = (
        "At least 12 people were killed when a missile hit a school and a shop in the village"
        " of Vysoke, near Sumy."
    )
    assert [p.name for p in sentence_places(sentence)] == ["Vysoke"]


def test_the_region_in_an_officials_title_is_not_a_place_hit() -> None:
    body = (
        "Russian missiles struck the centre of Sloviansk on Monday evening, killing four"
        " people, officials said on Tuesday.\n\n"
        "Donetsk regional governor Vadym Filashkin said rescuers worked through the night."
    )
    [event] = strikes(body, TUESDAY_MORNING)
    assert event.places == ["Sloviansk"]


def test_a_region_hit_is_still_a_place_when_its_governor_reports_it() -> None:
    body = (
        "Russian drones attacked the Sumy region overnight, damaging power lines, governor"
        " Oleh Hryhorov said on Tuesday."
    )
    [event] = strikes(body, TUESDAY_MORNING)
    assert event.places == ["Sumy"]


# -- counts a headline rounds, counts of two types told apart ---------------------------------


def test_the_bodys_count_outranks_the_headlines_rounded_one() -> None:
    body = (
        "Russia fired 94 missiles and 180 drones at Ukraine's power plants overnight, the air"
        " force said on Tuesday. Air defences shot down 80 of the missiles."
    )
    [event] = strikes(body, TUESDAY_MORNING, title="Russia fires nearly 100 missiles at grid")
    assert (event.missiles, event.drones, event.missiles_downed) == (94, 180, 80)


def test_a_headline_count_the_body_lacks_stands() -> None:
    body = "Air defences shot down 80 missiles overnight, the air force said on Tuesday."
    [event] = strikes(body, TUESDAY_MORNING, title="Russia fires 94 missiles at Ukraine")
    assert (event.missiles, event.missiles_downed) == (94, 80)


def test_another_type_also_fired_adds_to_the_count_before() -> None:
    body = (
        "The air force said Russia used 14 cruise missiles in Tuesday's attack on Kryvyi Rih."
        " It also fired five ballistic missiles, the air force said. Ten of the missiles were"
        " intercepted."
    )
    [event] = strikes(body, TUESDAY_MORNING)
    assert (event.missiles, event.missiles_downed) == (19, 10)


@pytest.mark.parametrize(
    "second",
    [
        "It fired five ballistic missiles at Kyiv.",  # no "also": a part told again
        "It also fired five cruise missiles at Kyiv.",  # the same type: a part
    ],
)
def test_a_second_count_without_a_new_type_added_is_no_addition(second: str) -> None:
    body = (
        "The air force said Russia used 14 cruise missiles in Tuesday's attack on Ukraine. "
        + second
    )
    [event] = strikes(body, TUESDAY_MORNING)
    assert event.missiles == 14


def test_a_total_told_first_is_not_added_to() -> None:
    body = (
        "Russia fired 21 missiles at Ukraine on Tuesday, the air force said. Fifteen cruise"
        " missiles were aimed at Kyiv. It also fired six ballistic missiles at Dnipro."
    )
    [event] = strikes(body, TUESDAY_MORNING)
    assert event.missiles == 21


def test_a_headline_toll_rising_as_another_town_is_hit_tells_two_attacks() -> None:
    body = (
        "The death toll from Monday's Russian missile strike on Chernihiv rose to 17 on"
        " Tuesday, the governor said. Overnight, Russian drones hit Rivne, killing three"
        " people, the mayor said."
    )
    title = "Chernihiv toll climbs as Russian drone strike on Rivne kills three"
    events = strikes(body, TUESDAY_MORNING, title=title)
    by_day = {e.occurred_on: e.places for e in events}
    assert by_day == {TODAY - dt.timedelta(days=1): ["Chernihiv"], TODAY: ["Rivne"]}


def test_a_toll_rising_as_rescuers_search_is_one_attack() -> None:
    body = (
        "The death toll from Monday's Russian missile strike on Chernihiv rose to 17 on"
        " Tuesday as rescuers searched the rubble of the strike site, the governor said."
    )
    [event] = strikes(body, TUESDAY_MORNING)
    assert (event.occurred_on, event.killed) == (TODAY - dt.timedelta(days=1), 17)


# -- weapons told in other words ------------------------------------------------------------


def test_anti_ship_missiles_fired_at_a_city_are_an_attack() -> None:
    body = (
        "A Russian missile hit a market in Odesa on Tuesday morning, killing three people."
        " The air force said two Kh-32 anti-ship missiles were fired at the city by Tu-22M3"
        " bombers flying over the Black Sea."
    )
    [event] = strikes(body, TUESDAY_MORNING)
    assert (event.missiles, event.killed, event.places) == (2, 3, ["Odesa"])


def test_the_airspace_of_the_bombers_is_no_place_hit() -> None:
    sentence = (
        "Two Kh-22 missiles were fired at the city by Tu-22M3 bombers flying over Russia's"
        " Kursk region."
    )
    assert sentence_places(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "field"),
    [
        (
            "The air force counted 14 cruise missiles and two drones, of which it downed 12"
            " missiles and both drones.",
            "drones_downed",
        ),
        ("Both missiles were shot down over the Odesa region.", "missiles_downed"),
    ],
)
def test_both_counts_two(sentence: str, field: str) -> None:
    assert sentence_figures(sentence).values.get(field) == 2


def test_a_part_aimed_at_one_city_is_no_count_of_all_downed() -> None:
    body = (
        "Russia fired 23 cruise missiles at Ukraine overnight, the air force said on Tuesday,"
        " of which 21 were destroyed. Missiles were also aimed at Kyiv for the first time in"
        " 44 days; all of those were stopped by air defence, the city said."
    )
    [event] = strikes(body, TUESDAY_MORNING)
    assert (event.missiles, event.missiles_downed) == (23, 21)


@pytest.mark.parametrize(
    ("sentence", "field", "value"),
    [
        ("The air force counted 310 aerial weapons in all, 270 of them drones.", "drones", 270),
        ("Air defences destroyed 95 targets, 60 of which were Shahed drones.", "drones_downed", 60),
    ],
)
def test_a_part_of_a_mixed_whole_named_by_its_kind(sentence: str, field: str, value: int) -> None:
    assert sentence_figures(sentence).values.get(field) == value


@pytest.mark.parametrize(
    "sentence",
    [
        "By noon the toll had risen to 19, including four children, and 61 people, among them"
        " seven children, had been taken to hospital, officials said.",
        "The death toll rose to 19, including four children, and 61 people, among them seven"
        " teenagers, were wounded.",
    ],
)
def test_a_toll_verb_with_no_subject_takes_the_people_before_it(sentence: str) -> None:
    values = sentence_figures(sentence).values
    assert (values.get("killed"), values.get("injured")) == (19, 61)


def test_a_part_told_with_including_is_no_toll_of_its_own() -> None:
    values = sentence_figures(
        "The strike killed 12 people, including three children, and destroyed 40 homes."
    ).values
    assert values.get("killed") == 12
    assert "injured" not in values


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        (
            "Drones hit a bridge in Kremenchuk, Poltava Oblast, and a port in Odesa.",
            ["Kremenchuk", "Odesa"],
        ),
        ("Drones hit a depot in Kremenchuk, Poltava region, overnight.", ["Kremenchuk"]),
        ("Drones hit Kremenchuk, Kharkiv region and Sumy.", ["Kremenchuk", "Kharkiv", "Sumy"]),
    ],
)
def test_the_region_after_a_town_and_a_comma_locates_it(sentence: str, places: list[str]) -> None:
    assert [p.name for p in sentence_places(sentence)] == places


# -- an attack told as happening while the story's event went on -----------------------------

_TALKS_STORY = (
    "Russian and Ukrainian delegations met in Istanbul on Tuesday for two hours of talks on a"
    " prisoner exchange, officials said.\n\n"
    "The Ukrainian side was led by the defence minister. The Russian side was led by a"
    " presidential aide.\n\n"
    "Both sides said they would consult their capitals before meeting again.\n\n"
    "The talks were the first in several weeks.\n\n"
    "{attack}"
)


def test_an_attack_while_the_story_went_on_is_of_the_storys_day() -> None:
    body = _TALKS_STORY.format(
        attack="As the negotiators talked, Russian drones pounded Odesa, killing two people and"
        " wounding nine, the governor said."
    )
    [event] = strikes(body, "2026-05-19T19:30:00Z")  # 22:30 in Kyiv
    assert (event.occurred_on, event.background, event.killed) == (TODAY, False, 2)


def test_an_undated_attack_deep_in_the_story_still_has_no_day() -> None:
    body = _TALKS_STORY.format(
        attack="Russian drones have pounded Odesa, killing two people and wounding nine, the"
        " governor said."
    )
    events = strikes(body, "2026-05-19T19:30:00Z")
    assert all(e.occurred_on is None for e in events)


def test_a_part_the_parser_hangs_on_said_shares_the_next_parts_verb() -> None:
    values = sentence_figures(
        "The air force said 212 of the drones and 17 of the missiles were shot down."
    ).values
    assert (values.get("drones_downed"), values.get("missiles_downed")) == (212, 17)


def test_a_toll_in_the_capital_of_an_unnamed_side_adds_to_one_told_elsewhere() -> None:
    body = (
        "At least six people were killed in Kyiv after Russia launched 300 drones at Ukraine"
        " overnight, officials said on Tuesday.\n\n"
        "The interior minister said 40 people were injured in the capital.\n\n"
        "Odesa also came under attack, the regional governor said, and three people were hurt"
        " there."
    )
    [event] = strikes(body, TUESDAY_MORNING)
    assert (event.killed, event.injured) == (6, 43)
