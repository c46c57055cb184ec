"""People named in an article, normalised: the parser finds the names, this module only
maps them to one spelling and a side.

- A name `officials.json` knows (any of its variants) becomes that official, with the
  official's side.
- Any other name is kept as written, less titles ("President", "Mr"); a bare surname becomes
  the fuller form of the same name found elsewhere in the article ("Hartono" after "Budi
  Hartono").
- A person's side is the one the list gives, else the country the article's wording ties
  them to ("Israeli Prime Minister X"), remembered for later mentions of the same person.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from warwire.extract import gazetteer
from warwire.extract.countries import code_of

TITLES = frozenset(
    {
        "president",
        "prime",
        "minister",
        "foreign",
        "secretary",
        "general",
        "chancellor",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "sir",
        "king",
        "queen",
        "crown",
        "prince",
        "sheikh",
        "emir",
        "sultan",
        "amir",
        "envoy",
        "special",
        "chief",
        "premier",
        "pope",
        "vice",
        "deputy",
        "ambassador",
        "senator",
        "gen.",
        "lt.",
        "cardinal",
        "archbishop",
        "bishop",
    }
)
_FULLER = "(?:[A-Z][\\w'-]+\\s+){1,3}"
_OFFICE_WORDS = TITLES | {
    "head", "chairman", "chairwoman", "chair", "adviser", "advisor", "affairs", "aide",
    "spokesman", "spokeswoman", "spokesperson", "director", "commander", "governor", "mayor",
    "national", "security", "defence", "defense", "interior", "speaker", "representative",
    "counterpart", "leader", "officer", "colonel", "lieutenant", "admiral", "office",
    "ministry", "council", "delegation", "delegate", "negotiator", "the", "of", "and",
}  # fmt: skip
"""Words of offices and titles: a "name" made only of them ("Head", "Affairs Prince") is an
office the recogniser took for a person, not a person."""


@dataclass(frozen=True, slots=True)
class NamedPerson:
    name: str
    side: str | None
    official: gazetteer.Official | None

    def as_official(self) -> gazetteer.Official:
        """The listed official, or one made of the name and side (no role)."""
        return self.official or gazetteer.Official(self.name, self.side or "", "")


def strip_titles(name: str) -> str:
    words = name.replace("\u2019", "'").split()
    while len(words) > 1 and (
        words[0].lower() in TITLES
        or words[0].lower() in ("of", "the")
        or code_of(words[0]) is not None
    ):
        words.pop(0)  # "President of Ukraine Zelensky" spans "Ukraine Zelensky"
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    return " ".join(words)


@dataclass(slots=True)
class Roster:
    """The people of one article, as they are resolved."""

    texts: list[str]
    sides: dict[str, str] = field(default_factory=dict)

    def resolve(self, name: str, side: str | None) -> NamedPerson | None:
        """`name` as the entity recogniser spans it, normalised; None for no name."""
        clean = strip_titles(name)
        if len(clean) < 2 or not clean[:1].isupper():
            return None
        if all(word.lower().strip(".,") in _OFFICE_WORDS for word in clean.split()):
            return None
        if _possessive(clean):
            return None  # "Trump's Mar" (of "Trump's Mar-a-Lago"): a possessive is no name
        official = _official(clean)
        if official is not None:
            return NamedPerson(official.name, official.country, official)
        if " " not in clean:
            clean = self._fuller(clean)
            if _possessive(clean):
                return None
            official = _official(clean)
            if official is not None:
                return NamedPerson(official.name, official.country, official)
        if _place(clean):
            return None  # a city the recogniser took for a person ("Muscat hosted the talks")
        if side:
            self.sides.setdefault(clean, side)
        return NamedPerson(clean, side or self.sides.get(clean), None)

    def elsewhere(self, name: str, text: str) -> bool:
        """Whether the article names `name` in a sentence other than `text`."""
        return any(name in other for other in self.texts if other != text)

    def _fuller(self, surname: str) -> str:
        pattern = re.compile(rf"\b({_FULLER}){re.escape(surname)}\b")
        best = surname
        for text in self.texts:
            if surname not in text:
                continue
            for match in pattern.finditer(text):
                words: list[str] = []
                for word in reversed(match.group(1).split()):
                    if word.lower() in TITLES or code_of(word) is not None or len(words) == 2:
                        break
                    words.insert(0, word)
                candidate = " ".join([*words, surname])
                if len(candidate) > len(best):
                    best = candidate
        return best


def _possessive(name: str) -> bool:
    return "'s " in name or "\u2019s " in name


def _place(name: str) -> bool:
    """Whether the places data knows `name` as a whole as a city."""
    return any(
        m.item.kind == "city" and m.start == 0 and m.end == len(name)
        for m in gazetteer.places().find(name)
    )


def _official(name: str) -> gazetteer.Official | None:
    """The listed official `name` is a spelling of: the whole name, or a full name whose
    surname is a listed official's and whose first name starts with the same letter
    ("Dmitry Kuleba" for "Dmytro Kuleba")."""
    found = gazetteer.officials().find(name)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(name):
        return found[0].item
    if len(found) == 1 and found[0].end == len(name) and " " in found[0].surface:
        return found[0].item
    if len(found) == 1 and found[0].end == len(name) and " " in name:
        official = found[0].item
        if (
            spelling_key(official.name)[:1] == spelling_key(name)[:1]
            and official.name.split()[-1] == found[0].surface
        ):
            return official
    if not found and " " in name:
        # The same name in another language's spelling ("Siergiej Ławrow", "Sergej Lawrow"):
        # the surname's spelling key and the first name's initial agree with one official.
        # A translation may also leave the surname in a case of its own language
        # ("z Siergiejem Ławrowem", "Ławrowie"): its stem is tried when the whole is unknown.
        first, surname = name.split()[0], name.split()[-1]
        stems = [surname] + [
            surname[: -len(end)]
            for end in _CASE_ENDINGS
            if surname.endswith(end) and len(surname) - len(end) >= 4
        ]
        for stem in stems:
            matches = {
                o
                for o in _by_spelling().get(spelling_key(stem), ())
                if spelling_key(o.name)[:1] == spelling_key(first)[:1]
            }
            if len(matches) == 1:
                return matches.pop()
        # A slip of the pen in the surname ("Volodymyr Zelenksy"): the same first name and a
        # surname a letter or two off one official's, and no other's.
        slips = {
            o for o in _by_first().get(spelling_key(first), ()) if misspelling_of(name, o.name)
        }
        if len(slips) == 1:
            return slips.pop()
    return None


@cache
def _by_first() -> dict[str, frozenset[gazetteer.Official]]:
    """Officials by the spelling key of the first name of their name and each variant."""
    index: dict[str, set[gazetteer.Official]] = {}
    for row in gazetteer.official_rows():
        official = gazetteer.Official(row["name"], row["country"], row["role"])
        for form in (row["name"], *row.get("variants", [])):
            if " " in form:
                index.setdefault(spelling_key(form.split()[0]), set()).add(official)
    return {key: frozenset(found) for key, found in index.items()}


_CASE_ENDINGS = ("owi", "iem", "em", "ie", "a", "u", "e")
"""Slavic case endings a translated text can leave on a surname."""


_TRANSLITERATION = str.maketrans({"ł": "l", "w": "v", "j": "y"})


def spelling_key(word: str) -> str:
    """A word with what spellings of one name differ by folded away: accents, the Polish and
    German transliteration of Russian and Ukrainian (w for v, j for y, ł for l), a final -i
    for -y, and doubled letters ("Ławrow", "Lawrow" and "Lavrov" share a key)."""
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c)
    )
    folded = folded.translate(_TRANSLITERATION)
    if folded.endswith("i"):
        folded = folded[:-1] + "y"
    return re.sub(r"(.)\1+", r"\1", folded)


@cache
def _by_spelling() -> dict[str, frozenset[gazetteer.Official]]:
    """Officials by the spelling key of the surname of their name and each variant."""
    index: dict[str, set[gazetteer.Official]] = {}
    for row in gazetteer.official_rows():
        official = gazetteer.Official(row["name"], row["country"], row["role"])
        for form in (row["name"], *row.get("variants", [])):
            if " " in form:
                index.setdefault(spelling_key(form.split()[-1]), set()).add(official)
    return {key: frozenset(found) for key, found in index.items()}


def misspelling_of(name: str, other: str) -> bool:
    """Whether `name` is a slip of the pen for `other` ("Volodymyr Zelnski" beside "Volodymyr
    Zelenskyy"): the first names agree (or one is missing) and the surnames' spelling keys
    are one or two letters apart, in surnames long enough for that to be a slip."""
    words, others = name.split(), other.split()
    if not words or not others or name == other:
        return False
    if len(words) > 1 and len(others) > 1 and spelling_key(words[0]) != spelling_key(others[0]):
        return False
    a, b = spelling_key(words[-1]), spelling_key(others[-1])
    if a == b:
        return True
    if a[:1] != b[:1] or min(len(a), len(b)) < 5:
        return False
    return _edits(a, b) <= (1 if min(len(a), len(b)) < 7 else 2)


def _edits(a: str, b: str) -> int:
    """Levenshtein distance."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]
