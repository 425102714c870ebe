"""`isnad compare` as a user runs it: the README's main job, the three formats and bad inputs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from isnad.cli import app

runner = CliRunner()


def test_readme_main_job_compares_the_example_corpus_in_a_subprocess() -> None:
    exe = Path(sys.executable).with_name("isnad")  # the console script the README runs
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [str(exe), "compare"], capture_output=True, text=True, env=env, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    report = done.stdout
    assert report.startswith("# isnad comparison")
    assert report.index("## Conflicts") < report.index("## Corroborated")
    assert "1.2 ألف شخص" in report and "2000 نازح" in report


def test_json_and_html_formats(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["compare", "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["schema"] == "isnad.comparison/1" and report["conflicts"]
    page = tmp_path / "report.html"
    result = runner.invoke(app, ["compare", "--format", "html", "--out", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert 'dir="rtl"' in html and "<script" not in html


def test_one_article_is_a_usage_error_naming_what_to_do(tmp_path: Path) -> None:
    lone = tmp_path / "lone.txt"
    lone.write_text("قال المتحدث إن 12 شخصا أصيبوا في الحادث.", encoding="utf-8")
    result = runner.invoke(app, ["compare", str(lone)])
    assert result.exit_code == 2
    assert "ISN900" in result.output and "at least 2" in result.output


def test_a_rejected_input_is_reported_and_the_rest_compared(tmp_path: Path) -> None:
    for name, text in (
        ("a.txt", "أعلن الدفاع المدني أن 12 شخصا قتلوا في انهيار جسر المشاة يوم الأحد."),
        ("b.txt", "قالت مصادر طبية إن 19 شخصا قتلوا في انهيار جسر المشاة يوم الأحد."),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 50)
    out = tmp_path / "r.json"
    result = runner.invoke(app, ["compare", str(tmp_path), "-f", "json", "-o", str(out)])
    assert result.exit_code == 1
    report = json.loads(out.read_text(encoding="utf-8"))
    assert len(report["articles"]) == 2 and report["errors"]
    assert report["errors"][0]["source"].endswith("bad.txt")


def test_json_field_names_work_for_compare_too(tmp_path: Path) -> None:
    rows = [
        {"story": "قال الدفاع المدني إن 12 شخصا قتلوا في انهيار جسر المشاة يوم الأحد.", "paper": "الأولى"},
        {"story": "قالت مصادر طبية إن 19 شخصا قتلوا في انهيار جسر المشاة يوم الأحد.", "paper": "الثانية"},
    ]
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = tmp_path / "r.json"
    fields = ["--body-field", "story", "--outlet-field", "paper"]
    args = ["compare", str(dump), *fields, "-f", "json", "-o", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [a["outlet"] for a in report["articles"]] == ["الأولى", "الثانية"]
