"""Lexicons for number extraction (number words, hedges, counted-noun classes, currencies) and digit runs.

Everything is written in natural Arabic spelling and folded once at import with `normalize.fold`, so the
keys match the matching view (no diacritics, ة -> ه, alef variants -> ا, ى -> ي, ئ -> ي).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

from isnad.text.normalize import fold


class Lex(NamedTuple):
    """One number word: category, value and grammatical flags.

    cat: u unit 1-9, x ten (عشرة), tp teen part (أحد/اثنا), t tens, h hundreds, s scale (ألف...),
    f fraction, v vague plural, o ordinal, oa ordinal adverb (أولاً).
    """

    cat: str
    value: float
    high: float = 0.0
    flags: frozenset[str] = frozenset()


def _words(text: str) -> list[str]:
    """Space-separated word lists keep long Arabic vocabularies readable in source."""
    return text.split()


def _add(table: dict[str, Lex], cat: str, words: dict[str, float], *flags: str, high: float = 0.0) -> None:
    for word, value in words.items():
        table[fold(word)] = Lex(cat, value, high, frozenset(flags))


def _build_lexicon() -> dict[str, Lex]:
    t: dict[str, Lex] = {}
    _add(t, "u", {"واحد": 1, "واحدة": 1, "واحدا": 1, "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمسة": 5})
    _add(t, "u", {"ستة": 6, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسعة": 9})
    # Bare forms that double as other words (ستّ "lady", تسع "holds", خمس "a fifth"...).
    _add(t, "u", {"خمس": 5, "ست": 6, "سبع": 7, "تسع": 9}, "short")
    _add(t, "u", {"اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2}, "nodef")  # الاثنين = Monday
    _add(t, "x", {"عشر": 10}, "short")
    _add(t, "x", {"عشرة": 10})
    _add(t, "tp", {"إحدى": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2})
    _add(t, "tp", {"أحد": 1}, "nodef")  # الأحد = Sunday; أحد alone = "someone"
    tens = ["عشر", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثمان", "تسع"]
    for i, stem in enumerate(tens, start=2):
        _add(t, "t", {stem + "ون": i * 10, stem + "ين": i * 10})
    _add(t, "h", {"مئة": 100, "مائة": 100, "مية": 100})
    _add(t, "h", {w: 200 for w in ("مئتان", "مئتين", "مئتي", "مائتان", "مائتين", "مائتي")})
    for i, stem in enumerate(["ثلاث", "أربع", "خمس", "ست", "سبع", "ثمان", "تسع"], start=3):
        _add(t, "h", {stem + "مئة": i * 100, stem + "مائة": i * 100})
    _add(t, "h", {"ثمانيمئة": 800, "ثمانيمائة": 800})
    _add(t, "s", {"ألف": 1e3, "ألفا": 1e3, "مليون": 1e6, "مليونا": 1e6})
    _add(t, "s", {"مليار": 1e9, "مليارا": 1e9, "بليون": 1e9, "تريليون": 1e12, "ترليون": 1e12})
    _add(t, "s", {"آلاف": 1e3, "ألوف": 1e3, "ملايين": 1e6, "مليارات": 1e9}, "plural")
    _add(t, "s", {"ألفان": 1e3, "ألفين": 1e3, "ألفي": 1e3, "مليونان": 1e6, "مليونين": 1e6}, "dual")
    _add(t, "s", {"مليوني": 1e6, "ملياران": 1e9, "مليارين": 1e9, "ملياري": 1e9}, "dual")
    _add(t, "f", {"نصف": 0.5, "ربع": 0.25, "ثلث": 1 / 3, "ثلثا": 2 / 3, "ثلثي": 2 / 3}, "nodef")
    _add(t, "v", {"عشرات": 10}, high=99)
    _add(t, "v", {"مئات": 100}, high=999)
    _add(t, "v", {"بضع": 3, "بضعة": 3}, high=9)
    _add_ordinals(t)
    return t


def _add_ordinals(t: dict[str, Lex]) -> None:
    masc = ["أول", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر"]
    for i, word in enumerate(masc, start=1):
        _add(t, "o", {word: i})
        _add(t, "oa", {word + "ا": i})
    _add(t, "o", {"ثالثة": 3, "خامسة": 5, "سادسة": 6, "سابعة": 7, "ثامنة": 8, "تاسعة": 9, "عاشرة": 10})
    # أولى "more worthy", ثانية "a second (time)", رابعة a name: ordinals only with the article.
    _add(t, "o", {"أولى": 1, "ثانية": 2, "رابعة": 4}, "defonly")
    _add(t, "o", {"حادي": 1, "حادية": 1}, "hadi")


LEXICON: dict[str, Lex] = _build_lexicon()

# Proclitics a number may carry (conjunction, preposition, article); "" first so واحد is not و + أحد.
CLITICS: tuple[str, ...] = (
    *("", "و", "ف", "ب", "ل", "ك", "ال", "بال", "لل", "كال", "وب", "ول", "وك", "فب", "فل", "فك"),
    *("وال", "فال", "وبال", "فبال", "ولل", "فلل", "وكال", "فكال"),
)
DEFINITE_CLITICS = frozenset(c for c in CLITICS if c.endswith(("ال", "لل")))
# Whole words (clitic included) that look like number words but almost never are.
# (a clitic before them still leaves a false friend: وكمية).
FALSE_FRIENDS: frozenset[str] = frozenset(fold(w) for w in ("لست", "كمية", "كميات"))
# Fractions take possessive pronouns: ثلثهم "a third of them".
_FRACTION_SUFFIXES = ("", "ه", "ها", "هم", "هن", "هما", "كم", "نا")


# (number word, next word) pairs that are set phrases, not quantities.
NOT_NUMBER_BEFORE: frozenset[tuple[str, str]] = frozenset(
    (fold(a), fold(b))
    for a, b in [
        ("ثاني", "أكسيد"),
        ("أول", "أمس"),
        ("أول", "البارحة"),
        ("نصف", "نهائي"),
        ("ربع", "نهائي"),
        ("نصف", "قطر"),
        ("ثلث", "الليل"),
        ("نصف", "سنوي"),
        ("نصف", "سنوية"),
        ("نصف", "شهري"),
        ("نصف", "شهرية"),
        ("نصف", "أسبوعي"),
        ("ربع", "سنوي"),
        ("ربع", "سنوية"),
    ]
)

NOT_NUMBER_WORDS = frozenset(a for a, _ in NOT_NUMBER_BEFORE)


class Form(NamedTuple):
    """One clitic + number-word spelling, with the context checks it needs decided once at import."""

    clitic: str
    word: str  # the bare number word
    cat: str
    value: float
    high: float
    flags: frozenset[str]
    shift: int  # number start minus spelling start: after the clitic, but an article belongs to the word
    check_next: bool  # the next word may make it a set phrase (ثاني أكسيد) or a verb (تسع القاعة)
    check_kull: bool  # واحد after كل is "everyone"
    check_abd: bool  # a definite word after عبد is a name (عبد الواحد)


def _form(cl: str, word: str, lex: Lex) -> Form:
    definite = cl in DEFINITE_CLITICS
    shift = len(cl) - (2 if cl.endswith("ال") else 0)
    check_next = word in NOT_NUMBER_WORDS or "short" in lex.flags
    unit_one = lex.cat == "u" and lex.value == 1
    return Form(cl, word, lex.cat, lex.value, lex.high, lex.flags, shift, check_next, unit_one, definite)


def _forms() -> dict[str, Form]:
    """Every clitic + number-word spelling, article rules applied."""
    forms: dict[str, Form] = {}
    for cl in CLITICS:
        definite = cl in DEFINITE_CLITICS
        for word, lex in LEXICON.items():
            if (definite and "nodef" in lex.flags) or (not definite and "defonly" in lex.flags):
                continue
            if any(cl[k:] + word in FALSE_FRIENDS for k in range(len(cl) + 1)):
                continue
            for suffix in _FRACTION_SUFFIXES if lex.cat == "f" and not definite else ("",):
                forms.setdefault(cl + word + suffix, _form(cl, word, lex))
    return forms


FORMS: dict[str, Form] = _forms()

HEDGES_BEFORE: dict[str, str] = {
    fold(k): v
    for k, v in {
        "نحو": "approx", "حوالي": "approx", "حوالى": "approx", "قرابة": "approx", "زهاء": "approx",
        "تقريبا": "approx", "ما يقارب": "approx", "يقارب": "approx", "ما يناهز": "approx",
        "يناهز": "approx", "ما يقرب من": "approx", "يقرب من": "approx", "في حدود": "approx",
        "بحدود": "approx", "أكثر من": "more_than", "ما يزيد على": "more_than",
        "ما يزيد عن": "more_than", "يزيد على": "more_than", "يزيد عن": "more_than",
        "يربو على": "more_than", "ما يربو على": "more_than", "ما يربو عن": "more_than",
        "فوق": "more_than", "أزيد من": "more_than", "ما يفوق": "more_than", "يفوق": "more_than",
        "يتجاوز": "more_than", "ما يتجاوز": "more_than", "تجاوز": "more_than", "تجاوزت": "more_than",
        "تتجاوز": "more_than", "فاق": "more_than", "فاقت": "more_than", "تفوق": "more_than",
        "تخطى": "more_than", "تخطت": "more_than", "يتخطى": "more_than", "تتخطى": "more_than",
        "أقل من": "less_than", "دون": "less_than",
        "ما دون": "less_than", "ما يقل عن": "less_than", "تحت": "less_than",
        "ما لا يقل عن": "at_least", "لا يقل عن": "at_least", "على الأقل": "at_least",
        "مالا يقل عن": "at_least", "مالايقل عن": "at_least",  # glued by scraping
        "ما لا يزيد عن": "at_most", "ما لا يزيد على": "at_most", "لا يزيد عن": "at_most",
        "لا يزيد على": "at_most", "لا يتجاوز": "at_most", "ما لا يتجاوز": "at_most",
        "لا تتجاوز": "at_most", "لم يتجاوز": "at_most", "لم تتجاوز": "at_most", "لا تتخطى": "at_most",
        "لا يتخطى": "at_most", "لم يتخط": "at_most", "لم تتخط": "at_most",
        "حتى": "at_most", "ما يصل إلى": "at_most", "يصل إلى": "at_most",
        "بين": "between", "ما بين": "between", "من": "from",
    }.items()
}  # fmt: skip

# Words that make the number after them a label or identifier (رقم 61، المادة 5، الفقرة ( 2 )).
LABELS: frozenset[str] = frozenset(
    fold(w)
    for w in _words(
        "رقم الرقم برقم بالرقم ورقم رقمه رقمها المادة والمادة للمادة مادة الفقرة والفقرة فقرة البند بند "
        "الصفحة صفحة ص الفصل الجدول الشكل الملحق الإصدار النسخة "
        "سباق لسباق بسباق وسباق السباق"  # "سباق 800 متر" names a race: a 1500 m race is another one
        " الرحلة رحلة للرحلة طراز الطراز"  # "الرحلة 370", "طراز 777": a flight, an aircraft model
        " الدقيقة بالدقيقة والدقيقة للدقيقة"  # "في الدقيقة 29": the minute of a match, not 29 of anything
    )
)

HEDGES_AFTER: dict[str, str] = {
    fold(k): v
    for k, v in {
        "تقريبا": "approx", "أكثر أو أقل": "approx", "على الأقل": "at_least", "كحد أدنى": "at_least",
        "أو أكثر": "at_least", "فأكثر": "at_least", "فما فوق": "at_least", "على الأكثر": "at_most",
        "كحد أقصى": "at_most", "أو أقل": "at_most", "ونيف": "more_than", "ونيفا": "more_than",
    }.items()
}  # fmt: skip

_UNIT_WORDS: dict[str, str] = {
    "person": "شخص أشخاص شخصا نسمة مواطن مواطنا مواطنين مواطنون فرد أفراد فردا لاجئ لاجئا لاجئين لاجئون "
    "نازح نازحا نازحين مدني مدنيا مدنيين طفل طفلا أطفال امرأة نساء سيدة رجل رجال رجلا جندي جنديا جنود "
    "مقاتل مقاتلا مقاتلين عنصر عنصرا عناصر مسلح مسلحا مسلحين مسلحي عامل عاملا عمال طالب طالبا طلاب "
    "مهاجر مهاجرا مهاجرين سجين سجينا سجناء معتقل معتقلا معتقلين أسير أسيرا أسرى ضحية ضحايا مريض "
    "مريضا مرضى حاج حاجا حجاج زائر زائرا زوار عائلة عائلات أسرة أسر شرطي موظف موظفا موظفين ناخب ناخبا "
    "متظاهر محتج ناشط صحفي صحافي معلم طبيب أطباء ممرض لاعب مشجع سائح سياح مسافر راكب ركاب مستوطن نائب "
    "نواب عضو أعضاء مشارك متطوع ساكن سكان شاب شبان شباب فتاة فتيات فتى رضيع قاصر ضابط ضباط عسكري مجند "
    "مرتزق إرهابي متشدد مصل مصلين معتمر مهاجم مسن مسنين طبيبة معلمة موظفة طالبة عاملة",
    "killed": "قتيل قتيلا قتلى شهيد شهيدا شهداء وفاة وفيات",
    "injured": "جريح جريحا جرحى مصاب مصابا مصابين إصابة إصابات",
    "time": "ثانية ثوان ثواني دقيقة دقائق ساعة ساعات يوم أيام يوما أسبوع أسابيع أسبوعا شهر أشهر شهور "
    "شهرا سنة سنوات سنين عام أعوام عاما قرن قرون عقد عقود ليلة ليال",
    "distance": "كيلومتر كيلومترا كيلومترات كم متر مترا أمتار ميل ميلا أميال سنتيمتر سم ملم",
    "weight": "كيلوغرام كيلوغراما كيلوجرام كغ كلغ كجم كيلو غرام غراما جرام طن طنا أطنان",
    "area": "هكتار هكتارا دونم دونما فدان فدانا",
    # A currency's hundredth ("ارتفع 40 سنتا إلى 49.92 دولار") moves a price like the currency itself; it
    # has no currency code, so it is never compared with a figure in whole dollars.
    "money": "سنت سنتا سنتات هللة هللات قرش قرشا قروش فلس فلسا فلوس",
}
UNIT_CLASS: dict[str, str] = {fold(w): cls for cls, words in _UNIT_WORDS.items() for w in words.split()}
# Suffixes stripped (longest first) when a counted noun is not listed as written.
UNIT_SUFFIXES: tuple[str, ...] = ("ين", "ون", "ات", "ا", "ي")

_CURRENCIES = {
    "دولار": "USD", "يورو": "EUR", "ريال": "SAR", "دينار": "KWD", "درهم": "AED", "جنيه": "EGP",
    "ليرة": "TRY", "فرنك": "CHF", "ين": "JPY", "يوان": "CNY", "روبل": "RUB", "روبية": "INR",
    "شيكل": "ILS", "شيقل": "ILS", "تومان": "IRR",
}  # fmt: skip
_CURRENCY_PLURALS = {"دولارات": "دولار", "ريالات": "ريال", "دنانير": "دينار", "دراهم": "درهم",
                     "جنيهات": "جنيه", "ليرات": "ليرة", "دولارا": "دولار", "ريالا": "ريال",
                     "دينارا": "دينار", "درهما": "درهم", "جنيها": "جنيه"}  # fmt: skip
# Qualified currencies: (currency stem, nationality adjective stem) -> ISO code.
_QUALIFIED = {
    ("دولار", "أمريكي"): "USD", ("دولار", "أميركي"): "USD", ("دولار", "كندي"): "CAD",
    ("دولار", "أسترالي"): "AUD", ("ريال", "سعودي"): "SAR", ("ريال", "قطري"): "QAR",
    ("ريال", "عماني"): "OMR", ("ريال", "يمني"): "YER", ("ريال", "إيراني"): "IRR",
    ("دينار", "كويتي"): "KWD", ("دينار", "أردني"): "JOD", ("دينار", "عراقي"): "IQD",
    ("دينار", "بحريني"): "BHD", ("دينار", "ليبي"): "LYD", ("دينار", "تونسي"): "TND",
    ("دينار", "جزائري"): "DZD", ("درهم", "إماراتي"): "AED", ("درهم", "مغربي"): "MAD",
    ("جنيه", "مصري"): "EGP", ("جنيه", "سوداني"): "SDG", ("جنيه", "إسترليني"): "GBP",
    ("جنيه", "استرليني"): "GBP", ("ليرة", "سورية"): "SYP", ("ليرة", "لبنانية"): "LBP",
    ("ليرة", "تركية"): "TRY", ("ليرة", "سوري"): "SYP", ("ليرة", "لبناني"): "LBP",
    ("ليرة", "تركي"): "TRY",
}  # fmt: skip
CURRENCIES: dict[str, str] = {fold(k): v for k, v in _CURRENCIES.items()}
CURRENCY_FORMS: dict[str, str] = {fold(k): fold(v) for k, v in _CURRENCY_PLURALS.items()}
QUALIFIED_CURRENCIES: dict[tuple[str, str], str] = {(fold(a), fold(b)): v for (a, b), v in _QUALIFIED.items()}
SYMBOLS: dict[str, str] = {"$": "USD", "€": "EUR", "£": "GBP"}

# Words after a number that are never its counted noun (function words, calendar words, era marks).
NOT_UNITS: frozenset[str] = frozenset(
    fold(w)
    for w in _words(
        "من في على إلى عن مع قبل بعد منذ حتى أو ثم أن إن أنه إنه التي الذي الذين اللذين هذا "
        "هذه ذلك تلك هو هي هم كان كانت قد لا ما لم لن كل بعض أي غير فقط أيضا نحو حوالي تقريبا "
        "خلال حيث كما لكن بين عند وفق حسب بحسب م هـ ه ميلادي ميلادية هجري هجرية ق ص مساء "
        "بمقدار بنسبة بقيمة بواقع مقابل ضمن دون سوى فيما بينما وفيما وبينما عندما حين لدى إذ إذا "
        "وقد وكان وكانت ولكن لأن كي "
        "صباحا ظهرا عصرا فجرا يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر "
        "أكتوبر نوفمبر ديسمبر كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين جانفي "
        "فيفري أفريل ماي جوان جويلية أوت محرم صفر ربيع جمادى رجب شعبان رمضان شوال ذو "
    )
)


def qualified_currency(stem: str, adj: str | None) -> str | None:
    """ISO code from a nationality adjective after the currency noun (ريال سعودي، الليرة التركية)."""
    if adj is None:
        return None
    adj = adj[2:] if adj.startswith("ال") else adj
    for cand in (adj, adj[:-1] if adj.endswith("ه") else adj + "ه"):
        code = QUALIFIED_CURRENCIES.get((stem, cand))
        if code is not None:
            return code
    return None


@lru_cache(maxsize=8192)
def classify_unit(word: str) -> str:
    """Unit class of a counted noun, trying common plural/case endings."""
    cls = UNIT_CLASS.get(word)
    if cls is not None:
        return cls
    for suf in UNIT_SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 2:
            cls = UNIT_CLASS.get(word[: -len(suf)])
            if cls is not None:
                return cls
    return "other"


def trie_regex(words: Iterable[str]) -> str:
    """A prefix-factored alternation, so the engine tests one branch per first letter, not per word."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_regex(trie)


