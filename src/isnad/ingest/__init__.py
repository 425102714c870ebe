"""Files, directories and URLs -> `Article`s, with a coded `InputError` for every input that fails.

`ingest` never raises for a bad input: it reads the others and returns the errors alongside.
"""

from isnad.ingest.decode import decode_bytes
from isnad.ingest.dispatch import ingest, sniff
from isnad.ingest.meta import parse_date
from isnad.ingest.options import IngestOptions, IngestResult
from isnad.ingest.records import articles_from_records

__all__ = [
    "IngestOptions",
    "IngestResult",
    "articles_from_records",
    "decode_bytes",
    "ingest",
    "parse_date",
    "sniff",
]
