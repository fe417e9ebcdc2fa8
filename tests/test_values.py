"""Tests for ingest.values.parse_target."""

from __future__ import annotations

import dataclasses
import json
import random

import pytest

from ingest.model import ParsedTarget
from ingest.values import TABLES_PATH, ValueTablesError, load_tables, parse_target


def expect(
    op=None, number=None, unit=None, kind="qualitative", *, number_max=None, amount_wan=None, date=None, flags=()
) -> ParsedTarget:
    """Build the expected ParsedTarget (positional: op, number, unit, kind)."""
    return ParsedTarget(
        op=op,
        number=number,
        number_max=number_max,
        unit=unit,
        kind=kind,
        amount_wan=amount_wan,
        date=date,
        flags=list(flags),
    )


# (value, fiscal_year, name, expected)
CASES = [
    # percent
    ("≥90%", None, None, expect(">=", 90, "%", "percent")),
    ("=100%", None, None, expect("=", 100, "%", "percent")),
    ("100%", None, None, expect("=", 100, "%", "percent")),
    ("≥100%", None, None, expect(">=", 100, "%", "percent")),
    ("≥65百分率", None, None, expect(">=", 65, "%", "percent")),
    ("≥65%百分 率", None, None, expect(">=", 65, "%", "percent")),
    ("≤0.2 百分 率", None, None, expect("<=", 0.2, "%", "percent")),
    ("≤0.3%", None, None, expect("<=", 0.3, "%", "percent")),
    ("≥７０％", None, None, expect(">=", 70, "%", "percent")),
    ("　100%", None, None, expect("=", 100, "%", "percent")),
    ("＞95%", None, None, expect(">", 95, "%", "percent")),
    # an inclusive bound with its note in brackets
    ("95%（含）以上", None, None, expect(">=", 95, "%", "percent")),
    # a tolerance: corpus 14's 补助款结算误差率 ±3%以内 (an error of at most 3%)
    ("±3%以内", None, None, expect("<=", 3, "%", "percent")),
    ("±3%", None, None, expect("<=", 3, "%", "percent")),
    ("不低于90%", None, None, expect(">=", 90, "%", "percent")),
    ("90%以上", None, None, expect(">=", 90, "%", "percent")),
    # money
    ("≤10.4万元", None, None, expect("<=", 10.4, "万元", "money", amount_wan=10.4)),
    ("=184722元", None, None, expect("=", 184722, "元", "money", amount_wan=18.4722)),
    ("6924 元", None, None, expect("=", 6924, "元", "money", amount_wan=0.6924)),
    ("4583.33 元/人/月", None, None, expect("=", 4583.33, "元/人/月", "money", amount_wan=0.458333)),
    ("≤550元（每人每天）", None, None, expect("<=", 550, "元", "money", amount_wan=0.055)),
    ("≤1.5亿元", None, None, expect("<=", 1.5, "亿元", "money", amount_wan=15000)),
    ("每人 400 元-3000 元", None, None, expect("range", 400, "元", "money", number_max=3000, amount_wan=0.04)),
    ("每年 5-10 万元", None, None, expect("range", 5, "万元", "money", number_max=10, amount_wan=5)),
    ("每次 2500 元左右", None, None, expect("=", 2500, "元", "money", amount_wan=0.25, flags=["approximate"])),
    # count
    ("=1人", None, None, expect("=", 1, "人", "count")),
    ("≥45000份", None, None, expect(">=", 45000, "份", "count")),
    ("=12组", None, None, expect("=", 12, "组", "count")),
    ("≥260人次", None, None, expect(">=", 260, "人次", "count")),
    ("≥100件/年", None, None, expect(">=", 100, "件/年", "count")),
    ("≥9个/小时", None, None, expect(">=", 9, "个/小时", "count")),
    ("大于3名专业工程师驻场", None, None, expect(">", 3, "名", "count")),
    ("≤30 人", None, None, expect("<=", 30, "人", "count")),
    ("16 场次", None, None, expect("=", 16, "场次", "count")),
    ("≤31 名", None, None, expect("<=", 31, "名", "count")),
    ("≥1 次", None, None, expect(">=", 1, "次", "count")),
    ("2次", None, None, expect("=", 2, "次", "count")),
    ("≥7门", None, None, expect(">=", 7, "门", "count")),
    # duration
    ("12 个月", None, None, expect("=", 12, "个月", "duration")),
    ("5 个月", None, None, expect("=", 5, "个月", "duration")),
    ("≥5年", None, None, expect(">=", 5, "年", "duration")),
    ("≤2小时", None, None, expect("<=", 2, "小时", "duration")),
    ("24小时在岗", None, None, expect("=", 24, "小时", "duration")),
    ("3个工作日内", None, None, expect("<=", 3, "个工作日", "duration")),
    # plain numbers and unlisted units
    ("≥20度", None, None, expect(">=", 20, "度", "number")),
    # shared/corpus 06 (Huangshan): a share with the word 比例 after it, as its unit
    ("≥0.97比例", None, "视频监控在线率", expect(">=", 0.97, "比例", "number")),
    ("≥70", None, None, expect(">=", 70, None, "number", flags=["unit_missing"])),
    ("9000", None, None, expect("=", 9000, None, "number", flags=["unit_missing"])),
    ("≥70", None, "培训对象满意率", expect(">=", 70, None, "number", flags=["unit_missing", "percent_likely"])),
    ("≥90", None, "服务对象满意度", expect(">=", 90, None, "number", flags=["unit_missing", "percent_likely"])),
    ("≥9000", None, "满意度", expect(">=", 9000, None, "number", flags=["unit_missing"])),
    # deadlines
    ("5月31日前", 2024, None, expect("<=", kind="deadline", date="2024-05-31")),
    ("5月31日前", None, None, expect("<=", kind="deadline", flags=["year_missing"])),
    ("2024年12月31日前", None, None, expect("<=", kind="deadline", date="2024-12-31")),
    ("≤2023年11月底", None, None, expect("<=", kind="deadline", date="2023-11-30")),
    ("2024 年底", None, None, expect("<=", kind="deadline", date="2024-12-31")),
    ("2023年10月底", None, None, expect("<=", kind="deadline", date="2023-10-31")),
    ("≤2023年12月10日前", None, None, expect("<=", kind="deadline", date="2023-12-10")),
    ("2月底", 2024, None, expect("<=", kind="deadline", date="2024-02-29")),
    ("年底前完成", 2023, None, expect("<=", kind="deadline", date="2023-12-31")),
    ("2023年10月", None, None, expect("<=", kind="deadline", date="2023-10-31", flags=["month_only"])),
    ("2024.1.1-2024.12.31", None, None, expect("<=", kind="deadline", date="2024-12-31", flags=["date_range"])),
    ("2月30日前", 2024, None, expect("<=", kind="deadline", flags=["invalid_date"])),
    ("每月按时完成", None, None, expect(kind="deadline")),
    ("年度内完成", None, None, expect(kind="deadline")),
    ("按季度完成", None, None, expect(kind="deadline")),
    ("1 年内完成", None, None, expect("<=", 1, "年", "deadline")),
    # number followed by text restating the target (Qingdao)
    ("≥0.85援助案件完成率达85%以上", None, None, expect(">=", 85, "%", "percent", flags=["fraction_as_percent"])),
    ("≥0.7热线接通率达到70%以上", None, None, expect(">=", 70, "%", "percent", flags=["fraction_as_percent"])),
    ("≥80受援人满意度达到80%以上", None, None, expect(">=", 80, "%", "percent")),
    ("≤140全年发放办案补贴140万元", None, None, expect("<=", 140, "万元", "money", amount_wan=140)),
    ("≥200法律援助受益人达到200人次以上", None, None, expect(">=", 200, "人次", "count")),
    ("≥6000012348人热线受益人达到60000人次", None, None, expect(">=", 60000, "人次", "count", flags=["digits_glued"])),
    (
        "≥5维持中心运行维修维护成本小于5万元",
        None,
        None,
        expect(">=", 5, "万元", "money", amount_wan=5, flags=["op_conflict"]),
    ),
    ("≥100非诉讼调解案件全年大于100件", None, None, expect(">=", 100, "件", "count")),
    (
        "12348热线受益人达到60000人次",
        None,
        None,
        expect("=", 12348, None, "number", flags=["restated_differs", "unit_missing"]),
    ),
    # flagged rather than read
    ("较上年提高5%", None, None, expect("=", 5, "%", "percent", flags=["text_before_number"])),
    ("3月", None, None, expect("=", 3, "月", "duration", flags=["ambiguous_month"])),
    ("1 00%", None, None, expect("=", 100, "%", "percent", flags=["space_in_number"])),
    ("节约成本100%", None, None, expect("=", 100, "%", "percent", flags=["text_before_number"])),
    ("完成2023年度审计", None, None, expect(kind="qualitative", flags=["year_in_text"])),
    # placeholders
    ("**平米", None, None, expect(kind="placeholder")),
    ("年度计划", None, None, expect(kind="placeholder")),
    ("年度工作计划", None, None, expect(kind="placeholder")),
    ("年终总结", None, None, expect(kind="placeholder")),
    ("报到人数", None, None, expect(kind="placeholder")),
    ("年度预算", None, None, expect(kind="placeholder")),
    ("完成情况", None, None, expect(kind="placeholder")),
    ("≥**%", None, None, expect(kind="placeholder")),
    # qualitative
    ("有效提升", None, None, expect()),
    ("长效", None, None, expect()),
    ("显著提高", None, None, expect()),
    ("提升", None, None, expect()),
    ("安抚", None, None, expect()),
    ("单件成本控制在限价范围内", None, None, expect()),
    ("≤国家部署和工作计划规定时间", None, None, expect()),
    ("市优以上律所的执业三年以上律师", None, None, expect()),
    ("支出金额控制在预算额度内", None, None, expect()),
    ("—", None, None, expect(flags=["punctuation_only"])),
    # empty
    ("", None, None, expect(kind="empty")),
    ("　", None, None, expect(kind="empty")),
    (" \t\n", None, None, expect(kind="empty")),
    # units written in Latin letters or as a per-mille sign (road lengths, weights, rates of other forms); they were
    # no unit, and the value read as a bare number
    ("≥10km", None, None, expect(">=", 10, "km", "number")),
    ("≥500kg", None, None, expect(">=", 500, "kg", "number")),
    ("≤1‰", None, None, expect("<=", 1, "‰", "number")),
]


