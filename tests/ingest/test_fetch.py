"""URLs, fetched from a real server on 127.0.0.1: pages, feeds and every way a fetch can fail."""

from __future__ import annotations

import contextlib
import socket
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from ingest_helpers import PARAGRAPHS, RSS, LocalServer, page

from isnad.ingest import IngestOptions, ingest

HTML_UTF8 = {"Content-Type": "text/html; charset=utf-8"}


def test_an_html_page_is_fetched_extracted_and_named_by_its_url(local_server: LocalServer) -> None:
    local_server.routes["/park"] = (200, HTML_UTF8, page().encode("utf-8"), 0.0)
    url = local_server.url("/park")
    result = ingest([url])
    assert result.errors == []
    (article,) = result.articles
    assert article.source == url and article.url == url
    assert PARAGRAPHS[2] in article.text
    assert article.outlet == "أخبار الزيتون"
    path, agent = local_server.seen[0]
    assert path == "/park" and agent.startswith("isnad/") and "contact" in agent


def test_the_http_charset_is_honoured(local_server: LocalServer) -> None:
    html = page(charset="utf-8").replace('<meta charset="utf-8">', "")  # only the header says it
    headers = {"Content-Type": "text/html; charset=windows-1256"}
    local_server.routes["/legacy"] = (200, headers, html.encode("cp1256"), 0.0)
    (article,) = ingest([local_server.url("/legacy")]).articles
    assert article.encoding == "windows-1256"
    assert PARAGRAPHS[0] in article.text


def test_a_feed_url_gives_one_article_per_item(local_server: LocalServer) -> None:
    body = RSS.format(encoding="utf-8").encode("utf-8")
    local_server.routes["/rss"] = (200, {"Content-Type": "application/rss+xml"}, body, 0.0)
    # served as generic XML too: sniffed as a feed
    local_server.routes["/xml"] = (200, {"Content-Type": "text/xml"}, body, 0.0)
    for path in ("/rss", "/xml"):
        url = local_server.url(path)
        result = ingest([url])
        assert [a.source for a in result.articles] == [f"{url}#item-1", f"{url}#item-2"]
        assert result.articles[0].outlet == "راديو الواحة"


def test_http_errors_are_isn109_with_the_status(local_server: LocalServer) -> None:
    url = local_server.url("/gone")
    result = ingest([url])
    assert [(e.code, e.source) for e in result.errors] == [("ISN109", url)]
    assert "404" in result.errors[0].detail


def test_a_body_over_the_cap_is_isn104_even_without_content_length(local_server: LocalServer) -> None:
    def endless(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/plain; charset=utf-8")
        handler.end_headers()  # no Content-Length: the cap must hold while streaming
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            for _ in range(200):
                handler.wfile.write(("خبر طويل جداً " * 500).encode())

    local_server.streams["/endless"] = endless
    local_server.routes["/announced"] = (200, {"Content-Length": "999999999"}, b"", 0.0)
    options = IngestOptions(fetch_max_bytes=100_000)
    result = ingest([local_server.url("/endless"), local_server.url("/announced")], options)
    assert result.articles == []
    assert [e.code for e in result.errors] == ["ISN104", "ISN104"]
    assert "100000" in result.errors[0].detail


def test_a_slow_server_times_out_as_isn109(local_server: LocalServer) -> None:
    local_server.routes["/slow"] = (200, HTML_UTF8, page().encode("utf-8"), 3.0)
    started = time.monotonic()
    result = ingest([local_server.url("/slow")], IngestOptions(fetch_timeout=0.3))
    assert time.monotonic() - started < 2.5
    assert [e.code for e in result.errors] == ["ISN109"]
    assert "0.3" in result.errors[0].detail


def test_refused_connections_and_non_text_media_are_reported(local_server: LocalServer) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    local_server.routes["/logo"] = (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + bytes(30), 0.0)
    local_server.routes["/note"] = (
        200,
        {"Content-Type": "text/plain; charset=utf-8"},
        "أغلقت المكتبة العامة أبوابها للصيانة حتى نهاية الشهر.".encode(),
        0.0,
    )
    refused = f"http://127.0.0.1:{closed_port}/x"
    result = ingest([refused, local_server.url("/logo"), local_server.url("/note")])
    assert [(e.code, e.source) for e in result.errors] == [
        ("ISN109", refused),
        ("ISN110", local_server.url("/logo")),
    ]
    (note,) = result.articles
    assert note.text.startswith("أغلقت المكتبة") and note.url == local_server.url("/note")


def test_a_redirect_is_followed_and_the_final_url_kept(local_server: LocalServer, tmp_path: Path) -> None:
    local_server.routes["/park"] = (200, HTML_UTF8, page().encode("utf-8"), 0.0)
    local_server.routes["/old"] = (301, {"Location": "/park"}, b"", 0.0)
    (article,) = ingest([local_server.url("/old")]).articles
    assert article.source == local_server.url("/old")
    assert article.url == local_server.url("/park")
