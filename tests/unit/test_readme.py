"""The README's architecture section against the app it describes: a topic or an agent added
or renamed in the code and not in the README fails here."""

from __future__ import annotations

import re

from streams.app import create_app
from tests.conftest import REPO
from warwire.config import Settings
from warwire.kafka_io import topic_configs

README = (REPO / "README.md").read_text()


def section(title: str) -> str:
    start = README.index(f"\n{title}\n")
    end = README.find("\n#", start + len(title) + 2)
    return README[start:end]


def test_the_topic_table_lists_every_topic_the_workers_declare() -> None:
    table = section("### Topics")
    listed = set(re.findall(r"^\| `([a-z.\-]+)` \|", table, flags=re.MULTILINE))
    assert listed == set(topic_configs(Settings()))


def test_the_diagram_draws_every_agent_and_topic_of_the_app() -> None:
    diagram = section("## Architecture")
    drawn_agents = set(re.findall(r"\[([a-z\-]+) agent<br/>", diagram))
    app = create_app(Settings(broker="kafka://127.0.0.1:1"))
    assert drawn_agents == set(app.agents)
    drawn_topics = set(re.findall(r"\[\(([a-z.\-]+)\)\]", diagram))
    assert set(topic_configs(Settings())) <= drawn_topics
