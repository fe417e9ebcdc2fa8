"""Plotly figures of the dashboard: a CJK font, axis titles with units, numbers as ``ui.formatting`` writes them.

The finding that titles a chart is drawn by the page as text above the chart (it wraps on a phone); the figure
itself has no title. ``captioned`` adds the title and a caption (filters, sources, date) for the PNG download.
Labels taken from documents (jurisdictions, themes, project and indicator names) pass through ``plot_text``: plotly
renders a small HTML subset in text, so ``&``, ``<`` and ``>`` are escaped, and personal numbers are masked.
Zooming is off (no English double-click hints); ``present=True`` (presentation mode) makes type larger.
Every builder takes aggregated, capped frames (``ui.limits``): no per-row loops over unbounded data, and no
per-bar annotations (totals are one text trace).
"""

from __future__ import annotations

from typing import Optional, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui.formatting import (
    CATEGORY_ORDER,
    LEVEL_COLORS,
    LEVEL_LABELS,
    LEVELS,
    TARGET_CLASS_COLORS,
    TARGET_CLASS_LABELS,
    TARGET_CLASSES,
    UNSTATED_LEVEL,
    display_width,
    format_count,
    format_pct,
    format_wan,
    format_wan_exact,
    place_of,
)
from ui.limits import LABEL_WIDTH
from ui.privacy import mask_personal

FONT_FAMILY = "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"
YEAR_COLORS = ("#2e86c1", "#e67e22", "#16a085", "#8e44ad", "#c0392b", "#7f8c8d")
MARK_COLORS = {"低于 80%": "#c0392b", "80%–<100%": "#2e86c1", "恰为 100%": "#f39c12"}
WAN_AXIS = "资金（万元）"
PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#bab0ac")
DEFAULT_HEIGHT = 450
COUNT_COLORSCALE = [[0, "#fbeee6"], [0.001, "#d6eaf8"], [1, "#1a5276"]]


# ---------------------------------------------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------------------------------------------


def plot_text(value) -> str:
    """Document text made safe for plotly labels."""
    text = mask_personal(str(value))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def short_text(value, width: int) -> str:
    """``value`` cut to ``width`` display cells (CJK = 2) with an ellipsis."""
    text = str(value)
    if display_width(text) <= width:
        return text
    out = ""
    for ch in text:
        if display_width(out + ch) > width - 1:
            break
        out += ch
    return out + "…"


def unique_labels(values: Sequence, width: int = LABEL_WIDTH) -> list[str]:
    """Labels cut to ``width`` cells that stay distinct: when two cut labels would read the same, they are cut
    shorter and numbered (``…（2）``); identical full texts are numbered too."""
    full = [str(v) for v in values]
    cut = [short_text(v, width) for v in full]
    seen: dict[str, int] = {}
    counts = pd.Series(cut).value_counts()
    out = []
    for text, label in zip(full, cut):
        if counts[label] == 1:
            out.append(label)
            continue
        seen[label] = seen.get(label, 0) + 1
        out.append(short_text(text, width - 5).rstrip("…") + f"…（{seen[label]}）")
    return out


def category_tick(name: str) -> str:
    """A category name for a narrow heatmap column: ``可持续<br>影响``, ``经济<br>效益``; short names unchanged."""
    text = plot_text(name)
    if len(name) <= 3:
        return text
    return plot_text(name[:-2]) + "<br>" + plot_text(name[-2:])


def wrap_title(title: str, width: int) -> str:
    """Break a long title at its clause marks (；，：) so that no line is wider than ``width`` cells."""
    text = plot_text(title)
    if display_width(text) <= width:
        return text
    lines, current = [], ""
    for piece in _clauses(text):
        if current and display_width(current + piece) > width:
            lines.append(current)
            current = piece
        else:
            current += piece
    if current:
        lines.append(current)
    return "<br>".join(lines)


def _clauses(text: str) -> list[str]:
    out, current = [], ""
    for ch in text:
        current += ch
        if ch in "；，：":
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


# ---------------------------------------------------------------------------------------------------------------
# Layout
# ---------------------------------------------------------------------------------------------------------------


