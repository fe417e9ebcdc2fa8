"""Layout families of plain-text target tables and the detection that picks one.

Each family turns the lines of a text file into rows of cells and says how the interpreter must read the cells:
``positional`` means an empty cell is a real (blank) column; otherwise empty cells are artefacts of merged cells
and shifted indentation and only the order of the non-empty cells counts. ``repairs_fragments`` means the grid
was broken by PDF extraction: text of one cell may be spread over neighbouring cells and lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ingest.readers.rows import Row

CJK = "\u3400-\u9fff\uf900-\ufaff"
_CJK_GAP = re.compile(rf"[{CJK}]\s+[{CJK}]")
# Words that appear in every target-table layout; a text with none of them holds no target table.
FORM_WORDS = ("项目名称", "项目支出名称", "一级指标", "三级指标", "绩效指标", "绩效目标")


@dataclass(frozen=True)
class Layout:
    key: str
    title_zh: str
    positional: bool
    repairs_fragments: bool
    split: Callable[[list[str]], list[Row]]
    score: Callable[[list[str]], float]


def split_tab_rows(lines: list[str]) -> list[Row]:
    """One row per non-blank line, cells split at tabs."""
    rows = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            cells = line.split("\t")
            rows.append(Row(cells=cells, line_start=number, line_end=number, cell_lines=[number] * len(cells)))
    return rows


def split_cell_lines(lines: list[str]) -> list[Row]:
    """One cell per line: a line starting with a tab opens a cell of the current row, blank lines end a row.

    A line without a leading tab directly after a cell line continues that cell (wrapped text); otherwise it
    starts a row of its own (titles, notes, a label cell broken off by a blank line).
    """
    rows: list[Row] = []
    current: Row | None = None
    previous = "blank"  # blank | cell | plain
    blanks = 0
    for number, line in enumerate(lines, 1):
        if not line.strip() and not line.startswith("\t"):
            if current is not None:
                rows.append(current)
                current = None
            previous = "blank"
            blanks += 1
            continue
        if not line.startswith("\t") and blanks == 1 and current is None and rows and _is_lone_cell(rows[-1], lines):
            # a label cell broken by a blank line: "\t年度本级" / "" / "预算金额"
            current = rows.pop()
            previous = "cell"
        blanks = 0
        if line.startswith("\t"):
            if current is None:
                current = Row(cells=[], line_start=number, line_end=number)
            current.cells.append(line[1:])
            current.cell_lines.append(number)
            current.line_end = number
            previous = "cell"
        elif previous == "cell" and current is not None:
            current.cells[-1] = current.cells[-1].rstrip() + line.strip()
            current.line_end = number
        else:
            if current is not None:
                rows.append(current)
            current = Row(cells=[line], line_start=number, line_end=number, cell_lines=[number])
            previous = "plain"
    if current is not None:
        rows.append(current)
    return rows


def _is_lone_cell(row: Row, lines: list[str]) -> bool:
    return len(row.cells) == 1 and lines[row.line_start - 1].startswith("\t") and row.line_start == row.line_end


def _content_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if line.strip()]


def score_cell_lines(lines: list[str]) -> float:
    content = _content_lines(lines)
    if not content:
        return 0.0
    single = sum(1 for line in content if line.startswith("\t") and "\t" not in line[1:])
    return single / len(content)


def _tab_cells(lines: list[str]) -> list[str]:
    return [c.strip() for line in lines if line.count("\t") >= 2 for c in line.split("\t") if c.strip()]


def _grid_features(lines: list[str]) -> tuple[float, float]:
    """(share of lines with two or more tabs, share of their cells with a wrap gap between CJK characters)."""
    content = _content_lines(lines)
    if not content:
        return 0.0, 0.0
    multi = sum(1 for line in content if line.count("\t") >= 2) / len(content)
    cells = _tab_cells(lines)
    broken = sum(1 for c in cells if _CJK_GAP.search(c)) / max(1, len(cells))
    return multi, min(1.0, broken * 5)


def score_tabbed(lines: list[str]) -> float:
    multi, broken = _grid_features(lines)
    return multi * (1.0 - broken)


def score_pdf_grid(lines: list[str]) -> float:
    multi, broken = _grid_features(lines)
    return multi * broken


LAYOUTS: dict[str, Layout] = {
    layout.key: layout
    for layout in (
        Layout("tab_rows", "制表符分隔行（合并单元格留空）", False, False, split_tab_rows, score_tabbed),
        Layout("cell_per_line", "每行一个单元格", True, False, split_cell_lines, score_cell_lines),
        Layout("pdf_grid", "PDF 提取（表格线断裂）", True, True, split_tab_rows, score_pdf_grid),
    )
}


def detect_layout(lines: list[str]) -> tuple[Layout | None, dict[str, float]]:
    """The best-fitting family, or None when no family fits (no form words or no table structure)."""
    scores = {key: round(layout.score(lines), 3) for key, layout in LAYOUTS.items()}
    text = "".join(lines)
    if not any(word in text for word in FORM_WORDS):
        return None, scores
    best = max(scores, key=scores.get)
    if scores[best] < 0.2:
        return None, scores
    return LAYOUTS[best], scores
