"""Ingest: bytes -> text with the charset recorded; non-text input refused with a clear reason."""

from __future__ import annotations

import codecs

import pytest

from pipeline.config import InputConfig
from pipeline.document import Document, DocumentError, Source
from pipeline.ingest import NotText, decode_bytes, ingest

RU = "Современные международные отношения сталкиваются с глубочайшими изменениями, невиданными за столетие."
EN = "China and Russia’s “comprehensive strategic partnership” — a new era."
CFG = InputConfig(dir=".", glob="*.txt", max_bytes=1 << 20)


def _doc(raw: bytes) -> Document:
    return Document(source=Source(path="x.txt", size_bytes=len(raw)), raw=raw)


@pytest.mark.parametrize(
    ("raw", "text", "encoding"),
    [
        (RU.encode("utf-8"), RU, "utf-8"),
        (codecs.BOM_UTF8 + RU.encode("utf-8"), RU, "utf-8-sig"),
        (codecs.BOM_UTF16_LE + RU.encode("utf-16-le"), RU, "utf-16-le"),
        (codecs.BOM_UTF16_BE + RU.encode("utf-16-be"), RU, "utf-16-be"),
        (EN.encode("utf-16-le"), EN, "utf-16-le"),  # no BOM: NULs on every other byte
        (RU.encode("cp1251"), RU, "cp1251"),
        (RU.encode("koi8_r"), RU, "koi8-r"),
        (EN.replace("—", "-").encode("cp1252"), EN.replace("—", "-"), "cp1252"),
        (("Café crème, déjà vu. " * 5).encode("cp1252"), "Café crème, déjà vu. " * 5, "cp1252"),
        # Short texts, where a detector alone guesses wrong: the most plausible reading wins.
        ("Café".encode("cp1252"), "Café", "cp1252"),
        ("Ёлка".encode("cp1251"), "Ёлка", "cp1251"),
        ("Ёлка".encode("koi8_r"), "Ёлка", "koi8-r"),
        ("Москва".encode("koi8_r"), "Москва", "koi8-r"),
        ("Съешь же ещё этих мягких булок".encode("cp866"), "Съешь же ещё этих мягких булок", "cp866"),
        ("Съешь же ещё этих мягких булок".encode("mac_cyrillic"), "Съешь же ещё этих мягких булок", "mac-cyrillic"),
        ("Україна — це держава. Її столиця — Київ.".encode("cp1251"), "Україна — це держава. Її столиця — Київ.",
         "cp1251"),
        ("Der Bär läuft über die Straße.".encode("cp1252"), "Der Bär läuft über die Straße.", "cp1252"),
    ],
)
def test_decode_bytes(raw: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(raw) == (text, encoding)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t\n", "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"abc\x00\x01\x02\x03def\x00\xff\xfe", "NUL"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_not_text(raw: bytes, reason: str) -> None:
    with pytest.raises(NotText, match=reason):
        decode_bytes(raw)


def test_ingest_sets_text_encoding_and_frees_raw() -> None:
    doc = ingest(_doc(RU.encode("cp1251")), CFG)
    assert doc.text == RU
    assert doc.source.encoding == "cp1251"
    assert doc.raw == b""


def test_ingest_refuses_binary_with_stage_and_reason() -> None:
    with pytest.raises(DocumentError) as e:
        ingest(_doc(b"\x89PNG\r\n\x1a\n\x00\x00"), CFG)
    assert e.value.stage == "ingest"
    assert "PNG" in e.value.reason


def test_ingest_refuses_oversized() -> None:
    with pytest.raises(DocumentError, match="max_bytes"):
        ingest(_doc(b"a" * 100), InputConfig(dir=".", glob="*", max_bytes=10))


# Ukrainian in KOI8-U: KOI8-R has box drawing (╓ ╕ ╖ ╜) where KOI8-U has є і ї ґ.
UK = ("Київська міська рада ухвалила програму ремонту шкіл і дитячих садків. "
      "Її виконання почнеться навесні, а гроші на ґанки та подвір'я знайдуться в бюджеті. "
      "Єдиний підрядник отримає замовлення після відкритого конкурсу.")


@pytest.mark.parametrize("text", [UK, UK[:80], UK.upper()])
def test_koi8u_is_not_read_as_koi8r(text: str) -> None:
    assert decode_bytes(text.encode("koi8_u")) == (text, "koi8-u")


def test_koi8r_box_drawing_stays_koi8r() -> None:
    # Russian with a real box-drawing frame (no letter beside it): KOI8-R, frame kept.
    text = "┌──────┐\n│ Итог │\n└──────┘\n" + RU
    decoded, enc = decode_bytes(text.encode("koi8_r"))
    assert enc == "koi8-r"
    assert decoded == text


PL = ("Biblioteka rzeczy mieści się w dawnym punkcie ksero przy ulicy Reymonta. Na półkach jest już ponad sto "
      "osiemdziesiąt przedmiotów: wiertarki, namioty, gry planszowe i maszyny do szycia. Zamiast kupować sprzęt, "
      "którego używa się dwa razy w roku, mieszkańcy mogą go po prostu wypożyczyć za darmo na tydzień. ")
CS = ("Knihovna věcí sídlí v bývalé kopírovně v Husově ulici. Na policích je už přes sto osmdesát předmětů: "
      "vrtačky, stany, deskové hry a šicí stroje. Místo nákupu nářadí, které člověk použije dvakrát ročně, "
      "si ho obyvatelé mohou na týden zdarma půjčit. ")
FR = ("Très bien, le garçon a mangé à la maison où il était très heureux. Ça va être génial : déjà vu, "
      "naïve, cœur, où, là, élève, fenêtre, château, forêt, hôpital, noël. ")


@pytest.mark.parametrize(("text", "codec", "name"), [
    (PL * 3, "cp1250", "cp1250"),
    (CS * 3, "cp1250", "cp1250"),
    (FR * 3, "cp1252", "cp1252"),  # the Central European codepages read it as letters too: not taken
    ("Der Bär läuft über die Straße, schöne Grüße. " * 5, "cp1252", "cp1252"),
])
def test_central_european_codepages_only_for_their_languages(text: str, codec: str, name: str) -> None:
    decoded, encoding = decode_bytes(text.encode(codec))
    assert (decoded, encoding) == (text, name)


_JA = "トンネルの凍結防止対策について、本研究では北海道の道路トンネルにおける覆工の凍上被害を調査した。"
_ZH = "本文研究了清代盐运河道的变迁及其对地方社会的影响。根据地方志和档案资料，我们发现运河的维护依赖于盐商的捐助。"
_ZH_T = "本文研究了清代鹽運河道的變遷及其對地方社會的影響。根據地方志和檔案資料，我們發現運河的維護依賴於鹽商的捐助。"
_KO = "이 연구는 조선 후기 소금 운송 경로의 변화와 지역 사회에 미친 영향을 분석한다. 지방지와 기록 자료를 바탕으로 운하의 유지가 상인들의 기부에 의존했음을 밝혔다."


@pytest.mark.parametrize(("text", "codec", "name"), [
    (_JA, "shift_jis", "cp932"), (_JA, "cp932", "cp932"), (_JA, "euc_jp", "euc-jp"),
    (_ZH, "gbk", "gb18030"), (_ZH, "gb18030", "gb18030"), (_ZH_T, "big5", "big5"), (_KO, "euc_kr", "euc-kr"),
    (f"Abstract (English)\n\n{_JA}\n\nKeywords: tunnel, frost", "shift_jis", "cp932"),
])
def test_east_asian_codepages(text: str, codec: str, name: str) -> None:
    assert decode_bytes(text.encode(codec)) == (text, name)


@pytest.mark.parametrize(("text", "codec"), [
    # Cyrillic capitals in ISO-8859-5 decode as EUC-KR Hangul, but rare syllables: not Korean.
    ("ОРИГИНАЛЬНОЕ ИССЛЕДОВАНИЕ\nhttps://doi.org/10.38219/2308-1112", "iso8859_5"),
    ("ГЛАВА ПЕРВАЯ. ПРЕДИСЛОВИЕ К ИЗДАНИЮ", "iso8859_5"),
    ("Привет", "cp1251"),  # decodes as Big5, three rare characters
    ("Привет, это русский текст в кодировке Windows-1251.", "cp1251"),
    ("Привет, это русский текст в кодировке KOI8-R.", "koi8_r"),
    ("Café crème à la française, très bien élevé.", "cp1252"),
])
def test_single_byte_text_is_not_read_as_east_asian(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec)) == (text, {"iso8859_5": "iso-8859-5", "koi8_r": "koi8-r"}.get(codec, codec))


