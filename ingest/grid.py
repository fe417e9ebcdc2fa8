"""The grid of cells: what every reader hands the interpreter, whatever the file type or layout.

A reader turns a file into a :class:`Grid`: rows of :class:`Cell`, each with its text as printed, its column where
the source knows it, its row/column span where the source knows it (merged cells), and its provenance: the line
range in the document's display lines (every reader also produces those lines, so the UI can show the original
without decoding the file a second time) and, for binary files, a reference such as ``Sheet1!B7`` or ``第 3 页``.

Text is normalised once, here, for matching (:func:`match_key`): NFKC, zero-width and bidi marks removed, every
kind of space unified. The original text is kept for display; no label is ever matched on raw text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator, Optional

from ingest.caches import text_cache

# Invisible characters that carry no meaning in a table: zero-width spaces and joiners, bidi marks, BOM, soft hyphen.
INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063" \
            "\u2064\u2066\u2067\u2068\u2069\ufeff"
_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")
# Every kind of space (incl. tab, vertical tab, form feed, no-break and ideographic spaces) becomes one ASCII space.
# Pinyin a document site put after characters: 績(jī)效 → 績效
_PINYIN_RE = re.compile(r"(?<=[\u3400-\u9fff])\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńň]{1,7}\)")
_SPACES_RE = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# Look-alike characters NFKC leaves alone but tables use interchangeably.
_LOOKALIKE = str.maketrans({
    "≧": "≥", "≦": "≤", "⩾": "≥", "⩽": "≤", "═": "=", "﹦": "=", "＝": "=", "—": "-", "–": "-", "－": "-",
    "―": "-", "﹣": "-", "‐": "-", "‑": "-", "∶": ":", "：": ":", "（": "(", "）": ")", "【": "[", "】": "]",
})


@lru_cache(maxsize=1)
def _traditional() -> dict[int, str]:
    """Traditional → simplified characters (one to one), so that a document printed in traditional characters
    (績效目標表) matches the vocabulary. Empty when the zhconv tables are not installed."""
    try:
        from zhconv.zhconv import getdict
    except ImportError:  # pragma: no cover - zhconv is in requirements.txt
        return {}
    return {ord(k): v for k, v in getdict("zh-hans").items() if len(k) == 1 and len(v) == 1 and k != v}


@lru_cache(maxsize=1)
def _character_map() -> dict[int, str]:
    """The look-alikes mapped, then the traditional characters, in one table (one pass over a text)."""
    traditional = _traditional()
    table = dict(traditional)
    for code, text in _LOOKALIKE.items():
        table[code] = "".join(traditional.get(ord(c), c) for c in text)
    return table


@text_cache(maxsize=200_000)
def match_key(text: str) -> str:
    """The form of ``text`` used for every comparison: NFKC, invisible marks removed, look-alikes and traditional
    characters mapped, spaces unified and trimmed.

    Spaces are kept (single) because they can separate cells; callers that compare labels drop them as well
    (see :func:`ingest.textnorm.normalise_label`).
    """
    if not text:
        return ""
    if "&" in text:  # an HTML entity left by a page's text (&ge;95%, 完成&nbsp;时间)
        text = html.unescape(text)
    text = _INVISIBLE_RE.sub("", text)
    if "(" in text:  # (pinyin) is the only thing _PINYIN_RE removes
        text = _PINYIN_RE.sub("", text)
    text = unicodedata.normalize("NFKC", text).translate(_character_map())
    return _SPACES_RE.sub(" ", text).strip()


_RADICALS = re.compile(r"[\u2e80-\u2fdf\u31c0-\u31ef\uf900-\ufaff]")
# Radicals of the supplement block that stand for whole characters (NFKC leaves them alone); fonts of PDFs printed
# from Chinese office software map 长 门 马 … to them.
_SUPPLEMENT = dict(zip(
    "⺠⺟⺩⺮⺷⻁⻄⻅⻆⻉⻋⻑⻓⻔⻗⻘⻙⻚⻛⻜⻝⻡⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳⺝⺼⻊",
    "民母王竹羊虎西见角贝车長长门雨青韦页风飞食首马骨鬼鱼鸟卤麦黄黾齐齿龙龟月月足"))


def fix_radicals(text: str) -> str:
    """Kangxi and supplementary radicals and CJK compatibility ideographs → the unified characters (NFKC)."""
    if not text:
        return text
    return _RADICALS.sub(lambda m: _SUPPLEMENT.get(m.group(0)) or unicodedata.normalize("NFKC", m.group(0)), text)


def strip_invisible(text: str) -> str:
    """``text`` without zero-width and bidi marks (for display text that must not hide characters)."""
    return _INVISIBLE_RE.sub("", text) if text else text


@dataclass(slots=True)
class Cell:
    """One cell: text as printed, position, span and provenance."""

    text: str
    line_start: int  # 1-based, into the document's display lines
    line_end: int
    col: Optional[int] = None  # column index where the source knows it (blank columns counted)
    rowspan: int = 1
    colspan: int = 1
    ref: Optional[str] = None  # sheet and cell address, page, or HTML table and row (binary sources)
    soft: bool = False  # the boundary before this cell may cut through the text of one cell (a space, a PDF cut)
    hint: Optional[str] = None  # the role the layout itself gives the cell (project, total, level1, level2, name,
    #                             value), where the structure says so (an indentation tree, bracket headings)
    key: str = field(default="", init=False)

    def __post_init__(self) -> None:
        self.key = match_key(self.text)

    @property
    def is_blank(self) -> bool:
        return not self.key


@dataclass(slots=True)
class Row:
    """One row of the grid. ``cells`` may include blank cells where the source has blank columns."""

    cells: list[Cell]
    line_start: int
    line_end: int
    table: int = 0  # index of the source table the row belongs to (Word/Excel/HTML tables; 0 for plain text)

    def filled(self) -> list[Cell]:
        return [c for c in self.cells if c.key]

    def texts(self) -> list[str]:
        return [c.text.strip() for c in self.cells if c.key]


@dataclass
class ParseWarning:
    """A structured warning: a stable ``code``, the source lines it is about, and a plain Chinese message."""

    code: str
    message: str
    line_start: Optional[int] = None
    line_end: Optional[int] = None

    def __str__(self) -> str:
        if self.line_start is None:
            return self.message
        if self.line_end is not None and self.line_end != self.line_start:
            return f"第 {self.line_start}–{self.line_end} 行：{self.message}"
        return f"第 {self.line_start} 行：{self.message}"


@dataclass
class Grid:
    """What a reader produces: the display lines of the document and its rows of cells."""

    source: str
    lines: list[str]  # the document as display lines (the original text, or a rendering of a binary file)
    rows: list[Row]
    family: str  # the key of the layout family (or file reader) that produced the rows
    encoding: str = "utf-8"
    scores: dict[str, float] = field(default_factory=dict)  # detection score of every family that was tried
    warnings: list[ParseWarning] = field(default_factory=list)
    is_ocr: bool = False
    # a structured file (Word, a workbook, a web page) as text lines, for the text layouts when none of its tables
    # holds an indicator header (indicators typed as an outline, labelled fields, tab-separated lines)
    text_lines: Optional[list[str]] = None

    def cells(self) -> Iterator[Cell]:
        for row in self.rows:
            yield from row.cells


def make_row(texts: list[str], line: int, cols: Optional[list[int]] = None, table: int = 0) -> Row:
    """A one-line row from cell texts (blank texts kept as blank cells, columns numbered from 0)."""
    cols = cols if cols is not None else list(range(len(texts)))
    return Row(cells=[Cell(t, line, line, col=c) for t, c in zip(texts, cols)], line_start=line, line_end=line,
               table=table)
