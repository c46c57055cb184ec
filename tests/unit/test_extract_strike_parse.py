"""The parse-based strike layer: counts attached to weapons and tolls through the grammar.

Every sentence here is invented for the test (towns and numbers unlike the labelled sets).
"""

from __future__ import annotations

import pytest

from tests.unit import extracted
from warwire.extract.figures import sentence_figures
from warwire.extract.quantities import read_sentence


def _parsed(sentence: str) -> dict[str, int]:
    return read_sentence(sentence).values()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # partitives: the part takes the verb's sense, the whole was launched
        (
            "Of the 87 drones the enemy launched, 64 were intercepted.",
            {"drones": 87, "drones_downed": 64},
        ),
        (
            "Air defence units destroyed 52 out of 58 drones over Uzhhorod.",
            {"drones": 58, "drones_downed": 52},
        ),
        (
            "The navy said it neutralised 33 of the 41 attack and decoy drones.",
            {"drones": 41, "drones_downed": 33},
        ),
        (
            "Gunners shot down 9 of 11 cruise missiles aimed at Vilnohirsk.",
            {"missiles": 11, "missiles_downed": 9},
        ),
        (
            "The enemy sent 66 drones at night, of which 59 were brought down.",
            {"drones": 66, "drones_downed": 59},
        ),
        # coordination: one verb governs every conjunct
        (
            "Some 212 drones and nine missiles were shot down by mobile fire groups.",
            {"drones_downed": 212, "missiles_downed": 9},
        ),
        (
            "Troops attacked Shostka with 44 Shahed drones and five missiles.",
            {"drones": 44, "missiles": 5},
        ),
        # per-type lists add up; a type designation names a missile on its own
        (
            "The bombers fired 6 Kh-555 and 8 Kalibr cruise missiles and two Iskander-M "
            "ballistic missiles.",
            {"missiles": 16},
        ),
        # counts written as words outside the number grammar
        ("Three dozen drones were launched against Bila Tserkva.", {"drones": 36}),
        # every one of them: launched and downed
        (
            "All 19 drones that the enemy sent towards Korosten were destroyed.",
            {"drones": 19, "drones_downed": 19},
        ),
    ],
)
def test_weapon_counts_attach_through_the_parse(sentence: str, expected: dict[str, int]) -> None:
    assert _parsed(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Four residents were killed and 17 injured in Pervomaisk.", {"killed": 4, "injured": 17}),
        ("The strike left 6 people dead and 21 wounded.", {"killed": 6, "injured": 21}),
        ("The death toll in Oleksandriia rose to 13, the governor said.", {"killed": 13}),
        (
            "Nine more people were hurt, bringing the number of wounded to 38.",
            {"injured": 38},
        ),
        (
            "The mayor put the toll at 11 dead and about 29 wounded.",
            {"killed": 11, "injured": 29},
        ),
        (
            "Five people were killed in Romny and 3 in Lebedyn, 8 in all.",
            {"killed": 8},
        ),
    ],
)
def test_tolls_attach_through_the_parse(sentence: str, expected: dict[str, int]) -> None:
    assert _parsed(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Air defences could not intercept the 4 ballistic missiles.",
        "Moscow could launch 700 drones in a single night, an analyst said.",
        "Russia is preparing to fire 30 missiles at the grid, intelligence warned.",
        "Seven soldiers were killed in the shelling.",
        "About 140 missiles and drones were fired at the region.",
    ],
)
def test_negated_hypothetical_soldier_and_mixed_counts_give_no_figure(sentence: str) -> None:
    reading = read_sentence(sentence)
    assert reading.values() == {}
    assert reading.blocked


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A 64-year-old man was killed in Kupiansk.", {"killed": 1}),
        ("A woman, 83, was injured when a drone hit her house in Izmail.", {"injured": 1}),
    ],
)
def test_an_age_is_not_a_toll(sentence: str, expected: dict[str, int]) -> None:
    values = sentence_figures(sentence).values
    assert values.get("killed") == expected.get("killed")
    assert values.get("injured") == expected.get("injured")


