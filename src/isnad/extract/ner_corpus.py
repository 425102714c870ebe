"""Reading NER training corpora: CoNLL "token TAG" (ANERcorp) and nested "token TAG1 [TAG2..]" (Wojood).

Tokens are folded and re-cut exactly as run-time text is, tags become BIO over PER/LOC/ORG/MISC, and any
unreadable line is an error naming file:line (a silently skipped line would skew training and scores).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from isnad.errors import IsnadError
from isnad.extract.tokens import split_token
from isnad.text.normalize import fold

LABELS = ("PER", "LOC", "ORG", "MISC")
# Corpus types -> ours; anything else (dates, occupations, ...) is outside our label set.
TYPE_MAP = {"PER": "PER", "PERS": "PER", "LOC": "LOC", "GPE": "LOC", "ORG": "ORG", "MISC": "MISC"}
SEGMENT_MARK = "$#$"
_TAG = re.compile(r"O|[BI]-[A-Za-z_]+")
CORPUS_ERROR = "ISN301"
CORPUS_ADVICE = 'write "token TAG [TAG..]" per line with BIO tags (O, B-X, I-X); a blank line ends a sentence'


@dataclass(frozen=True)
class Sentence:
    """Folded tokens with their BIO tags."""

    words: list[str]
    tags: list[str]


def read_corpus(path: str | Path) -> list[Sentence]:
    """Sentences of a CoNLL-style file; a missing file or malformed line raises a coded IsnadError."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise IsnadError("ISN100", str(path), "NER corpus not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise IsnadError("ISN113", str(path), f"cannot read the NER corpus: {exc}") from None
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        fields = line.split()
        if not fields:
            if words:
                sentences.append(Sentence(words, _repair_bio(tags)))
                words, tags = [], []
            continue
        if fields[0] == SEGMENT_MARK:
            continue
        tag = _flat_tag(fields, f"{path}:{lineno}")
        parts = split_token(fold(fields[0]))
        if not parts:  # only marks or invisible characters: nothing run-time text would show
            continue
        words.extend(parts)
        tags.extend(_spread(tag, parts))
    if words:
        sentences.append(Sentence(words, _repair_bio(tags)))
    if not sentences:
        raise IsnadError("ISN102", str(path), "the NER corpus holds no sentences")
    return sentences


def _flat_tag(fields: list[str], where: str) -> str:
    """The outermost tag of a type we keep (nested corpora list several per token)."""
    if len(fields) < 2:
        raise IsnadError(CORPUS_ERROR, where, f"no tag after {fields[0]!r}", CORPUS_ADVICE)
    for tag in fields[1:]:
        if not _TAG.fullmatch(tag):
            raise IsnadError(CORPUS_ERROR, where, f"bad tag {tag!r}", CORPUS_ADVICE)
    for tag in fields[1:]:
        if tag != "O" and tag[2:] in TYPE_MAP:
            return tag[:2] + TYPE_MAP[tag[2:]]
    return "O"


def _spread(tag: str, parts: list[str]) -> list[str]:
    """Tags for the pieces of a re-cut token: punctuation stays outside the entity ("«الامم" -> O, B-ORG)."""
    if tag == "O" or len(parts) == 1:
        return [tag] * len(parts)
    out: list[str] = []
    for part in parts:
        if len(part) == 1 and not part.isalnum():
            out.append("O")
        else:
            out.append(tag)
            tag = "I" + tag[1:]
    return out


def _repair_bio(tags: list[str]) -> list[str]:
    """An I- tag that does not continue an entity of its type starts one (nested layers, dropped types)."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def entities(tags: list[str]) -> set[tuple[int, int, str]]:
    """Exact (start, end, type) token spans of a BIO sequence, CoNLL style."""
    found: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and (tag == "O" or tag.startswith("B-") or tag[2:] != kind):
            found.add((start, i, kind))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, kind = i, tag[2:]
    return found
