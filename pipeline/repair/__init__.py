"""Repair: charset damage, extraction debris and web furniture out; the text cut into blocks.

``repair(doc, cfg)`` runs, in order (each family switched by its ``repair.*`` key):

1. line ends (always): CRLF/CR -> LF, form feeds kept as page breaks;
2. ``unescape_html``: HTML entities;
3. ``cyrillic_mojibake``: KOI8-R / cp1251 / cp866 / mac-cyrillic mix-ups, line by line;
4. ``ftfy``: ftfy under the documented configuration (encoding.FTFY_CONFIG), on lines that need it;
5. (always) C0 controls and zero-width characters (before 2.), leftover C1 controls, soft
   hyphens, no-break spaces;
6. ``web_boilerplate``, ``page_furniture``, ``footnotes``, ``unwrap``/``dehyphenate``,
   ``markdown``, ``cjk_spaces``: layout.build_blocks.

Every change is counted in ``doc.repairs`` by kind.
"""

from __future__ import annotations

import logging

from pipeline.config import RepairConfig
from pipeline.document import Document
from pipeline.repair import chars, encoding, layout

__all__ = ["repair"]

log = logging.getLogger(__name__)


def repair(doc: Document, cfg: RepairConfig) -> Document:
    """Clean ``doc.text`` and cut it into ``doc.blocks``; fill furniture, boilerplate, footnotes, repairs."""
    text = doc.text
    counts = doc.repairs

    text, n = chars.normalize_line_ends(text)
    counts["line_ends"] += n
    # Controls and invisible characters go first: inside a mojibake sequence they would stop
    # it from being recognised, and a second repair would then find it.
    text, n = chars.remove_c0_controls(text)
    counts["control_chars"] += n
    text, n = chars.remove_invisible(text)
    counts["invisible_chars"] += n
    if cfg.unescape_html:
        text, n = chars.unescape_entities(text)
        counts["html_entities"] += n
    text, n_cyr, n_ftfy = encoding.repair_encoding(text, cfg.cyrillic_mojibake, cfg.ftfy)
    counts["cyrillic_mojibake"] += n_cyr
    counts["mojibake"] += n_ftfy
    text, n = chars.remove_controls(text)  # the C1 controls ftfy could not decode
    counts["control_chars"] += n
    text, n = chars.remove_soft_hyphens(text)
    counts["soft_hyphens"] += n
    text, n = chars.normalize_spaces(text)
    counts["spaces"] += n

    result = layout.build_blocks(text, cfg)
    counts.update(result.counts)
    doc.furniture.extend(result.furniture)
    doc.boilerplate.extend(result.boilerplate)
    doc.footnotes.extend(result.footnotes)
    doc.warnings.extend(result.warnings)
    doc.set_blocks(result.blocks)
    # Keep the Counter free of zero entries: the report lists only what happened.
    for k in [k for k, v in counts.items() if not v]:
        del counts[k]
    return doc
