"""A planned contact told twice, and a place an attack hits (issue 14). Every article here is
invented for the test."""

from __future__ import annotations

import datetime as dt

from tests.unit.extracted import negotiations_in

TUESDAY_MORNING = "2025-03-11T07:20:00+00:00"


def test_later_on_the_day_a_planned_meeting_is_the_one_already_told() -> None:
    found = negotiations_in(
        "Ukrainian and American officials are due to meet in Saudi Arabia on Tuesday.\n\n"
        "Later on Tuesday, a Ukrainian delegation led by Andriy Yermak is due to meet Secretary"
        " of State Marco Rubio in Jeddah.",
        TUESDAY_MORNING,
    )
    assert [(e.status, e.occurred_on, e.venue) for e in found] == [
        ("scheduled", dt.date(2025, 3, 11), "Jeddah")
    ]


def test_later_on_the_day_a_held_contact_is_another_one() -> None:
    found = negotiations_in(
        "Zelensky spoke by phone with Donald Trump on Monday morning.\n\n"
        "Later on Monday, Zelensky and Trump spoke again, this time with European leaders"
        " joining by video.",
        TUESDAY_MORNING,
    )
    assert len(found) == 2


def test_a_region_a_headline_says_was_hit_is_no_venue() -> None:
    found = negotiations_in(
        "Ukrainian and American officials are due to meet in Jeddah on Tuesday.",
        TUESDAY_MORNING,
        title="Ukraine hits Moscow region with drones as talks with US open in Jeddah",
    )
    assert {e.venue for e in found} == {"Jeddah"}


WEDNESDAY_EVENING = "2025-03-26T18:00:00+00:00"


def test_the_people_of_a_country_are_its_side() -> None:
    found = negotiations_in(
        "Ukraine's negotiators, led by Rustem Umerov, met the Americans in Riyadh on Sunday.",
        WEDNESDAY_EVENING,
    )
    assert [(e.parties, e.venue) for e in found] == [(["UA", "US"], "Riyadh")]


def test_the_same_sides_meeting_on_two_days_is_two_contacts() -> None:
    found = negotiations_in(
        "The Ukrainian team, led by Rustem Umerov, met the Americans in Riyadh on Sunday and"
        " again on Tuesday.",
        WEDNESDAY_EVENING,
    )
    assert sorted(e.occurred_on for e in found if e.occurred_on) == [
        dt.date(2025, 3, 23),
        dt.date(2025, 3, 25),
    ]


def test_a_source_named_after_according_to_is_no_venue() -> None:
    found = negotiations_in(
        "American officials will hold a separate meeting with Russian representatives on"
        " Monday, according to the White House.",
        "2025-03-19T18:00:00+00:00",
    )
    assert [(e.status, e.venue) for e in found] == [("scheduled", None)]


def test_a_hotel_in_a_capital_places_the_talks_in_that_city() -> None:
    found = negotiations_in(
        "The Russian delegation held 12 hours of talks with the American side on Monday at a"
        " hotel in the Saudi capital.",
        WEDNESDAY_EVENING,
    )
    assert [e.venue for e in found] == ["Riyadh"]


def test_a_challenge_to_meet_is_no_planned_meeting() -> None:
    assert (
        negotiations_in(
            "Zelenskyy, who is due in Ankara on Thursday, has challenged Putin to meet him in"
            " person in Turkey.",
            TUESDAY_MORNING,
        )
        == []
    )


def test_a_call_about_the_grain_initiative_or_captives_is_about_the_war() -> None:
    grain = negotiations_in(
        "Vladimir Putin had a telephone conversation with Turkish President Recep Tayyip"
        " Erdogan on Monday. The two leaders discussed the grain initiative.",
        TUESDAY_MORNING,
    )
    captives = negotiations_in(
        "Zelensky spoke by phone with the president of the UAE on Monday. 'We discussed our"
        " joint work to bring our people home from Russian captivity,' he wrote.",
        TUESDAY_MORNING,
    )
    assert [e.format for e in grain + captives] == ["call", "call"]


def test_negotiation_as_a_mass_noun_is_no_contact() -> None:
    assert (
        negotiations_in(
            "The Chinese leader said that dialogue and negotiation were the only way out of the"
            " conflict.",
            TUESDAY_MORNING,
        )
        == []
    )


def test_what_the_two_said_to_each_other_gives_the_call_its_subject() -> None:
    found = negotiations_in(
        "Chinese President Xi Jinping spoke by telephone with Ukrainian President Volodymyr"
        " Zelenskiy on Monday, their first contact in a year.\n\n"
        "According to the Chinese readout, Xi told Zelenskiy that talks were the only way out"
        " of the conflict.",
        TUESDAY_MORNING,
    )
    assert [(e.format, e.parties) for e in found] == [("call", ["CN", "UA"])]


def test_a_call_to_press_for_an_end_to_the_fighting_is_about_the_war() -> None:
    found = negotiations_in(
        "Indian Prime Minister Narendra Modi spoke with Vladimir Putin by phone on Monday and"
        " urged an end to the fighting.",
        TUESDAY_MORNING,
    )
    assert [(e.format, e.parties) for e in found] == [("call", ["IN", "RU"])]


def test_a_sentence_opening_with_the_call_adds_no_sides_to_it() -> None:
    found = negotiations_in(
        "German Chancellor Olaf Scholz spoke with Vladimir Putin by telephone on Monday, a"
        " government spokesman said.\n\n"
        "During the hour-long conversation, Scholz urged Putin to withdraw his troops and to"
        " enter talks with Kyiv.\n\n"
        "The call, which Scholz did not coordinate with Kyiv, drew a rebuke from Volodymyr"
        " Zelensky.",
        TUESDAY_MORNING,
    )
    assert [(e.parties, sorted(e.participants)) for e in found] == [
        (["DE", "RU"], ["Olaf Scholz", "Vladimir Putin"])
    ]


def test_the_source_and_the_critic_of_a_call_are_not_on_it() -> None:
    found = negotiations_in(
        "President Volodymyr Zelensky sharply criticised Olaf Scholz on Monday for holding a"
        " telephone conversation with Vladimir Putin.\n\n"
        "According to Kremlin aide Yuri Ushakov, Monday's call between Scholz and Putin lasted"
        " about an hour.",
        TUESDAY_MORNING,
    )
    assert [sorted(e.participants) for e in found] == [["Olaf Scholz", "Vladimir Putin"]]


def test_a_holiday_naming_a_truce_dates_no_contact() -> None:
    found = negotiations_in(
        "Viktor Orbán held a telephone conversation with Vladimir Putin on Monday, telling him he"
        " was seeking a Christmas ceasefire and an exchange of prisoners.",
        "2024-12-10T18:00:00+00:00",
    )
    assert [(e.status, e.occurred_on) for e in found] == [("held", dt.date(2024, 12, 9))]


def test_talks_that_follow_with_another_counterpart_are_another_contact() -> None:
    found = negotiations_in(
        "Zelensky is due to travel to Saudi Arabia on Monday to meet Crown Prince Mohammed bin"
        " Salman about a ceasefire. Ukraine's delegation will then stay in the kingdom to hold"
        " talks with the United States, he said.",
        "2025-03-07T10:30:00+00:00",
    )
    assert sorted(tuple(e.parties) for e in found) == [("SA", "UA"), ("UA", "US")]
