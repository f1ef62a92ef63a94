"""Text: the canonical text of a document (clean, dedupe fake bold, text tables), its outline and metadata."""
