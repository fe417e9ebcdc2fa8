"""One cell per line (``cell_per_line``): a line starting with a tab opens a cell, a blank line ends the row.

Quirks handled here: a line without a leading tab directly after a cell line continues that cell (wrapped text);
a label cell broken by a blank line or two (``\\t年度本级`` / ``""`` / ``预算金额``) is joined again; a line without a
leading tab elsewhere is a row of its own (titles, notes). Empty cells are real blank columns.
"""

from __future__ import annotations

from ingest.grid import Cell, ParseWarning, Row
from ingest.readers.families.common import content_lines


def build(lines: list[str]) -> tuple[list[Row], list[ParseWarning]]:
    rows: list[Row] = []
    current: list[Cell] | None = None
    previous = "blank"  # blank | cell | plain
    blanks = 0

    def close() -> None:
        nonlocal current
        if current is not None:
            rows.append(Row(cells=current, line_start=current[0].line_start, line_end=current[-1].line_end))
            current = None

    for number, line in enumerate(lines, 1):
        if not line.strip() and not line.startswith("\t"):
            close()
            previous = "blank"
            blanks += 1
            continue
        if not line.startswith("\t") and blanks in (1, 2) and current is None and rows and _is_lone_cell(rows[-1],
                                                                                                       lines):
            current = rows.pop().cells  # a label cell broken by a blank line: "\t年度本级" / "" / "预算金额"
            previous = "cell"
        blanks = 0
        if line.startswith("\t"):
            if current is None or previous == "plain":
                close()  # a title or note line is a row of its own
                current = []
            current.append(Cell(line[1:], number, number, col=len(current)))
            previous = "cell"
        elif previous == "cell" and current is not None:
            last = current[-1]
            current[-1] = Cell(last.text.rstrip() + line.strip(), last.line_start, number, col=last.col)
        else:
            close()
            current = [Cell(line, number, number, col=0)]
            previous = "plain"
    close()
    return rows, []


def _is_lone_cell(row: Row, lines: list[str]) -> bool:
    return len(row.cells) == 1 and lines[row.line_start - 1].startswith("\t") and row.line_start == row.line_end


def score(lines: list[str]) -> float:
    content = content_lines(lines)
    if not content:
        return 0.0
    single = sum(1 for line in content if line.startswith("\t") and "\t" not in line[1:])
    return single / len(content)