def test_the_parse_corrects_a_misread_surface_figure() -> None:
    # The surface pattern reads the whole of a partitive as the downed count.
    figures = sentence_figures("Of the 140 drones launched at Dnipro, 95 were shot down.")
    assert figures.values["drones"] == 140
    assert figures.values["drones_downed"] == 95


def test_sentences_without_a_weapon_or_toll_word_are_not_parsed() -> None:
    assert read_sentence("The talks in Ankara lasted 40 minutes.").values() == {}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the part of a partitive is never launched: the verb above the misparse governs
        (
            "Sixty-two of the 70 Shahed drones the enemy sent overnight were shot down.",
            {"drones": 70, "drones_downed": 62},
        ),
        # "all but N"
        (
            "Of the 48 drones launched at Vinnytsia, all but three were destroyed.",
            {"drones": 48, "drones_downed": 45},
        ),
        # the whole as a bare count after the noun
        (
            "Officials said 39 drones out of 41 were intercepted.",
            {"drones": 41, "drones_downed": 39},
        ),
        # an elided weapon noun: a participle gives the sense
        (
            "The army counted 58 missiles launched and 47 destroyed.",
            {"missiles": 58, "missiles_downed": 47},
        ),
        # a place list adds up ...
        (
            "The ministry said it intercepted 20 drones over the Oryol region, 12 over Tula "
            "and eight over Lipetsk.",
            {"drones_downed": 40},
        ),
        # ... a breakdown of a total by "of them" does not
        (
            "The ministry said it destroyed 150 drones, 60 of them over Tver and 30 over Pskov.",
            {"drones_downed": 150},
        ),
        # "of which" refers to the counted weapon even when the parse hangs it elsewhere
        (
            "The enemy fired 35 missiles at cities across the south, of which 29 were downed.",
            {"missiles": 35, "missiles_downed": 29},
        ),
    ],
)
def test_partitives_ellipsis_and_place_lists(sentence: str, expected: dict[str, int]) -> None:
    values = _parsed(sentence)
    for name, value in expected.items():
        assert values.get(name) == value, (name, values)


def test_received_injuries_is_an_injury_toll_and_an_address_is_not_an_age() -> None:
    assert _parsed("Eleven people died and more than 70 received injuries.") == {
        "killed": 11,
        "injured": 70,
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The governor said there were no casualties in Sarny.", {"killed": 0, "injured": 0}),
        (
            "No one was killed, but five people were injured in Bolhrad.",
            {"killed": 0, "injured": 5},
        ),
        ("Nobody was hurt when debris fell on a field near Fastiv.", {"injured": 0}),
    ],
)
def test_a_toll_of_none_is_zero(sentence: str, expected: dict[str, int]) -> None:
    assert _parsed(sentence) == expected


def _roles(sentence: str) -> dict[str, str | None]:
    from warwire.extract import gazetteer, nlp, places

    doc = nlp.parse(sentence)
    return {
        m.item.name: places.role(doc, m.start, m.end) for m in gazetteer.places().find(sentence)
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a capital in a locative phrase of an attack is the place, not its government
        (
            "Twelve drones were downed in the Kyiv, Chernihiv and Sumy regions.",
            {"Kyiv": "hit", "Chernihiv": "hit", "Sumy": "hit"},
        ),
        ("Kyiv, Odesa and Lutsk were among the cities hit.", {"Kyiv": "hit", "Lutsk": "hit"}),
        ("Kyiv mourns nine dead after the night raid", {"Kyiv": "hit"}),
        # a capital that speaks or wants is its government
        ("Moscow said the strike on Sumy targeted troops.", {"Moscow": "other", "Sumy": "hit"}),
        # a place that locates another
        (
            "A depot in Tambov, north-east of Moscow, caught fire after the drone attack.",
            {"Tambov": "hit", "Moscow": "other"},
        ),
        ("Drones hit the Afipsky refinery near Krasnodar.", {"Krasnodar": "other"}),
        # where the drones came from is not where they struck
        (
            "The drones flew from the Kursk region and were downed over Sumy.",
            {"Kursk": None, "Sumy": "hit"},
        ),
        # both ends of a range
        (
            "Power cuts were reported from Uzhhorod in the west to Kharkiv in the east.",
            {"Uzhhorod": "hit", "Kharkiv": "hit"},
        ),
        # the place of talks is not a target
        ("The drone attack came hours before talks in Istanbul.", {}),
    ],
)
def test_place_roles_from_the_parse(sentence: str, expected: dict[str, str | None]) -> None:
    roles = _roles(sentence)
    for name, role in expected.items():
        assert roles.get(name) == role, (name, roles)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Two women were killed in Bucha, three people died in Irpin and one more in "
            "the Zhytomyr region, officials said.",
            {"killed": 6},
        ),
        # a breakdown of one toll does not add up
        ("Seven people were killed in Izium, including two in a school.", {"killed": 7}),
        # "another N over ...": a weapon count whose noun is left out
        (
            "The ministry said it downed 22 drones over the Tver region and another 31 over "
            "four other regions.",
            {"drones_downed": 53},
        ),
    ],
)
def test_lists_of_tolls_by_place_and_elided_counts(sentence: str, expected: dict[str, int]) -> None:
    values = _parsed(sentence)
    for name, value in expected.items():
        assert values.get(name) == value, (name, values)


