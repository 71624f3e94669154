"""Source records and checksum-verified reading."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from aidlib.data.paths import PROJECT_ROOT
from aidlib.data.sources import SourceError, read_raw, source_record, source_text

SHARED = PROJECT_ROOT.parent / "shared" / "sources" / "guangzhou_shufu_2023.txt"


def test_raw_copy_is_byte_identical_and_recorded():
    raw = PROJECT_ROOT / "data" / "raw" / "guangzhou_shufu_2023.txt"
    digest = hashlib.sha256(raw.read_bytes()).hexdigest()
    assert digest == "2277f15733eff067b837f4d26b4499cbdd6c876f80155d68a7c6ac71601c3bff"
    assert source_record("guangzhou_shufu_2023")["sha256"] == digest
    if SHARED.exists():  # beside a checkout; CI has it too
        assert SHARED.read_bytes() == raw.read_bytes()


def test_record_fields():
    record = source_record("guangzhou_shufu_2023")
    assert record["outlet"] == "南方农村报" and record["language"] == "zh"


def test_unknown_source_suggests_near_match():
    with pytest.raises(SourceError, match="did you mean guangzhou_shufu_2023"):
        source_record("guangzhou_shufu_2032")


@pytest.fixture
def data_copy(tmp_path):
    shutil.copytree(PROJECT_ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


def test_changed_checksum_is_refused(data_copy):
    raw = data_copy / "raw" / "guangzhou_shufu_2023.txt"
    raw.write_bytes(raw.read_bytes() + b"\n")
    with pytest.raises(SourceError, match=r"guangzhou_shufu_2023.txt: sha256 .* does not match sources.csv"):
        read_raw("guangzhou_shufu_2023", data_copy)


def test_missing_raw_file(data_copy):
    (data_copy / "raw" / "guangzhou_shufu_2023.txt").unlink()
    with pytest.raises(SourceError, match="raw source of 'guangzhou_shufu_2023' not found"):
        read_raw("guangzhou_shufu_2023", data_copy)


def test_missing_data_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="data folder .* not found"):
        read_raw("guangzhou_shufu_2023", tmp_path / "nowhere")


def test_source_text_clean_and_raw():
    assert source_text("guangzhou_shufu_2023", clean=False).startswith("珠水潤(rùn)天山")
    assert source_text("guangzhou_shufu_2023").startswith("珠水润天山，")
