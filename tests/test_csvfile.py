"""The one reader of data files: each rule, with the line it reports."""

from __future__ import annotations

import pytest

from aidlib.data.csvfile import DataError, load_table, read_table

COLS = ("id", "note")


def _read(tmp_path, blob: bytes, columns=COLS, name="t.csv"):
    path = tmp_path / name
    path.write_bytes(blob)
    return read_table(path, columns)


@pytest.mark.parametrize(
    ("blob", "rows", "lines"),
    [
        (b"id,note\na,x\nb,y\n", [("a", "x"), ("b", "y")], [2, 3]),
        (b"id,note\r\na,x\r\nb,y", [("a", "x"), ("b", "y")], [2, 3]),  # CRLF, no final newline
        (b'id,note\na,"two\nlines"\nb,y\n', [("a", "two\nlines"), ("b", "y")], [2, 4]),  # physical lines
        (b"\xef\xbb\xbfid,note\na,x\n", [("a", "x")], [2]),  # a UTF-8 BOM is accepted
        ("id,note\na,x\u2028y\nb,z\n".encode(), [("a", "x\u2028y"), ("b", "z")], [2, 3]),  # U+2028 in a cell
        ("id,note\na,x\u0085\u2029\x0cy\n".encode(), [("a", "x\u0085\u2029\x0cy")], [2]),  # NEL, PS, FF too
        (b"id,note\n\na,x\n\n", [("a", "x")], [3]),  # blank lines skipped, numbering kept
        (b"note,id\nx,a\n", [("a", "x")], [2]),  # column order is free
    ],
)
def test_reads(tmp_path, blob, rows, lines):
    table, problems = _read(tmp_path, blob)
    assert problems == []
    assert [(r["id"], r["note"]) for r in table.rows] == rows
    assert list(table.lines) == lines


@pytest.mark.parametrize(
    ("blob", "message"),
    [
        (b"id,note\na,x,extra\nb,y\n", r"t.csv:2: 3 cells, expected 2"),  # one extra cell
        (b"id,note\na\nb,y\n", r"t.csv:2: 1 cells, expected 2"),  # a row cut short
        (
            b'id,note\na,"cut in\nb,y\n',
            r"t.csv:2: malformed CSV: a quoted cell opened on line 2 is not closed",
        ),
        (b'id,note\na,"x"y\n', r"t.csv:2: malformed CSV"),  # text after a closing quote
        (b'id,note\na,"x\nb,"y"\n', r"t.csv:2: malformed CSV"),  # a note cut mid-quote swallows a row
        (b"id,note\na,x\x00\n", r"t.csv:2: contains a NUL byte"),
        (b"", r"t.csv: file is empty"),
        (b"\n\n  \n", r"t.csv: file is empty"),
        (b"\xff\xfei\x00d\x00", r"t.csv:1: starts with a UTF-16 byte-order mark; save the file as UTF-8"),
        ("id,note\na,當地\n".encode("gbk"), r"t.csv:2: not UTF-8 \(byte 10\) \(it reads as GBK/GB18030\)"),
        (b"id,note,id\na,x,y\n", r"t.csv:1: column id: appears twice in the header"),
        (b"id,,note\na,x,y\n", r"t.csv:1: a column has no name"),
        (b"id\na\n", r"t.csv:1: column note: missing column; expected header id,note"),
        (b"id,note,extra\na,x,y\n", r"t.csv:1: column extra: unknown column"),  # never dropped silently
        (
            b"\xef\xbb\xbf\xef\xbb\xbfid,note\na,x\n",
            r"t.csv:1: a byte-order mark \(U\+FEFF\) inside the header",
        ),
    ],
)
def test_refuses(tmp_path, blob, message):
    with pytest.raises(DataError, match=message):
        _read_or_raise(tmp_path, blob)


def _read_or_raise(tmp_path, blob):
    path = tmp_path / "t.csv"
    path.write_bytes(blob)
    return load_table(path, COLS)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(DataError, match=r"none.csv: file not found"):
        load_table(tmp_path / "none.csv", COLS)
    (tmp_path / "dir.csv").mkdir()
    with pytest.raises(DataError, match=r"dir.csv: is a folder; expected a file"):
        load_table(tmp_path / "dir.csv", COLS)


