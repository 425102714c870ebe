"""Value agreement: hedges, rounding precision, scales, dates and weekdays."""

from __future__ import annotations

from typing import Any

from isnad.compare.values import compare_dates, compare_quantities, compare_values, quantity_range


def q(value: float, hedge: str | None = None, **more: Any) -> dict[str, Any]:
    return {"value": value, "hedge": hedge, **more}


def test_precision_of_a_rounded_figure_sets_its_range() -> None:
    # A round figure may be rounded or cut short ("59.4 مليون" for 59.48 million); a plain count only rounded.
    assert quantity_range(q(1_200_000)) == (1_150_000, 1_300_000)
    assert quantity_range(q(31)) == (30.5, 31.5)
    assert compare_quantities(q(59_400_000), q(59_480_000)).outcome == "agree"


def test_figures_written_to_the_same_place_only_round() -> None:
    # Neither can be the other cut short: "0.1 بالمئة" and "0.2 بالمئة" are two figures, as are 14.5 and
    # 14.6 dollars, whose rounding ranges only touch.
    assert compare_quantities(q(0.1), q(0.2)).outcome == "conflict"
    assert compare_quantities(q(14.6), q(14.5)).outcome == "conflict"
    assert compare_quantities(q(59_480_000), q(59_400_000)).outcome == "agree"  # either order
    assert compare_quantities(q(14.6), q(14.62)).outcome == "agree"


def test_two_approximate_figures_share_the_slack() -> None:
    # "نحو 5.5" and "نحو 8.2" would meet with 20% each; "نحو مليون" and "نحو 1.2 مليون" still do.
    assert compare_quantities(q(5.5, "approx"), q(8.2, "approx")).outcome == "conflict"
    assert compare_quantities(q(1_000_000, "approx"), q(1_200_000, "approx")).outcome == "agree"
    assert compare_quantities(q(1_000_000, "approx"), q(1_200_000)).outcome == "agree"


def test_million_figures_a_tenth_apart_conflict() -> None:
    assert compare_quantities(q(1_200_000), q(1_500_000)).outcome == "conflict"


def test_about_a_million_is_compatible_with_one_point_two_million() -> None:
    assert compare_quantities(q(1_000_000, "approx"), q(1_200_000)).outcome == "agree"


def test_more_than_a_thousand_is_compatible_with_1200_but_not_with_900() -> None:
    assert compare_quantities(q(1000, "more_than"), q(1200)).outcome == "agree"
    assert compare_quantities(q(1000, "more_than"), q(900)).outcome == "conflict"


def test_more_than_fifty_excludes_an_approximate_forty() -> None:
    assert compare_quantities(q(50, "more_than"), q(40, "approx")).outcome == "conflict"


def test_vague_plural_uses_its_bounds() -> None:
    thousands = {"value": 1000, "low": 1000, "high": 9999}
    assert compare_quantities(thousands, q(3500)).outcome == "agree"
    assert compare_quantities(thousands, q(12_000)).outcome == "conflict"


def test_adjacent_whole_numbers_conflict() -> None:
    assert compare_quantities(q(31), q(32)).outcome == "conflict"


def test_dates_compare_at_the_granularity_both_give() -> None:
    assert compare_dates({"value": "--10-17"}, {"value": "2016-10-17"}).outcome == "agree"
    assert compare_dates({"value": "2016-10"}, {"value": "2016-10-17"}).outcome == "agree"
    written = {"value": "2016-10-17", "expression": "17 اكتوبر 2016"}
    assert compare_dates(written, {"value": "2016-10-19", "expression": "19 اكتوبر"}).outcome == "conflict"


def test_unresolved_weekdays_compare_by_name() -> None:
    tuesday = {"value": None, "weekday": 1, "evidence": {"text": "الثلاثاء"}}
    thursday = {"value": None, "weekday": 3, "evidence": {"text": "الخميس"}}
    verdict = compare_dates(tuesday, thursday)
    assert verdict.outcome == "conflict"
    assert "الثلاثاء" in verdict.why and "الخميس" in verdict.why
    assert compare_dates(tuesday, dict(tuesday)).outcome == "agree"


def test_unresolved_relative_date_is_never_a_conflict() -> None:
    yesterday = {"value": None, "reason": "no publication date", "unit": "day"}
    assert compare_dates(yesterday, {"value": "2016-10-17"}).outcome == "unknown"


def test_durations_in_different_units() -> None:
    def minutes(n: int) -> dict[str, Any]:
        return {"amount": n, "unit": "minute"}

    assert compare_values("duration", minutes(30), minutes(31)).outcome == "agree"  # "30" is rounded
    assert compare_values("duration", minutes(31), minutes(45)).outcome == "conflict"
    two_hours = {"amount": 2, "unit": "hour"}
    assert compare_values("duration", two_hours, minutes(120)).outcome == "agree"


def test_a_hijri_month_agrees_with_a_gregorian_day_inside_it() -> None:
    ramadan = {
        "value": "1436-09",
        "calendar": "hijri",
        "gregorian": "2015-06-18/2015-07-17",
        "expression": "رمضان 1436",
    }
    june = {"value": "2015-06-26", "calendar": "gregorian", "expression": "26 يونيو"}
    assert compare_dates(ramadan, june).outcome == "agree"
    august = {"value": "2015-08-20", "calendar": "gregorian", "expression": "20 أغسطس"}
    assert compare_dates(ramadan, august).outcome == "conflict"
    assert compare_dates({"value": "--09", "calendar": "hijri"}, {"value": "2015-06"}).outcome == "unknown"


