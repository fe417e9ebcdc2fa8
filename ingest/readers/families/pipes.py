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

from ingest import taxonomy as tx
from ingest.grid import Cell, ParseWarning, Row, match_key
from ingest.readers.families.common import (NAME_MARK, VALUE_START, content_lines, display_width, is_form_label,
                                            is_target_value)
from ingest.readers.families.run_together import ANY_ENDING
from ingest.readers.families.paragraphs import join_lines
from ingest.readers.families.spaces import header_columns, is_level

_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_BARE = re.compile(r"^[\s|]*$")
_OPERATOR = re.compile(r"^[≥≤≧≦<>=＝═]")
_PADDED = re.compile(r"\S {2,}\|")


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
    runs = _wrapped_runs(lines)
    number = 0
    row_width = 0
    header: list = []
    while number < len(lines):
        line = lines[number]
        number += 1
        if _BARE.match(line) or _RULE.match(line):
            continue
        if "|" not in line:
            rows.append(Row(cells=[Cell(line, number, number)], line_start=number, line_end=number))
            continue
        end = runs.get(number, number)
        parts = split_line(line, framed)
        roles = [tx.header_role_of(match_key(p)) for p in parts]
        if sum(1 for r in roles if r in ("level1", "level2", "name", "value")) >= 2:
            header = roles  # the indicator table's header: the columns the rows below are read against
        if end > number:  # one row printed over lines number..end: each column's pieces joined
            pieces = [split_line(lines[k - 1], framed) for k in range(number, end + 1)]
            parts = [join_lines("\n".join(p[i] for p in pieces)) for i in range(len(parts))]
        elif 2 <= len(parts) < (width or row_width) and parts[-1].strip() and not line.rstrip().endswith("|") \
                and not is_target_value(parts[-1].strip()) and not _full_from_its_label(parts, header):
            # (a whole target ends its cell: the row ends there; so does a row without its merged level-1 cell)
            # a cell with a line break in it (copied from a web page): the next lines' cells make up the row
            ahead = _row_goes_on(lines, number, len(parts), width or row_width)
            if ahead is not None:
                for k in range(number, ahead + 1):
                    more = split_line(lines[k], False)
                    parts = parts[:-1] + [join_lines(parts[-1].strip() + "\n" + more[0].strip())] + more[1:]
                end = ahead + 1
        if end == number and len(parts) >= 3:
            row_width = len(parts)  # the cells of the last row printed on one line
        # a cell of its own: its column is not known, unless its line has the cells of the table's usual row
        single = sum(1 for p in parts if p.strip()) <= 1 and len(parts) != width
        cells = [Cell(text, number, end, col=None if single else i) for i, text in enumerate(parts)]
        rows.append(Row(cells=cells, line_start=number, line_end=end))
        number = end
    # a row that leaves out the cells merged with the rows above it (a converter that drops them: html2text) has its
    # cells placed under the header's columns, not counted from the left (a quick look first: a row narrower than
    # the widest that begins with a level label)
    widest = max((len(row.cells) for row in rows), default=0)
    if any(2 <= len(row.cells) < widest and is_level(row.cells[0].text) for row in rows):
        rows = header_columns(rows, short_only=True)
    return rows, []


def _full_from_its_label(parts: list[str], header: list) -> bool:
    """A row that begins with a level label and has a cell for every header column from that level's on
    (质量指标 | 选派律师资格 | 市优以上律所的执业三年以上律师 under 一级 | 二级 | 三级 | 指标值): the cells merged
    with the rows above were left out (html2text), so the row is complete, not wrapped onto the next line."""
    first = match_key(parts[0])
    if not first or not header:
        return False
    level = "level1" if tx.level1_of(first) and not tx.level2_of(first) else (
        "level2" if tx.level2_of(first) and not tx.level1_of(first) else None)
    return level in header and len(parts) >= len(header) - header.index(level)


def _row_goes_on(lines: list[str], start: int, count: int, width: int) -> int | None:
    """The index of the last line of a row whose first line (``count`` cells) goes on from ``start``: the lines'
    cells, each break joining two filled pieces, add up to ``width``; None when they do not."""
    total = count
    for k in range(start, min(len(lines), start + 10)):
        line = lines[k]
        if not line.strip() or line.lstrip().startswith("|") or _RULE.match(line):
            return None
        parts = split_line(line, False)
        if not parts or not parts[0].strip() or (len(parts) > 1 and is_form_label(parts[0].strip())):
            return None  # (a line that begins with a label begins a row: a row that left its merged cells out)
        total += len(parts) - 1
        if total == width:
            return k
        if total > width or "|" in line:  # a line with bars ends the row, its cells or not
            return None
    return None


def _bars(line: str) -> tuple[int, ...]:
    """Where the bars of a line stand, in display columns."""
    out, at = [], 0
    for segment in line.rstrip().split("|")[:-1]:
        at += display_width(segment)
        out.append(at)
        at += 1
    return tuple(out)


