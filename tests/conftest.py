"""Shared fixtures: where the shared corpora and seeds live (beside the checkout, as in CI)."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

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


def _eval_module(name: str) -> ModuleType:
    """A script of eval/ imported as a module (its functions are what the quality floors call)."""
    sys.path.insert(0, str(ROOT / "eval"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.pop(0)


@pytest.fixture(scope="session")
def eval_module() -> Callable[[str], ModuleType]:
    return _eval_module