def _sizes(present: bool) -> dict:
    return {"font": 18 if present else 14}


def style(fig: go.Figure, present: bool = False, height: Optional[int] = None, x_title: Optional[str] = None,
          y_title: Optional[str] = None, legend_title: Optional[str] = None, top_axis: bool = False) -> go.Figure:
    """Font, legend on top, axis titles, height; no zoom. ``top_axis``: x labels drawn above the plot."""
    s = _sizes(present)
    fig.update_layout(
        template="plotly_white",
        colorway=list(PALETTE),
        font={"family": FONT_FAMILY, "size": s["font"], "color": "#1c2833"},
        margin={"l": 10, "r": 30, "t": int(s["font"] * 6 if top_axis else 40), "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0.0,
                "title": {"text": legend_title or ""}},
        hoverlabel={"font": {"family": FONT_FAMILY}},
        separators=".,",
        height=height or DEFAULT_HEIGHT,
        dragmode=False,
    )
    fig.update_xaxes(fixedrange=True)
    fig.update_yaxes(fixedrange=True)
    if x_title is not None:
        fig.update_xaxes(title_text=x_title, automargin=True)
    if y_title is not None:
        fig.update_yaxes(title_text=y_title, automargin=True)
    return fig


def count_axis(fig: go.Figure, axis: str, maximum: float) -> None:
    """A count axis ticks on whole numbers only (never 0.5)."""
    update = fig.update_xaxes if axis == "x" else fig.update_yaxes
    update(tickformat=",d", rangemode="tozero")
    if maximum <= 10:
        update(tick0=0, dtick=1)


def _count_colorbar(z) -> dict:
    """A colour bar of counts: whole numbers only."""
    top = float(np.nanmax(z)) if np.size(z) else 0.0
    bar = {"title": {"text": "指标数（条）"}, "tickformat": ",d"}
    if top <= 10:
        bar.update(tick0=0, dtick=1)
    return bar


def chart_height(present: bool, normal: int = 420, n_rows: int = 0, row_px: int = 0) -> int:
    """Height in px: ``normal`` or per row; presentation slides set their own height (``slide_height``)."""
    return max(normal, 160 + n_rows * row_px) if not present else max(normal, 160 + n_rows * row_px, 560)


def captioned(fig: go.Figure, title: str, caption_lines: Sequence[str], width: int = 1400) -> go.Figure:
    """A copy of ``fig`` with ``title`` on top and ``caption_lines`` (filters, sources, date) at the bottom, below
    the axis title: the picture the PNG download writes."""
    out = go.Figure(fig)
    height = int(out.layout.height or DEFAULT_HEIGHT)
    wrapped = wrap_title(title, 110)
    n_title = wrapped.count("<br>") + 1
    caption = "<br>".join(plot_text(line) for line in caption_lines)
    axis_px = 75  # tick labels and the axis title below the plot
    title_px = 20 + 28 * n_title
    caption_px = 18 * len(caption_lines) + 20
    top = title_px + int(out.layout.margin.t or 40)
    bottom = axis_px + caption_px
    out.update_layout(
        width=width, height=height + title_px + caption_px + axis_px,
        title={"text": wrapped, "x": 0.01, "xanchor": "left", "xref": "container", "y": 1, "yref": "container",
               "yanchor": "top", "pad": {"t": 16}, "font": {"size": 20, "family": FONT_FAMILY}},
        margin={"t": top, "b": bottom, "l": 20, "r": 40},
    )
    out.add_annotation(text=caption, xref="paper", yref="paper", x=0, y=0, xanchor="left", yanchor="top",
                       yshift=-axis_px, showarrow=False, align="left",
                       font={"size": 12, "color": "#566573", "family": FONT_FAMILY})
    return out


def to_png(fig: go.Figure) -> bytes:
    """The figure as PNG through kaleido (headless Chromium)."""
    return fig.to_image(format="png", scale=1)


# ---------------------------------------------------------------------------------------------------------------
# Overview
# ---------------------------------------------------------------------------------------------------------------