def round_amount(target: ParsedTarget) -> ParsedTarget:
    """Return the target with amount_wan rounded to 6 decimals and numbers as floats, for comparison."""
    if target.amount_wan is not None:
        target.amount_wan = round(target.amount_wan, 6)
    for attr in ("number", "number_max"):
        if getattr(target, attr) is not None:
            setattr(target, attr, float(getattr(target, attr)))
    return target


@pytest.mark.parametrize(("value", "fiscal_year", "name", "expected"), CASES, ids=[c[0] or "<empty>" for c in CASES])
def test_parse_target(value, fiscal_year, name, expected):
    assert round_amount(parse_target(value, fiscal_year=fiscal_year, name=name)) == round_amount(expected)


JUNK = [
    "",
    "　",
    "—",
    "<p>",
    "12348",
    "-",
    "--",
    "%",
    "≥",
    "≤≥",
    "元",
    "0",
    "0.0.0",
    "1,",
    ",1",
    "99999999999999999999",
    "1e400",
    "9" * 400,
    "13月40日前",
    "0000年00月00日",
    "2024-99-99",
    "年底",
    "月底前",
    "/",
    "元/",
    "1/",
    "1-",
    "-1",
    "1--2",
    "至",
    "1至",
    "**",
    "\x00",
    "\ufffd",
    "𠀀",
    "①②③",
    "Ⅻ",
    "²³",
    "٣",
    "１２.３４５",
    "None",
    None,
]


