"""The charts of the dashboard as (title, figure) pairs, shared by the pages and the presentation slides
(pages/_slides.py): data from the cached queries with the current filters, capped by ui/limits.py. Not a page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import pandas as pd
import plotly.graph_objects as go

from pages import _shared as shared
from review.engine import SEVERITIES, SEVERITY_ZH
from ui import charts, findings, tables
from ui.formatting import format_pct, jurisdiction_year
from ui.limits import MAX_BARS, MAX_STRIP_POINTS, MAX_TREEMAP_PROJECTS

SEVERITY_COLORS = {"error": "#c0392b", "warning": "#f39c12", "info": "#85929e"}


@dataclass(frozen=True)
class Figure:
    title: str
    fig: go.Figure
    note: str = ""  # what the chart leaves out (caps), said under it


def _capped_note(n_rest: int, what: str) -> str:
    return f"另有 {n_rest} 个{what}未在图中显示（见下表）。" if n_rest else ""


def overview_funding(present: bool) -> Optional[Figure]:
    docs = shared.query("documents")
    if docs.empty:
        return None
    funding = tables.funding_by_document(docs)
    title = findings.title_funding_by_document(funding)
    shown, rest, _ = tables.top_n(funding, "total_wan", MAX_BARS)
    return Figure(title, charts.funding_by_document(shown, present), _capped_note(rest, "地区·年度"))


def funding_levels(present: bool, share: bool = False) -> Optional[Figure]:
    composition = shared.query("funding_composition")
    if composition.empty:
        return None
    long = tables.composition_long(composition)
    totals = long.groupby("label", sort=False)["amount_wan"].sum().rename("total").reset_index()
    shown, rest, _ = tables.top_n(totals, "total", MAX_BARS)
    long = long[long["label"].isin(shown["label"])]
    return Figure(findings.title_composition(composition), charts.funding_levels(long, share=share, present=present),
                  _capped_note(rest, "地区·年度"))


def funding_treemap(present: bool) -> Optional[Figure]:
    projects = shared.query("projects")
    if projects.empty:
        return None
    shares = tables.project_shares(projects)
    tiles = tables.treemap_tiles(shares, MAX_TREEMAP_PROJECTS)
    if tiles.empty:
        return None
    n_rest = max(0, int((shares["total_wan"] > 0).sum()) - MAX_TREEMAP_PROJECTS)
    return Figure(findings.title_treemap(shares), charts.funding_treemap(tiles, present),
                  f"较小的 {n_rest} 个项目按主题合并显示。" if n_rest else "")


def coverage_share(present: bool) -> Optional[Figure]:
    summary = shared.query("indicator_coverage_summary")
    if summary.empty:
        return None
    return Figure(findings.title_coverage_share(summary), charts.coverage_share_heatmap(summary, present))


def quantification(present: bool) -> Optional[Figure]:
    quant = shared.query("target_quantification")
    if quant.empty:
        return None
    return Figure(findings.title_quantification(quant),
                  charts.quantification_bars(tables.quantification_long(quant), present))


def satisfaction(present: bool, scope: str = "project") -> Optional[Figure]:
    summary = shared.query("satisfaction_summary", scope=scope)
    if summary.empty:
        return None
    thresholds = shared.query("satisfaction_thresholds", scope=scope)
    points = tables.satisfaction_points(thresholds).head(MAX_STRIP_POINTS)
    docs = shared.query("documents")
    order = [jurisdiction_year(j, y) for j, y in zip(docs["jurisdiction"], docs["fiscal_year"])][:MAX_BARS]
    return Figure(findings.title_satisfaction(summary), charts.satisfaction_strip(points, present, order=order))


def review_counts(f: pd.DataFrame, column: str) -> tuple[pd.DataFrame, list[str], int]:
    counts = f.groupby([column, "severity"]).size().rename("n").reset_index().rename(columns={column: "label"})
    order = f[column].value_counts().index.tolist()
    return counts, order[:MAX_BARS], max(0, len(order) - MAX_BARS)


def title_by_rule(f: pd.DataFrame) -> str:
    if f.empty:
        return "当前筛选下没有发现问题"
    counts = f["title"].value_counts()
    top, n = counts.index[0], int(counts.iloc[0])
    if len(counts) == 1:
        return f"{len(f)} 条问题都是：{top}"
    tied = counts[counts == n].index.tolist()
    if len(tied) > 3:
        return f"{len(tied)} 类问题并列最多，各 {n} 条"
    if len(tied) > 1:
        return f"最常见的问题：{'、'.join(tied)}（各 {n} 条）"
    return f"最常见的问题：{top}（{n} 条，占 {format_pct(100 * n / len(f), 1)}）"


def title_by_place(f: pd.DataFrame) -> str:
    if f.empty:
        return "当前筛选下没有发现问题"
    labels = pd.Series([jurisdiction_year(j, y) for j, y in zip(f["jurisdiction"], f["fiscal_year"])])
    counts = labels.value_counts()
    top, n = counts.index[0], int(counts.iloc[0])
    errors = int(((labels == top) & (f["severity"] == "error").to_numpy()).sum())
    detail = f"，其中错误 {errors} 条" if errors else ""
    if len(counts) == 1:
        return f"{top}：{n} 条问题{detail}"
    if int(counts.iloc[1]) == n:
        return f"{'、'.join(counts[counts == n].index)} 的问题并列最多，各 {n} 条"
    return f"{top} 的问题最多：{n} 条{detail}"


def review_by_rule(f: pd.DataFrame, present: bool) -> Optional[Figure]:
    if f.empty:
        return None
    counts, order, rest = review_counts(f, "title")
    fig = charts.severity_bars(counts, order, SEVERITIES, SEVERITY_ZH, SEVERITY_COLORS, present, 240, 30)
    return Figure(title_by_rule(f), fig, _capped_note(rest, "问题类别"))


def review_by_place(f: pd.DataFrame, present: bool) -> Optional[Figure]:
    if f.empty:
        return None
    f = f.assign(place=[jurisdiction_year(j, y) for j, y in zip(f["jurisdiction"], f["fiscal_year"])])
    counts, order, rest = review_counts(f, "place")
    fig = charts.severity_bars(counts, order, SEVERITIES, SEVERITY_ZH, SEVERITY_COLORS, present, 220, 44)
    return Figure(title_by_place(f), fig, _capped_note(rest, "地区·年度"))


def show(figure: Optional[Figure], key: str, **kwargs) -> None:
    """Draw a figure with its title and note, or nothing."""
    if figure is None:
        return
    shared.chart(figure.fig, key, figure.title, **kwargs)
    if figure.note:
        import streamlit as st

        st.caption(figure.note)
