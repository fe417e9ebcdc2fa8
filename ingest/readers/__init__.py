"""Readers: a file's bytes → a :class:`ingest.grid.Grid` (display lines and rows of cells).

Readers are registered by file suffix in ``READERS``. Plain text goes through the layout families
(:mod:`ingest.readers.families`), whose detection scores pick how the lines become rows; CSV is a grid already;
workbooks (:mod:`.excel`), Word (:mod:`.word`), PDF (:mod:`.pdf`), scans and images (:mod:`.ocr`) and web pages
(:mod:`.web`) build their grid from their own tables (:mod:`.sheet`). A workbook or CSV in the flat long layout
(one row per indicator, project columns repeated) is turned into the form's rows by :mod:`.flat`. Every reader
produces the same grid, so no layout logic is written twice and the interpreter reads grids only.

Before any reader runs, :func:`read_grid` refuses a file over the size limit (``TARGETBOARD_MAX_UPLOAD_MB``).
"""

from __future__ import annotations

import csv
import io
import re
from typing import Callable, Optional

from ingest.errors import IngestError
from ingest.grid import Cell, Grid, ParseWarning, Row, fix_radicals, strip_invisible
from ingest.readers import doc, excel, flat, guard, ocr, pdf, web, word
from ingest.readers.families import FAMILIES, detect
from ingest.readers.families.common import (columns_one_after_another, has_form_words, header_scattered, page_starts,
                                            page_furniture, values_one_after_another)
from ingest.readers.text import decode_text


# below this no layout family fits a text at all
MIN_LAYOUT_SCORE = 0.05


def read_text(source: str, data: bytes, family_key: Optional[str] = None) -> Grid:
    """Plain text: decoded, then built into rows by the best-scoring layout family (or by ``family_key``'s, when
    the best one found no table)."""
    kind = guard.sniff(data)
    if kind == "ole" and guard.old_word(data):
        return doc.read_doc(source, data)  # a Word 97–2003 file saved as .txt
    if kind == "ole":
        guard.check_ole(source, data, "text")
    if kind is not None and kind not in ("ole",):
        raise guard.wrong_kind(source, kind, "文本文件")
    text = decode_text(source, data)
    if _HTML_TABLE.search("\n".join(text.lines[:2000])):  # a web page saved as text: read as the page it is
        grid = web.read_html(source, data)
        grid.warnings.insert(0, ParseWarning("html_as_text", "文件内容是网页（HTML），已按网页中的表格读取。", 1))
        return grid
    # the families read the lines without page breaks (\f) and invisible marks, with the unified characters for the
    # look-alike radicals a PDF's fonts map (项⽬ → 项目, as the PDF reader reads them), a table drawn with box
    # characters or full-width bars (｜) as pipes; the display lines keep them
    lines = fix_radicals(strip_invisible("\n".join(text.lines))).split("\n") if text.lines else []
    pages = frozenset(k for k, line in enumerate(lines) if "\f" in line)
    lines = [line.replace("\f", "") for line in lines]
    with page_starts(pages):
        return _read_lines(source, text, lines, family_key)


def _read_lines(source: str, text, lines: list[str], family_key: Optional[str]) -> Grid:
    # a Markdown export's markup is no text of the form: a heading's #, bold around a cell's text (**项目名称**), each
    # replaced by spaces so that columns laid out by position keep their place (an asterisk of the form's own, **平米,
    # stays)
    if any("**" in line or line.lstrip().startswith("#") for line in lines):
        lines = [_unmarked(line) for line in lines]
    # reStructuredText's explicit markup (``.. _项目支出绩效目标表-1:`` before each table of a pandoc export) is no
    # text either, and a converter's escaped markup character (``\**平米``) is the character
    if any(_RST_MARKUP.match(line) for line in lines):
        lines = ["" if _RST_MARKUP.match(line) else line for line in lines]
    if any("\\" in line for line in lines):
        lines = [_ESCAPED.sub(r"\1", line) for line in lines]
    if any(bar in line for line in lines for bar in _WIDE_BARS_CHARS):
        lines = [line.translate(_WIDE_BARS) for line in lines]
    if _BOX_OR_PLUS.search("".join(lines)):  # else box_to_pipes leaves every line as it is
        lines = [box_to_pipes(line) for line in lines]
    # what a PDF prints on every page (page numbers, the date and time, a running head) is no part of any table:
    # the families read those lines as empty ones
    furniture = page_furniture(lines)
    if furniture:
        lines = ["" if k in furniture else line for k, line in enumerate(lines)]
    if family_key is not None:  # a second reading: the caller has the scores of the first
        rows, warnings = FAMILIES[family_key].build(lines)
        return _flat_reshaped(Grid(source=source, lines=text.lines, rows=rows, family=family_key,
                                   encoding=text.encoding, warnings=list(text.warnings) + warnings))
    grid = _layout_grid(source, lines, text.lines, text.encoding, text.warnings)
    if grid is None:
        if columns_one_after_another(lines) or values_one_after_another(lines) or header_scattered(lines):
            raise IngestError(
                source,
                "无法识别版式：文字是按列或按块先后排列的（PDF 转文字时表格被拆开：先是一列的全部内容，再是下一列），"
                "无法还原成表格的行。请导入原始的 PDF、Word 或 Excel 文件，或按行复制表格。",
                line=1,
            )
        raise IngestError(
            source,
            "无法识别版式：没有找到绩效目标表的表头（如“项目名称”“一级指标”“三级指标”），或文字的排列不像"
            f"任何一种已知的表格版式（共 {len(FAMILIES)} 种）。请导入原始的 Word、Excel 或 PDF 文件，"
            "或从中复制出完整的表格。",
            line=1,
        )
    return grid


