"""CRF features per token: the word, its clitic-free core, affixes, shape, frequency band, learned
gazetteer, place-lexicon band and word-cluster ids, title cues, and the same for neighbours (±2).

Everything that depends only on the word is computed once per distinct word and cached as ready-made
attribute strings (own and per neighbour offset), so a sentence costs a few list concatenations per token.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from isnad.extract.clitics import bare, frequencies, strip_proclitics
from isnad.text.normalize import fold

# Cue words, general across outlets (folded spelling): people are introduced by titles, organisations by
# kind words, places by administrative nouns. The CRF learns how much each class matters.
_CUES = {
    "title": "الرييس رييس الملك ملك الامير امير الشيخ شيخ السيد السيده الدكتور الشاعر الكاتب الزعيم "
    "المتحدث الناطق الجنرال العقيد اللواء العميد المشير النايب المستشار المبعوث السفير الوزير وزير "
    "وزيره الامين البابا الاسقف الامام الرييسه المدير مدير القاضي المحامي الفنان المطرب اللاعب المدرب "
    "نجم المرشح الحاكم حاكم القايد قايد الملكه السلطان الخليفه المفتي الاستاذ",
    "org": "وكاله منظمه قوات حزب حركه شركه جامعه مجلس وزاره هييه اتحاد جمعيه بنك مصرف موسسه لجنه جبهه "
    "صحيفه تنظيم جيش محكمه برلمان مركز معهد نادي فريق منتخب مجموعه ادراه دايره مكتب اكاديميه "
    "رابطه نقابه اذاعه قناه تلفزيون جريده مجله",
    "loc": "مدينه ولايه محافظه منطقه عاصمه دوله جمهوريه مملكه بلده قريه نهر جزيره جزر بحر خليج جبل "
    "اقليم مقاطعه اماره مخيم حي شارع ميناء مطار سواحل صحراء",
    "say": "قال اكد اعلن صرح اضاف اوضح اشار ذكر نفى دعا طالب افاد كشف التقى استقبل",
    "dir": "شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي",
}
CUES: dict[str, str] = {fold(w): kind for kind, words in _CUES.items() for w in words.split()}
BOS = ["-1BOS"]
EOS = ["+1EOS"]


@dataclass(frozen=True)
class Resources:
    """What features look up besides the word: learned gazetteer and clusters (both stored in the model)."""

    gazetteer: Mapping[str, str] = field(default_factory=dict)  # bare core -> "PER" / "LOC|ORG" ...
    clusters: Mapping[str, str] = field(default_factory=dict)  # core -> "coarse/fine"
    places: Mapping[str, str] = field(default_factory=dict)  # core -> band "1".."3" (see ner_places)


def shape(word: str) -> str:
    """Coarse character class and length band."""
    first = word[0]
    if "\u0600" <= first <= "\u06ff":
        kind = "A"
    elif first.isdigit():
        kind = "D"
    elif first.isascii() and first.isalpha():
        kind = "L"
    else:
        return "P" + word
    return f"{kind}{min(len(word), 9)}"


def freq_band(f: float) -> str:
    """Decade of the word's frequency (0 = one word in ten, 8 = one in a hundred million); x = unseen."""
    return "x" if f <= 0.0 else str(min(int(-math.log10(f)), 8))


