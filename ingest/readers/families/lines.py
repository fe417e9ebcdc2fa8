"""One cell per line with nothing between rows (``line_cells``).

Many PDF and Word text extractions put every filled cell of a table on a line of its own, in reading order, with no
blank line, tab or rule where a row ends; merged and empty cells leave no line at all::

    一级指标
    二级指标
    三级指标
    指标值
    产出指标
    数量指标
    发放人数
    =1人

Every line is a cell of a row of its own and the interpreter reads the cells in order (as for ``paragraph_cells``):
which cells make a row is read from the header, the vocabulary and the target-value grammar. A cell the extraction
wrapped over two lines is marked where the text shows it (the first line stops inside a bracket, or the second
line is a lone closing bracket), or where the first line is as wide as the lines the extraction broke (several lines
of running text reach exactly that width): the second line joins the first one's row, its boundary marked as one
that may cut through a cell, and the interpreter decides.
"""

from __future__ import annotations

import re
from typing import Sequence

from ingest import taxonomy as tx
from ingest.grid import Cell, ParseWarning, Row, match_key
from ingest.readers.families.common import (content_lines, display_width, has_form_words, is_form_label,
                                            is_labelled_field, is_target_value, value_tails)
from ingest.qualitative import is_qualitative_value

# a line that is not one cell: cells split by a tab, a pipe or a run of spaces, or an indented line (a tree)
_SEVERAL = re.compile(r"\t|\||\S(?:\s{2,}|\u3000)\S|^\s{2,}\S")
_SEPARATOR = re.compile(r"^[\s|｜]*$")
_OPEN = re.compile(r"[(（][^()（）]*$")
_CLOSE_ONLY = re.compile(r"^[^()（）]{0,6}[)）]")


def _is_cell(piece: str) -> bool:
    return is_form_label(piece) or is_target_value(piece)


def _holds_cells(line: str) -> bool:
    """Cells side by side one space apart: two labels or values of the form (``20辆 20辆``), words and then a
    target value (``疫苗使用率 100%``), or a label and then words (``项目名称 法律职业资格考试费``); or the same
    a colon apart (``疫苗使用率：≥90%``, ``项目名称：法律职业资格考试费``: a line of labelled or numbered items)."""
    pieces = line.split()
    if len(pieces) >= 2 and (sum(1 for p in pieces if _is_cell(p)) >= 2 or is_target_value(pieces[-1])
                             or is_form_label(pieces[0])):
        return True
    before, colon, after = line.strip().rpartition("：" if "：" in line else ":")
    return bool(colon and before.strip() and after.strip()) and (
        is_target_value(after.strip()) or is_form_label(before.strip().split("：")[0].split(":")[0]))


def _name_end(text: str) -> bool:
    """A short label word that also ends names (满意度, 完成率): after a line broken at the column's width it is the
    name's end, not a level label (those print 指标: 满意度指标)."""
    key = match_key(text).replace(" ", "")
    return len(key) <= 4 and is_form_label(key) and not key.endswith("指标") and not is_target_value(key)


