"""Repeats and restatements: the same fact stated twice in the text, and a table's figures
restated in the text."""