def test_a_toll_for_a_town_and_for_its_region_is_told_twice_not_added() -> None:
    from warwire.extract.strikes import _merge_nested_scopes

    assert _merge_nested_scopes({"Kovel": 9, "Volyn": 9}) == {"Volyn": 9}
    assert _merge_nested_scopes({"Lubny": 2, "Mukachevo": 3}) == {"Lubny": 2, "Mukachevo": 3}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a fronted partitive without "the"
        (
            "Of 94 drones launched overnight, 71 were shot down or jammed.",
            {"drones": 94, "drones_downed": 71},
        ),
        # "only N got through": the rest were stopped
        (
            "Of the 52 drones launched, only two evaded air defences.",
            {"drones": 52, "drones_downed": 50},
        ),
        # "N of them" refers to the weapon named earlier in the sentence
        (
            "Drones swarmed the border overnight and the army destroyed 44 of them.",
            {"drones_downed": 44},
        ),
        # a long place list adds up
        (
            "Air defences downed 14 drones over the Smolensk region, 9 over Pskov, seven "
            "over Tver and two over the Novgorod region.",
            {"drones_downed": 32},
        ),
        # a count spread over several regions is a total its breakdown does not add to
        (
            "The ministry said it downed 140 drones over eight regions, 35 around the capital.",
            {"drones_downed": 140},
        ),
        # "every one of them" is not a count of one
        ("Officials said every one of them was shot down over Oryol.", {}),
        # "of which N drones": the drones are the part, not the whole
        (
            "Radar tracked 420 targets, of which 390 drones and six missiles were shot down.",
            {"drones_downed": 390, "missiles_downed": 6},
        ),
    ],
)
def test_fronted_partitives_remainders_and_place_lists(
    sentence: str, expected: dict[str, int]
) -> None:
    values = _parsed(sentence)
    for name, value in expected.items():
        assert values.get(name) == value, (name, values)
    if not expected:
        assert not {k: v for k, v in values.items() if k != "killed"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # none of the whole was downed
        (
            "None of the four Kinzhal missiles fired at Starokostiantyniv was intercepted.",
            {"missiles": 4, "missiles_downed": 0},
        ),
        # a count on a typed weapon is not shared with a bare noun after it
        (
            "The enemy struck Izmail with two Iskander-M ballistic missiles and drones.",
            {"missiles": 2},
        ),
        # a list given as an apposition of "means", and one split over two objects
        (
            "The enemy attacked with 212 air attack means, namely: 6 Kinzhal missiles, 31 "
            "Kh-101 cruise missiles, one Kh-22 missile and 174 Shahed drones.",
            {"missiles": 38, "drones": 174},
        ),
        (
            "The raid involved 41 Kh-101 and Kalibr cruise missiles, four Kh-59 guided "
            "missiles and two S-400 missiles, the air force said.",
            {"missiles": 47},
        ),
    ],
)
def test_none_downed_typed_counts_and_type_lists(sentence: str, expected: dict[str, int]) -> None:
    values = _parsed(sentence)
    for name, value in expected.items():
        assert values.get(name) == value, (name, values)


