"""Excel review report (审核报告) that a reviewer can send back to the budget unit.

``build_report(findings, grades, ruleset=None, context=None) -> bytes``: an .xlsx workbook with three sheets. Each
sheet starts like every other export of the dashboard (``ui.export``): title, filters, source documents and time,
then a bold frozen header row with filters, fixed column widths and wrapped long text, and the same number formats
(amounts ``#,##0.00`` with the exact value, counts ``#,##0``). Text that starts like a formula stays text, personal
numbers are masked.

- 审核意见: one row per finding (``review.engine.FINDING_COLUMNS``) with the rule's Chinese title and its
  explanation as advice; the rule id only in the last, technical column;
- 项目评级: one row per reviewed table (``review.engine.GRADE_COLUMNS``);
- 规则说明: the rules and the grade mapping (from review/rules.json).
"""

from __future__ import annotations

import io
import json
from typing import Any, Callable, Optional, Sequence

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ui.export import ExportContext, style_header, write_context, write_text_cell, write_value
from ui.formatting import column_kind, place_of
from ui.privacy import mask_personal
from review.engine import DEPARTMENT_UNIT_NAME, GRADES, SCOPE_ZH, SEVERITIES, SEVERITY_ZH, RuleSet, load_rules

FINDINGS_SHEET = "审核意见"
GRADES_SHEET = "项目评级"
RULES_SHEET = "规则说明"

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
SEVERITY_FILL = {"error": PatternFill("solid", fgColor="F8CBAD"), "warning": PatternFill("solid", fgColor="FFE699"),
                 "info": PatternFill("solid", fgColor="DDEBF7")}
GRADE_FILL = {"优": PatternFill("solid", fgColor="C6EFCE"), "良": PatternFill("solid", fgColor="DDEBF7"),
              "中": PatternFill("solid", fgColor="FFE699"), "差": PatternFill("solid", fgColor="F8CBAD")}
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")

Column = tuple[str, float, Callable[[Any], Any], bool]  # header, width, value of a row, wrap


def _clean(value: Any) -> Any:
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item"):
        return value.item()
    return value


def _lines(row) -> Optional[str]:
    start, end = _clean(row["line_start"]), _clean(row["line_end"])
    if start is None:
        return None
    return str(start) if end is None or end == start else f"{start}–{end}"


def _table_name(row) -> Any:
    return _clean(row["project_name"]) if row["scope"] == "project" else DEPARTMENT_UNIT_NAME


def _finding_columns(explanations: dict[str, str]) -> list[Column]:
    return [
        ("地区", 10, lambda r: _clean(place_of(r)), False),
        ("年度", 7, lambda r: _clean(r["fiscal_year"]), False),
        ("表", 9, lambda r: SCOPE_ZH.get(r["scope"], r["scope"]), False),
        ("序号", 6, lambda r: _clean(r["project_sequence"]) if r["scope"] == "project" else None, False),
        ("项目名称", 28, _table_name, True),
        ("严重程度", 9, lambda r: SEVERITY_ZH.get(r["severity"], r["severity"]), False),
        ("类别", 8, lambda r: r["group"], False),
        ("问题", 24, lambda r: r["title"], True),
        ("具体情况", 48, lambda r: r["message"], True),
        ("三级指标", 26, lambda r: _clean(r["indicator_name"]), True),
        ("指标值", 18, lambda r: _clean(r["indicator_value"]), True),
        ("一级指标", 11, lambda r: _clean(r["level1"]), False),
        ("二级指标", 14, lambda r: _clean(r["level2"]), False),
        ("原文行号", 11, _lines, False),
        ("来源文件", 26, lambda r: _clean(r["source_file"]), False),
        ("修改说明", 60, lambda r: explanations.get(r["rule_id"]), True),
        ("规则编号（技术用）", 22, lambda r: r["rule_id"], False),
    ]


def _grade_note(row) -> Optional[str]:
    if row["n_findings"] == 0:
        return "未发现问题"
    return "有错误，评级最高为“中”" if bool(row["capped"]) else None


GRADE_COLUMNS_XLSX: list[Column] = [
    ("地区", 10, lambda r: _clean(place_of(r)), False),
    ("年度", 7, lambda r: _clean(r["fiscal_year"]), False),
    ("表", 9, lambda r: SCOPE_ZH.get(r["scope"], r["scope"]), False),
    ("序号", 6, lambda r: _clean(r["project_sequence"]) if r["scope"] == "project" else None, False),
    ("项目名称", 36, _table_name, True),
    ("预算（万元）", 12, lambda r: _clean(r["total_wan"]), False),
    ("评级", 7, lambda r: r["grade"], False),
    ("得分", 7, lambda r: _clean(r["score"]), False),
    ("错误", 7, lambda r: _clean(r["n_error"]), False),
    ("警告", 7, lambda r: _clean(r["n_warning"]), False),
    ("提示", 7, lambda r: _clean(r["n_info"]), False),
    ("问题合计", 9, lambda r: _clean(r["n_findings"]), False),
    ("说明", 24, _grade_note, True),
    ("原文行号", 11, _lines, False),
    ("来源文件", 26, lambda r: _clean(r["source_file"]), False),
]


