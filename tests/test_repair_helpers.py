"""Parametrized tables for the small pure helpers of ingest and repair, and their docstring examples."""

from __future__ import annotations

import doctest
from collections import Counter

import pytest

from pipeline import textscore
from pipeline.ingest import decode as decode_mod
from pipeline.repair import chars, chrome, encoding, front, layout, web
from pipeline.repair.layout import Vocabulary


@pytest.mark.parametrize("module", [decode_mod, textscore, chars, chrome, encoding, front, layout, web])
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0


@pytest.mark.parametrize(
    ("text", "out", "n"),
    [
        ("a\r\nb", "a\nb", 1),
        ("a\rb\rc", "a\nb\nc", 2),
        ("a\u2028b", "a\nb", 1),
        ("page one\fpage two", "page one\n\f\npage two", 0),
        ("plain\nlines", "plain\nlines", 0),
    ],
)
def test_normalize_line_ends(text: str, out: str, n: int) -> None:
    assert chars.normalize_line_ends(text) == (out, n)


@pytest.mark.parametrize(
    ("text", "out"),
    [
        ("Tom &amp; Jerry", "Tom & Jerry"),
        ("it&#8217;s", "it’s"),
        ("it&#x2019;s", "it’s"),
        ("a&nbsp;b", "a\u00a0b"),
        ("&laquo;да&raquo;", "«да»"),
        ("&amp;lt;b&amp;gt;", "<b>"),
        ("AT&T and &notice", "AT&T and &notice"),  # no ';': not an entity
        ("&bogus;", "&bogus;"),
        ("<p>5 &lt; 6</p>", "<p>5 < 6</p>"),  # a '<' earlier does not switch decoding off
    ],
)
def test_unescape_entities(text: str, out: str) -> None:
    assert chars.unescape_entities(text)[0] == out


@pytest.mark.parametrize(
    ("fn", "text", "out"),
    [
        (chars.remove_controls, "bell\x07 esc\x1b del\x7f", "bell esc del"),
        (chars.remove_controls, "tab\tand\fff", "tab\tand\fff"),
        (chars.remove_invisible, "\ufeffzero\u200bwidth\u2060", "zerowidth"),
        (chars.remove_invisible, "emoji\u200djoiner\u200c", "emoji\u200djoiner\u200c"),
        (chars.remove_invisible, "figure\ufffc below\u206a, \ufff9anchor\ufffatext\ufffb", "figure below, anchortext"),
        (chars.remove_soft_hyphens, "inter\u00adnational", "international"),
        (chars.remove_soft_hyphens, "inter\u00ad\n  national", "international"),
        (chars.normalize_spaces, "10\u00a0000\u2009₽\u202fx", "10 000 ₽ x"),
        (chars.normalize_spaces, "全角\u3000空格", "全角\u3000空格"),
    ],
)
def test_char_helpers(fn: object, text: str, out: str) -> None:
    assert fn(text)[0] == out  # type: ignore[operator]


@pytest.mark.parametrize(
    ("text", "out"),
    [
        ("共和 国 中 央 人 民 政 府", "共和国中央人民政府"),
        ("力争 2030 年前", "力争 2030 年前"),  # digits keep their spaces
        ("习近平：高举 中国", "习近平：高举中国"),
        ("Китай 中国 и", "Китай 中国 и"),
        ("한국어 문장", "한국어 문장"),  # Korean separates words with spaces
    ],
)
def test_remove_cjk_spaces(text: str, out: str) -> None:
    assert layout.remove_cjk_spaces(text)[0] == out


@pytest.mark.parametrize(
    ("text", "ends"),
    [("the end.", True), ("the end.”", True), ("the end.”2", True), ("in Russia’s foreign", False),
     ("confrontation,", False), ("Is it?", True), ("see [1]", False)],
)
def test_ends_sentence(text: str, ends: bool) -> None:
    assert layout.ends_sentence(text) is ends