@pytest.mark.parametrize(
    ("sentence", "done"),
    [
        ("Sumy was left without water after strikes on its pumping stations.", True),
        ("Konotop came under attack shortly after midnight.", True),
        ("Russia could strike Konotop again, the governor warned.", False),
        ("Officials fear that the enemy will attack the grid in winter.", False),
    ],
)
def test_an_attack_told_as_done_from_tense_negation_and_modality(sentence: str, done: bool) -> None:
    from warwire.extract import nlp, places

    assert places.reports_done(nlp.parse(sentence)) is done


def test_a_capital_that_strikes_is_the_attacker_not_the_target() -> None:
    assert _roles("Why Moscow hit Bila Tserkva")["Moscow"] == "other"


def test_the_alert_scale_counts_a_downed_figure_as_a_floor_for_the_launched_one() -> None:
    from tests.unit.test_rules import report, strike_incident
    from warwire.rules import StrikeScale

    incident = strike_incident(report(1, 7, drones_downed=163, missiles_downed=4))
    assert StrikeScale.of(incident) == StrikeScale(weapons=167, missiles=4, killed=0)


def test_a_day_named_for_the_aftermath_dates_the_attack_the_day_before() -> None:
    import datetime as dt

    from warwire.extract.dates import DateCue, When
    from warwire.extract.strikes import _days_after

    cue = DateCue(When.DATE, dt.date(2026, 3, 14), False)
    text = "Trains ran again in Korosten on Saturday, a day after the enemy fired 30 missiles."
    assert _days_after(text, cue).date == dt.date(2026, 3, 13)
    assert _days_after("Korosten was shelled on Saturday.", cue).date == dt.date(2026, 3, 14)
    rescue = "Rescuers in Korosten finished on Saturday, a day after a missile tore into a block."
    assert _days_after(rescue, cue).date == dt.date(2026, 3, 13)


def test_a_night_of_strikes_is_one_event_not_a_rate() -> None:
    from warwire.extract.strikes import _is_aggregate

    assert not _is_aggregate("Rivne mourns after a night of Russian drone and missile strikes.")
    assert not _is_aggregate("Lutsk declared a day of mourning for 9 people killed in the strike.")
    assert _is_aggregate("Russia now launches about 150 drones a night at Ukrainian cities.")


@pytest.mark.parametrize(
    "sentence",
    [
        "No casualties were immediately reported in Berdychiv.",
        "According to preliminary information, nobody was hurt in Dubno.",
        "There were no reports of casualties so far.",
    ],
)
def test_a_provisional_none_is_no_toll_yet(sentence: str) -> None:
    assert _parsed(sentence) == {}


_ONE_FACT = [
    (
        "Russia hits Chernivtsi",
        "Russia launched 143 drones and 9 missiles at Ukraine overnight, the air force said on "
        "Friday. Air defences shot down 121 of the drones and 7 of the missiles. In Chernivtsi, "
        "a 61-year-old man was killed and 4 people were injured.",
    ),
    (
        "Night attack on Chernivtsi",
        "Of the 143 drones Russia sent overnight, 121 were intercepted, the air force said on "
        "Friday; seven of nine missiles were also downed. One man died and four were hurt in "
        "Chernivtsi.",
    ),
    (
        "Chernivtsi struck",
        "Ukrainian air defences destroyed 121 out of 143 Russian drones and 7 out of 9 "
        "missiles overnight into Friday. Officials in Chernivtsi reported one person killed and "
        "four wounded.",
    ),
    (
        "Drones and missiles over western Ukraine",
        "The air force said on Friday that Russia had used nine missiles and 143 attack and "
        "decoy drones overnight, neutralising seven of the missiles and 121 of the drones. The "
        "attack killed one man in Chernivtsi and injured four others.",
    ),
    (
        "Chernivtsi: one dead",
        "A 61-year-old man was killed in Chernivtsi overnight when Russia attacked with drones "
        "and missiles. Four people were injured. Nationwide, 121 of 143 drones and seven of "
        "nine missiles were shot down, the air force said on Friday.",
    ),
    (
        "Overnight strikes",
        "Explosions rocked Chernivtsi overnight as Russia fired more than a hundred drones. The "
        "air force said on Friday that it counted 143 drones and 9 missiles, of which 121 drones "
        "and 7 missiles were shot down. One person was killed and four injured in the city, the "
        "mayor said.",
    ),
]


