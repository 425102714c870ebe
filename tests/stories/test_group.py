"""Grouping articles into stories: shared names and vocabulary, close in time."""

from __future__ import annotations

from datetime import datetime, timedelta

from isnad.model import Article, Document
from isnad.pipeline import analyze
from isnad.stories import group_stories

BRIDGE_A = (
    "انهار جسر المشاة فوق نهر السندان في مدينة النخيل صباح الأحد، ما أدى إلى مقتل 12 شخصا. "
    "وقال الدفاع المدني إن فرق الإنقاذ انتشلت الضحايا من تحت ركام الجسر."
)
BRIDGE_B = (
    "قتل 19 شخصا في انهيار جسر للمشاة على نهر السندان بمدينة النخيل. وأكد الدفاع المدني أن عمليات "
    "الإنقاذ انتهت وأن الركام أزيل من مجرى النهر."
)
HARVEST = (
    "بدأ موسم حصاد التمور في واحات الجنوب، وتوقعت وزارة الزراعة أن يبلغ الإنتاج 40 ألف طن هذا العام "
    "بفضل الأمطار الغزيرة."
)
WHEN = datetime(2024, 5, 5, 12)


def _doc(text: str, days: int = 0) -> Document:
    return analyze(Article.create(text, "fixture.txt", published=WHEN + timedelta(days=days)))


def test_two_reports_of_one_event_are_one_story_and_an_unrelated_one_stands_alone() -> None:
    docs = [_doc(BRIDGE_A), _doc(HARVEST), _doc(BRIDGE_B)]
    assert group_stories(docs) == [[0, 2], [1]]


def test_the_same_event_words_a_month_apart_are_two_stories() -> None:
    docs = [_doc(BRIDGE_A), _doc(BRIDGE_B, days=30)]
    assert group_stories(docs) == [[0], [1]]


def test_no_articles_no_stories() -> None:
    assert group_stories([]) == []
