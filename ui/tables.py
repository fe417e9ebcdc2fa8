"""Display tables: query results renamed to Chinese columns, in the order a reader wants, units in the names.

Money columns end in ``（万元）`` and percentage columns in ``（%）`` (see ``ui.formatting.column_kind``), which is
what the Excel export and the pages' number formats read. Columns whose name starts with ``_`` (database ids such
as ``_project_id``) are for the page's links and selections only: they are never shown nor downloaded. Functions
here only reshape; the numbers come from the queries unchanged.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import pandas as pd

from ui.formatting import (
    CATEGORY_ORDER,
    LEVEL_LABELS,
    LEVEL_NOUNS,
    LEVELS,
    TARGET_CLASS_LABELS,
    TARGET_KIND_LABELS,
    format_wan,
    is_missing,
    place_of,
    jurisdiction_year,
    level_label,
    line_range,
)
from ui.sources import line_references

UNKNOWN_LAYOUT = "其他版式"

SCOPE_LABELS = {"project": "项目", "department": "部门整体"}
MARK_LOW = "▼ 低于 80%"
MARK_FULL = "● 恰为 100%"


def _lines(start: Any, end: Any) -> str:
    return line_range(start, end)


def _as_list(value: Any) -> list:
    if value is None:
        return []
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return list(value)
    return [] if is_missing(value) else [value]


def _int(series: pd.Series) -> pd.Series:
    return pd.to_numeric(series, errors="coerce").fillna(0).astype("int64")


# ---------------------------------------------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------------------------------------------


def documents_table(docs: pd.DataFrame) -> pd.DataFrame:
    """One row per loaded document (query ``documents``)."""
    return pd.DataFrame({
        "地区": place_of(docs),
        "省份": docs["province"],
        "年度": docs["fiscal_year"],
        "部门": docs["department"],
        "版式": docs["layout"].map(layout_title),
        "项目数": _int(docs["n_projects"]),
        "项目资金（万元）": docs["total_wan"],
        "项目指标数": _int(docs["n_indicators"]),
        "部门整体指标数": _int(docs["n_department_indicators"]),
        "解析提示数": (_int(docs["n_warnings"]) if "n_warnings" in docs
                  else [len(_as_list(w)) for w in docs["warnings"]]),
        "行数": _int(docs["line_count"]),
        "源文件": docs["source_file"],
        "_doc_id": docs["doc_id"],
    })


def warnings_table(docs: pd.DataFrame) -> pd.DataFrame:
    """One row per parser warning of every document (query ``documents``)."""
    rows = []
    for doc in docs.itertuples(index=False):
        for i, text in enumerate(_as_list(doc.warnings), 1):
            refs = line_references(str(text))
            rows.append((place_of(doc), doc.fiscal_year, doc.source_file, i, refs[0] if refs else None,
                         str(text), int(doc.doc_id)))
    out = pd.DataFrame(rows, columns=["地区", "年度", "源文件", "序号", "所指行", "读取提示", "_doc_id"])
    out["所指行"] = out["所指行"].astype("Int64")
    return out


def parse_warnings_table(w: pd.DataFrame) -> pd.DataFrame:
    """Query ``parse_warnings``: one row per warning, with the line it refers to."""
    return pd.DataFrame({
        "地区": place_of(w),
        "年度": w["fiscal_year"],
        "源文件": w["source_file"],
        "序号": _int(w["position"]),
        "所指行": pd.Series([int(a) if not pd.isna(a) else (line_references(str(m)) or [None])[0]
                          for a, m in zip(w["line_start"], w["message"])], index=w.index, dtype="Int64"),
        "读取提示": w["message"],
        "_doc_id": w["doc_id"],
    })


def load_log_table(log: pd.DataFrame) -> pd.DataFrame:
    status = {"loaded": "已导入", "replaced": "已替换", "skipped": "已跳过", "failed": "失败"}
    return pd.DataFrame({
        "时间": log["logged_at"],
        "文件": log["source"].map(lambda v: "" if is_missing(v) else Path(str(v).replace("\\", "/")).name),
        "结果": log["status"].map(lambda s: status.get(s, s)),
        "说明": log["message"],
    })


# ---------------------------------------------------------------------------------------------------------------
# Overview
# ---------------------------------------------------------------------------------------------------------------


def dominant_levels(composition: pd.DataFrame) -> pd.DataFrame:
    """Per jurisdiction x year: the largest funding level, its amount and share, and the number of levels used."""
    rows = []
    keys = ["province", "jurisdiction", "fiscal_year"]
    for key, group in composition.groupby(keys, dropna=False, sort=False):
        used = group[group["amount_wan"] > 0]
        if used.empty:
            rows.append((*key, None, 0.0, None, 0))
            continue
        top = used.sort_values(["amount_wan", "level_order"], ascending=[False, True]).iloc[0]
        rows.append((*key, top["level"], float(top["amount_wan"]), float(top["share_pct"]), len(used)))
    return pd.DataFrame(rows, columns=keys + ["top_level", "top_wan", "top_share_pct", "n_levels"])


def jurisdiction_summary(docs: pd.DataFrame, composition: pd.DataFrame, satisfaction: pd.DataFrame,
                         quantification: pd.DataFrame) -> pd.DataFrame:
    """One row per document with the headline numbers of each jurisdiction and year (typed, English columns)."""
    keys = ["province", "jurisdiction", "fiscal_year"]
    base = docs[keys + ["doc_id", "n_projects", "total_wan", "n_indicators"]].copy()
    dom = dominant_levels(composition)
    sat = satisfaction[keys + ["n_indicators", "n_with_threshold", "n_ge_90", "n_lt_80", "n_eq_100", "min_pct",
                               "median_pct"]].rename(columns={"n_indicators": "n_satisfaction"})
    qua = quantification[keys + ["n_quantified", "n_qualitative", "n_placeholder", "quantified_pct",
                                 "placeholder_pct"]]
    out = base.merge(dom, on=keys, how="left").merge(sat, on=keys, how="left").merge(qua, on=keys, how="left")
    for col in ("n_satisfaction", "n_with_threshold", "n_ge_90", "n_lt_80", "n_eq_100", "n_quantified",
                "n_qualitative", "n_placeholder", "n_levels"):
        out[col] = _int(out[col])
    return out


def summary_table(summary: pd.DataFrame) -> pd.DataFrame:
    """``jurisdiction_summary`` with Chinese columns (总览 table)."""
    return pd.DataFrame({
        "地区": place_of(summary),
        "年度": summary["fiscal_year"],
        "项目数": _int(summary["n_projects"]),
        "项目资金（万元）": summary["total_wan"],
        "主要资金来源": summary["top_level"].map(lambda v: "" if is_missing(v) else LEVEL_NOUNS.get(v, v)),
        "主要来源占比（%）": summary["top_share_pct"],
        "项目指标数": _int(summary["n_indicators"]),
        "量化目标占比（%）": summary["quantified_pct"],
        "满意度目标数": summary["n_satisfaction"],
        "满意度≥90%": summary["n_ge_90"],
        "满意度<80%": summary["n_lt_80"],
    })


def funding_by_document(docs: pd.DataFrame) -> pd.DataFrame:
    """地区 / 年度 / 项目资金 for the overview bar chart, largest first."""
    out = pd.DataFrame({
        "label": [jurisdiction_year(j, y) for j, y in zip(place_of(docs), docs["fiscal_year"])],
        "jurisdiction": place_of(docs),
        "fiscal_year": docs["fiscal_year"],
        "total_wan": pd.to_numeric(docs["total_wan"], errors="coerce").fillna(0.0),
        "n_projects": _int(docs["n_projects"]),
    })
    return out.sort_values("total_wan", ascending=False).reset_index(drop=True)


# ---------------------------------------------------------------------------------------------------------------
# Funding composition
# ---------------------------------------------------------------------------------------------------------------


def composition_long(composition: pd.DataFrame) -> pd.DataFrame:
    """Query ``funding_composition`` with a document label and the dashboard's level labels (for the chart)."""
    out = composition.copy()
    out["label"] = [jurisdiction_year(j, y) for j, y in zip(place_of(out), out["fiscal_year"])]
    out["level_label"] = out["level"].map(level_label)
    out["level_rank"] = out["level"].map(lambda v: LEVELS.index(v) if v in LEVELS else len(LEVELS))
    return out.sort_values(["province", "jurisdiction", "fiscal_year", "level_rank"]).reset_index(drop=True)