def funding_by_document(funding: pd.DataFrame, present: bool = False) -> go.Figure:
    """Bars per jurisdiction-year (largest first), one colour per fiscal year; ``ui.tables.funding_by_document``."""
    fig = go.Figure()
    years = sorted(funding["fiscal_year"].dropna().unique().tolist())
    order = [plot_text(v) for v in funding["label"]]
    for i, year in enumerate(years):
        part = funding[funding["fiscal_year"] == year]
        fig.add_bar(
            x=[plot_text(v) for v in part["label"]], y=part["total_wan"], name=f"{int(year)} 年",
            marker_color=YEAR_COLORS[i % len(YEAR_COLORS)],
            text=[format_wan(v) for v in part["total_wan"]], textposition="outside", cliponaxis=False,
            customdata=np.column_stack([[format_wan_exact(v) for v in part["total_wan"]],
                                        [format_count(n) for n in part["n_projects"]]]),
            hovertemplate="%{x}<br>%{customdata[0]}<br>%{customdata[1]} 个项目<extra></extra>",
        )
    fig.update_xaxes(categoryorder="array", categoryarray=order)
    fig.update_layout(barmode="overlay", bargap=0.35)
    ymax = float(funding["total_wan"].max()) if len(funding) else 1.0
    fig.update_yaxes(range=[0, ymax * 1.15 if ymax > 0 else 1], tickformat=",.0f")
    return style(fig, present, chart_height(present), x_title="地区 年度", y_title=WAN_AXIS, legend_title="年度")


# ---------------------------------------------------------------------------------------------------------------
# Funding composition
# ---------------------------------------------------------------------------------------------------------------


def funding_levels(composition: pd.DataFrame, share: bool = False, present: bool = False) -> go.Figure:
    """Stacked bars: funding per source level for every jurisdiction-year (``ui.tables.composition_long``).

    The levels the forms state come first, in colour; money whose level is not stated (未注明级次) is stacked
    last, grey and hatched, so it is never read as one of them. The hover gives the exact amount and the source
    labels as printed."""
    fig = go.Figure()
    labels = [plot_text(v) for v in composition.drop_duplicates("label")["label"]]
    value_col = "share_pct" if share else "amount_wan"
    printed = composition["sources_as_printed"] if "sources_as_printed" in composition else pd.Series(
        [""] * len(composition), index=composition.index)
    for level in LEVELS:
        mask = (composition["level"] == level) & (composition["amount_wan"] > 0)
        part = composition[mask]
        if part.empty:
            continue
        text = [format_pct(v, 1) if share else format_wan(v) for v in part[value_col]]
        unstated = level == UNSTATED_LEVEL
        fig.add_bar(
            x=[plot_text(v) for v in part["label"]], y=part[value_col], name=LEVEL_LABELS[level],
            marker={"color": LEVEL_COLORS[level], "line": {"color": "#7f8c8d" if unstated else "white", "width": 1},
                    "pattern": {"shape": "/" if unstated else "", "fgcolor": "#808b96", "size": 8}},
            text=text, textposition="inside", insidetextanchor="middle",
            customdata=np.column_stack([[format_wan_exact(v) for v in part["amount_wan"]],
                                        [format_pct(v) for v in part["share_pct"]],
                                        [plot_text(v or "") for v in printed[mask]]]),
            hovertemplate=("%{x}<br>" + LEVEL_LABELS[level] + "：%{customdata[0]}（%{customdata[1]}）"
                           "<br>原表写作：%{customdata[2]}<extra></extra>"),
        )
    fig.update_layout(barmode="stack", bargap=0.35, uniformtext={"minsize": 10, "mode": "hide"},
                      legend={"traceorder": "normal"})
    fig.update_xaxes(categoryorder="array", categoryarray=labels)
    fig.update_yaxes(tickformat=",.0f")
    y_title = "占地区当年资金（%）" if share else WAN_AXIS
    return style(fig, present, chart_height(present), x_title="地区 年度", y_title=y_title, legend_title="资金来源")


