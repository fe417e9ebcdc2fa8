"""Decode a file's bytes into text lines: binary content refused, the encoding detected by charset-normalizer.

UTF-8 (with or without BOM) and UTF-16 with a BOM are taken as they are; anything else is given to
charset-normalizer, restricted to the encodings Chinese documents are saved in (GB18030/GBK/GB2312, Big5, UTF-16
without BOM, HZ). Every GB encoding is decoded as GB18030 (their superset), with the ``encoding_gbk`` warning; when
charset-normalizer accepts no candidate, bytes that decode as GB18030 are read so.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from ingest.errors import IngestError
from ingest.grid import ParseWarning

# The encodings charset-normalizer may choose from (Python codec names).
CANDIDATES = ("utf_8", "gb18030", "gbk", "gb2312", "big5", "big5hkscs", "utf_16", "utf_16_le", "utf_16_be", "hz")
_GB = {"gb18030", "gbk", "gb2312", "hz"}
_BIG5 = {"big5", "big5hkscs", "cp950"}
# what a text file does not hold: the replacement character, control characters other than \t \n \v \f \r
_BAD_CHARACTER = re.compile(r"[\ufffd\x00-\x08\x0e-\x1f]")


@dataclass
class SourceText:
    source: str
    lines: list[str]  # without line endings; index 0 is line 1
    encoding: str
    warnings: list[ParseWarning]


def _codec(name: str) -> str:
    try:
        return codecs.lookup(name).name.replace("-", "_")
    except LookupError:
        return name


def _detect(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) from charset-normalizer among :data:`CANDIDATES`, or None when nothing fits."""
    # UTF-16 without BOM shows itself by NUL bytes (the high byte of ASCII tabs and line ends); without them it
    # is never a candidate (charset-normalizer would otherwise take short GBK text for UTF-16).
    wide = b"\x00" in data[:4096]
    candidates = [c for c in CANDIDATES if c.startswith("utf_16") == wide]
    best = from_bytes(data, cp_isolation=candidates).best()
    if best is None:
        # charset-normalizer found every candidate too chaotic (a short or symbol-heavy table): bytes that are
        # valid GB18030 are taken as such, as a GBK file is the common case for Chinese documents
        if not wide:
            try:
                return data.decode("gb18030"), "gb18030"
            except UnicodeDecodeError:
                return None
        return None
    name = _codec(best.encoding)
    if name in _GB:
        try:  # the superset decodes what its subsets printed (and the characters they lack)
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            pass
    return str(best), name


def decode_text(source: str, data: bytes) -> SourceText:
    """Decode ``data``; raise IngestError for empty or binary files."""
    if not data.strip():
        raise IngestError(source, "文件为空，没有可读取的内容。", line=1 if data else None)
    warnings: list[ParseWarning] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = _decode_cut(data, "utf-16", warnings), "utf-16"
    else:
        try:
            text, encoding = _decode_cut(data, "utf-8-sig", warnings), "utf-8"
        except UnicodeDecodeError:
            found = _detect(data)
            if found is None and b"\x00" in data[:4096] and len(data) % 2:
                found = _detect(data[:-1])  # UTF-16 without BOM, cut inside its last character
                if found is not None:
                    warnings.append(ParseWarning("cut_character", "文件在最后一个字符中间被截断（末尾 1 个字节"
                                                 "不成字），已忽略这个字节；请核对文件是否完整。"))
            if found is None or (b"\x00" in data[:4096] and not found[1].startswith("utf_16")):
                if b"\x00" in data[:4096]:
                    raise IngestError(source, "这不是文本文件（含二进制内容），无法按文本读取。", line=1) from None
                pos = _first_bad_byte(data)
                line = data[:pos].count(b"\n") + 1
                raise IngestError(source, "无法识别文件编码（既不是 UTF-8 也不是 GBK/GB18030、Big5 或 UTF-16）。",
                                  line=line) from None
            text, encoding = found
        if b"\x00" in data[:4096] and not encoding.startswith("utf_16"):
            raise IngestError(source, "这不是文本文件（含二进制内容），无法按文本读取。", line=1)
        if encoding == "gb18030":
            warnings.append(ParseWarning("encoding_gbk", "文件编码为 GBK/GB18030（非 UTF-8），已按 GBK 读取。"))
        elif encoding in _BIG5:
            warnings.append(ParseWarning("encoding_big5", "文件编码为 Big5（繁体中文），已按 Big5 读取。"))
        elif encoding.startswith("utf_16"):
            encoding = "utf-16"
    bad = len(_BAD_CHARACTER.findall(text))
    if bad > max(8, len(text) // 50):
        raise IngestError(source, "这不是文本文件（含大量控制字符），无法按文本读取。", line=1)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return SourceText(source=source, lines=lines, encoding=encoding, warnings=warnings)


def _decode_cut(data: bytes, encoding: str, warnings: list[ParseWarning]) -> str:
    """``data`` decoded; a file cut inside its last character (half of a UTF-8 or UTF-16 character at the very
    end, e.g. a download stopped early) is read without those bytes, with a warning. Other errors raise."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.reason not in ("unexpected end of data", "truncated data") or exc.end < len(data) - 1:
            raise
        text = data[:exc.start].decode(encoding)
        line = text.count("\n") + 1
        lost = len(data) - exc.start
        warnings.append(ParseWarning("cut_character", f"文件在最后一个字符中间被截断（末尾 {lost} 个字节不成字），"
                                     "已忽略这几个字节；请核对文件是否完整。", line))
        return text


def _first_bad_byte(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return 0
