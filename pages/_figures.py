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
from ui.formatting import format_pct, jurisdiction_year, place_of
from ui.limits import MAX_BARS, MAX_HEATMAP_ROWS, MAX_STRIP_POINTS, MAX_TREEMAP_PROJECTS

SEVERITY_COLORS = {"error": "#c0392b", "warning": "#f39c12", "info": "#85929e"}


@dataclass(frozen=True)
class Figure:
    title: str
    fig: go.Figure
    note: str = ""  # what the chart leaves out (caps), said under it


def _capped_note(n_rest: int, what: str) -> str:
    return f"另有 {n_rest} 个{what}未在图中显示（见下表）。" if n_rest else ""


def overview_funding(present: bool) -> Optional[Figure]:
    top = shared.query("place_summary", order="amount", limit=MAX_BARS)
    if top.empty:
        return None
    funding = tables.funding_by_document(top)
    n_places = int(top["_n_rows"].iloc[0])
    title = findings.title_funding_by_document(funding, total=top["_sum_total_wan"].iloc[0], n_places=n_places)
    return Figure(title, charts.funding_by_document(funding, present), _capped_note(n_places - len(top), "地区·年度"))


def funding_levels(present: bool, share: bool = False) -> Optional[Figure]:
    composition = shared.query("funding_composition", top=MAX_BARS)
    if composition.empty:
        return None
    long = tables.composition_long(composition)
    rest = int(composition["_n_places"].iloc[0]) - long["label"].nunique()
    return Figure(findings.title_levels(shared.query("funding_level_totals")),
                  charts.funding_levels(long, share=share, present=present), _capped_note(rest, "地区·年度"))


def funding_treemap(present: bool) -> Optional[Figure]:
    tiles = shared.query("funding_treemap", places=MAX_BARS, projects=MAX_TREEMAP_PROJECTS)
    if tiles.empty:
        return None
    first = tiles.iloc[0]
    notes = []
    if int(first["n_place_years"]) > MAX_BARS:
        notes.append(f"只显示资金最多的 {MAX_BARS} 个地区·年度（共 {int(first['n_place_years']):,} 个）")
    n_rest = int(tiles["n"].fillna(0).sum())
    if n_rest:
        notes.append(f"其中较小的 {n_rest:,} 个项目按主题合并显示")
    return Figure(findings.title_treemap_tiles(tiles), charts.funding_treemap(tables.treemap_display(tiles), present),
                  "；".join(notes) + ("。" if notes else ""))