def funding_treemap(tiles: pd.DataFrame, present: bool = False) -> go.Figure:
    """Jurisdiction-year → theme → project, area = amount (``ui.tables.treemap_tiles``: one row per tile).

    Two levels are shown at a time (click a tile to go down); every tile says its amount and its share of the
    level above; long project names are shortened on the tile and given in full on hover."""
    fig = go.Figure(go.Treemap(
        ids=tiles["id"], labels=[plot_text(v) for v in tiles["label"]], parents=tiles["parent"],
        values=tiles["value"], branchvalues="total",
        customdata=np.column_stack([[plot_text(v) for v in tiles["full"]],
                                    [format_wan(v, unit=True) for v in tiles["value"]],
                                    [format_wan_exact(v) for v in tiles["value"]]]),
        texttemplate="<b>%{label}</b><br>%{customdata[1]}<br>%{percentParent:.1%}",
        hovertemplate="%{customdata[0]}<br>%{customdata[2]}<br>占上一级 %{percentParent:.2%}<extra></extra>",
        maxdepth=2, tiling={"pad": 3}, marker={"line": {"width": 1, "color": "white"}},
        textfont={"size": 17 if present else 14}, pathbar={"visible": True, "textfont": {"size": 14}},
        root={"color": "#f4f6f6"},
    ))
    fig = style(fig, present, chart_height(present, 520))
    fig.update_layout(margin={"l": 5, "r": 5, "b": 5, "t": 30}, treemapcolorway=list(PALETTE),
                      extendtreemapcolors=True, uniformtext={"minsize": 11, "mode": "hide"})
    return fig


# ---------------------------------------------------------------------------------------------------------------
# Indicator coverage
# ---------------------------------------------------------------------------------------------------------------


def coverage_heatmap(matrix: pd.DataFrame, present: bool = False) -> go.Figure:
    """Projects (rows) x indicator categories (columns), cell = number of indicators (``coverage_matrix``; the
    page passes one page of projects). Clicking a cell opens the project."""
    cats = [c for c in matrix.columns if c not in ("label", "n_categories")]
    z = matrix[cats].to_numpy()
    rows = list(range(len(matrix)))
    full = np.array([plot_text(v) for v in matrix["label"]], dtype=object)
    fig = go.Figure(go.Heatmap(
        z=z, x=cats, y=rows, colorscale=COUNT_COLORSCALE, zmin=0,
        text=np.where(z > 0, z.astype(str), "·"), texttemplate="%{text}", hoverinfo="skip", xgap=2, ygap=2,
        colorbar=_count_colorbar(z),
    ))
    # Heatmap cells cannot be selected in Streamlit; a nearly transparent marker on every cell can (click → project).
    n_cats = len(cats)
    xs = np.tile(np.array(cats, dtype=object), len(rows))
    ys = np.repeat(rows, n_cats)
    pids = np.repeat(np.asarray(matrix.index, dtype=int), n_cats)
    names = np.repeat(full, n_cats)
    fig.add_scatter(x=xs, y=ys, mode="markers", customdata=np.column_stack([pids, names, z.reshape(-1)]),
                    showlegend=False,
                    marker={"symbol": "square", "size": 18, "opacity": 0.01, "color": "#000000"},
                    hovertemplate=("%{customdata[1]}<br>%{x}：%{customdata[2]} 条指标<br>点击打开项目明细"
                                   "<extra></extra>"),
                    selected={"marker": {"opacity": 0.01}}, unselected={"marker": {"opacity": 0.01}})
    fig.update_yaxes(autorange="reversed", tickmode="array", tickvals=rows,
                     ticktext=[plot_text(v) for v in unique_labels(matrix["label"], LABEL_WIDTH)],
                     tickfont={"size": 15 if present else 12})
    fig.update_xaxes(side="top", tickangle=0, tickmode="array", tickvals=cats,
                     ticktext=[category_tick(c) for c in cats])
    height = chart_height(present, 420, n_rows=len(matrix), row_px=30 if present else 24)
    return style(fig, present, height, x_title="指标类别（二级指标归类）", y_title="项目", top_axis=True)