def composition_table(composition: pd.DataFrame) -> pd.DataFrame:
    c = composition_long(composition)
    return pd.DataFrame({
        "地区": place_of(c),
        "年度": c["fiscal_year"],
        "资金来源级别": c["level_label"],
        "原表写作": c["sources_as_printed"] if "sources_as_printed" in c else "",
        "金额（万元）": c["amount_wan"],
        "占比（%）": c["share_pct"],
        "有此来源的项目数": _int(c["n_projects"]),
        "地区当年合计（万元）": c["total_wan"],
    })


def theme_funding_table(by_theme: pd.DataFrame) -> pd.DataFrame:
    """Query ``funding_by_theme``; rows with a zero amount are left out."""
    t = by_theme[by_theme["amount_wan"] != 0].copy()
    return pd.DataFrame({
        "地区": place_of(t),
        "年度": t["fiscal_year"],
        "主题": t["theme"],
        "资金来源级别": t["level"].map(level_label),
        "原表写作": t["sources_as_printed"] if "sources_as_printed" in t else "",
        "金额（万元）": t["amount_wan"],
        "占主题（%）": t["share_of_theme_pct"],
        "占地区当年（%）": t["share_of_year_pct"],
        "项目数": _int(t["n_projects"]),
    }).reset_index(drop=True)


