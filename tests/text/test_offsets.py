"""The offset contract every later stage relies on: views map back to the untouched original."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from isnad.text.normalize import fold, normalize, normalize_view
from isnad.text.offsets import DROP, MARK, Edit, View, apply_edits

ARABIC_PIECES = st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة")
    + ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b", "\u0670", "\u0640", "\u200f", "\ufeff"]
    + list("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789")
    + list(' \n،؛؟.«»"“”:٫٬%٪-')
    + ["ﻻ", "ﷲ", "\u00a0"]
)
arabic_text = st.lists(ARABIC_PIECES, max_size=80).map("".join)


def test_diacritics_and_tatweel_fold_but_spans_cover_the_marks() -> None:
    original = "قالَ الرئيـــسُ إنّ ١٫٥ مليونِ"
    view = normalize(original)
    assert view.text == "قال الرييس ان 1.5 مليون"
    words = [original[slice(*view.original_span(m.start(), m.end()))] for m in re.finditer(r"\S+", view.text)]
    assert words == ["قالَ", "الرئيـــسُ", "إنّ", "١٫٥", "مليونِ"]


def test_presentation_ligature_expands_and_maps_to_one_character() -> None:
    original = "ﻻ بد"
    view = normalize(original)
    assert view.text == "لا بد"
    assert view.original_span(0, 2) == (0, 1)
    assert view.original_span(0, 1) == (0, 1)  # half of an expansion still points at the whole ligature


def test_taa_marbuta_folding_is_optional() -> None:
    assert fold("مدينة") == "مدينه"
    assert fold("مدينة", fold_taa_marbuta=False) == "مدينة"


def test_direction_marks_do_not_stick_to_words() -> None:
    original = "كلمة\u200f أخرى"
    view = normalize(original)
    a, b = view.original_span(0, 4)
    assert original[a:b] == "كلمة"


def test_chained_views_map_to_the_first_original() -> None:
    original = "حدثَ  في   المدينةِ"
    squeezed, offsets = apply_edits(original, [Edit(4, 6, " "), Edit(8, 11, " ")])
    clean = View(squeezed, offsets, original)
    matched = normalize_view(clean)
    assert matched.text == "حدث في المدينه"
    a, b = matched.original_span(7, 14)
    assert original[a:b] == "المدينةِ"


def test_edits_must_not_overlap() -> None:
    with pytest.raises(ValueError, match="overlap"):
        apply_edits("abcdef", [Edit(0, 3, "x"), Edit(2, 4, "y")])


@settings(max_examples=300, deadline=None)
@given(arabic_text)
def test_normalised_view_maps_back_monotonically_and_totally(original: str) -> None:
    view = normalize(original)
    offsets = view.offsets
    assert offsets.orig_len == len(original) and offsets.view_len == len(view.text)
    starts = [offsets.start(i) for i in range(len(view.text) + 1)]
    assert starts == sorted(starts)
    assert starts[-1] == len(original)
    for i in range(len(view.text)):
        a, b = view.original_span(i, i + 1)
        assert 0 <= a < b <= len(original)
        assert view.text[i] in fold(original[a:b])
    for m in re.finditer(r"\S+", view.text):
        a, b = view.original_span(m.start(), m.end())
        assert fold(original[a:b]) == m.group()
    for pos in range(len(original) + 1):
        assert 0 <= offsets.to_view(pos) <= len(view.text)


@settings(max_examples=200, deadline=None)
@given(arabic_text, st.data())
def test_random_edits_keep_every_copied_character_in_place(original: str, data: st.DataObject) -> None:
    cuts = sorted(data.draw(st.lists(st.integers(0, len(original)), max_size=6)))
    edits = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        kind = data.draw(st.sampled_from([MARK, DROP, 1]))
        edits.append(Edit(a, b, "" if kind != 1 else data.draw(st.sampled_from(["", " ", "xy"])), kind))
    text, offsets = apply_edits(original, edits)
    edited = [False] * len(original)
    for e in edits:
        for k in range(e.start, e.end):
            edited[k] = True
    for i, ch in enumerate(text):
        a, b = offsets.span(i, i + 1)
        if b - a == 1 and not edited[a]:
            assert original[a] == ch
