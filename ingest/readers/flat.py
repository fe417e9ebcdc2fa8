"""The flat long layout of workbooks and CSV exports: one row per indicator, the project's columns repeated.

Disclosure exports and TargetBoard's own template (:mod:`ingest.export`) print one table whose header names the
project columns (项目名称, 项目资金, 中央补助 …) and the indicator columns (一级指标 … 指标值) side by side, often on
two header rows (``项目资金`` over ``合计 | 中央补助 | 区级资金``, ``绩效指标`` over ``一级指标 | 二级指标 …``). The
interpreter reads the printed form, where a project's labels stand beside their values and its indicator table
follows; it cannot read this table as it is (a label's value stands *below* it, many rows down, and every row
repeats the project). So this reader puts the form back together from the same cells: for each run of rows of one
project, a label/value row per project column, then the indicator header and one row per indicator. Cells keep
their text and reference (``Sheet1!C5``) and stand on the lines of the rows they describe (a column header on
the first row of its project), so every project and indicator points at its own rows; the original lines are
unchanged. Mid-term rows (指标期间 = 中期) form a block of their own after a ``中期绩效指标`` marker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ingest import taxonomy as tx
from ingest.grid import Cell, Grid, Row
from ingest.textnorm import normalise_label

_TOTAL_WORDS = ("合计", "小计", "总计", "总额", "金额")
_MID = "中期"


@dataclass
class Column:
    col: int
    kind: str  # field | funding | indicator | set
    key: str  # field name, funding level or indicator role
    label: Cell  # a header cell whose text names the column (as the form would print it)


def _label(cell: Cell, text: str) -> Cell:
    return Cell(text, cell.line_start, cell.line_end, col=0, ref=cell.ref)


def _classify(texts: list[tuple[Cell, str]]) -> Optional[tuple[str, str, Cell]]:
    """(kind, key, label cell) for one column from its header texts, lowest row first, then with its parent."""
    candidates: list[tuple[Cell, str]] = []
    if texts:
        low_cell, low = texts[-1]
        candidates.append((low_cell, low))
        for parent_cell, parent in reversed(texts[:-1]):
            if normalise_label(low) in _TOTAL_WORDS or tx.field_of(normalise_label(parent)) == "total":
                candidates.append((parent_cell, parent + low))
            candidates.append((parent_cell, parent))
    for cell, text in candidates:
        norm = normalise_label(text)
        if not norm:
            continue
        if norm in ("指标期间", "目标期间", "指标类型"):
            return "set", "set", _label(cell, text)
        role = tx.header_role_of(text)
        if role in ("level1", "level2", "name", "value", "description", "weight", "basis", "op", "unit", "remarks"):
            return "indicator", role, _label(cell, text)
        field = tx.field_of(norm)
        if field:
            if field == "total" and cell is not texts[-1][0] and normalise_label(texts[-1][1]) not in _TOTAL_WORDS:
                continue  # 项目资金 over 中央补助: the child is a source, not the total
            return "field", field, _label(cell, text)
        level = tx.funding_level_of(norm)
        if level:
            return "funding", level, _label(cell, text)
    return None


def _header(rows: list[Row], at: int) -> Optional[tuple[int, list[Column]]]:
    """(number of header rows, columns) when a flat header starts at ``rows[at]``."""
    for depth in (1, 2, 3):
        if at + depth > len(rows):
            break
        texts: dict[int, list[tuple[Cell, str]]] = {}
        for row in rows[at:at + depth]:
            for cell in row.cells:
                if cell.col is None or cell.is_blank:
                    continue
                for c in range(cell.col, cell.col + max(1, cell.colspan)):
                    texts.setdefault(c, []).append((cell, cell.text.strip()))
        columns = []
        for col in sorted(texts):
            found = _classify(texts[col])
            if found:
                columns.append(Column(col, *found))
        fields = {c.key for c in columns if c.kind == "field"}
        roles = {c.key for c in columns if c.kind == "indicator"}
        if "name" in fields and "value" in roles and ({"name", "level2"} & roles):
            return depth, columns
    return None


def reshape(grid: Grid) -> Grid:
    """The grid with a flat long table rebuilt as the printed form; any other grid unchanged."""
    rows = grid.rows
    # a flat header names the project column (项目名称) on one of its rows: only the rows near one are tried
    named = [any("名" in c.text and tx.field_of(normalise_label(c.text)) == "name" for c in row.cells if c.key)
             for row in rows]  # (every name alias has 名 in it)
    for at, row in enumerate(rows):
        if len(row.filled()) < 4 or not any(named[at:at + 3]):
            continue
        found = _header(rows, at)
        if found is None:
            continue
        depth, columns = found
        end = at + depth
        while end < len(rows) and rows[end].table == row.table:  # the flat table ends where its source table does
            end += 1
        out = rows[:at] + _rebuild(rows[at + depth:end], columns) + reshape_rest(grid, rows[end:])
        return Grid(source=grid.source, lines=grid.lines, rows=out, family="flat", encoding=grid.encoding,
                    scores={**grid.scores, "flat": 1.0}, warnings=grid.warnings, is_ocr=grid.is_ocr)
    return grid


def reshape_rest(grid: Grid, rows: list[Row]) -> list[Row]:
    """The rows after a flat table (another sheet, a note), themselves reshaped when they hold a flat table."""
    if not rows:
        return []
    rest = reshape(Grid(source=grid.source, lines=grid.lines, rows=rows, family=grid.family))
    return rest.rows


def _text_at(row: Row, col: int) -> Optional[Cell]:
    for cell in row.cells:
        if cell.col is not None and cell.col <= col < cell.col + max(1, cell.colspan):
            return cell
    return None


def _rebuild(data: list[Row], columns: list[Column]) -> list[Row]:
    project_cols = [c for c in columns if c.kind in ("field", "funding")]
    indicator_cols = [c for c in columns if c.kind == "indicator"]
    set_col = next((c for c in columns if c.kind == "set"), None)
    out: list[Row] = []
    groups: list[list[Row]] = []
    previous_key = None
    for row in data:
        if not row.filled():
            continue
        key = tuple((_text_at(row, c.col).key if _text_at(row, c.col) else "") for c in project_cols)
        if not any(key):  # a row merged down from the project above, or a note under the table
            if groups:
                groups[-1].append(row)
            continue
        if key != previous_key:
            groups.append([])
            previous_key = key
        groups[-1].append(row)
    for group in groups:
        first = group[0]
        for column in sorted(project_cols, key=lambda c: (c.kind != "field" or c.key != "name", c.kind == "funding")):
            cell = _text_at(first, column.col)
            if cell is None or cell.is_blank:
                continue
            label = Cell(column.label.text, cell.line_start, cell.line_end, col=0, ref=column.label.ref)
            out.append(Row(cells=[label, Cell(cell.text, cell.line_start, cell.line_end, col=1, ref=cell.ref)],
                           line_start=cell.line_start, line_end=cell.line_end, table=first.table))
        blocks: dict[str, list[Row]] = {}
        for row in group:
            period = _text_at(row, set_col.col) if set_col else None
            mid = period is not None and _MID in period.key
            blocks.setdefault("mid" if mid else "annual", []).append(row)
        for name, block in blocks.items():
            if name == "mid":
                line = block[0].line_start
                out.append(Row(cells=[Cell("中期绩效指标", line, line, col=0)], line_start=line, line_end=line,
                               table=first.table))
            line = block[0].line_start  # the header stands where the block starts (its cells keep their ref)
            header = [Cell(c.label.text, line, line, col=i, ref=c.label.ref) for i, c in enumerate(indicator_cols)]
            out.append(Row(cells=header, line_start=header[0].line_start, line_end=header[0].line_end,
                           table=first.table))
            for row in block:
                cells = []
                for i, column in enumerate(indicator_cols):
                    cell = _text_at(row, column.col)
                    text = "" if cell is None else cell.text
                    cells.append(Cell(text, row.line_start, row.line_end, col=i,
                                      ref=None if cell is None else cell.ref))
                out.append(Row(cells=cells, line_start=row.line_start, line_end=row.line_end, table=row.table))
    return out
