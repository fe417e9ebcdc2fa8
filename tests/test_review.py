"""Review engine (review/): rule findings on the sample documents, counted by hand; clean tables; grades; Excel
report; CLI; docs kept in step with review/rules.json.

Every expected finding below was read off the source file in sample_data/ (line numbers are the file's lines, as
``python -m ingest parse FILE --json`` reports them), not copied from the engine's output. Places: 抚宁区 =
hebei_funing_2020.txt, 平罗县 = ningxia_pingluo_2024.txt, 西青区 = tianjin_xiqing_2024.txt, 沅江市 =
hunan_yuanjiang_2024.txt, 青岛市 = qingdao_2023.txt. Project numbers are the 1-based order of the tables in the
file; 0 is 沅江市's 部门整体支出绩效目标表 (lines 1-171).
"""

from __future__ import annotations

import copy
import io
import json
from collections import Counter

import openpyxl
import pytest

from ingest import loader
from ingest.model import (
    DepartmentOverall,
    Document,
    FundingSource,
    Indicator,
    ParsedTarget,
    Project,
    SpendingPlan,
)
from ingest.parse import parse_bytes
from review import engine
from review.engine import FINDING_COLUMNS, GRADE_COLUMNS, RuleConfigError, load_rules, main_review, run_review
from review.report import FINDINGS_SHEET, GRADES_SHEET, RULES_SHEET, build_report

# ---------------------------------------------------------------------------------------------------------------
# Hand-checked expectations on sample_data/
# ---------------------------------------------------------------------------------------------------------------

# Indicator-level rules: (place, first line of the indicator row).
INDICATOR_FINDINGS = {
    # Blank 指标值 cell: 抚宁区 line 83 (组织主题宣传活动场次: the cell after the description is empty, 年度工作计划 is
    # the 依据 column) and line 135 (矛盾纠纷调解成功率: empty value, 完成情况 is the 依据). No other file has a named
    # indicator with a blank value.
    "value_missing": [("抚宁区", 83), ("抚宁区", 135)],
    # Same name twice in one table, later occurrence reported. 平罗县 table 4: 开展警示教育、培训 (82 数量, 94 成本),
    # 开展慰问及帮扶 (83, 95), 社区矫正和安置帮教宣传教育 (85, 96), 社区矫正社会工作服务 (91 时效, 97 成本);
    # table 5: 举办全县法治建设专题培训 (116, 122); table 6: 开展法治宣传教育活动 (151, 155). Read through the names
    # of every table of the other files: none repeats within a table (抚宁区 节约成本 and 再犯罪率 repeat only across
    # tables).
    "duplicate_name": [("平罗县", 94), ("平罗县", 95), ("平罗县", 96), ("平罗县", 97), ("平罗县", 122),
                       ("平罗县", 155)],
    # Placeholder values, all in 抚宁区: 99 **平米, 103 年度预算, 120 年度计划, 134 年终总结, 151 报到人数,
    # 152 年度计划, 169/170/171 年度计划, 191 年度工作计划 (wrapped as 年度工作计 划), 229 年度计划 = 11.
    # (137 节约成本 and 172/193/211/228 支出金额控制在预算额度内 are text, not placeholders.)
    "placeholder_value": [("抚宁区", n) for n in (99, 103, 120, 134, 151, 152, 169, 170, 171, 191, 229)],
    # No 数量指标 anywhere has a money value (抚宁区 数量 values are counts / placeholders / percentages, 平罗县
    # 个月 / 名 / 人 / 场次 / 次, 西青区 人 / 场 / 件 / 份 / 套 / 组 / 项 / 个 / 种 / 次 / 名, 青岛市 counts and one
    # percentage (855), 沅江市 9000 without unit).
    "money_as_quantity": [],
    # 时效 indicators that are neither a deadline/duration nor a percent named 及时/按时/完成:
    # 抚宁区 119 帮教小组覆盖率 ≥75%; 青岛市 181 ≤国家部署和工作计划规定时间 (text), 869 当年结案案件补贴发放达60%
    # (≥0.6 …, no 及时/按时/完成 in the name), 983 线上调解案件结案率达50%. Accepted: 抚宁区 102 支付及时率,
    # 136 2020 年底, 227 培训计划完成率; every 平罗县 and 西青区 时效 value (dates, 年度内完成, 每月按时完成,
    # …及时率); 青岛市 81, 281 (及时), 383, 483, 583 (dates), 776 ≤2小时 (a duration).
    "timeliness_value": [("抚宁区", 119), ("青岛市", 181), ("青岛市", 869), ("青岛市", 983)],
    # Names with 率 whose value is not in %: 抚宁区 104 办公场所供暖率 ≥20度, 153 验收合格率 ≥70 (no unit);
    # 青岛市 583 值班费发放及时率 ≤2023年12月10日前 (a date). Every other 率 name has a % value (抚宁区 135 is blank,
    # 170 a placeholder: left to the other rules).
    "rate_unit": [("抚宁区", 104), ("抚宁区", 153), ("青岛市", 583)],
    # Cost indicators whose value is not money (placeholder 抚宁区 120 left to placeholder_value): 抚宁区 85 70%,
    # 101 100%, 137 节约成本, 172/193/211/228 支出金额控制在预算额度内; 平罗县 126 年度内完成;
    # 青岛市 448 单件成本控制在限价范围内 = 9. All 西青区 cost values are 元/万元.
    "cost_not_money": [("抚宁区", n) for n in (85, 101, 137, 172, 193, 211, 228)] + [("平罗县", 126),
                                                                                     ("青岛市", 448)],
    # Cost caps above the budget: only 青岛市 table 3 法治专项业务费, line 246 ≤228.4万元 against 预算数 208.40
    # (line 214). Checked all other ≤/= money costs against their totals, e.g. 青岛市 4/7/8 equal their totals
    # (100, 20, 158.36); 西青区 1 =184722元 = 18.4722 万元 vs 18.47 is within the 0.005 万元 rounding tolerance.
    "cost_over_budget": [("青岛市", 246)],
    # Satisfaction in [80, 90): 西青区 48, 169, 223 (≥80%); 青岛市 295, 397, 597 (≥80%), 690 (≥85%), 897, 997
    # (≥80…). 90 itself is not below the floor (平罗县 45, 100; 西青区 126; 青岛市 95, 195, 790; 抚宁区 105).
    "satisfaction_below_floor": [("西青区", 48), ("西青区", 169), ("西青区", 223), ("青岛市", 295), ("青岛市", 397),
                                 ("青岛市", 597), ("青岛市", 690), ("青岛市", 897), ("青岛市", 997)],
    # Satisfaction below 80, all 抚宁区: 87 ≥65百分率, 122 ≥65%百分率, 139 ≥65%百分率, 155 ≥65百分率,
    # 174 ≥65百分率, 195 ≥70%, 213 ≥70百分率, 230 ≥70% = 8 (only 105 ≥90百分率 is not).
    "satisfaction_very_low": [("抚宁区", n) for n in (87, 122, 139, 155, 174, 195, 213, 230)],
    # Exactly 100%: 西青区 21 家属满意度 =100%, 98 社区矫正工作人员满意度 =100%, 167 专家满意度, 168 司法所工作人员
    # 满意度, 224 司法所工作人员满意度 (=100% each). No other file has a 100% satisfaction target.
    "satisfaction_100": [("西青区", n) for n in (21, 98, 167, 168, 224)],
    # Without ≥/≤/=: 沅江市 部门整体 158-160 指标1 "90%" and 165-167 指标2 "90%" (indicator rows 156-161,
    # 163-168). Every project satisfaction value in all files is printed with ≥ or =; 沅江市 projects have none.
    "satisfaction_no_operator": [("沅江市", 156), ("沅江市", 163)],
}

