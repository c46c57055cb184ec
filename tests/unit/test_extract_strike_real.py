"""Strikes as real reporting tells them: without a count or weapon word, referred to in an
adjunct, dated by a time-of-day noun. Sentences are written for these tests (other towns,
numbers and wordings than any dev article)."""

from __future__ import annotations

import pytest

from tests.unit.test_extract import strikes

MORNING = "2026-03-10T07:00:00Z"


@pytest.mark.parametrize(
    "body",
    [
        "Referring to the night attacks of Russian troops on Chernihiv and other towns, the"
        " governor said the shelters must stay open.",
        "Commenting on the overnight strikes on Rivne, the mayor said the city would rebuild.",
        "Speaking about the night and morning attacks of the enemy on Poltava, the minister"
        " said air defence should be strengthened.",
    ],
)
def test_an_attack_presupposed_in_a_participial_adjunct_is_told_as_done(body: str) -> None:
    found = strikes(body, MORNING)
    assert len(found) == 1
    assert found[0].attacker == "RU"
    assert found[0].places
    assert found[0].occurred_on is not None


@pytest.mark.parametrize(
    "body",
    [
        "Referring to the threat of strikes on Odesa, he said Russia could attack again.",
        "Commenting on possible attacks on Kharkiv, the governor said shelters would stay open.",
        "Russia could launch new attacks on Chernihiv, the minister warned.",
        "Referring to attacks on Sumy, he said the air force would need more jets.",
    ],
)
def test_a_hedged_or_indefinite_attack_in_an_adjunct_stays_hedged(body: str) -> None:
    assert strikes(body, MORNING) == []


@pytest.mark.parametrize(
    ("body", "injured"),
    [
        (
            "Authorities in Ukraine's Chernihiv oblast reported three injuries from 38 attacks by"
            " Russian forces on Monday.",
            3,
        ),
        ("Officials in the Kherson region said 2 people were injured in attacks by Russian"
         " troops on Saturday.", 2),
    ],
)  # fmt: skip
def test_attacks_by_forces_that_hurt_people_are_shelling_of_a_place(
    body: str, injured: int
) -> None:
    found = strikes(body, "2026-03-09T15:00:00Z")
    assert len(found) == 1
    assert (found[0].attacker, found[0].injured) == ("RU", injured)


@pytest.mark.parametrize(
    "body",
    [
        "Ukrainian troops repelled 14 attacks by Russian forces near Pokrovsk on Monday.",
        "Attacks by Russian forces near Kupiansk were repelled on Sunday, the General Staff said.",
        "Two soldiers were killed in attacks by Russian forces near Kupiansk on Sunday.",
        "Since January, attacks by Russian forces on the Kharkiv region have injured 400 people.",
        "There were 120 attacks by Russian forces along the front line over the past day.",
    ],
)
def test_ground_assaults_and_aggregates_of_attacks_by_forces_are_no_strike(body: str) -> None:
    assert strikes(body, MORNING) == []


def test_a_toll_after_a_tally_of_other_events_is_not_the_earlier_attacks() -> None:
    first = "A Russian missile hit a warehouse in Kremenchuk on Sunday, injuring five people."
    tally = (
        "41 explosions were recorded in the border villages during the day, the regional"
        " administration said. As a result, two people died."
    )
    found = strikes(f"{first}\n\n{tally}", MORNING)
    assert [(e.places, e.injured, e.killed) for e in found] == [(["Kremenchuk"], 5, None)]
    same = "The missile started a fire at the depot. As a result, two people died."
    found = strikes(f"{first}\n\n{same}", MORNING)
    assert [(e.places, e.injured, e.killed) for e in found] == [(["Kremenchuk"], 5, 2)]


@pytest.mark.parametrize(
    ("body", "published", "day"),
    [
        ("Chernihiv came under a massive missile attack, the mayor said.", "2026-03-10T09:00:00Z",
         "2026-03-10"),
        ("Russian drones slammed into a power substation in Sumy, the governor said.",
         "2026-03-10T13:00:00Z", "2026-03-10"),
    ],
)  # fmt: skip
def test_an_undated_attack_told_plainly_in_the_lead_is_the_days_news(
    body: str, published: str, day: str
) -> None:
    found = strikes(body, published)
    assert [str(e.occurred_on) for e in found] == [day]


def test_an_undated_hit_deep_in_a_piece_or_hedged_in_the_lead_is_not_reported() -> None:
    filler = "\n\n".join(f"The parliament debated the budget for the {n} time." for n in "abcd")
    deep = "Russian drones slammed into a power substation in Sumy, the governor said."
    assert strikes(f"{filler}\n\n{deep}", MORNING) == []
    hedged = "Russian drones could slam into substations in Sumy, the governor warned."
    assert strikes(hedged, MORNING) == []


@pytest.mark.parametrize(
    ("body", "killed"),
    [
        ("Russian shelling killed a woman, 64, and her 40-year-old son in Nikopol on Monday.", 2),
        ("A drone killed a man, 51, in Kherson on Monday.", 1),
    ],
)
def test_victims_with_ages_are_counted_one_each_and_the_age_is_no_toll(
    body: str, killed: int
) -> None:
    assert [e.killed for e in strikes(body, MORNING)] == [killed]