def _full_widths(texts: list[str]) -> set[int]:
    """The widths at which the extraction wrapped cells: widths that three or more lines of running text (not a
    label or a value of the form) reach exactly, at least four Chinese characters wide, no narrower than the
    typical such line, and that few lines pass by a little — a column's text breaks where the column ends, so its
    broken lines are all as wide and none is wider."""
    widths = [display_width(t) for t in texts if not _is_cell(t)]
    if len(widths) < 3:
        return set()
    typical = sorted(widths)[len(widths) // 2]
    counts: dict[int, int] = {}
    for w in widths:
        counts[w] = counts.get(w, 0) + 1
    # a ceiling: lines pile up at that width and hardly any line of running text is a little wider
    return {w for w, n in counts.items() if n >= 3 and w >= max(8, typical)
            and n >= 3 * sum(counts.get(w + d, 0) for d in range(1, 9))}


def _fills(text: str, full: set[int]) -> bool:
    """``text`` reaches a width the extraction wrapped at, or stops one short of it (an odd width: a half-width
    sign in it, and the next character, a Chinese one, did not fit)."""
    width = display_width(text)
    return width in full or (width % 2 == 1 and width + 1 in full)


_OPERATOR_ALONE = re.compile(r"^(?:[≥≤=<>＝≧≦]{1,2}|>=|<=)$")


def build(lines: list[str]) -> tuple[list[Row], list[ParseWarning]]:
    cells: list[Cell] = []
    for number, line in enumerate(lines, 1):
        if match_key(line) and not _SEPARATOR.match(line):
            cells.append(Cell(line.strip(), number, number))
    full = _full_widths([c.text for c in cells])
    rows: list[Row] = []
    for k, cell in enumerate(cells):
        previous = cells[k - 1] if k else None
        wrapped = previous is not None and previous.line_end + 1 == cell.line_start and bool(rows) \
            and (bool(_OPEN.search(previous.text)) or bool(_CLOSE_ONLY.match(cell.text))
                 or (_fills(previous.text, full) and (not _is_cell(previous.text) or cell.text in value_tails())))
        if wrapped and is_labelled_field(cell.text):
            wrapped = False  # a field written label：content (年度资金总额：71万元) begins a row of its own
        if wrapped:
            last = rows[-1].cells[-1]
            joined = last.text + cell.text
            if (_is_cell(joined) or tx.title_suffix_of(joined)) and not _is_cell(last.text) \
                    and not tx.title_suffix_of(last.text):
                kept = "join"  # a label, value or title broken: one cell for certain
            elif cell.text in value_tails() and is_target_value(last.text):
                kept = "join"  # 每人每年250元 / 左右: the end of a value that filled its line
            elif is_form_label(cell.text) and not _name_end(cell.text):
                kept = "row"  # a level or field label begins a cell of its own
            elif _OPERATOR_ALONE.match(cell.text) or tx.is_basis_phrase(cell.text):
                # an operator or a basis alone (=, 计划标准): a cell of its own, or a tail (a unit may be a name's
                # wrapped end: 满意 / 度, 发放达60 / %)
                kept = "soft"
            elif not (_is_cell(cell.text) or is_qualitative_value(cell.text)) or _name_end(cell.text):
                kept = "join"  # running text that goes on with words that are not a value of their own
            else:
                kept = "soft"  # a value or a qualitative phrase: it may end the cell above, or be the next cell
        else:
            kept = "row"
        if kept == "join":
            rows[-1].cells[-1] = Cell(joined, last.line_start, cell.line_end, soft=last.soft)
            rows[-1].line_end = cell.line_end
        elif kept == "soft":
            cell.soft = True  # the boundary before it may cut through one cell: the interpreter decides
            rows[-1].cells.append(cell)
            rows[-1].line_end = cell.line_end
        else:
            rows.append(Row(cells=[cell], line_start=cell.line_start, line_end=cell.line_end))
    return rows, []


def score(lines: Sequence[str]) -> float:
    """How much the text looks like one cell per line: less four times the share of its lines that hold several
    cells (cells side by side are strong evidence of another layout), times the share that are a whole label of
    the form or a whole target value (at least a third of the lines in a table of this kind), less the blank or
    bare ``|`` lines between them (a layout that separates rows or cells so is another family's); a tenth of that
    where the header shows two column groups side by side."""
    if not has_form_words(lines):
        return 0.0
    content = [line for line in content_lines(lines) if not _SEPARATOR.match(line)]
    if len(content) < 8:
        return 0.0
    plain = [line for line in content if not _SEVERAL.search(line.rstrip())]
    if len(plain) <= 0.75 * len(content):  # a quarter of the lines split by tabs, pipes or spaces: no chance
        return 0.0
    single = [line for line in plain if not _holds_cells(line)]
    whole = sum(1 for line in single if _is_cell(line.strip()))
    text = [bool(match_key(line)) and not _SEPARATOR.match(line) for line in lines]
    gaps = sum(1 for k in range(1, len(lines) - 1) if not text[k] and text[k - 1] and text[k + 1])
    several = (len(content) - len(single)) / len(content)
    fit = max(0.0, 1 - 4 * several) * min(1.0, 3 * whole / len(content)) * max(0.0, 1 - 3 * gaps / len(content))
    return fit * 0.1 if fit and _groups_side_by_side(content) else fit


def _groups_side_by_side(content: list[str]) -> bool:
    """A header whose level or name roles come twice in one run of header lines (二级指标 三级指标 指标值 二级指标
    三级指标 …; not two values beside one name, 中期指标值 年度指标值): two column groups side by side, whose cells
    a text of one cell per line interleaves in an order it does not show — better left to the layouts that see
    columns, or to a warning, than guessed."""
    run: list[str] = []
    for line in content + [""]:
        role = tx.header_role_of(match_key(line)) if line else None
        if role == "level1" and "level1" in run and tx.is_kind_header(line):
            role = "op"  # 一级指标 … 指标类型: the kind column (定量 / 定性), not a second level-1 column
        if role in ("level1", "level2", "name", "value"):
            if role in run and role != "value":  # two values beside one name (中期 | 年度) are one group's
                return True
            run.append(role)
        elif run:
            run = []
    return False
