"""满意度: satisfaction thresholds per jurisdiction and year; every satisfaction indicator, marked.

Counts are summed in SQL; the chart draws the first ``MAX_BARS`` place-years (at most ``MAX_STRIP_POINTS`` dots); the
tables are fetched a page at a time."""

import streamlit as st

from pages import _figures as figures
from pages import _shared as shared
from ui import tables
from ui.formatting import format_count

shared.require_frame()
present = shared.is_presenting()
shared.page_header("满意度")

SCOPES = {"project": "项目指标", "department": "部门整体指标", "all": "全部"}
scope = st.segmented_control("范围", list(SCOPES), format_func=SCOPES.get, default="project", key="sat_scope",
                             required=True) or "project"

summary = shared.query("satisfaction_summary", scope=scope, limit=1)
if summary.empty:
    shared.no_data()
    st.stop()

first = summary.iloc[0]
cols = st.columns(4)
cols[0].metric("满意度目标", format_count(first["_sum_n_indicators"]), border=True)
cols[1].metric("≥90%", format_count(first["_sum_n_ge_90"]), border=True)
cols[2].metric("低于 80%", format_count(first["_sum_n_lt_80"]), border=True)
cols[3].metric("恰为 100%", format_count(first["_sum_n_eq_100"]), border=True)

if shared.query("satisfaction_thresholds", scope=scope, with_threshold=True, limit=1).empty:
    st.info("当前筛选下没有百分比形式的满意度目标。")
else:
    figures.show(figures.satisfaction(present, scope), "sat_strip")
st.caption("▼ 低于 80%：目标偏低，满意度要求不高；● 恰为 100%：目标难以达到，也难以考核。"
           "数值相同或相近的目标并排显示，不互相遮挡；没有满意度目标的地区标为“无满意度目标”。")

with shared.details("各地区汇总表", present):
    st.subheader("各地区汇总")
    shared.server_table("satisfaction_summary", tables.satisfaction_summary_table, "满意度_各地区汇总",
                        key="sat_summary", params={"scope": scope}, totals={"满意度目标数": "_sum_n_indicators"})

COLORS = {tables.MARK_LOW: "#fadbd8", tables.MARK_FULL: "#fdebd0"}


def _marks(rows) -> list[str]:
    return [COLORS.get(tables.threshold_mark(v), "") for v in rows["threshold_pct"]]


with shared.details("全部满意度指标", present):
    st.subheader("全部满意度指标")
    shared.server_table("satisfaction_thresholds", tables.satisfaction_table, "满意度_全部指标", key="sat_table",
                        params={"scope": scope},
                        highlight=_marks,
                        pinned=("标记", "地区"))
