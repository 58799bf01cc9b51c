"""What a run leaves for people: files for dataset builders and pages for the people who run it.

``write_run_outputs`` is called by ``pipeline.run.run`` once records.jsonl and report.json are in
place. It only reads those (streaming records.jsonl, so memory does not grow with the corpus) and
writes, each atomically:

- ``segments.jsonl`` and ``bitext.jsonl`` (pipeline.derived), deterministic, unless the run's merge
  wrote them with the records;
- ``records.parquet`` when ``output.formats`` lists parquet (parquet.py), deterministic;
- ``report.html`` (html.py) and the dataset card ``README.md`` (card.py), which hold run figures.

The end-of-run summary (summary.py), the progress reporters (progress.py) and ``explain``
(explain.py) are used by the command line.
"""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path
from typing import Any

from pipeline.atomic import atomic_write_text
from pipeline.config import Config, ConfigError
from pipeline.derived import iter_records, write_derived
from pipeline.letters import per_language
from pipeline.report.card import render_card
from pipeline.report.html import render_html
from pipeline.report.summary import summary_lines
from pipeline.schemas import load_schema

log = logging.getLogger(__name__)

__all__ = ["check_output_formats", "summary_lines", "write_run_outputs"]


def check_output_formats(cfg: Config) -> None:
    """Fail before any work when a requested format cannot be written (exit 2, not after the run)."""
    if "parquet" in cfg.output.formats:
        from pipeline.report.parquet import ParquetUnavailable, require_pyarrow

        try:
            require_pyarrow()
        except ParquetUnavailable as e:
            raise ConfigError(str(e)) from e


def write_run_outputs(out_dir: Path, cfg: Config, report: dict[str, Any],
                      counts: tuple[dict[str, int], dict[str, int]] | None = None,
                      bitext: Counter[str] | None = None) -> list[str]:
    """Write the derived files, the report page and the dataset card; returns the file names written.

    ``counts``: (letters, segments) per language over every record, when the run has them from the
    shards (pipeline.run.tally); without them they are counted here from the segments.
    ``bitext``: the bitext lines per field when the run has just written the derived files itself."""
    records_path = out_dir / "records.jsonl"
    schema = load_schema("record")
    # An incremental rerun that changed no record leaves records.jsonl untouched; the files derived
    # from it are then left untouched too, unless one is missing or older than records.jsonl.
    unchanged = not (report.get("incremental") or {}).get("outputs_rewritten", True)
    records_mtime = records_path.stat().st_mtime_ns

    def current(p: Path) -> bool:
        return unchanged and p.is_file() and p.stat().st_mtime_ns >= records_mtime

    seg_path, bitext_path = out_dir / "segments.jsonl", out_dir / "bitext.jsonl"
    seg_current, bitext_current = current(seg_path), current(bitext_path)
    written_bitext = bitext
    if bitext is None and not (seg_current and bitext_current):  # one pass over records.jsonl writes whichever is stale
        written_bitext = write_derived(iter_records(records_path), None if seg_current else seg_path,
                                       None if bitext_current else bitext_path)
    # Without counts from the run (a state store from an older version) they come from segments.jsonl.
    letters, segments = counts if counts is not None else per_language(iter_records(seg_path))
    bitext = written_bitext if written_bitext is not None else Counter(
        row["field"] for row in iter_records(bitext_path))
    files = ["records.jsonl", "quarantine.jsonl", "report.json", "segments.jsonl", "bitext.jsonl"]

    parquet_path = out_dir / "records.parquet"
    if "parquet" in cfg.output.formats:
        from pipeline.report.parquet import write_parquet

        if not current(parquet_path):
            write_parquet(iter_records(records_path), parquet_path, schema)
        files.append("records.parquet")
    elif parquet_path.exists():
        # A Parquet file from an earlier run would no longer match records.jsonl.
        parquet_path.unlink()
        log.info("removed %s: output.formats no longer lists parquet", parquet_path)

    files += ["report.html", "README.md"]
    atomic_write_text(out_dir / "report.html",
                      render_html(report, letters=letters, bitext=bitext, files=files))
    atomic_write_text(out_dir / "README.md",
                      render_card(report, schema, letters=letters, segments=segments,
                                  bitext=bitext, files=files))
    return files
