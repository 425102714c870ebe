"""The `isnad analyze` command as a user runs it: exit codes, JSON contract, rejected inputs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from isnad.cli import app

runner = CliRunner()


def _json_run(*args: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["analyze", *args, "--format", "json"])
    return result.exit_code, json.loads(result.stdout)


def _assert_spans_index_the_text(doc: dict[str, Any]) -> None:
    text = doc["text"]
    for layer in ("sentences", "numbers", "dates"):
        for span in doc[layer]:
            assert text[span["start"] : span["end"]] == span["text"], (layer, span)
    for repair in doc["repairs"]:
        assert text[repair["start"] : repair["end"]] == repair["original"]


def test_example_corpus_is_the_default_and_covers_every_format() -> None:
    code, report = _json_run("--include-text")
    assert code == 0, report["errors"]
    assert report["schema"] == "isnad.analysis/1"
    docs = report["documents"]
    assert len(docs) >= 8
    assert len({d["article"]["outlet"] for d in docs}) >= 3
    encodings = {d["article"]["encoding"] for d in docs}
    assert any(e and "1256" in e for e in encodings), encodings
    for doc in docs:
        _assert_spans_index_the_text(doc)
    kinds = {r["kind"] for d in docs for r in d["repairs"]}
    assert {"glued_words", "percent_encoded", "boilerplate"} <= kinds


def test_seeds_acceptance(seeds_dir: Path) -> None:
    code, report = _json_run(str(seeds_dir), "--include-text")
    assert code == 0
    by_name = {Path(d["article"]["source"]).name[:3]: d for d in report["documents"]}
    d000, d003 = by_name["000"], by_name["003"]
    glued = {(r["original"], r["replacement"]) for r in d003["repairs"] if r["kind"] == "glued_words"}
    assert ("الولاياتالمتحدة", "الولايات المتحدة") in glued
    assert ("العراقوسوريا", "العراق وسوريا") in glued
    kinds000 = {(r["kind"], r["original"].strip()) for r in d000["repairs"]}
    assert ("boilerplate", "Nobles News") in kinds000
    assert any(k == "percent_encoded" for k, _ in kinds000)
    people = [(n["value"], n.get("unit")) for n in d000["numbers"] + d003["numbers"]]
    assert (1_200_000, "شخص") in people and (1_500_000, "شخص") in people
    dates000 = {d["text"] for d in d000["dates"]}
    assert any(t.startswith("17 أكتوبر") for t in dates000)
    assert any("يونيو/ حزيران من عام 2014" in t for t in dates000)
    assert {"الثلاثاء", "الأربعاء"} <= {d["text"] for d in d000["dates"] if d["label"] == "weekday"}
    assert "الخميس" in {d["text"] for d in d003["dates"] if d["label"] == "weekday"}
    for doc in (d000, d003):
        _assert_spans_index_the_text(doc)


def test_bad_inputs_are_reported_and_good_ones_still_analysed(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("أعلنت البلدية أمس افتتاح 3 مدارس جديدة في الحي الشرقي.", "utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "lines.jsonl").write_text(
        '{"title": "خبر", "content": "افتتح المعرض في 5 أيار."}\n{broken\n', "utf-8"
    )
    code, report = _json_run(str(tmp_path), str(tmp_path / "missing.txt"))
    assert code == 1
    codes = {e["code"] for e in report["errors"]}
    assert {"ISN100", "ISN102", "ISN103", "ISN105"} <= codes
    assert all(e["advice"] for e in report["errors"])
    assert len(report["documents"]) == 2
    bad_line = next(e for e in report["errors"] if e["code"] == "ISN105")
    assert bad_line["input"].endswith("lines.jsonl:2")


def test_text_format_names_rejected_inputs_and_exits_non_zero(tmp_path: Path) -> None:
    result = runner.invoke(app, ["analyze", str(tmp_path / "nothing-here.txt")])
    assert result.exit_code == 1
    assert "ISN100" in result.output and "nothing-here.txt" in result.output


def test_bad_published_option_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("نص قصير عن حدث ما.", "utf-8")
    result = runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), "--published", "yesterday"])
    assert result.exit_code == 2


def test_console_script_runs_in_a_subprocess(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    exe = Path(sys.executable).with_name("isnad")
    proc = subprocess.run(
        [str(exe), "analyze", "--format", "json", "--out", str(out)],
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(out.read_text("utf-8"))["summary"]["articles"] >= 8


def test_json_field_names_are_configurable(tmp_path: Path) -> None:
    record = {
        "headline": "افتتاح جسر",
        "story": "افتتحت البلدية جسرا طوله 120 مترا.",
        "paper": "صحيفة الغد",
        "when": "2024-05-02T08:00:00",
        "link": "https://example.org/a",
    }
    path = tmp_path / "custom.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    code, report = _json_run(
        str(path),
        "--body-field",
        "story",
        "--title-field",
        "headline",
        "--outlet-field",
        "paper",
        "--date-field",
        "when",
        "--url-field",
        "link",
    )
    assert code == 0
    article = report["documents"][0]["article"]
    assert (article["title"], article["outlet"], article["url"]) == (
        "افتتاح جسر",
        "صحيفة الغد",
        record["link"],
    )
    assert article["published"].startswith("2024-05-02")
    assert report["documents"][0]["numbers"][0]["value"] == 120


def test_a_failing_stage_is_reported_and_other_articles_still_analysed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import isnad.pipeline as pipeline

    real = pipeline.find_numbers

    def fragile(view: Any) -> Any:
        if "قنبلة" in view.original:
            raise RuntimeError("numbers stage broke")
        return real(view)

    monkeypatch.setattr(pipeline, "find_numbers", fragile)
    (tmp_path / "a.txt").write_text("عثر على قنبلة قديمة قرب الجسر.", "utf-8")
    (tmp_path / "b.txt").write_text("افتتحت البلدية 3 مدارس جديدة.", "utf-8")
    code, report = _json_run(str(tmp_path))
    assert code == 1
    assert [e["code"] for e in report["errors"]] == ["ISN200"]
    assert report["errors"][0]["input"].endswith("a.txt")
    assert [d["article"]["source"][-5:] for d in report["documents"]] == ["b.txt"]
