"""Verdicts and findings: interval arithmetic on printed precision, evaluation of each
relation under every reading of its operands, slips of the pen, document-level rules,
and the findings and report they make."""
