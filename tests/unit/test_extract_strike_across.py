"""Strike figures an article gives across its sentences, and counts in wordings the
surface patterns were not written for. Every article here is invented for the test."""

from __future__ import annotations

import pytest

from tests.unit.test_extract import strikes

MORNING = "2026-04-14T07:30:00Z"


@pytest.mark.parametrize(
    "body",
    [
        "Of the 120 drones Russia launched overnight, 100 were shot down, Ukraine's air force"
        " said.",
        "Ukraine's air force said it destroyed 100 out of 120 drones Russia launched overnight.",
        "Russia sent 120 drones against Ukraine overnight. Air defences downed 100 of them,"
        " the air force said.",
        "Air defence units brought down 100 of the 120 Russian drones fired at Ukraine"
        " overnight, the air force said.",
    ],
)
def test_a_part_and_its_whole_are_downed_and_launched(body: str) -> None:
    [event] = strikes(body, MORNING)
    assert (event.drones, event.drones_downed) == (120, 100)


def test_all_but_n_of_the_m_leaves_the_rest_downed() -> None:
    body = "The air force said all but 7 of the 83 drones Russia sent overnight were destroyed."
    [event] = strikes(body, MORNING)
    assert (event.drones, event.drones_downed) == (83, 76)


def test_tolls_for_different_places_in_two_sentences_add_up() -> None:
    body = (
        "Russia attacked Ukraine overnight with drones and missiles. Two people were killed"
        " in the Sumy region, three died in Poltava and one more in the Chernihiv region,"
        " regional officials said. One person was killed in Uman."
    )
    [event] = strikes(body, MORNING)
    assert event.killed == 7


def test_a_toll_for_a_place_already_counted_does_not_add() -> None:
    body = (
        "Russia attacked Ukraine overnight with drones and missiles. Two people were killed"
        " in the Sumy region and three died in Poltava, regional officials said. Both of the"
        " dead in the Sumy region were killed in Sumy, two people were killed there."
    )
    [event] = strikes(body, MORNING)
    assert event.killed == 5


@pytest.mark.parametrize(
    ("follow_up", "injured"),
    [
        ("The mayor said 23 residents had sought medical help.", 23),
        ("Fourteen people were hospitalised, the regional governor said.", 14),
    ],
)
def test_people_who_sought_medical_help_after_an_attack_are_injured(
    follow_up: str, injured: int
) -> None:
    body = f"A Russian missile struck Cherkasy overnight, killing four people. {follow_up}"
    [event] = strikes(body, MORNING)
    assert (event.killed, event.injured) == (4, injured)


def test_a_medical_sentence_far_from_any_attack_adds_no_toll() -> None:
    body = (
        "A Russian missile struck Cherkasy overnight, killing four people.\n\n"
        "The city council met on Friday to discuss the school budget.\n\n"
        "Separately, the health ministry said 300 people had sought medical help for flu in"
        " March, and hospitals had enough beds."
    )
    [event] = strikes(body, MORNING)
    assert event.injured is None


def test_aircraft_shot_down_after_an_attack_do_not_continue_it() -> None:
    body = (
        "Russia attacked Izmail overnight with 23 drones, the air force said. The air force"
        " also said two Russian jets had been shot down near Melitopol."
    )
    [event] = strikes(body, MORNING)
    assert event.places == ["Izmail"]
    assert event.drones_downed is None


def test_the_main_target_named_in_a_later_sentence_is_a_place_of_the_attack() -> None:
    body = (
        "Russia fired 41 drones and two missiles at Ukraine overnight, the air force said."
        " Twenty-nine of the drones were downed. The main target was the Mykolaiv region."
    )
    [event] = strikes(body, MORNING)
    assert event.places == ["Mykolaiv"]


@pytest.mark.parametrize(
    ("body", "field", "value"),
    [
        (
            "A Russian missile strike on Vinnytsia killed six people, the governor said."
            " Earlier reports had put the toll at 10.",
            "killed",
            6,
        ),
        (
            "Russian drones hit Bucha overnight, injuring five people. The mayor had initially"
            " said eight were hurt.",
            "injured",
            5,
        ),
        (
            "Russia attacked Ukraine with 77 drones overnight, the air force said. It later"
            " corrected the number of drones to 71.",
            "drones",
            71,
        ),
    ],
)
def test_a_figure_told_as_superseded_gives_way_to_the_current_one(
    body: str, field: str, value: int
) -> None:
    [event] = strikes(body, MORNING)
    assert getattr(event, field) == value


def test_an_earlier_figure_still_counts_when_it_is_the_only_one() -> None:
    body = (
        "A Russian missile hit Bila Tserkva overnight, the governor said. Preliminary reports"
        " had put the toll at four."
    )
    [event] = strikes(body, MORNING)
    assert event.killed == 4


def test_a_figure_that_could_rise_is_not_an_update() -> None:
    body = (
        "Russia attacked Ukraine with 77 drones overnight, the air force said. The number of"
        " drones could rise to 500 next week, an analyst warned."
    )
    [event] = strikes(body, MORNING)
    assert event.drones == 77


@pytest.mark.parametrize(
    "body",
    [
        "Russian drones hit Izium overnight, injuring three people, the Poltava Operational"
        " Command said.",
        "Russian missiles struck Izium overnight, killing two, a spokesman for the Lviv"
        " brigade said.",
        "Russian missiles struck Izium overnight, killing two, officials said. Poltava was not"
        " attacked.",
    ],
)
def test_a_unit_named_after_a_place_or_a_place_not_attacked_is_no_target(body: str) -> None:
    [event] = strikes(body, MORNING)
    assert event.places == ["Izium"]
