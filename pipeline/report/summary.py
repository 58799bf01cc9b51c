"""The short summary logged at the end of a run, for the person at the terminal or reading cron mail."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

TOP = 5  # how many quarantine reasons to name; the rest are in quarantine.jsonl


def _counts(counts: Mapping[str, int], limit: int | None = None) -> str:
    """``{"ftfy": 3, "unwrap": 12}`` -> ``"unwrap 12, ftfy 3"`` (largest first, ties by name)."""
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = items[:limit] if limit else items
    text = ", ".join(f"{k} {v}" for k, v in shown)
    if limit and len(items) > limit:
        text += f", … ({len(items) - limit} more)"
    return text or "none"


def processed_documents(report: Mapping[str, Any]) -> int:
    """Documents this run processed: all of them, or on an incremental run only the new and changed ones."""
    inc = report.get("incremental") or {}
    if "processed" in inc:
        return int(inc["processed"])
    return int(report.get("documents_in", 0))


def summary_lines(report: Mapping[str, Any], output_dir: str = "") -> list[str]:
    """The end-of-run summary, one line per topic.

    ``{"documents_in": 5, "records_out": 4, "quarantined": 1, "quarantine_reasons": {"ingest: empty file": 1}, …}``
    -> ``["5 documents -> 4 records, 1 quarantined, 0 skipped in 1.2 s (4.2 documents/s)",
    "quarantined: 1 × ingest: empty file", …]``
    """
    docs = int(report.get("documents_in", 0))
    records = int(report.get("records_out", 0))
    wall = float(report.get("wall_seconds", 0) or 0)
    processed = processed_documents(report)
    rate = f" ({processed / wall:.1f} documents/s)" if wall > 0 and processed else ""
    where = f" -> {output_dir}" if output_dir else ""
    inc = report.get("incremental") or {}
    reused = f" ({processed} processed, {inc.get('reused', 0)} unchanged since the last run)" \
        if inc and not inc.get("full_run_reason") else ""
    lines = [f"{docs} documents{reused} -> {records} records, {report.get('quarantined', 0)} quarantined, "
             f"{report.get('skipped', 0)} skipped in {wall:.1f} s{rate}{where}"]
    reasons = report.get("quarantine_reasons") or {}
    if reasons:
        items = sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))
        top = "; ".join(f"{n} × {reason}" for reason, n in items[:TOP])
        more = f"; … ({len(items) - TOP} more reasons in quarantine.jsonl)" if len(items) > TOP else ""
        lines.append(f"quarantined: {top}{more}")
    lines.append(f"languages (records by main language): {_counts(report.get('languages') or {})}")
    lines.append(f"repairs by kind: {_counts(report.get('repairs') or {}, limit=12)}")
    fields = report.get("fields_present") or {}
    if records:
        found = ", ".join(f"{f} {n}/{records}" for f, n in sorted(fields.items(), key=lambda kv: (-kv[1], kv[0])))
        lines.append(f"fields found: {found or 'none'}")
    return lines


def log_summary(report: Mapping[str, Any], output_dir: str, logger: logging.Logger) -> None:
    """Log the summary: quarantine at WARNING (so ``--quiet`` still shows it), the rest at INFO."""
    for line in summary_lines(report, output_dir):
        logger.log(logging.WARNING if line.startswith("quarantined:") else logging.INFO, "%s", line)
