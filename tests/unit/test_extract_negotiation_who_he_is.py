"""Who a "he" is, the eve of a meeting, a venue offered for talks, one person named twice
(issue 14). Every article here is invented for the test."""

from __future__ import annotations

import datetime as dt

from tests.unit.extracted import negotiations_in

MONDAY = "2025-02-17T13:30:00+00:00"


def test_he_is_the_subject_of_the_sentence_before_without_a_contact() -> None:
    found = negotiations_in(
        "US and Russian officials will meet in Riyadh on Tuesday to discuss ending the war.\n\n"
        "Zelensky said Kyiv would accept no deal made without it. From Abu Dhabi he is due to"
        " fly to Ankara, where he is expected to meet President Recep Tayyip Erdogan on"
        " Tuesday. Turkish officials said Erdogan would again offer Istanbul as a venue for"
        " talks.",
        MONDAY,
    )
    ankara = next(e for e in found if e.venue == "Ankara")
    assert (ankara.parties, ankara.status, ankara.occurred_on) == (
        ["TR", "UA"],
        "scheduled",
        dt.date(2025, 2, 18),
    )


def test_he_before_the_subject_of_his_own_sentence_is_that_subject() -> None:
    found = negotiations_in(
        "Vladimir Medinsky said Moscow was waiting for Kyiv's answer on a second round of"
        " talks.\n\nIn Berlin, where he held talks with German Chancellor Friedrich Merz,"
        " President Volodymyr Zelensky said Kyiv had not received the Russian memorandum.",
        MONDAY,
    )
    assert not any("Friedrich Merz" in e.participants for e in found)


def test_a_meeting_a_visit_comes_on_the_eve_of_is_the_next_day() -> None:
    [riyadh] = negotiations_in(
        "The visit comes on the eve of a meeting in Riyadh between senior US and Russian"
        " officials on ending the war.",
        MONDAY,
    )
    assert (riyadh.status, riyadh.occurred_on, riyadh.venue) == (
        "scheduled",
        dt.date(2025, 2, 18),
        "Riyadh",
    )


def test_a_leader_named_short_and_in_full_is_one_participant() -> None:
    [talks] = negotiations_in(
        "Zelensky held talks with UAE President Sheikh Mohamed bin Zayed Al Nahyan in Abu Dhabi"
        " on Monday on further prisoner exchanges.",
        MONDAY,
    )
    assert sorted(talks.participants) == ["Mohamed bin Zayed Al Nahyan", "Volodymyr Zelenskyy"]


def test_meeting_someone_before_speaking_is_a_held_contact_of_the_speaker() -> None:
    [talks] = negotiations_in(
        "After meeting Recep Tayyip Erdogan in Ankara, Zelensky told reporters that Turkey"
        " could host future peace talks.",
        MONDAY,
    )
    assert (talks.status, talks.parties, sorted(talks.participants)) == (
        "held",
        ["TR", "UA"],
        ["Recep Tayyip Erdoğan", "Volodymyr Zelenskyy"],
    )


def test_a_new_round_of_sanctions_is_no_round_of_talks() -> None:
    assert not negotiations_in(
        "The U.S. and Britain announced on Thursday a new round of sanctions on Iran over the"
        " drones it sends to Russia, as Ukraine pressed for more air defences.",
        MONDAY,
    )


def test_a_call_set_up_for_a_day_is_planned() -> None:
    found = negotiations_in(
        "Donald Trump wrote that he would speak by phone with Vladimir Putin on Monday about"
        " stopping the war.",
        "2025-05-18T11:30:00+00:00",
        title="Trump sets Monday call with Putin",
    )
    assert [(e.status, e.occurred_on) for e in found] == [("scheduled", dt.date(2025, 5, 19))]


def test_a_call_that_frames_what_one_side_pressed_for_took_place() -> None:
    [call] = negotiations_in(
        "In a call on Sunday that lasted two hours, French President Emmanuel Macron pressed"
        " Russian President Vladimir Putin to let inspectors reach the nuclear plant.",
        "2022-03-08T07:15:00+00:00",
    )
    assert (call.status, call.format, call.occurred_on) == ("held", "call", dt.date(2022, 3, 6))


def test_a_call_that_frames_a_wish_still_to_come_is_not_held() -> None:
    found = negotiations_in(
        "In a call on Monday, Emmanuel Macron will press Vladimir Putin to let inspectors reach"
        " the nuclear plant.",
        "2022-03-05T07:15:00+00:00",
    )
    assert all(e.status == "scheduled" for e in found)


def test_talks_a_named_day_s_attack_comes_days_after_are_that_many_days_before() -> None:
    found = negotiations_in(
        "Russian missiles struck Sumy on Sunday morning, killing 31 people.\n\n"
        "Today's attack comes two days after envoy Steve Witkoff held talks with Vladimir Putin"
        " in St Petersburg on a ceasefire.",
        "2025-04-13T15:55:00+00:00",
    )
    assert [(e.occurred_on, e.background) for e in found] == [(dt.date(2025, 4, 11), True)]


def test_talks_with_a_day_of_their_own_keep_it() -> None:
    found = negotiations_in(
        "The attack came two days after envoy Steve Witkoff met Vladimir Putin in St Petersburg"
        " on Friday to discuss a ceasefire.",
        "2025-04-14T08:00:00+00:00",
    )
    assert [e.occurred_on for e in found] == [dt.date(2025, 4, 11)]


def test_he_who_will_speak_by_telephone_with_someone_is_on_the_call() -> None:
    [call] = negotiations_in(
        "U.S. President Donald Trump said on Saturday that he would speak by telephone with"
        " Russian President Vladimir Putin on Monday.",
        "2025-05-17T13:20:00+00:00",
    )
    assert sorted(call.participants) == ["Donald Trump", "Vladimir Putin"]
