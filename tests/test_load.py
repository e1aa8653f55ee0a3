"""Loading and validating the YAML: every mistake is reported with file and line."""

from __future__ import annotations

import pytest
from conftest import DATA, write_kb

from sdtargets.errors import SdError
from sdtargets.kb.load import load
from sdtargets.kb.validate import validate_folder
from sdtargets.text.numbers import base_value

PLAN = """plans:
- id: p
  title: 测试计划
  period: [2024, 2025]
  source: s.txt
items:
"""
ITEM = """- id: p.1
  plan: p
  kind: measure
  line: 1
  text: |-
    1.建设5G基站2万个。（牵头单位：省工业和信息化厅）
  lead: [省工业和信息化厅]
"""
AGENCIES = "agencies:\n- {name: 省工业和信息化厅, kind: 省政府组成部门, aliases: [省工信厅]}\n"


def kb_at(tmp_path, items=ITEM, agencies=AGENCIES):
    folder = write_kb(tmp_path, PLAN + items, agencies)
    (folder / "sources" / "s.txt").write_text(
        "1.建设5G基站2万个。（牵头单位：省工业和信息化厅）\n", encoding="utf-8"
    )
    return folder


def test_a_valid_knowledge_base_loads(tmp_path):
    kb = load(kb_at(tmp_path))
    assert [i["id"] for i in kb.items] == ["p.1"]
    assert kb.items[0]["years"] == [2025] and kb.items[0]["years_implied"] is True


def test_yaml_syntax_error_names_file_line_and_column(tmp_path):
    folder = kb_at(tmp_path, ITEM + "  lead: [unclosed\n")
    with pytest.raises(SdError) as err:
        load(folder)
    assert "targets.yaml:" in err.value.message
    assert "invalid YAML" in err.value.message


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\xff\xfe", "is not UTF-8 text at byte"),
        (b"\x01", "has an unreadable character (control characters are not allowed) at byte"),
    ],
)
def test_a_file_that_is_not_utf8_text_is_refused_with_where(tmp_path, raw, message):
    folder = kb_at(tmp_path, ITEM)
    (folder / "targets.yaml").write_bytes((folder / "targets.yaml").read_bytes() + b"# " + raw + b"\n")
    with pytest.raises(SdError) as err:
        load(folder)
    assert message in err.value.message
    assert str(folder / "targets.yaml") in err.value.message


def test_schema_violations_are_all_reported_with_lines(tmp_path):
    bad = ITEM.replace("kind: measure", "kind: wish").replace("line: 1", "line: first")
    with pytest.raises(SdError) as err:
        load(kb_at(tmp_path, bad))
    details = err.value.details
    assert len(details) == 2
    assert all(d.startswith("targets.yaml:9:") or d.startswith("targets.yaml:10:") for d in details), details
    assert any("wish" in d for d in details) and any("integer" in d for d in details)


def test_schema_sentences_name_the_key_and_true_is_not_a_number(tmp_path):
    bad = ITEM.replace("line: 1", "line: true").replace("  lead:", "  colour: red\n  lead:")
    bad = bad.replace("  plan: p\n", "")
    with pytest.raises(SdError) as err:
        load(kb_at(tmp_path, bad))
    assert err.value.details == [
        "targets.yaml:7: items[0] (p.1) is missing 'plan'",
        "targets.yaml:9: items[0] (p.1).line should be integer, not true/false",
        "targets.yaml:7: items[0] (p.1) has an unknown key 'colour'",
    ]


def test_duplicate_ids_are_refused(tmp_path):
    with pytest.raises(SdError, match="duplicate item id p.1"):
        load(kb_at(tmp_path, ITEM + ITEM))


def test_unknown_agency_is_refused_with_a_hint(tmp_path):
    with pytest.raises(SdError, match="unknown agency 省工信厅.*did you mean 省工业和信息化厅"):
        load(kb_at(tmp_path, ITEM.replace("lead: [省工业和信息化厅]", "lead: [省工信厅]")))


def test_unknown_plan_is_refused(tmp_path):
    with pytest.raises(SdError, match="unknown plan q"):
        load(kb_at(tmp_path, ITEM.replace("plan: p", "plan: q")))


