"""The interpreter reads the same tables the same way whatever the layout family.

The two one-cell-per-line sample documents are re-rendered as tab-separated rows (each row of cells on one line):
the tables are the same, only the layout differs, so names, totals and every indicator must come out the same.
"""

from __future__ import annotations

import pytest

from ingest.parse import parse_bytes
from ingest.readers.families import split_cell_lines
from tests.helpers import SAMPLES, SAMPLE_FILES, parsed, squash


def as_tab_rows(text: str) -> bytes:
    lines = text.split("\n")
    out = []
    for row in split_cell_lines(lines):
        cells = row.cells
        if not lines[row.line_start - 1].startswith("\t"):  # a title or note line stays a line of its own
            out.append(cells[0])
            cells = cells[1:]
        if cells:
            out.append("\t".join(cells))
    return "\n".join(out).encode("utf-8")


def reading(document):
    return [
        (squash(p.name), p.total_wan, [(i.level1, i.level2, squash(i.name), squash(i.value)) for i in p.indicators])
        for p in document.projects
    ]


@pytest.mark.parametrize("key", ["qingdao", "yuanjiang"])
def test_cell_per_line_tables_read_the_same_as_tab_rows(key):
    text = (SAMPLES / SAMPLE_FILES[key]).read_text(encoding="utf-8")
    retabbed = parse_bytes("retabbed.txt", as_tab_rows(text))
    assert retabbed.layout == "tab_rows"
    assert reading(retabbed) == reading(parsed(key))
    original = parsed(key).department_overall
    if original is not None:
        assert [squash(i.name) for i in retabbed.department_overall.indicators] == [
            squash(i.name) for i in original.indicators]