_HEADING = re.compile(r"^(\s*)(#{1,6}\s+)(?=\S)")
# a whole cell in bold: ** at the cell's edges (the line's ends, spaces or a pipe around)
_BOLD = re.compile(r"(?<![^\s|｜])\*\*(?=[^*\s])([^*|]*?[^*\s|])\*\*(?![^\s|｜])")


# an RST hyperlink target, directive or footnote (``.. _name:``, ``.. image::``, ``.. [1]``) on a line of its own
_RST_MARKUP = re.compile(r"^\s*\.\. (?:_[^:]*:\s*$|[\w-]+::|\[)")
# a markup character a converter escaped (pandoc: ``\*``, ``\_``, ``\#``); an escaped bar stays (a bar in a cell)
_ESCAPED = re.compile(r"\\([*_#\[\]`<>~])")


def _unmarked(line: str) -> str:
    line = _HEADING.sub(lambda m: m.group(1) + " " * len(m.group(2)), line)
    return _BOLD.sub(lambda m: "  " + m.group(1) + "  ", line)


def _layout_grid(source: str, lines: list[str], display: list[str], encoding: str,
                 warnings: list[ParseWarning]) -> Optional[Grid]:
    """``lines`` built into rows by the best-scoring text layout family, or None when no family fits (no form
    words, or every score below ``MIN_LAYOUT_SCORE``); ``display``: the lines the grid keeps for the UI."""
    family, scores = detect(lines)
    if not has_form_words(lines) or max(scores.values()) < MIN_LAYOUT_SCORE:
        return None
    rows, built = family.build(lines)
    return _flat_reshaped(Grid(source=source, lines=display, rows=rows, family=family.key, encoding=encoding,
                               scores=scores, warnings=list(warnings) + built))


def text_layout_grid(source: str, lines: list[str]) -> Optional[Grid]:
    """``lines`` (a document's paragraphs) read by the best-scoring text layout, or None when none fits."""
    lines = [strip_invisible(line) for line in lines]
    return _layout_grid(source, lines, lines, "binary", [])


# the families whose rows are the source's rows and whose cells stand in its columns
_ROW_FAMILIES = ("tab_rows", "delimited_rows", "pipe_rows", "markdown")


def _flat_reshaped(grid: Grid) -> Grid:
    """One row per indicator with the project's columns repeated (an export saved as text, in a layout whose rows
    and columns are the table's): the printed form again, as for workbooks and CSV files."""
    return flat.reshape(grid) if grid.family in _ROW_FAMILIES else grid


# full-width and half-width-form vertical bars, cell separators as | is
_WIDE_BARS_CHARS = "｜￨"
_WIDE_BARS = str.maketrans({c: "|" for c in _WIDE_BARS_CHARS})
# an HTML table: its rows and cells tagged (a page saved under .txt)
_HTML_TABLE = re.compile(r"<\s*table\b[^>]*>.*?<\s*t[dh]\b", re.I | re.S)

# a table drawn with box characters (text exports, console tools): its vertical bars are cell separators, its rule
# lines (also ASCII ``+----+----+``) carry no text
_BOX_BARS = str.maketrans({c: "|" for c in "│┃║╎╏┆┇┊┋"})
_BOX_BAR = re.compile("[│┃║╎╏┆┇┊┋]")
# every line box_to_pipes acts on has a box character, a + or a run of = or -
_BOX_OR_PLUS = re.compile("[\u2500-\u257f+]|={3}|-{3}")
_RULE_LINE = re.compile(r"^[\s─━┄┅┈┉═┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋╔╗╚╝╠╣╦╩╬╒╓╕╖╘╙╛╜╞╟╡╢╤╥╧╨╪╫│┃║+\-=|:]*$")


