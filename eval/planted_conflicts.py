"""Planted-conflict eval of `compare_documents` on real pairs of SaudiNewsNet articles by different outlets.

    .venv/bin/python eval/planted_conflicts.py [--pairs 200] [--seed 0] [--limit N] [--show K]

1. Mining (no tuned names): articles crawled on the same or the next day by two different outlets whose
   topic signatures (`isnad.extract.topic`) overlap and which share rare terms (names, places: terms in
   few documents of the corpus) and digit numbers, but which are NOT near-copies: pairs whose word
   8-gram shingles overlap more than `COPY_CONTAINMENT` are dropped, and so are pairs that name different
   weekdays as "today" (اليوم الاثنين / اليوم الثلاثاء: a daily report and the next day's, not one
   event). Each article is used in at most one pair (best first); a seeded sample of `--pairs` pairs is
   kept (a fresh seed gives a fresh set).
2. Unmodified pairs: analyze both, compare. Every conflict there counts as false (a sample is printed,
   since some may be real disagreements between outlets).
3. Planting: for each "corroborated" quantity/date group (the same figure in both articles), the figure
   is changed in ONE article (a number x1.5 or x0.6, same digit script and separators; a day of month
   moved by 3-10; a weekday replaced), that article is re-analysed and the pair compared again. An edit
   is RECALLED when a reported conflict involves a claim of the edited article whose span covers the
   edit ("update" groups are counted apart). Strict precision = conflicts involving the edit / all
   conflicts reported on the planted pair; planted-only precision ignores conflicts already reported on
   the unmodified pair (they are not caused by the plant and are counted under false conflicts per
   unmodified pair). Compatible edits (hedge "نحو" before a number, digits rewritten in the other
   script) must not produce a conflict on the edited claim. Each pair draws its edits from its own
   generator (seed and pair), so two versions of isnad are scored on the same edits.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import time
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import chain
from pathlib import Path
from typing import Any

from isnad.compare import compare_documents
from isnad.model import Article, Document
from isnad.pipeline import analyze
from isnad.text.normalize import ARABIC_LETTERS, fold

ROOT = Path(__file__).resolve().parents[1]
DATASET = ROOT.parent / "shared" / "datasets" / "saudinewsnet" / "dataset"

MIN_OVERLAP = 0.3  # idf-weighted cosine of the two articles' words
MIN_TITLE_OVERLAP = 0.3  # the same for the titles (same-topic, different-event pairs share few title words)
MIN_RARE_SHARED = 3  # rare terms (names, places) both articles mention
RARE_DF = 0.003  # a term in at most this share of the corpus counts as rare (entity-ish)
COPY_CONTAINMENT = 0.15  # share of the shorter article's 8-gram shingles also in the other: a copy
COMMON_DF = 0.05  # words in more articles than this are left out of the overlap
SHINGLE = 8
MAX_POSTINGS = 60  # rare terms shared by more articles of a day window say little about one story

_WORD = re.compile(f"[{ARABIC_LETTERS}]{{2,}}")
_DIGITS = re.compile(r"\d[\d,.]*\d|\d")


@dataclass(frozen=True, slots=True)
class Record:
    """One SaudiNewsNet article with the metadata the eval needs."""

    index: int
    outlet: str
    url: str
    day: date
    crawled: datetime
    title: str
    text: str


@dataclass(slots=True)
class Profile:
    """What mining compares: signature terms, digit numbers and 8-gram shingle hashes."""

    terms: frozenset[str]
    numbers: frozenset[str]
    shingles: frozenset[int] = field(default_factory=frozenset)


def read_records(path: Path = DATASET, limit: int | None = None) -> list[Record]:
    """Articles of every zip / JSON array under `path`, in file order, with their outlet and crawl time."""
    files = sorted(path.glob("*.zip")) + sorted(path.glob("*.json")) if path.is_dir() else [path]
    out: list[Record] = []
    for file in files:
        for raw in _json_arrays(file):
            for item in raw:
                rec = _record(item, len(out))
                if rec is not None:
                    out.append(rec)
                if limit is not None and len(out) >= limit:
                    return out
    return out


def _json_arrays(file: Path) -> Iterator[list[Any]]:
    if file.suffix == ".zip":
        with zipfile.ZipFile(file) as zf:
            for name in sorted(zf.namelist()):
                yield json.loads(zf.read(name).decode("utf-8"))
    else:
        yield json.loads(file.read_text(encoding="utf-8"))


def _record(item: Any, index: int) -> Record | None:
    if not isinstance(item, dict):
        return None
    text, outlet, when = item.get("content"), item.get("source"), item.get("date_extracted")
    if not (isinstance(text, str) and text.strip() and isinstance(outlet, str) and isinstance(when, str)):
        return None
    try:
        crawled = datetime.fromisoformat(when)
    except ValueError:
        return None
    raw_title = item.get("title")
    title = raw_title if isinstance(raw_title, str) else ""
    return Record(index, outlet, str(item.get("url") or ""), crawled.date(), crawled, title, text)


def profile(text: str) -> Profile:
    """Distinct folded words and digit numbers of one article (shingles are added only for candidates).

    Mining uses whole folded words, not stemmed signature terms: stemming 30k articles' vocabulary cost
    a minute, and words shared by two outlets on one story are shared in the same spelling often enough.
    """
    folded = fold(text)
    terms = frozenset(_WORD.findall(folded))
    numbers = frozenset(n.replace(",", "") for n in _DIGITS.findall(folded) if len(n) >= 2)
    return Profile(terms, numbers)


def shingles(text: str, n: int = SHINGLE) -> frozenset[int]:
    """Hashes of the word n-grams of the folded text (punctuation ignored)."""
    words = _WORD.findall(fold(text))
    return frozenset(hash(tuple(words[i : i + n])) for i in range(max(0, len(words) - n + 1)))


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """Share of the smaller shingle set found in the other (1.0 = one article contains the other)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap (0 when either is empty)."""
    return len(a & b) / len(a | b) if a and b else 0.0


@dataclass(frozen=True, slots=True)
class Pair:
    """Two articles by different outlets on the same story, with the evidence that made them a pair."""

    a: int
    b: int
    overlap: float  # idf-weighted cosine of the two articles' words
    title_overlap: float  # the same for their titles
    rare_shared: int
    numbers_shared: int
    copy: float


class _Weights:
    """Inverse document frequencies of the corpus words, and each word set's idf norm."""

    def __init__(self, df: Counter[str], n: int) -> None:
        self.idf2 = {w: math.log(n / k) ** 2 for w, k in df.items()}
        self.top = math.log(max(n, 2)) ** 2
        self.norms: dict[object, float] = {}

    def cosine(self, a: frozenset[str], b: frozenset[str], keys: tuple[object, object]) -> float:
        """Cosine of two binary word vectors weighted by idf; `keys` name the sets so norms are cached."""
        if not a or not b:
            return 0.0
        top, w = self.top, self.idf2.get
        shared = sum(w(t, top) for t in a & b)
        return shared / math.sqrt(self._norm2(a, keys[0]) * self._norm2(b, keys[1]))

    def _norm2(self, words: frozenset[str], key: object) -> float:
        n = self.norms.get(key)
        if n is None:
            top, w = self.top, self.idf2.get
            n = self.norms[key] = sum(w(t, top) for t in words)
        return n