@pytest.mark.parametrize(("title", "body"), _ONE_FACT)
def test_six_wordings_of_one_fact_give_one_event(title: str, body: str) -> None:
    strikes = extracted.strikes(body, "2026-05-08T09:00:00+00:00", title)
    assert len(strikes) == 1
    event = strikes[0]
    got = (
        event.attacker,
        event.drones,
        event.missiles,
        event.drones_downed,
        event.missiles_downed,
        event.killed,
        event.injured,
        event.places,
    )
    assert got == ("RU", 143, 9, 121, 7, 1, 4, ["Chernivtsi"])


def test_a_bare_count_after_a_counted_weapon_counts_that_weapon() -> None:
    assert _parsed(
        "Four dozen drones flew at Kovel overnight; the army said 41 were shot down."
    ) == {
        "drones": 48,
        "drones_downed": 41,
    }


def test_a_range_is_not_the_origin_and_destination_of_a_flight() -> None:
    roles = _roles("Outages were reported from Mukachevo in the west to Okhtyrka in the east.")
    assert roles == {"Mukachevo": "hit", "Okhtyrka": "hit"}
    flight = _roles("Drones launched from Belgorod flew to Kupiansk.")
    assert flight.get("Belgorod") is None


def test_a_later_figure_that_updates_an_earlier_one_supersedes_it() -> None:
    body = (
        "A Russian missile struck a market in Kostiantynivka on Tuesday, killing 9 people and "
        "injuring 31, officials said. By evening the number of injured had been revised to "
        "26 after some were found to be counted twice."
    )
    [event] = extracted.strikes(body, "2026-05-12T16:00:00+00:00", "Missile hits market")
    assert event.killed == 9
    assert event.injured == 26


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a town the gazetteer lacks, located by the sentence in a listed region
        ("A Russian drone hit a depot in Horodok, in the Khmelnytskyi region.", ["Horodok"]),
        # listed with known towns of one country
        ("Drones attacked Lutsk, Kovel and Horokhiv overnight.", ["Lutsk", "Kovel", "Horokhiv"]),
        # a direction is not a town; a foreign capital with no location is not kept
        ("The enemy shifted its attacks to the Donbas and the South.", []),
        ("Explosions were heard in Damascus after the drone attack.", []),
    ],
)
def test_towns_missing_from_the_gazetteer(sentence: str, expected: list[str]) -> None:
    from warwire.extract.strikes import sentence_places

    names = [p.name for p in sentence_places(sentence)]
    for name in expected:
        assert name in names, names
    assert "South" not in names and "Damascus" not in names


@pytest.mark.parametrize(
    "sentence",
    [
        "Some 57 firefighters have been killed and 210 injured since the invasion began.",
        "The enemy launched 2,300 drones in the past week.",
        "Over the last three months, Russia has fired 480 missiles at the grid.",
        "In the past two days, 14 people were killed in Nikopol.",
    ],
)
def test_counts_over_a_span_of_time_are_not_one_attack(sentence: str) -> None:
    reading = read_sentence(sentence)
    assert reading.values() == {}
    assert reading.blocked


def test_one_day_is_not_a_span() -> None:
    assert _parsed("Air defences shot down 240 drones in the past day.") == {"drones_downed": 240}


def test_an_attack_noun_aimed_at_a_place_is_an_attack_sentence() -> None:
    from warwire.extract import nlp, places

    sentence = "He spoke of the evening and night attacks of Russian troops on Kherson."
    doc = nlp.parse(sentence)
    start = sentence.index("Kherson")
    assert places.attack_on(doc, [(start, start + len("Kherson"))])
    threat = "Officials spoke of the threat of new strikes on Kherson."
    doc = nlp.parse(threat)
    start = threat.index("Kherson")
    assert not places.attack_on(doc, [(start, start + len("Kherson"))])


