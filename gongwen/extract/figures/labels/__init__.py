"""A figure's labels: the :class:`~.labeller.Labeller` reads its program (``programs``), scope
(``scope`` with ``scope_hits``, ``scope_nouns``, ``scope_parts``, ``places``), metric (``metrics``
with ``ratio_metrics``, ``counts``) and kind (``kinds``); ``neighbours`` then passes labels
between the figures of a breakdown."""
