"""A headline told before any town is named, and the hospitals the wounded are taken to
(issue 14). Every article here is invented for the test."""

from __future__ import annotations

from tests.unit.extracted import strikes

AFTERNOON = "2024-03-05T15:00:00+00:00"
BODY = (
    "At about noon Russian forces struck the village of Borova in the Izium district with a"
    " missile, the regional governor said. Twelve people were killed at a shop.\n\n"
    "Four people were injured and taken to hospitals in Izium and Kharkiv."
)


def test_a_headline_before_any_town_is_the_strike_the_body_places() -> None:
    [strike] = strikes(BODY, AFTERNOON, title="Borova: 12 killed as missile hits village shop")
    assert (strike.killed, strike.injured, strike.places) == (12, 4, ["Borova"])


def test_where_the_wounded_are_taken_is_no_place_hit() -> None:
    [strike] = strikes(BODY, AFTERNOON)
    assert strike.places == ["Borova"]


def test_drones_brought_down_over_a_region_still_place_it() -> None:
    [strike] = strikes(
        "Russian air defences brought down 40 Ukrainian drones over the Bryansk region"
        " overnight, the defence ministry said.",
        AFTERNOON,
    )
    assert strike.places == ["Bryansk"]


def test_a_count_between_two_days_of_a_month_is_no_strike() -> None:
    assert not strikes(
        "Between 3 and 9 March the Russian army carried out 1,840 attacks on the Zaporizhzhia"
        " region, according to our count of the daily reports.",
        AFTERNOON,
    )


def test_the_river_a_city_is_named_after_is_no_place_hit() -> None:
    [strike] = strikes(
        "Russian drones struck Kherson overnight, and guided bombs hit villages along the"
        " Dnipro, the regional governor said on Tuesday.",
        AFTERNOON,
    )
    assert strike.places == ["Kherson"]


def test_the_day_a_toll_was_raised_on_is_not_the_attack_s() -> None:
    [strike] = strikes(
        "Rescuers pulled more bodies from an apartment block in Dnipro hit by a Russian missile,"
        " raising the death toll to at least 21 on Sunday.\n\n"
        "The missile struck the building on Saturday afternoon.",
        "2023-01-15T08:10:00+00:00",
    )
    assert (strike.killed, str(strike.occurred_on)) == (21, "2023-01-14")


def test_the_record_of_a_season_told_with_no_day_is_no_attack() -> None:
    assert not strikes(
        "Russia sent more drones at Ukraine in July than in any month before. The largest"
        " single-night wave this summer exceeded 600 drones, the analysts found.",
        AFTERNOON,
    )


def test_the_largest_attack_this_year_told_with_its_day_is_the_news() -> None:
    [strike] = strikes(
        "Russia launched its largest attack this year on Kyiv on Tuesday, firing 400 drones.",
        AFTERNOON,
    )
    assert strike.drones == 400


def test_the_day_of_a_call_in_a_headline_does_not_date_the_attack() -> None:
    [strike] = strikes(
        "Russia attacked Ukraine overnight with 210 drones, the Air Force said.",
        "2025-05-18T11:30:00+00:00",
        title="210 drones overnight as Trump sets Monday call with Putin",
    )
    assert str(strike.occurred_on) == "2025-05-18"


def test_attacks_a_strike_answers_are_earlier_ones_no_event() -> None:
    assert (
        strikes(
            "The strike was delivered in response to the Kiev regime's attempts to damage"
            " Russian energy facilities, as well as the terrorist attacks on the Belgorod"
            " Region, the ministry said.",
            AFTERNOON,
        )
        == []
    )


def test_a_dated_strike_in_retaliation_for_attacks_is_still_an_event() -> None:
    [strike] = strikes(
        "Ukraine struck the Ryazan refinery with drones on Tuesday in retaliation for Russian"
        " strikes on its power grid, a source said.",
        AFTERNOON,
    )
    assert (strike.attacker, strike.places) == ("UA", ["Ryazan"])


def test_a_past_week_of_shelling_is_an_aggregate() -> None:
    assert (
        strikes(
            "Over the past week, Ukrainian forces shelled Belgorod with rockets, killing two"
            " people, the governor said.",
            AFTERNOON,
        )
        == []
    )


def test_launch_areas_in_brackets_are_no_places_hit() -> None:
    [strike] = strikes(
        "Overnight the enemy attacked Ukraine with 60 missiles and 477 drones, the air force"
        " said:\n"
        "- 477 attack drones, launched from the directions of Kursk, Oryol and Hvardiiske"
        " (occupied Crimea);\n"
        "- 41 Kh-101 cruise missiles (Saratov region).\n"
        "Lviv, Poltava and Cherkasy were hit.",
        AFTERNOON,
    )
    assert "Crimea" not in strike.places and "Saratov" not in strike.places
    assert {"Lviv", "Poltava", "Cherkasy"} <= set(strike.places)


def test_the_attack_a_ranking_looks_back_to_keeps_its_own_toll() -> None:
    found = strikes(
        "A Russian attack on Kyiv overnight killed at least 23 people, officials said. It was the"
        " deadliest attack on Kyiv since 31 January, when a missile strike killed 31 people in"
        " the city.",
        AFTERNOON,
    )
    today = [s for s in found if not s.background]
    assert [s.killed for s in today] == [23]


def test_a_list_of_ages_is_no_toll() -> None:
    [strike] = strikes(
        "A drone hit a house in the Zhytomyr region overnight; three siblings aged eight, 12"
        " and 17 were killed, the regional head said.",
        AFTERNOON,
    )
    assert strike.killed in (None, 3)


def test_a_town_reported_by_a_regional_authority_lies_in_that_region() -> None:
    [strike] = strikes(
        "A Russian drone hit a passenger bus in the Sumy region on Saturday, killing nine"
        " people.\n\n"
        "The bus was struck on a road near the town of Bilopillia, according to the Sumy regional"
        " military administration.",
        AFTERNOON,
    )
    assert "Bilopillia" in strike.places and strike.killed == 9
