"""Every file reader reads real tables to the same model as their text version.

The fixtures in tests/fixtures/files/ are written by tests/make_file_fixtures.py from the five sample documents
(parsed from sample_data/) and the complete corpus projects (their hand-checked readings): the printed form as
.xlsx, .docx, .html, .xls, .doc (Word 97–2003), a PDF printed by Chromium and one scanned PDF. Each must give the
same project names, totals, funding sources and indicators (level-1, level-2, name, value) as the model it was
printed from.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from ingest.parse import parse_bytes, parse_file
from ingest.readers import LAYOUT_TITLES, read_grid
from tests.helpers import parsed, squash
from tests.make_file_fixtures import CORPUS, DOC_DOCS, OUT, SAMPLES, SCANNED, model

FILES = sorted(p for p in OUT.iterdir() if not p.name.endswith(".scan.pdf"))
FAMILY = {".xlsx": "xlsx", ".xls": "xls", ".docx": "docx", ".doc": "doc", ".html": "html", ".pdf": "pdf"}


def reading(document) -> list[tuple]:
    """Project name, total, funding and indicators (mid-term ones first, each set in order)."""
    return [
        (squash(p.name), p.total_wan, [(f.source, f.level, round(f.amount_wan, 6)) for f in p.funding],
         [(i.level1, i.level2, squash(i.name), squash(i.value), i.target_set)
          for i in sorted(p.indicators, key=lambda i: i.target_set != "mid")])
        for p in document.projects
    ]


@lru_cache(maxsize=None)
def expected(stem: str) -> list[tuple]:
    """The reading of the model the file was printed from. A level-1 left blank is its level-2's category, as
    the parser reads it everywhere (corpus 22: 质量指标 rows without a 一级指标 cell are 产出指标)."""
    from ingest import taxonomy as tx

    return [(name, total, funding, [(l1 or (tx.parent_of(l2) if l2 else None), l2, n, v, s)
                                    for l1, l2, n, v, s in rows])
            for name, total, funding, rows in reading(model(stem))]


def test_fixtures_cover_every_format_and_document():
    suffixes = {p.suffix for p in FILES}
    assert suffixes == {".xlsx", ".xls", ".docx", ".doc", ".html", ".pdf"}
    for stem in SAMPLES + CORPUS:
        for suffix in (".xlsx", ".docx", ".html"):
            assert (OUT / f"{stem}{suffix}").exists(), stem + suffix
    assert len([p for p in FILES if p.suffix == ".pdf"]) == 6  # 3 printed by Chromium, 3 by LibreOffice (.word.pdf)
    assert (OUT / f"{SCANNED}.scan.pdf").exists()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_reads_to_the_same_model_as_its_text(path: Path):
    stem = path.name.split(".")[0]
    document = parse_file(path)
    assert document.layout == FAMILY[path.suffix]
    assert document.layout in LAYOUT_TITLES
    assert not document.is_ocr
    assert reading(document) == expected(stem)


@pytest.mark.parametrize("stem", SAMPLES)
def test_samples_keep_place_year_and_counts(stem):
    """The document-level reading (jurisdiction, year, department) also matches the text version."""
    text = parsed({"tianjin_xiqing_2024": "xiqing", "ningxia_pingluo_2024": "pingluo", "hebei_funing_2020": "funing",
                   "hunan_yuanjiang_2024": "yuanjiang", "qingdao_2023": "qingdao"}[stem])
    document = parse_file(OUT / f"{stem}.xlsx")
    assert (document.jurisdiction, document.province, document.fiscal_year) == (
        text.jurisdiction, text.province, text.fiscal_year)
    assert sum(len(p.indicators) for p in document.projects) == sum(len(p.indicators) for p in text.projects)


def test_yuanjiang_department_wide_table_from_every_format():
    text = parsed("yuanjiang").department_overall
    for suffix in (".xlsx", ".docx", ".html", ".pdf"):
        overall = parse_file(OUT / f"hunan_yuanjiang_2024{suffix}").department_overall
        assert overall is not None, suffix
        assert (overall.department, overall.total_wan, overall.basic_wan, overall.project_wan) == (
            text.department, text.total_wan, text.basic_wan, text.project_wan), suffix
        assert [(i.level2, squash(i.name), squash(i.value)) for i in overall.indicators] == [
            (i.level2, squash(i.name), squash(i.value)) for i in text.indicators], suffix


# ------------------------------------------------------------------------------------------- the display lines
def test_xlsx_lines_and_provenance():
    data = (OUT / "tianjin_xiqing_2024.xlsx").read_bytes()
    grid = read_grid("x.xlsx", data, ".xlsx")
    assert grid.lines[0] == "【工作表 绩效目标表】"
    assert grid.lines[1] == "天津市西青区司法局"
    assert "项目名称\t抚恤金" in grid.lines
    document = parse_bytes("x.xlsx", data, ".xlsx")
    first = document.projects[0]
    assert first.ref == "绩效目标表!A2"  # the title cell of the first table (row 1: the department)
    assert grid.lines[first.line_start - 1] == "项目支出绩效目标表"
    indicator = first.indicators[0]
    assert indicator.ref.startswith("绩效目标表!D")
    assert indicator.name in grid.lines[indicator.line_start - 1]


def test_xlsx_merged_cells_appear_once_with_their_span():
    grid = read_grid("x.xlsx", (OUT / "tianjin_xiqing_2024.xlsx").read_bytes(), ".xlsx")
    cells = [c for row in grid.rows for c in row.cells]
    label = next(c for c in cells if c.text == "绩效指标")
    assert label.col == 0 and label.rowspan == 7 and label.line_end - label.line_start == 6
    output = next(c for c in cells if c.text == "产出指标")
    assert output.col == 1 and output.rowspan == 4
    name = next(c for c in cells if c.text == "抚恤金")
    assert name.colspan == 4 and name.ref == "绩效目标表!B5"
    # the positions a merged cell covers are absent: the row under 产出指标 starts at the level-2 column
    row = next(r for r in grid.rows if any(c.text == "质量指标" for c in r.cells))
    assert [c.col for c in row.cells] == [2, 3, 4]


def test_doc_reads_the_same_grid_as_the_docx_it_was_saved_from():
    # Word 97–2003 (.doc) written by LibreOffice from the .docx fixture: the same paragraphs and table rows, every
    # merged cell once with its span (the 绩效指标 label over its rows, 项目名称's value over four columns), from
    # the row-end paragraphs' cell edges and merge flags
    for stem in DOC_DOCS:
        old = read_grid("x.doc", (OUT / f"{stem}.doc").read_bytes(), ".doc")
        new = read_grid("x.docx", (OUT / f"{stem}.docx").read_bytes(), ".docx")
        assert old.lines == new.lines, stem
        assert [[(c.text, c.col, c.rowspan, c.colspan, c.ref) for c in r.cells] for r in old.rows] == [
            [(c.text, c.col, c.rowspan, c.colspan, c.ref) for c in r.cells] for r in new.rows], stem
    grid = read_grid("x.doc", (OUT / "qingdao_2023.doc").read_bytes(), ".doc")
    cells = [c for row in grid.rows for c in row.cells]
    label = next(c for c in cells if c.text == "绩效指标")
    assert label.col == 0 and label.rowspan > 1


def test_an_old_word_file_under_another_suffix_is_read_as_what_it_is():
    data = (OUT / "22_ningjin_jiaoyuju_2019.doc").read_bytes()
    for name in ("宁晋.docx", "宁晋.wps", "宁晋.txt"):
        document = parse_bytes(name, data, "." + name.split(".")[-1])
        assert document.layout == "doc", name
        assert reading(document) == expected("22_ningjin_jiaoyuju_2019"), name


def test_docx_spans_and_paragraphs_in_document_order():
    grid = read_grid("x.docx", (OUT / "hunan_yuanjiang_2024.docx").read_bytes(), ".docx")
    assert grid.lines[:2] == ["沅江市司法局", "2024年部门整体支出绩效目标表"]
    assert "单位：万元" in grid.lines
    cells = [c for row in grid.rows for c in row.cells]
    label = next(c for c in cells if c.text == "绩效指标")
    assert label.col == 0 and label.rowspan > 1 and label.ref.startswith("表1 第")
    name = next(c for c in cells if c.text == "沅江市司法局" and c.col == 1)
    assert name.colspan == 4


def test_html_rowspan_colspan_and_refs():
    grid = read_grid("x.html", (OUT / "qingdao_2023.html").read_bytes(), ".html")
    cells = [c for row in grid.rows for c in row.cells]
    level1 = next(c for c in cells if c.text == "产出指标")
    assert level1.col == 1 and level1.rowspan >= 2 and level1.ref.startswith("表1 第")
    assert max(r.table for r in grid.rows) == 9  # ten tables, numbered from 0


def test_mhtml_archive_reads_like_the_page():
    html = (OUT / "ningxia_pingluo_2024.html").read_bytes()
    import base64

    body = base64.encodebytes(html).decode("ascii")
    mhtml = ("From: <Saved by Blink>\r\nSubject: test\r\nMIME-Version: 1.0\r\n"
             "Content-Type: multipart/related; type=\"text/html\"; boundary=\"BOUNDARY\"\r\n\r\n"
             "--BOUNDARY\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: base64\r\n"
             "Content-Location: file:///table.html\r\n\r\n" + body + "\r\n--BOUNDARY--\r\n").encode("ascii")
    document = parse_bytes("page.mhtml", mhtml, ".mhtml")
    assert reading(document) == expected("ningxia_pingluo_2024")


def test_gbk_web_page_with_meta_charset():
    html = (OUT / "ningxia_pingluo_2024.html").read_text(encoding="utf-8").replace(
        '<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gbk">')
    document = parse_bytes("page.htm", html.encode("gbk"), ".htm")
    assert reading(document) == expected("ningxia_pingluo_2024")


def test_pdf_pages_and_a_table_continued_on_the_next_page():
    grid = read_grid("x.pdf", (OUT / "ningxia_pingluo_2024.pdf").read_bytes(), ".pdf")
    pages = [line for line in grid.lines if line.startswith("【第 ")]
    assert pages[:2] == ["【第 1 页】", "【第 2 页】"] and len(pages) >= 4
    # a project table that starts on page 1 and ends on page 2 is one table
    second = next(n for n, line in enumerate(grid.lines, 1) if "基层服务专项计划县配经费" in line)
    page2 = grid.lines.index("【第 2 页】") + 1
    tables = {r.table for r in grid.rows if second <= r.line_start and r.line_end <= page2 + 12
              and len(r.cells) > 1}
    assert len(tables) == 1
    document = parse_bytes("x.pdf", (OUT / "ningxia_pingluo_2024.pdf").read_bytes(), ".pdf")
    project = next(p for p in document.projects if p.name.startswith("基层服务"))
    assert project.line_start < page2 < project.line_end
    assert len(project.indicators) == 9
    assert project.indicators[-1].ref == "第2页"


def test_pdf_radicals_become_characters():
    from ingest.grid import fix_radicals

    assert fix_radicals("家⻓满意度") == "家长满意度"
    assert fix_radicals("⼈数") == "人数"  # a Kangxi radical (U+2F08), by NFKC
    assert fix_radicals("≥95%（人）") == "≥95%（人）"


# ------------------------------------------------------------------------------------------------ OCR
@pytest.fixture(scope="module")
def scanned():
    path = OUT / f"{SCANNED}.scan.pdf"
    return parse_file(path)


def test_scanned_pdf_is_read_by_ocr_and_marked(scanned):
    assert scanned.layout == "pdf_ocr" and scanned.is_ocr
    assert scanned.warnings[0].code == "ocr" and "请与原件逐项核对" in scanned.warnings[0].message
    text = model(SCANNED)
    assert [p.total_wan for p in scanned.projects] == [p.total_wan for p in text.projects]
    assert scanned.fiscal_year == 2024


def test_ocr_reads_at_least_90_percent_of_indicators_exactly_and_flags_the_rest(scanned):
    want = [(squash(i.name), squash(i.value)) for p in model(SCANNED).projects for i in p.indicators]
    got = [(squash(i.name), squash(i.value), i) for p in scanned.projects for i in p.indicators]
    unsure = {n for w in scanned.warnings if w.code == "ocr_unsure"
              for n in range(w.line_start, (w.line_end or w.line_start) + 1)}
    pool = list(got)
    exact = 0
    for pair in want:
        match = next((g for g in pool if g[:2] == pair), None)
        if match is not None:
            exact += 1
            pool.remove(match)
    assert exact / len(want) >= 0.90, (exact, len(want))
    # every indicator read wrongly stands on a line the OCR said it was unsure of
    for name, value, indicator in pool:
        assert any(n in unsure for n in range(indicator.line_start, indicator.line_end + 1)), (name, value)


def test_ocr_corrections_are_certain_ones_only():
    from ingest.readers.ocr import correct, fix_percent

    assert correct("之98%") == ("≥98%", True)
    assert correct("么31名") == ("≤31名", True)
    assert correct("数量指标〈必填)") == ("数量指标(必填)", True)
    assert correct("总而言之") == ("总而言之", False)
    assert fix_percent("≥909%", "290%") == "≥90%"
    assert fix_percent("1009%6", "100%") == "100%"
    assert fix_percent("≥25%", "225%") == "≥25%"
    assert fix_percent("≥95%", "2I5%") == "≥95%"  # an English reading that is no number changes nothing


def test_image_of_a_table_is_read_by_ocr(tmp_path):
    """A PNG screenshot of one printed table (a page of the scan cut to its first project)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument((OUT / f"{SCANNED}.scan.pdf").read_bytes())
    image = pdf[0].render(scale=150 / 72, grayscale=True).to_pil()
    image = image.crop((0, 0, image.width, int(image.height * 0.5)))
    path = tmp_path / "table.png"
    image.save(path)
    document = parse_file(path)
    assert document.layout == "image_ocr" and document.is_ocr
    first = model(SCANNED).projects[0]
    assert [(p.total_wan, len(p.indicators)) for p in document.projects] == [(first.total_wan, 7)]
    names = [squash(i.name) for i in document.projects[0].indicators]
    assert sum(a == squash(b.name) for a, b in zip(names, first.indicators)) >= 6


