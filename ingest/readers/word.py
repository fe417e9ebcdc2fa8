"""Word documents (.docx, python-docx) → grid.

The body is read in document order: paragraphs (titles, ``单位：元``, notes) become one-cell rows, every table
its rows. A document whose tables hold no indicator header (none at all, or only a funding table) is read as
text by the text layouts, a paragraph a line (tabs kept), a table's rows as tab-separated lines: indicators written
as a numbered outline, tab-separated lines or labelled fields. Column positions follow the table grid:
``w:gridBefore`` skips columns, ``w:gridSpan`` is a column span, ``w:vMerge`` (restart / continue) a row span.
A table nested in a cell (a form whose 绩效指标 cell holds the indicator table) is a table of its own, read after
the rows above it and before the rows below (its cell keeps its own paragraphs); its rows' reference names both
(``表1 第4行 内表 第2行``).
"""

from __future__ import annotations

import io

from ingest.errors import IngestError
from ingest.grid import Grid
from ingest.readers import guard
from ingest.readers.sheet import GridBuilder, TCell, place

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _val(element, tag: str):
    found = element.find(tag) if element is not None else None
    return None if found is None else found.get(f"{W}val")


def _text(element, tab: str = " ") -> str:
    """Text of a paragraph or cell: runs joined, tabs kept as ``tab``, paragraphs of a cell on separate lines (not
    those of a table nested in it: a table of its own)."""
    paragraphs = []
    own = [element] if element.tag == f"{W}p" else _own_paragraphs(element)
    for p in own:
        parts = []
        for node in p.iter():
            if node.tag == f"{W}t":
                parts.append(node.text or "")
            elif node.tag == f"{W}tab":
                parts.append(tab)
            elif node.tag in (f"{W}br", f"{W}cr"):
                parts.append("\n")
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs)


def read_docx(source: str, data: bytes) -> Grid:
    kind = guard.sniff(data)
    if kind == "ole" and guard.old_word(data):
        from ingest.readers.doc import read_doc

        return read_doc(source, data)  # a Word 97–2003 file saved under the new suffix
    if kind == "ole":
        guard.check_ole(source, data, "docx")
    if kind != "zip":
        raise guard.wrong_kind(source, kind, "Word 文档（.docx）")
    archive = guard.open_zip(source, data, "Word 文件")
    if guard.office_kind(archive) == "xlsx":
        from ingest.readers.excel import read_xlsx

        return read_xlsx(source, data)
    if guard.office_kind(archive) != "docx":
        raise IngestError(source, "这是一个 ZIP 压缩包，不是 Word 文档（扩展名被改过）。请先解压，再导入其中的文件。")
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on a broken file
        raise IngestError(source, f"Word 文件已损坏，无法打开（{type(exc).__name__}）。"
                                  "请在 Word/WPS 中打开后另存一份再导入。") from exc
    builder = GridBuilder(source)
    number = 0
    texts: list[str] = []  # the paragraphs with their tabs and indentation, and the tables' rows: the text
    for child in document.element.body.iterchildren():
        if child.tag == f"{W}p":
            builder.paragraph(_text(child))
            texts.append(_text(child, "\t").replace("\n", " ").rstrip())
        elif child.tag == f"{W}tbl":
            number += 1
            _add_table(builder, child, f"表{number}", texts)
    grid = builder.grid("docx")
    grid.text_lines = texts
    return grid


def _own_paragraphs(element) -> list:
    """The paragraphs of a cell, in order, outside any table nested in it (content controls and the like
    unwrapped)."""
    out = []
    for child in element.iterchildren():
        if child.tag == f"{W}p":
            out.append(child)
        elif child.tag != f"{W}tbl":
            out.extend(_own_paragraphs(child))
    return out


def _nested(tr) -> list:
    """The tables nested in a row's cells (their outermost ones), in order."""
    out = []
    for tc in tr.iterchildren(f"{W}tc"):
        stack = list(tc.iterchildren())
        while stack:
            node = stack.pop(0)
            if node.tag == f"{W}tbl":
                out.append(node)
            elif node.tag != f"{W}p":
                stack[:0] = list(node.iterchildren())
    return out


def _add_table(builder: GridBuilder, tbl, ref: str, texts: list[str]) -> None:
    """``tbl`` as tables of the grid: its rows up to one that holds a nested table, that table (and those nested
    in it), the rows after it, in document order."""
    rows = list(tbl.iterchildren(f"{W}tr"))
    start = 0
    for r, tr in enumerate(rows):
        inner = _nested(tr)
        if not inner:
            continue
        first = len(builder.lines)
        builder.table(place(_table_cells(rows[start:r + 1], ref, start)))
        texts.extend(builder.lines[first:])
        for k, nested in enumerate(inner, 1):
            _add_table(builder, nested, f"{ref} 第{r + 1}行 内表{k if len(inner) > 1 else ''}", texts)
        start = r + 1
    if start < len(rows):
        first = len(builder.lines)
        builder.table(place(_table_cells(rows[start:], ref, start)))
        texts.extend(builder.lines[first:])


def _table_cells(rows: list, ref: str, offset: int = 0) -> list[tuple[int, int, TCell]]:
    """The cells of ``rows`` (a table's, from its row ``offset``) placed on the table grid, ``ref`` naming the
    table."""
    anchors: list[tuple[int, int, TCell]] = []
    open_merge: dict[int, tuple[int, TCell]] = {}  # column → (row of the anchor, anchor) of a vertical merge
    for r, tr in enumerate(rows):
        col = int(_val(tr.find(f"{W}trPr"), f"{W}gridBefore") or 0)
        for tc in tr.iterchildren(f"{W}tc"):
            pr = tc.find(f"{W}tcPr")
            span = int(_val(pr, f"{W}gridSpan") or 1)
            vmerge = pr.find(f"{W}vMerge") if pr is not None else None
            state = None if vmerge is None else (vmerge.get(f"{W}val") or "continue")
            if state == "continue" and col in open_merge:
                top_row, anchor = open_merge[col]
                anchor.rowspan = r - top_row + 1
            else:
                cell = TCell(_text(tc), 1, span, f"{ref} 第{offset + r + 1}行")
                anchors.append((r, col, cell))
                if state == "restart":
                    open_merge[col] = (r, cell)
                else:
                    open_merge.pop(col, None)
            col += span
    return anchors
