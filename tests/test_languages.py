"""The language stage: coverage of blocks, splits at script switches, labels, determinism."""

from __future__ import annotations

import re

import pytest

from pipeline.config import LanguagesConfig
from pipeline.document import Block, Document, Footnote, Source
from pipeline.languages import detect_languages

CFG = LanguagesConfig()


def run(blocks: list[str], notes: list[str] | None = None, cfg: LanguagesConfig = CFG) -> Document:
    doc = Document(source=Source(path="t.txt"))
    doc.set_blocks([Block("paragraph", b) for b in blocks])
    doc.footnotes = [Footnote(str(i + 1), t) for i, t in enumerate(notes or [])]
    return detect_languages(doc, cfg)


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def test_bilingual_footnote_splits_at_the_bracket() -> None:
    note = (
        "习近平提出，促进世界和平与发展，推动构建人类命运共同体 [Си Цзиньпин выступил с идеей содействия "
        "миру и развитию во всём мире]. 中华人民共和国中央人民政府 [Госсовет КНР], 16.10.2022. (На кит.). "
        "URL: https://www.gov.cn/xinwen/2022-10/16/content_5718834.htm (дата обращения: 27.05.2024)."
    )
    doc = run(["Основной текст статьи на русском языке."], [note])
    segs = [s for s in doc.segments if s.note == 0]
    assert [s.lang for s in segs] == ["zh", "ru", "zh", "ru"]
    assert segs[1].text.startswith("[Си Цзиньпин")
    assert all(s.kind == "footnote" and s.block == -1 for s in segs)
    assert squash("".join(s.text for s in segs)) == squash(note)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Страны BRICS и ШОС расширяют сотрудничество в области энергетики.", "ru"),
        ("The КНР position was stated by the ministry on Monday.", "en"),
        ("Эта прoблема (с латинской o) остаётся нерешённой.", "ru"),
        ("Сюй Бо, У Хао", "ru"),
    ],
)
def test_short_foreign_runs_stay_with_their_sentence(text: str, lang: str) -> None:
    doc = run([text])
    assert [s.lang for s in doc.segments] == [lang]
    assert doc.segments[0].text == text
