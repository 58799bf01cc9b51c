from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def seed_dir(tmp_path: Path) -> Path:
    """A private copy of the bundled seeds."""
    d = tmp_path / "in"
    shutil.copytree(SEEDS, d)
    return d