# Table-level rules: (place, table number, message).
YJ = "沅江市"
TABLE_FINDINGS = {
    # 本年度绩效目标 empty in 沅江市 tables 2-9 (the cell after 本年度绩效目标 at lines 344, 492, 640, 788, 936, 1084,
    # 1232, 1380 is blank; 实施期绩效目标 is blank too). Table 1 (line 195) and the 部门整体 table (line 39) have text;
    # all other files fill the goal (抚宁区 goals are garbled by the PDF but present).
    "goal_missing": [(YJ, n, "年度绩效目标栏为空") for n in range(2, 10)],
    # 沅江市: table 2's only indicator is 社会效益 (428), so no 产出; tables 1 and 3-9 only have 产出 indicators
    # (质量 rows 223/230, 520, 668, 816, 950/964 (数量+质量), 1119, 1260, 1408), so no 效益. Every other table of
    # every file has both (抚宁区 效果指标 rows count as 效益).
    "level1_missing": [(YJ, 1, "没有效益指标（表中没有该类一级指标下的任何指标）"),
                       (YJ, 2, "没有产出指标（表中没有该类一级指标下的任何指标）")]
                      + [(YJ, n, "没有效益指标（表中没有该类一级指标下的任何指标）") for n in range(3, 10)],
    # Missing 数量/质量/时效/成本 per table (37):
    # 沅江市 部门整体: 时效 and 成本 rows (116, 123) empty -> 2; table 1: only 质量 -> 数量, 时效, 成本; table 2: only
    # 社会效益 -> all four; tables 3, 4, 5, 7, 8, 9: only 质量 -> 3 each; table 6: 数量 (950) + 质量 (964) -> 时效,
    # 成本. = 2 + 3 + 4 + 3*6 + 2 = 29.
    # 抚宁区: table 1 no 时效; 5 no 时效/成本 (151-155: 数量, 数量, 质量, 效益, 满意度); 6 no 时效; 7 no 时效;
    # 8 no 质量/时效 (209-213: 数量, 数量, 成本, 效益, 满意度); 2, 3, 4, 9 have all four. = 7.
    # 青岛市 table 7 (605-695: 成本, 数量 x2, 质量 x2, 效益, 满意度) has no 时效. = 1.
    # 平罗县 marks all four (必填) in every table; 西青区 has all four in every table.
    "category_missing": (
        [(YJ, 0, "没有时效指标"), (YJ, 0, "没有成本指标")]
        + [(YJ, 1, f"没有{c}指标") for c in ("数量", "时效", "成本")]
        + [(YJ, 2, f"没有{c}指标") for c in ("数量", "质量", "时效", "成本")]
        + [(YJ, n, f"没有{c}指标") for n in (3, 4, 5) for c in ("数量", "时效", "成本")]
        + [(YJ, 6, "没有时效指标"), (YJ, 6, "没有成本指标")]
        + [(YJ, n, f"没有{c}指标") for n in (7, 8, 9) for c in ("数量", "时效", "成本")]
        + [("抚宁区", 1, "没有时效指标"), ("抚宁区", 5, "没有时效指标"), ("抚宁区", 5, "没有成本指标"),
           ("抚宁区", 6, "没有时效指标"), ("抚宁区", 7, "没有时效指标"), ("抚宁区", 8, "没有质量指标"),
           ("抚宁区", 8, "没有时效指标"), ("青岛市", 7, "没有时效指标")]),
    # 沅江市 tables 1-9: both 满意度 rows (e.g. 304-316 in table 1) are empty. Every other table has one.
    "satisfaction_missing": [(YJ, n, "没有满意度指标") for n in range(1, 10)],
    # Qualitative share > 30%: 平罗县 2: 41 每月按时完成, 43 长效, 44 长效 = 3 of 9 (33.3%); 平罗县 5: 122, 123, 124,
    # 126 年度内完成, 132 显著提升, 133/134 长效发展 = 7 of 20 (35.0%); 西青区 5: 122 有效提升, 123 有效提高,
    # 124/125 逐步健全 = 4 of 13 (30.8%). Next highest: 平罗县 1, 3, 6 with 2 of 7 (28.6%), 平罗县 4 with 5 of 19
    # (89, 90, 91 1 年内完成, 93, 99: 26.3%); 青岛市 at most 2 of 8.
    "qualitative_share": [("平罗县", 2, "定性指标 3 条 / 共 9 条，占 33.3%，超过 30%"),
                          ("平罗县", 5, "定性指标 7 条 / 共 20 条，占 35.0%，超过 30%"),
                          ("西青区", 5, "定性指标 4 条 / 共 13 条，占 30.8%，超过 30%")],
    # Funding vs total: 抚宁区 / 平罗县 / 青岛市 print 财政资金/财政拨款 equal to the total in every table;
    # 西青区 0 + 0 + 区级 or 中央 amount = total in all 8 (e.g. 18.47, 10.40, 29.00 中央, 98.00 中央); 沅江市 本级预算
    # = 预算金额, 部门整体 一般公共预算 1107.23 = 资金总额. None.
    "funding_mismatch": [],
    # 青岛市 table 3 plan (lines 229-233): 3月底 blank, 40.00, 150.00, 108.40 万元: falls from 150 to 108.4, and
    # ends at 108.4 instead of the 208.40 total. All other plans rise (抚宁区 %, 青岛市 万元 with blanks skipped) and
    # end at 100 / the total (青岛市 5 警用服装费: 376.59 at 6月底, then blank, carried to year end).
    "plan_decreasing": [("青岛市", 3, "10月底 150 万元 → 12月底 108.4 万元")],
    "plan_not_complete": [("青岛市", 3, "资金支出计划12月底累计 108.4 万元，应为 208.4 万元")],
    # Last step (10月底 -> 12月底) above half of the year: 抚宁区 2 公用取暖费 0, 0, 0, 100 (line 96): 100%;
    # 青岛市 2 -, -, 15, 120 (131-133): 105/120 = 87.5%; 青岛市 8 -, 50, -, 158.36 (726-728): 108.36/158.36 = 68.4%;
    # 青岛市 9 10, 20, 150, 378.5 (825-828): 228.5/378.5 = 60.4%. Not above half: 青岛市 4 50 -> 100 and 7 10 -> 20
    # (exactly 50%), 1 7/17, 6 31/71, 10 7.8/37.8, 5 0; 抚宁区 others 25-40%.
    "plan_back_loaded": [("抚宁区", 2, "10月底至12月底计划支出 100%（累计 0% → 100%），占全年计划的 100.0%"),
                         ("青岛市", 2, "10月底至12月底计划支出 105 万元（累计 15 万元 → 120 万元），"
                                       "占全年计划的 87.5%"),
                         ("青岛市", 8, "10月底至12月底计划支出 108.36 万元（累计 50 万元 → 158.36 万元），"
                                       "占全年计划的 68.4%"),
                         ("青岛市", 9, "10月底至12月底计划支出 228.5 万元（累计 150 万元 → 378.5 万元），"
                                       "占全年计划的 60.4%")],
}