def test_tesseract_missing_says_how_to_install(monkeypatch):
    from ingest.errors import IngestError
    from ingest.readers import ocr

    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    with pytest.raises(IngestError) as caught:
        parse_file(OUT / f"{SCANNED}.scan.pdf")
    assert "apt-get install tesseract-ocr tesseract-ocr-chi-sim" in caught.value.message_zh
    assert caught.value.source == f"{SCANNED}.scan.pdf"


def _docx_of_paragraphs(lines: list[str]) -> bytes:
    import io

    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)  # python-docx writes a tab as <w:tab/>, leading spaces kept
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("family", ["tab_rows", "numbered_outline", "indent_tree", "labelled_fields"])
def test_a_word_document_written_as_text_reads_as_that_text(family):
    # Xiqing (sample) written out by bench/render.py in a text layout, one paragraph per line, in a .docx with no
    # table: read by the text layouts, the same reading as the .txt (it was one cell per paragraph: no indicator)
    from bench.render import render
    from ingest.parse import parse_bytes as parse

    text = render(parsed("xiqing"), family)
    from_text = parse("xiqing.txt", text.encode("utf-8"))
    from_word = parse("xiqing.docx", _docx_of_paragraphs(text.split("\n")), suffix=".docx")
    assert from_word.layout == from_text.layout == family
    assert reading(from_word) == reading(from_text)
    assert sum(len(p.indicators) for p in from_word.projects) == 131  # Xiqing's indicators, every one


