"""Encodings a user's Arabic files come in are all read back to the same text, and named."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from isnad.errors import InputError
from isnad.ingest import decode_bytes, ingest

# Invented events; only characters every Arabic code page has (no « » and no tatweel).
HARBOUR = (
    "أعلنت إدارة ميناء الرمال أمس أن سفينة الشحن الثالثة وصلت قبل موعدها بيومين، "
    "وقال مدير الميناء إن الرصيف الجديد استقبل 14 سفينة منذ افتتاحه."
)
SCHOOL = "افتتحت مدرسة القرية الجديدة أبوابها لثلاثمئة تلميذ؛ هل تكفي الصفوف الاثنا عشر؟"


@pytest.mark.parametrize("text", [HARBOUR, SCHOOL])
def test_windows_1256_and_iso_8859_6_round_trip_to_the_same_text(tmp_path: Path, text: str) -> None:
    (tmp_path / "a_cp1256.txt").write_bytes(text.encode("cp1256"))
    (tmp_path / "b_iso.txt").write_bytes(text.encode("iso-8859-6"))
    result = ingest([tmp_path])
    assert result.errors == []
    by_name = {Path(a.source).name: a for a in result.articles}
    assert by_name["a_cp1256.txt"].text == text
    assert by_name["a_cp1256.txt"].encoding == "windows-1256"
    assert by_name["b_iso.txt"].text == text
    assert by_name["b_iso.txt"].encoding == "iso-8859-6"


@pytest.mark.parametrize(
    ("prefix", "codec", "reported"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (b"", "utf-8", "utf-8"),
        (b"", "utf-16-le", "utf-16-le"),  # no BOM: recognised from where the high bytes sit
        (b"", "utf-16-be", "utf-16-be"),
    ],
)
def test_unicode_encodings_with_and_without_bom(prefix: bytes, codec: str, reported: str) -> None:
    text, encoding = decode_bytes(prefix + HARBOUR.encode(codec), "news.txt")
    assert text == HARBOUR  # the BOM is not part of the text offsets refer to
    assert encoding == reported


def test_a_declared_charset_is_used_for_legacy_bytes_but_cannot_override_valid_utf8() -> None:
    assert decode_bytes(SCHOOL.encode("cp1256"), "page", declared="windows-1256") == (
        SCHOOL,
        "windows-1256",
    )
    assert decode_bytes(SCHOOL.encode("utf-8"), "page", declared="iso-8859-1") == (SCHOOL, "utf-8")


def test_latin1_text_is_not_mistaken_for_arabic() -> None:
    french = "Le conseil municipal a voté hier un budget élevé pour l'école du quartier à Genève."
    text, _ = decode_bytes(french.encode("latin-1"), "fr.txt")
    assert text == french


@pytest.mark.parametrize(
    ("data", "hint"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG"),
        (b"PK\x03\x04" + bytes(40), "ZIP"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"text\x00with\x00nul\x00bytes" * 8, "NUL"),
        (bytes(range(1, 32)) * 20, "control"),
    ],
)
def test_binary_inputs_are_isn103(data: bytes, hint: str) -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(data, "blob.bin")
    assert info.value.code == "ISN103"
    assert info.value.source == "blob.bin"
    assert hint.lower() in info.value.message.lower()


def test_random_bytes_are_binary_not_utf16() -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(os.urandom(4000) + b"\x00\x00", "noise")
    assert info.value.code == "ISN103"


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + "خبر".encode() + b"\xff\xfe\xfd",
        codecs.BOM_UTF16_LE + b"\x00\xd8A\x00",  # lone surrogate
    ],
)
def test_bytes_contradicting_their_bom_are_isn101(data: bytes) -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(data, "broken.txt")
    assert info.value.code == "ISN101"
    assert "byte-order mark" in info.value.detail


def test_arabic_wins_over_a_wrongly_declared_western_charset() -> None:
    assert decode_bytes(HARBOUR.encode("cp1256"), "page", declared="iso-8859-1") == (HARBOUR, "windows-1256")


def test_cyrillic_legacy_text_is_not_read_as_arabic() -> None:
    russian = "Вчера в городе прошёл сильный дождь, и многие улицы были затоплены водой до самого вечера."
    for codec in ("koi8-r", "cp1251"):
        assert decode_bytes(russian.encode(codec), "ru.txt")[0] == russian
