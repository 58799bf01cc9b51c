"""Command line: argument parsing only. ``python -m pipeline --help`` or ``seedclean --help``."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence

from pipeline import __version__
from pipeline.config import ConfigError, load, replace

log = logging.getLogger("pipeline")

EXIT_CODES = """exit codes:
  0  every document gave a valid record
  1  the run finished, but some documents were quarantined (see quarantine.jsonl)
  2  usage or configuration error, or another run is using the output folder (nothing was processed)
  3  the run failed before finishing (an unexpected error; the previous output files are untouched)"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="seedclean",
        description="Turn messy text documents into clean, validated, language-separated JSON records.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"seedclean {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    r = sub.add_parser(
        "run", help="process a folder of documents into records",
        description="Process every input document: ingest -> repair -> languages -> metadata -> record. "
                    "Writes records.jsonl, quarantine.jsonl and report.json into the output folder.",
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    r.add_argument("--config", metavar="FILE", help="YAML configuration (default: built-in defaults, "
                   "which pipeline.yaml repeats with comments)")
    r.add_argument("--input", metavar="DIR", help="folder of input documents (overrides input.dir)")
    r.add_argument("--output", metavar="DIR", help="folder for the output files (overrides output.dir)")
    r.add_argument("--workers", type=int, metavar="N", help="worker processes; 0 = one per CPU "
                   "(overrides executor.workers; with --executor dask: the workers of the local cluster)")
    r.add_argument("--executor", choices=("local", "dask"), help="local: a process pool on this machine; "
                   "dask: a Dask cluster (overrides executor.kind)")
    r.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler to use, e.g. tcp://10.0.0.5:8786 "
                   "(overrides executor.address; without it --executor dask starts a local cluster)")
    r.add_argument("--full", action="store_true", help="process every input again, not only those that are "
                   "new or changed since the last run into this output folder")
    _logging_flags(r)

    v = sub.add_parser(
        "validate", help="check a records.jsonl file against the record schema",
        description="Check every line of FILE against schemas/record.schema.json and print each error with "
                    "its line number and JSON path. Exit 0 when all lines are valid, 1 otherwise.",
    )
    v.add_argument("file", metavar="FILE.jsonl", help="the records file to check")
    _logging_flags(v)

    e = sub.add_parser(
        "explain", help="show what each stage did to one document",
        description="Run one document through the stages, one at a time, and show what each did: the charset "
                    "found, each repair with a before/after snippet, the lines moved out (page furniture, "
                    "boilerplate, footnotes), the segments with their languages, and each metadata field with "
                    "the line of the document it came from. Exit 0 when the document gives a valid record, "
                    "1 when it would be quarantined, 2 when the file or configuration cannot be read.",
    )
    e.add_argument("file", metavar="FILE", help="the document to explain")
    e.add_argument("--config", metavar="FILE", help="YAML configuration (default: built-in defaults)")
    e.add_argument("--all", action="store_true", dest="show_all",
                   help="list every change, segment and line (default: the first 8 of each list)")
    _logging_flags(e)
    return p


def _logging_flags(p: argparse.ArgumentParser) -> None:
    g = p.add_mutually_exclusive_group()
    g.add_argument("-q", "--quiet", action="store_true", help="only warnings and errors on stderr")
    g.add_argument("-v", "--verbose", action="store_true", help="debug detail on stderr")


def _setup_logging(args: argparse.Namespace) -> None:
    level = logging.WARNING if args.quiet else logging.DEBUG if args.verbose else logging.INFO
    logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")


def _cmd_run(args: argparse.Namespace) -> int:
    from pipeline.report.progress import make_progress
    from pipeline.report.summary import log_summary
    from pipeline.run import run  # imported here so `validate` stays light
    from pipeline.run.lock import RunLocked

    if args.workers is not None and args.workers < 0:
        log.error("--workers must be 0 or more")
        return 2
    try:
        cfg = load(args.config)
        cfg = replace(cfg, **{"input.dir": args.input, "output.dir": args.output, "executor.workers": args.workers,
                              "executor.kind": args.executor or ("dask" if args.scheduler else None),
                              "executor.address": args.scheduler})
        progress = make_progress(quiet=args.quiet)
        try:
            result = run(cfg, progress=progress, full=args.full)
        finally:
            progress.close()
    except (ConfigError, RunLocked) as e:
        log.error("%s", e)
        return 2
    except Exception:  # noqa: BLE001 - exit 1 must keep meaning "finished, some quarantined" for cron
        log.exception("the run did not finish; the previous output files are untouched")
        return 3
    log_summary(result.report, cfg.output.dir, log)
    return result.exit_code


def _cmd_validate(args: argparse.Namespace) -> int:
    from pipeline.record import record_errors

    bad = 0
    try:
        f = open(args.file, encoding="utf-8")
    except OSError as e:
        log.error("%s: cannot read: %s", args.file, e.strerror or e)
        return 2
    with f:
        n = 0
        for n, line in enumerate(f, 1):
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                print(f"{args.file}:{n}: $: not valid JSON: {e.msg}")
                bad += 1
                continue
            errs = record_errors(rec)
            for err in errs:
                print(f"{args.file}:{n}: {err}")
            bad += bool(errs)
    print(f"{n} records, {n - bad} valid, {bad} invalid")
    return 1 if bad else 0


def _cmd_explain(args: argparse.Namespace) -> int:
    from pathlib import Path

    from pipeline.explain import explain_document

    path = Path(args.file)
    if not path.is_file():
        log.error("%s: not a file", path)
        return 2
    try:
        cfg = load(args.config)
    except ConfigError as e:
        log.error("%s", e)
        return 2
    text, code = explain_document(path, cfg, show_all=args.show_all)
    sys.stdout.write(text)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse exits 2 on usage errors, 0 on --help
        return int(e.code or 0)
    _setup_logging(args)
    return {"run": _cmd_run, "validate": _cmd_validate, "explain": _cmd_explain}[args.command](args)
