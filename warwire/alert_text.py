"""An alert as a person reads it in a terminal."""

from __future__ import annotations

from schemas import Alert


def format_alert(alert: Alert) -> str:
    lines = [f"[{alert.severity.upper()}] {alert.kind} v{alert.incident_version}: {alert.headline}"]
    lines += [f"    {detail}" for detail in alert.details]
    lines += [f"    {link}" for link in alert.links[:5]]
    return "\n".join(lines)
