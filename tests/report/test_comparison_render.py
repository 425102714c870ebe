"""The comparison report a reader sees: conflicts first, every article text intact, hostile text inert."""

from __future__ import annotations

import copy
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from isnad.errors import IsnadError
from isnad.report.comparison_html import render_html
from isnad.report.comparison_md import render_markdown

# Two invented reports of one invented flood; B copies A's second sentence and gives another toll.
A_ID, B_ID = "aaaa1111", "bbbb2222"
TEXT_A = (
    "قال المتحدث باسم الدفاع المدني إن الفيضانات في وادي النخيل أجبرت 1.2 مليون شخص على مغادرة منازلهم.\n"
    "وأكد أن فرق الإنقاذ انتشلت 40 جثة حتى مساء الثلاثاء."
)
TEXT_B = (
    "أفادت مصادر محلية بأن الفيضانات في وادي النخيل أجبرت 1.5 مليون شخص على مغادرة منازلهم، "
    "وأكد أن فرق الإنقاذ انتشلت 40 جثة حتى مساء الثلاثاء.\nوأعلنت البلدية إغلاق 12 مدرسة."
)
TEXTS = {A_ID: TEXT_A, B_ID: TEXT_B}
WHY = "two independent outlets give 1.2 vs 1.5 million displaced"


def at(text: str, phrase: str) -> dict[str, Any]:
    start = text.index(phrase)
    return {"start": start, "end": start + len(phrase), "text": phrase}


def claim(cid: str, art: str, phrase: str, evidence: str, group: str, status: str) -> dict[str, Any]:
    text = TEXTS[art]
    return {
        "id": cid, "article": art, "story": "s1", "kind": "quantity", **at(text, phrase),
        "evidence": at(text, evidence), "value": None, "low": None, "high": None, "unit": None,
        "hedge": None, "assertion": "asserted", "attributed_to": None, "group": group, "status": status,
    }  # fmt: skip


def quote(qid: str, art: str, phrase: str, other: str, only_here: str, only_there: str) -> dict[str, Any]:
    return {
        "id": qid, "article": art, "story": "s1", "kind": "indirect", **at(TEXTS[art], phrase),
        "speaker": None, "stance": "assertion", "chain": [],
        "variants": [{"quote": other, "article": B_ID if art == A_ID else A_ID, "score": 0.83,
                      "only_here": [only_here], "only_there": [only_there]}],
    }  # fmt: skip


