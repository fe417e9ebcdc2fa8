"""One cell per paragraph (``paragraph_cells``): cells separated by blank lines, or by lines of a bare ``|``.

Web pages whose table cells became paragraphs, and PDF extractions that put a ``|`` line after every cell, give
no row breaks at all: every cell is a row of its own, and the interpreter reads the cells in order. A paragraph
spread over several lines is one cell (its lines joined).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from ingest import taxonomy as tx
from ingest.grid import Cell, ParseWarning, Row, match_key
from ingest.readers.families.common import KEPT_CHARACTER, content_lines, has_text, is_form_label, is_labelled_field

_SEPARATOR = re.compile(r"^[\s|]*$")


def paragraphs(lines: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first line, last line, text) of every paragraph; text lines joined with a newline."""
    return list(_paragraphs(tuple(lines)))


@lru_cache(maxsize=2)  # asked by the tree and bracket families' scores and builds, on the same lines
def _paragraphs(lines: tuple[str, ...]) -> tuple[tuple[int, int, str], ...]:
    out: list[tuple[int, int, str]] = []
    start = None
    buffer: list[str] = []
    for number, line in enumerate(lines + ("",), 1):
        if _SEPARATOR.match(line) or not (KEPT_CHARACTER.search(line) or match_key(line.replace("|", ""))):
            if buffer:
                out.append((start, number - 1, "\n".join(buffer)))
                buffer = []
            continue
        if not buffer:
            start = number
        buffer.append(line)
    return tuple(out)


def join_lines(text: str) -> str:
    """A paragraph's lines as one cell text: broken CJK lines joined directly, others with a space."""
    parts = [p.strip() for p in text.split("\n")]
    out = parts[0]
    for part in parts[1:]:
        if out and part and (ord(out[-1]) > 0x2e80 or ord(part[0]) > 0x2e80):
            out += part
        else:
            out += " " + part
    return out


def build(lines: list[str]) -> tuple[list[Row], list[ParseWarning]]:
    rows = []
    for start, _, text in paragraphs(lines):
        for first, last, piece in _fields_apart(start, text):
            cell = Cell(join_lines(piece), first, last)  # a paragraph knows no column
            rows.append(Row(cells=[cell], line_start=first, line_end=last))
    return rows, []


def _fields_apart(start: int, text: str) -> list[tuple[int, int, str]]:
    """A paragraph's lines as one cell, but where lines of it are fields written label：content (项目名称：抚恤金 /
    主管部门：…, the form's fields one per line with no blank line between them): a cell from each such line on,
    and from a label of the form (the table's first header word, 一级指标) or a title after a field."""
    parts = text.split("\n")
    if len(parts) < 2 or not any(is_labelled_field(p) or _form_line(p) for p in parts[1:]):
        return [(start, start + len(parts) - 1, text)]
    out: list[tuple[int, int, list[str]]] = []
    for k, part in enumerate(parts):
        if not out or is_labelled_field(part) or is_form_label(part) \
                or (is_labelled_field(parts[k - 1]) or _form_line(part)) and tx.title_suffix_of(part):
            out.append((start + k, start + k, [part]))
        else:
            first, _, pieces = out[-1]
            out[-1] = (first, start + k, pieces + [part])
    return [(first, last, "\n".join(pieces)) for first, last, pieces in out]


def _form_line(line: str) -> bool:
    """A line that begins a form after the text above it: a table title of its own (项目支出绩效目标申报表), or the
    name label alone (项目名称) — a narrative's last line runs on into them when no blank line sets them apart."""
    text = line.strip()
    return (bool(tx.title_suffix_of(text)) and len(text) <= 40) or tx.field_of(match_key(text)) == "name"


def score(lines: list[str]) -> float:
    """Share of content lines that stand alone between separators, scaled by how many separators there are."""
    content = content_lines(lines)
    if len(content) < 4:
        return 0.0
    padded = [""] + lines + [""]
    text = (False,) + has_text(lines) + (False,)
    separator = [_SEPARATOR.match(line) is not None for line in padded]  # each line tested once
    separated = sum(1 for i in range(1, len(padded) - 1)
                    if text[i] and not separator[i] and separator[i - 1] and separator[i + 1])
    structured = sum(1 for line in content if "\t" in line.strip() or line.count("|") >= 2)
    from ingest.readers.families import run_together  # a paragraph of run-together cells is not one cell

    return separated / len(content) * (1 - structured / len(content)) * (1 - run_together.score(lines))
