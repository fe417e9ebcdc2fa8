"""Streamlit-free logic behind issue 10/11 features: one label set for funding levels, unique chart labels,
non-overlapping satisfaction dots, capped treemaps, the rows a table-level finding is about, filter options that
narrow, finding order, slides, Markdown escaping and the Chinese wording of the libraries."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from tests.conftest import SAMPLE_DIR
from ui import charts, i18n, review_view, slides, sources, state, tables
from ui.formatting import LEVEL_LABELS, LEVELS
from ui.limits import PAGE_SIZE
from ui.text import md_text, plain_text

QINGDAO = SAMPLE_DIR / "qingdao_2023.txt"
XIQING = SAMPLE_DIR / "tianjin_xiqing_2024.txt"


def stored_lines(path):
    """The lines stored with the document at load time (what the dashboard shows)."""
    from ingest.parse import parse_file

    return parse_file(path).lines


def test_funding_level_labels_are_one_set_in_sql_and_ui(sample_con):
    rows = sample_con.execute("SELECT level, level_zh, stated FROM v_funding_levels ORDER BY level_order").fetchall()
    assert [r[0] for r in rows] == list(LEVELS)
    assert {r[0]: r[1] for r in rows} == LEVEL_LABELS
    assert [r[0] for r in rows if not r[2]] == ["fiscal"]
    # 财政拨款 (平罗县), 财政资金 (抚宁区, 青岛市) are the unstated money of the samples: 252.0285 + 207.09 + 1487.65
    unstated = sample_con.execute("SELECT sum(amount_wan), string_agg(DISTINCT funding_source, '、' "
                                  "ORDER BY funding_source) FROM v_funding WHERE level_zh = '未注明级次'").fetchone()
    assert unstated[0] == pytest.approx(1946.7685) and unstated[1] == "财政拨款、财政资金"


def test_composition_query_gives_the_labels_as_printed(sample_con):
    import queries

    comp = queries.run(sample_con, "funding_composition", jurisdictions=["西青区"])
    assert dict(zip(comp["level"], comp["sources_as_printed"])) == {
        "central": "中央补助", "city": "市级资金", "county": "区级资金", "other": "其他资金"}


def test_unique_labels_never_truncate_two_projects_to_the_same_text():
    names = ["公共法律服务、人民调解和司法所工作等经费（一）", "公共法律服务、人民调解和司法所工作等经费（二）",
             "抚恤金", "抚恤金"]
    out = charts.unique_labels(names, 20)
    assert len(set(out)) == 4
    assert out[2:] == ["抚恤金…（1）", "抚恤金…（2）"]
    assert all(len(o) <= 20 for o in out)
    assert charts.unique_labels(["法治宣传经费", "抚恤金"], 20) == ["法治宣传经费", "抚恤金"]


def test_satisfaction_dots_with_equal_values_do_not_overlap():
    labels = pd.Series(["抚宁区 2020"] * 8 + ["青岛市 2023"] * 3)
    values = pd.Series([65.0] * 8 + [90.0, 90.0, 95.0])
    off = charts.beeswarm_offsets(labels, values, bin_width=1.5)
    funing = np.sort(off[:8])
    assert np.all(np.diff(funing) > 0.05)  # eight equal thresholds side by side
    assert np.all(np.abs(off) <= 0.42 + 1e-9)  # within the column
    assert off[10] == 0.0 and off[8] != off[9]


def test_satisfaction_strip_explains_an_empty_column():
    points = pd.DataFrame({"label": ["抚宁区 2020"], "threshold_pct": [65.0], "mark": ["低于 80%"],
                           "project_name": ["p"], "name": ["n"], "value": ["≥65%"]})
    fig = charts.satisfaction_strip(points, order=["抚宁区 2020", "沅江市 2024"])
    notes = [t for t in fig.data if t.mode == "text"]
    assert len(notes) == 1 and list(notes[0].text) == ["无满意度目标"] and list(notes[0].x) == [1]


def test_treemap_tiles_cap_projects_and_sum_the_rest():
    shares = pd.DataFrame({"label": ["甲区 2024"] * 5, "theme": ["法律援助"] * 3 + ["人民调解"] * 2,
                           "project_id": [1, 2, 3, 4, 5], "name": ["a", "b", "c", "d", "e"],
                           "total_wan": [50.0, 30.0, 1.0, 10.0, 0.5]})
    tiles = tables.treemap_tiles(shares, max_projects=3)
    assert set(tiles["label"]) >= {"甲区 2024", "法律援助", "人民调解", "a", "b", "d"}
    rest = tiles[tiles["id"].str.endswith("/rest")]
    assert sorted(rest["label"]) == ["其他 1 个项目", "其他 1 个项目"]
    assert tiles.loc[tiles["parent"] == "", "value"].tolist() == [91.5]


def test_top_n_totals_and_paging():
    df = pd.DataFrame({"项目": list("abcdef"), "金额（万元）": [5.0, 1.0, 4.0, 2.0, 3.0, 1234.5], "项目数": [1] * 6})
    top, rest, rest_sum = tables.top_n(df, "金额（万元）", 3)
    assert top["项目"].tolist() == ["a", "c", "f"] and (rest, rest_sum) == (3, 6.0)
    assert tables.totals_text(df, ("项目数",)) == "共 6 行；金额合计 1,249.50 万元；项目数合计 6"
    big = pd.DataFrame({"x": range(120)})
    assert tables.page_count(120, PAGE_SIZE) == 3 and tables.page_count(0, PAGE_SIZE) == 1
    assert tables.page_slice(big, 3, PAGE_SIZE)["x"].tolist() == list(range(100, 120))
    assert tables.page_slice(big, 9, PAGE_SIZE)["x"].tolist() == list(range(100, 120))  # clipped


def test_count_axes_tick_on_whole_numbers():
    import plotly.graph_objects as go

    fig = go.Figure(go.Bar(x=[1, 3], y=["a", "b"], orientation="h"))
    charts.count_axis(fig, "x", 3)
    assert fig.layout.xaxis.dtick == 1 and fig.layout.xaxis.tickformat == ",d"


def test_layout_names_are_chinese():
    from ingest.readers import LAYOUT_TITLES

    assert tables.layout_title("tab_rows") == LAYOUT_TITLES["tab_rows"] == "制表符分隔的行"
    assert tables.layout_title("pdf_grid") == "PDF 提取（表格线断裂）"
    assert all(re.search(r"[\u4e00-\u9fff]", t) and "_" not in t for t in map(tables.layout_title, LAYOUT_TITLES))
    assert tables.layout_title("some_new_family") == "其他版式"
    assert tables.layout_title(None) == "其他版式"


# Read off the files by hand: 青岛市 table 3 (法治专项业务费, lines 205–330) prints 资金支出计划（%） at 223,
# the periods 3月底…12月底 at 224–227 and the cumulative values 40.00 / 150.00 / 108.40 at 231–233; 预算数 208.40
# at 213–214, 其中：财政资金 208.40 at 215–216, 其他资金 at 217. 西青区 table 1 (抚恤金, lines 3–21): 项目资金 and
# the four sources at 10–13, 绩效目标 at 14, the indicator header at 15.
def test_table_level_finding_marks_the_plan_rows():
    lines = stored_lines(QINGDAO)
    rows = sources.finding_rows(lines, 205, 330, "plan_decreasing", plan_periods=["3月底", "6月底", "10月底", "12月底"],
                                plan_values=[40.0, 150.0, 108.4])
    assert rows == [(223, 233)]
    assert sources.finding_rows(lines, 205, 330, "plan_not_complete", plan_values=[40.0, 150.0, 108.4]) == [(223, 233)]


def test_table_level_finding_marks_the_funding_rows():
    assert sources.finding_rows(stored_lines(QINGDAO), 205, 330, "funding_mismatch",
                                funding_labels=["财政资金"]) == [(213, 217)]
    lines = stored_lines(XIQING)
    assert sources.finding_rows(lines, 3, 21, "funding_mismatch", funding_labels=["中央补助", "区级资金"]) == [(10, 13)]
    assert sources.finding_rows(lines, 3, 21, "goal_missing") == [(14, 14)]
    assert sources.finding_rows(lines, 3, 21, "category_missing") == [(15, 15)]
    assert sources.finding_rows(lines, 50, 40, "category_missing") == []


def _options() -> pd.DataFrame:
    """Query page_filter_options: places by division code (place), shown by name (place_name); two places called
    城区 (阳泉市 140302, 汕尾市 441502)."""
    return pd.DataFrame([("河北省", "抚宁区", "130306", "抚宁区", 2020, "抚宁区司法局", "人民调解"),
                         ("天津市", "西青区", "120111", "西青区", 2024, "西青区司法局", "人民调解"),
                         ("天津市", "西青区", "120111", "西青区", 2024, "西青区司法局", "法律援助"),
                         ("山东省", "青岛市", "370200", "青岛市", 2023, "青岛市司法局", "法律援助"),
                         ("山西省", "城区", "140302", "阳泉市城区", 2022, "城区司法局", "法律援助"),
                         ("广东省", "城区", "441502", "汕尾市城区", 2022, "城区司法局", "人民调解")],
                        columns=["province", "jurisdiction", "place", "place_name", "fiscal_year", "department",
                                 "theme"])


def test_filter_options_narrow_to_what_exists():
    facets = state.facet_options(_options(), state.Filters(jurisdictions=("130306",)))
    assert facets["year"] == [2020] and facets["theme"] == ["人民调解"] and facets["province"] == ["河北省"]
    # its own filter does not narrow itself; the two 城区 stay two places
    assert facets["jurisdiction"] == ["130306", "120111", "370200", "140302", "441502"]
    facets = state.facet_options(_options(), state.Filters(years=(2024,), theme="法律援助"))
    assert facets["jurisdiction"] == ["120111"]
    facets = state.facet_options(_options(), state.Filters(jurisdictions=("441502",)))
    assert facets["province"] == ["广东省"] and facets["theme"] == ["人民调解"]


def test_a_dead_end_and_unknown_url_values_are_said():
    f = state.Filters(jurisdictions=("130306",), years=(2024,))
    names = state.place_names(_options())
    messages = state.unavailable(f, state.facet_options(_options(), f), names)
    assert messages == ["地区「抚宁区」与其他筛选条件没有共同的数据（可选：西青区）。",
                        "年度「2024」与其他筛选条件没有共同的数据（可选：2020）。"]
    assert state.unknown_values(_options(), {"jurisdiction": ["北京市", "青岛市", "370200"], "year": ["2030"],
                                             "theme": []}) == [
        "网址中的地区「北京市」不在已导入的数据中，已忽略。", "网址中的年度「2030」不在已导入的数据中，已忽略。"]


def test_old_links_naming_a_place_resolve_when_the_name_is_unambiguous():
    places, messages = state.resolve_places(_options(), ["青岛市", "120111", "北京市"])
    assert places == ["370200", "120111", "北京市"] and messages == []  # 北京市 is named by unknown_values
    places, messages = state.resolve_places(_options(), ["城区"])
    assert places == []
    assert messages == ["网址中的地区「城区」对应多个地区：阳泉市城区（140302）、汕尾市城区（441502），"
                        "已忽略，请在侧栏中选择。"]
    assert state.Filters(jurisdictions=("441502", "370200")).describe(state.place_names(_options())) == \
        "筛选：汕尾市城区、青岛市"


def test_findings_sorted_by_severity_then_place_and_line():
    f = pd.DataFrame({
        "severity": ["warning", "error", "info", "error", "warning"],
        "province": ["天津市", "山东省", "天津市", "天津市", "山东省"],
        "jurisdiction": ["西青区", "青岛市", "西青区", "西青区", "青岛市"],
        "fiscal_year": [2024, 2023, 2024, 2024, 2023],
        "scope": ["project"] * 5, "project_sequence": [2, 3, 1, 1, 1], "line_start": [30, 246, 5, 10, 20],
    })
    out = review_view.sort_findings(f)
    assert list(zip(out["severity"], out["jurisdiction"], out["line_start"])) == [
        ("error", "西青区", 10), ("error", "青岛市", 246), ("warning", "西青区", 30), ("warning", "青岛市", 20),
        ("info", "西青区", 5)]  # places in the queries' order (province, jurisdiction, year)


def test_slides_order_start_and_steps():
    assert slides.slide_ids()[0] == "title"
    assert slides.start_slide("overview") == "title" and slides.start_slide("funding") == "funding_levels"
    assert slides.start_slide("project") == "title"
    assert slides.current("satisfaction", "funding") == "satisfaction"
    assert slides.current("nonsense", "review") == "review_by_rule"
    assert slides.step("title", -1) == "title" and slides.step("title", 1) == "overview_funding"
    last = slides.slide_ids()[-1]
    assert slides.step(last, 1) == last and slides.position(last) == (len(slides.DECK), len(slides.DECK))


@pytest.mark.parametrize("payload", [
    "**粗体**", "$$x^2$$", "$x$", "[x](http://evil)", "![t](http://127.0.0.1:9/track.png)", "<<b>b>a href=x>",
    ":red[红]", ":material/home:", "`code`", "# 标题", "_斜_", "~~删~~", "a|b", "\\\\", "&lt;", "1. 列表", "- 列表",
    "http://evil.invalid/x", "www.evil.invalid", "mail@evil.invalid",
])
def test_md_text_escapes_every_markdown_and_latex_marker(payload):
    escaped = md_text(payload)
    shown = re.sub(r"\\(.)", r"\1", escaped)
    assert shown.replace("\u2060", "") == payload  # only escapes and invisible joiners added: every character stays
    assert not re.search(r"(?i)https?:|www\.|@\w", shown)  # GFM cannot turn a bare address into a link
    assert not re.search(r"(?<!\\)[*$\[\]()<>`#_~|:&!]", escaped)  # every marker is escaped


def test_md_text_masks_and_keeps_one_line():
    assert md_text("电话 15526355168\n第二行") == r"电话 155\*\*\*\*5168 第二行"
    assert plain_text("电话 15526355168 **x**") == "电话 155****5168 **x**"
    assert plain_text(None) == "" and plain_text(float("nan")) == ""


def test_the_english_words_of_the_libraries_have_chinese():
    js = i18n.localise_js()
    for english in ("Select all", "No results", "Press Enter to apply", "Download plot as a PNG", "Autoscale",
                    "Download as CSV", "Search", "Choose an option", "Collapse sidebar", "Skip to main content"):
        chinese = i18n.TRANSLATIONS[english]
        assert chinese and not re.search(r"[A-Za-z]{3}", chinese.replace("CSV", ""))
        assert f'"{english}"' in js
    assert "stElementToolbar" in i18n.HIDDEN_CSS
