"""Negotiation events: talks, calls and summits between the sides or with a mediator."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from warwire.extract import gazetteer
from warwire.extract.dates import find_date, When
from warwire.extract.text import Sentence

_F = re.IGNORECASE
_CALL = re.compile(
    r"\b(?:phone|telephone|phoned)\b|\bcalls?\b(?!\s+(?:for|on|it|him|her|them))|"
    r"\b(?:spoke|speak|speaking|talk|talked|talking)\s+(?:by\s+(?:tele)?phone|with|to)\b|"
    r"\bconversation\b",
    _F,
)
_VIDEO = re.compile(
    r"\bvideo\s*(?:link|conference|call|format)|\bvideoconference|\bvirtual(?:ly)?\s+(?:summit|"
    r"meeting|talks)|\bonline\s+(?:meeting|talks)",
    _F,
)
_MEET = re.compile(
    r"\b(?:talks|negotiations?|negotiat(?:e|ed|ing|ors?)|summit|meeting|meet(?:s)?|met|round|"
    r"delegations?|sat\s+down|sessions?|mediat\w+|face-to-face)\b",
    _F,
)
_IN_PERSON = re.compile(
    r"\b(?:met|meet|meets|meeting|delegations?|summit|sat\s+down|round|face-to-face|visit\w*|"
    r"host\w*|venue|table|in\s+person|travel\w*|arriv\w*)\b",
    _F,
)
_EXCLUDE = re.compile(
    r"\bcoalition\s+of\s+the\s+willing\b|\b(?:EU|NATO|G7|G20|European\s+Council)\s+summit\b|"
    r"\bRecovery\s+Conference\b|\breconstruction\b|\bRamstein\b|\bContact\s+Group\b|"
    r"\bSecurity\s+Council\b|\b(?:news|press)\s+conference\b|\bcabinet\s+meeting\b|"
    r"\bsecurity\s+meeting\b|\bStaff\s+meeting\b|\bconference\s+call\b|\bbriefing\b|"
    r"\bsanctions\b|\bEastern\s+Economic\s+Forum\b|\bsidelines\b",
    _F,
)
_SCHEDULED = re.compile(
    r"\b(?:will|would|shall|is\s+to|are\s+to|was\s+to|were\s+to|due\s+to|expected|planned|plans?|"
    r"scheduled|set\s+to|to\s+be\s+held|next|upcoming|propos\w+|preparing|prepares|prepared|"
    r"ahead\s+of|invit\w+|ready\s+to|waiting|await\w*|intends?|hopes?\s+to|coming\s+days|"
    r"later\s+(?:on|this|today)|to\s+speak|to\s+meet|to\s+hold|to\s+discuss)\b",
    _F,
)
_HELD = re.compile(
    r"\b(?:met|held|ended|took\s+place|spoke|talked|discussed|began|opened|sat\s+down|concluded|"
    r"lasted|produced|yielded|broke\s+up|wrapped\s+up|under\s+way|underway|resumed|hosted|"
    r"chaired|agreed|started|after\s+(?:a|the|his|their)\s+(?:call|meeting|talks)|during\s+(?:a|the)|"
    r"following\s+(?:a|the)|was\s+represented|consists|went\s+ahead|headed|led)\b",
    _F,
)
_SPEECH_AFTER = re.compile(
    r"^(?:,[^,]{0,60},)?\s+(?:said|says|told|added|wrote|described|urged|accused|called|insisted|"
    r"warned|noted|stressed)\b",
    _F,
)
_SPEECH_BEFORE = re.compile(r"\b(?:said|according\s+to|says)\s+$", _F)
_VENUE_BEFORE = re.compile(
    r"\b(?:in|at|to|near)\s+(?:the\s+)?(?:[\w\-']+\s+city\s+of\s+|[\w']+\s+region\s+of\s+)?$", _F
)
_VENUE_AFTER = re.compile(r"^(?:'s)?\s+(?:talks|summit|meeting|round|negotiations|format)\b", _F)
_SIDES_RU = frozenset({"RU"})


@dataclass(slots=True)
class Mention:
    index: int
    text: str
    fmt: str | None
    venue: str | None
    venue_country: str | None
    date: dt.date | None
    vague: bool
    status: str | None
    participants: list[gazetteer.Official]
    parties: set[str]


@dataclass(slots=True)
class NegotiationDraft:
    mentions: list[Mention] = field(default_factory=list)

    @property
    def venue(self) -> str | None:
        return next((m.venue for m in self.mentions if m.venue), None)

    @property
    def date(self) -> dt.date | None:
        return next((m.date for m in self.mentions if m.date), None)

    @property
    def fmt(self) -> str | None:
        formats = [m.fmt for m in self.mentions if m.fmt]
        if "call" in formats:
            return "call"
        if "video" in formats:
            return "video"
        if formats or self.venue:
            return "in_person"
        return None

    @property
    def vague(self) -> bool:
        return any(m.vague for m in self.mentions) and self.date is None

    def participants(self) -> list[gazetteer.Official]:
        seen: dict[str, gazetteer.Official] = {}
        for mention in self.mentions:
            for official in mention.participants:
                seen.setdefault(official.name, official)
        return list(seen.values())

    def parties(self) -> list[str]:
        codes: set[str] = set()
        for mention in self.mentions:
            codes |= mention.parties
        codes |= {o.country for o in self.participants()}
        return sorted(codes)

    def status(self, today: dt.date) -> str:
        date = self.date
        if date is not None and date > today:
            return "scheduled"
        if date is not None and date < today:
            return "held"
        return next((m.status for m in self.mentions if m.status), "held")


def _venue(text: str) -> tuple[str | None, str | None]:
    for mention in gazetteer.places().find(text):
        before = text[max(0, mention.start - 40) : mention.start]
        after = text[mention.end : mention.end + 20]
        if _VENUE_BEFORE.search(before) or _VENUE_AFTER.match(after):
            return mention.item.name, mention.item.country
    return None, None


def _participants(text: str) -> list[gazetteer.Official]:
    found: list[gazetteer.Official] = []
    for mention in gazetteer.officials().find(text):
        official = mention.item
        if official.role == "spokesperson" or official in found:
            continue
        if _SPEECH_AFTER.match(text[mention.end : mention.end + 90]):
            continue
        if _SPEECH_BEFORE.search(text[max(0, mention.start - 20) : mention.start]):
            continue
        found.append(official)
    return found


def _parties(text: str, venue_country: str | None, participants: list[gazetteer.Official]) -> set[str]:
    codes = {m.item.code for m in gazetteer.countries().find(text)}
    if venue_country in codes and venue_country not in {o.country for o in participants}:
        codes.discard(venue_country)
    return codes


def _status(text: str) -> str | None:
    if _SCHEDULED.search(text):
        return "scheduled"
    if _HELD.search(text):
        return "held"
    return None


def _format(text: str, venue: str | None) -> str | None:
    if _VIDEO.search(text):
        return "video"
    if _CALL.search(text):
        return "call"
    if venue or _IN_PERSON.search(text):
        return "in_person"
    return None


def _mention(sentence: Sentence, today: dt.date) -> Mention | None:
    text = sentence.text
    if _EXCLUDE.search(text):
        return None
    if not (_MEET.search(text) or _CALL.search(text) or _VIDEO.search(text)):
        return None
    venue, venue_country = _venue(text)
    participants = _participants(text)
    status = _status(text)
    cue = find_date(text, today, future=status == "scheduled")
    return Mention(
        index=sentence.index, text=text, fmt=_format(text, venue), venue=venue,
        venue_country=venue_country, date=cue.date if cue.when is When.DATE else None,
        vague=cue.when is When.VAGUE, status=status, participants=participants,
        parties=_parties(text, venue_country, participants),
    )


def _compatible(draft: NegotiationDraft, mention: Mention) -> bool:
    if draft.venue and mention.venue and draft.venue != mention.venue:
        return False
    fmt = draft.fmt
    if fmt and mention.fmt and {fmt, mention.fmt} == {"call", "in_person"}:
        return False
    date = draft.date
    if date and mention.date and abs((date - mention.date).days) > 1:
        return False
    if draft.vague != mention.vague and (mention.date or draft.date):
        return False
    mine = {o.name for o in mention.participants}
    theirs = {o.name for o in draft.participants()}
    return not (fmt == "call" and len(mine) >= 2 and len(theirs) >= 2 and not mine & theirs)


def _related(draft: NegotiationDraft, mention: Mention) -> bool:
    if mention.venue and mention.venue == draft.venue:
        return True
    if {o.name for o in mention.participants} & {o.name for o in draft.participants()}:
        return True
    return mention.venue is None and mention.date is None and not mention.participants


def _valid_sides(parties: list[str]) -> bool:
    sides = gazetteer.country_sides()
    kinds = {sides.get(code, "ALLY") for code in parties}
    if "RU" in kinds and len(parties) >= 2:
        return True
    return "UA" in kinds and bool(kinds & {"US", "MEDIATOR", "RU"})


def _anchors(mention: Mention) -> bool:
    if not _valid_sides(sorted(mention.parties | {o.country for o in mention.participants})):
        return False
    return bool(mention.venue or mention.date or mention.participants or mention.fmt)


def extract_negotiations(sentences: list[Sentence], today: dt.date) -> list[NegotiationDraft]:
    """Negotiation drafts in order of first mention."""
    drafts: list[NegotiationDraft] = []
    for sentence in sentences:
        mention = _mention(sentence, today)
        if mention is None:
            continue
        target = next(
            (d for d in reversed(drafts) if _compatible(d, mention) and _related(d, mention)),
            None,
        )
        if target is not None:
            target.mentions.append(mention)
        elif _anchors(mention):
            drafts.append(NegotiationDraft([mention]))
    return [d for d in drafts if _valid_sides(d.parties())]
