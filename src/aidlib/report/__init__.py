"""Stage 5, report: execute the notebooks and publish them as self-contained HTML pages.

:mod:`~aidlib.report.build` runs the notebooks and writes the folder atomically;
:mod:`~aidlib.report.site` turns notebooks and tables into pages with the style sheet and
script in ``templates/``.
"""
