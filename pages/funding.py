"""资金构成: funding by source level per jurisdiction and year; jurisdiction → theme → project; the tables."""

import streamlit as st

from pages import _shared as shared
from ui import charts, findings, tables
from ui.formatting import LEVEL_NOUNS, format_pct, format_wan

shared.require_frame()
present = shared.is_presenting()
shared.page_header("资金构成")

composition = shared.query("funding_composition")
if composition.empty:
    shared.no_data()
    st.stop()

long = tables.composition_long(composition)
used = long[long["amount_wan"] > 0]
total = float(used["amount_wan"].sum())
by_level = used.groupby("level")["amount_wan"].sum()
cols = st.columns(4)
cols[0].metric("资金合计（万元）", format_wan(total), border=True)
cols[1].metric("中央资金占比", format_pct(100 * by_level.get("central", 0.0) / total if total else 0), border=True,
               help=f"{format_wan(by_level.get('central', 0.0))} 万元")
top = by_level.sort_values(ascending=False)
cols[2].metric(f"最大来源：{LEVEL_NOUNS.get(top.index[0], top.index[0])}", format_pct(100 * top.iloc[0] / total),
               border=True)
cols[3].metric("地区·年度", str(long["label"].nunique()), border=True)

share = st.segmented_control("显示", ["金额（万元）", "占比（%）"], default="金额（万元）", key="funding_mode",
                             required=True) == "占比（%）"
shared.chart(charts.funding_levels(long, findings.title_composition(composition), share=share, present=present),
             key="funding_levels")

with shared.details("资金来源表", present):
    st.subheader("按资金来源级别")
    shared.table(tables.composition_table(composition), "资金构成_按来源级别", key="funding_levels_table")

projects = shared.query("projects")
shares = tables.project_shares(projects)
shared.chart(charts.funding_treemap(shares, findings.title_treemap(shares), present), key="funding_treemap")

with shared.details("主题与项目表", present):
    st.subheader("按主题和资金来源")
    shared.table(tables.theme_funding_table(shared.query("funding_by_theme")), "资金构成_按主题",
                 key="funding_theme_table")
    st.subheader("按项目")
    shared.table(tables.project_share_table(projects), "资金构成_按项目", key="funding_project_table")
