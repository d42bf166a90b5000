"""Pure Python rules of prep: no Textual, no SQLite."""