def comparison() -> dict[str, Any]:
    flee = "أجبرت {} مليون شخص على مغادرة منازلهم"
    toll, copied = "فرق الإنقاذ انتشلت 40 جثة", "وأكد أن فرق الإنقاذ انتشلت 40 جثة حتى مساء الثلاثاء."
    # The quotes end inside the displacement claims: the two spans cross, neither contains the other.
    q_a, q_b = "إن الفيضانات في وادي النخيل أجبرت 1.2 مليون", "بأن الفيضانات في وادي النخيل أجبرت 1.5 مليون"
    group = {"story": "s1", "kind": "quantity", "independent_sources": 2}
    return {
        "schema": "isnad.comparison/1", "isnad_version": "0.1.0", "grouped": False,
        "notes": ["مقالتان عن قصة واحدة"],
        "stories": [{"id": "s1", "articles": [A_ID, B_ID], "label": "فيضانات وادي النخيل"}],
        "articles": [
            {"id": A_ID, "outlet": "صحيفة الوادي", "title": "نزوح جماعي", "path": "a.txt", "source": "src1",
             "published": "2031-03-04T08:00:00", "url": None, "language": "ar", "story": "s1"},
            {"id": B_ID, "outlet": "إذاعة النخيل", "title": "حصيلة السيول", "path": "b.txt", "source": "src2",
             "published": "2031-03-04T09:00:00", "url": None, "language": "ar", "story": "s1"},
        ],
        "claims": [
            claim("c1", A_ID, flee.format("1.2"), "1.2 مليون شخص", "g1", "conflict"),
            claim("c2", B_ID, flee.format("1.5"), "1.5 مليون شخص", "g1", "conflict"),
            claim("c3", A_ID, toll, "40 جثة", "g2", "corroborated"),
            claim("c4", B_ID, toll, "40 جثة", "g2", "corroborated"),
            claim("c5", B_ID, "إغلاق 12 مدرسة", "12 مدرسة", "g3", "single-source"),
        ],
        "groups": [
            {**group, "id": "g1", "status": "conflict", "label": "عدد النازحين", "claims": ["c1", "c2"],
             "articles": [A_ID, B_ID], "explanation": WHY},
            {**group, "id": "g2", "status": "corroborated", "label": "عدد الضحايا", "claims": ["c3", "c4"],
             "articles": [A_ID, B_ID], "explanation": "both say 40 bodies"},
            {**group, "id": "g3", "status": "single-source", "label": "المدارس المغلقة", "claims": ["c5"],
             "articles": [B_ID], "independent_sources": 1, "explanation": "only one outlet"},
        ],
        "conflicts": [{"group": "g1", "kind": "quantity", "claims": ["c1", "c2"],
                       "values": ["1.2 مليون شخص", "1.5 مليون شخص"],
                       "explanation": WHY}],
        "quotes": [quote("q1", A_ID, q_a, "q2", "1.2", "1.5"), quote("q2", B_ID, q_b, "q1", "1.5", "1.2")],
        "copies": [{"article": B_ID, "of_article": A_ID, **at(TEXT_B, copied),
                    "of_start": TEXT_A.index(copied), "of_end": TEXT_A.index(copied) + len(copied),
                    "words": 9, "direction": "copy"}],
        "entities": [{"key": "البلديه", "label": "ORG", "names": ["البلدية"], "articles": [B_ID],
                      "sources": 1, "single_source": True, "aliases": []}],
        "repairs": [],
        "digest": {
            "summary": [{"article": A_ID, **at(TEXT_A, TEXT_A.split("\n")[0]), "groups": ["g1"]}],
            "entities": [{"key": "وادي النخيل", "label": "LOC", "name": "وادي النخيل", "sources": 2}],
            "timeline": [{"date": "weekday:2", **at(TEXT_A, "مساء الثلاثاء"), "article": A_ID,
                          "group": "g2", "status": "corroborated"}],
        },
        "errors": [],
    }  # fmt: skip


class Tree(HTMLParser):
    """Checks nesting while parsing; records each text piece with the classes of its enclosing elements."""

    VOID = frozenset({"meta", "br", "img", "link", "input", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.pieces: list[tuple[str, tuple[str, ...], list[dict[str, str]]]] = []  # data, classes, attrs

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attr))
        if "id" in attr:
            self.ids.append(attr["id"])
        if tag not in self.VOID:
            self.stack.append((tag, attr))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        classes = tuple(c for _, a in self.stack for c in a.get("class", "").split())
        self.pieces.append((data, classes, [a for _, a in self.stack]))

    def article_text(self, article_id: str) -> str:
        """Concatenated data inside the column's text block: what a reader sees of the article."""
        col = f"art-{article_id}"
        return "".join(
            d for d, cls, attrs in self.pieces if "text" in cls and any(a.get("id") == col for a in attrs)
        )


def parse(page: str) -> Tree:
    tree = Tree()
    tree.feed(page)
    tree.close()
    assert tree.errors == []
    assert [t for t, _ in tree.stack] == []
    return tree


SECTION_TITLES = [
    "Conflicts", "Updates", "Corroborated", "Single-source", "Quote variants", "Copies",
    "Entities named by one source only", "Digest",
]  # fmt: skip


def test_markdown_sections_in_order_with_conflict_first() -> None:
    out = render_markdown(comparison())
    positions = [out.index(f"\n## {t}\n") for t in SECTION_TITLES]
    assert positions == sorted(positions)
    conflicts = out[positions[0] : positions[1]]
    assert WHY in conflicts
    assert "1.2 مليون شخص" in conflicts and "1.5 مليون شخص" in conflicts
    assert "صحيفة الوادي" in conflicts and "إذاعة النخيل" in conflicts
    assert "«أجبرت 1.2 مليون شخص على مغادرة منازلهم»" in conflicts
    assert "2 articles, 1 story, 2 independent sources" in out
    assert "1 conflict" in out and "1 corroborated" in out and "1 single-source" in out


