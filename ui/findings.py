"""Computed plain-language findings: one sentence per jurisdiction, and chart titles that state what stands out.

Every function takes query results (or the reshaped frames of ``ui.tables``) and returns text; nothing here is
hard-coded to the sample data. Amounts follow ``format_wan`` (thousands separators, two decimals).
"""

from __future__ import annotations

from typing import Optional

import pandas as pd

from ui.formatting import (
    LEVEL_NOUNS,
    UNSTATED_LEVEL,
    format_pct,
    format_threshold,
    format_wan,
    is_missing,
    place_of,
    jurisdiction_year,
)

NO_DATA = "当前筛选下没有数据"


def _pct(value: float) -> str:
    return format_pct(value, 2)


# ---------------------------------------------------------------------------------------------------------------
# Overview
# ---------------------------------------------------------------------------------------------------------------


def funding_clause(top_level: Optional[str], top_share_pct: float, n_levels: int) -> str:
    if top_level is None or is_missing(top_level) or n_levels == 0:
        return "未列出资金来源"
    noun = LEVEL_NOUNS.get(top_level, str(top_level))
    if n_levels == 1 or top_share_pct >= 99.995:
        return "资金来源全部未注明级次" if top_level == UNSTATED_LEVEL else f"全部为{noun}"
    return f"{noun}占 {_pct(top_share_pct)}"


def satisfaction_clause(n: int, n_ge_90: int, n_lt_80: int) -> str:
    if n == 0:
        return "没有满意度目标"
    text = f"{n} 个满意度目标中 {n_ge_90} 个 ≥90%"
    if n_lt_80:
        text += f"，{n_lt_80} 个低于 80%"
    return text


def quantification_clause(n_indicators: int, quantified_pct: float, n_placeholder: int) -> str:
    if n_indicators == 0:
        return "没有项目指标"
    if n_placeholder:
        return f"{n_placeholder} 条指标没有可用目标值（占位或空白）"
    if quantified_pct < 75:
        return f"只有 {_pct(quantified_pct)} 的指标目标可量化"
    return ""


def jurisdiction_sentence(row) -> str:
    """One sentence for one row of ``ui.tables.jurisdiction_summary``.

    e.g. ``青岛市 2023 年 10 个项目共 1,487.65 万元，资金来源全部未注明级次；10 个满意度目标中 4 个 ≥90%。``
    """
    name = jurisdiction_year(place_of(row), None)
    year = "" if is_missing(row["fiscal_year"]) else f" {int(row['fiscal_year'])} 年"
    n_projects = int(row["n_projects"]) if not is_missing(row["n_projects"]) else 0
    head = f"{name}{year} {n_projects} 个项目共 {format_wan(row['total_wan'] if n_projects else 0)} 万元"
    top_share = 0.0 if is_missing(row.get("top_share_pct")) else float(row["top_share_pct"])
    parts = [head + "，" + funding_clause(row.get("top_level"), top_share, int(row.get("n_levels") or 0))]
    parts.append(satisfaction_clause(int(row["n_satisfaction"]), int(row["n_ge_90"]), int(row["n_lt_80"])))
    n_ind = 0 if is_missing(row.get("n_indicators")) else int(row["n_indicators"])
    q_pct = 0.0 if is_missing(row.get("quantified_pct")) else float(row["quantified_pct"])
    quant = quantification_clause(n_ind, q_pct, int(row.get("n_placeholder") or 0))
    if quant:
        parts.append(quant)
    return "；".join(parts) + "。"


def jurisdiction_sentences(summary: pd.DataFrame) -> list[str]:
    return [jurisdiction_sentence(row) for _, row in summary.iterrows()]


