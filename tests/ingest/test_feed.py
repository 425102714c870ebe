"""RSS and Atom: one article per item, HTML bodies turned into readable text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from ingest_helpers import RSS

from isnad.ingest import ingest

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>نشرة الجبل</title>
  <id>urn:example:jabal</id>
  <updated>2020-01-05T12:00:00Z</updated>
  <entry>
    <title>تساقط الثلوج على قمم الجبل</title>
    <id>urn:example:jabal:1</id>
    <link href="https://example.invalid/snow"/>
    <updated>2020-01-05T11:30:00Z</updated>
    <content type="html">&lt;p&gt;تساقطت الثلوج بسماكة 20 سنتيمتراً على القمم العالية.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_rss_items_become_articles_with_text_not_html(tmp_path: Path) -> None:
    path = tmp_path / "oasis.rss"
    path.write_text(RSS.format(encoding="utf-8"), encoding="utf-8")
    result = ingest([path])
    first, second = result.articles
    assert [first.source, second.source] == [f"{path}#item-1", f"{path}#item-2"]
    assert first.text == (
        "انقطعت الكهرباء عن حي النرجس لمدة ست ساعات مساء الاثنين.\n\n"
        "وقالت شركة التوزيع إن عطلاً في محول رئيسي تسبب بالانقطاع\n"
        "وإن الفرق أصلحته قبل منتصف الليل."
    )
    assert second.text == "يشارك 40 مزارعاً في مهرجان التمور & الحرف اليدوية هذا العام."
    assert first.outlet == "راديو الواحة" and first.language == "ar"
    assert first.title == "انقطاع الكهرباء عن حي النرجس"
    assert first.url == "https://example.invalid/news/1"
    assert first.published == datetime(2019, 9, 2, 18, 40, tzinfo=timezone(timedelta(hours=3)))
    # the title-only item is reported, not silently dropped
    assert [(e.code, e.source) for e in result.errors] == [("ISN106", f"{path}#item-3")]


def test_a_windows_1256_feed_is_read_by_its_xml_declaration(tmp_path: Path) -> None:
    path = tmp_path / "oasis.xml"
    path.write_bytes(RSS.format(encoding="windows-1256").encode("cp1256"))
    articles = ingest([path]).articles
    assert len(articles) == 2
    assert articles[0].title == "انقطاع الكهرباء عن حي النرجس"
    assert articles[0].encoding == "windows-1256"


def test_atom_entries_are_read(tmp_path: Path) -> None:
    path = tmp_path / "jabal.atom"
    path.write_text(ATOM, encoding="utf-8")
    (article,) = ingest([path]).articles
    assert article.text == "تساقطت الثلوج بسماكة 20 سنتيمتراً على القمم العالية."
    assert article.outlet == "نشرة الجبل"
    assert article.url == "https://example.invalid/snow"
    assert article.published == datetime(2020, 1, 5, 11, 30, tzinfo=UTC)


def test_broken_or_empty_feeds_are_isn108(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<rss><channel><title>موقع</title><item><title>", encoding="utf-8")
    empty = tmp_path / "empty.rss"
    empty.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>موقع</title></channel></rss>')
    result = ingest([broken, empty])
    assert result.articles == []
    assert [(e.code, e.source) for e in result.errors] == [
        ("ISN108", str(broken)),
        ("ISN108", str(empty)),
    ]
    assert "well-formed" in result.errors[0].detail
    garbage = tmp_path / "garbage.xml"
    garbage.write_text("هذا ليس خلاصة أخبار", encoding="utf-8")
    assert [e.code for e in ingest([garbage]).errors] == ["ISN108"]


def test_a_truncated_feed_still_gives_its_complete_items_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "cut.rss"
    text = RSS.format(encoding="utf-8")
    path.write_text(text[: text.index("<item>\n    <title>عنوان بلا تفاصيل")], encoding="utf-8")
    result = ingest([path])
    assert len(result.articles) == 2
    assert any("well-formed" in note for note in result.notes[str(path)])