def test_markdown_lists_variants_copies_and_single_source_entities() -> None:
    out = render_markdown(comparison())
    variants = out[out.index("## Quote variants") : out.index("## Copies")]
    assert variants.count("0.83") == 1  # each pair once, though both quotes list it
    assert "إذاعة النخيل copies صحيفة الوادي" in out
    assert "البلدية" in out[out.index("## Entities") : out.index("## Digest")]


def _cells(line: str) -> int:
    return line.count("|") if "\\" not in line else re.sub(r"\\.", "", line).count("|")


def test_markdown_pipe_and_newline_in_claim_keep_table_intact() -> None:
    data = comparison()
    data["claims"][4]["text"] = "إغلاق | 12 مدرسة\nحتى إشعار آخر \\| نهاية"
    out = render_markdown(data)
    section = out[out.index("## Single-source") : out.index("## Quote variants")]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    assert len(rows) == 3  # header, rule, one claim: the newline did not start a new line
    assert {_cells(r) for r in rows} == {5}
    assert "إغلاق \\| 12 مدرسة حتى إشعار آخر" in section


def test_html_is_rtl_offline_and_in_order() -> None:
    page = render_html(comparison(), TEXTS)
    assert '<html lang="ar" dir="rtl">' in page
    lowered = page.lower()
    for fetch in ('src="http', "<link", "url(", "@import", "<script", "<iframe"):
        assert fetch not in lowered
    ids = [*(t.lower().replace(" ", "-") for t in SECTION_TITLES[:-2]), "entities", "digest", "articles"]
    positions = [page.index(f'<section id="{i}">') for i in ids]
    assert positions == sorted(positions)
    conflicts = page[positions[0] : positions[1]]
    assert WHY in conflicts
    assert "1.2 مليون شخص" in conflicts and "1.5 مليون شخص" in conflicts


def test_html_columns_reproduce_each_article_exactly() -> None:
    tree = parse(render_html(comparison(), TEXTS))
    columns = [a for _, _, attrs in tree.pieces for a in attrs if "article" in a.get("class", "").split()]
    assert {a["id"] for a in columns} == {f"art-{A_ID}", f"art-{B_ID}"}
    for art, text in TEXTS.items():
        assert tree.article_text(art) == text


def test_html_conflict_links_land_on_highlighted_claims() -> None:
    page = render_html(comparison(), TEXTS)
    tree = parse(page)
    for art, cid in ((A_ID, "c1"), (B_ID, "c2")):
        target = f"a{art}-{cid}"
        assert f'href="#{target}"' in page
        assert tree.ids.count(target) == 1
        span = re.search(rf'<span class="([^"]*)" title="([^"]*)" id="{target}">', page)
        assert span is not None
        assert "st-conflict" in span.group(1) and "conflict" in span.group(2)
    assert len(tree.ids) == len(set(tree.ids))


def _classes_of(tree: Tree, art: str, char: str) -> set[str]:
    col = f"art-{art}"
    found = [
        set(cls) for d, cls, attrs in tree.pieces if char in d and any(a.get("id") == col for a in attrs)
    ]
    assert len(found) == 1, found
    return found[0]


def test_html_overlapping_spans_nest_validly() -> None:
    tree = parse(render_html(comparison(), TEXTS))
    # Quote q1 covers "إن ... 1.2 مليون", claim c1 "أجبرت ... منازلهم": crossing spans.
    assert {"quote", "claim", "st-conflict", "ev"} <= _classes_of(tree, A_ID, "1.2")
    assert "claim" not in _classes_of(tree, A_ID, "إن الفيضانات")
    assert "quote" not in _classes_of(tree, A_ID, "منازلهم")
    # B copies A's toll sentence: the copy shading sits around the corroborated claim in both articles.
    for art in (A_ID, B_ID):
        assert {"copy", "claim", "st-corroborated"} <= _classes_of(tree, art, "40")
        assert "claim" not in _classes_of(tree, art, "مساء")
    assert _classes_of(tree, B_ID, "12") >= {"claim", "st-single-source"}


HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(2)>', "' onmouseover='alert(3)"]


def test_html_escapes_hostile_strings_everywhere() -> None:
    data = comparison()
    evil = " ".join(HOSTILE)
    text_a = TEXT_A + "\n" + evil
    data["articles"][0].update(title=evil, outlet=evil, url="javascript:alert(4)")
    data["quotes"].append({**data["quotes"][0], "id": evil, **at(text_a, evil), "variants": []})
    data["conflicts"][0]["explanation"] = evil
    data["claims"][0]["id"] = evil
    data["conflicts"][0]["claims"][0] = evil
    data["groups"][0]["claims"][0] = evil
    page = render_html(data, {A_ID: text_a, B_ID: TEXT_B})
    tree = parse(page)
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert {t for t, _ in tree.tags} <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "h1",
        "h2",
        "h3",
        "p",
        "bdi",
        "span",
        "section",
        "div",
        "ul",
        "li",
        "a",
        "q",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "br",
        "small",
        "b",
    }
    attributes = {k for _, attrs in tree.tags for k in attrs}
    assert attributes <= {"lang", "dir", "charset", "name", "content", "class", "id", "title", "href"}
    assert all(a["href"].startswith("#") for _, a in tree.tags if "href" in a)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # The hostile strings come back as text, in the article column and in the hover titles.
    assert any(evil in a.get("title", "") for _, a in tree.tags)
    assert tree.article_text(A_ID) == text_a
    md = render_markdown(data)
    assert re.search(r"(?<!\\)<", md) is None  # CommonMark shows "\<" as a literal "<", never a tag


def test_html_reports_spans_that_do_not_match_the_text() -> None:
    data = comparison()
    data["claims"][4].update(start=5, end=9999)
    page = render_html(data, {A_ID: TEXT_A})  # and B's text is missing
    tree = parse(page)
    problems = page[page.index('<section id="problems"') :]
    assert "fall outside the text" not in problems  # c5 is in B, whose text was not given
    assert "no original text" in problems
    assert tree.article_text(A_ID) == TEXT_A
    data["claims"][0].update(end=data["claims"][0]["end"] + 1)
    page = render_html(data, TEXTS)
    assert "claim c1" in page and "differs from the span" in page
    assert parse(page).article_text(A_ID) == TEXT_A


def test_wrong_schema_is_an_isnad_error() -> None:
    bad = copy.deepcopy(comparison())
    bad["schema"] = "isnad.analysis/1"
    for render in (render_markdown, lambda d: render_html(d, TEXTS)):
        with pytest.raises(IsnadError, match="schema"):
            render(bad)
    with pytest.raises(IsnadError, match="list of objects"):
        render_markdown({**comparison(), "claims": "c1"})


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(alphabet="اب ت\n<>&\"'|ـًٌ٣", min_size=1, max_size=60),
    cuts=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=8),
)
def test_html_any_overlap_keeps_text_and_nesting(text: str, cuts: list[tuple[int, int]]) -> None:
    data = comparison()
    spans = [(min(a, b) % len(text), max(a, b) % len(text) + 1) for a, b in cuts]
    kinds = ("claims", "quotes")
    data["claims"], data["quotes"], data["copies"] = [], [], []
    for n, (start, end) in enumerate(spans):
        item = {"id": f"x{n}", "article": A_ID, "start": start, "end": end, "text": text[start:end]}
        data[kinds[n % 2]].append({**item, "status": "conflict", "group": "g1"})
    tree = parse(render_html(data, {A_ID: text, B_ID: TEXT_B}))
    assert tree.article_text(A_ID) == text
    assert len(tree.ids) == len(set(tree.ids))
