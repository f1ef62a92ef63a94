"""The number grammar: quantity literals with their units, periods and stated changes.

``numbers.find_quantities`` reads the literals: matched (``pattern``) on a copy of the text with
what cannot be a quantity masked (``masks``), read with the words around them (``around``) into
values (types in ``quantity``, numerals in ``numerals``, units and hedges in ``units``, units
taken from neighbours in ``context_units``); ``periods.find_periods`` reads the time expressions;
``changes.find_changes`` links quantities into stated changes.  Nothing here knows of programs,
scopes or metrics.
"""
