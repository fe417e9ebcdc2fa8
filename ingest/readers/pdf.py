"""PDF files with a text layer (pdfplumber) → grid; pages without one go to OCR (:mod:`ingest.readers.ocr`).

Per page, in reading order (top to bottom):

- tables found from their ruling lines: the cell rectangles give the grid (column and row boundaries), so a merged
  cell is one cell with its row and column span; each character goes to the cell that holds its centre;
- the text outside the tables (titles, ``（2024年度）``, ``单位：元``) as one-cell rows, one per text line;
- a page with text but no ruled table is read as plain text through the text layout families (the same as a text
  copied out of the PDF).

A table that ends one page and goes on at the top of the next (same number of columns) is one table; a header row
repeated on the next page is dropped. Look-alike CJK radicals (⼈ U+2F08 for 人), which PDF fonts often map, are
replaced by the characters they stand for (NFKC).
"""

from __future__ import annotations

import io
import logging
import re
from typing import Optional

from ingest.errors import IngestError
from ingest.grid import Cell, Grid, Row, fix_radicals, match_key
from ingest.readers import guard
from ingest.readers.sheet import GridBuilder, TCell, flatten, place

MIN_CHARS = 10  # a page with fewer characters than this has no text layer (a scan)


def _open(source: str, data: bytes):
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font warnings of printed PDFs are not the user's

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        _ = pdf.pages
        return pdf
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds
        text = f"{type(exc).__name__} {exc!r} {exc.args!r} {exc.__cause__!r} {exc.__context__!r}"
        if "Password" in text or "Encrypt" in text or "password" in text:
            raise IngestError(source, "PDF 设有打开密码（已加密），无法读取。请用 PDF 阅读器输入密码打开后，"
                                      "“打印”为新的 PDF（或在原系统导出不加密的文件）再导入。") from exc
        raise IngestError(source, f"PDF 文件已损坏，无法打开（{type(exc).__name__}）。"
                                  "请重新下载或从原系统重新导出后再导入。") from exc


def read_pdf(source: str, data: bytes) -> Grid:
    kind = guard.sniff(data)
    if kind != "pdf":
        raise guard.wrong_kind(source, kind, "PDF 文件")
    pdf = _open(source, data)
    try:
        pages = list(pdf.pages)
        if not pages:
            raise IngestError(source, "PDF 文件没有任何页面。")
        try:
            counts = [len(page.chars) for page in pages]
        except Exception as exc:  # noqa: BLE001
            raise IngestError(source, f"PDF 文件已损坏，无法读取文字（{type(exc).__name__}）。") from exc
        if all(n < MIN_CHARS for n in counts):
            from ingest.readers import ocr

            return ocr.read_scanned_pdf(source, data)
        builder = GridBuilder(source)
        reader = _PdfReader(builder)
        for number, page in enumerate(pages, 1):
            if counts[number - 1] < MIN_CHARS:
                builder.heading(f"【第 {number} 页】")
                builder.warn("page_without_text", f"第 {number} 页没有文字层（可能是扫描页），未读取。"
                             "如整份文件都是扫描件，将自动用 OCR 识别。", len(builder.lines))
                reader.previous_table = None
                continue
            reader.page(page, number)
        reader.flush_text()
        return builder.grid("pdf")
    finally:
        pdf.close()


