"""The shortcuts that keep repair cheap must answer exactly as the long way round does."""

from __future__ import annotations

import json
import random
import re
import unicodedata
from pathlib import Path

import ftfy
import ftfy.badness
import pytest

from pipeline import textscore
from pipeline.ingest import decode as decode_mod
from pipeline.repair import encoding, web

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

FTFY_LINES = ["plain ASCII", "Россия и Китай", "cafÃ©", "ﬁnance", "bell\x1b[0m", "C1\x85", "e\u0301",
              "â€œquotedâ€\x9d", "lossy â€� end", "Â\xa0nbsp"]


@pytest.mark.parametrize("line", FTFY_LINES)
def test_ftfy_line_matches_ftfy(line: str) -> None:
    expected = ftfy.fix_text(line, encoding.FTFY_CONFIG) if encoding.needs_ftfy(line) else line
    assert encoding.ftfy_line(line) == expected
    assert encoding.ftfy_line(line) == expected  # answered from the cache


# The regex web's sentence-end test used to be: _ends_sentence must say exactly what it says.
_TERMINAL_REGEX = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")


@pytest.mark.parametrize(
    "text",
    ["", " ", "End.", "End. ", "End.\n", "He left.» ", "He left.»\u00a0", "Mr. Smith", "end. »x", "end .»)]'",
     "Why?!", "Wait…", "quote.\" ”", "quote.”\t", "a.b", "a. b.", "(see p. 4)", "[1].", "x\u2003.\u2003",
     "sign off!'\"", "no end", "trailing ,", "a.\x1c", "»", ".", "…»"],
)
def test_ends_sentence_matches_the_regex(text: str) -> None:
    assert web._ends_sentence(text) is bool(_TERMINAL_REGEX.search(text))


def test_ends_sentence_matches_the_regex_on_the_seeds() -> None:
    lines = [ln for p in sorted(SEEDS.glob("*.txt")) for ln in p.read_text(encoding="utf-8").split("\n")]
    assert len(lines) > 100
    for line in lines:
        for t in (line, line.strip(), line[:40]):
            assert web._ends_sentence(t) is bool(_TERMINAL_REGEX.search(t)), t


@pytest.mark.parametrize(
    "t", ["", "Share", "Share this", "Share this page", "Share this page now", "Top 10", "Read more.", "Home »"]
)
def test_short_line_counts_words(t: str) -> None:
    # What the word count by splitting said, for normalised lines (one space between words).
    for k in (1, 3, 4):
        expected = 1 <= len(t.split()) <= k and not _TERMINAL_REGEX.search(t) and not any(c.isdigit() for c in t)
        assert web._short_line(t, k) is expected


def _norm_by_split(text: str) -> str:
    """web._norm as it was written first: every line split into words and joined again."""
    t = text.strip()
    if t[:1] in ("#", "-", "*", "+", "•", "▪", "◦", "‣", "_"):
        t = web._LEAD_MARKS.sub("", t)
    while t.endswith(("**", "__")):
        t = t[:-2].rstrip()
    return " ".join(t.split())


@pytest.mark.parametrize(
    "text",
    ["", "   ", "Club events", "  Club  events ", "- **Club events**", "** Club events", "__x__ ", "Tab\there",
     "no\u00a0break", "thin\u2009space", "ideographic\u3000space", "# Heading  two", "**", "- ", "a\x1cb", "a\u2028b",
     "Ünïcödé wörds", "Россия и Китай", "trailing **  **", "mixed \t  gaps\u00a0\u00a0here", "-5 degrees",
     "end*", "x_", "snake_case", "a\u200bb", "\u00a0lead", "*", "_", "#hashtag", "• dot", "tail ", "a\x85b"],
)
def test_norm_matches_split_and_join(text: str) -> None:
    assert web._norm(text) == _norm_by_split(text)


@pytest.mark.parametrize(
    ("text", "body"),
    [("Police said the blockades had so far been peaceful and would go on.", True),
     ("Seven extraordinarily long words: unremarkable paragraphs, honestly.", False),
     ("Eight    words    spread    wide    apart,    eight    words    here.", True),
     ("Published: 3 May.", False),
     ("A long line of prose that does not end a sentence but goes on and on and on", False)],
)
def test_is_body(text: str, body: bool) -> None:
    assert web.is_body(text) is body
    t = text.strip()
    assert body is (len(t) >= 60 and len(t.split()) >= 8 and bool(_TERMINAL_REGEX.search(t)))


