"""跨地区对比: one theme (e.g. 人民调解), every jurisdiction's projects side by side."""

import streamlit as st

from pages import _shared as shared
from ui import charts, findings, tables
from ui.formatting import format_count, format_threshold, format_wan, format_wan_exact, jurisdiction_year
from ui.limits import MAX_BARS, MAX_COMPARE_CARDS, MAX_HEATMAP_ROWS, MAX_STRIP_POINTS
from ui.text import md_text, plain_text

shared.require_frame()
present = shared.is_presenting()
filters = shared.page_header("跨地区对比", "（本页的主题选择优先于侧栏的主题筛选）")

options = shared.query("page_filter_options", theme=None)
themes = shared.theme_order(options["theme"].dropna())
if not themes:
    shared.no_data()
    st.stop()
default = filters.theme if filters.theme in themes else ("人民调解" if "人民调解" in themes else themes[0])
theme = st.segmented_control("主题", themes, default=default, key="compare_theme", bind="query-params",
                             required=True, format_func=md_text) or default

projects = shared.query("page_theme_projects", theme=theme)
if projects.empty:
    st.info(f"当前筛选下没有「{md_text(theme)}」主题的项目。")
    st.stop()
coverage = shared.query("indicator_coverage", theme=theme)
table = tables.theme_projects_table(projects, coverage)

# Side by side: one card per jurisdiction-year (the largest first when there are many)
groups = list(projects.groupby(["jurisdiction", "fiscal_year"], sort=False))
if len(groups) > MAX_COMPARE_CARDS:
    groups = sorted(groups, key=lambda g: -float(g[1]["total_wan"].sum()))[:MAX_COMPARE_CARDS]
    st.caption(f"只列出资金最多的 {MAX_COMPARE_CARDS} 个地区·年度；全部见下面的项目对比表。")
per_row = 3 if present else 5
for start in range(0, len(groups), per_row):
    cols = st.columns(per_row)
    for col, ((jurisdiction, year), g) in zip(cols, groups[start:start + per_row]):
        with col.container(border=True):
            st.subheader(md_text(jurisdiction_year(jurisdiction, year)))
            st.metric("资金（万元）", format_wan(g["total_wan"].sum()),
                      help=f"精确值：{format_wan_exact(g['total_wan'].sum())}")
            st.metric("项目 / 指标", f"{format_count(len(g))} / {format_count(g['n_indicators'].sum())}")
            lo, hi = g["satisfaction_min_pct"].min(), g["satisfaction_max_pct"].max()
            sat = "无" if g["satisfaction_min_pct"].isna().all() else (
                format_threshold(lo) if lo == hi else f"{format_threshold(lo)}–{format_threshold(hi)}")
            st.metric("满意度目标", sat, help="这些项目没有满意度目标" if sat == "无" else None)
            st.text("\n".join(plain_text(f"· {n}（{format_wan(w)}）") for n, w in
                              zip(g["name"].head(8), g["total_wan"].head(8)))
                    + (f"\n· 另有 {len(g) - 8} 个项目" if len(g) > 8 else ""))

shown, rest, _ = tables.top_n(projects, "total_wan", MAX_BARS)
shared.chart(charts.compare_funding(shown, present), "compare_funding", findings.title_compare_funding(theme, projects))
if rest:
    st.caption(f"另有 {rest} 个较小的项目未在图中显示（见下表）。")
heat = table.head(MAX_HEATMAP_ROWS)
shared.chart(charts.compare_categories(heat, present), "compare_categories",
             findings.title_compare_categories(theme, table))

thresholds = shared.query("satisfaction_thresholds", theme=theme)
points = tables.satisfaction_points(thresholds).head(MAX_STRIP_POINTS)
order = list(dict.fromkeys(jurisdiction_year(j, y) for j, y in zip(projects["jurisdiction"],
                                                                   projects["fiscal_year"])))[:MAX_BARS]
shared.chart(charts.satisfaction_strip(points, present, order=order), "compare_satisfaction",
             findings.title_compare_satisfaction(theme, projects))

with shared.details("项目对比表", present):
    st.subheader("项目对比表")
    shared.table(table, f"跨地区对比_{theme}", key="compare_table", pinned=("地区", "项目"), totals=("指标数",))
