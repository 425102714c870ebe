"""JSON and JSON Lines: one article per record, and a broken record never hides the others."""

from __future__ import annotations

import json
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from isnad.ingest import IngestOptions, articles_from_records, ingest

MARKET = {
    "source": "صحيفة الساحل",
    "url": "https://example.invalid/market",
    "date_extracted": "2017-03-14 08:05:10",
    "title": "افتتاح سوق السمك الجديد",
    "author": "مراسل الصحيفة",
    "content": "افتتح محافظ الساحل سوق السمك الجديد الذي يضم 120 محلاً، بكلفة بلغت نحو أربعة ملايين دينار.",
}
BRIDGE = {
    "outlet": "وكالة الجسر",
    "published": "2017-03-15T10:00:00Z",
    "title": "إغلاق مؤقت للجسر",
    "body": "أغلقت السلطات جسر النهر الشرقي أمام الشاحنات لمدة أسبوع بسبب أعمال الصيانة.",
}


def _dump(tmp_path: Path, name: str, value: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_a_saudinewsnet_style_record_maps_onto_the_article(tmp_path: Path) -> None:
    path = _dump(tmp_path, "one.json", MARKET)
    result = ingest([path])
    assert result.errors == []
    (article,) = result.articles
    assert article.source == str(path)  # one object: no item suffix
    assert article.text == MARKET["content"]
    assert article.outlet == "صحيفة الساحل"
    assert article.title == "افتتاح سوق السمك الجديد"
    assert article.url == "https://example.invalid/market"
    assert article.published == datetime(2017, 3, 14, 8, 5, 10)
    assert article.extra["author"] == "مراسل الصحيفة"


def test_an_array_gives_numbered_items_and_the_body_field_can_vary(tmp_path: Path) -> None:
    path = _dump(tmp_path, "many.json", [MARKET, BRIDGE])
    result = ingest([path])
    assert result.errors == []
    assert [a.source for a in result.articles] == [f"{path}#item-1", f"{path}#item-2"]
    assert result.articles[1].text == BRIDGE["body"]
    assert result.articles[1].outlet == "وكالة الجسر"
    assert result.articles[1].published is not None and result.articles[1].published.tzinfo is not None


def test_an_object_wrapping_a_list_of_records_is_read_as_that_list(tmp_path: Path) -> None:
    path = _dump(tmp_path, "export.json", {"status": "ok", "articles": [MARKET, BRIDGE]})
    result = ingest([path])
    assert len(result.articles) == 2 and result.errors == []


def test_records_without_a_body_are_isn106_and_name_the_fields_they_have(tmp_path: Path) -> None:
    headline_only = {"title": "عنوان بلا نص", "source": "صحيفة الساحل"}
    blank = {**MARKET, "content": "   "}
    path = _dump(tmp_path, "mixed.json", [headline_only, MARKET, blank, "نص مفرد"])
    result = ingest([path])
    assert [a.source for a in result.articles] == [f"{path}#item-2"]
    codes = [(e.code, e.source) for e in result.errors]
    assert codes == [
        ("ISN106", f"{path}#item-1"),
        ("ISN102", f"{path}#item-3"),
        ("ISN106", f"{path}#item-4"),
    ]
    assert "'title'" in result.errors[0].detail and "--body-field" in result.errors[0].advice


def test_the_body_field_option_names_an_unusual_field(tmp_path: Path) -> None:
    record = {"nass": "تبرع رجل أعمال بمئتي سرير لمستشفى البلدة.", "unwan": "تبرع للمستشفى"}
    path = _dump(tmp_path, "custom.json", record)
    assert [e.code for e in ingest([path]).errors] == ["ISN106"]
    options = IngestOptions.from_cli(body_field="nass", title_field="unwan")
    (article,) = ingest([path], options).articles
    assert (article.text, article.title) == (record["nass"], record["unwan"])


def test_malformed_json_is_isn105_with_its_position(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[\n  {"content": "نص"},\n  {"content": "نص آخر",,}\n]', encoding="utf-8")
    result = ingest([path])
    assert result.articles == []
    (error,) = result.errors
    assert (error.code, error.source) == ("ISN105", str(path))
    assert "line 3" in error.detail


def test_jsonl_with_a_broken_middle_line_keeps_the_other_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(MARKET, ensure_ascii=False),
        '{"content": "سطر مقطوع',
        json.dumps(BRIDGE, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    result = ingest([path])
    assert [a.source for a in result.articles] == [f"{path}:1", f"{path}:3"]
    assert [(e.code, e.source) for e in result.errors] == [("ISN105", f"{path}:2")]
    assert result.articles[0].text == MARKET["content"]


def test_a_bad_record_date_keeps_the_article(tmp_path: Path) -> None:
    path = _dump(tmp_path, "baddate.json", {**MARKET, "date_extracted": "قبل ثلاثة أيام"})
    result = ingest([path])
    (article,) = result.articles
    assert result.errors == []
    assert article.published is None
    assert article.extra["published_raw"] == "قبل ثلاثة أيام"
    assert any("published" in n for n in result.notes[str(path)])


def test_articles_from_records_on_real_saudinewsnet(datasets_dir: Path) -> None:
    zips = sorted((datasets_dir / "saudinewsnet" / "dataset").glob("*.zip"))
    if not zips:
        pytest.skip("no SaudiNewsNet zips")
    with zipfile.ZipFile(zips[0]) as archive:
        records = json.loads(archive.read(archive.namelist()[0]))
    articles, errors = articles_from_records(records, zips[0].name)
    assert len(articles) + len(errors) == len(records)
    assert len(articles) > 0.9 * len(records)
    assert all(a.outlet and a.published and a.text.strip() for a in articles)
    assert {e.code for e in errors} <= {"ISN102", "ISN106"}
    assert len({a.id for a in articles}) > 0.9 * len(articles)
