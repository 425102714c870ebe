"""Acceptance on the two seed articles: al-Baghdadi's quotes through Reuters, the BBC and Amnesty."""

from __future__ import annotations

from pathlib import Path

import pytest

from isnad.extract.quotes import find_quotes
from isnad.model import Article, Span
from isnad.pipeline import prepare, segment


def _seed(seeds_dir: Path, prefix: str) -> tuple[str, list[Span]]:
    paths = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
    if not paths:
        pytest.skip(f"seed {prefix} not found")
    text = paths[0].read_text(encoding="utf-8")
    doc = segment(prepare(Article.create(text, paths[0].name, outlet="seed-outlet")))
    found = find_quotes(doc)
    for q in found:
        assert text[q.start : q.end] == q.text
        for link in q.attributes["chain"]:
            if link["start"] is not None:
                assert text[link["start"] : link["end"]] == link["text"]
    return text, found


def test_baghdadi_quotes_share_one_key_and_one_goes_through_reuters(seeds_dir: Path) -> None:
    _, found = _seed(seeds_dir, "003")
    keys = [q.attributes["speaker"]["key"] for q in found]
    named = {q.attributes["speaker"]["key"] for q in found if q.attributes["speaker"]["text"] == "البغدادي"}
    assert len(named) == 1
    key = named.pop()
    assert key is not None
    assert keys.count(key) >= 5
    chains = [[(link["role"], link["text"]) for link in q.attributes["chain"]] for q in found]
    through = [
        c
        for q, c in zip(found, chains, strict=True)
        if q.attributes["speaker"]["key"] == key
        and any(role == "agency" and "رويترز" in text for role, text in c)
        and any(role == "channel" and "تسجيل" in text and "أنصاره" in text for role, text in c)
    ]
    assert through
    assert through[0][0] == ("outlet", "seed-outlet")
    assert [role for role, _ in through[0]] == ["outlet", "agency", "channel", "speaker"]


def test_spokesman_to_bbc_and_amnesty_statements(seeds_dir: Path) -> None:
    _, found = _seed(seeds_dir, "000")
    by_speaker: dict[str, list[Span]] = {}
    for q in found:
        by_speaker.setdefault(q.attributes["speaker"]["text"] or "", []).append(q)
    nouman = by_speaker["صباح النعمان"]
    assert len(nouman) == 1
    assert nouman[0].attributes["addressee"]["text"] == "بي بي سي"
    assert nouman[0].attributes["speaker"]["title"]["text"] == "المتحدث باسم قوات مكافحة الإرهاب"
    amnesty = by_speaker["منظمة العفو الدولية"]
    assert len(amnesty) == 2
    assert {q.attributes["speaker"]["kind"] for q in amnesty} == {"organisation"}
    assert len({q.attributes["speaker"]["key"] for q in amnesty}) == 1
