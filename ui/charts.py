"""Plotly figures of the dashboard: a CJK font, the finding as the title, axis titles with units.

Labels taken from documents (jurisdictions, themes, project and indicator names) pass through ``plot_text``:
plotly renders a small HTML subset in text, so ``<`` and ``>`` are escaped, and phone numbers are masked.
``present=True`` (presentation mode) makes type larger and charts taller.
"""

from __future__ import annotations

from typing import Optional

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
    display_width,
    format_pct,
    format_wan,
)
from ui.privacy import mask_phones

FONT_FAMILY = "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"
YEAR_COLORS = ("#2e86c1", "#e67e22", "#16a085", "#8e44ad", "#c0392b", "#7f8c8d")
MARK_COLORS = {"低于 80%": "#c0392b", "80%–<100%": "#2e86c1", "恰为 100%": "#f39c12"}
WAN_AXIS = "资金（万元）"


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


def category_tick(name: str) -> str:
    """A category name for a narrow heatmap column: ``可持续<br>影响``, ``经济<br>效益``; short names unchanged."""
    text = plot_text(name)
    if len(name) <= 3:
        return text
    return plot_text(name[:-2]) + "<br>" + plot_text(name[-2:])


def plot_text(value) -> str:
    """Document text made safe for plotly labels."""
    text = mask_phones(str(value))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def wrap_title(title: str, width: int) -> str:
    """Break a long title at its clause marks (；，) so that no line is wider than ``width`` cells."""
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


PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#bab0ac")
DEFAULT_HEIGHT = 450


def _sizes(present: bool) -> dict:
    return {"font": 20 if present else 14, "title": 26 if present else 18, "wrap": 72 if present else 96}


def style(fig: go.Figure, title: str, present: bool = False, height: Optional[int] = None,
          x_title: Optional[str] = None, y_title: Optional[str] = None,
          legend_title: Optional[str] = None, top_axis: bool = False) -> go.Figure:
    """Font, title (the finding, wrapped at clause marks), legend on top, axis titles, height.

    ``top_axis``: the x axis (labels and title) is drawn above the plot, below the title."""
    s = _sizes(present)
    wrapped = wrap_title(title, s["wrap"])
    n_lines = wrapped.count("<br>") + 1
    height = height or DEFAULT_HEIGHT
    line_px = s["title"] * 1.3
    pad_px = 10
    # plotly positions a multi-line title by its middle: centre the block below the top padding
    title_y = 1 - (pad_px + n_lines * line_px / 2) / height
    fig.update_layout(
        template="plotly_white",
        colorway=list(PALETTE),
        font={"family": FONT_FAMILY, "size": s["font"], "color": "#1c2833"},
        title={"text": wrapped, "x": 0.0, "xref": "container", "xanchor": "left", "y": title_y,
               "yref": "container", "yanchor": "middle", "pad": {"l": 4},
               "font": {"size": s["title"], "family": FONT_FAMILY, "color": "#17202a"}},
        margin={"l": 10, "r": 50, "t": int(pad_px + n_lines * line_px + (s["font"] * 7 if top_axis else 48)),
                "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0.0,
                "title": {"text": legend_title or ""}},
        hoverlabel={"font": {"family": FONT_FAMILY}},
        separators=".,",
        height=height,
    )
    if x_title is not None:
        fig.update_xaxes(title_text=x_title, automargin=True)
    if y_title is not None:
        fig.update_yaxes(title_text=y_title, automargin=True)
    return fig


def chart_height(present: bool, normal: int = 420, n_rows: int = 0, row_px: int = 0) -> int:
    """Height in px: tall in presentation mode (one chart per screen), else ``normal`` or per row."""
    base = max(normal, 160 + n_rows * row_px)
    return max(base, 680) if present else base


# ---------------------------------------------------------------------------------------------------------------
# Overview
# ---------------------------------------------------------------------------------------------------------------


