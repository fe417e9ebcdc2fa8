"""Old binary Word documents (.doc: Word 97–2003, WPS) → grid.

Many published target tables are attachments saved by Word 97–2003 or WPS. The file is an OLE container; its
``WordDocument`` stream holds the text through a piece table (the ``Clx`` in the ``0Table``/``1Table`` stream:
pieces of 8-bit or UTF-16 text), and the paragraph properties in formatted disk pages (``PlcBtePapx``). A table
is a run of paragraphs marked "in table"; each cell's text ends with the cell mark (\\x07), each row with a row-end
paragraph (``sprmPFTtp``) whose properties define the row's cells (``sprmTDefTable``: the cells' edges and merge
flags). So the reader knows, as for a .docx, every cell's row, column (from the cells' edges, shared by all rows
of the table), column span and vertical merge. A table nested in a cell (depth 2: its cells and rows end in marks
of their own) is a table of its own, read after the outer rows above it, as the .docx reader reads one. Field codes
are dropped, their results kept ({ PAGE } → 3). Only the main text is read (no headers, footers or notes).

Format: [MS-DOC], Word (.doc) Binary File Format; only what the text and the tables need is decoded.
"""

from __future__ import annotations

import io
import struct
from bisect import bisect_right
from dataclasses import dataclass, field

from ingest.errors import IngestError
from ingest.grid import Grid
from ingest.readers import guard
from ingest.readers.sheet import GridBuilder, TCell, place

_IN_TABLE, _TTP, _ITAP, _INNER_CELL, _INNER_TTP = 0x2416, 0x2417, 0x6649, 0x244B, 0x244C
_TDEF_TABLE = 0xD608
_HUGE_PAPX = 0x6646  # the paragraph's properties stand in the Data stream (a row with many cells)
_OPERAND_SIZE = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # by the sprm's spra bits; 6: variable
_EDGE_SLACK = 30  # twips: cell edges of different rows closer than this are one column edge
_DROPPED = dict.fromkeys(map(ord, "\x00\x01\x02\x03\x04\x05\x08\x1f"))
_MAPPED = {0x0B: "\n", 0x1E: "-", 0x0E: "\n"}


def _corrupt(source: str, detail: str) -> IngestError:
    return IngestError(source, f"旧版 Word 文档（.doc）已损坏，无法读取（{detail}）。"
                               "请在 Word/WPS 中打开后另存为 .docx 或 PDF 再导入。")


@dataclass
class _Paragraph:
    text: str
    end: str  # "\r" (paragraph), "\x07" (cell or row end), "\x0c" (page or section break), "" (end of text)
    in_table: bool = False
    row_end: bool = False
    inner_cell: bool = False  # a nested table's cell ends here (its cells end in a paragraph mark, not \x07)
    inner_row_end: bool = False
    depth: int = 0
    edges: list[int] = field(default_factory=list)  # a row end's cell edges (twips), one more than its cells
    flags: list[int] = field(default_factory=list)  # a row end's cells' merge flags (TC80 tcgrf)


def read_doc(source: str, data: bytes) -> Grid:
    kind = guard.sniff(data)
    if kind == "zip":
        from ingest.readers.word import read_docx

        return read_docx(source, data)  # a .docx saved under the old suffix
    if kind != "ole":
        raise guard.wrong_kind(source, kind, "Word 文档（.doc）")
    if "WordDocument" not in guard.ole_streams(data):
        guard.check_ole(source, data, "doc")  # encrypted, or another Office file: its own message
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            word = ole.openstream("WordDocument").read()
            flags = struct.unpack_from("<H", word, 0x0A)[0]
            if flags & 0x0100:  # fEncrypted
                raise IngestError(source, "Word 文件设有打开密码（已加密），无法读取。请在 Word/WPS 中打开后取消密码，"
                                          "另存后再导入。")
            name = "1Table" if flags & 0x0200 else "0Table"
            if not ole.exists(name):
                raise _corrupt(source, f"缺少 {name}")
            table = ole.openstream(name).read()
            data_stream = ole.openstream("Data").read() if ole.exists("Data") else b""
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 - olefile raises many kinds on a broken container
        raise _corrupt(source, type(exc).__name__) from exc
    try:
        paragraphs = _paragraphs(word, table, data_stream)
    except (struct.error, IndexError, ValueError) as exc:
        raise _corrupt(source, type(exc).__name__) from exc
    return _grid(source, paragraphs)


