"""Readers: a file's bytes → a :class:`ingest.grid.Grid` (display lines and rows of cells).

Readers are registered by file suffix in ``READERS``. Plain text goes through the layout families
(:mod:`ingest.readers.families`), whose detection scores pick how the lines become rows; CSV is a grid already.
Every reader produces the same grid, so no layout logic is written twice and the interpreter reads grids only.
"""

from __future__ import annotations

import csv
import io
from typing import Callable

from ingest.errors import IngestError
from ingest.grid import Cell, Grid, Row, strip_invisible
from ingest.readers.families import FAMILIES, detect
from ingest.readers.families.common import has_form_words
from ingest.readers.text import decode_text


def read_text(source: str, data: bytes) -> Grid:
    """Plain text: decoded, then built into rows by the best-scoring layout family."""
    text = decode_text(source, data)
    # the families read the lines without page breaks (\f) and invisible marks; the display lines keep them
    lines = [strip_invisible(line).replace("\f", "") for line in text.lines]
    family, scores = detect(lines)
    if not has_form_words(lines) or max(scores.values()) < 0.05:
        raise IngestError(
            source,
            "无法识别版式：没有找到绩效目标表的表头（如“项目名称”“一级指标”“三级指标”），或文字的排列不像"
            f"任何一种已知的表格版式（共 {len(FAMILIES)} 种）。请导入原始的 Word、Excel 或 PDF 文件，"
            "或从中复制出完整的表格。",
            line=1,
        )
    rows, warnings = family.build(lines)
    return Grid(source=source, lines=text.lines, rows=rows, family=family.key, encoding=text.encoding,
                scores=scores, warnings=list(text.warnings) + warnings)


def read_csv(source: str, data: bytes) -> Grid:
    """A comma-separated export (a sheet saved as CSV): each record a row, each field a cell."""
    text = decode_text(source, data)
    try:
        records = list(csv.reader(io.StringIO("\n".join(text.lines))))
    except csv.Error as exc:
        raise IngestError(source, f"CSV 格式错误：{exc}") from exc
    lines = ["\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in record) for record in records]
    rows = [Row(cells=[Cell(t, n, n, col=i) for i, t in enumerate(record)], line_start=n, line_end=n)
            for n, record in enumerate(records, 1) if any(c.strip() for c in record)]
    return Grid(source=source, lines=lines, rows=rows, family="csv", encoding=text.encoding,
                warnings=list(text.warnings))


READERS: dict[str, Callable[[str, bytes], Grid]] = {
    ".txt": read_text,
    ".tsv": read_text,
    ".text": read_text,
    ".csv": read_csv,
    "": read_text,
}
SUPPORTED_SUFFIXES = tuple(s for s in READERS if s)
LAYOUT_TITLES = {**{key: f.title_zh for key, f in FAMILIES.items()}, "csv": "CSV 表格"}


def read_grid(source: str, data: bytes, suffix: str) -> Grid:
    reader = READERS.get(suffix.lower())
    if reader is None:
        raise IngestError(
            source,
            f"暂不支持 {suffix} 文件；目前可读取的文件类型：{'、'.join(SUPPORTED_SUFFIXES)}"
            "（从 PDF/Word/Excel 复制出的文本）。",
        )
    return reader(source, data)
