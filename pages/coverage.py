"""指标覆盖: which indicator categories every project covers, coverage per jurisdiction, quantified targets."""

import streamlit as st

from pages import _shared as shared
from ui import charts, findings, tables
from ui.privacy import mask_phones

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


st.plotly_chart(
    charts.coverage_heatmap(matrix, findings.title_coverage_matrix(matrix), present),
    theme=None, key="coverage_heatmap", on_select=_open_clicked_project, selection_mode="points",
    config={"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]},
)
goto = st.session_state.pop("coverage_goto", None)
if goto is not None:
    shared.switch_to("project", project=goto)

st.caption("点击热力图中的一格，或在下面选择项目，打开该项目的目标表和原文。")
labels = {pid: mask_phones(label) for pid, label in zip(matrix.index, matrix["label"])}
cols = st.columns([3, 2])
with cols[0]:
    chosen = st.selectbox("选择项目", list(labels), format_func=lambda pid: labels[pid], key="coverage_project",
                          label_visibility="collapsed")
with cols[1]:
    if chosen is not None:
        shared.page_link("project", "打开项目明细和原文 →", icon=":material/description:", project=chosen)

with shared.details("项目 × 指标类别表", present):
    shared.table(tables.coverage_table(coverage), "指标覆盖_项目x类别", key="coverage_table")

summary = shared.query("indicator_coverage_summary")
shared.chart(charts.coverage_share_heatmap(summary, findings.title_coverage_share(summary), present),
             key="coverage_share")
with shared.details("各地区覆盖率表", present):
    shared.table(tables.coverage_summary_table(summary), "指标覆盖_各地区覆盖率", key="coverage_share_table")

quant = shared.query("target_quantification")
shared.chart(charts.quantification_bars(tables.quantification_long(quant), findings.title_quantification(quant),
                                        present), key="coverage_quant")
st.caption("量化：有数字或日期的目标值；定性：文字描述（如“有效维护”、“每月按时完成”）；"
           "占位/空白：没有可用目标值（如“年度计划”、“**平米”或空白）。")
with shared.details("量化程度表", present):
    shared.table(tables.quantification_table(quant), "指标覆盖_量化程度", key="coverage_quant_table")
