"""The words labels are read by: the bureaus' vocabularies (``vocab``) matched longest-first
(``lexicon``), the word classes of ``data/heads.yaml`` (``heads``) and the rules of
``data/metrics.yaml`` (``metric_rules``)."""
