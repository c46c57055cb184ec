"""A round still to come told beside the one just held (issue 14). Every article here is
invented for the test."""

from __future__ import annotations

import datetime as dt

from tests.unit.extracted import negotiations_in

SATURDAY_MORNING = "2022-04-02T08:00:00+00:00"


def test_talks_to_resume_by_video_after_a_meeting_are_another_round() -> None:
    found = negotiations_in(
        "Russian and Ukrainian negotiators met in Minsk on Thursday.\n\n"
        "Oleksii Reznikov said the two teams would continue their work by video link; no date"
        " was set.",
        SATURDAY_MORNING,
    )
    assert sorted((e.status, e.format, e.venue, e.occurred_on) for e in found) == [
        ("held", "in_person", "Minsk", dt.date(2022, 3, 31)),
        ("scheduled", "video", None, None),
    ]
    assert all(e.parties == ["RU", "UA"] for e in found)


def test_a_video_round_followed_by_a_planned_meeting_is_two_rounds() -> None:
    found = negotiations_in(
        "Ukrainian and Russian delegations held talks by video link on Monday.\n\n"
        "The delegations will meet in person in Istanbul next week.",
        SATURDAY_MORNING,
    )
    assert sorted((e.status, e.format) for e in found) == [
        ("held", "video"),
        ("scheduled", "in_person"),
    ]


def test_a_round_held_weeks_ago_is_not_the_undated_one_to_come() -> None:
    found = negotiations_in(
        "Russian and Ukrainian delegations will resume their talks by video link, David"
        " Arakhamia said on Saturday; no date was given.\n\n"
        "The announcement followed a meeting of the two foreign ministers, Dmytro Kuleba and"
        " Sergei Lavrov, in Antalya on March 10.",
        SATURDAY_MORNING,
    )
    assert sorted((e.status, e.format, e.occurred_on) for e in found) == [
        ("held", "in_person", dt.date(2022, 3, 10)),
        ("scheduled", "video", None),
    ]
