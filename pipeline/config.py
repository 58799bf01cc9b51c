"""Configuration: YAML (safe_load only) -> validated against schemas/config.schema.json -> frozen dataclasses.

Every key has a default here, so a configuration file only names what it changes. An unknown key
or a wrong type is a fatal configuration error (``ConfigError``) whose message names the key.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipeline import __version__
from pipeline.schemas import load_schema

# The documented defaults. pipeline.yaml repeats them with a comment on each key.
DEFAULTS: dict[str, Any] = {
    "input": {"dir": "seeds", "glob": "**/*.txt", "max_bytes": 64 * 1024 * 1024},
    "output": {"dir": "output", "formats": ["jsonl"]},
    "executor": {"kind": "local", "workers": 0, "address": None},
    "repair": {
        "ftfy": True,
        "unescape_html": True,
        "cyrillic_mojibake": True,
        "page_furniture": True,
        "footnotes": True,
        "dehyphenate": True,
        "unwrap": True,
        "cjk_spaces": True,
        "markdown": True,
        "front_matter": True,
        "column_grids": True,
        "web_boilerplate": True,
    },
    "languages": {
        "allowed": ["en", "ru", "zh", "ja", "ko", "uk", "bg", "be", "sr", "mk", "de", "fr", "es", "it", "pt", "pl", "tr", "kk",
                    "el", "he", "hy", "ka", "ar"],
        "by_evidence": ["nl", "cs", "sk", "ro", "hu", "sv", "da", "no", "fi", "hr", "sl", "ca", "lt", "lv", "et"],
        "detect_min_letters": 40,
        "detect_max_chars": 500,
        "seed": 0,
        "min_run_words": 4,
    },
    "metadata": {"day_first": True},
    "limits": {"document_seconds": 120, "document_memory_mb": 2048},
}


class ConfigError(Exception):
    """A fatal configuration error: the run stops with exit code 2."""


@dataclass(frozen=True)
class InputConfig:
    dir: str
    glob: str
    max_bytes: int


@dataclass(frozen=True)
class OutputConfig:
    dir: str
    formats: tuple[str, ...]


@dataclass(frozen=True)
class ExecutorConfig:
    kind: str
    workers: int
    address: str | None


@dataclass(frozen=True)
class RepairConfig:
    ftfy: bool = True
    unescape_html: bool = True
    cyrillic_mojibake: bool = True
    page_furniture: bool = True
    footnotes: bool = True
    dehyphenate: bool = True
    unwrap: bool = True
    cjk_spaces: bool = True
    markdown: bool = True
    front_matter: bool = True
    column_grids: bool = True
    web_boilerplate: bool = True


@dataclass(frozen=True)
class LanguagesConfig:
    allowed: tuple[str, ...] = tuple(DEFAULTS["languages"]["allowed"])
    # Considered in a document only where their commonest words are frequent in it (languages.evidence).
    by_evidence: tuple[str, ...] = tuple(DEFAULTS["languages"]["by_evidence"])
    detect_min_letters: int = 40
    detect_max_chars: int = 500
    seed: int = 0
    min_run_words: int = 4


@dataclass(frozen=True)
class MetadataConfig:
    day_first: bool = True


@dataclass(frozen=True)
class LimitsConfig:
    document_seconds: float = 120
    document_memory_mb: int = 2048


@dataclass(frozen=True)
class Config:
    input: InputConfig
    output: OutputConfig
    executor: ExecutorConfig
    repair: RepairConfig = field(default_factory=RepairConfig)
    languages: LanguagesConfig = field(default_factory=LanguagesConfig)
    metadata: MetadataConfig = field(default_factory=MetadataConfig)
    limits: LimitsConfig = field(default_factory=LimitsConfig)

    def content_hash(self) -> str:
        """Hash of everything that can change a record (not where files live, not how many workers)."""
        data = asdict(self)
        for k in ("executor", "output"):
            data.pop(k)
        data["input"].pop("dir")
        blob = json.dumps(data, sort_keys=True, ensure_ascii=False).encode()
        return "sha256:" + hashlib.sha256(blob).hexdigest()[:16] + f"@{__version__}"


def _merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for k, v in over.items():
        if isinstance(v, Mapping) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
        else:
            out[k] = copy.deepcopy(v)
    return out


def _error_path(err: Any) -> str:
    path = ".".join(str(p) for p in err.absolute_path)
    if err.validator == "additionalProperties":
        extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
        return ".".join(filter(None, [path, ",".join(extra)])) + " (unknown key)"
    return path or "(top level)"


def validate_config_data(data: Any) -> None:
    """Raise ConfigError naming every offending key."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(load_schema("config"))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        lines = [f"{_error_path(e)}: {e.message}" for e in errors]
        raise ConfigError("invalid configuration:\n  " + "\n  ".join(lines))


def from_mapping(data: Mapping[str, Any] | None) -> Config:
    """Validate a (possibly partial) configuration mapping and fill in the defaults."""
    data = {} if data is None else data
    validate_config_data(data)
    m = _merge(DEFAULTS, data)
    return Config(
        input=InputConfig(**m["input"]),
        output=OutputConfig(dir=m["output"]["dir"], formats=tuple(m["output"]["formats"])),
        executor=ExecutorConfig(**m["executor"]),
        repair=RepairConfig(**m["repair"]),
        languages=LanguagesConfig(**{**m["languages"], "allowed": tuple(m["languages"]["allowed"]),
                                     "by_evidence": tuple(m["languages"]["by_evidence"])}),
        metadata=MetadataConfig(**m["metadata"]),
        limits=LimitsConfig(**m["limits"]),
    )


def load(path: str | Path | None) -> Config:
    """Load a YAML configuration file (or only the defaults when ``path`` is None)."""
    if path is None:
        return from_mapping({})
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"{p}: cannot read configuration: {e.strerror or e}") from e
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise ConfigError(f"{p}: not valid YAML: {e}") from e
    if data is not None and not isinstance(data, Mapping):
        raise ConfigError(f"{p}: the configuration must be a mapping of sections, got {type(data).__name__}")
    try:
        return from_mapping(data)
    except ConfigError as e:
        raise ConfigError(f"{p}: {e}") from e


def replace(cfg: Config, **overrides: Any) -> Config:
    """Apply command-line overrides given as dotted keys, e.g. ``{"executor.workers": 2}``."""
    data = asdict(cfg)
    for dotted, value in overrides.items():
        if value is None:
            continue
        section, key = dotted.split(".")
        data[section][key] = list(value) if isinstance(value, tuple) else value
    for sec in data.values():
        for k, v in sec.items():
            if isinstance(v, tuple):
                sec[k] = list(v)
    return from_mapping(data)
