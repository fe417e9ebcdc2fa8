"""Presentation mode (``?present=1``): the dashboard as slides, drawn by dashboard.py instead of the page. Not a page.

One chart per screen at 1920×1080 and 1366×768 (the chart fills the screen below its title), a title slide naming
the filters, 上一张 / 下一张 buttons and the arrow keys, filters in a small menu (筛选), no downloads, tables or
paths. The URL names the slide (ui/slides.py), so a link reopens it.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from pages import _figures as figures
from pages import _shared as shared
from ui import slides
from ui.formatting import format_count, format_wan
from ui.text import md_text

SLIDE_CHART_PX = 580  # fits below the slide bar and title at 1366×768; the chart stretches on taller screens
SLIDE_CSS = """
.st-key-slide_chart { height: calc(100vh - 10.5rem) !important; min-height: 320px; }
.st-key-slide_heading p { font-size: 1.6rem; font-weight: 700; line-height: 1.3; margin: 0; }
"""


def _go(delta: int) -> None:
    current = slides.current(st.query_params.get(slides.SLIDE_PARAM), None)
    st.query_params[slides.SLIDE_PARAM] = slides.step(current, delta)


def _leave() -> None:
    st.session_state[shared._PRESENT_KEY] = False
    if slides.SLIDE_PARAM in st.query_params:
        del st.query_params[slides.SLIDE_PARAM]


def _bar(slide: str) -> None:
    number, total = slides.position(slide)
    with st.container(horizontal=True, gap="small", vertical_alignment="center", key="slide_bar"):
        st.markdown(f"绩效目标看板 · {slides.DECK[slide][1]} · {number} / {total}", width="stretch")
        with st.popover("筛选", icon=":material/filter_alt:", key="slide_filters"):
            shared.filter_widgets()
        st.button("上一张", icon=":material/chevron_left:", on_click=_go, args=(-1,), key="slide_prev",
                  shortcut="left", disabled=number == 1)
        st.button("下一张", icon=":material/chevron_right:", on_click=_go, args=(1,), key="slide_next",
                  shortcut="right", disabled=number == total)
        st.button("退出演示", icon=":material/close_fullscreen:", on_click=_leave, key="present_exit",
                  type="tertiary")


def _title_slide() -> None:
    overview = shared.query("overview")
    _, n_files = shared.source_files()
    with st.container(key="slide_cover"):
        st.title("绩效目标看板")
        st.text(shared.describe_filters())
        if overview.empty or not n_files:
            st.text("当前筛选下没有数据。")
            return
        row = overview.iloc[0]
        cols = st.columns(4)
        cols[0].metric("资金总额（万元）", format_wan(row["total_wan"]))
        cols[1].metric("项目", format_count(row["n_projects"]))
        cols[2].metric("项目指标", format_count(row["n_indicators"]))
        cols[3].metric("地区", format_count(row["n_jurisdictions"]))
        st.text(f"来源：{n_files:,} 个绩效目标表文件 · {dt.date.today():%Y 年 %m 月 %d 日}")
        st.text("按 → 键或“下一张”开始；“筛选”可更换地区、年度和主题。")


def _figure(slide: str):
    if slide == "overview_funding":
        return figures.overview_funding(True)
    if slide == "funding_levels":
        return figures.funding_levels(True)
    if slide == "funding_treemap":
        return figures.funding_treemap(True)
    if slide == "coverage_share":
        return figures.coverage_share(True)
    if slide == "quantification":
        return figures.quantification(True)
    if slide == "satisfaction":
        return figures.satisfaction(True)
    if slide in ("review_by_rule", "review_by_place"):
        found = shared.review("overview")
        return (figures.review_by_rule if slide == "review_by_rule" else figures.review_by_place)(found, True)
    return None


def run(page: str) -> None:
    """Draw the slide named in the URL (or the page's first slide)."""
    slide = slides.current(st.query_params.get(slides.SLIDE_PARAM), page)
    if st.query_params.get(slides.SLIDE_PARAM) != slide:
        st.query_params[slides.SLIDE_PARAM] = slide
    st.html(f"<style>{SLIDE_CSS}</style>")
    _bar(slide)
    for message in shared.filter_messages():
        st.warning(md_text(message), icon=":material/filter_alt_off:")
    if slide == "title":
        _title_slide()
        return
    figure = _figure(slide)
    if figure is None:
        st.info("当前筛选下没有数据。请在“筛选”中放宽条件。")
        return
    with st.container(key="slide_heading"):
        st.markdown(md_text(figure.title))
    figure.fig.update_layout(height=SLIDE_CHART_PX, autosize=True)
    with st.container(key="slide_chart", height="stretch"):
        st.plotly_chart(figure.fig, theme=None, key=f"slide_{slide}", height="stretch",
                        config={"displayModeBar": False, "responsive": True, "doubleClick": False})