def project_shares(projects: pd.DataFrame) -> pd.DataFrame:
    """Query ``projects`` with the share of each project in its jurisdiction-year and in its theme there."""
    p = projects.copy()
    p["total_wan"] = pd.to_numeric(p["total_wan"], errors="coerce").fillna(0.0)
    p["label"] = [jurisdiction_year(j, y) for j, y in zip(place_of(p), p["fiscal_year"])]
    doc_total = p.groupby("doc_id")["total_wan"].transform("sum")
    theme_total = p.groupby(["doc_id", "theme"])["total_wan"].transform("sum")
    p["share_of_doc_pct"] = 100 * p["total_wan"] / doc_total.where(doc_total != 0)
    p["share_of_theme_pct"] = 100 * p["total_wan"] / theme_total.where(theme_total != 0)
    return p


def project_share_table(projects: pd.DataFrame) -> pd.DataFrame:
    """Query ``projects`` (which gives the shares, computed over every project) or a whole frame of projects."""
    p = projects if "share_of_doc_pct" in projects else project_shares(projects)
    return pd.DataFrame({
        "地区": place_of(p),
        "年度": p["fiscal_year"],
        "主题": p["theme"],
        "项目": p["name"],
        "金额（万元）": p["total_wan"],
        "占地区当年（%）": p["share_of_doc_pct"],
        "占该主题（%）": p["share_of_theme_pct"],
        "_project_id": p["project_id"],
    })


# ---------------------------------------------------------------------------------------------------------------
# Indicator coverage
# ---------------------------------------------------------------------------------------------------------------


