"""Bytes -> text: BOMs, strict UTF-8, UTF-16, then a restricted charset detector.

``ftfy.guess_bytes`` is deliberately not used: it knows no Cyrillic codepage and turns cp1251
into mojibake. charset-normalizer is asked to choose only among the single-byte codepages real
inputs arrive in, so a short Russian file cannot come out as, say, Greek or Turkish.
"""

from __future__ import annotations

import codecs
import logging
import re

log = logging.getLogger(__name__)

# Single-byte codepages charset-normalizer may choose from (order = preference on a tie).
SINGLE_BYTE_CODEPAGES = ("cp1251", "koi8_r", "cp1252", "cp866", "mac_cyrillic", "iso8859_5", "latin_1")

# Python codec name -> the name recorded in source.encoding.
_DISPLAY = {
    "cp1251": "cp1251",
    "koi8_r": "koi8-r",
    "cp1252": "cp1252",
    "cp866": "cp866",
    "mac_cyrillic": "mac-cyrillic",
    "iso8859_5": "iso-8859-5",
    "latin_1": "latin-1",
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


class NotText(ValueError):
    """The bytes are not a text document; the message says why."""


def _binary_kind(raw: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if raw.startswith(magic) and kind:
            return kind
    return None


def _looks_utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when NULs sit on every other byte, as in UTF-16 of mostly-ASCII text.

    >>> _looks_utf16_without_bom("Hello world".encode("utf-16-le"))
    'utf-16-le'
    """
    sample = raw[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > 0.4 * half and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.4 * half and odd.count(0) == 0:
        return "utf-16-be"
    return None


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Decode a document's bytes; return ``(text, encoding)`` or raise ``NotText``.

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
        if guess:
            try:
                return _check_text(raw.decode(guess), guess), guess
            except (UnicodeDecodeError, NotText):
                pass
        raise NotText("binary file: contains NUL bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _check_text(text, "utf-8"), "utf-8"
    sample = raw[:65536]
    bad = len(_BINARY_BYTES.findall(sample))
    if bad > max(8, len(sample) // 200):
        raise NotText(f"binary file: {bad} control bytes in the first {len(sample)} bytes")
    return _detect_single_byte(raw)


def _check_text(text: str, encoding: str) -> str:
    if "\x00" in text:
        raise NotText(f"decodes as {encoding} but contains NUL characters: binary data, not text")
    if not text.strip():
        raise NotText("no text: the file holds only whitespace")
    return text


def _detect_single_byte(raw: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    results = from_bytes(raw, cp_isolation=list(SINGLE_BYTE_CODEPAGES), threshold=0.5)
    best = results.best()
    if best is None:
        raise NotText("undecodable: not UTF-8, UTF-16 or any supported single-byte codepage")
    codec = codecs.lookup(best.encoding).name.replace("-", "_")
    text = raw.decode(codec)
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
