"""Generate the file fixtures in tests/fixtures/files/ from real tables: ``python -m tests.make_file_fixtures``.

Sources (read-only): the five sample documents (sample_data/*.txt, parsed with the real parser) and the complete
projects of the shared corpus (their hand-checked readings in tests/fixtures/corpus/*.expected.tsv, since the
parser does not read every corpus layout yet). Each document's model is printed as the paper form shows it
(项目支出绩效目标表: label cells merged horizontally, 绩效指标 and the level-1/level-2 cells merged vertically over
their rows, 单位：万元 above) and written as:

- ``.xlsx`` (openpyxl, merged ranges), ``.docx`` (python-docx, gridSpan/vMerge) and ``.html`` (rowspan/colspan)
  for every document; ``.xls`` (xlwt) for one sample;
- ``.doc`` (Word 97–2003) for two samples and one corpus document: the ``.docx`` converted by LibreOffice; and
  ``tests/fixtures/doc/xiqing_fields.doc``, a form whose name is a hyperlink field (its code must not be read), and
  ``xiqing_nested.docx``/``.doc``, a form whose 绩效指标 cell holds the indicator table (a nested table);
- ``.word.pdf`` printed by LibreOffice from the ``.docx`` for three samples (rows broken across pages);
- ``.pdf`` printed by Chromium from the HTML (``--print-to-pdf``) for two samples and one corpus document;
- one scanned PDF: a printed PDF rasterised with pdftoppm and wrapped back into a PDF (no text layer);
- ``tests/fixtures/pdftext/*.txt``: for every document, the text ``pdftotext -layout`` and ``pdftotext -raw``
  extract from the form printed as a browser prints a web page (date, title, address and page numbers on every
  page), the texts a user gets from a PDF with poppler or a viewer's copy, and for the samples ``.centred.txt``, the
  form printed with every cell centred; for every document ``.top.txt``, the form printed with every cell at the
  top left of its box (a Word table's default; ``--top`` writes these alone), and pdfplumber's text (lines by
  height) of the form as a browser prints it, cells centred on their rows (``.lines.txt``), and of the form with
  its cells at the top (``.toplines.txt``; ``--lines`` writes these alone); two ``.noborder.pdf``, forms printed
  without ruling lines (``python -m tests.make_file_fixtures --pdftext`` writes these alone); ``.word.txt``, the
  text ``pdftotext -layout`` extracts from the .docx printed by LibreOffice (Word's narrow columns), and
  ``.wordraw.txt`` the text ``pdftotext -raw`` extracts from it (a viewer's copy of that PDF), ``.wordlines.txt``
  the text pdfplumber's ``extract_text()`` gives (lines by height), ``.wordboxes.txt`` pdfminer's (text boxes);
  ``.wordcentred.txt``, ``pdftotext -layout`` of the same .docx with every cell centred vertically (a Word form so
  set; ``--word-centred`` writes these alone); ``.w3m.txt`` and ``.lynx.txt``, the HTML form as the text browsers
  w3m and lynx dump it (``-dump``, 200 columns; lynx sets a table too wide for them one space apart, row by row),
  and ``.w3m80.txt`` as w3m dumps it 80 columns wide, and ``.html2text.txt`` as the html2text package converts it
  (``--browsers`` writes these alone); ``.pandoc.txt``,
  ``.gfm.txt`` and ``.rst.txt``, the .docx converted by pandoc to Markdown (its simple tables, ``**bold**``
  cells and ``##`` headings), GitHub Markdown (pipe tables) and reStructuredText (grid tables) (``--pandoc``);
  ``.pypdf.txt`` and ``.pypdflayout.txt``, the text pypdf's ``extract_text()`` gives of the form printed as a
  browser prints it, in its default and its layout mode, and ``.pdfium.txt`` PDFium's (Chrome's PDF viewer)
  (``--pypdf``).

Every file says it was generated (workbook/document properties, an HTML comment and title). The tests
(tests/test_file_readers.py) read each file and compare its model with the text version's.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "fixtures" / "files"
PDFTEXT = Path(__file__).resolve().parent / "fixtures" / "pdftext"  # pdftotext -layout of the printed forms
CORPUS_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "corpus"
GENERATED = "由 tests/make_file_fixtures.py 生成的测试文件（TargetBoard），内容取自真实公开的绩效目标表。"
SAMPLES = ["tianjin_xiqing_2024", "ningxia_pingluo_2024", "hebei_funing_2020", "hunan_yuanjiang_2024",
           "qingdao_2023"]
CORPUS = ["02_yongde-minglangzhongxue_jiaoyu_2022", "06_huangshan_gonganju_2025", "13_dongguan_gonganju_2020",
          "22_ningjin_jiaoyuju_2019", "33_shizuishan_jibingyufangkongzhizhongxin_2020"]
PDF_DOCS = ["ningxia_pingluo_2024", "hunan_yuanjiang_2024", "02_yongde-minglangzhongxue_jiaoyu_2022"]
SCANNED = "ningxia_pingluo_2024"
XLS_DOCS = ["tianjin_xiqing_2024"]
# also as Word 97–2003 (.doc), the .docx converted by LibreOffice (``soffice``, apt libreoffice-writer-nogui): the
# binary format many published attachments still come in
DOC_DOCS = ["hunan_yuanjiang_2024", "qingdao_2023", "22_ningjin_jiaoyuju_2019"]
# also printed to PDF by LibreOffice from the .docx (``.word.pdf``), as an office suite prints a Word form: rows may
# break across pages (项目资金（万 on one page, 元） on the next), unlike Chromium's print of the HTML
WORD_PDF_DOCS = ["hunan_yuanjiang_2024", "ningxia_pingluo_2024", "tianjin_xiqing_2024"]
PLAIN_DOCS = ["22_ningjin_jiaoyuju_2019"]  # pdftotext's default mode too
CENTRED_DOCS = SAMPLES  # also printed with every cell centred
TOP_DOCS = SAMPLES + CORPUS  # also printed with every cell at the top left of its box
BORDERLESS_DOCS = ["qingdao_2023", "tianjin_xiqing_2024"]  # also printed as PDFs without ruling lines
WIDTH = 5  # columns of the printed form


# ----------------------------------------------------------------------------------------------- the form
@dataclass
class FCell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    bold: bool = False


@dataclass
class Block:
    kind: str  # title | para | table
    text: str = ""
    cells: list[tuple[int, int, FCell]] = field(default_factory=list)  # (row, col, cell) anchors

    @property
    def nrows(self) -> int:
        return max((r + c.rowspan for r, _, c in self.cells), default=0)


def _fmt(amount: Optional[float]) -> str:
    if amount is None:
        return ""
    text = f"{amount:.6f}".rstrip("0").rstrip(".")
    if "." not in text:
        return text + ".00"
    return text if len(text.split(".")[1]) >= 2 else text + "0"


def _indicator_rows(table: Block, start: int, indicators, label: str) -> int:
    """The indicator table: 绩效指标 merged over it, level-1/level-2 merged over their runs."""
    r = start
    table.cells += [(r, 0, FCell(label, rowspan=len(indicators) + 1, bold=True)), (r, 1, FCell("一级指标", bold=True)),
                    (r, 2, FCell("二级指标", bold=True)), (r, 3, FCell("三级指标", bold=True)),
                    (r, 4, FCell("指标值", bold=True))]
    r += 1
    shown = [((i.level1_raw or i.level1 or ""), (i.level2_raw or i.level2 or ""), i.level1, i.level2)
             for i in indicators]
    k = 0
    while k < len(indicators):
        end = k
        while end + 1 < len(indicators) and shown[end + 1][2] == shown[k][2]:
            end += 1
        table.cells.append((r + k, 1, FCell(shown[k][0], rowspan=end - k + 1)))
        j = k
        while j <= end:
            stop = j
            while stop + 1 <= end and shown[stop + 1][3] == shown[j][3] and shown[stop + 1][1] == shown[j][1]:
                stop += 1
            table.cells.append((r + j, 2, FCell(shown[j][1], rowspan=stop - j + 1)))
            j = stop + 1
        k = end + 1
    for n, ind in enumerate(indicators):
        table.cells += [(r + n, 3, FCell(ind.name)), (r + n, 4, FCell(ind.value or ""))]
    return r + len(indicators)


def project_blocks(project, year: Optional[int]) -> list[Block]:
    blocks = [Block("title", "项目支出绩效目标表")]
    if year:
        blocks.append(Block("para", f"（{year}年度）"))
    blocks.append(Block("para", "单位：万元"))
    t = Block("table")
    t.cells.append((0, 0, FCell("项目名称", bold=True)))
    t.cells.append((0, 1, FCell(project.name, colspan=4)))
    r = 1
    if project.department or project.implementing_unit:
        t.cells += [(r, 0, FCell("主管部门", bold=True)), (r, 1, FCell(project.department or "")),
                    (r, 2, FCell("实施单位", bold=True)), (r, 3, FCell(project.implementing_unit or "", colspan=2))]
        r += 1
    funding = list(project.funding)
    if project.total_wan is not None:
        span = max(1, len(funding))
        t.cells += [(r, 0, FCell("项目资金（万元）", rowspan=span, bold=True)),
                    (r, 1, FCell(_fmt(project.total_wan), rowspan=span))]
        if not funding:
            t.cells[-1] = (r, 1, FCell(_fmt(project.total_wan), colspan=4))
        for n, f in enumerate(funding):
            t.cells += [(r + n, 2, FCell(("其中：" if n == 0 else "") + f.source)),
                        (r + n, 3, FCell(_fmt(f.amount_wan), colspan=2))]
        r += span
    if project.goal:
        t.cells += [(r, 0, FCell("年度绩效目标", bold=True)), (r, 1, FCell(project.goal, colspan=4))]
        r += 1
    annual = [i for i in project.indicators if (i.target_set or "annual") == "annual"]
    mid = [i for i in project.indicators if i.target_set == "mid"]
    r = _indicator_rows(t, r, annual, "绩效指标")
    if mid:  # the mid-term (中期) indicators follow in a block of their own
        r = _indicator_rows(t, r, mid, "中期绩效指标")
    blocks.append(t)
    return blocks


def overall_blocks(overall, year: Optional[int]) -> list[Block]:
    blocks = [Block("title", f"{year or ''}年部门整体支出绩效目标表")]
    t = Block("table")
    t.cells += [(0, 0, FCell("部门名称", bold=True)), (0, 1, FCell(overall.department or "", colspan=4))]
    t.cells += [(1, 0, FCell("资金总额", bold=True)), (1, 1, FCell(_fmt(overall.total_wan), colspan=4))]
    r = 2
    if overall.basic_wan is not None:
        t.cells += [(r, 0, FCell("其中：基本支出", bold=True)), (r, 1, FCell(_fmt(overall.basic_wan))),
                    (r, 2, FCell("项目支出", bold=True)), (r, 3, FCell(_fmt(overall.project_wan), colspan=2))]
        r += 1
    for f in overall.funding:
        t.cells += [(r, 0, FCell(f.source, bold=True)), (r, 1, FCell(_fmt(f.amount_wan), colspan=4))]
        r += 1
    _indicator_rows(t, r, overall.indicators, "绩效指标")
    blocks.append(t)
    return blocks


def document_blocks(doc) -> list[Block]:
    blocks: list[Block] = []
    if doc.department:
        blocks.append(Block("para", doc.department))
    if doc.department_overall is not None:
        blocks += overall_blocks(doc.department_overall, doc.fiscal_year)
    for project in doc.projects:
        blocks += project_blocks(project, doc.fiscal_year)
    return blocks


# ----------------------------------------------------------------------------------------------- models
def sample_model(stem: str):
    from ingest.parse import parse_file

    return parse_file(ROOT / "sample_data" / f"{stem}.txt")


def corpus_model(stem: str):
    """The complete projects of a corpus excerpt, from its hand-checked reading."""
    from ingest.model import Document, FundingSource, Indicator, Project
    from tests.corpus import read_expected

    expected = read_expected(CORPUS_FIXTURES / f"{stem}.expected.tsv")
    projects = []
    for p in expected.projects:
        if not p["complete"]:
            continue
        indicators = [Indicator(level1=i["level1"], level2=i["level2"], level1_raw=i["level1_raw"] or None,
                                level2_raw=i["level2_raw"] or None, name=i["name"], value=i["value"],
                                target_set=i["set"]) for i in expected.indicators if i["project"] == p["seq"]]
        projects.append(Project(sequence=len(projects) + 1, name=p["name"], total_wan=p["total"],
                                funding=[FundingSource(s, lv, a) for s, lv, a in p["funding"]],
                                indicators=indicators))
    return Document(source=f"{stem}.txt", sha256="", layout="expected", encoding="utf-8",
                    fiscal_year=expected.year, projects=projects)


def model(stem: str):
    return sample_model(stem) if stem in SAMPLES else corpus_model(stem)


# ----------------------------------------------------------------------------------------------- writers
def write_xlsx(blocks: list[Block], path: Path, title: str) -> None:
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "绩效目标表"
    wb.properties.title = title
    wb.properties.creator = "tests/make_file_fixtures.py"
    wb.properties.description = GENERATED
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for col, width in zip("ABCDE", (16, 14, 18, 36, 16)):
        ws.column_dimensions[col].width = width
    row = 1
    for block in blocks:
        if block.kind in ("title", "para"):
            ws.cell(row, 1, block.text).font = Font(bold=block.kind == "title", size=14 if block.kind == "title"
                                                   else 11)
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=WIDTH)
            ws.cell(row, 1).alignment = Alignment(horizontal="center" if block.kind == "title" else "left")
            row += 1
            continue
        for r, c, cell in block.cells:
            target = ws.cell(row + r, c + 1, _number_or_text(cell.text))
            if isinstance(target.value, str) and target.value.startswith("="):
                target.data_type = "s"  # "=100%" is text as the budget system exports it, not a formula
            target.alignment = Alignment(wrap_text=True, vertical="center")
            if cell.bold:
                target.font = Font(bold=True)
            if isinstance(target.value, float):
                target.number_format = "0.00" if len(cell.text.split(".")[-1]) == 2 else "General"
            if cell.rowspan > 1 or cell.colspan > 1:
                ws.merge_cells(start_row=row + r, start_column=c + 1, end_row=row + r + cell.rowspan - 1,
                               end_column=c + cell.colspan)
        for r in range(block.nrows):
            for c in range(WIDTH):
                ws.cell(row + r, c + 1).border = border
        row += block.nrows + 1  # an empty row after each table
    wb.save(path)


def _number_or_text(text: str):
    """Amounts are numbers in a real export (with their decimals shown by the number format)."""
    try:
        if text and text.replace(".", "", 1).isdigit() and "." in text:
            return float(text)
    except ValueError:
        pass
    return text


def write_xls(blocks: list[Block], path: Path) -> None:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("绩效目标表")
    row = 0
    style = xlwt.easyxf("borders: left thin, right thin, top thin, bottom thin; align: wrap on, vert centre")
    ws.write(row, 0, GENERATED)
    row += 1
    for block in blocks:
        if block.kind in ("title", "para"):
            ws.write_merge(row, row, 0, WIDTH - 1, block.text)
            row += 1
            continue
        for r, c, cell in block.cells:
            if cell.rowspan > 1 or cell.colspan > 1:
                ws.write_merge(row + r, row + r + cell.rowspan - 1, c, c + cell.colspan - 1, cell.text, style)
            else:
                ws.write(row + r, c, cell.text, style)
        row += block.nrows + 1
    wb.save(str(path))


def write_docx(blocks: list[Block], path: Path, title: str) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = "tests/make_file_fixtures.py"
    document.core_properties.comments = GENERATED
    for block in blocks:
        if block.kind == "title":
            document.add_heading(block.text, level=2)
            continue
        if block.kind == "para":
            document.add_paragraph(block.text)
            continue
        table = document.add_table(rows=block.nrows, cols=WIDTH)
        table.style = "Table Grid"
        for r, c, cell in block.cells:
            target = table.cell(r, c)
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
            target.text = cell.text
            if cell.bold:
                for run in target.paragraphs[0].runs:
                    run.bold = True
    document.save(path)


def html_text(blocks: list[Block], title: str) -> str:
    from html import escape

    out = ["<!DOCTYPE html>", f"<!-- {GENERATED} -->", "<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">",
           f"<title>{escape(title)}</title><meta name=\"generator\" content=\"tests/make_file_fixtures.py\">",
           "<style>body{font-family:'Noto Sans CJK SC',sans-serif;font-size:13px;margin:0}"
           "table{border-collapse:collapse;width:100%;table-layout:fixed;margin-bottom:14px}"
           "td{border:1px solid #000;padding:3px 5px;vertical-align:middle;overflow-wrap:anywhere}"
           "h2{text-align:center;font-size:17px;margin:12px 0 4px 0;break-after:avoid}"
           "p{margin:2px 0;break-after:avoid}tr{break-inside:avoid}"
           "@page{size:A4;margin:14mm 12mm}</style></head><body>"]
    for block in blocks:
        if block.kind == "title":
            out.append(f"<h2>{escape(block.text)}</h2>")
        elif block.kind == "para":
            out.append(f"<p>{escape(block.text)}</p>")
        else:
            rows: dict[int, list[str]] = {}
            for r, _col, cell in sorted(block.cells, key=lambda x: (x[0], x[1])):
                attrs = (f" rowspan=\"{cell.rowspan}\"" if cell.rowspan > 1 else "") + (
                    f" colspan=\"{cell.colspan}\"" if cell.colspan > 1 else "")
                text = escape(cell.text)
                rows.setdefault(r, []).append(f"<td{attrs}>{'<b>' + text + '</b>' if cell.bold else text}</td>")
            cols = "".join(f"<col style=\"width:{w}%\">" for w in (15, 14, 21, 33, 17))
            body = "".join(f"<tr>{''.join(rows.get(r, []))}</tr>" for r in range(block.nrows))
            out.append(f"<table><colgroup>{cols}</colgroup>{body}</table>")
    out.append("</body></html>")
    return "\n".join(out)


def write_doc(docx_path: Path, doc_path: Path, target: str = "doc:MS Word 97") -> None:
    """The .docx saved as Word 97–2003 (or printed to PDF: ``target`` "pdf") by LibreOffice, as an office suite
    saves it (soffice --convert-to)."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to",
                        target, "--outdir", tmp, str(docx_path)], check=True, capture_output=True, timeout=300)
        doc_path.write_bytes((Path(tmp) / (docx_path.stem + "." + target.split(":")[0])).read_bytes())


