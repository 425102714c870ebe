"""Pairs of opposite news words (rise / fall, arrest / release, approve / reject): a general Arabic lexicon.

A contradicting report often keeps the wording and swaps one word for its opposite ("السعودية تعلق صادرات
النفط" / "السعودية تواصل صادرات النفط"). A learned model only knows the swaps its training pairs showed;
this list names the common ones of news language, each pole in its usual verb, noun and adjective forms.
It holds general vocabulary only, no names or events. A word fits a pole after its clitics and definite
article are stripped, so "وبارتفاع" meets "ارتفاع".
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from isnad.extract.clitics import bare, frequencies, strip_proclitics
from isnad.text.normalize import normalize

__all__ = ["OPPOSITES", "opposed", "pole_key", "poles_of"]

# relation -> (one pole, the other pole). Words that are also common function words in the folded view
# are left out: "قبل" (accept / before), "على" (which folds like "أعلى" in a skeleton), "ما".
OPPOSITES: dict[str, tuple[str, str]] = {
    # Up or down, whether a verb of motion, a level or a decision: "تراجع معدل البطالة" and "البطالة لأعلى
    # مستوى" contradict each other as much as "ارتفاع" and "انخفاض" do.
    "direction": (
        "ارتفع ارتفعت يرتفع ترتفع ارتفاع صعد صعدت يصعد تصعد صعود قفز قفزت يقفز قفزة نما ينمو نمو "
        "تحسن تحسنت يتحسن تعافى يتعافى تتعافى تعافي انتعش ينتعش انتعاش ربح أرباح مكاسب زاد زادت يزيد تزيد "
        "عوض يعوض تعوض "
        "أعلى أكبر أكثر أقوى أفضل مرتفع مرتفعة رفع يرفع ترفع زيادة لزيادة مضاعفة يضاعف تضاعف",
        "انخفض انخفضت ينخفض تنخفض انخفاض هبط هبطت يهبط تهبط هبوط تراجع تراجعت يتراجع تتراجع انهار انهارت "
        "ينهار تنهار انهيار تدهور تدهورت يتدهور تهاوى يتهاوى تهاوي انكمش انكماش خسر خسرت خسارة خسائر "
        "نقص نقصت ينقص تقلص يتقلص أدنى أصغر أقل أضعف أسوأ منخفض منخفضة متدني متدنية "
        "خفض يخفض تخفض خفضت تخفيض لخفض قلص يقلص تقليص قلة",
    ),
    "accept": (
        "وافق وافقت يوافق توافق موافقة أيد أيدت يؤيد تؤيد تأييد أقر أقرت يقر تقر إقرار رحب رحبت يرحب ترحب "
        "ترحيب قبول يقبل تقبل دافع يدافع تدافع دفاع أشاد يشيد تشيد إشادة",
        "رفض رفضت يرفض ترفض اعترض اعترضت يعترض تعترض اعتراض عارض عارضت يعارض تعارض معارضة أدان أدانت يدين "
        "تدين إدانة ندد نددت يندد تندد تنديد انتقد انتقدت ينتقد تنتقد انتقاد",
    ),
    "detain": (
        "اعتقل اعتقلت يعتقل تعتقل اعتقال احتجز احتجزت يحتجز تحتجز احتجاز قبض توقيف سجن يسجن",
        "أفرج أفرجت يفرج تفرج إفراج سراح",
    ),
    "halt": (
        "علق علقت يعلق تعلق تعليق أوقف أوقفت يوقف توقف إيقاف وقف أنهى أنهت ينهي تنهي إنهاء ألغى ألغت يلغي "
        "تلغي إلغاء استقال استقالة استقالته جمد جمدت يجمد تجمد تجميد",
        "واصل واصلت يواصل تواصل مواصلة استمر استمرت يستمر تستمر استمرار استأنف استأنفت يستأنف تستأنف استئناف "
        "سريان تنفيذ",
    ),
    "succeed": (
        "نجح نجحت ينجح تنجح نجاح فاز فازت يفوز تفوز فوز انتصر انتصرت ينتصر انتصار",
        "فشل فشلت يفشل تفشل إخفاق أخفق هزيمة هزم يهزم خسارة",
    ),
    "open": ("فتح فتحت يفتح تفتح افتتح افتتاح", "أغلق أغلقت يغلق تغلق إغلاق"),
    "allow": ("سمح سمحت يسمح تسمح السماح ترخيص تراخيص رخصة", "منع منعت يمنع تمنع حظر حظرت يحظر تحظر"),
    "affirm": ("أكد أكدت يؤكد تؤكد تأكيد", "نفى نفت ينفي تنفي نفي"),
    "calm": ("تهدئة هدوء هدنة سلمية تصالح مصالحة", "تصعيد تصاعد اشتباكات صراع صراعات نزاع"),
    "steady": (
        "استقر استقرت يستقر تستقر استقرار مستقر مستقرة ثبات",
        "تذبذب يتذبذب تتذبذب ترنح يترنح تترنح تقلب تقلبات اضطراب",
    ),
    "rank": ("صدارة مقدمة طليعة قمة", "مؤخرة ذيل قاع"),
    "flow": ("ضخ يضخ تضخ ضخت", "سحب يسحب تسحب سحبت"),
    "include": ("شمل يشمل تشمل ضم يضم تضم", "استثنى يستثني تستثني استثناء خارج"),
    "harm": ("هدد يهدد تهدد تهديد", "دعم يدعم تدعم"),
    "join": (
        "دخل دخلت يدخل تدخل دخول انضم انضمت ينضم تنضم انضمام",
        "خرج خرجت يخرج تخرج خروج انسحب انسحبت ينسحب تنسحب انسحاب",
    ),
    "survive": ("نجا نجت ينجو نجاة", "قتل قتلت مقتل مصرع توفي توفيت وفاة"),
    "verdict": ("براءة برأت يبرئ تبرئة", "إدانة إعدام بإعدام اتهام اتهامات"),
    "place": ("وضع وضعت يضع تضع", "نزع نزعت ينزع تنزع إزالة أزال يزيل"),
    "tone": ("إيجابي إيجابية إيجابا متفائل متفائلة تفاؤل", "سلبي سلبية سلبا متشائم متشائمة غاضب غاضبة"),
    "strength": ("قوي قوية قوة تعزيز يعزز", "ضعيف ضعيفة ضعف يضعف إضعاف"),
    "office": ("عين عينت يعين تعين تعيين", "أقال أقالت يقيل تقيل إقالة عزل يعزل"),
    "accord": ("اتفاق اتفق اتفقت يتفق تتفق", "خلاف خلافات اختلف يختلف"),
    "trade": ("شراء اشترى اشترت يشتري تشتري", "بيع باع باعت يبيع تبيع"),
}


def pole_key(word: str) -> str:
    """A folded word without clitics, article or tanween: the form the lexicon is looked up by."""
    core = bare(strip_proclitics(word, frequencies())[1])
    if len(core) > 3 and core.endswith("ا"):
        core = core[:-1]  # accusative tanween: "ارتفاعا" -> "ارتفاع"
    return core


@lru_cache(maxsize=1)
def _poles() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    def keys(words: str) -> frozenset[str]:
        return frozenset(pole_key(w) for w in normalize(words).text.split())

    return {relation: (keys(one), keys(other)) for relation, (one, other) in OPPOSITES.items()}


def opposed(only_a: Iterable[str], only_b: Iterable[str]) -> tuple[set[str], set[str]]:
    """Relations whose poles the two sides swap, and relations only one side touches.

    Takes the `pole_key`s each side has and the other lacks.
    """
    a, b = set(only_a), set(only_b)
    swapped: set[str] = set()
    touched: set[str] = set()
    for relation, (one, other) in _poles().items():
        a1, a2, b1, b2 = bool(a & one), bool(a & other), bool(b & one), bool(b & other)
        if (a1 and b2) or (a2 and b1):
            swapped.add(relation)
        elif (a1 or a2) != (b1 or b2):  # both sides on one pole is a synonym, not a change
            touched.add(relation)
    return swapped, touched


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[tuple[str, int], ...]]:
    out: dict[str, list[tuple[str, int]]] = {}
    for relation, sides in _poles().items():
        for pole, keys in enumerate(sides):
            for key in keys:
                out.setdefault(key, []).append((relation, pole))
    return {key: tuple(found) for key, found in out.items()}


def poles_of(key: str) -> tuple[tuple[str, int], ...]:
    """(relation, pole 0 or 1) for every pole a `pole_key` stands on; () for a word with no opposite."""
    return _index().get(key, ())
