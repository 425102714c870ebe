"""Plain-text articles: the text is kept byte-for-byte (decoded); metadata from a sidecar or options."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from isnad.ingest import IngestOptions, ingest

FLOOD = (
    "غمرت مياه الأمطار الغزيرة ثلاثة أحياء في بلدة وادي السدر مساء الخميس.\r\n\r\n"
    "وقال الدفاع المدني إن فرقه أخلت 85 عائلة، ولم تسجل أي إصابات حتى الآن.\n"
)


def _write(tmp_path: Path, name: str, text: str, meta: object | None = None) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    if meta is not None:
        side = tmp_path / (path.stem + ".meta.json")
        side.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return path


def test_text_is_kept_exactly_and_sidecar_fills_the_metadata(tmp_path: Path) -> None:
    meta = {
        "outlet": "جريدة السدر",
        "title": "أمطار تغمر وادي السدر",
        "published": "2019-11-07T21:30:00+03:00",
        "url": "https://example.invalid/flood",
        "section": "محليات",
    }
    path = _write(tmp_path, "flood.txt", FLOOD, meta)
    result = ingest([path])
    assert result.errors == []
    (article,) = result.articles
    assert article.text == FLOOD  # CRLF and the final newline survive: offsets index this text
    assert article.source == str(path)
    assert article.outlet == "جريدة السدر"
    assert article.title == "أمطار تغمر وادي السدر"
    assert article.published == datetime(2019, 11, 7, 21, 30, tzinfo=timezone(timedelta(hours=3)))
    assert article.url == "https://example.invalid/flood"
    assert dict(article.extra) == {"section": "محليات"}
    assert article.encoding == "utf-8"
    assert article.language is None  # a later stage detects it


def test_options_win_over_the_sidecar(tmp_path: Path) -> None:
    path = _write(tmp_path, "flood.txt", FLOOD, {"outlet": "جريدة السدر", "published": "2019-11-07"})
    options = IngestOptions(outlet="إذاعة الوادي", published=datetime(2019, 11, 8), title="عنوان يدوي")
    (article,) = ingest([path], options).articles
    assert (article.outlet, article.published, article.title) == (
        "إذاعة الوادي",
        datetime(2019, 11, 8),
        "عنوان يدوي",
    )


def test_a_bad_sidecar_date_keeps_the_article_and_says_why(tmp_path: Path) -> None:
    path = _write(tmp_path, "flood.txt", FLOOD, {"outlet": "جريدة السدر", "published": "الخميس الماضي"})
    result = ingest([path])
    assert result.errors == []
    (article,) = result.articles
    assert article.published is None
    assert article.outlet == "جريدة السدر"
    assert any("published" in note for note in result.notes[str(path)])


@pytest.mark.parametrize("sidecar", ['{"outlet": "جريدة', '["not", "an", "object"]'])
def test_a_malformed_sidecar_is_isn111_but_the_text_is_still_read(tmp_path: Path, sidecar: str) -> None:
    path = _write(tmp_path, "flood.txt", FLOOD)
    (tmp_path / "flood.meta.json").write_text(sidecar, encoding="utf-8")
    result = ingest([path])
    assert [a.text for a in result.articles] == [FLOOD]
    assert [(e.code, Path(e.source).name) for e in result.errors] == [("ISN111", "flood.meta.json")]


@pytest.mark.parametrize("content", [b"", b"   \n\t \r\n", b"\xef\xbb\xbf", "\u3000\n".encode()])
def test_empty_and_whitespace_only_files_are_isn102(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    result = ingest([path])
    assert result.articles == []
    assert [(e.code, e.source) for e in result.errors] == [("ISN102", str(path))]


def test_size_limit_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "flood.txt", FLOOD * 50)

    def refuse(self: Path) -> bytes:
        raise AssertionError(f"{self} was read although it is over the limit")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = ingest([path], IngestOptions(max_bytes=1000))
    assert [e.code for e in result.errors] == ["ISN104"]
    assert "1000" in result.errors[0].detail


def test_missing_path_is_isn100_and_other_inputs_are_still_read(tmp_path: Path) -> None:
    good = _write(tmp_path, "flood.txt", FLOOD)
    missing = tmp_path / "لا-يوجد.txt"
    result = ingest([missing, good])
    assert [a.source for a in result.articles] == [str(good)]
    assert [(e.code, e.source) for e in result.errors] == [("ISN100", str(missing))]
    assert "check the path" in result.errors[0].advice
