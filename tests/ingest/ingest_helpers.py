"""Shared by the ingest tests: a tiny 127.0.0.1 HTTP server and sample inputs (invented events)."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

# (status, headers, body, delay before answering in seconds)
Route = tuple[int, dict[str, str], bytes, float]


@dataclass
class LocalServer:
    """Routes served by a throwaway server; `seen` records the User-Agent of every request."""

    base: str
    routes: dict[str, Route]
    seen: list[tuple[str, str]] = field(default_factory=list)
    streams: dict[str, Callable[[BaseHTTPRequestHandler], None]] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return self.base + path


def handler_for(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server.seen.append((self.path, self.headers.get("User-Agent", "")))
            if self.path in server.streams:
                server.streams[self.path](self)
                return
            status, headers, body, delay = server.routes.get(
                self.path, (404, {"Content-Type": "text/plain"}, b"not found", 0.0)
            )
            if delay:
                time.sleep(delay)
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            # the client may give up (timeout or size cap), as a test intends
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
            pass

    return Handler


PARAGRAPHS = (
    "أعلنت بلدية مدينة الزيتون صباح اليوم افتتاح حديقة عامة جديدة على مساحة ثمانية هكتارات "
    "في الحي الغربي، بعد أعمال استمرت أربعة عشر شهراً.",
    "وقال رئيس البلدية إن الحديقة تضم ملعبين للأطفال ومساراً للدراجات بطول 3 كيلومترات، "
    "وإنها ستفتح أبوابها مجاناً طوال أيام الأسبوع.",
    "وأضاف أن البلدية زرعت أكثر من ألفي شجرة زيتون وليمون في الحديقة، وأن المرحلة الثانية "
    "ستشمل بناء مكتبة صغيرة ومقهى للعائلات.",
)


def page(charset: str = "utf-8", body: str | None = None) -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    article = (
        body if body is not None else f"<article><h1>حديقة جديدة في الزيتون</h1>\n{paragraphs}</article>"
    )
    return f"""<!doctype html>
<html lang="ar-JO" dir="rtl"><head><meta charset="{charset}">
<title>حديقة جديدة في الزيتون | أخبار الزيتون</title>
<meta property="og:site_name" content="أخبار الزيتون">
<meta property="og:title" content="حديقة جديدة في الزيتون">
<meta property="article:published_time" content="2022-05-09T09:15:00+03:00">
<meta name="author" content="هالة الربيعي">
</head><body>
<nav><a href="/">الرئيسية</a> <a href="/sport">رياضة</a> <a href="/eco">اقتصاد</a></nav>
{article}
<footer>جميع الحقوق محفوظة</footer>
<script>window.tracker = "ignored";</script>
</body></html>"""


RSS = """<?xml version="1.0" encoding="{encoding}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>راديو الواحة</title>
  <link>https://example.invalid/</link>
  <language>ar-SA</language>
  <item>
    <title>انقطاع الكهرباء عن حي النرجس</title>
    <link>https://example.invalid/news/1</link>
    <pubDate>Mon, 02 Sep 2019 18:40:00 +0300</pubDate>
    <content:encoded><![CDATA[<p>انقطعت الكهرباء عن حي النرجس لمدة ست ساعات مساء الاثنين.</p>
<p>وقالت شركة التوزيع إن عطلاً في محول رئيسي تسبب بالانقطاع<br/>وإن الفرق أصلحته قبل منتصف الليل.</p>
<script>track("x")</script>]]></content:encoded>
  </item>
  <item>
    <title>مهرجان التمور يفتح أبوابه</title>
    <link>https://example.invalid/news/2</link>
    <pubDate>Tue, 03 Sep 2019 07:00:00 GMT</pubDate>
    <description>&lt;p&gt;يشارك 40 مزارعاً في مهرجان التمور &amp;amp; الحرف اليدوية هذا العام.&lt;/p&gt;
    </description>
  </item>
  <item>
    <title>عنوان بلا تفاصيل</title>
    <link>https://example.invalid/news/3</link>
  </item>
</channel>
</rss>
"""