def coverage_matrix(coverage: pd.DataFrame) -> pd.DataFrame:
    """Projects x categories (indicator counts) from query ``indicator_coverage``; index = project_id.

    Extra columns ``label`` (地区 年度 · 项目) and ``n_categories`` (categories covered).
    """
    if coverage.empty:
        return pd.DataFrame(columns=["label", *CATEGORY_ORDER, "n_categories"])
    order = coverage.drop_duplicates("project_id")
    order = order.assign(jurisdiction=place_of(order))[["project_id", "jurisdiction", "fiscal_year", "project_name"]]
    matrix = coverage.pivot_table(index="project_id", columns="category", values="n_indicators", aggfunc="sum",
                                  fill_value=0)
    cats = [c for c in CATEGORY_ORDER if c in matrix.columns] + [c for c in matrix.columns
                                                                  if c not in CATEGORY_ORDER]
    matrix = matrix.reindex(index=order["project_id"].tolist(), columns=cats).fillna(0).astype("int64")
    labels = {
        r.project_id: f"{jurisdiction_year(place_of(r), r.fiscal_year)} · {r.project_name}"
        for r in order.itertuples(index=False)
    }
    matrix.insert(0, "label", [labels[i] for i in matrix.index])
    matrix["n_categories"] = (matrix[cats] > 0).sum(axis=1)
    return matrix


def coverage_table(coverage: pd.DataFrame) -> pd.DataFrame:
    m = coverage_matrix(coverage)
    first = coverage.drop_duplicates("project_id")
    first = first.assign(jurisdiction=place_of(first)).set_index("project_id")
    cats = [c for c in m.columns if c not in ("label", "n_categories")]
    out = pd.DataFrame({
        "_project_id": m.index,
        "地区": first.loc[m.index, "jurisdiction"].to_numpy() if len(m) else [],
        "年度": first.loc[m.index, "fiscal_year"].to_numpy() if len(m) else [],
        "项目": first.loc[m.index, "project_name"].to_numpy() if len(m) else [],
    })
    for c in cats:
        out[c] = m[c].to_numpy()
    out["覆盖类别数"] = m["n_categories"].to_numpy()
    return out


def coverage_summary_table(summary: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "地区": place_of(summary),
        "年度": summary["fiscal_year"],
        "指标类别": summary["category"],
        "项目数": _int(summary["n_projects"]),
        "有此类指标的项目数": _int(summary["n_projects_covering"]),
        "覆盖率（%）": summary["share_covering_pct"],
        "指标数": _int(summary["n_indicators"]),
    })


def quantification_table(q: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "地区": place_of(q),
        "年度": q["fiscal_year"],
        "指标数": _int(q["n_indicators"]),
        "量化": _int(q["n_quantified"]),
        "定性": _int(q["n_qualitative"]),
        "占位/空白": _int(q["n_placeholder"]),
        "量化占比（%）": q["quantified_pct"],
        "定性占比（%）": q["qualitative_pct"],
        "占位/空白占比（%）": q["placeholder_pct"],
    })


def quantification_long(q: pd.DataFrame) -> pd.DataFrame:
    """One row per jurisdiction-year x target class with count and share (for the stacked bar)."""
    rows = []
    for r in q.itertuples(index=False):
        label = jurisdiction_year(place_of(r), r.fiscal_year)
        for cls in ("quantified", "qualitative", "placeholder"):
            rows.append((label, cls, TARGET_CLASS_LABELS[cls], int(getattr(r, f"n_{cls}")),
                         float(getattr(r, f"{cls}_pct"))))
    return pd.DataFrame(rows, columns=["label", "target_class", "class_label", "n", "pct"])


# ---------------------------------------------------------------------------------------------------------------
# Satisfaction
# ---------------------------------------------------------------------------------------------------------------


def threshold_mark(pct: Any) -> str:
    """``▼ 低于 80%`` / ``● 恰为 100%`` / empty."""
    if is_missing(pct):
        return ""
    if float(pct) < 80:
        return MARK_LOW
    if float(pct) == 100:
        return MARK_FULL
    return ""