def _fib(word: bytes) -> tuple[int, dict[str, tuple[int, int]]]:
    """ccpText and the (fc, lcb) pairs the reader needs from the file information block."""
    if struct.unpack_from("<H", word, 0)[0] != 0xA5EC:
        raise ValueError("wIdent")
    pos = 32
    csw = struct.unpack_from("<H", word, pos)[0]
    pos += 2 + 2 * csw
    cslw = struct.unpack_from("<H", word, pos)[0]
    ccp_text = struct.unpack_from("<i", word, pos + 2 + 12)[0]
    pos += 2 + 4 * cslw
    pos += 2  # cbRgFcLcb
    pairs = {"clx": 33, "papx": 13}
    return ccp_text, {key: struct.unpack_from("<II", word, pos + 8 * index) for key, index in pairs.items()}


def _pieces(table: bytes, fc: int, lcb: int) -> list[tuple[int, int, int, bool]]:
    """The piece table: (first cp, last cp + 1, file offset of the first character, compressed)."""
    clx = table[fc:fc + lcb]
    pos = 0
    while clx[pos] == 0x01:  # Prc: property modifiers of the pieces, not needed
        pos += 3 + struct.unpack_from("<H", clx, pos + 1)[0]
    if clx[pos] != 0x02:
        raise ValueError("Pcdt")
    size = struct.unpack_from("<I", clx, pos + 1)[0]
    plc = clx[pos + 5:pos + 5 + size]
    n = (size - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    out = []
    for k in range(n):
        value = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * k + 2)[0]
        compressed = bool(value & 0x40000000)
        offset = value & 0x3FFFFFFF
        out.append((cps[k], cps[k + 1], offset // 2 if compressed else offset, compressed))
    return out


def _papx_runs(word: bytes, table: bytes, fc: int, lcb: int) -> tuple[list[int], list[tuple[int, bytes]]]:
    """The paragraph property runs: their first file offsets (sorted) and (end offset, grpprl) of each."""
    n = (lcb - 4) // 8
    pages = struct.unpack_from(f"<{n}I", table, fc + 4 * (n + 1))
    starts: list[int] = []
    runs: list[tuple[int, bytes]] = []
    for page in pages:
        fkp = word[(page & 0x3FFFFF) * 512:(page & 0x3FFFFF) * 512 + 512]
        if len(fkp) < 512:
            continue
        crun = fkp[511]
        rgfc = struct.unpack_from(f"<{crun + 1}I", fkp, 0)
        for k in range(crun):
            offset = fkp[4 * (crun + 1) + 13 * k] * 2
            grpprl = b""
            if offset:
                cb = fkp[offset]
                if cb == 0:
                    body = fkp[offset + 2:offset + 2 + 2 * fkp[offset + 1]]
                else:
                    body = fkp[offset + 1:offset + 1 + 2 * cb - 1]
                grpprl = body[2:]  # after the style index
            starts.append(rgfc[k])
            runs.append((rgfc[k + 1], grpprl))
    order = sorted(range(len(starts)), key=starts.__getitem__)
    return [starts[k] for k in order], [runs[k] for k in order]


def _properties(grpprl: bytes, paragraph: _Paragraph, data: bytes = b"") -> None:
    pos = 0
    while pos + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, pos)[0]
        pos += 2
        spra = sprm >> 13
        if spra == 6:
            if sprm == _TDEF_TABLE:
                size = struct.unpack_from("<H", grpprl, pos)[0] + 1  # cb counts itself less one
                _table_definition(grpprl[pos + 2:pos + size], paragraph)
            elif sprm == 0xC615 and grpprl[pos] == 255:  # sprmPChgTabs, its long form
                size = 1 + grpprl[pos + 1] * 4 + 1
                size += grpprl[pos + size] * 3 + 1
            else:
                size = grpprl[pos] + 1
        else:
            size = _OPERAND_SIZE[spra]
        if sprm == _IN_TABLE:
            paragraph.in_table = bool(grpprl[pos])
        elif sprm == _TTP:
            paragraph.row_end = bool(grpprl[pos])
        elif sprm == _ITAP:
            paragraph.depth = struct.unpack_from("<i", grpprl, pos)[0]
        elif sprm == _INNER_CELL:
            paragraph.inner_cell = bool(grpprl[pos])
        elif sprm == _INNER_TTP and grpprl[pos]:
            paragraph.inner_row_end = True
            paragraph.depth = max(paragraph.depth, 2)
        elif sprm == _HUGE_PAPX and data:
            at = struct.unpack_from("<I", grpprl, pos)[0]
            length = struct.unpack_from("<H", data, at)[0]
            _properties(data[at + 2:at + 2 + length], paragraph)
        pos += size


def _table_definition(operand: bytes, paragraph: _Paragraph) -> None:
    count = operand[0]
    paragraph.edges = list(struct.unpack_from(f"<{count + 1}h", operand, 1))
    rest = operand[1 + 2 * (count + 1):]
    paragraph.flags = [struct.unpack_from("<H", rest, 20 * k)[0] if 20 * k + 2 <= len(rest) else 0
                       for k in range(count)]


def _paragraphs(word: bytes, table: bytes, data: bytes = b"") -> list[_Paragraph]:
    ccp_text, fib = _fib(word)
    pieces = _pieces(table, *fib["clx"])
    starts, runs = _papx_runs(word, table, *fib["papx"])
    out: list[_Paragraph] = []
    current: list[str] = []
    fields: list[bool] = []  # per open field: whether its result has begun
    for first, last, offset, compressed in pieces:
        if first >= ccp_text:
            break
        last = min(last, ccp_text)
        width = 1 if compressed else 2
        raw = word[offset:offset + (last - first) * width]
        text = raw.decode("cp1252", errors="replace") if compressed else raw.decode("utf-16-le", errors="replace")
        for k, ch in enumerate(text):
            if ch == "\x13":
                fields.append(False)
                continue
            if ch == "\x14":
                if fields:
                    fields[-1] = True
                continue
            if ch == "\x15":
                if fields:
                    fields.pop()
                continue
            if fields and not fields[-1]:
                continue  # a field's code (PAGE, HYPERLINK "…"): its result is what the page shows
            if ch in "\r\x07\x0c":
                paragraph = _Paragraph("".join(current).translate(_DROPPED).translate(_MAPPED), ch)
                if ch != "\x0c":
                    at = bisect_right(starts, offset + k * width) - 1
                    if at >= 0 and offset + k * width < runs[at][0]:
                        _properties(runs[at][1], paragraph, data)
                out.append(paragraph)
                current = []
            else:
                current.append(ch)
    if current:
        out.append(_Paragraph("".join(current).translate(_DROPPED).translate(_MAPPED), ""))
    return out


_Rows = list[tuple[list[str], list[int], list[int]]]  # a table's rows: cell texts, cell edges, merge flags


def _grid(source: str, paragraphs: list[_Paragraph]) -> Grid:
    builder = GridBuilder(source)
    texts: list[str] = []
    rows: _Rows = []  # the outer table's rows not yet added
    offset = 0  # the outer table's rows already added (a table split around the tables nested in it)
    cell: list[str] = []
    cells: list[str] = []
    inner: _Rows = []  # a nested table's rows
    inner_cell: list[str] = []
    inner_cells: list[str] = []
    nested: list[_Rows] = []  # the tables nested in the current outer row
    number = 0

    def add(table_rows: _Rows, ref: str, first_row: int = 0) -> None:
        first = len(builder.lines)
        builder.table(place(_anchors(table_rows, ref, first_row)))
        texts.extend(builder.lines[first:])

    def close_outer() -> None:
        nonlocal rows, offset, cells, cell
        if cells or cell:  # a row left open (no row end): keep what it holds
            rows.append((cells + (["\n".join(cell)] if cell else []), [], []))
            cells, cell = [], []
        if rows:
            add(rows, f"表{number}", offset)
        rows, offset = [], 0

    for paragraph in paragraphs:
        if paragraph.in_table or paragraph.depth >= 1:
            if not rows and not offset and not cells and not cell:
                number += 1  # a new outer table
            if paragraph.depth > 1:  # a nested table's paragraph
                if paragraph.inner_row_end:
                    inner.append((inner_cells + (["\n".join(inner_cell)] if inner_cell else []), paragraph.edges,
                                  paragraph.flags))
                    inner_cells, inner_cell = [], []
                    continue
                inner_cell.append(paragraph.text)
                if paragraph.inner_cell:
                    inner_cells.append("\n".join(inner_cell))
                    inner_cell = []
                continue
            if inner:
                nested.append(inner)
                inner = []
            if paragraph.row_end:
                rows.append((cells, paragraph.edges, paragraph.flags))
                cells, cell = [], []
                if nested:  # the rows so far, then the tables nested in this row's cells
                    add(rows, f"表{number}", offset)
                    offset += len(rows)
                    rows = []
                    for k, table in enumerate(nested, 1):
                        add(table, f"表{number} 第{offset}行 内表{k if len(nested) > 1 else ''}")
                    nested = []
                continue
            cell.append(paragraph.text)
            if paragraph.end == "\x07":
                cells.append("\n".join(cell))
                cell = []
            continue
        close_outer()
        builder.paragraph(paragraph.text)
        texts.append(paragraph.text.replace("\n", " ").rstrip())
    close_outer()
    grid = builder.grid("doc")
    grid.text_lines = texts
    return grid


def _anchors(rows: _Rows, ref: str, offset: int = 0) -> list[tuple[int, int, TCell]]:
    """The cells of a table placed on the columns its rows' cell edges define; a cell continuing a vertical merge
    extends the cell above it. ``ref`` names the table, ``offset`` its rows before these."""
    edges = sorted({e for _, row_edges, _ in rows for e in row_edges})
    columns: list[int] = []
    for edge in edges:
        if not columns or edge - columns[-1] > _EDGE_SLACK:
            columns.append(edge)

    def column(edge: int) -> int:
        return min(range(len(columns)), key=lambda k: abs(columns[k] - edge))

    anchors: list[tuple[int, int, TCell]] = []
    open_merge: dict[int, TCell] = {}
    for r, (texts, row_edges, flags) in enumerate(rows):
        usable = len(row_edges) == len(texts) + 1
        position = 0
        for k, text in enumerate(texts):
            if usable:
                col, end = column(row_edges[k]), column(row_edges[k + 1])
                span = max(1, end - col)
            else:
                col, span = position, 1
            position = col + span
            flag = flags[k] if usable and k < len(flags) else 0
            if flag & 0x0002 and not text.strip():  # fMerged: covered by the cell before it (old-style merge)
                if anchors and anchors[-1][0] == r:
                    anchors[-1][2].colspan += span
                continue
            if flag & 0x0020 and not flag & 0x0040 and col in open_merge and not text.strip():
                anchor = open_merge[col]  # fVertMerge without fVertRestart: the cell above goes on
                anchor.rowspan += 1
                continue
            tcell = TCell(text, 1, span, f"{ref} 第{offset + r + 1}行")
            anchors.append((r, col, tcell))
            if flag & 0x0040:
                open_merge[col] = tcell
            else:
                open_merge.pop(col, None)
    return anchors
