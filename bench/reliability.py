"""Bad and hostile input, tried for real: ``python -m bench.reliability`` prints the table of RELIABILITY.md.

Each kind of input is made here (in a temporary folder), loaded with ``python -m ingest load``'s own code into a
copy of the sample database, and checked: the command answers with a Chinese message and no traceback, and when
the file is refused the database is exactly as before (every table compared row by row). What a file does that is
read anyway (a GBK file, a label with a zero-width space) is shown as "read".
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

from bench.badfiles import (locked_pdf, locked_xlsx, no_table_workbook, old_doc_bytes, png_bytes, zip_bomb,
                             zip_bytes)
from ingest import loader
from ingest.parse import parse_file

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"
XIQING = SAMPLES / "tianjin_xiqing_2024.txt"
WORKBOOK = ROOT / "tests" / "fixtures" / "files" / "ningxia_pingluo_2024.xlsx"
PDF = ROOT / "tests" / "fixtures" / "files" / "hunan_yuanjiang_2024.pdf"


def _xiqing() -> str:
    return XIQING.read_text(encoding="utf-8")


def _cut_utf8() -> bytes:
    data = _xiqing().encode("utf-8")
    end = len(data) - 1
    while data[end] < 0x80:
        end -= 1
    return data[:end]


# (kind, file name, bytes)
CASES: list[tuple[str, str, Callable[[], bytes]]] = [
    ("0-byte file", "empty.txt", lambda: b""),
    ("only blank lines", "blank.txt", lambda: b"\n\n \t\n"),
    ("binary file named .txt", "random.txt", lambda: bytes(range(256)) * 40),
    ("a notice with no table", "notice.txt", lambda: "关于印发预算管理办法的通知\n各单位：\n现通知如下。\n".encode()),
    ("table words but no table", "prose.txt", lambda: "绩效目标\t说明\n本文件讨论项目名称的写法。\n".encode()),
    ("GBK text", "gbk.txt", lambda: _xiqing().encode("gbk")),
    ("Big5 text (traditional)", "big5.txt", lambda: "項目名稱\t培訓經費\n年度資金總額\t5\n一級指標\t二級指標\t三級指標"
     "\t指標值\n產出指標\t數量指標\t培訓人次\t不少於200人次\n滿意度指標\t服務對象滿意度指標\t學員滿意度\t不低於90%\n".encode("big5")),
    ("UTF-16 with an odd byte count", "odd16.txt", lambda: _xiqing().encode("utf-16")[:-1]),
    ("UTF-16 without BOM", "le16.txt", lambda: _xiqing().encode("utf-16-le")),
    ("UTF-8 cut inside a character", "cut8.txt", _cut_utf8),
    ("zero-width space inside 项目名称", "zw.txt", lambda: _xiqing().replace("项目名称", "项目\u200b名称").encode()),
    ("no-break space instead of the tab", "nbsp.txt",
     lambda: _xiqing().replace("项目名称\t", "项目名称\u00a0").encode()),
    ("vertical tab instead of the tab", "vt.txt", lambda: _xiqing().replace("项目名称\t", "项目名称\x0b").encode()),
    ("CR line ends and form feeds", "crff.txt", lambda: _xiqing().replace("\n", "\r").replace("\r项目", "\r\f项目")
     .encode()),
    ("file cut in the middle of a table", "cut.txt", lambda: "\n".join(_xiqing().split("\n")[:39]).encode()),
    ("Markdown/HTML/LaTeX in names", "payload.txt", lambda: _xiqing().replace(
        "抚恤金", "**粗体**$$x^2$$[x](http://127.0.0.1:9/)<<b>b>a href=x>![t](http://127.0.0.1:9/t.png)").encode()),
    ("formula in a cell (=, +, -, @)", "formula.txt", lambda: _xiqing().replace("=1人", "=1+1人").replace(
        "发放人数", "@SUM(A1)发放人数").encode()),
    ("25 MB text file", "huge.txt", lambda: b"x" * (25 * 1024 * 1024)),
    ("corrupt .xlsx (cut in half)", "corrupt.xlsx", lambda: WORKBOOK.read_bytes()[:len(WORKBOOK.read_bytes()) // 2]),
    ("ZIP archive renamed .xlsx", "tables.xlsx", lambda: zip_bytes({"a.txt": "项目名称\t法律援助".encode()})),
    ("xlsx zip bomb (300 MB unpacked)", "bomb.xlsx", zip_bomb),
    ("password-protected .xlsx", "locked.xlsx", lambda: locked_xlsx(WORKBOOK)),
    ("password-protected PDF", "locked.pdf", lambda: locked_pdf(PDF)),
    ("PNG image renamed .pdf", "scan.pdf", png_bytes),
    ("0-byte .xlsx", "empty.xlsx", lambda: b""),
    ("broken old binary Word .doc", "report.doc", old_doc_bytes),
    ("workbook without a target table", "通讯录.xlsx", no_table_workbook),
    ("100 MB file", "huge.pdf", lambda: b"%PDF-1.7\n" + b"\x00" * (100 * 1024 * 1024)),
]


def snapshot(db: Path) -> dict:
    con = loader.connect(db, read_only=True)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema='main' AND table_type='BASE TABLE'"
            " AND table_name <> 'load_log'").fetchall()]
        return {t: sorted(map(repr, con.execute(f'SELECT * FROM "{t}"').fetchall())) for t in tables}
    finally:
        con.close()


def run_case(db: Path, folder: Path, name: str, make: Callable[[], bytes]) -> tuple[str, str, bool]:
    """(status, message, database unchanged for a refused file)."""
    path = folder / name
    path.write_bytes(make())
    before = snapshot(db)
    [(_, status, message)] = loader.load_paths([path], db)
    unchanged = snapshot(db) == before if status == "failed" else True
    return status, message, unchanged


def cli(*args: str) -> tuple[int, str]:
    result = subprocess.run([sys.executable, "-m", "ingest", *args], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    return result.returncode, (result.stderr.strip() or result.stdout.strip()).splitlines()[-1]


def kill_during_loads(folder: Path, times: int = 5) -> tuple[str, str, bool, str]:
    """``kill -9`` a load of the samples part-way, five times: each time the database opens and holds only whole
    documents (every project, indicator and line of a document, or none)."""
    import os
    import signal
    import time

    ok = 0
    for k in range(times):
        db = folder / f"killed{k}.duckdb"
        proc = subprocess.Popen([sys.executable, "-m", "ingest", "load", str(SAMPLES), "--db", str(db)], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.6 + 0.3 * k)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        con = loader.connect(db)
        try:
            loader.ensure_schema(con)
            whole = con.execute(
                "SELECT bool_and(n_lines = line_count) FROM (SELECT d.line_count, (SELECT count(*) FROM source_lines s"
                " WHERE s.doc_id = d.doc_id) AS n_lines FROM documents d)").fetchone()[0]
            orphans = con.execute("SELECT count(*) FROM indicators i WHERE i.project_id IS NOT NULL AND"
                                  " i.project_id NOT IN (SELECT project_id FROM projects)").fetchone()[0]
            ok += whole is not False and orphans == 0
        finally:
            con.close()
    return (f"kill -9 during a load ({times} times)", "recovered", ok == times,
            f"{ok}/{times} 次：数据库可打开，只含完整的文件")


def main() -> int:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "base.duckdb"
        loader.load_paths([SAMPLES], db)
        for kind, name, make in CASES:
            status, message, unchanged = run_case(db, folder, name, make)
            held = "Traceback" not in message and "内部错误" not in message and unchanged
            rows.append((kind, {"failed": "refused", "skipped": "skipped"}.get(status, "read"), held, message))
        notdb = folder / "notes.txt"
        notdb.write_text("这不是数据库", encoding="utf-8")
        blocker = folder / "blocker"
        blocker.write_text("x")
        for kind, target in (("--db is a folder", folder), ("--db is not a database", notdb),
                             ("--db inside a file", blocker / "x.duckdb")):
            code, message = cli("load", str(XIQING), "--db", str(target))
            rows.append((kind, f"exit {code}", "Traceback" not in message and code == 2, message))
        locked = folder / "locked.duckdb"
        shutil.copy(db, locked)
        holder = loader.connect(locked)
        try:
            code, message = cli("load", str(XIQING), "--db", str(locked))
        finally:
            holder.close()
        rows.append(("database held by another process", f"exit {code}", code == 2, message))
        try:
            parse_file(folder)
        except Exception as exc:  # noqa: BLE001
            rows.append(("a folder given as the file", "refused", "Traceback" not in str(exc), str(exc)))
        rows.append(kill_during_loads(folder))
        stale = folder / ".fresh.duckdb.abc.building"
        shutil.copy(db, stale)
        loader.ensure_database(folder / "fresh.duckdb", SAMPLES)
        rows.append(("leftover of a killed first start", "cleaned", not stale.exists(),
                     "下次启动时删除半成品文件，重新建库" if not stale.exists() else "仍在"))
    print("| input | outcome | held | message |")
    print("|---|---|---|---|")
    for kind, outcome, held, message in rows:
        message = message.replace("|", "\\|").replace("\n", " ")
        print(f"| {kind} | {outcome} | {'yes' if held else 'NO'} | {message[:160]} |")
    return 0 if all(r[2] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