def mine_pairs(records: Sequence[Record], distinct: bool = True) -> tuple[list[Pair], dict[str, int]]:
    """Same-story, different-outlet, non-copy pairs; each article in at most one pair (best first), or
    in every pair it makes with `distinct=False` (more rows for fitting, less independent ones)."""
    profiles = [profile(r.text) for r in records]
    df = Counter(chain.from_iterable(p.terms for p in profiles))
    rare_max = max(2, int(RARE_DF * len(records)))
    rare = [frozenset(t for t in p.terms if 2 <= df[t] <= rare_max) for p in profiles]
    common = {t for t, n in df.items() if n > COMMON_DF * len(records)}
    for p in profiles:  # function words and newsroom boilerplate would make every pair look alike
        p.terms = p.terms - common
    weights = _Weights(df, len(records))
    stats: Counter[str] = Counter()
    found: list[Pair] = []
    for i, j in _candidates(records, rare):
        stats["candidates"] += 1
        pair = _judge(records, profiles, rare, weights, (i, j), stats)
        if pair is not None:
            found.append(pair)
    found.sort(key=lambda p: (-(p.overlap + p.title_overlap), p.a, p.b))
    used: set[int] = set()
    pairs: list[Pair] = []
    for pair in found:
        if not distinct or (pair.a not in used and pair.b not in used):
            used.update((pair.a, pair.b))
            pairs.append(pair)
    stats["accepted"] = len(found)
    stats["pairs"] = len(pairs)
    return pairs, dict(stats)


