"""Group articles into stories: same named people and places, same vocabulary, close in time.

An article is described by the light-stemmed terms of its title and text (topic signatures) plus the
keys of the entities it names; two articles are one story when the TF-IDF cosine of those descriptions
is high enough and, when both carry a publication date, they appeared within a few days of each other.
Stories are the connected components of that relation, so a follow-up joins through the report it
follows. IDF comes from the articles given, so words every article shares weigh least.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from isnad.extract.topic import term
from isnad.model import Document
from isnad.text.normalize import fold

SAME_STORY = 0.14
MAX_DAYS = 7.0
_ENTITY_WEIGHT = 2  # a shared name says more than a shared word


def describe(doc: Document) -> Counter[str]:
    """Term counts of the title (twice: it names the event) and body, plus entity keys."""
    counts: Counter[str] = Counter()
    title = doc.article.title or ""
    for text, weight in ((fold(title), 2), (doc.matching.text, 1)):
        for word in text.split():
            t = term(word.strip(".,;:!?\"'()«»"))
            if t is not None and len(t) >= 2:
                counts[t] += weight
    for entity in doc.layer("entities"):
        name = entity.attributes.get("normalized") or entity.text
        counts["@" + str(name)] += _ENTITY_WEIGHT
    return counts


def similarity_matrix(docs: Sequence[Document]) -> list[list[float]]:
    """Pairwise cosine of sublinear TF-IDF descriptions."""
    bags = [describe(d) for d in docs]
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(docs)
    vectors = []
    for bag in bags:
        vec = {t: (1 + math.log(c)) * math.log((1 + n) / (1 + df[t]) + 1) for t, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({t: v / norm for t, v in vec.items()})
    out = [[0.0] * n for _ in range(n)]
    for i in range(n):
        out[i][i] = 1.0
        for j in range(i + 1, n):
            small, big = sorted((vectors[i], vectors[j]), key=len)
            out[i][j] = out[j][i] = sum(v * big.get(t, 0.0) for t, v in small.items())
    return out


def group_stories(docs: Sequence[Document], threshold: float = SAME_STORY) -> list[list[int]]:
    """Indices of `docs` per story, each story in input order, stories by their first article."""
    n = len(docs)
    sims = similarity_matrix(docs)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(n):
        for j in range(i + 1, n):
            if sims[i][j] >= threshold and _close_in_time(docs[i], docs[j]):
                parent[max(find(i), find(j))] = min(find(i), find(j))
    stories: dict[int, list[int]] = {}
    for i in range(n):
        stories.setdefault(find(i), []).append(i)
    return sorted(stories.values(), key=lambda s: s[0])


def _close_in_time(a: Document, b: Document) -> bool:
    pa, pb = a.article.published, b.article.published
    if pa is None or pb is None:
        return True
    try:
        return abs((pa - pb).total_seconds()) <= MAX_DAYS * 86400
    except TypeError:  # one aware, one naive: compare the wall-clock times
        return abs((pa.replace(tzinfo=None) - pb.replace(tzinfo=None)).total_seconds()) <= MAX_DAYS * 86400