FIELDS_DOC = Path(__file__).resolve().parent / "fixtures" / "doc" / "xiqing_fields.doc"


def write_fields_doc() -> None:
    """Xiqing's first form (sample_data, lines 5–21) as a Word 97–2003 table whose project name is a hyperlink
    field and whose title ends in a page-number field, as a form copied from a web page into Word holds them:
    the fields' codes (HYPERLINK "…", PAGE) must not be read, their results must."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    def field(paragraph, code: str, result: str) -> None:
        for xml in ('<w:r %s><w:fldChar w:fldCharType="begin"/></w:r>',
                    f'<w:r %s><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>',
                    '<w:r %s><w:fldChar w:fldCharType="separate"/></w:r>', f'<w:r %s><w:t>{result}</w:t></w:r>',
                    '<w:r %s><w:fldChar w:fldCharType="end"/></w:r>'):
            paragraph._p.append(parse_xml(xml % nsdecls("w")))

    lines = (ROOT / "sample_data" / "tianjin_xiqing_2024.txt").read_text(encoding="utf-8").splitlines()[4:21]
    document = docx.Document()
    document.core_properties.comments = GENERATED
    title = document.add_paragraph("项目支出绩效目标表 第")
    field(title, "PAGE", "1")
    title.add_run("页")
    document.add_paragraph(lines[0])
    rows = [line.split("\t") for line in lines[1:]]
    table = document.add_table(rows=len(rows), cols=5)
    for r, cells in enumerate(rows):
        for k, text in enumerate(cells[:5]):
            paragraph = table.cell(r, k).paragraphs[0]
            if text == "抚恤金":
                field(paragraph, 'HYPERLINK "http://sfj.tjxq.gov.cn/"', text)
            else:
                paragraph.add_run(text)
    FIELDS_DOC.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        document.save(Path(tmp) / FIELDS_DOC.with_suffix(".docx").name)
        write_doc(Path(tmp) / FIELDS_DOC.with_suffix(".docx").name, FIELDS_DOC)


NESTED_DOCX = FIELDS_DOC.parent / "xiqing_nested.docx"


def write_nested() -> None:
    """Xiqing's first form (sample_data lines 7–21) as a Word form whose 绩效指标 cell holds the indicator table
    (a table nested in a cell, as some Word templates are built), in .docx and, saved by LibreOffice, .doc."""
    import docx

    lines = (ROOT / "sample_data" / "tianjin_xiqing_2024.txt").read_text(encoding="utf-8").splitlines()[6:21]
    cells = [line.split("\t") for line in lines]
    fields = [c for c in cells if c[0] and not c[0].startswith(("项目资金", "绩效"))]  # 项目名称, 主管预算部门 …
    money = next(c for c in cells if c[0].startswith("项目资金"))
    goal = next(c for c in cells if c[0] == "绩效目标")
    indicator_rows = [c[1:5] for c in cells[cells.index(next(c for c in cells if c[0] == "绩效指标")):]]
    document = docx.Document()
    document.core_properties.comments = GENERATED
    document.add_paragraph("项目支出绩效目标表")
    document.add_paragraph("(2024年度)")
    outer = document.add_table(rows=len(fields) + 3, cols=4)
    outer.style = "Table Grid"
    for r, row in enumerate(fields + [money[:2], goal[:2]]):
        texts = [t for t in row if t]
        for k, text in enumerate(texts[:4]):
            outer.cell(r, k).text = text
        if len(texts) == 2:
            outer.cell(r, 1).merge(outer.cell(r, 3))
    last = len(fields) + 2
    outer.cell(last, 0).text = "绩效指标"
    holder = outer.cell(last, 1).merge(outer.cell(last, 3))
    inner = holder.add_table(rows=len(indicator_rows), cols=4)
    for r, row in enumerate(indicator_rows):
        for k, text in enumerate(row):
            inner.cell(r, k).text = text
    NESTED_DOCX.parent.mkdir(parents=True, exist_ok=True)
    document.save(NESTED_DOCX)
    write_doc(NESTED_DOCX, NESTED_DOCX.with_suffix(".doc"))


def print_pdf(html_path: Path, pdf_path: Path, header_footer: bool = False) -> None:
    """Chromium prints the HTML; ``header_footer``: with the date, title, address and page numbers a browser
    prints on every page."""
    with tempfile.TemporaryDirectory() as profile:
        furniture = [] if header_footer else ["--no-pdf-header-footer"]
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={profile}", *furniture, f"--print-to-pdf={pdf_path}",
                        html_path.resolve().as_uri()], check=True, capture_output=True, timeout=120)


CENTRED = "<style>td, th { text-align: center !important; vertical-align: middle; }</style>"


NO_BORDERS = "<style>table, td, th { border: none !important; }</style>"


def print_borderless(html_path: Path, pdf_path: Path) -> None:
    """The form printed without ruling lines (a table laid out by position only): the PDF reader finds no ruled
    table and reads the page's text by position."""
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / html_path.name
        plain.write_text(html_path.read_text(encoding="utf-8").replace("</head>", NO_BORDERS + "</head>", 1),
                         encoding="utf-8")
        print_pdf(plain, pdf_path)


