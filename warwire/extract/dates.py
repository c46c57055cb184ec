"""Dates of events, resolved from what a sentence says against the article's Kyiv publication day.

A sentence yields one `DateCue`: a calendar day (from "July 8", "on Monday", "overnight",
"yesterday"...), a relative step back ("the night before"), a vague past ("last week", "in
February") that names no day, or nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from zoneinfo import ZoneInfo

from warwire.extract.keywords import DATES, has_any
from warwire.extract.patterns import Folded, matches_near, offsets

KYIV = ZoneInfo("Europe/Kyiv")

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip


def month_number(name: str) -> int:
    """The number of a month written in full or abbreviated ("March", "Sept" -> 3, 9)."""
    return _MONTHS[name[:3].lower()]


MONTH_WORDS = frozenset(
    {*_MONTHS, "sept", "january", "february", "march", "april", "june", "july", "august"}
    | {"september", "october", "november", "december"}
)
"""Month names and their abbreviations, lower-case."""
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
WEEKDAY_WORDS = frozenset(_WEEKDAYS)
"""Day names, lower-case."""
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_SPEECH = (
    r"(?:said|says|told(?:\s+(?!on\b)\w+){0,2}?|announced|reported|wrote|added|stated|confirmed|"
    r"claimed|posted|tweeted|declared|insisted|warned|argued|denied|noted|unveiled(?:\s+plans)?|"
    r"revealed|disclosed)"
)
_NIGHT = r"(?P<night>(?:the\s+)?night\s+(?:of|to|into)\s+(?:the\s+)?|overnight\s+(?:into|to|on)\s+)"
_ANY_MONTH = _MONTH.replace("?P<month>", "?:")
_MONTH_DAY = re.compile(
    rf"(?P<speech>\b{_SPEECH}\s+on\s+)?{_NIGHT}?(?P<last>\blast\s+)?\b{_MONTH}\.?\s+"
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:(?:\s*-\s*|\s+(?:to|into)\s+)(?P<day2>\d{1,2}))?(?![\d:])"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
)
_DAY_MONTH = re.compile(
    rf"(?P<speech>\b{_SPEECH}\s+on\s+)?{_NIGHT}?(?P<last>\blast\s+)?\b(?P<day>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?(?:(?:\s*-\s*|\s+(?:to|into)\s+)(?P<day2>\d{{1,2}}))?\s+(?:of\s+)?{_MONTH}\b"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
)
_WEEKDAY = re.compile(
    rf"(?P<speech>\b{_SPEECH}\s+(?:late\s+|early\s+)?(?:on\s+)?)?(?P<rel>\b(?:last|next|this|"
    r"coming|previous)\s+)?\b(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"\b(?!s\b)"
)
_TODAY = Folded(
    re.compile(
        r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|overnight|last\s+night|"
        r"during\s+the\s+night|in\s+the\s+early\s+hours|early\s+(?:on\s+)?(?:this|the)\s+morning|"
        r"on\s+the\s+night|in\s+the\s+night|at\s+night|earlier\s+today|later\s+today|"
        r"the\s+(?:night|nighttime|night-time|overnight)(?:\s+and\s+(?:early\s+)?morning)?\s+"
        r"(?:attacks?|strikes?|shelling|bombardment|raids?))\b",
        re.IGNORECASE,
    ),
    needs=("today", "night", "morning", "afternoon", "evening", "early"),
)
_YESTERDAY = Folded(re.compile(r"\byesterday\b", re.IGNORECASE))
_HOLIDAY = re.compile(
    r"\b(?P<before>(?:the\s+)?(?:day|night|evening)\s+before\s+)?(?P<name>Christmas\s+Eve|Christmas|"
    r"New\s+Year's\s+Eve|New\s+Year's\s+Day|New\s+Year's\s+night)\b"
    # a holiday that names a kind of thing ("a Christmas ceasefire", "his New Year's Eve
    # address") dates nothing
    r"(?!\s+(?:ceasefire|cease-fire|truce|message|address|speech|greetings?|tree|market|"
    r"holidays?|season|period|lights|card)\b)"
)
_HOLIDAYS = {
    "christmas eve": (12, 24), "christmas": (12, 25), "new year's eve": (12, 31),
    "new year's day": (1, 1), "new year's night": (1, 1),
}  # fmt: skip
_WEEKEND = Folded(re.compile(r"\b(?:over|at|during)\s+the\s+weekend\b", re.IGNORECASE))
_PREVIOUS = Folded(
    re.compile(
        r"\b(?:the\s+(?:previous|preceding)\s+(?:night|day|evening)|an?\s+(?:night|day)\s+"
        r"(?:earlier|before)|the\s+(?:night|day|evening)\s+before)\b",
        re.IGNORECASE,
    ),
    needs=("previous", "preceding", "earlier", "before"),
)
_YEAR_AGO = Folded(
    re.compile(
        r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+"
        r"(?:ago|earlier)\b",
        re.IGNORECASE,
    )
)
_YEARS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_YEARS_TO_MONTH = 24
"""Characters between "N years ago" and the month of the day it dates: ", on the morning of"."""
_A_YEAR_WRITTEN = re.compile(r"\b(?:19|20)\d\d\b")


def _years_back(text: str, lowered: str, near_month: bool = False) -> int | None:
    """N of "N years ago" / "N years earlier" in a sentence, if it says so; with `near_month`
    only where it dates a day named next to it ("Three years ago, on February 24"), not the
    start of a span ("since the war began three years ago")."""
    if "year" not in lowered or not ("ago" in lowered or "earlier" in lowered):
        return None
    match = _YEAR_AGO.search(text, lowered)
    if match is None:
        return None
    if _SINCE_BEFORE.search(text, lowered, max(0, match.start() - 60), match.start()):
        return None
    if near_month and (
        not any(
            match.end() <= at <= match.end() + _YEARS_TO_MONTH
            or match.start() - _YEARS_TO_MONTH <= at < match.start()
            for at in offsets(text, _MONTH_STARTS)
        )
    ):
        return None
    n = match.group("n").lower()
    return int(n) if n.isdigit() else _YEARS[n]


_VAGUE = re.compile(
    r"\b(?:last|previous|past)\s+(?:week|month|year|winter|spring|summer|autumn|fall|weekend)\b|"
    r"\bearlier\s+(?:this|in\s+the|last)\s+(?:week|month|year)\b|"
    r"\b(?:this|earlier\s+this)\s+(?:spring|summer|autumn|winter|year)\b|"
    r"\b(?:weeks|months|years|days)\s+(?:ago|earlier|before)\b|\b(?:in|since|during)\s+(?:19|20)\d\d\b|"
    r"\b(?:a|one)\s+(?:week|fortnight|month)\s+(?:ago|earlier|before)\b|"
    rf"\b(?:the|an?|last)\s+{_ANY_MONTH}\s+(?:strikes?|attacks?|barrage|raids?|bombardment|"
    r"shelling|bombing|assault)\b|"
    rf"\b(?:in|since|during|early|late|mid-?)\s+{_MONTH}\b(?!\s+\d)|"
    rf"\b(?:in|since|during|early|late|mid-?)\s+{_ANY_MONTH}\s+(?:19|20)\d\d\b|"
    r"\b(?:at|in)\s+the\s+(?:start|beginning|end)\s+of\s+the\s+(?:war|year|month|invasion)\b|"
    r"\bprevious\s+(?:rounds?|talks|meetings?)\b|\b(?:previous|former|earlier|old)\s+(?:one-night\s+)?"
    r"(?:record|high|peak)\b|\bthe\s+(?:first|previous|last|earlier)\s+"
    r"(?:round|rounds|meeting|session)\b|\bthe\s+(?:past|last)\s+(?:few\s+)?(?:weeks|months|years)\b",
)
_VAGUE_FLAGS = Folded(re.compile(_VAGUE.pattern, re.IGNORECASE))


class When(Enum):
    NONE = "none"
    DATE = "date"
    VAGUE = "vague"
    PREVIOUS = "previous"


@dataclass(frozen=True, slots=True)
class DateCue:
    when: When
    date: dt.date | None = None
    calendar: bool = False
    """True when the day was written out ("July 8"), not inferred from a relative word."""


NO_CUE = DateCue(When.NONE)


def kyiv_day(moment: dt.datetime) -> dt.date:
    """The Kyiv calendar day of an aware timestamp."""
    return moment.astimezone(KYIV).date()


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _with_year(
    month: int, day: int, year: str | None, last: bool, today: dt.date, hint: int | None = None
) -> dt.date | None:
    if year:
        return _safe_date(int(year), month, day)
    candidate = _safe_date(today.year, month, day)
    if candidate is not None and (
        candidate > today + dt.timedelta(days=60) or (last and candidate > today)
    ):
        candidate = _safe_date(today.year - 1, month, day)
    if (
        hint is not None
        and hint < today.year
        and candidate is not None
        and candidate < today - dt.timedelta(days=14)
    ):
        # A retrospective piece: "March 10" in a story told in 2022 is March 10, 2022.
        candidate = _safe_date(hint, month, day) or candidate
    return candidate


_YEAR_CONTEXT = re.compile(
    # The word boundary before the look-behinds: it fails at once inside words.
    rf"\b(?<!since\s)(?<!Since\s){_MONTH}\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?P<year>(?:19|20)\d\d)\b|"
    r"\b(?<![Ss]ince\s)(?:[Ii]n|[Oo]f|[Ee]arly|[Ll]ate|[Bb]y)\s+(?P<year2>(?:19|20)\d\d)\b"
)


class Cues:
    """The date cue of each sentence of an article, worked out only for the sentences asked
    about: most sentences never need one."""

    def __init__(self, texts: list[str], today: dt.date, years: list[int | None]) -> None:
        self._texts = texts
        self._today = today
        self._years = years
        self._found: dict[int, DateCue] = {}

    def __len__(self) -> int:
        return len(self._texts)

    def __getitem__(self, index: int) -> DateCue:
        found = self._found.get(index)
        if found is None:
            text = self._texts[index]
            if "day" in text:
                text = _CONTACT_WEEKDAY.sub(lambda m: " " * len(m.group(0)), text)
            found = find_date(text, self._today, year_hint=self._years[index])
            self._found[index] = found
        return found


_CONTACT_WEEKDAY = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?(?=\s+(?:(?:phone|"
    r"video|planned)\s+)?(?:call|calls|talks|meeting|summit|conversation|session)\b)"
)
"""The day of a contact named by its day ("as Trump sets Monday call with Putin"): the
sentence's cue is what else it tells (an attack), never that contact's day, which the
negotiation rules read on their own."""


_A_YEAR = re.compile(r"(?:19|20)\d\d")


def year_context(texts: list[str]) -> list[int | None]:
    """For each sentence, the latest year an earlier (or the same) sentence pinned a date to:
    retrospective articles tell whole stories inside one past year."""
    out: list[int | None] = []
    current: int | None = None
    for text in texts:
        if ("19" in text or "20" in text) and _A_YEAR.search(text):
            for match in _YEAR_CONTEXT.finditer(text):
                current = int(match.group("year") or match.group("year2"))
        out.append(current)
    return out


_MONTH_STARTS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""How every month name `_MONTH` accepts begins, as written (the pattern is case-sensitive)."""
_MONTH_DAY_WORDS = 10
"""Words a `_MONTH_DAY` match can begin before its month: "told (2 words) on" (4), "the night
of the" (4), "last" (1), and one to spare."""
_DAY_MONTH_WORDS = 14
"""The same for `_DAY_MONTH`, with "12 - 13 of" or "12 to 13 of" (4) between the opening words
and the month."""


