"""总览: how much money, from where, for what, and are the targets any good — one screen."""

import streamlit as st

from pages import _figures as figures
from pages import _shared as shared
from ui import findings, tables
from ui.formatting import format_count, format_wan, format_wan_exact

shared.require_frame()
present = shared.is_presenting()
shared.page_header("总览")

overview = shared.query("overview")
docs = shared.query("documents")
if docs.empty:
    shared.no_data()
    st.stop()

row = overview.iloc[0]
cols = st.columns([1.5, 1, 1, 1, 1])
cols[0].metric("资金总额（万元）", format_wan(row["total_wan"]), border=True,
               help=f"精确值：{format_wan_exact(row['total_wan'])}")
cols[1].metric("项目", format_count(row["n_projects"]), border=True)
cols[2].metric("项目指标", format_count(row["n_indicators"]), border=True,
               help=f"另有部门整体绩效目标表指标 {format_count(row['n_department_indicators'])} 条")
cols[3].metric("地区", format_count(row["n_jurisdictions"]), border=True)
cols[4].metric("年度", format_count(row["n_years"]), border=True,
               help="、".join(str(y) for y in list(row["years"] if row["years"] is not None else [])))

summary = tables.jurisdiction_summary(
    docs, shared.query("funding_composition"), shared.query("satisfaction_summary"),
    shared.query("target_quantification"))

st.subheader("各地区要点")
with st.container(key="findings"):
    for sentence in findings.jurisdiction_sentences(summary.head(shared.PAGE_SIZE)):
        st.text("• " + sentence)
    if len(summary) > shared.PAGE_SIZE:
        st.caption(f"只列出前 {shared.PAGE_SIZE} 个地区·年度；全部见下表。")

figures.show(figures.overview_funding(present), "overview_funding")

with shared.details("各地区汇总表", present):
    st.subheader("各地区汇总")
    shared.table(tables.summary_table(summary), "总览_各地区汇总", key="overview_summary",
                 totals=("项目数", "项目指标数"))
    with shared.links():
        shared.page_link("funding", "资金构成 →", icon=":material/account_balance:")
        shared.page_link("coverage", "指标覆盖 →", icon=":material/grid_on:")
        shared.page_link("satisfaction", "满意度 →", icon=":material/sentiment_satisfied:")
