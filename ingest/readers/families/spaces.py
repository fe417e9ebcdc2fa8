"""Space-aligned columns (``space_columns``): cells separated by runs of spaces (ASCII, full-width, no-break).

Web pages and PDF text often separate the cells of a row by spaces only. Each line is a row, split at every run
of spaces; a cell that itself contained a space arrives in two pieces, which the interpreter joins when both
pieces belong to the same column. Quirks handled here:

- a label printed one word per line (``年度`` / ``预算`` / ``安排`` / ``(万元)``, a tall merged cell) is joined back
  into one cell — but two level labels on lines of their own (``产出指标`` / ``数量指标``) stay two cells;
- a PDF copied row by row (``pdftotext -raw``, a viewer's copy) wraps long cells onto lines of their own: a long
  name or a value stopped mid-text goes on in the next line's first word;
- the page furniture such a copy carries (date line, address, page number) is left out.
"""

from __future__ import annotations

import re

from ingest import taxonomy as tx
from ingest.grid import Cell, ParseWarning, Row, match_key
from ingest.readers.families.common import (NAME_MARK, VALUE_START, closes_bracket, content_lines, is_form_label,
                                            page_furniture)
from ingest.readers.families.run_together import ANY_ENDING, wrap_gapped

_SPLIT = re.compile(r"[\s\u00a0\u3000]+")
_SHORT_WORD = re.compile(r"^[(（]?[\u4e00-\u9fff]{1,4}[)）]?$|^[(（][^()（）]{1,6}[)）]$")
_ENDS_CJK = re.compile(r"[\u4e00-\u9fff（(]$")
# a name numbered as a list item (1. / 2、), besides the marks of common.NAME_MARK
_LIST_NUMBER = re.compile(r"\d{1,2}\s*[.、．]")


def build(lines: list[str]) -> tuple[list[Row], list[ParseWarning]]:
    rows: list[Row] = []
    pending: list[tuple[int, str]] = []  # a tall label printed one word per line

    def flush() -> None:
        if pending:
            text = "".join(word for _, word in pending)
            first, last = pending[0][0], pending[-1][0]
            rows.append(Row(cells=[Cell(text, first, last, col=0)], line_start=first, line_end=last))
            pending.clear()

    furniture = page_furniture(lines)
    for number, line in enumerate(lines, 1):
        if number - 1 in furniture:
            continue  # a page's date line, address and page number, in the middle of a table copied from a PDF
        key = match_key(line)
        if not key:
            flush()
            continue
        words = [w for w in _SPLIT.split(line.strip()) if w]
        if rows and not pending and rows[-1].line_end == number - 1 and _wraps(rows[-1], words):
            # the previous row's last cell goes on here (a PDF copied row by row wraps long cells): it takes this
            # line's first word, the row the rest
            row, last = rows[-1], rows[-1].cells[-1]
            row.cells[-1] = Cell(last.text + words[0], last.line_start, number, col=last.col, soft=last.soft)
            row.cells.extend(Cell(w, number, number, col=len(row.cells) + i, soft=True)
                             for i, w in enumerate(words[1:]))
            row.line_end = number
            continue
        if len(words) == 1 and _SHORT_WORD.match(words[0]):
            if _is_level(words[0]) or (pending and _is_level(pending[-1][1])):
                flush()  # 产出指标 / 数量指标: two labels on lines of their own, not one label broken up
            pending.append((number, words[0]))
            continue
        flush()
        gaps = [""] + _SPLIT.findall(line.strip())
        cells = [Cell(word, number, number, col=i, soft=gap == " ") for i, (word, gap) in enumerate(zip(words, gaps))]
        rows.append(Row(cells=cells, line_start=number, line_end=number))
    flush()
    return rows, []


def _wraps(row: Row, words: list[str]) -> bool:
    """A line whose first word goes on with the last cell of ``row`` (the line before): a value stopped mid-text
    (``≤国家部署和工作`` / ``计划规定时间``, ``2024年12月31日`` / ``前``) alone on its line, or a long name — the
    row's first cell after its labels — that does not end as a name does (``考试工作严格按照国家部署和工作计`` /
    ``划进行``); never a label, a value of its own or a numbered or starred name."""
    cell, word = row.cells[-1], words[0]
    if closes_bracket(cell.text, word):
        return True  # ≤550元（每人每 / 天）, 项目资金（万 / 元）
    if is_form_label(cell.text) or is_form_label(word) or VALUE_START.match(word) or NAME_MARK.match(word) \
            or _LIST_NUMBER.match(word):
        return False
    if VALUE_START.match(cell.text):
        return len(words) == 1 and bool(_ENDS_CJK.search(cell.text))
    if not all(is_form_label(c.text) for c in row.cells[:-1]):
        return False  # the row's last cell stands after its name: a value
    return len(re.findall(r"[\u4e00-\u9fff]", cell.text)) >= 8 and bool(_ENDS_CJK.search(cell.text)) \
        and not cell.text.endswith(ANY_ENDING)


def _is_level(word: str) -> bool:
    key = match_key(word)
    return bool(tx.level1_of(key) or tx.level2_of(key))


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