def funding_by_document(funding: pd.DataFrame, title: str, present: bool = False) -> go.Figure:
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
            customdata=part[["n_projects"]].to_numpy(),
            hovertemplate="%{x}<br>%{y:.4~f} 万元<br>%{customdata[0]} 个项目<extra></extra>",
        )
    fig.update_xaxes(categoryorder="array", categoryarray=order)
    fig.update_layout(barmode="overlay", bargap=0.35)
    ymax = float(funding["total_wan"].max()) if len(funding) else 1.0
    fig.update_yaxes(range=[0, ymax * 1.15 if ymax > 0 else 1])
    return style(fig, title, present, chart_height(present), x_title="地区 年度", y_title=WAN_AXIS,
                 legend_title="年度")


# ---------------------------------------------------------------------------------------------------------------
# Funding composition
# ---------------------------------------------------------------------------------------------------------------


def funding_levels(composition: pd.DataFrame, title: str, share: bool = False, present: bool = False) -> go.Figure:
    """Stacked bars: funding per source level for every jurisdiction-year (``ui.tables.composition_long``)."""
    fig = go.Figure()
    labels = [plot_text(v) for v in composition.drop_duplicates("label")["label"]]
    value_col = "share_pct" if share else "amount_wan"
    for level in LEVELS:
        part = composition[(composition["level"] == level) & (composition["amount_wan"] > 0)]
        if part.empty:
            continue
        text = [format_pct(v, 1) if share else format_wan(v) for v in part[value_col]]
        fig.add_bar(
            x=[plot_text(v) for v in part["label"]], y=part[value_col], name=LEVEL_LABELS[level],
            marker_color=LEVEL_COLORS[level], text=text, textposition="inside", insidetextanchor="middle",
            customdata=part[["amount_wan", "share_pct"]].to_numpy(),
            hovertemplate=("%{x}<br>" + LEVEL_LABELS[level]
                           + "：%{customdata[0]:.4~f} 万元（%{customdata[1]:.2f}%）<extra></extra>"),
        )
    fig.update_layout(barmode="stack", bargap=0.35, uniformtext={"minsize": 10, "mode": "hide"})
    fig.update_xaxes(categoryorder="array", categoryarray=labels)
    y_title = "占地区当年资金（%）" if share else WAN_AXIS
    return style(fig, title, present, chart_height(present), x_title="地区 年度", y_title=y_title,
                 legend_title="资金来源")


def funding_treemap(shares: pd.DataFrame, title: str, present: bool = False) -> go.Figure:
    """Jurisdiction-year → theme → project, area = amount (``ui.tables.project_shares``)."""
    data = shares[shares["total_wan"] > 0]
    ids, labels, parents, values, texts = [], [], [], [], []
    for label, g_doc in data.groupby("label", sort=False):
        doc_id = f"d:{label}"
        ids.append(doc_id)
        labels.append(plot_text(label))
        parents.append("")
        values.append(float(g_doc["total_wan"].sum()))
        texts.append(f"{format_wan(values[-1])} 万元")
        for theme, g_theme in g_doc.groupby("theme", sort=False):
            theme_id = f"{doc_id}/t:{theme}"
            ids.append(theme_id)
            labels.append(plot_text(theme))
            parents.append(doc_id)
            values.append(float(g_theme["total_wan"].sum()))
            texts.append(f"{format_wan(values[-1])} 万元")
            for row in g_theme.itertuples(index=False):
                ids.append(f"{theme_id}/p:{row.project_id}")
                labels.append(plot_text(row.name))
                parents.append(theme_id)
                values.append(float(row.total_wan))
                texts.append(f"{format_wan(row.total_wan)} 万元")
    fig = go.Figure(go.Treemap(
        ids=ids, labels=labels, parents=parents, values=values, branchvalues="total", text=texts,
        textinfo="label+text+percent parent", maxdepth=3,
        hovertemplate="%{label}<br>%{value:.4~f} 万元<br>占上一级 %{percentParent:.2%}<extra></extra>",
        tiling={"pad": 2},
    ))
    fig = style(fig, title, present, chart_height(present, 560))
    fig.update_layout(margin={"l": 5, "r": 5, "b": 5}, treemapcolorway=list(PALETTE), extendtreemapcolors=True)
    return fig


