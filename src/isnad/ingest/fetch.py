"""http(s) URLs -> bytes plus what the server said about them; limits enforced while reading."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from http.client import HTTPResponse

from isnad.errors import InputError
from isnad.ingest.options import IngestOptions

_CHUNK = 65_536
_ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, application/json;q=0.8, text/plain;q=0.7, */*;q=0.1"
)


@dataclass(frozen=True)
class Fetched:
    """A response body with its media type (lower case, no parameters) and declared charset."""

    data: bytes
    media_type: str
    charset: str | None
    final_url: str


def fetch(url: str, options: IngestOptions) -> Fetched:
    """GET `url`; ISN109 for HTTP errors, timeouts and network failures, ISN104 when over the size cap."""
    request = urllib.request.Request(url, headers={"User-Agent": options.user_agent, "Accept": _ACCEPT})
    try:
        with urllib.request.urlopen(request, timeout=options.fetch_timeout) as response:
            headers: Message = response.headers
            _check_declared_length(headers, url, options.fetch_max_bytes)
            data = _read_capped(response, url, options)
            final_url = response.geturl()
    except urllib.error.HTTPError as exc:
        exc.close()
        raise InputError("ISN109", url, f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise InputError("ISN109", url, _reason(exc.reason, options.fetch_timeout)) from None
    except TimeoutError:
        raise InputError("ISN109", url, f"no answer within {options.fetch_timeout:g} s") from None
    except (OSError, ValueError) as exc:  # connection reset mid-body, malformed URL or headers
        raise InputError("ISN109", url, f"{type(exc).__name__}: {exc}") from None
    media_type = headers.get_content_type().lower()
    charset = headers.get_content_charset()
    return Fetched(data, media_type, charset, final_url)


def _check_declared_length(headers: Message, url: str, cap: int) -> None:
    declared = headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > cap:
        raise InputError("ISN104", url, f"the server announces {declared} bytes, over the {cap}-byte limit")


def _read_capped(response: HTTPResponse, url: str, options: IngestOptions) -> bytes:
    """Read in chunks, stopping as soon as the cap or the overall deadline is passed."""
    cap = options.fetch_max_bytes
    deadline = time.monotonic() + options.fetch_timeout
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > cap:
            raise InputError("ISN104", url, f"the body passed the {cap}-byte limit while downloading")
        if time.monotonic() > deadline:
            raise InputError("ISN109", url, f"the download took longer than {options.fetch_timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _reason(reason: object, timeout: float) -> str:
    if isinstance(reason, TimeoutError):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason)
