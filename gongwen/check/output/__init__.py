"""Output renderers: terminal text and JSON, HTML, SARIF, and comments in the user's .docx."""
