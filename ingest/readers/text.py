"""Decode a file's bytes into text lines, detecting binary content and the encoding."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.errors import IngestError
from ingest.grid import ParseWarning

# Tried in order; gb18030 is a superset of GBK and GB2312.
ENCODINGS = ("utf-8-sig", "gb18030", "utf-16")


@dataclass
class SourceText:
    source: str
    lines: list[str]  # without line endings; index 0 is line 1
    encoding: str
    warnings: list[ParseWarning]


def decode_text(source: str, data: bytes) -> SourceText:
    """Decode ``data``; raise IngestError for empty or binary files."""
    if not data.strip():
        raise IngestError(source, "文件为空，没有可读取的内容。", line=1 if data else None)
    warnings: list[ParseWarning] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = data.decode("utf-16"), "utf-16"
    else:
        if b"\x00" in data[:4096]:
            raise IngestError(source, "这不是文本文件（含二进制内容），无法按文本读取。", line=1)
        text, encoding = None, None
        for enc in ENCODINGS[:2]:
            try:
                text, encoding = data.decode(enc), enc
                break
            except UnicodeDecodeError:
                continue
        if text is None:
            pos = _first_bad_byte(data)
            line = data[:pos].count(b"\n") + 1
            raise IngestError(source, "无法识别文件编码（既不是 UTF-8 也不是 GBK/GB18030）。", line=line)
        if encoding == "gb18030":
            warnings.append(ParseWarning("encoding_gbk", "文件编码为 GBK/GB18030（非 UTF-8），已按 GBK 读取。"))
    bad = sum(1 for ch in text if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\r\n\f\v"))
    if bad > max(8, len(text) // 50):
        raise IngestError(source, "这不是文本文件（含大量控制字符），无法按文本读取。", line=1)
    if encoding == "utf-8-sig":
        encoding = "utf-8"
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return SourceText(source=source, lines=lines, encoding=encoding, warnings=warnings)


def _first_bad_byte(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return 0
