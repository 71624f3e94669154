"""The main job: write the report of every bundled source into one folder."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from aidlib.sources import read_raw, source_ids
from aidlib.text import normalize


def write_report(out: Path, progress: Callable[[str], None] = print) -> list[Path]:
    """Write, per source, the clean text and the repair list; return the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for source_id in source_ids():
        progress(f"[report] normalizing {source_id}")
        result = normalize(read_raw(source_id))
        clean = out / f"{source_id}.clean.txt"
        clean.write_text(result.text, encoding="utf-8")
        repairs = out / f"{source_id}.repairs.csv"
        with repairs.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(["kind", "raw_start", "raw_end", "before", "after"])
            for r in result.repairs:
                writer.writerow([r.kind, r.raw_start, r.raw_end, r.before, r.after])
        counts = ", ".join(f"{k} {v}" for k, v in result.counts().items())
        progress(f"[report] {source_id}: {len(result.text)} chars, repairs: {counts}")
        written += [clean, repairs]
    progress("[report] validating data/metrics.csv and computing indicators")
    from aidlib.indicators import table
    from aidlib.metrics import load_metrics

    metrics = load_metrics()
    indicators = out / "indicators.csv"
    table(metrics).to_csv(indicators, index=False, lineterminator="\n")
    progress(f"[report] {len(metrics)} metrics valid; {indicators.name} written")
    written.append(indicators)
    progress(f"[report] wrote {len(written)} files to {out}/")
    return written
