"""Words that tell how a clause is asserted (unverified, rumour, denied, alleged, attributed) and which
verbs report an event another outlet could confirm or contradict. Matched on the matching view.

Lexicon entries are written in ordinary spelling and folded like the text (أ/إ/آ→ا، ى→ي، ة→ه).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from isnad.text.normalize import ARABIC_LETTERS, fold

_L = ARABIC_LETTERS
_CLITIC = "(?:[وف](?:لقد|قد)?\\s+)?[وف]?"


def _alternation(phrases: Iterable[str]) -> str:
    """Folded phrases as one alternation, longest first, any run of blanks between words."""
    folded = sorted({fold(p) for p in phrases}, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in folded)


def _cue(phrases: Iterable[str], tail: str = "") -> re.Pattern[str]:
    """A cue: optional و/ف, a phrase, then `tail`; never inside a longer word."""
    return re.compile(f"(?<![{_L}])[وف]?(?:{_alternation(phrases)}){tail}(?![{_L}])")


# "لم يتسن لرويترز التحقق": the verification verb may have a agent between.
_VERIFY = "(?:\\s+ل?[" + _L + "]+){0,2}?\\s+(?:ال)?(?:تحقق|تاكد|تاكيد|التثبت)"
_COULD_NOT = "لم يتسن|لا يتسنى|لم يتسنى|يتعذر|تعذر|لم يتمكن|لم تتمكن|لا يمكن"
_NOT_CONFIRMED = "لم تتأكد|لم يتأكد|لم تؤكد|لم يؤكد|لم يتم التأكد|لم يتم التحقق|إذا تأكدت|إذا صحت"
_NO_CONFIRMATION = "غير مؤكدة|غير مؤكد|دون تأكيد|بدون تأكيد|من مصدر مستقل|من مصدر محايد"
UNVERIFIED = [
    _cue(_COULD_NOT.split("|"), _VERIFY),
    _cue(_NOT_CONFIRMED.split("|")),
    _cue(_NO_CONFIRMATION.split("|")),
]
RUMOUR = [
    _cue(("إشاعات", "إشاعة", "شائعات", "شائعة", "يشاع", "ترددت أنباء", "تداولت", "يتردد", "ترددت")),
]
DENIAL = [_cue(["نفى", "نفت", "ينفي", "تنفي", "نفوا", "نفي", "كذب", "كذبت", "دحض"])]
ALLEGATION = [
    _cue(["زعم", "زعمت", "يزعم", "تزعم", "ادعى", "ادعت", "يدعي", "تدعي", "مزاعم", "ادعاءات", "المزعوم"])
]
# "بحسب متحدث باسم القوات", "وفقا لوزارة": the source is the words that follow.
_ACCORDING_TO = ("حسب", "بحسب", "وفقا ل", "وفق", "نقلا عن", "على لسان", "استنادا إلى")
SOURCE = re.compile(
    f"(?<![{_L}])[وف]?(?:{_alternation(_ACCORDING_TO)})"
    f"\\s*(?:ما\\s+(?:[{_L}]+\\s+){{0,2}})?(?P<source>(?:[{_L}]+)(?:\\s+[{_L}]+){{0,3}})"
)

# Past-tense event verbs (third person, with their feminine/plural endings) — a clause that carries one
# and names someone or somewhere states an event.
_EVENT_WORDS = """
قتل اغتال أعدم أصاب جرح لقي سقط هاجم شن اقتحم دخل استعاد سيطر استولى حاصر قصف ضرب فجر انفجر
أطلق اعتقل أسر خطف أفرج انسحب تقدم حرر انطلق بدأ أعلن وقع أبرم التقى زار وصل غادر عقد انتخب فاز
خسر استقال عين أقال اجتاح دمر أحرق نشر بث أصدر تبنى نفذ
"""
_EVENT_STEMS = _EVENT_WORDS.split()
_EVENT_ENDINGS = ("", "ت", "وا", "ا", "تا")
EVENT_VERB = re.compile(
    f"(?<![{_L}]){_CLITIC}(?:قد\\s+)?(?:{_alternation(s + e for s in _EVENT_STEMS for e in _EVENT_ENDINGS)})"
    f"(?![{_L}])"
)
# A place named only by its kind ("داخل المدينة"): the article's most mentioned place is meant.
_PLACE_KINDS = ["مدينة", "بلدة", "قرية", "عاصمة", "محافظة", "منطقة", "بلاد", "مخيم"]
GENERIC_PLACE = re.compile(
    f"(?<![{_L}])(?:[وفبلك]|بال|وال|فال|وبال|لل)?(?:ال)?(?P<noun>{_alternation(_PLACE_KINDS)})(?![{_L}])"
)


def first(patterns: list[re.Pattern[str]], text: str, start: int, end: int) -> re.Match[str] | None:
    """The earliest match of any pattern inside text[start:end]."""
    found = [m for p in patterns if (m := p.search(text, start, end)) is not None]
    return min(found, key=lambda m: m.start()) if found else None