def _candidates(records: Sequence[Record], rare: Sequence[frozenset[str]]) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) crawled at most one day apart, by different outlets, sharing rare terms."""
    by_day: dict[date, list[int]] = defaultdict(list)
    for r in records:
        by_day[r.day].append(r.index)
    for day in sorted(by_day):
        later = by_day.get(date.fromordinal(day.toordinal() + 1), [])
        postings: dict[str, list[int]] = defaultdict(list)
        for i in by_day[day] + later:
            for t in rare[i]:
                postings[t].append(i)
        for i in by_day[day]:
            # Counter.update over lists counts in C; a Python pair loop over postings took a minute.
            shared: Counter[int] = Counter()
            for t in rare[i]:
                ids = postings[t]
                if len(ids) <= MAX_POSTINGS:
                    shared.update(ids)
            outlet = records[i].outlet
            for j, n in shared.items():
                # Same-day pairs once (i < j); next-day articles only from the earlier day.
                if n >= MIN_RARE_SHARED and (j > i or records[j].day != day) and records[j].outlet != outlet:
                    yield (i, j) if i < j else (j, i)


def _judge(
    records: Sequence[Record], profiles: list[Profile], rare: Sequence[frozenset[str]], weights: _Weights,
    ij: tuple[int, int], stats: Counter[str],
) -> Pair | None:  # fmt: skip
    i, j = ij
    pa, pb = profiles[i], profiles[j]
    ov = weights.cosine(pa.terms, pb.terms, ij)
    if ov < MIN_OVERLAP:
        stats["low_overlap"] += 1
        return None
    titles = [_title_words(records[k]) for k in ij]
    title_ov = weights.cosine(titles[0], titles[1], (("title", i), ("title", j)))
    if title_ov < MIN_TITLE_OVERLAP and all(titles):
        stats["titles_differ"] += 1
        return None
    days = [_today(records[k].text) for k in ij]
    if None not in days and days[0] != days[1]:
        stats["different_days"] += 1  # "اليوم الاثنين" / "اليوم الثلاثاء": two days' reports, not one event
        return None
    for p, k in ((pa, i), (pb, j)):
        if not p.shingles:
            p.shingles = shingles(records[k].text)
    copy = containment(pa.shingles, pb.shingles)
    if copy >= COPY_CONTAINMENT:
        stats["near_copies"] += 1
        return None
    return Pair(i, j, ov, title_ov, len(rare[i] & rare[j]), len(pa.numbers & pb.numbers), copy)


_TODAY = re.compile(r"اليوم\s*\(?\s*(?:ال)?(اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت|احد)")


def _today(text: str) -> str | None:
    """The weekday an article names as "today", when it names exactly one."""
    days = set(_TODAY.findall(fold(text)))
    return days.pop() if len(days) == 1 else None


_TITLES: dict[int, frozenset[str]] = {}


def _title_words(rec: Record) -> frozenset[str]:
    words = _TITLES.get(rec.index)
    if words is None:
        words = _TITLES[rec.index] = frozenset(_WORD.findall(fold(rec.title)))
    return words


TUNE_DAYS = (date(2015, 7, 21), date(2015, 7, 27))  # fitted on: the glue model and the same-fact judge


def tune_day(day: date) -> bool:
    """Whether a pair's day is one the shipped models were fitted on (not for scoring them)."""
    return TUNE_DAYS[0] <= day <= TUNE_DAYS[1]


def sample_pairs(pairs: Sequence[Pair], n: int, seed: int) -> list[Pair]:
    """A deterministic sample of `n` pairs (all when fewer), in mined order."""
    if n >= len(pairs):
        return list(pairs)
    keep = set(random.Random(seed).sample(range(len(pairs)), n))
    return [p for k, p in enumerate(pairs) if k in keep]


# --- planting -------------------------------------------------------------------------------------------

_EASTERN = "٠١٢٣٤٥٦٧٨٩"
_PERSIAN = "۰۱۲۳۴۵۶۷۸۹"
_TO_WESTERN = str.maketrans(_EASTERN + _PERSIAN + "٫٬", "0123456789" * 2 + ".,")
_D = "0-9٠-٩۰-۹"
# A letter glued after the digits ("04ر1689", an agency's reversed decimal) is not a figure we can edit.
_NUMBER_TEXT = re.compile(f"(?<![{_D}])[{_D}]+(?:[,.٫٬][{_D}]+)*(?![{_D}{ARABIC_LETTERS}])")
_DAY_TEXT = re.compile(f"(?<![{_D}:])[{_D}]{{1,2}}(?![{_D}:])")
_WEEKDAYS = ("الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت")
_WEEKDAY_FORMS = {
    fold(f): i
    for i, w in enumerate(_WEEKDAYS)
    for f in {w, w[2:], w.replace("الا", "الإ"), w.replace("أ", "ا")}
}
_WEEKDAY_TEXT = re.compile(
    "(?<!["
    + ARABIC_LETTERS
    + "])(ال)?(أحد|احد|اثنين|إثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة|جمعه|سبت)(?!["
    + ARABIC_LETTERS
    + "])"
)
_SCALES = (1, 1_000, 1_000_000, 1_000_000_000)