@pytest.mark.parametrize(
    ("line", "is_number"),
    [("50", True), ("- 12 -", True), ("Page 3 of 9", True), ("стр. 7", True), ("50 years", False),
     ("2024, 3", False), ("12345", False)],
)
def test_is_page_number(line: str, is_number: bool) -> None:
    assert layout.is_page_number(line) is is_number


VOCAB = Vocabulary.of(["major-country relations", "non-traditional security", "решение принято",
                       "президента России"])


@pytest.mark.parametrize(
    ("left", "right", "keep"),
    [
        ("Western", "dominated", True),  # capitalised first part: a compound
        ("major", "country", True),  # seen hyphenated in the document
        ("de", "dollarization", True),  # prefix + a known word that is not one word joined
        ("China", "Russia", True),
        ("China", "U", True),
        ("inter", "national", False),  # 'international' is a word
        ("govern", "ment", False),
        ("non", "traditional", True),
        ("реше", "ние", False),  # the joined word occurs in the document
        ("президен", "та", False),
        ("polit", "ical", False),
    ],
)
def test_keep_line_end_hyphen(left: str, right: str, keep: bool) -> None:
    assert layout.keep_line_end_hyphen(left, right, VOCAB) is keep


@pytest.mark.parametrize(
    ("left", "right", "out"),
    [
        ("https://www.whitehouse.gov/wp-", "content/uploads/a.pdf (accessed)",
         "https://www.whitehouse.gov/wp-content/uploads/a.pdf (accessed)"),
        ("URL: https://www.gov.cn/xinwen/2022-", "10/16/content_5718834.htm (дата",
         "URL: https://www.gov.cn/xinwen/2022-10/16/content_5718834.htm (дата"),
        ("see https://example.org/a/", "b/c.html now", "see https://example.org/a/b/c.html now"),
        ("the Western-", "dominated order", "the Western-dominated order"),
        ("the inter-", "national order", "the international order"),
        ("中华人民共", "和国", "中华人民共和国"),
        ("a plain", "line", "a plain line"),
        ("ends with https://x.org/page.", "Next sentence", "ends with https://x.org/page. Next sentence"),
    ],
)
def test_join_lines(left: str, right: str, out: str) -> None:
    assert layout.join_lines(left, right, VOCAB, Counter()) == out


@pytest.mark.parametrize(
    ("text", "out"),
    [
        ("**Keywords:** a; b", "Keywords: a; b"),
        ("__bold__ and `code`", "bold and code"),
        ("a [link](https://x.org/p) here", "a link (https://x.org/p) here"),
        ("![Fig. 1](img/f1.png)", "Fig. 1"),
        ("2 * 3 * 4", "2 * 3 * 4"),
        # half a bold pair goes; a second author's marker after the name stays
        ("**Keywords: a; b", "Keywords: a; b"), ("Tomasz Kędzierski**", "Tomasz Kędzierski**"),
        ("Ray**, Lee", "Ray**, Lee"),
        # a mark the converter escaped is the character itself
        ("**Oyunchimeg Dashdorj**¹, **Ilya M. Sokolov**²\\*", "Oyunchimeg Dashdorj¹, Ilya M. Sokolov²*"),
        ("\\* Corresponding author", "* Corresponding author"), ("snake\\_case", "snake_case"),
    ],
)
def test_strip_markdown(text: str, out: str) -> None:
    assert layout.strip_markdown(text, Counter()) == out


RU = "Режим времени и места"