def satisfaction_table(thresholds: pd.DataFrame) -> pd.DataFrame:
    t = thresholds
    return pd.DataFrame({
        "标记": t["threshold_pct"].map(threshold_mark),
        "地区": place_of(t),
        "年度": t["fiscal_year"],
        "范围": t["scope"].map(lambda s: SCOPE_LABELS.get(s, s)),
        "项目": t["project_name"].map(lambda v: "（部门整体）" if is_missing(v) or v is None else v),
        "指标": t["name"],
        "指标值（原文）": t["value"],
        "目标值（%）": t["threshold_pct"],
        "行号": [_lines(a, b) for a, b in zip(t["line_start"], t["line_end"])],
        "源文件": t["source_file"],
        "_project_id": t["project_id"].astype("Int64"),
    })


def satisfaction_points(thresholds: pd.DataFrame) -> pd.DataFrame:
    """Thresholds with a document label and a mark class (low / full / other) for the strip plot."""
    t = thresholds[thresholds["threshold_pct"].notna()].copy()
    t["label"] = [jurisdiction_year(j, y) for j, y in zip(place_of(t), t["fiscal_year"])]
    t["mark"] = t["threshold_pct"].map(
        lambda v: "低于 80%" if v < 80 else ("恰为 100%" if v == 100 else "80%–<100%"))
    t["project_name"] = t["project_name"].map(lambda v: "（部门整体）" if v is None or is_missing(v) else v)
    return t


def satisfaction_summary_table(summary: pd.DataFrame) -> pd.DataFrame:
    s = summary
    return pd.DataFrame({
        "地区": place_of(s),
        "年度": s["fiscal_year"],
        "满意度目标数": _int(s["n_indicators"]),
        "有百分比目标值": _int(s["n_with_threshold"]),
        "最低（%）": s["min_pct"],
        "中位数（%）": s["median_pct"],
        "最高（%）": s["max_pct"],
        "≥90%": _int(s["n_ge_90"]),
        "<80%": _int(s["n_lt_80"]),
        "=100%": _int(s["n_eq_100"]),
    })


# ---------------------------------------------------------------------------------------------------------------
# Projects
# ---------------------------------------------------------------------------------------------------------------


def _true(value) -> bool:
    return value is not None and not pd.isna(value) and bool(value)


def projects_table(projects: pd.DataFrame) -> pd.DataFrame:
    p = projects
    return pd.DataFrame({
        "地区": place_of(p),
        "年度": p["fiscal_year"],
        "主题": p["theme"],
        "项目": [f"{name}（表格被截断）" if _true(cut) else name
               for name, cut in zip(p["name"], p["truncated"] if "truncated" in p else [False] * len(p))],
        "金额（万元）": p["total_wan"],
        "指标数": _int(p["n_indicators"]),
        "空白指标行": _int(p["n_empty_slots"]),
        "原文行号": [_lines(a, b) for a, b in zip(p["line_start"], p["line_end"])],
        "_project_id": p["project_id"],
    }).reset_index(drop=True)


def project_funding_table(funding: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "资金来源（原文）": funding["funding_source"],
        "级别": funding["level"].map(level_label),
        "金额（万元）": funding["amount_wan"],
        "占比（%）": funding["share_pct"],
    })


def project_plan_table(plan: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "时间": plan["period"],
        "累计支出（%）": plan["value_pct"],
        "累计支出（万元）": plan["value_wan"],
        "原表单位": plan["unit_as_printed"],
    })


