"""What a group of aligned claims amounts to: corroborated, single-source, conflict or update.

Sources, not articles, are counted: copies of one wire and follow-ups by one outlet are one source. A
conflict is a pair of linked claims whose values cannot both be true; when the later report revises a
running figure ("ارتفع عدد القتلى إلى", or simply the same outlet's newer report) it is an update, a
timeline rather than a contradiction.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from isnad.compare.align import ClaimRef, Link, day_anchor
from isnad.compare.memo import IdentityMemo
from isnad.compare.values import day_span
from isnad.model import Document
from isnad.text.date_lexicon import GREGORIAN, trie
from isnad.text.normalize import ARABIC_LETTERS, fold

_L = ARABIC_LETTERS
# "بلغ" and "وصل" are left out: they introduce first reports as often as revisions. A figure that moved
# ("تراجع سعر الخام 40 سنتا") is a running figure: a later report of it is a timeline. A figure carried
# "إلى" a new level ("ارتفع عدد القتلى إلى 21") revises the earlier one only in the direction the verb
# says. "يرتفع" and "ارتفاع" also give heights ("منحدر يرتفع 450 مترا"), and "تجاوز" a bound ("إقبال
# تجاوز 100 ألف زائر" is more than 100,000, not a rise of 100,000): they need that "إلى".
_RISE = "ارتفع ارتفعت زاد زادت"
_FALL = "انخفض انخفضت تراجع تراجعت"
# A revised figure says so next to its noun ("حصيلة محدثة", "أحدث الأرقام"); "أحدث تقرير" is the latest
# report, not a revision of any figure in it.
_TALLY = "حصيلة أرقام إحصائية إحصاءات بيانات"
_HEIGHT = "يرتفع ترتفع ارتفاع تجاوز تجاوزت"


def _cue(words: str) -> str:
    return "|".join(sorted({fold(w) for w in words.split()}))


_UPDATE = re.compile(
    f"(?<![{_L}])[وف]?(?:(?P<rise>{_cue(_RISE)})|(?P<fall>{_cue(_FALL)})|(?P<height>{_cue(_HEIGHT)})"
    f"|(?P<new>(?:ال)?(?:{_cue(_TALLY)})\\s+(?:ال)?{_cue('محدثة')}|{_cue('أحدث')}\\s+(?:ال)?(?:{_cue(_TALLY)})))"
    f"(?![{_L}])"
)
# A change measured against a named period ("5.5 في المئة عن يونيو", "مقارنة بالشهر السابق", "على أساس
# سنوي") is that period's statistic, published once: a later report giving another change contradicts it.
_AGAINST = re.compile(
    rf"(?<![{_L}])(?:(?:عن|مقابل|مقارنه\s+(?:ب|مع)|بالمقارنه\s+مع|قياسا\s+ب)\s*(?:ال)?(?:مستوي\s+)?"
    rf"(?:{trie(GREGORIAN)}|(?:ال)?(?:شهر|عام|سنه|ربع|اسبوع|فتره|نفس)(?![{_L}]))"
    rf"|في\s+الفتره|علي\s+اساس\s+(?:سنوي|شهري|فصلي|ربعي))"
)
_AGAINST_REACH = 60  # characters after the figure where the period is named

# "إلى (نحو)", "حتى", "لتصل": what carries a figure to its new level, up to two words before it.
_TO = re.compile(rf"(?<![{_L}])(?:ال[يى]|حت[يى]|ل[يت](?:صل|بلغ|سجل|ستقر))\s*(?:[{_L}]+\s+){{0,2}}$")


@dataclass(frozen=True, slots=True)
class Finding:
    """One contradiction (or revision) between two linked claims."""

    kind: str  # "conflict" or "update"
    link: Link
    explanation: str


@dataclass(frozen=True, slots=True)
class GroupStatus:
    status: str
    independent_sources: int
    explanation: str
    findings: tuple[Finding, ...]


def judge(
    members: Sequence[int],
    links: Sequence[Link],
    refs: Sequence[ClaimRef],
    docs: Sequence[Document],
    source_of: Mapping[int, str],
) -> GroupStatus:
    """The status of one group of claims (indices into `refs`) from the links inside it."""
    sources = {source_of[refs[i].doc] for i in members}
    findings: list[Finding] = []
    agree_across = False
    for link in links:
        x, y = refs[link.a], refs[link.b]
        across = source_of[x.doc] != source_of[y.doc]
        if link.verdict.outcome == "conflict":
            findings.append(_finding(link, x, y, docs, across))
        elif link.verdict.outcome == "agree" and across:
            agree_across = True
    n = len(sources)
    conflicts = [f for f in findings if f.kind == "conflict"]
    if conflicts:
        return GroupStatus("conflict", n, conflicts[0].explanation, tuple(findings))
    if findings:
        return GroupStatus("update", n, findings[0].explanation, tuple(findings))
    if n >= 2 and agree_across:
        return GroupStatus("corroborated", n, f"{n} independent sources agree", ())
    outlets = sorted({_outlet(docs[refs[i].doc]) for i in members})
    if len({refs[i].doc for i in members}) > 1:
        why = f"reported only by one source ({', '.join(outlets)}), repeated in its copies or follow-ups"
    else:
        why = f"reported only by {outlets[0]}"
    return GroupStatus("single-source", n, why, ())


def _finding(link: Link, x: ClaimRef, y: ClaimRef, docs: Sequence[Document], across: bool) -> Finding:
    """Conflict, unless the later report revises a running figure (update cue, or the same source)."""
    dx, dy = docs[x.doc], docs[y.doc]
    earlier, later = (x, y) if _time(dx) <= _time(dy) else (y, x)
    dated = dx.article.published is not None and dy.article.published is not None and _time(dx) != _time(dy)
    moved = _has_update_cue(docs[later.doc], later, earlier) and not _same_snapshot(x, y)
    revises = dated and (not across or moved or _toll_rises(earlier, later, docs))
    if not dated and x.kind == "quantity":
        # No order from the clock: a report that says its figure rose (fell) to a new level is the later one.
        ahead = [r for r, o in ((x, y), (y, x)) if _update_cue(docs[r.doc], r, o) == "level"]
        if len(ahead) == 1:
            later = ahead[0]
            earlier = y if later is x else x
            revises = True
    a, b = _value_text(earlier), _value_text(later)
    who_a, who_b = _outlet(docs[earlier.doc]), _outlet(docs[later.doc])
    settled = _settled(earlier, docs[earlier.doc]) or _settled(later, docs[later.doc])
    running = x.kind != "event" and not settled
    days = _different_days(docs[earlier.doc], docs[later.doc]) if running else None
    if days is not None:
        return Finding("update", link, f"{who_a} ({a}) and {who_b} ({b}) report different days: {days}")
    if revises:
        return Finding("update", link, f"{who_b} revises {a} ({who_a}) to {b} in a later report")
    what = "figures" if x.kind == "quantity" else "dates" if x.kind in ("date", "weekday") else "accounts"
    if x.kind == "event":
        return Finding("conflict", link, f"{who_a} and {who_b} disagree: {link.verdict.why}")
    return Finding("conflict", link, f"incompatible {what}: {a} ({who_a}) vs {b} ({who_b})")


_DAY_NAMES = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
_SHIFT = {"اليوم": 0, "امس": 1, "غدا": -1}  # "أمس الأحد" is said on a Monday


# A story has at most 100 articles: documents are not kept longer than a comparison needs them.
_DAYS: IdentityMemo[int | None] = IdentityMemo(256)


def _report_day(doc: Document) -> int | None:
    """The weekday a report says it is written on ("اليوم الاثنين", "أمس الأحد" on a Monday), when it
    says so consistently; None otherwise. Remembered per document: every finding asks again."""
    return _DAYS.get((doc,), lambda: _said_day(doc))


def _said_day(doc: Document) -> int | None:
    days = set()
    for claim in doc.layer("claims"):
        weekday, expression = claim.attributes.get("weekday"), claim.attributes.get("expression")
        anchor = day_anchor(expression)
        if isinstance(weekday, int) and anchor is not None:
            days.add((weekday + _SHIFT[anchor]) % 7)
    return days.pop() if len(days) == 1 else None


def _different_days(dx: Document, dy: Document) -> str | None:
    """ "الاثنين / الثلاثاء" when two reports date themselves to different weekdays a publication gap
    explains (a daily market report and the next day's): their figures are a timeline, not a dispute.
    None when they give one day, or days their publication times do not account for."""
    ax, ay = _report_day(dx), _report_day(dy)
    px, py = dx.article.published, dy.article.published
    if ax is None or ay is None or ax == ay or px is None or py is None:
        return None
    gap = (py.date() - px.date()).days
    if min((gap - (ay - ax)) % 7, (ay - ax - gap) % 7) > 1:
        return None  # a day the publication dates cannot explain: one of the two is wrong
    return f"{_DAY_NAMES[ax]} / {_DAY_NAMES[ay]}"


TOLL_HOURS = 12.0  # the same day, two outlets with different tolls disagree; by the next day it has grown


def _toll_rises(earlier: ClaimRef, later: ClaimRef, docs: Sequence[Document]) -> bool:
    """A casualty toll (killed, wounded, displaced…) that grows in a report hours later is a running
    figure being updated, not a contradiction; unless either report ties it to a time that is over."""
    if earlier.fate is None or earlier.fate != later.fate:
        return False
    a, b = earlier.attrs.get("value"), later.attrs.get("value")
    dx, dy = docs[earlier.doc], docs[later.doc]
    hours = abs(_time(dx) - _time(dy)) / 3600
    rises = isinstance(a, int | float) and isinstance(b, int | float) and b > a and hours >= TOLL_HOURS
    return rises and not _settled(earlier, dx) and not _settled(later, dy)


SETTLED_DAYS = 7  # an attack this long before the report has its toll; a toll of yesterday's may still grow
_SINCE = re.compile(rf"(?<![{_L}])(?:منذ|حتي)(?![{_L}])")
_SINCE_REACH = 30  # characters before a date where "منذ بدء الهجوم في" makes it a start, not the time


_PAST = frozenset(fold(w) for w in ["الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "السابق", "خلال"])


def _said_past(attrs: Mapping[str, Any]) -> bool:
    """A date with its year written, or one the text says is past ("يونيو الماضي", "خلال يوليو"): a year
    isnad inferred may be the wrong one ("عقود تسليم ديسمبر" in August is the coming December)."""
    expression = attrs.get("expression")
    if not attrs.get("year_inferred"):
        return True
    return isinstance(expression, str) and any(w in _PAST for w in fold(expression).split())


def _settled(ref: ClaimRef, doc: Document) -> bool:
    """The figure's sentence dates it to a period that is over ("خلال يوليو": that month's statistic) or
    to a day weeks before the report ("في 26 يونيو الماضي" recalled in August): a settled figure, which a
    later report cannot revise by rising. A date a count runs from ("منذ 17 أكتوبر") settles nothing."""
    published = doc.article.published
    if published is None:
        return False
    today, view = published.date(), doc.matching
    for claim in doc.layer("claims"):
        attrs = claim.attributes
        evidence = attrs.get("evidence")
        if attrs.get("kind") != "date" or claim.end <= ref.span.start or claim.start >= ref.span.end:
            continue
        days = day_span(attrs)
        if days is None or not days[1] < today or not _said_past(attrs) or not isinstance(evidence, Mapping):
            continue
        at = view.offsets.to_view(evidence["start"])
        if _SINCE.search(view.text, max(at - _SINCE_REACH, 0), view.offsets.to_view(evidence["end"])):
            continue
        if days[1] > days[0] or (today - days[1]).days >= SETTLED_DAYS:
            return True
    return False


_MARKET = ("money", "percent")


def _same_snapshot(x: ClaimRef, y: ClaimRef) -> bool:
    """Two price moves that share their other figure, the level a price moved to or the move that took it
    there ("ارتفعت الفضة 0.3 بالمئة إلى 14.60 دولار"), describe one moment of the market: the figure they
    differ on is a contradiction, not a later reading."""
    if x.kind != "quantity" or x.attrs.get("unit_class") not in _MARKET:
        return False
    return bool(_companions(x) & _companions(y))


def _companions(ref: ClaimRef) -> set[float]:
    out: set[float] = set()
    for k, slot in enumerate(ref.row):
        value = slot.attrs.get("value")
        # A bound ("بعد هبوطه أكثر من واحد في المئة") is an earlier move, not this moment's figure.
        # A move in cents is no moment: "تراجع 40 سنتا" at noon and "ارتفع 40 سنتا" at nine are two.
        priced = slot.attrs.get("currency") is not None or bool(slot.attrs.get("percent"))
        exact = slot.attrs.get("hedge") is None and slot.attrs.get("unit_class") in _MARKET and priced
        if k != ref.pos and exact and isinstance(value, int | float):
            out.add(float(value))
    return out


def _has_update_cue(doc: Document, ref: ClaimRef, earlier: ClaimRef) -> bool:
    return _update_cue(doc, ref, earlier) is not None


def _update_cue(doc: Document, ref: ClaimRef, earlier: ClaimRef) -> str | None:
    """How the later claim gives a running figure: "moved" ("تراجع 40 سنتا"), "new" ("محدثة"), or
    "level" (a verb carries it to a new level in the direction it went: "ارتفع … إلى 21" after 14)."""
    view = doc.matching
    a, b = view.offsets.to_view(ref.span.start), view.offsets.to_view(ref.span.end)
    evidence = ref.attrs.get("evidence")
    figure = view.offsets.to_view(evidence["start"]) if isinstance(evidence, Mapping) else b
    old, new = earlier.attrs.get("value"), ref.attrs.get("value")
    numbers = isinstance(old, int | float) and isinstance(new, int | float)
    height = ref.attrs.get("unit_class") == "distance"
    for cue in _UPDATE.finditer(view.text, a, b):
        if cue.group("new"):
            return "new"
        if cue.end() > figure:
            continue  # a verb after the figure moves something else ("26 مشروعا … بقيمة تجاوزت")
        if height and cue.group("height"):
            continue  # "يصل ارتفاع منسوب الماء إلى 4 أمتار" measures a height; it reports no rise
        level = _TO.search(view.text, cue.end(), figure) is not None
        if not level:
            if cue.group("height") is None:
                period = _AGAINST.search(view.text, figure, min(b, figure + _AGAINST_REACH))
                return None if period else "moved"
            continue
        if not numbers:
            return None if cue.group("height") else "moved"
        went = new < old if cue.group("fall") else new > old  # type: ignore[operator]
        return "level" if went else None
    return None


def _time(doc: Document) -> float:
    published = doc.article.published
    if published is None:
        return float("inf")
    if published.tzinfo is None:
        return published.replace(tzinfo=None).timestamp()
    return published.timestamp()


def _value_text(ref: ClaimRef) -> str:
    evidence: Any = ref.attrs.get("evidence")
    if isinstance(evidence, Mapping) and isinstance(evidence.get("text"), str):
        return f"«{evidence['text']}»"
    text = ref.span.text
    return f"«{text[:60]}…»" if len(text) > 60 else f"«{text}»"


def _outlet(doc: Document) -> str:
    return doc.article.outlet or _short_source(doc.article.source)


def _short_source(source: str) -> str:
    return source.rsplit("/", 1)[-1] or source


def published_iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