# Empty rows per 沅江市 table. Each project table is 148 lines with 16 indicator rows of 7 lines (table 1: rows at
# 205, 212, …, 310); the rows holding an indicator are table 1: 2 (223, 230), 2: 1 (428), 3: 1 (520), 4: 1 (668),
# 5: 1 (816), 6: 2 (950, 964), 7: 1 (1119), 8: 1 (1260), 9: 1 (1408), so 14 or 15 empty rows each. 部门整体:
# 时效 (114-119), 成本 (121-126), 经济效益 (128-133), 生态效益 (142-147), 可持续影响 (149-154) = 5. The other four
# files have no empty rows (blank values on named indicators are value_missing).
EMPTY_ROWS = {(YJ, 0): 5, (YJ, 1): 14, (YJ, 2): 15, (YJ, 3): 15, (YJ, 4): 15, (YJ, 5): 15, (YJ, 6): 14,
              (YJ, 7): 15, (YJ, 8): 15, (YJ, 9): 15}

EXPECTED_COUNTS = {rule: len(v) for rule, v in {**INDICATOR_FINDINGS, **TABLE_FINDINGS}.items()}
EXPECTED_COUNTS["empty_row"] = sum(EMPTY_ROWS.values())  # 138


@pytest.fixture(scope="module")
def sample_review(sample_con):
    return run_review(sample_con)


