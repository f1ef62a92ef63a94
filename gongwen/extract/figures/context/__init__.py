"""Where a figure stands: its clause, sentence and heading path (``windows``), the programs the
document names (``mentions``), the items of a 分别 list (``enumerations``) and the noun phrase
before its number (``phrases``)."""
