"""总览: how much money, from where, for what, and are the targets any good — one screen."""

import streamlit as st

from pages import _shared as shared
from ui import charts, findings, tables
from ui.formatting import format_count, format_wan

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
cols[0].metric("资金总额（万元）", format_wan(row["total_wan"]), border=True)
cols[1].metric("项目", format_count(row["n_projects"]), border=True)
cols[2].metric("项目指标", format_count(row["n_indicators"]), border=True,
               help=f"另有部门整体绩效目标表指标 {int(row['n_department_indicators'])} 条")
cols[3].metric("地区", format_count(row["n_jurisdictions"]), border=True)
cols[4].metric("年度", format_count(row["n_years"]), border=True,
               help="、".join(str(y) for y in list(row["years"] if row["years"] is not None else [])))

summary = tables.jurisdiction_summary(
    docs, shared.query("funding_composition"), shared.query("satisfaction_summary"),
    shared.query("target_quantification"))

st.subheader("各地区要点")
with st.container(key="findings"):
    for sentence in findings.jurisdiction_sentences(summary):
        st.text("• " + sentence)

funding = tables.funding_by_document(docs)
shared.chart(charts.funding_by_document(funding, findings.title_funding_by_document(funding), present),
             key="overview_funding")

with shared.details("各地区汇总表", present):
    st.subheader("各地区汇总")
    shared.table(tables.summary_table(summary), "总览_各地区汇总", key="overview_summary")
    with shared.links():
        shared.page_link("funding", "资金构成 →", icon=":material/account_balance:")
        shared.page_link("coverage", "指标覆盖 →", icon=":material/grid_on:")
        shared.page_link("satisfaction", "满意度 →", icon=":material/sentiment_satisfied:")