def _table_no(row) -> int:
    return 0 if row.scope == "department" else int(row.project_sequence)


def test_every_rule_has_a_hand_count():
    assert set(EXPECTED_COUNTS) == set(load_rules().ids)


def test_counts_per_rule_on_the_samples(sample_review):
    findings, _ = sample_review
    counts = Counter(findings["rule_id"])
    assert {rule: counts.get(rule, 0) for rule in EXPECTED_COUNTS} == EXPECTED_COUNTS
    assert len(findings) == sum(EXPECTED_COUNTS.values()) == 270


@pytest.mark.parametrize("rule_id", sorted(INDICATOR_FINDINGS))
def test_indicator_findings_on_the_samples(sample_review, rule_id):
    findings, _ = sample_review
    mine = findings[findings["rule_id"] == rule_id]
    assert sorted(zip(mine["jurisdiction"], mine["line_start"])) == sorted(INDICATOR_FINDINGS[rule_id])
    assert (mine["anchor"] == "indicator").all()
    assert mine["indicator_id"].notna().all() and mine["indicator_name"].notna().all()


@pytest.mark.parametrize("rule_id", sorted(TABLE_FINDINGS))
def test_table_findings_on_the_samples(sample_review, rule_id):
    findings, _ = sample_review
    mine = findings[findings["rule_id"] == rule_id]
    got = [(r.jurisdiction, _table_no(r), r.message) for r in mine.itertuples()]
    assert sorted(got) == sorted(TABLE_FINDINGS[rule_id])
    assert (mine["anchor"] == "table").all() and mine["indicator_id"].isna().all()


def test_empty_rows_on_the_samples(sample_review):
    findings, _ = sample_review
    mine = findings[findings["rule_id"] == "empty_row"]
    assert Counter((r.jurisdiction, _table_no(r)) for r in mine.itertuples()) == EMPTY_ROWS
    assert (mine["anchor"] == "empty_row").all()
    first = mine[(mine["scope"] == "project") & (mine["project_sequence"] == 1)].iloc[0]
    assert (first["line_start"], first["line_end"], first["level1"], first["level2"]) == (206, 211, "产出指标",
                                                                                          "数量指标")


def test_qingdao_cost_cap_and_falling_plan(sample_review):
    findings, grades = sample_review
    qd = findings[(findings["jurisdiction"] == "青岛市") & (findings["project_name"] == "法治专项业务费")]
    cost = qd[qd["rule_id"] == "cost_over_budget"].iloc[0]
    assert (cost["indicator_name"], cost["indicator_value"], cost["line_start"], cost["line_end"]) == (
        "法治专项业务费预算控制数", "≤228.4万元", 246, 251)
    assert cost["message"] == "成本指标“法治专项业务费预算控制数”为 228.4 万元，高于预算总额 208.4 万元（超出 20 万元）"
    assert (cost["severity"], cost["group"], cost["source_file"], cost["fiscal_year"]) == (
        "error", "资金", "qingdao_2023.txt", 2023)
    assert set(qd["rule_id"]) == {"cost_over_budget", "plan_decreasing", "plan_not_complete",
                                  "satisfaction_below_floor"}
    row = grades[(grades["jurisdiction"] == "青岛市") & (grades["project_name"] == "法治专项业务费")].iloc[0]
    # 3 errors, 1 warning: 100 - 3*20 - 5 = 35 -> 差
    assert (row["n_error"], row["n_warning"], row["n_info"], row["score"], row["grade"]) == (3, 1, 0, 35, "差")


def test_funing_placeholders_and_low_satisfaction(sample_review):
    findings, _ = sample_review
    fn = findings[findings["jurisdiction"] == "抚宁区"]
    heating = fn[(fn["rule_id"] == "placeholder_value") & (fn["line_start"] == 99)].iloc[0]
    assert (heating["project_name"], heating["indicator_name"], heating["indicator_value"]) == (
        "公用取暖费", "取暖面积", "**平米")
    values = fn[fn["rule_id"] == "placeholder_value"]["indicator_value"]
    assert Counter(values)["年度计划"] == 6  # 120, 152, 169, 170, 171, 229
    low = fn[fn["rule_id"] == "satisfaction_very_low"]
    assert sorted(low["message"].str.extract(r"目标 (\d+)%")[0].astype(int)) == [65] * 5 + [70] * 3


def test_yuanjiang_incomplete_tables(sample_review):
    findings, grades = sample_review
    yj = findings[(findings["jurisdiction"] == YJ) & (findings["scope"] == "project")]
    for seq in range(1, 10):
        messages = set(yj[yj["project_sequence"] == seq]["message"])
        assert {"没有时效指标", "没有成本指标", "没有满意度指标"} <= messages
    assert (grades[grades["jurisdiction"] == YJ]["grade"] == "差").all()


def test_department_table_is_reviewed(sample_review, sample_con):
    findings, grades = sample_review
    dept = grades[grades["scope"] == "department"]
    assert len(dept) == 1 and dept.iloc[0]["jurisdiction"] == YJ and pd_isna(dept.iloc[0]["project_id"])
    only_projects, project_grades = run_review(sample_con, scope="project")
    assert len(only_projects) == len(findings) - 9  # 部门整体: 2 category_missing, 5 empty_row, 2 no operator
    assert len(project_grades) == 42 and (project_grades["scope"] == "project").all()


