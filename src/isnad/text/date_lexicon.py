"""Word lists for dates and times, written in natural Arabic and folded once at import.

Every table maps a folded surface form (the spelling of the matching view: no diacritics, alef variants
-> ا, ى -> ي, ة -> ه) to its meaning, and `trie` turns a word list into a compact regex so matching
costs a few character comparisons per position instead of one per word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from isnad.text.normalize import fold

SPACE = r"[ \t]{1,4}"
_Node = dict[str, "_Node"]


def folded(words: str) -> list[str]:
    """Fold a '|'-separated list of words (multi-word entries keep their single spaces)."""
    return [fold(w.strip()) for w in words.split("|") if w.strip()]


def _table(spec: Mapping[int, str]) -> dict[str, int]:
    return {w: k for k, words in spec.items() for w in folded(words)}


def trie(words: Iterable[str]) -> str:
    """Regex matching any of `words`, factored by common prefixes (longest alternative wins)."""
    return guarded_trie(dict.fromkeys(words, ""))


def guarded_trie(ends: Mapping[str, str], first: str = "", behind: Mapping[str, str] | None = None) -> str:
    """Like `trie`, with each word's value appended where that word ends (e.g. a lookahead guard);
    "#" in a word stands for any digit. `first` orders the top-level branches (most frequent first).
    A "\0" in a word asserts that the text before it matches `behind[<the word up to there>]`."""
    root: _Node = {}
    for word in ends:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root, "", ends, first, behind or {})


def _emit(node: _Node, prefix: str, ends: Mapping[str, str], first: str, behind: Mapping[str, str]) -> str:
    # `re` tries alternatives in order (skipping, cheaply but one by one, those whose first letter
    # differs): frequent letters first saves work on every word scanned. Siblings start with different
    # characters, so the order never changes what matches.
    order = first or LETTER_ORDER
    keys = sorted((ch for ch in node if ch), key=lambda ch: (order.find(ch) % (len(order) + 1), ch))
    alts = []
    for ch in keys:
        head = SPACE if ch == " " else "[0-9]" if ch == "#" else re.escape(ch)
        if ch == "\0":
            head = f"(?<={behind[prefix]})"
        alts.append(head + _emit(node[ch], prefix + ch, ends, "", behind))
    if "" in node:
        end = ends[prefix]
        if not alts:
            return end
        if not end:
            body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
            return f"(?:{body})?"
        alts.append(end)
    if not alts:
        return ""
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


# Arabic letters by how often they start a word in news text (conjunction و and the article ال lead),
# and by how often they occur inside one.
WORD_INITIAL_ORDER = "اوفبلمتيعقسنحهكشدخجرصطغزثضذظ"
LETTER_ORDER = "لايهمنرتودعبسقفكحجطشصخزضذثءغظ"


# Gregorian months: Egyptian/Western, Syriac/Levantine, Maghrebi (Algeria/Tunisia) and Moroccan names.
GREGORIAN: dict[str, int] = _table(
    {
        1: "يناير|كانون الثاني|كانون ثاني|جانفي|جانفييه",
        2: "فبراير|شباط|فيفري",
        3: "مارس|آذار",
        4: "أبريل|إبريل|ابريل|نيسان|أفريل",
        5: "مايو|أيار|ماي",
        6: "يونيو|يونيه|حزيران|جوان",
        7: "يوليو|يوليه|تموز|جويلية|جويليه|يوليوز",
        8: "أغسطس|اغسطس|آب|أوت|غشت",
        9: "سبتمبر|أيلول|شتنبر",
        10: "أكتوبر|اكتوبر|تشرين الأول|تشرين أول",
        11: "نوفمبر|تشرين الثاني|تشرين ثاني|نونبر",
        12: "ديسمبر|كانون الأول|كانون أول|دجنبر",
    }
)
HIJRI: dict[str, int] = _table(
    {
        1: "محرم",
        2: "صفر",
        3: "ربيع الأول|ربيع أول",
        4: "ربيع الثاني|ربيع الآخر|ربيع ثاني",
        5: "جمادى الأولى|جمادى الأول",
        6: "جمادى الآخرة|جمادى الثانية|جمادى الآخر",
        7: "رجب",
        8: "شعبان",
        9: "رمضان",
        10: "شوال",
        11: "ذو القعدة|ذي القعدة|ذا القعدة",
        12: "ذو الحجة|ذي الحجة|ذا الحجة",
    }
)
# Month names that are also ordinary words or names. STRONG ones (father, zero, a name, "forbidden")
# need a day, a year, a paired name or "شهر"; WEAK ones (a verb, a car brand, names) are also accepted
# after a temporal preposition or with الماضي/المقبل.
STRONG_CONTEXT = frozenset(folded("آب|ماي|صفر|محرم|رجب|غشت"))
WEAK_CONTEXT = frozenset(folded("مارس|آذار|نيسان|تموز|جوان|أوت|شعبان|رمضان|شوال"))

WEEKDAYS: dict[str, int] = _table(
    {
        0: "اثنين|إثنين|اتنين",
        1: "ثلاثاء|ثلاثا",
        2: "أربعاء|اربعا",
        3: "خميس",
        4: "جمعة",
        5: "سبت",
        6: "أحد",
    }
)
# Words before الجمعة that make it the Friday prayer or a mosque term rather than a day reference.
FRIDAY_NOT_A_DAY = frozenset(folded("صلاة|صلاه|خطبة|خطيب|خطباء|إمام|أئمة|منبر|صلوات|جوامع|جامع|مساجد|مسجد"))
# Words before الاثنين that make it "the two" rather than Monday.
MONDAY_NOT_A_DAY = frozenset(folded("بين|كلا|كلتا|هذين|هذان|أحد|إحدى"))

_UNITS_M = ["", "حادي", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع"]
_TENS_M = {20: "عشرين|عشرون", 30: "ثلاثين|ثلاثون"}


def _ordinal_days() -> dict[str, int]:
    out = {"الأول": 1, "الواحد": 1, "غرة": 1, "العاشر": 10}
    for n in range(2, 10):
        out["ال" + _UNITS_M[n]] = n
    for n in range(1, 10):
        out[f"ال{_UNITS_M[n]} عشر"] = 10 + n
    for tens, forms in _TENS_M.items():
        for form in forms.split("|"):
            out["ال" + form] = tens
            for n in range(1, 10 if tens == 20 else 2):
                out[f"ال{_UNITS_M[n]} وال{form}"] = tens + n
                if n == 1:
                    out[f"الواحد وال{form}"] = tens + 1
    return {fold(k): v for k, v in out.items()}


ORDINAL_DAYS: dict[str, int] = _ordinal_days()
ORDINAL_HOURS: dict[str, int] = _table(
    {
        1: "الواحدة",
        2: "الثانية",
        3: "الثالثة",
        4: "الرابعة",
        5: "الخامسة",
        6: "السادسة",
        7: "السابعة",
        8: "الثامنة",
        9: "التاسعة",
        10: "العاشرة",
        11: "الحادية عشرة|الحادية عشر",
        12: "الثانية عشرة|الثانية عشر",
    }
)

_CARD = {
    3: "ثلاث|ثلاثة",
    4: "أربع|أربعة",
    5: "خمس|خمسة",
    6: "ست|ستة",
    7: "سبع|سبعة",
    8: "ثماني|ثمانية|ثمان",
    9: "تسع|تسعة",
}
_TENS = {20: "عشرين|عشرون", 30: "ثلاثين|ثلاثون", 40: "أربعين|أربعون", 50: "خمسين|خمسون"}
_TENS |= {60: "ستين|ستون", 70: "سبعين|سبعون", 80: "ثمانين|ثمانون", 90: "تسعين|تسعون"}


def _cardinals() -> dict[str, int]:
    out: dict[str, int] = {}
    spec = {1: "واحد|واحدة", 2: "اثنين|اثنان|اثنتين|اثنتان", 10: "عشر|عشرة", 11: "أحد عشر|إحدى عشرة"}
    spec |= {12: "اثني عشر|اثنا عشر|اثنتي عشرة|اثنتا عشرة", 100: "مئة|مائة", 200: "مئتين|مائتين|مئتي"}
    spec |= {1000: "ألف"}
    for n, words in {**spec, **_CARD, **_TENS}.items():
        for w in words.split("|"):
            out[w] = n
    for n, words in _CARD.items():
        for w in words.split("|"):
            out[f"{w} عشر"] = out[f"{w} عشرة"] = 10 + n
    for t, tw in _TENS.items():
        for n, words in {1: "واحد|واحدة|إحدى", 2: "اثنين|اثنان|اثنتين", **_CARD}.items():
            for w in words.split("|"):
                for t_form in tw.split("|"):
                    out[f"{w} و{t_form}"] = t + n
    return {fold(k): v for k, v in out.items()}


CARDINALS: dict[str, int] = _cardinals()
# Counts that say "a few / several / tens of": the quantity is real but not a number.
VAGUE_COUNTS: frozenset[str] = frozenset(folded("بضع|بضعة|عدة|عشرات|مئات|آلاف|ملايين"))

# Unit -> (ISO designator, multiplier, implied count): singular 1, dual 2, plural None (vague).
_UNIT_SPEC = {
    ("S", 1): ("ثانية", "ثانيتين|ثانيتان", "ثوان|ثواني"),
    ("TM", 1): ("دقيقة", "دقيقتين|دقيقتان", "دقائق"),
    ("H", 1): ("ساعة", "ساعتين|ساعتان", "ساعات"),
    ("D", 1): ("يوم|يوما", "يومين|يومان", "أيام"),
    ("W", 1): ("أسبوع|أسبوعا", "أسبوعين|أسبوعان", "أسابيع"),
    ("M", 1): ("شهر|شهرا", "شهرين|شهران", "أشهر|شهور"),
    ("Y", 1): ("عام|عاما|سنة", "عامين|عامان|سنتين|سنتان", "أعوام|سنوات|سنين"),
    ("Y", 10): ("عقد|عقدا", "عقدين|عقدان", "عقود"),
    ("Y", 100): ("قرن|قرنا", "قرنين|قرنان", "قرون"),
}
UNITS: dict[str, tuple[str, int, int | None]] = {
    w: (code, mult, count)
    for (code, mult), forms in _UNIT_SPEC.items()
    for count, words in zip((1, 2, None), forms, strict=True)
    for w in folded(words)
}
# Decades and centuries are also "contracts" and "horns": never a duration on a bare number.
NEEDS_INTRO_UNITS = frozenset(w for w, (_, mult, _c) in UNITS.items() if mult > 1)
UNIT_NAMES = {"S": "second", "TM": "minute", "H": "hour", "D": "day", "W": "week", "M": "month", "Y": "year"}

HEDGES: dict[str, str] = {
    **dict.fromkeys(folded("نحو|حوالي|حوالى|قرابة|زهاء|ما يقارب|ما يقرب من|ما يناهز|يناهز|قرابة"), "approx"),
    **dict.fromkeys(
        folded("أكثر من|ما يزيد عن|ما يزيد على|ما يربو على|يزيد عن|يزيد على|أزيد من|تزيد على|تزيد عن"),
        "more_than",
    ),
    **dict.fromkeys(folded("ما يفوق|يفوق"), "more_than"),
    **dict.fromkeys(folded("أقل من|ما يقل عن"), "less_than"),
    **dict.fromkeys(folded("ما لا يقل عن|لا يقل عن|ما لا تقل عن|لا تقل عن"), "at_least"),
    **dict.fromkeys(
        folded("ما لا يزيد عن|ما لا يزيد على|لا يزيد عن|لا يزيد على|لا تزيد عن|لا تزيد على"), "at_most"
    ),
}

# Prepositions that stay in the span because they change the meaning of what follows.
RELATIONS: dict[str, str] = {
    **dict.fromkeys(folded("منذ|مذ"), "since"),
    **dict.fromkeys(folded("قبل"), "before"),
    **dict.fromkeys(folded("بعد"), "after"),
    **dict.fromkeys(folded("خلال|في غضون|غضون|في خلال"), "within"),
    **dict.fromkeys(folded("لمدة|مدة|طوال|طيلة|على مدى|على مدار|على امتداد"), "for"),
}
# Prepositions that mark a bare 4-digit number as a year but are not part of the date.
YEAR_PREPOSITIONS = frozenset(folded("في|حتى|بحلول|منذ|خلال|قبل|بعد|عام|العام|سنة"))
# Nouns that take a bare year as their complement ("حرب 1948", "موسم 2015", "رؤية 2030").
YEAR_NOUNS = frozenset(
    folded("حرب|ثورة|انتفاضة|نكبة|نكسة|أحداث|انتخابات|موسم|ميزانية|موازنة|كأس|بطولة|دورة|مونديال|أولمبياد")
    + folded("رؤية|خطة|دستور|اتفاق|اتفاقية|قمة|انقلاب|غزو|إحصاء|تعداد|مواليد|دفعة|خريجي|نسخة|طراز|موديل")
)
# Words before a weekday that make it part of a place name ("سوق الخميس").
WEEKDAY_NOT_A_DAY = frozenset(folded("سوق|أسواق|ساحة|شارع|حي"))
# Temporal prepositions that make a weak month name (مارس the verb, نيسان the car) a month.
MONTH_PREPOSITIONS = frozenset(folded("في|منذ|خلال|حتى|بحلول|قبل|بعد|أواخر|أوائل"))

PAST = frozenset(
    folded("الماضي|الماضية|الماضيين|الماضيتين|المنصرم|المنصرمة|الفائت|الفائتة|المنقضي|السابق|السابقة")
)
RECENT = frozenset(folded("الأخير|الأخيرة|الأخيرين|الأخيرتين"))
NEXT = frozenset(folded("المقبل|المقبلة|المقبلين|المقبلتين|القادم|القادمة|القادمين|القادمتين"))
CURRENT = frozenset(folded("الجاري|الجارية|الحالي|الحالية"))
HOLY = frozenset(folded("المبارك|الكريم|الفضيل|المعظم|الحرام"))

PARTS_OF_DAY: dict[str, str] = {
    **dict.fromkeys(folded("صباح|صبيحة"), "morning"),
    **dict.fromkeys(folded("ظهر|ظهيرة"), "noon"),
    **dict.fromkeys(folded("عصر"), "afternoon"),
    **dict.fromkeys(folded("مساء"), "evening"),
    **dict.fromkeys(folded("فجر"), "dawn"),
    **dict.fromkeys(folded("ليلة|ليل"), "night"),
    **dict.fromkeys(folded("منتصف ليلة|منتصف ليل"), "midnight"),
}
# Clock adverbs -> (part of day, hours to add to a 1-11 clock reading).
CLOCK_ADVERBS: dict[str, tuple[str, int]] = {
    **dict.fromkeys(folded("صباحا|صباحاً|فجرا|قبل الظهر"), ("morning", 0)),
    **dict.fromkeys(folded("ظهرا|بعد الظهر|بعد الظهيرة|عصرا"), ("afternoon", 12)),
    **dict.fromkeys(folded("مساء|مساءا|ليلا"), ("evening", 12)),
}
PERIOD_PARTS: dict[str, str] = {
    **dict.fromkeys(folded("مطلع|مستهل|أوائل|بداية|بدايات"), "early"),
    **dict.fromkeys(folded("منتصف|أواسط"), "mid"),
    **dict.fromkeys(folded("أواخر|نهاية|ختام"), "late"),
    **dict.fromkeys(folded("صيف"), "summer"),
    **dict.fromkeys(folded("شتاء"), "winter"),
    **dict.fromkeys(folded("ربيع"), "spring"),
    **dict.fromkeys(folded("خريف"), "autumn"),
}
FREQUENCY: dict[str, str] = {
    **dict.fromkeys(folded("يوميا|يومياً"), "P1D"),
    **dict.fromkeys(folded("أسبوعيا"), "P1W"),
    **dict.fromkeys(folded("شهريا"), "P1M"),
    **dict.fromkeys(folded("سنويا"), "P1Y"),
}
DECADES: dict[str, int] = {
    w: d
    for d, stem in enumerate(
        ("", "", "عشرين", "ثلاثين", "أربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين")
    )
    if stem
    for w in folded(f"ال{stem}ات|ال{stem}يات")
}