def print_styled(html_path: Path, pdf_path: Path, style: str) -> None:
    """Chromium prints the HTML with ``style`` added to its head, as a browser prints a page (header and footer)."""
    with tempfile.TemporaryDirectory() as tmp:
        styled = Path(tmp) / html_path.name
        styled.write_text(html_path.read_text(encoding="utf-8").replace("</head>", style + "</head>", 1),
                          encoding="utf-8")
        print_pdf(styled, pdf_path, header_footer=True)


def write_pdftotext_centred(html_path: Path, out_path: Path) -> None:
    """``pdftotext -layout`` of the form printed with every cell centred (as forms made in Word or Excel often
    are): pieces stand under the middle of their column, not at its left edge."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "form.pdf"
        print_styled(html_path, pdf, CENTRED)
        subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), str(out_path)], check=True, timeout=120)


TOP = "<style>td, th { text-align: left !important; vertical-align: top !important; }</style>"


def write_pdftotext_top(html_path: Path, out_path: Path) -> None:
    """``pdftotext -layout`` of the form printed with every cell at the top left of its box (a Word table's
    default): a wrapped cell goes on below its first line, merged level cells stand on their block's first row."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "form.pdf"
        print_styled(html_path, pdf, TOP)
        subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), str(out_path)], check=True, timeout=120)


