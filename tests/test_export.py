"""The flat long layout: the Excel template, the export of loaded data, and importing either back."""

from __future__ import annotations

import io
import subprocess
import sys

import openpyxl
import pytest

from ingest import loader
from ingest.export import export_xlsx, template_xlsx
from ingest.parse import parse_bytes, parse_file
from tests.conftest import SAMPLE_DIR
from tests.helpers import ROOT, squash

PROJECTS = ("SELECT name, code, department, implementing_unit, goal, total_wan, theme FROM projects "
            "ORDER BY name, total_wan, code")
FUNDING = ("SELECT p.name, f.position, f.source, f.level, f.amount_wan FROM funding f "
           "JOIN projects p USING (project_id) ORDER BY p.name, p.total_wan, f.position")
INDICATORS = ("SELECT p.name, i.position, i.level1, i.level2, i.name, i.value, i.op, i.target_number, "
              "i.target_number_max, i.target_unit, i.target_kind, i.target_wan, i.target_date, i.target_set, "
              "i.description, i.basis, i.remarks FROM indicators i JOIN projects p USING (project_id) "
              "ORDER BY p.name, p.total_wan, i.position")


def content(db) -> dict[str, list[tuple]]:
    con = loader.connect(db, read_only=True)
    try:
        return {name: con.execute(sql).fetchall() for name, sql in
                (("projects", PROJECTS), ("funding", FUNDING), ("indicators", INDICATORS))}
    finally:
        con.close()


DOCUMENTS = "SELECT jurisdiction, province, city, county, department, fiscal_year FROM documents ORDER BY 1, 6"


def test_importing_an_export_gives_identical_content(sample_db, tmp_path):
    """Each loaded document exported to its own workbook, the five workbooks loaded into a fresh database: the
    same projects, funding and indicators, and the same places and years."""
    con = loader.connect(sample_db, read_only=True)
    try:
        paths = []
        for (doc_id,) in con.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall():
            path = tmp_path / f"export_{doc_id}.xlsx"
            path.write_bytes(export_xlsx(con, [doc_id]))
            paths.append(path)
        documents = con.execute(DOCUMENTS).fetchall()
    finally:
        con.close()
    fresh = tmp_path / "fresh.duckdb"
    results = loader.load_paths(paths, fresh)
    assert [r[1] for r in results] == ["loaded"] * 5, results
    before, after = content(sample_db), content(fresh)
    assert len(after["projects"]) == 42 and len(after["indicators"]) == 345
    for table in ("projects", "funding", "indicators"):
        assert after[table] == before[table], table
    con = loader.connect(fresh, read_only=True)
    try:
        assert con.execute(DOCUMENTS).fetchall() == documents
        assert {r[0] for r in con.execute("SELECT layout FROM documents").fetchall()} == {"flat"}
    finally:
        con.close()


def test_graded_standards_and_a_column_the_aliases_do_not_name_go_out_and_come_back(tmp_path):
    """Corpus 17's graded standards (the lower grades kept in the remarks) and its basis column, exported and
    imported again: the same values, bases and remarks."""
    from tests.test_quirks import GRADED_HEADER, GRADED_ROWS

    source = tmp_path / "graded.txt"
    source.write_text("项目支出绩效目标表（2019年度）\n项目名称\t困难群众救助补助\n" + GRADED_HEADER + GRADED_ROWS,
                      encoding="utf-8")
    db = tmp_path / "graded.duckdb"
    assert loader.load_paths([source], db)[0][1] == "loaded"
    con = loader.connect(db, read_only=True)
    try:
        out = tmp_path / "graded.xlsx"
        out.write_bytes(export_xlsx(con))
    finally:
        con.close()
    fresh = tmp_path / "fresh.duckdb"
    assert loader.load_paths([out], fresh)[0][1] == "loaded"
    before, after = content(db)["indicators"], content(fresh)["indicators"]
    assert after == before
    assert [(r[4], r[5], r[-2], r[-1]) for r in after] == [
        ("救助覆盖率", "100%", "按临时救助标准评价", "良：90%；中：85%；差：85%"),
        ("救助对象对救助工作满意度(%)", "85%", "按服务对象满意度评价", "良：80%；中：70%；差：70%")]


