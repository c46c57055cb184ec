"""Strike rules over general English (issue 14, strike side): the night a story has already
dated, the day of the clause that tells the attack, victims counted through coordination and
definite nouns, people taken to hospital, single weapons listed with counted ones, a total
that already counts the places. Every article here is invented for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.test_extract import strikes
from warwire.extract import gazetteer
from warwire.extract.dates import DateCue, When, anaphoric_night, find_date
from warwire.extract.figures import sentence_figures
from warwire.extract.strikes import sentence_places

SATURDAY_MORNING = "2026-05-09T06:00:00Z"  # Saturday 09:00 in Kyiv
MONDAY_AFTERNOON = "2026-05-11T13:00:00Z"


# -- "during the night": the night of the day the story has named ---------------------------


def test_the_night_after_a_dated_attack_is_that_attacks_night() -> None:
    body = (
        "Thursday's drone attack on the Saratov refinery was the third on the plant this"
        " spring. Russia's defence ministry said it had downed 64 Ukrainian drones during the"
        " night."
    )
    [event] = strikes(body, SATURDAY_MORNING)
    assert event.occurred_on == dt.date(2026, 5, 7)
    assert (event.drones_downed, event.places) == (64, ["Saratov"])


def test_the_night_with_no_earlier_day_is_the_last_night() -> None:
    body = "Russia's defence ministry said it had downed 64 Ukrainian drones during the night."
    [event] = strikes(body, SATURDAY_MORNING)
    assert event.occurred_on == dt.date(2026, 5, 9)


def test_overnight_counts_from_the_report_not_from_the_story() -> None:
    body = (
        "A Ukrainian drone set a fuel depot in Bryansk on fire on Thursday. On Saturday the"
        " defence ministry said 40 Ukrainian drones were shot down overnight over five regions."
    )
    dates = {e.occurred_on for e in strikes(body, SATURDAY_MORNING)}
    assert dt.date(2026, 5, 9) in dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Air defences downed 30 drones during the night.", True),
        ("Air defences downed 30 drones in the night over Kursk.", True),
        ("Air defences downed 30 drones overnight.", False),
        ("Air defences downed 30 drones last night.", False),
        ("Air defences downed 30 drones during the night, and ten more this morning.", False),
    ],
)
def test_anaphoric_night(text: str, expected: bool) -> None:
    today = dt.date(2026, 5, 9)
    assert anaphoric_night(text, find_date(text, today), today) is expected


def test_a_calendar_day_is_never_an_anaphoric_night() -> None:
    today = dt.date(2026, 5, 9)
    cue = DateCue(When.DATE, today, calendar=True)
    assert not anaphoric_night("On May 9, 30 drones were downed during the night.", cue, today)


# -- the day of the clause that tells the attack --------------------------------------------


def test_the_attack_takes_the_day_of_its_own_clause() -> None:
    body = (
        "Families in Poltava spent Monday at funerals after a Russian missile struck an"
        " apartment block on Saturday evening, killing six people, the governor said."
    )
    [event] = strikes(body, MONDAY_AFTERNOON)
    assert event.occurred_on == dt.date(2026, 5, 9)
    assert event.killed == 6


def test_a_day_in_the_main_clause_stays_when_the_after_clause_names_none() -> None:
    body = (
        "A Russian missile struck an apartment block in Poltava on Monday, killing six people,"
        " after air raid sirens sounded for an hour."
    )
    [event] = strikes(body, MONDAY_AFTERNOON)
    assert event.occurred_on == dt.date(2026, 5, 11)


# -- victims --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("A 52-year-old man and his three grandchildren were killed in the strike.", 4),
        ("A teacher and her two sons were killed when the shell hit their flat.", 3),
        ("The drone hit a minibus, killing the driver.", 1),
        ("The driver of the ambulance was killed in the attack.", 1),
    ],
)
def test_victims_coordinated_or_definite(sentence: str, killed: int) -> None:
    assert sentence_figures(sentence).values.get("killed") == killed


@pytest.mark.parametrize(
    "sentence",
    [
        "Fourteen people were taken to hospital after the missile strike.",
        "Fourteen residents were rushed to hospital.",
        "Fourteen people were admitted to hospital with shrapnel wounds after the strike.",
    ],
)
def test_people_taken_to_hospital_are_injured(sentence: str) -> None:
    assert sentence_figures(sentence).values.get("injured") == 14


@pytest.mark.parametrize(
    "sentence",
    [
        "Police took 14 people to hospital for questioning after the strike.",
        "Fourteen bodies were taken to the morgue after the strike.",
    ],
)
def test_moving_people_elsewhere_is_no_injury(sentence: str) -> None:
    assert "injured" not in sentence_figures(sentence).values


# -- single weapons -------------------------------------------------------------------------


def test_a_single_weapon_listed_with_counted_ones_is_one() -> None:
    values = sentence_figures(
        "Russia launched 88 Shahed drones and a Kinzhal missile at Ukraine overnight."
    ).values
    assert (values.get("drones"), values.get("missiles")) == (88, 1)


def test_the_weapon_named_before_listed_with_a_part_takes_its_sense() -> None:
    values = sentence_figures(
        "Russia fired 50 drones and a cruise missile, and air defences destroyed 41 of the"
        " drones and the missile."
    ).values
    assert (values.get("drones_downed"), values.get("missiles_downed")) == (41, 1)


@pytest.mark.parametrize(
    "sentence",
    [
        "A missile struck the district's main market, the governor said.",
        "A drone attack on the depot caused a fire.",
        "A missile could hit the plant at any moment, the operator warned.",
    ],
)
def test_a_single_weapon_alone_is_no_count_of_the_attack(sentence: str) -> None:
    values = sentence_figures(sentence).values
    assert "missiles" not in values and "drones" not in values


# -- a total that counts the places ---------------------------------------------------------


def test_a_stated_total_is_not_added_to_the_places_it_counts() -> None:
    body = (
        "Russia attacked Ukraine overnight with 200 drones and 12 missiles, the air force said."
        " In the Odesa region four people were injured. Officials in the Kharkiv and Sumy"
        " regions reported five injured, and six more were hurt elsewhere, bringing the number"
        " of wounded to 15."
    )
    [event] = strikes(body, SATURDAY_MORNING)
    assert event.injured == 15


# -- places ---------------------------------------------------------------------------------


def test_a_region_other_than_the_towns_own_is_another_place_hit() -> None:
    body = (
        "Russia attacked Ukraine overnight with 150 drones. Two people died in Uman and three"
        " more in the Kyiv region, regional officials said."
    )
    [event] = strikes(body, SATURDAY_MORNING)
    assert set(event.places) >= {"Uman", "Kyiv"}


def test_the_region_a_town_lies_in_stays_its_locator() -> None:
    body = "Two people died when Russian drones hit Uman, in the Cherkasy region, overnight."
    [event] = strikes(body, SATURDAY_MORNING)
    assert event.places == ["Uman"]


def test_the_place_an_attack_was_aimed_at_was_targeted() -> None:
    body = (
        "Russia launched 300 drones and eight missiles at Ukraine overnight, the air force"
        " said. The attack was aimed mainly at Rivne, in the north-west."
    )
    [event] = strikes(body, SATURDAY_MORNING)
    assert event.places == ["Rivne"]


# -- a clause recalling another attack does not move the story ------------------------------


def test_a_comparison_clause_does_not_carry_the_story_to_its_day() -> None:
    body = (
        "Russia launched 520 drones and 20 missiles at Ukraine overnight, the air force said,"
        " surpassing the raid of earlier in March. It reported 480 of the drones and 15 of"
        " the missiles shot down."
    )
    [event] = strikes(body, SATURDAY_MORNING)
    assert (event.drones, event.missiles_downed) == (520, 15)


# -- a revised figure in the next sentence; an earlier attack recalled "a day after" ---------


def test_the_figure_raised_in_the_next_sentence_supersedes_the_toll() -> None:
    body = (
        "Officials first said nine people were injured when Russian drones hit Chernihiv on"
        " Saturday morning. Later in the day the mayor raised the figure to 14."
    )
    [event] = strikes(body, MONDAY_AFTERNOON)
    assert event.injured == 14


def test_a_figure_of_something_else_is_no_revision() -> None:
    body = (
        "Nine people were injured when Russian drones hit Chernihiv on Saturday morning. The"
        " city raised the number of shelters to 40."
    )
    [event] = strikes(body, MONDAY_AFTERNOON)
    assert event.injured == 9


def test_a_revision_after_two_kinds_of_toll_is_not_guessed() -> None:
    body = (
        "Two people were killed and nine injured when Russian drones hit Chernihiv on Saturday"
        " morning. Later the mayor revised the figure to 14."
    )
    [event] = strikes(body, MONDAY_AFTERNOON)
    assert (event.killed, event.injured) == (2, 9)


def test_weapons_of_an_attack_the_story_came_a_day_after_are_that_attacks() -> None:
    body = (
        "A Russian missile hit the centre of Chernihiv on Sunday afternoon, killing seven"
        " people, the governor said on Monday. The strike came a day after Russia's heaviest"
        " raid in weeks, in which 95 missiles and 110 drones were launched."
    )
    events = {e.occurred_on: e for e in strikes(body, MONDAY_AFTERNOON)}
    sunday = events[dt.date(2026, 5, 10)]
    assert (sunday.killed, sunday.missiles, sunday.drones) == (7, None, None)
    assert all(e.missiles in (None, 95) for e in events.values())


# -- places in another romanisation; fire by forces -----------------------------------------


@pytest.mark.parametrize(
    ("spelling", "name"),
    [
        ("Charków", "Kharkiv"),
        ("Chersoń", "Kherson"),
        ("Chersoniu", "Kherson"),
        ("Mikołajów", "Mykolaiv"),
        ("Zaporoże", "Zaporizhzhia"),
        ("Czernihów", "Chernihiv"),
        ("Donieck", "Donetsk"),
        ("Kharkov", "Kharkiv"),
    ],
)
def test_a_spelling_key_is_shared_by_romanisations(spelling: str, name: str) -> None:
    assert gazetteer.places_by_spelling()[gazetteer.spelling_key(spelling)].name == name


def test_a_place_in_a_polish_romanisation_is_hit() -> None:
    body = "Russian drones struck Czernihów overnight, injuring 4 people, the governor said."
    [event] = strikes(body, SATURDAY_MORNING)
    assert event.places == ["Chernihiv"]


def test_a_longer_name_wins_over_a_listed_form_inside_it() -> None:
    names = [p.name for p in sentence_places("Russian shells hit Stanica Lugansk on Friday.")]
    assert names == ["Stanytsia Luhanska"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Governor Gladkov said on Friday that debris fell on a car park.",
        "The minister met Sadowy and Kliczko on Friday to discuss shelters.",
    ],
)
def test_people_and_words_with_no_place_key_are_no_places(sentence: str) -> None:
    assert sentence_places(sentence) == []


def test_fire_by_forces_dated_by_a_possessive_is_a_strike() -> None:
    body = (
        "The president cited Wednesday's fire by pro-Russian forces on a school in Sievierodonetsk"
        " as proof of the escalation."
    )
    [event] = strikes(body, SATURDAY_MORNING)
    assert (event.attacker, event.places) == ("RU", ["Sievierodonetsk"])
    assert event.occurred_on == dt.date(2026, 5, 6)


def test_the_firing_of_an_official_is_no_strike() -> None:
    body = "The firing of the regional police chief on Wednesday surprised the city council."
    assert strikes(body, SATURDAY_MORNING) == []


# -- places named two sentences after the attack, in its paragraph --------------------------


def test_explosions_heard_in_the_attacks_paragraph_name_its_places() -> None:
    body = (
        "The alert was lifted after a combined attack that began with Shahed drones at dawn"
        " and ended with cruise missiles fired from Tu-95 bombers. The energy ministry says"
        " the grid is again the main target. Explosions were heard in Rivne and Ternopil."
    )
    [event] = strikes(body, SATURDAY_MORNING)
    assert (event.attacker, sorted(event.places)) == ("RU", ["Rivne", "Ternopil"])


def test_explosions_heard_with_no_attack_told_are_no_strike() -> None:
    body = (
        "The city council met on Friday to discuss the budget.\n\nLater, explosions were heard"
        " in Rivne and Ternopil; officials did not say what caused them."
    )
    assert strikes(body, SATURDAY_MORNING) == []


# -- denials, the past perfect, the evening before a morning report -------------------------


@pytest.mark.parametrize(
    "body",
    [
        "The Kremlin on Friday denied that Russian forces had struck a maternity ward in"
        " Kherson, blaming Ukrainian air defences.",
        "Moscow rejected claims that its drones hit the port of Izmail.",
        "A spokesman said Moscow denied striking the market in Kostiantynivka.",
    ],
)
def test_an_attack_only_denied_is_not_reported(body: str) -> None:
    assert strikes(body, SATURDAY_MORNING) == []


def test_an_attack_told_beside_a_denial_is_reported() -> None:
    body = (
        "Russian missiles struck Odesa on Friday, killing two people, though Moscow denied"
        " aiming at civilians."
    )
    [event] = strikes(body, SATURDAY_MORNING)
    assert (event.killed, event.places) == (2, ["Odesa"])


def test_a_day_in_the_past_perfect_is_not_the_days_lead() -> None:
    body = (
        "For the second night running, Russia launched 412 drones and 11 missiles at Ukraine,"
        " the air force said.\n\nOn Thursday, the air force had"
        " counted 380 drones."
    )
    events = strikes(body, SATURDAY_MORNING)
    latest = max(events, key=lambda e: e.occurred_on or dt.date.min)
    assert (latest.occurred_on, latest.drones) == (dt.date(2026, 5, 9), 412)


def test_a_strike_late_the_evening_before_a_morning_report_is_news() -> None:
    body = (
        "Russian missiles struck the centre of Kramatorsk late on Friday, killing nine people,"
        " regional officials said on Saturday morning."
    )
    [event] = strikes(body, SATURDAY_MORNING)
    assert (event.occurred_on, event.background) == (dt.date(2026, 5, 8), False)


def test_counts_after_a_colon_restate_what_the_reported_clause_did() -> None:
    values = sentence_figures(
        "For the second night running, Russia launched more than 400 drones at Ukraine, the"
        " air force said: 412 drones and 11 missiles."
    ).values
    assert (values.get("drones"), values.get("missiles")) == (412, 11)


# -- every one downed -----------------------------------------------------------------------


def test_every_one_of_them_downed_is_the_launched_count() -> None:
    body = (
        "Ukraine sent 140 drones against Russia overnight, the defence ministry in Moscow said."
        " It said 60 were aimed at the Belgorod region and claimed that every one of them was"
        " shot down."
    )
    [event] = strikes(body, SATURDAY_MORNING)
    assert (event.drones, event.drones_downed) == (140, 140)


@pytest.mark.parametrize(
    "second",
    [
        "Not all of them were shot down, officials admitted.",
        "Officials said all of them could have been shot down with more interceptors.",
        "All of them were launched from the Kursk region.",
    ],
)
def test_all_of_them_not_told_as_downed_gives_no_downed_count(second: str) -> None:
    body = f"Russia launched 90 drones at Ukraine overnight, the air force said. {second}"
    [event] = strikes(body, SATURDAY_MORNING)
    assert (event.drones, event.drones_downed) == (90, None)


def test_an_unlisted_village_of_two_words_is_named_whole() -> None:
    names = sentence_places(
        "Russian mortars shelled the village of Mala Rohan in the Kharkiv region on Friday."
    )
    assert [p.name for p in names] == ["Mala Rohan"]


def test_the_city_in_a_clause_of_its_own_day_is_the_city_just_named() -> None:
    body = (
        "Two guided bombs hit Sumy on Friday evening, and a missile struck the city's outskirts"
        " overnight, injuring five people, the mayor said."
    )
    events = {e.occurred_on: e for e in strikes(body, SATURDAY_MORNING)}
    night = events[dt.date(2026, 5, 9)]
    assert (night.places, night.injured) == (["Sumy"], 5)


# -- approximate wholes; the day a toll gives an undated attack -----------------------------


@pytest.mark.parametrize("quantifier", ["almost all", "nearly all", "not all"])
def test_an_approximate_whole_is_no_downed_count(quantifier: str) -> None:
    body = (
        f"Russia launched 64 drones at Ukraine overnight, the air force said, and {quantifier}"
        " of the drones were shot down."
    )
    [event] = strikes(body, SATURDAY_MORNING)
    assert (event.drones, event.drones_downed) == (64, None)


def test_the_day_of_the_toll_dates_an_undated_attack_in_its_paragraph() -> None:
    body = (
        "Russia's latest attack combined 48 drones with six ballistic missiles, Ukraine's air"
        " force said. In the Odesa region, a woman and her son were killed in their home on"
        " Friday."
    )
    [event] = strikes(body, "2026-05-11T07:00:00Z")
    assert (event.occurred_on, event.killed) == (dt.date(2026, 5, 8), 2)


def test_a_list_the_parser_splits_after_a_comma_still_adds_up() -> None:
    values = sentence_figures(
        "Russia's defence ministry said its air defences had shot down six ATACMS missiles,"
        " three Storm Shadow missiles and 40 drones over the Bryansk region."
    ).values
    assert (values.get("missiles_downed"), values.get("drones_downed")) == (9, 40)


def test_a_day_earlier_is_a_time_not_a_rate() -> None:
    body = (
        "The death toll from Tuesday's Russian missile strike on Poltava climbed to 12 on"
        " Thursday from nine a day earlier, officials said."
    )
    [event] = strikes(body, SATURDAY_MORNING)
    assert (event.occurred_on, event.killed) == (dt.date(2026, 5, 5), 12)


def test_a_day_as_a_rate_is_still_an_aggregate() -> None:
    body = "Russia now launches about 150 drones a day at Ukraine, the air force said."
    assert strikes(body, SATURDAY_MORNING) == []


# -- an attack told by its effects; the capital ---------------------------------------------


def test_explosions_with_air_defences_at_work_are_an_attack() -> None:
    body = (
        "Dnipro was rocked by explosions on Saturday morning. Air defences were working, the"
        " regional governor said. One person was injured."
    )
    [event] = strikes(body, SATURDAY_MORNING)
    assert (event.attacker, event.places, event.injured) == ("RU", ["Dnipro"], 1)


def test_explosions_alone_are_no_attack() -> None:
    body = "Dnipro was rocked by explosions at a chemical plant on Saturday morning."
    assert strikes(body, SATURDAY_MORNING) == []


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("On Thursday, Russian missiles killed nine people in the capital.", "Kyiv"),
        ("Ukrainian drones were shot down over the Russian capital on Thursday.", "Moscow"),
    ],
)
def test_the_capital_is_the_attacked_sides(sentence: str, place: str) -> None:
    [event] = strikes(sentence, SATURDAY_MORNING)
    assert event.places == [place]


def test_the_capital_of_another_country_is_not_guessed() -> None:
    body = "On Thursday, Russian missiles killed nine people in the capital of the region."
    assert all(e.places == [] for e in strikes(body, SATURDAY_MORNING))


def test_a_toll_of_a_strike_weeks_before_is_not_the_new_strikes() -> None:
    body = (
        "Three people were killed in a Russian strike on Kharkiv on Friday. The attack came"
        " two weeks after a strike on the same district killed 11 people. Another 12 were"
        " injured on Friday, the mayor said."
    )
    friday = [e for e in strikes(body, SATURDAY_MORNING) if e.occurred_on == dt.date(2026, 5, 8)]
    assert [(e.killed, e.injured) for e in friday] == [(3, 12)]


def test_a_range_fronted_in_the_sentence_spans_the_places_hit() -> None:
    body = (
        "From Uzhhorod in the west to Sumy in the east, explosions echoed across Ukraine as"
        " Russia fired 70 missiles overnight."
    )
    [event] = strikes(body, SATURDAY_MORNING)
    assert sorted(event.places) == ["Sumy", "Uzhhorod"]


def test_an_origin_after_its_verb_is_no_place_hit() -> None:
    body = (
        "Russia fired 70 missiles from the Caspian Sea and launched drones from Kursk to"
        " Kharkiv overnight, the air force said."
    )
    [event] = strikes(body, SATURDAY_MORNING)
    assert "Kursk" not in event.places


def test_a_region_named_by_its_adjective_is_that_region() -> None:
    body = (
        "Russian missiles struck the Charkowski region overnight, injuring three people, the"
        " governor said."
    )
    [event] = strikes(body, SATURDAY_MORNING)
    assert event.places == ["Kharkiv"]


def test_a_surname_with_an_adjective_ending_is_no_region() -> None:
    assert sentence_places("Missiles hit the house of Mr Charkowski overnight.") == []


def test_a_list_item_the_parser_puts_in_apposition_still_adds_up() -> None:
    values = sentence_figures(
        "Overnight, Russia struck Ukraine with three Kinzhal hypersonic missiles, five Kh-101"
        " cruise missiles and 30 Shahed drones."
    ).values
    assert (values.get("missiles"), values.get("drones")) == (8, 30)


def test_an_attack_air_defences_worked_to_repel_is_under_way() -> None:
    body = (
        "Explosions were heard in Lviv late on Friday as air defences worked to repel a"
        " Russian drone attack, the mayor said."
    )
    [event] = strikes(body, "2026-05-08T20:30:00Z")
    assert (event.attacker, event.places) == ("RU", ["Lviv"])


# -- bodies recovered from the rubble -------------------------------------------------------


def test_bodies_recovered_from_the_rubble_of_a_place_hit_are_its_toll() -> None:
    body = (
        "Rescuers recovered the bodies of 14 people from the rubble of the building in Poltava"
        " hit by a Russian missile on Friday; 20 remain missing."
    )
    [event] = strikes(body, SATURDAY_MORNING)
    assert (event.killed, event.places) == (14, ["Poltava"])


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Rescuers pulled the bodies of seven people from the rubble after the drone strike.", 7),
        ("Police may find the bodies of 3 more people, officials said.", None),
    ],
)
def test_the_bodies_of_people(sentence: str, killed: int | None) -> None:
    assert sentence_figures(sentence).values.get("killed") == killed


def test_the_capital_where_nothing_was_hit_is_no_target() -> None:
    body = (
        "It was a quiet weekend in the capital after Friday's missile and drone attacks across"
        " the country, officials said."
    )
    assert all("Kyiv" not in e.places for e in strikes(body, SATURDAY_MORNING))


def test_a_definite_rank_or_role_is_no_civilian_victim() -> None:
    assert (
        "killed"
        not in sentence_figures(
            "The officer was killed as a result of artillery fire near the front line."
        ).values
    )


# -- ground fire, western Ukraine, two-letter keys in a Polish spelling ---------------------


def test_units_under_fire_on_the_front_are_ground_fighting() -> None:
    body = (
        "Ukrainian units came under fire by Russian forces near Pokrovsk on Friday, the general"
        " staff said, and repelled 40 assaults along the front line."
    )
    assert strikes(body, SATURDAY_MORNING) == []


def test_an_attack_on_a_part_of_the_country_and_a_place_hit_after_it() -> None:
    body = (
        "Poland scrambled jets early on Saturday as Russia attacked western Ukraine, the Polish"
        " military said. Its air defences were on alert. In Rivne, an energy facility was hit,"
        " the governor said."
    )
    [event] = strikes(body, SATURDAY_MORNING)
    assert (event.attacker, event.places) == ("RU", ["Rivne"])


def test_a_short_name_in_a_polish_spelling_is_found() -> None:
    body = "Russian drones attacked Kijów overnight, injuring 3 people, officials said."
    [event] = strikes(body, SATURDAY_MORNING)
    assert event.places == ["Kyiv"]


def test_n_odd_is_a_count() -> None:
    assert sentence_figures("Russia launched 90-odd drones overnight.").values == {"drones": 90}


def test_weapons_of_a_reduced_relative_take_the_sense_of_the_main_verb() -> None:
    values = sentence_figures(
        "The air force said all eight Iskander missiles fired at the capital were shot down;"
        " the victims were hit by falling debris."
    ).values
    assert (values.get("missiles"), values.get("missiles_downed")) == (8, 8)
