"""Who sat together, where, and what a "since" looks back to (issue 14). Every article here
is invented for the test."""

from __future__ import annotations

import datetime as dt

from tests.unit.extracted import negotiations_in

TUESDAY = "2025-03-11T12:45:00+00:00"


def test_two_officials_talking_with_a_team_hold_one_meeting() -> None:
    [talks] = negotiations_in(
        "Marco Rubio and Mike Waltz were talking with a Ukrainian team led by Andriy Yermak in"
        " Jeddah on Tuesday about a truce.",
        TUESDAY,
    )
    assert (talks.format, talks.venue, sorted(talks.participants)) == (
        "in_person",
        "Jeddah",
        ["Andriy Yermak", "Marco Rubio", "Mike Waltz"],
    )


def test_two_officials_phoning_one_counterpart_make_two_calls() -> None:
    found = negotiations_in(
        "Marco Rubio and Mike Waltz spoke by phone with Andriy Yermak on Tuesday about a truce.",
        TUESDAY,
    )
    assert sorted(tuple(sorted(e.participants)) for e in found) == [
        ("Andriy Yermak", "Marco Rubio"),
        ("Andriy Yermak", "Mike Waltz"),
    ]


def test_the_city_the_contact_is_in_outranks_a_region_named_before_it() -> None:
    [talks] = negotiations_in(
        "Kyiv's delegation arrived in the morning.",
        TUESDAY,
        title="Drones downed over Moscow region as US and Ukraine meet in Jeddah",
    )
    assert talks.venue == "Jeddah"


def test_speaking_to_reporters_is_no_call_and_its_room_no_venue() -> None:
    [summit] = negotiations_in(
        "Speaking to reporters in the Oval Office, Donald Trump said he expected to meet"
        " Vladimir Putin in person in Saudi Arabia, though he gave no date.",
        TUESDAY,
    )
    assert (summit.format, summit.status, summit.venue) == ("in_person", "scheduled", None)


def test_a_meeting_a_since_looks_back_to_is_history() -> None:
    found = negotiations_in(
        "US and Ukrainian officials will hold talks in Jeddah on Tuesday, the first high-level"
        " meeting between them since Zelensky's meeting with Donald Trump at the White House"
        " ended in a row.",
        "2025-03-10T12:45:00+00:00",
    )
    assert sorted((e.venue, e.background, e.occurred_on) for e in found) == [
        ("Jeddah", False, dt.date(2025, 3, 11)),
        ("Washington", True, None),
    ]


def test_a_team_listed_between_dashes_that_faced_the_other_side_took_part() -> None:
    [talks] = negotiations_in(
        "U.S. and Russian delegations met in Riyadh on Monday to discuss ending the war in"
        " Ukraine. The U.S. side - Secretary of State Marco Rubio, national security adviser Mike"
        " Waltz and envoy Steve Witkoff - faced Russian Foreign Minister Sergei Lavrov and"
        " Kremlin aide Yuri Ushakov.",
        "2025-02-18T09:00:00+00:00",
    )
    assert sorted(talks.participants) == [
        "Marco Rubio",
        "Mike Waltz",
        "Sergey Lavrov",
        "Steve Witkoff",
        "Yuri Ushakov",
    ]


def test_who_sat_across_the_table_took_part_beside_whom_he_travelled_with() -> None:
    [talks] = negotiations_in(
        "U.S. and Russian delegations met in Riyadh on Monday to discuss ending the war in"
        " Ukraine. Rubio, travelling with national security adviser Mike Waltz, sat across the"
        " table from Sergei Lavrov.",
        "2025-02-18T09:00:00+00:00",
    )
    assert sorted(talks.participants) == ["Marco Rubio", "Mike Waltz", "Sergey Lavrov"]


def test_an_army_facing_another_is_no_contact() -> None:
    assert not negotiations_in(
        "The Ukrainian side faced Russian troops near Pokrovsk on Monday as fighting went on.",
        "2025-02-18T09:00:00+00:00",
    )


def test_the_city_of_an_event_a_contact_is_measured_from_is_not_its_venue() -> None:
    [talks] = negotiations_in(
        "Slovak Prime Minister Robert Fico held talks with Vladimir Putin at the Kremlin on"
        " Friday about ending the war, days after a similar visit to Kyiv.",
        "2025-02-22T09:00:00+00:00",
    )
    assert (talks.venue, talks.parties) == ("Moscow", ["RU", "SK"])
