"""Tables: relations a table's layout states (合计 rows and columns, 结余, derived change
and share columns, shares of a row named in the text)."""