_EL = ("Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και μία από τις αρχαιότερες πόλεις του κόσμου. Σύμφωνα με "
       "την απογραφή του 2021, ο πληθυσμός της περιοχής ξεπερνά τα τρία εκατομμύρια κατοίκους.")


@pytest.mark.parametrize(("text", "codec", "name"), [
    (_EL, "cp1253", "cp1253"),
    # (Where the two codepages give the same text, the first is named.)
    (_EL, "iso8859_7", "cp1253"),
    ("Ά" + _EL, "iso8859_7", "iso-8859-7"),  # Ά is 0xB6 in ISO-8859-7, ¶ in cp1253
])
def test_greek_codepages(text: str, codec: str, name: str) -> None:
    assert decode_bytes(text.encode(codec)) == (text, name)


@pytest.mark.parametrize(("text", "codec", "name"), [
    # Russian lower case in mac-cyrillic and ISO-8859-7 share their byte range: one-letter words such as
    # "η" are no evidence of Greek.
    ("Самую многочисленную группу в 1860-х гг. составляли агиографы и их читатели из купцов.", "mac_cyrillic",
     "mac-cyrillic"),
    ("Autorem zbioru był Ignacy Korczyński (1811–1879), lekarz powiatowy.", "cp1250", "cp1250"),
])
def test_other_codepages_are_not_read_as_greek(text: str, codec: str, name: str) -> None:
    assert decode_bytes(text.encode(codec))[1] != "cp1253" and decode_bytes(text.encode(codec))[1] != "iso-8859-7"


