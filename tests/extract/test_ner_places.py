"""The place lexicon: learned from unlabelled text by the nouns places follow, and used by the shipped NER."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import numpy as np
import pytest

from isnad.extract.ner import find_entities
from isnad.extract.ner_clusters import read_texts
from isnad.extract.ner_places import PlaceConfig, count_contexts, learn_places, select_places
from isnad.extract.ner_tagger import introduced_places, known_places
from isnad.text.normalize import normalize

# Invented news lines: "زهران" and "وادي" (folded "زهران") are towns named after administrative nouns;
# "الجديدة" follows them too but is mostly an ordinary adjective; "قرطان" is named after one only once.
_TEXTS = [
    "وصل الوفد إلى مدينة زهران صباح اليوم.",
    "أمطار غزيرة على محافظة زهران والقرى المجاورة.",
    "افتتح المحافظ مستشفى في زهران.",
    "عاد السكان إلى بلدة زهران بعد الفيضان.",
    "سقطت أمطار في قرية السلامية، وانقطع التيار بمدينة السلامية.",
    "نقلت الأسر إلى السلامية.",
    "تقرر إنشاء مدينة الجديدة للصناعة.",
    "الخطة الجديدة تشمل المدارس الجديدة والطرق الجديدة والمباني الجديدة.",
    "أعلنت الحكومة الجديدة موازنتها الجديدة.",
    "زار الوزير مدينة قرطان ثم غادر قرطان إلى قرطان الجديدة.",
]


def test_counts_see_through_clitics_and_spelling_variants() -> None:
    counts = count_contexts(_TEXTS)
    assert counts.after["زهران"] == 3  # مدينة / محافظة / بلدة
    assert counts.total["زهران"] == 4
    assert counts.after["السلاميه"] == 2  # "قرية" and "بمدينة" (preposition stripped, ة folded)
    assert counts.after["الجديده"] == 1


def test_lexicon_keeps_words_mostly_named_after_place_nouns_and_grades_them() -> None:
    places = learn_places(_TEXTS, PlaceConfig(min_count=2, bands=(0.2, 0.5, 0.7)))
    assert places["زهران"] == "3"  # three of its four uses
    assert places["السلاميه"] == "2"  # two of three
    assert "الجديده" not in places  # an adjective: once after "مدينة", seven times elsewhere
    assert "قرطان" not in places  # one trigger context: below min_count
    loose = select_places(count_contexts(_TEXTS), PlaceConfig(min_count=1, bands=(0.2, 0.5, 0.7)))
    assert loose["قرطان"] == "1"


def test_lexicon_reads_article_zips_like_the_clusters(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "news.zip", "w") as zf:
        zf.writestr("a.json", json.dumps([{"content": t} for t in _TEXTS], ensure_ascii=False))
    places = learn_places(read_texts(tmp_path), PlaceConfig(min_count=2, bands=(0.2,)))
    assert set(places) == {"زهران", "السلاميه"}


def test_a_city_the_article_introduces_is_a_place_at_every_mention(seeds_dir: Path) -> None:
    # 000 says "مدينة الموصل" once, 003 "الموصل أخر مدينة كبيرة": their other lone mentions follow.
    seeds = sorted(seeds_dir.glob("*.txt"))
    if not seeds:
        pytest.skip("no seed articles")
    for seed in seeds:
        text = seed.read_text(encoding="utf-8")
        mosul = [s for s in find_entities(normalize(text)) if s.attributes["normalized"] == "الموصل"]
        assert len(mosul) == text.count("الموصل"), seed.name
        assert all(s.label == "LOC" for s in mosul), seed.name


def test_introduced_places_needs_the_lexicon_and_the_article() -> None:
    stems = ["زار", "مدينه", "السندان", "ثم", "عاد", "من", "السندان", "ومن", "الجديده"]
    tags = ["O"] * len(stems)
    bands = [0, 0, 2, 0, 0, 0, 2, 0, 0]
    out = introduced_places(stems, tags, bands)
    assert out[2] == out[6] == "B-LOC"
    assert introduced_places(stems, tags, [0] * len(stems)) == tags  # unknown to the lexicon: left alone
    described = ["عاد", "الي", "السندان", "اخر", "مدينه", "في", "الشمال"]
    assert introduced_places(described, ["O"] * 7, [0, 0, 2, 0, 0, 0, 0])[2] == "B-LOC"
    plain = ["زار", "السندان", "ثم", "عاد"]
    assert introduced_places(plain, ["O"] * 4, [0, 2, 0, 0]) == ["O"] * 4  # never introduced as a place


_LABELS = ["O", "B-LOC", "B-PER", "I-PER"]


def test_a_known_place_the_crf_barely_leaves_untagged_is_read_as_a_place() -> None:
    # "people of Zahran said ... Samer Zahran": the lone town is taken, the surname inside a name is not.
    tags = ["O", "O", "O", "O", "B-PER", "I-PER", "O"]
    e = np.zeros((7, 4))
    e[2] = [1.0, 0.5, 0.0, 0.0]  # LOC only half a point below O
    e[5] = [0.0, 0.5, 0.0, 2.0]
    e[6] = [4.0, 0.0, 0.0, 0.0]  # far below O: left alone
    out = known_places([2, 5, 6], tags, e, _LABELS, margin=1.0)
    assert out == ["O", "O", "B-LOC", "O", "B-PER", "I-PER", "O"]
