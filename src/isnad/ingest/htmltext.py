"""Small HTML fragments (feed item bodies) -> plain text with paragraph and line breaks kept."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

# Private-use sentinels survive HTML whitespace collapsing, then become real breaks.
_BR = "\ue000"
_PARA = "\ue001"
_DROP = "script, style, noscript, template, iframe, object, svg"
_BLOCKS = (
    "p, div, section, article, header, footer, aside, blockquote, pre, figure, figcaption, "
    "h1, h2, h3, h4, h5, h6, ul, ol, li, dl, dt, dd, table, tr, hr, address"
)
# HTML whitespace only: a no-break space is content, not layout.
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_BREAKS = re.compile(f"[ {_BR}{_PARA}]*[{_BR}{_PARA}][ {_BR}{_PARA}]*")


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment: blocks -> blank line, <br> -> newline, entities decoded."""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    tree = LexborHTMLParser(fragment.replace(_BR, "").replace(_PARA, ""))
    for node in tree.css(_DROP):
        node.decompose()
    for node in tree.css("br"):
        node.replace_with(_BR)
    for node in tree.css(_BLOCKS):
        node.insert_before(_PARA)
        node.insert_after(_PARA)
    root = tree.body or tree.root
    if root is None:
        return ""
    text = _HTML_SPACE.sub(" ", root.text(deep=True, separator=""))
    return _BREAKS.sub(_break, text).strip()


def _break(match: re.Match[str]) -> str:
    run = match.group()
    return "\n\n" if _PARA in run else "\n" * run.count(_BR)
