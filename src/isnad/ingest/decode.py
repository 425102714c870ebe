"""Bytes -> text: reject binaries, honour byte-order marks, then UTF-8, then the Arabic legacy code pages.

Strict UTF-8 comes first because it is fast and practically never decodes legacy bytes by accident.
windows-1256 and ISO-8859-6 are both "valid" for much Arabic text, so they are scored by what the
decoded text looks like, not guessed by a generic detector.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter

from isnad.errors import InputError

# (signature, what it is) for formats people drop into input folders by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.epub)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x00asm", "a WebAssembly module"),
)
# (mark, codec, reported name); UTF-32 LE first: its mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)
_SAMPLE = 65_536
# C0 controls that never occur in text files (tab, LF, FF, CR and ESC do).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_MAX_CONTROL_RATIO = 0.05
_UTF16_BLOCK_SHARE = 0.95
_ARABIC = re.compile("[\u0600-\u06ff]")
# An Arabic character glued to a Latin letter: what Latin-1 text looks like when read as windows-1256.
_MIXED = re.compile("[A-Za-z\u00c0-\u00ff][\u0600-\u06ff]|[\u0600-\u06ff][A-Za-z\u00c0-\u00ff]")
# What Arabic bytes in the *wrong* Arabic code page decode to: Latin-1 letters, × and ÷.
_MOJIBAKE = re.compile("[\u00c0-\u00ff]")
_LEGACY_ARABIC = ("cp1256", "iso8859-6")
_WESTERN = frozenset({"iso-8859-1", "iso-8859-15", "windows-1252"})
# Alef and lam are the commonest Arabic letters (the article ال); Cyrillic or Greek legacy text read as
# windows-1256 also yields Arabic letters, but with other frequencies.
_ALEF_LAM_SHARE = 0.1
_FREQUENCY_MIN_LETTERS = 50
_UNDECODABLE = "not UTF-8, UTF-16 (with BOM), windows-1256 or ISO-8859-6, and no other encoding fits"


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Decode input bytes to (text, encoding name); raise ISN103 for binaries, ISN101 when nothing fits.

    `declared` is a charset from an HTTP header or `<meta>`; it is tried after strict UTF-8, since
    bytes that are valid UTF-8 are UTF-8 whatever a misconfigured server says. A BOM is stripped.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], codec, source, f"has a {codec} byte-order mark but "), name
    sample = data[:_SAMPLE]
    _reject_magic(sample, source)
    controls = _control_count(sample)
    if b"\x00" in sample or controls > len(sample) * _MAX_CONTROL_RATIO:
        found = _bomless_utf16(data)
        if found is None:
            raise InputError("ISN103", source, f"{controls} NUL/control bytes in the first {len(sample)}")
        return found
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    arabic = _legacy_arabic(data)
    if declared:
        found = _try_declared(data, declared)
        # Servers that declare a Western code page for Arabic pages are a classic misconfiguration.
        if found is not None and (arabic is None or found[1] not in _WESTERN):
            return found
    return arabic or _detect(data, source)


def display_name(codec: str) -> str:
    """Registry-style name users recognise (windows-1256, not cp1256)."""
    try:
        name = codecs.lookup(codec).name
    except LookupError:
        return codec
    if name.startswith("cp125"):
        return "windows-" + name[2:]
    if name.startswith("iso8859-"):
        return "iso-8859-" + name[8:]
    return name


def _strict(data: bytes, codec: str, source: str, why: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError("ISN101", source, f"{why}byte {exc.start} is invalid in {codec}") from None


def _reject_magic(sample: bytes, source: str) -> None:
    for magic, kind in _MAGIC:
        if sample.startswith(magic):
            raise InputError("ISN103", source, f"looks like {kind}")


def _control_count(data: bytes) -> int:
    return len(data) - len(data.translate(None, _CONTROL_BYTES))


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: NULs and other low bytes are then the high bytes of code units.

    Text uses few Unicode blocks, so a few high-byte values cover nearly every code unit; binary
    data spreads over all of them (and usually breaks surrogate pairing too).
    """
    if len(data) % 2:
        return None
    for codec, high in (("utf-16-le", 1), ("utf-16-be", 0)):
        highs = Counter(data[high:_SAMPLE:2])
        units = sum(highs.values())
        if not units or sum(n for _, n in highs.most_common(3)) < units * _UTF16_BLOCK_SHARE:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        head = text[: _SAMPLE // 2].encode("utf-8", "surrogatepass")
        if _control_count(head) <= len(head) * _MAX_CONTROL_RATIO:
            return text, codec
    return None


def _try_declared(data: bytes, declared: str) -> tuple[str, str] | None:
    try:
        return data.decode(declared), display_name(declared)
    except (LookupError, UnicodeDecodeError):
        return None


def _legacy_arabic(data: bytes) -> tuple[str, str] | None:
    """windows-1256 or ISO-8859-6, whichever decodes to Arabic with the fewest Latin-1 stray letters.

    windows-1256 wins ties: it is what Arabic Windows and most legacy Arabic web pages used.
    """
    best: tuple[int, str, str] | None = None
    for codec in _LEGACY_ARABIC:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        arabic = len(_ARABIC.findall(text))
        non_ascii = len(text) - len(text.encode("ascii", "ignore"))
        if arabic == 0 or arabic * 2 < non_ascii or len(_MIXED.findall(text)) * 10 > arabic:
            continue
        alef_lam = text.count("ا") + text.count("ل")
        if arabic >= _FREQUENCY_MIN_LETTERS and alef_lam < arabic * _ALEF_LAM_SHARE:
            continue
        stray = len(_MOJIBAKE.findall(text))
        if best is None or stray < best[0]:
            best = (stray, text, codec)
    if best is None:
        return None
    return best[1], display_name(best[2])


def _detect(data: bytes, source: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # imported lazily: only legacy non-Arabic inputs need it

    match = from_bytes(data).best()
    if match is None:
        raise InputError("ISN101", source, _UNDECODABLE)
    return str(match), display_name(match.encoding)


def decode_input(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """decode_bytes, plus ISN102 for inputs with nothing but whitespace (or a bare BOM)."""
    if not data:
        raise InputError("ISN102", source, "0 bytes")
    text, encoding = decode_bytes(data, source, declared)
    if not text or text.isspace():
        raise InputError("ISN102", source, "only whitespace")
    return text, encoding