def indicator_tree(indicators: pd.DataFrame) -> pd.DataFrame:
    """The indicator table as a tree: level-1 and level-2 names only where they change; the other columns the table
    printed (说明, 依据, 分值, 实际完成值, 得分, 备注: the lower grades of a graded standard, a column the aliases do
    not name) where any row has them."""
    i = indicators.reset_index(drop=True)
    level1 = i["level1"].fillna(i["level1_raw"]).fillna("")
    level2 = i["level2"].fillna(i["level2_raw"]).fillna("")
    shown1 = [v if n == 0 or v != level1[n - 1] else "" for n, v in enumerate(level1)]
    shown2 = [v if n == 0 or v != level2[n - 1] or level1[n] != level1[n - 1] else ""
              for n, v in enumerate(level2)]
    printed = {}
    for label, column in (("指标说明", "description"), ("依据 / 标准", "basis"), ("分值", "weight"),
                          ("实际完成值", "actual"), ("得分", "score"), ("备注", "remarks")):
        if column in i and i[column].notna().any() and (i[column].astype("string").str.strip() != "").any():
            printed[label] = i[column]  # a column the table printed (self-evaluation, graded standards …)
    return pd.DataFrame({
        "一级指标": shown1,
        "二级指标": shown2,
        "三级指标": i["name"],
        "指标值（原文）": i["value"],
        **printed,
        "目标类型": i["target_kind"].map(lambda k: TARGET_KIND_LABELS.get(k, k)),
        "量化/定性": i["target_class"].map(lambda k: TARGET_CLASS_LABELS.get(k, k)),
        "原文行号": [_lines(a, b) for a, b in zip(i["line_start"], i["line_end"])],
        "_indicator_id": i["indicator_id"],
    })


def search_table(hits: pd.DataFrame) -> pd.DataFrame:
    where = {"name": "名称", "goal": "年度目标", "purpose": "立项依据/用途", "value": "指标值",
             "description": "指标说明", "basis": "依据"}
    return pd.DataFrame({
        "类型": hits["kind"].map({"project": "项目", "indicator": "指标"}),
        "地区": place_of(hits),
        "年度": hits["fiscal_year"],
        "项目": hits["project_name"].map(lambda v: "（部门整体）" if v is None or is_missing(v) else v),
        "匹配位置": hits["matched_in"].map(lambda v: where.get(v, v)),
        "内容": hits["text"],
        "原文行号": [_lines(a, b) for a, b in zip(hits["line_start"], hits["line_end"])],
        "_project_id": hits["project_id"].astype("Int64"),
        "_indicator_id": hits["indicator_id"].astype("Int64"),
    })


# ---------------------------------------------------------------------------------------------------------------
# Cross-jurisdiction comparison
# ---------------------------------------------------------------------------------------------------------------


