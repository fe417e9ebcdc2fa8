"""The original lines of a source document, numbered, for a line range (1-based, inclusive).

Document text is data: callers show the result with ``st.dataframe`` / ``st.code`` / ``st.text``, never as
Markdown or HTML. Phone numbers are masked here, so every view of the lines is masked.

Only files inside the given search folders are read, looked up by their base name: a ``source`` stored in the
database cannot point the dashboard at an arbitrary path.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence, Union

import pandas as pd

from ui.privacy import mask_phones

MARK = "▶"
COL_MARK = MARK
COL_LINE = "行号"
COL_TEXT = "原文"
TAB_SHOWN_AS = " │ "
_LINE_REF_RE = re.compile(r"第\s*(\d+)\s*行")

PathLike = Union[str, Path]


def resolve_source(source: Optional[str], search_dirs: Iterable[PathLike]) -> Optional[Path]:
    """The file called like ``source`` (its base name) in the first search folder that has it, else ``None``."""
    if not source:
        return None
    name = Path(str(source).replace("\\", "/")).name
    if name in ("", ".", ".."):
        return None
    for folder in search_dirs:
        folder = Path(folder)
        candidate = folder / name
        try:
            if candidate.is_file() and candidate.resolve().parent == folder.resolve():
                return candidate
        except OSError:
            continue
    return None


@lru_cache(maxsize=32)
def _read_lines(path: str, mtime: float, encoding: str) -> tuple[str, ...]:
    data = Path(path).read_bytes()
    try:
        text = data.decode(encoding or "utf-8")
    except (LookupError, UnicodeDecodeError):
        text = data.decode("utf-8", errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    return tuple(text.splitlines())


def read_lines(path: PathLike, encoding: str = "utf-8") -> tuple[str, ...]:
    """All lines of ``path`` (cached while the file is unchanged)."""
    p = Path(path)
    return _read_lines(str(p), p.stat().st_mtime, encoding)


def shown_text(line: str) -> str:
    """A line as displayed: tabs (cell separators) shown as ``│``, trailing blanks dropped, phones masked."""
    return mask_phones(line.rstrip().replace("\t", TAB_SHOWN_AS))


def _marked(number: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(start <= number <= end for start, end in ranges)


def source_lines(path: PathLike, start: int, end: int, marked: Sequence[tuple[int, int]] = (),
                 encoding: str = "utf-8", context: int = 0) -> pd.DataFrame:
    """Lines ``start - context`` .. ``end + context`` of ``path`` as a table: ``▶`` (marked rows), 行号, 原文."""
    lines = read_lines(path, encoding)
    first = max(1, int(start) - context)
    last = min(len(lines), int(end) + context)
    ranges = [(int(a), int(b)) for a, b in marked]
    rows = [
        (MARK if _marked(n, ranges) else "", n, shown_text(lines[n - 1]))
        for n in range(first, last + 1)
    ]
    return pd.DataFrame(rows, columns=[COL_MARK, COL_LINE, COL_TEXT])


def numbered_text(lines: pd.DataFrame) -> str:
    """The rows of ``source_lines`` as plain text for ``st.code``: ``▶  171 │ …`` (marked rows) / ``   172 │ …``."""
    if lines.empty:
        return ""
    width = len(str(int(lines[COL_LINE].max())))
    return "\n".join(
        f"{mark or ' '} {int(n):>{width}} ┃ {text}"
        for mark, n, text in lines[[COL_MARK, COL_LINE, COL_TEXT]].itertuples(index=False, name=None)
    )


def line_references(text: str) -> list[int]:
    """Line numbers a parser warning refers to (``第 136 行`` / ``第 303 行起``)."""
    return [int(m.group(1)) for m in _LINE_REF_RE.finditer(text or "")]
