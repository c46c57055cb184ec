"""Negotiation extraction by meaning (issue 14, continued): places that host talks, hosts,
second contacts told with a role noun, sequenced plans, hypothetical events named inside a
held contact, reciprocal verbs of talking and possessive teams.

Every sentence is invented; the people, places and days are not those of the labelled sets.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.extracted import negotiations_in

pytest.importorskip("spacy")


_negotiations = negotiations_in


@pytest.mark.parametrize(
    "body",
    [
        "Erdogan and Putin talked for almost three hours on Thursday about a ceasefire in Ukraine, "
        "Ankara said.",
        "On Thursday Putin and Erdogan spoke at length about an end to the war in Ukraine.",
    ],
)
def test_two_people_who_talked_with_each_other_held_a_contact_on_the_day_named(body: str) -> None:
    # a reciprocal verb of talking with coordinated subjects and no partner after it: the
    # subjects talked with each other, on the day named, even when it is the publication day
    events = _negotiations(body, "2026-05-07T18:30:00+00:00")
    assert len(events) == 1
    assert events[0].status == "held"
    assert events[0].occurred_on == dt.date(2026, 5, 7)
    assert events[0].parties == ["RU", "TR"]
    assert len(events[0].participants) == 2


def test_one_person_who_spoke_to_reporters_held_no_contact() -> None:
    events = _negotiations(
        "Zelensky spoke to reporters in Kyiv on Thursday about a ceasefire in Ukraine.",
        "2026-05-07T18:30:00+00:00",
    )
    assert events == []


@pytest.mark.parametrize(
    ("body", "venue"),
    [
        (
            "Doha, the emirate's capital, hosted Friday's session between Russian and Ukrainian "
            "negotiators on a prisoner exchange.",
            "Doha",
        ),
        (
            "Salalah, the Omani port, hosted talks on Friday between Ukrainian and Russian "
            "negotiators on a ceasefire.",
            "Salalah",
        ),
        (
            "Geneva, the Swiss city, was the venue for Friday's talks between Russian and "
            "Ukrainian delegations on a ceasefire.",
            "Geneva",
        ),
        (
            "Friday's talks between Ukrainian and Russian delegations on a ceasefire were hosted "
            "by Baku.",
            "Baku",
        ),
    ],
)
def test_a_city_that_hosts_talks_is_their_venue_and_no_participant(body: str, venue: str) -> None:
    events = _negotiations(body, "2026-05-09T12:00:00+00:00")
    assert len(events) == 1
    assert events[0].venue == venue
    assert events[0].occurred_on == dt.date(2026, 5, 8)
    assert events[0].participants == []
    assert events[0].parties == ["RU", "UA"]


def test_a_person_who_hosts_two_sides_is_on_the_talks_for_the_country_he_hosts_in() -> None:
    # one hosts at home: a host with no side of his own known is of the venue's country
    events = _negotiations(
        "Emir Tamim bin Hamad hosted senior Russian and Ukrainian officials in Doha on Saturday "
        "for talks on a prisoner exchange.",
        "2026-05-11T12:00:00+00:00",
    )
    assert len(events) == 1
    event = events[0]
    assert (event.status, event.format, event.venue) == ("held", "in_person", "Doha")
    assert event.occurred_on == dt.date(2026, 5, 9)
    assert event.participants == ["Tamim bin Hamad"]
    assert event.parties == ["QA", "RU", "UA"]


def test_a_town_the_places_list_lacks_is_the_venue_the_recogniser_names() -> None:
    events = _negotiations(
        "Sultan Haitham bin Tarik hosted Russian and Ukrainian negotiators in Muscat on Saturday "
        "for talks on a prisoner exchange.",
        "2026-05-11T12:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].venue == "Muscat"
    assert events[0].participants == ["Haitham bin Tarik"]


@pytest.mark.parametrize(
    ("body", "leader"),
    [
        (
            "Ukrainian negotiators sat across the table from Vladimir Medinsky's team in Istanbul "
            "on Wednesday for talks on a ceasefire.",
            "Vladimir Medinsky",
        ),
        (
            "Rustem Umerov faced Medinsky's delegation in Istanbul on Wednesday in talks on a "
            "prisoner exchange.",
            "Vladimir Medinsky",
        ),
        (
            "Rustem Umerov met Medinsky's delegation in Istanbul on Wednesday for talks on a "
            "prisoner exchange.",
            "Vladimir Medinsky",
        ),
    ],
)
def test_the_leader_of_a_team_across_the_table_is_a_participant(body: str, leader: str) -> None:
    # a negotiating team is its leader's: "X's team", "Y's delegation"
    events = _negotiations(body, "2026-05-14T12:00:00+00:00")
    assert len(events) == 1
    assert leader in events[0].participants
    assert events[0].parties == ["RU", "UA"]
    assert events[0].venue == "Istanbul"


def test_facing_an_adversary_in_battle_is_no_contact() -> None:
    events = _negotiations(
        "Ukrainian troops faced Russian assaults near Kupiansk on Wednesday.",
        "2026-05-14T12:00:00+00:00",
    )
    assert events == []


@pytest.mark.parametrize(
    "body",
    [
        "Sergey Lavrov and Hakan Fidan spoke by phone on Sunday about the war in Ukraine, "
        "discussing preparations for a possible Erdogan-Putin summit.",
        "Hakan Fidan and Sergey Lavrov met in Antalya on Sunday. The two foreign ministers "
        "talked about a ceasefire in Ukraine and about a potential Putin-Zelensky meeting.",
    ],
)
def test_a_possible_meeting_named_inside_a_held_contact_adds_no_one_to_it(body: str) -> None:
    events = _negotiations(body, "2026-05-18T12:00:00+00:00")
    assert len(events) == 1
    assert sorted(events[0].participants) == ["Hakan Fidan", "Sergey Lavrov"]
    assert events[0].parties == ["RU", "TR"]
    assert events[0].status == "held"


@pytest.mark.parametrize("verb", ["called", "rang", "phoned"])
def test_a_second_call_told_with_the_callers_office_is_its_own_call(verb: str) -> None:
    # "the French president" is the Macron named before; a go-between who briefs the other
    # side on his call with Russia holds a contact about the war with it too
    events = _negotiations(
        "Emmanuel Macron spoke with Vladimir Putin by phone on Wednesday about the war in "
        f"Ukraine. Later that day the French president {verb} Volodymyr Zelensky to tell him "
        "about the conversation.",
        "2026-05-21T16:00:00+00:00",
    )
    assert len(events) == 2
    first, second = events
    assert first.parties == ["FR", "RU"]
    assert sorted(first.participants) == ["Emmanuel Macron", "Vladimir Putin"]
    assert second.parties == ["FR", "UA"]
    assert sorted(second.participants) == ["Emmanuel Macron", "Volodymyr Zelenskyy"]
    assert first.occurred_on == second.occurred_on == dt.date(2026, 5, 20)
    assert second.format == "call"


def test_an_allies_call_with_no_contact_with_russia_stays_no_negotiation() -> None:
    events = _negotiations(
        "Emmanuel Macron phoned Volodymyr Zelensky on Wednesday to discuss air defence for "
        "Ukraine and the war.",
        "2026-05-21T16:00:00+00:00",
    )
    assert events == []


@pytest.mark.parametrize(
    "body",
    [
        "Erdogan said he would call Putin on Thursday and would then talk to Zelensky about a "
        "ceasefire.",
        "Erdogan will speak with Putin on Thursday and then call Zelensky about a ceasefire.",
    ],
)
def test_two_contacts_planned_in_sequence_are_two_contacts_on_one_day(body: str) -> None:
    # coordinated contact verbs with partners of their own: one contact each, the second
    # on the first's day
    events = _negotiations(body, "2026-05-25T12:00:00+00:00")
    assert len(events) == 2
    first, second = events
    assert first.parties == ["RU", "TR"]
    assert "Volodymyr Zelenskyy" not in first.participants
    assert second.parties == ["TR", "UA"]
    assert "Vladimir Putin" not in second.participants
    assert first.status == second.status == "scheduled"
    assert first.occurred_on == second.occurred_on == dt.date(2026, 5, 28)


def test_two_people_who_met_and_then_talked_again_held_one_contact() -> None:
    events = _negotiations(
        "Erdogan met Putin in Sochi on Thursday and then talked with him again over dinner "
        "about a ceasefire in Ukraine.",
        "2026-05-29T12:00:00+00:00",
    )
    assert len(events) == 1


def test_a_contact_told_as_the_sequel_of_a_dated_one_falls_on_its_day() -> None:
    events = _negotiations(
        "Viktor Orban met Vladimir Putin in Moscow on Friday to discuss peace in Ukraine. The "
        "Hungarian prime minister then phoned Volodymyr Zelensky.",
        "2026-06-08T12:00:00+00:00",
    )
    assert [e.occurred_on for e in events] == [dt.date(2026, 6, 5), dt.date(2026, 6, 5)]
    assert events[1].parties == ["HU", "UA"]


def test_a_sequel_of_a_contact_told_without_a_day_gets_none() -> None:
    # "then" follows the contact just told, whose day is vague: no day is made up
    events = _negotiations(
        "Viktor Orban met Vladimir Putin in Moscow last week to discuss peace in Ukraine. The "
        "Hungarian prime minister then phoned Volodymyr Zelensky.",
        "2026-06-08T12:00:00+00:00",
    )
    assert all(e.occurred_on is None for e in events)


def test_who_sits_across_from_a_team_faces_its_leader() -> None:
    events = _negotiations(
        "Kirill Dmitriev sat across from Steve Witkoff's team in Miami on Saturday for talks on "
        "the peace plan for Ukraine.",
        "2026-06-08T12:00:00+00:00",
    )
    assert len(events) == 1
    assert sorted(events[0].participants) == ["Kirill Dmitriev", "Steve Witkoff"]


def test_the_previous_day_on_the_contact_counts_back_from_the_statement() -> None:
    events = _negotiations(
        "Turkish officials said little on Sunday about what Recep Tayyip Erdogan and Russia's "
        "president discussed in Sochi the previous day, beyond saying that the talks were about "
        "ending the war in Ukraine.",
        "2026-06-14T12:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].occurred_on == dt.date(2026, 6, 13)
    assert events[0].venue == "Sochi"


def test_talks_held_in_a_named_region_are_in_its_city() -> None:
    events = _negotiations(
        "The second meeting between Ukrainian and Russian negotiators, held on Thursday in "
        "Belarus's Brest region, ended without a ceasefire.",
        "2026-06-20T12:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].venue == "Brest"
    assert events[0].occurred_on == dt.date(2026, 6, 18)


def test_definite_talks_after_a_call_refer_to_the_meeting_not_the_call() -> None:
    # "The talks" cannot refer back to a phone call: they are the round announced before it
    events = _negotiations(
        "Ukraine will send a delegation to meet Russian negotiators in Istanbul, Kyiv said on "
        "Sunday.\n\nAfter the announcement, Recep Tayyip Erdogan phoned Vladimir Putin about "
        "the war in Ukraine. The talks would start on Wednesday, Ankara added.\n\nVladimir "
        "Medinsky, the aide heading the Russian delegation, said Moscow was ready.",
        "2026-06-21T12:00:00+00:00",
    )
    rounds = [e for e in events if e.format != "call"]
    calls = [e for e in events if e.format == "call"]
    assert len(rounds) == 1
    assert rounds[0].occurred_on == dt.date(2026, 6, 24)
    assert "Vladimir Medinsky" in rounds[0].participants
    assert all("Vladimir Medinsky" not in e.participants for e in calls)


def test_a_person_described_as_a_member_of_the_delegation_took_part() -> None:
    events = _negotiations(
        "Russian and Ukrainian delegations met in Istanbul on Friday for talks on a ceasefire."
        "\n\nOleksandr Merezhko, head of the parliament's foreign affairs committee and a member "
        "of the delegation, said the talks had been hard.",
        "2026-06-27T12:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].participants == ["Oleksandr Merezhko"]


def test_a_day_after_counts_back_from_the_writers_evening_in_a_small_hours_piece() -> None:
    # stamped 03:30 Kyiv on Thursday: written on Wednesday evening, so "a day after" the
    # news of that evening is Tuesday
    events = _negotiations(
        "Brazil's president has made a surprise trip to Kyiv to meet Volodymyr Zelensky, a day "
        "after Narendra Modi met Vladimir Putin in Moscow to discuss the war in Ukraine.",
        "2026-07-02T00:30:00+00:00",
    )
    moscow = [e for e in events if e.venue == "Moscow"]
    assert len(moscow) == 1
    assert moscow[0].occurred_on == dt.date(2026, 6, 30)


def test_a_day_after_counts_back_from_the_publication_day_in_a_daytime_piece() -> None:
    events = _negotiations(
        "Brazil's president has made a surprise trip to Kyiv to meet Volodymyr Zelensky, a day "
        "after Narendra Modi met Vladimir Putin in Moscow to discuss the war in Ukraine.",
        "2026-07-02T10:30:00+00:00",
    )
    moscow = [e for e in events if e.venue == "Moscow"]
    assert len(moscow) == 1
    assert moscow[0].occurred_on == dt.date(2026, 7, 1)


def test_a_contact_told_as_happening_while_a_dated_thing_happens_shares_its_day() -> None:
    events = _negotiations(
        "Business is slow in the capital.\n\nHakan Fidan and Sergey Lavrov spoke by phone as "
        "Ankara prepared to host a new round of talks between Russia and Ukraine on a ceasefire "
        "later on Tuesday.",
        "2026-07-07T15:00:00+00:00",
    )
    calls = [e for e in events if e.format == "call"]
    assert len(calls) == 1
    assert calls[0].occurred_on == dt.date(2026, 7, 7)


def test_a_held_contact_in_a_lead_that_names_one_past_day_is_that_days_news() -> None:
    events = _negotiations(
        "Turkish Foreign Minister Hakan Fidan urged Vladimir Putin on Monday to agree to a "
        "ceasefire in Ukraine. The two met in Moscow for about an hour.",
        "2026-07-15T09:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].occurred_on == dt.date(2026, 7, 13)


def test_a_lead_that_names_two_days_dates_no_undated_contact() -> None:
    events = _negotiations(
        "Vladimir Putin visited a hospital on Monday. On Tuesday he inspected troops. Putin and "
        "Turkish Foreign Minister Hakan Fidan met in Moscow for about an hour to discuss a "
        "ceasefire in Ukraine.",
        "2026-07-15T09:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].occurred_on is None


@pytest.mark.parametrize(
    ("body", "venue", "parties"),
    [
        (
            "Riyadh, the Saudi capital, hosted Thursday's meeting between U.S. and Russian "
            "delegations on ending the war in Ukraine.",
            "Riyadh",
            ["RU", "US"],
        ),
        (
            "Jeddah played host to U.S. and Ukrainian delegations on Thursday for talks on a "
            "ceasefire.",
            "Jeddah",
            ["UA", "US"],
        ),
        (
            "Moscow hosted Thursday's talks between Steve Witkoff and Kirill Dmitriev on a peace "
            "plan for Ukraine.",
            "Moscow",
            ["RU", "US"],
        ),
    ],
)
def test_a_city_that_hosts_is_no_side_unless_it_stands_for_one(
    body: str, venue: str, parties: list[str]
) -> None:
    # a mediator's city hosts; the capital of a side stands for it
    events = _negotiations(body, "2026-07-24T12:00:00+00:00")
    assert len(events) == 1
    assert events[0].venue == venue
    assert events[0].parties == parties


def test_an_office_named_without_a_country_is_its_one_holder_in_the_article() -> None:
    events = _negotiations(
        "Keir Starmer spoke with Vladimir Putin by phone on Monday about the war in Ukraine. "
        "Afterwards the prime minister called Volodymyr Zelensky.",
        "2026-07-28T12:00:00+00:00",
    )
    assert len(events) == 2
    assert events[1].parties == ["GB", "UA"]
    assert sorted(events[1].participants) == ["Keir Starmer", "Volodymyr Zelenskyy"]
    assert events[1].occurred_on == dt.date(2026, 7, 27)


def test_he_who_calls_next_is_the_caller_of_the_contact_just_told() -> None:
    events = _negotiations(
        "Spanish Prime Minister Pedro Sanchez spoke to Vladimir Putin on Sunday about the war in "
        "Ukraine. He then "
        "called Volodymyr Zelensky.",
        "2026-08-03T12:00:00+00:00",
    )
    assert len(events) == 2
    assert sorted(events[1].participants) == ["Pedro Sanchez", "Volodymyr Zelenskyy"]
    assert events[1].parties == ["ES", "UA"]
    assert events[1].occurred_on == dt.date(2026, 8, 2)


def test_a_listed_name_the_recogniser_labels_otherwise_is_a_person_in_a_slot() -> None:
    events = _negotiations(
        "Trump will phone Putin on Thursday, and he will then speak with Zelensky, the White "
        "House said, as it pushes for a ceasefire.",
        "2026-08-03T12:00:00+00:00",
    )
    assert [e.parties for e in events] == [["RU", "US"], ["UA", "US"]]
    assert all(e.occurred_on == dt.date(2026, 8, 6) for e in events)


def test_a_delegation_head_who_describes_the_talks_took_part() -> None:
    events = _negotiations(
        "Ukrainian and Russian negotiators met in Istanbul on Tuesday for talks on a "
        "ceasefire.\n\nUkraine's lead negotiator, Rustem Umerov, described the talks as "
        "intensive.",
        "2026-08-05T12:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].participants == ["Rustem Umerov"]


def test_a_contact_planned_after_another_in_one_sentence_is_its_own() -> None:
    # "before flying to W to meet Z": the second contact follows the first, with its
    # subject, on its own day and in its own place
    events = _negotiations(
        "Steve Witkoff is due to meet Kirill Dmitriev in Miami on Thursday before flying to "
        "Geneva to meet Ukrainian negotiators on Saturday about the peace plan.",
        "2026-08-10T12:00:00+00:00",
    )
    assert [(e.venue, e.occurred_on, e.parties) for e in events] == [
        ("Miami", dt.date(2026, 8, 13), ["RU", "US"]),
        ("Geneva", dt.date(2026, 8, 15), ["UA", "US"]),
    ]
    assert events[1].participants == ["Steve Witkoff"]


def test_a_verb_of_talking_not_repeated_for_its_second_partner_makes_two_contacts() -> None:
    # "spoke with X and then with Y": the verb is understood again before "with Y"
    events = _negotiations(
        "The Spanish prime minister, Pedro Sanchez, spoke with Vladimir Putin and then with "
        "Volodymyr Zelensky on Sunday about the war in Ukraine.",
        "2026-08-17T12:00:00+00:00",
    )
    assert [e.parties for e in events] == [["ES", "RU"], ["ES", "UA"]]
    assert "Volodymyr Zelenskyy" not in events[0].participants
    assert sorted(events[1].participants) == ["Pedro Sanchez", "Volodymyr Zelenskyy"]
    assert events[0].occurred_on == events[1].occurred_on


def test_a_verb_done_by_phone_with_a_person_as_object_is_a_call() -> None:
    events = _negotiations(
        "Spanish Prime Minister Pedro Sanchez spoke to Vladimir Putin on Sunday about the war "
        "in Ukraine, and later briefed Volodymyr Zelensky by phone.",
        "2026-08-17T12:00:00+00:00",
    )
    assert [e.parties for e in events] == [["ES", "RU"], ["ES", "UA"]]
    assert events[1].format == "call"
    assert sorted(events[1].participants) == ["Pedro Sanchez", "Volodymyr Zelenskyy"]


def test_a_verb_done_by_phone_with_an_outlet_as_object_is_no_call() -> None:
    events = _negotiations(
        "Vladimir Putin told Reuters by phone on Sunday that he would not meet Volodymyr Zelensky.",
        "2026-08-17T12:00:00+00:00",
    )
    assert events == []


def test_a_second_partner_after_and_then_is_a_second_contact() -> None:
    events = _negotiations(
        "Pedro Sanchez, Spain's prime minister, said he would speak to Vladimir Putin on Sunday "
        "and then to Volodymyr Zelensky about the war in Ukraine.",
        "2026-08-17T12:00:00+00:00",
    )
    assert [e.parties for e in events] == [["ES", "RU"], ["ES", "UA"]]
    assert sorted(events[0].participants) == ["Pedro Sanchez", "Vladimir Putin"]
    assert sorted(events[1].participants) == ["Pedro Sanchez", "Volodymyr Zelenskyy"]
    assert events[0].occurred_on == events[1].occurred_on == dt.date(2026, 8, 23)