def _write_sheet(ws: Worksheet, columns: Sequence[Column], rows: list[list[Any]], context: ExportContext) -> int:
    """The context rows, the header, the rows; returns the header's row number."""
    header = write_context(ws, context)
    for j, column in enumerate(columns, 1):
        write_text_cell(ws.cell(row=header, column=j), column[0])
    style_header(ws, header, len(columns), wrap=True)
    kinds = [column_kind(c[0]) for c in columns]
    for i, row in enumerate(rows, header + 1):
        for j, value in enumerate(row):
            value = mask_personal(value) if isinstance(value, str) else value
            write_value(ws.cell(row=i, column=j + 1), value, kinds[j], isinstance(value, int))
    for index, (_, width, _, wrap) in enumerate(columns, 1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = width
        for cell in ws[letter][header:]:
            cell.alignment = WRAP if wrap else TOP
    ws.freeze_panes = f"A{header + 1}"
    if rows:
        ws.auto_filter.ref = f"A{header}:{get_column_letter(len(columns))}{len(rows) + header}"
    return header


def _fill_column(ws: Worksheet, row: int, header: str, fills: dict[str, PatternFill], values: dict[str, str]) -> None:
    """Colour the cells of the column ``header`` (header row ``row``) whose text is a key of ``values``."""
    headers = [c.value for c in ws[row]]
    if header not in headers:
        return
    letter = get_column_letter(headers.index(header) + 1)
    for cell in ws[letter][row:]:
        key = values.get(cell.value)
        if key in fills:
            cell.fill = fills[key]


def _rules_rows(ruleset: RuleSet) -> list[list[Any]]:
    rows = [[r.group, SEVERITY_ZH[r.severity], r.title, r.explanation,
             json.dumps(dict(r.params), ensure_ascii=False) if r.params else None, r.id] for r in ruleset.rules]
    g = ruleset.grading
    penalty = "，".join(f"{SEVERITY_ZH[s]}每条扣 {g.penalty[s]:g} 分" for s in SEVERITIES)
    bands = "；".join(f"{grade} ≥ {minimum:g} 分" for grade, minimum in g.grades)
    rows.append([None] * 6)
    rows.append(["评级", None, "评级方法",
                 f"每张表从 {g.start:g} 分起算，{penalty}，最低 0 分。{bands}。"
                 f"有错误的表评级最高为“{g.error_cap}”。", None, None])
    return rows


RULE_COLUMNS_XLSX: list[Column] = [
    ("类别", 8, None, False), ("严重程度", 9, None, False), ("标题", 28, None, True), ("说明", 80, None, True),
    ("参数（默认值）", 36, None, True), ("规则编号（技术用）", 24, None, False),
]


def build_report(findings: pd.DataFrame, grades: pd.DataFrame, ruleset: Optional[RuleSet] = None,
                 context: Optional[ExportContext] = None) -> bytes:
    """The review report as .xlsx bytes (see the module docstring). ``context``: title, filters, sources of the
    export (default: 目标审核报告, the source files of the reviewed tables)."""
    ruleset = ruleset or load_rules()
    if context is None:
        files = tuple(dict.fromkeys(str(v) for v in grades.get("source_file", pd.Series(dtype=str)).dropna()))
        context = ExportContext(title="目标审核报告", sources=files)
    explanations = {r.id: r.explanation for r in ruleset.rules}
    wb = Workbook()
    ws = wb.active
    ws.title = FINDINGS_SHEET
    columns = _finding_columns(explanations)
    sheet_context = ExportContext(f"{context.title} · {FINDINGS_SHEET}", context.filters, context.sources,
                                  context.exported_at)
    header = _write_sheet(ws, columns, [[get(row) for _, _, get, _ in columns] for _, row in findings.iterrows()],
                          sheet_context)
    _fill_column(ws, header, "严重程度", SEVERITY_FILL, {zh: s for s, zh in SEVERITY_ZH.items()})

    ws = wb.create_sheet(GRADES_SHEET)
    sheet_context = ExportContext(f"{context.title} · {GRADES_SHEET}", context.filters, context.sources,
                                  context.exported_at)
    header = _write_sheet(ws, GRADE_COLUMNS_XLSX,
                          [[get(row) for _, _, get, _ in GRADE_COLUMNS_XLSX] for _, row in grades.iterrows()],
                          sheet_context)
    _fill_column(ws, header, "评级", GRADE_FILL, {g: g for g in GRADES})

    ws = wb.create_sheet(RULES_SHEET)
    sheet_context = ExportContext(f"{context.title} · {RULES_SHEET}", context.filters, context.sources,
                                  context.exported_at)
    _write_sheet(ws, RULE_COLUMNS_XLSX, _rules_rows(ruleset), sheet_context)

    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
