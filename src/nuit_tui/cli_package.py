"""The command line's meeting package (filled in below)."""
