"""Bracket sections (``bracket_sections``): no table at all, the form written as headed sections::

    黄山市雪亮工程市本级机房租赁2024至2027服务采购项目
    1681680
    【项目概况】:该项目为市本级雪亮工程后端机房租赁服务…
    【总体目标】
    保障雪亮工程机房租赁延续…
    【产出指标-数量指标】
    指标1:机柜数量(≥77台)

Quirks handled here: a heading ``【产出指标-数量指标】`` holds the level-1 and level-2 categories; an item
``指标1:机柜数量(≥77台)`` holds the indicator and its value in brackets; a heading with text after it
(``【项目概况】:…``) is a label and its value; the project is the item (and amount) just before the first
section of a block. One paragraph per item (blank lines between), or one item per line.
"""

from __future__ import annotations

import re

from ingest import taxonomy as tx
from ingest.grid import Cell, ParseWarning, Row, match_key
from ingest.readers.families.paragraphs import join_lines, paragraphs

_HEADING = re.compile(r"^\s*[【\[]\s*(?P<label>[^】\]]{2,30})\s*[】\]]\s*[:：]?\s*(?P<rest>.*)$", re.S)
_ITEM = re.compile(r"^\s*(?P<name>指标\s*\d+\s*[:：.．、]\s*.+?)\s*[(（](?P<value>[^()（）]+)[)）]\s*$", re.S)
_AMOUNT = re.compile(r"^\s*\d[\d,]*(?:\.\d+)?\s*(万元|元)?\s*$")


def _levels(label: str) -> tuple[str, str] | None:
    parts = re.split(r"\s*[-—－–/]\s*", label.strip())
    if len(parts) == 2 and tx.level1_of(parts[0]) and tx.level2_of(parts[1]):
        return parts[0], parts[1]
    return None


def _units(lines: list[str]) -> list[tuple[int, int, str]]:
    """Items: paragraphs, or lines when the text has no blank lines between items."""
    items = paragraphs(lines)
    if len(items) * 3 < sum(1 for line in lines if match_key(line)):
        items = [(n, n, line) for n, line in enumerate(lines, 1) if match_key(line)]
    return [(start, end, join_lines(text).strip()) for start, end, text in items]


def build(lines: list[str]) -> tuple[list[Row], list[ParseWarning]]:
    items = _units(lines)
    rows: list[Row] = []
    projects: set[int] = set()
    amounts: set[int] = set()
    for k, (_, _, text) in enumerate(items):
        match = _HEADING.match(text)
        if not match or _levels(match.group("label")) or (k > 0 and _HEADING.match(items[k - 1][2])):
            continue
        before = k - 1
        if before >= 0 and _AMOUNT.match(items[before][2]):
            amounts.add(before)
            before -= 1
        if before >= 0 and not _HEADING.match(items[before][2]) and not _AMOUNT.match(items[before][2]):
            projects.add(before)
    for k, (start, end, text) in enumerate(items):
        heading = _HEADING.match(text)
        item = _ITEM.match(text)
        if k in projects:
            cells = [Cell(text, start, end, hint="project")]
        elif k in amounts:
            cells = [Cell(text, start, end, hint="total")]
        elif heading and _levels(heading.group("label")):
            level1, level2 = _levels(heading.group("label"))
            cells = [Cell(level1, start, end, hint="level1"), Cell(level2, start, end, hint="level2")]
        elif heading:
            cells = [Cell(heading.group("label"), start, end)]
            if heading.group("rest").strip():
                cells.append(Cell(heading.group("rest"), start, end))
        elif item:
            cells = [Cell(item.group("name"), start, end, hint="name"),
                     Cell(item.group("value"), start, end, hint="value")]
        else:
            cells = [Cell(text, start, end)]
        rows.append(Row(cells=cells, line_start=start, line_end=end))
    return rows, []


def score(lines: list[str]) -> float:
    text = "\n".join(lines)
    if text.count("【") + text.count("[") < 2:
        return 0.0  # two headings need two opening brackets
    items = _units(lines)
    headings = [m for m in (_HEADING.match(t) for _, _, t in items) if m and _levels(m.group("label"))]
    entries = [t for _, _, t in items if _ITEM.match(t)]
    if len(headings) < 2 or len(entries) < 2:
        return 0.0
    return 1.0  # headings naming the categories and numbered items: nothing else looks like this
