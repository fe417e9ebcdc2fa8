"""指标覆盖: which indicator categories every project covers, coverage per jurisdiction, quantified targets."""

import streamlit as st

from pages import _figures as figures
from pages import _shared as shared
from ui import charts, findings, tables
from ui.limits import MAX_HEATMAP_ROWS
from ui.text import plain_text

shared.require_frame()
present = shared.is_presenting()
shared.page_header("指标覆盖")

coverage = shared.query("indicator_coverage")
if coverage.empty:
    shared.no_data()
    st.stop()

matrix = tables.coverage_matrix(coverage)


def _open_clicked_project() -> None:
    """Heatmap click (selection callback, fires once per click): remember the project to open."""
    selection = st.session_state.get("coverage_heatmap")
    points = (selection or {}).get("selection", {}).get("points", []) if selection else []
    for point in points:
        data = point.get("customdata")
        if isinstance(data, (list, tuple)):
            data = data[0] if data else None
        if data is not None:
            st.session_state["coverage_goto"] = int(data)
            return


# Wide screens: the heatmap (a page of projects at a time). Phones: the table below, project column pinned.
with st.container(key="wide_only_heatmap"):
    pages = tables.page_count(len(matrix), MAX_HEATMAP_ROWS)
    hm_page = 1
    if pages > 1:
        hm_page = st.selectbox("热力图中的项目", list(range(1, pages + 1)), key="coverage_heatmap_page",
                               format_func=lambda p: f"第 {(p - 1) * MAX_HEATMAP_ROWS + 1}–"
                                                     f"{min(p * MAX_HEATMAP_ROWS, len(matrix))} 个项目")
    part = tables.page_slice(matrix, hm_page, MAX_HEATMAP_ROWS)
    shared.chart(charts.coverage_heatmap(part, present), "coverage_heatmap", findings.title_coverage_matrix(matrix),
                 on_select=_open_clicked_project)
    st.caption("点击热力图中的一格，或在下面选择项目，打开该项目的目标表和原文。")
with st.container(key="narrow_only_heatmap"):
    st.markdown("**" + shared.md_text(findings.title_coverage_matrix(matrix)) + "**")
    st.caption("手机上以表格显示：见下面的“项目 × 指标类别”表（项目名称固定在左侧，左右滑动查看各类别）。")
goto = st.session_state.pop("coverage_goto", None)
if goto is not None:
    shared.switch_to("project", project=goto)

labels = {pid: plain_text(label) for pid, label in zip(matrix.index, matrix["label"])}
cols = st.columns([3, 2])
with cols[0]:
    chosen = st.selectbox("选择项目", list(labels), format_func=lambda pid: labels[pid], key="coverage_project",
                          label_visibility="collapsed")
with cols[1]:
    if chosen is not None:
        shared.page_link("project", "打开项目明细和原文 →", icon=":material/description:", project=chosen)

with shared.details("项目 × 指标类别表", present):
    st.subheader("项目 × 指标类别")
    shared.table(tables.coverage_table(coverage), "指标覆盖_项目x类别", key="coverage_table", pinned=("项目",))

figures.show(figures.coverage_share(present), "coverage_share")
with shared.details("各地区覆盖率表", present):
    shared.table(tables.coverage_summary_table(shared.query("indicator_coverage_summary")), "指标覆盖_各地区覆盖率",
                 key="coverage_share_table")

figures.show(figures.quantification(present), "coverage_quant")
st.caption("量化：有数字或日期的目标值；定性：文字描述（如“有效维护”、“每月按时完成”）；"
           "占位/空白：没有可用目标值（如“年度计划”、“\\*\\*平米”或空白）。")
with shared.details("量化程度表", present):
    shared.table(tables.quantification_table(shared.query("target_quantification")), "指标覆盖_量化程度",
                 key="coverage_quant_table")