def theme_projects_table(theme_projects: pd.DataFrame, coverage: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per project of a theme: funding, indicators per category, satisfaction thresholds."""
    t = theme_projects.reset_index(drop=True)
    out = pd.DataFrame({
        "地区": place_of(t),
        "年度": t["fiscal_year"],
        "项目": t["name"],
        "金额（万元）": t["total_wan"],
        "其中中央（万元）": t["central_wan"],
        "指标数": _int(t["n_indicators"]),
        "量化指标": _int(t["n_quantified"]),
        "满意度目标数": _int(t["n_satisfaction"]),
        "满意度最低（%）": pd.to_numeric(t["satisfaction_min_pct"], errors="coerce"),
        "满意度最高（%）": pd.to_numeric(t["satisfaction_max_pct"], errors="coerce"),
    })
    if f"n_{CATEGORY_ORDER[0]}" in t:  # the query gives the indicators per category
        for c in CATEGORY_ORDER:
            out[f"{c}指标"] = _int(t[f"n_{c}"])
    elif coverage is not None and not coverage.empty:
        m = coverage_matrix(coverage)
        cats = [c for c in m.columns if c not in ("label", "n_categories")]
        for c in cats:
            out[f"{c}指标"] = [int(m.loc[pid, c]) if pid in m.index else 0 for pid in t["project_id"]]
    out["_project_id"] = t["project_id"]
    return out


COMPARE_SHARES = (("quantity", "数量"), ("quality", "质量"), ("timeliness", "时效"), ("cost", "成本"),
                  ("economic", "经济效益"), ("social", "社会效益"), ("ecological", "生态效益"),
                  ("sustainable", "可持续影响"), ("satisfaction", "满意度"))


def compare_areas_table(areas: pd.DataFrame, what: str = "地区") -> pd.DataFrame:
    """Query ``compare_areas``: one row per area of the drill level (``what``: 省份 / 城市 / 地区)."""
    a = areas.reset_index(drop=True)
    out = pd.DataFrame({
        what: a["area_name"],
        "地区数": _int(a["n_places"]),
        "项目数": _int(a["n_projects"]),
        "资金（万元）": a["total_wan"],
        "每个项目资金（万元）": a["wan_per_project"],
        "每个项目指标数": pd.to_numeric(a["indicators_per_project"], errors="coerce").round(2),
    })
    for key, name in COMPARE_SHARES:
        out[f"有{name}指标的项目（%）"] = a[f"share_{key}_pct"]
    out["满意度目标数"] = _int(a["n_satisfaction"])
    out["满意度最低（%）"] = a["satisfaction_min_pct"]
    out["满意度中位数（%）"] = a["satisfaction_median_pct"]
    out["满意度最高（%）"] = a["satisfaction_max_pct"]
    out["_area"] = a["area"]
    return out


def level_order_labels() -> list[str]:
    return [LEVEL_LABELS[lv] for lv in LEVELS]


def project_facts(project: Any) -> pd.DataFrame:
    """The head of a project's target table (one row of query ``project_detail``) as 栏目 / 内容 rows."""
    def text(value: Any) -> str:
        return "" if value is None or is_missing(value) else str(value)

    lines = _lines(project.get("line_start"), project.get("line_end"))
    rows = [
        ("项目名称", text(project.get("name"))),
        ("地区 年度", jurisdiction_year(project.get("jurisdiction"), project.get("fiscal_year"))),
        ("主管部门", text(project.get("project_department")) or text(project.get("department"))),
        ("实施单位", text(project.get("implementing_unit"))),
        ("预算单位", text(project.get("budget_unit"))),
        ("项目编码", text(project.get("code"))),
        ("项目属性", text(project.get("attribute"))),
        ("项目期限", text(project.get("period"))),
        ("主题", text(project.get("theme")) + (f"（关键词：{project.get('theme_keyword')}）"
                                             if text(project.get("theme_keyword")) else "")),
        ("资金总额", "" if is_missing(project.get("total_wan")) else f"{format_wan(project.get('total_wan'))} 万元"),
        ("原文", f"{text(project.get('source_file'))} 第 {lines} 行" if text(project.get("source_file")) else ""),
    ]
    return pd.DataFrame([r for r in rows if r[1]], columns=["栏目", "内容"])


# ---------------------------------------------------------------------------------------------------------------
# Layouts, caps, paging
# ---------------------------------------------------------------------------------------------------------------


def layout_title(key: Any) -> str:
    """A layout family's Chinese title (``ingest.readers.LAYOUT_TITLES``, each family's ``title_zh``); a key the
    reader does not know reads ``其他版式``."""
    from ingest.readers import LAYOUT_TITLES

    title = LAYOUT_TITLES.get(str(key)) if not is_missing(key) else None
    return title if title else UNKNOWN_LAYOUT


def top_n(df: pd.DataFrame, value: str, n: int) -> tuple[pd.DataFrame, int, float]:
    """The ``n`` rows with the largest ``value`` (in their original order), the number of rows left out and
    their sum."""
    if len(df) <= n:
        return df, 0, 0.0
    keep = df[value].fillna(0).nlargest(n).index
    rest = df.drop(index=keep)
    return df.loc[df.index.isin(keep)], len(rest), float(rest[value].fillna(0).sum())


def page_count(n_rows: int, page_size: int) -> int:
    return max(1, -(-n_rows // page_size))


def page_slice(df: pd.DataFrame, page: int, page_size: int) -> pd.DataFrame:
    """Rows of page ``page`` (1-based, clipped to the pages that exist)."""
    page = min(max(1, int(page)), page_count(len(df), page_size))
    return df.iloc[(page - 1) * page_size: page * page_size]


def totals_text(df: pd.DataFrame, columns: Sequence[str] = ()) -> str:
    """``共 42 行；金额（万元）合计 2,343.65`` — the amount columns and ``columns`` summed over every row."""
    from ui.formatting import column_kind, format_count, format_wan

    parts = [f"共 {format_count(len(df))} 行"]
    for col in df.columns:
        if str(col).startswith("_"):
            continue
        if column_kind(col) == "money" and pd.api.types.is_numeric_dtype(df[col]):
            parts.append(f"{str(col).removesuffix('（万元）')}合计 {format_wan(df[col].sum(), unit=True)}")
        elif col in columns and pd.api.types.is_numeric_dtype(df[col]):
            parts.append(f"{col}合计 {format_count(df[col].sum())}")
    return "；".join(parts)


def treemap_tiles(shares: pd.DataFrame, max_projects: int) -> pd.DataFrame:
    """The tiles of the funding treemap from ``project_shares``: one row per jurisdiction-year, theme and project
    (``id``, ``parent``, ``label`` (short), ``full`` (hover), ``value``). Only the ``max_projects`` largest projects
    get a tile; the others of a theme are one tile ``其他 N 个项目``."""
    from ui.charts import unique_labels

    data = shares[shares["total_wan"] > 0].copy()
    if data.empty:
        return pd.DataFrame(columns=["id", "parent", "label", "full", "value"])
    data["doc_key"] = "d:" + data["label"]
    data["theme_key"] = data["doc_key"] + "/t:" + data["theme"].astype(str)
    docs = data.groupby("doc_key", sort=False).agg(label=("label", "first"), value=("total_wan", "sum"))
    docs = docs.reset_index().rename(columns={"doc_key": "id"}).assign(parent="", full=lambda d: d["label"])
    themes = data.groupby("theme_key", sort=False).agg(label=("theme", "first"), parent=("doc_key", "first"),
                                                       value=("total_wan", "sum"))
    themes = themes.reset_index().rename(columns={"theme_key": "id"})
    themes["full"] = themes["label"]
    keep = data["total_wan"].rank(method="first", ascending=False) <= max_projects
    shown = data[keep]
    projects = pd.DataFrame({"id": shown["theme_key"] + "/p:" + shown["project_id"].astype(str),
                             "parent": shown["theme_key"], "label": unique_labels(shown["name"], 24),
                             "full": shown["name"], "value": shown["total_wan"]})
    rest = data[~keep].groupby("theme_key", sort=False).agg(n=("project_id", "size"), value=("total_wan", "sum"))
    rest = rest.reset_index()
    others = pd.DataFrame({"id": rest["theme_key"] + "/rest", "parent": rest["theme_key"],
                           "label": [f"其他 {n} 个项目" for n in rest["n"]],
                           "full": [f"其他 {n} 个较小的项目" for n in rest["n"]], "value": rest["value"]})
    cols = ["id", "parent", "label", "full", "value"]
    return pd.concat([docs[cols], themes[cols], projects[cols], others[cols]], ignore_index=True)


def treemap_display(tiles: pd.DataFrame) -> pd.DataFrame:
    """Query ``funding_treemap`` as the treemap wants it: ``id``, ``parent``, ``label`` (project names shortened,
    still distinct), ``full`` (hover), ``value``."""
    from ui.charts import unique_labels

    out = pd.DataFrame({"id": tiles["id"], "parent": tiles["parent"], "label": tiles["label"].astype(str),
                        "full": tiles["label"].astype(str), "value": tiles["value"].astype(float)})
    projects = (tiles["kind"] == "project").to_numpy()
    if projects.any():
        out.loc[projects, "label"] = unique_labels(out.loc[projects, "full"], 24)
    rest = (tiles["kind"] == "rest").to_numpy()
    out.loc[rest, "full"] = [f"其他 {int(n)} 个较小的项目" for n in tiles.loc[rest, "n"]]
    return out.reset_index(drop=True)
