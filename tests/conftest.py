"""Shared fixtures: where the shared corpora and seeds live (beside the checkout, as in CI)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _shared(name: str, what: str) -> Path:
    path = SHARED / name
    if not path.is_dir():
        pytest.skip(f"{what} not found at {path}")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _shared("seeds", "seed articles")


@pytest.fixture(scope="session")
def datasets_dir() -> Path:
    return _shared("datasets", "shared datasets")
