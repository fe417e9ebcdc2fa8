"""资金构成: funding by source level per jurisdiction and year; jurisdiction → theme → project; the tables.

The cards and titles come from per-level totals in SQL (``funding_level_totals``); the charts draw the place-years
with the most money (``MAX_BARS``; treemap: ``MAX_TREEMAP_PROJECTS`` projects); tables come a page at a time."""

import streamlit as st

from pages import _figures as figures
from pages import _shared as shared
from ui import tables
from ui.formatting import LEVEL_NOUNS, UNSTATED_LEVEL, UNSTATED_NOTE, format_pct, format_wan, format_wan_exact

shared.require_frame()
present = shared.is_presenting()
shared.page_header("资金构成")

levels = shared.query("funding_level_totals")
if levels.empty:
    shared.no_data()
    st.stop()

used = levels[levels["amount_wan"] > 0]
total = float(used["amount_wan"].sum())
by_level = used.set_index("level")["amount_wan"]
stated = by_level.drop(UNSTATED_LEVEL, errors="ignore")
cols = st.columns(4)
cols[0].metric("资金合计（万元）", format_wan(total), border=True, help=f"精确值：{format_wan_exact(total)}")
cols[1].metric("中央资金占比", format_pct(100 * by_level.get("central", 0.0) / total if total else 0), border=True,
               help=f"{format_wan_exact(by_level.get('central', 0.0))}")
cols[2].metric("写明级次的资金", format_pct(100 * stated.sum() / total if total else 0), border=True,
               help="中央、省级、市级、区县级和其他来源合计：" + format_wan_exact(stated.sum()))
unstated = float(by_level.get(UNSTATED_LEVEL, 0.0))
cols[3].metric("未注明级次", format_pct(100 * unstated / total if total else 0), border=True,
               help=f"{format_wan_exact(unstated)}；{UNSTATED_NOTE}")
if unstated:
    printed = levels.loc[levels["level"] == UNSTATED_LEVEL, "sources_as_printed"].dropna()
    words = "、".join(sorted({w for s in printed for w in str(s).split("、")}))
    st.caption(UNSTATED_NOTE + (f"本页数据中原表写作：{words}。" if words else ""))
if not stated.empty:
    top = stated.sort_values(ascending=False)
    st.caption(f"写明级次的资金中，{LEVEL_NOUNS.get(top.index[0], top.index[0])}最多："
               f"{format_wan(top.iloc[0], unit=True)}。")

share = st.segmented_control("显示", ["金额（万元）", "占比（%）"], default="金额（万元）", key="funding_mode",
                             required=True) == "占比（%）"
figures.show(figures.funding_levels(present, share=share), "funding_levels")

with shared.details("资金来源表", present):
    st.subheader("按资金来源级别")
    shared.server_table("funding_composition", tables.composition_table, "资金构成_按来源级别",
                        key="funding_levels_table", pinned=("地区",))

figures.show(figures.funding_treemap(present), "funding_treemap")
st.caption("点击方块进入下一级（主题 → 项目），点击上方路径返回。")

with shared.details("主题与项目表", present):
    st.subheader("按主题和资金来源")
    shared.server_table("funding_by_theme", tables.theme_funding_table, "资金构成_按主题", key="funding_theme_table",
                        pinned=("地区",), totals={"金额（万元）": "_sum_amount_wan"})
    st.subheader("按项目")
    shared.server_table("projects", tables.project_share_table, "资金构成_按项目", key="funding_project_table",
                        pinned=("项目",), totals={"金额（万元）": "_sum_total_wan"})
