"""Junk lines a scraper leaves in an article: read-more and share lines, link lists, outlet signatures.

Whole lines only. A line is junk when it is a boilerplate cue (read more, share, follow, subscribe,
rights, cookies) followed by nothing but links, handles, network names or a short tail; when it holds
only URLs or an e-mail address, or is mostly URLs; when it is a bulleted or linked item right under a
read-more heading; or when it is a short, name-like Latin-only line closing an Arabic article (an
outlet signature such as "Nobles News"). Only short lines are tested against the cue patterns, so a
paragraph that merely mentions sharing is never removed.
"""

from __future__ import annotations

import re

from isnad.text.normalize import ARABIC_LETTERS

MAX_CUE_LINE = 260  # characters; longer lines are prose, whatever they start with
MAX_SIGNATURE_LINES = 4

_URL = r"(?:https?://|www\.)[^\s<>\"]++"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_SOCIAL = (
    r"(?:فيسبوك|فيس ?بوك|تويتر|تويتير|إنستغرام|انستغرام|انستقرام|إنستجرام|يوتيوب|واتساب|واتس ?اب|"
    r"تيليجرام|تلغرام|تليجرام|سناب ?شات|لينكد ?إن|جوجل|البريد|الإيميل|إكس|اكس|نسخ الرابط|"
    r"facebook|twitter|instagram|youtube|whatsapp|telegram|snapchat|linkedin|tiktok|x|google\+?|e-?mail)"
)
# Separators, handles, links and network names: all that may follow a share/follow/read-more cue.
_FILLER = rf"(?:[ \t\u00a0:：\-–—|/•·,،.»«()]|@\w++|{_URL}|{_SOCIAL}|على|عبر|في|و|on|via|and)*+"
_ALSO = r"[أاإ]يض[\u064b]?ا?[\u064b]?"  # أيضا / أيضاً / ايضا / أيضًا
_READ = rf"(?:[اإأ]قر[أا]|شاهد|طالع|انظر)[ \t]+(?:{_ALSO}|المزيد)"
_MORE = r"للمزيد(?: من (?:الأخبار|المعلومات|التفاصيل))?|(?:اضغط|انقر) هنا"
_RELATED = r"(?:(?:مواضيع|أخبار|مقالات|روابط) )?ذات صلة|read (?:more|also)|related(?: \w+)?|see also"

_SHARE = r"شارك(?:ها|ه|وا)?(?: (?:هذا|هذه|الخبر|المقال|المقالة|الموضوع|القصة))?"
_SEP = r"[ \t]*(?:>|›|»|/|\||•|·|-|–|—)[ \t]*"
_CRUMB = r"[^\s>›»/|•·–—-]+(?: [^\s>›»/|•·–—-]+){0,3}"  # up to four words between separators