@dataclass(frozen=True, slots=True)
class Edit:
    """One planted change: replace text[start:end] (`old`) by `new`; `conflicting` says what we expect."""

    start: int
    end: int
    old: str
    new: str
    kind: str  # number, day, weekday (conflicting); hedge, script (compatible)
    conflicting: bool

    def apply(self, text: str) -> str:
        """The edited copy of `text`."""
        return text[: self.start] + self.new + text[self.end :]

    @property
    def new_span(self) -> tuple[int, int]:
        """Where the new text sits in the edited copy."""
        return self.start, self.start + len(self.new)

    def to_original(self, pos: int) -> int:
        """An edited-copy offset mapped back to the unedited text (inside the edit: its start)."""
        if pos <= self.start:
            return pos
        if pos >= self.start + len(self.new):
            return pos - len(self.new) + len(self.old)
        return self.start


def parse_digits(raw: str) -> tuple[float, int, str | None, str] | None:
    """Value, decimals, grouping separator and digit script ("w", "e", "p") of a written digit number."""
    script = "e" if any(c in _EASTERN for c in raw) else "p" if any(c in _PERSIAN for c in raw) else "w"
    text = raw.translate(_TO_WESTERN)
    raw_seps = [c for c in raw if c in ",.٫٬"]
    if not raw_seps:
        return float(text), 0, None, script
    parts = re.split(r"[,.]", text)
    groups = all(len(p) == 3 for p in parts[1:])
    if len(set(raw_seps)) == 1 and groups and (len(parts) > 2 or raw_seps[0] in ",٬"):
        return float("".join(parts)), 0, raw_seps[0], script
    if len(raw_seps) == 1 and raw_seps[0] in ".٫":
        return float(text), len(parts[1]), None, script
    return None  # "1,5" or mixed separators: ambiguous, not planted


def format_digits(value: float, decimals: int, group: str | None, script: str) -> str:
    """`value` written like the original: same decimals, grouping separator and digit script."""
    text = f"{value:,.{decimals}f}" if group else f"{value:.{decimals}f}"
    if group:
        text = text.replace(",", group)
    if script == "w":
        return text
    digits = _EASTERN if script == "e" else _PERSIAN
    return text.translate(str.maketrans("0123456789.", digits + "٫"))


def _number_in(
    text: str, claim: dict[str, Any]
) -> tuple[re.Match[str], tuple[float, int, str | None, str]] | None:
    """The digit run of a quantity claim's evidence that carries its value (x1, thousand, million, …)."""
    ev = claim.get("evidence")
    value = claim.get("value")
    if not ev or not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
        return None
    # No endpos: the lookahead must see what follows the evidence ("04ر1689" is not the figure 04).
    for m in _NUMBER_TEXT.finditer(text, ev["start"]):
        if m.end() > ev["end"]:
            break
        parsed = parse_digits(m.group())
        if parsed is not None and parsed[0] > 0 and any(math.isclose(parsed[0] * s, value) for s in _SCALES):
            return m, parsed
    return None


def number_edit(text: str, claim: dict[str, Any], factor: float) -> Edit | None:
    """The claim's figure multiplied by `factor`, written in the same script and format."""
    found = _number_in(text, claim)
    if found is None:
        return None
    m, (value, decimals, group, script) = found
    new = round(value * factor, decimals)
    if new == value or new <= 0:
        new = round(value * 1.5 + 10**-decimals, decimals)
    return Edit(m.start(), m.end(), m.group(), format_digits(new, decimals, group, script), "number", True)


def day_edit(text: str, claim: dict[str, Any], shift: int) -> Edit | None:
    """The claim's day of month moved by `shift` days (kept within 1-28), same digit script."""
    ev = claim.get("evidence")
    value = claim.get("value")
    if not ev or not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return None
    day = int(value[-2:])
    for m in _DAY_TEXT.finditer(text, ev["start"], ev["end"]):
        if int(m.group().translate(_TO_WESTERN)) == day:
            new_day = day + shift if day + shift <= 28 else day - shift
            new_day = min(28, max(1, new_day))
            script = "e" if m.group()[0] in _EASTERN else "p" if m.group()[0] in _PERSIAN else "w"
            return Edit(m.start(), m.end(), m.group(), format_digits(new_day, 0, None, script), "day", True)
    return None


