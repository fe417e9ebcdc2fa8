"""Cells separated by ``|``: rows copied from web pages (``pipe_rows``), markdown tables (``markdown``), and one
cell per line ending in ``|`` (``pipe_cells``).

All three build the same way: each line is a row, its cells split at ``|``. Quirks handled here: markdown rule
lines (``|---|:--:|``) are dropped; filler lines of bare ``|`` (empty cells of the web table, which carry no text)
are dropped; a leading ``|`` does not make a blank first column. Rows copied from HTML often break in the wrong
place (a row continued on the next line, two rows on one line): the interpreter reads cells in order and uses the
line breaks only as a hint.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ingest.grid import Cell, ParseWarning, Row
from ingest.readers.families.common import content_lines

_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_BARE = re.compile(r"^[\s|]*$")


def split_line(line: str, framed: bool = True) -> list[str]:
    """The cell texts of one line (a leading ``|`` opens the first cell; the part after the last ``|`` is kept).
    ``framed``: whether the rows of the text begin with ``|``; where they do not, a leading ``|`` closes an empty
    first cell (`` | 质量指标 | …`` under ``产出指标 | 数量指标 | …``)."""
    stripped = line.strip()
    if stripped.startswith("|") and framed:
        stripped = stripped[1:]
    elif stripped.startswith("|"):
        stripped = " " + stripped
    parts = stripped.split("|")
    if parts and not parts[-1].strip():
        parts = parts[:-1]
    return parts


def build(lines: list[str]) -> tuple[list[Row], list[ParseWarning]]:
    rows: list[Row] = []
    framed, width = _framing(lines)
    for number, line in enumerate(lines, 1):
        if _BARE.match(line) or _RULE.match(line):
            continue
        if "|" not in line:
            rows.append(Row(cells=[Cell(line, number, number)], line_start=number, line_end=number))
            continue
        parts = split_line(line, framed)
        # a cell of its own: its column is not known, unless its line has the cells of the table's usual row
        single = sum(1 for p in parts if p.strip()) <= 1 and len(parts) != width
        cells = [Cell(text, number, number, col=None if single else i) for i, text in enumerate(parts)]
        rows.append(Row(cells=cells, line_start=number, line_end=number))
    return rows, []


def _framing(lines: list[str]) -> tuple[bool, int | None]:
    """(whether most rows of two filled cells or more begin with ``|``, the number of cells most of them have when
    it is three or more — read with that framing)."""
    multi = [line.strip() for line in lines if "|" in line and not _BARE.match(line) and not _RULE.match(line)
             and sum(1 for p in split_line(line) if p.strip()) >= 2]
    if not multi:
        return True, None
    framed = sum(line.startswith("|") for line in multi) * 2 >= len(multi)
    widths = Counter(len(split_line(line, framed)) for line in multi)
    width, count = widths.most_common(1)[0]
    return framed, width if width >= 3 and count * 2 >= len(multi) else None


def _shares(lines: list[str]) -> tuple[float, float, float, bool]:
    return _shares_of(tuple(lines))


@lru_cache(maxsize=2)  # asked by the three pipe families' scores, on the same lines
def _shares_of(lines: tuple[str, ...]) -> tuple[float, float, float, bool]:
    """(share of content lines with ≥ 2 filled cells, share of those framed by ``|…|``, share of one-cell lines
    ending in ``|``, whether a markdown rule line is present). Filler lines of bare ``|`` are not counted."""
    content = [line for line in content_lines(lines) if not _BARE.match(line)]
    if not content:
        return 0.0, 0.0, 0.0, False
    multi = framed = single = 0
    rule = False
    for line in content:
        if _RULE.match(line):
            rule = True
            continue
        if "|" not in line:
            continue
        filled = [p for p in split_line(line) if p.strip()]
        if len(filled) >= 2:
            multi += 1
            framed += line.strip().startswith("|") and line.strip().endswith("|")
        elif line.rstrip().endswith("|"):
            single += 1
    n = len(content)
    return multi / n, framed / max(1, multi), single / n, rule


def score_rows(lines: list[str]) -> float:
    multi, framed, single, rule = _shares(lines)
    if rule or framed > 0.8:
        return multi * 0.9
    return multi


def score_markdown(lines: list[str]) -> float:
    multi, framed, single, rule = _shares(lines)
    if rule or framed > 0.8:
        return multi
    return multi * 0.5


def score_cells(lines: list[str]) -> float:
    multi, framed, single, rule = _shares(lines)
    return single