class _PdfReader:
    def __init__(self, builder: GridBuilder):
        self.builder = builder
        self.previous_table: Optional[list[list[Optional[TCell]]]] = None
        self.previous_box: tuple = (0, 0, 0, 0)
        self.last_row: Optional[list[tuple]] = None  # the last row with text of the last table: its cells' spans
        self.text_pages: list[tuple[int, list[str]]] = []  # pages without ruled tables, waiting to be read as text

    def page(self, page, number: int) -> None:
        tables = [t for t in page.find_tables() if len(t.cells) >= 2]
        if not tables:
            # laid out by position (the page's columns kept by spaces): a table without ruling lines is read by
            # the positioned family, anything else by the family that fits it
            text = page.extract_text(layout=True) or ""
            lines = [fix_radicals(line.rstrip()) for line in text.split("\n")]
            while lines and not lines[-1]:
                lines.pop()
            self.text_pages.append((number, lines))
            self.previous_table = None
            return
        self.flush_text()
        self.builder.heading(f"【第 {number} 页】")
        boxes = [t.bbox for t in tables]
        blocks: list[tuple[float, str, object]] = []
        outside = page.filter(lambda obj: obj.get("object_type") != "char" or not any(
            _inside(obj, box) for box in boxes))
        for line in outside.extract_text_lines():
            blocks.append((line["top"], "text", fix_radicals(line["text"])))
        for table in tables:
            blocks.append((table.bbox[1], "table", table))
        blocks.sort(key=lambda b: b[0])
        if blocks and blocks[0][1] == "text":
            self.previous_table = None
        for k, (_, kind, item) in enumerate(blocks):
            if kind == "text":
                self.builder.paragraph(item, ref=f"第{number}页")
                self.previous_table = None
                continue
            cells, xs = _cells(page, item, number)
            # the first thing on the page, as wide as the table that ended the previous page: its continuation
            continued = k == 0 and self.previous_table is not None and bool(cells) and \
                abs(item.bbox[0] - self.previous_box[0]) < 3 and abs(item.bbox[2] - self.previous_box[2]) < 3
            if continued and [_t(c) for c in cells[0]] == [_t(c) for c in self.previous_table[0]]:
                cells = cells[1:]  # the header row printed again on the new page
            if continued and cells and self.last_row and _continues_row(self.last_row, _spans(cells[0], xs)):
                self._join_split_row(_spans(cells[0], xs))  # a row the page break cut in two
                cells = cells[1:]
            if cells:
                self.builder.table(cells, new=not continued)
                last = next((r for r in reversed(cells) if any(_t(c) for c in r)), None)
                self.last_row = _spans(last, xs) if last else None
            if not continued:
                self.previous_table = cells
            self.previous_box = item.bbox

    def _join_split_row(self, spans: list[tuple]) -> None:
        """The rest of the last row's cells, printed at the top of the next page: a display line of its own, each
        fragment joined to the text of the cell above it (项目资金（万 + 元）)."""
        row = self.builder.rows[-1]
        number = self.builder.line("\t".join(text for _, _, text, _ in spans).rstrip("\t"))
        for x0, x1, fragment, _ in spans:
            above = next((s for s in self.last_row if _overlap(s, (x0, x1))), None)
            owner = next((c for c in row.cells if above and c.col == above[3]), None)
            if not fragment or owner is None:
                continue
            owner.text = flatten(owner.text + "\n" + fragment)
            owner.key = match_key(owner.text)
            owner.line_end = number
        row.line_end = number

    def flush_text(self) -> None:
        """Pages without ruled tables, read as plain text by the best-scoring text layout family."""
        if not self.text_pages:
            return
        from ingest.readers.families import detect

        lines: list[str] = []
        page_of: list[int] = []
        for number, page_lines in self.text_pages:
            for line in page_lines:
                lines.append(line)
                page_of.append(number)
        self.text_pages = []
        # what the PDF prints on every page (a browser's print: the page's address with 1/5, the date and time) is
        # no part of any table: the families read those lines as empty ones; the display lines keep them
        from ingest.readers.families.common import page_furniture, page_starts

        furniture = page_furniture(lines)
        read = ["" if k in furniture else line for k, line in enumerate(lines)] if furniture else lines
        family, _ = detect(read)
        starts = frozenset(k for k in range(1, len(page_of)) if page_of[k] != page_of[k - 1])
        with page_starts(starts):  # a page's first line: a table going on there may stand elsewhere on the page
            rows, warnings = family.build(read)
        offset = len(self.builder.lines)
        self.builder.lines.extend(lines)
        for row in rows:
            cells = [Cell(c.text, c.line_start + offset, c.line_end + offset, col=c.col, rowspan=c.rowspan,
                          colspan=c.colspan, ref=f"第{page_of[c.line_start - 1]}页") for c in row.cells]
            self.builder.rows.append(Row(cells=cells, line_start=row.line_start + offset,
                                         line_end=row.line_end + offset, table=self.builder.table_count))
        for w in warnings:
            w.line_start = None if w.line_start is None else w.line_start + offset
            w.line_end = None if w.line_end is None else w.line_end + offset
            self.builder.warnings.append(w)
        self.builder.warn("pdf_text_fallback", f"第 {min(page_of)}–{max(page_of)} 页没有找到带表格线的表格，"
                          f"已按文字版式（{family.title_zh}）读取，请与原文核对。", offset + 1)