def _calendar_date(text: str, today: dt.date, hint: int | None = None) -> dt.date | None:
    months = offsets(text, _MONTH_STARTS)
    if not months:
        return None
    for pattern, words_before in ((_MONTH_DAY, _MONTH_DAY_WORDS), (_DAY_MONTH, _DAY_MONTH_WORDS)):
        for match in matches_near(pattern, text, months, words_before):
            if match.group("speech"):
                continue
            night_range = match.group("night") and match.group("day2")
            day = int(match.group("day2") if night_range else match.group("day"))
            month = month_number(match.group("month"))
            found = _with_year(
                month, day, match.group("year"), bool(match.group("last")), today, hint
            )
            if found is not None:
                return found
    return None


def weekday_date(weekday: int, today: dt.date, future: bool, relative: str = "") -> dt.date:
    """The `weekday` a sentence means: the latest one up to `today`, or when `future` the next
    one from `today`; "last" excludes today, "next" excludes today."""
    if relative == "last" or relative == "previous":
        return today - dt.timedelta(days=(today.weekday() - weekday - 1) % 7 + 1)
    if relative in ("next", "coming") or future:
        step = (weekday - today.weekday()) % 7
        if relative in ("next", "coming") and step == 0:
            step = 7
        return today + dt.timedelta(days=step)
    return today - dt.timedelta(days=(today.weekday() - weekday) % 7)


