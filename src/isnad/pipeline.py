"""Article -> Document: the text-layer stages, as plain functions composed by name.

The CLI, the benchmark and (later) the web app and Spark job all call `analyze`; each stage is a
`Document -> Document` function so a caller can run a subset (e.g. only cleaning for an eval).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from isnad.errors import IsnadError
from isnad.extract.claims import find_claims
from isnad.extract.entities import entities_of, fuse_speakers
from isnad.extract.quotes import find_quotes
from isnad.model import Article, Document, Span
from isnad.text.clean import clean
from isnad.text.dates import find_dates
from isnad.text.normalize import ARABIC_LETTERS, normalize_view
from isnad.text.numbers import find_numbers
from isnad.text.segment import sentences

Stage = Callable[[Document], Document]

_ARABIC = re.compile(f"[{ARABIC_LETTERS}]")
_NOT_LATIN = bytes(b for b in range(128) if not chr(b).isalpha())
# Dates, clock times and relative expressions own the numbers inside them ("17" in "17 أكتوبر", "سبعة" in
# "قبل سبعة أيام"); durations do not ("31 دقيقة" is both a duration and a counted quantity).
_DATES_OWN_NUMBERS = frozenset({"date", "time", "relative"})


def prepare(article: Article) -> Document:
    """First stage: clean the text (reporting every repair) and build the matching view."""
    cleaned = clean(article.text)
    notes: tuple[str, ...] = ()
    language = article.language or detect_script_language(article.text)
    if language != "ar":
        notes = (f"language '{language}' is not supported: Arabic-specific stages may find little",)
    if language != article.language:
        article = article.with_language(language)
    return Document(
        article=article,
        clean=cleaned.view,
        matching=normalize_view(cleaned.view),
        repairs=cleaned.repairs,
        notes=notes,
    )


def detect_script_language(text: str) -> str:
    """'ar' when Arabic script dominates, 'und' otherwise (a cheap, honest script test, not a model)."""
    sample = text[:4000]
    if not _ARABIC.search(sample):
        return "und"
    # Counting with byte operations: a per-character regex scan cost ~250 µs per article.
    ascii_bytes = sample.encode("ascii", "ignore")
    latin = len(ascii_bytes.translate(None, _NOT_LATIN))
    non_ascii = len(sample) - len(ascii_bytes)
    return "ar" if non_ascii >= latin else "und"


def segment(doc: Document) -> Document:
    """Sentences of the clean view, as spans into the original."""
    return doc.with_sentences(tuple(sentences(doc.clean)))


def numbers(doc: Document) -> Document:
    """Numbers with values, hedges and counted nouns."""
    found = find_numbers(doc.matching)
    dates = [s for s in doc.layer("dates") if s.label in _DATES_OWN_NUMBERS]
    if dates:
        found = [n for n in found if not _inside_any(n, dates)]
    return _with_layer(doc, "numbers", found)


def dates(doc: Document) -> Document:
    """Dates, weekdays, relative expressions and durations, resolved against publication."""
    found = find_dates(doc.matching, doc.article.published)
    doc = _with_layer(doc, "dates", found)
    if "numbers" in doc.annotations:  # re-apply ownership if numbers ran first
        doc = numbers(doc)
    return doc


def entities(doc: Document) -> Document:
    """People, places, organisations and other names, each with a key shared by its mentions."""
    return _with_layer(doc, "entities", entities_of(doc))


def quotes(doc: Document) -> Document:
    """Who said what according to whom: quotes with speaker, stance and attribution chain."""
    if doc.article.language != "ar":
        return _with_layer(doc, "quotes", [])
    doc = _with_layer(doc, "quotes", find_quotes(doc, doc.layer("entities")))
    return fuse_speakers(doc) if "entities" in doc.annotations else doc


def claims(doc: Document) -> Document:
    """Checkable statements: clauses with numbers, dates or events, with their assertion status."""
    return _with_layer(doc, "claims", find_claims(doc))


STAGES: dict[str, Stage] = {
    "segment": segment,
    "dates": dates,
    "numbers": numbers,
    "entities": entities,
    "quotes": quotes,
    "claims": claims,
}
DEFAULT_STAGES: tuple[str, ...] = ("segment", "dates", "numbers", "entities", "quotes", "claims")


def analyze(article: Article, stages: Sequence[str] = DEFAULT_STAGES) -> Document:
    """Run `prepare` then the named stages, in order."""
    unknown = [name for name in stages if name not in STAGES]
    if unknown:
        raise ValueError(f"unknown stage(s) {unknown}; known: {sorted(STAGES)}")
    doc = prepare(article)
    for name in stages:
        doc = STAGES[name](doc)
    return doc


def analyze_all(
    articles: Iterable[Article], stages: Sequence[str] = DEFAULT_STAGES
) -> tuple[list[Document], list[IsnadError]]:
    """Analyse each article; one that makes a stage fail is reported (ISN200), the rest still analysed."""
    docs: list[Document] = []
    errors: list[IsnadError] = []
    for article in articles:
        try:
            docs.append(analyze(article, stages))
        except Exception as exc:  # a bug on one article must not cost the user the others
            errors.append(IsnadError("ISN200", article.source, f"{type(exc).__name__}: {exc}"))
    return docs, errors


def _with_layer(doc: Document, name: str, spans: Iterable[Span]) -> Document:
    return doc.with_layer(name, tuple(spans))


def _inside_any(span: Span, owners: Sequence[Span]) -> bool:
    """Inside one date, or running from one into the next ("بين 3 و5 مارس" read as the range "3 و5")."""
    if any(o.start <= span.start and span.end <= o.end for o in owners):
        return True
    starts = any(o.start <= span.start < o.end for o in owners)
    return starts and any(o.start < span.end <= o.end for o in owners)