def weekday_edit(text: str, claim: dict[str, Any], shift: int) -> Edit | None:
    """The claim's weekday name replaced by the one `shift` days later (the article prefix kept)."""
    ev = claim.get("evidence")
    if not ev:
        return None
    m = _WEEKDAY_TEXT.search(text, ev["start"], ev["end"])
    if m is None:
        return None
    index = _WEEKDAY_FORMS.get(fold("ال" + m.group(2)))
    if index is None:
        return None
    name = _WEEKDAYS[(index + shift) % 7]
    new = name if m.group(1) else name[2:]
    return Edit(m.start(), m.end(), m.group(), new, "weekday", True)


def compatible_edit(text: str, claim: dict[str, Any], rng: random.Random) -> Edit | None:
    """A change that keeps the claim's value: "نحو" before an unhedged figure, or the other digit script."""
    m = _NUMBER_TEXT.search(text, claim["evidence"]["start"]) if claim.get("evidence") else None
    if m is None or m.end() > claim["evidence"]["end"]:
        return None
    before = text[m.start() - 1] if m.start() > 0 else " "
    if claim.get("kind") == "quantity" and not claim.get("hedge") and before.isspace() and rng.random() < 0.5:
        return Edit(m.start(), m.start(), "", "نحو ", "hedge", False)
    raw = m.group()
    western = raw.translate(_TO_WESTERN)
    new = western.translate(str.maketrans("0123456789.,", _EASTERN + "٫٬")) if western == raw else western
    return Edit(m.start(), m.end(), raw, new, "script", False)


_LOWER = ("more_than", "at_least")  # "أكثر من X": any figure above X agrees with it
_UPPER = ("less_than", "at_most")


def conflict_factor(claim: dict[str, Any], partner: dict[str, Any], rng: random.Random) -> float | None:
    """x1.5 or x0.6, whichever makes the edited figure logically incompatible with the partner's: raising
    "أكثر من 60" to "أكثر من 90" still agrees with "أكثر من 60"; None when neither change contradicts."""
    mine, theirs = claim.get("hedge"), partner.get("hedge")
    up = mine in _LOWER or theirs in _UPPER
    down = mine in _UPPER or theirs in _LOWER
    if up and down:
        return None
    factor = 1.5 if up else 0.6 if down else rng.choice((1.5, 0.6))
    # A bound must also pass the other figure: "12 على الأقل" raised to "18 على الأقل" still fits 31.
    v, p = claim.get("value"), partner.get("value")
    if (up or down) and isinstance(v, int | float) and isinstance(p, int | float):
        new = v * factor
        if (up and new <= p) or (down and new >= p):
            return None
    return factor


def conflicting_edit(
    text: str, claim: dict[str, Any], rng: random.Random, partner: dict[str, Any] | None = None
) -> Edit | None:
    """A change that contradicts the claim's figure (number, day of month or weekday), or None."""
    kind = claim.get("kind")
    if kind == "quantity":
        factor = conflict_factor(claim, partner or {}, rng)
        return number_edit(text, claim, factor) if factor is not None else None
    if kind in ("date", "weekday"):
        edit = day_edit(text, claim, rng.randint(3, 10)) if kind == "date" else None
        return edit or weekday_edit(text, claim, rng.randint(2, 4))
    return None


# --- running the comparison -----------------------------------------------------------------------------

PLANTABLE = ("quantity", "date", "weekday")


@dataclass(slots=True)
class Trial:
    """One planted edit on one pair and what the comparison made of it."""

    pair: int
    side: int  # which article of the pair was edited (0 or 1)
    edit: Edit
    claim: dict[str, Any]  # the edited claim, as in the unmodified comparison
    partner: dict[str, Any]  # the other article's claim of its corroborated group
    conflicts: int = 0  # all conflicts on the edited pair
    involved: int = 0  # of which involve the edited claim
    new: int = 0  # of which were not already reported on the unmodified pair
    new_involved: int = 0
    updated: bool = False  # the edited claim landed in an "update" group instead
    status: str = "?"  # status of the edited claim's group after the edit
    grouped: bool = False  # the comparison split the pair into two stories
    repeated: bool = False  # the unedited figure still occurs elsewhere in the edited article
    found: list[dict[str, Any]] = field(default_factory=list)  # conflicts (with claims) not involving it


@dataclass(slots=True)
class PairRun:
    """Everything learnt from one pair: its baseline conflicts and its trials."""

    pair: int
    baseline: list[dict[str, Any]]
    corroborated: int
    grouped: bool
    trials: list[Trial]
    seconds: float


