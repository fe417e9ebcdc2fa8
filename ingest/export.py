"""The Excel template and the export of loaded data, both in the flat long layout (one row per indicator).

Columns: 项目名称, 项目编码, 主管部门, 实施单位, 年度绩效目标, 项目资金（万元） over 合计 and one column per funding
source, then 绩效指标 over 指标期间 (年度/中期), 一级指标, 二级指标, 三级指标, 指标值, 指标说明, 指标值确定依据, 备注
(a graded standard's lower grades, a column the aliases do not name). The project columns are
repeated on every indicator row. The importer reads this layout back (:mod:`ingest.readers.flat`), so importing an
export gives the same projects, funding and indicators.

A workbook is read back as one document (one budget year, one place): export one document per workbook
(``--doc ID``, or the per-document download on the import page) for a faithful round trip; a workbook of several
documents keeps every project, funding source and indicator, but takes one year for all of them (a deadline
printed without a year, ``5月31日前``, is then dated in that year).

``python -m ingest export --xlsx OUT [--db FILE] [--doc ID ...]`` writes the loaded projects; ``template_xlsx()``
gives the empty template with a sheet of instructions.
"""

from __future__ import annotations

import argparse
import io
import sys
from typing import Optional, Sequence

import duckdb

LEVEL_ORDER = ("central", "provincial", "city", "county", "fiscal", "other")
PROJECT_COLUMNS = [("name", "项目名称"), ("code", "项目编码"), ("department", "主管部门"),
                   ("implementing_unit", "实施单位"), ("goal", "年度绩效目标")]
INDICATOR_COLUMNS = [("target_set", "指标期间"), ("level1", "一级指标"), ("level2", "二级指标"), ("name", "三级指标"),
                     ("value", "指标值"), ("description", "指标说明"), ("basis", "指标值确定依据"), ("remarks", "备注")]
DEFAULT_SOURCES = [("中央补助", "central"), ("省级资金", "provincial"), ("市级资金", "city"), ("区县级资金", "county"),
                   ("其他资金", "other")]
SHEET = "绩效目标"
INSTRUCTIONS = [  # each a note (说明：…), never read as part of a table
    "说明：本模板每行填写一个绩效指标；同一项目有几个指标就填几行，每一行都重复填写该项目的名称、编码、部门、资金等信息。",
    "说明：资金金额以万元为单位填写数字；“合计”为项目年度资金总额，其右侧各列为各资金来源的金额，没有的来源留空。",
    "说明：指标期间填写“年度”或“中期”；一级、二级指标按绩效目标表填写（如产出指标、数量指标），指标值照原表填写（如≥95%）。",
    "说明：第一行可写表格标题并注明年度，例如“某某局项目支出绩效目标表（2025年度）”，系统据此识别预算年度。",
    "说明：填好后在看板的“数据导入”页面上传本文件即可；也可以用命令行 python -m ingest load 文件名 导入。",
]