# ---------------------------------------------------------------------------------------------------------------
# Indicator coverage
# ---------------------------------------------------------------------------------------------------------------


def coverage_heatmap(matrix: pd.DataFrame, title: str, present: bool = False) -> go.Figure:
    """Projects (rows) x indicator categories (columns), cell = number of indicators (``coverage_matrix``)."""
    cats = [c for c in matrix.columns if c not in ("label", "n_categories")]
    z = matrix[cats].to_numpy()
    rows = list(range(len(matrix)))
    full = [plot_text(v) for v in matrix["label"]]
    fig = go.Figure(go.Heatmap(
        z=z, x=cats, y=rows, customdata=[[[pid, name]] * len(cats) for pid, name in zip(matrix.index, full)],
        colorscale=[[0, "#fbeee6"], [0.001, "#d6eaf8"], [1, "#1a5276"]], zmin=0,
        text=[[str(int(v)) if v else "·" for v in row] for row in z], texttemplate="%{text}",
        hovertemplate="%{customdata[1]}<br>%{x}：%{z} 条指标<br>点击打开项目明细<extra></extra>", xgap=2, ygap=2,
        colorbar={"title": {"text": "指标数（条）"}},
    ))
    # Heatmap cells cannot be selected in Streamlit; a nearly transparent marker on every cell can (click → project).
    xs, ys, data = [], [], []
    for r, (pid, name) in enumerate(zip(matrix.index, full)):
        for c in cats:
            xs.append(c)
            ys.append(r)
            data.append([int(pid), name])
    fig.add_scatter(x=xs, y=ys, mode="markers", customdata=data, showlegend=False,
                    marker={"symbol": "square", "size": 18, "opacity": 0.01, "color": "#000000"},
                    hovertemplate="%{customdata[1]}<br>%{x}<br>点击打开项目明细<extra></extra>",
                    selected={"marker": {"opacity": 0.01}}, unselected={"marker": {"opacity": 0.01}})
    fig.data[0].hoverinfo = "skip"
    fig.data[0].hovertemplate = None
    fig.update_yaxes(autorange="reversed", tickmode="array", tickvals=rows,
                     ticktext=[plot_text(short_text(v, 40)) for v in matrix["label"]],
                     tickfont={"size": 15 if present else 12})
    fig.update_xaxes(side="top", tickangle=0, tickmode="array", tickvals=cats,
                     ticktext=[category_tick(c) for c in cats])
    height = chart_height(present, 420, n_rows=len(matrix), row_px=30 if present else 24)
    return style(fig, title, present, height, x_title="指标类别（二级指标归类）", y_title="项目",
                 top_axis=True)


def coverage_share_heatmap(summary: pd.DataFrame, title: str, present: bool = False) -> go.Figure:
    """Jurisdiction-years x categories, cell = share of projects covering the category (%)."""
    s = summary.copy()
    s["label"] = [f"{j} {int(y)}" for j, y in zip(s["jurisdiction"], s["fiscal_year"])]
    pivot = s.pivot_table(index="label", columns="category", values="share_covering_pct", aggfunc="first")
    cats = [c for c in CATEGORY_ORDER if c in pivot.columns]
    rows = list(dict.fromkeys(s["label"]))
    pivot = pivot.reindex(index=rows, columns=cats)
    z = pivot.to_numpy()
    fig = go.Figure(go.Heatmap(
        z=z, x=cats, y=[plot_text(v) for v in rows], zmin=0, zmax=100, colorscale="Blues",
        text=[[format_pct(v, 0) for v in row] for row in z], texttemplate="%{text}",
        hovertemplate="%{y}<br>%{x}：%{z:.1f}% 的项目覆盖<extra></extra>", xgap=2, ygap=2,
        colorbar={"title": {"text": "覆盖项目占比（%）"}},
    ))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top", tickangle=0, tickmode="array", tickvals=cats,
                     ticktext=[category_tick(c) for c in cats])
    return style(fig, title, present, chart_height(present, 360, len(rows), 48), x_title="指标类别",
                 y_title="地区 年度", top_axis=True)