def title_funding_by_document(funding: pd.DataFrame, total: Optional[float] = None, n_places: Optional[int] = None
                              ) -> str:
    """``ui.tables.funding_by_document`` → e.g. ``青岛市 2023 资金最多：1487.65 万元，占全部的 63.48%``; ``total``
    and ``n_places``: of everything selected when ``funding`` holds only the largest place-years."""
    if funding.empty:
        return NO_DATA
    total = float(funding["total_wan"].sum()) if total is None else float(total)
    top = funding.sort_values("total_wan", ascending=False).iloc[0]
    if (n_places if n_places is not None else len(funding)) == 1:
        return f"{top['label']}：{int(top['n_projects'])} 个项目共 {format_wan(top['total_wan'])} 万元"
    share = 100 * float(top["total_wan"]) / total if total else 0.0
    return (f"{top['label']} 资金最多：{format_wan(top['total_wan'])} 万元，"
            f"占全部 {format_wan(total)} 万元的 {_pct(share)}")


# ---------------------------------------------------------------------------------------------------------------
# Funding composition
# ---------------------------------------------------------------------------------------------------------------


def title_levels(levels: pd.DataFrame) -> str:
    """Query ``funding_level_totals`` (one row per level over everything selected): how much money states its
    level, where central money appears, and how much does not state its level (未注明级次: never any level)."""
    used = levels[levels["amount_wan"] > 0]
    if used.empty:
        return NO_DATA
    total = float(used["amount_wan"].sum())
    by_level = used.set_index("level")["amount_wan"]
    unstated = float(by_level.get(UNSTATED_LEVEL, 0.0))
    stated = by_level.drop(UNSTATED_LEVEL, errors="ignore").sort_values(ascending=False)
    if int(levels["n_place_years"].iloc[0]) == 1:
        label = jurisdiction_year(levels["top_place_name"].iloc[0], levels["top_fiscal_year"].iloc[0])
        if stated.empty:
            return f"{label}：资金全部未注明级次"
        parts = [f"{LEVEL_NOUNS.get(lv, lv)}占 {_pct(100 * amt / total)}" for lv, amt in stated.head(2).items()]
        if unstated:
            parts.append(f"未注明级次的占 {_pct(100 * unstated / total)}")
        return f"{label}：" + "，".join(parts)
    if stated.empty:
        return "资金全部未注明级次（原表只写财政拨款、财政资金等）"
    text = f"写明级次的资金占 {_pct(100 * float(stated.sum()) / total)}"
    central = used[used["level"] == "central"]
    if central.empty:
        text += "，其中没有中央资金"
    elif int(central["n_places"].iloc[0]) == 1:
        c = central.iloc[0]
        text += (f"，中央资金只出现在 {jurisdiction_year(c['only_place_name'], c['only_fiscal_year'])}"
                 f"（占其 {_pct(c['only_share_pct'])}）")
    else:
        text += (f"，{int(central['n_places'].iloc[0])} 个地区有中央资金，"
                 f"共 {format_wan(central['amount_wan'].iloc[0])} 万元")
    if unstated:
        text += f"；{_pct(100 * unstated / total)} 未注明级次"
    return text


def title_treemap_tiles(tiles: pd.DataFrame) -> str:
    """Query ``funding_treemap`` → the largest theme (of everything selected) and the largest project."""
    if tiles.empty or not float(tiles["total_wan"].iloc[0] or 0):
        return NO_DATA
    first = tiles.iloc[0]
    projects = tiles[tiles["kind"] == "project"]
    text = f"最大的主题是「{first['top_theme']}」（{_pct(first['top_theme_share_pct'])}）"
    if projects.empty:
        return text
    top = projects.iloc[0]
    place = tiles.set_index("id").loc[tiles.set_index("id").loc[top["parent"], "parent"], "label"]
    return text + f"；最大的项目是 {place}「{top['label']}」{format_wan(top['value'])} 万元"


# ---------------------------------------------------------------------------------------------------------------
# Indicator coverage
# ---------------------------------------------------------------------------------------------------------------


