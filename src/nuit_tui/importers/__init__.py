"""Readers of documents from outside the archive (pure: text in, records out)."""