def pd_isna(value) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


def test_columns_and_order(sample_review):
    findings, grades = sample_review
    assert tuple(findings.columns) == FINDING_COLUMNS and tuple(grades.columns) == GRADE_COLUMNS
    assert len(grades) == 43  # 42 projects (8 + 6 + 10 + 9 + 9) and 1 部门整体 table
    qd = findings[findings["jurisdiction"] == "青岛市"]
    assert list(qd["line_start"]) == sorted(qd["line_start"])  # one document: in the order of its lines


def test_filters_params_and_rule_selection(sample_con):
    findings, grades = run_review(sample_con, jurisdictions=["抚宁区"])
    assert set(findings["jurisdiction"]) == {"抚宁区"} and len(grades) == 9
    # floor 95: satisfaction in [80, 95) = 西青区 4 (80, 80, 80, 90 at 126) + 青岛市 9 (all but 95 at 497)
    # + 平罗县 2 (90 at 45 and 100) + 抚宁区 1 (90 at 105) + 沅江市 部门整体 2 (90, 90) = 18
    raised, _ = run_review(sample_con, rule_ids=["satisfaction_below_floor"], params={"satisfaction_floor": 95})
    assert len(raised) == 18 and set(raised["rule_id"]) == {"satisfaction_below_floor"}
    # the shared parameter moves both satisfaction rules: below 70 -> the five ≥65 of 抚宁区
    low, _ = run_review(sample_con, rule_ids=["satisfaction_very_low", "satisfaction_below_floor"],
                        params={"satisfaction_low": 70})
    assert Counter(low["rule_id"]) == {"satisfaction_very_low": 5, "satisfaction_below_floor": 12}
    with pytest.raises(KeyError):
        run_review(sample_con, rule_ids=["no_such_rule"])
    with pytest.raises(ValueError):
        run_review(sample_con, params={"no_such_param": 1})
    with pytest.raises(ValueError):
        run_review(sample_con, params={"satisfaction_floor": "high"})
    with pytest.raises(TypeError):
        run_review(sample_con, county="抚宁区")


# ---------------------------------------------------------------------------------------------------------------
# Clean tables and single faults
# ---------------------------------------------------------------------------------------------------------------

CLEAN_TEXT = """

项目支出绩效目标表

(2024年度)

项目名称\t测试法律援助经费\t\t\t
主管预算部门\t天津市西青区司法局\t项目实施单位\t天津市西青区司法局\t
项目属性\t经常性项目\t项目起止时间\t2024年1月-2024年12月\t
项目资金 (万元)\t20.00\t其中：中央补助\t5.00\t
\t\t市级资金\t0.00\t
\t\t区级资金\t15.00\t
\t\t其他资金\t0.00\t
绩效目标\t为困难群众提供法律援助，提高案件办理质量。\t\t\t
绩效指标\t一级指标\t二级指标\t三级指标\t指标值
\t产出指标\t数量指标\t受理法律援助案件数量\t≥100件
\t\t质量指标\t案件办理质量达标率\t≥98%
\t\t时效指标\t受理案件及时率\t≥95%
\t\t成本指标\t法律援助办案补贴\t≤20万元
\t效益指标\t社会效益指标\t法律援助案件办结率\t≥90%
\t满意度指标\t服务对象满意度指标\t受援人满意度\t≥95%
"""


def _ind(level1, level2, name, value, line, **target) -> Indicator:
    return Indicator(level1=level1, level2=level2, level1_raw=level1, level2_raw=level2, name=name, value=value,
                     target=ParsedTarget(**target), line_start=line, line_end=line)


def clean_document() -> Document:
    """A project table and a 部门整体 table that every rule accepts."""
    project = Project(
        sequence=1, name="社区矫正经费", total_wan=30.0, goal="加强社区矫正对象监督管理和教育帮扶。",
        funding=[FundingSource("中央补助", "central", 10.0), FundingSource("区级资金", "county", 20.0)],
        spending_plan=SpendingPlan(periods=["3月底", "6月底", "10月底", "12月底"], values=[20.0, 50.0, 75.0, 100.0],
                                   unit="%", unit_as_printed="%"),
        indicators=[
            _ind("产出指标", "数量指标", "专项教育活动场次", "≥50场", 10, op=">=", number=50, unit="场", kind="count"),
            _ind("产出指标", "质量指标", "系统正常运行率", "≥98%", 11, op=">=", number=98, unit="%", kind="percent"),
            _ind("产出指标", "时效指标", "系统运维完成时间", "2024年12月31日前", 12, op="<=", kind="deadline",
                 date="2024-12-31"),
            _ind("成本指标", "经济成本指标", "社区矫正经费", "≤30万元", 13, op="<=", number=30, unit="万元",
                 kind="money", amount_wan=30.0),
            _ind("效益指标", "社会效益指标", "社区矫正对象再犯罪率", "≤0.5%", 14, op="<=", number=0.5, unit="%",
                 kind="percent"),
            _ind("满意度指标", "服务对象满意度指标", "社区矫正对象满意度", "≥95%", 15, op=">=", number=95,
                 unit="%", kind="percent"),
        ],
        line_start=5, line_end=15,
    )
    overall = DepartmentOverall(
        department="测试区司法局", total_wan=100.0, basic_wan=70.0, project_wan=30.0,
        funding=[FundingSource("一般公共预算", "fiscal", 100.0)], goal="保障机关运转，提供公共法律服务。",
        indicators=[
            _ind("产出指标", "数量指标", "法律援助案件数", "≥200件", 1, op=">=", number=200, unit="件", kind="count"),
            _ind("产出指标", "质量指标", "调解成功率", "≥95%", 2, op=">=", number=95, unit="%", kind="percent"),
            _ind("产出指标", "时效指标", "案件受理及时率", "≥98%", 3, op=">=", number=98, unit="%", kind="percent"),
            _ind("产出指标", "成本指标", "法律援助补贴标准", "≤3000元", 4, op="<=", number=3000, unit="元",
                 kind="money", amount_wan=0.3),
            _ind("效益指标", "社会效益指标", "群众法治意识提升率", "≥5%", 5, op=">=", number=5, unit="%",
                 kind="percent"),
            _ind("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", 6, op=">=", number=90, unit="%",
                 kind="percent"),
        ],
        line_start=1, line_end=6,
    )
    return Document(source="clean.txt", sha256="c" * 64, layout="test", encoding="utf-8", jurisdiction="测试区",
                    province="测试省", city="测试市", county="测试区", adcode="999999", department="测试区司法局",
                    fiscal_year=2024, department_overall=overall, projects=[project], line_count=20)


