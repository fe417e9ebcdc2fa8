"""ui/: the dashboard's Streamlit-free helpers (formatting, phone masking, exports, source lines, URL state,
display tables, findings, charts)."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

import queries
from tests.conftest import SAMPLE_DIR
from ui import charts, findings, sources, state, tables
from ui.export import ExportContext, money_format, safe_text, to_csv_bytes, to_xlsx_bytes
from ui.formatting import (
    column_decimals,
    column_kind,
    decimals_needed,
    display_width,
    exact_value,
    format_count,
    format_pct,
    format_threshold,
    format_wan,
    format_wan_exact,
    level_label,
    round_pct,
)
from ui.privacy import mask_frame, mask_personal

YUANJIANG = SAMPLE_DIR / "hunan_yuanjiang_2024.txt"
CONTEXT = ExportContext("资金构成 · 按来源级别", "筛选：西青区", ("tianjin_xiqing_2024.txt",),
                        dt.datetime(2026, 11, 30, 9, 15))


# ------------------------------------------------------------------------------------------------------------------
# Formatting: finance style on screen, exact figures in tooltips and downloads
# ------------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value, expected", [
    (2343.6545, "2,343.65"), (1487.65, "1,487.65"), (248.15, "248.15"), (0.6924, "0.69"), (148.736, "148.74"),
    (127, "127.00"), (0, "0.00"), (248.15 + 252.0285 + 207.09 + 148.736 + 1487.65, "2,343.65"),
    (1234567.891, "1,234,567.89"), (-5.5, "-5.50"), (None, "–"), (float("nan"), "–"),
])
def test_format_wan_on_screen_has_separators_and_two_decimals(value, expected):
    assert format_wan(value) == expected


@pytest.mark.parametrize("value, expected", [
    (2343.6545, "2,343.6545 万元"), (0.6924, "0.6924 万元"), (148.736, "148.736 万元"), (127, "127.00 万元"),
    (248.15 + 252.0285 + 207.09 + 148.736 + 1487.65, "2,343.6545 万元"), (None, "–"),
])
def test_format_wan_exact_for_tooltips(value, expected):
    assert format_wan_exact(value) == expected


def test_format_options_counts_and_percentages():
    assert format_wan(1487.65, unit=True) == "1,487.65 万元"
    assert decimals_needed(91.9361) == 4 and decimals_needed(92.4) == 2
    assert column_decimals([92.4, 0.6924, 1.0]) == 4
    assert exact_value(248.15 + 252.0285 + 207.09 + 148.736 + 1487.65) == 2343.6545
    assert format_count(12345) == "12,345" and format_count(42.0) == "42" and format_count(None) == "–"
    assert format_pct(51.178722546846664) == "51.18%" and format_pct(51.178722546846664, 1) == "51.2%"
    assert format_pct(51.178723, 2, sign=False) == "51.18"
    assert round_pct(51.178722546846664) == 51.18 and round_pct(None) is None
    assert format_pct(None) == "–"
    assert format_threshold(90.0) == "90%" and format_threshold(92.5) == "92.5%"


def test_labels_and_column_kinds():
    assert [level_label(lv) for lv in ("central", "provincial", "city", "county", "other", "fiscal")] == [
        "中央", "省级", "市级", "区县级", "其他", "未注明级次"]
    assert column_kind("金额（万元）") == "money"
    assert column_kind("占比（%）") == "pct"
    assert column_kind("年度") == "plain" and column_kind("原文行号") == "plain"
    assert column_kind("项目") == "other"
    assert display_width("西青区 2024") == 11


# ------------------------------------------------------------------------------------------------------------------
# Masking personal numbers (one function for pages, exports, the report and the command line)
# ------------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("填表人：孙娟 联系电话：15526355168 填报日期：2023.7.9", "填表人：孙娟 联系电话：155****5168 填报日期：2023.7.9"),
    ("电话15526355168", "电话155****5168"),
    ("155-2635-5168 或 155 2635 5168", "155****5168 或 155****5168"),
    ("+86 15526355168", "+86 155****5168"),
    ("+86-155-2635-5168", "+86-155****5168"),
    ("两个：13812345678、19987654321。", "两个：138****5678、199****4321。"),
    ("全角：１５５２６３５５１６８", "全角：１５５****５１６８"),
    ("＋８６ １５５ ２６３５ ５１６８", "＋８６ １５５****５１６８"),
    ("办公室 0755-12345678", "办公室 0755-****5678"),
    ("(010)87654321", "(010)****4321"),
    ("（010）8765 4321", "（010）****4321"),
    ("联系电话：0838-7211924。", "联系电话：0838-****1924。"),
    ("身份证号 110101199003071234", "身份证号 110101********1234"),
    ("11010119900307123X", "110101********123X"),
    ("旧身份证 110101900307123。", "旧身份证 110101*****7123。"),
])
def test_personal_numbers_are_masked(text, expected):
    assert mask_personal(text) == expected


@pytest.mark.parametrize("text", [
    "37020023P13000410220L",  # a project code containing 11 digits starting with 13
    "37020023P880028109110",
    "预算 1487.65 万元", "1,234,567.89",
    "155265351680",  # 12 digits: not a mobile number
    "12348 法律服务热线",
    "2023.7.9", "2024-12-31", "20240101", "2024-2025", "(2020)13号",
    "110101199013071234",  # 18 digits without a valid birth month
    "110101901307123",  # 15 digits without a valid birth month
    "912345900307123",  # 15 digits starting with 9: no province code
    "0.6924",
])
def test_other_numbers_are_left_alone(text):
    assert mask_personal(text) == text


def test_mask_frame_masks_text_and_list_columns_only():
    df = pd.DataFrame({"text": ["电话15526355168", None], "n": [15526355168, 1],
                       "warnings": [["第 1 行：0755-12345678"], []]})
    out = mask_frame(df)
    assert out["text"].iloc[0] == "电话155****5168" and pd.isna(out["text"].iloc[1])
    assert out["n"].tolist() == [15526355168, 1]
    assert out["warnings"].tolist() == [["第 1 行：0755-****5678"], []]
    assert df["text"].iloc[0] == "电话15526355168"  # the input is not changed


# ------------------------------------------------------------------------------------------------------------------
# Exports: context rows, finance formats, nothing a spreadsheet could evaluate
# ------------------------------------------------------------------------------------------------------------------


def _sheet(data: bytes):
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return wb.active


def test_excel_export_context_rows_bold_frozen_header_number_formats_and_widths():
    df = pd.DataFrame({
        "地区": ["西青区", "平罗县"],
        "年度": [2024, 2024],
        "项目": ["公共法律服务、人民调解和司法所工作等经费", "提前退休人员 2024 年住房公积金"],
        "金额（万元）": [1487.65, 0.6924],
        "占比（%）": [51.178722546846664, 100.0],
        "项目数": [8, 12345],
    })
    ws = _sheet(to_xlsx_bytes(df, CONTEXT, "资金构成"))
    assert ws.title == "资金构成"
    assert [(r[0].value, r[1].value) for r in ws.iter_rows(min_row=1, max_row=4, max_col=2)] == [
        ("标题", "资金构成 · 按来源级别"), ("筛选", "筛选：西青区"), ("来源文件", "tianjin_xiqing_2024.txt"),
        ("导出时间", "2026-11-30 09:15")]
    assert ws["A5"].value is None
    assert [c.value for c in ws[6]] == list(df.columns)
    assert all(c.font.b for c in ws[6])
    assert ws.freeze_panes == "A7" and ws.auto_filter.ref == "A6:F8"
    assert ws["D7"].value == 1487.65 and ws["D7"].number_format == "#,##0.00"
    assert ws["D8"].value == 0.6924 and ws["D8"].number_format == "#,##0.0000"  # the exact figure
    assert ws["E7"].value == 51.18 and ws["E7"].number_format == "0.00"
    assert ws["F8"].value == 12345 and ws["F8"].number_format == "#,##0"
    assert ws["B7"].value == 2024 and ws["B7"].number_format == "0"  # a year has no thousands separator
    widths = {k: v.width for k, v in ws.column_dimensions.items()}
    assert widths["C"] > widths["B"] >= 6  # long Chinese text gets a wide column
    assert widths["C"] <= 60


def test_excel_export_masks_and_neutralises_formula_like_text():
    df = pd.DataFrame({"原文": ["联系电话：15526355168", "=HYPERLINK(\"http://x\")", "-1+1", "@SUM(A1)", "\t=1",
                                "普通"],
                       "金额（万元）": [-5.0, 1.0, 2.0, 3.0, 4.0, 5.0],
                       "提示": [["a", "b"], [], ["=1+1"], [], [], []]})
    ws = _sheet(to_xlsx_bytes(df, CONTEXT))
    assert ws["A7"].value == "联系电话：155****5168"
    for row in range(8, 12):
        cell = ws.cell(row=row, column=1)
        assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate  # text, shown as typed, never evaluated
    assert ws["A8"].value == "=HYPERLINK(\"http://x\")"
    assert not ws["A12"].quotePrefix
    assert ws["B7"].value == -5.0 and ws["B7"].data_type == "n"  # a negative amount stays a number
    assert ws["C7"].value == "a；b"
    assert ws["C9"].data_type == "s" and ws["C9"].quotePrefix


def test_csv_export_context_lines_bom_masked_formula_safe_and_rounded():
    df = pd.DataFrame({"地区": ["西青区", "=cmd", "+1", "@x", "\rcr"], "年度": [2024] * 5,
                       "金额（万元）": [248.15 + 1e-12, 0.6924, -3.0, 1.0, 2.0],
                       "占比（%）": [51.178722546846664, 100.0, 0.0, 1.0, 2.0],
                       "电话": ["15526355168", "-x", "0755-12345678", "a", "b"]})
    data = to_csv_bytes(df, CONTEXT)
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[:6] == ["标题,资金构成 · 按来源级别", "筛选,筛选：西青区", "来源文件,tianjin_xiqing_2024.txt",
                         "导出时间,2026-11-30 09:15", "", "地区,年度,金额（万元）,占比（%）,电话"]
    assert lines[6] == "西青区,2024,248.15,51.18,155****5168"
    assert lines[7] == "'=cmd,2024,0.6924,100.0,'-x"
    assert lines[8] == "'+1,2024,-3.0,0.0,0755-****5678"  # the negative amount stays a number
    assert lines[9].startswith("'@x,")
    assert "'\rcr" in data.decode("utf-8-sig")
    assert "15526355168" not in data.decode("utf-8-sig")
    assert safe_text("-5%") == "'-5%" and safe_text("@x") == "'@x" and safe_text("5%") == "5%"
    assert money_format(4) == "#,##0.0000"


# ------------------------------------------------------------------------------------------------------------------
# Source lines
# ------------------------------------------------------------------------------------------------------------------


def yuanjiang_lines() -> list[str]:
    from ingest.parse import parse_file

    return parse_file(YUANJIANG).lines  # the lines stored with the document at load time


def test_source_lines_are_numbered_marked_and_masked():
    lines = sources.source_lines(yuanjiang_lines(), 169, 173, marked=[(171, 171)])
    assert list(lines.columns) == [sources.COL_MARK, sources.COL_LINE, sources.COL_TEXT]
    assert lines[sources.COL_LINE].tolist() == [169, 170, 171, 172, 173]
    assert lines[sources.COL_MARK].tolist() == ["", "", "▶", "", ""]
    row = lines[lines[sources.COL_LINE] == 171].iloc[0]
    assert row[sources.COL_TEXT] == "填表人：孙娟 联系电话：155****5168 填报日期：2023.7.9 单位负责人签字："
    assert "15526355168" not in sources.numbered_text(lines)
    assert sources.numbered_text(lines).splitlines()[2].startswith("▶ 171 ┃ 填表人")


def test_source_lines_context_is_clipped_to_the_file():
    document = yuanjiang_lines()
    assert len(document) == 1504
    lines = sources.source_lines(document, 1, 2, context=5)
    assert lines[sources.COL_LINE].tolist()[0] == 1
    tail = sources.source_lines(document, 1503, 1504, context=5)
    assert tail[sources.COL_LINE].tolist()[-1] == 1504


def test_a_form_feed_does_not_shift_the_source_view():
    # PDF text carries form feeds at page breaks; the stored lines are the parser's, so line 7 stays line 7
    from ingest.parse import parse_bytes

    text = (SAMPLE_DIR / "tianjin_xiqing_2024.txt").read_text(encoding="utf-8")
    document = parse_bytes("ff.txt", text.replace("项目支出绩效目标表", "\f项目支出绩效目标表", 1).encode("utf-8"))
    project = document.projects[0]
    shown = sources.source_lines(document.lines, project.line_start, project.line_start + 4)
    assert shown[sources.COL_LINE].tolist()[4] == 7
    assert shown[sources.COL_TEXT].tolist()[4].startswith("项目名称 │ 抚恤金")


def test_tabs_are_shown_as_cell_separators():
    assert sources.shown_text("\t项目名称\t抚恤金  ") == " │ 项目名称 │ 抚恤金"


def test_line_references_in_warnings():
    assert sources.line_references("第 303 行起：项目「惠企法律服务费」") == [303]
    assert sources.line_references("第 78 行：资金支出计划") == [78]
    assert sources.line_references("没有行号") == []


# ------------------------------------------------------------------------------------------------------------------
# URL state
# ------------------------------------------------------------------------------------------------------------------


def test_filters_from_url_parameters_and_back():
    f = state.Filters.from_mapping({"province": "天津市", "jurisdiction": ["西青区", "青岛市", "西青区"],
                                    "year": ["2024", "x", "1800"], "theme": "人民调解", "department": ""})
    assert f == state.Filters(province="天津市", jurisdictions=("西青区", "青岛市"), years=(2024,), theme="人民调解")
    assert f.to_url_params() == {"province": "天津市", "jurisdiction": ["西青区", "青岛市"], "year": ["2024"],
                                 "theme": "人民调解"}
    assert state.Filters.from_mapping(f.to_url_params()) == f
    assert f.query_kwargs() == {"province": "天津市", "jurisdictions": ("西青区", "青岛市"), "years": (2024,),
                                "department": None, "theme": "人民调解"}


def test_empty_filters():
    f = state.Filters.from_mapping({})
    assert f.is_empty() and f.to_url_params() == {}
    assert f.describe() == "全部数据（未筛选）"
    assert f.query_kwargs()["jurisdictions"] is None and f.query_kwargs()["years"] is None
    assert state.Filters.from_mapping({"jurisdiction": "青岛市", "year": 2023}).describe() == "筛选：青岛市 · 2023 年"


def test_presentation_flag_and_share_urls():
    assert state.is_present("1") and state.is_present(["true"]) and not state.is_present(None)
    assert not state.is_present("0")
    f = state.Filters(jurisdictions=("青岛市",), years=(2023,))
    url = state.share_url("satisfaction", f, present=True)
    assert url == "/satisfaction?jurisdiction=%E9%9D%92%E5%B2%9B%E5%B8%82&year=2023&present=1"
    assert state.share_url("project", state.Filters(), project=35) == "/project?project=35"
    assert set(state.FILTER_PARAMS) <= set(state.URL_PARAMS)


# ------------------------------------------------------------------------------------------------------------------
# Display tables and findings (small frames shaped like the query results)
# ------------------------------------------------------------------------------------------------------------------


def _composition() -> pd.DataFrame:
    rows = [
        ("天津市", "天津市", "西青区", 2024, "central", "中央", 1, 127.0, 2, "中央补助", 248.15, 51.178723),
        ("天津市", "天津市", "西青区", 2024, "city", "市级", 3, 0.0, 0, "市级资金", 248.15, 0.0),
        ("天津市", "天津市", "西青区", 2024, "county", "区县级", 4, 121.15, 6, "区级资金", 248.15, 48.821277),
        ("山东省", "青岛市", "青岛市", 2023, "fiscal", "未注明级次", 6, 1487.65, 10, "财政资金", 1487.65, 100.0),
    ]
    return pd.DataFrame(rows, columns=["province", "city", "jurisdiction", "fiscal_year", "level", "level_zh",
                                       "level_order", "amount_wan", "n_projects", "sources_as_printed", "total_wan",
                                       "share_pct"])


def _summary_inputs():
    keys = ["province", "jurisdiction", "fiscal_year"]
    docs = pd.DataFrame([("天津市", "西青区", 2024, 5, 8, 248.15, 131), ("山东省", "青岛市", 2023, 4, 10, 1487.65, 80)],
                        columns=keys + ["doc_id", "n_projects", "total_wan", "n_indicators"])
    sat = pd.DataFrame([("天津市", "西青区", 2024, 15, 15, 12, 0, 5, 80.0, 98.0),
                        ("山东省", "青岛市", 2023, 10, 10, 4, 0, 0, 80.0, 82.5)],
                       columns=keys + ["n_indicators", "n_with_threshold", "n_ge_90", "n_lt_80", "n_eq_100", "min_pct",
                                       "median_pct"])
    qua = pd.DataFrame([("天津市", "西青区", 2024, 116, 15, 0, 88.5, 0.0),
                        ("山东省", "青岛市", 2023, 71, 9, 0, 88.75, 0.0)],
                       columns=keys + ["n_quantified", "n_qualitative", "n_placeholder", "quantified_pct",
                                       "placeholder_pct"])
    return docs, _composition(), sat, qua


def test_jurisdiction_sentences_state_what_stands_out():
    summary = tables.jurisdiction_summary(*_summary_inputs())
    assert findings.jurisdiction_sentences(summary) == [
        "西青区 2024 年 8 个项目共 248.15 万元，中央资金占 51.18%；15 个满意度目标中 12 个 ≥90%。",
        "青岛市 2023 年 10 个项目共 1,487.65 万元，资金来源全部未注明级次；10 个满意度目标中 4 个 ≥90%。",
    ]


def test_sentence_clauses():
    assert findings.satisfaction_clause(9, 1, 8) == "9 个满意度目标中 1 个 ≥90%，8 个低于 80%"
    assert findings.satisfaction_clause(0, 0, 0) == "没有满意度目标"
    assert findings.quantification_clause(54, 64.8, 13) == "13 条指标没有可用目标值（占位或空白）"
    assert findings.quantification_clause(69, 69.57, 0) == "只有 69.57% 的指标目标可量化"
    assert findings.quantification_clause(80, 88.75, 0) == ""


def test_composition_table_and_title():
    comp = _composition()
    t = tables.composition_table(comp)
    assert t.columns.tolist() == ["地区", "年度", "资金来源级别", "原表写作", "金额（万元）", "占比（%）",
                                  "有此来源的项目数", "地区当年合计（万元）"]
    assert t["资金来源级别"].tolist() == ["中央", "市级", "区县级", "未注明级次"]
    assert t["原表写作"].tolist() == ["中央补助", "市级资金", "区级资金", "财政资金"]


def test_funding_level_title_on_the_samples(sample_con):
    """The 资金构成 chart title from query ``funding_level_totals``: 西青区 2024 and 青岛市 2023 together."""
    xiqing, qingdao = "120111", "370200"
    levels = queries.run(sample_con, "funding_level_totals", jurisdictions=[xiqing, qingdao])
    # 248.15 of 1735.80 states its level (14.30%); 1487.65 (85.70%) does not
    assert findings.title_levels(levels) == ("写明级次的资金占 14.30%，中央资金只出现在 西青区 2024（占其 51.18%）；"
                                              "85.70% 未注明级次")
    assert findings.title_levels(queries.run(sample_con, "funding_level_totals", jurisdictions=[xiqing])) == (
        "西青区 2024：中央资金占 51.18%，区县级资金占 48.82%")


def test_satisfaction_marks():
    assert tables.threshold_mark(65) == tables.MARK_LOW
    assert tables.threshold_mark(100) == tables.MARK_FULL
    assert tables.threshold_mark(90) == "" and tables.threshold_mark(None) == ""
    summary = pd.DataFrame([("河北省", "秦皇岛市", "抚宁区", 2020, 9, 9, 65.0, 65.0, 90.0, 1, 8, 0)],
                           columns=["province", "city", "jurisdiction", "fiscal_year", "n_indicators",
                                    "n_with_threshold", "min_pct", "median_pct", "max_pct", "n_ge_90", "n_lt_80",
                                    "n_eq_100"])
    assert findings.title_satisfaction(summary) == "抚宁区 2020：9 个满意度目标中 8 个低于 80%"


def test_indicator_tree_shows_level_names_only_where_they_change():
    ind = pd.DataFrame({
        "indicator_id": [1, 2, 3], "level1": ["产出指标", "产出指标", "满意度指标"],
        "level2": ["数量指标", "数量指标", "服务对象满意度指标"], "level1_raw": [None] * 3, "level2_raw": [None] * 3,
        "name": ["a", "b", "c"], "value": ["≥1", "≥2", "≥90%"], "target_kind": ["count", "count", "percent"],
        "target_class": ["quantified"] * 3, "line_start": [10, 11, 12], "line_end": [10, 11, 13],
    })
    tree = tables.indicator_tree(ind)
    assert tree["一级指标"].tolist() == ["产出指标", "", "满意度指标"]
    assert tree["二级指标"].tolist() == ["数量指标", "", "服务对象满意度指标"]
    assert tree["原文行号"].tolist() == ["10", "11", "12–13"]
    assert tree["量化/定性"].tolist() == ["量化"] * 3
    assert "备注" not in tree.columns and "实际完成值" not in tree.columns  # printed by no row: not shown


def test_indicator_tree_shows_the_columns_the_table_printed():
    # corpus 17's graded standards: the lower grades kept in the remarks are shown beside the target
    ind = pd.DataFrame({
        "indicator_id": [1, 2], "level1": ["产出指标", "效益指标"], "level2": [None, None],
        "level1_raw": ["产出指标", "效果指标"], "level2_raw": [None, None],
        "name": ["救助覆盖率", "救助对象对救助工作满意度(%)"], "value": ["100%", "85%"],
        "basis": ["按临时救助标准评价", None], "remarks": ["良：90%；中：85%；差：85%", "良：80%；中：70%；差：70%"],
        "actual": [None, None], "target_kind": ["percent"] * 2, "target_class": ["quantified"] * 2,
        "line_start": [16, 16], "line_end": [16, 16],
    })
    tree = tables.indicator_tree(ind)
    assert tree["备注"].tolist() == ["良：90%；中：85%；差：85%", "良：80%；中：70%；差：70%"]
    assert tree["依据 / 标准"].tolist()[0] == "按临时救助标准评价"
    assert "实际完成值" not in tree.columns
    assert list(tree.columns[:6]) == ["一级指标", "二级指标", "三级指标", "指标值（原文）", "依据 / 标准", "备注"]


# ------------------------------------------------------------------------------------------------------------------
# Charts
# ------------------------------------------------------------------------------------------------------------------


def test_funding_levels_chart_keeps_unstated_money_apart():
    comp = tables.composition_long(_composition())
    fig = charts.funding_levels(comp)
    assert fig.layout.font.family.startswith("Noto Sans CJK SC")
    assert fig.layout.title.text is None  # the finding is drawn above the chart by the page
    assert fig.layout.yaxis.title.text == "资金（万元）" and fig.layout.yaxis.tickformat == ",.0f"
    assert [t.name for t in fig.data] == ["中央", "区县级", "未注明级次"]  # zero amounts are not drawn; unstated last
    unstated = fig.data[-1]
    assert unstated.marker.pattern.shape == "/" and fig.data[0].marker.pattern.shape == ""
    assert list(unstated.customdata[0]) == ["1,487.65 万元", "100.00%", "财政资金"]  # exact, share, as printed
    assert "原表写作" in unstated.hovertemplate
    assert list(fig.data[0].text) == ["127.00"]
    assert fig.layout.xaxis.fixedrange and fig.layout.dragmode is False  # no zoom, no English hints


def test_plot_labels_escape_markup_and_mask_phones():
    assert charts.plot_text("<a href='x'>项目</a> 15526355168") == "&lt;a href='x'&gt;项目&lt;/a&gt; 155****5168"
    wrapped = charts.wrap_title("第一句比较长的话，第二句也不短；第三句", 16)
    assert wrapped.split("<br>") == ["第一句比较长的话，", "第二句也不短；", "第三句"]
    assert charts.short_text("公共法律服务、人民调解和司法所工作等经费", 12) == "公共法律服…"


def test_a_truncated_table_is_named_so_in_the_project_list(tmp_path):
    from ingest import loader
    from ingest.parse import parse_bytes
    import queries

    lines = (SAMPLE_DIR / "tianjin_xiqing_2024.txt").read_text(encoding="utf-8").split("\n")[:39]
    document = parse_bytes("cut.txt", "\n".join(lines).encode("utf-8"))
    con = loader.connect(tmp_path / "cut.duckdb")
    loader.ensure_schema(con)
    loader.load_document(con, document)
    listing = tables.projects_table(queries.run(con, "projects"))
    assert listing["项目"].tolist() == ["抚恤金", "法治宣传经费（表格被截断）"]
    coverage = queries.run(con, "indicator_coverage")
    assert set(coverage["project_name"]) == {"抚恤金"}  # a cut table's missing categories are not real gaps


def test_originals_laid_out_by_position_are_shown_unwrapped():
    from ui.sources import wrap_original

    # a PDF text kept in its columns by spaces would lose them if its lines wrapped
    assert not wrap_original("positioned") and not wrap_original("space_columns")
    assert wrap_original("run_together") and wrap_original("tab_rows") and wrap_original(None)