def quantification_bars(long: pd.DataFrame, title: str, present: bool = False) -> go.Figure:
    """100% stacked horizontal bars: quantified / qualitative / placeholder share per jurisdiction-year."""
    fig = go.Figure()
    rows = list(dict.fromkeys(long["label"]))
    for cls in TARGET_CLASSES:
        part = long[long["target_class"] == cls]
        fig.add_bar(
            y=[plot_text(v) for v in part["label"]], x=part["pct"], orientation="h",
            name=TARGET_CLASS_LABELS[cls], marker_color=TARGET_CLASS_COLORS[cls],
            text=[f"{format_pct(p, 1)}（{n}）" if n else "" for p, n in zip(part["pct"], part["n"])],
            textposition="inside", insidetextanchor="middle", customdata=part[["n"]].to_numpy(),
            hovertemplate="%{y}<br>" + TARGET_CLASS_LABELS[cls] + "：%{x:.2f}%（%{customdata[0]} 条）<extra></extra>",
        )
    fig.update_layout(barmode="stack", bargap=0.3, uniformtext={"minsize": 10, "mode": "hide"},
                      legend={"traceorder": "normal"})
    fig.update_yaxes(categoryorder="array", categoryarray=[plot_text(v) for v in rows], autorange="reversed")
    fig.update_xaxes(range=[0, 100])
    return style(fig, title, present, chart_height(present, 320, len(rows), 56), x_title="占项目指标（%）",
                 y_title="地区 年度", legend_title="目标值")


# ---------------------------------------------------------------------------------------------------------------
# Satisfaction
# ---------------------------------------------------------------------------------------------------------------


def _jitter(n: int, width: float = 0.28) -> list[float]:
    if n <= 1:
        return [0.0] * n
    return [-width + 2 * width * i / (n - 1) for i in range(n)]


def satisfaction_strip(points: pd.DataFrame, title: str, present: bool = False,
                       order: Optional[list[str]] = None) -> go.Figure:
    """Every threshold as a dot per jurisdiction-year, marked below 80% / exactly 100% (``satisfaction_points``)."""
    rows = order or list(dict.fromkeys(points["label"]))
    pos = {label: i for i, label in enumerate(rows)}
    fig = go.Figure()
    for mark in ("低于 80%", "80%–<100%", "恰为 100%"):
        part = points[points["mark"] == mark]
        if part.empty:
            continue
        xs, ys, hover = [], [], []
        for label, group in part.groupby("label", sort=False):
            # spread equal values sideways so that every target stays visible
            for _, same in group.groupby("threshold_pct", sort=False):
                offsets = _jitter(len(same))
                for off, (_, r) in zip(offsets, same.iterrows()):
                    xs.append(pos.get(label, 0) + off)
                    ys.append(float(r["threshold_pct"]))
                    hover.append(f"{plot_text(r['label'])}<br>{plot_text(r['project_name'])}<br>"
                                 f"{plot_text(r['name'])}：{plot_text(r['value'])}")
        fig.add_scatter(x=xs, y=ys, mode="markers", name=mark, text=hover, showlegend=True,
                        marker={"size": 16 if present else 12, "color": MARK_COLORS[mark], "opacity": 0.85,
                                "line": {"width": 1, "color": "white"}},
                        hovertemplate="%{text}<extra></extra>")
    for y, label in ((80, "80%"), (90, "90%")):
        fig.add_hline(y=y, line_dash="dot", line_color="#7f8c8d", annotation_text=label,
                      annotation_position="right")
    fig.update_xaxes(tickmode="array", tickvals=list(range(len(rows))), ticktext=[plot_text(r) for r in rows],
                     range=[-0.6, len(rows) - 0.4])
    lo = float(points["threshold_pct"].min()) if len(points) else 60.0
    fig.update_yaxes(range=[min(lo, 80) - 5, 103])
    return style(fig, title, present, chart_height(present), x_title="地区 年度", y_title="满意度目标值（%）",
                 legend_title="目标值")


