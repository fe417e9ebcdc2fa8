"""The import page's logic (ui/importing.py) and the one-writer design, without a browser.

The dashboard process holds one read-write connection; sessions read on cursors of it while an import writes one
file per transaction on another cursor: a reader keeps the snapshot it started with, and sees the new data once
its next query starts. Another process cannot write meanwhile: the command line says so in Chinese.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from ingest import loader
from tests.helpers import ROOT
from tests.make_file_fixtures import OUT
from ui import importing


@pytest.fixture
def db(sample_db, tmp_path):
    path = tmp_path / "db.duckdb"
    shutil.copy(sample_db, path)
    return path


def previews(*names: str) -> list[importing.Preview]:
    return [importing.read_upload(name, (OUT / name).read_bytes()) for name in names]


def test_preview_reads_without_writing(db):
    before = loader.connect(db, read_only=True)
    n = before.execute("SELECT count(*) FROM projects").fetchone()[0]
    before.close()
    [xlsx, pdf] = previews("02_yongde-minglangzhongxue_jiaoyu_2022.xlsx", "hunan_yuanjiang_2024.pdf")
    assert xlsx.readable and pdf.readable and not xlsx.error
    summary = importing.summary_table([xlsx, pdf], replace=False)
    assert summary["项目数"].tolist() == ["1", "9"] and summary["项目指标数"].tolist() == ["9", "11"]
    assert summary["资金总额（万元）"].tolist() == [38.766462, 148.736]
    table = importing.projects_table(pdf.document)
    assert table["项目名称"].iloc[0] == "社区矫正专项" and table["位置"].iloc[0] == "第1页"
    assert table["项目名称"].iloc[-1] == "部门整体：沅江市司法局"
    project = pdf.document.projects[0]
    lines = importing.numbered_lines(pdf.document.lines, project.line_start, project.line_end)
    assert lines.splitlines()[3].split("┃")[1].strip().startswith("项目名称")
    indicators = importing.indicators_table(project)
    assert indicators.columns.tolist() == ["一级指标", "二级指标", "三级指标", "指标值", "原文行"]
    assert indicators["三级指标"].tolist() == ["社区服刑人员个案矫正率", "社区服刑人员电子监管率"]
    con = loader.connect(db, read_only=True)
    assert con.execute("SELECT count(*) FROM projects").fetchone()[0] == n
    con.close()


def test_duplicates_by_content_and_the_same_table_in_another_format(db):
    text = importing.read_upload("copy.txt", (ROOT / "sample_data" / "hunan_yuanjiang_2024.txt").read_bytes())
    [pdf] = previews("hunan_yuanjiang_2024.pdf")
    con = loader.connect(db)
    try:
        importing.mark_duplicates(con, [text, pdf])
    finally:
        con.close()
    assert text.duplicate_of == "hunan_yuanjiang_2024.txt"  # same bytes, another name
    assert text.status(replace=False) == "已导入过，将跳过" and text.status(replace=True) == "将替换原记录"
    assert pdf.duplicate_of is None and pdf.similar_to == "hunan_yuanjiang_2024.txt"


def test_load_writes_each_file_in_its_own_transaction(db):
    items = previews("02_yongde-minglangzhongxue_jiaoyu_2022.xlsx", "ningxia_pingluo_2024.pdf")
    items.append(importing.read_upload("bad.xlsx", b"PK\x03\x04 broken"))
    items.append(importing.read_upload("copy.txt", (ROOT / "sample_data" / "qingdao_2023.txt").read_bytes()))
    con = loader.connect(db)
    try:
        results = importing.load_previews(con, items, replace=False)
        assert [r[1] for r in results] == ["loaded", "loaded", "failed", "skipped"]
        assert "已损坏" in results[2][2]
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 7
        assert con.execute("SELECT status FROM load_log ORDER BY log_id DESC LIMIT 4").fetchall() == [
            ("skipped",), ("failed",), ("loaded",), ("loaded",)]
        again = importing.load_previews(con, items[1:2], replace=True)
        assert again[0][1] == "replaced"
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 7
    finally:
        con.close()


def test_readers_keep_their_snapshot_while_an_import_writes(db):
    """One connection, as the dashboard holds it: a reading cursor inside its transaction does not see the rows
    an import cursor commits; a new query does."""
    con = loader.connect(db)
    try:
        reader = con.cursor()
        reader.execute("BEGIN TRANSACTION")
        before = reader.execute("SELECT count(*) FROM projects").fetchone()[0]
        writer = con.cursor()
        [preview] = previews("ningxia_pingluo_2024.docx")
        assert importing.load_previews(writer, [preview], replace=False)[0][1] == "loaded"
        assert reader.execute("SELECT count(*) FROM projects").fetchone()[0] == before
        reader.execute("COMMIT")
        assert con.cursor().execute("SELECT count(*) FROM projects").fetchone()[0] == before + 6
    finally:
        con.close()


def test_command_line_cannot_write_while_the_dashboard_holds_the_database(db, tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from ingest.loader import connect; c = connect(sys.argv[1]); "
                               "print('ready', flush=True); time.sleep(60)", str(db)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        done = subprocess.run([sys.executable, "-m", "ingest", "load", str(OUT / "qingdao_2023.xlsx"), "--db", str(db)],
                              cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert done.returncode == 2
        assert "数据库正被其他程序占用" in done.stderr and "Traceback" not in done.stderr
    finally:
        holder.kill()
        holder.wait()


def test_size_limit_on_upload():
    preview = importing.read_upload("big.xlsx", b"PK\x03\x04" + b"0" * 2_000_000, limit_mb=1)
    assert not preview.readable and "超过每个文件 1 MB 的上限" in preview.error


def test_clear_query_caches_makes_pages_query_again(monkeypatch, db):
    """After a load every page sees the new data: the cached query functions are cleared."""
    import pages._shared as shared

    calls = []
    monkeypatch.setattr(shared._run, "clear", lambda: calls.append("run"))
    monkeypatch.setattr(shared._review, "clear", lambda: calls.append("review"))
    shared.clear_query_caches()
    assert calls == ["run", "review"]


def test_an_old_word_file_previews_and_is_known_as_the_same_table(db):
    # Yuanjiang's form as Word 97-2003 (.doc, saved by LibreOffice from the .docx fixture): previewed like any file
    # (9 projects, 11 project indicators, as the sample), and known as the sample already in the database
    [doc] = previews("hunan_yuanjiang_2024.doc")
    assert doc.readable and not doc.error
    summary = importing.summary_table([doc], replace=False)
    assert summary["项目数"].tolist() == ["9"] and summary["项目指标数"].tolist() == ["11"]
    con = loader.connect(db)
    try:
        importing.mark_duplicates(con, [doc])
    finally:
        con.close()
    assert doc.duplicate_of is None and doc.similar_to == "hunan_yuanjiang_2024.txt"
