"""Tables as files to hand on: .xlsx (openpyxl) and .csv (utf-8-sig, opens in Excel with Chinese intact).

Both mask phone numbers and never let text run as a formula: .xlsx cells holding text are typed as strings, and
.csv text that a spreadsheet would evaluate (``=``, ``+``, ``@``, or ``-`` not followed by a number) gets a leading
quote. Excel layout: bold header row, frozen below the header, auto filter, column widths
from the content (CJK counted double), amounts (columns ending in ``（万元）``) in ``#,##0.00`` or with as many
decimals as the value has (``#,##0.0000`` for 0.6924), percentages (``（%）``) in ``0.00``, integers in ``0``.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ui.formatting import column_kind, decimals_needed, display_width
from ui.privacy import mask_frame, mask_phones

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIME = "text/csv"
MAX_WIDTH = 60
_FORMULA_RE = re.compile(r"^(?:[=+@\t\r]|-(?![\d.]))")


def safe_text(text: str) -> str:
    """Prefix a quote to text a spreadsheet would evaluate (formula injection)."""
    return "'" + text if _FORMULA_RE.match(text) else text


def money_format(decimals: int) -> str:
    return "#,##0." + "0" * max(decimals, 2)


def _cell_value(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "tolist") and not isinstance(value, (int, float, str)):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return "；".join(str(mask_phones(v)) for v in value) or None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float, dt.date, dt.datetime)):
        return value
    if hasattr(value, "item"):  # numpy scalars
        return _cell_value(value.item())
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return mask_phones(str(value))


def _is_integer_column(series: pd.Series) -> bool:
    return pd.api.types.is_integer_dtype(series) and not pd.api.types.is_bool_dtype(series)


def to_xlsx_bytes(df: pd.DataFrame, sheet_name: str = "数据") -> bytes:
    """``df`` as an .xlsx file (one sheet)."""
    wb = Workbook()
    ws = wb.active
    ws.title = re.sub(r"[\[\]:*?/\\]", "_", sheet_name)[:31] or "数据"
    columns = [str(c) for c in df.columns]
    ws.append(columns)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDE6F0")
    for cell in ws[1]:
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(vertical="center", wrap_text=False)
    kinds = [column_kind(c) for c in columns]
    integer = [_is_integer_column(df[c]) for c in df.columns]
    widths = [display_width(c) + 2 for c in columns]
    for row in df.itertuples(index=False, name=None):
        values = [_cell_value(v) for v in row]
        ws.append(values)
        r = ws.max_row
        for j, value in enumerate(values):
            cell = ws.cell(row=r, column=j + 1)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
                widths[j] = max(widths[j], display_width(value) + 2)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                if kinds[j] == "money":
                    cell.number_format = money_format(decimals_needed(value))
                    text = f"{value:,.{decimals_needed(value)}f}"
                elif kinds[j] == "pct":
                    cell.number_format = "0.00"
                    text = f"{value:.2f}"
                elif integer[j] or (isinstance(value, int)):
                    cell.number_format = "0"
                    text = str(value)
                else:
                    text = f"{value:g}"
                widths[j] = max(widths[j], len(text) + 2)
            elif isinstance(value, dt.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
                widths[j] = max(widths[j], 18)
            elif isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
                widths[j] = max(widths[j], 12)
    for j, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(j)].width = min(max(width, 6), MAX_WIDTH)
    ws.freeze_panes = "A2"
    if columns:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(ws.max_row, 1)}"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """``df`` as CSV in UTF-8 with a byte-order mark (Excel opens it with the Chinese intact)."""
    out = mask_frame(df)
    for col in out.columns:
        if not (pd.api.types.is_numeric_dtype(out[col]) or pd.api.types.is_bool_dtype(out[col])):
            out[col] = out[col].map(lambda v: _csv_text(v))
    return out.to_csv(index=False).encode("utf-8-sig")


def _csv_text(value: Any) -> Any:
    if hasattr(value, "tolist") and not isinstance(value, (int, float, str)):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return safe_text("；".join(str(v) for v in value))
    if isinstance(value, str):
        return safe_text(value)
    return value