_Trie = dict[str, "_Trie"]


def _node_regex(node: _Trie) -> str:
    alts = [re.escape(ch) + _node_regex(sub) for ch, sub in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


def phrase_regex(phrases: Iterable[str], *, reverse: bool = False) -> str:
    """Trie of multi-word phrases (greedy: longest first; any run of spaces), optionally reversed."""
    return trie_regex(p[::-1] if reverse else p for p in phrases).replace(re.escape(" "), r"[ \t]+")


# --- digit runs ------------------------------------------------------------------------------------------

_SEPARATORS = re.compile(r"[.,]")
_LONGEST_RUN = 64  # characters, separators included
# Opens with one [0-9] (not [0-9]+) so the engine can skip ahead to the next digit; the only group is the
# junk that makes a digit run an ID, date or time.
_DIGITS = re.compile(
    r"[0-9][0-9]*(?:[.,][0-9]+)*"
    r"((?:[ \t]?/[ \t]?[0-9]+)+|(?::[0-9]+)+|(?:-[0-9]+){2,}|[A-Za-z_])?"
)
_DIGIT_BYTES = bytes(0x30 if 0x30 <= b <= 0x39 else b for b in range(256))


def parse_digits(s: str, arabic_decimal: bool) -> tuple[float, float] | None:
    """(value, decimal reading if a scale word follows) for a digit run, None if it is an ID or junk.

    `arabic_decimal`: the "." was written as the Arabic decimal sign ٫ (never a thousands separator).
    """
    if s.isdigit():
        if len(s) >= 8 or (len(s) >= 3 and s[0] == "0"):
            return None
        return float(int(s)), 0.0
    if len(s) > _LONGEST_RUN:
        return None  # no quantity is written that long, and its float would overflow
    groups = _SEPARATORS.split(s)
    seps = _SEPARATORS.findall(s)
    if len(set(seps)) == 2:
        return _mixed_separators(s)
    if len(groups) > 2:
        ok = all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3
        return (float(int("".join(groups))), 0.0) if ok else None
    whole, frac = groups
    decimal = float(f"{whole}.{frac}")
    if seps[0] == "," and (len(whole) > 3 or len(frac) > 3):
        return None  # a list written without spaces (2010,2011), not one number
    if len(frac) != 3 or whole == "0" or len(whole) > 3:
        return decimal, 0.0
    if seps[0] == "." and arabic_decimal:
        return decimal, 0.0
    return float(int(whole + frac)), decimal


def _mixed_separators(s: str) -> tuple[float, float] | None:
    """1,234.5 (comma thousands) or 1.234,5 (dot thousands)."""
    last = max(s.rfind("."), s.rfind(","))
    head, frac = s[:last], s[last + 1 :]
    groups = _SEPARATORS.split(head)
    if len(set(_SEPARATORS.findall(head))) > 1 or not all(len(g) == 3 for g in groups[1:]):
        return None
    return float(f"{''.join(groups)}.{frac}"), 0.0


def digit_runs(text: str) -> Iterator[re.Match[str]]:
    """Digit runs of the matching view (group 1 set when junk makes one an ID, date or time), in order.

    Same matches as `_DIGITS.finditer(text)`, but the digits are found by a bytes scan: in UTF-16 an ASCII
    digit is the only code unit that reads "0\\x00" at an even offset once every byte 0x30-0x39 is mapped
    to "0", and encode + translate + find (all in C) beat the engine testing [0-9] at every character
    (~14 vs ~20 us per article).
    """
    data = text.encode("utf-16-le", "surrogatepass")
    if len(data) != 2 * len(text):  # characters outside the BMP take two code units
        yield from _DIGITS.finditer(text)
        return
    data = data.translate(_DIGIT_BYTES)
    p = data.find(b"0\x00")
    while p >= 0:
        if p & 1:  # a high byte followed by a low byte: not one character
            p = data.find(b"0\x00", p + 1)
            continue
        m = _DIGITS.match(text, p >> 1)
        if m is None:  # cannot happen: the pattern matches at every digit
            break
        yield m
        p = data.find(b"0\x00", 2 * m.end())
