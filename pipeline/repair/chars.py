"""Character-level repairs: line ends, HTML entities, controls, invisible characters, odd spaces.

Each helper does one job and returns ``(text, number_of_changes)`` so the stage can account for
every change in ``Document.repairs``; ``squash``, which the layout and web passes use to compare
lines, changes nothing in the text and returns the squashed string alone.
"""

from __future__ import annotations

import html
import re

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# C0 controls other than TAB, LF, FF (a page break) and CR (handled as a line end); DEL; C1.
_C0 = "\x00-\x08\x0b\x0e-\x1f\x7f"
_CONTROLS = re.compile(f"[{_C0}\x80-\x9f]")
_C0_CONTROLS = re.compile(f"[{_C0}]")
# Zero-width and invisible format characters that carry nothing in prose. ZWJ/ZWNJ are kept:
# they change how Persian, Indic scripts and emoji render. Also what ftfy's control-character fix
# drops, for every line and not only those ftfy is given: the deprecated format characters
# U+206A-206F, the interlinear annotation marks U+FFF9-FFFB and U+FFFC, which an extractor leaves
# where an embedded object (an image) was.
_INVISIBLE_CHARS = "\u200b\u2060\ufeff\u180e\u200e\u200f\u202a-\u202e\u2061-\u2064\u206a-\u206f\ufff9-\ufffc"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
# What remove_c0_controls or remove_invisible, and remove_controls or remove_invisible, would take out:
# one scan says when neither has anything to do (nearly always), where each would scan the text.
_C0_OR_INVISIBLE = re.compile(f"[{_C0}{_INVISIBLE_CHARS}]")
_CONTROL_OR_INVISIBLE = re.compile(f"[{_C0}\x80-\x9f{_INVISIBLE_CHARS}]")
# No-break and other fixed-width spaces (not U+3000, the ideographic space CJK text uses).
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f]")
_FORM_FEED = re.compile("[ \t]*\f[ \t]*")
_SOFT_HYPHEN_EOL = re.compile("\u00ad[ \t]*\n[ \t]*")


def normalize_line_ends(text: str) -> tuple[str, int]:
    """CRLF, CR, LINE/PARAGRAPH SEPARATOR -> LF; a form feed becomes a line of its own (a page break).

    >>> normalize_line_ends("a\\r\\nb\\rc")
    ('a\\nb\\nc', 2)
    """
    n = text.count("\r") + text.count("\u2028") + text.count("\u2029")
    if n:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    if "\f" in text:
        text = _FORM_FEED.sub("\n\f\n", text)
    return text, n


def unescape_entities(text: str) -> tuple[str, int]:
    """Decode HTML entities that end with ';' (``&amp;``, ``&#8217;``, ``&nbsp;``), nested ones too.

    Bare ``&name`` without ';' is left alone: "&notice" is not "¬ice".
    >>> unescape_entities("Tom&amp;Jerry&#8217;s &amp;lt;b&amp;gt;")
    ('Tom&Jerry’s <b>', 6)
    """
    total = 0
    for _ in range(3):  # "&amp;lt;" needs two rounds; three bounds the work on hostile input
        count = 0

        def sub(m: re.Match[str]) -> str:
            nonlocal count
            s = m.group()
            out = html.unescape(s)
            if out != s:
                count += 1
            return out

        if "&" not in text:
            break
        text = _ENTITY.sub(sub, text)
        if not count:
            break
        total += count
    return text, total


def remove_controls(text: str) -> tuple[str, int]:
    """Drop C0/C1 control characters and DEL (TAB, LF and FF stay).

    >>> remove_controls("a\\x00b\\x1bc\\x85")
    ('abc', 3)
    """
    return _CONTROLS.subn("", text)


def remove_c0_controls(text: str) -> tuple[str, int]:
    """Drop C0 controls and DEL only: C1 controls may be mojibake that ftfy decodes (\x85 = '…').

    >>> remove_c0_controls("a\x07b\x85")
    ('ab\x85', 1)
    """
    return _C0_CONTROLS.subn("", text)


def remove_invisible(text: str) -> tuple[str, int]:
    """Drop zero-width spaces, word joiners, stray BOMs, bidi controls, deprecated format characters,
    interlinear annotation marks and object replacement characters.

    >>> remove_invisible("zero\\u200bwidth\\ufeff, image\\ufffc")
    ('zerowidth, image', 3)
    """
    return _INVISIBLE.subn("", text)


def has_c0_or_invisible(text: str) -> bool:
    """True when ``remove_c0_controls`` or ``remove_invisible`` would change ``text``.

    >>> has_c0_or_invisible("a\\x85b"), has_c0_or_invisible("a\\u200bb")
    (False, True)
    """
    return _C0_OR_INVISIBLE.search(text) is not None


def has_control_or_invisible(text: str) -> bool:
    """True when ``remove_controls`` or ``remove_invisible`` would change ``text``.

    >>> has_control_or_invisible("a\\u00a0b"), has_control_or_invisible("a\\x85b")
    (False, True)
    """
    return _CONTROL_OR_INVISIBLE.search(text) is not None


def remove_soft_hyphens(text: str) -> tuple[str, int]:
    """A soft hyphen at a line end joins the two halves of the word; elsewhere it is dropped.

    >>> remove_soft_hyphens("exam\\u00ad\\nple co\\u00adop")
    ('example coop', 2)
    """
    if "\u00ad" not in text:
        return text, 0
    text, a = _SOFT_HYPHEN_EOL.subn("", text)
    b = text.count("\u00ad")
    return text.replace("\u00ad", ""), a + b


def normalize_spaces(text: str) -> tuple[str, int]:
    """No-break, thin, figure and other fixed-width spaces -> an ordinary space.

    >>> normalize_spaces("5\\u00a0000\\u202f₽")
    ('5 000 ₽', 2)
    """
    return _SPACES.subn(" ", text)


def squash(text: str) -> str:
    """``" ".join(text.split())``: whitespace runs -> one space, none at the ends.

    >>> squash(" a \t b"), squash("a b")
    ('a b', 'a b')
    """
    # Most texts are squashed already. The one printable whitespace character is " ", so a
    # printable text without a double or an outer space has nothing to change (one fast scan).
    if "  " not in text and text.isprintable() and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())
