"""Place names that hold a numeral: the gazetteer (aidlib.quantities.names) against the parser."""

from __future__ import annotations

import subprocess
import sys

import pytest

from aidlib.quantities.chinese import find_quantities
from aidlib.quantities.names import in_place_name, names

NAMES = names()


def test_the_list_is_large_and_holds_the_known_cases():
    assert len(NAMES) > 25_000
    known = ("五家渠市", "五家渠", "七个星镇", "六户地镇", "三间房地区", "十三间房", "五棵松", "一四一团")
    for name in known:
        assert name in NAMES


# Every name, alone (one a line) and in carrier sentences, gives no quantity. One text
# each, so the whole list costs a few find_quantities calls (under a second each).
@pytest.mark.parametrize(
    "carrier",
    [
        "{}",
        "我们来到{}调研。",
        "在{}建设了一批项目",
    ],
)
def test_no_name_gives_a_quantity(carrier):
    text = "\n".join(carrier.format(n) for n in NAMES)
    found = find_quantities(text)
    assert [q.text for q in found] == []


def test_a_count_beside_each_name_still_counts():
    text = "\n".join(f"{n}新建3个项目" for n in NAMES)
    assert len(find_quantities(text)) == len(NAMES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("五家渠市", []),
        ("五家渠的发展", []),  # the short form in use
        ("七个星镇", []),
        ("七个星的葡萄", []),
        ("六户地镇", []),
        ("八家户", []),
        ("三间房乡", []),
        ("五棵松体育馆", []),
        ("途经十三间房", []),  # a landmark on the Hami road (hand-kept list)
        ("兵团第十二师一〇四团", []),
        ("202所社区", []),  # digits in a name of the gazetteer
        ("共202所学校", [(202, "所")]),  # ... but digits are never guessed to be a name
        ("建成10所社区卫生服务站", [(10, "所")]),
        ("维修十三间房屋", [(13, "间")]),  # 房屋 continues the name's last character: a count
        ("新引进五家企业", [(5, "家")]),
        ("种下五棵松树", [(5, "棵")]),  # 松树: trees, not the landmark
        ("栽种五棵树苗", [(5, "棵")]),  # 树苗 continues 五棵树 (a town's short form): saplings
        ("种植五棵果树", [(5, "棵")]),
        ("修缮三间房屋", [(3, "间")]),
        ("来到九成宫调研", []),  # 宫调 is a word, but 调研 a commoner one: the landmark stays
        ("在五棵树建设项目", []),  # 树建 is no word: the town
        ("购置三台设备", [(3, "台")]),  # 三台 (三台县 without its suffix) is no short form
        ("三台县", []),
        ("两个区", [(2, "个")]),
        ("10个乡镇", [(10, "个")]),
    ],
)
def test_names_and_counts(text, expected):
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected


def test_in_place_name_at_the_ends_of_the_text():
    assert not in_place_name("五家", 0, 1)  # nothing after the numeral
    assert in_place_name("五家渠", 0, 1)
    assert not in_place_name("新五家渠", 0, 1)  # the numeral is not where the name has it


def test_the_list_loads_lazily():
    # importing the parser reads no name; the first Chinese numeral with a measure word does
    code = (
        "import aidlib.quantities.chinese as c, aidlib.quantities.names as n\n"
        "a = n._index.cache_info().currsize\n"
        "c.find_quantities('共300人')\n"
        "b = n._index.cache_info().currsize\n"
        "c.find_quantities('三人')\n"
        "print(a, b, n._index.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "0", "1"]
