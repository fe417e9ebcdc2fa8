"""Tab-separated rows, clean (``tab_rows``) or extracted from a PDF whose table grid broke (``pdf_grid``).

``tab_rows``: one table row per line, cells split at tabs; merged cells are blank, and at page breaks a row may
lose or gain leading tabs (the interpreter reads cells by their content first, columns second).

``pdf_grid``: the same, but the text of one cell may be spread over neighbouring cells and lines, with characters
doubled or lost at the cut. The repairs that need no knowledge of the form are done here: a cell holding a label
in the middle (``315-0405-JBN-A4W0 项目名称 公用取暖费``) is split at the label, and the spending plan's periods
and digits cut at the grid lines (``1→2 月底``, ``20→0.00→…→1→00.00``) are regrouped, each regrouping reported as a
warning.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import Optional

from ingest import taxonomy as tx
from ingest.grid import Cell, ParseWarning, Row
from ingest.readers.families.common import CJK_GAP, content_lines, to_number
from ingest.readers.families.paragraphs import join_lines

_PERIOD = re.compile(r"(\d{0,2})月(底|末)")


def build_tab_rows(lines: list[str], broken_cells: bool = True) -> tuple[list[Row], list[ParseWarning]]:
    """One row per non-blank line, cells split at tabs (blank cells kept: they are columns). A cell copied from a
    spreadsheet with line breaks in it comes quoted over several lines (``"提前退休人员为社区积极贡献，`` /
    ``发挥余热"<tab>长期持久``): its lines are one cell, quotes removed (``""`` is a quote). A cell with a line
    break copied from a web page or a Word table comes unquoted (``<tab>数量指标<tab>法治文艺`` /
    ``演出场次<tab>=2场``): lines whose cells add up to the cells of the row above, each break between two filled
    pieces, are one row (``broken_cells``)."""
    rows = []
    number = 0
    width = 0  # the cells of the last whole row of three cells or more
    while number < len(lines):
        line, first = lines[number], number + 1
        number += 1
        if not line.strip():
            continue
        while _open_quote(line):  # the quoted cell goes on in the next lines, if its quote closes soon
            ahead = _closing(lines, number)
            if ahead is None:
                break
            line = "\n".join([line, *lines[number:ahead + 1]])
            number = ahead + 1
        count = line.count("\t") + 1
        ahead = _row_goes_on(lines, number, line, width) if broken_cells and 2 <= count < width else None
        if ahead is not None:
            line = "\n".join([line, *lines[number:ahead + 1]])
            number = ahead + 1
        elif count >= 3:
            width = count
        cells = [Cell(_joined(_unquote(text)), first + before, first + before + text.count("\n"), col=i)
                 for i, (text, before) in enumerate(_with_lines(line.split("\t")))]
        rows.append(Row(cells=cells, line_start=first, line_end=number))
    return rows, []


def _row_goes_on(lines: list[str], start: int, line: str, width: int) -> Optional[int]:
    """The last line of a row that ``line`` begins and the lines from ``start`` go on (a cell broken by a line
    break): their cells, each break joining two filled pieces, add up to ``width``; None when they do not."""
    total = line.count("\t") + 1
    if not line.split("\t")[-1].strip():
        return None
    for k in range(start, min(len(lines), start + QUOTED_LINES)):
        parts = lines[k].split("\t")
        if not lines[k].strip() or not parts[0].strip():
            return None
        total += len(parts) - 1
        if total == width:
            return k
        if total > width:
            return None
    return None


def _joined(text: str) -> str:
    """A cell's lines (a line break inside the cell) as one text: CJK lines joined directly, others with a space."""
    return join_lines(text) if "\n" in text else text


def _open_quote(line: str) -> bool:
    """The line's last cell opens a quote it does not close (a spreadsheet cell with line breaks in it)."""
    last = line.split("\t")[-1]
    return last.startswith('"') and (last.count('"') % 2 == 1)


QUOTED_LINES = 10  # a quoted cell spreads over at most this many more lines


def _closing(lines: list[str], start: int) -> Optional[int]:
    """The index of the line that closes the quote opened before ``start`` (the first quote after an even number of
    them, at a cell's end), within :data:`QUOTED_LINES`."""
    for k in range(start, min(len(lines), start + QUOTED_LINES)):
        first = lines[k].split("\t")[0]
        if first.count('"') % 2 == 1 and first.endswith('"'):
            return k
        if "\t" in lines[k] and first.count('"') % 2 == 0:
            return None  # a row of its own: the quote was a character of the text
    return None


def _unquote(text: str) -> str:
    """A spreadsheet's quoted cell: the text inside the quotes, its line breaks dropped and ``""`` a quote; a cell
    is quoted so when it holds a line break or its inner quotes are all doubled."""
    if len(text) < 2 or not (text.startswith('"') and text.endswith('"')):
        return text
    inner = text[1:-1]
    if "\n" in inner or ('""' in inner and '"' not in inner.replace('""', "")):
        return inner.replace('""', '"').replace("\n", "")
    return text


def _with_lines(texts: list[str]) -> list[tuple[str, int]]:
    """Each cell's text with the number of line breaks before it in the row."""
    out, breaks = [], 0
    for text in texts:
        out.append((text, breaks))
        breaks += text.count("\n")
    return out





def _grid_features(lines: list[str]) -> tuple[float, float]:
    return _grid_features_of(tuple(lines))


@lru_cache(maxsize=2)  # asked by the tab_rows and pdf_grid scores, on the same lines
def _grid_features_of(lines: tuple[str, ...]) -> tuple[float, float]:
    """(share of lines with two or more tabs — a line of two filled cells one tab apart counting half: a table of
    names and values —, share of their cells with a wrap gap between CJK characters)."""
    content = content_lines(lines)
    if not content:
        return 0.0, 0.0
    multi = [line for line in content if line.count("\t") >= 2]
    pairs = sum(1 for line in content if line.count("\t") == 1 and all(c.strip() for c in line.split("\t")))
    cells = [c.strip() for line in multi for c in line.split("\t") if c.strip()]
    broken = sum(1 for c in cells if CJK_GAP.search(c)) / max(1, len(cells))
    return (len(multi) + pairs / 2) / len(content), min(1.0, broken * 5)


def score_tab_rows(lines: list[str]) -> float:
    multi, broken = _grid_features(lines)
    return multi * (1.0 - broken)


def score_pdf_grid(lines: list[str]) -> float:
    multi, broken = _grid_features(lines)
    return multi * broken


# --------------------------------------------------------------------------------------------------------- pdf_grid
def build_pdf_grid(lines: list[str]) -> tuple[list[Row], list[ParseWarning]]:
    rows, warnings = build_tab_rows(lines, broken_cells=False)  # its cells spread over lines in other ways
    for row in rows:
        row.cells = _split_embedded_labels(row.cells)
        for cell in row.cells[1:]:
            cell.soft = True  # the broken grid spreads one cell's text over its neighbours
    for row, following in zip(rows, rows[1:]):
        texts = row.texts()
        if texts and tx.is_plan_label(texts[0]) and _PERIOD.search("".join(texts)):
            _repair_plan(row, following, warnings)
    return rows, warnings


def _split_embedded_labels(cells: list[Cell]) -> list[Cell]:
    """``CODE 项目名称 NAME`` in one cell becomes three cells (the grid line between them was lost)."""
    out: list[Cell] = []
    for cell in cells:
        parts = re.split(r"\s+", cell.text.strip())
        label_at = [i for i, part in enumerate(parts) if 0 < i < len(parts) - 1 and tx.field_of(part) == "name"]
        if not label_at:
            out.append(cell)
            continue
        i = label_at[0]
        for text in (" ".join(parts[:i]), parts[i], " ".join(parts[i + 1:])):
            out.append(Cell(text, cell.line_start, cell.line_end, col=cell.col))
    return out


def _repair_plan(header: Row, values_row: Row, warnings: list[ParseWarning]) -> None:
    """Regroup the period labels of ``header`` and the cumulative numbers of ``values_row``."""
    label = header.filled()[0]
    joined = re.sub(r"[^\d月底末]", "", "".join(c.text for c in header.filled()[1:]))
    periods = [f"{m.group(1)}月{m.group(2)}" if m.group(1) else "" for m in _PERIOD.finditer(joined)]
    months = [int(p[:-2]) for p in periods if p]
    if len(months) != len(periods) or months != sorted(set(months)) or any(m > 12 for m in months):
        periods = ["月底"] * len(periods)  # as printed, unreadable: the interpreter takes the other plans' labels
    line = header.line_start
    header.cells = [label] + [Cell(p, line, line, col=i + 1) for i, p in enumerate(periods)]
    cells = values_row.filled()
    first = cells[0] if cells and re.search(r"[\u4e00-\u9fff]", cells[0].key) else None
    fragments = [c.text.strip() for c in cells if c is not first]
    unit = "%" if "%" in header.cells[0].key or (first is not None and "%" in first.key) else None
    values = regroup_numbers(fragments, len(periods), unit)
    vline = values_row.line_start
    if values is None:
        warnings.append(ParseWarning("plan_unreadable", "资金支出计划的数字被 PDF 拆散，无法可靠拼合，已跳过。",
                                     vline))
        values = [None] * len(periods)
    elif len(fragments) != len(periods) or any(to_number(f) is None for f in fragments):
        warnings.append(ParseWarning(
            "plan_regrouped",
            "资金支出计划由断裂的单元格拼合为 " + "、".join(f"{v:g}" for v in values) + "，请与原文核对。", vline))
    values_row.cells = ([first] if first is not None else []) + [
        Cell("" if v is None else f"{v:g}", vline, vline, col=i + 1) for i, v in enumerate(values)]


def regroup_numbers(fragments: list[str], n: int, unit: Optional[str]) -> Optional[list[Optional[float]]]:
    """Group PDF fragments (``20|0.00``, ``1|00.00``) into ``n`` cumulative values, or None when impossible.

    Every split of the fragments into ``n`` consecutive groups is tried; a group is read by joining its fragments
    plainly, or dropping a character doubled at the cut, or keeping only its digits. The reading with valid
    numbers (≤ 100 for percent), never decreasing, and the fewest repairs wins.
    """
    if len(fragments) == n and all(to_number(f) is not None for f in fragments):
        return [to_number(f) for f in fragments]
    if not fragments or len(fragments) > 12 or len(fragments) < n or n == 0:
        return None
    best: Optional[tuple[int, list[float]]] = None
    for cuts in itertools.combinations(range(1, len(fragments)), n - 1):
        bounds = (0, *cuts, len(fragments))
        options = [_readings(fragments[a:b]) for a, b in zip(bounds, bounds[1:])]
        for combo in itertools.product(*options):
            cost = sum(c for c, _ in combo)
            values = [v for _, v in combo]
            if unit == "%" and any(v > 100 for v in values):
                continue
            if any(b < a for a, b in zip(values, values[1:])):
                continue
            if best is None or cost < best[0]:
                best = (cost, values)
    return None if best is None else list(best[1])


def _readings(fragments: list[str]) -> list[tuple[int, float]]:
    """Possible numbers for PDF fragments of one cell, with a repair cost (0 plain, 1 dedupe, 2 digits only)."""
    out: list[tuple[int, float]] = []
    plain = "".join(fragments)
    if to_number(plain) is not None:
        out.append((0, to_number(plain)))
    if len(fragments) == 2 and fragments[0] and fragments[1] and fragments[0][-1] == fragments[1][0]:
        deduped = fragments[0] + fragments[1][1:]
        if to_number(deduped) is not None:
            out.append((1, to_number(deduped)))
    digits = re.sub(r"\D", "", plain)
    if digits and len(fragments) > 1 and re.search(r"\.\d{2}$", fragments[-1]):
        out.append((2, float(digits[:-2] + "." + digits[-2:])))
    return out