def title_coverage_totals(totals: pd.DataFrame) -> str:
    """Query ``coverage_totals`` (per category over every selected project) → projects without satisfaction
    targets, the least covered category."""
    if totals.empty or int(totals["n_projects"].max()) == 0:
        return NO_DATA
    n = int(totals["n_projects"].max())
    covering = dict(zip(totals["category"], totals["n_covering"].astype(int)))
    cats = list(totals["category"])
    parts = []
    if "满意度" in covering:
        missing = n - covering["满意度"]
        parts.append(f"{n:,} 个项目中 {missing:,} 个没有满意度指标" if missing else f"{n:,} 个项目都有满意度指标")
    least = min(cats, key=lambda c: (covering[c], cats.index(c)))
    parts.append(f"「{least}」类指标覆盖最少（{covering[least]:,}/{n:,} 个项目）")
    return "；".join(parts)


def title_coverage_share(summary: pd.DataFrame) -> str:
    """Query ``indicator_coverage_summary`` → the jurisdiction covering most / fewest categories on average."""
    if summary.empty:
        return NO_DATA
    mean = summary.assign(jurisdiction=place_of(summary)).groupby(
        ["jurisdiction", "fiscal_year"], dropna=False)["share_covering_pct"].mean()
    mean = mean.sort_values(ascending=False)
    (j_hi, y_hi), hi = mean.index[0], float(mean.iloc[0])
    if len(mean) == 1:
        return f"{jurisdiction_year(j_hi, y_hi)} 的项目平均覆盖 {_pct(hi)} 的指标类别"
    (j_lo, y_lo), lo = mean.index[-1], float(mean.iloc[-1])
    return (f"{jurisdiction_year(j_hi, y_hi)} 的指标类别覆盖最全（平均 {_pct(hi)}），"
            f"{jurisdiction_year(j_lo, y_lo)} 最少（{_pct(lo)}）")


def title_quantification(q: pd.DataFrame) -> str:
    """Query ``target_quantification`` → the least quantified jurisdiction."""
    if q.empty:
        return NO_DATA
    low = q.sort_values("quantified_pct").iloc[0]
    label = jurisdiction_year(place_of(low), low["fiscal_year"])
    if float(low["quantified_pct"]) >= 99.995:
        return "全部指标目标都已量化"
    text = f"{label} 的目标量化程度最低：{_pct(low['quantified_pct'])} 可量化"
    if int(low["n_placeholder"]):
        text += f"，{int(low['n_placeholder'])} 条为占位或空白"
    return text


# ---------------------------------------------------------------------------------------------------------------
# Satisfaction
# ---------------------------------------------------------------------------------------------------------------


def title_satisfaction(summary: pd.DataFrame) -> str:
    """Query ``satisfaction_summary`` → where thresholds are lowest (or exactly 100%)."""
    s = summary[summary["n_indicators"] > 0]
    if s.empty:
        return "当前筛选下没有满意度目标"
    s = s.assign(low_share=s["n_lt_80"] / s["n_indicators"], full_share=s["n_eq_100"] / s["n_indicators"])
    low = s.sort_values(["low_share", "n_lt_80"], ascending=False).iloc[0]
    if int(low["n_lt_80"]):
        label = jurisdiction_year(place_of(low), low["fiscal_year"])
        text = f"{label}：{int(low['n_indicators'])} 个满意度目标中 {int(low['n_lt_80'])} 个低于 80%"
        others = int(s["n_lt_80"].sum()) - int(low["n_lt_80"])
        return text + ("，其他地区均不低于 80%" if others == 0 and len(s) > 1 else "")
    full = s.sort_values(["full_share", "n_eq_100"], ascending=False).iloc[0]
    if int(full["n_eq_100"]):
        label = jurisdiction_year(place_of(full), full["fiscal_year"])
        return f"没有低于 80% 的目标；{label} 有 {int(full['n_eq_100'])} 个目标恰为 100%"
    return (f"满意度目标在 {format_threshold(s['min_pct'].min())}–{format_threshold(s['max_pct'].max())} 之间，"
            "没有低于 80% 或恰为 100% 的目标")