def _sources(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    rows = con.execute("SELECT source, level, min(funding_id) FROM funding WHERE project_id IS NOT NULL "
                       "GROUP BY source, level").fetchall()
    rank = {lv: i for i, lv in enumerate(LEVEL_ORDER)}
    return [(s, lv) for s, lv, _ in sorted(rows, key=lambda r: (rank.get(r[1], 99), r[2]))]


def _department(con: duckdb.DuckDBPyConnection, doc_ids: Optional[Sequence[int]]) -> Optional[str]:
    where, params = ("WHERE doc_id IN (SELECT unnest($ids))", {"ids": list(doc_ids)}) if doc_ids else ("", {})
    departments = [r[0] for r in con.execute(f"SELECT DISTINCT department FROM documents {where}",
                                             params).fetchall() if r[0]]
    return departments[0] if len(departments) == 1 else None


def _title(con: duckdb.DuckDBPyConnection, doc_ids: Optional[Sequence[int]]) -> str:
    where, params = ("WHERE doc_id IN (SELECT unnest($ids))", {"ids": list(doc_ids)}) if doc_ids else ("", {})
    years = [r[0] for r in con.execute(f"SELECT DISTINCT fiscal_year FROM documents {where} ORDER BY 1",
                                       params).fetchall() if r[0]]
    departments = [r[0] for r in con.execute(f"SELECT DISTINCT department FROM documents {where}",
                                             params).fetchall() if r[0]]
    head = departments[0] if len(departments) == 1 else ""
    if len(years) == 1:
        return f"{head}项目支出绩效目标表（{years[0]}年度）"
    span = f"（{years[0]}–{years[-1]}年）" if years else ""
    return f"{head}项目支出绩效目标{span}（由绩效目标看板导出）"


def export_rows(con: duckdb.DuckDBPyConnection, doc_ids: Optional[Sequence[int]] = None):
    """(funding sources, rows): one row per indicator (a project without indicators gets one row)."""
    where, params = ("WHERE p.doc_id IN (SELECT unnest($ids))", {"ids": list(doc_ids)}) if doc_ids else ("", {})
    projects = con.execute(
        "SELECT p.project_id, p.name, p.code, p.department, p.implementing_unit, p.goal, p.total_wan "
        f"FROM projects p {where} ORDER BY p.doc_id, p.sequence", params).fetchall()
    sources = _sources(con)
    funding: dict[int, dict[tuple[str, str], float]] = {}
    for pid, source, level, amount in con.execute(
            "SELECT project_id, source, level, amount_wan FROM funding WHERE project_id IS NOT NULL "
            "ORDER BY project_id, position").fetchall():
        funding.setdefault(pid, {})[(source, level)] = amount
    indicators: dict[int, list[tuple]] = {}
    for row in con.execute(
            "SELECT project_id, target_set, coalesce(level1_raw, level1), coalesce(level2_raw, level2), name, value, "
            "description, basis, remarks FROM indicators WHERE project_id IS NOT NULL "
            "ORDER BY project_id, position").fetchall():
        indicators.setdefault(row[0], []).append(row[1:])
    out = []
    for pid, name, code, department, unit, goal, total in projects:
        head = [name, code, department, unit, goal, total] + [funding.get(pid, {}).get(s) for s in sources]
        for target_set, level1, level2, iname, value, description, basis, remarks in indicators.get(
                pid, [(None,) * 8]):
            period = {"annual": "年度", "mid": "中期"}.get(target_set or "", "")
            out.append(head + [period, level1, level2, iname, value, description, basis, remarks])
    return sources, out


def write_xlsx(sources: list[tuple[str, str]], rows: list[list], title: str, template: bool = False,
               department: Optional[str] = None) -> bytes:
    """The flat layout: [department row,] title row, two header rows, one row per indicator."""
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    wb.properties.creator = "TargetBoard 绩效目标看板"
    wb.properties.description = ("一行一个指标的绩效目标表（模板/导出），"
                                 "可在“数据导入”页面或用 python -m ingest load 导入。")
    n_fixed = len(PROJECT_COLUMNS)
    money_cols = 1 + len(sources)
    width = n_fixed + money_cols + len(INDICATOR_COLUMNS)
    top = 1
    if department:  # the unit the tables belong to, on a line of its own as the printed tables have it
        ws.cell(1, 1, department)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        top = 2
    ws.cell(top, 1, title).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=width)
    h1, h2 = top + 1, top + 2
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for k, (_, label) in enumerate(PROJECT_COLUMNS, 1):
        ws.cell(h1, k, label)
        ws.merge_cells(start_row=h1, start_column=k, end_row=h2, end_column=k)
    money = n_fixed + 1
    ws.cell(h1, money, "项目资金（万元）")
    ws.merge_cells(start_row=h1, start_column=money, end_row=h1, end_column=money + money_cols - 1)
    ws.cell(h2, money, "合计")
    for k, (source, _) in enumerate(sources, 1):
        ws.cell(h2, money + k, source)
    first_ind = money + money_cols
    ws.cell(h1, first_ind, "绩效指标")
    ws.merge_cells(start_row=h1, start_column=first_ind, end_row=h1, end_column=width)
    for k, (_, label) in enumerate(INDICATOR_COLUMNS):
        ws.cell(h2, first_ind + k, label)
    for r in (h1, h2):
        for c in range(1, width + 1):
            cell = ws.cell(r, c)
            cell.font, cell.fill, cell.border = bold, fill, border
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for r, values in enumerate(rows, h2 + 1):
        for c, value in enumerate(values, 1):
            if value is None or value == "":
                continue
            cell = ws.cell(r, c, value)
            if isinstance(value, str):
                cell.data_type = "s"  # "=100%" is text, never a formula
            cell.border = border
    widths = [28, 14, 18, 18, 40, 12] + [10] * len(sources) + [8, 12, 16, 30, 14, 24, 20, 24]
    for c, w in enumerate(widths, 1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width = w
    ws.freeze_panes = f"B{h2 + 1}"
    if template:
        notes = wb.create_sheet("填写说明")
        notes.column_dimensions["A"].width = 120
        for r, text in enumerate(INSTRUCTIONS, 1):
            notes.cell(r, 1, text).alignment = Alignment(wrap_text=True)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def export_xlsx(con: duckdb.DuckDBPyConnection, doc_ids: Optional[Sequence[int]] = None) -> bytes:
    """Every loaded project (or those of ``doc_ids``) in the flat layout, as .xlsx bytes."""
    sources, rows = export_rows(con, doc_ids)
    return write_xlsx(sources, rows, _title(con, doc_ids), department=_department(con, doc_ids))


def template_xlsx(year: Optional[int] = None) -> bytes:
    """The empty template: the flat layout's two header rows with the usual funding sources."""
    title = f"××局项目支出绩效目标表（{year}年度）" if year else "××局项目支出绩效目标表（20××年度）"
    return write_xlsx(DEFAULT_SOURCES, [], title, template=True)


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--xlsx", metavar="OUT", help="输出的 .xlsx 文件")
    from ingest.dataset import add_parquet_arguments

    add_parquet_arguments(parser)
    parser.add_argument("--db", default="data/targetboard.duckdb", help="数据库文件（默认 data/targetboard.duckdb）")
    parser.add_argument("--doc", type=int, action="append", metavar="ID",
                        help="只导出这个文件（doc_id，见“数据”页面）；可重复。再导入时一个 Excel 读作一个文件")
    parser.add_argument("--template", action="store_true", help="只输出空白模板（不读数据库）")


def main_export(args: argparse.Namespace | Sequence[str] | None = None) -> int:
    """``python -m ingest export --xlsx OUT [--db FILE] [--template]`` or ``--parquet DIR`` (ingest/dataset.py): 0, or
    2 when the database cannot be read (e.g. another process writes it)."""
    from ingest.loader import DatabaseLockedError, connect

    if not isinstance(args, argparse.Namespace):
        parser = argparse.ArgumentParser(prog="python -m ingest export")
        add_export_arguments(parser)
        args = parser.parse_args(args)
    if getattr(args, "parquet", None):
        from ingest.dataset import main_export_parquet

        return main_export_parquet(args)
    if not args.xlsx:
        print("请给出 --xlsx OUT（Excel）或 --parquet DIR（Parquet 数据集）。", file=sys.stderr)
        return 2
    if args.template:
        data = template_xlsx()
    else:
        try:
            con = connect(args.db, read_only=True)
        except DatabaseLockedError as exc:
            print(exc.message_zh, file=sys.stderr)
            return 2
        except duckdb.Error as exc:
            print(f"无法打开数据库 {args.db}：{exc}", file=sys.stderr)
            return 2
        try:
            docs = getattr(args, "doc", None)
            data = export_xlsx(con, docs)
            count = con.execute("SELECT count(*) FROM projects" + (" WHERE doc_id IN (SELECT unnest($ids))" if docs
                                else ""), {"ids": docs} if docs else {}).fetchone()[0]
        finally:
            con.close()
        print(f"已导出 {count} 个项目到 {args.xlsx}")
    with open(args.xlsx, "wb") as f:
        f.write(data)
    return 0
