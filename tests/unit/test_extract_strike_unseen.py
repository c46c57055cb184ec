"""Strike rules for wire reporting the dev sets do not hold (issue 14, strike side): a period
that ranks the attack rather than dates it, a few drones on one town that are no nationwide
wave, ... Every article here is invented for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.extracted import strikes
from warwire.extract.dates import When, find_date
from warwire.extract.figures import sentence_figures
from warwire.extract.strikes import sentence_places

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


# -- where the weapons came from is not where they struck ------------------------------------


def test_the_region_the_bombers_flew_over_is_not_a_target() -> None:
    body = (
        "Three Russian glide bombs hit a supermarket in Sumy on Wednesday afternoon, killing"
        " four people and injuring 19, the governor said. He said the bombs had been dropped"
        " from jets flying over the Kursk region."
    )
    [event] = strikes(body, THURSDAY_MORNING)
    assert (event.attacker, event.target_country, event.places) == ("RU", "UA", ["Sumy"])
    assert (event.killed, event.injured) == (4, 19)


# -- a past year a sentence names is background ---------------------------------------------


def test_years_ago_puts_a_named_day_in_its_year() -> None:
    cue = find_date("Four years ago, on the morning of March 2, missiles hit the airfield.", TODAY)
    assert cue.date == dt.date(2022, 3, 2)


def test_years_ago_after_since_dates_nothing() -> None:
    text = "It was the biggest raid since the invasion began four years ago, the ministry said."
    assert find_date(text, TODAY).when is not When.DATE


def test_a_month_and_year_is_a_vague_past() -> None:
    assert find_date("A missile hit the station in Lozova in May 2023.", TODAY).when is When.VAGUE


def test_a_recalled_toll_from_a_named_year_stays_out_of_todays_wave() -> None:
    body = (
        "Russia launched 96 drones at Ukraine overnight, the air force said on Thursday, and"
        " 70 of them were shot down. Debris injured two people in the Poltava region. The"
        " deadliest strike on the region came in June 2023, when a missile attack on"
        " Kremenchuk killed 22 people."
    )
    events = strikes(body, THURSDAY_MORNING)
    [today] = [e for e in events if not e.background]
    assert (today.occurred_on, today.drones, today.drones_downed) == (TODAY, 96, 70)
    assert today.killed is None and "Kremenchuk" not in today.places


# -- the day of a meeting is not the day of the attack it discusses -------------------------


def test_the_day_of_a_session_does_not_date_the_missile_it_discusses() -> None:
    body = (
        "Russia fired 41 missiles at Ukraine on Monday, killing 12 people in Kyiv. At"
        " Wednesday's Security Council session, Russia's envoy said a single missile from a"
        " Ukrainian air defence system had caused the damage."
    )
    events = strikes(body, THURSDAY_MORNING)
    assert [(e.occurred_on, e.missiles) for e in events] == [(dt.date(2026, 4, 13), 41)]


# -- towns the gazetteer lacks, named as towns -----------------------------------------------


def test_a_city_told_by_its_bearing_from_a_listed_one_is_a_place() -> None:
    text = (
        "Ukrainian drones hit a fertiliser plant in Zarechensk, a city of about 40,000 people"
        " east of Voronezh, overnight, the governor said."
    )
    [place] = [p for p in sentence_places(text) if p.name == "Zarechensk"]
    assert place.country == "RU"


def test_the_town_of_a_name_lies_on_the_side_attacked() -> None:
    body = (
        "Ukrainian drones set fire to a fuel depot in the town of Belomorsk-Yuzhny overnight,"
        " the regional governor said on Thursday. Russia's defence ministry said it had"
        " destroyed 27 drones."
    )
    [event] = strikes(body, THURSDAY_MORNING)
    assert (event.attacker, event.target_country) == ("UA", "RU")
    assert event.places == ["Belomorsk-Yuzhny"]


def test_the_town_of_a_name_with_no_attacker_known_is_left_out() -> None:
    body = "A drone hit a depot in the town of Zarechensk overnight, the mayor said."
    assert all("Zarechensk" not in e.places for e in strikes(body, THURSDAY_MORNING))


@pytest.mark.parametrize(
    "text",
    [
        "Russian drone debris fell in the Polish town of Wyryki-Wola, officials said.",
        "A Russian drone hit a barn in the village of Ostrivtsi overnight, police said.",
    ],
)
def test_a_town_of_another_country_or_a_village_is_not_placed(text: str) -> None:
    assert [p.name for p in sentence_places(text) if p.country in ("", "UA", "RU")] == []


# -- a bare reference to the attack on a place is the attack told on it ----------------------


def test_a_later_reference_to_the_attack_on_a_city_is_that_attack() -> None:
    body = (
        "Russian missiles struck Odesa overnight, killing six people, the governor said on"
        " Thursday.\n\nOn Wednesday afternoon, a Russian drone hit a bus in Kherson, injuring"
        " three.\n\nThe foreign minister, who was in Brussels, called the attack on Odesa"
        " a war crime."
    )
    events = strikes(body, THURSDAY_MORNING)
    assert sorted((e.occurred_on, tuple(e.places)) for e in events) == [
        (dt.date(2026, 4, 15), ("Kherson",)),
        (TODAY, ("Odesa",)),
    ]


# -- a piece of the small hours that names its own day tells that day's news -----------------


SMALL_HOURS_FRIDAY = "2026-04-17T01:00:00Z"  # Friday 04:00 in Kyiv


@pytest.mark.parametrize(
    ("later", "day"),
    [
        (" Friday's council meeting was cancelled, the mayor's office said.", 17),
        (" The council meeting was cancelled, the mayor's office said.", 16),
    ],
)
def test_an_undated_attack_in_the_small_hours(later: str, day: int) -> None:
    body = (
        "At least five Russian missiles crashed into the port of Mykolaiv, destroying a grain"
        " terminal, and one worker was killed, local officials said." + later
    )
    [event] = strikes(body, SMALL_HOURS_FRIDAY)
    assert event.occurred_on == dt.date(2026, 4, day)


# -- a toll update dated by the time it was given ---------------------------------------------


def test_an_earlier_toll_given_on_a_weekday_night_stays_with_its_attack() -> None:
    body = (
        "The number of people killed by a Russian missile strike on Poltava on Wednesday has"
        " risen to 11, officials said on Thursday.\n\nEarlier on Wednesday night, officials had"
        " put the number of dead at seven. A total of 38 people were wounded, 20 of whom"
        " remain in hospital, the governor said."
    )
    [event] = strikes(body, "2026-04-16T17:00:00Z")
    assert (event.occurred_on, event.killed, event.injured) == (dt.date(2026, 4, 15), 11, 38)


# -- the region of a town already told only locates it ---------------------------------------


def test_the_region_of_the_town_is_not_another_target() -> None:
    body = (
        "The toll from a Russian attack on the town of Kupiansk late on Wednesday has risen to"
        " 11, officials said on Thursday.\n\nRussian forces struck the town in the Kharkiv"
        " region with two ballistic missiles and drones, hitting five apartment blocks."
    )
    [event] = strikes(body, THURSDAY_MORNING)
    assert event.places == ["Kupiansk"]


# -- two attackers in one headline ------------------------------------------------------------


def test_halves_of_a_headline_with_opposite_attackers_are_two_attacks() -> None:
    body = (
        "Russian missiles hit Kharkiv power plant; Moscow says it shot down 57 drones\n"
        "Russian missiles struck a power plant in Kharkiv overnight, the mayor said on"
        " Thursday. Russia's defence ministry said it had destroyed 57 Ukrainian drones over"
        " the Kursk region overnight."
    )
    events = {e.attacker: e for e in strikes(body, THURSDAY_MORNING)}
    assert events["RU"].drones_downed is None
    assert events["UA"].drones_downed == 57


# -- an undated attack told as done in the first paragraphs under a headline ----------------


def test_an_attack_told_in_the_second_paragraph_under_a_headline_is_the_days_news() -> None:
    body = (
        "Ukraine's security service said on Thursday that its drones had hit bombers at an"
        " air base far inside Russia.\n\nOfficials in the Saratov region confirmed a drone"
        " attack on a military airfield there, and a fire at the base."
    )
    [event] = strikes(body, THURSDAY_MORNING, title="Ukraine says its drones hit Russian bombers")
    assert (event.attacker, event.occurred_on, event.places) == ("UA", TODAY, ["Saratov"])


# -- a piece filed before midnight and stamped in Kyiv's small hours -------------------------


def test_a_piece_stamped_after_midnight_that_states_yesterday_tells_yesterdays_night() -> None:
    body = (
        "Russia launched 140 drones at Ukraine overnight, killing two people in Odesa,"
        " officials said on Thursday. Air defences shot down 120 of the drones."
    )
    [event] = strikes(body, "2026-04-16T21:40:00Z")  # Friday 00:40 in Kyiv
    assert event.occurred_on == TODAY
    assert (event.drones, event.drones_downed, event.killed) == (140, 120, 2)


def test_a_town_of_n_people_in_a_region_is_located_there() -> None:
    text = "Ukrainian drones attacked Zarechensk, a town of 30,000 people in the Tambov region."
    assert [(p.name, p.country) for p in sentence_places(text)] == [("Zarechensk", "RU")]


# -- a round toll for a list of cities, then each city's own -------------------------------


def test_tolls_told_city_by_city_add_up_past_a_round_figure_for_the_list() -> None:
    body = (
        "Russian drones struck apartment blocks in Sumy and Poltava overnight, wounding more"
        " than 30 people, officials said on Thursday. In Sumy, 21 people were wounded. In"
        " Poltava, 13 people were injured, the governor said."
    )
    [event] = strikes(body, THURSDAY_MORNING)
    assert event.injured == 34


def test_a_round_toll_for_a_list_is_kept_over_one_city_of_it() -> None:
    body = (
        "Russian drones struck apartment blocks in Sumy and Poltava overnight, wounding 40"
        " people, officials said on Thursday. In Sumy, 21 people were wounded."
    )
    [event] = strikes(body, THURSDAY_MORNING)
    assert event.injured == 40


# -- the day a toll reached a figure is not the day of the attack -----------------------------


def test_a_toll_that_rose_on_a_day_keeps_the_attack_on_its_own_day() -> None:
    body = (
        "The death toll from a Russian drone strike on a block of flats in Chernihiv rose to"
        " nine on Thursday, officials said.\n\nThe drone hit the building in the early hours of"
        " Tuesday, destroying 12 flats. A Russian shell hit a house in the town of Snovsk"
        " overnight into Thursday, wounding two people."
    )
    events = strikes(body, THURSDAY_MORNING)
    by_place = {tuple(e.places): e for e in events}
    assert (by_place[("Chernihiv",)].occurred_on, by_place[("Chernihiv",)].killed) == (
        dt.date(2026, 4, 14),
        9,
    )
    assert by_place[("Snovsk",)].killed is None


def test_a_week_ago_is_a_vague_past() -> None:
    text = "A Russian strike on a market in Kostiantynivka a week ago killed 17 people."
    assert find_date(text, TODAY).when is When.VAGUE


# -- shelling told after an air wave is its own strike ----------------------------------------


def test_shelling_of_a_town_after_an_overnight_wave_is_its_own_strike() -> None:
    body = (
        "Russia launched 310 drones and 12 missiles at Ukraine overnight, the air force said on"
        " Thursday. Air defences shot down 280 drones. In Lviv, two people were injured."
        "\n\nIn the south, Russian shelling killed a man in Kherson on Thursday afternoon, the"
        " governor said."
    )
    events = strikes(body, "2026-04-16T16:00:00Z")
    assert sorted((tuple(e.places), e.drones, e.killed) for e in events) == [
        (("Kherson",), None, 1),
        (("Lviv",), 310, None),
    ]


def test_shelling_that_leads_the_story_keeps_the_days_tally_with_it() -> None:
    body = (
        "Russian artillery and glide bombs killed four people in the Kherson region on"
        " Thursday, the governor said.\n\nIn the town of Beryslav, shelling killed two men.\n\n"
        "Over the day, Russian forces launched 35 drones at 20 settlements of the region."
    )
    events = strikes(body, "2026-04-16T16:00:00Z")
    assert len(events) == 1


# -- proportions, breakdowns, months as modifiers, converted clock times ---------------------


def test_a_proportion_is_no_downed_count() -> None:
    text = (
        "When Russia fired 600 drones and 20 missiles at Ukraine on the night to May 3,"
        " officials said more than eight in ten were stopped."
    )
    assert sentence_figures(text).values == {"drones": 600, "missiles": 20}


def test_a_breakdown_after_a_total_restates_it() -> None:
    text = (
        "Russia launched 140 drones and seven missiles - three Kinzhal aeroballistic missiles"
        " and four Kalibr cruise missiles, the air force said."
    )
    assert sentence_figures(text).values == {"drones": 140, "missiles": 7}


def test_a_list_without_a_total_still_adds_up() -> None:
    text = "Russia launched three Kinzhal missiles and four Kalibr cruise missiles overnight."
    assert sentence_figures(text).values == {"missiles": 7}


def test_an_attack_named_by_its_month_is_background() -> None:
    body = (
        "Russia fired 90 drones at Ukraine overnight, the air force said on Thursday. The"
        " February strike on Kharkiv, in which three missiles killed 14 people, showed how"
        " exposed the city remains."
    )
    events = strikes(body, THURSDAY_MORNING)
    [today] = [e for e in events if e.occurred_on == TODAY]
    assert (today.drones, today.killed) == (90, None)


def test_a_clock_time_converted_to_gmt_does_not_date_the_attack() -> None:
    body = (
        "Russian drones struck Mykolaiv early on Friday, injuring three people. Air defences"
        " shot down 20 of the 26 drones, the navy said shortly after 2 a.m. local time (2300"
        " GMT on Thursday)."
    )
    events = strikes(body, "2026-04-16T23:50:00Z")  # Friday 02:50 in Kyiv
    assert [(e.occurred_on, e.drones, e.drones_downed) for e in events] == [
        (dt.date(2026, 4, 17), 26, 20)
    ]


# -- a military that says it hit a site tells an attack ------------------------------------


def test_a_general_staff_that_hit_a_depot_tells_an_attack() -> None:
    body = (
        "Ukraine's General Staff said on Thursday that its forces had hit an oil depot in"
        " Russia's Bryansk region overnight, causing a large fire."
    )
    [event] = strikes(body, THURSDAY_MORNING)
    assert (event.attacker, event.target_country, event.places) == ("UA", "RU", ["Bryansk"])
    assert event.occurred_on == TODAY


def test_a_hit_that_is_no_site_is_no_attack() -> None:
    body = "Ukraine's army said the new rules had hit recruitment in the Bryansk direction."
    assert strikes(body, THURSDAY_MORNING) == []


def test_an_attack_from_an_evening_into_the_night_is_dated_by_its_morning() -> None:
    body = (
        "Russian drones struck Sumy on Wednesday evening and overnight, killing two people and"
        " injuring 30, officials said on Thursday. Russia launched 70 drones at Ukraine"
        " overnight, the air force said."
    )
    [event] = strikes(body, THURSDAY_MORNING)
    assert (event.occurred_on, event.drones, event.killed) == (TODAY, 70, 2)