# ---------------------------------------------------------------------------------------------------------------
# Cross-jurisdiction comparison
# ---------------------------------------------------------------------------------------------------------------


def title_compare_funding(theme: str, theme_projects: pd.DataFrame) -> str:
    """Query ``page_theme_projects`` for one theme → how many jurisdictions and who spends most."""
    if theme_projects.empty:
        return f"「{theme}」：当前筛选下没有项目"
    t = theme_projects.assign(label=[jurisdiction_year(j, y) for j, y in
                                     zip(place_of(theme_projects), theme_projects["fiscal_year"])])
    by_doc = t.groupby("label", sort=False)["total_wan"].sum().sort_values(ascending=False)
    text = f"「{theme}」：{len(by_doc)} 个地区 {len(t)} 个项目"
    if len(by_doc) > 1:
        text += f"，{by_doc.index[0]} 投入最多（{format_wan(by_doc.iloc[0])} 万元）"
    else:
        text += f"，共 {format_wan(by_doc.iloc[0])} 万元"
    return text


def title_compare_categories(theme: str, table: pd.DataFrame) -> str:
    """``ui.tables.theme_projects_table`` → projects without satisfaction / output-quality indicators."""
    if table.empty:
        return f"「{theme}」：当前筛选下没有项目"
    n = len(table)
    no_sat = int((table["满意度目标数"] == 0).sum())
    few = int((table["指标数"] <= 2).sum())
    parts = [f"{n} 个项目中 {no_sat} 个没有满意度指标" if no_sat else f"{n} 个项目都有满意度指标"]
    if few:
        parts.append(f"{few} 个项目只有 1–2 条指标")
    return "「" + theme + "」" + "；".join(parts)


def title_compare_satisfaction(theme: str, theme_projects: pd.DataFrame) -> str:
    t = theme_projects[theme_projects["satisfaction_min_pct"].notna()]
    if t.empty:
        return f"「{theme}」：没有百分比形式的满意度目标"
    lo = t.sort_values("satisfaction_min_pct").iloc[0]
    hi = t.sort_values("satisfaction_max_pct", ascending=False).iloc[0]
    if float(lo["satisfaction_min_pct"]) == float(hi["satisfaction_max_pct"]):
        return f"「{theme}」的满意度目标都是 {format_threshold(lo['satisfaction_min_pct'])}"
    lo_label = jurisdiction_year(place_of(lo), lo["fiscal_year"])
    hi_label = jurisdiction_year(place_of(hi), hi["fiscal_year"])
    return (f"「{theme}」的满意度目标从 {format_threshold(lo['satisfaction_min_pct'])}（{lo_label}）"
            f"到 {format_threshold(hi['satisfaction_max_pct'])}（{hi_label}）")


def title_compare_areas(theme: str, areas: pd.DataFrame, what: str) -> str:
    """Query ``compare_areas`` → how many areas, who spends most, and the spread of funding per project."""
    if areas.empty:
        return f"「{theme}」：当前筛选下没有项目"
    top = areas.iloc[0]
    n_projects = int(areas["n_projects"].sum())
    text = f"「{theme}」：{len(areas):,} 个{what} {n_projects:,} 个项目"
    if len(areas) == 1:
        return text + f"，共 {format_wan(top['total_wan'])} 万元"
    text += f"，{top['area_name']} 投入最多（{format_wan(top['total_wan'])} 万元）"
    per = areas.dropna(subset=["wan_per_project"]).sort_values("wan_per_project")
    if len(per) > 1 and float(per["wan_per_project"].iloc[0]) > 0:
        ratio = float(per["wan_per_project"].iloc[-1]) / float(per["wan_per_project"].iloc[0])
        text += (f"；每个项目的资金从 {format_wan(per['wan_per_project'].iloc[0])} 万元（{per['area_name'].iloc[0]}）"
                 f"到 {format_wan(per['wan_per_project'].iloc[-1])} 万元（{per['area_name'].iloc[-1]}），"
                 f"相差 {ratio:.1f} 倍")
    return text