def write_pdftotext(html_path: Path, out_path: Path, plain: bool = False) -> None:
    """The text ``pdftotext -layout`` (poppler) extracts from the form printed as a browser prints a page: cells
    where the page has them, merged cells centred, page furniture on every page; and ``pdftotext -raw``
    (``.raw.txt``: the page's text in the order it was drawn, row by row with one space between cells, long cells
    wrapped over lines, as a PDF viewer copies it). ``plain``: also pdftotext's default mode (``.plain.txt``: each
    column's cells one per line, column after column)."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "form.pdf"
        print_pdf(html_path, pdf, header_footer=True)
        subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), str(out_path)], check=True, timeout=120)
        subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), str(out_path.with_suffix(".raw.txt"))],
                       check=True, timeout=120)
        if plain:
            subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), str(out_path.with_suffix(".plain.txt"))],
                           check=True, timeout=120)


def write_word_pdftotext(docx_path: Path, out_path: Path) -> None:
    """``pdftotext -layout`` of the form printed from Word by LibreOffice (the .docx, its narrow columns as Word lays
    them out): names wrapped over lines at the top of their boxes, a value one space after its name's first line,
    rows broken across pages (``.word.txt``); ``pdftotext -raw`` of the same print (``.wordraw.txt``: as a PDF
    viewer copies it, cells one after another, several on a line one space apart, long cells wrapped over lines of
    their own, an operator set in another font after its number); and pdfplumber's text of it (``.wordlines.txt``:
    each line the words at one height, so the cells of a row wrap side by side); and pdfminer's (``.wordboxes.txt``:
    its text boxes one after another)."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / (docx_path.stem + ".pdf")
        write_doc(docx_path, pdf, "pdf")
        subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), str(out_path)], check=True, timeout=120)
        raw = out_path.with_name(out_path.name.replace(".word.txt", ".wordraw.txt"))
        subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), str(raw)], check=True, timeout=120)
        write_pdfplumber_text(pdf, out_path.with_name(out_path.name.replace(".word.txt", ".wordlines.txt")))
        write_pdfminer_text(pdf, out_path.with_name(out_path.name.replace(".word.txt", ".wordboxes.txt")))