def test_norm_matches_split_and_join_on_the_seeds() -> None:
    for p in sorted(SEEDS.glob("*.txt")):
        for line in p.read_text(encoding="utf-8").split("\n"):
            assert web._norm(line) == _norm_by_split(line), line


_CHUNK_SAMPLES = [
    "Привет, мир! Café ©2024 ®лка «ёлка» — №5\u00a0тест".encode("cp1251", "replace"),
    "Россия и Китай: партнёрство".encode("koi8_r"),
    "Le garçon a mangé\tdes crêpes.\r\nFin.".encode("cp1252"),
    "Ünïcödé wörds\x85next\x0cpage".encode("latin-1"),
    "Режим времени".encode("cp866"),
    bytes(range(256)),
    b"plain ascii only",
]


@pytest.mark.parametrize("sample", _CHUNK_SAMPLES)
def test_non_ascii_chunks_score_as_the_whole_sample(sample: bytes) -> None:
    reduced = decode_mod._non_ascii_chunks(sample)
    for codec in decode_mod.SINGLE_BYTE_CODEPAGES:
        try:
            whole = sample.decode(codec)
        except UnicodeDecodeError:
            with pytest.raises(UnicodeDecodeError):
                reduced.decode(codec)
            continue
        assert textscore.reading_score(reduced.decode(codec)) == textscore.reading_score(whole)


def _damage_marks_by_char(line: str) -> int:
    """encoding.damage_marks as it was written first: every character and word looked at in turn."""
    n = sum(1 for c in line if not c.isascii() and not c.isalpha() and textscore._is_odd_symbol(c))
    for w in encoding._WORD.findall(line):
        if w.isascii():
            continue
        cyr = sum(1 for c in w if textscore._is_cyr(c))
        if cyr == len(w):
            if not (w.islower() or w.isupper() or (w[0].isupper() and w[1:].islower())):
                n += len(w)
        elif cyr or any(textscore._is_latin_ext(c) for c in w):
            n += len(w)
    return n


@pytest.mark.parametrize(
    "line",
    ["ChinaБ─≥s", "Россия и Китай", "Òû äåëàåøü", "п═п╣п╤п╦п╪ п╡я─п╣п╪п╣п╫п╦", "КиТай ¤¤ café", "", "ascii only",
     "© 2024 — «ёлка» №5", "ÐŸÑ€Ð¸Ð²ÐµÑ‚", "\u2009\u00a0\x85\u00ad mixed"],
)
def test_damage_marks_matches_the_per_character_count(line: str) -> None:
    assert encoding.damage_marks(line) == _damage_marks_by_char(line)
    for codec in ("latin-1", "cp1252", "koi8_r", "cp866"):
        try:
            misread = line.encode("cp1251", "ignore").decode(codec)
        except UnicodeDecodeError:
            continue
        assert encoding.damage_marks(misread) == _damage_marks_by_char(misread)


@pytest.mark.parametrize("prior", [None, "latin-1>cp1251", "koi8_r>utf-8"])
def test_cached_fix_cyrillic_line_answers_as_the_function(prior: str | None) -> None:
    ru = "Режим времени и места"
    lines = [ru, ru.encode("cp1251").decode("latin-1"), ru.encode("utf-8").decode("koi8_r"), "ok", "x" * 2500 + "Òû"]
    for line in lines:
        expected = encoding.fix_cyrillic_line.__wrapped__(line, prior)
        assert encoding.fix_cyrillic_line(line, prior) == expected
        assert encoding.fix_cyrillic_line(line, prior=prior) == expected
        assert encoding.fix_cyrillic_line(line, prior) == expected  # from the cache


def test_line_cache_keeps_few_long_lines() -> None:
    calls: list[str] = []

    @textscore.line_cache
    def length(line: str) -> int:
        calls.append(line)
        return len(line)

    long_lines = [str(k) * (textscore.LONG_LINE + 1) for k in range(6)]
    for line in long_lines:
        length(line)
    length(long_lines[-1])  # among the last four: cached
    length(long_lines[0])  # pushed out by the four after it: computed again
    assert len(calls) == 7
    length("short")
    length("short")
    assert len(calls) == 8


