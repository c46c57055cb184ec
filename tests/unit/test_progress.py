import io

from warwire.progress import PLAIN_EVERY, Progress


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_without_a_terminal_a_plain_line_comes_at_most_every_few_seconds() -> None:
    out, clock = io.StringIO(), Clock()
    progress = Progress("warwire replay", 40, "articles", stream=out, terminal=False, clock=clock)
    progress.update(5)
    assert out.getvalue() == ""  # too soon for a line
    clock.now = PLAIN_EVERY
    progress.update(10, "3 alerts")
    clock.now += 1
    progress.update(20)
    progress.close()
    assert out.getvalue().splitlines() == [
        "warwire replay: 10/40 articles (25%), 3 alerts",
        "warwire replay: 20/40 articles (50%)",
    ]


def test_a_finished_run_without_a_terminal_adds_no_line_of_its_own() -> None:
    out = io.StringIO()
    progress = Progress("warwire produce", 3, "articles", stream=out, terminal=False)
    progress.update(3)
    progress.close()
    assert out.getvalue() == ""  # the command's own summary line follows


def test_on_a_terminal_a_bar_counts_and_goes_away() -> None:
    out = io.StringIO()
    progress = Progress("warwire replay", 4, "articles", stream=out, terminal=True, redraw_every=0)
    progress.update(2, "1 alerts")
    progress.update(4)
    progress.close()
    drawn = out.getvalue()
    assert "2/4" in drawn and "4/4" in drawn and "1 alerts" in drawn
    assert "\r" in drawn