def write_word_centred(docx_path: Path, out_path: Path) -> None:
    """The .docx with every table cell centred vertically (Word's 垂直居中, common in government forms), printed by
    LibreOffice: ``pdftotext -layout`` of it (``.wordcentred.txt``: a one-line cell's line between the lines of a
    taller cell of its row, a label wrapped in its narrow column above and below its row's line)."""
    import docx
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    document = docx.Document(docx_path)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    with tempfile.TemporaryDirectory() as tmp:
        centred = Path(tmp) / docx_path.name
        document.save(centred)
        pdf = Path(tmp) / (docx_path.stem + ".pdf")
        write_doc(centred, pdf, "pdf")
        subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), str(out_path)], check=True, timeout=120)


def write_browser_dumps(html_path: Path, stem: str) -> None:
    """The HTML form as the text browsers w3m and lynx dump it, 200 columns wide: w3m lays every table out in
    columns (``.w3m.txt``); lynx lays out the tables that fit and sets a wider one's cells one space apart, a row
    to a line (``.lynx.txt``); and w3m at its default 80 columns (``.w3m80.txt``), every column squeezed, labels,
    names and values wrapped in them."""
    w3m = subprocess.run(["w3m", "-dump", "-cols", "200", "-O", "UTF-8", "-T", "text/html", str(html_path)],
                         check=True, capture_output=True, timeout=120).stdout
    (PDFTEXT / f"{stem}.w3m.txt").write_bytes(w3m)
    narrow = subprocess.run(["w3m", "-dump", "-cols", "80", "-O", "UTF-8", "-T", "text/html", str(html_path)],
                            check=True, capture_output=True, timeout=120).stdout
    (PDFTEXT / f"{stem}.w3m80.txt").write_bytes(narrow)
    lynx = subprocess.run(["lynx", "-dump", "-width=200", "-display_charset=utf-8", "-assume_charset=utf-8",
                           "-nolist", str(html_path)], check=True, capture_output=True, timeout=120).stdout
    (PDFTEXT / f"{stem}.lynx.txt").write_bytes(lynx)