@pytest.mark.parametrize("family", ["labelled_fields", "numbered_outline", "line_cells", "run_together"])
def test_a_web_page_written_as_text_reads_as_that_text(family):
    # Xiqing (sample) written out by bench/render.py in a text layout, a <p> per line, in a page with no table:
    # read by the text layouts, full-width spaces between labelled pairs kept (labelled fields read nothing before)
    import html

    from bench.render import render
    from ingest.parse import parse_bytes as parse

    text = render(parsed("xiqing"), family)
    page = "<html><head><meta charset='utf-8'></head><body>" + "".join(
        f"<p>{html.escape(line)}</p>" for line in text.split("\n")) + "</body></html>"
    from_text = parse("xiqing.txt", text.encode("utf-8"))
    from_page = parse("xiqing.html", page.encode("utf-8"), suffix=".html")
    assert from_page.layout == from_text.layout == family
    assert reading(from_page) == reading(from_text)


@pytest.mark.parametrize("family", ["labelled_fields", "numbered_outline"])
def test_a_workbook_written_as_text_reads_as_that_text(family):
    # Xiqing (sample) written out by bench/render.py in a text layout, a line per cell down column A of a sheet:
    # read by the text layouts (labelled fields read nothing before, the outline 126 of 131)
    import io

    import openpyxl

    from bench.render import render
    from ingest.parse import parse_bytes as parse

    text = render(parsed("xiqing"), family)
    workbook = openpyxl.Workbook()
    for r, line in enumerate(text.split("\n"), 1):
        if line:
            workbook.active.cell(r, 1, line).data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    from_text = parse("xiqing.txt", text.encode("utf-8"))
    from_sheet = parse("xiqing.xlsx", buffer.getvalue(), suffix=".xlsx")
    assert from_sheet.layout == from_text.layout == family
    assert reading(from_sheet) == reading(from_text)


