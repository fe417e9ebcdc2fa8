"""Bad files: each is refused with a Chinese message that says what to do instead, and the database is unchanged.

Every bad file is made here, in tmp_path (none is committed): a corrupt workbook, a ZIP archive renamed .xlsx, a
"zip bomb", password-protected .xlsx and PDF, an image renamed .pdf, empty files, a broken old binary .doc, a workbook
without a target table and a 100 MB file. Each is loaded with the loader into a database that already holds a
document: the load fails, ``load_log`` names the reason, every other table is exactly as before.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from bench.badfiles import (OLE, locked_pdf, locked_xlsx, no_table_workbook, old_doc_bytes, png_bytes, zip_bomb,
                             zip_bytes)
from ingest import loader
from ingest.errors import IngestError
from ingest.parse import parse_file
from tests.make_file_fixtures import OUT

TABLES = ("documents", "source_lines", "parse_warnings", "projects", "funding", "indicators", "empty_slots",
          "spending_plan", "department_overall")
WORKBOOK = OUT / "ningxia_pingluo_2024.xlsx"


def snapshot(db: Path) -> dict[str, list[tuple]]:
    con = loader.connect(db, read_only=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}
    finally:
        con.close()


@pytest.fixture(scope="module")
def loaded(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bad") / "db.duckdb"
    assert loader.load_paths([OUT / "hunan_yuanjiang_2024.docx"], path)[0][1] == "loaded"
    return path


@pytest.fixture
def db(loaded, tmp_path) -> Path:
    """A database holding one document (a copy per test)."""
    path = tmp_path / "db.duckdb"
    shutil.copy(loaded, path)
    return path


def refuse(db: Path, path: Path, *expected: str) -> str:
    """Load ``path``: it fails with a message holding every ``expected`` phrase; the database is unchanged."""
    before = snapshot(db)
    [(source, status, message)] = loader.load_paths([path], db)
    assert status == "failed", message
    for phrase in expected:
        assert phrase in message, message
    assert "Traceback" not in message and "内部错误" not in message
    assert snapshot(db) == before
    con = loader.connect(db, read_only=True)
    try:
        logged = con.execute("SELECT status, message FROM load_log ORDER BY log_id DESC LIMIT 1").fetchone()
    finally:
        con.close()
    assert logged == ("failed", message)
    with pytest.raises(IngestError) as caught:
        parse_file(path)
    assert caught.value.source == path.name
    return message


def test_corrupt_xlsx(db, tmp_path):
    data = WORKBOOK.read_bytes()
    path = tmp_path / "corrupt.xlsx"
    path.write_bytes(data[: len(data) // 2])  # cut off while downloading
    refuse(db, path, "已损坏", "重新下载")


def test_xlsx_with_a_broken_part(db, tmp_path):
    """A valid archive whose workbook XML is damaged."""
    with zipfile.ZipFile(WORKBOOK) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["xl/workbook.xml"] = b"<workbook><sheets><sheet name=" + b"\x00" * 20
    path = tmp_path / "broken.xlsx"
    path.write_bytes(zip_bytes(members))
    refuse(db, path, "Excel 文件已损坏", "另存")


def test_zip_renamed_xlsx(db, tmp_path):
    path = tmp_path / "tables.xlsx"
    path.write_bytes(zip_bytes({"绩效目标表.txt": "项目名称\t法律援助".encode(), "说明.doc": b"x"}))
    refuse(db, path, "ZIP 压缩包", "不是 Excel", "先解压")


def test_xlsx_zip_bomb_is_refused_before_unpacking(db, tmp_path):
    data = zip_bomb(300)  # 300 MB of XML, a few hundred KB packed
    assert len(data) < 2 * 1024 * 1024
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(data)
    refuse(db, path, "压缩炸弹", "拒绝读取")


def test_password_protected_xlsx(db, tmp_path):
    path = tmp_path / "locked.xlsx"
    path.write_bytes(locked_xlsx(WORKBOOK))
    assert path.read_bytes()[:8] == OLE
    refuse(db, path, "设有打开密码", "取消密码")


def test_password_protected_pdf(db, tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(locked_pdf(OUT / "hunan_yuanjiang_2024.pdf"))
    refuse(db, path, "PDF 设有打开密码", "不加密")


def test_image_renamed_pdf(db, tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(png_bytes())
    refuse(db, path, "PNG 图片", "不是PDF", ".png")


@pytest.mark.parametrize("name", ["empty.xlsx", "empty.pdf", "empty.docx", "empty.txt", "empty.png"])
def test_zero_byte_file(db, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    refuse(db, path, "文件为空")


def test_broken_old_binary_doc(db, tmp_path):
    # an OLE container naming a WordDocument stream and nothing a Word file holds (read as a .doc whatever its
    # suffix: an old Word file renamed .docx is one)
    data = old_doc_bytes()
    for name in ("report.doc", "renamed.docx"):
        path = tmp_path / name
        path.write_bytes(data)
        refuse(db, path, "旧版 Word 文档（.doc）", "另存为 .docx 或 PDF")


def test_workbook_without_a_target_table(db, tmp_path):
    path = tmp_path / "通讯录.xlsx"
    path.write_bytes(no_table_workbook())
    refuse(db, path, "没有找到任何绩效目标表", "Excel 模板")


def test_100_mb_file_is_refused_by_size(db, tmp_path, monkeypatch):
    monkeypatch.delenv("TARGETBOARD_MAX_UPLOAD_MB", raising=False)
    path = tmp_path / "huge.pdf"
    with open(path, "wb") as f:
        f.write(b"%PDF-1.7\n")
        f.truncate(100 * 1024 * 1024)
    message = refuse(db, path, "文件过大", "100.0 MB", "20 MB", "TARGETBOARD_MAX_UPLOAD_MB")
    assert "只保留绩效目标表" in message


def test_size_limit_is_configurable(tmp_path, monkeypatch):
    monkeypatch.setenv("TARGETBOARD_MAX_UPLOAD_MB", "0.01")
    with pytest.raises(IngestError, match="超过每个文件 0.01 MB 的上限"):
        parse_file(WORKBOOK)
    monkeypatch.setenv("TARGETBOARD_MAX_UPLOAD_MB", "5")
    assert len(parse_file(WORKBOOK).projects) == 6


def test_text_file_in_a_chinese_encoding_is_detected():
    from ingest.parse import parse_bytes
    from tests.helpers import SAMPLES, parsed

    text = (SAMPLES / "tianjin_xiqing_2024.txt").read_text(encoding="utf-8")
    for encoding, expected in (("gb18030", "gb18030"), ("utf-16-le", "utf-16")):
        document = parse_bytes("xiqing.txt", text.encode(encoding))
        assert document.encoding == expected
        assert [p.name for p in document.projects] == [p.name for p in parsed("xiqing").projects]
    big5 = "項目名稱\t法律援助經費\n績效目標\t為困難群眾提供法律援助。\n".encode("big5")
    from ingest.readers.text import decode_text

    decoded = decode_text("big5.txt", big5)
    assert decoded.encoding == "big5" and decoded.lines[0] == "項目名稱\t法律援助經費"
    assert [w.code for w in decoded.warnings] == ["encoding_big5"]


def test_pdf_renamed_txt_says_what_it_is(tmp_path):
    path = tmp_path / "table.txt"
    path.write_bytes((OUT / "hunan_yuanjiang_2024.pdf").read_bytes())
    with pytest.raises(IngestError, match="这是 PDF 文件.*扩展名改为 .pdf"):
        parse_file(path)