def write_pandoc_texts(docx_path: Path, stem: str) -> None:
    """The .docx as pandoc converts it to text: Markdown (``.pandoc.txt``), GitHub Markdown (``.gfm.txt``) and
    reStructuredText (``.rst.txt``), lines unwrapped."""
    for target, suffix in (("markdown", "pandoc"), ("gfm", "gfm"), ("rst", "rst")):
        subprocess.run(["pandoc", "-f", "docx", "-t", target, "--wrap=none", str(docx_path), "-o",
                        str(PDFTEXT / f"{stem}.{suffix}.txt")], check=True, timeout=120)


def write_html2text(html_path: Path, stem: str) -> None:
    """The HTML form as the html2text package converts it to Markdown (``.html2text.txt``): pipe rows that leave
    out the cells merged with the rows above them, ``**bold**`` header cells, ``##`` headings."""
    import html2text

    converter = html2text.HTML2Text()
    converter.body_width = 0  # no wrapping
    (PDFTEXT / f"{stem}.html2text.txt").write_text(converter.handle(html_path.read_text(encoding="utf-8")),
                                                   encoding="utf-8")


def write_pdfminer_text(pdf: Path, out_path: Path) -> None:
    """The text pdfminer's ``extract_text()`` gives (its text boxes one after another: a table's column of names,
    then its column of values), as pdf2txt.py and converters built on it give it."""
    from pdfminer.high_level import extract_text

    out_path.write_text(extract_text(str(pdf)), encoding="utf-8")


