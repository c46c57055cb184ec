"""How talks name their people, places and format: a double-barrelled surname is one person, a pair
of surnames written as one compound is two; a capital told by its state ("the Saudi
capital") is the venue. Every sentence here is invented for the test."""

from __future__ import annotations

import pytest

from tests.unit.extracted import negotiations_in


def test_a_double_barrelled_surname_after_a_first_name_is_one_person() -> None:
    [talks] = negotiations_in(
        "Ukrainian negotiator Olena Kovalenko-Marchuk met Russian presidential aide Yuri "
        "Ushakov in Istanbul on Tuesday for talks on a ceasefire."
    )
    assert sorted(talks.participants) == ["Olena Kovalenko-Marchuk", "Yuri Ushakov"]


def test_two_surnames_joined_as_one_compound_are_two_people() -> None:
    [talks] = negotiations_in(
        "The Xi-Zelensky call on Tuesday covered a ceasefire, the Chinese foreign ministry said."
    )
    assert sorted(talks.participants) == ["Volodymyr Zelenskyy", "Xi Jinping"]


@pytest.mark.parametrize(
    ("body", "venue"),
    [
        (
            "Russian and American delegations will meet in the Saudi capital on Monday to "
            "discuss a ceasefire, Kremlin aide Yuri Ushakov said.",
            "Riyadh",
        ),
        (
            "Ukrainian, Russian and US negotiators held a second day of talks in the Emirati "
            "capital on Saturday.",
            "Abu Dhabi",
        ),
        (
            "US envoy Steve Witkoff held talks with Vladimir Putin in the Russian capital on "
            "Thursday.",
            "Moscow",
        ),
    ],
)
def test_a_capital_told_by_its_state_is_the_venue(body: str, venue: str) -> None:
    [talks] = negotiations_in(body)
    assert (talks.venue, talks.format) == (venue, "in_person")


def test_a_city_told_only_by_its_state_is_no_venue() -> None:
    [talks] = negotiations_in(
        "Ukrainian and Russian officials met in the Turkish city on Friday for talks on a "
        "prisoner exchange."
    )
    assert talks.venue is None


def test_a_sentence_opening_on_after_tells_the_contact_just_ended() -> None:
    [talks] = negotiations_in(
        "After seven hours behind closed doors in Geneva on Tuesday, the Russian and Ukrainian "
        "delegations left without a joint statement."
    )
    assert (talks.status, talks.venue, talks.parties) == ("held", "Geneva", ["RU", "UA"])


def test_every_landmark_city_is_a_city_of_the_places_list() -> None:
    import json
    from importlib import resources

    from warwire.extract import gazetteer

    data = resources.files("warwire.extract").joinpath("data", "venues.json").read_text()
    cities = {row["city"] for row in json.loads(data)["landmarks"]}
    places = gazetteer.places_by_name()
    assert {c for c in cities if c not in places or places[c].name != c} == set()


def test_someone_whose_funeral_the_day_marks_takes_no_part() -> None:
    [talks] = negotiations_in(
        "Donald Trump and Volodymyr Zelensky held a short meeting in Rome on Saturday before "
        "the funeral of Pope Francis, both sides said."
    )
    assert sorted(talks.parties) == ["UA", "US"]
    assert sorted(talks.participants) == ["Donald Trump", "Volodymyr Zelenskyy"]


def test_a_conversation_with_a_delegation_in_a_city_is_a_meeting() -> None:
    [talks] = negotiations_in(
        "The conversation with the Ukrainian delegation in Jeddah was constructive, US "
        "Secretary of State Marco Rubio said after talks that lasted eight hours."
    )
    assert (talks.format, talks.venue) == ("in_person", "Jeddah")
    [call] = negotiations_in(
        "Vladimir Putin had a conversation with Donald Trump on Tuesday about a ceasefire, "
        "the Kremlin said."
    )
    assert call.format == "call"


@pytest.mark.parametrize("listing", ["was made up of", "consisted of", "was composed of"])
def test_a_team_made_up_of_its_members_names_them(listing: str) -> None:
    [talks] = negotiations_in(
        "Ukrainian and Russian negotiators parted on Monday evening after five hours of talks "
        f"near the Belarusian border. The Ukrainian team {listing} deputy minister Ivan "
        "Hrytsenko and adviser Petro Marchuk."
    )
    assert sorted(talks.participants) == ["Ivan Hrytsenko", "Petro Marchuk"]


@pytest.mark.parametrize(
    "body",
    [
        "On Tuesday, Foreign Minister Andrii Sybiha held talks in Beijing with Member of the"
        " Politburo and Foreign Minister Wang Yi on a just peace.",
        "Cardinal Pietro Ruffini, the Archbishop of Turin sent by the Pope on a peace mission,"
        " met Yuri Ushakov in Moscow on Tuesday.",
        "Ukrainian and American delegations met in Jeddah on Tuesday.\n\n"
        "14:05 - Talks have resumed in Jeddah between the US and Ukrainian delegations.",
    ],
)
def test_an_office_a_see_or_a_contact_word_is_no_participant(body: str) -> None:
    found = negotiations_in(body, "2025-03-11T18:00:00+00:00")
    assert found
    assert all(" " in name for talks in found for name in talks.participants)


def test_the_one_of_no_known_side_met_in_a_capital_is_the_host() -> None:
    [talks] = negotiations_in(
        "Foreign Minister Andrii Sybiha held talks in Beijing with Foreign Minister Wang Yi on"
        " Tuesday about ending the war.",
        "2025-03-11T18:00:00+00:00",
    )
    assert (talks.parties, talks.venue) == (["CN", "UA"], "Beijing")


def test_a_name_that_only_qualifies_a_common_noun_is_no_participant() -> None:
    [talks] = negotiations_in(
        "Russian President Vladimir Putin held talks with U.S. special envoy Steve Witkoff in the"
        " Kremlin on Wednesday.",
        title="Putin and Witkoff hold three hours of talks in Kremlin ahead of Trump deadline",
    )
    assert sorted(talks.participants) == ["Steve Witkoff", "Vladimir Putin"]


def test_names_that_qualify_a_summit_are_its_participants() -> None:
    [talks] = negotiations_in(
        "The leaders will discuss ending the war.",
        title="Putin-Trump summit set for Friday in Alaska",
    )
    assert sorted(talks.participants) == ["Donald Trump", "Vladimir Putin"]