class Featurizer:
    """Turns token sequences into crfsuite attribute lists; per-word parts are cached."""

    def __init__(
        self,
        resources: Resources,
        freqs: Mapping[str, float] | None = None,
        known: Collection[str] | None = None,
    ) -> None:
        self.res = resources
        self.freqs = freqs if freqs is not None else frequencies()
        # Training only: word/core/stem identities seen too rarely to trust are left out, so rare names
        # are learned through shape, affixes, clusters and context (run time needs no list: an identity
        # never emitted in training has no weight).
        self.known = known
        self._cache: dict[str, tuple[list[str], list[str], list[str], list[str], list[str], str]] = {}

    def word(self, w: str) -> tuple[list[str], list[str], list[str], list[str], list[str], str]:
        """(own, as -1 neighbour, as +1, as -2, as +2, short key for conjunctions) for one word."""
        hit = self._cache.get(w)
        if hit is None:
            hit = self._cache[w] = self._compute(w)
        return hit

    def place(self, w: str) -> int:
        """The place-lexicon band (0 = not a known place) of the word's clitic-free core."""
        return int(self.res.places.get(strip_proclitics(w, self.freqs)[1], "0"))

    def clitic_length(self, w: str) -> int:
        """Leading letters of `w` that are attached clitics, not part of a name (لل keeps its ال)."""
        n, core = strip_proclitics(w, self.freqs)
        if n and core != w[n:]:  # "للامم": only the first ل is a clitic, and the span cannot split the alef
            n = 0 if w.startswith("لل") else n - 1
        return n

    def _compute(self, w: str) -> tuple[list[str], list[str], list[str], list[str], list[str], str]:
        n, core = strip_proclitics(w, self.freqs)
        stem = bare(core)
        band = freq_band(self.freqs.get(w, 0.0))
        cband = freq_band(self.freqs.get(core, 0.0))
        finest = self.res.clusters.get(core) or self.res.clusters.get(w) or "none/none"
        levels = finest.split("/")
        coarse, cluster = levels[0], "/".join(levels[:2])
        gaz = self.res.gazetteer.get(stem, "")
        cue = CUES.get(core, "") or CUES.get(stem, "")
        place = self.res.places.get(core, "")
        known = self.known
        ident = [a for a in ("w=" + w, "c=" + core, "b=" + stem) if known is None or a in known]
        own = [
            *ident,
            "cl=" + w[:n],
            "al=" + str(core.startswith("ال")),
            "p2=" + stem[:2],
            "p3=" + stem[:3],
            "s1=" + stem[-1:],
            "s2=" + stem[-2:],
            "s3=" + stem[-3:],
            "sh=" + shape(w),
            "fb=" + band,
            "cfb=" + cband,
            "k=" + coarse,
            "K=" + cluster,
            "g=" + gaz,
            "q=" + cue,
            "gk=" + gaz + "|" + coarse,
            "bq=" + band + "|" + cband,
            "pl=" + place,
            "pq=" + place + "|" + cband,
        ]
        if len(levels) > 2:  # a third, finer clustering level when the model was trained with one
            own.append("KK=" + finest)
        near = [a for a in ident if a[0] != "w"]
        near += ["k=" + coarse, "K=" + cluster, "g=" + gaz, "q=" + cue, "fb=" + band, "pl=" + place]
        far = [*[a for a in ident if a[0] == "b"], "k=" + coarse, "q=" + cue, "g=" + gaz]
        return (
            own,
            ["-1" + a for a in near],
            ["+1" + a for a in near],
            ["-2" + a for a in far],
            ["+2" + a for a in far],
            stem if known is None or "b=" + stem in known else "",
        )

    def sentence(self, words: list[str]) -> list[list[str]]:
        """Attribute lists for one sentence (a token list)."""
        parts = [self.word(w) for w in words]
        n = len(parts)
        out: list[list[str]] = []
        for i, (own, _m1, _p1, _m2, _p2, key) in enumerate(parts):
            feats = own + (parts[i - 1][1] if i else BOS) + (parts[i + 1][2] if i + 1 < n else EOS)
            if i >= 2:
                feats += parts[i - 2][3]
            if i + 2 < n:
                feats += parts[i + 2][4]
            left = parts[i - 1][5] if i else "^"
            right = parts[i + 1][5] if i + 1 < n else "$"
            if key:  # empty: a stem too rare in training to pair on
                if left:
                    feats.append("lw=" + left + "|" + key)
                if right:
                    feats.append("wr=" + key + "|" + right)
            out.append(feats)
        return out
