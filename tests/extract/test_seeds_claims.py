"""The founding seeds: the figures, dates and doubts each outlet states are claims."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from isnad.extract.claims import find_claims
from isnad.ingest import ingest
from isnad.pipeline import analyze

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


def seed_claims(prefix: str) -> list[dict[str, Any]]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not here")
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    result = ingest([path])
    assert not result.errors
    doc = analyze(result.articles[0])
    return [{"text": c.text, **c.attributes} for c in find_claims(doc)]


@pytest.mark.parametrize(("prefix", "value"), [("000", 1_200_000), ("003", 1_500_000)])
def test_the_conflicting_civilian_figures_are_person_quantities(prefix: str, value: int) -> None:
    (claim,) = [c for c in seed_claims(prefix) if c["kind"] == "quantity" and c["value"] == value]
    assert claim["unit_class"] == "person" and claim["status"] == "asserted"
    assert "مليون" in claim["evidence"]["text"]
    # Tied to Mosul: named in 003's clause, and what 000's "داخل المدينة" stands for.
    assert "LOC:الموصل" in {e["key"] for e in claim["entities"]}


def test_the_recording_length_and_the_offensive_start_are_claims() -> None:
    claims = seed_claims("003")
    (duration,) = [c for c in claims if c["kind"] == "duration"]
    assert duration["value"] == "PT31M" and "تسجيل" in duration["topic"]
    starts = [c for c in claims if c["kind"] == "date" and str(c["value"]).endswith("10-17")]
    assert starts and any("استعاد" in c["topic"] for c in starts)
    assert any(str(c["value"]).endswith("10-17") for c in seed_claims("000") if c["kind"] == "date")


@pytest.mark.parametrize("prefix", ["000", "003"])
def test_both_outlets_say_the_recording_is_not_verified(prefix: str) -> None:
    doubts = [c for c in seed_claims(prefix) if c["kind"] == "event" and c["status"] == "unverified"]
    assert any("تسجيل" in c["topic"] for c in doubts)
