"""Progress reporting: a tqdm bar on a terminal, periodic log lines otherwise, nothing with --quiet."""

from __future__ import annotations

import io
import logging
import sys

import pytest

from pipeline.report.progress import BarProgress, LogProgress, NoProgress, format_eta, make_progress


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


class TTY(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("seconds, text", [(0, "0:00:00"), (75.4, "0:01:15"), (93784, "26:03:04"), (-3, "0:00:00")])
def test_format_eta(seconds: float, text: str) -> None:
    assert format_eta(seconds) == text


def test_log_progress_is_periodic_with_rate_and_eta(caplog: pytest.LogCaptureFixture) -> None:
    clock = Clock()
    p = LogProgress(every=30, clock=clock)
    with caplog.at_level(logging.INFO, logger="pipeline.progress"):
        p(0, 1000)
        clock.t += 10
        p(100, 1000)  # too early: a short run says nothing until it finishes
        clock.t += 30
        p(400, 1000)
        clock.t += 5
        p(450, 1000)  # within 30 s of the last line
        clock.t += 30
        p(650, 1000)
        clock.t += 15
        p(1000, 1000)  # completion is always reported, once
        p(1000, 1000)
    msgs = [r.getMessage() for r in caplog.records]
    assert msgs == [
        "progress: 400/1000 documents (40%), 10.0 documents/s, ETA 0:01:00",
        "progress: 650/1000 documents (65%), 8.7 documents/s, ETA 0:00:40",
        "progress: 1000/1000 documents (100%), 11.1 documents/s",
    ]


def test_bar_progress_shows_documents_rate_and_eta() -> None:
    out = TTY()
    p = BarProgress(out)
    p(0, 4)
    p(3, 4)
    p(4, 4)
    p.close()
    text = out.getvalue()
    assert "documents" in text and "4/4" in text and "doc/s" in text
    assert "<" in text  # elapsed<remaining, tqdm's ETA


def test_bar_progress_keeps_log_lines_off_the_bar() -> None:
    # While the bar is up, stderr handlers are routed through tqdm.write, and restored afterwards.
    root = logging.getLogger()
    handler = logging.StreamHandler(sys.stderr)
    root.addHandler(handler)
    try:
        p = BarProgress(TTY())
        p(0, 2)
        assert handler not in root.handlers
        p.close()
        assert handler in root.handlers
    finally:
        root.removeHandler(handler)


def test_make_progress_suits_where_stderr_goes() -> None:
    assert isinstance(make_progress(quiet=True, stream=TTY()), NoProgress)
    assert isinstance(make_progress(stream=TTY()), BarProgress)
    assert isinstance(make_progress(stream=io.StringIO()), LogProgress)
