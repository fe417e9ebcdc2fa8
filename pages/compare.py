"""跨地区对比: one theme (e.g. 人民调解), every jurisdiction's projects side by side."""

import streamlit as st

from pages import _shared as shared
from ui import charts, findings, tables
from ui.formatting import format_threshold, format_wan, jurisdiction_year
from ui.privacy import mask_phones

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
                             required=True) or default

projects = shared.query("page_theme_projects", theme=theme)
if projects.empty:
    st.info(f"当前筛选下没有「{theme}」主题的项目。")
    st.stop()
coverage = shared.query("indicator_coverage", theme=theme)
table = tables.theme_projects_table(projects, coverage)

# Side by side: one card per jurisdiction-year
groups = list(projects.groupby(["jurisdiction", "fiscal_year"], sort=False))
per_row = 3 if present else 5
for start in range(0, len(groups), per_row):
    cols = st.columns(per_row)
    for col, ((jurisdiction, year), g) in zip(cols, groups[start:start + per_row]):
        with col.container(border=True):
            st.subheader(jurisdiction_year(jurisdiction, year))
            st.metric("资金（万元）", format_wan(g["total_wan"].sum()))
            st.metric("项目 / 指标", f"{len(g)} / {int(g['n_indicators'].sum())}")
            lo, hi = g["satisfaction_min_pct"].min(), g["satisfaction_max_pct"].max()
            sat = "无" if g["satisfaction_min_pct"].isna().all() else (
                format_threshold(lo) if lo == hi else f"{format_threshold(lo)}–{format_threshold(hi)}")
            st.metric("满意度目标", sat)
            st.text("\n".join(mask_phones(f"· {n}（{format_wan(w)}）") for n, w in zip(g["name"], g["total_wan"])))

shared.chart(charts.compare_funding(projects, findings.title_compare_funding(theme, projects), present),
             key="compare_funding")
shared.chart(charts.compare_categories(table, findings.title_compare_categories(theme, table), present),
             key="compare_categories")

thresholds = shared.query("satisfaction_thresholds", theme=theme)
points = tables.satisfaction_points(thresholds)
if not points.empty:
    order = list(dict.fromkeys(jurisdiction_year(j, y) for j, y in zip(projects["jurisdiction"],
                                                                       projects["fiscal_year"])))
    shared.chart(charts.satisfaction_strip(points, findings.title_compare_satisfaction(theme, projects), present,
                                           order=order), key="compare_satisfaction")

with shared.details("项目对比表", present):
    st.subheader("项目对比表")
    shared.table(table, f"跨地区对比_{theme}", key="compare_table")
