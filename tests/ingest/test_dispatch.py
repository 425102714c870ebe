"""Directories and unknown file types: every good article is read, every bad input is named."""

from __future__ import annotations

import json
from pathlib import Path

from ingest_helpers import RSS, page

from isnad.ingest import ingest

STORM = "ضربت عاصفة رملية مطار الواحة صباح الأحد، وأُلغيت 9 رحلات داخلية بحسب إدارة المطار."
CLINIC = "افتتحت وزارة الصحة عيادة متنقلة تزور القرى الجبلية مرتين في الأسبوع."


def _mixed_corpus(root: Path) -> None:
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a_storm.txt").write_text(STORM, encoding="utf-8")
    (root / "a_storm.meta.json").write_text('{"outlet": "إذاعة الواحة"}', encoding="utf-8")
    (root / "b_clinic.txt").write_bytes(CLINIC.encode("cp1256"))
    (root / "c_empty.txt").write_text("  \n", encoding="utf-8")
    (root / "d_logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (root / "e_records.jsonl").write_text(
        json.dumps({"content": STORM}, ensure_ascii=False) + "\n{oops\n" + json.dumps({"title": "بلا نص"}),
        encoding="utf-8",
    )
    (root / ".hidden.txt").write_text(CLINIC, encoding="utf-8")
    (root / ".git" / "notes.txt").write_text(CLINIC, encoding="utf-8")
    (root / "sub" / "page.html").write_text(page(), encoding="utf-8")
    (root / "sub" / "deeper" / "radio.rss").write_text(RSS.format(encoding="utf-8"), encoding="utf-8")


def test_a_mixed_directory_gives_the_good_articles_and_the_errors(tmp_path: Path) -> None:
    _mixed_corpus(tmp_path)
    result = ingest([tmp_path])
    names = [a.source.removeprefix(str(tmp_path) + "/") for a in result.articles]
    assert names == [
        "a_storm.txt",
        "b_clinic.txt",
        "e_records.jsonl:1",
        "sub/page.html",
        "sub/deeper/radio.rss#item-1",
        "sub/deeper/radio.rss#item-2",
    ]
    errors = [(e.code, e.source.removeprefix(str(tmp_path) + "/")) for e in result.errors]
    assert errors == [
        ("ISN102", "c_empty.txt"),
        ("ISN103", "d_logo.png"),
        ("ISN105", "e_records.jsonl:2"),
        ("ISN106", "e_records.jsonl:3"),
        ("ISN106", "sub/deeper/radio.rss#item-3"),
    ]
    assert result.articles[0].outlet == "إذاعة الواحة"  # the sidecar was applied, not read as an input
    assert result.articles[1].text == CLINIC and result.articles[1].encoding == "windows-1256"
    assert ingest([tmp_path]).articles == result.articles  # deterministic


def test_unknown_extensions_are_sniffed(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text(STORM, encoding="utf-8")
    (tmp_path / "export.dat").write_text(json.dumps([{"body": CLINIC}], ensure_ascii=False), encoding="utf-8")
    (tmp_path / "lines.log").write_text(
        "\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in (STORM, CLINIC)), encoding="utf-8"
    )
    (tmp_path / "saved.page").write_text(page(), encoding="utf-8")
    (tmp_path / "radio.feed").write_text(RSS.format(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "config.conf").write_text('<?xml version="1.0"?><settings><a>1</a></settings>')
    result = ingest([tmp_path])
    sources = [Path(a.source).name for a in result.articles]
    assert sources == [
        "export.dat#item-1",
        "lines.log:1",
        "lines.log:2",
        "notes.md",
        "radio.feed#item-1",
        "radio.feed#item-2",
        "saved.page",
    ]
    assert [(e.code, Path(e.source).name) for e in result.errors] == [
        ("ISN110", "config.conf"),
        ("ISN106", "radio.feed#item-3"),
    ]


def test_bad_top_level_inputs_never_stop_the_run(tmp_path: Path) -> None:
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    (empty_dir / ".DS_Store").write_bytes(b"\x00\x01")
    good = tmp_path / "storm.txt"
    good.write_text(STORM, encoding="utf-8")
    inputs: list[str | Path] = [str(tmp_path / "nope.txt"), empty_dir, "ftp://example.invalid/x", "", good]
    result = ingest(inputs)
    assert [a.text for a in result.articles] == [STORM]
    assert [e.code for e in result.errors] == ["ISN100", "ISN102", "ISN110", "ISN100"]
    for error in result.errors:
        assert error.advice and error.message.startswith(error.code)
