"""Tables as files to hand on: .xlsx (openpyxl) and .csv (utf-8-sig, opens in Excel with Chinese intact).

Every file starts with its context: a title, the filters, the source documents and the export time
(``ExportContext``), then a blank row, then the table. Numbers follow ``ui.formatting``: amounts (columns ending in
``（万元）``) carry the exact value (Excel shows ``#,##0.00``, or as many decimals as the value has), percentages
(``（%）``) are rounded to two decimals, counts are integers.

Nothing a spreadsheet could evaluate gets through (formula injection): a text cell starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return is neutralised — in CSV with a leading ``'``, in Excel as a text cell with
Excel's own quote prefix (shown as typed, ``=100%``, and still text after editing). Numbers stay numbers (a
negative amount in a money column is a number). Personal numbers are masked (``ui.privacy.mask_personal``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ui.formatting import EXACT_MAX_DECIMALS, PCT_DECIMALS, column_kind, decimals_needed, display_width
from ui.privacy import mask_frame, mask_personal

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIME = "text/csv"
MAX_WIDTH = 60
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
TITLE_FONT = Font(bold=True, size=13)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PCT_FORMAT = "0.00"
INT_FORMAT = "#,##0"


@dataclass(frozen=True)
class ExportContext:
    """What a downloaded file says about itself in its first rows."""

    title: str
    filters: str = "全部数据（未筛选）"
    sources: Sequence[str] = field(default_factory=tuple)
    exported_at: Optional[dt.datetime] = None

    def rows(self) -> list[tuple[str, str]]:
        when = (self.exported_at or dt.datetime.now()).strftime("%Y-%m-%d %H:%M")
        return [("标题", self.title), ("筛选", self.filters),
                ("来源文件", "、".join(self.sources) if self.sources else "—"), ("导出时间", when)]


def is_formula_like(text: str) -> bool:
    return isinstance(text, str) and text.startswith(_FORMULA_START)


def safe_text(text: str) -> str:
    """CSV text a spreadsheet would evaluate gets a leading quote (``=1+1`` → ``'=1+1``, ``-5%`` → ``'-5%``)."""
    return "'" + text if is_formula_like(text) else text


def money_format(decimals: int) -> str:
    return "#,##0." + "0" * max(decimals, 2)


def number_format(kind: str, value: Any, integer: bool) -> Optional[str]:
    """The Excel display format of a number in a column of ``kind`` (see ``ui.formatting.column_kind``)."""
    if kind == "money":
        return money_format(decimals_needed(value))
    if kind == "pct":
        return PCT_FORMAT
    if kind == "plain":
        return "0"
    if integer or isinstance(value, int):
        return INT_FORMAT
    return None


def export_number(kind: str, value: Any) -> Any:
    """A number as downloads carry it: amounts exact (no float noise), percentages to two decimals."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    if isinstance(value, float) and math.isnan(value):
        return None
    if kind == "pct":
        return round(float(value), PCT_DECIMALS)
    if isinstance(value, float):
        return round(value, EXACT_MAX_DECIMALS)
    return value


def cell_value(value: Any) -> Any:
    """A DataFrame value as a spreadsheet value (text masked; lists joined with ``；``; NaN/NA → empty)."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "tolist") and not isinstance(value, (int, float, str)):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return "；".join(str(mask_personal(v)) for v in value) or None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float, dt.date, dt.datetime)):
        return value
    if hasattr(value, "item"):  # numpy scalars
        return cell_value(value.item())
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return mask_personal(str(value))


def write_text_cell(cell, value: str) -> None:
    """A text cell that is never a formula (Excel's quote prefix on text that starts like one)."""
    cell.value = value
    cell.data_type = "s"
    if is_formula_like(value):
        cell.quotePrefix = True


def write_context(ws: Worksheet, context: ExportContext) -> int:
    """The context rows at the top of ``ws``; returns the row number of the table header (after a blank row)."""
    for r, (label, value) in enumerate(context.rows(), 1):
        ws.cell(row=r, column=1, value=label).font = HEADER_FONT
        write_text_cell(ws.cell(row=r, column=2), mask_personal(value))
        if label == "标题":
            ws.cell(row=r, column=2).font = TITLE_FONT
    return len(context.rows()) + 2


def style_header(ws: Worksheet, row: int, n_columns: int, wrap: bool = False) -> None:
    for j in range(1, n_columns + 1):
        cell = ws.cell(row=row, column=j)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=wrap)