SK = ("Knižnica vecí sídli v bývalej kopírke na Hlavnej ulici. Na policiach je už vyše sto osemdesiat predmetov: "
      "vŕtačky, stany, spoločenské hry a šijacie stroje. Ľudia si ich môžu požičať zadarmo na týždeň. ")


@pytest.mark.parametrize(("text", "codec", "name"), [
    (CS * 3, "iso8859_2", "iso-8859-2"), (PL * 3, "iso8859_2", "iso-8859-2"), (SK * 3, "iso8859_2", "iso-8859-2"),
    (SK * 3, "cp1250", "cp1250"),
])
def test_iso_8859_2_and_cp1250_told_apart_by_their_letters(text: str, codec: str, name: str) -> None:
    # š, ž, ś, ź, ą, ľ, Ľ sit at other bytes in the two: the wrong one mixes letters of several languages.
    decoded, encoding = decode_bytes(text.encode(codec))
    assert (decoded, encoding) == (text, name)


def test_a_russian_page_of_a_chinese_site_saved_in_gbk() -> None:
    # GBK holds the Cyrillic alphabet: Russian words beside a Chinese menu and footer are one page.
    text = ("首页 | 新闻 | 俄语频道 | 联系我们\n\nВ Муданьцзяне прошёл конкурс русского языка среди школьников. "
            "Участники читали стихи и пели песни. Победители получат поездку в Хабаровск.\n\n" * 2
            + "版权所有 牡丹江新闻网 2024\n")
    decoded, encoding = decode_bytes(text.encode("gbk"))
    assert (decoded, encoding) == (text, "gb18030")


def test_cyrillic_bytes_in_a_single_byte_codepage_are_not_read_as_gbk() -> None:
    decoded, encoding = decode_bytes((RU * 3).encode("cp1251"))
    assert (decoded, encoding) == (RU * 3, "cp1251")