def review_document(tmp_path, doc: Document, **kwargs):
    db = tmp_path / f"review_{doc.sha256[:8]}.duckdb"
    con = loader.connect(db)
    try:
        loader.ensure_schema(con)
        assert loader.load_document(con, doc) == "loaded"
        return run_review(con, **kwargs)
    finally:
        con.close()


def test_clean_parsed_table_has_no_finding(tmp_path):
    doc = parse_bytes("clean_table.txt", CLEAN_TEXT.encode("utf-8"))
    assert len(doc.projects) == 1 and len(doc.projects[0].indicators) == 6  # the text reads as intended
    assert [f.amount_wan for f in doc.projects[0].funding] == [5.0, 0.0, 15.0, 0.0]
    findings, grades = review_document(tmp_path, doc)
    assert findings.empty, findings[["rule_id", "message"]].to_dict("records")
    assert tuple(findings.columns) == FINDING_COLUMNS
    assert grades[["project_name", "n_findings", "score", "grade", "capped"]].to_dict("records") == [
        {"project_name": "测试法律援助经费", "n_findings": 0, "score": 100.0, "grade": "优", "capped": False}]


def test_clean_hand_built_tables_have_no_finding(tmp_path):
    findings, grades = review_document(tmp_path, clean_document())
    assert findings.empty, findings[["rule_id", "message"]].to_dict("records")
    assert list(grades["scope"]) == ["department", "project"] and (grades["grade"] == "优").all()


def _set_target(ind: Indicator, value: str, **target) -> None:
    ind.value = value
    ind.target = ParsedTarget(**target)


def _fault_funding(doc):
    doc.projects[0].funding[1].amount_wan = 19.0  # 10 + 19 = 29 against 30


def _fault_money_quantity(doc):
    _set_target(doc.projects[0].indicators[0], "≥5万元", op=">=", number=5, unit="万元", kind="money",
                amount_wan=5.0)


def _fault_plan_falls(doc):
    doc.projects[0].spending_plan.values = [20.0, 10.0, 60.0, 100.0]


def _fault_plan_short(doc):
    doc.projects[0].spending_plan.values = [20.0, 50.0, 75.0, 95.0]


def _fault_no_operator(doc):
    _set_target(doc.projects[0].indicators[5], "95%", op="=", number=95, unit="%", kind="percent")


def _fault_cost_over(doc):
    _set_target(doc.projects[0].indicators[3], "=30.5万元", op="=", number=30.5, unit="万元", kind="money",
                amount_wan=30.5)


def _fault_timeliness(doc):  # text, so rate_unit (which leaves text to other rules) stays silent
    _set_target(doc.department_overall.indicators[2], "及时高效", kind="qualitative")


@pytest.mark.parametrize("fault, rule_id, message", [
    (_fault_funding, "funding_mismatch", "2 项资金来源合计 29 万元，预算总额 30 万元，相差 1 万元"),
    (_fault_money_quantity, "money_as_quantity", "数量指标“专项教育活动场次”的指标值“≥5万元”是金额"),
    (_fault_plan_falls, "plan_decreasing", "3月底 20% → 6月底 10%"),
    (_fault_plan_short, "plan_not_complete", "资金支出计划12月底累计 95%，应为 100%"),
    (_fault_no_operator, "satisfaction_no_operator", "满意度目标“95%”没有写明 ≥、≤ 或 ="),
    (_fault_cost_over, "cost_over_budget",
     "成本指标“社区矫正经费”为 30.5 万元，高于预算总额 30 万元（超出 0.5 万元）"),
    (_fault_timeliness, "timeliness_value", "时效指标“案件受理及时率”的指标值“及时高效”不是完成时间、时限或及时率"),
])
def test_single_fault_gives_single_finding(tmp_path, fault, rule_id, message):
    doc = clean_document()
    fault(doc)
    findings, grades = review_document(tmp_path, doc)
    assert findings[["rule_id", "message"]].to_dict("records") == [{"rule_id": rule_id, "message": message}]
    severity = findings.iloc[0]["severity"]
    row = grades[grades["n_findings"] == 1].iloc[0]
    if severity == "error":  # 100 - 20 = 80 would be 良; an error caps the grade at 中
        assert (row["score"], row["grade"], row["capped"]) == (80, "中", True)
    else:
        assert (row["score"], row["grade"], row["capped"]) == (95, "优", False)


