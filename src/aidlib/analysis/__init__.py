"""Stage 4, analysis: derived indicators with honest bounds, context, reader-facing tables and charts.

Modules: :mod:`~aidlib.analysis.indicators` (interval arithmetic over the metrics),
:mod:`~aidlib.analysis.context` (the metrics against cited figures),
:mod:`~aidlib.analysis.tables` (views for notebooks) and :mod:`~aidlib.analysis.plotting`
(theme and charts; matplotlib and seaborn load only when a chart is drawn).
"""