def write_pdfplumber_text(pdf: Path, out_path: Path) -> None:
    """The text pdfplumber's ``extract_text()`` gives (each line the words at one height across the page, one space
    apart, pages one after another), as Python tools and some viewers copy a PDF."""
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        out_path.write_text("\n".join(page.extract_text() or "" for page in document.pages), encoding="utf-8")


def write_pypdf_texts(html_path: Path, stem: str) -> None:
    """The texts pypdf's ``extract_text()`` gives of the form printed as a browser prints a web page (date, title,
    address and page numbers on every page): ``.pypdf.txt`` in its default mode (the page's text in the order the
    PDF draws it — a merged label before its rows, a wrapped cell's lines one space apart or on lines of their
    own), ``.pypdflayout.txt`` in its layout mode (the page's columns kept by spaces); and ``.pdfium.txt``, the text
    PDFium (Chrome's PDF engine, through pypdfium2) gives of the same PDF, as Chrome's PDF viewer copies it: a
    row's cells one space apart, a wrapped cell's lines each on a line of its own."""
    import pypdf
    import pypdfium2

    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "form.pdf"
        print_pdf(html_path, pdf, header_footer=True)
        reader = pypdf.PdfReader(str(pdf))
        plain = "\n".join(page.extract_text() for page in reader.pages)
        layout = "\n".join(page.extract_text(extraction_mode="layout") for page in reader.pages)
        document = pypdfium2.PdfDocument(str(pdf))
        pdfium = "\n".join(document[k].get_textpage().get_text_range() for k in range(len(document)))
        document.close()
    (PDFTEXT / f"{stem}.pdfium.txt").write_text(pdfium.replace("\r\n", "\n").replace("\r", "\n"), encoding="utf-8")
    (PDFTEXT / f"{stem}.pypdf.txt").write_text(plain, encoding="utf-8")
    (PDFTEXT / f"{stem}.pypdflayout.txt").write_text(layout, encoding="utf-8")


def scan_pdf(pdf_path: Path, out_path: Path, dpi: int = 200) -> None:
    """Rasterise with pdftoppm (grey) and wrap the pages back into a PDF: a scan without a text layer."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf_path), f"{tmp}/page"], check=True,
                       timeout=300)
        pages = [Image.open(p).convert("L") for p in sorted(Path(tmp).glob("page*.png"))]
        pages = [p.point(lambda v: 255 if v > 215 else 0).convert("1") for p in pages]  # keep light rules
        pages[0].save(out_path, "PDF", resolution=dpi, save_all=True, append_images=pages[1:],
                      title="扫描件（测试用）", author="tests/make_file_fixtures.py", subject=GENERATED)


def write_pdfplumber_lines(html_path: Path, out_path: Path, style: str = "") -> None:
    """pdfplumber's text (lines by height) of the form printed by Chromium as a browser prints it (``.lines.txt``:
    cells centred on their rows, so a one-line cell's line falls between a taller cell's lines and a merged label
    amid its block of rows), or with ``style`` (TOP: ``.toplines.txt``, every cell at the top of its box)."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "form.pdf"
        print_styled(html_path, pdf, style)
        write_pdfplumber_text(pdf, out_path)


