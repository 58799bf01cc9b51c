"""LaTeX left in a converted paper (pandoc from LaTeX source, a copy of the .tex): the author line's
``\\and`` separators and ``\\thanks{...}`` notes, and lines holding nothing but a command
(``\\maketitle``, ``\\label{sec:intro}``). Inline commands inside prose (``\\cite{...}``,
``Section~\\ref{...}``) are left as printed."""

from __future__ import annotations

import re

# A line that is one command and its arguments alone: no text a reader would read.
_COMMAND_LINE = re.compile(r"\\[A-Za-z]+\*?(?:\s*\[[^\]\n]*\])*(?:\s*\{[^{}\n]*\})*\s*")
_AND = re.compile(r"\s*\\and\b\s*")
_THANKS = "\\thanks{"


def is_command_line(text: str) -> bool:
    r"""Whether the line is a LaTeX command alone.

    >>> is_command_line("\\maketitle"), is_command_line("\\label{sec:intro}"), is_command_line("See \\cite{x}.")
    (True, True, False)
    """
    return _COMMAND_LINE.fullmatch(text.strip()) is not None


# A converter's note for a page it could not read: "[MISSING_PAGE_POST]", "[MISSING_PAGE_EMPTY:5]".
_MISSING_PAGE = re.compile(r"\[MISSING_PAGE_[A-Z]+(?::\d+)?\]")


def is_missing_page(text: str) -> bool:
    """Whether the line is a converter's missing-page note alone (Nougat prints one where it read no page).

    >>> is_missing_page("[MISSING_PAGE_EMPTY:5]"), is_missing_page("[MISSING_PAGE_POST]"), is_missing_page("See [1].")
    (True, True, False)
    """
    return _MISSING_PAGE.fullmatch(text.strip()) is not None


def _drop_command(text: str, opening: str) -> str:
    """``text`` without each ``opening`` (a command and its brace) and its argument, braces balanced."""
    out = []
    pos = 0
    while (k := text.find(opening, pos)) >= 0:
        depth, j = 1, k + len(opening)
        while j < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            j += 1
        out.append(text[pos:k].rstrip(" "))
        pos = j
    out.append(text[pos:])
    return "".join(out)


# A superscript in inline maths, as converters print affiliation markers: "\({}^{1,*}\)" (Nougat),
# "\(^{2}\)". Its content is a marker: digits, letters a-h, commas, stars and daggers.
_MATH_SUPERSCRIPT = re.compile(r"\s*\\\(\s*(?:\{\})?\^\{?\s*([0-9a-h,*†‡\s]{1,16}|\\ast|\\dagger)\s*\}?\s*\\\)")
_MARKER_COMMANDS = {"\\ast": "*", "\\dagger": "†"}


def _marker(m: re.Match[str]) -> str:
    """A maths superscript's marker, glued to the name before it; at a line's start (an affiliation's
    marker), set apart from the words after it."""
    marker = _MARKER_COMMANDS.get(m.group(1), m.group(1).replace(" ", ""))
    return marker + " " if m.start() == 0 or m.string[m.start() - 1] == "\n" else marker


def strip_author_commands(text: str) -> str:
    r"""An author line's ``\and`` separators as commas, its ``\thanks{...}`` notes removed, the markers
    a converter set as inline maths superscripts (``\({}^{1}\)``) printed after their names.

    >>> strip_author_commands("Ann Lee \\and Bo Li \\thanks{Corresponding: \\texttt{a@b.org}}")
    'Ann Lee, Bo Li'
    >>> strip_author_commands("Hannah Okafor\\({}^{1}\\), Mirela Constantin\\({}^{1,*}\\)")
    'Hannah Okafor1, Mirela Constantin1,*'
    >>> strip_author_commands("\\({}^{1}\\)School of Biology, University of Eastmoor")
    '1 School of Biology, University of Eastmoor'
    """
    if "\\" not in text:
        return text
    if "\\(" in text:
        text = _MATH_SUPERSCRIPT.sub(_marker, text)
    if _THANKS in text:
        text = _drop_command(text, _THANKS)
    if "\\and" in text:
        text = _AND.sub(", ", text)
    return text