def test_grade_mapping():
    grading = load_rules().grading
    assert grading.score(0, 0, 0) == 100 and grading.score(1, 2, 3) == 100 - 20 - 10 - 3
    assert grading.score(10, 0, 0) == 0  # never below 0
    assert grading.grade(90, 0) == ("优", False)
    assert grading.grade(89.9, 0) == ("良", False)
    assert grading.grade(75, 0) == ("良", False)
    assert grading.grade(74, 0) == ("中", False)
    assert grading.grade(60, 0) == ("中", False)
    assert grading.grade(59, 0) == ("差", False)
    assert grading.grade(80, 1) == ("中", True)
    assert grading.grade(60, 1) == ("中", False)
    assert grading.grade(40, 2) == ("差", False)


def test_sample_grades(sample_review):
    _, grades = sample_review
    by_place: dict[str, Counter] = {}
    for place, grade in zip(grades["jurisdiction"], grades["grade"]):
        by_place.setdefault(place, Counter())[grade] += 1
    assert by_place == {
        # 西青区: 100% satisfaction / ≥80% / qualitative share are warnings; table 6 has 3 (85), the rest 0-2
        "西青区": {"优": 7, "良": 1},
        # 平罗县: table 5 two warnings + one info (89); the others at most one warning
        "平罗县": {"优": 5, "良": 1},
        # 青岛市: table 3 three errors (差); table 9 three warnings (85, 良)
        "青岛市": {"优": 8, "良": 1, "差": 1},
        # 抚宁区: every table has errors; table 8 has one (satisfaction 70%) and three warnings = 65 (中)
        "抚宁区": {"差": 8, "中": 1},
        "沅江市": {"差": 10},
    }


# ---------------------------------------------------------------------------------------------------------------
# Rules file and docs
# ---------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("doc_path", [engine.DOCS_PATH, engine.ROOT / "README.md"])
def test_docs_match_rules_json(doc_path):
    text = doc_path.read_text(encoding="utf-8")
    stale = "docs/review_rules.md is stale: run PYTHONPATH=. python -c 'from review.engine import update_docs; " \
            "update_docs()'"
    assert engine.docs_block(text) == engine.rules_markdown(), stale


def test_rules_file_is_validated(tmp_path):
    raw = json.loads(engine.RULES_PATH.read_text(encoding="utf-8"))
    bad = copy.deepcopy(raw)
    bad["rules"][0]["severity"] = "fatal"
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RuleConfigError, match="severity"):
        load_rules(path)
    bad = copy.deepcopy(raw)
    next(r for r in bad["rules"] if r["id"] == "satisfaction_below_floor")["params"]["satisfaction_low"] = 75
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RuleConfigError, match="satisfaction_low"):
        load_rules(path)
    bad = copy.deepcopy(raw)
    next(r for r in bad["rules"] if r["id"] == "plan_back_loaded")["params"] = {}
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RuleConfigError, match="back_load_pct"):
        load_rules(path)


# ---------------------------------------------------------------------------------------------------------------
# Excel report and CLI
# ---------------------------------------------------------------------------------------------------------------


def test_excel_report(sample_review):
    findings, grades = sample_review
    wb = openpyxl.load_workbook(io.BytesIO(build_report(findings, grades)))
    assert wb.sheetnames == [FINDINGS_SHEET, GRADES_SHEET, RULES_SHEET]
    ws = wb[FINDINGS_SHEET]
    # like every export: title, filters, sources, time, a blank row, then the table
    assert [ws.cell(row=r, column=1).value for r in range(1, 6)] == ["标题", "筛选", "来源文件", "导出时间", None]
    assert ws["B1"].value == "目标审核报告 · 审核意见" and "qingdao_2023.txt" in ws["B3"].value
    headers = [c.value for c in ws[6]]
    assert headers[:9] == ["地区", "年度", "表", "序号", "项目名称", "严重程度", "类别", "问题", "具体情况"]
    assert headers[-1] == "规则编号（技术用）" and headers.count("规则编号（技术用）") == 1  # ids only there
    assert all(c.font.bold for c in ws[6]) and ws.freeze_panes == "A7"
    assert ws.max_row == len(findings) + 6 and ws.column_dimensions["I"].width >= 40
    rows = [dict(zip(headers, (c.value for c in row))) for row in ws.iter_rows(min_row=7)]
    cost = next(r for r in rows if r["规则编号（技术用）"] == "cost_over_budget")
    assert (cost["地区"], cost["项目名称"], cost["严重程度"], cost["问题"], cost["原文行号"], cost["指标值"]) == (
        "青岛市", "法治专项业务费", "错误", "成本指标超过预算总额", "246–251", "≤228.4万元")
    ws = wb[GRADES_SHEET]
    assert [c.value for c in ws[6]][:8] == ["地区", "年度", "表", "序号", "项目名称", "预算（万元）", "评级", "得分"]
    assert all(c.font.bold for c in ws[6]) and ws.freeze_panes == "A7" and ws.max_row == len(grades) + 6
    budgets = {ws.cell(row=r, column=5).value: ws.cell(row=r, column=6) for r in range(7, ws.max_row + 1)}
    # the same number formats as the other exports: the exact amount, shown with separators
    assert budgets["法治专项业务费"].value == 208.4 and budgets["法治专项业务费"].number_format == "#,##0.00"
    assert budgets["提前退休人员 2024 年住房公积金"].value == 0.6924
    assert budgets["提前退休人员 2024 年住房公积金"].number_format == "#,##0.0000"
    assert ws.cell(row=7, column=2).number_format == "0"  # a year without a thousands separator
    rules = wb[RULES_SHEET]
    assert [c.value for c in rules[6]][:3] == ["类别", "严重程度", "标题"]