def _pieces(line: str, bars: tuple[int, ...]) -> list[tuple[str, bool]]:
    """(text, whether it fills its column to the bar) of every column between two bars of ``line``."""
    cells = line.rstrip().split("|")[:-1]  # the text after the last bar is no column's
    cells = cells[1:] if line.lstrip().startswith("|") else cells
    out = []
    for text, left, right in zip(cells, bars, bars[1:]):
        room = right - left - 1
        used = display_width(text.rstrip())
        # full: the text reaches the bar but for its padding space and half a wide character
        out.append((text.strip(), bool(text.strip()) and used >= room - 2))
    return out


# how names end, in words of two characters or more (a text wrapped mid-name ends in one such character often)
_WORD_ENDINGS = tuple(e for e in ANY_ENDING if len(e) >= 2)


def _goes_on(upper: str, lower: str, width: int) -> bool:
    """Whether ``lower`` can be the rest of the full cell ``upper``: not a name of its own (``指标4:…``, a level
    label such as 产出指标 — a bare 数量 or 满意度 ends many a name —, a long text under a text that ends as names end:
    ``…工作积极性`` / ``残疾人事业社会关…``)."""
    if NAME_MARK.match(lower) or ("指标" in lower and is_form_label(lower) and not is_form_label(upper + lower)):
        return False
    return not (upper.endswith(_WORD_ENDINGS) and display_width(lower) * 2 >= width)


def _wrapped_runs(lines: list[str]) -> dict[int, int]:
    """First line → last line (1-based) of every row printed over several lines of a fixed-width table."""
    counts = [line.count("|") if "|" in line and not _RULE.match(line) and not _BARE.match(line) else 0
              for line in lines]
    # a table printed at a fixed width pads its cells to the bar (text, two spaces or more, a bar) on most lines
    padded = sum(1 for line, count in zip(lines, counts) if count >= 3 and _PADDED.search(line))
    if padded * 2 < sum(1 for count in counts if count >= 3):
        return {}
    bars = [_bars(line) if count else () for line, count in zip(lines, counts)]
    # runs of lines with the same three bars or more, lines without text between them ending a run
    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(lines):
        if len(bars[k]) < 3:
            k += 1
            continue
        end = k
        while end + 1 < len(lines) and bars[end + 1] == bars[k]:
            end += 1
        runs.append((k, end))
        k = end + 1
    if not runs:
        return {}
    aligned = sum(e - s for s, e in runs)  # lines continuing the bars of the line above
    n_pipe = sum(1 for b in bars if len(b) >= 3)
    # ruled: rule lines (read as empty lines) stand between the runs, most runs a row or two long
    ruled = len(runs) >= 4 and n_pipe <= 3 * len(runs) and all(
        not lines[s - 1].strip() or _RULE.match(lines[s - 1]) for s, _ in runs[1:])
    out: dict[int, int] = {}
    for start, end in runs:
        if end == start:
            continue
        if ruled:
            out[start + 1] = end + 1
            continue
        if aligned * 2 < n_pipe:  # not a fixed-width table
            continue
        row = start
        for k in range(start + 1, end + 1):
            above = _pieces(lines[k - 1], bars[k])
            below = _pieces(lines[k], bars[k])
            filled = [i for i, (text, _) in enumerate(below) if text]
            # a value that begins with an operator (≥20度), or with a digit under a value, in the last column both
            # fill is a row of its own, however full the cells above are
            last = max((i for i in filled if above[i][0]), default=None)
            new_value = last is not None and VALUE_START.match(below[last][0]) is not None and is_target_value(
                below[last][0]) and (_OPERATOR.match(below[last][0]) is not None or is_target_value(above[last][0]))
            if filled and all(above[i][1] and _goes_on(above[i][0], below[i][0], bars[k][i + 1] - bars[k][i])
                              for i in filled) and len(filled) < len(below) and not new_value:
                out[row + 1] = k + 1
            else:
                row = k
    return out


def _framing(lines: list[str]) -> tuple[bool, int | None]:
    """(whether the rows begin with ``|``, the number of cells most rows of two filled cells or more have when it
    is three or more — read with that framing). Where some rows begin with a cell's text (``产出指标 | 数量指标 |
    … |``) and others with ``|`` (`` |  | … |``), the framing is the one under which a row begun by ``|`` has as
    many cells as the last row begun by text, in most such rows (a leading ``|`` then closes a blank cell, however
    many rows begin with one); else, whether most rows begin with ``|``."""
    multi = [line.strip() for line in lines if "|" in line and not _BARE.match(line) and not _RULE.match(line)
             and sum(1 for p in split_line(line) if p.strip()) >= 2]
    if not multi:
        return True, None
    framed = sum(line.startswith("|") for line in multi) * 2 >= len(multi)
    votes = {True: 0, False: 0}
    above = None  # the cells of the last row begun by text
    for line in multi:
        if not line.startswith("|"):
            above = len(split_line(line, False))
            continue
        if above is not None:
            for hypothesis in (True, False):
                votes[hypothesis] += len(split_line(line, hypothesis)) == above
    if votes[not framed] > votes[framed]:
        framed = not framed
    width, count = Counter(len(split_line(line, framed)) for line in multi).most_common(1)[0]
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
