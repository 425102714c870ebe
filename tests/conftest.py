"""Shared fixtures: where the shared corpora and seeds live (beside the checkout, as in CI)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    path = SHARED / "seeds"
    if not path.is_dir():
        pytest.skip(f"seed articles not found at {path}")
    return path


@pytest.fixture(scope="session")
def datasets_dir() -> Path:
    path = SHARED / "datasets"
    if not path.is_dir():
        pytest.skip(f"shared datasets not found at {path}")
    return path
