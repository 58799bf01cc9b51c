"""`seedclean explain FILE`: what each stage did to one document."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.document import Document, Footnote, Source
from pipeline.explain import Finder, Hunk, watch, word_hunks


@pytest.mark.parametrize("before, after, hunks", [
    ("same text", "same text", []),
    # Unwrapping changes only plain spaces and line breaks: counted by the stage, not shown.
    ("one two\nthree four", "one two three four", []),
    ("the ко-\nторые words", "the которые words",
     [Hunk("the ко-⏎торые words", "the которые words", "ко- торые", "которые")]),
    ("Ð¿Ñ€Ð¸ÐµÑ‚ world", "привет world", [Hunk("Ð¿Ñ€Ð¸ÐµÑ‚ world", "привет world", "Ð¿Ñ€Ð¸ÐµÑ‚", "привет")]),
    # An invisible separator that changed is shown, made visible.
    ("a b\u00a0c d", "a b c d", [Hunk("a b<U+00A0>c d", "a b c d", "<U+00A0>", " ")]),
    ("x 12\n\nHeader\n\ny z", "x y z", [Hunk("x 12⏎⏎Header⏎⏎y z", "x y z", "12 Header", "")]),
])
def test_word_hunks(before: str, after: str, hunks: list[Hunk]) -> None:
    assert word_hunks(before, after, context=2) == hunks


def test_word_hunks_give_context_and_ellipses() -> None:
    words = " ".join(f"w{i}" for i in range(20))
    [h] = word_hunks(words, words.replace("w10", "W10"), context=2)
    assert h.before == "…w8 w9 w10 w11 w12…" and h.after == "…w8 w9 W10 w11 w12…"


def test_watch_records_outermost_text_steps_and_restores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pkg = tmp_path / "fakerepair"
    pkg.mkdir()
    (pkg / "steps.py").write_text(textwrap.dedent('''
        def lower(text):
            return text.lower(), sum(c.isupper() for c in text)

        def trim(text):
            inner, n = lower(text)  # a nested call is part of trim, not a step of its own
            return inner.strip(), n + 1

        def count(text):
            return len(text)  # not a (text, n) step
    '''))
    (pkg / "__init__.py").write_text(textwrap.dedent('''
        from fakerepair import steps
        from fakerepair.steps import trim

        def run(doc):
            text, _ = steps.lower(doc["text"])
            steps.count(text)
            text, _ = trim("  " + text.upper() + "  ")
            return text
    '''))
    monkeypatch.syspath_prepend(str(tmp_path))
    import fakerepair

    original = fakerepair.steps.lower
    with watch(fakerepair) as steps:
        assert fakerepair.run({"text": "Hello"}) == "hello"
    assert [(s.name, s.before, s.after) for s in steps] == [("lower", "Hello", "hello"),
                                                             ("trim", "  HELLO  ", "hello")]
    assert fakerepair.steps.lower is original and fakerepair.trim is fakerepair.steps.trim
    del sys.modules["fakerepair"], sys.modules["fakerepair.steps"]


def test_finder_names_the_line_a_value_came_from() -> None:
    ingested = "Journal of Things, 2021, vol. 3\n\nA Title That Was\nWrapped Over Lines\n\nBody 05.03.2021 text.\n"
    doc = Document(source=Source(path="x.txt"), furniture=["Journal of Things, 2021, vol. 3"],
                   footnotes=[Footnote("1", "See https://example.org/z")])
    f = Finder(ingested, doc)
    assert (f.find("journal of things").where, f.find("journal of things").text) == ("line 1", "Journal of Things, 2021, vol. 3")
    assert f.find("A Title That Was Wrapped Over Lines").where == "line 3"  # found by its first words
    assert f.find("https://example.org/z").where == "footnote 1"
    assert f.find("nowhere to be seen") is None
    assert f.find_date("2021-03-05").where == "line 6"  # the line with the year, month and day
    assert f.find_date("2021").where == "line 1"
    assert f.find_most(["thing", "wrapped", "over"]).where == "line 4"


DOC = """Российско-китайские отношения в новую эпоху

И. И. Иванов

Аннотация. В статье рассматриваются отношения России и Китая в новую эпоху, их исто\u00adрия и перспективы развития сотрудничества в экономике, политике и культуре.

Ключевые слова: Россия, Китай, сотрудничество

Введение

Отношения между Россией и Китаем развиваются уже много лет. Стороны регулярно прово-
дят встречи на высшем уровне и подписывают соглашения о сотрудничестве в разных областях.
"""


def test_explain_shows_each_stage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "paper.txt"
    f.write_bytes(DOC.encode("cp1251", errors="replace").replace(b"?", b"-"))
    assert main(["explain", "-q", str(f)]) == 0
    out = capsys.readouterr().out
    stages = [line.split()[1] for line in out.splitlines() if line.startswith("== ")]
    assert stages == ["ingest", "repair", "languages", "metadata", "record"]
    assert "charset: cp1251" in out
    assert "\n    before: «" in out and "\n    after:  «" in out  # before/after snippets of a repair
    assert "languages (share of letters): ru 100.0%" in out
    assert any(line.split()[1:3] == ["ru", "heading"] or line.split()[1:3] == ["ru", "title"]
               for line in out.splitlines() if line.strip().startswith("#0 "))
    assert "title (ru): «Российско-китайские отношения в новую эпоху»\n      from line 1:" in out
    assert "valid record sha256:" in out


def test_explain_an_unreadable_document_says_where_it_stopped(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    assert main(["explain", "-q", str(f)]) == 1
    out = capsys.readouterr().out
    assert "quarantined at ingest:" in out


def test_explain_usage_errors_exit_2(tmp_path: Path) -> None:
    assert main(["explain", "-q", str(tmp_path / "missing.txt")]) == 2
    (tmp_path / "a.txt").write_text("text")
    (tmp_path / "bad.yaml").write_text("repair: {unwarp: true}\n")
    assert main(["explain", "-q", "--config", str(tmp_path / "bad.yaml"), str(tmp_path / "a.txt")]) == 2