# (reason, pattern for a whole stripped line). Names sharing a prefix before "__" report the same reason.
_CUES = (
    ("read_more", rf"(?:{_READ}|\.*[ \t]*المزيد|{_MORE}|{_RELATED}){_FILLER}"),
    # "اقرأ أيضا: <related headline> | <another>": a widget line whatever the headlines say
    ("read_more__inline", rf"(?:{_READ}|{_RELATED})[ \t]*[:：\-–—].{{0,250}}"),
    ("share__inline", rf"{_SHARE}[ \t]*[:：].{{0,120}}"),
    # breadcrumbs: الرئيسية > محليات > ...
    ("navigation", rf"(?:الرئيسية|الصفحة الرئيسية|home)(?:{_SEP}{_CRUMB}){{1,5}}"),
    (
        "share",
        r"(?:شارك(?:ها|ه|وا)?(?: (?:هذا|هذه|الخبر|المقال|المقالة|الموضوع))?|مشاركة|طباعة|أرسل لصديق|"
        rf"ارسل لصديق|share(?: this)?(?: \w+)?|tweet|print|email this|next|previous|next previous|"
        rf"previous next|السابق|التالي){_FILLER}",
    ),
    ("follow", rf"(?:تابعونا|تابعنا|تابعوا|follow us|like us|join us)\b{_FILLER}"),
    (
        "subscribe",
        r"(?:اشترك(?:وا)?|سجل) (?:في|ب|الآن في) (?:النشرة|القائمة البريدية|خدمة|قناة|قناتنا|الخدمة).{0,80}",
    ),
    (
        "subscribe__en",
        r"(?:subscribe|sign up)(?: (?:to|for) (?:our|the) (?:newsletter|channel|updates))?[^.!?]{0,40}",
    ),
    ("contact", r"للتواصل مع الكاتب.{0,200}"),
    ("contact__email", _EMAIL),
    ("app", r"(?:حمّل|حمل|نزّل|نزل) (?:تطبيق|التطبيق).{0,80}"),
    (
        "rights",
        r"(?:©|\(c\)|copyright|جميع الحقوق محفوظة|حقوق (?:النشر|الطبع)(?: والنشر)? محفوظة"
        r"|all rights reserved).{0,120}",
    ),
    ("url_only", rf"(?:{_URL}[ \t|,،•·-]*)+"),
)
# Matched against the lower-cased line (cheaper than IGNORECASE on Arabic text).
_CUE = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in _CUES))
_COOKIES = re.compile("cookie|ملفات تعريف الارتباط|الكوكيز|سياسة الخصوصية|privacy policy")
_READ_HEAD = re.compile(_READ, re.IGNORECASE)
# Under a read-more heading: bulleted or numbered short items, or lines carrying a URL.
_LINK_ITEM = re.compile(rf"(?:[-•*»·▪◦]|\d{{1,2}}[.)-])[ \t]*.{{1,120}}|.{{0,120}}{_URL}.{{0,40}}")
# A name-like Latin line: capitalised words, domains, agency initials, a few connectors.
_NAME_WORD = (
    r"(?:\(?[A-Z0-9][\w.&'’@:/+-]*\)?|(?:www\.)?[a-z0-9-]+(?:\.[a-z]{2,})+|of|the|and|for|de|al|el|[&|·•–—-])"
)
_SIGNATURE = re.compile(rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,5}}", re.ASCII)
_ARABIC = re.compile(f"[{ARABIC_LETTERS}]")
_URL_RE = re.compile(_URL)

Hit = tuple[int, int, str]


def find_boilerplate(text: str) -> list[Hit]:
    """Junk lines as (start, end, reason), sorted; offsets cover the visible line, not its blanks."""
    found: list[Hit] = []
    links = "http" in text or "www." in text
    under_heading = False
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if len(line) > MAX_CUE_LINE + 40 and not (links and ("http" in line or "www." in line)):
            under_heading = False
            continue  # prose: too long for a cue line and no links
        visible = line.strip()
        if not visible:
            under_heading = False
            continue
        a = start + len(line) - len(line.lstrip())
        hit = _line_reason(visible, links, under_heading)
        under_heading = hit in ("read_more", "related_links") and (
            hit == "related_links" or _READ_HEAD.match(visible) is not None
        )
        if hit:
            found.append((a, a + len(visible), hit))
    signature = _signature(text, found)
    if signature:
        found = sorted(found + signature)
    return found


def _line_reason(visible: str, links: bool, under_heading: bool) -> str:
    """Why a stripped line is junk, or "" when it is not."""
    if len(visible) <= MAX_CUE_LINE:
        low = visible.lower()
        m = _CUE.fullmatch(low)
        if m is not None:
            return (m.lastgroup or "boilerplate").split("__")[0]
        if _COOKIES.search(low):
            return "cookies"
        if under_heading and _LINK_ITEM.fullmatch(visible):
            return "related_links"
    if links and ("http" in visible or "www." in visible) and _link_heavy(visible):
        return "link_heavy"
    return ""


def _link_heavy(line: str) -> bool:
    """URLs make up at least half the line and little Arabic prose remains."""
    urls = _URL_RE.findall(line)
    return sum(map(len, urls)) * 2 >= len(line) and len(_ARABIC.findall(_URL_RE.sub("", line))) < 20


def _signature(text: str, found: list[Hit]) -> list[Hit]:
    """Short, name-like Latin-only last lines (outlet, agency, contact numbers) under an Arabic article."""
    end = len(text)
    for a, b, _ in reversed(found):  # look above junk lines that already close the text
        if text[b:end].strip():
            break
        end = a
    out: list[Hit] = []
    body = text[:end].rstrip()
    while len(out) < MAX_SIGNATURE_LINES:
        cut = body.rfind("\n") + 1
        line = body[cut:].strip()
        if not cut or not line or _SIGNATURE.fullmatch(line) is None:
            break
        a = cut + body[cut:].find(line)
        out.append((a, a + len(line), "signature"))
        body = body[:cut].rstrip()
    if out and len(_ARABIC.findall(body, max(0, len(body) - 2000))) < 40:
        return []  # not an Arabic article: its Latin lines are content
    return out
