"""Claim alignment: which claims of different articles are about the same thing.

Sharing a number is not enough ("1,000" fighters and "1,000" dollars), and outlets word one fact
differently, so a claim is described by what surrounds its figure: the light-stemmed words near it (its
"context"), the entities of its clause (keyed across the story), its kind and counted unit. Two claims
from different articles are linked when their descriptions meet well enough; a *conflicting* pair must
meet a stricter bar than an agreeing one, because a false contradiction costs a reader more than a missed
corroboration. Each claim links to at most one claim per other article (best first), and linked claims
form groups.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from isnad.compare.judge import judge
from isnad.compare.memo import IdentityMemo
from isnad.compare.slots import Slot, aligned
from isnad.compare.values import Verdict, compare_values, magnitude_gap
from isnad.extract.topic import term
from isnad.model import Document, Span
from isnad.text.normalize import ARABIC_LETTERS, fold

_WORD = re.compile(f"[{ARABIC_LETTERS}]{{2,}}")
WINDOW = 8  # words either side of a figure that say what it counts
_FATE_WINDOW = 20
_CLOSE = 3
AGREE_AT = 0.30
LOOSE_AT = 0.15
SAME_VALUE_AT = 0.2
CONFLICT_AT = 0.45
# What follows a figure after a quote mark or "إن/أن" is the content of a speech, not what the figure
# is about ("نشر صباح الثلاثاء إن «…»"): context windows stop there.
_QUOTE_MARKS = '"«»“”'
_SPEECH = re.compile(f"[{_QUOTE_MARKS}]|(?<![{ARABIC_LETTERS}])(?:ان|انه|انها|انهم)(?![{ARABIC_LETTERS}])")
# Kinds whose claims can be linked to each other ("الثلاثاء" and "17 أكتوبر" may date one event).
_FAMILY = {
    "quantity": "quantity",
    "date": "date",
    "weekday": "date",
    "duration": "duration",
    "event": "event",
}
# Words that say what the figure is, not what it is about: they tell nothing about alignment.
_FIGURE_WORDS = frozenset(
    t
    for w in [
        "الف",
        "الاف",
        "مليون",
        "ملايين",
        "مليار",
        "مليارات",
        "عدد",
        "نحو",
        "حوالي",
        "قرابة",
        "اكثر",
        "اقل",
        "يوم",
        "صباح",
        "مساء",
        "الميه",
        "بالميه",
        "ميه",
        "المائه",
        "نسبه",
        "بنسبه",
    ]
    if (t := term(w))
)


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """One claim with what alignment needs: where it is, what it counts, what surrounds it."""

    id: str
    doc: int  # index of its document
    span: Span
    kind: str
    context: frozenset[str]
    keys: frozenset[str]
    unit: str | None
    weights: Mapping[str, float]  # context term -> rarity in the story (common story words weigh little)
    fate: str | None = None  # what happened to the counted people (killed, wounded…), when said
    head: str | None = None  # the context term nearest the figure: usually what it measures
    sentence: Mapping[str, float] = field(default_factory=dict)  # its whole sentence's terms and rarity
    alone: bool = False  # the only figure of its kind and unit in its sentence
    row: tuple[Slot, ...] = ()  # the figures of its family in its sentence, in text order
    pos: int = 0  # its place in `row`
    only_count: bool = False  # the article's only figure counting its noun ("60 ألف زائر")
    fam: str = ""  # family(), computed once: scoring asks for it for every candidate pair
    weight_sum: float = 0.0  # sum of `weights`
    sentence_sum: float = 0.0  # sum of `sentence`
    peers: int = 1  # claims of its article with its family and counted noun (itself included)
    spread: bool = False  # its sentence sums several incidents ("في حادثين منفصلين", "هجمات متفرقة")

    @property
    def attrs(self) -> Mapping[str, Any]:
        return self.span.attributes


@dataclass(frozen=True, slots=True)
class Link:
    """Two aligned claims, how well they meet, and whether their values agree."""

    a: int
    b: int
    score: float
    verdict: Verdict


def claim_refs(
    docs: Sequence[Document], story_keys: Sequence[Mapping[tuple[int, int], str]]
) -> list[ClaimRef]:
    """Every claim of every document, numbered c1, c2… in document then text order."""
    out: list[ClaimRef] = []
    rare = rarity(docs)
    for i, doc in enumerate(docs):
        starts = [s.start for s in doc.sentences]
        figures = _figures(doc)
        claims = [c for c in doc.layer("claims") if not _dateline(doc.text, c)]
        bounds = [_sentence_of(doc, starts, c) for c in claims]
        kinds = Counter((b, _figure_kind(c)) for b, c in zip(bounds, claims, strict=True))
        rows: dict[tuple[tuple[int, int], str], list[Span]] = defaultdict(list)
        for span, sentence in zip(claims, bounds, strict=True):
            rows[(sentence, _span_family(span))].append(span)
        counted = Counter(u for c in claims if (u := _unit_term(c)) is not None)
        peers = Counter((_span_family(c), _unit_term(c)) for c in claims)
        written = [c for c in claims if _written_day(c)]
        wholes: dict[tuple[int, int], Mapping[str, float]] = {}
        spread = {sentence: _spread(doc, sentence) for sentence in set(bounds)}  # once per sentence
        slots = {
            k: tuple(Slot(str(c.attributes.get("kind")), c.attributes, _unit_term(c)) for c in row)
            for k, row in rows.items()
        }
        for span, sentence in zip(claims, bounds, strict=True):
            near = _context(doc, span, sentence, figures)
            context = near.all()
            kind = str(span.attributes.get("kind"))
            keys = frozenset(_keys(span, story_keys[i]))
            unit_term = _unit_term(span)
            fate = _fate(unit_term, near)
            weights = {t: rare.get(t, 1.0) for t in context}
            head = (near.before or near.after or (None,))[0]
            if sentence not in wholes:  # one mapping per sentence: similarity is remembered by it
                words = _sentence_terms(doc, sentence)
                wholes[sentence] = MappingProxyType({t: rare.get(t, 1.0) for t in words})
            whole = wholes[sentence]
            alone = kinds[(sentence, _figure_kind(span))] == 1
            row_key = (sentence, _span_family(span))
            out.append(
                ClaimRef(
                    f"c{len(out) + 1}",
                    i,
                    span,
                    kind,
                    context,
                    keys,
                    unit_term,
                    weights,
                    fate,
                    head,
                    whole,
                    alone,
                    slots[row_key],
                    rows[row_key].index(span),
                    (unit_term is not None and counted[unit_term] == 1) or (written == [span]),
                    _span_family(span),
                    sum(weights.values()),
                    sum(whole.values()),
                    peers[(_span_family(span), unit_term)],
                    spread[sentence],
                )
            )
    return out


# "حادثين منفصلين", "عمليتين منفصلتين", "هجمات متفرقة" (matching view: ة is ه); not "في أنحاء متفرقة من
# اليمن", where one incident's victims came from.
_INCIDENTS = "حادث|حادثين|حادثتين|حوادث|عمليتين|عمليات|هجومين|هجمات|انفجارين|تفجيرين|اشتباكات|غارات"
_SPREAD = re.compile(
    rf"(?<![{ARABIC_LETTERS}])[وفب]?(?:ال)?(?:{_INCIDENTS})\s+(?:ال)?(?:منفصل|متفرق)(?:ين|تين|ه|ات)?"
    rf"(?![{ARABIC_LETTERS}])"
)


def _spread(doc: Document, sentence: tuple[int, int]) -> bool:
    """Whether a sentence sums several separate incidents: its counts are totals ("لقي ثلاثة أشخاص
    مصرعهم في حادثين منفصلين"), never one incident's count in another report."""
    to_view = doc.matching.offsets.to_view
    return _SPREAD.search(doc.matching.text, to_view(sentence[0]), to_view(sentence[1])) is not None


def _written_day(span: Span) -> bool:
    """A calendar day written out with its number ("12 أغسطس"), not resolved from a relative word."""
    a = span.attributes
    expression = a.get("expression")
    return (
        a.get("kind") == "date"
        and a.get("granularity") == "day"
        and isinstance(expression, str)
        and any(ch.isdigit() for ch in expression)
    )


def _unit_term(span: Span) -> str | None:
    unit = span.attributes.get("unit")
    return unit_key(unit) if isinstance(unit, str) and span.attributes.get("kind") == "quantity" else None


def _span_family(span: Span) -> str:
    attrs = span.attributes
    kind = str(attrs.get("kind"))
    if kind == "date" and attrs.get("value") is None and attrs.get("weekday") is None:
        return "event"
    return _FAMILY.get(kind, kind)


def _figure_kind(span: Span) -> tuple[str, str]:
    """What a figure is, for telling whether a sentence holds one or several of the kind."""
    attrs = span.attributes
    kind = str(attrs.get("kind"))
    return ("date" if kind == "weekday" else kind, str(attrs.get("unit_class") or attrs.get("percent") or ""))


def _sentence_terms(doc: Document, sentence: tuple[int, int]) -> frozenset[str]:
    to_view = doc.matching.offsets.to_view
    return frozenset(_terms(_WORD.findall(doc.matching.text, to_view(sentence[0]), to_view(sentence[1]))))


_SIMILAR: IdentityMemo[float] = IdentityMemo(65536)


def sentence_similarity(x: ClaimRef, y: ClaimRef) -> float:
    """Weighted share of the lighter sentence's terms the other sentence has: how far two outlets wrote
    the same sentence around their figures. Remembered per pair of sentences (every figure of one
    sentence asks about the same pair)."""
    return _SIMILAR.get((x.sentence, y.sentence), lambda: _similarity(x, y))


def _similarity(x: ClaimRef, y: ClaimRef) -> float:
    shared = x.sentence.keys() & y.sentence.keys()
    if not shared:
        return 0.0
    common = sum(min(x.sentence[t], y.sentence[t]) for t in shared)
    return common / (min(x.sentence_sum, y.sentence_sum) or 1.0)


def rarity(docs: Sequence[Document]) -> dict[str, float]:
    """Inverse sentence frequency of each term over the story, scaled so a term in one sentence weighs 1."""
    df: Counter[str] = Counter()
    total = 0
    for doc in docs:
        text = doc.matching.text
        for sentence in doc.sentences:
            a, b = doc.matching.offsets.to_view(sentence.start), doc.matching.offsets.to_view(sentence.end)
            df.update(set(_terms(_WORD.findall(text, a, b))))
            total += 1
    top = math.log(1 + total) or 1.0
    return {t: math.log(1 + total / n) / top for t, n in df.items()}


def _keys(span: Span, story_keys: Mapping[tuple[int, int], str]) -> list[str]:
    """Story keys of the entities inside the claim (including places shared across the story after the
    claim was extracted) and of the place a bare "المدينة" in it stands for."""
    out = [k for (a, b), k in story_keys.items() if span.start <= a and b <= span.end]
    for e in span.attributes.get("entities") or []:
        key = story_keys.get((e["start"], e["end"]), e.get("key"))
        if isinstance(key, str):
            out.append(key)
    return [k for k in dict.fromkeys(out) if not k.startswith("MISC:")]


def _context(
    doc: Document, span: Span, sentence: tuple[int, int], figures: Sequence[tuple[int, int, bool]]
) -> _Near:
    """Stems near the claim's figure within its sentence (a clause cut at a comma can lose the subject:
    "الصوت الموجود في التسجيل، الذي نشر صباح الثلاثاء"), never past another figure or into a speech;
    for an event, the stems of its clause."""
    to_view = doc.matching.offsets.to_view
    text = doc.matching.text
    evidence = span.attributes.get("evidence")
    attrs = span.attributes
    unplaced = attrs.get("kind") == "date" and attrs.get("value") is None and attrs.get("weekday") is None
    if not isinstance(evidence, Mapping) or unplaced:
        # An event's names count through its entity keys; as words they would count twice.
        names = _name_terms(doc)
        words = _WORD.findall(text, to_view(span.start), to_view(span.end))
        return _Near(tuple(t for t in _terms(words) if t not in names), (), ())
    # Before the figure: back to the sentence start (a comma may separate it from its subject); after
    # it: only to the clause end (what follows a comma is usually the next figure's business).
    a, b = to_view(sentence[0]), to_view(span.end)
    ea, eb = to_view(evidence["start"]), to_view(evidence["end"])
    previous = max([a, *(q for p, q, _ in figures if q <= ea)])
    following = min([b, *(p for p, q, _ in figures if p >= eb)])
    # Words after a date open the count that follows ("أمس عن مقتل 14"): a date keeps them from a date only.
    counted = attrs.get("kind") != "quantity" or any(q == previous and n for _, q, n in figures)
    stop = _SPEECH.search(text, eb, following)
    tail = _WORD.findall(text, eb, stop.start() if stop else following)
    if following < b and len(tail) <= _CLOSE:
        # "بنسبة 12.5 في المئة والديزل بنسبة 15": a conjunction before a close next figure opens its item.
        tail = tail[: _opener(tail, first=True)]
    after = _terms(tail[:WINDOW])
    left = max(a, *(text.rfind(q, a, ea) + 1 for q in _QUOTE_MARKS))
    between = _WORD.findall(text, max(left, previous), ea)
    k = _opener(between, first=False)
    restates = all(term(w) is None for w in between)  # "بنسبة 12.5٪ من 0.80 إلى 0.90 دينار"
    close = previous > left and len(between) <= _CLOSE
    if counted and close and (after or k < len(between)) and not restates:
        # Words between two close figures belong to the first ("12.5 في المئة على البنزين و18 في المئة
        # على الديزل"), unless a conjunction opens the second one's clause ("12 قتيلا وأصيب 40").
        between = between[k:] if k < len(between) else []
    else:
        # Otherwise a figure restating another ("من 0.80 إلى 0.90 دينار، أي بنسبة 12.5") shares its words.
        between = _WORD.findall(text, left, ea)
    before = _terms(between[-WINDOW:])
    fate_words = _terms(between[-_FATE_WINDOW:])
    return _Near(tuple(before[::-1]), tuple(after), tuple(fate_words[::-1]))


def _name_terms(doc: Document) -> frozenset[str]:
    """Terms of the words of the document's entity names (people, places, organisations)."""
    out = set()
    for e in doc.layer("entities"):
        if e.label != "MISC":
            out.update(_terms(_WORD.findall(str(e.attributes.get("normalized") or e.text))))
    return frozenset(out)


def _opener(words: Sequence[str], first: bool) -> int:
    """Index of the first (or last) word opening with the conjunction و; len(words) when none does."""
    found = [k for k, w in enumerate(words) if w.startswith("و") and len(w) > 3]
    if not found:
        return len(words)
    return found[0] if first else found[-1]


def _terms(words: Sequence[str]) -> list[str]:
    return [t for w in words if (t := term(w)) and t not in _FIGURE_WORDS]


@dataclass(frozen=True, slots=True)
class _Near:
    """Context terms nearest first: before the figure (right to left) and after it."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    far: tuple[str, ...]  # a longer reach before the figure, only for its fate ("ارتفع عدد القتلى … إلى 21")

    def all(self) -> frozenset[str]:
        return frozenset(self.before + self.after)


# "المرجانة، 18 آذار/مارس (المدار) -": the dateline restates the publication date; it claims nothing.
_DATELINE_TAIL = re.compile(r"\s*(?:\([^()\n]{1,40}\))?\s*[-–—]")


def _dateline(text: str, span: Span) -> bool:
    evidence = span.attributes.get("evidence")
    if span.attributes.get("kind") != "date" or not isinstance(evidence, Mapping):
        return False
    line_start = text.rfind("\n", 0, evidence["start"]) + 1
    return evidence["start"] - line_start < 60 and _DATELINE_TAIL.match(text, evidence["end"]) is not None


def _figures(doc: Document) -> list[tuple[int, int, bool]]:
    """View spans of every figure (claim evidence) in the document, and whether each is a quantity."""
    to_view = doc.matching.offsets.to_view
    out = set()
    for span in doc.layer("claims"):
        evidence = span.attributes.get("evidence")
        if isinstance(evidence, Mapping):
            quantity = span.attributes.get("kind") == "quantity"
            out.add((to_view(evidence["start"]), to_view(evidence["end"]), quantity))
    return sorted(out)


def _sentence_of(doc: Document, starts: Sequence[int], span: Span) -> tuple[int, int]:
    """The sentence holding a claim (the claim itself when sentences were not computed)."""
    k = bisect_right(starts, span.start) - 1
    if k >= 0 and doc.sentences[k].end >= span.end:
        return doc.sentences[k].start, doc.sentences[k].end
    return span.start, span.end


def family(x: ClaimRef) -> str:
    """What a claim can be compared with. A relative date nobody could place ("بعد أكثر من عام" with no
    publication date) has no value to compare: its clause is compared as an event statement instead."""
    return x.fam or _span_family(x.span)


def score(x: ClaimRef, y: ClaimRef) -> float:
    """How surely two claims are about the same thing, 0–1 (0 when their kinds cannot be compared)."""
    if family(x) != family(y):
        return 0.0
    shared = len(x.context & y.context)
    fate = 1.0 if x.fate and x.fate == y.fate else 0.0
    # The same large figure of the same thing ("180 مليون دينار") is itself evidence of one fact.
    figure = (
        1.0
        if _specific(x) and _specific(y) and x.unit == y.unit and x.attrs["value"] == y.attrs["value"]
        else 0.0
    )
    if (
        shared == 0
        and not (x.keys & y.keys)
        and not fate
        and not figure
        and not _only_counts(x, y)
        and not _same_sentence(x, y)
    ):
        return 0.0
    common = sum(min(x.weights[t], y.weights[t]) for t in x.context & y.context)
    smaller = min(x.weight_sum, y.weight_sum) or 1.0
    text = common / smaller if shared >= 2 else 0.5 * common / smaller
    keys = len(x.keys & y.keys) / min(len(x.keys), len(y.keys)) if x.keys and y.keys else 0.0
    # Two places named and none shared: two events ("14 قتيلا في البلدة" / "14 قتيلا في القرية").
    apart = 0.5 if _places(x) and _places(y) and not _places(x) & _places(y) else 1.0
    if x.kind == "quantity":
        unit = _unit_match(x, y)
        if unit is None or (x.fate and y.fate and not fate):
            return 0.0
        near = 1.0 if magnitude_gap(x.attrs, y.attrs) < 1 else 0.0
        same = _same_sentence(x, y)
        return apart * min(
            1.0, 0.5 * text + 0.2 * keys + 0.2 * unit + 0.1 * near + 0.3 * fate + 0.1 * figure + 0.3 * same
        )
    if family(x) == "event":
        return apart * (0.75 * text + 0.25 * keys)
    # Each article's only written day of the story ("12 أغسطس" / "22 أغسطس") is most likely its date.
    only = 0.3 if _only_counts(x, y) else 0.0
    return apart * min(1.0, 0.7 * text + 0.3 * keys + 0.3 * _same_sentence(x, y) + only)


def _specific(x: ClaimRef) -> bool:
    """A counted figure large enough that two outlets giving it about one unit is no coincidence."""
    value = x.attrs.get("value")
    return x.kind == "quantity" and x.unit is not None and isinstance(value, int | float) and value >= 100


SAME_SENTENCE_AT = 0.5
ANCHORED_SENTENCE_AT = 0.3


def _same_sentence(x: ClaimRef, y: ClaimRef) -> float:
    """1 when the two figures fill one slot (each the only one of its kind, or matched by position
    among the figures) of two sentences the outlets wrote alike: the same report of the same fact,
    whatever the words next to the figure. Sentences that also share another figure ("148 مباراة …
    27 هدفا") need fewer words in common. Else 0."""
    similarity = sentence_similarity(x, y)
    if similarity < ANCHORED_SENTENCE_AT:
        return 0.0  # (checked first: aligning the figures costs more than comparing the words)
    shared = aligned(x.row, x.pos, y.row, y.pos) if x.row and y.row else None
    if shared is None and not (x.alone and y.alone):
        return 0.0
    return 1.0 if similarity >= (ANCHORED_SENTENCE_AT if shared else SAME_SENTENCE_AT) else 0.0


def _places(x: ClaimRef) -> frozenset[str]:
    return frozenset(k for k in x.keys if k.startswith("LOC:"))


_OTHERS = "اخر"  # the key of "آخرين/آخرون": "others", people counted after a first group
_PLURAL_ENDINGS = ("ين", "ون", "ات", "ان", "ا", "ه")


def unit_key(unit: str) -> str | None:
    """A counted noun without article, plural/accusative ending: "آخرين" / "آخرون" -> one key."""
    word = fold(unit).split()[0] if unit.strip() else ""
    word = word[2:] if word.startswith("ال") and len(word) > 4 else word
    for ending in _PLURAL_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    return term(word) if word else None


class _Classes(dict[str | None, str | None]):
    """unit_class with the kinds of people folded into "person" (a toll counts people either way)."""

    def __missing__(self, key: str | None) -> str | None:
        return key


_PEOPLE = _Classes({"killed": "person", "injured": "person"})


def _unit_match(x: ClaimRef, y: ClaimRef) -> float | None:
    """1 for one counted noun, 0.5 for one class of noun, None for things that cannot be one figure."""
    ax, ay = x.attrs, y.attrs
    if bool(ax.get("percent")) != bool(ay.get("percent")) or ax.get("currency") != ay.get("currency"):
        return None
    if x.unit and x.unit == y.unit:
        return 1.0
    cx, cy = _PEOPLE[ax.get("unit_class")], _PEOPLE[ay.get("unit_class")]
    if cx and cx == cy and cx != "other":
        return 0.5
    people = [c == "person" or u == _OTHERS for c, u in ((cx, x.unit), (cy, y.unit))]
    if x.fate and x.fate == y.fate and all(people):
        return 0.5  # "40 آخرين" and "45 جريحا" once both are counted as wounded
    if not x.unit or not y.unit:
        return 0.0
    return None


def link_claims(
    refs: Sequence[ClaimRef], same_source: Mapping[tuple[int, int], bool], judged: bool = True
) -> list[Link]:
    """Best-first one-to-one links between the claims of each pair of articles: by the rules, then the
    same-fact judge's conflicts among what is left (`judged=False` stops after the rules)."""
    del same_source  # articles of one source still align; the status step decides what that means
    candidates = candidate_pairs(refs)
    scores = {(i, j): score(refs[i], refs[j]) for i, j in candidates}  # the judge asks again
    scored = [(s, i, j) for (i, j), s in scores.items() if s >= SAME_VALUE_AT]
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    partner: set[tuple[int, int]] = set()  # (claim, other document) already linked
    links: list[Link] = []
    for s, i, j in scored:
        x, y = refs[i], refs[j]
        if (i, y.doc) in partner or (j, x.doc) in partner:
            continue
        if family(x) == "event":
            verdict = _event_verdict(x, y)
        elif x.kind == y.kind:
            verdict = compare_values(x.kind, x.attrs, y.attrs)
        else:
            verdict = _mixed(x, y)
        if verdict.outcome == "conflict" and not _sure_conflict(x, y, s):
            continue
        if s < AGREE_AT and (verdict.outcome != "agree" or family(x) == "event"):
            continue  # a weak match stands only when the two give the same figure or date
        partner.add((i, y.doc))
        partner.add((j, x.doc))
        links.append(Link(i, j, s, verdict))
    links += _calendar_contradictions(refs, scores, partner, {(k.a, k.b) for k in links})
    if not judged:
        return links
    # A link that could not compare its values ("unknown") does not keep the judge from finding a
    # conflicting counterpart: it says little about which claim of the other article is the same fact.
    known = {(k, refs[m].doc) for link in links if link.verdict.outcome != "unknown" for k, m in _ends(link)}
    return _without_stated_elsewhere(refs, links + _judged_conflicts(refs, scores, known))


def _without_stated_elsewhere(refs: Sequence[ClaimRef], links: list[Link]) -> list[Link]:
    """Conflicting counts where one sentence also gives the other side's count of the same noun ("30
    مشاركا" against "المشاركين الـ70", in a sentence that names the 70 participants too): the sentence
    cannot be contradicting a figure it states itself, so its other figure counts something else (the 30
    who passed)."""
    stated: defaultdict[tuple[int, int, str], list[ClaimRef]] = defaultdict(list)
    for ref in refs:
        if ref.kind == "quantity" and ref.unit is not None:
            stated[(ref.doc, ref.span.start, ref.unit)].append(ref)

    def elsewhere(x: ClaimRef, y: ClaimRef) -> bool:
        # The very figure, not one that rounds to it: "عند 1100 دولار … إلى 1077 دولارا" are two levels.
        value = y.attrs.get("value")
        return any(
            z is not x and z.attrs.get("value") == value and value is not None
            for z in stated.get((x.doc, x.span.start, y.unit or ""), ())
        )

    return [
        link
        for link in links
        if link.verdict.outcome != "conflict"
        or refs[link.a].kind != "quantity"
        or not (elsewhere(refs[link.a], refs[link.b]) or elsewhere(refs[link.b], refs[link.a]))
    ]


def _calendar_day(x: ClaimRef) -> tuple[str, str, int] | None:
    """(calendar, day, weekday) of a weekday named with a written date ("يوم الاثنين 17 أكتوبر 2016")."""
    attrs = x.attrs
    calendar, value, weekday = attrs.get("calendar"), attrs.get("value"), attrs.get("weekday")
    if x.kind != "weekday" or not isinstance(calendar, str) or not isinstance(weekday, int):
        return None
    if not isinstance(value, str) or len(value.split("-")) != 3:
        return None
    return calendar, value, weekday


def _calendar_contradictions(
    refs: Sequence[ClaimRef],
    scores: Mapping[tuple[int, int], float],
    partner: set[tuple[int, int]],
    linked: set[tuple[int, int]],
) -> list[Link]:
    """One written date given two weekdays ("الخميس 1/12/1436" / "الاثنين 1/12/1436"): whatever the
    events, one outlet has the calendar wrong. A Hijri day a day apart is left alone: countries begin
    Hijri months on different evenings."""
    links = []
    for i, j in sorted(scores):
        x, y = refs[i], refs[j]
        dx, dy = _calendar_day(x), _calendar_day(y)
        if dx is None or dy is None or dx[:2] != dy[:2] or dx[2] == dy[2] or (i, j) in linked:
            continue  # (a pair the rules already linked keeps its one link)
        if dx[0] == "hijri" and min((dx[2] - dy[2]) % 7, (dy[2] - dx[2]) % 7) == 1:
            continue
        # Not one-to-one: the calendar is wrong in one of them whatever else each is linked to (the same
        # day's Gregorian equivalent, "الموافق 14/9/2015م", often already is).
        partner.add((i, y.doc))
        partner.add((j, x.doc))
        links.append(Link(i, j, max(scores[(i, j)], LOOSE_AT), compare_values("weekday", x.attrs, y.attrs)))
    return links


def _ends(link: Link) -> tuple[tuple[int, int], tuple[int, int]]:
    return (link.a, link.b), (link.b, link.a)


JUDGE_AT = 0.6  # the judge's probability of one fact from which two unlinked, differing claims conflict


def _judged_conflicts(
    refs: Sequence[ClaimRef], scores: Mapping[tuple[int, int], float], partner: set[tuple[int, int]]
) -> list[Link]:
    """Conflicts the rules could not see: claims still unlinked to the other article, whose values
    differ, and which the same-fact judge holds to be one fact (once a figure differs, nothing but its
    surroundings ties the two claims together). Best first, one-to-one like the rule links."""
    model = judge(FEATURES)
    found = []
    for i, j, verdict in open_conflicts(refs, scores.keys(), partner):
        p = model.probability(pair_features(refs[i], refs[j], scores[(i, j)]))
        if p >= JUDGE_AT:
            found.append((p, i, j, verdict))
    found.sort(key=lambda t: (-t[0], t[1], t[2]))
    links = []
    for _, i, j, verdict in found:
        x, y = refs[i], refs[j]
        if (i, y.doc) in partner or (j, x.doc) in partner:
            continue
        partner.add((i, y.doc))
        partner.add((j, x.doc))
        links.append(Link(i, j, max(scores[(i, j)], LOOSE_AT), verdict))
    return links


def open_conflicts(
    refs: Sequence[ClaimRef], candidates: Iterable[tuple[int, int]], partner: set[tuple[int, int]]
) -> list[tuple[int, int, Verdict]]:
    """Candidate pairs the judge is asked about: neither claim linked to the other's article yet, one
    family of figure, values that conflict, and (for counts) one counted noun, order of figure, fate and
    mood, which no wording makes up for."""
    out = []
    for i, j in sorted(candidates):
        x, y = refs[i], refs[j]
        if (i, y.doc) in partner or (j, x.doc) in partner:
            continue
        if family(x) != family(y) or x.kind not in _JUDGED or y.kind not in _JUDGED:
            continue
        if x.kind == "quantity" and (
            x.kind != y.kind
            or not _measured(x, y)
            or magnitude_gap(x.attrs, y.attrs) >= 0.5
            or not _same_fate(x, y)
            or _modal(x) != _modal(y)
            or x.spread != y.spread
        ):
            continue
        verdict = compare_values(x.kind, x.attrs, y.attrs) if x.kind == y.kind else _mixed(x, y)
        if verdict.outcome == "conflict":
            out.append((i, j, verdict))
    return out


_JUDGED = frozenset({"quantity", "date", "weekday"})


def _measured(x: ClaimRef, y: ClaimRef) -> bool:
    """Both figures say what they measure alike: one counted noun (or class of people), or both are
    percentages or sums of one currency. A bare figure ("الرحلة 370", "2-صفر") is too often a name,
    a score or a time for its words alone to make it a count of the same thing."""
    unit = _unit_match(x, y)
    if unit is not None and unit >= 0.5:
        return True
    ax, ay = x.attrs, y.attrs
    if ax.get("percent") and ay.get("percent"):
        return True
    return bool(ax.get("currency")) and ax.get("currency") == ay.get("currency")  # never two currencies


def candidate_pairs(refs: Sequence[ClaimRef]) -> set[tuple[int, int]]:
    """Pairs (i < j) of claims of different articles that share a context word, entity, fate, specific
    figure, only-count noun or sentence-mate figure: the only pairs worth scoring."""
    by_term: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, ref in enumerate(refs):
        fate = {f"fate:{ref.fate}"} if ref.fate else set()
        figure = {f"figure:{ref.unit}:{ref.attrs.get('value')}"} if _specific(ref) else set()
        only = {f"only:{ref.unit}"} if ref.only_count and _specific_noun(ref) else set()
        # Sentences that share another figure may be two renderings of one: their figures meet by slot.
        mates = {f"mate:{slot.attrs.get('value')}" for k, slot in enumerate(ref.row) if k != ref.pos}
        day = {f"day:{named[0]}:{named[1]}"} if (named := _calendar_day(ref)) else set()
        for t in ref.context | ref.keys | fate | figure | only | mates | day:
            by_term[(family(ref), t)].append(i)
    candidates: set[tuple[int, int]] = set()
    for posting in by_term.values():
        if len(posting) > 200:
            continue  # a word in every claim tells nothing
        for k, i in enumerate(posting):
            for j in posting[k + 1 :]:
                if refs[i].doc != refs[j].doc:
                    candidates.add((i, j))
    return candidates


def _mixed(x: ClaimRef, y: ClaimRef) -> Verdict:
    """A weekday against a calendar date: compare as dates (both carry a value once resolved)."""
    return compare_values("date", x.attrs, y.attrs)


def _sure_conflict(x: ClaimRef, y: ClaimRef, s: float) -> bool:
    """Contradictions need more than agreement: two shared context words, or (for a count) the same
    counted noun about the same named place or party at the same order of figure; never two counts of
    different fates (killed / wounded)."""
    shared = len(x.context & y.context)
    # One counted noun ("139 معلما" / "208 معلمين") at one order of figure, with words in common, is
    # the same count even when the rest of the context differs.
    same_count = (
        x.kind == "quantity"
        and x.unit is not None
        and x.unit == y.unit
        and (shared >= 1 or _only_counts(x, y))
    )
    only_day = (x.kind == "date" and _only_counts(x, y)) or _same_anchor(x, y)
    if s < (AGREE_AT if (same_count and magnitude_gap(x.attrs, y.attrs) < 0.5) or only_day else CONFLICT_AT):
        return False
    if x.kind != "quantity":
        return only_day or ((shared >= 2 or _same_sentence(x, y) > 0) and not _heads_differ(x, y))
    gap = magnitude_gap(x.attrs, y.attrs)
    if gap >= 1 or not _same_fate(x, y) or _modal(x) != _modal(y) or x.spread != y.spread:
        return False
    if (shared >= 2 and not _heads_differ(x, y)) or (x.fate is not None and x.fate == y.fate and gap < 0.5):
        return True
    if same_count and gap < 0.5 and (not _heads_differ(x, y) or _only_counts(x, y)):
        return True
    if _same_sentence(x, y) and gap < 0.5 and _unit_match(x, y) is not None:
        return True
    return x.unit is not None and x.unit == y.unit and bool(x.keys & y.keys) and gap < 0.5


_FATES = {
    "killed": "قتل قتلى قتيل قتيلا مقتل لقي مصرع حتفهم حتفه اعدام اعدم وفاة توفي وفيات ضحايا",
    "wounded": "جرح جرحى جريح اصيب اصابة اصابات مصاب مصابين",
    "held": "اعتقل اعتقال معتقل معتقلين خطف مخطوف رهائن رهينة",  # not اسرى: its stem is أسر (families)
    "displaced": "نزح نازح نازحين نزوح لاجئ لاجئين هجر مهجرين فر فروا",
    "missing": "مفقود مفقودين فقد فقدان",
}
_FATE_OF = {t: fate for fate, words in _FATES.items() for w in words.split() if (t := term(fold(w)))}


# A demanded, expected or proposed figure is not a reported one: "للمطالبة بزيادة 20 في المئة" and
# "اتفاق يقضي بزيادة 10%" do not contradict each other.
_MODAL = frozenset(
    t
    for w in [
        "طالب",
        "يطالب",
        "مطالب",
        "مطالبة",
        "للمطالبة",
        "مطالبا",
        "يتوقع",
        "توقع",
        "متوقع",
        "توقعات",
        "يقترح",
        "اقترح",
        "مقترح",
        "يأمل",
        "يسعى",
    ]
    if (t := term(fold(w)))
)


_ANCHORS = frozenset(fold(w) for w in ["أمس", "اليوم", "غدا"])
# A part of the day before the day word changes nothing: "صباح اليوم الأربعاء", "مساء أمس الثلاثاء".
_PART_OF_DAY = frozenset(
    fold(w) for w in ["صباح", "مساء", "ظهر", "عصر", "فجر", "ليل", "ليلة", "ضحى", "بعد", "يوم", "من"]
)


def day_anchor(expression: object) -> str | None:
    """The day word (folded أمس، اليوم، غدا) a date expression is said from: "امس" for "مساء أمس الاثنين";
    None for any other expression."""
    if not isinstance(expression, str):
        return None
    words = [w for w in fold(expression).split() if w not in _PART_OF_DAY]
    return words[0] if words and words[0] in _ANCHORS else None


def _anchor(x: ClaimRef) -> str | None:
    return day_anchor(x.attrs.get("expression"))


def _same_anchor(x: ClaimRef, y: ClaimRef) -> bool:
    """A weekday and a day said from the same word by two outlets ("أمس الاثنين" / "أمس"): the same day
    of the story told alike, which only a wrong weekday makes differ."""
    if {x.kind, y.kind} != {"weekday", "date"}:
        # Two weekdays are compared by name: "أمس الاثنين" in one day's report, "أمس الثلاثاء" in the next.
        return False
    anchor = _anchor(x)
    return anchor is not None and anchor == _anchor(y)


def _only_counts(x: ClaimRef, y: ClaimRef) -> bool:
    """Each is its article's only count of one specific noun: in one story, the same count."""
    return x.only_count and y.only_count and x.unit == y.unit and _specific_noun(x)


def _specific_noun(x: ClaimRef) -> bool:
    """A counted noun that names what is counted ("زائر", "لوحة"), not a bare "person", "case" or span
    of time: "35 شخصا" evacuated and "15 شخصا" rescued are two counts of one fire."""
    return x.unit not in _GENERIC_UNITS and x.attrs.get("unit_class") not in ("time", "killed", "injured")


_GENERIC_UNITS = frozenset(
    k
    for w in ["شخص", "أشخاص", "فرد", "أفراد", "مواطن", "مواطنين", "نسمة", "حالة", "حالات", "مرة", "مرات"]
    if (k := unit_key(w))
)


def _modal(x: ClaimRef) -> bool:
    return any(t in _MODAL for t in x.context)


def _fate(unit: str | None, near: _Near) -> str | None:
    """The counted noun's fate ("14 قتيلا"), else the fate word nearest the figure ("ونزوح المئات")."""
    if unit in _FATE_OF:
        return _FATE_OF[unit]
    for k in range(max(len(near.far), len(near.after))):
        for side in (near.far, near.after):
            if k < len(side) and side[k] in _FATE_OF:
                return _FATE_OF[side[k]]
    return None


def _heads_differ(x: ClaimRef, y: ClaimRef) -> bool:
    """Each figure's nearest word is missing from the other's context: two things of one kind ("سعر لتر
    البنزين من 0.80" / "سعر لتر الديزل من 0.60"), not two values of one thing. Words are compared by
    their consonants, so one root in two forms ("إتلاف" / "أتلفت") is one word."""
    if not x.head or not y.head or len(x.context & y.context) >= 3:
        return False  # three shared words outweigh two different neighbours ("بداخلها" / "بحوزته")
    hx, hy = _skeleton(x.head), _skeleton(y.head)
    return hx not in {_skeleton(t) for t in y.context} and hy not in {_skeleton(t) for t in x.context}


def _skeleton(stem: str) -> str:
    """A stem without long vowels and weak letters: "اتلاف" and "اتلف" -> "تلف"."""
    return stem.translate(_VOWELS) or stem


_VOWELS = str.maketrans("", "", "اويىه")


def _same_fate(x: ClaimRef, y: ClaimRef) -> bool:
    """False when the two figures count people who met different fates."""
    return not (x.fate and y.fate and x.fate != y.fate)


_DENIED = frozenset({"denied"})


def _event_verdict(x: ClaimRef, y: ClaimRef) -> Verdict:
    """Events agree unless one outlet asserts what another reports as denied."""
    sx, sy = x.attrs.get("status"), y.attrs.get("status")
    if (sx in _DENIED) != (sy in _DENIED) and "asserted" in (sx, sy):
        return Verdict("conflict", f"asserted by one source, denied in the other ({sx} vs {sy})")
    return Verdict("agree")


def groups_of(refs: Sequence[ClaimRef], links: Sequence[Link]) -> list[list[int]]:
    """Groups of linked claims, best links first; two groups merge only when every pair of their claims
    from different articles is at least loosely related, so a chain of weak links cannot pull unrelated
    claims together ("18 آذار" - "17 آذار" - "نهاية الأسبوع"). Claim order inside, groups by first claim."""
    group = {i: [i] for i in range(len(refs))}
    owner = list(range(len(refs)))
    seen: dict[tuple[int, int], bool] = {}  # pairs already scored: merges ask about them again
    for link in links:  # a link (the judge's too) relates its two claims, whatever their score
        seen[(link.a, link.b) if link.a < link.b else (link.b, link.a)] = True
    for link in sorted(links, key=lambda k: (-k.score, k.a, k.b)):
        ga, gb = owner[link.a], owner[link.b]
        if ga == gb or not _loosely_related(refs, group[ga], group[gb], seen):
            continue
        keep, drop = min(ga, gb), max(ga, gb)
        group[keep] += group.pop(drop)
        for i in group[keep]:
            owner[i] = keep
    return sorted((sorted(g) for g in group.values()), key=lambda g: g[0])


def _loosely_related(
    refs: Sequence[ClaimRef], a: Sequence[int], b: Sequence[int], seen: dict[tuple[int, int], bool]
) -> bool:
    for i in a:
        for j in b:
            if refs[i].doc != refs[j].doc:
                key = (i, j) if i < j else (j, i)
                if key not in seen:
                    seen[key] = score(refs[i], refs[j]) >= LOOSE_AT
                if not seen[key]:
                    return False
    return True


FEATURES = (
    "score", "text", "shared", "keys", "unit", "same_fate", "fate_differ", "sentence", "slot", "anchors",
    "same_sentence", "alone", "only", "apart", "heads_differ", "modal_differ", "same_head", "date",
    "weekday", "specific", "peers", "lead", "bare",
)  # fmt: skip


def pair_features(x: ClaimRef, y: ClaimRef, known_score: float | None = None) -> list[float]:
    """What says two claims of one family report one fact, whatever their values: `FEATURES`, in order.
    Nothing here asks whether the two figures are equal (a changed figure must look like its original);
    figures elsewhere in the two sentences do count, as anchors."""
    shared = x.context & y.context
    common = sum(min(x.weights[t], y.weights[t]) for t in shared)
    text = common / (min(x.weight_sum, y.weight_sum) or 1.0)
    keys = len(x.keys & y.keys) / min(len(x.keys), len(y.keys)) if x.keys and y.keys else 0.0
    unit = _unit_match(x, y) if x.kind == "quantity" else 1.0
    anchors = aligned(x.row, x.pos, y.row, y.pos) if x.row and y.row else None
    return [
        score(x, y) if known_score is None else known_score,
        text,
        min(len(shared), 5) / 5,
        keys,
        -1.0 if unit is None else unit,
        float(bool(x.fate) and x.fate == y.fate),
        float(not _same_fate(x, y)),
        sentence_similarity(x, y),
        float(anchors is not None),
        min(anchors or 0, 3) / 3,
        _same_sentence(x, y),
        float(x.alone and y.alone),
        float(_only_counts(x, y)),
        float(bool(_places(x)) and bool(_places(y)) and not _places(x) & _places(y)),
        float(_heads_differ(x, y)),
        float(_modal(x) != _modal(y)),
        float(x.head is not None and x.head == y.head),
        float(x.kind == "date"),
        float(x.kind == "weekday"),
        float(_specific(x) and _specific(y)),
        2.0 / (x.peers + y.peers),
        float(x.span.start < 300 and y.span.start < 300),
        float(x.kind == "quantity" and not (x.unit and y.unit)),
    ]
