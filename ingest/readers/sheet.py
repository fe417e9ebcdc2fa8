"""Building a grid from the tables and paragraphs of a binary document (workbook, Word, PDF, web page, scan).

Every binary reader ends up with the same two things: paragraphs (titles, ``单位：元``) and tables whose cells have a
position, a span and a reference. :class:`GridBuilder` turns them into the display lines and rows of a
:class:`ingest.grid.Grid`, the same way for every format:

- a heading line per sheet or page (``【工作表 Sheet1】``, ``【第 2 页】``), one line per paragraph;
- one line per table row, the cells joined by tabs at their column positions (covered positions of a merged cell
  left empty), so the original can be shown beside the reading;
- one row of cells per table row: a merged cell appears once, at its top-left position, with its row and column
  span, and spans the lines of the rows it covers; covered positions are absent, blank cells are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ingest.grid import Cell, Grid, ParseWarning, Row

_CJK = r"\u3400-\u9fff\uff00-\uffef\u3000-\u303f"
_WRAP = re.compile(rf"(?<=[{_CJK}])\s*\n\s*(?=[{_CJK}])")


def flatten(text: str) -> str:
    """A cell's text on one line: a line break inside Chinese text is a wrap (joined), elsewhere a space."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _WRAP.sub("", text)
    return re.sub(r"[ \t]*\n[ \t]*", " ", text).strip()


def col_letter(col: int) -> str:
    """0-based column index → Excel letters (0 → A, 27 → AB)."""
    out = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        out = chr(65 + rest) + out
    return out


@dataclass
class TCell:
    """A cell of a source table: its text, span and reference (``Sheet1!B7``, ``第 2 页``, ``表 1 第 3 行``)."""

    text: str
    rowspan: int = 1
    colspan: int = 1
    ref: Optional[str] = None


# A table: rows of positions; a TCell anchors a cell, None is a position covered by a merged cell.
Table = list[list[Optional[TCell]]]


def place(cells: list[tuple[int, int, TCell]]) -> Table:
    """A table from ``(row, col, cell)`` anchors; positions covered by a span become None, the rest blank cells."""
    if not cells:
        return []
    nrows = max(r + c.rowspan for r, _, c in cells)
    ncols = max(k + c.colspan for _, k, c in cells)
    table: Table = [[TCell("") for _ in range(ncols)] for _ in range(nrows)]
    for r, k, cell in cells:
        for dr in range(cell.rowspan):
            for dk in range(cell.colspan):
                table[r + dr][k + dk] = None
        table[r][k] = cell
    return table


class GridBuilder:
    def __init__(self, source: str):
        self.source = source
        self.lines: list[str] = []
        self.rows: list[Row] = []
        self.warnings: list[ParseWarning] = []
        self.table_count = 0

    def line(self, text: str) -> int:
        self.lines.append(text)
        return len(self.lines)

    def heading(self, text: str) -> int:
        return self.line(text)

    def paragraph(self, text: str, ref: Optional[str] = None) -> None:
        """A paragraph: one line and, when it has text, a row of one cell."""
        text = flatten(text)
        number = self.line(text)
        if text.strip():
            self.rows.append(Row(cells=[Cell(text, number, number, col=0, ref=ref)], line_start=number,
                                 line_end=number, table=self.table_count))

    def warn(self, code: str, message: str, line: Optional[int] = None) -> None:
        self.warnings.append(ParseWarning(code, message, line))

    def table(self, table: Table, new: bool = True) -> int:
        """Add a table (its rows in order); returns the number of its first line. ``new=False`` continues the
        previous table (a table carried over to the next page)."""
        if new:
            self.table_count += 1
        first = len(self.lines) + 1
        numbers: list[int] = []
        for positions in table:
            texts = ["" if c is None else flatten(c.text).replace("\t", " ") for c in positions]
            while texts and not texts[-1]:
                texts.pop()
            numbers.append(self.line("\t".join(texts)))
        for r, positions in enumerate(table):
            cells = []
            covered = False
            for k, c in enumerate(positions):
                if c is None:
                    covered = True
                    continue
                last = numbers[min(len(numbers) - 1, r + c.rowspan - 1)]
                cells.append(Cell(flatten(c.text), numbers[r], last, col=k, rowspan=c.rowspan, colspan=c.colspan,
                                  ref=c.ref))
            if any(not c.is_blank for c in cells) or (covered and cells):
                end = max(c.line_end for c in cells)
                self.rows.append(Row(cells=cells, line_start=numbers[r], line_end=max(end, numbers[r]),
                                     table=self.table_count - 1))
        return first

    def grid(self, family: str, is_ocr: bool = False, warnings: Optional[list[ParseWarning]] = None) -> Grid:
        return Grid(source=self.source, lines=self.lines, rows=self.rows, family=family, encoding="binary",
                    scores={family: 1.0}, warnings=self.warnings + list(warnings or []), is_ocr=is_ocr)


def split_tables(table: Table) -> list[tuple[int, Table]]:
    """A sheet's positions split into tables at fully empty rows (no text, nothing merged into them):
    ``[(first row index, table)]``."""
    out: list[tuple[int, Table]] = []
    current: Table = []
    start = 0
    for r, positions in enumerate(table):
        empty = all(c is not None and not c.text.strip() for c in positions)
        if empty:
            if current:
                out.append((start, current))
                current = []
            continue
        if not current:
            start = r
        current.append(positions)
    if current:
        out.append((start, current))
    return out
