"""Rows with their cells separated by a comma or a semicolon (``delimited_rows``): a spreadsheet saved as CSV and
renamed, or a Word table converted to text with commas or semicolons (``一级指标,二级指标,三级指标,指标值``).

The separator is the one the indicator header is split by (``,`` ``，`` ``;`` ``；``); each line is a row, split
with the CSV rules (a quoted cell may hold the separator, ``""`` is a quote, and a quoted cell may go on over
several lines). A goal or a name with the same character in its text is one cell only where it is quoted, which
is why the family needs the header split by the separator and most lines holding it.
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache

from ingest import taxonomy as tx
from ingest.grid import Cell, ParseWarning, Row, match_key
from ingest.readers.families.common import content_lines, has_form_words

SEPARATORS = (",", "，", ";", "；")


@lru_cache(maxsize=2)  # asked by the score and again by the build, on the same lines
def _separator(lines: tuple[str, ...]) -> str | None:
    """The separator splitting a line into three header words or more (a name or value column among them)."""
    for line in lines:
        if "\t" in line or "|" in line:
            continue
        for sep in SEPARATORS:
            if line.count(sep) < 2:
                continue
            roles = [tx.header_role_of(match_key(part)) for part in line.split(sep)]
            found = [r for r in roles if r and r != "group"]
            if len(found) >= 3 and ("name" in found or "value" in found):
                return sep
    return None


def build(lines: list[str]) -> tuple[list[Row], list[ParseWarning]]:
    sep = _separator(tuple(lines)) or ","
    rows: list[Row] = []
    number = 0
    while number < len(lines):
        first = number + 1
        text = lines[number]
        number += 1
        if not text.strip():
            continue
        # a quoted cell going on over lines: read on until the CSV record closes (at most 10 lines)
        while text.count('"') % 2 == 1 and number < len(lines) and number - first < 10:
            text += "\n" + lines[number]
            number += 1
        record = next(csv.reader(io.StringIO(text), delimiter=sep), [])
        cells = [Cell(part.replace("\n", ""), first, number, col=i) for i, part in enumerate(record)]
        rows.append(Row(cells=cells, line_start=first, line_end=number))
    return rows, []


def score(lines: list[str]) -> float:
    """0 unless a header line is split by a comma or semicolon; else the share of content lines with two
    separators or more."""
    content = content_lines(lines)
    if not content or not has_form_words(lines):
        return 0.0
    sep = _separator(tuple(lines))
    if sep is None:
        return 0.0
    return sum(1 for line in content if line.count(sep) >= 2) / len(content)
