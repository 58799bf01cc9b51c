"""The layout pass's shortcuts give exactly what the plain rules they stand for give.

Each shortcut (a string-method reading of a pattern, a gate before a regex, a fast path for the
common case) is checked against the plain definition on a table of edge cases.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

import pytest

from pipeline.config import RepairConfig
from pipeline.repair import layout
from pipeline.repair.layout import Vocabulary

# ends_sentence: whitespace, note digits (ASCII and others), closers, marks, letters.
_END_PIECES = ["", "a", "end", ".", "!", "?", "…", "”", "»", ")", "]", "'", '"', "1", "12", "123", "1234",
               "٣", " ", "\n", "\t", "\u3000", ","]


def test_ends_sentence_reads_the_pattern() -> None:
    texts = ["".join(p) for p in itertools.product(_END_PIECES, repeat=3)]
    assert [t for t in texts if layout.ends_sentence(t) != bool(layout._SENTENCE_END.search(t))] == []
    assert sum(map(layout.ends_sentence, texts)) > 1000  # the table holds sentence ends too


@pytest.mark.parametrize(
    "text",
    [
        "", "plain words only", "Well-known (words), 1990s well-known x_y", "a--b -c- d‐e", "«цитата» и т.д.",
        "co-operation, co-\noperation", "x²y ½ 一二", "snake_case_name and CamelCase", "'quoted' “curly” [1]",
        "e-mail: a@b.org http://x.org/a-b", "ǅemal İstanbul ſtraße",
    ],
)
def test_word_tokens_are_the_token_pattern(text: str) -> None:
    assert layout.word_tokens(text) == set(layout._WORD_TOKEN.findall(text))


@pytest.mark.parametrize(
    "text", ["", " ", "a b", " a", "a ", "a  b", "a\tb", "a\u00a0b", "a\u3000b", "a\x1fb", "a\u200bb", "слово  два"]
)
def test_squash_is_split_and_join(text: str) -> None:
    assert layout.squash(text) == " ".join(text.split())


@pytest.mark.parametrize(
    ("text", "out", "n"),
    [
        ("共和 国 中 央 [Госсовет]", "共和国中央 [Госсовет]", 3),
        ("中 国 人 民", "中国人民", 3),
        ("中\t \t国、 日本", "中国、日本", 2),
        ("Latin text only", "Latin text only", 0),
        ("Русский текст", "Русский текст", 0),
        ("中 a 国", "中 a 国", 0),
        ("", "", 0),
    ],
)
def test_remove_cjk_spaces(text: str, out: str, n: int) -> None:
    assert layout.remove_cjk_spaces(text) == (out, n)
    assert layout.has_cjk(text) == bool(layout._CJK_CHAR.search(text))


def _join_one_by_one(parts: list[str]) -> tuple[str, Counter[str]]:
    """join_all's slow path spelled out: each line joined to the text before it by ``joint``."""
    counts: Counter[str] = Counter()
    text = ""
    for p in (p.strip() for p in parts):
        if not p:
            continue
        if not text:
            text = p
            continue
        drop, sep = layout.joint(text[-layout._TAIL:], p, Vocabulary(), counts)
        text = text[: len(text) - drop] + sep + p
    return text, counts


@pytest.mark.parametrize(
    "parts",
    [
        ["plain", "lines", "joined with spaces."],
        ["  padded  ", "", "lines  "],
        ["a long inter-", "national order"],
        ["see https://x.org/wp-", "content/a.pdf now"],
        ["DOI: 10.1177/", "0263 and more"],
        ["中文", "文字"],
        ["ends with a slash/", "next"],
        ["www.example.", "org/page"],
        ["only one line"],
        [],
        ["Россия и «Запад»", "далее — текст"],
        ["中文。", "文字"],
        ["emoji 🙂", "next", "ｆｕｌｌ"],
        ["сло‐", "во и пол-", "ное"],
        ["a line with-\n", "inside/\n", "it"],
    ],
)
def test_join_all_fast_path_matches_joint(parts: list[str]) -> None:
    counts: Counter[str] = Counter()
    assert (layout.join_all(parts, Vocabulary(), counts), counts) == _join_one_by_one(parts)


@pytest.mark.parametrize(
    "raw", ["", " " * 19, " " * 20, "_____", "____", "  ‗‗‗‗‗  ", "-" * 10, "-" * 9, "——————————", "__ __ __", "\f", "a" * 30]
)
def test_footnote_separator_gate(raw: str) -> None:
    (line,) = layout.split_lines(raw)
    assert layout._footnote_separators([line]) == ([0] if layout.FOOTNOTE_SEPARATOR.match(raw) else [])


@pytest.mark.parametrize(
    "text",
    ["## Heading", "Abstract: x", "**Keywords**: a", "[12] Ref", "Figure 3. A", "- item", "12) item", "Plain text",
     "ſummary: x", "KEY WORDS: x", "Список литературы", "Рис. 2", "", "#hashtag"],
)
def test_block_cue_alternation_is_any_cue(text: str) -> None:
    cues = (layout.MD_HEADING, layout.FIELD_CUE, layout.REFERENCE_ENTRY, layout.CAPTION, layout.LIST_ITEM)
    assert bool(layout._BLOCK_CUE.match(text)) == any(p.match(text) for p in cues)


def test_mask_groups_repeated_headers() -> None:
    assert layout._mask("Journal  of X, 12(3)") == layout._mask("journal of x, 7(1)") == "journal of x, 0(0)"
    assert layout._mask("No digits here", digits=False) == layout._mask("No  digits here")


def test_vocabulary_leaves_out_split_fragments() -> None:
    v = Vocabulary.of(["the major-country relations of", "interna-", "tional politics- ", "and so on"])
    assert "major-country" in v.compounds and {"major"} <= v.prefixes and {"country"} <= v.suffixes
    # A line-end hyphen's fragments are no evidence: not "interna", "tional", nor "politics" and
    # "and" around the stray hyphen after "politics".
    assert v.plain == {"the", "relations", "of", "so", "on"}


@pytest.mark.parametrize("cfg", [RepairConfig(), RepairConfig(cjk_spaces=False), RepairConfig(markdown=False)])
def test_cjk_spaces_in_a_mixed_document(cfg: RepairConfig) -> None:
    text = "中 文 标题\n\n正文 第一 行\n第二 行。\n\nPlain  text   here\nand more."
    blocks = [b.text for b in layout.build_blocks(text, cfg).blocks]
    if cfg.cjk_spaces:
        assert blocks[:3] == ["中文标题", "正文第一行", "第二行。"]
    else:
        assert blocks[:3] == ["中 文 标题", "正文 第一 行", "第二 行。"]
    assert blocks[-1] == "Plain text here and more."
    assert all(not re.search(r"\s{2}", b) for b in blocks)
