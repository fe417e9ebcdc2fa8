"""The same tables read the same whatever their text layout (SYNTHETIC layouts, real content).

Each sample document is parsed, written out again by bench/render.py in every text layout family, and read
back: names, totals and every indicator (levels, name, value) must come out as in the original reading. This is
the closest check we have on layouts that no real file here uses; the floors below are measured, and only the
run-together layout (cells with no separator) falls short of exact: 90% — a number inside a name
(培训16场次开展慰问…), a value of free words (高效高质量提供援助) and Qingdao's values followed by their
explanation cannot be told from the next name by the vocabulary.
"""

from __future__ import annotations

import pytest

from ingest.parse import parse_bytes
from tests.helpers import SAMPLE_FILES, parsed, squash
from bench.render import FAMILIES, render

# share of the samples' 345 indicators read back exactly, per layout
FLOORS = {"tab_rows": 1.0, "cell_per_line": 1.0, "pipe_rows": 1.0, "markdown": 1.0, "pipe_cells": 0.995,
          "paragraph_cells": 0.995, "space_columns": 0.99, "indent_tree": 0.99, "run_together": 0.90}


def reading(document):
    return [(squash(p.name), p.total_wan, [(i.level1, i.level2, squash(i.name), squash(i.value))
                                           for i in p.indicators]) for p in document.projects]


@pytest.mark.parametrize("family", FAMILIES)
def test_samples_rendered_in_each_layout_read_the_same(family):
    found = total = 0
    for key in SAMPLE_FILES:
        original = parsed(key)
        document = parse_bytes(f"{key}_{family}.txt", render(original, family).encode("utf-8"))
        assert document.layout == family
        want, got = reading(original), reading(document)
        assert [(name, total_wan) for name, total_wan, _ in got] == [(n, t) for n, t, _ in want]
        for (_, _, want_rows), (_, _, got_rows) in zip(want, got):
            found += sum(1 for row in want_rows if row in got_rows)
            total += len(want_rows)
    assert total == 345
    assert found / total >= FLOORS[family]