def coverage_share_heatmap(summary: pd.DataFrame, present: bool = False) -> go.Figure:
    """Jurisdiction-years x categories, cell = share of projects covering the category (%)."""
    s = summary.copy()
    s["label"] = [f"{j} {int(y)}" for j, y in zip(place_of(s), s["fiscal_year"])]
    pivot = s.pivot_table(index="label", columns="category", values="share_covering_pct", aggfunc="first")
    cats = [c for c in CATEGORY_ORDER if c in pivot.columns]
    rows = list(dict.fromkeys(s["label"]))
    pivot = pivot.reindex(index=rows, columns=cats)
    z = pivot.to_numpy()
    fig = go.Figure(go.Heatmap(
        z=z, x=cats, y=[plot_text(v) for v in rows], zmin=0, zmax=100, colorscale="Blues",
        text=[[format_pct(v, 1) for v in row] for row in z], texttemplate="%{text}",
        hovertemplate="%{y}<br>%{x}：%{z:.1f}% 的项目覆盖<extra></extra>", xgap=2, ygap=2,
        colorbar={"title": {"text": "覆盖项目占比（%）"}},
    ))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top", tickangle=0, tickmode="array", tickvals=cats,
                     ticktext=[category_tick(c) for c in cats])
    return style(fig, present, chart_height(present, 360, len(rows), 48), x_title="指标类别",
                 y_title="地区 年度", top_axis=True)


def coverage_area_heatmap(areas: pd.DataFrame, words: str, present: bool = False) -> go.Figure:
    """Areas (rows: provinces, cities or places; query ``coverage_by_area``) x categories, cell = share of the
    area's projects covering the category (%)."""
    rows = list(dict.fromkeys(areas["area"]))
    names = dict(zip(areas["area"], areas["area_name"]))
    sizes = dict(zip(areas["area"], areas["n_projects_area"]))
    pivot = areas.pivot_table(index="area", columns="category", values="share_covering_pct", aggfunc="first")
    cats = [c for c in CATEGORY_ORDER if c in pivot.columns]
    pivot = pivot.reindex(index=rows, columns=cats)
    z = pivot.to_numpy()
    ticks = [plot_text(v) for v in unique_labels([f"{names[a]}（{sizes[a]:,}）" for a in rows], LABEL_WIDTH)]
    fig = go.Figure(go.Heatmap(
        z=z, x=cats, y=list(range(len(rows))), zmin=0, zmax=100, colorscale="Blues",
        text=[[format_pct(v, 1) for v in row] for row in z], texttemplate="%{text}",
        customdata=[[plot_text(names[a])] * len(cats) for a in rows],
        hovertemplate="%{customdata}<br>%{x}：%{z:.1f}% 的项目覆盖<extra></extra>", xgap=2, ygap=2,
        colorbar={"title": {"text": "覆盖项目占比（%）"}},
    ))
    fig.update_yaxes(autorange="reversed", tickmode="array", tickvals=list(range(len(rows))), ticktext=ticks)
    fig.update_xaxes(side="top", tickangle=0, tickmode="array", tickvals=cats,
                     ticktext=[category_tick(c) for c in cats])
    return style(fig, present, chart_height(present, 360, len(rows), 30), x_title="指标类别",
                 y_title=f"{words}（项目数）", top_axis=True)


def quantification_bars(long: pd.DataFrame, present: bool = False) -> go.Figure:
    """100% stacked horizontal bars: quantified / qualitative / placeholder share per jurisdiction-year."""
    fig = go.Figure()
    rows = list(dict.fromkeys(long["label"]))
    for cls in TARGET_CLASSES:
        part = long[long["target_class"] == cls]
        fig.add_bar(
            y=[plot_text(v) for v in part["label"]], x=part["pct"], orientation="h",
            name=TARGET_CLASS_LABELS[cls], marker_color=TARGET_CLASS_COLORS[cls],
            text=[f"{format_pct(p, 1)}（{n}）" if n else "" for p, n in zip(part["pct"], part["n"])],
            textposition="inside", insidetextanchor="middle",
            customdata=np.column_stack([[format_pct(p) for p in part["pct"]], [format_count(n) for n in part["n"]]]),
            hovertemplate="%{y}<br>" + TARGET_CLASS_LABELS[cls] + "：%{customdata[0]}（%{customdata[1]} 条）"
                                                                "<extra></extra>",
        )
    fig.update_layout(barmode="stack", bargap=0.3, uniformtext={"minsize": 10, "mode": "hide"},
                      legend={"traceorder": "normal"})
    fig.update_yaxes(categoryorder="array", categoryarray=[plot_text(v) for v in rows], autorange="reversed")
    fig.update_xaxes(range=[0, 100])
    return style(fig, present, chart_height(present, 320, len(rows), 56), x_title="占项目指标（%）",
                 y_title="地区 年度", legend_title="目标值")