def test_two_relative_dates_resolved_differently_are_not_a_conflict() -> None:
    today_a = {"value": "2015-07-24", "unit": "day", "expression": "اليوم"}
    today_b = {"value": "2015-07-25", "unit": "day", "expression": "اليوم"}
    assert compare_dates(today_a, today_b).outcome == "unknown"
    assert compare_dates(today_a, {"value": "2015-07-20", "expression": "20 يوليو"}).outcome == "conflict"
    assert compare_dates(
        {"value": "2015-07-24", "expression": "الان"}, {"value": "2015-07-20", "expression": "20 يوليو"}
    ).outcome == ("unknown")


def test_a_named_weekday_against_a_day_another_outlet_gives() -> None:
    # 2015-07-24 was a Friday.
    friday_today = {"value": "2015-07-24", "unit": "day", "expression": "اليوم"}
    saturday = {"value": "2015-07-24", "weekday": 5, "unit": "day", "expression": "اليوم السبت"}
    thursday = {"value": "2015-07-24", "weekday": 3, "unit": "day", "expression": "اليوم الخميس"}
    wednesday = {"value": "2015-07-24", "weekday": 2, "unit": "day", "expression": "اليوم الأربعاء"}
    monday = {"value": "2015-07-24", "weekday": 0, "unit": "day", "expression": "اليوم الاثنين"}
    # A relative day is only as exact as the publication stamp it came from, and stamps run late (a crawl
    # time, a late edition): the day meant may be up to two days before the stamp's, not after it.
    assert compare_dates(friday_today, thursday).outcome != "conflict"
    assert compare_dates(wednesday, friday_today).outcome != "conflict"
    assert compare_dates(saturday, friday_today).outcome == "conflict"
    verdict = compare_dates(monday, friday_today)
    assert verdict.outcome == "conflict" and "الاثنين" in verdict.why and "الجمعة" in verdict.why
    # A written date is exact: Thursday 23 July is not Friday 24 July.
    written = {"value": "2015-07-24", "expression": "24 يوليو 2015"}
    assert compare_dates({"value": None, "weekday": 3}, written).outcome == "conflict"
    assert compare_dates({"value": None, "weekday": 4}, written).outcome == "agree"


def test_two_stated_ranges_agree_end_for_end() -> None:
    def r(low: int, high: int) -> dict[str, Any]:
        return {"value": low, "low": low, "high": high, "number_kind": "range"}

    assert compare_quantities(r(30, 60), r(30, 60)).outcome == "agree"
    assert compare_quantities(r(30, 60), r(18, 60)).outcome == "conflict"  # overlapping, yet not one range
    assert compare_quantities(r(30, 60), q(45)).outcome == "agree"  # a figure inside a range


def test_a_guessed_year_is_not_a_disagreement() -> None:
    upcoming = {"value": "2015-08-06", "expression": "السادس من أغسطس المقبل"}
    guessed = {"value": "2014-08-06", "expression": "يوم 6 أغسطس", "year_inferred": True}
    assert compare_dates(upcoming, guessed).outcome == "agree"
    other_day = {"value": "2014-08-09", "expression": "يوم 9 أغسطس", "year_inferred": True}
    assert compare_dates(upcoming, other_day).outcome == "conflict"


def test_a_reports_day_and_a_year_date_different_things() -> None:
    yesterday = {"value": "2015-08-05", "unit": "day", "expression": "أمس"}
    assert compare_dates(yesterday, {"value": "2023", "expression": "عام 2023"}).outcome == "unknown"
    assert compare_dates(yesterday, {"value": "2015", "expression": "عام 2015"}).outcome == "unknown"


def test_a_report_dating_itself_to_another_day_is_another_days_report() -> None:
    # "اليوم الأربعاء" in a report stamped Thursday 6 August (a day late, as crawl stamps are) against
    # another report's "اليوم", Friday 7 August: two days' weather reports, not a contradiction.
    wednesday = {"value": "2015-08-06", "weekday": 2, "unit": "day", "expression": "اليوم الأربعاء"}
    friday = {"value": "2015-08-07", "unit": "day", "expression": "لهذا اليوم"}
    assert compare_dates(wednesday, friday).outcome == "unknown"
    # The same words on a report stamped Sunday 9 August, against "اليوم" on Saturday 8 August: neither
    # stamp can explain Wednesday.
    misdated = dict(wednesday, value="2015-08-09")
    assert compare_dates(misdated, dict(friday, value="2015-08-08")).outcome == "conflict"


def test_a_decimal_written_with_trailing_zeros_keeps_its_precision() -> None:
    # "1.0 %" says a tenth; "1 %" alone may round 0.7.
    assert compare_quantities(q(1, percent=1, place=0.1), q(0.7, percent=0.7)).outcome == "conflict"
    assert compare_quantities(q(1, percent=1), q(0.7, percent=0.7)).outcome == "agree"
    assert compare_quantities(q(2.5, place=0.01), q(2.5)).outcome == "agree"