@pytest.mark.parametrize(
    ("line", "fixed", "how"),
    [
        ("Òû äåëàåøü ýòî õîðîøî", "Ты делаешь это хорошо", "latin-1>cp1251"),
        (RU.encode("utf-8").decode("koi8_r"), RU, "koi8_r>utf-8"),
        (RU.encode("utf-8").decode("cp866"), RU, "cp866>utf-8"),
        (RU.encode("utf-8").decode("mac_cyrillic"), RU, "mac_cyrillic>utf-8"),
        (RU.encode("cp1251").decode("koi8_r"), RU, "koi8_r>cp1251"),
        (RU.encode("koi8_r").decode("cp1251"), RU, "cp1251>koi8_r"),
        ("Режим времени и места", "Режим времени и места", None),  # clean Russian stays
        ("США и НАТО", "США и НАТО", None),
        ("Café élève à Paris", "Café élève à Paris", None),  # clean French stays
        ("NESTLÉ® requiere", "NESTLÉ® requiere", None),
        ("ВВЕДЕНИЕ", "ВВЕДЕНИЕ", None),
    ],
)
def test_fix_cyrillic_line(line: str, fixed: str, how: str | None) -> None:
    assert encoding.fix_cyrillic_line(line) == (fixed, how)


@pytest.mark.parametrize(
    ("line", "needs"),
    [("plain ASCII", False), ("Россия и Китай", False), ("cafÃ©", True), ("ﬁnance", True),
     ("bell\x1b[0m", True), ("C1\x85", True), ("e\u0301", True)],
)
def test_needs_ftfy(line: str, needs: bool) -> None:
    assert encoding.needs_ftfy(line) is needs


@pytest.mark.parametrize(
    ("text", "title_like"),
    [("Global Corporations and Economy", True), ("Club events", True), ("It rained. Then it stopped.", False),
     ("lower case start", False), ("Ends with a comma,", False)],
)
def test_is_title_like(text: str, title_like: bool) -> None:
    assert web.is_title_like(text) is title_like


def test_wrap_width_tells_wrapped_from_paragraph_lines() -> None:
    wrapped = [layout.Line("x" * n, 0, "x" * n) for n in (95, 98, 99, 97, 60, 96, 99, 100, 94, 40)]
    para = [layout.Line("x" * n, 0, "x" * n) for n in (600, 250, 980, 40, 330, 720)]
    assert layout.wrap_width(wrapped) in range(95, 101)
    assert layout.wrap_width(para) is None


def test_what_ftfy_drops_as_controls_goes_from_every_line() -> None:
    """ftfy's control-character fix runs only on the lines ftfy is given (see encoding.needs_ftfy): the
    pipeline's own helpers drop the same characters everywhere else."""
    import ftfy.chardata

    for code in sorted(ftfy.chardata.CONTROL_CHARS):
        ch = chr(code)
        if ch in "\t\n\f\r":
            continue  # line structure: kept or normalised on purpose
        assert chars.remove_invisible(chars.remove_controls(f"a{ch}b")[0])[0] == "ab", hex(code)


@pytest.mark.parametrize("ch", ["\u206a", "\u206f", "\ufff9", "\ufffb", "\ufffc"])
def test_format_and_object_characters_leave_clean_text(ch: str) -> None:
    from pipeline.config import load
    from pipeline.document import Document, Source
    from pipeline.stages import Pipeline

    raw = f"A plain title\n\nThe quick brown fox{ch} jumps over the lazy dog in the park.\n".encode()
    out = Pipeline(load(None)).process(Document(source=Source(path="x.txt", sha256="0" * 64,
                                                              size_bytes=len(raw)), raw=raw))
    assert out.record is not None
    assert ch not in out.record["text"]
    assert "fox jumps" in out.record["text"]
    assert out.record["repairs"].get("invisible_chars") == 1


@pytest.mark.parametrize(("line", "byline"), [
    ("di Giulia Ferrandi", True), ("by Jane Doe and John Smith", True), ("Автор: Сергей Воронихин", True),
    ("di solito il mare è calmo", False), ("by the river in 1990", False),
    # The byline words metadata reads (pipeline.names), as repair reads them: kept as the article's.
    ("Words by Isla Moreton", True), ("Story by Jane Doe", True), ("Текст: Анна Белова", True),
    ("Words by the sea", False), ("Корреспондент: Анна Лушникова", True), ("Reporter: Jane Doe", True),
])
def test_is_byline(line: str, byline: bool) -> None:
    from pipeline.repair.front import is_byline
    assert is_byline(line) is byline


