"""Data: the real data sets shipped with the package (``loaders``; provenance in ``README.md``) and
generators of synthetic data with a known truth (``simulate``)."""
