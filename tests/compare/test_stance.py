"""Headline-pair stance: the cues a reader uses (a negation, a changed number, an opposite word) and a model
that learns them from labelled pairs. All headlines are invented."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from isnad.compare.stance import (
    ALL_FAMILIES,
    StanceModel,
    _with_sibling_pairs,
    skeleton,
    stance_features,
)
from isnad.errors import IsnadError
from isnad.text.normalize import fold

BASE = "الحكومة تقر زيادة رواتب المعلمين في المحافظات الجنوبية"

TRAIN = [
    (
        "وزارة الزراعة تعلن صعود محصول القمح في الشمال",
        "صعود محصول القمح في الشمال بحسب وزارة الزراعة",
        "agree",
    ),
    ("بلدية المدينة تفتتح جسرا جديدا فوق النهر", "افتتاح جسر جديد فوق النهر من قبل بلدية المدينة", "agree"),
    ("ارتفاع أسعار البن في الأسواق المحلية", "أسعار البن ترتفع في الأسواق المحلية", "agree"),
    ("صعود أسهم شركة الموانئ في البورصة", "هبوط أسهم شركة الموانئ في البورصة", "disagree"),
    ("هبوط سعر الذهب في ختام تعاملات الأسبوع", "صعود سعر الذهب في ختام تعاملات الأسبوع", "disagree"),
    ("النقابة توافق على تمديد الإضراب أسبوعا", "النقابة لا توافق على تمديد الإضراب", "disagree"),
    ("مهرجان الزهور يستقبل زواره في الربيع", "المنتخب الوطني يتأهل إلى نهائي كأس القارة", "other"),
    ("افتتاح معرض الكتاب في العاصمة", "عاصفة ثلجية تغلق الطرق الجبلية في الشتاء", "other"),
]


def _trained() -> StanceModel:
    return StanceModel().fit([(a, b) for a, b, _ in TRAIN], [y for _, _, y in TRAIN])


def test_negation_on_one_side_only_is_flagged() -> None:
    f = stance_features(BASE, "الحكومة لم تقر زيادة رواتب المعلمين في المحافظات الجنوبية")
    assert f["neg_only_b"] == 1.0 and f["neg_only_a"] == 0.0
    assert f["neg:" + fold("لم")] == 1.0
    same = stance_features(BASE, "زيادة رواتب المعلمين في المحافظات الجنوبية تقرها الحكومة")
    assert same["neg_only_a"] == same["neg_only_b"] == 0.0


def test_two_different_negation_cues_keep_the_polarity() -> None:
    # "تقول إنه ليس لديها" and "تنفي وجود": each side negated, with its own cue.
    f = stance_features("الوزارة تقول إنه ليس لديها خطط للترحيل", "الوزارة تنفي وجود خطط للترحيل")
    assert f["neg_only_a"] == f["neg_only_b"] == 1.0 and f["neg_parity_differs"] == 0.0
    flipped = stance_features("الوزارة لديها خطط للترحيل", "الوزارة تنفي وجود خطط للترحيل")
    assert flipped["neg_parity_differs"] == 1.0


def test_negation_with_a_clitic_still_counts() -> None:
    f = stance_features("المحكمة تقبل الطعن", "المحكمة ولا تقبل الطعن")
    assert f["neg_only_b"] == 1.0


def test_changed_number_is_flagged_and_same_number_in_other_script_is_not() -> None:
    changed = stance_features("مقتل 12 شخصا في حادث قطار", "مقتل 30 شخصا في حادث قطار")
    assert changed["num_changed"] == 1.0 and changed["num_same"] == 0.0
    same = stance_features("مقتل 12 شخصا في حادث قطار", "حادث قطار يودي بحياة ١٢ شخصا")
    assert same["num_changed"] == 0.0 and same["num_same"] == 1.0
    words = stance_features("مقتل 5 أشخاص في حريق", "مقتل خمسة أشخاص في حريق")
    assert words["num_same"] == 1.0


def test_hedge_change_on_the_same_number_is_flagged() -> None:
    f = stance_features("أكثر من 40 مصابا في الزلزال", "أقل من 40 مصابا في الزلزال")
    assert f["num_same"] == 1.0 and f["hedge_changed"] == 1.0


def test_unrelated_headlines_share_nothing_and_paraphrases_share_much() -> None:
    unrelated = stance_features(BASE, "فريق الكرة يفوز بالبطولة الإقليمية للمرة الثالثة")
    paraphrase = stance_features(BASE, "زيادة رواتب المعلمين في المحافظات الجنوبية بقرار من الحكومة")
    assert unrelated["no_overlap"] == 1.0
    assert paraphrase["soft_jaccard"] > 0.6 > unrelated["soft_jaccard"]


def test_derived_forms_meet_in_one_skeleton() -> None:
    assert skeleton(fold("ارتفاع")) == skeleton(fold("يرتفع")) == skeleton(fold("ارتفاعا"))
    assert skeleton(fold("انخفاض")) == skeleton(fold("ينخفض"))
    assert skeleton(fold("ارتفاع")) != skeleton(fold("انخفاض"))


def test_substitution_yields_a_cross_feature_in_either_direction() -> None:
    up_down = stance_features("صعود أسهم المصارف", "هبوط أسهم المصارف")
    down_up = stance_features("هبوط أسهم المصارف", "صعود أسهم المصارف")
    crosses = {k for k in up_down if k.startswith("x:")}
    assert len(crosses) == 1 and crosses == {k for k in down_up if k.startswith("x:")}


def test_a_rare_name_put_in_place_of_another_is_flagged() -> None:
    base = "وزير المالية ماركو ديلانو يزور بلدة قرطاليا الساحلية"
    swapped = stance_features(base, "وزير المالية ماركو ديلانو يزور بلدة فيرانيتا الساحلية")
    assert swapped["name_only_a"] == swapped["name_only_b"] == swapped["name_swapped"] == 1.0
    # The same names in another order are not a swap.
    kept = stance_features(base, "بلدة قرطاليا الساحلية يزورها وزير المالية ديلانو")
    assert kept["name_swapped"] == 0.0 and kept["name_only_b"] == 0.0
    # Common words changing (not names) are left to the lexical family.
    common = stance_features("ارتفاع أسعار الخبز في المدينة", "انخفاض أسعار الخبز في المدينة")
    assert common["name_swapped"] == 0.0


def test_rewrites_of_one_headline_teach_each_other() -> None:
    source = "المجلس البلدي يوافق على مشروع الحديقة العامة"
    pairs = [
        (source, "موافقة المجلس البلدي على مشروع الحديقة العامة"),
        (source, "المجلس البلدي يرفض مشروع الحديقة العامة"),
        (source, "المجلس البلدي يرجئ التصويت على مشروع الحديقة"),
        ("مهرجان الزهور يستقبل زواره", "المنتخب يتأهل إلى النهائي"),
    ]
    got_pairs, got_labels = _with_sibling_pairs(pairs, ["agree", "disagree", "disagree", "other"])
    added = dict(zip(got_pairs[len(pairs) :], got_labels[len(pairs) :], strict=True))
    # The paraphrase contradicts both contradictions; two contradictions get no label between them.
    assert added == {(pairs[0][1], pairs[1][1]): "disagree", (pairs[0][1], pairs[2][1]): "disagree"}
    assert got_pairs[: len(pairs)] == pairs


def test_model_learns_an_antonym_swap_from_a_tiny_set() -> None:
    model = _trained()
    got = model.predict(
        [
            ("صعود مبيعات السيارات الكهربائية هذا العام", "هبوط مبيعات السيارات الكهربائية هذا العام"),
            ("مزارعو الزيتون يستعدون لموسم القطاف", "سباق الدراجات ينطلق من الساحل غدا"),
        ]
    )
    assert got == ["disagree", "other"]


def test_model_predicts_one_known_label_per_pair() -> None:
    model = _trained()
    pairs = [(a, b) for a, b, _ in TRAIN]
    got = model.predict(pairs)
    assert len(got) == len(pairs) and set(got) <= {"agree", "disagree", "other"}
    assert model.predict([]) == []


def test_every_family_can_be_used_alone() -> None:
    for family in ALL_FAMILIES:
        f = stance_features(BASE, "الحكومة ترفض زيادة رواتب المعلمين", families=(family,))
        assert f, family


def test_misuse_raises_isnad_errors() -> None:
    with pytest.raises(IsnadError):
        StanceModel().predict([("أ", "ب")])
    with pytest.raises(IsnadError):
        StanceModel().fit([("خبر", "خبر آخر")], ["agree", "other"])
    with pytest.raises(IsnadError):
        StanceModel().fit([("خبر", "خبر آخر"), ("خبر", "نبأ")], ["agree", "agree"])
    with pytest.raises(IsnadError):
        stance_features("خبر", "نبأ", families=("colour",))


def test_odd_input_does_not_crash() -> None:
    for a, b in [("", ""), ("...", "!!"), ("Breaking: oil up", "النفط يرتفع"), ("٣٬٥٠٠", "3500")]:
        f = stance_features(a, b)
        assert all(isinstance(v, float) for v in f.values())


def test_real_ans_pairs_fit_quickly_when_present(datasets_dir: Path) -> None:
    path = datasets_dir / "ans_arabic_news_stance" / "stance" / "train.csv"
    if not path.is_file():
        pytest.skip(f"ANS stance data not found at {path}")
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))[:600]
    pairs, labels = [(r["s1"], r["s2"]) for r in rows], [r["stance"] for r in rows]
    model = StanceModel().fit(pairs[:500], labels[:500])
    got = model.predict(pairs[500:])
    right = sum(g == y for g, y in zip(got, labels[500:], strict=True))
    assert right / len(got) > 0.6  # far above chance at this size; the full figure is eval/ans_stance.py's


def test_an_opposite_word_is_flagged_even_one_never_seen_in_training() -> None:
    # Inflected, with clitics: "وتعلق" against "تواصل" (halt / continue), past against present.
    f = stance_features("الشركة وتعلق صادراتها عبر الميناء", "الشركة تواصل صادراتها عبر الميناء")
    assert f["pole_swapped"] == 1.0 and f["pole_swap:halt"] == 1.0
    released = stance_features("الشرطة تعتقل الصحفي في العاصمة", "الشرطة أفرجت عن الصحفي في العاصمة")
    assert released["pole_swap:detain"] == 1.0
    # A synonym is not an opposite, and one side alone is only "touched".
    same = stance_features("ارتفاع أسعار القمح", "صعود أسعار القمح")
    assert same["pole_swapped"] == 0.0 and "pole_one:direction" not in same
    one = stance_features("أسعار القمح", "ارتفاع أسعار القمح")
    assert one["pole_swapped"] == 0.0 and one["pole_one:direction"] == 1.0
    # Opposites of rank and flow: "في الصدارة" / "في مؤخرة", "يضخ" / "يسحب".
    ranked = stance_features("آسيا في الصدارة بين أغلى المدن", "آسيا في مؤخرة أغلى المدن")
    assert ranked["pole_swap:rank"] == 1.0
    assert stance_features("المركزي يضخ سيولة", "المركزي يسحب السيولة")["pole_swap:flow"] == 1.0


def test_swapped_roles_show_as_reordered_shared_words() -> None:
    swapped = stance_features("الشركة تقاضي البلدية في المحكمة", "البلدية تقاضي الشركة في المحكمة")
    kept = stance_features("الشركة تقاضي البلدية في المحكمة", "الشركة تقاضي البلدية")
    assert swapped["order_inverted"] > 0.3 and kept["order_inverted"] == 0.0
    assert stance_features("خبر", "نبأ")["order_none"] == 1.0


def test_the_same_words_bound_to_opposite_poles_are_flagged() -> None:
    # Both headlines say "up" and "down"; the pound and the dollar swapped them.
    f = stance_features("الإسترليني يهبط والدولار يصعد", "صعود كبير للإسترليني وهبوط حاد للدولار")
    assert f["pole_rebound"] == 1.0
    same = stance_features("الإسترليني يهبط أمام الدولار", "هبوط جديد للإسترليني أمام الدولار")
    assert same["pole_rebound"] == 0.0
