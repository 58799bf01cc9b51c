"""Bytes -> text: BOMs, strict UTF-8, UTF-16, then a restricted charset detector.

``ftfy.guess_bytes`` is deliberately not used: it knows no Cyrillic codepage and turns cp1251
into mojibake. charset-normalizer is asked to choose only among the single-byte codepages real
inputs arrive in, so a short Russian file cannot come out as, say, Greek or Turkish.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from collections import Counter
from typing import Any

from pipeline.textscore import reading_score

log = logging.getLogger(__name__)

# Single-byte codepages charset-normalizer may choose from (order = preference on a tie).
SINGLE_BYTE_CODEPAGES = ("cp1251", "koi8_r", "cp1252", "cp866", "mac_cyrillic", "iso8859_5", "latin_1",
                         "cp1250", "iso8859_2")
# The Central European codepages read Western text as letters too ("très" as "trčs"): they are taken
# only where charset-normalizer reads one of these languages in them and reads it better there.
CENTRAL_EUROPEAN = frozenset(("cp1250", "iso8859_2"))
CENTRAL_EUROPEAN_LANGUAGES = frozenset(("Polish", "Czech", "Slovak", "Hungarian", "Slovene", "Croatian",
                                        "Romanian", "Bosnian", "Serbian"))

# Multi-byte East Asian codepages (Japanese, Chinese, Korean), tried before the single-byte ones:
# their bytes also read as some single-byte codepage, as nonsense.
CJK_CODEPAGES = ("shift_jis", "cp932", "euc_jp", "gb18030", "big5", "euc_kr")
# Of a CJK reading's non-ASCII characters, at least this share are East Asian letters and signs.
CJK_SHARE = 0.7
# charset-normalizer's chaos (0 to 1) a CJK reading may have at most.
CJK_CHAOS = 0.2
# A Cyrillic word: three letters or more between non-letters.
_CYRILLIC_WORD = re.compile(r"(?<![^\W\d_])[\u0400-\u04ff]{3,}(?![^\W\d_])")
# At least this many East Asian characters: fewer read as some Chinese in any byte soup.
MIN_CJK_CHARS = 10
_CJK_CHARS = re.compile("[\u1100-\u11ff\u3000-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
                        "\uf900-\ufaff\uff00-\uffef]")
# What the language's prose is made of, whatever it is about; another codepage's bytes read in a CJK
# one give rare characters instead (Cyrillic capitals in ISO-8859-5 make Hangul syllables in EUC-KR,
# but seldom common ones). Japanese: hiragana (its particles and endings), 15% of the East Asian
# characters at least; Korean: its commonest syllables, 10%; Chinese: its commonest characters
# (simplified and traditional forms), 8%.
_LANGUAGE_SIGNS = {
    "ja": (re.compile("[\u3041-\u309f]"), 0.15),
    "ko": (re.compile("[이다의는에하고을를가한로서지기도으어사리자대수인정아시전게들적나있해우국일과와여주구성]"), 0.1),
    "zh": (re.compile("[的一是不了在人有我他这這中大来來上国國个個到说說们們为為子和你地出道也时時年以要会會就可对對"
                      "于於生与與]"), 0.08),
}
_CODEPAGE_LANGUAGE = {"shift_jis": "ja", "cp932": "ja", "euc_jp": "ja", "gb18030": "zh", "big5": "zh", "euc_kr": "ko"}

# Greek codepages, tried before the Cyrillic ones, which read their letters as Cyrillic nonsense: the
# reading must be Greek prose, its commonest words at least GREEK_SHARE of its Greek words (five at least;
# no one-letter word: another codepage's letter read alone as "η" or "ο" is no evidence).
GREEK_CODEPAGES = ("cp1253", "iso8859_7")
GREEK_SHARE = 0.08
_GREEK_WORD = re.compile("[\u0370-\u03ff\u1f00-\u1fff]+")
_GREEK_COMMON = frozenset(
    "και το τα της την τον του των τη τις τους οι να σε με για από που είναι δεν θα στο στην στη στα στον "
    "στις στους ότι ως κατά μετά αλλά ή ένα μια μία έχει ήταν".split())

# Python codec name -> the name recorded in source.encoding.
_DISPLAY = {
    "cp1253": "cp1253",
    "iso8859_7": "iso-8859-7",
    "shift_jis": "shift_jis",
    "cp932": "cp932",
    "euc_jp": "euc-jp",
    "gb18030": "gb18030",
    "big5": "big5",
    "euc_kr": "euc-kr",
    "cp1251": "cp1251",
    "koi8_r": "koi8-r",
    "koi8_u": "koi8-u",
    "cp1252": "cp1252",
    "cp866": "cp866",
    "mac_cyrillic": "mac-cyrillic",
    "iso8859_5": "iso-8859-5",
    "latin_1": "latin-1",
    "cp1250": "cp1250",
    "iso8859_2": "iso-8859-2",
}

# Magic numbers of common binary formats, for a clear reason in the quarantine.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"%PDF-", "a PDF file (extract its text first)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an ELF executable"),
    (b"MZ", None),  # DOS/Windows executable: only if binary bytes follow (MZ also starts words)
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 document (old .doc/.xls)"),
)

# Control bytes that never occur in text (TAB, LF, FF, CR, ESC and SUB aside).
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")

_CYRILLIC = re.compile("[\u0400-\u04ff]")

# Codepages that differ from a Russian one only where it has box drawing and they have the
# Ukrainian and Belarusian letters (KOI8-U: є і ї ґ at 0xA4-0xAD/0xB4-0xBD).
_LETTER_VARIANTS = {"koi8_r": "koi8_u"}
# A box-drawing character with a letter on at least one side: a letter of the variant codepage.
_BOX_BY_LETTER = re.compile(r"(?<=[^\W\d_])[\u2500-\u257f]|[\u2500-\u257f](?=[^\W\d_])")


class NotText(ValueError):
    """The bytes are not a text document; the message says why."""


def _binary_kind(raw: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if raw.startswith(magic) and kind:
            return kind
    return None


def _looks_utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when the NULs sit mostly on one side of the byte pairs, as in UTF-16
    of any text with some ASCII in it (spaces, digits, newlines), Cyrillic or Chinese included (a few
    CJK characters, like U+4E00, have a NUL low byte). The caller still checks that the bytes decode
    into plausible text (``_plausible_text``).

    >>> _looks_utf16_without_bom("Hello world".encode("utf-16-le"))
    'utf-16-le'
    >>> _looks_utf16_without_bom("Привет, мир".encode("utf-16-be"))
    'utf-16-be'
    """
    sample = raw[:8192]
    sample = sample[: len(sample) - len(sample) % 2]  # an odd last byte: a truncated file
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even0, odd0 = even.count(0), odd.count(0)
    if odd0 >= 2 * even0 and odd0:
        return "utf-16-le"
    if even0 >= 2 * odd0 and even0:
        return "utf-16-be"
    return None


