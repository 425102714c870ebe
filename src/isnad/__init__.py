"""isnad: Arabic-first, multi-source news verification."""

from isnad.model import Article, Document, Span

__all__ = ["Article", "Document", "Span"]
__version__ = "0.1.0"
