"""Renderers: pure functions from a document view to the bytes of a file.

They do no file I/O and never touch the archive; what they get is already
redacted for its audience.
"""
