"""A tree shown by indentation only (``indent_tree``): one item per paragraph, its depth given by leading spaces,
its value (amount or target) in the paragraph that follows at depth 0::

     石嘴山市疾病预防控制中心              (unit)
      狂犬、乙肝、流感等疫苗及美沙酮药物   (project)
    3000000
       产出指标                            (level-1)
        成本指标(必填硬性指标)             (level-2)
         按照辖区内社区卫生服务机构计划…   (indicator)
    100%

Depths are read relative to the deepest one: the deepest items are indicators, one level up the level-2
categories, then level-1, then projects. The structure is given to the interpreter as cell hints; the family
scores only when the vocabulary confirms it (most items one level above the deepest are level-2 categories).
"""

from __future__ import annotations

from collections import Counter

from ingest import taxonomy as tx
from ingest.grid import Cell, ParseWarning, Row, strip_invisible
from ingest.readers.families.paragraphs import join_lines, paragraphs

_ROLES_FROM_LEAF = ("name", "level2", "level1", "project")


def _depth(text: str) -> int:
    """Leading spaces of the paragraph's first line (any kind of space counts one; invisible marks none)."""
    first = strip_invisible(text.split("\n")[0])
    indent = first[: len(first) - len(first.lstrip())]
    return sum(1 for ch in indent if ch not in "\t\f\v")


def _items(lines: list[str]) -> list[tuple[int, int, int, str]]:
    """(first line, last line, depth, text) of every paragraph."""
    return [(start, end, _depth(text), join_lines(text)) for start, end, text in paragraphs(lines)]


def _levels(items: list[tuple[int, int, int, str]]) -> dict[int, str]:
    """Role of each depth, when the vocabulary confirms the tree; else {}."""
    depths = sorted({d for _, _, d, _ in items if d > 0})
    if len(depths) < 3:
        return {}
    by_depth: dict[int, list[str]] = {}
    for _, _, depth, text in items:
        by_depth.setdefault(depth, []).append(text)
    leaf = depths[-1]
    level2 = depths[-2]
    labels = by_depth.get(level2, [])
    confirmed = sum(1 for t in labels if tx.level2_of(t) or tx.level1_of(t))
    if not labels or confirmed / len(labels) < 0.6:
        return {}
    roles = {}
    for offset, role in enumerate(_ROLES_FROM_LEAF):
        if len(depths) > offset:
            roles[depths[-1 - offset]] = role
    roles[leaf] = "name"
    return roles


def build(lines: list[str]) -> tuple[list[Row], list[ParseWarning]]:
    items = _items(lines)
    roles = _levels(items)
    rows: list[Row] = []
    current: Row | None = None
    for start, end, depth, text in items:
        role = roles.get(depth) if depth > 0 else None
        if depth > 0 or current is None:
            current = Row(cells=[Cell(text, start, end, hint=role)], line_start=start, line_end=end)
            rows.append(current)
            continue
        owner = current.cells[0].hint
        value_hint = {"name": "value", "project": "total"}.get(owner or "")
        if owner is None or len(current.cells) > 1:  # header words, notes, a second paragraph: a row of its own
            current = Row(cells=[Cell(text, start, end)], line_start=start, line_end=end)
            rows.append(current)
            continue
        current.cells.append(Cell(text, start, end, col=len(current.cells), hint=value_hint))
        current.line_end = end
    return rows, []


def score(lines: list[str]) -> float:
    if len({d for _, _, text in paragraphs(lines) if (d := _depth(text)) > 0}) < 3:
        return 0.0  # fewer than three depths: no tree (as _levels finds), known before the items are joined
    items = _items(lines)
    if len(items) < 6 or not _levels(items):
        return 0.0
    indented = sum(1 for _, _, d, _ in items if d > 0)
    depths = Counter(d for _, _, d, _ in items if d > 0)
    return min(1.0, 0.5 + indented / len(items)) if len(depths) >= 3 else 0.0