def write_pdf_texts(stem: str) -> None:
    """The PDF-text fixtures of one document (tests/fixtures/pdftext/), from its HTML file."""
    html = OUT / f"{stem}.html"
    write_pdftotext(html, PDFTEXT / f"{stem}.txt", plain=stem in PLAIN_DOCS)
    if stem in CENTRED_DOCS:
        write_pdftotext_centred(html, PDFTEXT / f"{stem}.centred.txt")
    if stem in TOP_DOCS:
        write_pdftotext_top(html, PDFTEXT / f"{stem}.top.txt")
        write_pdfplumber_lines(html, PDFTEXT / f"{stem}.lines.txt")
        write_pdfplumber_lines(html, PDFTEXT / f"{stem}.toplines.txt", TOP)
    if stem in BORDERLESS_DOCS:
        print_borderless(html, PDFTEXT / f"{stem}.noborder.pdf")
    write_pypdf_texts(html, stem)


def main(argv: list[str]) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    PDFTEXT.mkdir(parents=True, exist_ok=True)
    only_pdf_texts = "--pdftext" in argv  # from the HTML files already written
    if "--top" in argv:  # only the forms printed with their cells at the top
        for stem in TOP_DOCS:
            write_pdftotext_top(OUT / f"{stem}.html", PDFTEXT / f"{stem}.top.txt")
        return 0
    if "--pandoc" in argv:  # only pandoc's texts of the Word forms
        for stem in SAMPLES + CORPUS:
            write_pandoc_texts(OUT / f"{stem}.docx", stem)
        return 0
    if "--browsers" in argv:  # only the text browsers' (and html2text's) texts of the HTML forms
        for stem in SAMPLES + CORPUS:
            write_browser_dumps(OUT / f"{stem}.html", stem)
            write_html2text(OUT / f"{stem}.html", stem)
        return 0
    if "--word-centred" in argv:  # only the Word forms with their cells centred vertically
        for stem in SAMPLES + CORPUS:
            write_word_centred(OUT / f"{stem}.docx", PDFTEXT / f"{stem}.wordcentred.txt")
        return 0
    if "--pypdf" in argv:  # only pypdf's texts of the forms
        for stem in SAMPLES + CORPUS:
            write_pypdf_texts(OUT / f"{stem}.html", stem)
        return 0
    if "--lines" in argv:  # only the forms' texts by lines of one height (pdfplumber)
        for stem in TOP_DOCS:
            write_pdfplumber_lines(OUT / f"{stem}.html", PDFTEXT / f"{stem}.lines.txt")
            write_pdfplumber_lines(OUT / f"{stem}.html", PDFTEXT / f"{stem}.toplines.txt", TOP)
        return 0
    if not only_pdf_texts:
        write_fields_doc()
        write_nested()
    for stem in SAMPLES + CORPUS:
        if not only_pdf_texts:
            doc = model(stem)
            blocks = document_blocks(doc)
            title = f"{stem}（测试文件，由 tests/make_file_fixtures.py 生成）"
            write_xlsx(blocks, OUT / f"{stem}.xlsx", title)
            write_docx(blocks, OUT / f"{stem}.docx", title)
            (OUT / f"{stem}.html").write_text(html_text(blocks, title), encoding="utf-8")
            if stem in XLS_DOCS:
                write_xls(blocks, OUT / f"{stem}.xls")
            if stem in DOC_DOCS:
                write_doc(OUT / f"{stem}.docx", OUT / f"{stem}.doc")
            if stem in WORD_PDF_DOCS:
                write_doc(OUT / f"{stem}.docx", OUT / f"{stem}.word.pdf", "pdf")
            write_word_pdftotext(OUT / f"{stem}.docx", PDFTEXT / f"{stem}.word.txt")
            write_word_centred(OUT / f"{stem}.docx", PDFTEXT / f"{stem}.wordcentred.txt")
            write_browser_dumps(OUT / f"{stem}.html", stem)
            write_html2text(OUT / f"{stem}.html", stem)
            write_pandoc_texts(OUT / f"{stem}.docx", stem)
            if stem in PDF_DOCS:
                print_pdf(OUT / f"{stem}.html", OUT / f"{stem}.pdf")
            if stem == SCANNED:
                scan_pdf(OUT / f"{stem}.pdf", OUT / f"{stem}.scan.pdf")
        write_pdf_texts(stem)
        print("written", stem, file=sys.stderr)
    return 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