@pytest.mark.parametrize(
    "body",
    [
        "He cited Tuesday's shelling by pro-Russian forces of a kindergarten in Avdiivka.",
        "The governor condemned Tuesday's missile attack on a hospital in Zhytomyr.",
    ],
)
def test_an_attack_dated_by_a_possessive_is_told_as_done(body: str) -> None:
    found = strikes(body, MORNING)  # a Tuesday
    assert [(e.attacker, str(e.occurred_on)) for e in found] == [("RU", "2026-03-10")]


@pytest.mark.parametrize(
    "body",
    [
        "He said Tuesday's strike on Kupiansk could be repeated.",
        "He warned that Tuesday's attack on Odesa would not be the last.",
    ],
)
def test_a_possessive_attack_under_a_hedge_stays_hedged(body: str) -> None:
    assert strikes(body, MORNING) == []


@pytest.mark.parametrize(
    ("body", "injured", "place"),
    [
        ("Two people were wounded when Russian forces fired at Nikopol on Tuesday.", 2, "Nikopol"),
        (
            "Russian forces fired on Marhanets overnight, wounding a 60-year-old man.",
            1,
            "Marhanets",
        ),
    ],
)
def test_forces_firing_at_a_town_is_an_attack(body: str, injured: int, place: str) -> None:
    found = strikes(body, MORNING)
    assert [(e.attacker, e.injured, e.places) for e in found] == [("RU", injured, [place])]


@pytest.mark.parametrize(
    "body",
    [
        "Russian troops fired on Ukrainian positions near Pokrovsk on Tuesday.",
        "The Russian commander in Kherson was fired on Tuesday after the retreat.",
        "Police fired on protesters in Moscow on Tuesday.",
    ],
)
def test_firing_on_positions_or_being_dismissed_is_no_strike(body: str) -> None:
    assert strikes(body, MORNING) == []


@pytest.mark.parametrize(
    ("body", "field", "value"),
    [
        ("At first officials said six people were hurt in the strike on Fastiv on Tuesday;"
         " the figure was later revised to four.", "injured", 4),
        ("Eleven people were killed in the attack on Izmail on Tuesday; the toll was later"
         " raised to 14.", "killed", 14),
    ],
)  # fmt: skip
def test_a_figure_revised_in_the_same_sentence_supersedes_the_first(
    body: str, field: str, value: int
) -> None:
    found = strikes(body, MORNING)
    assert [getattr(e, field) for e in found] == [value]


def test_weapons_destroyed_by_a_strike_are_its_targets_not_a_downed_count() -> None:
    body = (
        "Russia launched 120 drones at Ukraine overnight, of which 95 were shot down, Ukraine's"
        " air force said. Moscow claimed its strikes destroyed 30 Ukrainian drones and hit"
        " energy facilities."
    )
    found = strikes(body, MORNING)
    assert [(e.attacker, e.drones, e.drones_downed) for e in found] == [("RU", 120, 95)]
    downed = (
        "Russia's air defences destroyed 30 Ukrainian drones over the Belgorod region overnight."
    )
    assert [(e.attacker, e.drones_downed) for e in strikes(downed, MORNING)] == [("UA", 30)]


def test_a_regions_tally_of_a_days_explosions_is_its_shelling() -> None:
    body = (
        "43 explosions were recorded in the Chernihiv region on Tuesday, the regional military"
        " administration said. As a result, one person was killed."
    )
    found = strikes(body, MORNING)
    assert [(e.attacker, e.killed, e.places) for e in found] == [("RU", 1, ["Chernihiv"])]
    assert strikes("Explosions were heard in Kharkiv on Tuesday.", MORNING) == []
    weekly = "Over the past week 400 explosions were recorded in the Sumy region."
    assert strikes(weekly, MORNING) == []


def test_a_pattern_of_attacks_told_in_the_lead_is_not_the_days_news() -> None:
    body = (
        "The governor of the Odesa region said Russia has started using repeat strikes on"
        " rescuers day and night."
    )
    assert strikes(body, MORNING) == []


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("Blasts rocked Chernihiv overnight as Russia attacked the city, the mayor said.",
         "Chernihiv"),
        ("Explosions shook Rivne overnight, officials said, blaming a Russian missile attack.",
         "Rivne"),
        ("Russian forces attacked Kupiansk again on Monday, the regional governor said.",
         "Kupiansk"),
    ],
)  # fmt: skip
def test_an_attack_told_by_its_blasts_or_by_who_attacked_a_place_is_a_strike(
    body: str, place: str
) -> None:
    [event] = strikes(body, MORNING)
    assert (event.attacker, event.places) == ("RU", [place])
    assert event.occurred_on is not None


@pytest.mark.parametrize(
    "body",
    [
        "Russia attacked Ukraine in February 2022, and the war has not stopped since.",
        "The resignation rocked Kyiv's political class on Monday, analysts said.",
        "Critics attacked Odesa's mayor over the budget on Monday.",
    ],
)
def test_an_invasion_recalled_or_a_figurative_blow_is_no_strike(body: str) -> None:
    assert strikes(body, MORNING) == []
