"""Readers turn a file into text lines; layout families (families.py) turn lines into rows of cells.

Readers are registered by file suffix in ``READERS``; spreadsheet, Word and PDF readers plug in here later and
produce the same rows, without touching the interpreter.
"""

from __future__ import annotations

from typing import Callable

from ingest.errors import IngestError
from ingest.readers.text import SourceText, decode_text

READERS: dict[str, Callable[[str, bytes], SourceText]] = {
    ".txt": decode_text,
    ".tsv": decode_text,
    ".text": decode_text,
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
