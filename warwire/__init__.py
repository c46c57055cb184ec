"""warwire: a stream processor that turns war reporting into deduplicated events and alerts."""

__version__ = "0.1.0"
