"""The interpreter reads the same tables the same way whatever the layout family.

The two one-cell-per-line sample documents are re-rendered as tab-separated rows (each row of cells on one line),
as pipe rows (``| a | b |``) and as one cell per paragraph: the tables are the same, only the layout differs, so
names, totals and every indicator must come out the same.
"""

from __future__ import annotations

import pytest

from ingest.parse import parse_bytes
from ingest.readers.families import cells_per_line
from tests.helpers import SAMPLE_FILES, SAMPLES, parsed, squash


def rerender(text: str, style: str) -> bytes:
    lines = text.split("\n")
    rows, _ = cells_per_line.build(lines)
    out = []
    for row in rows:
        cells = [c.text for c in row.cells]
        if not lines[row.line_start - 1].startswith("\t"):  # a title or note line stays a line of its own
            out.append(cells[0])
            cells = cells[1:]
        if not cells:
            continue
        if style == "tab":
            out.append("\t".join(cells))
        elif style == "pipe":
            out.append("| " + " | ".join(c.strip() for c in cells) + " |")
        elif style == "paragraph":
            out.extend(x for c in cells for x in ((c.strip() or "—"), ""))
    return "\n".join(out).encode("utf-8")


def reading(document):
    return [
        (squash(p.name), p.total_wan, [(i.level1, i.level2, squash(i.name), squash(i.value)) for i in p.indicators])
        for p in document.projects
    ]


@pytest.mark.parametrize("key", ["qingdao", "yuanjiang"])
@pytest.mark.parametrize("style, family", [("tab", "tab_rows"), ("pipe", "markdown")])
def test_cell_per_line_tables_read_the_same_in_other_layouts(key, style, family):
    text = (SAMPLES / SAMPLE_FILES[key]).read_text(encoding="utf-8")
    document = parse_bytes(f"rerendered_{style}.txt", rerender(text, style))
    assert document.layout == family
    assert reading(document) == reading(parsed(key))
    original = parsed(key).department_overall
    if original is not None:
        assert [squash(i.name) for i in document.department_overall.indicators] == [
            squash(i.name) for i in original.indicators]