def test_line_caches_last_one_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """A line is fixed once per document, not once per corpus: repair empties the caches before each
    document, so near-copies of a document cost what the first one did."""
    from pipeline.config import load
    from pipeline.document import Document, Source
    from pipeline.repair import repair

    calls: list[str] = []
    real = encoding.ftfy.fix_text
    monkeypatch.setattr(encoding.ftfy, "fix_text", lambda t, *a, **k: calls.append(t) or real(t, *a, **k))
    encoding.forget_lines()
    line = "cafÃ© au lait, a line ftfy repairs"
    cfg = load(None).repair
    for _ in range(2):
        doc = Document(source=Source(path="a.txt"), raw=b"")
        doc.text = f"{line}\n\nAnother paragraph of ordinary prose.\n"
        repair(doc, cfg)
    assert calls.count(line) == 2


def _needs_ftfy_always_is_bad(line: str) -> bool:
    """encoding.needs_ftfy as it was before the is_bad pre-check."""
    if line.isascii():
        return bool(encoding._ASCII_CONTROLS.search(line))
    if set(line) <= encoding._SAFE:
        return False
    return (bool(encoding._FTFY_TRIGGERS.search(line)) or ftfy.badness.is_bad(line)
            or not unicodedata.is_normalized("NFC", line))


def _badness_alphabet() -> list[str]:
    """Characters ftfy's badness regex is written with that are not pre-check cues, and some plain ones."""
    cats = ftfy.badness.MOJIBAKE_CATEGORIES
    chars = set().union(*(encoding._expand_class(v) for v in cats.values()))
    chars |= {c for c in ftfy.badness.BADNESS_RE.pattern if not c.isascii()}
    chars |= set("aZ .,?!\t\n_1") | set("ВГРСвсрпйЁё")
    return sorted(chars - encoding._BAD_CUES)


def test_is_bad_pre_check_is_ftfy_s_regex_as_read() -> None:
    # The pre-check was worked out from ftfy 6.3's regex. With another one it switches itself off:
    # the output stays right (ftfy's is_bad decides every line) but repair gets slower, which this
    # skip reports without turning a fresh install red on the day ftfy releases.
    if not encoding._BADNESS_AS_READ:
        pytest.skip(f"ftfy {ftfy.__version__}: its badness regex is not the one the is_bad pre-check was read "
                    "from; the pre-check is off until encoding._BAD_CUES is read again")


def test_is_bad_needs_a_pre_check_cue() -> None:
    """Strings made of everything but the cues are never bad unless they hold a quote triple."""
    rng = random.Random(6)
    alphabet = _badness_alphabet()
    quotes = [c for c in alphabet if c in encoding._QUOTES]
    ends = list(encoding._TRIPLE_ENDS)
    n_bad = 0
    for _ in range(40000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 7)))
        if rng.random() < 0.2:  # a triple at a random place, for is_bad to find now and then
            k = rng.randint(0, len(s))
            s = s[:k] + rng.choice(ends) + rng.choice(quotes) + rng.choice(ends) + s[k:]
        assert encoding._BAD_CUES.isdisjoint(s)
        if ftfy.badness.is_bad(s):
            n_bad += 1
            assert encoding._may_be_bad(s), s
    assert n_bad > 100  # the triples were found: the test can fail


@pytest.mark.parametrize("line", FTFY_LINES + ["Россия «В»С", "ΒΓ»Ο", "вЂ¦", "×²", "‚ó°", "Ù¤Ù", "№ 5 ±2"])
def test_needs_ftfy_with_the_pre_check(line: str) -> None:
    assert encoding.needs_ftfy(line) is _needs_ftfy_always_is_bad(line)


def test_needs_ftfy_with_the_pre_check_on_real_lines() -> None:
    lines = [ln for p in sorted(SEEDS.glob("*.txt")) for ln in p.read_text(encoding="utf-8").split("\n")]
    cases = SEEDS.parent.parent / "shared" / "ftfy-test-cases"
    for name in ("in-the-wild.json", "synthetic.json", "negative.json", "language-names.json"):
        if (cases / name).is_file():
            lines += [c["original"] for c in json.loads((cases / name).read_text(encoding="utf-8"))]
    misread = [ln.encode("utf-8").decode(codec, "replace") for ln in lines[:300] for codec in ("cp1251", "cp1252")]
    assert len(lines) > 500
    for line in lines + misread:
        assert encoding.needs_ftfy(line) is _needs_ftfy_always_is_bad(line), line


