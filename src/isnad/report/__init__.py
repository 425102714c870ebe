"""Renderers: the same analysis as JSON (for machines) or text (for people)."""