def test_one_workbook_of_every_document_keeps_every_row(sample_db, tmp_path):
    con = loader.connect(sample_db, read_only=True)
    try:
        data = export_xlsx(con)
    finally:
        con.close()
    path = tmp_path / "all.xlsx"
    path.write_bytes(data)
    fresh = tmp_path / "all.duckdb"
    assert [r[1] for r in loader.load_paths([path], fresh)] == ["loaded"]
    before, after = content(sample_db), content(fresh)
    assert after["projects"] == before["projects"] and after["funding"] == before["funding"]
    # every indicator as printed; only a deadline printed without a year is dated in the workbook's one year
    assert [r[:6] for r in after["indicators"]] == [r[:6] for r in before["indicators"]]


def test_export_is_one_row_per_indicator_with_project_columns_repeated(sample_db):
    con = loader.connect(sample_db, read_only=True)
    try:
        data = export_xlsx(con)
    finally:
        con.close()
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    assert ws.cell(1, 1).value.startswith("项目支出绩效目标")  # several departments: no department row
    header = [ws.cell(3, c).value for c in range(1, ws.max_column + 1)]
    top = [ws.cell(2, c).value for c in range(1, ws.max_column + 1)]
    assert top[:6] == ["项目名称", "项目编码", "主管部门", "实施单位", "年度绩效目标", "项目资金（万元）"]
    assert header[5] == "合计" and header[-8:] == ["指标期间", "一级指标", "二级指标", "三级指标", "指标值", "指标说明",
                                                  "指标值确定依据", "备注"]
    assert ws.max_row - 3 == 345
    rows = [[ws.cell(r, c).value for c in range(1, ws.max_column + 1)] for r in range(4, ws.max_row + 1)]
    fuxu = [r for r in rows if r[0] == "抚恤金"]
    assert len(fuxu) == 6 and {r[5] for r in fuxu} == {18.47}
    value = next(r for r in fuxu if r[-5] == "抚恤金金额")
    assert value[-4] == "=184722元" and ws.cell(4 + rows.index(value), len(header) - 3).data_type == "s"


def test_template_has_the_header_and_reads_back_once_filled(tmp_path):
    data = template_xlsx(2025)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["绩效目标", "填写说明"]
    ws = wb["绩效目标"]
    assert ws.cell(1, 1).value == "××局项目支出绩效目标表（2025年度）"
    header = [ws.cell(3, c).value for c in range(1, ws.max_column + 1)]
    assert header[6:11] == ["中央补助", "省级资金", "市级资金", "区县级资金", "其他资金"]
    # a finance officer fills two indicators of one project
    ws.cell(1, 1, "某县司法局项目支出绩效目标表（2025年度）")
    for r, (l1, l2, name, value) in enumerate([("产出指标", "数量指标", "法律援助案件数", "≥120件"),
                                               ("满意度指标", "服务对象满意度指标", "受援人满意度", "≥95%")], 4):
        for c, v in enumerate(["法律援助经费", None, "某县司法局", "某县法律援助中心", "保障困难群众获得法律援助", 30,
                               10, None, None, 20, None, "年度", l1, l2, name, value], 1):
            if v is not None:
                ws.cell(r, c, v)
    buffer = io.BytesIO()
    wb.save(buffer)
    document = parse_bytes("filled.xlsx", buffer.getvalue(), ".xlsx")
    assert document.layout == "flat" and document.fiscal_year == 2025
    [project] = document.projects
    assert (project.name, project.total_wan, project.implementing_unit) == ("法律援助经费", 30, "某县法律援助中心")
    assert [(f.source, f.level, f.amount_wan) for f in project.funding] == [
        ("中央补助", "central", 10), ("区县级资金", "county", 20)]
    assert [(i.level2, i.name, i.value) for i in project.indicators] == [
        ("数量指标", "法律援助案件数", "≥120件"), ("服务对象满意度指标", "受援人满意度", "≥95%")]
    # the instructions sheet is prose: it adds nothing to the reading
    assert not any("填写说明" in str(w) for w in document.warnings)


