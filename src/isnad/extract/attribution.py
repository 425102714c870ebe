"""Who said it, to whom, through what: speaker, addressee, channel and cited media around a verb.

Works on the tokens of the matching view (`Toks`), by token index. Every search is bounded by a small
window (a noun phrase is at most a few words), so a 10,000-token sentence costs no more per verb than a
short one. Arabic has no capitals, so names are delimited by grammar: a definite word (ال…) cannot head
a construct phrase, hence a bare word after a definite one starts something new, and a title word
("وزير", "المتحدث باسم") announces a description that a name may follow.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import pairwise

from isnad.extract import speech as sp
from isnad.text.normalize import ARABIC_LETTERS, fold

_TOKEN = re.compile(f"[{ARABIC_LETTERS}]+|[0-9]+(?:[.,][0-9]+)*|[A-Za-z]+|[^\\s{ARABIC_LETTERS}0-9A-Za-z]")
MAX_NP = 6  # words in a speaker's name or description
MAX_APPOSITIVE = 9  # words in ", المتحدث باسم …،"
MAX_LINK = 8  # words in a channel or medium description
_QUOTE_CHARS = frozenset(sp.PAIRS) | frozenset(sp.PAIRS.values())
_TITLE_LINKS = frozenset({"باسم"})
_PLURAL = ("ين", "ون", "ات")
_NISBA = ("ي", "يه", "يا")
_TO_HIM = frozenset({"له", "لها", "لهم", "لهما", "لنا", "لي"})
_CHANNEL_PREPS = frozenset(
    {"في", "خلال", "عبر", "وفي", "وخلال", "وعبر"}
)  # "المتحدث باسم الجيش": a title continues through it
# "قال الوزير يوم الثلاثاء إن…": a time phrase after the speaker is not part of his name.
_DAY_TEXT = "اليوم أمس غدا الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد"
_DAYS = frozenset(fold(w) for w in _DAY_TEXT.split())
_TIME_WORDS = _DAYS | {"يوم"}
# Parts of the day are also first names ("صباح النعمان"): a time only when a day follows.
_PART_TEXT = "صباح مساء ظهر فجر ليلة"
_DAY_PARTS = frozenset(fold(w) for w in _PART_TEXT.split())
_STOP = (
    _TIME_WORDS
    | sp.PREPOSITIONS
    | sp.RELATIVES
    | sp.PARTICLES
    | sp.THAT
    | sp.KANA
    | sp.ADVERBS
    | sp.TO
    | sp.SAYING
    | {"ل", "ب"}
)


@dataclass(slots=True)
class Toks:
    """Tokens of a matching view with their sentence and the pairing of quote marks."""

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]
    sent_of: list[int]
    bounds: list[tuple[int, int]]  # token range [i, j) of each sentence
    close_of: dict[int, int] = field(default_factory=dict)  # opening quote token -> closing token


def tokenize(text: str, sentence_starts: list[int]) -> Toks:
    """Tokens of `text`; `sentence_starts` are view offsets where sentences begin (sorted)."""
    # List comprehensions over one finditer: a per-token append loop cost twice as much.
    found = list(_TOKEN.finditer(text))
    words = [m.group() for m in found]
    starts = [m.start() for m in found]
    ends = [m.end() for m in found]
    cuts = sorted({bisect_left(starts, s) for s in sentence_starts} | {0, len(words)})
    bounds = [(i, j) for i, j in pairwise(cuts) if i < j]
    sent_of: list[int] = []
    for n, (i, j) in enumerate(bounds):
        sent_of += [n] * (j - i)
    toks = Toks(text, words, starts, ends, sent_of, bounds)
    toks.close_of = _pair_quotes(toks)
    return toks


def _pair_quotes(t: Toks) -> dict[int, int]:
    """Opening quote token -> its closing token, nesting allowed; unbalanced marks stay unpaired."""
    newlines = [m.start() for m in re.finditer("\n", t.text)]
    pairs: dict[int, int] = {}
    stack: list[tuple[str, int, int]] = []  # expected closer, token index, paragraph
    marks = [i for i, w in enumerate(t.words) if w in _QUOTE_CHARS]
    for i in marks:
        w = t.words[i]
        para = bisect_right(newlines, t.starts[i])
        if stack and stack[-1][2] != para:
            stack.clear()
        if w == '"':
            if _opens(t.text, t.starts[i]):
                stack.append(('"', i, para))
            else:
                _close(stack, pairs, '"', i)
        elif w in sp.PAIRS:
            stack.append((sp.PAIRS[w], i, para))
            del stack[:-16]  # a run of stray openers must not make closing quadratic
        else:
            _close(stack, pairs, w, i)
    return pairs


def _opens(text: str, pos: int) -> bool:
    """A straight quote opens when preceded by a space, start, colon or bracket."""
    return pos == 0 or text[pos - 1] in " \n\t:(«“[،,"


def _close(stack: list[tuple[str, int, int]], pairs: dict[int, int], closer: str, i: int) -> None:
    for k in range(len(stack) - 1, -1, -1):
        if stack[k][0] == closer:
            pairs[stack[k][1]] = i
            del stack[k:]
            return


def is_word(w: str) -> bool:
    """A letter or digit token (not punctuation)."""
    return w[:1].isalnum()


def has_al(w: str) -> bool:
    """Definite article, possibly behind a clitic (وال، بال، لل)."""
    return w.startswith("ال") or w.startswith("لل") or (w[1:3] == "ال" and w[0] in "وفبك")


def l_word(w: str) -> bool:
    """'to X' as one token (لبي، للصحفيين، لمن), not a word that merely starts with ل."""
    return len(w) > 2 and w[0] == "ل" and w not in sp.L_WORDS


def np_end(t: Toks, i: int, limit: int, max_words: int = MAX_NP) -> int:
    """End (exclusive) of the noun phrase starting at token `i`: description, then an optional name."""
    words = t.words
    j = i
    titled = words[i] in sp.TITLES if i < limit else False
    in_name = False
    budget = max_words + 3 if titled else max_words  # a title, its complement, then a name
    count = 0
    while j < limit and count < budget:
        w = words[j]
        count += 1
        if w in _QUOTE_CHARS and j > i and j in t.close_of and t.close_of[j] - j <= 4:
            j = t.close_of[j] + 1  # a quoted word inside a phrase: زعيم "داعش"
            continue
        if w == "(" and titled:
            j = _skip_parens(t, j, limit)
            in_name = True
            continue
        if not is_word(w) or w in _STOP or w in sp.VERBS or (j > i and l_word(w)):
            break
        if w in _DAY_PARTS and j + 1 < limit and words[j + 1] in _DAYS:
            break
        prev = words[j - 1] if j > i else ""
        if j > i and not has_al(w) and has_al(prev) and prev not in sp.TITLES and not titled:
            break  # a bare word cannot follow a definite one inside a phrase
        if count > 2 and has_al(w) and has_al(prev) and w.endswith("ين") and not prev.endswith(_PLURAL):
            break  # a plural after a singular is the object: "صاحب التسجيل العراقيين"
        if in_name and j > i and has_al(prev) and words[j - 2] not in sp.NAME_STARTS and prev != w:
            break  # a name ends at its family name (البغدادي), unless after عبد/أبو
        if titled and j > i and (w in sp.NAME_STARTS or _bare_may_start(w, prev)):
            in_name = True
        j += 1
    return j


def _bare_may_start(w: str, prev: str) -> bool:
    """A bare word after a definite one starts a name, unless it links a title to its complement (باسم)."""
    return not has_al(w) and w not in _TITLE_LINKS and _name_may_start(prev)


def _name_may_start(prev: str) -> bool:
    return (has_al(prev) or prev == ")") and prev not in _TITLE_LINKS


def _skip_parens(t: Toks, j: int, limit: int) -> int:
    for k in range(j + 1, min(limit, j + 6)):
        if t.words[k] == ")":
            return k + 1
    return limit


def split_title(t: Toks, a: int, b: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """(title range, name range) of a phrase that starts with a title word."""
    words = t.words
    for p in range(a + 1, b):
        w, prev = words[p], words[p - 1]
        starts = w in sp.NAME_STARTS or prev == ")" or _bare_may_start(w, prev)
        if starts and is_word(w):
            return (a, _trim_right(t, a, p)), (p, b)
    return (a, b), None


def _trim_right(t: Toks, a: int, p: int) -> int:
    while p > a + 1 and not is_word(t.words[p - 1]) and t.words[p - 1] != ")":
        p -= 1
    return p


def classify(t: Toks, a: int, b: int) -> str:
    """Speaker kind of a phrase: organisation, title (description), pronoun or named."""
    first = t.words[a]
    if first in sp.ORGS or first in sp.AGENCY_CUES or first in sp.MEDIUM_CUES:
        return "organisation"
    if first in sp.PRONOUNS:
        return "pronoun"
    if first in sp.TITLES:
        return "title"
    if has_al(first) and not (b - a == 1 and first.endswith("ي")):
        return "title"  # a definite description (الصوت الموجود), not a name
    return "named"


def phrase_until(t: Toks, i: int, limit: int, max_words: int) -> int:
    """End of a loose phrase (addressee, channel): up to a comma, colon, complementiser or verb."""
    j = i
    while j < limit and j - i < max_words:
        w = t.words[j]
        if w in ",:;.!?…" or w in sp.THAT or (j > i and (w in sp.VERBS or w in sp.RELATIVES)):
            break
        if w in _QUOTE_CHARS:
            if j in t.close_of and t.close_of[j] - j <= 4:
                j = t.close_of[j] + 1
                continue
            break
        j += 1
    return j


def preverb_subject(t: Toks, v: int, floor: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """(subject, alias) before a verb in S-V order: "وكانت منظمة العفو الدولية، أمنستي، قد قالت"."""
    words = t.words
    k = v - 1
    if k >= floor and words[k] in ("قد", "لقد"):
        k -= 1
    alias = None
    if k - 2 >= floor and words[k] == "," and words[k - 2] == "," and is_word(words[k - 1]):
        alias = (k - 1, k)
        k -= 3
    if k >= floor and words[k] in sp.RELATIVES:
        return _backward(t, k - 1, floor, definite_only=True), alias
    return _backward(t, k, floor, definite_only=False), alias


def _backward(t: Toks, k: int, floor: int, definite_only: bool) -> tuple[int, int] | None:
    end = k + 1
    while k >= floor and end - k <= MAX_NP:
        w = t.words[k]
        if not is_word(w) or w in _STOP or w in sp.VERBS or w in sp.CHANNELS:
            break
        if definite_only and not has_al(w):
            break
        k -= 1
    if k + 1 >= end:
        return None
    start = k + 1
    while start < end and t.words[start][0] in "وف" and t.words[start][1:] in sp.KANA:
        start += 1
    return (start, end) if start < end else None


def source_links(t: Toks, a: int, b: int) -> list[tuple[str, int, int, int]]:
    """Media a sentence cites ("حسب ما نقلت وكالة …", "نقلا عن صحيفة …"): (role, token, char-skip, end)."""
    links: list[tuple[str, int, int, int]] = []
    for p in range(a, b):
        if t.words[p] not in sp.SOURCE_PREPS:
            continue
        q = p + 1
        relayed = False
        if q < b and t.words[q] == "ما":
            q += 1
        if q < b and t.words[q] in sp.VERBS:
            q, relayed = q + 1, True
        if q < b and t.words[q] == "عن":
            q += 1
        link = medium_at(t, q, b, relayed)
        if link is not None:
            links.append(link)
    return links


def medium_at(t: Toks, q: int, limit: int, relayed: bool) -> tuple[str, int, int, int] | None:
    """An agency or medium named at token `q` ("وكالة رويترز للأنباء", "لصحيفة الفجر")."""
    if q >= limit or not is_word(t.words[q]):
        return None
    w = t.words[q]
    skip = 1 if l_word(w) and w[1:] in sp.AGENCY_CUES | sp.MEDIUM_CUES else 0
    cue = w[skip:]
    if cue in sp.AGENCY_CUES:
        role = "agency"
    elif cue in sp.MEDIUM_CUES or relayed:
        role = "medium"
    else:
        return None
    end = phrase_until(t, q + 1, limit, 4)
    while end > q + 1 and t.words[end - 1] in sp.PREPOSITIONS:
        end -= 1
    return role, q, skip, max(end, q + 1)


def _channel_before(t: Toks, v: int) -> tuple[int, int] | None:
    """ "وفي بيان، قال …": a channel introduced by a preposition earlier in the sentence."""
    a = t.bounds[t.sent_of[v]][0]
    for p in range(max(a + 1, v - MAX_LINK - 4), v):
        if t.words[p] in sp.CHANNELS and t.words[p - 1] in _CHANNEL_PREPS:
            return p, phrase_until(t, p, v, MAX_LINK)
    return None


def channel_in(t: Toks, a: int, b: int) -> tuple[int, int] | None:
    """The first channel phrase ("تسجيل صوتي نشره أنصاره على الإنترنت") among tokens [a, b)."""
    for p in range(a, b):
        if t.words[p] in sp.CHANNELS:
            return p, phrase_until(t, p, b, MAX_LINK)
    return None


@dataclass(slots=True)
class Who:
    """Token ranges found between a reporting verb and its clause (None where absent)."""

    subject: tuple[int, int] | None = None
    alias: tuple[int, int] | None = None
    appositive: tuple[int, int] | None = None
    addressee: tuple[int, int] | None = None
    channel: tuple[int, int] | None = None
    relay: tuple[str, int, int, int] | None = None  # the medium a relay verb's subject names
    implicit: bool = False  # the verb's subject is left unsaid (an adverb or a channel follows it)


def parse_middle(t: Toks, v: int, c: int, verb: sp.Verb) -> Who:
    """Speaker, appositive, addressee and channel between verb `v` and its clause at token `c`."""
    who = Who()
    j = v + 1
    if j < c and t.words[j] in _TO_HIM:
        who.addressee, j = (j, j + 1), j + 1  # "فقال له المصور": the subject follows the addressee
    if j < c and t.words[j] in sp.ADVERBS:
        who.implicit, j = True, j + 1
    elif verb.role == "relay":
        j = _relay(t, j, c, who)
    own_channel = None
    if who.subject is None and not who.implicit and j < c and t.words[j] in sp.CHANNELS:
        who.implicit, own_channel = True, (j, _nisba_end(t, j + 1, c))  # "قالت الرسالة الصوتية"
        j = own_channel[1]
    elif who.subject is None and not who.implicit and j < c and _starts_phrase(t.words[j]):
        e = np_end(t, j, c)
        if e > j:
            who.subject = (j, e)
            j = _appositive(t, e, c, who)
    _addressee(t, j, c, who, verb)
    who.channel = own_channel or channel_in(t, v + 1, c) or _channel_before(t, v)
    if who.channel and who.subject and who.subject[0] <= who.channel[0] < who.subject[1]:
        who.channel = (who.channel[0], min(who.channel[1], who.subject[1]))  # "صاحب التسجيل"
    return who


def _nisba_end(t: Toks, j: int, c: int) -> int:
    """Adjectives after a channel word ("رسالة صوتية"), not the object that may follow it."""
    while j < c and has_al(t.words[j]) == has_al(t.words[j - 1]) and t.words[j].endswith(_NISBA):
        j += 1
    return j


def _starts_phrase(w: str) -> bool:
    return is_word(w) and w not in _STOP and w not in sp.VERBS and not l_word(w)


def _relay(t: Toks, j: int, c: int, who: Who) -> int:
    """ "نقلت صحيفة X عن مصدر Y قوله": the medium X relays the speaker Y."""
    e = np_end(t, j, c)
    if e > j:
        link = medium_at(t, j, e, relayed=True)
        who.relay = (link[0], j, 0, e) if link else ("medium", j, 0, e)
        j = e
    if j < c and t.words[j] == "عن":
        return j + 1
    if who.relay is not None:  # no "عن": the medium itself speaks
        who.subject, who.relay = (who.relay[1], who.relay[3]), None
    return j


def _appositive(t: Toks, j: int, c: int, who: Who) -> int:
    """Consume ", المتحدث باسم …،" (a title) or ", أمنستي،" / "(داعش)" (an alias) after a subject."""
    words = t.words
    if j + 1 < c and words[j] == "(":
        e = _skip_parens(t, j, c)
        who.alias = (j + 1, e - 1) if e - 1 > j + 1 else None
        return e
    if j + 1 >= c or words[j] != "," or not is_word(words[j + 1]):
        return j
    e = phrase_until(t, j + 1, c, MAX_APPOSITIVE)
    closed = e < c and words[e] == ","
    if words[j + 1] in sp.TITLES:
        who.appositive = (j + 1, e)
    elif closed and who.subject and words[who.subject[0]] in sp.TITLES and e - j <= 5:
        who.appositive, who.subject = who.subject, (j + 1, e)  # "المتحدث باسم الوزارة، سامي الحداد،"
    elif e - j == 2 and closed:
        who.alias = (j + 1, e)
    else:
        return j
    return e + 1 if closed else e


def _addressee(t: Toks, j: int, c: int, who: Who, verb: sp.Verb) -> None:
    if j >= c:
        return
    w = t.words[j]
    if w == "ل" and j + 1 < c:
        who.addressee = (j + 1, phrase_until(t, j + 1, c, MAX_NP))  # "قال لـ«الصحيفة»"
    elif l_word(w) and w[1:] not in sp.THAT:
        who.addressee = (j, phrase_until(t, j, c, MAX_NP))
    elif w == "من" and verb.stance == "call" and j + 1 < c:
        who.addressee = (j + 1, phrase_until(t, j + 1, c, MAX_NP))