def test_a_toll_given_for_the_region_of_the_town_hit_continues_that_strike() -> None:
    body = (
        "Russian missiles struck the centre of Kremenchuk on Tuesday, hitting a shopping "
        "centre. According to Poltava regional governor Dmytro Lunin, at least 8 people died "
        "and 40 were wounded."
    )
    strikes = extracted.strikes(body, "2026-05-12T18:00:00+00:00", "Missiles hit Kremenchuk")
    assert [(e.places, e.killed, e.injured) for e in strikes] == [(["Kremenchuk"], 8, 40)]


def test_this_mornings_attack_is_dated_today_not_by_the_mourning_day() -> None:
    import datetime as dt

    from warwire.extract.dates import DateCue, When
    from warwire.extract.strikes import strike_cue

    today = dt.date(2026, 6, 2)
    thursday = DateCue(When.DATE, dt.date(2026, 5, 28), False)
    text = "Izium will mourn on Thursday the 6 people killed in this morning's drone attack."
    assert strike_cue(text, thursday, today).date == today


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A woman and her grandson were killed in Pokrovsk.", {"killed": 2}),
        ("A man and a woman were wounded in Hlukhiv.", {"injured": 2}),
        ("Officials said 38 people had sought medical help after the strike.", {"injured": 38}),
    ],
)
def test_coordinated_victims_and_seeking_care(sentence: str, expected: dict[str, int]) -> None:
    assert _parsed(sentence) == expected


def test_a_pair_of_missiles_is_two() -> None:
    assert _parsed("A pair of ballistic missiles that hit Chuhuiv killed 6 people.") == {
        "missiles_hit": 2,
        "killed": 6,
    }
    assert _parsed("A pair of missiles could hit Chuhuiv, officials warned.") == {}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The air force said it intercepted or jammed 201 drones and 11 missiles out of 233 "
            "drones and 15 missiles launched.",
            {"drones_downed": 201, "missiles_downed": 11, "drones": 233, "missiles": 15},
        ),
        ("A total of 37 drones were shot down or suppressed.", {"drones_downed": 37}),
        # the first verb decides: lost, not downed
        ("Another 120 drones dropped off radar or were neutralised by jamming.", {}),
        (
            "The raid combined 64 drones with three cruise missiles.",
            {"drones": 64, "missiles": 3},
        ),
    ],
)
def test_alternative_verbs_totals_and_combined_raids(
    sentence: str, expected: dict[str, int]
) -> None:
    assert _parsed(sentence) == expected


def test_claimed_the_lives_of_is_a_death_toll() -> None:
    assert _parsed("The strike on Hlukhiv claimed the lives of 12 civilians.") == {"killed": 12}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The army said 16 missiles had been fired at Odesa, all of which were intercepted.",
            {"missiles": 16, "missiles_downed": 16},
        ),
        ("The ministry said it had repelled an attack by 54 Ukrainian drones.", {"drones": 54}),
        ("About 45 drones targeted the Rivne region overnight.", {"drones": 45}),
        ("The missiles, 9 in total, were all intercepted.", {"missiles_downed": 9}),
    ],
)
def test_all_of_which_attack_by_and_weapons_as_subjects(
    sentence: str, expected: dict[str, int]
) -> None:
    assert _parsed(sentence) == expected


def test_a_place_that_came_under_attack_tells_who_fired() -> None:
    body = (
        "Kovel came under attack overnight, the head of the city military administration "
        "said on Wednesday. A warehouse was hit and a fire broke out."
    )
    strikes = extracted.strikes(body, "2026-05-13T09:00:00+00:00", "Kovel under attack")
    assert [(e.attacker, e.target_country, e.places) for e in strikes] == [("RU", "UA", ["Kovel"])]