def coverage_share(present: bool) -> Optional[Figure]:
    summary = shared.query("indicator_coverage_summary", limit=MAX_HEATMAP_ROWS * 9)
    if summary.empty:
        return None
    n_rows = int(summary["_n_rows"].iloc[0])
    note = _capped_note((n_rows - len(summary)) // 9, "地区·年度")
    return Figure(findings.title_coverage_share(summary), charts.coverage_share_heatmap(summary, present), note)


def quantification(present: bool) -> Optional[Figure]:
    quant = shared.query("target_quantification", order="least", limit=MAX_BARS)
    if quant.empty:
        return None
    note = ""
    if int(quant["_n_rows"].iloc[0]) > len(quant):
        note = f"只显示量化程度最低的 {len(quant)} 个地区·年度（共 {int(quant['_n_rows'].iloc[0]):,} 个，见下表）。"
    return Figure(findings.title_quantification(quant),
                  charts.quantification_bars(tables.quantification_long(quant), present), note)


def satisfaction(present: bool, scope: str = "project") -> Optional[Figure]:
    summary = shared.query("satisfaction_summary", scope=scope)
    if summary.empty:
        return None
    shown = summary.head(MAX_BARS)
    thresholds = shared.query("satisfaction_thresholds", scope=scope, with_threshold=True,
                              places=tuple(dict.fromkeys(shown["place"])), limit=MAX_STRIP_POINTS)
    keep = set(zip(shown["place"], shown["fiscal_year"]))
    thresholds = thresholds[[k in keep for k in zip(thresholds["place"], thresholds["fiscal_year"])]]
    points = tables.satisfaction_points(thresholds)
    order = [jurisdiction_year(j, y) for j, y in zip(place_of(shown), shown["fiscal_year"])]
    note = _capped_note(len(summary) - len(shown), "地区·年度")
    return Figure(findings.title_satisfaction(summary), charts.satisfaction_strip(points, present, order=order), note)


def _place_label(frame: pd.DataFrame) -> pd.Series:
    return pd.Series([jurisdiction_year(j, y) for j, y in zip(frame["place_name"], frame["fiscal_year"])],
                     index=frame.index, dtype="object")


def _ranked(counts: pd.DataFrame) -> tuple[pd.DataFrame, list[str], int]:
    """Counts per label and severity → the labels by total (most first), capped at MAX_BARS."""
    totals = counts.groupby("label", sort=False)["n"].sum().sort_values(ascending=False, kind="stable")
    order = totals.index.tolist()
    return counts, order[:MAX_BARS], max(0, len(order) - MAX_BARS)


def title_by_rule(by_rule: pd.DataFrame) -> str:
    if by_rule.empty:
        return "当前筛选下没有发现问题"
    counts = by_rule.groupby("label", sort=False)["n"].sum().sort_values(ascending=False, kind="stable")
    total = int(counts.sum())
    top, n = counts.index[0], int(counts.iloc[0])
    if len(counts) == 1:
        return f"{total} 条问题都是：{top}"
    tied = counts[counts == n].index.tolist()
    if len(tied) > 3:
        return f"{len(tied)} 类问题并列最多，各 {n} 条"
    if len(tied) > 1:
        return f"最常见的问题：{'、'.join(tied)}（各 {n} 条）"
    return f"最常见的问题：{top}（{n} 条，占 {format_pct(100 * n / total, 1)}）"


def title_by_place(by_place: pd.DataFrame, n_place_years: Optional[int] = None) -> str:
    """The chart's title from the counts of the place-years with the most findings (``review_overview`` lists the
    top ones; ``n_place_years``: how many there are in all)."""
    if by_place.empty:
        return "当前筛选下没有发现问题"
    f = by_place.assign(label=_place_label(by_place))
    counts = f.groupby("label", sort=False)["n"].sum().sort_values(ascending=False, kind="stable")
    top, n = counts.index[0], int(counts.iloc[0])
    errors = int(f.loc[(f["label"] == top) & (f["severity"] == "error"), "n"].sum())
    detail = f"，其中错误 {errors} 条" if errors else ""
    if (n_place_years or len(counts)) == 1:
        return f"{top}：{n} 条问题{detail}"
    if int(counts.iloc[1]) == n:
        return f"{'、'.join(counts[counts == n].index)} 的问题并列最多，各 {n} 条"
    return f"{top} 的问题最多：{n} 条{detail}"


def review_by_rule(overview: dict, present: bool) -> Optional[Figure]:
    by_rule = overview["by_rule"]
    if by_rule.empty:
        return None
    counts, order, rest = _ranked(by_rule[["label", "severity", "n"]])
    fig = charts.severity_bars(counts, order, SEVERITIES, SEVERITY_ZH, SEVERITY_COLORS, present, 240, 30)
    return Figure(title_by_rule(by_rule), fig, _capped_note(rest, "问题类别"))


def review_by_place(overview: dict, present: bool) -> Optional[Figure]:
    by_place = overview["by_place"]
    if by_place.empty:
        return None
    counts, order, _ = _ranked(by_place.assign(label=_place_label(by_place))[["label", "severity", "n"]])
    n_place_years = overview.get("n_place_years") or len(order)
    fig = charts.severity_bars(counts, order, SEVERITIES, SEVERITY_ZH, SEVERITY_COLORS, present, 220, 44)
    return Figure(title_by_place(by_place, n_place_years), fig,
                  _capped_note(max(0, n_place_years - len(order)), "地区·年度"))


def show(figure: Optional[Figure], key: str, **kwargs) -> None:
    """Draw a figure with its title and note, or nothing."""
    if figure is None:
        return
    shared.chart(figure.fig, key, figure.title, **kwargs)
    if figure.note:
        import streamlit as st

        st.caption(figure.note)