# the rule of a simple table (a converter's ``=====  ======`` or ``-----  -----`` above and below the rows)
_DASH_RULE = re.compile(r"\s*(?:={3,}|-{3,})(?:\s+(?:={3,}|-{3,}))*\s*")


def box_to_pipes(line: str) -> str:
    """``│ a │ b │`` → ``| a | b |``; a rule line (``├───┼───┤``, ``+----+----+``, ``=====  =====``) → an empty
    line. Only lines drawn with box characters are touched (``═`` elsewhere is an operator, ``═100%``)."""
    if not line.strip() or not _RULE_LINE.match(line):
        return line.translate(_BOX_BARS) if _BOX_BAR.search(line) else line
    drawn = re.search(r"[─━┄┅┈┉┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋╔╗╚╝╠╣╦╩╬]", line) or re.search(r"\+[-=]{2,}\+", line) \
        or _DASH_RULE.fullmatch(line)
    return "" if drawn else line.translate(_BOX_BARS)  # a markdown rule (|---|) or a lone - is the families'


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
    return flat.reshape(Grid(source=source, lines=lines, rows=rows, family="csv", encoding=text.encoding,
                             warnings=list(text.warnings)))


def read_sheet_file(reader: Callable[[str, bytes], Grid]) -> Callable[[str, bytes], Grid]:
    """A workbook reader whose grid is reshaped when it is in the flat long layout."""
    def read(source: str, data: bytes) -> Grid:
        return flat.reshape(reader(source, data))
    read.__doc__ = reader.__doc__
    return read


READERS: dict[str, Callable[[str, bytes], Grid]] = {
    ".txt": read_text,
    ".tsv": read_text,
    ".text": read_text,
    ".md": read_text,  # a markdown export: its tables are the markdown family's
    ".markdown": read_text,
    ".csv": read_csv,
    ".xlsx": read_sheet_file(excel.read_xlsx),
    ".xlsm": read_sheet_file(excel.read_xlsx),
    ".xls": read_sheet_file(excel.read_xls),
    ".docx": word.read_docx,
    ".doc": doc.read_doc,
    ".wps": doc.read_doc,  # WPS 文字 saves the same binary format
    ".pdf": pdf.read_pdf,
    ".png": ocr.read_image,
    ".jpg": ocr.read_image,
    ".jpeg": ocr.read_image,
    ".html": web.read_html,
    ".htm": web.read_html,
    ".mhtml": web.read_html,
    ".mht": web.read_html,
    "": read_text,
}
SUPPORTED_SUFFIXES = tuple(s for s in READERS if s)
LAYOUT_TITLES = {**{key: f.title_zh for key, f in FAMILIES.items()}, "csv": "CSV 表格",
                 "xlsx": "Excel 工作簿（.xlsx）", "xls": "Excel 97-2003 工作簿（.xls）", "docx": "Word 文档（.docx）",
                 "doc": "Word 97-2003 文档（.doc）",
                 "pdf": "PDF（文字层）", "pdf_ocr": "扫描版 PDF（OCR 识别）", "image_ocr": "图片（OCR 识别）",
                 "html": "网页（HTML）", "flat": "一行一个指标（项目信息逐行重复）"}


def read_grid(source: str, data: bytes, suffix: str) -> Grid:
    reader = READERS.get(suffix.lower())
    if reader is None:
        raise IngestError(
            source,
            f"暂不支持 {suffix} 文件；可读取的文件类型：{'、'.join(SUPPORTED_SUFFIXES)}。"
            "请另存为其中一种（如 .xlsx、.docx 或 PDF）后再导入。",
        )
    guard.check_size(source, len(data))
    if not data and suffix.lower() not in ("", ".txt", ".tsv", ".text", ".csv"):
        raise IngestError(source, "文件为空（0 字节），没有可读取的内容。请确认文件已完整下载或导出后再导入。")
    grid = reader(source, data)
    if grid.text_lines is not None and not _has_indicator_header(grid):
        # a Word document, workbook or web page whose tables hold no indicator header: indicators typed as text
        # (a numbered outline, labelled fields, tab-separated lines) are read by the text layouts
        as_text = text_layout_grid(source, grid.text_lines)
        if as_text is not None:
            as_text.warnings = grid.warnings + as_text.warnings
            return as_text
    return grid


def _has_indicator_header(grid: Grid) -> bool:
    """Whether a row of ``grid`` names two indicator columns or more (一级指标 | 三级指标 | 指标值 …)."""
    from ingest import taxonomy as tx
    from ingest.grid import match_key

    roles = ("level1", "level2", "name", "value")
    return any(sum(1 for c in row.cells if tx.header_role_of(match_key(c.text)) in roles) >= 2 for row in grid.rows)