def test_doc_fields_read_as_their_results_not_their_codes():
    # Xiqing's first form (sample_data lines 5–21) in a .doc whose project name is a HYPERLINK field and whose title
    # ends in a PAGE field (tests/make_file_fixtures.py write_fields_doc): the stream holds the codes, the page
    # shows the results
    from tests.make_file_fixtures import FIELDS_DOC

    data = FIELDS_DOC.read_bytes()
    assert "HYPERLINK".encode("utf-16-le") in data  # the code is in the file …
    grid = read_grid("xiqing_fields.doc", data, ".doc")
    assert grid.lines[0] == "项目支出绩效目标表 第1页"
    assert "项目名称\t抚恤金" in grid.lines  # … and not in the reading
    project = parse_bytes("xiqing_fields.doc", data, ".doc").projects[0]
    assert (project.name, project.total_wan) == ("抚恤金", 18.47)
    assert [(i.name, i.value) for i in project.indicators] == [
        ("发放人数", "=1人"), ("发放合规率", "=100%"), ("发放及时率", "=100%"), ("抚恤金金额", "=184722元"),
        ("安抚家属情绪", "安抚"), ("家属满意度", "=100%")]


@pytest.mark.parametrize("suffix", [".docx", ".doc"])
def test_an_indicator_table_nested_in_a_form_cell_is_a_table_of_its_own(suffix):
    # Xiqing's first form (sample_data lines 7–21) as a Word form whose 绩效指标 cell holds the indicator table
    # (tests/make_file_fixtures.py write_nested): the nested table was read as that cell's text, one run-together
    # string, and the project had no indicator
    from tests.make_file_fixtures import NESTED_DOCX

    path = NESTED_DOCX.with_suffix(suffix)
    grid = read_grid(path.name, path.read_bytes(), suffix)
    assert "绩效指标" in grid.lines and "一级指标\t二级指标\t三级指标\t指标值" in grid.lines
    project = parse_file(path).projects[0]
    assert (project.name, project.total_wan) == ("抚恤金", 18.47)
    assert [(i.level1, i.level2, i.name, i.value) for i in project.indicators] == [
        ("产出指标", "数量指标", "发放人数", "=1人"), ("产出指标", "质量指标", "发放合规率", "=100%"),
        ("产出指标", "时效指标", "发放及时率", "=100%"), ("产出指标", "成本指标", "抚恤金金额", "=184722元"),
        ("效益指标", "社会效益指标", "安抚家属情绪", "安抚"),
        ("满意度指标", "服务对象满意度指标", "家属满意度", "=100%")]
    assert project.indicators[0].ref == "表1 第6行 内表 第2行"  # the outer row, then the nested table's row


def test_a_row_the_page_break_cut_is_one_row_its_two_lines_shown():
    # Yuanjiang's form printed from Word by LibreOffice (.word.pdf): 社区矫正专项's 项目资金（万元） row breaks across
    # pages 1 and 2 (项目资金（万 | 57.60 | 其中：本级预 | 57.60, then 元） | | 算): one row, its cells joined, the
    # display keeping both printed lines (the project's total was lost: no label 项目资金（万元）)
    grid = read_grid("y.pdf", (OUT / "hunan_yuanjiang_2024.word.pdf").read_bytes(), ".pdf")
    cell = next(c for row in grid.rows for c in row.cells if c.text == "项目资金（万元）")
    assert grid.lines[cell.line_start - 1].startswith("项目资金（万\t57.60")
    assert grid.lines[cell.line_end - 1].startswith("元）")
    assert any(c.text == "其中：本级预算" for row in grid.rows for c in row.cells)
    project = next(p for p in parse_file(OUT / "hunan_yuanjiang_2024.word.pdf").projects if p.name == "社区矫正专项")
    assert project.total_wan == 57.6