def write_value(cell, value: Any, kind: str, integer: bool) -> str:
    """Write one table value with its format; returns the text it shows (for column widths)."""
    value = export_number(kind, value)
    if isinstance(value, str):
        write_text_cell(cell, value)
        return value
    cell.value = value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        fmt = number_format(kind, value, integer)
        if fmt:
            cell.number_format = fmt
        if kind == "money":
            return f"{value:,.{decimals_needed(value)}f}"
        if kind == "pct":
            return f"{value:,.2f}"
        return f"{value:,}" if isinstance(value, int) and kind != "plain" else f"{value:g}"
    if isinstance(value, dt.datetime):
        cell.number_format = "yyyy-mm-dd hh:mm"
        return "0000-00-00 00:00"
    if isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
        return "0000-00-00"
    return ""


def _is_integer_column(series: pd.Series) -> bool:
    return pd.api.types.is_integer_dtype(series) and not pd.api.types.is_bool_dtype(series)


def sheet_title(name: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", "_", name)[:31] or "数据"


def to_xlsx_bytes(df: pd.DataFrame, context: ExportContext, sheet_name: Optional[str] = None) -> bytes:
    """``df`` as an .xlsx file: the context rows, then the table (bold frozen header with a filter)."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title(sheet_name or context.title)
    header_row = write_context(ws, context)
    columns = [str(c) for c in df.columns]
    for j, name in enumerate(columns, 1):
        write_text_cell(ws.cell(row=header_row, column=j), name)
    style_header(ws, header_row, len(columns))
    kinds = [column_kind(c) for c in columns]
    integer = [_is_integer_column(df[c]) for c in df.columns]
    widths = [display_width(c) + 2 for c in columns]
    r = header_row
    for row in df.itertuples(index=False, name=None):
        r += 1
        for j, value in enumerate(row):
            shown = write_value(ws.cell(row=r, column=j + 1), cell_value(value), kinds[j], integer[j])
            widths[j] = max(widths[j], display_width(shown) + 2)
    widths[0] = max(widths[0], 10)
    for j, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(j)].width = min(max(width, 6), MAX_WIDTH)
    ws.freeze_panes = f"A{header_row + 1}"
    if columns:
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(columns))}{max(r, header_row)}"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def to_csv_bytes(df: pd.DataFrame, context: ExportContext) -> bytes:
    """``df`` as CSV in UTF-8 with a byte-order mark (Excel opens it with the Chinese intact): the context lines,
    a blank line, then the table."""
    out = mask_frame(df)
    kinds = [column_kind(c) for c in out.columns]
    for col, kind in zip(out.columns, kinds):
        series = out[col]
        if pd.api.types.is_bool_dtype(series):
            out[col] = series.map(lambda v: "是" if v else "否")
        elif pd.api.types.is_numeric_dtype(series):
            if kind == "pct" or pd.api.types.is_float_dtype(series):
                out[col] = series.map(lambda v, k=kind: export_number(k, v))
        else:
            out[col] = series.map(_csv_text)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    for label, value in context.rows():
        writer.writerow([label, safe_text(mask_personal(value))])
    writer.writerow([])
    buf.write(out.to_csv(index=False, lineterminator="\n"))
    return buf.getvalue().encode("utf-8-sig")


def _csv_text(value: Any) -> Any:
    if hasattr(value, "tolist") and not isinstance(value, (int, float, str)):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return safe_text("；".join(str(v) for v in value))
    if isinstance(value, str):
        return safe_text(value)
    return value
