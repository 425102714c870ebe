"""A place lexicon learned from unlabelled news by distant supervision: words that follow administrative
nouns ("مدينة X", "محافظة X", "بلدة X"...) are places, graded by how much of their use is in such contexts.

The labelled corpus marks a city only where it happens to occur, and marks it inconsistently; news text
names every city after "مدينة" sooner or later. A word seen there often enough, and there for a large
enough share of its occurrences, gets a band ("1".."3") the CRF weighs as one more feature. Common words
that follow the same nouns ("محافظة على", "ولاية ثانية") fail the share test.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise

from isnad.extract.clitics import frequencies, strip_proclitics
from isnad.extract.tokens import tokenize
from isnad.text.normalize import fold

# Administrative nouns, singular and plural/dual (folded; proclitics are stripped before lookup). Nouns that
# are as often something else are left out: قضاء (judiciary; "spending" time), ناحية ("side"), مقاطعة
# ("boycott").
_TRIGGERS = (
    "مدينة مدينتي مدن بلدة بلدتي بلدات قرية قريتي قرى محافظة محافظتي محافظات عاصمة ولاية ولايتي ولايات "
    "إقليم أقاليم مخيم مخيمات إمارة"
)
TRIGGERS = frozenset(fold(w) for w in _TRIGGERS.split())


@dataclass(frozen=True)
class PlaceConfig:
    """Thresholds: a word needs `min_count` trigger contexts and `bands[0]` share of its uses to be kept."""

    min_count: int = 5
    bands: tuple[float, ...] = (0.03, 0.1, 0.25)  # share cut-offs for bands "1", "2", "3"
    triggers: frozenset[str] = field(default=TRIGGERS)


@dataclass
class PlaceCounts:
    """How often each clitic-free core occurs, and how often right after an administrative noun."""

    total: Counter[str] = field(default_factory=Counter)
    after: Counter[str] = field(default_factory=Counter)


def count_contexts(texts: Iterable[str], triggers: frozenset[str] = TRIGGERS) -> PlaceCounts:
    """One pass over the articles: occurrences of every core, and of the cores that follow a trigger."""
    freqs = frequencies()
    core_of: dict[str, str] = {}
    counts = PlaceCounts()
    total, after = counts.total, counts.after
    for text in texts:
        words = tokenize(fold(text))[0]
        cores = []
        for w in words:
            core = core_of.get(w)
            if core is None:
                core = core_of[w] = strip_proclitics(w, freqs)[1] if _arabic(w) else ""
            cores.append(core)
        total.update(cores)
        after.update(b for a, b in pairwise(cores) if b and a in triggers)
    del total[""]
    return counts


def _arabic(word: str) -> bool:
    return "\u0620" <= word[0] <= "\u064a"


def select_places(counts: PlaceCounts, config: PlaceConfig = PlaceConfig()) -> dict[str, str]:
    """Core -> band for words seen after triggers at least `min_count` times and for a high enough share."""
    places: dict[str, str] = {}
    for core, n in counts.after.items():
        if n < config.min_count or core in config.triggers or len(core) < 2:
            continue
        share = n / counts.total[core]
        band = sum(share >= cut for cut in config.bands)
        if band:
            places[core] = str(band)
    return places


def learn_places(texts: Iterable[str], config: PlaceConfig = PlaceConfig()) -> dict[str, str]:
    """The place lexicon of a corpus of unlabelled articles."""
    return select_places(count_contexts(texts, config.triggers), config)


def place_band(places: Mapping[str, str], core: str) -> str:
    """The band of a clitic-free core ("" when it is not in the lexicon)."""
    return places.get(core, "")
