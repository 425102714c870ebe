"""Lexicons of reported speech: reporting verbs with their stance, titles, source and channel cues.

Every entry is written in ordinary Arabic and folded once at import (the matching view has no hamza
seats, ى -> ي, ة -> ه), so lookups are plain dict/set membership on matching-view tokens. Nothing here
names a person, an outlet or an event: outlets and speakers are found by the cue word before them.
"""

from __future__ import annotations

from dataclasses import dataclass

from isnad.text.normalize import fold


@dataclass(frozen=True, slots=True)
class Verb:
    """What a reporting-verb token tells us: its lemma, the speaker's stance and how it takes a clause."""

    lemma: str
    stance: str  # neutral | assertion | denial | allegation | call | warning
    role: str = "say"  # say | continue | relay (نقل: the subject relays someone else's words) | about
    initial_only: bool = False  # ambiguous words (عبر = "via") count only at the start of a clause


# lemma, stance, role, surface forms (past, present, participle; masculine and feminine, plural).
_VERBS: tuple[tuple[str, str, str, str], ...] = (
    ("قال", "neutral", "say", "قال قالت قالوا قلن يقول تقول يقولون قائلا قائلة قائلين"),
    ("ذكر", "neutral", "say", "ذكر ذكرت ذكروا يذكر تذكر ذاكرا"),
    ("أوضح", "neutral", "say", "أوضح أوضحت أوضحوا يوضح توضح موضحا موضحة"),
    ("أعلن", "neutral", "say", "أعلن أعلنت أعلنوا يعلن تعلن معلنا معلنة"),
    ("أفاد", "neutral", "say", "أفاد أفادت أفادوا يفيد تفيد مفيدا مفيدة"),
    ("صرح", "neutral", "say", "صرح صرحت صرحوا يصرح تصرح مصرحا مصرحة"),
    ("أشار", "neutral", "say", "أشار أشارت أشاروا يشير تشير مشيرا مشيرة"),
    ("لفت", "neutral", "say", "لفت لفتت يلفت تلفت لافتا لافتة"),
    ("اعتبر", "neutral", "say", "اعتبر اعتبرت اعتبروا يعتبر تعتبر معتبرا معتبرة"),
    ("رأى", "neutral", "say", "رأى رأت رأوا يرى ترى"),
    ("اعترف", "neutral", "say", "اعترف اعترفت اعترفوا يعترف تعترف"),
    ("أكد", "assertion", "say", "أكد أكدت أكدوا يؤكد تؤكد يؤكدون مؤكدا مؤكدة"),
    ("شدد", "assertion", "say", "شدد شددت شددوا يشدد تشدد مشددا مشددة"),
    ("جزم", "assertion", "say", "جزم جزمت يجزم تجزم جازما"),
    ("نفى", "denial", "say", "نفى نفت نفوا ينفي تنفي ينفون نافيا نافية"),
    ("أنكر", "denial", "say", "أنكر أنكرت أنكروا ينكر تنكر منكرا"),
    ("زعم", "allegation", "say", "زعم زعمت زعموا يزعم تزعم يزعمون زاعما زاعمة"),
    ("ادعى", "allegation", "say", "ادعى ادعت ادعوا يدعي تدعي يدعون مدعيا مدعية"),
    ("دعا", "call", "say", "دعا دعت يدعو تدعو داعيا داعية"),
    ("طالب", "call", "say", "طالب طالبت طالبوا يطالب تطالب يطالبون مطالبا مطالبة"),
    ("طلب", "call", "say", "طلب طلبت طلبوا يطلب تطلب"),
    ("ناشد", "call", "say", "ناشد ناشدت ناشدوا يناشد تناشد مناشدا مناشدة"),
    ("حذر", "warning", "say", "حذر حذرت حذروا يحذر تحذر يحذرون محذرا محذرة"),
    ("نبه", "warning", "say", "نبه نبهت ينبه تنبه منبها"),
    ("أضاف", "neutral", "continue", "أضاف أضافت أضافوا يضيف تضيف مضيفا مضيفة"),
    ("تابع", "neutral", "continue", "تابع تابعت"),
    ("استطرد", "neutral", "continue", "استطرد استطردت"),
    ("استدرك", "neutral", "continue", "استدرك استدركت"),
    ("نقل", "neutral", "relay", "نقل نقلت نقلوا ينقل تنقل ناقلا"),
    ("أورد", "neutral", "relay", "أورد أوردت يورد تورد"),
    ("أعرب", "neutral", "about", "أعرب أعربت أعربوا يعرب تعرب معربا معربة"),
)
_INITIAL_ONLY = ("عبر", "neutral", "about", "عبر عبرت")  # also the preposition "via"
_CLITICS = ("", "و", "ف")


def _verb_table() -> dict[str, Verb]:
    table: dict[str, Verb] = {}
    rows = [(*row, False) for row in _VERBS] + [(*_INITIAL_ONLY, True)]
    for lemma, stance, role, forms, initial in rows:
        verb = Verb(fold(lemma), stance, role, initial)
        for form in forms.split():
            for clitic in _CLITICS:
                table.setdefault(clitic + fold(form), verb)
    return table


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


VERBS: dict[str, Verb] = _verb_table()