@lru_cache(maxsize=1024)
def find_date(
    text: str, today: dt.date, future: bool = False, year_hint: int | None = None
) -> DateCue:
    """The date a sentence places its event on, if it says (the same text is often asked
    about more than once: the answers are remembered)."""
    lowered = text.lower()
    if not has_any(lowered, DATES):
        return NO_CUE
    if "since" in lowered:
        text = _without_ranking_since(text, lowered)
        lowered = text.lower()
    if "toll" in lowered:
        text = _TOLL_UPDATE_DAY.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
        lowered = text.lower()
    span_end = _night_span_end(text, lowered, today, year_hint)
    if span_end is not None:
        return span_end
    calendar = _calendar_date(text, today, year_hint) if _HAS_DIGIT.search(text) else None
    if calendar is not None:
        back = _years_back(text, lowered, near_month=True)
        if back and not _A_YEAR_WRITTEN.search(text):
            # "Three years ago, on February 24, ...": the day in the year it names
            calendar = _safe_date(today.year - back, calendar.month, calendar.day) or calendar
        return DateCue(When.DATE, calendar, calendar=True)
    holiday = _HOLIDAY.search(text) if "christmas" in lowered or "new year" in lowered else None
    if holiday is not None:
        month, day = _HOLIDAYS[" ".join(holiday.group("name").lower().split())]
        found = _with_year(month, day, None, False, today)
        if found is not None and holiday.group("before"):
            found -= dt.timedelta(days=1)
        if found is not None:
            return DateCue(When.DATE, found, calendar=True)
    days = offsets(text, _WEEKDAY_NAMES) if "day" in lowered else []
    if days:
        for match in matches_near(_WEEKDAY, text, days, _WEEKDAY_WORDS):
            if match.group("speech") or _CLOCK_BEFORE.search(text, 0, match.start()):
                continue  # a statement's day, or a clock time converted ("2300 GMT on Monday")
            relative = (match.group("rel") or "").strip().lower()
            weekday = _WEEKDAYS[match.group("day").lower()]
            ended = _NIGHT_TO_DAY.match(text, match.end())
            if ended is not None and text[: match.start()].rstrip().endswith(
                ("night of", "night from", "night")
            ):
                # "the night of Tuesday to Wednesday": the morning it ended
                weekday = _WEEKDAYS[ended.group("day").lower()]
            return DateCue(When.DATE, weekday_date(weekday, today, future, relative))
    back = _years_back(text, lowered)
    if back:
        return DateCue(When.DATE, _safe_date(today.year - back, today.month, min(today.day, 28)))
    if _PREVIOUS.search(text, lowered):
        return DateCue(When.PREVIOUS)
    if "yesterday" in lowered:
        return DateCue(When.DATE, today - dt.timedelta(days=1))
    if "tomorrow" in lowered and _TOMORROW.search(text, lowered):
        after = 2 if "after tomorrow" in lowered else 1
        return DateCue(When.DATE, today + dt.timedelta(days=after))
    if "weekend" in lowered and _WEEKEND.search(text, lowered):
        return DateCue(
            When.DATE,
            weekday_date(6, today, future=False, relative="" if today.weekday() == 6 else "last"),
        )
    for match in _VAGUE_FLAGS.finditer(text, lowered):
        if _SINCE_BEFORE.search(text, lowered, max(0, match.start() - 60), match.start()):
            continue
        # (a ranking's "since ..." was blanked up front by `_without_ranking_since`)
        if lowered.startswith("this ", match.start()) and _RANKED_BEFORE.search(
            text, lowered, max(0, match.start() - 80), match.start()
        ):
            continue
        return DateCue(When.VAGUE)
    if _TODAY.search(text, lowered):
        return DateCue(When.DATE, today)
    return NO_CUE