def _fix_cyrillic_line_searching_all(line: str, prior: str | None = None) -> tuple[str, str | None]:
    """fix_cyrillic_line before its early exits: every mix-up scored, whatever the line's own score."""
    if line.isascii() or not (prior or encoding._SUSPECT.search(line) or encoding._mostly_upper(line)):
        return line, None
    base = textscore.cyrillic_score(line)
    if prior:
        wrong, right = prior.split(">")
        try:
            fixed = line.encode(wrong).decode(right)
        except (UnicodeEncodeError, UnicodeDecodeError):
            fixed = line
        if fixed != line and textscore.cyrillic_score(fixed) - base >= encoding.MIN_GAIN / 2:
            return fixed, prior
    evidence = -1
    best, best_score, best_name = line, base, None
    for wrong, right, fixed in encoding._mixups(line):
        score = textscore.cyrillic_score(fixed)
        if not encoding._IS_CYR.search(fixed):
            if score < 0:
                continue
            if evidence < 0:
                evidence = encoding.damage_marks(line)
            if evidence < 2:
                continue
        if score > best_score:
            best, best_score, best_name = fixed, score, f"{wrong}>{right}"
    if best_name is None:
        return line, None
    gain = best_score - base
    if gain >= encoding.MIN_GAIN and (best_score >= encoding.MIN_SCORE or best_name.endswith("utf-8")
                                      or not encoding._IS_CYR.search(best)):
        return best, best_name
    return line, None


