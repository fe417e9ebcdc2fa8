"""跨地区对比: one theme (e.g. 人民调解) across the country, one chart with a drill: the provinces, the cities of a
province, the places of a city, then the projects of a place.

URL: ``compare_theme=<主题>`` and ``area=<code>`` (2 digits: a province, 4 digits: a city, a place key: one place).
Every number is aggregated in SQL (query ``compare_areas``); the chart draws at most ``MAX_BARS`` areas (the rest are
named under it), the drill list offers at most ``MAX_DRILL_OPTIONS``, the tables come a page at a time."""

from typing import Optional

import streamlit as st

from pages import _shared as shared
from ui import charts, findings, tables
from ui.formatting import format_count, format_threshold, format_wan
from ui.limits import MAX_BARS, MAX_DRILL_OPTIONS
from ui.text import md_text

shared.require_frame()
present = shared.is_presenting()
filters = shared.page_header("跨地区对比", "（本页的主题选择优先于侧栏的主题筛选）")

options = shared.filter_options()
themes = shared.theme_order(options["theme"].dropna())
if not themes:
    shared.no_data()
    st.stop()
default = filters.theme if filters.theme in themes else ("人民调解" if "人民调解" in themes else themes[0])
theme = st.segmented_control("主题", themes, default=default, key="compare_theme", bind="query-params",
                             required=True, format_func=md_text) or default

LEVELS = {0: ("省份", "province"), 2: ("城市", "city"), 4: ("地区", "place")}


def _area() -> Optional[str]:
    value = st.query_params.get("area")
    return str(value) if value not in (None, "") else None


def _go(area: Optional[str]) -> None:
    shared.set_url_param("area", area)
    st.session_state.pop("compare_drill", None)


def _drill_picked() -> None:
    _go(st.session_state.get("compare_drill"))


def _bar_clicked() -> None:
    selection = st.session_state.get("compare_areas_chart")
    points = (selection or {}).get("selection", {}).get("points", []) if selection else []
    for point in points:
        data = point.get("customdata")
        if isinstance(data, (list, tuple)):
            data = data[0] if data else None
        if data:
            _go(str(data))
            return


area = _area()
areas = shared.query("compare_areas", theme=theme, area=area)
if area is not None and areas.empty:
    st.warning(f"链接中的地区代码「{md_text(area)}」在当前筛选下没有「{md_text(theme)}」主题的项目，已回到全国。")
    area = None
    areas = shared.query("compare_areas", theme=theme, area=None)
if areas.empty:
    st.info(f"当前筛选下没有「{md_text(theme)}」主题的项目。")
    st.stop()

# Breadcrumb: 全国 › 省 › 市 (each a button back up)
level = 0 if area is None else (len(area) if len(area) in (2, 4) else 6)
first = areas.iloc[0]
trail = [("全国", None)]
if level >= 2:
    trail.append((str(first["province"] or area[:2]), area[:2]))
if level >= 4:
    trail.append((str(first["city"] or area[:4]), area[:4]))
if level == 6:
    trail.append((str(first["area_name"]), area))
with st.container(horizontal=True, gap="small", vertical_alignment="center", key="compare_trail"):
    for i, (name, code) in enumerate(trail):
        last = i == len(trail) - 1
        st.button(name, key=f"compare_trail_{i}", on_click=_go, args=(code,), disabled=last, type="tertiary")
        if not last:
            st.markdown("›")

n_areas = int(first["_n_rows"])
if level < 6:
    what = LEVELS[level][0]
    shown, rest, rest_wan = tables.top_n(areas, "total_wan", MAX_BARS)
    title = findings.title_compare_areas(theme, areas, what)
    shared.chart(charts.compare_areas(shown, what, present), "compare_areas_chart", title, on_select=_bar_clicked)
    notes = []
    if rest:
        notes.append(f"另有 {rest:,} 个{what}（共 {format_wan(rest_wan)} 万元）未在图中显示，见下表")
    notes.append("点击一个条形（或在下面选择）查看它的下一级")
    st.caption("；".join(notes) + "。")
    choices = areas["area"].head(MAX_DRILL_OPTIONS).tolist()
    names = {a: f"{n}（{format_wan(w)} 万元）"
             for a, n, w in zip(areas["area"], areas["area_name"], areas["total_wan"])}
    more = f"（列出资金最多的 {MAX_DRILL_OPTIONS} 个）" if n_areas > MAX_DRILL_OPTIONS else ""
    st.selectbox(f"查看{what}", choices, index=None, key="compare_drill", on_change=_drill_picked,
                 format_func=lambda a: names.get(a, a), placeholder=f"选择一个{what}，查看下一级{more}")
    with shared.details(f"各{what}对比表", present):
        shared.server_table("compare_areas", lambda rows: tables.compare_areas_table(rows, what),
                            f"跨地区对比_{theme}_按{what}",
                            key="compare_areas_table", params={"theme": theme, "area": area},
                            totals={"资金（万元）": "_sum_total_wan"}, pinned=(what,))
else:
    row = first
    sat = "无" if row["satisfaction_min_pct"] != row["satisfaction_min_pct"] or row["satisfaction_min_pct"] is None \
        else f"{format_threshold(row['satisfaction_min_pct'])}–{format_threshold(row['satisfaction_max_pct'])}"
    cols = st.columns(4)
    cols[0].metric("资金（万元）", format_wan(row["total_wan"]), border=True)
    cols[1].metric("项目", format_count(row["n_projects"]), border=True)
    cols[2].metric("每个项目的指标", f"{float(row['indicators_per_project']):.1f}", border=True)
    cols[3].metric("满意度目标", sat, border=True)
    projects = shared.query("page_theme_projects", theme=theme, area=area, order="amount", limit=MAX_BARS)
    n_projects = int(projects["_n_rows"].iloc[0]) if len(projects) else 0
    shared.chart(charts.compare_funding(projects, present), "compare_funding",
                 findings.title_compare_funding(theme, projects))
    if n_projects > len(projects):
        st.caption(f"另有 {n_projects - len(projects):,} 个较小的项目未在图中显示（见下表）。")

with shared.details("项目对比表", present):
    st.subheader("项目对比表")
    shared.server_table("page_theme_projects", tables.theme_projects_table, f"跨地区对比_{theme}",
                        key="compare_table", params={"theme": theme, "area": area}, pinned=("地区", "项目"),
                        totals={"指标数": "_sum_n_indicators", "金额（万元）": "_sum_total_wan"})
