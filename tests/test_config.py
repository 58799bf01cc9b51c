from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest
import yaml

from pipeline import config as C
from pipeline.schemas import load_schema

ROOT = Path(__file__).resolve().parent.parent


def test_pipeline_yaml_states_exactly_the_defaults() -> None:
    # pipeline.yaml documents the defaults: it must not drift from them.
    assert asdict(C.load(ROOT / "pipeline.yaml")) == asdict(C.load(None))


def test_every_default_key_is_in_the_schema_with_a_description() -> None:
    props = load_schema("config")["properties"]
    for section, keys in C.DEFAULTS.items():
        assert section in props
        for key in keys:
            assert key in props[section]["properties"], f"{section}.{key} missing from config schema"
            assert props[section]["properties"][key].get("description"), f"{section}.{key} has no description"


def test_every_config_key_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for section, keys in C.DEFAULTS.items():
        for key in keys:
            assert f"`{section}.{key}`" in readme, f"README does not document {section}.{key}"


@pytest.mark.parametrize(
    ("data", "named"),
    [
        ({"repair": {"ftfyy": True}}, "repair.ftfyy"),
        ({"bogus": 1}, "bogus"),
        ({"executor": {"workers": "two"}}, "executor.workers"),
        ({"languages": {"allowed": ["english"]}}, "languages.allowed.0"),
        ({"input": {"max_bytes": 0}}, "input.max_bytes"),
    ],
)
def test_bad_keys_are_named(data: dict, named: str) -> None:
    with pytest.raises(C.ConfigError) as e:
        C.from_mapping(data)
    assert named in str(e.value)


def test_partial_file_keeps_other_defaults(tmp_path: Path) -> None:
    p = tmp_path / "c.yaml"
    p.write_text(yaml.safe_dump({"executor": {"workers": 3}}), encoding="utf-8")
    cfg = C.load(p)
    assert cfg.executor.workers == 3
    assert cfg.executor.kind == "local"
    assert cfg.repair.ftfy is True


@pytest.mark.parametrize("text", ["- a\n- b\n", "just a string\n", "a: [unclosed\n"])
def test_non_mapping_or_broken_yaml_is_a_config_error(tmp_path: Path, text: str) -> None:
    p = tmp_path / "c.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(C.ConfigError) as e:
        C.load(p)
    assert str(p) in str(e.value)


def test_yaml_tags_are_not_executed(tmp_path: Path) -> None:
    p = tmp_path / "c.yaml"
    p.write_text("input: !!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8")
    with pytest.raises(C.ConfigError):
        C.load(p)


def test_overrides_and_hash() -> None:
    base = C.load(None)
    more = C.replace(base, **{"executor.workers": 2, "output.dir": "/tmp/x", "input.dir": "elsewhere"})
    assert more.executor.workers == 2
    # Where files live and how many workers run do not change records, so not the hash either.
    assert more.content_hash() == base.content_hash()
    changed = C.replace(base, **{"repair.unwrap": False})
    assert changed.content_hash() != base.content_hash()