def _damaged_lines() -> list[str]:
    """Seed lines, and each misread through every mix-up (twice for some), with a few odd ones."""
    lines = [ln for p in sorted(SEEDS.glob("*.txt")) for ln in p.read_text(encoding="utf-8").split("\n")
             if not ln.isascii()][:400]
    out = list(lines) + ["é", "Â", "—", "« »", "café — «ok»", "ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Ò", "ΑΒΓ", "\u0483\u0484"]
    for ln in lines[::3]:
        for right, wrong in encoding.CYRILLIC_MIXUPS:
            try:
                bad = ln.encode(wrong).decode(right)
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            out += [bad, bad[: len(bad) // 3]]
    return out


@pytest.mark.parametrize("prior", [None, "latin-1>cp1251", "koi8_r>utf-8", "cp1251>koi8_r"])
def test_fix_cyrillic_line_early_exits_change_nothing(prior: str | None) -> None:
    lines = _damaged_lines()
    assert len(lines) > 1000
    fixed = 0
    for line in lines:
        expected = _fix_cyrillic_line_searching_all(line, prior)
        assert encoding.fix_cyrillic_line.__wrapped__(line, prior) == expected, line
        fixed += expected[1] is not None
    assert fixed > 100


# encoding._SUSPECT as it was first written: the class that opens it holds the first character of
# each run, all Cyrillic letters among them.
_SUSPECT_FIRST_CHAR = re.compile(
    "[\u00a0-\u00ff\u2500-\u25ff\u0400-\u04ff\u2013\u2014]"
    "(?:(?<=[\u0400-\u04ff])[\u2500-\u25ff\u00a0-\u00aa\u00ac-\u00af\u00b1-\u00ba\u00bc-\u00bf"
    "\u201a\u2020\u2021\u20ac\u2030\u2039\u203a\u2122\u0400-\u040f\u0452-\u045f\u0490\u0491]"
    "|(?<=[\u2500-\u25ff])"
    "|(?<=[\u00a0-\u00ff])[\u00a0-\u00ff]"
    "|(?<=[\u00c0-\u00ff])[\u0080-\u00bf\u0152-\u0192\u02c6-\u02dc\u2013-\u2122]"
    "|(?<=[\u2013\u2014])[\u00a0-\u00bf\u0400-\u045f\u2020-\u2265])"
)


def _suspect_alphabet() -> list[str]:
    """Each end of every range the suspect patterns name, its neighbours, and some plain characters."""
    cps: set[int] = set()
    for a, b in re.findall("([\u0080-\uffff])(?:-([\u0080-\uffff]))?", _SUSPECT_FIRST_CHAR.pattern):
        for c in (a, b or a):
            cps.update((ord(c) - 1, ord(c), ord(c) + 1))
    return sorted({chr(c) for c in cps} | set("a \nЖж«»§Ё"))


def test_suspect_pattern_finds_what_the_first_character_pattern_found() -> None:
    alphabet = _suspect_alphabet()
    assert len(alphabet) > 80
    for a in alphabet:
        for b in alphabet:
            s = a + b
            assert bool(encoding._SUSPECT.search(s)) is bool(_SUSPECT_FIRST_CHAR.search(s)), repr(s)
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        assert encoding._lines_matching.__wrapped__(encoding._SUSPECT, text) == \
            encoding._lines_matching.__wrapped__(_SUSPECT_FIRST_CHAR, text), repr(text)


def test_suspect_pattern_on_real_and_misread_lines() -> None:
    lines = _damaged_lines()
    text = "\n".join(lines)
    assert encoding._lines_matching.__wrapped__(encoding._SUSPECT, text) == \
        encoding._lines_matching.__wrapped__(_SUSPECT_FIRST_CHAR, text)
    assert sum(1 for ln in lines if encoding._SUSPECT.search(ln)) > 300


def test_cyrillic_upper_pair_holds_every_mostly_upper_line() -> None:
    # Every line of up to six of these characters: the pattern must match each mostly upper one.
    alphabet = "АЁаёі "
    n_upper = 0
    lines = [""]
    for _ in range(6):
        lines = [ln + c for ln in lines for c in alphabet]
        for ln in lines:
            if encoding._mostly_upper(ln):
                n_upper += 1
                assert encoding._CYR_UPPER_PAIR.search(ln), ln
    assert n_upper > 1000
    assert not encoding._CYR_UPPER_PAIR.search("Мы в Москве и Пекине")


def test_no_text_scores_above_zero() -> None:
    """What fix_cyrillic_line's early exits stand on: every letter or symbol counted lowers the score."""
    rng = random.Random(8)
    alphabet = _suspect_alphabet() + list("абвгдежзийклмнопрстуфхцчшщъыьэюяАБВЯЁё αβγ中文é×÷\u0482\u0483")
    scores = []
    for _ in range(20000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        scores.append(textscore.cyrillic_score(s))
    assert max(scores) == 0.0
    assert min(scores) < -10


def _cyrillic_score_by_word(text: str) -> float:
    """textscore.cyrillic_score as it was first written: every word and symbol looked at in turn."""
    total = 0.0
    n = 0
    for w in textscore._NON_ASCII_WORD.findall(text):
        if textscore._CYR_WORD.fullmatch(w):
            total += textscore._cyrillic_word_cached(w)
            n += len(w)
        else:
            k = len(textscore._CYR_OR_LATIN_EXT.findall(w))
            total += textscore.FOREIGN * k
            n += k
    for c in textscore._NON_ASCII_NON_LETTER.findall(text):
        if textscore._is_odd_symbol(c):
            total += textscore.FOREIGN
            n += 1
    return total / n if n else 0.0


def test_cyrillic_score_matches_the_word_by_word_sum() -> None:
    """The same float, bit for bit: the additions are made in the same order."""
    rng = random.Random(11)
    alphabet = _suspect_alphabet() + list("абвгдежзийклмнопрстуфхцчшщъыьэюяАБВЯЁё αβγ中文é×÷²_1a\u0482\u0483")
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(20000)]
    texts += _damaged_lines()
    for t in texts:
        assert textscore.cyrillic_score.__wrapped__(t) == _cyrillic_score_by_word(t), t
        words = [w for w in textscore._LETTERS.findall(t) if not w.isascii()]
        assert words == textscore._NON_ASCII_WORD.findall(t), t


_PAGE_LINES = [
    "Home › World › Europe", "Home News Big story of the day here", "Big story of the day here", "Club events",
    "Club events", "Related title of a teaser", "Its one-sentence summary.", "Share", "Tweet", "Email", "Print",
    "Share: Facebook X Email", "© 2024 Example Media. All rights reserved.", "Terms | Privacy | Contact",
    "Subscribe to our newsletter", "Read more: The other big story of the week", "Sport / Tennis",
    "- **Club events**", "# Heading two", "* a bullet item", "Method", "Another title", "Disclaimer text.",
    "Police said the blockades had so far been peaceful and would go on for days.",
    "Eight    words    spread    wide    apart,    eight    words    here.",
    "A long line of prose that does not end a sentence but goes on and on and on",
    "Россия и Китай: партнёрство в новую эпоху, сказал министр на встрече в Пекине.",
    "Top 10", "  indented line  ", "trailing marks **", "no\u00a0break space", "", "", "",
]


def _pages(n: int) -> list[list[str]]:
    rng = random.Random(9)
    pages = []
    for _ in range(n):
        page = [rng.choice(_PAGE_LINES) for _ in range(rng.randint(1, 40))]
        if rng.random() < 0.3:  # the headline again further down
            page.append(page[0].split(" ", 1)[-1])
        pages.append(page)
    seeds = [p.read_text(encoding="utf-8").split("\n") for p in sorted(SEEDS.glob("*.txt"))]
    return pages + seeds


def test_find_boilerplate_answers_as_before_its_speed_ups() -> None:
    import web_reference

    rng = random.Random(10)
    n_found = 0
    for page in _pages(3000):
        for hard_wrapped in (False, True):
            skip = {i for i in range(len(page)) if rng.random() < 0.05}
            new = web.find_boilerplate(page, skip, hard_wrapped)
            assert new == web_reference.find_boilerplate(page, skip, hard_wrapped), page
            n_found += len(new)
    assert n_found > 10000


def _mixups_one_by_one(line: str) -> list[tuple[str, str, str]]:
    """encoding._mixups as it was first written: every mix-up encodes the line again."""
    out = []
    for wrong, right in encoding.CYRILLIC_MIXUPS:
        try:
            fixed = line.encode(wrong).decode(right)
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed != line:
            out.append((wrong, right, fixed))
    return out


def test_mixups_share_the_encoding_of_a_wrong_codec() -> None:
    lines = _damaged_lines() + ["Òû", "é€", "ascii", "", "中文", "\u2500\u2551"]
    n = 0
    for line in lines:
        expected = _mixups_one_by_one(line)
        assert list(encoding._mixups(line)) == expected, line
        n += len(expected)
    assert n > 2000


def test_suspect_or_upper_finds_the_lines_of_both() -> None:
    rng = random.Random(12)
    alphabet = _suspect_alphabet() + list("АБВЯЁабвяё ")
    texts = ["\n".join(_damaged_lines()), "\n".join(["А и Б", "США и РФ", "Мы в Москве", "ПРИВЕТ мир", "—Б"])]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60))) for _ in range(5000)]
    for text in texts:
        both = encoding._lines_matching.__wrapped__(encoding._SUSPECT_OR_UPPER, text)
        one = encoding._lines_matching.__wrapped__(encoding._SUSPECT, text)
        other = encoding._lines_matching.__wrapped__(encoding._CYR_UPPER_PAIR, text)
        assert both == tuple(sorted(set(one) | set(other))), repr(text)
        lines = text.split("\n")
        # _cyrillic_suspects as it was: the two scans, the upper-case lines checked.
        expected = sorted(set(one) | {i for i in other if encoding._mostly_upper(lines[i])})
        assert encoding._cyrillic_suspects(text, lines) == expected


