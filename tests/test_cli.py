"""The aidlib command line, run in-process."""

from __future__ import annotations

import pytest

from aidlib.cli import main
from aidlib.paths import PROJECT_ROOT

RAW = str(PROJECT_ROOT / "data" / "raw" / "guangzhou_shufu_2023.txt")


def test_normalize_prints_clean_text(capsys):
    assert main(["normalize", RAW]) == 0
    out = capsys.readouterr().out
    assert out.startswith("珠水润天山，穗疏情谊深。") and "(shí)" not in out


def test_normalize_repairs_lists_every_kind(capsys):
    assert main(["normalize", RAW, "--repairs"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "kind\traw_start\traw_end\tbefore\tafter"
    kinds = {line.split("\t")[0] for line in lines[1:]}
    assert kinds == {"gbk_shift", "html", "pinyin", "punctuation", "spacing", "t2s"}


def test_missing_file_is_one_line_error():
    with pytest.raises(SystemExit, match="aidlib: nope.txt: no such file"):
        main(["normalize", "nope.txt"])


def test_non_utf8_file(tmp_path):
    bad = tmp_path / "gbk.txt"
    bad.write_bytes("當地".encode("gbk"))
    with pytest.raises(SystemExit, match=r"gbk.txt: not UTF-8 \(byte 0\)"):
        main(["normalize", str(bad)])


@pytest.mark.parametrize("fmt", ["csv", "json", "markdown"])
def test_extract_formats(capsys, fmt):
    assert main(["extract", RAW, "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "5.3亿元" in out and "1700余人次" in out
    if fmt == "json":
        import json

        rows = json.loads(out)
        assert len(rows) == 74
        damaged = [r for r in rows if r["damaged"]]
        assert [r["text"] for r in damaged] == ["1700余人次"] and damaged[0]["value"] is None
    if fmt == "csv":
        assert out.splitlines()[0] == "value,unit,unit_en,qualifier,damaged,text,context,start,end"