_SPAN = Folded(
    re.compile(
        r"\b(?:between|from)\s+(?P<first>[^;]{1,60}?)\s+(?:and|to|until|till|through)\s+"
        r"(?P<second>[^;]{1,60})",
        re.IGNORECASE,
    ),
    needs=("between", "from"),
)
"""A span with two ends: "between 8 p.m. on October 22 and 7 a.m. on October 23"."""
_ONE_DAY = dt.timedelta(days=1)
_TIME_OF_DAY = re.compile(
    r"\b\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\b|\b\d{1,2}:\d\d\b|"
    r"\b(?:evening|night|late|dawn|morning|midnight|noon)\b",
    re.IGNORECASE,
)
"""A clock time or a part of the day at one end of a span: what makes it a night."""


def _night_span_end(text: str, lowered: str, today: dt.date, hint: int | None) -> DateCue | None:
    """The morning a span ended when its two ends fall on consecutive days ("between 8 p.m.
    on Sunday and 7 a.m. on Monday", "from 20:00 on October 22 to 07:00 on October 23"): a
    night, dated the morning it ended."""
    for match in _SPAN.finditer(text, lowered):
        head = text[match.start("first") : match.end("first")]
        tail = text[match.start("second") : match.end("second")]
        if not (_TIME_OF_DAY.search(head) or _TIME_OF_DAY.search(tail)):
            continue  # "from Monday to Tuesday": two days, not one night
        first = _span_day(head, today, hint)
        second = _span_day(tail, today, hint)
        if first is not None and second is not None and second[0] - first[0] == _ONE_DAY:
            return DateCue(When.DATE, second[0], calendar=second[1])
    return None