# ---------------------------------------------------------------------------------------------------------------
# Satisfaction
# ---------------------------------------------------------------------------------------------------------------


def beeswarm_offsets(labels: pd.Series, values: pd.Series, bin_width: float, step: float = 0.09,
                     limit: float = 0.42) -> np.ndarray:
    """Sideways offsets so that dots of one column (``labels``) whose values fall in the same bin (``bin_width``,
    about one dot high) sit side by side: 0, +step, −step, +2·step … within ±``limit`` (vectorised)."""
    if len(values) == 0:
        return np.zeros(0)
    bins = np.floor(values.to_numpy(dtype=float) / bin_width)
    rank = pd.DataFrame({"l": labels.to_numpy(), "b": bins}).groupby(["l", "b"]).cumcount().to_numpy()
    size = pd.DataFrame({"l": labels.to_numpy(), "b": bins}).groupby(["l", "b"])["b"].transform("size").to_numpy()
    offsets = np.where(rank % 2 == 1, 1, -1) * ((rank + 1) // 2) * step
    offsets = offsets + np.where(size % 2 == 0, step / 2, 0.0)
    scale = np.minimum(1.0, limit / np.maximum(((size - 1) / 2 + 0.5) * step, 1e-9))
    return offsets * np.where(size > 1, scale, 1.0)


def satisfaction_strip(points: pd.DataFrame, present: bool = False, order: Optional[list[str]] = None,
                       empty_note: str = "无满意度目标") -> go.Figure:
    """Every threshold as a dot per jurisdiction-year (beeswarm: equal or close values side by side), marked
    below 80% / exactly 100% (``satisfaction_points``); a column of ``order`` without any dot says so."""
    rows = order or list(dict.fromkeys(points["label"]))
    pos = pd.Series(range(len(rows)), index=rows, dtype=float)
    points = points[points["label"].isin(rows)]
    lo = float(points["threshold_pct"].min()) if len(points) else 75.0
    y_range = [min(lo, 80) - 5, 103]
    height = chart_height(present)
    bin_width = (y_range[1] - y_range[0]) * 14 / max(height - 120, 100)
    offsets = beeswarm_offsets(points["label"], points["threshold_pct"], bin_width)
    points = points.assign(x=points["label"].map(pos).to_numpy() + offsets)
    fig = go.Figure()
    for mark in ("低于 80%", "80%–<100%", "恰为 100%"):
        part = points[points["mark"] == mark]
        if part.empty:
            continue
        hover = [f"{plot_text(a)}<br>{plot_text(b)}<br>{plot_text(c)}：{plot_text(d)}" for a, b, c, d in
                 zip(part["label"], part["project_name"], part["name"], part["value"])]
        fig.add_scatter(x=part["x"], y=part["threshold_pct"], mode="markers", name=mark, text=hover,
                        marker={"size": 14 if present else 11, "color": MARK_COLORS[mark], "opacity": 0.9,
                                "line": {"width": 1, "color": "white"}},
                        hovertemplate="%{text}<extra></extra>")
    empty = [r for r in rows if r not in set(points["label"])]
    if empty:
        fig.add_scatter(x=[pos[r] for r in empty], y=[85] * len(empty), mode="text",
                        text=[empty_note] * len(empty), textfont={"color": "#7f8c8d", "size": 15 if present else 13},
                        hoverinfo="skip", showlegend=False)
    for y, label in ((80, "80%"), (90, "90%")):
        fig.add_hline(y=y, line_dash="dot", line_color="#7f8c8d", annotation_text=label,
                      annotation_position="right")
    fig.update_xaxes(tickmode="array", tickvals=list(range(len(rows))), ticktext=[plot_text(r) for r in rows],
                     range=[-0.6, len(rows) - 0.4], showgrid=False)
    fig.update_yaxes(range=y_range)
    fig = style(fig, present, height, x_title="地区 年度", y_title="满意度目标值（%）", legend_title="目标值")
    fig.update_layout(margin={"r": 55})  # room for the 80% / 90% labels at the right end of their lines
    return fig


# ---------------------------------------------------------------------------------------------------------------
# Cross-jurisdiction comparison
# ---------------------------------------------------------------------------------------------------------------


def compare_funding(theme_projects: pd.DataFrame, present: bool = False) -> go.Figure:
    """One horizontal bar per project of the theme, grouped and coloured by jurisdiction-year, amount at the end
    (capped: the page passes the largest projects)."""
    t = theme_projects.copy()
    t["doc"] = [f"{j} {int(y)}" for j, y in zip(place_of(t), t["fiscal_year"])]
    t = t.sort_values(["doc", "total_wan"], ascending=[True, False], kind="stable")
    docs = list(dict.fromkeys(t["doc"]))
    t["y"] = [plot_text(v) for v in unique_labels([f"{d} · {n}" for d, n in zip(t["doc"], t["name"])], 46)]
    fig = go.Figure()
    for i, doc in enumerate(docs):
        part = t[t["doc"] == doc]
        fig.add_bar(
            y=part["y"], x=part["total_wan"], orientation="h", name=plot_text(doc),
            marker_color=PALETTE[i % len(PALETTE)], text=[format_wan(v) for v in part["total_wan"]],
            textposition="outside", cliponaxis=False,
            customdata=np.column_stack([[plot_text(n) for n in part["name"]],
                                        [format_wan_exact(v) for v in part["total_wan"]]]),
            hovertemplate="%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
        )
    fig.update_yaxes(categoryorder="array", categoryarray=list(t["y"]), autorange="reversed")
    xmax = float(t["total_wan"].max()) if len(t) else 1.0
    fig.update_xaxes(range=[0, xmax * 1.25 if xmax > 0 else 1], tickformat=",.0f")
    fig.update_layout(bargap=0.25)
    return style(fig, present, chart_height(present, 300, len(t), 34), x_title=WAN_AXIS,
                 legend_title="地区 年度")


def compare_areas(areas: pd.DataFrame, what: str, present: bool = False) -> go.Figure:
    """One horizontal bar per area of the drill level (query ``compare_areas``, capped by the page): the money, the
    number of projects and the money per project at the end; hover adds indicators per project and satisfaction.
    A click selects the area (``customdata[0]`` is its code)."""
    a = areas.reset_index(drop=True)
    names = [plot_text(v) for v in unique_labels(a["area_name"], LABEL_WIDTH)]
    sat = [("无满意度目标" if pd.isna(lo) else (f"{format_pct(lo, 1)}" if lo == hi else
            f"{format_pct(lo, 1)}–{format_pct(hi, 1)}"))
           for lo, hi in zip(a["satisfaction_min_pct"], a["satisfaction_max_pct"])]
    text = [format_wan(w) for w in a["total_wan"]]  # short: it must fit beside the bar on a phone
    fig = go.Figure(go.Bar(
        y=names, x=a["total_wan"], orientation="h", marker_color=PALETTE[0], text=text, textposition="outside",
        cliponaxis=False,
        customdata=np.column_stack([a["area"].astype(str), [format_wan_exact(v) for v in a["total_wan"]],
                                    [f"{float(v):.1f}" for v in a["indicators_per_project"]], sat,
                                    [format_count(n) for n in a["n_projects"]],
                                    [format_wan(v) for v in a["wan_per_project"]]]),
        hovertemplate=("%{y}<br>%{customdata[1]}<br>%{customdata[4]} 个项目，平均每个 %{customdata[5]} 万元"
                       "<br>每个项目 %{customdata[2]} 条指标<br>满意度目标：%{customdata[3]}"
                       "<br>点击查看下一级<extra></extra>"),
    ))
    fig.update_yaxes(categoryorder="array", categoryarray=names, autorange="reversed")
    xmax = float(a["total_wan"].max()) if len(a) else 1.0
    fig.update_xaxes(range=[0, xmax * 1.3 if xmax > 0 else 1], tickformat=",.0f")
    fig.update_layout(bargap=0.3, showlegend=False)
    return style(fig, present, chart_height(present, 280, len(a), 34), x_title=WAN_AXIS, y_title=what)


def compare_categories(table: pd.DataFrame, present: bool = False) -> go.Figure:
    """Projects of a theme x indicator categories (``ui.tables.theme_projects_table``)."""
    cats = [c for c in table.columns if c.endswith("指标") and c[:-2] in CATEGORY_ORDER]
    labels = [f"{j} {int(yr)} · {n}" for j, yr, n in zip(table["地区"], table["年度"], table["项目"])]
    y = list(range(len(labels)))
    z = table[cats].to_numpy()
    fig = go.Figure(go.Heatmap(
        z=z, x=[c[:-2] for c in cats], y=y, zmin=0, customdata=[[plot_text(v)] * len(cats) for v in labels],
        colorscale=COUNT_COLORSCALE, text=np.where(z > 0, z.astype(str), "·"), texttemplate="%{text}",
        hovertemplate="%{customdata}<br>%{x}：%{z} 条指标<extra></extra>", xgap=2, ygap=2,
        colorbar=_count_colorbar(z),
    ))
    fig.update_yaxes(autorange="reversed", tickmode="array", tickvals=y,
                     ticktext=[plot_text(v) for v in unique_labels(labels, LABEL_WIDTH)])
    fig.update_xaxes(side="top", tickangle=0, tickmode="array", tickvals=[c[:-2] for c in cats],
                     ticktext=[category_tick(c[:-2]) for c in cats])
    return style(fig, present, chart_height(present, 360, len(table), 34), x_title="指标类别",
                 y_title="项目", top_axis=True)


# ---------------------------------------------------------------------------------------------------------------
# Review
# ---------------------------------------------------------------------------------------------------------------


def severity_bars(counts: pd.DataFrame, labels: list[str], severities: Sequence[str], names: dict, colors: dict,
                  present: bool = False, base: int = 240, per_row: int = 30) -> go.Figure:
    """Horizontal bars stacked by severity (``counts``: ``label``, ``severity``, ``n``; ``labels`` in order, already
    capped), the total at the end of each bar (one text trace)."""
    ys = [plot_text(v) for v in unique_labels(labels, LABEL_WIDTH + 10)]
    fig = go.Figure()
    wide = counts.pivot_table(index="label", columns="severity", values="n", aggfunc="sum", fill_value=0)
    wide = wide.reindex(index=labels, fill_value=0)
    totals = wide.sum(axis=1).to_numpy() if len(wide.columns) else np.zeros(len(labels))
    for severity in severities:
        if severity not in wide.columns or not wide[severity].any():
            continue
        fig.add_bar(y=ys, x=wide[severity].to_numpy(), orientation="h", name=names[severity],
                    marker_color=colors[severity],
                    hovertemplate="%{y}<br>" + names[severity] + "：%{x} 条<extra></extra>")
    fig.add_scatter(y=ys, x=totals, mode="text", text=[format_count(t) for t in totals], textposition="middle right",
                    hoverinfo="skip", showlegend=False, cliponaxis=False)
    fig.update_layout(barmode="stack", bargap=0.3, showlegend=True, legend={"traceorder": "normal"})
    fig.update_yaxes(categoryorder="array", categoryarray=ys, autorange="reversed", ticklabelstandoff=8)
    top = float(max(totals, default=1))
    fig.update_xaxes(range=[0, top * 1.12 + 1])
    count_axis(fig, "x", top)
    return style(fig, present, chart_height(present, base, len(labels), per_row), x_title="问题（条）",
                 legend_title="严重程度")