@pytest.mark.parametrize("value", JUNK, ids=[repr(v) for v in JUNK])
def test_junk_never_raises(value):
    target = parse_target(value)
    assert isinstance(target, ParsedTarget)
    assert "parse_error" not in target.flags


def test_random_strings_never_raise():
    rng = random.Random(20240531)
    alphabet = "0123456789０１２.,，-—~至到≥≤=＝><％%元万亿人次个月年日底前内以上下左右约每/（）() 　**率度名件a\t"
    for _ in range(3000):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        target = parse_target(value, fiscal_year=rng.choice([None, 2024]), name=rng.choice([None, "满意度"]))
        assert isinstance(target, ParsedTarget)
        assert "parse_error" not in target.flags, value


def test_non_string_input_never_raises():
    assert parse_target(None).kind == "empty"
    assert parse_target(100).number == 100


def test_a_reading_is_a_copy_of_the_cached_one():
    target = ParsedTarget(op="range", number=1.0, number_max=2.0, unit="万元", kind="money", amount_wan=1.0,
                          date="2024-12-31", flags=["approximate"])
    copy = ParsedTarget.thawed(target.frozen())
    assert copy == target and copy.flags is not target.flags  # every field, and a list of flags of its own
    assert len(target.frozen()) == len(dataclasses.fields(ParsedTarget))
    first = parse_target("≥90", name="满意度")
    first.flags.append("changed")
    assert "changed" not in parse_target("≥90", name="满意度").flags


def test_kinds_and_ops_are_from_the_contract():
    kinds = {"percent", "count", "money", "deadline", "duration", "number", "qualitative", "placeholder", "empty"}
    for value, fiscal_year, name, _ in CASES:
        target = parse_target(value, fiscal_year, name)
        assert target.kind in kinds
        assert target.op in {">=", "<=", "=", ">", "<", "range", None}


def test_shipped_tables_load():
    tables = load_tables(TABLES_PATH)
    assert tables.unit_kind["万元"] == "money"
    assert "年度计划" in tables.placeholder_values


def test_malformed_tables_fail_loudly(tmp_path):
    broken = tmp_path / "values.json"
    broken.write_text("{ not json", encoding="utf-8")
    with pytest.raises(ValueTablesError, match="cannot read value tables"):
        load_tables(broken)


def test_tables_with_missing_entry_fail_loudly(tmp_path):
    raw = json.loads(TABLES_PATH.read_text(encoding="utf-8"))
    del raw["units"]["count"]
    broken = tmp_path / "values.json"
    broken.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueTablesError, match="units.count"):
        load_tables(broken)


def test_tables_with_bad_operator_fail_loudly(tmp_path):
    raw = json.loads(TABLES_PATH.read_text(encoding="utf-8"))
    raw["operators"]["symbols"]["≥"] = "gte"
    broken = tmp_path / "values.json"
    broken.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueTablesError, match="gte"):
        load_tables(broken)
