"""Layout families of plain-text target tables, registered in one dict, each with its own detection score.

A family turns the display lines of a text file into rows of cells (:class:`ingest.grid.Row`). Quirks of a layout
(fragments of a broken PDF grid, cells wrapped onto the next line, a label broken by a blank line, markdown rule
lines, filler lines of bare ``|``) are dealt with here, in the family that has them; the interpreter reads rows of
cells only and never asks which family produced them.

Scores are computed from the text alone (never from the file name) and lie in 0..1. The family with the highest
score builds the grid; every score is reported with the document (``python -m ingest parse --json``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ingest.grid import Row
from ingest.readers.families.common import columns_one_after_another, header_scattered, values_one_after_another
from ingest.readers.families import (brackets, cells_per_line, delimited, labelled, lines, outline, paragraphs,
                                     pipes, positioned, run_together, spaces, tabs, tree)


@dataclass(frozen=True)
class Family:
    key: str
    title_zh: str  # how the dashboard names the layout
    build: Callable[[list[str]], list[Row]]
    score: Callable[[list[str]], float]


FAMILIES: dict[str, Family] = {
    family.key: family
    for family in (
        Family("tab_rows", "制表符分隔的行", tabs.build_tab_rows, tabs.score_tab_rows),
        Family("cell_per_line", "每行一个单元格（空行分隔表格行）", cells_per_line.build, cells_per_line.score),
        Family("pdf_grid", "PDF 提取（表格线断裂）", tabs.build_pdf_grid, tabs.score_pdf_grid),
        Family("delimited_rows", "逗号或分号分隔的行", delimited.build, delimited.score),
        Family("pipe_rows", "竖线分隔的行（网页表格）", pipes.build, pipes.score_rows),
        Family("markdown", "Markdown 表格", pipes.build, pipes.score_markdown),
        Family("pipe_cells", "每行一个单元格，以竖线结尾", pipes.build, pipes.score_cells),
        Family("indent_tree", "仅以缩进表示层级", tree.build, tree.score),
        Family("bracket_sections", "【一级-二级】分节、无表格", brackets.build, brackets.score),
        Family("labelled_fields", "“栏目：内容”成对书写、无表格", labelled.build, labelled.score),
        Family("numbered_outline", "编号分级的条目（一、（一）1.）、无表格", outline.build, outline.score),
        Family("run_together", "单元格连排、无分隔符", run_together.build, run_together.score),
        Family("positioned", "按页面位置排列的列（PDF 版面文本）", positioned.build, positioned.score),
        Family("space_columns", "空格分隔的列", spaces.build, spaces.score),
        Family("paragraph_cells", "每段一个单元格（空行分隔）", paragraphs.build, paragraphs.score),
        Family("cell_stream", "PDF 逐行复制（单元格依次排列、长单元格折行）", lines.build_stream, lines.score_stream),
        Family("line_cells", "每行一个单元格（不分表格行）", lines.build, lines.score),
    )
}


# the families that would read a text of blocks one after another (its cells on lines of their own, or one space
# apart): where one of them leads, a run of values tells such a text
_CELLS_ON_LINES = ("line_cells", "cell_stream", "paragraph_cells", "space_columns")


def detect(lines: list[str]) -> tuple[Family, dict[str, float]]:
    """The best-scoring family and every family's score (rounded, sorted best first). On a tie the family
    registered first wins: the more specific layouts are registered before the general ones."""
    scores = {key: round(max(0.0, min(1.0, family.score(lines))), 3) for key, family in FAMILIES.items()}
    leader = max(scores, key=lambda key: scores[key])
    if scores[leader] > 0 and leader in _CELLS_ON_LINES and header_scattered(lines):
        # the header's words apart, each above its column's cells: a text of blocks, which no family reads
        scores = {key: 0.0 for key in scores}
    elif scores[leader] > 0 and (columns_one_after_another(lines) or (leader in _CELLS_ON_LINES
                                                                     and values_one_after_another(lines))):
        # every name, then every value: no family reads a table from a text that prints its columns (or its blocks
        # of cells) in turn
        scores = {key: round(score * 0.1, 3) for key, score in scores.items()}
    ordered = dict(sorted(scores.items(), key=lambda kv: -kv[1]))
    best = next(iter(ordered))
    return FAMILIES[best], ordered