# ---------------------------------------------------------------------------------------------------------------
# Cross-jurisdiction comparison
# ---------------------------------------------------------------------------------------------------------------


def compare_funding(theme_projects: pd.DataFrame, title: str, present: bool = False) -> go.Figure:
    """Stacked bars per jurisdiction-year, one segment per project of the theme."""
    t = theme_projects.copy()
    t["label"] = [f"{j} {int(y)}" for j, y in zip(t["jurisdiction"], t["fiscal_year"])]
    order = t.groupby("label", sort=False)["total_wan"].sum().sort_values(ascending=False).index.tolist()
    fig = go.Figure()
    for row in t.itertuples(index=False):
        fig.add_bar(x=[plot_text(row.label)], y=[row.total_wan], name=plot_text(row.name), showlegend=False,
                    text=[f"{plot_text(row.name)}<br>{format_wan(row.total_wan)}"], textposition="inside",
                    insidetextanchor="middle",
                    hovertemplate=f"{plot_text(row.label)}<br>{plot_text(row.name)}：%{{y:.4~f}} 万元<extra></extra>")
    totals = t.groupby("label", sort=False)["total_wan"].sum()
    for label, total in totals.items():
        fig.add_annotation(x=plot_text(label), y=float(total), text=f"<b>{format_wan(total)}</b>", showarrow=False,
                           yanchor="bottom")
    fig.update_layout(barmode="stack", bargap=0.35, uniformtext={"minsize": 10, "mode": "hide"})
    fig.update_xaxes(categoryorder="array", categoryarray=[plot_text(v) for v in order])
    ymax = float(totals.max()) if len(totals) else 1.0
    fig.update_yaxes(range=[0, ymax * 1.15 if ymax > 0 else 1])
    return style(fig, title, present, chart_height(present), x_title="地区 年度", y_title=WAN_AXIS)


def compare_categories(table: pd.DataFrame, title: str, present: bool = False) -> go.Figure:
    """Projects of a theme x indicator categories (``ui.tables.theme_projects_table``)."""
    cats = [c for c in table.columns if c.endswith("指标") and c[:-2] in CATEGORY_ORDER]
    labels = [f"{j} {int(yr)} · {n}" for j, yr, n in zip(table["地区"], table["年度"], table["项目"])]
    y = list(range(len(labels)))
    z = table[cats].to_numpy()
    fig = go.Figure(go.Heatmap(
        z=z, x=[c[:-2] for c in cats], y=y, zmin=0, customdata=[[plot_text(v)] * len(cats) for v in labels],
        colorscale=[[0, "#fbeee6"], [0.001, "#d6eaf8"], [1, "#1a5276"]],
        text=[[str(int(v)) if v else "·" for v in row] for row in z], texttemplate="%{text}",
        hovertemplate="%{customdata}<br>%{x}：%{z} 条指标<extra></extra>", xgap=2, ygap=2,
        colorbar={"title": {"text": "指标数（条）"}},
    ))
    fig.update_yaxes(autorange="reversed", tickmode="array", tickvals=y,
                     ticktext=[plot_text(short_text(v, 40)) for v in labels])
    fig.update_xaxes(side="top", tickangle=0, tickmode="array", tickvals=[c[:-2] for c in cats],
                     ticktext=[category_tick(c[:-2]) for c in cats])
    return style(fig, title, present, chart_height(present, 360, len(table), 34), x_title="指标类别",
                 y_title="项目", top_axis=True)
