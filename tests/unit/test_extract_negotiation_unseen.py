"""Negotiation extraction on reporting unlike the labelled sets (issue 14): readiness for a
contact, meetings within one side, denied reports and recalled calls.

Every sentence is invented; the people, places and days are not those of the labelled sets.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.extracted import negotiations_in

pytest.importorskip("spacy")


@pytest.mark.parametrize(
    "body",
    [
        "Kyiv is ready for a new round of talks with Moscow in Geneva, Ukraine's foreign "
        "minister said on Wednesday.",
        "The Kremlin spokesman said on Wednesday that the Russian side was eager for a third "
        "round of talks with the Americans in Jeddah.",
        "Ankara remains open to a fresh round of negotiations between the two delegations in "
        "Antalya, the Turkish foreign ministry said on Wednesday.",
        "Ukraine is ready for a meeting of the delegations in Vienna, its top diplomat said.",
    ],
)
def test_readiness_for_a_contact_is_no_contact(body: str) -> None:
    # "ready for", "open to", "eager for" with a noun: a possibility, neither held nor planned
    assert negotiations_in(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "Russian President Vladimir Putin received his investment envoy Kirill Dmitriev in the "
        "Kremlin on Tuesday to hear how his contacts with the Americans had gone.",
        "Ukrainian President Volodymyr Zelenskiy met Defence Minister Rustem Umerov on Tuesday, "
        "who briefed him on preparations for the next talks with Russia.",
        "U.S. President Donald Trump met his envoy Steve Witkoff at the White House on Tuesday "
        "to go over his talks with Putin.",
        "Putin held a meeting with Foreign Minister Sergei Lavrov on Tuesday to discuss the "
        "results of the negotiations with the United States.",
    ],
)
def test_a_leader_meeting_his_own_envoy_or_minister_is_no_round(body: str) -> None:
    # every person the meeting's slots hold is of one country: a meeting within one side
    assert negotiations_in(body) == []


def test_an_envoy_meeting_the_other_sides_leader_is_still_a_round() -> None:
    events = negotiations_in(
        "Russian President Vladimir Putin met U.S. special envoy Steve Witkoff in the Kremlin "
        "on Tuesday."
    )
    assert len(events) == 1
    assert events[0].parties == ["RU", "US"]


@pytest.mark.parametrize(
    "body",
    [
        "The Ukrainian foreign ministry on Wednesday denied press reports that Ukrainian and "
        "Russian officials had met in Oman.",
        "Moscow dismissed as false a report that Russian and American negotiators held secret "
        "talks in Muscat on Monday.",
        "The Kremlin rejected claims that Putin and the U.S. president had held a phone call on "
        "Sunday.",
        "Reports that Russian and Ukrainian delegations met in Baku last week are untrue, the "
        "Kremlin said on Wednesday.",
    ],
)
def test_a_contact_told_only_in_a_denied_report_is_no_round(body: str) -> None:
    assert negotiations_in(body) == []


def test_a_delegation_of_one_side_meeting_named_people_of_the_other_keeps_them_all() -> None:
    # the parse may leave the other side out of the meeting's slots; the clause still names
    # them, so the meeting is no meeting within one side
    events = negotiations_in(
        "On Thursday, a Russian delegation led by Foreign Minister Sergei Lavrov, and including "
        "aide Yuri Ushakov, is due to meet Secretary of State Marco Rubio in Riyadh."
    )
    assert len(events) == 1
    assert {"Sergey Lavrov", "Marco Rubio"} <= set(events[0].participants)
    assert events[0].parties == ["RU", "US"]


@pytest.mark.parametrize(
    "recalled",
    [
        "Zelenskiy recalled that he had raised air defence with Trump in a phone call on Monday.",
        "Zelenskiy said he had asked Donald Trump for more Patriot systems during their phone "
        "call on Monday.",
        "The attack came two days after Zelenskiy spoke to Trump by phone about air defence.",
    ],
)
def test_a_call_days_old_recalled_under_a_lead_about_something_else_is_background(
    recalled: str,
) -> None:
    # the lead tells no contact at all: the article's news is the attack
    events = negotiations_in(
        "Russian drones struck Zaporizhzhia overnight, killing five people and damaging a "
        "hospital, the regional governor said.\n\nVolodymyr Zelenskiy condemned the attack. "
        + recalled
    )
    assert len(events) == 1
    assert events[0].format == "call"
    assert events[0].occurred_on == dt.date(2025, 3, 10)
    assert events[0].background


def test_a_call_days_old_that_the_lead_tells_is_still_the_news() -> None:
    events = negotiations_in(
        "Volodymyr Zelenskiy told Donald Trump in a phone call on Monday that Ukraine would not "
        "give up territory, his office said on Wednesday."
    )
    assert len(events) == 1
    assert not events[0].background


@pytest.mark.parametrize(
    "body",
    [
        "Donald Trump said on Wednesday he would meet Vladimir Putin in Helsinki to discuss a "
        "ceasefire, after a phone call that the Kremlin said lasted three hours.",
        "Donald Trump said on Wednesday he would meet Vladimir Putin in Helsinki, following a "
        "long phone call.",
    ],
)
def test_a_meeting_announced_after_a_call_is_a_second_contact_with_the_same_sides(
    body: str,
) -> None:
    events = negotiations_in(body)
    assert [(e.status, e.format) for e in events] == [
        ("scheduled", "in_person"),
        ("held", "call"),
    ]
    meeting, call = events
    assert meeting.venue == "Helsinki"
    assert meeting.parties == call.parties == ["RU", "US"]
    assert set(call.participants) == {"Donald Trump", "Vladimir Putin"}


@pytest.mark.parametrize(
    "second",
    [
        "The call came two days before Zelenskiy is due to meet Trump at the White House on "
        "Friday.",
        "It came two days before Zelenskiy is to sit down with Trump at the White House on Friday.",
    ],
)
def test_a_meeting_told_a_span_of_days_after_a_call_without_a_comma_is_its_own_contact(
    second: str,
) -> None:
    events = negotiations_in(
        "Donald Trump and Vladimir Putin spoke by phone on Wednesday for two hours. " + second
    )
    summary = sorted((e.status, e.format, e.occurred_on, tuple(e.parties)) for e in events)
    assert summary == [
        ("held", "call", dt.date(2025, 3, 12), ("RU", "US")),
        ("scheduled", "in_person", dt.date(2025, 3, 14), ("UA", "US")),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Western capitals pressed Modi to talk to Zelenskiy after his state visit to Moscow in "
        "July.",
        "Washington has pressed Modi to speak with Zelenskiy about a settlement.",
        "Allies have been encouraging Ramaphosa to call Zelenskiy.",
    ],
)
def test_pressing_someone_to_talk_is_a_wish_not_a_call(body: str) -> None:
    assert all(e.format != "call" for e in negotiations_in(body))


@pytest.mark.parametrize(
    "body",
    [
        "Brazil would send its special adviser for foreign affairs, Celso Amorim, to Ukraine to "
        "hold talks with all sides on a settlement, Lula said on Wednesday.",
        "Lula said on Wednesday that Brasilia would send an envoy to Kyiv for talks on a "
        "political settlement.",
    ],
)
def test_an_envoy_to_be_sent_for_talks_is_a_planned_meeting_of_sender_and_host(body: str) -> None:
    events = negotiations_in(body)
    assert len(events) == 1
    assert events[0].status == "scheduled"
    assert events[0].format == "in_person"
    assert events[0].parties == ["BR", "UA"]


@pytest.mark.parametrize(
    "body",
    [
        "Volodymyr Zelenskiy is due in Washington on Friday for talks with Donald Trump.",
        "Volodymyr Zelenskiy was due in Washington on Friday for a meeting with Donald Trump, "
        "his office said.",
    ],
)
def test_talks_someone_is_due_somewhere_for_are_planned(body: str) -> None:
    events = negotiations_in(body)
    assert len(events) == 1
    assert events[0].status == "scheduled"
    assert events[0].occurred_on == dt.date(2025, 3, 14)
    assert events[0].venue == "Washington"


def test_a_meeting_to_prepare_a_summit_is_not_the_summit() -> None:
    events = negotiations_in(
        "Donald Trump said on Wednesday he would meet Vladimir Putin in Helsinki within two "
        "weeks.\n\nU.S. and Russian officials will meet in Helsinki next week to prepare the "
        "summit, the Kremlin said."
    )
    assert len(events) == 2
    summit, preparation = events
    assert set(summit.participants) == {"Donald Trump", "Vladimir Putin"}
    assert preparation.participants == []
    assert preparation.status == "scheduled"
    assert preparation.parties == ["RU", "US"]


@pytest.mark.parametrize(
    "body",
    [
        "Kyiv's negotiator said Ukraine had again proposed that President Zelensky and President"
        " Putin meet before the end of the month, with the participation of Donald Trump.",
        "The Ukrainian side suggested that the two presidents meet in Geneva in the autumn.",
        "Moscow insists that the delegations meet in Minsk, the Kremlin said.",
    ],
)
def test_a_contact_proposed_in_the_subjunctive_is_no_contact(body: str) -> None:
    # "proposed that X and Y meet": what one side wants, neither held nor planned
    assert negotiations_in(body) == []
