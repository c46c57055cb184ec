"""Strike figures in one sentence: weapons launched and downed, people killed and injured."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from warwire.extract.counts import NUMBER, QUALIFIER, parse_number

_N = rf"{QUALIFIER}?(?P<n>{NUMBER})"
_MOD = r"(?P<mod>(?:(?!(?:and|or|of|were|was|had|have|has|people|in|at|on|to|from)\b)[A-Za-z][\w\-/']*\s+){0,3}?)"
_DRONE = r"(?:drones?|UAVs?|Shaheds?|Gerans?|unmanned\s+aerial\s+vehicles?|decoys?)"
_MISSILE = r"(?:missiles?|rockets?|Kinzhals?|Iskanders?|Kalibrs?)"
_NOUN = rf"(?P<noun>{_DRONE}|{_MISSILE})"
_TYPE_WORD = (
    r"(?:ballistic|cruise|guided|hypersonic|aeroballistic|anti-ship|Kh-[\w/]+|Kalibr|"
    r"Iskander(?:-[MK])?|Kinzhal|S-[34]00|Zircon|Oniks|Tochka(?:-U)?|KN-23)"
)
_F = re.IGNORECASE

_WEAPON = re.compile(
    rf"(?P<all>\b(?:all|both|every\s+one\s+of\s+the)\s+(?:of\s+(?:the|its)\s+)?)?{_N}\s+{_MOD}{_NOUN}\b",
    _F,
)
_OF_TOTAL = re.compile(
    rf"{QUALIFIER}?(?P<d>{NUMBER})\s+of\s+(?:the\s+|its\s+|all\s+)?(?P<n>{NUMBER})\s+{_MOD}{_NOUN}\b",
    _F,
)
_OF_THE = re.compile(rf"(?P<d>{NUMBER})\s+of\s+(?:the|those)\s+(?P<noun>drones|missiles)\b", _F)
_OF_THEM = re.compile(
    rf"(?P<d>{NUMBER}|every\s+one|all)\s+of\s+(?:them|those|which|these)\b(?!\s+(?:were\s+)?(?:Shahed|decoy|children))",
    _F,
)
_BOTH = re.compile(r"\bboth\s+(?:of\s+the\s+)?(?P<noun>missiles|drones)\b", _F)
_SINGLE_DOWNED = re.compile(
    rf"\b(?:destroyed|shot\s+down|intercepted|brought\s+down|downed)\s+(?P<art>the|an?|one)\s+"
    rf"{_MOD}(?P<noun>missile|drone)\b(?![\w\-])",
    _F,
)
_SINGLE = re.compile(
    rf"\b(?P<art>an?|one|the)\s+{_MOD}(?P<noun>missile|drone)\b(?![\w\-])"
    r"(?P<fired>\s+(?:was\s+)?(?:fired|launched))?",
    _F,
)
_TYPED = re.compile(rf"(?P<n>{NUMBER})\s+(?:{_TYPE_WORD}\s+){{1,2}}(?=and\b|or\b|plus\b|,|missiles?\b)", _F)
_NUMBER_TO = re.compile(
    rf"\bnumber\s+of\s+{_MOD}(?P<noun>drones|missiles)\b[^.;]{{0,80}}?\bto\s+{_N}", _F
)

_CLAUSE_SPLIT = re.compile(
    r";|:|\s-\s|,\s+(?=and\b|while\b|but\b|whereas\b|adding\b|saying\b)|\bwhile\b|"
    r"\s+and\s+(?=(?:claimed|said|says|added|that|Ukraine|Russia|Moscow|Kyiv|it)\b)",
    _F,
)
_DOWNED = re.compile(
    r"\b(?:shot\s+down|downed|destroyed|intercepted|brought\s+down|neutrali[sz]ed|repelled|"
    r"taken\s+out|stopped|defeated|interceptions?)\b",
    _F,
)
_LOST = re.compile(
    r"\b(?:got\s+through|vanished|disappeared|dropped\s+off|off\s+radar|from\s+radar|"
    r"unaccounted|lost|a\s+further|another|still|more\s+disappeared)\b",
    _F,
)
_JAMMED = re.compile(r"\b(?:jamm\w*|electronic\w*|suppress\w*)\b", _F)

_VICTIM = (
    r"(?:people|person|persons|civilians|residents|others|more|adults|men|women|children|victims|"
    r"staff(?:\s+members)?|workers|energy\s+workers|of\s+the\s+victims|additional)"
)
_AUX = r"(?:(?:were|was|have\s+been|had\s+been|has\s+been|are|is|being|now|reportedly|later)\s+){0,2}"
_KNOWN = r"(?:(?:confirmed|reported|known\s+to\s+have(?:\s+been)?|now\s+known\s+to\s+have(?:\s+been)?)\s+)?"
_ASIDE = r"(?:\s*,[^,.;]{1,40},)?"
_KILLED = [
    re.compile(
        rf"{_N}(?:\s+{_VICTIM})?{_ASIDE}\s+{_AUX}{_KNOWN}(?:killed|dead|died|deaths|fatalities)\b", _F
    ),
    re.compile(
        rf"\b(?:killing|killed|kills|claimed\s+the\s+lives\s+of)\s+{_N}(?!\s+(?:soldiers|troops|"
        r"servicemen|Russian|Ukrainian|occupiers))",
        _F,
    ),
    re.compile(rf"\bdeath\s+toll\b[^.;]{{0,60}}?\b(?:to|at|of|reached|passed|is|was)\s+{_N}", _F),
    re.compile(
        rf"\bnumber\s+of\s+(?:people\s+)?(?:killed|dead)\b[^.;]{{0,80}}?\bto\s+{_N}", _F
    ),
]
_KILLED_ONE = re.compile(
    r"\b(?:killed\s+an?\s+(?:woman|man|person|civilian|child|girl|boy|resident)|"
    r"\ban?\s+(?:woman|man|person|civilian|child|girl|boy|resident)\s+(?:was\s+killed|died))\b",
    _F,
)
_INJURED = [
    re.compile(
        rf"{_N}(?:\s+{_VICTIM})?{_ASIDE}\s+{_AUX}{_KNOWN}(?:injured|wounded|hurt|injuries)\b", _F
    ),
    re.compile(rf"\b(?:injuring|wounding|wounded|hurting)\s+{_N}(?!\s+(?:soldiers|troops))", _F),
    re.compile(rf"\bleft\s+{_N}\s+(?:people\s+)?(?:injured|wounded)\b", _F),
    re.compile(
        rf"\bnumber\s+of\s+(?:people\s+)?(?:injured|wounded)\b[^.;]{{0,80}}?\bto\s+{_N}", _F
    ),
]
_SOLDIERS = re.compile(r"\b(?:soldiers|troops|servicemen|fighters|militants|occupiers)\b", _F)


@dataclass(slots=True)
class Figures:
    """The largest figure of each kind a sentence gives."""

    values: dict[str, int] = field(default_factory=dict)

    def offer(self, name: str, value: int | None) -> None:
        if value is None:
            return
        if value > self.values.get(name, -1):
            self.values[name] = value


def _kind(noun: str) -> str:
    return "drones" if re.fullmatch(_DRONE, noun, _F) else "missiles"


def _clause_mode(clause: str) -> str:
    if _LOST.search(clause):
        return "lost"
    if _DOWNED.search(clause):
        return "downed"
    if _JAMMED.search(clause):
        return "lost"
    return "launched"


def _weapons_in_clause(clause: str, figures: Figures, last_kind: list[str]) -> None:
    mode = _clause_mode(clause)
    if mode == "lost":
        return
    covered: list[tuple[int, int]] = []
    for m in _OF_TOTAL.finditer(clause):
        kind = _kind(m.group("noun"))
        figures.offer(kind, parse_number(m.group("n")))
        if mode == "downed":
            figures.offer(f"{kind}_downed", parse_number(m.group("d")))
        covered.append(m.span())
        last_kind[:] = [kind]
    for m in _WEAPON.finditer(clause):
        if any(a <= m.start() < b for a, b in covered):
            continue
        kind = _kind(m.group("noun"))
        last_kind[:] = [kind]
        value = parse_number(m.group("n"))
        if mode == "downed":
            figures.offer(f"{kind}_downed", value)
            if m.group("all"):
                figures.offer(kind, value)
        else:
            figures.offer(kind, value)
    if mode == "downed":
        _downed_references(clause, figures, last_kind)


def _downed_references(clause: str, figures: Figures, last_kind: list[str]) -> None:
    for m in _OF_THE.finditer(clause):
        figures.offer(f"{_kind(m.group('noun'))}_downed", parse_number(m.group("d")))
    for m in _BOTH.finditer(clause):
        kind = _kind(m.group("noun"))
        figures.offer(kind, 2)
        figures.offer(f"{kind}_downed", 2)
    if last_kind:
        kind = last_kind[0]
        for m in _OF_THEM.finditer(clause):
            token = m.group("d").lower()
            value = figures.values.get(kind) if not token[0].isdigit() and token in (
                "all", "every one") else parse_number(token)
            figures.offer(f"{kind}_downed", value)
    for m in _SINGLE_DOWNED.finditer(clause):
        kind = _kind(m.group("noun"))
        figures.offer(f"{kind}_downed", 1)
        figures.offer(kind, 1)


def _singles(sentence: str, figures: Figures) -> None:
    numbered = bool(_WEAPON.search(sentence))
    for m in _SINGLE.finditer(sentence):
        if m.group("art").lower() == "the":
            continue
        if numbered or m.group("fired"):
            figures.offer(_kind(m.group("noun")), 1)


def _typed_missiles(sentence: str, figures: Figures) -> None:
    typed = [parse_number(m.group("n")) or 0 for m in _TYPED.finditer(sentence)]
    if len(typed) >= 2:
        key = "missiles_downed" if _clause_mode(sentence) == "downed" else "missiles"
        figures.offer(key, sum(typed))


def _casualties(sentence: str, figures: Figures) -> None:
    for name, patterns in (("killed", _KILLED), ("injured", _INJURED)):
        for pattern in patterns:
            for m in pattern.finditer(sentence):
                tail = sentence[m.end() : m.end() + 25]
                if _SOLDIERS.search(sentence[m.start() : m.end()]) or _SOLDIERS.match(tail.strip()):
                    continue
                figures.offer(name, parse_number(m.group("n")))
    if _KILLED_ONE.search(sentence):
        figures.offer("killed", 1)


def sentence_figures(sentence: str) -> Figures:
    """Every strike figure `sentence` states."""
    figures = Figures()
    last_kind: list[str] = []
    for clause in _CLAUSE_SPLIT.split(sentence):
        if clause:
            _weapons_in_clause(clause, figures, last_kind)
    for m in _NUMBER_TO.finditer(sentence):
        kind = _kind(m.group("noun"))
        name = f"{kind}_downed" if _DOWNED.search(sentence) else kind
        figures.offer(name, parse_number(m.group("n")))
    _singles(sentence, figures)
    _typed_missiles(sentence, figures)
    _casualties(sentence, figures)
    return figures