def test_an_attack_told_done_and_the_damage_in_the_next_sentence_is_a_strike() -> None:
    def strikes_in(body: str) -> list[list[str]]:
        return [
            e.places
            for e in extracted.strikes(
                body, "2026-05-13T12:00:00+00:00", "Grid operator reports damage"
            )
        ]

    told = (
        "Overnight, Russia carried out a heavy attack on the Ukrainian energy sector, the grid "
        "operator said on Wednesday. Substations in the Sumy and Poltava regions were damaged."
    )
    assert strikes_in(told) == [["Sumy", "Poltava"]]
    far = (
        "Overnight, Russia carried out a heavy attack on the Ukrainian energy sector, the grid "
        "operator said on Wednesday. Repairs will take weeks. Engineers said the lines were "
        "old. Tourists still visit the Sumy and Poltava regions, which were calm."
    )
    assert strikes_in(far) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "all but N of the M": the exception is the part, the rest took the verb's sense
        (
            "Officials said all but 5 of the 61 drones sent against Korosten had been downed.",
            {"drones": 61, "drones_downed": 56},
        ),
        # a partitive part coordinated with a counted weapon is one more item of the list
        (
            "All three Kh-31 missiles and 38 of the cruise missiles were brought down.",
            {"missiles_downed": 41},
        ),
        (
            "Gunners destroyed all four Kalibr missiles and 17 of the Kh-101 missiles.",
            {"missiles_downed": 21},
        ),
        # a breakdown tacked on a count shares the count's own verb: nothing was launched
        (
            "Moscow said it intercepted 143 drones in the night, 31 of them over the Tver region.",
            {"drones_downed": 143},
        ),
        # a whole that counts downed and lost together is not the downed figure
        (
            "Some 184 drones were neutralised, of which 102 were shot down and 82 were lost"
            " to jamming.",
            {"drones_downed": 102},
        ),
        (
            "Air defences neutralised 96 drones, of which 30 were lost to electronic warfare.",
            {"drones_downed": 66},
        ),
        # the set weapons are counted among gives their sense
        (
            "The general staff listed nine Kalibr missiles and four Kh-59s among the weapons"
            " fired at Izmail overnight.",
            {"missiles": 13},
        ),
        # "N more over other regions" adds to the count before it
        (
            "The ministry said it shot down 26 drones over the Kursk region, the largest wave"
            " there this month, and 19 more over other regions.",
            {"drones_downed": 45},
        ),
    ],
)
def test_parts_breakdowns_and_lists_across_clauses(sentence: str, expected: dict[str, int]) -> None:
    values = _parsed(sentence)
    for name, value in expected.items():
        assert values.get(name) == value, (name, values)
    assert set(values) <= set(expected) | {"drones", "missiles"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "A drone hit a van near Berezne, killing a 66-year-old man and injuring his"
            " 63-year-old wife.",
            {"killed": 1, "injured": 1},
        ),
        ("Her husband was killed when the missile struck Vasylkiv.", {"killed": 1}),
        ("A mother and her little daughter were injured in the strike.", {"injured": 2}),
    ],
)
def test_a_named_relative_is_one_victim_and_an_age_is_not_a_toll(
    sentence: str, expected: dict[str, int]
) -> None:
    assert _parsed(sentence) == expected


def test_a_toll_raised_to_a_count_after_a_long_object_is_the_toll() -> None:
    sentence = (
        "Crews recovered three more bodies in Smila on Friday, bringing the toll from"
        " Tuesday's Russian drone strike to 17."
    )
    assert _parsed(sentence)["killed"] == 17


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The enemy fired 40 drones and two cruise missiles, and while most of the drones"
            " were shot down, none of the missiles were.",
            {"drones": 40, "missiles": 2, "missiles_downed": 0},
        ),
        ("None of the missiles were in the air for long.", {}),
    ],
)
def test_none_with_its_verb_left_out_takes_the_verb_before_it(
    sentence: str, expected: dict[str, int]
) -> None:
    assert _parsed(sentence) == expected


def test_all_of_which_covers_every_weapon_of_the_list() -> None:
    [strike] = extracted.strikes(
        "The air force said Russia had launched 12 missiles and five drones at Ukraine overnight,"
        " all of which were destroyed over Kyiv.",
        "2023-05-16T08:00:00+00:00",
    )
    assert (strike.missiles_downed, strike.drones_downed) == (12, 5)