def test_excel_report_without_findings():
    import pandas as pd

    empty = pd.DataFrame(columns=list(FINDING_COLUMNS))
    wb = openpyxl.load_workbook(io.BytesIO(build_report(empty, pd.DataFrame(columns=list(GRADE_COLUMNS)))))
    assert wb[FINDINGS_SHEET].max_row == 6 and wb[GRADES_SHEET].max_row == 6  # context rows and the header


def test_cli_json_has_the_same_counts(sample_db, capsys, tmp_path):
    out = tmp_path / "report" / "审核报告.xlsx"
    assert main_review(["--db", str(sample_db), "--json", "--xlsx", str(out)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["by_rule"] == EXPECTED_COUNTS
    assert len(data["findings"]) == 270 and len(data["grades"]) == 43
    assert Counter(f["rule_id"] for f in data["findings"]) == +Counter(EXPECTED_COUNTS)
    cost = next(f for f in data["findings"] if f["rule_id"] == "cost_over_budget")
    assert (cost["line_start"], cost["project_name"], cost["dept_overall_id"]) == (246, "法治专项业务费", None)
    assert openpyxl.load_workbook(out).sheetnames[:2] == [FINDINGS_SHEET, GRADES_SHEET]


def test_cli_text_and_severity(sample_db, capsys):
    assert main_review(["--db", str(sample_db), "--severity", "error"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("绩效目标审核：5 个文件，43 张表（项目 42，部门整体 1）；发现问题 270 条")
    assert "第 246–251 行　成本指标超过预算总额" in text and "[警告]" not in text
    assert main_review(["--db", str(sample_db), "--json", "--severity", "warning", "--jurisdiction", "青岛市"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {f["severity"] for f in data["findings"]} == {"error", "warning"}
    assert {g["jurisdiction"] for g in data["grades"]} == {"青岛市"}


def test_cli_errors(tmp_path, capsys):
    assert main_review(["--db", str(tmp_path / "missing.duckdb")]) == 1
    assert "数据库文件不存在" in capsys.readouterr().err


def test_cli_default_database_is_built_from_samples(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(engine, "DEFAULT_DB", tmp_path / "data" / "targetboard.duckdb")
    assert main_review(["--json", "--rule", "cost_over_budget"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (tmp_path / "data" / "targetboard.duckdb").exists()
    assert data["summary"]["by_rule"]["cost_over_budget"] == 1 and len(data["findings"]) == 1


def test_report_keeps_document_text_as_text_and_masks_phones(sample_review):
    findings, grades = sample_review
    findings = findings.copy()
    findings.loc[findings.index[0], "message"] = "填表人：孙娟 联系电话：15526355168"  # as on Yuanjiang line 171
    workbook = openpyxl.load_workbook(io.BytesIO(build_report(findings, grades)))
    cells = [c for sheet in workbook.worksheets for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    # Xiqing line 21 prints the satisfaction target "=100%": it stays that text (Excel's quote prefix), not the
    # formula (which shows 1).
    assert any(c.value == "=100%" and c.data_type == "s" and c.quotePrefix for c in cells)
    assert not [c.coordinate for c in cells if isinstance(c.value, str) and c.value[:1] in "=+-@\t\r"
                and not c.quotePrefix]
    # A personal mobile number from a document never reaches the report; the masked form does.
    assert not any(isinstance(c.value, str) and "15526355168" in c.value for c in cells)
    assert any(isinstance(c.value, str) and "155****5168" in c.value for c in cells)


def test_a_table_cut_off_at_the_end_of_its_file_is_not_blamed_for_what_was_cut(tmp_path):
    from tests.conftest import SAMPLE_DIR

    lines = (SAMPLE_DIR / "tianjin_xiqing_2024.txt").read_text(encoding="utf-8").split("\n")[:39]
    document = parse_bytes("cut.txt", "\n".join(lines).encode("utf-8"))
    assert [p.truncated for p in document.projects] == [False, True]
    con = loader.connect(tmp_path / "cut.duckdb")
    loader.ensure_schema(con)
    loader.load_document(con, document)
    findings, _ = run_review(con)
    missing = findings[findings["rule_id"].isin(["level1_missing", "category_missing", "satisfaction_missing"])]
    assert set(missing["project_name"]) <= {"抚恤金"}
    assert not findings[(findings["project_name"] == "法治宣传经费")
                        & findings["rule_id"].isin(["satisfaction_missing", "level1_missing"])].shape[0]
