"""The Textual app: one module per screen, styles in .tcss files."""
