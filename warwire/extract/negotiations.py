"""Negotiation events: talks, calls and summits between the sides or with a mediator.

Each clause that names a meeting, a round of talks or a call becomes a `TalkMention` with what
it says about format, venue, day, status, the people taking part and the sides present.
Mentions are then folded into events: a mention joins the latest event it is compatible with
(same kind of contact, no clash of venue, day or people) or, when it carries enough of its own
to stand alone (a venue, a day, named participants), opens a new one. An event is kept only
when its sides make it a negotiation about the war: Russia with anyone outside its own bloc,
Ukraine with Russia or Belarus, or Ukraine with the US or a mediator over peace or a truce.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from warwire.extract import gazetteer
from warwire.extract.dates import DateCue, When, find_date
from warwire.extract.text import Sentence

_F = re.IGNORECASE

_CALL = re.compile(
    r"\b(?:phone\s+call|telephone\s+(?:call|conversation|talks?)|phone\s+(?:conversation|talks?)|"
    r"phoned|phones|by\s+(?:tele)?phone|(?:tele)?phone\s+(?:with|to)|calls?\s+(?:with|between)|"
    r"(?:the|a|their|his|Tuesday's|Monday's|Wednesday's|Thursday's|Friday's|Saturday's|"
    r"Sunday's|latest|first|second|next|new|planned|upcoming|hour-long|lengthy)\s+"
    r"(?:(?:\w+-)?(?:hour|minute)(?:-long)?\s+)?(?:phone\s+)?call\b|conversation\s+(?:with|between)|"
    r"(?:spoke|speak|speaking|speaks|talked|talk|talking)\s+(?:by\s+(?:tele)?phone\s+)?(?:with|to)\s+"
    r"(?=(?:\w+\s+){0,3}(?-i:[A-Z])))",
    _F,
)
_VIDEO = re.compile(
    r"\bvideo\s*(?:link|conference|call|format|summit|meeting)|\bvideoconference|"
    r"\bvirtual(?:ly)?\s+(?:summit|meeting|talks|call)|\bonline\s+(?:meeting|talks|summit)|"
    r"\bby\s+video\b",
    _F,
)
_MEET = re.compile(
    r"\b(?:talks|negotiations?|negotiating\s+(?:session|round|table|team)|negotiators?|summit|"
    r"meeting|meetings|met|meet|meets|round\s+of\s+(?:talks|negotiations)|(?:first|second|third|"
    r"fourth|next|new|latest|last|another|previous)\s+round|delegations?|sat\s+down|"
    r"face-to-face|consultations|peace\s+conference|sit\s+down|hosted\s+talks|mediat\w+)\b",
    _F,
)
_IN_PERSON = re.compile(
    r"\b(?:met|meet|meets|meeting|delegations?|summit|sat\s+down|sit\s+down|round|face-to-face|"
    r"in\s+person|travel\w*|arriv\w*|venue|hosted|host|table|talks\s+(?:in|at)|negotiations\s+in|"
    r"negotiators|teams?)\b",
    _F,
)
_EXCLUDE = re.compile(
    r"\bcoalition\s+of\s+the\s+willing\b|\b(?:EU|E\.U\.|European\s+Union|NATO|Nato|G7|G-7|G20|"
    r"G-20|BRICS|SCO|European\s+Council|EU-Ukraine|Arab\s+League|ASEAN)\s+(?:summit|leaders|"
    r"meeting|foreign\s+ministers|defen[cs]e\s+ministers)\b|\bRecovery\s+Conference\b|"
    r"\breconstruction\b|\bRamstein\b|\bContact\s+Group\b|\bSecurity\s+Council\b|"
    r"\b(?:news|press)\s+conference\b|\bcabinet\s+meeting\b|\bsecurity\s+(?:meeting|conference)\b|"
    r"\bStaff\s+meeting\b|\bconference\s+call\b|\bbriefing\b|\bEconomic\s+Forum\b|"
    r"\bCrimea\s+Platform\b|\bGeneral\s+Assembly\b|\bDavos\b|\bOlympic\w*\b|\bshareholders\b|"
    r"\bboard\s+of\s+governors\b|\bfinance\s+ministers\b|\bdonors?\b|\bparliament\w*\b|"
    r"\bcongress\b|\bmeeting\s+of\s+the\s+(?:Staff|National|Stavka)\b|\bStavka\b|"
    r"\breassurance\s+force\b|\bpledg\w+\s+conference\b|\baid\s+(?:conference|package)\b",
    _F,
)
_IRREALIS = re.compile(
    r"\b(?:no|not|never|n't|neither|nor|refus\w*|reject\w*|rul(?:ed|es|ing)\s+out|impossible|"
    r"pointless|call(?:s|ed|ing)?\s+for|urg\w*|demand\w*|wants?|wanted|would\s+like|hope[sd]?|"
    r"hoping|ready\s+to|willing|willingness|open\s+to|could|might|possible|possibility|any\s+"
    r"(?:talks|negotiations|meeting|summit)|if|unless|offer(?:ed|s|ing)?\s+to|proposal\s+for|"
    r"suggest\w*|insist\w*|condition\w*|cancel\w*|postpon\w*|called\s+off|collapsed|"
    r"stall\w*|doubts?|sceptic\w*|skeptic\w*|whenever)\b",
    _F,
)
_SCHEDULED = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|was\s+to|were\s+to|due\s+to|expected|planned|plans?|"
    r"scheduled|set\s+(?:to|for)|to\s+be\s+held|next|upcoming|preparing|prepares|being\s+prepared|"
    r"ahead\s+of|invit\w+|intends?|coming\s+days|later\s+(?:on|this|today|in)|to\s+speak|"
    r"to\s+meet|to\s+hold|to\s+discuss|would\s+(?:meet|hold|speak|take\s+place|start|begin|"
    r"be\s+held)|would\s+take|tomorrow|agreed\s+to\s+(?:meet|hold)|proposes?|proposed|"
    r"announced\s+plans|readies|readying|waiting|await\w*|to\s+start|to\s+begin|"
    r"to\s+resume|to\s+take\s+place|pencilled|confirm\w*\s+(?:that\s+)?(?:\w+\s+){0,4}will)\b",
    _F,
)
_HELD = re.compile(
    r"\b(?:met|held|ended|took\s+place|spoke|talked|discussed|began|opened|sat\s+down|concluded|"
    r"lasted|produced|yielded|broke\s+up|wrapped\s+up|under\s+way|underway|resumed|hosted|"
    r"chaired|agreed|started|after\s+(?:a|the|his|their)\s+(?:call|meeting|talks|conversation)|"
    r"during\s+(?:a|the|their|his)|following\s+(?:a|the|their)|went\s+ahead|headed|led|ran|"
    r"told\s+\w+\s+in|phoned|were\s+held|was\s+held|have\s+been\s+held|had\s+been\s+held|"
    r"accepted|signed|welcomed\s+both|emerged|finished|closed|continued|is\s+under\s+way|"
    r"day\s+(?:one|two|three)|first\s+day|second\s+day|resume[sd]?)\b",
    _F,
)
_NEXT_ROUND = re.compile(
    r"\b(?:next|another|new|further|follow-up|second|third|fourth)\s+(?:round|meeting|session|"
    r"talks)\b|\b(?:meet|talk|speak)\s+again\b|\bagain\s+(?:within|in|next|on)\b",
    _F,
)
_PEACE = re.compile(
    r"\b(?:peace|ceasefire|cease-fire|truce|end(?:ing)?\s+(?:the|this)\s+war|settlement|"
    r"prisoners?|swap|exchange|negotiat\w+|talks|war|Ukraine|conflict|crisis|invasion|"
    r"security\s+guarantees|deal|plan|de-?escalat\w*|grain)\b",
    _F,
)
_PEACE_STRICT = re.compile(
    r"\b(?:peace|ceasefire|cease-fire|truce|end(?:ing)?\s+(?:the|this)\s+war|settlement|"
    r"prisoners?|swap|negotiat\w+|security\s+guarantees|peace\s+plan|\d+-point|framework|"
    r"memorandum|de-?escalat\w*|grain\s+(?:deal|exports?|corridor)|Black\s+Sea)\b",
    _F,
)
_DELEGATION = re.compile(
    r"\b(?:delegations?|team|teams|side\s+is\s+(?:headed|led)|headed\s+by|led\s+by|heads?\s+the|"
    r"head\s+of\s+the\s+(?:\w+\s+)?(?:delegation|team)|lead\s+the|leads\s+the|led\s+the|"
    r"members?|represented\s+by|includes?|included|including|comprises?|consists?\s+of|"
    r"negotiators?|envoys?|accompanied|joined\s+by|along\s+with|with\s+\w+\s+and)\b",
    _F,
)
_SPEAKER_AFTER = re.compile(
    r"^(?:,[^,]{0,70},)?\s+(?:said|says|told|added|wrote|described|urged|accused|called|insisted|"
    r"warned|noted|stressed|argued|claimed|posted|tweeted|announced|confirmed|suggested|"
    r"welcomed|dismissed|condemned|praised|thanked|criticised|criticized|complained|offered|"
    r"turned|rejected|denied|ruled|declined)\b",
    _F,
)
_SPEAKER_BEFORE = re.compile(r"\b(?:said|according\s+to|says|told|quoted|quoting)\s+$", _F)
_VENUE_BEFORE = re.compile(
    r"\b(?:in|at|to|near|outside|hosted\s+by|host)\s+(?:the\s+)?(?:(?:[\w\-']+\s+){1,2}city\s+of\s+|"
    r"(?:\w+\s+)?(?:region|capital|resort|port|town)\s+of\s+|(?-i:[A-Z])[\w\-]*(?:'s)?\s+)?"
    r"(?:Saudi\s+|Turkish\s+|Swiss\s+|Belarusian\s+|Emirati\s+|Qatari\s+|Alaskan\s+|Malaysian\s+)?$",
    _F,
)
_VENUE_AFTER = re.compile(
    r"^(?:'s)?\s+(?:talks|summit|meeting|round|negotiations|format|process|peace\s+talks|"
    r"round\s+of\s+talks|region)\b",
    _F,
)
_TOPIC_BEFORE = re.compile(
    r"(?:\b(?:in|on|about|over|regarding|against|for|into|across|of|from|inside|towards?|"
    r"throughout|invaded|invading|attack(?:ed|ing)?|occupied|support(?:ing|ed)?|to\s+end\s+the\s+"
    r"war\s+in|help|helping|arm|arming|rebuild|annex\w*|defend(?:ing)?)\s+(?:the\s+)?(?:\w+\s+)?)$",
    _F,
)
_PARTY_BEFORE = re.compile(
    r"\b(?:talks|negotiations?|meeting|call|conversation|summit|delegations?|between|with|"
    r"met|meet|and|agreed|teams?|officials|counterparts?|envoys?|negotiators)\s+(?:the\s+)?$",
    _F,
)
_PARTY_NOUN_AFTER = re.compile(
    r"^(?:'s)?\s+(?:and\s+\w+\s+)?(?:delegations?|team|teams|officials|negotiators|side|"
    r"representatives|envoys?|counterparts?|president|leader|foreign\s+minister|minister|"
    r"secretary|chancellor|prime\s+minister|national\s+security|special\s+envoy|delegation|"
    r"government|presidents|leaders|experts?|expert\s+groups|technical|military|defen[cs]e|"
    r"intelligence|spy|security|aide|adviser|advisor|and\s+(?:\w+\s+)?(?:delegations|teams|"
    r"officials|negotiators|sides|representatives))\b",
    _F,
)
_HYPHEN_PAIR = re.compile(r"^-(?-i:[A-Z])", _F)
_CLAUSE_SPLIT = re.compile(
    r";\s+|,\s+but\s+|\s+but\s+(?=\w+\s+(?:said|says))|,\s+while\s+|\s+while\s+|,\s+whereas\s+|"
    r"\s+(?:only\s+)?after\s+(?=(?:\w+\s+){0,4}(?:spoke|met|held|talked|phoned|called))|"
    r",\s+and\s+(?=(?:both|the|they|he|she|it|Putin|Trump|Zelensk\w+)\b)|\s+as\s+(?=(?:\w+\s+){0,5}"
    r"(?:prepares|prepared|met|meets|spoke|speaks))",
    _F,
)
_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman"})


@dataclass(slots=True)
class TalkMention:
    index: int
    paragraph: int
    text: str
    fmt: str | None
    venue: str | None
    venue_country: str | None
    cue: DateCue
    status: str | None
    participants: list[gazetteer.Official]
    parties: set[str]
    next_round: bool
    concrete: bool
    peace: bool
    irrealis: bool


@dataclass(slots=True)
class NegotiationDraft:
    mentions: list[TalkMention] = field(default_factory=list)
    date: dt.date | None = None
    vague: bool = False
    status: str = "held"
    fmt: str | None = None
    venue: str | None = None
    parties: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    background: bool = False
    evidence: dict[str, str] = field(default_factory=dict)

    @property
    def first(self) -> int:
        return self.mentions[0].index

    def officials(self) -> list[gazetteer.Official]:
        seen: dict[str, gazetteer.Official] = {}
        for mention in self.mentions:
            for official in mention.participants:
                seen.setdefault(official.name, official)
        return list(seen.values())


def _format(text: str) -> str | None:
    if _VIDEO.search(text):
        return "video"
    if _CALL.search(text):
        return "call"
    if _IN_PERSON.search(text):
        return "in_person"
    return None


def _venue(text: str) -> tuple[str | None, str | None]:
    for mention in gazetteer.places().find(text):
        if mention.item.kind not in ("city", "venue"):
            continue
        before = text[max(0, mention.start - 45) : mention.start]
        after = text[mention.end : mention.end + 25]
        if _VENUE_BEFORE.search(before) or _VENUE_AFTER.match(after):
            return mention.item.name, mention.item.country
    return None, None


def _participants(text: str) -> list[gazetteer.Official]:
    found: list[gazetteer.Official] = []
    delegation = bool(_DELEGATION.search(text))
    for mention in gazetteer.officials().find(text):
        official = mention.item
        if official.name in {o.name for o in found}:
            continue
        speaker = bool(_SPEAKER_AFTER.match(text[mention.end : mention.end + 90])) or bool(
            _SPEAKER_BEFORE.search(text[max(0, mention.start - 25) : mention.start])
        )
        if official.role in _SPOKES and not delegation:
            continue
        if speaker and not (delegation or _ACTOR.search(text)):
            continue
        found.append(official)
    return found


_ACTOR = re.compile(
    r"\b(?:met|meet|meets|meeting\s+(?:with|between)|spoke|speak|talked|talks\s+(?:with|between)|"
    r"call\s+(?:with|between)|conversation\s+(?:with|between)|phoned|held\s+(?:talks|a\s+call)|"
    r"sat\s+down|hosted|received|welcomed)\b",
    _F,
)


def _parties(text: str, participants: list[gazetteer.Official], venue_country: str | None) -> set[str]:
    codes: set[str] = set()
    for mention in gazetteer.countries().find(text):
        before = text[max(0, mention.start - 40) : mention.start]
        after = text[mention.end : mention.end + 45]
        party = bool(
            _PARTY_BEFORE.search(before)
            or _PARTY_NOUN_AFTER.match(after)
            or _HYPHEN_PAIR.match(after)
            or (before.endswith("-") and before[-2:-1].isalpha())
        )
        if not party and _TOPIC_BEFORE.search(before):
            continue
        if not party and mention.surface in ("Kyiv", "Kiev", "Moscow", "Washington", "the Kremlin", "Kremlin"):
            if not re.match(r"^(?:'s)?\s+(?:\w+\s+)?(?:said|says|has|had|have|will|would|is|was|wants|"
                            r"agreed|accepted|rejected|proposed|confirmed|announced|insisted)\b",
                            after, _F):
                continue
        codes.add(mention.item.code)
    codes |= {o.country for o in participants}
    if venue_country in codes and venue_country not in {o.country for o in participants}:
        sides = gazetteer.country_sides()
        if sides.get(venue_country) != "RU" and venue_country not in ("UA", "US"):
            codes.discard(venue_country)
    return codes


def _status(text: str) -> str | None:
    scheduled = _SCHEDULED.search(text)
    held = _HELD.search(text)
    if scheduled and held:
        return "scheduled" if scheduled.start() < held.start() else "held"
    if scheduled:
        return "scheduled"
    if held:
        return "held"
    return None


def _clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE_SPLIT.split(text) if c and len(c) > 3]


def _mentions_in(sentence: Sentence, cue: DateCue, today: dt.date) -> list[TalkMention]:
    text = sentence.text
    if not (_MEET.search(text) or _CALL.search(text) or _VIDEO.search(text)):
        return []
    out: list[TalkMention] = []
    for clause in _clauses(text):
        if not (_MEET.search(clause) or _CALL.search(clause) or _VIDEO.search(clause)):
            continue
        if _EXCLUDE.search(clause):
            continue
        out.append(_mention(sentence, clause, cue, today))
    return out


def _mention(sentence: Sentence, clause: str, cue: DateCue, today: dt.date) -> TalkMention:
    venue, venue_country = _venue(clause)
    participants = _participants(clause)
    status = _status(clause)
    clause_cue = find_date(clause, today, future=status == "scheduled")
    if clause_cue.when is When.NONE:
        clause_cue = find_date(sentence.text, today, future=status == "scheduled")
    if clause_cue.when is When.DATE and clause_cue.date is not None and status is None:
        status = "scheduled" if clause_cue.date > today else None
    fmt = _format(clause)
    if fmt is None and venue:
        fmt = "in_person"
    parties = _parties(clause, participants, venue_country)
    concrete = bool(
        venue
        or (clause_cue.when is When.DATE)
        or len(participants) >= 1
        or (fmt == "call" and len(parties) >= 2)
        or re.search(r"\b(?:round|delegations?|negotiators|summit|talks\s+between|sat\s+down)\b", clause, _F)
    )
    return TalkMention(
        index=sentence.index,
        paragraph=sentence.paragraph,
        text=sentence.text,
        fmt=fmt,
        venue=venue,
        venue_country=venue_country,
        cue=clause_cue,
        status=status,
        participants=participants,
        parties=parties,
        next_round=bool(_NEXT_ROUND.search(clause)),
        concrete=concrete,
        peace=bool(_PEACE_STRICT.search(sentence.text)),
        irrealis=bool(_IRREALIS.search(clause)) and not _HELD_FACT.search(clause),
    )


_HELD_FACT = re.compile(
    r"\b(?:met|held\s+talks|spoke\s+(?:by|with|on)|took\s+place|ended|concluded|sat\s+down|"
    r"talked\s+(?:with|to|for))\b",
    _F,
)


def _sides(parties: set[str]) -> set[str]:
    sides = gazetteer.country_sides()
    return {sides.get(code, "ALLY") for code in parties}


def valid_parties(parties: set[str], peace: bool) -> bool:
    """Whether a contact between `parties` can be a negotiation about the war."""
    sides = _sides(parties)
    if "RU" in parties and len(parties) >= 2:
        others = _sides(parties - {"RU"})
        if others - {"RU"}:
            return peace or bool(others & {"UA", "US", "ALLY"})
    if "UA" in parties and ("RU" in sides):
        return True
    if "UA" in parties and sides & {"US", "MEDIATOR"}:
        return peace
    return False


def _date_of(mention: TalkMention) -> dt.date | None:
    return mention.cue.date if mention.cue.when is When.DATE else None


def _family(fmt: str | None) -> str | None:
    if fmt == "call":
        return "call"
    if fmt in ("in_person", "video"):
        return "meet"
    return None


def _compatible(draft: NegotiationDraft, mention: TalkMention) -> bool:
    if mention.next_round and mention.status == "scheduled" and draft.status == "held":
        return False
    venue = _draft_venue(draft)
    if venue and mention.venue and venue != mention.venue:
        return False
    fam, mine = _draft_family(draft), _family(mention.fmt)
    if fam and mine and fam != mine:
        return False
    date = _draft_date(draft)
    mdate = _date_of(mention)
    if date and mdate and abs((date - mdate).days) > 1:
        return False
    vague = any(m.cue.when is When.VAGUE for m in draft.mentions)
    if mention.cue.when is When.VAGUE and date and date >= mention_today(draft):
        return False
    if vague and mdate and not date:
        return False
    theirs = {o.name for o in draft.officials()}
    ours = {o.name for o in mention.participants}
    if fam == "call" and len(ours) >= 2 and len(theirs) >= 2 and not ours & theirs:
        return False
    return True


def mention_today(draft: NegotiationDraft) -> dt.date:
    return _TODAY_HOLDER[0]


_TODAY_HOLDER: list[dt.date] = [dt.date(2000, 1, 1)]


def _related(draft: NegotiationDraft, mention: TalkMention) -> bool:
    if mention.venue and mention.venue == _draft_venue(draft):
        return True
    if {o.name for o in mention.participants} & {o.name for o in draft.officials()}:
        return True
    if _date_of(mention) and _date_of(mention) == _draft_date(draft):
        return True
    return not mention.concrete or (
        not mention.venue and not _date_of(mention) and mention.paragraph - draft.mentions[-1].paragraph <= 1
    )


def _draft_venue(draft: NegotiationDraft) -> str | None:
    return next((m.venue for m in draft.mentions if m.venue), None)


def _draft_date(draft: NegotiationDraft) -> dt.date | None:
    return next((d for m in draft.mentions if (d := _date_of(m)) is not None), None)


def _draft_family(draft: NegotiationDraft) -> str | None:
    return next((f for m in draft.mentions if (f := _family(m.fmt)) is not None), None)


def extract_negotiations(
    sentences: list[Sentence], cues: list[DateCue], today: dt.date
) -> list[NegotiationDraft]:
    """Negotiation drafts in order of first mention."""
    _TODAY_HOLDER[0] = today
    drafts: list[NegotiationDraft] = []
    for sentence, cue in zip(sentences, cues, strict=True):
        for mention in _mentions_in(sentence, cue, today):
            target = next(
                (d for d in reversed(drafts) if _compatible(d, mention) and _related(d, mention)),
                None,
            )
            if target is not None:
                target.mentions.append(mention)
                _resolve(target, today)
            elif mention.concrete and not mention.irrealis:
                draft = NegotiationDraft([mention])
                _resolve(draft, today)
                drafts.append(draft)
    kept = [d for d in drafts if _keep(d)]
    _mark_background(kept, today)
    return kept


def _resolve(draft: NegotiationDraft, today: dt.date) -> None:
    mentions = draft.mentions
    draft.date = _draft_date(draft)
    draft.vague = any(m.cue.when is When.VAGUE for m in mentions) and draft.date is None
    draft.venue = _draft_venue(draft)
    formats = [m.fmt for m in mentions if m.fmt]
    draft.fmt = "call" if "call" in formats else "video" if "video" in formats else (
        "in_person" if formats or draft.venue else None
    )
    codes: set[str] = set()
    for mention in mentions:
        codes |= mention.parties
    draft.parties = sorted(codes)
    draft.participants = [o.name for o in draft.officials()]
    if draft.date is not None and draft.date > today:
        draft.status = "scheduled"
    elif draft.date is not None and draft.date < today:
        draft.status = "held"
    else:
        draft.status = next((m.status for m in mentions if m.status), "held")
    first = mentions[0].text
    draft.evidence = {"status": first, "parties": first}
    for name, value in (("venue", draft.venue), ("format", draft.fmt)):
        if value:
            draft.evidence[name] = next(
                (m.text for m in mentions if (m.venue if name == "venue" else m.fmt) == value), first
            )
    if draft.date is not None:
        draft.evidence["occurred_on"] = next(m.text for m in mentions if _date_of(m) == draft.date)
    if draft.participants:
        draft.evidence["participants"] = next(m.text for m in mentions if m.participants)


def _keep(draft: NegotiationDraft) -> bool:
    peace = any(m.peace for m in draft.mentions)
    return valid_parties(set(draft.parties), peace)


def _mark_background(drafts: list[NegotiationDraft], today: dt.date) -> None:
    lead = drafts[0].date if drafts else None
    for draft in drafts:
        date = draft.date
        if draft.vague:
            draft.background = True
        elif date is None:
            draft.background = False
        elif date >= today - dt.timedelta(days=1):
            draft.background = False
        else:
            draft.background = not (draft is drafts[0] and lead is not None and (today - lead).days <= 5)
