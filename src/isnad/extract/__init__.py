"""Extractors that read a prepared Document: entities, quotes and their attribution."""