_DAY_SPAN = Folded(
    re.compile(
        rf"\b(?:between|from)\s+(?:(?P<month1>{_ANY_MONTH}\.?)\s+)?(?P<first>\d{{1,2}})"
        rf"(?:st|nd|rd|th)?(?:\s+(?:of\s+)?(?P<month2>{_ANY_MONTH}\.?))?\s+"
        rf"(?:and|to|until|till|through|-)\s+(?:(?P<month3>{_ANY_MONTH}\.?)\s+)?"
        rf"(?P<second>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?(?P<month4>{_ANY_MONTH})\b)?"
        r"\b(?!\s*(?::|[ap]\.?m\b|%|percent))",
        re.IGNORECASE,
    ),
    needs=("between", "from"),
)
"""Two days of a month as the ends of a span: "between October 18 and 24", "from 3 May to 9
May", "between 4 and 10 November" (with no month at all, two numbers are no dates)."""


def spans_several_days(text: str, lowered: str) -> bool:
    """Whether the sentence names a span of several days ("between October 18 and 24"); a
    span of one night ("from May 15 to 16", "from May 31 to June 1") is not one."""
    for match in _DAY_SPAN.finditer(text, lowered):
        if not any(match.group(f"month{n}") for n in range(1, 5)):
            continue  # two bare numbers: no dates
        first, second = int(match.group("first")), int(match.group("second"))
        if not (1 <= first <= 31 and 1 <= second <= 31):
            continue
        next_month = match.group("month3") is not None and match.group("month1") is not None
        days = (second + 31 - first) if next_month and second < first else second - first
        if days > 1:
            return True
    return False


