"""Repair's safety properties: clean prose passes byte for byte, repair is idempotent, switches work."""

from __future__ import annotations

import dataclasses

import pytest
from damaged_corpus import bases, corpus
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.config import InputConfig, RepairConfig
from pipeline.document import Document, Source
from pipeline.ingest import ingest
from pipeline.repair import repair

CLEAN_EN = """The committee met on 12 March 2024 to review the budget. Its members agreed that the
long-term plan—drafted in 2019—no longer matched the city’s needs, and asked for “a fresh,
evidence-based proposal” by the end of the year.

Several speakers pointed to the state-of-the-art library opened last spring: 40% more visitors,
a café that pays for itself, and a reading room that stays open until 10 p.m. (see https://example.org/report-2023.pdf).

Nobody disputed the figures. What remains open is who pays for the next phase, e.g. the district,
the region or a private partner, and whether the work can start before the winter.""".replace("\n", " ")

CLEAN_RU = """Заседание комиссии прошло 12 марта 2024 г. Её члены согласились, что долгосрочный план,
составленный в 2019 г., уже не отвечает нуждам города, и попросили подготовить «свежее,
обоснованное предложение» к концу года.

Выступавшие напомнили о библиотеке, открытой прошлой весной: посетителей стало на 40 % больше,
кафе окупает себя, а читальный зал работает до 22:00. Журнал «Вопросы экономики» (№ 5) назвал
её „лучшим проектом года“ — и это не преувеличение.

Никто не оспаривал цифры. Открытым остаётся вопрос, кто оплатит следующий этап: район, область
или частный партнёр, — и можно ли начать работы до зимы.""".replace("\n", " ")

CLEAN_ZH = "两国领导人在会谈中表示，双方将继续加强合作（包括经贸、人文等领域），共同应对全球性挑战。"


def _paragraphs(text: str) -> str:
    # The module's prose is written with line breaks inside paragraphs; blank lines separate them.
    return "\n\n".join(" ".join(p.split()) for p in text.split("  ") if p.strip())


def _repair(text: str, cfg: RepairConfig | None = None) -> Document:
    return repair(Document(source=Source(path="t.txt"), text=text), cfg or RepairConfig())


@pytest.mark.parametrize("text", [CLEAN_EN, CLEAN_RU, CLEAN_ZH])
def test_clean_prose_passes_byte_for_byte(text: str) -> None:
    text = _paragraphs(text)
    doc = _repair(text)
    assert doc.text == text
    assert not doc.repairs
    assert doc.furniture == [] and doc.boilerplate == [] and doc.footnotes == []


def test_clean_prose_is_one_paragraph_block_each() -> None:
    text = _paragraphs(CLEAN_RU)
    doc = _repair(text)
    assert [b.kind for b in doc.blocks] == ["paragraph"] * 3


@pytest.mark.parametrize("base", sorted(bases()))
def test_repair_is_idempotent_on_the_seeds(base: str) -> None:
    once = _repair(bases()[base])
    twice = _repair(once.text)
    assert twice.text == once.text
    assert not twice.repairs or set(twice.repairs) <= {"lines_unwrapped"}


@pytest.mark.parametrize(("base", "variant"), [("003", "utf-8-as-koi8-r"), ("003ru", "cp1251-as-latin-1"),
                                               ("002", "html-entities"), ("004", "cp1252-mojibake"),
                                               ("000", "control-chars")])
def test_repair_is_idempotent_on_damaged_variants(base: str, variant: str) -> None:
    doc = ingest(Document(source=Source(path="t.txt"), raw=corpus()[(base, variant)]),
                 InputConfig(dir=".", glob="*", max_bytes=1 << 26))
    once = repair(doc, RepairConfig())
    assert _repair(once.text).text == once.text


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400))
def test_repair_never_fails_and_is_idempotent_on_any_text(text: str) -> None:
    once = _repair(text)
    assert _repair(once.text).text == once.text


# Pieces of the structures repair reacts to, for documents hypothesis puts together.
PIECES = ["word", "Word", "слово", "Слово", "the", "и", "-", "- ", "#", "# ", ".", ",", ";", ":", " ", "\n",
          "\n\n", "\n ", "12", "2024", "Abstract.", "Keywords:", "References", "[1] ", "Fig. 1 ",
          "https://x.org/a-", "b/c.htm", "inter-", "national", "Western-", "dominated", "中国", "共和 国", "’",
          "“", "”", "»", "«", "\f", "DOI: 10.1234/abc", "Club events", " " * 20, "1 ", "50", "—", "&amp;", "Ã©",
          "п╒я▀", "**"]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(PIECES), max_size=80))
def test_repair_is_idempotent_on_structured_documents(pieces: list[str]) -> None:
    once = _repair("".join(pieces))
    assert _repair(once.text).text == once.text


def test_pathological_input_is_fast_enough() -> None:
    # Regexes must not backtrack catastrophically: megabytes of '-' or '(' are handled in linear time.
    for junk in ("-" * 200_000, "(" * 200_000, "a-\n" * 20_000, "\u00a0" * 100_000, "&amp;" * 50_000):
        _repair(junk)


@pytest.mark.parametrize(
    ("key", "kind"),
    [("footnotes", "footnotes_moved"), ("page_furniture", "page_numbers"), ("unwrap", "lines_unwrapped"),
     ("cjk_spaces", "cjk_spaces"), ("markdown", "markdown"), ("web_boilerplate", "boilerplate_lines")],
)
def test_each_switch_turns_its_family_off(key: str, kind: str) -> None:
    base = "002" if key == "web_boilerplate" else ("000" if key == "markdown" else "003")
    on = _repair(bases()[base])
    off = _repair(bases()[base], dataclasses.replace(RepairConfig(), **{key: False}))
    assert on.repairs[kind] > 0
    assert off.repairs[kind] == 0
