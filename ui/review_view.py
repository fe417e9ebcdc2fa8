"""目标审核 page helpers (no Streamlit): findings in reading order, the display tables, the KPI counts."""

from __future__ import annotations

import pandas as pd

from review.engine import DEPARTMENT_UNIT_NAME, GRADES, SCOPE_ZH, SEVERITIES, SEVERITY_ZH
from ui.formatting import line_range, place_of


def table_name(scope, name) -> str:
    return DEPARTMENT_UNIT_NAME if scope == "department" else name


def sort_findings(f: pd.DataFrame) -> pd.DataFrame:
    """Errors first, then warnings, then notes; within a severity by place (province, jurisdiction, year), table
    (the department-wide table before the projects, projects in their order) and line."""
    rank = f["severity"].map({s: i for i, s in enumerate(SEVERITIES)}).fillna(len(SEVERITIES))
    keyed = f.assign(_rank=rank, _dept=(f["scope"] != "department").astype(int),
                     _seq=pd.to_numeric(f["project_sequence"], errors="coerce").fillna(0),
                     _line=pd.to_numeric(f["line_start"], errors="coerce").fillna(0))
    keyed = keyed.sort_values(["_rank", "province", "jurisdiction", "fiscal_year", "_dept", "_seq", "_line"],
                              kind="stable", na_position="last")
    return keyed.drop(columns=["_rank", "_dept", "_seq", "_line"]).reset_index(drop=True)


def findings_table(f: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "严重程度": f["severity"].map(SEVERITY_ZH),
        "问题": f["title"],
        "地区": place_of(f),
        "年度": f["fiscal_year"],
        "项目": [table_name(s, n) for s, n in zip(f["scope"], f["project_name"])],
        "具体情况": f["message"],
        "三级指标": f["indicator_name"],
        "指标值": f["indicator_value"],
        "原文行号": [line_range(a, b) for a, b in zip(f["line_start"], f["line_end"])],
        "类别": f["group"],
        "_rule_id": f["rule_id"],
        "_project_id": f["project_id"],
        "_indicator_id": f["indicator_id"],
    }).reset_index(drop=True)


def grades_table(g: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "地区": place_of(g),
        "年度": g["fiscal_year"],
        "表": g["scope"].map(SCOPE_ZH),
        "序号": g["project_sequence"].where(g["scope"] == "project"),
        "项目": [table_name(s, n) for s, n in zip(g["scope"], g["project_name"])],
        "预算（万元）": g["total_wan"],
        "得分": g["score"].map(lambda v: int(v) if float(v).is_integer() else round(float(v), 1)),
        "评级": g["grade"],
        "错误": g["n_error"],
        "警告": g["n_warning"],
        "提示": g["n_info"],
        "问题合计": g["n_findings"],
        "原文行号": [line_range(a, b) for a, b in zip(g["line_start"], g["line_end"])],
        "_project_id": g["project_id"],
    }).reset_index(drop=True)


def kpis(shown: pd.DataFrame, grades: pd.DataFrame) -> dict:
    """The KPI cards for the findings as filtered on the page (severity and rule group included), and the tables
    those findings are about; grades are per table (every finding of a table counts, as in the report)."""
    by_severity = shown["severity"].value_counts()
    tables_hit = shown.drop_duplicates(["scope", "project_id", "dept_overall_id"]) if len(shown) else shown
    by_grade = grades["grade"].value_counts()
    return {
        "findings": len(shown),
        "error": int(by_severity.get("error", 0)),
        "warning": int(by_severity.get("warning", 0)),
        "info": int(by_severity.get("info", 0)),
        "tables_with_findings": len(tables_hit),
        "tables": len(grades),
        "poor": int(by_grade.get("差", 0)),
        "by_grade": {g: int(by_grade.get(g, 0)) for g in GRADES},
    }
