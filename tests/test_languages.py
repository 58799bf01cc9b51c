"""The language stage: coverage of blocks, splits at script switches, labels, determinism."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pipeline.languages.label as label_mod
from pipeline.config import LanguagesConfig
from pipeline.document import Block, Document, Footnote, Source
from pipeline.languages import cues, detect_languages, segment_text
from pipeline.languages.detect import detect, factory
from pipeline.languages.script import block_runs, block_script, mask_neutral, words
from pipeline.languages.segment import gap_strength, pieces, spans
from pipeline.languages.switch import mixed, split_switches

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


# --- helpers, one table each -------------------------------------------------------------------




@pytest.mark.parametrize(
    "ch, script",
    [("α", "Grek"), ("한", "Hang"), ("ا", "Arab"), ("ש", "Hebr"), ("क", "Deva"), ("ก", "Thai"), ("ა", "Geor"), ("ᚠ", "Zyyy")],
)
def test_block_script(ch: str, script: str) -> None:
    assert block_script(ch) == script


@pytest.mark.parametrize(
    "text, expected",
    [
        ("BRICS и КНР", [("Latn", "BRICS"), ("Cyrl", "и"), ("Cyrl", "КНР")]),
        ("прoблема", [("Cyrl", "прoблема")]),  # Latin o inside a Cyrillic word
        ("China's Russia-Ukraine", [("Latn", "China's"), ("Latn", "Russia-Ukraine")]),
        ("习近平提出BRICS", [("Hani", "习近平提出"), ("Latn", "BRICS")]),
        ("日本語のテキスト", [("Hani", "日本語のテキスト")]),
        ("see https://rg.ru/2023/03/20/uporno-dvigatsia.html now", [("Latn", "see"), ("Latn", "now")]),
        ("mail a.b@uni.edu today", [("Latn", "mail"), ("Latn", "today")]),
        ("замо\u0301к", [("Cyrl", "замо\u0301к")]),  # a stress mark does not split a word
        ("नमस्ते दुनिया", [("Deva", "नमस्ते"), ("Deva", "दुनिया")]),
    ],
)
def test_words_and_their_scripts(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(w.script, w.text) for w in words(text)] == expected


def test_kana_are_counted() -> None:
    (w,) = words("日本語のテキスト")
    assert w.kana == 5 and w.letters == 8


@pytest.mark.parametrize(
    "text, masked_out",
    [
        ("URL: https://www.gov.cn/xinwen/2022-10/16/content_5718834.htm (дата", "https://www.gov.cn/xinwen/2022-10/16/content_5718834.htm"),
        ("DOI 10.24412/2686-7702-2024-3-50-64", "10.24412/2686-7702-2024-3-50-64"),
        ("write to jxb@gmail.com", "jxb@gmail.com"),
        ("content/uploads/2022/10/Biden.pdf (accessed", "content/uploads/2022/10/Biden.pdf"),
    ],
)
def test_mask_neutral(text: str, masked_out: str) -> None:
    masked = mask_neutral(text)
    assert len(masked) == len(text)
    assert masked_out not in masked
    assert masked.replace(" ", "") == text.replace(masked_out, "").replace(" ", "")


@pytest.mark.parametrize(
    "gap, strength",
    [(" ", 0), (", ", 0), (" “", 0), (" (", 1), ("]: ", 1), (" — ", 1), (". ", 2), ("。", 2), (" / ", 2), ("\n", 2), ("). ", 2)],
)
def test_gap_strength(gap: str, strength: int) -> None:
    assert gap_strength(gap) == strength


@pytest.mark.parametrize(
    "text, langs, expected",
    [
        ("мысли о дипломатии", ["ru", "uk", "bg"], ["ru"]),  # ы: neither Ukrainian nor Bulgarian
        ("дипломатия и политика", ["ru", "uk", "bg"], ["ru", "uk", "bg"]),
        ("Ключові слова", ["ru", "uk", "bg"], ["uk"]),
        ("Ключевые слова", ["ru", "uk", "bg"], ["ru"]),
        ("държава във", ["ru", "bg"], ["bg"]),  # hard sign before a consonant
        ("объект съезд", ["ru", "bg"], ["ru", "bg"]),  # ъ before е is written in both
        ("связь и власть", ["ru", "bg"], ["ru"]),  # ь not before о: not Bulgarian
        ("Беларуская мова і літаратура ў школе", ["ru", "uk", "be"], ["be"]),
        ("Кључне речи: туризам, општине", ["ru", "bg", "sr", "mk"], ["sr", "mk"]),
        ("Нова линија меѓу градовите", ["sr", "mk"], ["mk"]),
        ("Вступ", ["ru", "uk", "bg"], ["ru", "uk", "bg"]),  # no cue: every candidate stays
        ("anything", ["en", "de"], ["en", "de"]),  # Latin is not filtered
    ],
)
def test_alphabet_compatibility(text: str, langs: list[str], expected: list[str]) -> None:
    letters = sum(c.isalpha() for c in text)
    script = "Latn" if text.isascii() else "Cyrl"
    assert cues.compatible(text, letters, langs, script) == expected


@pytest.mark.parametrize(
    "tokens, langs, best",
    [
        ("the role of the state in this".split(), ["en", "de", "fr"], "en"),
        ("die rolle des staates in der wirtschaft".split(), ["en", "de", "fr"], "de"),
        ("це одна з головних проблем".split(), ["ru", "uk"], "uk"),
        ("това е един от най важните въпроси".split(), ["ru", "bg"], "bg"),
        ("что это за вопрос".split(), ["ru", "bg"], "ru"),
        ("Christaller Central Places".lower().split(), ["en", "de"], None),
    ],
)
def test_function_word_evidence(tokens: list[str], langs: list[str], best: str | None) -> None:
    assert cues.best_by_stopwords(tokens, langs)[0] == best


@pytest.mark.parametrize(
    "text, lang, share",
    [("Straße und Brücke", "en", 2 / 15), ("Straße und Brücke", "de", 0.0), ("plain english", "en", 0.0), ("Łódź", "pl", 0.0)],
)
def test_foreign_letter_share(text: str, lang: str, share: float) -> None:
    assert cues.foreign_letter_share(text, lang) == pytest.approx(share)


@pytest.mark.parametrize(
    "text, scripts",
    [
        ("Страны BRICS и ШОС расширяются.", ["Cyrl"]),
        ("习近平提出，推动构建人类命运共同体 [Си Цзиньпин выступил с идеей]", ["Hani", "Cyrl"]),
        ("Zhao Tingyang (赵汀阳) argues for a world order", ["Latn"]),
        ("Введение / Introduction", ["Cyrl", "Latn"]),  # short, but cut off by " / " on its only side
        ("Караганов С. А. Статья о политике. DOI 10.31278/1810-6439", ["Cyrl"]),  # acronyms always join
        ("Keywords: water, Volga, pollution. Ключевые слова: вода, Волга, загрязнение.", ["Latn", "Cyrl"]),
    ],
)
def test_pieces(text: str, scripts: list[str]) -> None:
    assert [p.script for p in pieces(text, 4)] == scripts


@pytest.mark.parametrize(
    "text, expected",
    [
        ("推动构建人类命运共同体  [Си Цзиньпин выступил с идеей]", ["推动构建人类命运共同体", "[Си Цзиньпин выступил с идеей]"]),
        ("中华人民共和国中央人民政府，[Госсовет КНР выступил с идеей]", ["中华人民共和国中央人民政府，", "[Госсовет КНР выступил с идеей]"]),
        ("Keywords: water, Volga, pollution. Ключевые слова: вода, Волга.", ["Keywords: water, Volga, pollution.", "Ключевые слова: вода, Волга."]),
    ],
)
def test_cuts(text: str, expected: list[str]) -> None:
    got = [text[s:e] for s, e in spans(text, pieces(text, 4))]
    assert got == expected


# --- the stage ----------------------------------------------------------------------------------

_ALPHABET = "abcdefg ABCБДЖиыяіїъ习近平提出中国日本のテキスト한국어αβγ .,;:!?()[]«»“”—-/\n1234"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_ALPHABET, max_size=120), max_size=4))
def test_segments_cover_every_block(blocks: list[str]) -> None:
    doc = run(blocks, notes=blocks[:1])
    for i, b in enumerate(doc.blocks):
        segs = [s for s in doc.segments if s.block == i]
        assert segs or not b.text.strip()
        assert " ".join(s.text for s in segs).split() == b.text.split() or squash(
            "".join(s.text for s in segs)
        ) == squash(b.text)
        assert all(s.text and s.text == s.text.strip() for s in segs)
        assert all(0.0 <= s.confidence <= 1.0 for s in segs)
    assert [s.block for s in doc.segments if s.block >= 0] == sorted(s.block for s in doc.segments if s.block >= 0)
    if doc.languages:
        assert sum(doc.languages.values()) == pytest.approx(1.0, abs=1e-3)


def test_segment_texts_join_back_to_the_block() -> None:
    text = "习近平提出，推动构建人类命运共同体  [Си Цзиньпин выступил с идеей содействия миру]. 中华人民共和国中央人民政府 [Госсовет КНР], 2022."
    doc = run([text])
    assert " ".join(s.text for s in doc.segments) == " ".join(text.split())


def test_segments_are_in_document_order_blocks_then_footnotes() -> None:
    doc = run(["Первый абзац текста.", "Second paragraph of the text."], ["Примечание автора."])
    assert [(s.block, s.note, s.kind) for s in doc.segments] == [(0, -1, "paragraph"), (1, -1, "paragraph"), (-1, 0, "footnote")]
    assert [s.lang for s in doc.segments] == ["ru", "en", "ru"]


def test_half_russian_half_english_keeps_both() -> None:
    ru = "Современные международные отношения сталкиваются с глубокими изменениями, невиданными за столетие. " * 3
    en = "Current international relations are facing profound changes unseen in a century. " * 3
    doc = run([ru, en, ru, en])
    assert [s.lang for s in doc.segments] == ["ru", "en", "ru", "en"]
    assert set(doc.languages) == {"ru", "en"}
    assert 0.4 < doc.languages["ru"] < 0.6


def test_short_blocks_take_the_context_of_their_document() -> None:
    uk = "Децентралізація передала громадам значну частину повноважень і фінансових ресурсів, тому цифрові інструменти стали пріоритетом."
    bg = "През последното десетилетие въпросът за енергийната сигурност отново се превърна в приоритет за правителствата."
    assert [s.lang for s in run(["Вступ", uk]).segments] == ["uk", "uk"]
    assert [s.lang for s in run(["Увод", bg]).segments] == ["bg", "bg"]
    # Alone, with no context, the first allowed Cyrillic language.
    assert segment_text("Вступ", CFG)[0][0] == "ru"


def test_letters_no_allowed_language_writes_are_und() -> None:
    # (Thai: no default language writes it.)
    doc = run(["สวัสดีชาวโลก วันนี้เป็นอย่างไรบ้าง ฉันสบายดี", "12.05.2024 — 17:30"])
    assert [s.lang for s in doc.segments] == ["und", "und"]
    assert [s.confidence for s in doc.segments] == [0.0, 0.0]
    with_thai = LanguagesConfig(allowed=("en", "th"))
    assert [s.lang for s in run(["สวัสดีชาวโลก วันนี้เป็นอย่างไรบ้าง ฉันสบายดี"], cfg=with_thai).segments] == ["th"]
    assert [s.lang for s in run(["Καλημέρα κόσμε, τι κάνεις σήμερα;"]).segments] == ["el"]


def test_only_allowed_languages_are_answered() -> None:
    uk = "Децентралізація передала громадам значну частину повноважень і фінансових ресурсів."
    kk = "Қазақстан Республикасының мемлекеттік тілі – қазақ тілі, ол халықтың рухани байлығы."
    cfg = LanguagesConfig(allowed=("en", "ru"))
    # Ukrainian or Kazakh is not Russian: with neither allowed, they are undetermined ...
    assert [s.lang for s in run([uk, kk], cfg=cfg).segments] == ["und", "und"]
    # ... while a word whose letters fit Russian takes the only Cyrillic language allowed.
    assert [s.lang for s in run(["Вступ"], cfg=cfg).segments] == ["ru"]
    assert [s.lang for s in run([uk, kk]).segments] == ["uk", "kk"]


@pytest.mark.parametrize("text, lang", [
    ("Қазақстан Республикасының мемлекеттік тілі – қазақ тілі, ол халықтың рухани байлығы.", "kk"),
    ("Мақалада өңірдің экономикалық дамуы және шекара маңындағы сауда бойынша деректер талданады.", "kk"),
    ("В статье анализируются данные о развитии приграничной торговли и экономики региона.", "ru"),
    ("Bu çalışmada bölgedeki üreticilerin iklim değişikliği algısı ve uyum stratejileri incelenmiştir.", "tr"),
    ("Araştırma sonuçları, üreticilerin çoğunun kuraklık ve don olaylarını daha sık yaşadığını göstermektedir.",
     "tr"),
    ("The study examines how producers perceive climate change and which strategies they adopt.", "en"),
    ("Die Studie untersucht, wie die Erzeuger den Klimawandel wahrnehmen und welche Strategien sie wählen.", "de"),
])
def test_kazakh_and_turkish_are_told_from_their_neighbours(text: str, lang: str) -> None:
    assert [s.lang for s in run([text]).segments] == [lang]


def test_japanese_and_chinese() -> None:
    doc = run(["人口減少が進む地方都市では、路線バスの維持が大きな課題となっている。", "参考文献"])
    assert [s.lang for s in doc.segments] == ["ja", "ja"]
    doc = run(["近年来，数字经济已经成为推动经济增长的重要力量。", "参考文献"])
    assert [s.lang for s in doc.segments] == ["zh", "zh"]


# --- langdetect: only where it adds value ---------------------------------------------------------


@pytest.fixture
def langdetect_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, tuple[str, ...]]]:
    calls: list[tuple[str, tuple[str, ...]]] = []
    real = label_mod.detect

    def spy(text: str, candidates, **kw):  # type: ignore[no-untyped-def]
        calls.append((text, tuple(candidates)))
        return real(text, candidates, **kw)

    monkeypatch.setattr(label_mod, "detect", spy)
    return calls


def test_a_plain_russian_or_english_document_needs_no_langdetect(langdetect_calls) -> None:
    ru = "Современные международные отношения сталкиваются с глубокими изменениями, невиданными за столетие."
    en = "The evolution of the international order is the most important characteristic of this process."
    run([ru, en, "Введение", "Introduction", ru + " " + ru, en + " " + en])
    assert langdetect_calls == []


def test_langdetect_never_sees_short_runs_and_is_capped(langdetect_calls) -> None:
    cfg = LanguagesConfig(detect_max_chars=60)
    bg = "Енергийният преход на Балканите няма да бъде успешен без общи инвестиции в междусистемни връзки. " * 5
    # No ы э ё: the alphabet allows Bulgarian too, and no function word decides.
    ru_ref = "Концепция внешней политики Российской Федерации. М.: МИД России, 2016."
    doc = Document(source=Source(path="t.txt"))
    kinds = ["heading", "abstract", "keywords", "heading", "reference"]
    texts = ["Резюме", bg, "Ключови думи: енергия, газ", "Литература", ru_ref]
    doc.set_blocks([Block(k, t) for k, t in zip(kinds, texts, strict=True)])
    detect_languages(doc, cfg)
    assert [s.lang for s in doc.segments] == ["bg", "bg", "bg", "bg", "ru"]
    assert langdetect_calls, "the Russian reference in a Bulgarian text has to be asked about"
    for text, cands in langdetect_calls:
        assert len(text) <= 60
        assert sum(c.isalpha() for c in text) >= 20
        assert set(cands) <= set(cfg.allowed)


def test_langdetect_is_loaded_once_and_seeded() -> None:
    assert factory() is factory()
    text = "Мы обсуждаем, что это значит для всех жителей города и как это изменит их жизнь."
    results = {detect(text, ["ru", "bg", "uk"], max_chars=500, seed=0) for _ in range(5)}
    assert len(results) == 1
    ((lang, prob),) = results
    assert lang == "ru" and 0.0 < prob <= 1.0


# --- switches inside one script -------------------------------------------------------------------


_UK = "У статті проаналізовано програми термомодернізації будинків у громадах Західної України."
_RU = "В статье проанализированы программы термомодернизации домов в общинах Западной Украины и факторы их успеха."
_BG = "Статията анализира промените в туристическите потоци през 2019–2023 г. и ролята на вътрешния туризъм."
_EN = "The article examines how the cities implement the statutory heat planning and which data they lack."
_DE = "Der Beitrag untersucht, wie die Städte die gesetzlich vorgeschriebene Wärmeplanung umsetzen und was fehlt."
_CYR = ["ru", "uk", "bg", "be", "sr", "mk"]
_LAT = ["en", "de", "fr", "es", "it", "pt", "pl"]


@pytest.mark.parametrize(
    "text, cands, langs",
    [
        (f"Анотація. {_UK} Аннотация. {_RU}", _CYR, ["uk", "ru"]),
        (f"Резюме. {_BG} Аннотация. {_RU}", _CYR, ["bg", "ru"]),
        (f"{_DE} Abstract. {_EN}", _LAT, ["de", "en"]),
        (f"{_RU} {_RU}", _CYR, ["ru"]),
        # A Ukrainian name in a Russian sentence, a French phrase in an English one: no switch.
        ("В ходе визита делегация посетила Києво-Печерську лавру и встретилась с представителями администрации.", _CYR, ["ru"]),
        ('The mayor quoted "l\'État, c\'est moi" with a smile before returning to the questions of funding.', _LAT, ["en"]),
    ],
)
def test_language_switch_inside_one_script(text: str, cands: list[str], langs: list[str]) -> None:
    doc = run([text])
    assert [s.lang for s in doc.segments] == langs
    assert " ".join(s.text for s in doc.segments) == text


def test_switch_cut_keeps_cue_words_with_what_they_open() -> None:
    text = f"Анотація. {_UK} Аннотация. {_RU}"
    (run_,) = block_runs(text)
    assert mixed(run_, _CYR)
    parts = [text[r.start : r.end] for r in split_switches(text, run_, _CYR, 40)]
    assert parts == [f"Анотація. {_UK}", f"Аннотация. {_RU}"]


def test_abbreviations_do_not_end_sentences_for_switches() -> None:
    text = f"Резюме. {_BG} Аннотация. {_RU}"
    (run_,) = block_runs(text)
    parts = [text[r.start : r.end] for r in split_switches(text, run_, _CYR, 40)]
    assert parts[0].endswith("туризъм.") and "2023 г. и ролята" in parts[0]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Long and without і/ї/є: not Ukrainian (the letters it writes every ~15th letter); ь before
        # a consonant: not Bulgarian.
        ("В статье анализируются изменения туристических потоков и роль внутреннего туризма в отрасли", ["ru"]),
        ("Вступ до теми", ["ru", "uk", "bg"]),  # short: no conclusion from missing letters
    ],
)
def test_signature_letters(text: str, expected: list[str]) -> None:
    letters = sum(c.isalpha() for c in text)
    assert cues.compatible(text, letters, ["ru", "uk", "bg"], "Cyrl") == expected


def test_reference_lists_in_several_languages() -> None:
    body = (
        "This article discusses the development of urban policy in Europe and the role of cities in the "
        "transition. It draws on a wide range of sources in several languages."
    )
    refs = [
        ("fr", "Bourdieu, P. La distinction. Critique sociale du jugement. Paris: Minuit, 1979."),
        ("en", "Smith, J., Brown, K. Urban Heat Islands. Journal de Physique, 2019, 12(3), 45-67."),
        ("es", "Garcia Marquez, G. Cien años de soledad. Buenos Aires: Sudamericana, 1967."),
        ("de", "Müller, H. Stadtentwicklung im Wandel. Berlin: Springer, 2012."),
        # Too short to ask about: the document's language, not the previous entry's.
        ("en", "Rossi, A. Storia di Milano. Milano, 2001."),
    ]
    doc = Document(source=Source(path="t.txt"))
    doc.set_blocks([Block("paragraph", body), Block("heading", "References")] + [Block("reference", t) for _, t in refs])
    detect_languages(doc, CFG)
    assert [s.lang for s in doc.segments] == ["en", "en"] + [lang for lang, _ in refs]


def test_a_chinese_name_stays_with_its_russian_sentence() -> None:
    text = "Как отмечает Чжао Тинъян (赵汀阳), концепция «Поднебесной» предлагает иной взгляд на мировой порядок."
    assert [(s.lang, s.text) for s in run([text]).segments] == [("ru", text)]


def test_min_run_words_sets_how_long_a_foreign_run_must_be() -> None:
    text = "Эти процессы изучаются в рамках концепции shrinking cities уже несколько десятилетий."
    assert [s.lang for s in run([text]).segments] == ["ru"]
    two = LanguagesConfig(min_run_words=2)
    doc = run([text], cfg=two)
    assert [s.lang for s in doc.segments] == ["ru", "en", "ru"]
    assert doc.segments[1].text == "shrinking cities"
