"""Negotiation extraction (issue 14): several contacts in one article, each with its own
sides, people, venue, day and status; who took part in each.

Every sentence is invented; the people, places and days are not those of the labelled sets.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.extracted import negotiations_in

pytest.importorskip("spacy")

# a Wednesday evening in Kyiv
WEDNESDAY = "2026-09-16T16:00:00+00:00"


def test_a_headline_that_packs_two_contacts_takes_the_status_from_the_dated_body() -> None:
    events = negotiations_in(
        "Russian and Ukrainian officials held talks in Doha on Wednesday on the return of "
        "deported children, the Qatari foreign ministry said.\n\n"
        "The two delegations agreed to meet again in Muscat on September 30.",
        WEDNESDAY,
        title="Russia, Ukraine wrap up Doha session, agree to meet again in Muscat",
    )
    by_venue = {e.venue: e for e in events}
    assert by_venue["Doha"].status == "held"
    assert by_venue["Doha"].occurred_on == dt.date(2026, 9, 16)
    assert by_venue["Muscat"].status == "scheduled"


def test_a_headline_plan_keeps_its_status_when_the_body_gives_no_day() -> None:
    events = negotiations_in(
        "Moscow has sent a delegation to Minsk to negotiate with Ukraine, the Kremlin said "
        "on Wednesday. Its leader said the team would wait until evening for Kyiv's answer.",
        WEDNESDAY,
        title="Kremlin says its negotiators are waiting in Minsk for Ukrainian team",
    )
    assert [e.status for e in events] == ["scheduled"]


def test_a_separate_meeting_in_a_live_blog_is_its_own_contact() -> None:
    events = negotiations_in(
        "19:40 Russian and Ukrainian negotiators met for three hours in Ankara on Wednesday "
        "afternoon, with the Turkish foreign minister Hakan Fidan in the chair.\n\n"
        "17:15 Separately, US envoy Keith Kellogg held a meeting on Wednesday with the "
        "Ukrainian delegation at the US embassy in Ankara. No Russian official was there.",
        WEDNESDAY,
    )
    assert len(events) == 2
    parties = sorted(tuple(e.parties) for e in events)
    assert parties == [("RU", "TR", "UA"), ("UA", "US")]


def test_a_delegation_told_over_several_sentences_is_all_at_the_round() -> None:
    events = negotiations_in(
        "Ukrainian and Russian negotiators met in Baku on Wednesday to discuss a truce on "
        "energy sites.\n\n"
        "Kyiv's delegation was led by Rustem Umerov. It also included Andrii Hnatov and "
        "Oleksandr Bevz. Russia's team was headed by Igor Kostyukov, the chief of military "
        "intelligence, and his deputy Alexander Zorin.",
        WEDNESDAY,
    )
    assert len(events) == 1
    assert set(events[0].participants) == {
        "Rustem Umerov",
        "Andrii Hnatov",
        "Oleksandr Bevz",
        "Igor Kostyukov",
        "Alexander Zorin",
    }


def test_whoever_is_joined_by_others_or_travels_with_a_leader_takes_part() -> None:
    events = negotiations_in(
        "US and Ukrainian officials will meet in Lisbon on Friday to go over the draft "
        "framework. Secretary of State Marco Rubio will be joined by Army Secretary Dan "
        "Driscoll.\n\n"
        "Ukrainian President Volodymyr Zelensky will lead his side. Foreign Minister Andrii "
        "Sybiha and Oleksandr Bevz will travel with him, his office said.",
        WEDNESDAY,
    )
    assert len(events) == 1
    assert events[0].status == "scheduled"
    assert {"Marco Rubio", "Dan Driscoll", "Andrii Sybiha", "Oleksandr Bevz"} <= set(
        events[0].participants
    )


def test_a_delegation_line_reported_with_would_is_about_the_coming_round() -> None:
    events = negotiations_in(
        "The next round of talks between Russia, Ukraine and the United States will be held "
        "in Muscat on September 24, the Omani foreign ministry said on Wednesday.\n\n"
        "Kyiv said its team would include Kyrylo Budanov and Davyd Arakhamia.",
        WEDNESDAY,
    )
    assert len(events) == 1
    assert {"Kyrylo Budanov", "Davyd Arakhamia"} <= set(events[0].participants)


def test_a_round_a_delegation_line_recalls_lends_no_venue_or_day() -> None:
    events = negotiations_in(
        "Russia and Ukraine will hold their next round of talks in Doha on September 25, "
        "the Kremlin said on Wednesday.\n\n"
        "The Russian team will again be led by Vladimir Medinsky, who headed the delegation "
        "at the talks in Antalya in May.",
        WEDNESDAY,
    )
    current = [e for e in events if not e.background]
    assert len(current) == 1
    assert current[0].venue == "Doha"
    assert current[0].occurred_on == dt.date(2026, 9, 25)
    assert "Vladimir Medinsky" in current[0].participants
    assert all(e.venue != "Antalya" for e in events)


def test_a_return_after_earlier_rounds_is_this_round() -> None:
    events = negotiations_in(
        "Delegations of Russia, Ukraine and the United States sat down in Vienna on "
        "Wednesday for a new round of talks.\n\n"
        "Russia's team is headed by Vladimir Medinsky, marking his return to the talks after "
        "the Antalya rounds of last year.",
        WEDNESDAY,
    )
    assert len(events) == 1
    assert events[0].venue == "Vienna"
    assert "Vladimir Medinsky" in events[0].participants


def test_who_led_a_side_in_a_city_still_tells_that_round() -> None:
    # with no delegation line of its own, the relative clause is the report of the round
    events = negotiations_in(
        "US and Ukrainian officials met in Valletta on Tuesday on a ceasefire plan. Secretary "
        "of State Marco Rubio, who led the American side in Valletta, says the offer now sits "
        "with Moscow.",
        WEDNESDAY,
    )
    assert len(events) == 1
    assert events[0].venue == "Valletta"
    assert "Marco Rubio" in events[0].participants


def test_a_call_told_beside_a_stalled_summit_plan_takes_nothing_from_it() -> None:
    events = negotiations_in(
        "Russian Foreign Minister Sergei Lavrov and US Secretary of State Marco Rubio spoke by "
        "phone on Wednesday about a ceasefire, the Russian Foreign Ministry said.\n\n"
        "The call came as plans for a summit between Presidents Vladimir Putin and Donald "
        "Trump in Bratislava appeared to have been put on hold.",
        WEDNESDAY,
        title="Lavrov, Rubio talk by phone as Bratislava summit plans stall",
    )
    assert len(events) == 1
    assert events[0].format == "call"
    assert events[0].venue is None
    assert set(events[0].participants) == {"Sergey Lavrov", "Marco Rubio"}


def test_no_plans_for_a_meeting_is_no_meeting() -> None:
    events = negotiations_in(
        'A White House official said on Wednesday there were "no plans for President Trump '
        'to meet President Putin" this month.',
        WEDNESDAY,
    )
    assert events == []


def test_talks_that_collapsed_still_took_place() -> None:
    events = negotiations_in(
        "Talks between Russian and Ukrainian negotiators in Baku collapsed on Wednesday after "
        "four hours, both delegations said.",
        WEDNESDAY,
    )
    assert [e.status for e in events] == ["held"]


def test_a_session_of_other_sides_the_same_day_is_another_contact() -> None:
    events = negotiations_in(
        "10:05 - US envoy Keith Kellogg and Turkish Foreign Minister Hakan Fidan meet the "
        "Ukrainian delegation in Ankara. Ukraine is represented by Rustem Umerov and Andriy "
        "Yermak.\n\n"
        "13:20 - The direct Russian-Ukrainian session begins, chaired by Fidan. Ukraine's team "
        "at the table is led by Umerov and includes Serhiy Kyslytsya; Yermak is not taking "
        "part.",
        WEDNESDAY,
    )
    assert len(events) == 2
    first, second = events
    assert set(first.parties) == {"TR", "UA", "US"}
    assert set(second.parties) == {"RU", "TR", "UA"}
    assert "Andriy Yermak" not in second.participants
    assert "Serhiy Kyslytsya" in second.participants
    assert second.venue == "Ankara"  # the city where its people met the same day


def test_a_delegation_line_of_a_side_absent_from_the_meeting_told_waits_for_its_own() -> None:
    events = negotiations_in(
        "09:30 - US envoy Keith Kellogg and Turkish Foreign Minister Hakan Fidan meet the "
        "Ukrainian delegation in Ankara.\n\n"
        "11:00 - The Russian delegation arrives. It is headed by Vladimir Medinsky and "
        "includes Deputy Defence Minister Alexander Fomin.\n\n"
        "12:40 - The direct Russian-Ukrainian session begins, chaired by Fidan.",
        WEDNESDAY,
        title="Russia-Ukraine talks open in Ankara",
    )
    assert len(events) == 2
    us_meeting = next(e for e in events if "US" in e.parties)
    session = next(e for e in events if "RU" in e.parties)
    assert set(us_meeting.parties) == {"TR", "UA", "US"}  # the headline's sides are not its
    assert "Vladimir Medinsky" not in us_meeting.participants
    assert {"Vladimir Medinsky", "Alexander Fomin"} <= set(session.participants)


def test_the_principal_of_an_aide_who_leads_a_team_is_not_at_the_table() -> None:
    events = negotiations_in(
        "Delegations of Russia and Ukraine met in Baku on Wednesday for a new round of talks. "
        "Russia's team is headed by Vladimir Medinsky, an aide to President Vladimir Putin.",
        WEDNESDAY,
    )
    assert len(events) == 1
    assert "Vladimir Medinsky" in events[0].participants
    assert "Vladimir Putin" not in events[0].participants


def test_a_council_named_in_a_delegates_title_is_no_gathering() -> None:
    events = negotiations_in(
        "Delegations of Russia and Ukraine met in Baku on Wednesday for a new round of talks. "
        "Ukraine is represented by Rustem Umerov, secretary of its security council, and "
        "Davyd Arakhamia, the head of the ruling party's parliamentary faction.",
        WEDNESDAY,
    )
    assert len(events) == 1
    assert {"Rustem Umerov", "Davyd Arakhamia"} <= set(events[0].participants)


def test_meeting_again_the_next_day_is_the_same_round() -> None:
    events = negotiations_in(
        "Delegations of Russia, Ukraine and the United States sat down in Vienna on Wednesday "
        "for a new round of talks on ending the war.\n\n"
        "The delegations parted after five hours and will meet again on Thursday, a source "
        "close to the talks said.",
        WEDNESDAY,
    )
    assert len(events) == 1
    assert events[0].status == "held"
    assert events[0].occurred_on == dt.date(2026, 9, 16)


def test_a_next_round_days_later_is_another_round() -> None:
    events = negotiations_in(
        "Delegations of Russia, Ukraine and the United States sat down in Vienna on Wednesday "
        "for a new round of talks on ending the war.\n\n"
        "The delegations agreed to meet again on September 23, a source close to the talks "
        "said.",
        WEDNESDAY,
    )
    assert sorted(e.status for e in events) == ["held", "scheduled"]


def test_a_summit_that_would_only_make_sense_later_is_no_event() -> None:
    events = negotiations_in(
        "The Kremlin has said a Putin-Zelensky summit would only make sense once a peace "
        "document is ready.",
        WEDNESDAY,
    )
    assert events == []


def test_a_listed_name_printed_in_capitals_is_found() -> None:
    events = negotiations_in(
        "Hungarian Prime Minister Viktor ORBAN met XI Jinping in Beijing on Wednesday and "
        "urged him to help end the war in Ukraine.",
        WEDNESDAY,
    )
    assert len(events) == 1
    assert {"Viktor Orbán", "Xi Jinping"} <= set(events[0].participants)


def test_who_speaks_in_a_clause_set_in_the_meeting_was_at_it() -> None:
    events = negotiations_in(
        "Chancellor Olaf Scholz arrived in Beijing for talks with President Xi Jinping. "
        "During the meeting in Beijing, the German chancellor insisted that the Chinese "
        "leader press Russia to end the war.",
        WEDNESDAY,
    )
    assert len(events) == 1
    assert {"Olaf Scholz", "Xi Jinping"} <= set(events[0].participants)


def test_the_last_day_of_a_visit_dated_by_its_arrival() -> None:
    events = negotiations_in(
        "Olaf Scholz told Xi Jinping that the war in Ukraine threatens global security. During "
        "the meeting in Beijing, the German chancellor insisted that the Chinese leader press "
        "Russia to end the war, he wrote on the last day of a three-day visit to China.\n\n"
        "Olaf Scholz came to China on Sunday with a delegation of business leaders.",
        WEDNESDAY,
    )
    assert len(events) == 1
    assert events[0].occurred_on == dt.date(2026, 9, 15)  # Sunday 13th + 2 days


def test_a_host_that_stays_out_of_the_room_is_no_side() -> None:
    events = negotiations_in(
        "US and Russian officials held talks in Vienna on Wednesday on a ceasefire in Ukraine, "
        "in a meeting hosted by the Austrian government.\n\n"
        "Austrian Foreign Minister Beate Meinl-Reisinger greeted the delegations but did not "
        "take part in the talks, her ministry said.",
        WEDNESDAY,
    )
    assert len(events) == 1
    assert events[0].parties == ["RU", "US"]
    assert "Beate Meinl-Reisinger" not in events[0].participants


def test_a_host_at_the_table_is_a_side() -> None:
    events = negotiations_in(
        "US and Russian officials held talks in Vienna on Wednesday on a ceasefire in Ukraine, "
        "in a meeting hosted and chaired by the Austrian government.",
        WEDNESDAY,
    )
    assert len(events) == 1
    assert "AT" in events[0].parties


def test_a_leader_kept_informed_of_the_talks_is_not_at_them() -> None:
    events = negotiations_in(
        "Russian and Ukrainian negotiators met in Baku on Wednesday for three hours. Kremlin "
        "spokesman Dmitry Peskov said President Vladimir Putin was being kept informed of the "
        "talks.",
        WEDNESDAY,
    )
    assert len(events) == 1
    assert "Vladimir Putin" not in events[0].participants


def test_a_listed_surname_after_another_given_name_is_someone_else() -> None:
    events = negotiations_in(
        "Delegations of Ukraine and Russia met in Abu Dhabi on Wednesday on a prisoner "
        "exchange. Sheikh Abdullah bin Zayed Al Nahyan, the Emirati foreign minister, "
        "received both delegations before the session.",
        WEDNESDAY,
    )
    assert len(events) == 1
    assert "Mohamed bin Zayed" not in events[0].participants


def test_what_two_leaders_agree_in_that_call_is_a_planned_meeting() -> None:
    events = negotiations_in(
        "Donald Trump and Vladimir Putin spoke by phone on Monday about the war in Ukraine, "
        "the Kremlin said.\n\n"
        "In that call, which lasted two hours, Trump and Putin agreed to hold a summit in "
        "Astana.",
        WEDNESDAY,
    )
    by_format = {e.format: e for e in events}
    assert by_format["call"].status == "held"
    assert by_format["call"].venue is None
    assert by_format["in_person"].status == "scheduled"
    assert by_format["in_person"].venue == "Astana"


def test_a_planned_summit_with_no_plans_left_for_it_is_no_event() -> None:
    events = negotiations_in(
        "Donald Trump and Vladimir Putin spoke by phone on Monday about the war in Ukraine, "
        "the Kremlin said.\n\n"
        "In that call, which lasted two hours, Trump and Putin agreed to hold a summit in "
        'Astana. But on Wednesday a White House official said there were "no plans for '
        'President Trump to meet President Putin" in the near future.',
        WEDNESDAY,
    )
    assert [e.format for e in events] == ["call"]


def test_a_faction_a_delegate_leads_in_parliament_is_no_gathering() -> None:
    events = negotiations_in(
        "Russian and Ukrainian negotiators met in Gomel on Wednesday for five hours.\n\n"
        "The Ukrainian team was made up of Defence Minister Oleksii Reznikov and Davyd "
        "Arakhamia, who leads the ruling party's faction in parliament.",
        WEDNESDAY,
    )
    assert len(events) == 1
    assert {"Oleksii Reznikov", "Davyd Arakhamia"} <= set(events[0].participants)


def test_going_home_for_consultations_is_no_contact() -> None:
    events = negotiations_in(
        "Russian and Ukrainian negotiators met in Gomel on Wednesday for five hours.\n\n"
        "Both delegations were returning to their capitals for consultations and would meet "
        "again in the coming days, an adviser said.",
        WEDNESDAY,
    )
    assert sorted(e.status for e in events) == ["held", "scheduled"]


def test_the_host_joining_the_two_at_the_table_takes_part() -> None:
    events = negotiations_in(
        "The foreign ministers of Russia and Ukraine sat down together in Antalya on Wednesday "
        "for the first time in months.\n\n"
        "Sergei Lavrov and Rustem Umerov were joined at the table by Turkish Foreign Minister "
        "Hakan Fidan, on the sidelines of a diplomacy forum.",
        WEDNESDAY,
    )
    assert len(events) == 1
    assert "TR" in events[0].parties
    assert {"Rustem Umerov", "Sergey Lavrov", "Hakan Fidan"} <= set(events[0].participants)


def test_whom_proposals_are_reported_to_is_not_at_the_talks() -> None:
    events = negotiations_in(
        "Russian and Ukrainian delegations met in Istanbul on Wednesday. Vladimir Medinsky "
        "said the talks had been constructive and that Kyiv's proposals would be reported to "
        "President Vladimir Putin.",
        WEDNESDAY,
    )
    assert len(events) == 1
    assert "Vladimir Putin" not in events[0].participants


def test_the_sides_of_talks_a_call_announces_are_not_on_the_call() -> None:
    events = negotiations_in(
        "Donald Trump said his phone conversation with Vladimir Putin on Wednesday had gone "
        "well and that Russia and Ukraine would soon start negotiations on a truce.",
        WEDNESDAY,
    )
    calls = [e for e in events if e.format == "call"]
    assert len(calls) == 1
    assert calls[0].parties == ["RU", "US"]


def test_a_head_whose_verb_is_not_repeated_is_a_member() -> None:
    events = negotiations_in(
        "Delegations of Russia and Ukraine spent two hours at a palace in Baku on Wednesday in "
        "their third meeting. Rustem Umerov headed the Ukrainian side, Igor Kostyukov the "
        "Russian one.",
        WEDNESDAY,
    )
    assert len(events) == 1
    assert {"Rustem Umerov", "Igor Kostyukov"} <= set(events[0].participants)


def test_a_contact_a_day_before_the_meeting_told_is_dated_from_it() -> None:
    events = negotiations_in(
        "US and Russian officials held talks in Oslo on Wednesday on a ceasefire in Ukraine. "
        "The meeting took place a day after Ukrainian and US officials conferred in the same "
        "city, where Ukraine's delegation was headed by Andriy Yermak.",
        WEDNESDAY,
    )
    by_parties = {tuple(e.parties): e for e in events}
    assert by_parties[("RU", "US")].occurred_on == dt.date(2026, 9, 16)
    assert by_parties[("UA", "US")].occurred_on == dt.date(2026, 9, 15)
    assert by_parties[("UA", "US")].venue == "Oslo"


def test_a_title_and_name_coordinated_after_a_surname_both_attend() -> None:
    events = negotiations_in(
        "US envoy Keith Kellogg held a meeting with the Ukrainian delegation in Ankara on "
        "Wednesday. Umerov and Ukrainian Foreign Minister Andrii Sybiha attended, alongside "
        "Hakan Fidan.",
        WEDNESDAY,
    )
    assert len(events) == 1
    assert {"Rustem Umerov", "Andrii Sybiha"} <= set(events[0].participants)


def test_a_trilateral_told_pair_by_pair_in_prose_is_one_contact() -> None:
    events = negotiations_in(
        "Russian and Ukrainian negotiators met in Ankara on Wednesday, with Turkish Foreign"
        " Minister Hakan Fidan chairing the session. Ukraine's team was led by Rustem Umerov.\n\n"
        "US envoy Keith Kellogg also sat down with the Ukrainian delegation in Ankara, where"
        " he joined the talks for the afternoon.",
        WEDNESDAY,
    )
    assert len(events) == 1


def test_the_talks_a_later_paragraph_speaks_after_are_the_ones_told() -> None:
    events = negotiations_in(
        "The talks between Russian President Vladimir Putin and U.S. President Donald Trump in"
        " Helsinki were held in a calm atmosphere, the Kremlin said.\n\n"
        "The meeting took place on Tuesday at the presidential palace. The negotiations lasted"
        " almost three hours.\n\n"
        "Putin praised the hosts.\n\n"
        "Yuri Ushakov told journalists after the talks that the conversation had been useful and"
        " that the delegations had discussed a settlement in Ukraine.",
        WEDNESDAY,
        title="Putin: talks with Trump in Helsinki were frank",
    )
    assert [(e.venue, e.occurred_on) for e in events] == [("Helsinki", dt.date(2026, 9, 15))]