# Complementisers opening an indirect clause ("قال إن…", "أكد أنه…", "أفاد بأن…").
THAT = _folded("إن أن بأن وأن إنه إنها إنهم إنهما إننا أنه أنها أنهم أنهما أننا بأنه بأنها بأنهم بأننا")
THAT_BARE = _folded("إن أن بأن وأن")
TO = _folded("إلى الى")
ABOUT = _folded("عن")
OPEN_QUOTES = frozenset('«“"„‹')
CLOSE_QUOTES = frozenset('»”"‹›')
PAIRS = {"«": "»", "“": "”", "„": "”", "‹": "›", '"': '"'}
TERMINATORS = frozenset(".!?…")

# Words that end a name or noun phrase: prepositions, particles, relatives, conjunction words.
PREPOSITIONS = _folded(
    "في من على عن إلى الى خلال عبر أمام حول مع منذ بعد قبل عند لدى ضد نحو تجاه بين داخل "
    "فيه فيها فيهم عليه عليها عليهم منه منها منهم عنه عنها عنهم إليه إليها إليهم معه معها معهم"
)
RELATIVES = _folded("الذي التي الذين اللذين اللتين اللواتي اللاتي اللذان")
PARTICLES = _folded(
    "أن إن لا لم لن قد لقد ما ثم أو بل لكن ولكن حيث إذ إذا كما وهو وهي وهم وهما هو هي هم وقد وكان"
)
KANA = _folded("كان كانت كانوا وكان وكانت وكانوا فكان فكانت")
PRONOUNS = _folded("هو هي هم هما هن")
ADVERBS = _folded("أيضا أيضاً كذلك مجددا بدوره بدورها بدورهم مرة ايضا")
# ل-initial words that are not "to + noun" (so never an addressee or a call complement).
L_WORDS = _folded(
    "لا لم لن لكن لقد لدى له لها لهم لهما لذلك لذا ليس ليست لأن لأنه لأنها لاحقا لبنان ليبيا لندن لجنة "
    "لقاء ليلة لواء لحظة لحين لعل لما لو لولا ليتم ليكون"
)
B_WORDS = _folded("بين بعد بعض بدء بدون بسبب بيان بلاد بغداد بريطانيا بنك بلدة بعيدا بحسب بينما بل")

# Title words: a phrase starting with one is a description (kind "title"); a name may follow it.
TITLES = _folded(
    "الرئيس رئيس الوزير وزير وزيرة الزعيم زعيم القائد قائد المدير مدير مديرة المتحدث متحدث المتحدثة "
    "متحدثة الناطق ناطق الأمين أمين السفير سفير النائب نائب الشيخ السيد السيدة الدكتور الجنرال العقيد "
    "اللواء العميد المستشار مستشار المسؤول مسؤول مسؤولة المبعوث مبعوث المفوض مفوض الملك الأمير ولي "
    "رئيسة المرشد زعيمة قائدة العاهل المحافظ محافظ الحاكم حاكم عضو العضو مراسل مراسلة المراسل "
    "المدعي مدعي القاضي قاضي الجنرال المقدم الرائد النقيب الإمام مفتي المفتي صاحب مصدر مصادر شهود "
    "المهندس الطبيب المحامي الصحفي الخبير خبير الناشط ناشط الباحث باحث الكاتب المحلل محلل الأستاذ "
    "البروفيسور الفنان المطران البطريرك الحاخام القس الكابتن المدرب مدرب رئيس"
)
# Construct titles take a genitive complement ("وزير الخارجية"); definite titles take adjectives.
NAME_STARTS = _folded("أبو أبي أبا أم ابن بن بنت عبد")
ORGS = _folded(
    "منظمة وزارة حكومة الحكومة تنظيم حركة حزب جماعة الجيش جيش الشرطة قوات القوات مجلس المجلس "
    "هيئة الهيئة لجنة اللجنة نقابة النقابة جمعية مؤسسة شركة الشركة البنك بنك الأمم الاتحاد اتحاد "
    "التحالف تحالف "
    "مكتب المكتب رئاسة الرئاسة السلطات سلطات المفوضية مفوضية محكمة المحكمة الوكالة جبهة ائتلاف البرلمان "
    "برلمان الكونغرس الكرملين البيت الخارجية الداخلية الدفاع"
)
# Media cues: the name after them is an agency (وكالة) or another medium.
AGENCY_CUES = _folded("وكالة وكالات الوكالة")
MEDIUM_CUES = _folded(
    "صحيفة الصحيفة جريدة الجريدة قناة القناة موقع الموقع شبكة الشبكة إذاعة الإذاعة مجلة المجلة "
    "تلفزيون التلفزيون محطة"
)
# Channels: the form the words took.
CHANNELS = _folded(
    "تسجيل التسجيل تسجيلا بيان البيان بيانا مقابلة المقابلة مقابلته مقابلتها تغريدة التغريدة تغريدات "
    "منشور المنشور رسالة الرسالة رسالته رسالتها كلمة الكلمة كلمته خطاب الخطاب خطابه حديث حديثه "
    "تصريح تصريحات التصريحات تصريحاته تصريحا حوار الحوار فيديو الفيديو شريط الشريط مؤتمر المؤتمر "
    "إيجاز بلاغ البلاغ رسالة صوتية تدوينة التدوينة"
)
# "According to": the phrase after these names a source of the whole sentence.
SOURCE_PREPS = _folded("حسب بحسب وحسب وبحسب فحسب وفق وفقا ووفقا طبقا وطبقا نقلا ونقلا")
# "نقلت الصحيفة عن مصدر قوله إن…": the verbal noun after a relayed speaker.
SAYING = _folded("قوله قولها قولهم قولهما")
