"""Readers of documents from outside the archive (pure: text in, records out), and
`bounded`, the one way their files are read: within stated limits of size and depth."""
