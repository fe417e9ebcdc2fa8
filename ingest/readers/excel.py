"""Workbooks: .xlsx (openpyxl) and .xls (xlrd) → grid.

Every visible sheet in order; within a sheet, tables are separated by fully empty rows (several tables per sheet).
Merged ranges become spans (the text is the top-left cell's). Formulas are read as the values Excel cached when
the file was saved; a formula without a cached value is named in a warning. Hidden sheets, rows and columns are
ignored, each with a warning. Numbers are shown as the cell's number format shows them (``0.97`` formatted ``0%``
reads ``97%``; ``18.4`` formatted ``0.00`` reads ``18.40``); dates as ``2024年12月31日``.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings as pywarnings
from typing import Any

from ingest.errors import IngestError
from ingest.grid import Grid
from ingest.readers import guard
from ingest.readers.sheet import GridBuilder, Table, TCell, col_letter, place, split_tables

_DECIMALS = re.compile(r"0\.(0+)")


def format_value(value: Any, number_format: str = "General") -> str:
    """A cell value as the sheet shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return f"{value.year}年{value.month}月{value.day}日"
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, (int, float)):
        fmt = (number_format or "General").split(";")[0]
        decimals = _DECIMALS.search(fmt)
        places = len(decimals.group(1)) if decimals else None
        if "%" in fmt:
            number = value * 100
            return (f"{number:.{places}f}" if places is not None else _plain(number)) + "%"
        if places is not None:
            text = f"{value:,.{places}f}" if "," in fmt else f"{value:.{places}f}"
            return text
        return _plain(value)
    return str(value)


def _plain(number: float) -> str:
    if float(number).is_integer():
        return str(int(number))
    return f"{number:.10f}".rstrip("0").rstrip(".")


# ------------------------------------------------------------------------------------------------------- .xlsx
def read_xlsx(source: str, data: bytes) -> Grid:
    kind = guard.sniff(data)
    if kind == "ole":
        return read_xls(source, data)  # an old .xls (or .doc) saved under the new suffix
    if kind != "zip":
        raise guard.wrong_kind(source, kind, "Excel 工作簿（.xlsx）")
    archive = guard.open_zip(source, data, "Excel 文件")
    office = guard.office_kind(archive)
    if office == "docx":
        from ingest.readers.word import read_docx

        return read_docx(source, data)
    if office != "xlsx":
        raise IngestError(source, "这是一个 ZIP 压缩包，不是 Excel 工作簿（扩展名被改过）。"
                                  "请先解压，再导入其中的 .xlsx/.docx/PDF 等文件。")
    import openpyxl

    try:
        with pywarnings.catch_warnings():
            pywarnings.simplefilter("ignore")
            values = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
            formulas = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on a broken file
        raise IngestError(source, f"Excel 文件已损坏，无法打开（{type(exc).__name__}）。"
                                  "请在 Excel/WPS 中打开后另存一份，或从原系统重新导出后再导入。") from exc
    builder = GridBuilder(source)
    for ws in values.worksheets:
        if ws.sheet_state != "visible":
            builder.warn("hidden_sheet", f"隐藏的工作表「{ws.title}」已忽略（未读取）。")
            continue
        _read_sheet(builder, ws, formulas[ws.title])
    grid = builder.grid("xlsx")
    grid.text_lines = list(builder.lines)  # for the text layouts, when no sheet holds an indicator header
    return grid


def _read_sheet(builder: GridBuilder, ws, ws_formulas) -> None:
    heading = builder.heading(f"【工作表 {ws.title}】")
    max_row, max_col = ws.max_row or 0, ws.max_column or 0
    if max_row == 0 or max_col == 0 or (max_row == 1 and max_col == 1 and ws.cell(1, 1).value is None):
        return
    hidden_rows = {r for r in range(1, max_row + 1) if ws.row_dimensions[r].hidden}
    hidden_cols = {c for c in range(1, max_col + 1) if ws.column_dimensions[col_letter(c - 1)].hidden}
    merged = {}
    covered = set()
    for rng in ws.merged_cells.ranges:
        merged[(rng.min_row, rng.min_col)] = (rng.max_row, rng.max_col)
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) != (rng.min_row, rng.min_col):
                    covered.add((r, c))
    rows = [r for r in range(1, max_row + 1) if r not in hidden_rows]
    cols = [c for c in range(1, max_col + 1) if c not in hidden_cols]
    row_at = {r: i for i, r in enumerate(rows)}
    col_at = {c: i for i, c in enumerate(cols)}
    anchors: list[tuple[int, int, TCell]] = []
    no_cache = []
    for r in rows:
        for c in cols:
            if (r, c) in covered:
                continue
            cell = ws.cell(r, c)
            text = format_value(cell.value, cell.number_format)
            if cell.value is None:
                raw = ws_formulas.cell(r, c).value
                if isinstance(raw, str) and raw.startswith("="):
                    no_cache.append(f"{col_letter(c - 1)}{r}")
            rowspan = colspan = 1
            if (r, c) in merged:
                last_r, last_c = merged[(r, c)]
                rowspan = sum(1 for x in range(r, last_r + 1) if x not in hidden_rows) or 1
                colspan = sum(1 for x in range(c, last_c + 1) if x not in hidden_cols) or 1
            anchors.append((row_at[r], col_at[c],
                            TCell(text, rowspan, colspan, f"{ws.title}!{col_letter(c - 1)}{r}")))
    if hidden_rows:
        builder.warn("hidden_rows", f"工作表「{ws.title}」中 {len(hidden_rows)} 个隐藏行已忽略（第 "
                     + "、".join(str(r) for r in sorted(hidden_rows)[:10]) + (" 等" if len(hidden_rows) > 10 else "")
                     + " 行）。", heading)
    if hidden_cols:
        builder.warn("hidden_columns", f"工作表「{ws.title}」中 {len(hidden_cols)} 个隐藏列已忽略（"
                     + "、".join(col_letter(c - 1) for c in sorted(hidden_cols)[:10]) + " 列）。", heading)
    if no_cache:
        builder.warn("formula_without_value", f"工作表「{ws.title}」中 {len(no_cache)} 个公式单元格没有保存计算结果"
                     f"（{'、'.join(no_cache[:5])}），按空白读取。请在 Excel/WPS 中打开并保存后再导入。", heading)
    _add_tables(builder, place(anchors))


