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
categories, then level-1, then projects; a level the tree does not print has no depth (a table without level
columns: projects right above the indicators). The structure is given to the interpreter as cell hints; the family
scores only when the vocabulary confirms it (most items one level above the deepest are level categories) or, in a
tree without level items, the values do (most indicators followed by a value that reads as a target).
"""

from __future__ import annotations

import re
from collections import Counter

from ingest import taxonomy as tx
from ingest.grid import Cell, ParseWarning, Row, strip_invisible
from ingest.readers.families.paragraphs import join_lines, paragraphs
from ingest.values import read_value

def _depth(text: str) -> int:
    """Leading spaces of the paragraph's first line (any kind of space counts one, a tab four; invisible marks
    none)."""
    first = strip_invisible(text.split("\n")[0])
    indent = first[: len(first) - len(first.lstrip())]
    return sum(4 if ch == "\t" else 1 for ch in indent if ch not in "\f\v")


_CELLS = re.compile(r"[\t|｜]|\S(?:\s{2,}|\u3000)\S")


def _items(lines: list[str]) -> list[tuple[int, int, int, str]]:
    """(first line, last line, depth, text) of every paragraph; of every line where the paragraphs' own lines stand
    at several depths (a tree printed without blank lines between its items) and few lines hold cells side by side
    (leading tabs in a table's rows are its empty cells)."""
    found = paragraphs(lines)
    content = [line.strip() for line in lines if line.strip()]
    cells = sum(1 for line in content if _CELLS.search(line))  # a table's rows: cells side by side
    if cells <= 0.2 * len(content) and any(len({_depth(line) for line in text.split("\n")}) > 2
                                            for _, _, text in found):
        return [(n, n, _depth(line), line.strip()) for n, line in enumerate(lines, 1) if line.strip()]
    return [(start, end, _depth(text), join_lines(text)) for start, end, text in found]


def _levels(items: list[tuple[int, int, int, str]]) -> dict[int, str]:
    """Role of each depth, when the vocabulary confirms the tree (most items one level above the deepest are level
    labels) or, in a tree without level items, the values do (most of the deepest items are followed by a value
    paragraph that reads as a target); else {}."""
    depths = sorted({d for _, _, d, _ in items if d > 0})
    if len(depths) < 3:
        return {}
    by_depth: dict[int, list[str]] = {}
    for _, _, depth, text in items:
        by_depth.setdefault(depth, []).append(text)
    leaf = depths[-1]
    roles = {leaf: "name"}
    above = depths[-2::-1]  # from the deepest but one up
    labels = by_depth[above[0]]
    if sum(1 for t in labels if tx.level2_of(t) or tx.level1_of(t)) / len(labels) >= 0.6:
        level1_only = sum(1 for t in labels if tx.level1_of(t) and not tx.level2_of(t))
        if level1_only > len(labels) / 2:  # a tree without level-2 items: the labels above the names are level-1
            roles[above[0]] = "level1"
            above = above[1:]
        else:
            roles[above[0]] = "level2"
            parents = by_depth[above[1]] if len(above) > 1 else []
            # the depth above holds level-1 labels unless the tree has no level-1 items (then it holds projects)
            if parents and sum(1 for t in parents if tx.level1_of(t)) / len(parents) >= 0.6:
                roles[above[1]] = "level1"
                above = above[2:]
            else:
                above = above[1:]
    elif not _valued(items, leaf):
        return {}
    if above:
        roles[above[0]] = "project"
    return roles


def _valued(items: list[tuple[int, int, int, str]], leaf: int) -> bool:
    """Whether most of the deepest items are followed by a value paragraph (depth 0) and most of those values read
    as targets with a number, a deadline or a placeholder (a tree whose table has no level columns)."""
    leaves = [i for i, item in enumerate(items) if item[2] == leaf]
    values = [items[i + 1][3] for i in leaves if i + 1 < len(items) and items[i + 1][2] == 0]
    if len(leaves) < 3 or len(values) < 0.6 * len(leaves):
        return False
    targets = sum(1 for v in values if read_value(v, None, None).kind not in ("qualitative", "empty"))
    return targets >= 0.6 * len(values)


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
    if len({d for line in lines if (d := _depth(line)) > 0}) < 3:
        return 0.0  # fewer than three depths: no tree (as _levels finds), known before the items are joined
    items = _items(lines)
    if len(items) < 6 or not _levels(items):
        return 0.0
    # the paragraphs the tree explains: its items and the value paragraph right after an item
    explained = sum(1 for i, (_, _, d, _) in enumerate(items) if d > 0 or (i and items[i - 1][2] > 0))
    depths = Counter(d for _, _, d, _ in items if d > 0)
    return min(1.0, 0.5 + explained / len(items)) if len(depths) >= 3 else 0.0
