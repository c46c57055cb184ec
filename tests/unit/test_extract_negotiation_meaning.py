"""Negotiation extraction by meaning (issue 14): contacts announced for later, several
contacts in one article, visits, formats, dates and the names of the people taking part.

Every sentence is invented; the people, places and days are not those of the labelled sets.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.extracted import negotiations_in

pytest.importorskip("spacy")


_negotiations = negotiations_in


def test_a_call_the_two_sides_are_due_to_hold_is_scheduled_with_both_people() -> None:
    # the infinitive hangs on a predicate adjective ("are due to", "are likely to"): its
    # subject is the subject of the copula
    events = _negotiations(
        "Chilean President Gabriel Boric and Russian President Vladimir Putin are due to speak "
        "by telephone on Monday about the war in Ukraine, Santiago said on Thursday.",
        "2026-02-05T10:00:00+00:00",
    )
    assert len(events) == 1
    event = events[0]
    assert event.status == "scheduled"
    assert event.format == "call"
    assert event.occurred_on == dt.date(2026, 2, 9)
    assert set(event.participants) == {"Gabriel Boric", "Vladimir Putin"}
    assert event.parties == ["CL", "RU"]


def test_people_likely_to_meet_are_both_on_the_meeting() -> None:
    events = _negotiations(
        "Kenyan President William Ruto and Sergey Lavrov are likely to meet in Nairobi on "
        "Friday to discuss a ceasefire in Ukraine, officials said on Tuesday.",
        "2026-02-10T10:00:00+00:00",
    )
    assert len(events) == 1
    assert set(events[0].participants) == {"William Ruto", "Sergey Lavrov"}
    assert events[0].status == "scheduled"


def test_a_common_noun_under_an_indefinite_article_is_no_participant() -> None:
    # "an observant Jew", "a devout Sikh": the recogniser may call the noun a name
    events = _negotiations(
        "A devout Sikh, Kenyan President William Ruto flew to Moscow on Sunday for talks "
        "with Vladimir Putin on a ceasefire in Ukraine.",
        "2026-02-15T18:00:00+00:00",
    )
    assert len(events) == 1
    assert set(events[0].participants) == {"William Ruto", "Vladimir Putin"}


def test_a_misspelt_name_beside_the_right_one_is_one_person() -> None:
    events = _negotiations(
        "Indonesian President Prabowo Subianto met President Volodymyr Zelenskyy in Kyiv on "
        "Monday to discuss a peace plan and prisoner exchanges. Recalling his talks with Volodymyr "
        "Zelenksy, Prabowo said Jakarta was ready to mediate.",
        "2026-03-02T15:00:00+00:00",
    )
    assert len(events) == 1
    assert sorted(events[0].participants) == ["Prabowo Subianto", "Volodymyr Zelenskyy"]


def test_misspelling_needs_the_same_first_name_and_a_long_close_surname() -> None:
    from warwire.extract.people import misspelling_of

    assert misspelling_of("Volodymyr Zelnski", "Volodymyr Zelenskyy")
    assert misspelling_of("Jared Kushnir", "Jared Kushner")
    assert not misspelling_of("Hunter Biden", "Joe Biden")
    assert not misspelling_of("Donald Tusk", "Donald Trump")
    assert not misspelling_of("Kim Jong Il", "Kim Jong Un")


def test_tomorrow_is_the_day_after_publication_and_makes_a_plan() -> None:
    events = _negotiations(
        "Swiss President Karin Keller-Sutter will host Ukrainian and Russian negotiators in "
        "Lausanne tomorrow for talks on a ceasefire, her office said.",
        "2026-04-14T10:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].occurred_on == dt.date(2026, 4, 15)
    assert events[0].status == "scheduled"


def test_the_outcome_of_a_meeting_presupposes_it_was_held() -> None:
    # the future tense governs the study of the result, not the meeting
    events = _negotiations(
        "Kyiv will examine the results of the Turkish envoys' Moscow meeting with Russia's "
        "foreign minister on a prisoner exchange, officials said on Friday.",
        "2026-05-08T12:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].status == "held"


def test_a_definite_contact_phrase_in_the_next_sentence_is_the_contact_just_told() -> None:
    events = _negotiations(
        "Kyiv will examine the results of the Turkish envoys' Moscow meeting with Russia's "
        "foreign minister on a prisoner exchange, officials said on Friday. The Kremlin talks "
        "on Thursday went on late into the evening.",
        "2026-05-08T12:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].occurred_on == dt.date(2026, 5, 7)
    assert events[0].venue == "Moscow"


def test_a_meeting_named_after_since_was_held_on_its_own_day() -> None:
    events = _negotiations(
        "The envoys are due to meet again in Doha, their first contact since the April 9 "
        "meeting between President Cyril Ramaphosa and President Vladimir Putin ended without "
        "a deal on the war in Ukraine.",
        "2026-05-02T10:00:00+00:00",
    )
    past = [e for e in events if e.status == "held"]
    assert len(past) == 1
    assert past[0].occurred_on == dt.date(2026, 4, 9)
    assert set(past[0].participants) == {"Cyril Ramaphosa", "Vladimir Putin"}


def test_a_contact_told_meanwhile_takes_the_day_just_told() -> None:
    events = _negotiations(
        "Russian drones hit the port of Izmail on Wednesday, regional officials said.\n\n"
        "In Vienna, meanwhile, seven hours of talks between Ukrainian and Russian delegations "
        "on a prisoner exchange ended without a joint statement.",
        "2026-06-04T16:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].occurred_on == dt.date(2026, 6, 3)


def test_a_contact_a_day_after_which_something_was_said_is_the_day_before_it() -> None:
    events = _negotiations(
        "NATO's secretary general said on Thursday the alliance had not been consulted, a day "
        "after Slovak Prime Minister Robert Fico held talks with Vladimir Putin in Moscow on "
        "the war in Ukraine.",
        "2026-01-23T12:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].occurred_on == dt.date(2026, 1, 21)


def test_a_span_of_days_opening_another_clause_does_not_date_the_contact() -> None:
    events = _negotiations(
        "A day after the strike on Odesa, Turkish President Recep Tayyip Erdogan met Vladimir "
        "Putin in Sochi on Monday to discuss a ceasefire in Ukraine.",
        "2026-03-03T12:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].occurred_on == dt.date(2026, 3, 2)


def test_an_undated_contact_in_the_lead_is_the_news_of_the_day_it_was_reported() -> None:
    events = _negotiations(
        "The telephone conversation between Cyril Ramaphosa and Vladimir Putin on the war in "
        "Ukraine lasted an hour, the South African presidency said on 3 May.",
        "2026-05-04T07:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].occurred_on == dt.date(2026, 5, 3)


def test_today_in_a_piece_stamped_after_midnight_in_kyiv_is_the_evening_before() -> None:
    # 22:30 UTC in June is 01:30 in Kyiv: the writer's "today" was the 9th
    events = _negotiations(
        "Volodymyr Zelensky said his meeting with Donald Trump in Washington today had been "
        "useful for the peace process.",
        "2026-06-09T22:30:00+00:00",
    )
    assert len(events) == 1
    assert events[0].occurred_on == dt.date(2026, 6, 9)


def test_who_went_into_a_meeting_is_at_it_and_a_possessive_day_dates_it() -> None:
    # the day of another verb of the sentence ("after the vote on May 30") is not the meeting's
    events = _negotiations(
        "Ukraine went into Thursday's meeting with Russian envoy Kirill Dmitriev in Riyadh "
        "seeking a prisoner exchange that would not be delayed until after the vote on May 30.",
        "2026-05-15T12:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].occurred_on == dt.date(2026, 5, 14)
    assert "UA" in events[0].parties


def test_the_one_who_hosted_the_talks_just_told_was_at_them() -> None:
    events = _negotiations(
        "Ukrainian and U.S. negotiators met in Oslo on Monday to discuss a ceasefire. Norwegian "
        "Prime Minister Jonas Gahr Store, who hosted the talks, called them constructive.",
        "2026-02-17T12:00:00+00:00",
    )
    assert len(events) == 1
    assert "Jonas Gahr Store" in events[0].participants
    assert "NO" in events[0].parties


def test_the_host_country_named_as_a_side_stays_a_party() -> None:
    # the venue's country is dropped when only the venue names it, kept when a side slot does
    events = _negotiations(
        "The Norwegian prime minister brought together the U.S. president's envoy and "
        "Ukraine's foreign minister in Oslo on Monday for talks on a ceasefire.",
        "2026-02-17T12:00:00+00:00",
    )
    assert len(events) == 1
    assert "NO" in events[0].parties


def test_peace_named_in_the_contacts_paragraph_makes_a_us_ukraine_meeting_talks() -> None:
    # before the U.S. brokered the talks, a U.S.-Ukraine meeting counts over peace only
    events = _negotiations(
        "Volodymyr Zelensky met U.S. Secretary of State Antony Blinken in Kyiv on Wednesday. "
        "Afterwards Zelensky said any peace had to rest on firm security guarantees.",
        "2024-05-15T16:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].parties == ["UA", "US"]


def test_a_misspelt_official_keeps_the_officials_side() -> None:
    # the misspelt name resolves to the listed official, so Ukraine is a side
    events = _negotiations(
        "UN Secretary-General Antonio Guterres met Volodymyr Zelenksy in Odesa on Friday to "
        "discuss grain exports through the Black Sea.",
        "2026-03-06T15:00:00+00:00",
    )
    assert len(events) == 1
    assert "UA" in events[0].parties
    assert "Volodymyr Zelenskyy" in events[0].participants


def test_a_security_council_in_a_persons_title_is_no_gathering() -> None:
    events = _negotiations(
        "Rustem Umerov, the secretary of Ukraine's security council, will fly to Lisbon on "
        "Sunday for talks with U.S. envoy Steve Witkoff on the peace framework.",
        "2026-03-03T12:00:00+00:00",
    )
    assert len(events) == 1
    assert set(events[0].participants) == {"Rustem Umerov", "Steve Witkoff"}


def test_the_other_sides_team_leader_joins_the_round_just_told() -> None:
    # "the Russian one" stands for "the Russian team"
    events = _negotiations(
        "Ukrainian and Russian negotiators met in Belgrade on Tuesday for talks on a prisoner "
        "exchange. David Arakhamia led the Ukrainian team, while Vladimir Medinsky headed the "
        "Russian one.",
        "2026-03-04T12:00:00+00:00",
    )
    assert len(events) == 1
    assert set(events[0].participants) == {"Davyd Arakhamia", "Vladimir Medinsky"}


def test_a_video_conference_has_no_venue() -> None:
    events = _negotiations(
        "Ukrainian and Russian delegations held talks by video link on Monday, officials in "
        "Kyiv said, on a ceasefire and a prisoner exchange.",
        "2026-03-09T18:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].format == "video"
    assert events[0].venue is None


def test_coordinated_callers_each_hold_their_own_call() -> None:
    # a phone call joins two people: "X and Y will phone Z" is X's call and Y's call
    events = _negotiations(
        "Giorgia Meloni and Friedrich Merz will phone Vladimir Putin on Friday to press for a "
        "ceasefire in Ukraine, their offices said.",
        "2026-04-07T12:00:00+00:00",
    )
    assert len(events) == 2
    assert {frozenset(e.participants) for e in events} == {
        frozenset({"Giorgia Meloni", "Vladimir Putin"}),
        frozenset({"Friedrich Merz", "Vladimir Putin"}),
    }
    assert {tuple(e.parties) for e in events} == {("IT", "RU"), ("DE", "RU")}


def test_a_joint_call_and_a_reciprocal_call_stay_one() -> None:
    joint = _negotiations(
        "Giorgia Meloni and Friedrich Merz held a joint call with Vladimir Putin on Friday "
        "about a ceasefire in Ukraine.",
        "2026-04-10T12:00:00+00:00",
    )
    assert len(joint) == 1
    mutual = _negotiations(
        "Friedrich Merz and Vladimir Putin spoke by phone on Friday about a ceasefire in Ukraine.",
        "2026-04-10T12:00:00+00:00",
    )
    assert len(mutual) == 1


def test_a_visit_to_a_country_with_no_city_named_is_in_its_capital() -> None:
    events = _negotiations(
        "Brazil's foreign minister was received by Sergey Lavrov on Tuesday, on his second "
        "visit to Russia this year, for talks on ending the war in Ukraine.",
        "2026-04-15T09:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].venue == "Moscow"
    assert events[0].format == "in_person"


def test_a_city_named_for_the_visit_wins_over_the_capital() -> None:
    events = _negotiations(
        "Brazil's foreign minister, on his second visit to Russia this year, met Sergey Lavrov "
        "in Sochi on Tuesday for talks on ending the war in Ukraine.",
        "2026-04-15T09:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].venue == "Sochi"


def test_a_meeting_under_a_condition_is_no_plan() -> None:
    events = _negotiations(
        "Volodymyr Zelensky said on Monday he would meet Vladimir Putin in Istanbul only if "
        "Russia first agreed to a full ceasefire.",
        "2026-05-11T12:00:00+00:00",
    )
    assert events == []


def test_talks_that_went_on_until_something_happened_were_held() -> None:
    events = _negotiations(
        "Ukrainian and Russian delegations met in Istanbul on Monday and talked until the "
        "Turkish hosts called a break, officials said, on a prisoner exchange.",
        "2026-05-11T18:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].status == "held"


def test_who_represented_a_country_at_the_talks_just_told_took_part() -> None:
    events = _negotiations(
        "American and Russian envoys held talks in Doha on Thursday on the terms of a "
        "ceasefire in Ukraine. Kirill Dmitriev led the Russian side. Steve Witkoff and Jared "
        "Kushner represented the United States.",
        "2026-02-20T08:00:00+00:00",
    )
    assert len(events) == 1
    assert set(events[0].participants) == {"Kirill Dmitriev", "Steve Witkoff", "Jared Kushner"}


def test_a_past_mention_after_a_planned_round_belongs_to_the_round_held() -> None:
    events = _negotiations(
        "Ukrainian and Russian delegations ended a first round of talks in Budapest on Monday "
        "evening on a prisoner exchange. Both delegations said they would meet again within "
        "days.\n\n"
        "The meeting took place as fighting continued in the east.\n\n"
        "Defence Minister Oleksii Reznikov led the Ukrainian delegation, which also included "
        "Davyd Arakhamia, head of the governing party's parliamentary group.",
        "2026-03-02T19:00:00+00:00",
    )
    held = [e for e in events if e.status == "held"]
    assert len(held) == 1
    assert held[0].venue == "Budapest"
    assert {"Oleksii Reznikov", "Davyd Arakhamia"} <= set(held[0].participants)


def test_talk_of_a_meeting_is_speculation() -> None:
    events = _negotiations(
        "Donald Trump and Vladimir Putin met in Helsinki on Friday to discuss a ceasefire in "
        "Ukraine. Since then, talk of a meeting between Putin and Volodymyr Zelensky has "
        "gone nowhere.",
        "2026-06-20T12:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].parties == ["RU", "US"]
    assert "Volodymyr Zelenskyy" not in events[0].participants


def test_what_two_leaders_discuss_is_no_side() -> None:
    events = _negotiations(
        "Donald Trump and Vladimir Putin discussed Iran and Ukraine in a phone call on Sunday, "
        "the Kremlin said.",
        "2026-06-21T17:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].parties == ["RU", "US"]


def test_talks_over_video_are_a_video_conference() -> None:
    events = _negotiations(
        "Ukrainian and Russian negotiators held another round of talks over video on Thursday "
        "about a prisoner exchange.",
        "2026-06-19T17:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].format == "video"


def test_an_office_holder_who_made_the_call_is_on_it() -> None:
    # "called" after the office is the call itself, not a comment on it
    events = _negotiations(
        "Donald Trump said Russia's leader called him on Sunday and that they talked mostly "
        "about a ceasefire in Ukraine. Vladimir Putin later confirmed the conversation.",
        "2026-06-21T19:00:00+00:00",
    )
    assert len(events) == 1
    assert set(events[0].participants) == {"Donald Trump", "Vladimir Putin"}


def test_the_leader_who_sent_an_envoy_is_a_side_but_not_present() -> None:
    events = _negotiations(
        "A Trump envoy met Vladimir Putin in St Petersburg on Friday for talks on a peace deal "
        "for Ukraine.",
        "2026-06-13T09:00:00+00:00",
    )
    assert len(events) == 1
    assert "Donald Trump" not in events[0].participants
    assert events[0].parties == ["RU", "US"]


def test_a_call_that_frames_the_clause_has_its_subject_on_it_and_he_is_him() -> None:
    # "X discussed ... with Y in a phone call on Monday. On Tuesday he raised it in a call
    # with Z": X was on both calls
    events = _negotiations(
        "Turkish President Recep Tayyip Erdogan discussed a prisoner exchange with Vladimir "
        "Putin in a phone call on Monday. On Tuesday he raised the same question in a call "
        "with Volodymyr Zelensky, his office said.",
        "2026-07-08T12:00:00+00:00",
    )
    assert len(events) == 2
    by_day = {e.occurred_on: e for e in events}
    assert set(by_day[dt.date(2026, 7, 6)].participants) == {
        "Recep Tayyip Erdoğan",
        "Vladimir Putin",
    }
    assert set(by_day[dt.date(2026, 7, 7)].participants) == {
        "Recep Tayyip Erdoğan",
        "Volodymyr Zelenskyy",
    }


def test_engaging_in_negotiations_is_no_call_setting() -> None:
    events = _negotiations(
        '"I am still calling on Russia to engage in negotiations," the British prime minister '
        "Keir Starmer wrote on Sunday.",
        "2026-07-05T12:00:00+00:00",
    )
    assert events == []


def test_who_sent_the_envoy_is_not_at_the_meeting() -> None:
    events = _negotiations(
        "Cardinal Pietro Parolin, sent by Pope Leo on a peace mission, met Kremlin aide Yuri "
        "Ushakov in Moscow on Tuesday to discuss the return of Ukrainian children.",
        "2026-07-08T12:00:00+00:00",
    )
    assert len(events) == 1
    assert "Yuri Ushakov" in events[0].participants
    assert not any("Leo" in p for p in events[0].participants)


def test_contacts_told_as_a_habit_are_no_event() -> None:
    events = _negotiations(
        "Cyril Ramaphosa said he had spoken with Vladimir Putin several times by phone about "
        "a ceasefire in Ukraine.",
        "2026-07-08T12:00:00+00:00",
    )
    assert events == []


def test_who_in_a_relative_clause_is_the_person_it_describes() -> None:
    events = _negotiations(
        "Kenyan President William Ruto, who flew to Moscow on Monday to meet Vladimir Putin "
        "about a ceasefire in Ukraine, said the talks were frank.",
        "2026-07-08T12:00:00+00:00",
    )
    assert len(events) == 1
    assert set(events[0].participants) == {"William Ruto", "Vladimir Putin"}


def test_calling_someone_out_is_no_call() -> None:
    events = _negotiations(
        "Many leaders spoke at the assembly, including President Lula and Chancellor Merz, who "
        "both called out Russia for its war in Ukraine.",
        "2026-09-25T12:00:00+00:00",
    )
    assert events == []


def test_a_participle_of_holding_in_the_contacts_phrase_dates_it() -> None:
    # the parser may hang "held on Monday" on "the invasion": an invasion is not held
    events = _negotiations(
        "The first meeting between Russian and Ukrainian officials since the invasion, held on "
        "Monday in Istanbul, produced neither a ceasefire nor a joint statement.",
        "2026-03-04T09:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].occurred_on == dt.date(2026, 3, 2)


def test_leaders_who_are_to_call_someone_tomorrow_each_schedule_a_call() -> None:
    events = _negotiations(
        "Polish Prime Minister Donald Tusk and Finnish President Alexander Stubb are to call "
        "Vladimir Putin tomorrow to demand the return of deported Ukrainian children.",
        "2026-04-02T09:00:00+00:00",
    )
    assert len(events) == 2
    assert all(e.status == "scheduled" and e.format == "call" for e in events)
    assert {e.occurred_on for e in events} == {dt.date(2026, 4, 3)}


def test_a_call_about_a_new_round_of_talks_is_about_the_negotiations() -> None:
    events = _negotiations(
        "Recep Tayyip Erdogan and Vladimir Putin spoke by telephone on Sunday about a new round "
        "of talks in Istanbul. Erdogan's office said he would also speak with Volodymyr "
        "Zelensky on Monday.",
        "2026-04-20T10:00:00+00:00",
    )
    assert len(events) == 2
    later = next(e for e in events if e.status == "scheduled")
    assert later.occurred_on == dt.date(2026, 4, 20)
    assert later.parties == ["TR", "UA"]


def test_a_span_of_days_before_a_second_contact_word_dates_the_contact() -> None:
    # "the talks" comes first in the clause; the span opens the clause of "met"
    events = _negotiations(
        "The Kremlin said on Saturday the talks had been useful, two days after U.S. envoy "
        "Steve Witkoff met Vladimir Putin in Moscow to discuss a settlement in Ukraine.",
        "2026-04-12T11:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].occurred_on == dt.date(2026, 4, 9)
