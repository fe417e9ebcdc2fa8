"""指标覆盖: which indicator categories every project covers, coverage per jurisdiction, quantified targets.

Up to ``MAX_HEATMAP_PROJECTS`` projects the heatmap shows one row per project (a page of ``MAX_HEATMAP_ROWS`` at a
time, fetched from the database); beyond, it shows areas (provinces, the cities of a province, the places of a
city) x categories, the largest ``MAX_HEATMAP_ROWS`` areas. The tables are fetched a page at a time."""

import streamlit as st

from pages import _figures as figures
from pages import _shared as shared
from ui import charts, findings, tables
from ui.limits import MAX_HEATMAP_PROJECTS, MAX_HEATMAP_ROWS
from ui.text import plain_text

shared.require_frame()
present = shared.is_presenting()
filters = shared.page_header("指标覆盖")

totals = shared.query("coverage_totals")
n_projects = int(totals["n_projects"].max()) if len(totals) else 0
if not n_projects:
    shared.no_data()
    st.stop()
title = findings.title_coverage_totals(totals)


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


labels: dict = {}
if n_projects <= MAX_HEATMAP_PROJECTS:
    # Wide screens: the heatmap (a page of projects at a time). Phones: the table below, project column pinned.
    with st.container(key="wide_only_heatmap"):
        pages = tables.page_count(n_projects, MAX_HEATMAP_ROWS)
        hm_page = 1
        if pages > 1:
            hm_page = st.selectbox("热力图中的项目", list(range(1, pages + 1)), key="coverage_heatmap_page",
                                   format_func=lambda p: f"第 {(p - 1) * MAX_HEATMAP_ROWS + 1}–"
                                                         f"{min(p * MAX_HEATMAP_ROWS, n_projects)} 个项目")
        part = tables.coverage_matrix(shared.query("indicator_coverage", limit=MAX_HEATMAP_ROWS,
                                                   offset=(hm_page - 1) * MAX_HEATMAP_ROWS))
        shared.chart(charts.coverage_heatmap(part, present), "coverage_heatmap", title,
                     on_select=_open_clicked_project)
        st.caption("点击热力图中的一格，或在下面选择项目，打开该项目的目标表和原文。")
    labels = {pid: plain_text(label) for pid, label in zip(part.index, part["label"])}
else:
    level = "place" if filters.jurisdictions else ("city" if filters.province else "province")
    words = {"province": "省份", "city": "城市", "place": "地区"}[level]
    areas = shared.query("coverage_by_area", level=level, limit=MAX_HEATMAP_ROWS)
    with st.container(key="wide_only_heatmap"):
        shared.chart(charts.coverage_area_heatmap(areas, words, present), "coverage_heatmap", title)
        n_areas = int(areas["_n_areas"].iloc[0]) if len(areas) else 0
        more = f"（只显示项目最多的 {MAX_HEATMAP_ROWS} 个，共 {n_areas:,} 个）" if n_areas > MAX_HEATMAP_ROWS else ""
        st.caption(f"共 {n_projects:,} 个项目，按{words}汇总{more}：每格是该{words}的项目中有此类指标的比例。"
                   "在侧栏选择省份或地区可逐级查看；逐个项目见下表。")
with st.container(key="narrow_only_heatmap"):
    st.markdown("**" + shared.md_text(title) + "**")
    st.caption("手机上以表格显示：见下面的“项目 × 指标类别”表（项目名称固定在左侧，左右滑动查看各类别）。")
goto = st.session_state.pop("coverage_goto", None)
if goto is not None:
    shared.switch_to("project", project=goto)

if labels:
    cols = st.columns([3, 2])
    with cols[0]:
        chosen = st.selectbox("选择项目", list(labels), format_func=lambda pid: labels[pid], key="coverage_project",
                              label_visibility="collapsed")
    with cols[1]:
        if chosen is not None:
            shared.page_link("project", "打开项目明细和原文 →", icon=":material/description:", project=chosen)

with shared.details("项目 × 指标类别表", present):
    st.subheader("项目 × 指标类别")
    shared.server_table("indicator_coverage", tables.coverage_table, "指标覆盖_项目x类别", key="coverage_table",
                        pinned=("项目",), count_column="_n_projects")

figures.show(figures.coverage_share(present), "coverage_share")
with shared.details("各地区覆盖率表", present):
    shared.server_table("indicator_coverage_summary", tables.coverage_summary_table, "指标覆盖_各地区覆盖率",
                        key="coverage_share_table")

figures.show(figures.quantification(present), "coverage_quant")
st.caption("量化：有数字或日期的目标值；定性：文字描述（如“有效维护”、“每月按时完成”）；"
           "占位/空白：没有可用目标值（如“年度计划”、“\\*\\*平米”或空白）。")
with shared.details("量化程度表", present):
    shared.server_table("target_quantification", tables.quantification_table, "指标覆盖_量化程度",
                        key="coverage_quant_table")
