"""Readers turn a file into text lines; layout families (families.py) turn lines into rows of cells.

Readers are registered by file suffix in ``READERS``; spreadsheet, Word and PDF readers plug in here later and
produce the same rows, without touching the interpreter.
"""

from __future__ import annotations

import csv
import io
from typing import Callable

from ingest.errors import IngestError
from ingest.readers.text import SourceText, decode_text


def decode_csv(source: str, data: bytes) -> SourceText:
    """A comma-separated export (e.g. a sheet saved as CSV): its rows become tab-separated lines."""
    text = decode_text(source, data)
    try:
        rows = list(csv.reader(io.StringIO("\n".join(text.lines))))
    except csv.Error as exc:
        raise IngestError(source, f"CSV 格式错误：{exc}") from exc
    text.lines = ["\t".join(cell.replace("\t", " ") for cell in row) for row in rows]
    return text


READERS: dict[str, Callable[[str, bytes], SourceText]] = {
    ".txt": decode_text,
    ".tsv": decode_text,
    ".text": decode_text,
    ".csv": decode_csv,
    "": decode_text,
}
SUPPORTED_SUFFIXES = tuple(s for s in READERS if s)


def read_source(source: str, data: bytes, suffix: str) -> SourceText:
    reader = READERS.get(suffix.lower())
    if reader is None:
        raise IngestError(
            source,
            f"暂不支持 {suffix} 文件；目前可读取的文件类型：{'、'.join(SUPPORTED_SUFFIXES)}"
            "（从 PDF/Word/Excel 复制出的文本）。",
        )
    return reader(source, data)