def test_impossible_year_is_refused(tmp_path):
    item = (
        ITEM + "  targets:\n  - {metric: 5G基站, value: 2, unit: 万个, year: 20255, quote: 建设5G基站2万个}\n"
    )
    with pytest.raises(SdError, match="20255 is above 2100"):
        load(kb_at(tmp_path, item))


def test_a_number_the_text_does_not_state_is_reported_by_validate(tmp_path):
    item = (
        ITEM + "  targets:\n  - {metric: 5G基站, value: 3, unit: 万个, year: 2025, quote: 建设5G基站2万个}\n"
    )
    problems, _ = validate_folder(kb_at(tmp_path, item))
    assert problems == ["p.1: target 1: value 3 is not written in its quote"]


def test_text_not_in_the_source_is_reported_by_validate(tmp_path):
    problems, _ = validate_folder(kb_at(tmp_path, ITEM.replace("2万个", "3万个")))
    assert "p.1: text is not found verbatim in its source (whitespace aside)" in problems


def test_alias_bomb_is_refused_at_its_first_anchor(tmp_path):
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    for i in range(1, 10):
        bomb += f"{'bcdefghij'[i - 1]}: &{'bcdefghij'[i - 1]} [{','.join(['*' + 'abcdefghij'[i - 1]] * 9)}]\n"
    folder = write_kb(tmp_path, bomb)
    with pytest.raises(SdError) as err:
        load(folder)
    assert err.value.message == (
        f"{folder / 'targets.yaml'}:1:4: invalid YAML: anchors (&name) are not allowed in the knowledge base."
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "a: !!python/object/apply:os.system ['true']\n",
            "tag:yaml.org,2002:python/object/apply:os.system is not",
        ),
        ("a: !!python/name:os.system ''\n", "could not determine a constructor"),
        ("a: !!set {x: null}\n", "the tag tag:yaml.org,2002:set is not allowed"),
        ("a: [1]\nb: *x\n", "aliases (*name) are not allowed"),
        ("? [1, 2]\n: x\n", "a mapping key must be a plain value"),
        ("a: 1\n---\nb: 2\n", "more than one YAML document"),
    ],
)
def test_unsafe_or_unusual_yaml_is_refused_with_a_reason(tmp_path, text, problem):
    folder = write_kb(tmp_path, text)
    with pytest.raises(SdError) as err:
        load(folder)
    assert problem in err.value.message and "invalid YAML" in err.value.message


@pytest.mark.parametrize("name", ["targets.yaml", "agencies.yaml"])
def test_streaming_parser_equals_safe_load_on_the_real_files(name):
    import yaml

    from sdtargets.kb.yamlread import parse

    text = (DATA / name).read_text(encoding="utf-8")
    assert parse(text) == yaml.safe_load(text)


def test_streaming_parser_resolves_scalars_as_safe_load_does():
    import yaml

    from sdtargets.kb.yamlread import parse

    text = "a: 25\nb: 2.5\nc: '25'\nd: null\ne: ~\nf: true\ng: 2023-01-19\nh: !!str 25\ni: [1, x, '%']\n"
    assert parse(text) == yaml.safe_load(text)
    assert parse("") is None
    # a short plain scalar is made once and reused (`parse`'s cache): the same words quoted, with
    # a tag, or in YAML 1.1's other forms of numbers and booleans still resolve each as their own
    again = "j: [25, '25', !!str 25, 25, 012, '012', 012, 0x1A, 1_000, 1:20, .inf, yes, 'yes', Yes, yes]\n"
    assert parse(text + again) == yaml.safe_load(text + again)
    inf = float("inf")
    made = [25, "25", "25", 25, 10, "012", 10, 26, 1000, 80, inf, True, "yes", True, True]
    assert parse(again)["j"] == made


def test_oversized_file_is_refused_before_parsing(tmp_path, monkeypatch):
    import sdtargets.kb.yamlread as load_module

    monkeypatch.setattr(load_module, "MAX_FILE_BYTES", 100)
    with pytest.raises(SdError, match="over the"):
        load(kb_at(tmp_path))


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (3.5, "万家", (35000, "家")),
        (5000, "亿元", (500000000000, "元")),
        (6.5, "%", (6.5, "%")),
        (200, "万千瓦", (2000000, "千瓦")),
        (20.2, "万个", (202000, "个")),
        (10, "家", (10, "家")),
        (1100, "亿斤", (55000000, "吨")),  # grain: the same 5500万吨 the Five-Year Plan counts
        (None, "亿斤", (None, "吨")),
        (5, "成", (50, "%")),  # 超过五成: a share in tenths lines up with shares in %
    ],
)
def test_base_values(value, unit, expected):
    assert base_value(value, unit) == expected


