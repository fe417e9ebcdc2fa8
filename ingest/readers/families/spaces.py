"""Space-aligned columns (``space_columns``): cells separated by runs of spaces (ASCII, full-width, no-break).

Web pages and PDF text often separate the cells of a row by spaces only. Each line is a row, split at every run
of spaces; a cell that itself contained a space arrives in two pieces, which the interpreter joins when both
pieces belong to the same column. Quirk handled here: a label printed one word per line (``年度`` / ``预算`` /
``安排`` / ``(万元)``, a tall merged cell) is joined back into one cell.
"""

from __future__ import annotations

import re

from ingest.grid import Cell, ParseWarning, Row, match_key
from ingest.readers.families.common import content_lines
from ingest.readers.families.run_together import wrap_gapped

_SPLIT = re.compile(r"[\s\u00a0\u3000]+")
_SHORT_WORD = re.compile(r"^[(（]?[\u4e00-\u9fff]{1,4}[)）]?$|^[(（][^()（）]{1,6}[)）]$")


def build(lines: list[str]) -> tuple[list[Row], list[ParseWarning]]:
    rows: list[Row] = []
    pending: list[tuple[int, str]] = []  # a tall label printed one word per line

    def flush() -> None:
        if pending:
            text = "".join(word for _, word in pending)
            first, last = pending[0][0], pending[-1][0]
            rows.append(Row(cells=[Cell(text, first, last, col=0)], line_start=first, line_end=last))
            pending.clear()

    for number, line in enumerate(lines, 1):
        key = match_key(line)
        if not key:
            flush()
            continue
        words = [w for w in _SPLIT.split(line.strip()) if w]
        if len(words) == 1 and _SHORT_WORD.match(words[0]):
            pending.append((number, words[0]))
            continue
        flush()
        gaps = [""] + _SPLIT.findall(line.strip())
        cells = [Cell(word, number, number, col=i, soft=gap == " ") for i, (word, gap) in enumerate(zip(words, gaps))]
        rows.append(Row(cells=cells, line_start=number, line_end=number))
    flush()
    return rows, []


def score(lines: list[str]) -> float:
    """Share of the text (by characters) in lines of three or more short space-separated words."""
    content = content_lines(lines)
    if not content:
        return 0.0
    total = sum(len(line.strip()) for line in content)
    spaced = structured = 0
    for line in content:
        stripped = line.strip()
        if "\t" in stripped or stripped.count("|") >= 1:
            structured += len(stripped)
            continue
        words = [w for w in _SPLIT.split(stripped) if w]
        cjk_words = [w for w in words if re.search(r"[\u4e00-\u9fff]", w)]
        if len(words) >= 3 and len(cjk_words) >= 2 and len(stripped) / len(words) <= 14 \
                and not wrap_gapped(stripped):
            spaced += len(stripped)
    return spaced / total * (1 - structured / total)