def test_wrong_delimiter_is_one_problem(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text("id,note\na,x\n", encoding="utf-8")
    table, problems = read_table(path, COLS, delimiter="\t")
    assert table is None and [str(p).split("t.tsv:")[1] for p in problems] == [
        "1: the header is comma-separated; this file must be tab-separated"
    ]


def test_tsv(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text("id\tnote\na\tx, y\n", encoding="utf-8")
    table = load_table(path, COLS, delimiter="\t")
    assert table.rows == ({"id": "a", "note": "x, y"},)


def test_every_bad_row_is_reported_with_its_line(tmp_path):
    table, problems = _read(tmp_path, b'id,note\na,"x\ny"\nb\nc,z,w\nd,ok\n')
    assert [(p.line, p.message.split(",")[0]) for p in problems] == [(4, "1 cells"), (5, "3 cells")]
    assert [r["id"] for r in table.rows] == ["a", "d"]  # callers treat any problem as failure


# ---- one cause, one line; nothing that would block a reader ---------------------------
@pytest.mark.parametrize(
    ("blob", "message"),
    [
        (b"id;note\na;x\n", "the header is semicolon-separated; this file must be comma-separated"),
        (b"id|note\na|x\n", "the header is pipe-separated; this file must be comma-separated"),
        (b"id\tnote\na\tx\n", "the header is tab-separated; this file must be comma-separated"),
        # the wrong file altogether: one line, not one per missing column
        (b"name,size,colour\na,1,red\n", "the header has none of the expected columns; expected id,note"),
    ],
)
def test_a_wrong_header_is_one_problem(tmp_path, blob, message):
    table, problems = _read(tmp_path, blob)
    assert table is None and [p.message for p in problems] == [message]


def test_semicolon_metrics_file_is_one_line(tmp_path):
    from aidlib.data.metrics import COLUMNS

    path = tmp_path / "metrics.csv"
    path.write_text(";".join(COLUMNS) + "\n" + ";".join("x" * len(COLUMNS)) + "\n", encoding="utf-8")
    table, problems = read_table(path, COLUMNS)
    assert len(problems) == 1 and "semicolon-separated" in str(problems[0])


def test_fifo_and_dangling_link_are_refused_without_reading(tmp_path):
    import os

    os.mkfifo(tmp_path / "fifo.csv")  # reading it would block forever
    (tmp_path / "link.csv").symlink_to(tmp_path / "gone.csv")
    table, problems = read_table(tmp_path / "fifo.csv", COLS)
    assert table is None and "is not a regular file (a FIFO" in str(problems[0])
    table, problems = read_table(tmp_path / "link.csv", COLS)
    assert table is None and str(problems[0]).endswith("link.csv: a dangling symbolic link; expected a file")


@pytest.mark.parametrize(
    ("relative", "inside"),
    [
        ("a.clean.txt", True),
        ("raw/a.txt", True),
        ("../x", False),  # climbs out
        ("raw/../../x", False),
        ("/abs/x", False),  # absolute: joining would drop the folder
        ("", False),  # the folder itself is no file
        ("a\x00b", False),
        ("escape/x", False),  # a symlink inside that points outside
    ],
)
def test_path_inside(tmp_path, relative, inside):
    from aidlib.data.csvfile import path_inside

    (tmp_path / "escape").symlink_to("/tmp")
    if inside:
        assert path_inside(tmp_path, relative) == tmp_path / relative
    else:
        with pytest.raises(ValueError, match="is not a path inside"):
            path_inside(tmp_path, relative)


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+86 20", "'+86 20"),
        ("-3.2%", "'-3.2%"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("投入5.3亿元", "投入5.3亿元"),
        ("a=b", "a=b"),  # only the first character matters
        (-3.2, -3.2),  # numbers stay numbers
        (None, None),
        ("", ""),
    ],
)
def test_spreadsheet_safe(cell, safe):
    from aidlib.data.csvfile import spreadsheet_safe

    assert spreadsheet_safe(cell) == safe


def test_data_error_counts_the_others():
    from pathlib import Path

    from aidlib.data.csvfile import Problem

    one = DataError([Problem(Path("m.csv"), 2, "value", "bad")])
    assert str(one) == "m.csv:2: column value: bad"  # no "(and 0 more)"
    three = DataError([Problem(Path("m.csv"), i, "", "bad") for i in (2, 3, 4)])
    assert str(three).splitlines()[0] == "m.csv:2: bad (and 2 more)" and len(three.problems) == 3


def test_a_spreadsheets_blank_row_is_skipped_like_a_blank_line(tmp_path):
    table, problems = _read(tmp_path, b"id,note\na,x\n,\n , \nb,y\n")
    assert problems == [] and [r["id"] for r in table.rows] == ["a", "b"] and list(table.lines) == [2, 5]


def test_without_expected_columns_the_header_is_still_checked(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(b"id,id\na,b\n")
    table, problems = read_table(path)  # columns=None: any header, but no repeated name
    assert table is None
    assert [str(p) for p in problems] == [f"{path}:1: column id: appears twice in the header"]
    path.write_bytes(b"x,y\na,b\n")
    table, problems = read_table(path)
    assert problems == [] and table.header == ("x", "y")


@pytest.mark.parametrize("where", ["stat", "read_bytes"])
def test_an_unreadable_file_names_the_reason_not_the_errno(tmp_path, monkeypatch, where):
    from pathlib import Path

    path = tmp_path / "t.csv"
    path.write_bytes(b"id,note\na,x\n")
    real = getattr(Path, where)

    def refuse(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, where, refuse)
    table, problems = read_table(path, COLS)
    assert table is None and [str(p) for p in problems] == [f"{path}: cannot be read: Permission denied"]


def test_a_broken_quote_on_the_header_line_is_one_problem_and_no_table(tmp_path):
    table, problems = _read(tmp_path, b'"id,note\n')
    assert table is None
    assert [p.message for p in problems] == [
        "malformed CSV: a quoted cell opened on line 1 is not closed properly (unexpected end of data)"
    ]
