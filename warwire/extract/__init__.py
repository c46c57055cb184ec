"""Rule-based extraction of strike and negotiation events from war news articles."""

from warwire.extract.core import extract_events

__all__ = ["extract_events"]
