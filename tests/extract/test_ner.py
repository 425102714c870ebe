"""find_entities with the shipped model: labels on clear cases, clitics outside spans, exact offsets."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from isnad.errors import IsnadError
from isnad.extract.ner import default_model_path, find_entities
from isnad.model import Span
from isnad.text.normalize import normalize

# Invented events.
_VISIT = "وصل وزير الخارجية المصري سامح شكري إلى بغداد يوم الأحد في زيارة رسمية تستغرق يومين."
_FLOOD = "أعلنت منظمة الصحة العالمية أن فرقها وصلت إلى مدينة الموصل لتقييم أضرار الفيضانات."
_CLITICS = "وغادر الوفد القاهرة متجها إلى بيروت ومنها وبغداد، ثم عاد إلى القاهرة."


def _found(text: str) -> list[Span]:
    spans = find_entities(normalize(text))
    for span in spans:
        assert text[span.start : span.end] == span.text
    return spans


def _labels(text: str) -> dict[str, str]:
    return {s.text: s.label for s in _found(text)}


def test_clear_places_people_and_organisations() -> None:
    visit = _labels(_VISIT)
    assert visit.get("بغداد") == "LOC"
    assert visit.get("سامح شكري") == "PER"
    flood = _labels(_FLOOD)
    assert flood.get("منظمة الصحة العالمية") == "ORG"
    assert flood.get("الموصل") == "LOC"


def test_attached_conjunction_and_preposition_stay_outside_the_span() -> None:
    spans = _found(_CLITICS)
    texts = [s.text for s in spans]
    assert "بغداد" in texts
    assert "بيروت" in texts
    assert not any(t.startswith(("وب", "لب")) for t in texts)
    baghdad = next(s for s in spans if s.text == "بغداد")
    assert _CLITICS[baghdad.start - 1] == "و"


def test_spans_cover_diacritics_and_tatweel_of_the_original() -> None:
    text = "وصل الوفد إلى بَغْـــدَادَ صباح اليوم قادما من القاهرة."
    spans = _found(text)
    place = next(s for s in spans if s.label == "LOC" and s.text.startswith("بَ"))
    assert place.text == "بَغْـــدَادَ"
    assert place.attributes["normalized"] == "بغداد"


def test_empty_english_and_punctuation_only_text_give_no_entities_or_crash() -> None:
    assert _found("") == []
    assert _found("...!!! ؟؟") == []
    _found("The ministry said on Sunday that talks will resume.")


def test_missing_model_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(IsnadError) as err:
        find_entities(normalize("وصل الوفد إلى بغداد"), model=tmp_path / "absent.model")
    assert err.value.code == "ISN300"
    assert "absent.model" in err.value.message


def test_corrupt_model_is_a_coded_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.model"
    bad.write_bytes(default_model_path().read_bytes()[:500])
    with pytest.raises(IsnadError) as err:
        find_entities(normalize("وصل الوفد إلى بغداد"), model=bad)
    assert err.value.code == "ISN300"
    assert "bad.model" in err.value.message and "retrain" in err.value.message


def test_damaged_weights_inside_a_valid_zip_are_a_coded_error(tmp_path: Path) -> None:
    import zipfile

    good = tmp_path / "good.model"
    shutil.copy(default_model_path(), good)
    bad = tmp_path / "weights.model"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        dst.writestr("state.npy", b"not an array")
        dst.writestr("transitions.npy", src.read("transitions.npy"))
        dst.writestr("resources.json", src.read("resources.json"))
    with pytest.raises(IsnadError) as err:
        find_entities(normalize("وصل الوفد إلى بغداد"), model=bad)
    assert err.value.code == "ISN300"


def test_elided_article_is_restored_in_the_normalized_name() -> None:
    text = "وجه الأمين العام للأمم المتحدة نداء إلى الدول المانحة."
    org = next(s for s in _found(text) if s.label == "ORG")
    assert org.text == "للأمم المتحدة"  # the original has no alef to start the span at
    assert org.attributes["normalized"] == "الامم المتحده"
