"""Errors raised while reading a document. Messages are Chinese and name the file and the line."""

from __future__ import annotations

from typing import Optional


class IngestError(Exception):
    """A file could not be read or interpreted. ``message_zh`` is shown to the user as is."""

    def __init__(self, source: str, message_zh: str, line: Optional[int] = None):
        self.source = source
        self.line = line
        self.message_zh = message_zh
        where = f"{source} 第 {line} 行" if line else source
        super().__init__(f"{where}：{message_zh}")

    def __str__(self) -> str:  # the Chinese message with file and line
        return self.args[0]