def to_article(rec: Record, text: str | None = None) -> Article:
    """The record as an isnad Article (crawl time as publication time: SaudiNewsNet has nothing better)."""
    return Article.create(
        rec.text if text is None else text,
        source=rec.url or f"saudinewsnet:{rec.index}",
        outlet=rec.outlet,
        title=rec.title or None,
        url=rec.url or None,
        published=rec.crawled,
    )


def conflicts_with_claims(result: dict[str, Any], ids: Sequence[str]) -> list[dict[str, Any]]:
    """The conflicts of a comparison, each claim id resolved to its claim plus the pair side (0/1)."""
    claims = {c["id"]: c for c in result["claims"]}
    out = []
    for conflict in result["conflicts"]:
        resolved = [{**claims[c], "side": ids.index(claims[c]["article"])} for c in conflict["claims"]]
        out.append({**conflict, "resolved": resolved})
    return out


def covers(claim: dict[str, Any], side: int, edit: Edit) -> bool:
    """Whether a claim of the edited article is about the planted text: its clause spans the edit and its
    figure touches it (a clause holds several figures; a conflict over another one is not the plant's)."""
    a, b = edit.new_span
    inside = claim["side"] == side and claim["start"] <= a and b <= claim["end"]
    return bool(inside) and _evidence_touches(claim, edit)


def _key(
    conflict: dict[str, Any], edit: Edit | None = None, side: int = -1
) -> frozenset[tuple[int, int, int]]:
    """A conflict's identity in unedited coordinates, so baseline and edited runs can be matched."""
    out = set()
    for c in conflict["resolved"]:
        a, b = c["start"], c["end"]
        if edit is not None and c["side"] == side:
            a, b = edit.to_original(a), edit.to_original(b)
        out.add((c["side"], a, b))
    return frozenset(out)