def _add_tables(builder: GridBuilder, table: Table) -> None:
    for _, part in split_tables(table):
        builder.table(part)


# ------------------------------------------------------------------------------------------------------- .xls
def read_xls(source: str, data: bytes) -> Grid:
    kind = guard.sniff(data)
    if kind == "zip":
        archive = guard.open_zip(source, data, "Excel 文件")
        if guard.office_kind(archive) == "xlsx":
            return read_xlsx(source, data)  # a new workbook saved under the old suffix
    if kind != "ole":
        raise guard.wrong_kind(source, kind, "Excel 工作簿（.xls）")
    if guard.old_word(data):
        from ingest.readers.doc import read_doc

        return read_doc(source, data)  # a Word 97–2003 file saved under a workbook's suffix
    guard.check_ole(source, data, "xls")
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=False)
    except Exception as exc:  # noqa: BLE001 - xlrd raises many kinds on a broken file
        raise IngestError(source, f"Excel 文件（.xls）已损坏，无法打开（{exc}）。"
                                  "请在 Excel/WPS 中打开后另存为 .xlsx 再导入。") from exc
    builder = GridBuilder(source)
    for sheet in book.sheets():
        if sheet.visibility != 0:
            builder.warn("hidden_sheet", f"隐藏的工作表「{sheet.name}」已忽略（未读取）。")
            continue
        heading = builder.heading(f"【工作表 {sheet.name}】")
        hidden_rows = {r for r in range(sheet.nrows) if r in sheet.rowinfo_map and sheet.rowinfo_map[r].hidden}
        hidden_cols = {c for c in range(sheet.ncols) if c in sheet.colinfo_map and sheet.colinfo_map[c].hidden}
        merged, covered = {}, set()
        for r0, r1, c0, c1 in sheet.merged_cells:
            merged[(r0, c0)] = (r1, c1)
            covered |= {(r, c) for r in range(r0, r1) for c in range(c0, c1)} - {(r0, c0)}
        rows = [r for r in range(sheet.nrows) if r not in hidden_rows]
        cols = [c for c in range(sheet.ncols) if c not in hidden_cols]
        row_at = {r: i for i, r in enumerate(rows)}
        col_at = {c: i for i, c in enumerate(cols)}
        anchors = []
        for r in rows:
            for c in cols:
                if (r, c) in covered:
                    continue
                text = _xls_text(book, sheet.cell(r, c))
                rowspan = colspan = 1
                if (r, c) in merged:
                    r1, c1 = merged[(r, c)]
                    rowspan = sum(1 for x in range(r, r1) if x not in hidden_rows) or 1
                    colspan = sum(1 for x in range(c, c1) if x not in hidden_cols) or 1
                anchors.append((row_at[r], col_at[c], TCell(text, rowspan, colspan,
                                                            f"{sheet.name}!{col_letter(c)}{r + 1}")))
        if hidden_rows:
            builder.warn("hidden_rows", f"工作表「{sheet.name}」中 {len(hidden_rows)} 个隐藏行已忽略。", heading)
        if hidden_cols:
            builder.warn("hidden_columns", f"工作表「{sheet.name}」中 {len(hidden_cols)} 个隐藏列已忽略。", heading)
        _add_tables(builder, place(anchors))
    grid = builder.grid("xls")
    grid.text_lines = list(builder.lines)  # for the text layouts, when no sheet holds an indicator header
    return grid


def _xls_text(book, cell) -> str:
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return ""
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return "是" if cell.value else "否"
    fmt = _xls_format(book, cell)
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return format_value(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
        except (ValueError, OverflowError):
            return _plain(cell.value)
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return format_value(cell.value, fmt)
    return str(cell.value)


def _xls_format(book, cell) -> str:
    try:
        xf = book.xf_list[cell.xf_index]
        return book.format_map[xf.format_key].format_str or "General"
    except (IndexError, KeyError, AttributeError, TypeError):
        return "General"


__all__ = ["read_xlsx", "read_xls", "format_value"]
