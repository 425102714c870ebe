"""The built-in example corpus: invented Arabic news that `isnad analyze` reads when given no input.

Every article describes invented events in original wording; docs/example-corpus.md lists the
conflicts, updates and scraping damage planted in it so tests can assert against them.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from isnad.errors import InputError

__all__ = ["corpus_path"]


def corpus_path() -> Path:
    """Directory holding the example corpus, so the CLI can ingest it like any folder a user passes."""
    ref = resources.files(__name__).joinpath("corpus")
    path = ref if isinstance(ref, Path) else Path(__file__).with_name("corpus")
    if not path.is_dir():
        # A zipped or stripped install has no real directory: fail loudly rather than analyse nothing.
        raise InputError("ISN100", str(path), "the built-in example corpus is missing from this install")
    return path
