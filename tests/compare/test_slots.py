"""Figures of two renderings of one sentence are matched by position between the figures they share."""

from __future__ import annotations

from isnad.compare.slots import Slot, aligned


def n(value: float, unit: str | None = None, **more: object) -> Slot:
    return Slot("quantity", {"value": value, **more}, unit)


def test_a_changed_figure_is_matched_between_the_shared_ones() -> None:
    # "ضبط 15 مسدسا و8 رشاشات و18360 طلقة" / "ضبط 10 مسدسات و8 رشاشات"
    edited = [n(15, "مسدس"), n(8, "رشاش"), n(18360, "طلق")]
    other = [n(10, "مسدس"), n(8, "رشاش")]
    assert aligned(edited, 0, other, 0) == 1  # one shared figure pins it
    assert aligned(edited, 2, other, 0) is None  # after the shared "8": a different slot
    assert aligned(edited, 1, other, 1) is None  # the shared figure itself is an anchor, not a changed slot


def test_figures_of_another_order_or_kind_do_not_fill_the_slot() -> None:
    # "133 أسبوعا ... 1455 حالة" / "970 حالة ... 12 عيادة": only 970 is of the order of 1455.
    edited = [n(133), n(1455)]
    other = [n(970, "حال"), n(12, "عياد")]
    assert aligned(edited, 1, other, 0) == 0
    assert aligned(edited, 0, other, 0) is None
    assert aligned([n(25, percent=True)], 0, [n(25)], 0) is None  # a percentage is not a count


def test_as_many_figures_on_both_sides_pair_in_order() -> None:
    # "75 في المائة ... 25 في المائة" / "75 بالمئة ... 15 بالمئة"
    a = [n(75, percent=True), n(25, percent=True)]
    b = [n(75, percent=True), n(15, percent=True)]
    assert aligned(a, 1, b, 1) == 1
    assert aligned(a, 0, b, 1) is None
