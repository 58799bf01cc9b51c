"""Repair on the seeds: the PDF debris of 003, the web furniture of 002/004, markdown of 000."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from pipeline.config import InputConfig, RepairConfig
from pipeline.document import Document, Source
from pipeline.ingest import ingest
from pipeline.repair import repair

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
CFG = InputConfig(dir=".", glob="*.txt", max_bytes=1 << 26)


@cache
def _repaired(stem: str) -> Document:
    (path,) = SEEDS.glob(f"{stem}_*.txt")
    raw = path.read_bytes()
    doc = Document(source=Source(path=path.name, size_bytes=len(raw)), raw=raw)
    return repair(ingest(doc, CFG), RepairConfig())


def test_003_interrupted_sentence_rejoined_and_footnote_moved() -> None:
    doc = _repaired("003")
    assert "a significant moment in Russia’s foreign policy shift." in doc.text
    assert "习近平" not in doc.text  # the Chinese footnote titles are out of the body
    assert len(doc.footnotes) == 8
    assert [f.id for f in doc.footnotes] == [str(i) for i in range(1, 9)]
    assert doc.repairs["footnotes_moved"] == 8


@pytest.mark.parametrize("compound", ["Western-dominated", "major-country", "de-dollarization", "China-Russia",
                                      "political-economic", "Asia-Pacific", "China-U.S."])
def test_003_line_end_compounds_keep_their_hyphen(compound: str) -> None:
    assert compound in _repaired("003").text


def test_003_urls_rejoined_exactly() -> None:
    notes = " ".join(f.text for f in _repaired("003").footnotes)
    assert "https://www.whitehouse.gov/wp-content/uploads/2022/10/Biden-Harris-Administrations-National-" \
           "Security-Strategy-10.2022.pdf" in notes
    assert "https://www.gov.cn/xinwen/2022-10/16/content_5718834.htm" in notes
    assert "wp- content" not in notes


def test_003_cjk_spaces_removed_in_footnotes() -> None:
    notes = " ".join(f.text for f in _repaired("003").footnotes)
    assert "中华人民共和国中央人民政府 [Госсовет КНР], 16.10.2022" in notes
    assert "和 国" not in notes


def test_003_page_header_page_number_and_doi_are_furniture() -> None:
    doc = _repaired("003")
    assert "50" in doc.furniture
    assert any(f.startswith("DOI 10.24412/") for f in doc.furniture)
    assert any("2024, 3" in f for f in doc.furniture)
    assert "2024, 3 East Asia" not in doc.text
    assert not doc.text.startswith("50")


def test_003_title_is_one_block_and_cues_start_blocks() -> None:
    blocks = [b.text for b in _repaired("003").blocks]
    assert blocks[0].startswith("Размышления Си Цзиньпина о дипломатии и китайско-российских")
    assert blocks[0].endswith("в международном порядке")
    assert any(b.startswith("Abstract. Current international relations") for b in blocks)
    assert any(b.startswith("Ключевые слова:") for b in blocks)
    assert any(b.startswith("Keywords: Xi Jinping") for b in blocks)


def test_000_markdown_removed_and_doi_line_rejoined() -> None:
    doc = _repaired("000")
    assert "#" not in doc.text and "**" not in doc.text
    assert "a more pragmatic style of diplomatic teachers [1]." in doc.text
    assert "DOI: 10.25236/memssr.2021.012" in doc.furniture
    kinds = {b.text: b.kind for b in doc.blocks}
    assert kinds["Fig.1 Sino-Russian Relations"] == "caption"
    assert kinds["References"] == "heading"
    assert sum(1 for b in doc.blocks if b.kind == "reference") == 5


@pytest.mark.parametrize("stem", ["002", "004"])
def test_web_boilerplate_removed(stem: str) -> None:
    doc = _repaired(stem)
    gold = json.loads(next((SHARED / "expected").glob(f"{stem}_*.json")).read_text(encoding="utf-8"))
    for line in gold["boilerplate"]:
        assert line not in doc.text
        assert line in doc.boilerplate


def test_002_body_sentences_kept() -> None:
    text = _repaired("002").text
    assert "In 2024, Sino-Russian strategic interaction will be even more colourful." in text
    assert text.startswith("Multipolarity and Connectivity")


def test_001_has_no_boilerplate_and_keeps_headings() -> None:
    doc = _repaired("001")
    assert doc.boilerplate == []
    assert any(b.kind == "heading" and b.text == "Ushering in a New Era with New Thought" for b in doc.blocks)


@pytest.mark.parametrize("stem", ["000", "001", "002", "003", "004"])
def test_seeds_repair_without_warnings(stem: str) -> None:
    assert _repaired(stem).warnings == []


def test_undecidable_damage_is_left_and_warned() -> None:
    text = "A clean line.\n\nЯ╚п╩ ╬╦▒▓ ╡╢ └┘ п╫я▀"  # box drawing and stray letters no mix-up explains
    doc = repair(Document(source=Source(path="x.txt"), text=text), RepairConfig())
    assert "╬╦▒▓" in doc.text
    assert len(doc.warnings) == 1 and "still look like mojibake" in doc.warnings[0]
    table = "Table:\n\n╔══════╗\n║ data ║\n╚══════╝"
    assert repair(Document(source=Source(path="t.txt"), text=table), RepairConfig()).warnings == []


def test_heading_directly_above_wrapped_text_stays_a_heading() -> None:
    src = (SEEDS / "003_42215d5d2eb705d7.txt").read_text(encoding="utf-8").split("\n")
    body = "\n".join(ln.strip() for ln in src[72:92])
    text = "Experience and Enlightenment of New\nInternational Relations\n\nIntroduction\n" + body
    blocks = repair(Document(source=Source(path="x.txt"), text=text), RepairConfig()).blocks
    assert [(b.kind, b.text[:24]) for b in blocks] == [
        ("heading", "Experience and Enlighten"), ("heading", "Introduction"), ("paragraph", "The acceleration of inte")]
    assert blocks[0].text == "Experience and Enlightenment of New International Relations"


def test_repeated_subheadings_are_not_furniture_or_boilerplate() -> None:
    text = "\n\n".join(["Method", "We measured the thing today.", "Results", "It worked very well indeed."] * 3)
    doc = repair(Document(source=Source(path="x.txt"), text=text), RepairConfig())
    assert doc.text == text
    assert doc.furniture == [] and doc.boilerplate == []


def test_running_headers_at_page_breaks_are_furniture() -> None:
    bodies = ["The first page opens the argument and", "the second page carries it on while",
              "the third page adds evidence to it and", "the fourth page brings it to a close."]
    pages = [f"Journal of Examples {2020 + i}, {i}\n\n{body}\n\n{i}\n\f" for i, body in enumerate(bodies, 1)]
    doc = repair(Document(source=Source(path="x.txt"), text="".join(pages)), RepairConfig())
    assert doc.text == " ".join(bodies)
    assert doc.repairs["running_headers"] == 4 and doc.repairs["page_numbers"] == 4


def test_no_footnotes_without_a_separator_and_numbered_notes() -> None:
    text = "A paragraph that ends here.\n\n          \n1 in 5 people agree with this claim.\n\nMore text."
    doc = repair(Document(source=Source(path="x.txt"), text=text), RepairConfig())
    assert doc.footnotes == []
    assert "1 in 5 people agree" in doc.text


def test_markdown_footnotes_move_out_with_their_references() -> None:
    text = ("# Title\n\nSome claim[^1] and another[^note].\n\n[^1]: First note, https://x.org/a.\n"
            "[^note]: Second note\n    continues here.\n\nLast paragraph.")
    doc = repair(Document(source=Source(path="x.txt"), text=text), RepairConfig())
    assert doc.text == "Title\n\nSome claim and another.\n\nLast paragraph."
    assert [(f.id, f.text) for f in doc.footnotes] == [("1", "First note, https://x.org/a."),
                                                        ("note", "Second note continues here.")]


def test_menu_runs_at_the_page_edges_are_boilerplate() -> None:
    text = ("Home\nNews\nWorld\nAbout us\n\nA Headline of Some Length\n\nBy Jane Doe\n\n"
            "The body of the article says what it says. It goes on for a while.\n\nContact\nPrivacy\nTerms\nCareers")
    doc = repair(Document(source=Source(path="x.txt"), text=text), RepairConfig())
    assert doc.text == ("A Headline of Some Length\n\nBy Jane Doe\n\n"
                        "The body of the article says what it says. It goes on for a while.")
    assert doc.boilerplate == ["Home", "News", "World", "About us", "Contact", "Privacy", "Terms", "Careers"]


def test_reference_list_ends_at_the_next_heading() -> None:
    text = ("Text here.\n\nReferences\n\nBull H. The Anarchical Society. 2003.\n\nKissinger H. World Order. 2015."
            "\n\nAbout the Authors\n\nJane Doe is a researcher.")
    doc = repair(Document(source=Source(path="x.txt"), text=text), RepairConfig())
    assert [b.kind for b in doc.blocks] == ["paragraph", "heading", "reference", "reference", "heading", "paragraph"]
