"""Saved web pages: the article body with its paragraphs, plus the page's own metadata."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from ingest_helpers import PARAGRAPHS, page

from isnad.ingest import ingest


def test_html_page_gives_the_article_with_paragraph_breaks_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "park.html"
    path.write_text(page(), encoding="utf-8")
    result = ingest([path])
    assert result.errors == []
    (article,) = result.articles
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    assert "\n\n".join(PARAGRAPHS[1:]) in article.text  # paragraphs stay apart
    assert "tracker" not in article.text and "الرئيسية" not in article.text
    assert article.title == "حديقة جديدة في الزيتون"
    assert article.outlet == "أخبار الزيتون"
    assert article.published is not None and article.published.date() == date(2022, 5, 9)
    assert article.language == "ar"
    assert article.extra["author"] == "هالة الربيعي"
    assert article.source == str(path)


def test_a_windows_1256_page_is_decoded_by_its_meta_charset(tmp_path: Path) -> None:
    path = tmp_path / "park-1256.htm"
    path.write_bytes(page(charset="windows-1256").encode("cp1256"))
    (article,) = ingest([path]).articles
    assert article.encoding == "windows-1256"
    assert PARAGRAPHS[0] in article.text


def test_a_page_without_article_text_is_isn107(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text(page(body="<div><script>document.write('x')</script></div>"), encoding="utf-8")
    result = ingest([path])
    assert result.articles == []
    assert [(e.code, e.source) for e in result.errors] == [("ISN107", str(path))]


def test_the_page_publication_time_is_kept_to_the_minute(tmp_path: Path) -> None:
    path = tmp_path / "park.html"
    path.write_text(page(), encoding="utf-8")
    (article,) = ingest([path]).articles
    assert article.published is not None
    assert article.published.isoformat() == "2022-05-09T09:15:00+03:00"


def test_an_unexpected_failure_is_reported_and_later_inputs_are_still_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from isnad.ingest import html as html_module

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("extractor exploded")

    monkeypatch.setattr(html_module, "_page_timestamp", broken)
    bad = tmp_path / "a.html"
    bad.write_text(page(), encoding="utf-8")
    good = tmp_path / "b.txt"
    good.write_text("افتتحت البلدية حديقة جديدة في الحي الغربي.", encoding="utf-8")
    result = ingest([bad, good])
    assert [(e.code, e.source) for e in result.errors] == [("ISN199", str(bad))]
    assert "extractor exploded" in result.errors[0].detail
    assert [a.source for a in result.articles] == [str(good)]
