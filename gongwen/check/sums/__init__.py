"""Sums and parts: totals after their items, 其中 and bracket breakdowns, classified and
分别 lists, wholes whose words list their parts, flows and stocks, what is left."""
