"""Stage 3, data: where the data lives, the one table reader, sources, curated metrics, cited figures.

Modules: :mod:`~aidlib.data.paths` (the data folder), :mod:`~aidlib.data.csvfile` (every
table is read by one reader), :mod:`~aidlib.data.sources` (raw texts and their checksums),
:mod:`~aidlib.data.metrics` (the curated metrics), :mod:`~aidlib.data.figures` (cited
figures), :mod:`~aidlib.data.schema` (the one schema: every rule a cell keeps, for aidlib
and for ``datapackage.json``) and :mod:`~aidlib.data.curate` (the curator's workflow).
"""