def test_a_byline_is_not_joined_to_the_standfirst_above_it() -> None:
    from pipeline.config import RepairConfig
    from pipeline.repair.layout import build_blocks
    text = ("Monti Sibillini, il censimento conta quattordici branchi di lupi\n"
            "Il monitoraggio con fototrappole stima tra 78 e 95 esemplari e gli allevatori chiedono indennizzi\n"
            "di Giulia Ferrandi\n14 febbraio 2024\n" + "Testo dell'articolo che continua a lungo. " * 8 + "\n"
            + "Un altro paragrafo dell'articolo con molte parole. " * 8)
    blocks = [b.text for b in build_blocks(text, RepairConfig()).blocks]
    assert "di Giulia Ferrandi" in blocks


@pytest.mark.parametrize(("line", "issn"), [
    ("ISSN 2542-3150 (Print)                ISSN 2542-3169 (Online)", True), ("e-ISSN: 2791-6340", True),
    ("Print ISSN 1234-567X", True), ("The ISSN of the journal changed in 2020.", False), ("ISSN", False),
])
def test_issn_line(line: str, issn: bool) -> None:
    assert bool(layout.ISSN_LINE.match(line)) is issn


def test_an_issn_line_at_the_top_is_furniture_and_a_pandoc_div_fence_goes() -> None:
    from pipeline.config import RepairConfig
    text = ("ISSN 2542-3150 (Print) ISSN 2542-3169 (Online)\n\nA Study of Rivers\n\n::: {.license}\n"
            "Published under CC BY 4.0.\n:::\n\n" + "Rivers freeze later than they did. " * 10)
    result = layout.build_blocks(text, RepairConfig())
    assert result.furniture == ["ISSN 2542-3150 (Print) ISSN 2542-3169 (Online)"]
    assert not any(":::" in b.text for b in result.blocks)


@pytest.mark.parametrize(("text", "want"), [
    ("_Keywords:_ amphibian migration; road ecology", "Keywords: amphibian migration; road ecology"),
    ("common lilac (*Syringa vulgaris* L.)", "common lilac (Syringa vulgaris L.)"),
    ("Tom Ray*, Bo Li*", "Tom Ray*, Bo Li*"),  # a name's star marker
    ("snake_case_name and x_1", "snake_case_name and x_1"), ("2 * 3 * 4", "2 * 3 * 4"),
])
def test_strip_markdown_emphasis_in_one_mark(text: str, want: str) -> None:
    from collections import Counter

    from pipeline.repair.layout import strip_markdown
    assert strip_markdown(text, Counter()) == want


@pytest.mark.parametrize(("line", "starts"), [
    ("#история #КВЖД #музеи #Китай", True), ("#storks, #birds", True),
    ("#1 in the charts", False), ("# Heading", True),  # (a markdown heading starts one anyway)
    ("#hashtag alone", False),
])
def test_a_line_of_hashtags_starts_a_block(line: str, starts: bool) -> None:
    from pipeline.repair.layout import Line, _starts_block
    assert (_starts_block(Line(line, 0, line)) is not None) is starts


def test_a_byline_and_the_hashtags_under_it_stay_apart() -> None:
    from pipeline.config import load
    from pipeline.document import Document, Source
    from pipeline.repair import repair
    text = ("Выставка продлится до 15 декабря 2024 года. Вход для школьников бесплатный по пятницам.\n\n"
            "Текст: Алёна Шишкина\n#история #КВЖД #музеи #Китай\n")
    doc = Document(source=Source(path="t.txt", sha256="0" * 64, size_bytes=1), text=text)
    blocks = [b.text for b in repair(doc, load(None).repair).blocks]
    assert "Текст: Алёна Шишкина" in blocks
