"""总览: how much money, from where, for what, and are the targets any good — one screen.

Everything here is aggregated in SQL (query ``place_summary``: one row per place and year); the sentences name the
places with the most money (``MAX_SENTENCES``), the table lists every place a page at a time."""

import streamlit as st

from pages import _figures as figures
from pages import _shared as shared
from ui import findings, tables
from ui.formatting import format_count, format_wan, format_wan_exact
from ui.limits import MAX_SENTENCES

shared.require_frame()
present = shared.is_presenting()
shared.page_header("总览")

overview = shared.query("overview")
row = overview.iloc[0]
if not int(row["n_documents"]):
    shared.no_data()
    st.stop()

cols = st.columns([1.5, 1, 1, 1, 1])
cols[0].metric("资金总额（万元）", format_wan(row["total_wan"]), border=True,
               help=f"精确值：{format_wan_exact(row['total_wan'])}")
cols[1].metric("项目", format_count(row["n_projects"]), border=True)
cols[2].metric("项目指标", format_count(row["n_indicators"]), border=True,
               help=f"另有部门整体绩效目标表指标 {format_count(row['n_department_indicators'])} 条")
cols[3].metric("地区", format_count(row["n_jurisdictions"]), border=True)
cols[4].metric("年度", format_count(row["n_years"]), border=True,
               help="、".join(str(y) for y in list(row["years"] if row["years"] is not None else [])))

top = shared.query("place_summary", order="amount", limit=MAX_SENTENCES)
n_places = int(top["_n_rows"].iloc[0]) if len(top) else 0
st.subheader("各地区要点")
with st.container(key="findings"):
    for sentence in findings.jurisdiction_sentences(top):
        st.text("• " + sentence)
    if n_places > MAX_SENTENCES:
        st.caption(f"只列出资金最多的 {MAX_SENTENCES} 个地区·年度（共 {format_count(n_places)} 个）；全部见下表。")

figures.show(figures.overview_funding(present), "overview_funding")

with shared.details("各地区汇总表", present):
    st.subheader("各地区汇总")
    shared.server_table("place_summary", tables.summary_table, "总览_各地区汇总", key="overview_summary",
                        params={"order": "place"},
                        totals={"项目数": "_sum_n_projects", "项目资金（万元）": "_sum_total_wan",
                                "项目指标数": "_sum_n_indicators"})
    with shared.links():
        shared.page_link("funding", "资金构成 →", icon=":material/account_balance:")
        shared.page_link("coverage", "指标覆盖 →", icon=":material/grid_on:")
        shared.page_link("satisfaction", "满意度 →", icon=":material/sentiment_satisfied:")
