"""The metadata stage as a whole: its contract with the record stage."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from metadata_docs import LONG_EN, LONG_RU, make_doc, run

from pipeline.config import MetadataConfig
from pipeline.document import Document, Source
from pipeline.metadata import METADATA_KEYS, extract_metadata
from pipeline.record import build_record, check_record

PAPER = [
    "Вестник МГИМО-Университета. 2023. Т. 16, № 2. С. 7–29",
    ("heading", "Энергетический диалог России и Китая"),
    "Иван Петров1, Анна Смирнова2",
    "1 МГИМО МИД России, Москва, Россия; petrov@mgimo.ru",
    "2 Институт Китая и современной Азии РАН, Москва, Россия",
    "Аннотация. " + LONG_RU,
    "Ключевые слова: энергетика, Россия, Китай.",
    ("heading", "Energy Dialogue between Russia and China"),
    "Abstract. " + LONG_EN,
    "Keywords: energy; Russia; China.",
    LONG_RU,
    ("heading", "Список литературы"),
    "1. Иванов И.И. Статья // Полис. 2020. № 1. DOI: 10.1000/ref.1",
]


def test_exact_keys_and_a_valid_record() -> None:
    doc = make_doc(PAPER, furniture=["DOI: 10.24833/2071-8160-2023-2-89-7-29", "7"],
                   footnotes=[("1", "URL: http://kremlin.ru/x (дата обращения: 16.06.2024).")])
    extract_metadata(doc, MetadataConfig())
    assert tuple(doc.metadata) == METADATA_KEYS
    md = doc.metadata
    assert md["title"] == {"text": "Энергетический диалог России и Китая", "lang": "ru"}
    assert md["title_translations"] == [{"text": "Energy Dialogue between Russia and China", "lang": "en"}]
    assert [(a["name"], a["affiliations"], a["email"]) for a in md["authors"]] == [
        ("Иван Петров", ["МГИМО МИД России, Москва, Россия"], "petrov@mgimo.ru"),
        ("Анна Смирнова", ["Институт Китая и современной Азии РАН, Москва, Россия"], None),
    ]
    assert md["doi"] == "10.24833/2071-8160-2023-2-89-7-29"
    assert md["published"] == "2023"
    assert md["venue"]["pages"] == "7-29"
    assert md["keywords"] == {"ru": ["энергетика", "Россия", "Китай"], "en": ["energy", "Russia", "China"]}
    assert set(md["abstract"]) == {"ru", "en"}
    assert md["references"] == ["Иванов И.И. Статья // Полис. 2020. № 1. DOI: 10.1000/ref.1"]
    assert [b.kind for b in doc.blocks] == ["paragraph", "title", "byline", "byline", "byline", "abstract", "keywords",
                                            "title", "abstract", "keywords", "paragraph", "heading", "reference"]
    check_record(build_record(doc))  # raises with the validator's messages if the shapes are wrong


def test_deterministic() -> None:
    a = run(make_doc(PAPER))
    b = run(make_doc(copy.deepcopy(PAPER)))
    assert a == b


@pytest.mark.parametrize(
    "blocks",
    [[], [""], ["50"], ["Abstract"], ["Keywords:"], ["By"], ["References"], [("heading", "References"), "[1]"],
     ["DOI:"], ["Аннотация."], ["\n\n\n"], ["a" * 5000], ["By " + "Li " * 200]],
)
def test_degenerate_documents_give_empty_metadata(blocks: list[str]) -> None:
    doc = make_doc(blocks)
    md = run(doc)
    assert tuple(md) == METADATA_KEYS
    assert md["title"] is None or md["title"]["text"]
    assert md["doi"] is None and md["published"] is None
    check_record(build_record(doc))


def test_seed_shaped_inputs_without_the_earlier_stages() -> None:
    """A Document straight from text (no segments, no languages) still gets metadata, languages 'und'."""
    doc = Document(source=Source("x.txt", "0" * 64, 1, "utf-8"))
    from pipeline.document import Block

    doc.set_blocks([Block("heading", "A New Journey for Relations"), Block("paragraph", "By Li Hui"),
                    Block("paragraph", LONG_EN)])
    md = extract_metadata(doc, MetadataConfig()).metadata
    assert md["title"] == {"text": "A New Journey for Relations", "lang": "und"}
    assert [a["name"] for a in md["authors"]] == ["Li Hui"]


def test_no_rule_names_a_seed() -> None:
    """The rules must stay general: no seed's journal, site, person or DOI is named in the stage's code
    (docstring examples included: they are invented)."""
    names = ["valdai", "ycpress", "xibei", "восточная азия", "li yongquan", "li hui", "belarus", "цзилин", "memssr",
             "24412", "25236", "east asia"]
    for path in Path(__file__).resolve().parents[2].joinpath("pipeline", "metadata").glob("*.py"):
        text = path.read_text(encoding="utf-8").lower()
        for name in names:
            assert name not in text, f"{path.name} names {name!r}"
