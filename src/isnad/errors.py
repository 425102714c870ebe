"""One exception hierarchy with stable codes, so users and scripts can react to a specific failure.

Every error names the input and says what to do about it. Codes:
  ISN1xx  reading input (files, encodings, formats, URLs)
  ISN2xx  text processing
  ISN3xx  models (NER)
  ISN9xx  usage / configuration
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ErrorCode:
    code: str
    summary: str
    advice: str


CODES: dict[str, ErrorCode] = {
    c.code: c
    for c in (
        ErrorCode("ISN100", "input path does not exist", "check the path or quote it if it has spaces"),
        ErrorCode(
            "ISN101",
            "could not decode the bytes as text",
            "save the file as UTF-8 (windows-1256, ISO-8859-6 and UTF-16 are detected too)",
        ),
        ErrorCode("ISN102", "input is empty", "remove the file or give it content"),
        ErrorCode("ISN103", "input looks binary, not text", "pass text, JSON, HTML or RSS files only"),
        ErrorCode("ISN104", "input exceeds the size limit", "split the file or raise --max-bytes"),
        ErrorCode("ISN105", "malformed JSON", "fix the line shown (the other lines were still read)"),
        ErrorCode(
            "ISN106",
            "JSON record lacks a body field",
            "name the field with --body-field (title/outlet/url/date fields are configurable too)",
        ),
        ErrorCode(
            "ISN107",
            "could not extract an article from HTML",
            "check that the page holds article text, not only scripts or navigation",
        ),
        ErrorCode("ISN108", "feed could not be parsed or holds no items", "check the feed URL or file"),
        ErrorCode(
            "ISN109", "URL could not be fetched", "check the address and your network, or save the page"
        ),
        ErrorCode(
            "ISN110", "unsupported input type", "use .txt, .json, .jsonl, .html, .xml/.rss/.atom or a URL"
        ),
        ErrorCode("ISN111", "sidecar metadata is malformed", "fix the .meta.json file next to the text"),
        ErrorCode("ISN112", "bad value for a metadata option", "use ISO dates such as 2016-11-03"),
        ErrorCode("ISN113", "input cannot be read", "check the file's permissions"),
        ErrorCode(
            "ISN199",
            "isnad failed unexpectedly on this input",
            "this is a bug in isnad: please report it with the input; the other inputs were still read",
        ),
        ErrorCode(
            "ISN200",
            "text processing failed on this article",
            "this is a bug in isnad: please report it with the article; the others were still analysed",
        ),
        ErrorCode(
            "ISN201",
            "a data file shipped with isnad is missing or damaged",
            "reinstall isnad, or rebuild the file with the command shown",
        ),
        ErrorCode(
            "ISN300",
            "the NER model is missing or damaged",
            "reinstall isnad, or retrain it with `isnad train ner` and pass the file with --model",
        ),
        ErrorCode(
            "ISN301",
            "the NER training corpus is malformed",
            "fix the line shown: one 'token TAG' pair per line, a blank line between sentences",
        ),
        ErrorCode(
            "ISN400",
            "the stance model was misused (not trained, unknown features, or pairs and labels mismatched)",
            "call StanceModel.fit(pairs, labels) with one label per (headline, headline) pair first",
        ),
        ErrorCode(
            "ISN401",
            "not an isnad.comparison/1 report, or a damaged one",
            "render the dict `isnad compare --format json` writes (or compare_documents returns), unmodified",
        ),
        ErrorCode("ISN900", "bad command-line usage", "see isnad --help"),
    )
}


class IsnadError(Exception):
    """Base error: carries a stable code, the input it concerns, and advice."""

    def __init__(self, code: str, source: str, detail: str = "", advice: str | None = None) -> None:
        self.code = code
        self.source = source
        self.detail = detail
        known = CODES.get(code)
        self.summary = known.summary if known else "error"
        self.advice = advice if advice is not None else (known.advice if known else "")
        super().__init__(self.message)

    @property
    def message(self) -> str:
        detail = f": {self.detail}" if self.detail else ""
        advice = f" — {self.advice}" if self.advice else ""
        return f"{self.code} {self.source}: {self.summary}{detail}{advice}"

    def to_json(self) -> dict[str, str]:
        return {
            "code": self.code,
            "input": self.source,
            "summary": self.summary,
            "detail": self.detail,
            "advice": self.advice,
        }


class InputError(IsnadError):
    """An input was rejected; other inputs of the same run are still processed."""