def test_residual_damage_as_from_the_suspect_lines() -> None:
    text = "\n".join(_damaged_lines())
    lines = text.split("\n")
    suspects = encoding._lines_matching.__wrapped__(_SUSPECT_FIRST_CHAR, text)
    found = [i + 1 for i in suspects if encoding._LETTER.search(lines[i]) and encoding.damage_marks(lines[i]) >= 3]
    assert len(found) > 20
    assert encoding.residual_damage(text, limit=10**6) == (len(found), found)


def test_control_or_invisible_scans_are_the_fixes_they_stand_for() -> None:
    """Over every character: the one-scan checks find what the fixes they let be skipped would remove."""
    from pipeline.repair import chars

    for cp in range(0x110000):
        c = chr(cp)
        assert chars.has_c0_or_invisible(c) == (chars.remove_c0_controls(c)[1] + chars.remove_invisible(c)[1] > 0), cp
        assert chars.has_control_or_invisible(c) == (chars.remove_controls(c)[1] + chars.remove_invisible(c)[1] > 0), cp


def test_character_class_patterns_hold_their_sets() -> None:
    """Over every character: _UNSAFE matches what is outside _SAFE, _BAD_CUE what is in _BAD_CUES."""
    for cp in range(0x110000):
        c = chr(cp)
        assert bool(encoding._UNSAFE.match(c)) is (c not in encoding._SAFE), cp
        assert bool(encoding._BAD_CUE.match(c)) is (c in encoding._BAD_CUES), cp


def test_mixup_shortcuts_hold_their_sets() -> None:
    """_OUTSIDE matches every character a wrong codec cannot write (over all characters); _NEVER_UTF8
    holds just the bytes that no UTF-8 text has."""
    for cp in range(0x110000):
        c = chr(cp)
        for wrong, outside in encoding._OUTSIDE.items():
            assert bool(outside.match(c)) is (c not in encoding._REPERTOIRE[wrong]), (wrong, cp)
    every_char = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF)
    used = set(every_char.encode("utf-8"))
    assert {b for b in range(256) if encoding._NEVER_UTF8.match(bytes([b]))} == set(range(256)) - used