def test_disclosure_layout_with_merged_project_cells_and_a_single_header_row(tmp_path):
    """A disclosure export: 序号 and project columns merged down over the project's indicator rows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2024年项目支出绩效目标公开表"])
    ws.append(["序号", "项目名称", "年度资金总额", "一级指标", "二级指标", "三级指标", "指标值"])
    ws.append([1, "人民调解经费", 12.5, "产出指标", "数量指标", "调解案件数", "≥300件"])
    ws.append([None, None, None, None, "质量指标", "调解成功率", "≥95%"])
    ws.append([None, None, None, "满意度指标", "服务对象满意度指标", "当事人满意度", "≥90%"])
    ws.append([2, "社区矫正经费", 8, "产出指标", "数量指标", "矫正对象人数", "≥40人"])
    for col in "ABC":
        ws.merge_cells(f"{col}3:{col}5")
    ws.merge_cells("D3:D4")
    path = tmp_path / "disclosure.xlsx"
    wb.save(path)
    document = parse_file(path)
    assert document.layout == "flat"
    assert [(p.name, p.total_wan, [(i.level1, i.level2, i.name, i.value) for i in p.indicators])
            for p in document.projects] == [
        ("人民调解经费", 12.5, [("产出指标", "数量指标", "调解案件数", "≥300件"),
                          ("产出指标", "质量指标", "调解成功率", "≥95%"),
                          ("满意度指标", "服务对象满意度指标", "当事人满意度", "≥90%")]),
        ("社区矫正经费", 8, [("产出指标", "数量指标", "矫正对象人数", "≥40人")]),
    ]
    first = document.projects[0]
    assert first.indicators[1].ref == "Sheet!F4" and first.indicators[1].line_start == 5  # line 1: the sheet


def test_flat_layout_as_csv(tmp_path):
    text = ("项目名称,项目资金,一级指标,二级指标,三级指标,指标值\n"
            "法治宣传经费,10.4,产出指标,数量指标,宣传活动次数,≥1次\n"
            "法治宣传经费,10.4,效益指标,社会效益指标,群众法治意识,持续提升\n")
    document = parse_bytes("flat.csv", text.encode("gbk"), ".csv")
    assert document.layout == "flat"
    assert [(p.name, p.total_wan, [squash(i.name) for i in p.indicators]) for p in document.projects] == [
        ("法治宣传经费", 10.4, ["宣传活动次数", "群众法治意识"])]


def test_cli_export_and_template(sample_db, tmp_path):
    out = tmp_path / "out.xlsx"
    done = subprocess.run([sys.executable, "-m", "ingest", "export", "--xlsx", str(out), "--db", str(sample_db)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "已导出 42 个项目" in done.stdout
    assert openpyxl.load_workbook(out).active.max_row == 345 + 3
    template = tmp_path / "template.xlsx"
    done = subprocess.run([sys.executable, "-m", "ingest", "export", "--xlsx", str(template), "--template"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and openpyxl.load_workbook(template).sheetnames == ["绩效目标", "填写说明"]


@pytest.mark.parametrize("folder", [SAMPLE_DIR])
def test_load_accepts_every_supported_file_type_in_a_folder(folder, tmp_path):
    from ingest.loader import expand_paths
    from tests.make_file_fixtures import OUT

    found = {p.suffix for p in expand_paths([OUT])}
    assert found == {".xlsx", ".xls", ".docx", ".html", ".pdf"}
    assert len(expand_paths([folder])) == 5
