"""The damaged-variant corpus: each seed damaged in each way real inputs arrive damaged.

Generated from seeds/ (deterministically) rather than committed; ``python tests/damaged_corpus.py``
writes it to tests/data/damaged/ for a look. Each variant is the *bytes* of a file, so ingest
is exercised as well as repair. A variant exists only where the seed can be encoded in that
charset at all (KOI8-R has no curly quotes, cp1251 no Chinese), so a Russian-only excerpt of
seed 003 (its title, authors, abstract and keywords) is a base of its own.
"""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Callable
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401 - registers "sloppy-windows-1252"

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
OUT = Path(__file__).resolve().parent / "data" / "damaged"


def bases() -> dict[str, str]:
    """The clean documents: the seeds plus the Russian-only excerpt of 003."""
    out = {p.stem.split("_")[0]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    # The Russian front matter of 003 (title, authors, abstract, keywords), cp1251-encodable.
    lines = out["003"].split("\n")
    start = next(i for i, ln in enumerate(lines) if ln.startswith("Размышления"))
    end = next(i for i, ln in enumerate(lines) if ln.startswith(" Abstract."))
    out["003ru"] = "\n".join(lines[start:end]) + "\n"
    # Without the abstract: title, authors and keywords have no «», so KOI8-R can hold them.
    paras = re.split(r"\n[ \t]*\n", out["003ru"])
    out["003ru-koi8"] = "\n\n".join(p for p in paras if "«" not in p and "»" not in p)
    return out


def _encode(text: str, charset: str) -> bytes | None:
    try:
        return text.encode(charset)
    except UnicodeEncodeError:
        return None


def _misread(text: str, stored: str, read_as: str) -> bytes | None:
    """Bytes in ``stored`` decoded as ``read_as`` and saved as UTF-8: the mojibake many files carry."""
    raw = _encode(text, stored)
    if raw is None:
        return None
    try:
        return raw.decode(read_as).encode("utf-8")
    except UnicodeDecodeError:
        return None


def _has_cyrillic(text: str) -> bool:
    return re.search("[а-яё]", text) is not None


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of blank-line-separated paragraphs that hold non-ASCII characters."""
    return [(m.start(), m.end()) for m in re.finditer(r"(?:[^\n]+\n?)+", text) if not m.group().isascii()]


def one_paragraph_mojibake(text: str) -> bytes | None:
    """Only one paragraph damaged: UTF-8 read as KOI8-R where it has Cyrillic, as cp1252 otherwise."""
    spans = _paragraphs(text)
    if not spans:
        return None
    cyr = [s for s in spans if _has_cyrillic(text[s[0]:s[1]])]
    a, b = (cyr or spans)[len(cyr or spans) // 2]
    para = text[a:b]
    codec = "koi8_r" if cyr else "sloppy-windows-1252"
    # Line by line, the line breaks kept: that is how a pasted damaged paragraph looks.
    bad = "\n".join(ln.encode("utf-8").decode(codec) for ln in para.split("\n"))
    return (text[:a] + bad + text[b:]).encode("utf-8")


_ENTITIES = {"’": "&rsquo;", "“": "&#8220;", "”": "&#x201D;", "—": "&mdash;", "«": "&laquo;", "»": "&raquo;",
             "–": "&ndash;"}


def html_entities(text: str) -> bytes:
    """Typographic characters as named and numeric entities, '&' as &amp;, some spaces as &nbsp;."""
    text = text.replace("&", "&amp;")
    for ch, ent in _ENTITIES.items():
        text = text.replace(ch, ent)
    count = 0

    def nbsp(m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return "&nbsp;" if count % 7 == 0 else m.group()

    # Only single spaces between two letters: the layout (indents, runs of spaces) stays as it is.
    text = re.sub(r"(?<=[^\W\d_]) (?=[^\W\d_])", nbsp, text)
    return text.encode("utf-8")


def control_chars(text: str) -> bytes:
    """A BOM-like ZWNBSP at the start, zero-width spaces, soft hyphens, BEL/ESC/DEL inside words."""
    junk = ["\u200b", "\x07", "\u00ad", "\x1b", "\x7f", "\u2060"]
    out = []
    n = 0
    for m in re.finditer(r"[^\W\d_]{6,}|[\s\S]", text):
        w = m.group()
        if len(w) >= 6:
            n += 1
            if n % 5 == 0:
                w = w[:3] + junk[n % len(junk)] + w[3:]
        out.append(w)
    return ("\ufeff" + "".join(out)).encode("utf-8")


def pdf_pages(text: str) -> bytes | None:
    """Page breaks made visible: at each page start (a line the PDF extraction indented by one
    space) the previous page's number, a form feed and a running header that alternates between
    two lines, as journals print them. Only for texts with such page starts."""
    lines = text.split("\n")
    starts = [i for i, ln in enumerate(lines) if i > 10 and re.match(r"^ \S", ln)]
    if len(starts) < 3:
        return None
    # The document's first line (a journal header) on even pages, a short line on odd ones.
    first = next(ln.strip() for ln in lines if ln.strip())
    headers = (first, "Running head of the article")
    out: list[str] = []
    page = 1
    for i, ln in enumerate(lines):
        if i in starts:
            page += 1
            out += [str(page - 1), "", "\f", headers[page % 2], ""]
        out.append(ln)
    return "\n".join(out).encode("utf-8")


VARIANTS: dict[str, Callable[[str], bytes | None]] = {
    "cp1251": lambda t: _encode(t, "cp1251"),
    "koi8-r": lambda t: _encode(t, "koi8_r"),
    "utf-16": lambda t: _encode(t, "utf-16"),
    "utf-16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "cp1252-mojibake": lambda t: _misread(t, "utf-8", "sloppy-windows-1252"),
    "cp1251-mojibake": lambda t: _misread(t, "utf-8", "sloppy-windows-1251"),
    "cp1251-as-latin-1": lambda t: _misread(t, "cp1251", "latin-1"),
    # A swap of two Cyrillic codepages is a Russian text's damage; on English it only touches
    # the odd quote, which no one can tell from a box-drawing character without context.
    "koi8-r-as-cp1251": lambda t: _misread(t, "koi8_r", "cp1251") if _has_cyrillic(t) else None,
    "cp1251-as-koi8-r": lambda t: _misread(t, "cp1251", "koi8_r") if _has_cyrillic(t) else None,
    "utf-8-as-koi8-r": lambda t: _misread(t, "utf-8", "koi8_r"),
    "utf-8-as-cp866": lambda t: _misread(t, "utf-8", "cp866"),
    "utf-8-as-mac-cyrillic": lambda t: _misread(t, "utf-8", "mac_cyrillic"),
    "one-paragraph-mojibake": one_paragraph_mojibake,
    "html-entities": html_entities,
    "control-chars": control_chars,
    "pdf-pages": pdf_pages,
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "cr": lambda t: t.replace("\n", "\r").encode("utf-8"),
}


def corpus() -> dict[tuple[str, str], bytes]:
    """{(base, variant): bytes} for every variant that exists for its base."""
    out = {}
    for base, text in bases().items():
        for name, make in VARIANTS.items():
            raw = make(text)
            if raw is not None:
                out[(base, name)] = raw
    return out


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    items = corpus()
    for (base, name), raw in sorted(items.items()):
        (OUT / f"{base}.{name}.txt").write_bytes(raw)
    sys.stdout.write(f"{len(items)} damaged variants written to {OUT}\n")


if __name__ == "__main__":
    main()