def _span_day(part: str, today: dt.date, hint: int | None) -> tuple[dt.date, bool] | None:
    """The day one end of a span names, a calendar day (True) or a weekday (False)."""
    if _HAS_DIGIT.search(part) and (found := _calendar_date(part, today, hint)) is not None:
        return found, True
    match = _WEEKDAY.search(part)
    if match is None or match.group("speech"):
        return None
    relative = (match.group("rel") or "").strip().lower()
    return weekday_date(_WEEKDAYS[match.group("day").lower()], today, False, relative), False


_THE_NIGHT = Folded(
    re.compile(r"\b(?:during|in|through|throughout)\s+the\s+night\b", re.IGNORECASE),
    needs=("night",),
)


def anaphoric_night(text: str, cue: DateCue, today: dt.date) -> bool:
    """Whether the only time words of a sentence are "during the night" (also "in", "through"
    the night): a definite noun that points back to the night of the day the story has just
    named ("Friday's attack on X ... shot down 40 drones during the night"), unlike the deictic
    "overnight" or "last night", which count from the day of the report."""
    if cue.when is not When.DATE or cue.calendar or cue.date != today:
        return False
    lowered = text.lower()
    if "the night" not in lowered or _THE_NIGHT.search(text, lowered) is None:
        return False
    rest = _THE_NIGHT.sub_spaces(text, lowered)
    return find_date(rest, today).when is When.NONE


_HAS_DIGIT = re.compile(r"\d")
_TOMORROW = Folded(re.compile(r"\btomorrow\b", re.IGNORECASE), needs=("tomorrow",))
_SINCE_BEFORE = Folded(
    re.compile(r"\bsince\b(?:\s+[\w'-]+){0,8}\s*$", re.IGNORECASE), needs=("since",)
)
_CLOCK_BEFORE = re.compile(r"\b(?:GMT|UTC)\s+(?:on\s+)?$")
_RANKED_BEFORE = Folded(
    re.compile(
        r"\b(?:the|its|their)\s+(?:\w+iest|largest|biggest|worst|strongest|longest|highest|"
        r"greatest|fiercest|most\s+[\w-]+|first|latest|second|third)\b(?:\s+[\w'-]+){0,8}\s*$",
        re.IGNORECASE,
    ),
    needs=("the", "its", "their"),
)
"""A superlative or an ordinal before the current period ("one of the heaviest attacks on the
capital this autumn", "the largest strike this year", "the third such attack this month", "the
biggest air attack since February 2022"): the period is the field the event is ranked in, not
the day it happened ("the deadliest strike came in June 2023" is dated by its period)."""
_SINCE_PHRASE = re.compile(r"\bsince\b[^,;.]{0,60}", re.IGNORECASE)


_TOLL_UPDATE_DAY = re.compile(
    r"(\btoll\b[^.;:]{0,30}?\b(?:to|at)\s+(?:at\s+least\s+|more\s+than\s+|over\s+)?"
    r"[\d,]+(?:\s+people)?)(\s+(?:on|by)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)\b)",
    re.IGNORECASE,
)
"""The day a toll was raised ("raising the death toll to 30 on Sunday"): the count's day,
not the attack's."""


def _without_ranking_since(text: str, lowered: str) -> str:
    """The text without the "since ..." of a ranking ("the heaviest attack since the
    Christmas Day barrage last December"): the day it names is the field of the ranking."""
    for match in reversed(list(_SINCE_PHRASE.finditer(text))):
        if _RANKED_BEFORE.search(text, lowered, max(0, match.start() - 80), match.start()):
            text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    return text


_NIGHT_TO_DAY = re.compile(
    r"\s*(?:-|to|into)\s*(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
"""The second day of "the night of Tuesday to Wednesday", after the first."""
_WEEKDAY_NAMES = tuple(day.capitalize() for day in _WEEKDAYS)
"""The day names `_WEEKDAY` looks for, as written (the pattern is case-sensitive)."""
_WEEKDAY_WORDS = 7
"""Words a `_WEEKDAY` match can begin before its day: "told (2 words)" (3), "late", "on",
"last" (3), and one to spare."""