def _plausible_text(text: str) -> bool:
    r"""No control characters but whitespace, no unassigned, private-use or surrogate code points:
    what a misread binary file or a wrong UTF-16 byte order produces at once.

    >>> _plausible_text("Привет, мир!\n"), _plausible_text("\u0400\ue000\x01")
    (True, False)
    """
    for ch in text[:4096]:
        cat = unicodedata.category(ch)
        if (cat == "Cc" and ch not in "\t\n\r\f\v\x1b") or cat in ("Cn", "Co", "Cs"):
            return False
    return True


def _utf8_prefix_len(tail: bytes) -> int:
    r"""Length of the UTF-8 sequence ``tail`` begins, if ``tail`` is an incomplete start of one, else 0.

    >>> _utf8_prefix_len("😀".encode()[:3]), _utf8_prefix_len(b"\xe9"), _utf8_prefix_len(b"ab")
    (4, 3, 0)
    """
    lead = tail[0]
    need = 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 4 if 0xF0 <= lead <= 0xF4 else 0
    if need and len(tail) < need and all(0x80 <= b <= 0xBF for b in tail[1:]):
        return need
    return 0


def _salvage_utf8(raw: bytes, notes: list[str] | None) -> str | None:
    r"""UTF-8 with a little damage: a character cut off at the very end (a truncated transfer), or a
    few invalid bytes amid plenty of valid multibyte text (replaced with U+FFFD, and said so).
    None when the bytes are better read as a single-byte codepage.

    >>> _salvage_utf8("Привет мир".encode()[:-1], None)
    'Привет ми'
    >>> _salvage_utf8(b"caf\xe9 au lait", None) is None  # Latin-1: not damaged UTF-8
    True
    """
    for k in (1, 2, 3):
        if len(raw) <= k or not _utf8_prefix_len(raw[-k:]):
            continue
        try:
            text = raw[:-k].decode("utf-8")
        except UnicodeDecodeError:
            break
        # One high byte after pure ASCII is as likely a single-byte codepage (a final 'é' in cp1252).
        if k >= 2 or not text.isascii():
            if notes is not None:
                notes.append(f"ingest: the file ends in the middle of a UTF-8 character (truncated?); "
                             f"its last {k} byte(s) were dropped")
            return text
        break
    text = raw.decode("utf-8", "replace")
    bad = text.count("\ufffd") - raw.count("\ufffd".encode())
    ascii_bytes = len(raw.translate(None, bytes(range(128, 256))))
    good = len(text) - ascii_bytes - text.count("\ufffd")
    if 0 < bad and good >= 10 * bad:
        if notes is not None:
            notes.append(f"ingest: {bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD")
        return text
    return None


