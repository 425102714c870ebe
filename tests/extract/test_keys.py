"""Entity keys: one key per person or organisation across mentions, spellings, aliases and articles."""

from __future__ import annotations

from isnad.extract.keys import Mention, assign_keys, find_aliases, words_of
from isnad.extract.quotes import find_quotes
from isnad.model import Article
from isnad.pipeline import prepare, segment


def test_family_name_joins_the_full_name() -> None:
    keys = assign_keys([Mention("أبو عمر الشامي", start=0), Mention("الشامي", start=50)])
    assert keys[0] == keys[1]


def test_clitics_titles_and_spelling_variants_fold_together() -> None:
    mentions = [
        Mention("الوزير سليم البرقاوي", start=0),
        Mention("للبرقاوي", start=40),
        Mention("سليمُ البرقاويّ", start=80),
        Mention("لأبو عمر الشامي", start=120),
        Mention("أبوعمر الشامي", start=160),
    ]
    keys = assign_keys(mentions)
    assert keys[0] == keys[1] == keys[2]
    assert keys[3] == keys[4] != keys[0]


def test_organisation_short_form_joins_but_a_common_word_does_not() -> None:
    mentions = [
        Mention("حركة التحرير الشعبية", "ORG", start=0),
        Mention("حركة التحرير", "ORG", start=30),
        Mention("التحرير", "ORG", start=60),
    ]
    keys = assign_keys(mentions)
    assert keys[0] == keys[1]
    assert keys[2] != keys[0]


def test_labels_never_mix() -> None:
    keys = assign_keys([Mention("الحداد", "PER"), Mention("الحداد", "ORG")])
    assert keys[0] != keys[1]


def test_ambiguous_first_name_goes_to_the_nearest_earlier_person() -> None:
    mentions = [
        Mention("محمد سالم", start=0),
        Mention("محمد علي", start=100),
        Mention("محمد", start=150),
    ]
    keys = assign_keys(mentions)
    assert keys[0] != keys[1]
    assert keys[2] == keys[1]


def test_keys_hold_across_the_articles_of_a_story() -> None:
    mentions = [Mention("رامي الخطيب", doc="a", start=10), Mention("الخطيب", doc="b", start=5)]
    keys = assign_keys(mentions)
    assert keys[0] == keys[1]


def test_explicit_alias_pairs_join() -> None:
    keys = assign_keys([Mention("أبو عمر الشامي"), Mention("يوسف الدباغ", alias=True)], aliases=[(0, 1)])
    assert keys[0] == keys[1] == "PER:ابوعمر الشامي"


def test_words_of_drops_titles_and_joins_kunya() -> None:
    assert words_of("الشيخ أبو بكر العلي") == ("ابوبكر", "العلي")


def test_alias_sentence_links_real_name_in_quotes() -> None:
    text = (
        "وقال أبو عمر الشامي واسمه الحقيقي يوسف الدباغ إن الهجوم فشل. وأكد الدباغ أن رجاله انسحبوا من التلة."
    )
    doc = segment(prepare(Article.create(text, "alias.txt")))
    found = find_quotes(doc)
    assert len(found) == 2
    first, second = (q.attributes["speaker"] for q in found)
    assert first["text"] == "أبو عمر الشامي"
    assert second["text"] == "الدباغ"
    assert first["key"] == second["key"] == "PER:ابوعمر الشامي"
    aliases = find_aliases(doc, [Mention("أبو عمر الشامي", doc=doc.article.id, start=5)])
    assert [a.text for _, a in aliases] == ["يوسف الدباغ"]


def test_bare_title_joins_the_name_said_with_it() -> None:
    text = (
        "وقال زعيم حركة التحرير الشعبية سالم العبيدي إن الهدنة انتهت. "
        "وكان الجيش قد قصف المدينة. وقال زعيم الحركة إن الرد سيكون قاسيا."
    )
    found = find_quotes(segment(prepare(Article.create(text, "title.txt"))))
    assert len(found) == 2
    assert found[0].attributes["speaker"]["text"] == "سالم العبيدي"
    assert found[1].attributes["speaker"]["key"] == found[0].attributes["speaker"]["key"]