def plant_candidates(
    result: dict[str, Any], ids: Sequence[str]
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(claim of article 0, claim of article 1) for each corroborated quantity/date group of the pair."""
    claims = {c["id"]: c for c in result["claims"]}
    out = []
    for group in result["groups"]:
        if group["status"] != "corroborated" or group["kind"] not in PLANTABLE:
            continue
        by_side: dict[int, dict[str, Any]] = {}
        for cid in group["claims"]:
            c = claims[cid]
            by_side.setdefault(ids.index(c["article"]), {**c, "side": ids.index(c["article"])})
        if len(by_side) == 2:
            out.append((by_side[0], by_side[1]))
    return out


def plant_rng(seed: int, pair: Pair) -> random.Random:
    """The generator of one pair's edits. One per pair: a change to isnad that alters one pair's plantable
    claims must not re-draw the plants of every pair after it, or two versions would be scored on
    different edits."""
    return random.Random(f"{seed}/{pair.a}/{pair.b}")


def run_pair(k: int, pair: Pair, records: Sequence[Record], rng: random.Random, plants: int) -> PairRun:
    """Compare the pair as published, then once per planted edit (conflicting ones, then one compatible)."""
    started = time.perf_counter()
    recs = (records[pair.a], records[pair.b])
    docs = [analyze(to_article(r)) for r in recs]
    ids = [d.article.id for d in docs]
    base = compare_documents(docs)
    baseline = conflicts_with_claims(base, ids)
    known = {_key(c) for c in baseline}
    candidates = plant_candidates(base, ids)
    rng.shuffle(candidates)
    trials: list[Trial] = []
    for claims in candidates:
        side = rng.randrange(2)
        edit = conflicting_edit(recs[side].text, claims[side], rng, claims[1 - side])
        if edit is not None and len(trials) < plants:
            trials.append(_trial(k, recs, docs, side, edit, claims, known))
    for claims in candidates:
        side = rng.randrange(2)
        edit = compatible_edit(recs[side].text, claims[side], rng)
        if edit is not None:
            trials.append(_trial(k, recs, docs, side, edit, claims, known))
            break
    return PairRun(k, baseline, len(candidates), bool(base["grouped"]), trials, time.perf_counter() - started)


def _trial(
    k: int, recs: Sequence[Record], docs: Sequence[Document], side: int, edit: Edit,
    claims: tuple[dict[str, Any], dict[str, Any]], known: set[frozenset[tuple[int, int, int]]],
) -> Trial:  # fmt: skip
    text = edit.apply(recs[side].text)
    edited = list(docs)
    edited[side] = analyze(to_article(recs[side], text))
    ids = [d.article.id for d in edited]
    result = compare_documents(edited)
    trial = Trial(k, side, edit, claims[side], claims[1 - side], grouped=bool(result["grouped"]))
    trial.repeated = bool(edit.old) and edit.kind != "script" and _figure_elsewhere(text, edit)
    for conflict in conflicts_with_claims(result, ids):
        involved = any(covers(c, side, edit) for c in conflict["resolved"])
        new = _key(conflict, edit, side) not in known
        trial.conflicts += 1
        trial.involved += involved
        trial.new += new
        trial.new_involved += new and involved
        if not involved:
            trial.found.append(conflict)
    for claim in result["claims"]:
        claim["side"] = ids.index(claim["article"])
        if covers(claim, side, edit):
            trial.status = claim["status"]
            trial.updated = claim["status"] == "update"
    return trial


def _figure_elsewhere(text: str, edit: Edit) -> bool:
    """Whether the replaced figure is still written elsewhere in the edited article (as a whole token)."""
    pattern = re.compile(f"(?<![{_D}]){re.escape(edit.old)}(?![{_D}])")
    return pattern.search(text) is not None


def _evidence_touches(claim: dict[str, Any], edit: Edit) -> bool:
    ev = claim.get("evidence")
    a, b = edit.new_span
    return ev is not None and bool(ev["start"] <= b and a <= ev["end"])


# --- report ---------------------------------------------------------------------------------------------


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.3f} ({a:g}/{b:g})" if b else "n/a (0)"


def miss_cause(t: Trial) -> str:
    """Why a planted edit was not reported, as far as the output tells."""
    if t.grouped:
        return "pair split into two stories"
    if t.updated:
        return "reported as an update"
    if t.status == "?":
        return "no claim found on the edited figure"
    if t.repeated:
        return f"edited claim {t.status}; old figure still elsewhere in the article"
    return f"edited claim {t.status}"


def summary(runs: Sequence[PairRun], mined: dict[str, int], seconds: dict[str, float]) -> list[str]:
    """The figures the issue asks for, one per line."""
    plants = [t for r in runs for t in r.trials if t.edit.conflicting]
    compat = [t for r in runs for t in r.trials if not t.edit.conflicting]
    recalled = [t for t in plants if t.involved]
    base_conflicts = sum(len(r.baseline) for r in runs)
    lines = [
        f"mining: {mined}",
        f"pairs used: {len(runs)}; split into two stories by compare: {sum(r.grouped for r in runs)}; "
        f"no corroborated quantity/date to plant on: {sum(r.corroborated == 0 for r in runs)}",
        f"planted conflicting edits: {len(plants)} {dict(Counter(t.edit.kind for t in plants))}",
        f"RECALL: {_ratio(len(recalled), len(plants))}; counting updates too: "
        f"{_ratio(len([t for t in plants if t.involved or t.updated]), len(plants))}",
        "  recall by kind: "
        + ", ".join(
            f"{k} {_ratio(sum(1 for t in plants if t.edit.kind == k and t.involved), n)}"
            for k, n in sorted(Counter(t.edit.kind for t in plants).items())
        ),
        "PRECISION strict (all conflicts on planted pairs): "
        + _ratio(sum(t.involved for t in plants), sum(t.conflicts for t in plants)),
        f"PRECISION planted-only (conflicts not already on the unmodified pair): "
        f"{_ratio(sum(t.new_involved for t in plants), sum(t.new for t in plants))}",
        f"false conflicts per unmodified pair: {_ratio(base_conflicts, len(runs))}; "
        f"pairs with any: {sum(bool(r.baseline) for r in runs)}",
        f"compatible edits: {len(compat)} {dict(Counter(t.edit.kind for t in compat))}; "
        "false conflicts on the edited claim per edit: "
        + _ratio(sum(t.involved for t in compat), len(compat)),
        "miss causes: " + str(Counter(miss_cause(t) for t in plants if not t.involved).most_common()),
        "runtime: " + ", ".join(f"{k} {v:.1f}s" for k, v in seconds.items()),
    ]
    return lines


def _clip(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _claim_line(c: dict[str, Any]) -> str:
    ev = (c.get("evidence") or {}).get("text", "")
    head = f"[{c.get('kind')}/{c.get('status')}] «{ev}» value={c.get('value')!r} hedge={c.get('hedge')}"
    return f"{head}: {_clip(c['text'])}"


def examples(runs: Sequence[PairRun], records: Sequence[Record], pairs: Sequence[Pair], k: int) -> list[str]:
    """Up to `k` misses, false conflicts on unmodified pairs and on compatible edits, with their texts."""
    out: list[str] = []
    plants = [t for r in runs for t in r.trials if t.edit.conflicting]
    out.append(f"--- misses (first {k})")
    for t in [t for t in plants if not t.involved][:k]:
        out += _trial_lines(t, records, pairs) + [f"    cause: {miss_cause(t)}"]
    out.append(f"--- conflicts on unmodified pairs (first {k}; some may be real disagreements)")
    for r in [r for r in runs if r.baseline][:k]:
        p = pairs[r.pair]
        out.append(f"  pair {r.pair}: {records[p.a].outlet} / {records[p.b].outlet}")
        for c in r.baseline[:2]:
            out.append(f"    {c['kind']}: {c.get('explanation', '')}")
            out += [f"      {c['side']}: {_claim_line(c)}" for c in c["resolved"]]
    out.append(f"--- compatible edits that produced a conflict (first {k})")
    for t in [t for r in runs for t in r.trials if not t.edit.conflicting and t.involved][:k]:
        out += _trial_lines(t, records, pairs)
    out.append(f"--- new conflicts on planted pairs not involving the edit (first {k})")
    for t in [t for t in plants if t.new > t.new_involved][:k]:
        out += _trial_lines(t, records, pairs)
        for c in t.found[:2]:
            out += [f"      other {c['side']}: {_claim_line(c)}" for c in c["resolved"]]
    return out


def _trial_lines(t: Trial, records: Sequence[Record], pairs: Sequence[Pair]) -> list[str]:
    p = pairs[t.pair]
    outlets = (records[p.a].outlet, records[p.b].outlet)
    return [
        f"  pair {t.pair} ({outlets[0]} / {outlets[1]}), edited {outlets[t.side]}: {t.edit.kind} "
        f"«{t.edit.old}» -> «{t.edit.new}»; status after: {t.status}, conflicts {t.conflicts}",
        f"    edited:  {_claim_line(t.claim)}",
        f"    partner: {_claim_line(t.partner)}",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Mine pairs, compare them as published and with planted edits, print the figures."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATASET)
    ap.add_argument("--limit", type=int, default=None, help="read at most this many articles")
    ap.add_argument("--pairs", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0, help="a fresh seed gives a fresh set of pairs and edits")
    ap.add_argument("--plants", type=int, default=3, help="conflicting edits per pair at most")
    ap.add_argument("--show", type=int, default=0, help="print this many examples of each failure")
    ap.add_argument("--json", type=Path, default=None, help="also write every trial here (JSON lines)")
    ap.add_argument(
        "--days", choices=("test", "tune", "all"), default="test",
        help="test: pairs outside the tune days the same-fact judge was fitted on (eval/fit_judge.py)",
    )  # fmt: skip
    args = ap.parse_args(argv)
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    records = read_records(args.data, args.limit)
    pairs, mined = mine_pairs(records)
    seconds["read+mine"] = time.perf_counter() - started
    pool = [p for p in pairs if args.days == "all" or (args.days == "tune") == tune_day(records[p.a].day)]
    chosen = sample_pairs(pool, args.pairs, args.seed)
    print(
        f"{len(records)} articles, {len(pairs)} pairs mined, {len(pool)} of {args.days} days, "
        f"{len(chosen)} sampled (seed {args.seed})"
    )
    runs: list[PairRun] = []
    errors: Counter[str] = Counter()
    for k, pair in enumerate(chosen):
        try:
            runs.append(run_pair(k, pair, records, plant_rng(args.seed, pair), args.plants))
        except Exception as exc:  # one failing pair must not hide the figures of the others
            errors[f"{type(exc).__name__}: {exc}"[:200]] += 1
    seconds["compare"] = sum(r.seconds for r in runs)
    seconds["total"] = time.perf_counter() - started
    if errors:
        print(f"pairs that raised: {sum(errors.values())}: {errors.most_common(3)}")
    lines = summary(runs, mined, seconds)
    if args.show:
        lines += examples(runs, records, chosen, args.show)
    print("\n".join(lines))
    if args.json:
        _dump(args.json, runs, records, chosen)
    return 0


def _dump(path: Path, runs: Sequence[PairRun], records: Sequence[Record], pairs: Sequence[Pair]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for r in runs:
            p = pairs[r.pair]
            row = {
                "pair": r.pair,
                "urls": [records[p.a].url, records[p.b].url],
                "baseline": r.baseline,
                "trials": [
                    {"side": t.side, "edit": vars_of(t.edit), "claim": t.claim, "partner": t.partner,
                     "conflicts": t.conflicts, "involved": t.involved, "status": t.status, "found": t.found}
                    for t in r.trials
                ],
            }  # fmt: skip
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def vars_of(edit: Edit) -> dict[str, Any]:
    """An edit as plain JSON."""
    return {"start": edit.start, "end": edit.end, "old": edit.old, "new": edit.new, "kind": edit.kind}


if __name__ == "__main__":
    sys.exit(main())