@pytest.mark.parametrize(
    ("line", "problems"),
    [
        (2, []),  # begins at the end of line 2 and runs on into line 3
        (3, ["the text does not begin on line 3 of its source"]),  # begins before line 3
        (1, ["the text does not begin on line 1 of its source"]),
    ],
)
def test_a_text_may_begin_at_the_end_of_its_line_in_a_narrow_column(line, problems):
    from sdtargets.kb.checks import check_line

    source = ["发展目标上，具体分为", "6 个方面：四是应用推", "广实现扩面增量。新能源"]
    assert list(check_line({"line": line, "text": "四是应用推广实现扩面增量。"}, source)) == problems


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("(2)常住人口城镇化率 (%) 618 65左右 [32左右] 预期性", "常住人口城镇化率"),
        ("(11)每千人口拥有执业 (助理)医师数 (人) 325 385 [06] 预期性", "每千人口拥有执业(助理)医师数"),
        ("(19)森林覆盖率 (%) 约束性", "森林覆盖率"),
    ],
)
def test_an_indicator_row_is_titled_by_its_name(text, title):
    from sdtargets.kb.load import title_of

    assert title_of(text, "indicator") == title


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("两", 2),
        ("十", 10),
        ("二十三", 23),
        ("百", 100),
        ("一千二百", 1200),
        ("千万", 10**7),
        ("千亿", 10**11),
    ],
)
def test_chinese_numerals_are_read_as_numbers(numeral, value):
    from sdtargets.kb.checks import cn_value

    assert cn_value(numeral) == value


@pytest.mark.parametrize(
    ("target", "problems"),
    [
        # a number the source writes in Chinese numerals is stated, not damaged: no raw needed
        ({"value": 2, "unit": "个", "quote": "打造济南、青岛两个低时延数据中心核心区"}, []),
        ({"value": 1000, "unit": "万千瓦", "quote": "打造胶东半岛千万千瓦级核电基地"}, []),
        ({"value": 1, "unit": "位", "quote": "总数均居全国首位"}, []),
        ({"value": 10, "quote": "均列国内城市前十"}, []),
        # … but it must be that number
        (
            {"value": 3, "unit": "个", "quote": "打造济南、青岛两个低时延数据中心核心区"},
            ["target 1: value 3 is not written in its quote"],
        ),
        (
            {"value": 1, "unit": "位", "quote": "首次超过"},
            [
                "target 1: value 1 is not written in its quote",
                "target 1: unit '位' is not written in its quote",
            ],
        ),
        # damage is still recorded as raw, and the raw string must be in the quote
        (
            {
                "value": 61.8,
                "unit": "%",
                "raw": "618",
                "correction": "PDF转换丢失小数点",
                "quote": "城镇化率达到618%",
            },
            [],
        ),
        # a unit the text leaves out is given, and the note says so
        (
            {"value": 1000, "unit": "家", "quote": "企业数量双破千"},
            ["target 1: unit '家' is not written in its quote"],
        ),
        ({"value": 1000, "unit": "家", "note": "原文未写单位", "quote": "企业数量双破千"}, []),
    ],
)
def test_a_value_is_written_in_its_quote_in_digits_or_chinese_numerals(target, problems):
    from sdtargets.kb.checks import check_targets

    item = {"text": target["quote"], "targets": [{"metric": "m", "year": 2025, **target}]}
    assert list(check_targets(item)) == problems


@pytest.mark.parametrize(
    ("unit", "quote", "ok"),
    [
        ("位", "数量居全国第一", True),  # a rank: 位 though not printed
        ("位", "均列国内城市前十", True),
        ("%", "三次产业结构优化调整为73∶391∶536", True),  # a structure in shares: %
        ("%", "粮食产量1000亿斤", False),
        ("位", "新增12家", False),
    ],
)
def test_a_unit_the_quote_implies_by_its_form(unit, quote, ok):
    from sdtargets.kb.checks import unit_written_in

    assert unit_written_in(unit, quote) is ok
