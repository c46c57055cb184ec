"""Decoding and validating raw `articles` messages. Pure: bytes in, an Article or a rejection out."""

from __future__ import annotations

import orjson
from pydantic import ValidationError

from schemas import Article

MAX_ARTICLE_BYTES = 2_000_000


class Rejected(Exception):
    """An input that cannot be processed; `reason` is a short stable label for metrics."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


def decode_article(raw: bytes | None) -> Article:
    if not raw:
        raise Rejected("empty_message")
    if len(raw) > MAX_ARTICLE_BYTES:
        raise Rejected("too_large", f"{len(raw)} bytes > {MAX_ARTICLE_BYTES}")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise Rejected("invalid_json", str(exc)) from None
    if not isinstance(data, dict):
        raise Rejected("invalid_article", f"expected a JSON object, got {type(data).__name__}")
    try:
        article = Article.model_validate(data)
    except ValidationError as exc:
        raise Rejected("invalid_article", _summarise(exc)) from None
    if not article.body.strip():
        raise Rejected("empty_body", f"article {article.id}")
    return article


def _summarise(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in err['loc']) or 'value'}: {err['msg']}" for err in exc.errors()[:5]
    )
