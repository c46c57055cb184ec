"""Negotiation extraction on long wire reporting (issue 14): talks recalled a span of weeks
back, summits called off, "the two" of the sentence itself, a round of talks "set for" a day,
team leaders in relative clauses, a headline whose contact is only a setting, and a definite
session that refers to the one meeting told.

Every sentence is invented; the people, places and days are not those of the labelled sets.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.extracted import negotiations_in

pytest.importorskip("spacy")

# a Thursday afternoon in Kyiv
THURSDAY = "2026-04-16T13:00:00+00:00"


def test_a_contact_weeks_before_the_news_is_background() -> None:
    events = negotiations_in(
        "Russian missiles hit the port of Izmail overnight, killing three dock workers. The "
        "barrage came barely four weeks after Erdogan hosted Putin in Antalya, a meeting that "
        "produced no truce in Ukraine.",
        THURSDAY,
    )
    assert len(events) == 1
    assert events[0].background
    assert events[0].occurred_on is None


def test_a_contact_days_or_weeks_after_which_a_clause_begins_is_not_history() -> None:
    # a span that opens the sentence measures the main clause from something else: the main
    # clause is not thereby history
    events = negotiations_in(
        "Two weeks after the Antalya summit, Turkish and Russian diplomats met in Ankara on "
        "Thursday to discuss a ceasefire in Ukraine.",
        THURSDAY,
    )
    assert len(events) == 1
    assert not events[0].background
    assert events[0].occurred_on == dt.date(2026, 4, 16)


@pytest.mark.parametrize(
    "body",
    [
        "Plans for a summit between Erdogan and Putin in Antalya have been put on hold, Ankara "
        "said on Thursday, as the two sides remain far apart on a truce in Ukraine.",
        "The Kremlin called off next week's meeting between Putin and the Turkish president on "
        "the war in Ukraine.",
        "A planned summit between Putin and Erdogan on ending the war in Ukraine was shelved "
        "on Thursday.",
    ],
)
def test_a_contact_that_is_called_off_is_no_event(body: str) -> None:
    assert negotiations_in(body, THURSDAY) == []


def test_a_call_told_beside_a_summit_called_off_is_kept() -> None:
    events = negotiations_in(
        "Plans for a summit between Erdogan and Putin have been scrapped after a phone call "
        "between the Turkish and Russian foreign ministers, Hakan Fidan and Sergei Lavrov, on "
        "Tuesday failed to agree on a truce in Ukraine.",
        THURSDAY,
    )
    assert len(events) == 1
    assert events[0].format == "call"
    assert events[0].occurred_on == dt.date(2026, 4, 14)


def test_the_two_are_the_two_people_of_their_own_sentence() -> None:
    events = negotiations_in(
        "Putin spoke with Orban about gas prices on Monday.\n\n"
        "Zelensky praised the truce proposal, which he said Erdogan had endorsed when the two "
        "met in Ankara on Tuesday to discuss peace in Ukraine.",
        THURSDAY,
    )
    ankara = [e for e in events if e.venue == "Ankara"]
    assert len(ankara) == 1
    assert ankara[0].parties == ["TR", "UA"]
    assert sorted(p.split()[-1] for p in ankara[0].participants) == ["Erdoğan", "Zelenskyy"]


def test_a_round_of_talks_set_for_a_day_is_scheduled() -> None:
    events = negotiations_in(
        "Kyiv says fourth round of talks with Moscow set for Doha on Saturday",
        THURSDAY,
    )
    assert len(events) == 1
    assert events[0].status == "scheduled"
    assert events[0].occurred_on == dt.date(2026, 4, 18)


def test_a_team_leader_named_in_a_relative_clause_joins_the_coming_round() -> None:
    events = negotiations_in(
        "Russia and Ukraine will hold another round of peace talks in Doha on Saturday, the "
        "Qatari foreign ministry said.\n\n"
        "Kyiv said that Rustem Umerov, who returned from Washington on Monday and will once "
        "more lead the Ukrainian team, had already set out its priorities.",
        THURSDAY,
    )
    assert len(events) == 1
    assert [p.split()[-1] for p in events[0].participants] == ["Umerov"]


def test_a_headline_meeting_that_is_a_setting_takes_the_body_tense() -> None:
    events = negotiations_in(
        "Ukrainian and Russian negotiators agreed on Thursday to return the bodies of 2,000 "
        "soldiers each in a meeting in Doha that lasted two hours.\n\n"
        "Qatar's foreign minister opened the session. Ukraine's team was led by Rustem "
        "Umerov; Russia's by Vladimir Medinsky.",
        THURSDAY,
        title="Russia and Ukraine agree to return war dead in two-hour Doha meeting",
    )
    assert len(events) == 1
    assert events[0].status == "held"
    assert events[0].occurred_on == dt.date(2026, 4, 16)
    assert {p.split()[-1] for p in events[0].participants} >= {"Umerov", "Medinsky"}


def test_a_definite_session_refers_to_the_one_meeting_told() -> None:
    events = negotiations_in(
        "Russian and Ukrainian delegations met in Doha to discuss an exchange of prisoners, "
        "Qatari officials said.\n\n"
        "Both sides said the exchange would take place within weeks.\n\n"
        "Prices of grain rose in Chicago.\n\n"
        "Wednesday's session came hours after a Russian missile strike on Odesa.",
        THURSDAY,
    )
    assert len(events) == 1
    assert events[0].occurred_on == dt.date(2026, 4, 15)


def test_a_dateline_with_a_region_and_an_outlet_names_no_participant() -> None:
    events = negotiations_in(
        "SALALAH, Oman (Gulf Monitor) - Russian and Ukrainian negotiators met in Salalah on "
        "Thursday to discuss a prisoner exchange, Omani officials said.",
        THURSDAY,
    )
    assert len(events) == 1
    assert all("Monitor" not in p for p in events[0].participants)


def test_the_capital_of_a_state_named_by_its_adjective_is_the_venue() -> None:
    events = negotiations_in(
        "Russian and Ukrainian negotiators met in the Swiss capital on Thursday to discuss a "
        "prisoner exchange.",
        THURSDAY,
    )
    assert len(events) == 1
    assert events[0].venue == "Bern"


def test_agreeing_to_reconvene_is_a_second_round_with_the_same_sides() -> None:
    events = negotiations_in(
        "Ukrainian and Russian delegations ended two days of talks in Doha on Thursday and "
        "agreed to reconvene in Doha on April 30, Qatari officials said.",
        THURSDAY,
    )
    by_status = {e.status: e for e in events}
    assert set(by_status) == {"held", "scheduled"}
    assert by_status["held"].occurred_on == dt.date(2026, 4, 16)
    assert by_status["scheduled"].occurred_on == dt.date(2026, 4, 30)
    assert by_status["scheduled"].parties == ["RU", "UA"]


def test_a_video_conference_where_one_leader_told_others_is_a_contact() -> None:
    # allied leaders on a contact of Ukraine with the US: a negotiation over peace
    events = negotiations_in(
        "Donald Trump told European leaders and Volodymyr Zelensky in a video conference on "
        "Thursday that he would press Putin for a ceasefire in Ukraine.\n\n"
        "Emmanuel Macron hosted the call from the Elysee.",
        THURSDAY,
    )
    assert len(events) == 1
    assert events[0].format == "video"
    assert events[0].occurred_on == dt.date(2026, 4, 16)
    assert {"UA", "US", "FR"} <= set(events[0].parties)
    assert {p.split()[-1] for p in events[0].participants} >= {"Trump", "Macron"}


def test_european_leaders_among_themselves_remain_no_negotiation() -> None:
    events = negotiations_in(
        "European leaders held a video conference with Zelensky on Thursday on security "
        "guarantees for Ukraine after a ceasefire.",
        THURSDAY,
    )
    assert events == []


def test_they_who_phone_together_are_the_group_told_before() -> None:
    events = negotiations_in(
        "Keir Starmer and Friedrich Merz met Volodymyr Zelensky in Kyiv on Thursday. Together "
        "they spoke by phone with Donald Trump about a 30-day ceasefire in Ukraine.",
        THURSDAY,
    )
    calls = [e for e in events if e.format == "call"]
    assert len(calls) == 1
    assert {p.split()[-1] for p in calls[0].participants} == {
        "Starmer",
        "Merz",
        "Zelenskyy",
        "Trump",
    }


def test_a_contact_a_day_before_another_is_its_own_contact_on_the_next_day() -> None:
    events = negotiations_in(
        "Volodymyr Zelensky met the Emir of Qatar, Tamim bin Hamad Al Thani, in Doha on "
        "Wednesday to discuss a prisoner exchange with Russia, a day before his officials sit "
        "down with a U.S. delegation in the city.",
        "2026-04-15T15:00:00+00:00",
    )
    us = [e for e in events if "US" in e.parties]
    assert len(us) == 1
    assert us[0].parties == ["UA", "US"]
    assert us[0].occurred_on == dt.date(2026, 4, 16)
    assert us[0].status == "scheduled"
    assert us[0].venue == "Doha"
    assert all("US" not in e.parties for e in events if e is not us[0])


def test_the_region_an_attack_is_aimed_at_is_no_venue() -> None:
    events = negotiations_in(
        "Russian and Ukrainian negotiators met on Thursday to discuss a prisoner exchange. "
        "Hours before the meeting, Ukraine launched a drone attack on the Moscow region.",
        THURSDAY,
    )
    assert len(events) == 1
    assert events[0].venue is None


def test_each_clause_of_a_headline_the_triggers_pass_over_is_read_alone() -> None:
    events = negotiations_in(
        "Erdogan and Putin spoke by phone on Thursday about a ceasefire in Ukraine.",
        THURSDAY,
        title="Erdogan and Putin speak about Ukraine truce; Trump to call Kremlin leader",
    )
    assert len(events) == 1
    assert sorted(p.split()[-1] for p in events[0].participants) == ["Erdoğan", "Putin"]


def test_a_call_later_in_the_day_is_on_the_day_of_the_statement() -> None:
    events = negotiations_in(
        "Donald Trump told reporters on Thursday morning that he would speak with Vladimir "
        "Putin later in the day about a ceasefire in Ukraine.",
        "2026-04-16T09:00:00+00:00",
    )
    assert len(events) == 1
    assert events[0].status == "scheduled"
    assert events[0].occurred_on == dt.date(2026, 4, 16)


def test_a_state_of_a_federation_is_no_venue() -> None:
    events = negotiations_in(
        "Rustem Umerov held talks with Steve Witkoff in Florida on Sunday on a peace plan for "
        "Ukraine.",
        THURSDAY,
    )
    assert len(events) == 1
    assert events[0].venue is None


def test_who_sat_in_on_a_meeting_took_part() -> None:
    events = negotiations_in(
        "Steve Witkoff met Vladimir Putin in the Kremlin on Tuesday to discuss a peace plan for "
        "Ukraine. Kremlin aide Yuri Ushakov, who sat in on the meeting, called it useful.",
        THURSDAY,
    )
    assert len(events) == 1
    assert "Yuri Ushakov" in events[0].participants


def test_a_coming_round_that_names_no_sides_is_the_next_round_of_the_talks_told() -> None:
    events = negotiations_in(
        "Delegations from Russia and Ukraine ended two days of talks in Doha on Thursday.\n\n"
        '"The discussions were useful," Umerov said. He said the parties had agreed to meet '
        "again in Doha on April 30.",
        THURSDAY,
        title="Russia-Ukraine talks in Doha end; next round set for April 30",
    )
    coming = [e for e in events if e.status == "scheduled"]
    assert len(coming) == 1
    assert coming[0].occurred_on == dt.date(2026, 4, 30)
    assert coming[0].parties == ["RU", "UA"]


def test_a_headline_that_runs_two_calls_together_is_not_a_third() -> None:
    events = negotiations_in(
        "Donald Trump spoke to Volodymyr Zelensky by phone on Thursday, a day after his call "
        "with Vladimir Putin about a ceasefire in Ukraine.\n\n"
        "Wednesday's call with Putin lasted two hours, the Kremlin said.",
        "2026-04-16T17:00:00+00:00",
        title="Trump tells Zelensky he will seek truce after call with Putin",
    )
    calls = sorted((e.occurred_on, tuple(sorted(e.parties))) for e in events)
    assert calls == [
        (dt.date(2026, 4, 15), ("RU", "US")),
        (dt.date(2026, 4, 16), ("UA", "US")),
    ]


def test_a_meeting_told_as_earlier_that_day_is_another_contact_in_the_same_city() -> None:
    events = negotiations_in(
        "Qatar on Thursday hosted talks between Russian and Ukrainian delegations in Doha on a "
        "prisoner exchange, with Qatari minister Mohammed Al-Khulaifi opening the session.\n\n"
        "Earlier on Thursday, Al-Khulaifi hosted a meeting with U.S. Secretary of State Marco "
        "Rubio and Ukrainian Foreign Minister Andrii Sybiha in the same city to discuss a "
        "ceasefire.",
        THURSDAY,
    )
    assert len(events) == 2
    us = [e for e in events if "US" in e.parties]
    assert len(us) == 1
    assert "RU" not in us[0].parties
    assert us[0].venue == "Doha"


def test_the_people_a_side_sent_and_who_sat_at_the_table_took_part() -> None:
    events = negotiations_in(
        "Senior U.S. and Russian officials held talks in Doha on Thursday on ending the war in "
        "Ukraine.\n\n"
        "Russia sent Foreign Minister Sergei Lavrov and Kremlin aide Yuri Ushakov. Qatari "
        "minister Mohammed Al-Khulaifi sat at the table with both delegations.",
        THURSDAY,
    )
    assert len(events) == 1
    names = set(events[0].participants)
    assert {"Sergey Lavrov", "Yuri Ushakov", "Mohammed Al-Khulaifi"} <= names
    assert "QA" in events[0].parties


def test_a_side_that_sent_weapons_names_no_delegate() -> None:
    events = negotiations_in(
        "Russian and Ukrainian negotiators met in Doha on Thursday to discuss a prisoner "
        "exchange. Overnight Russia sent 120 drones against Ukrainian cities.",
        THURSDAY,
    )
    assert len(events) == 1
    assert events[0].participants == []


def test_allies_meeting_ukraine_in_the_city_of_the_talks_are_no_part_of_them() -> None:
    events = negotiations_in(
        "U.S. and Ukrainian negotiators met in Geneva on Thursday to refine a peace plan for "
        "Ukraine.\n\n"
        "On Wednesday, national security advisers from Britain, France and Germany met "
        "Ukrainian officials in Geneva to coordinate their position.",
        THURSDAY,
    )
    assert len(events) == 1
    assert events[0].parties == ["UA", "US"]


def test_whom_a_headline_quotes_after_its_dash_is_no_participant() -> None:
    events = negotiations_in(
        "Russian and Ukrainian delegations will meet in Doha on Saturday, President Volodymyr "
        "Zelensky said. Rustem Umerov will lead the Ukrainian team.",
        THURSDAY,
        title="Next round of Russia-Ukraine talks set for Saturday in Doha - Zelensky",
    )
    assert len(events) == 1
    assert events[0].participants == ["Rustem Umerov"]


def test_who_headed_a_team_is_the_name_right_before_the_relative_clause() -> None:
    events = negotiations_in(
        "Russian and Ukrainian delegations will meet in Doha on Saturday.\n\n"
        "Zelensky said Rustem Umerov, who headed the Ukrainian delegation at the last round, "
        "had briefed him.",
        THURSDAY,
    )
    assert len(events) == 1
    assert "Volodymyr Zelenskyy" not in events[0].participants


def test_who_speaks_after_a_call_through_he_was_on_it() -> None:
    events = negotiations_in(
        "Erdogan said on Thursday he was ready to host a new round of peace talks on Ukraine, "
        "after a phone call of an hour with Vladimir Putin.",
        THURSDAY,
    )
    calls = [e for e in events if e.format == "call"]
    assert len(calls) == 1
    assert calls[0].status == "held"
    assert sorted(p.split()[-1] for p in calls[0].participants) == ["Erdoğan", "Putin"]


@pytest.mark.parametrize(
    "body",
    [
        "Ankara said there were no plans for a meeting between Putin and Zelensky to end the "
        "war in Ukraine.",
        "Fidan said the next meeting between Russian and Ukrainian negotiators would likely "
        "take place in the coming weeks, possibly in Istanbul.",
        "Erdogan said Putin and Zelensky would probably meet in Istanbul to discuss peace in "
        "Ukraine.",
    ],
)
def test_contacts_denied_or_hedged_are_no_event(body: str) -> None:
    assert negotiations_in(body, THURSDAY) == []


def test_a_count_of_earlier_meetings_places_no_contact() -> None:
    events = negotiations_in(
        "Negotiators from Russia, Ukraine and the United States began talks in Doha on "
        "Thursday, the third round after two meetings in Istanbul.\n\n"
        "The Russian team is again headed by Vladimir Medinsky, who returned after Igor "
        "Kostyukov led the delegation in Istanbul.",
        THURSDAY,
    )
    assert len(events) == 1
    assert events[0].venue == "Doha"
    assert "Vladimir Medinsky" in events[0].participants


def test_a_state_that_says_it_will_not_take_part_is_no_side() -> None:
    events = negotiations_in(
        "Russian and Ukrainian negotiators met in Geneva on Thursday on a ceasefire.\n\n"
        "Swiss Foreign Minister Ignazio Cassis welcomed the delegations but said Switzerland "
        "would not take part in the negotiations.",
        THURSDAY,
    )
    assert len(events) == 1
    assert events[0].parties == ["RU", "UA"]


def test_a_headline_time_of_day_yields_to_the_day_the_body_names() -> None:
    events = negotiations_in(
        "Vladimir Putin received U.S. envoy Steve Witkoff in the Kremlin late on Wednesday to "
        "discuss a ceasefire in Ukraine, the Kremlin said on Thursday.",
        "2026-04-16T07:00:00+00:00",
        title="Putin receives Witkoff in Kremlin late at night",
    )
    assert len(events) == 1
    assert events[0].occurred_on == dt.date(2026, 4, 15)


def test_a_meeting_and_a_call_in_two_reported_clauses_are_two_contacts() -> None:
    events = negotiations_in(
        "Trump met Zelensky in Rome on Thursday to discuss a ceasefire in Ukraine.\n\n"
        "Trump told reporters the meeting had been good and that he would talk to Vladimir "
        "Putin on Friday.",
        THURSDAY,
    )
    call = [e for e in events if e.format == "call"]
    assert len(call) == 1
    assert call[0].parties == ["RU", "US"]
    assert call[0].status == "scheduled"
    rome = [e for e in events if e.venue == "Rome"]
    assert len(rome) == 1
    assert "RU" not in rome[0].parties


def test_the_forum_of_a_sidelines_meeting_is_no_side() -> None:
    events = negotiations_in(
        "Zelensky met Trump on the sidelines of the NATO summit in Vilnius on Thursday to "
        "discuss a ceasefire in Ukraine.",
        THURSDAY,
    )
    assert len(events) == 1
    assert events[0].parties == ["UA", "US"]


def test_a_prisoner_swap_a_state_mediated_is_no_talks() -> None:
    events = negotiations_in(
        "Russia and Ukraine exchanged 150 prisoners of war each on Thursday in a swap mediated "
        "by Qatar, both sides said. Qatar has mediated 12 exchanges since the start of the war.",
        THURSDAY,
    )
    assert events == []


def test_a_headline_plan_yields_to_the_call_the_body_reports() -> None:
    events = negotiations_in(
        "Erdogan said on Thursday that he had held a long phone call with Vladimir Putin and "
        "that they had agreed to have their teams start negotiations on a ceasefire in Ukraine.",
        THURSDAY,
        title="Erdogan says he and Putin agreed to start ceasefire negotiations",
    )
    calls = [e for e in events if e.format == "call"]
    assert len(calls) == 1
    assert calls[0].status == "held"
    assert calls[0].occurred_on == dt.date(2026, 4, 16)
    assert all(e.status == "scheduled" for e in events if e.format != "call")


def test_delegation_lines_join_the_round_whichever_draft_was_opened_last() -> None:
    events = negotiations_in(
        "Delegations from Russia and Ukraine ended talks in Doha on Thursday.\n\n"
        "The talks focused on a ceasefire.\n\n"
        "Ukraine's team was headed by Rustem Umerov. The Russian delegation was led by "
        "Vladimir Medinsky.",
        THURSDAY,
        title="Russia, Ukraine end Doha talks; next round set for April 30",
    )
    held = [e for e in events if e.status == "held"]
    assert len(held) == 1
    assert {"Rustem Umerov", "Vladimir Medinsky"} <= set(held[0].participants)


@pytest.mark.parametrize(
    "body",
    [
        "The ceasefire plan that Steve Witkoff brought to Odesa on Thursday would freeze the "
        "front line. Witkoff met Volodymyr Zelensky for three hours to discuss it.",
        "Odesa is preparing for the arrival on Thursday of Steve Witkoff, who will hold talks "
        "with Volodymyr Zelensky on a ceasefire in Ukraine.",
    ],
)
def test_a_meeting_with_no_city_is_where_its_people_travelled(body: str) -> None:
    events = negotiations_in(body, "2026-04-15T08:00:00+00:00")
    assert len(events) == 1
    assert events[0].venue == "Odesa"
    assert events[0].format == "in_person"


def test_a_journey_of_someone_else_places_no_meeting() -> None:
    events = negotiations_in(
        "Steve Witkoff met Volodymyr Zelensky on Thursday to discuss a ceasefire in Ukraine. "
        "Separately, Friedrich Merz travelled to Odesa.",
        THURSDAY,
    )
    assert len(events) == 1
    assert events[0].venue is None


def test_contacts_listed_among_possible_ones_are_no_event() -> None:
    events = negotiations_in(
        "The possible formats include a meeting between Erdogan and Putin, a meeting between "
        "Fidan and Lavrov, or talks of their deputies on a ceasefire in Ukraine.",
        THURSDAY,
    )
    assert events == []


def test_a_meeting_a_round_included_took_place() -> None:
    events = negotiations_in(
        "The talks in Doha on Thursday included a meeting between Rustem Umerov and Vladimir "
        "Medinsky on a prisoner exchange.",
        THURSDAY,
    )
    assert len(events) == 1
    assert events[0].status == "held"


def test_talks_a_dated_statement_follows_took_place_by_its_day() -> None:
    events = negotiations_in(
        "Erdogan said on Tuesday he had made progress on a prisoner exchange after talks with "
        "Zelensky at the Dolmabahce palace in Istanbul.",
        THURSDAY,
    )
    assert len(events) == 1
    assert events[0].occurred_on == dt.date(2026, 4, 14)


def test_a_possessive_is_no_name() -> None:
    events = negotiations_in(
        "Trump and Zelensky said on Tuesday they had agreed on a peace framework for Ukraine "
        "after talks at Trump's Mar-a-Lago estate.",
        THURSDAY,
        title="Trump, Zelensky agree framework after Mar-a-Lago meeting",
    )
    assert len(events) == 1
    assert all("'s" not in p for p in events[0].participants)


def test_the_lead_tells_with_its_day_the_contact_its_headline_announced() -> None:
    events = negotiations_in(
        "DOHA, Qatar, April 16 (Gulf Monitor) - Ukraine said on Thursday it was ready to accept "
        "a ceasefire after eight hours of talks with American officials in the Qatari capital.\n\n"
        "The Ukrainian team was led by Rustem Umerov.",
        THURSDAY,
        title="Ukraine backs ceasefire after marathon talks with U.S. in Doha",
    )
    assert len(events) == 1
    assert events[0].venue == "Doha"
    assert events[0].occurred_on == dt.date(2026, 4, 16)
    assert events[0].participants == ["Rustem Umerov"]
