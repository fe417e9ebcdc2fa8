"""Hostile and damaged input on the ingest side: bad database paths, OS errors in Chinese, leftovers of an
interrupted first start, signed numbers."""

from __future__ import annotations

import errno
import subprocess
import sys

import duckdb
import pytest

from ingest import loader
from ingest.errors import IngestError, os_error_zh
from ingest.parse import parse_file
from ingest.values import parse_target
from tests.helpers import ROOT, SAMPLES


def run_load(*args):
    return subprocess.run([sys.executable, "-m", "ingest", "load", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


@pytest.mark.parametrize("kind", ["directory", "not_a_database", "empty_folder_path"])
def test_bad_db_paths_give_a_chinese_message_and_exit_2(tmp_path, kind):
    if kind == "directory":
        db = tmp_path
    elif kind == "not_a_database":
        db = tmp_path / "notes.txt"
        db.write_text("这不是数据库", encoding="utf-8")
    else:
        blocker = tmp_path / "blocker"
        blocker.write_text("x")
        db = blocker / "sub" / "x.duckdb"  # a folder cannot be made inside a file
    result = run_load(str(SAMPLES / "qingdao_2023.txt"), "--db", str(db))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"无法打开数据库 {db}：")


def test_missing_folder_is_created(tmp_path):
    db = tmp_path / "new" / "folder" / "x.duckdb"
    result = run_load(str(SAMPLES / "qingdao_2023.txt"), "--db", str(db))
    assert result.returncode == 0 and db.exists()


def test_read_only_database_is_reported(tmp_path, monkeypatch):
    db = tmp_path / "x.duckdb"
    duckdb.connect(str(db)).close()
    monkeypatch.setattr(loader.os, "access", lambda path, mode: False)  # as a non-root user on a read-only disk
    with pytest.raises(loader.DatabaseOpenError, match="没有写入权限"):
        loader.connect(db)


def test_os_errors_are_translated():
    assert os_error_zh(IsADirectoryError(errno.EISDIR, "Is a directory")) == "这是一个文件夹，不是文件"
    assert os_error_zh(PermissionError(errno.EACCES, "Permission denied")) == "没有读写权限"
    assert "Is a directory" not in os_error_zh(OSError(errno.EISDIR, "Is a directory"))


def test_parsing_a_directory_says_so_in_chinese(tmp_path):
    with pytest.raises(IngestError) as caught:
        parse_file(tmp_path)
    assert caught.value.message_zh == "无法读取文件：这是一个文件夹，不是文件。"


def test_leftovers_of_an_interrupted_first_start_are_removed(tmp_path):
    target = tmp_path / "targetboard.duckdb"
    stale = tmp_path / ".targetboard.duckdb.abc123.building"
    con = duckdb.connect(str(stale))
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    wal = tmp_path / ".targetboard.duckdb.abc123.building.wal"
    wal.write_bytes(b"")
    orphan_wal = tmp_path / ".targetboard.duckdb.zzz.building.wal"
    orphan_wal.write_bytes(b"")
    loader.ensure_database(target, SAMPLES)
    assert target.exists()
    assert not stale.exists() and not wal.exists() and not orphan_wal.exists()


@pytest.mark.parametrize("value, op, number", [
    ("≥-5%", ">=", -5.0), ("-5%", "=", -5.0), ("－5%", "=", -5.0), ("≤-0.5万元", "<=", -0.5), ("−2%", "=", -2.0),
    ("≥ -5 %", ">=", -5.0),
])
def test_signed_numbers_read_as_signed(value, op, number):
    target = parse_target(value)
    assert (target.op, target.number) == (op, number)
    assert "text_before_number" not in target.flags


def test_a_minus_between_two_numbers_is_a_range():
    target = parse_target("5-10万元")
    assert (target.op, target.number, target.number_max, target.unit) == ("range", 5.0, 10.0, "万元")
    assert parse_target("-3至5%").number == -3.0


@pytest.mark.parametrize("encoding, cut", [("utf-16", 1), ("utf-8", 0), ("utf-16-le", 1)])
def test_a_file_cut_inside_its_last_character_is_read_with_a_warning(encoding, cut):
    from ingest.parse import parse_bytes

    text = (SAMPLES / "tianjin_xiqing_2024.txt").read_text(encoding="utf-8")
    data = text.encode(encoding)
    if encoding == "utf-8":  # cut inside the last multi-byte character
        end = len(data) - 1
        while data[end] < 0x80:
            end -= 1
        data = data[:end]
    else:
        data = data[:-cut]  # an odd number of bytes
    document = parse_bytes("cut.txt", data)
    assert len(document.projects) == 8 and sum(len(p.indicators) for p in document.projects) == 131
    assert [w.code for w in document.warnings].count("cut_character") == 1


BATCH = 100  # the crash test's batches: small, so that a few hundred files make several of them

CRASH_DURING_BULK_LOAD = f"""
import os, sys
from pathlib import Path
from ingest import loader
from ingest.parse import parse_file

loader.BATCH_SIZE = {BATCH}
seen = []

def parse(path):  # a crash (no clean-up, no checkpoint) while the second batch is being read
    seen.append(path)
    if len(seen) == loader.BATCH_SIZE + 50:
        os._exit(9)
    return parse_file(path)

loader.load_paths([Path(sys.argv[1])], Path(sys.argv[2]), parse=parse, workers=1)  # in this process
"""


def test_a_crash_in_a_bulk_load_keeps_the_written_batches_whole(tmp_path):
    """Loading many files, the file is rewritten only at the end (the batches' commits go to the write-ahead log):
    a process that dies in the second batch leaves the first batch, whole, and nothing of the second; loading the
    folder again adds the rest."""
    from bench.generate import generate

    folder = tmp_path / "synthetic"
    files = generate(3000, folder, seed=3)  # 4–9 projects a file, as fitted to the samples and the corpus
    assert len(files) > BATCH + 50
    db = tmp_path / "bulk.duckdb"
    run = subprocess.run([sys.executable, "-c", CRASH_DURING_BULK_LOAD, str(folder), str(db)], cwd=ROOT,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 9, run.stderr
    con = loader.connect(db, read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == BATCH
        whole = con.execute(
            "SELECT bool_and(n_lines = line_count) FROM (SELECT d.line_count, (SELECT count(*) FROM source_lines s"
            " WHERE s.doc_id = d.doc_id) AS n_lines FROM documents d)").fetchone()[0]
        assert whole
        orphans = con.execute("SELECT count(*) FROM projects WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
        assert orphans.fetchone()[0] == 0
    finally:
        con.close()
    results = loader.load_paths([folder], db)
    assert sum(r[1] == "skipped" for r in results) == BATCH
    assert sum(r[1] == "loaded" for r in results) == len(files) - BATCH
    con = loader.connect(db, read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM projects").fetchone()[0] == 3000
    finally:
        con.close()