def decode_bytes(raw: bytes, notes: list[str] | None = None) -> tuple[str, str]:
    """Decode a document's bytes; return ``(text, encoding)`` or raise ``NotText``.
    What had to be mended on the way (dropped or replaced bytes) is appended to ``notes``.

    >>> decode_bytes("Привет".encode("cp1251"))
    ('Привет', 'cp1251')
    """
    if not raw:
        raise NotText("empty file (0 bytes)")
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return raw[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as e:
            raise NotText(f"starts with a UTF-8 byte-order mark but is not valid UTF-8 (byte {e.start})") from e
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                      (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            try:
                text = raw[len(bom):].decode(name)
            except UnicodeDecodeError as e:
                raise NotText(f"starts with a {name.upper()} byte-order mark but does not decode as {name}") from e
            return _check_text(text, name), name
    kind = _binary_kind(raw)
    if kind:
        raise NotText(f"binary file: {kind}")
    if b"\x00" in raw:
        # Text never holds NUL, except UTF-16 written without a byte-order mark.
        guess = _looks_utf16_without_bom(raw)
        body = raw[: len(raw) - len(raw) % 2]
        # The likelier byte order first; the other one only if that one gives no plausible text.
        for order in (guess, {"utf-16-le": "utf-16-be", "utf-16-be": "utf-16-le"}.get(guess or "")):
            if not order:
                continue
            try:
                text = _check_text(body.decode(order), order)
            except (UnicodeDecodeError, NotText):
                continue
            if _plausible_text(text):
                if len(body) < len(raw) and notes is not None:
                    notes.append(f"ingest: an odd number of bytes for {order}; the last byte was dropped")
                return text, order
        raise NotText("binary file: contains NUL bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        salvaged = _salvage_utf8(raw, notes)
        if salvaged is not None:
            return _check_text(salvaged, "utf-8"), "utf-8"
    else:
        return _check_text(text, "utf-8"), "utf-8"
    sample = raw[:65536]
    bad = len(_BINARY_BYTES.findall(sample))
    if bad > max(8, len(sample) // 200):
        raise NotText(f"binary file: {bad} control bytes in the first {len(sample)} bytes")
    return _detect_cjk(raw) or _detect_greek(raw) or _detect_single_byte(raw)


def _check_text(text: str, encoding: str) -> str:
    if "\x00" in text:
        raise NotText(f"decodes as {encoding} but contains NUL characters: binary data, not text")
    if not text or text.isspace():  # (what "not text.strip()" says, without copying the text)
        raise NotText("no text: the file holds only whitespace")
    return text


def _non_ascii_chunks(sample: bytes) -> bytes:
    r"""The chunks of ``sample`` between ASCII spaces that hold a non-ASCII byte, joined by spaces.

    A reading score counts only words with a non-ASCII letter and non-ASCII signs, none of which
    spans a space, and every codepage of ``SINGLE_BYTE_CODEPAGES`` reads ASCII bytes as ASCII:
    scoring these chunks gives exactly the score of the whole sample, for a fraction of the scan.
    >>> _non_ascii_chunks(b"The caf\xe9 is\topen,\n\xa9 2024")
    b'caf\xe9 \xa9'
    """
    return b" ".join(chunk for chunk in sample.split() if not chunk.isascii())


# How much less coherent than the best other codepage a Central European reading may be and still
# win on less chaos: charset-normalizer's coherence differs in the third decimal for one text read
# with a few letters changed.
COHERENCE_TOLERANCE = 0.01

# The letters with diacritics of each language written in cp1250 or ISO-8859-2: a reading whose
# letters all belong to one of them is the right one ("ž" and "š" are "ľ" and "ą" in the other).
_CENTRAL_EUROPEAN_ALPHABETS = tuple(frozenset(a + a.upper()) for a in (
    "áčďéěíňóřšťúůýž",  # Czech
    "áäčďéíĺľňóôŕšťúýž",  # Slovak
    "ąćęłńóśźż",  # Polish
    "áéíóöőúüű",  # Hungarian
    "čćđšž",  # Croatian, Bosnian, Serbian, Slovene
    "ăâîșțşţ",  # Romanian
    "äöüß",  # German
))
_CENTRAL_EUROPEAN_PAIR = {"cp1250": "iso8859_2", "iso8859_2": "cp1250"}


def _alphabet_fit(text: str) -> int:
    """How many of ``text``'s non-ASCII letters the language that holds the most of them writes.

    >>> _alphabet_fit("příliš žluťoučký"), _alphabet_fit("přąliľ")
    (7, 1)
    """
    letters = Counter(c for c in text if c > "\x7f" and c.isalpha())
    return max((sum(n for c, n in letters.items() if c in a) for a in _CENTRAL_EUROPEAN_ALPHABETS), default=0)


def _central_european_variant(raw: bytes, codec: str, text: str) -> tuple[str, str]:
    """ISO-8859-2 rather than cp1250 (or the other way) when its letters belong to one language more.

    >>> _central_european_variant("Nový výskyt raka, šíření žab".encode("iso8859_2"), "cp1250",
    ...                           "Nový výskyt raka, šíření žab".encode("iso8859_2").decode("cp1250"))
    ('iso8859_2', 'Nový výskyt raka, šíření žab')
    """
    other = _CENTRAL_EUROPEAN_PAIR.get(codec)
    if other is None:
        return codec, text
    try:
        alt = raw.decode(other)
    except UnicodeDecodeError:
        return codec, text
    if alt != text and _alphabet_fit(alt[:65536]) > _alphabet_fit(text[:65536]):
        log.debug("%s reads letters of one language where %s mixes several", other, codec)
        return other, alt
    return codec, text


# Signs of the Latin-1 range where ISO-8859-2 has letters, next to a letter: "u¾", "vy¹e", "pøes"
# is ISO-8859-2 Czech read as cp1252. Real text puts none of them inside a word (a degree sign
# before a unit is spaced or counted as one of the few allowed).
_SIGN_IN_WORD = re.compile(r"[^\W\d_][¤¥¦§¨©¬®¯±²³´¶¸¹¼½¾¿]|[¤¥¦§¨©¬®¯±²³´¶¸¹¼½¾¿][^\W\d_]")
SIGNS_IN_WORDS = 3


def _signs_in_words(text: str) -> int:
    """How many signs ``text`` prints right beside a letter (in its first 64K characters).

    >>> _signs_in_words("Kni¾nica je u¾ vy¹e"), _signs_in_words("Knižnica, 20 °C, © 2024")
    (3, 0)
    """
    return len(_SIGN_IN_WORD.findall(text, 0, 65536))


def _central_european_check(results: list[Any]) -> Any:
    """charset-normalizer's best match (its results come best first), passing over a Central European
    codepage unless it reads a Central European language there more coherently than in the best
    other codepage (or as coherently and with less chaos: Czech reads as Czech in cp1252 too, less a
    few letters). ``None`` when there is no match.
    """
    if not results:
        return None
    best = results[0]
    if codecs.lookup(best.encoding).name.replace("-", "_") not in CENTRAL_EUROPEAN:
        return best
    others = [r for r in results if codecs.lookup(r.encoding).name.replace("-", "_") not in CENTRAL_EUROPEAN]
    other = others[0] if others else None
    if other is None or (best.language in CENTRAL_EUROPEAN_LANGUAGES and (
            best.coherence > other.coherence
            or (best.coherence >= other.coherence - COHERENCE_TOLERANCE and best.chaos < other.chaos)
            or _signs_in_words(str(other)) > SIGNS_IN_WORDS and _signs_in_words(str(best)) == 0)):
        return best
    return others[0]


def _best_reading(raw: bytes, detected: str, margin: float = 0.5, exclude: frozenset[str] = frozenset()) -> str:
    """Second opinion on a single-byte codepage: the one whose reading is the most plausible prose.

    charset-normalizer is weak on short texts ("Café" comes out as cp1251 "Cafй", a KOI8-R
    "Ёлка" as ISO-8859-5). Its choice stands unless another reads clearly better. The codepages
    ``exclude`` are not offered (the Central European ones, unless charset-normalizer chose one).
    >>> _best_reading("Café".encode("cp1252"), "cp1251")
    'cp1252'
    """
    sample = raw[:20000]
    scored = _non_ascii_chunks(sample)
    scores: dict[str, float] = {}
    for codec in dict.fromkeys((detected, *(c for c in SINGLE_BYTE_CODEPAGES if c not in exclude))):
        try:
            scores[codec] = reading_score((scored if codec in SINGLE_BYTE_CODEPAGES else sample).decode(codec))
        except (UnicodeDecodeError, LookupError):
            continue
    if detected not in scores:
        return max(scores, key=lambda c: scores[c]) if scores else detected
    best = max(scores, key=lambda c: scores[c])  # first wins a tie: detected, then the list order
    return best if scores[best] > scores[detected] + margin else detected


def _letter_variant(raw: bytes, codec: str, text: str) -> tuple[str, str]:
    """KOI8-U rather than KOI8-R when the KOI8-R reading puts box drawing inside words
    ("Укра╖на", "сп╕льн╕") where KOI8-U has letters ("Україна", "спільні"), and reads no worse.

    >>> _letter_variant("Україна".encode("koi8_u"), "koi8_r", "Україна".encode("koi8_u").decode("koi8_r"))
    ('koi8_u', 'Україна')
    >>> _letter_variant("┌─┐ Привет".encode("koi8_r"), "koi8_r", "┌─┐ Привет")
    ('koi8_r', '┌─┐ Привет')
    """
    variant = _LETTER_VARIANTS.get(codec)
    if variant is None or not _BOX_BY_LETTER.search(text):
        return codec, text
    alt = raw.decode(variant)
    if alt != text and reading_score(alt[:20000]) > reading_score(text[:20000]):
        log.debug("%s reads box drawing inside words; %s has letters there", codec, variant)
        return variant, alt
    return codec, text


def _detect_cjk(raw: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` when the bytes are Japanese, Chinese or Korean text in a multi-byte
    codepage of ``CJK_CODEPAGES``, else None: one must decode them whole, charset-normalizer must
    choose it among them with little chaos, and its reading must be East Asian text
    (``CJK_SHARE`` of the non-ASCII characters) that reads as its language (``_LANGUAGE_SIGNS``).

    >>> _detect_cjk("トンネルの凍結防止対策について調査した。".encode("shift_jis"))
    ('トンネルの凍結防止対策について調査した。', 'cp932')
    >>> _detect_cjk("Привет, мир".encode("cp1251")) is None
    True
    """
    decodable = []
    for codec in CJK_CODEPAGES:
        try:
            raw.decode(codec)
        except UnicodeDecodeError:
            continue
        decodable.append(codec)
    if not decodable:
        return None
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=decodable, threshold=CJK_CHAOS).best()
    if best is None:
        return None
    codec = codecs.lookup(best.encoding).name.replace("-", "_")
    try:
        text = raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
    non_ascii = sum(1 for c in text if ord(c) > 127)
    cjk = len(_CJK_CHARS.findall(text))
    # (These codepages hold the Cyrillic alphabet too: a Russian page of a Chinese site saved in GBK is
    # Cyrillic words beside Chinese ones. Cyrillic in whole words counts with the East Asian text;
    # another codepage's bytes read so give Cyrillic letters scattered between Han characters.)
    cyrillic = sum(map(len, _CYRILLIC_WORD.findall(text))) if cjk < CJK_SHARE * non_ascii else 0
    signs, share = _LANGUAGE_SIGNS[_CODEPAGE_LANGUAGE.get(codec, "zh")]
    if cjk < MIN_CJK_CHARS or cjk + cyrillic < CJK_SHARE * non_ascii or len(signs.findall(text)) < share * cjk:
        return None
    name = _DISPLAY.get(codec, codec.replace("_", "-"))
    log.debug("charset-normalizer chose %s", name)
    return _check_text(text, name), name


def _detect_greek(raw: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` when the bytes are Greek text in a codepage of ``GREEK_CODEPAGES`` (the one
    whose reading is Greek prose: most of its letters Greek, ``GREEK_SHARE`` of its Greek words common
    ones), else None.

    >>> _detect_greek("Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και μία από τις αρχαιότερες πόλεις.".encode("cp1253"))
    ('Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και μία από τις αρχαιότερες πόλεις.', 'cp1253')
    >>> _detect_greek("Это русский текст в кодировке Windows-1251, и он не греческий.".encode("cp1251")) is None
    True
    """
    best: tuple[int, int, str, str] | None = None
    for codec in GREEK_CODEPAGES:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:65536]
        words = [w.lower() for w in _GREEK_WORD.findall(sample)]
        hits = sum(1 for w in words if w in _GREEK_COMMON)
        # (Most of its letters Greek: a Latin text's few other letters read as Greek ones here and there.)
        greek = sum(map(len, words))
        if hits >= 5 and hits >= GREEK_SHARE * len(words) and 2 * greek >= sum(c.isalpha() for c in sample) \
                and (best is None or (hits, greek) > best[:2]):
            best = (hits, greek, codec, text)  # (a tie: the reading with more Greek letters: Ά, not ¶)
    if best is None:
        return None
    _hits, _greek, codec, text = best
    name = _DISPLAY[codec]
    log.debug("a Greek codepage reads it: %s", name)
    return _check_text(text, name), name


def _detect_single_byte(raw: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    results = from_bytes(raw, cp_isolation=list(SINGLE_BYTE_CODEPAGES), threshold=0.5)
    best = _central_european_check(list(results))
    if best is None:
        raise NotText("undecodable: not UTF-8, UTF-16, a supported East Asian codepage or any supported "
                      "single-byte codepage")
    codec = codecs.lookup(best.encoding).name.replace("-", "_")
    codec = _best_reading(raw, codec, exclude=frozenset() if codec in CENTRAL_EUROPEAN else CENTRAL_EUROPEAN)
    text = raw.decode(codec)
    codec, text = _letter_variant(raw, codec, text)
    codec, text = _central_european_variant(raw, codec, text)
    if codec != "cp1252" and not _CYRILLIC.search(text):
        # English with curly quotes has the same bytes in cp1251 and cp1252: name the Western one.
        try:
            if raw.decode("cp1252") == text:
                codec = "cp1252"
        except UnicodeDecodeError:
            pass
    name = _DISPLAY.get(codec, codec.replace("_", "-"))
    log.debug("charset-normalizer chose %s", name)
    return _check_text(text, name), name