def _spans(positions: list[Optional[TCell]], xs: list[float]) -> list[tuple]:
    """A row's cells as (left, right, text, column): where each stands on the page, to compare rows of tables whose
    columns were found apart (a table on two pages)."""
    return [(xs[k], xs[min(k + (c.colspan or 1), len(xs) - 1)], _t(c) or "", k)
            for k, c in enumerate(positions) if c is not None and k < len(xs) - 1]


def _overlap(a: tuple, b: tuple) -> bool:
    return min(a[1], b[1]) - max(a[0], b[0]) > 2


def _continues_row(above: list[tuple], below: list[tuple]) -> bool:
    """Whether the first row of a table's continuation on the next page is the rest of the row the page break cut:
    text only under cells of that row with text, and none under its last one (项目资金（万 | 57.60 | 其中：本级预 |
    57.60 over 元） | | 算 |; …资 | 100% over 金及时到位率 |). A new row prints a cell the row above leaves blank
    (its level or name under merged cells) or its own value."""
    filled = [s for s in below if s[2]]
    if not filled or not all(any(a[2] and _overlap(a, s) for a in above) for s in filled):
        return False
    # the row's last cell (its value) ended on the page before; a new row fills it (a level cell merged down over
    # the break is blank below, so a blank there says nothing)
    last = max((a for a in above if a[2]), key=lambda a: a[0])
    return not any(_overlap(last, s) for s in filled)


def _t(cell: Optional[TCell]) -> Optional[str]:
    return None if cell is None else re.sub(r"\s+", "", cell.text)


def _inside(obj, box, slack: float = 1.0) -> bool:
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return box[0] - slack <= cx <= box[2] + slack and box[1] - slack <= cy <= box[3] + slack


def _cluster(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _index(bounds: list[float], v: float) -> int:
    return min(range(len(bounds)), key=lambda i: abs(bounds[i] - v))


def _cells(page, table, number: int) -> list[list[Optional[TCell]]]:
    """The table's positions: cell rectangles on column/row boundaries, characters assigned by their centre."""
    from pdfplumber.utils import extract_text

    xs = _cluster([c[0] for c in table.cells] + [c[2] for c in table.cells])
    ys = _cluster([c[1] for c in table.cells] + [c[3] for c in table.cells])
    rects = []
    for x0, top, x1, bottom in table.cells:
        r, r2 = _index(ys, top), _index(ys, bottom)
        k, k2 = _index(xs, x0), _index(xs, x1)
        if r2 > r and k2 > k:
            rects.append((r, k, r2 - r, k2 - k, (x0, top, x1, bottom)))
    chars: dict[int, list[dict]] = {i: [] for i in range(len(rects))}
    for ch in page.chars:
        if not _inside(ch, table.bbox, 0):
            continue
        for i, (_, _, _, _, box) in enumerate(rects):
            if _inside(ch, box, 0):
                chars[i].append(ch)
                break
    anchors = []
    for i, (r, k, rs, cs, _) in enumerate(rects):
        text = fix_radicals(extract_text(chars[i], x_tolerance=1.5, y_tolerance=3) if chars[i] else "")
        anchors.append((r, k, TCell(text, rs, cs, f"第{number}页")))
    return place(anchors), xs
