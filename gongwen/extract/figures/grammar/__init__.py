"""The number grammar: quantity literals with their units, periods and stated changes.

``numbers.find_quantities`` reads the literals (value types in ``quantity``, numerals in
``numerals``, units and hedges in ``units``, units taken from neighbours in ``context_units``);
``periods.find_periods`` the time expressions; ``changes.find_changes`` links quantities into
stated changes.  Nothing here knows of programs, scopes or metrics.
"""
