"""The DuckDB store: schema, loader transactions, load_paths / CLI, first-start database, themes, contracts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from ingest import loader, themes
from ingest.errors import IngestError
from tests.conftest import ROOT, SAMPLE_DIR, make_document

DATA_TABLES = ("documents", "department_overall", "projects", "funding", "spending_plan", "indicators",
               "empty_slots")
ALL_TABLES = DATA_TABLES + ("load_log",)

LEVEL1 = {"产出指标", "效益指标", "满意度指标", "成本指标"}
LEVEL2 = {"数量指标", "质量指标", "时效指标", "成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标",
          "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标"}
KINDS = {"percent", "count", "money", "deadline", "duration", "number", "qualitative", "placeholder", "empty"}
LEVELS = {"central", "provincial", "city", "county", "fiscal", "other"}


def snapshot(con, tables=DATA_TABLES) -> dict:
    return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables}


def counts(con, tables=ALL_TABLES) -> dict:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


@pytest.fixture
def con(tmp_path):
    c = loader.connect(tmp_path / "store.duckdb")
    loader.ensure_schema(c)
    yield c
    c.close()


# ------------------------------------------------------------------------------------------------------------------
# Loading hand-built documents
# ------------------------------------------------------------------------------------------------------------------


def test_ensure_schema_is_idempotent(con):
    loader.ensure_schema(con)
    loader.ensure_schema(con)
    assert counts(con) == {t: 0 for t in ALL_TABLES}


def test_load_document_writes_every_table(con):
    assert loader.load_document(con, make_document()) == "loaded"
    assert counts(con) == {"documents": 1, "department_overall": 1, "projects": 2, "funding": 4, "spending_plan": 4,
                           "indicators": 12, "empty_slots": 2, "load_log": 1}
    doc = con.execute("SELECT jurisdiction, fiscal_year, warnings, line_count FROM documents").fetchone()
    assert doc == ("测试区", 2024, ["测试提示"], 30)
    projects = con.execute("SELECT sequence, name, theme, theme_keyword, total_wan FROM projects ORDER BY 1").fetchall()
    assert projects == [(1, "法律援助经费", "法律援助", "法律援助", 30.0), (2, "抚恤金", "人员与保障", "抚恤", 5.0)]
    row = con.execute("SELECT target_pct, flags, op FROM indicators WHERE name = '受援人满意度'").fetchone()
    assert row == (95.0, ["approximate"], ">=")
    date = con.execute("SELECT target_date::VARCHAR FROM indicators WHERE name = '补贴发放时间'").fetchone()[0]
    assert date == "2024-12-31"
    assert con.execute("SELECT target_wan FROM indicators WHERE name = '案件补贴'").fetchone()[0] == 30.0
    assert con.execute("SELECT value FROM indicators WHERE name = '长效机制'").fetchone()[0] == ""
    dept = con.execute("SELECT count(*) FROM indicators WHERE project_id IS NULL AND dept_overall_id IS NOT NULL")
    assert dept.fetchone()[0] == 2
    plan = con.execute("SELECT period, value FROM spending_plan ORDER BY period_index").fetchall()
    assert plan == [("3月底", 20.0), ("6月底", None), ("10月底", 60.0), ("12月底", 100.0)]
    assert con.execute("SELECT status FROM load_log").fetchall() == [("loaded",)]


def test_same_document_twice_is_skipped(con):
    loader.load_document(con, make_document())
    before = snapshot(con)
    assert loader.load_document(con, make_document()) == "skipped"
    assert snapshot(con) == before
    status, message = con.execute("SELECT status, message FROM load_log ORDER BY log_id DESC LIMIT 1").fetchone()
    assert status == "skipped" and "已加载，跳过" in message


def test_replace_reloads_in_place(con):
    loader.load_document(con, make_document())
    loader.load_document(con, make_document(sha="b" * 64, jurisdiction="乙区"))
    before = counts(con, DATA_TABLES)
    old_id = con.execute("SELECT doc_id FROM documents WHERE sha256 = ?", ["a" * 64]).fetchone()[0]
    changed = make_document()
    changed.projects[0].name = "法律援助经费（更正）"
    assert loader.load_document(con, changed, replace=True) == "replaced"
    assert counts(con, DATA_TABLES) == before
    new_id = con.execute("SELECT doc_id FROM documents WHERE sha256 = ?", ["a" * 64]).fetchone()[0]
    assert new_id != old_id
    names = con.execute("SELECT name FROM projects WHERE doc_id = ? ORDER BY sequence", [new_id]).fetchall()
    assert names[0][0] == "法律援助经费（更正）"
    assert_referential_integrity(con)


def test_replace_of_a_new_document_loads_it(con):
    assert loader.load_document(con, make_document(), replace=True) == "loaded"


@pytest.mark.parametrize("fail_on", ["projects", "funding", "indicators", "empty_slots", "spending_plan"])
def test_failed_load_leaves_database_exactly_as_before(con, monkeypatch, fail_on):
    loader.load_document(con, make_document(sha="b" * 64, jurisdiction="乙区"))
    before = snapshot(con)
    real_insert = loader._insert

    def failing_insert(c, table, rows):
        if table == fail_on:
            real_insert(c, table, rows[:1])  # some rows of this table are written too
            raise RuntimeError("simulated failure")
        return real_insert(c, table, rows)

    monkeypatch.setattr(loader, "_insert", failing_insert)
    with pytest.raises(RuntimeError, match="simulated failure"):
        loader.load_document(con, make_document())
    assert snapshot(con) == before
    status, message = con.execute("SELECT status, message FROM load_log ORDER BY log_id DESC LIMIT 1").fetchone()
    assert status == "failed" and "simulated failure" in message
    monkeypatch.setattr(loader, "_insert", real_insert)
    assert loader.load_document(con, make_document()) == "loaded"  # the connection is usable afterwards


def test_failed_replace_keeps_the_old_rows(con, monkeypatch):
    loader.load_document(con, make_document())
    before = snapshot(con)

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(loader, "_insert", boom)
    with pytest.raises(RuntimeError):
        loader.load_document(con, make_document(), replace=True)
    assert snapshot(con) == before


def test_constraint_violation_rolls_back(con):
    before = snapshot(con)
    bad = make_document()
    bad.projects[1].indicators[0].target.kind = "not-a-kind"
    with pytest.raises(duckdb.ConstraintException):
        loader.load_document(con, bad)
    assert snapshot(con) == before
    assert con.execute("SELECT status FROM load_log").fetchall() == [("failed",)]


# ------------------------------------------------------------------------------------------------------------------
# load_paths, CLI, lock, first start
# ------------------------------------------------------------------------------------------------------------------


def fake_parser(docs: dict):
    """A parse function that returns hand-built documents by file name (or raises what is given)."""

    def parse(path):
        item = docs[Path(path).name]
        if isinstance(item, Exception):
            raise item
        return item

    return parse


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for name in ("a.txt", "b.tsv", "c.csv", "d.txt", "skip.odt"):  # .odt: no reader, not loaded
        (d / name).write_text(name, encoding="utf-8")
    (d / "sub").mkdir()
    (d / "sub" / "e.txt").write_text("e", encoding="utf-8")
    return d


def folder_docs():
    return {
        "a.txt": make_document(sha="1" * 64, jurisdiction="甲区", source="a.txt"),
        "b.tsv": make_document(sha="2" * 64, jurisdiction="乙区", source="b.tsv"),
        "c.csv": IngestError("c.csv", "无法识别版式。", line=3),
        "d.txt": make_document(sha="4" * 64, jurisdiction="丁区", source="d.txt"),
    }


def test_load_paths_folder_continues_after_parse_errors(folder, tmp_path):
    db = tmp_path / "x.duckdb"
    results = loader.load_paths([folder], db, parse=fake_parser(folder_docs()))
    assert [(Path(s).name, st) for s, st, _ in results] == [
        ("a.txt", "loaded"), ("b.tsv", "loaded"), ("c.csv", "failed"), ("d.txt", "loaded")]
    assert "第 3 行" in results[2][2] and "无法识别版式" in results[2][2]
    con = loader.connect(db, read_only=True)
    try:
        first = counts(con)
        assert first["documents"] == 3
    finally:
        con.close()
    again = loader.load_paths([folder], db, parse=fake_parser(folder_docs()))
    assert [st for _, st, _ in again] == ["skipped", "skipped", "failed", "skipped"]
    assert all("已加载，跳过" in m for _, st, m in again if st == "skipped")
    con = loader.connect(db, read_only=True)
    try:
        assert counts(con, DATA_TABLES) == {k: v for k, v in first.items() if k != "load_log"}
        statuses = [r[0] for r in con.execute("SELECT status FROM load_log ORDER BY log_id").fetchall()]
        assert statuses == ["loaded", "loaded", "failed", "loaded", "skipped", "skipped", "failed", "skipped"]
    finally:
        con.close()


def test_rows_built_by_the_parse_workers_are_the_documents_loaded_one_by_one(tmp_path):
    """Files parsed on two worker processes, whose rows cross to the writer as Arrow tables with ids counted per
    chunk, give the same rows as loading each parsed document alone; a bad file and a duplicate inside the chunk
    split it without losing or mixing a row."""
    from ingest.parse import parse_file

    samples = ["tianjin_xiqing_2024.txt", "ningxia_pingluo_2024.txt", "hebei_funing_2020.txt",
               "hunan_yuanjiang_2024.txt", "qingdao_2023.txt"]
    folder = tmp_path / "in"
    folder.mkdir()
    names = ["1.txt", "2.txt", "3_empty.txt", "4_copy_of_1.txt", "5.txt", "6.txt", "7.txt"]
    for name, sample in zip(names, [samples[0], samples[1], None, samples[0], *samples[2:]]):
        (folder / name).write_bytes((SAMPLE_DIR / sample).read_bytes() if sample else b"")
    results = loader.load_paths([folder], tmp_path / "pool.duckdb", workers=2)
    assert [st for _, st, _ in results] == ["loaded", "loaded", "failed", "skipped", "loaded", "loaded", "loaded"]
    alone = loader.connect(tmp_path / "alone.duckdb")
    loader.ensure_schema(alone)
    for sample in samples:
        assert loader.load_document(alone, parse_file(SAMPLE_DIR / sample)) == "loaded"
    # every indicator with its project and document, by content rather than by id
    rows = """SELECT d.sha256, p.sequence, p.name, p.total_wan, i.position, i.level1, i.level2, i.name, i.value,
                     i.target_number, i.line_start
              FROM indicators i JOIN projects p USING (project_id) JOIN documents d ON d.doc_id = i.doc_id
              ORDER BY ALL"""
    pooled = loader.connect(tmp_path / "pool.duckdb", read_only=True)
    try:
        got = pooled.execute(rows).fetchall()
        assert got == alone.execute(rows).fetchall()
        assert len(got) == 345  # the samples' project indicators
        assert pooled.execute("SELECT count(*) FROM projects").fetchone()[0] == 42
        assert pooled.execute("SELECT count(*) FROM indicators WHERE dept_overall_id IS NOT NULL").fetchone()[0] == 12
        funding = "SELECT d.sha256, p.sequence, f.position, f.level, f.amount_wan FROM funding f JOIN projects p" \
                  " USING (project_id) JOIN documents d ON d.doc_id = f.doc_id ORDER BY ALL"
        assert pooled.execute(funding).fetchall() == alone.execute(funding).fetchall()
        lines = "SELECT d.sha256, count(*), sum(hash(l.line_no, l.text)) FROM source_lines l JOIN documents d" \
                " USING (doc_id) GROUP BY ALL ORDER BY ALL"
        assert pooled.execute(lines).fetchall() == alone.execute(lines).fetchall()
        assert_referential_integrity(pooled)
    finally:
        pooled.close()
        alone.close()


def test_table_columns_are_the_schema(con):
    """ingest.rows writes each table in the column order and types of ingest/schema.sql."""
    from ingest.rows import TABLE_COLUMNS

    for table, columns in TABLE_COLUMNS.items():
        created = con.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?"
                              " AND table_schema = 'main' ORDER BY ordinal_position", [table]).fetchall()
        assert [c for c in created if c[0] != "place_name"] == list(columns.items()), table


def test_load_paths_missing_file_and_parser_crash(tmp_path):
    (tmp_path / "crash.txt").write_text("x", encoding="utf-8")
    results = loader.load_paths([tmp_path / "missing.txt", tmp_path / "crash.txt"], tmp_path / "x.duckdb",
                                parse=fake_parser({"crash.txt": ValueError("bug")}))
    assert [st for _, st, _ in results] == ["failed", "failed"]
    assert "文件不存在" in results[0][2] and "bug" in results[1][2]


def test_main_load_exit_codes_and_messages(folder, tmp_path, capsys):
    db = tmp_path / "cli.duckdb"
    ok = {k: v for k, v in folder_docs().items() if k != "c.csv"}
    assert loader.main_load([str(folder / "a.txt"), str(folder / "b.tsv"), "--db", str(db)],
                            parse=fake_parser(ok)) == 0
    out = capsys.readouterr().out
    assert "已导入" in out and "共 2 个文件" in out
    assert loader.main_load([str(folder), "--db", str(db)], parse=fake_parser(folder_docs())) == 1
    captured = capsys.readouterr()
    assert "已跳过" in captured.out and "无法识别版式" in captured.err
    assert loader.main_load([str(folder / "a.txt"), "--db", str(db), "--replace"], parse=fake_parser(ok)) == 0
    assert "已替换" in capsys.readouterr().out


HOLD_DB = textwrap.dedent("""
    import sys, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True,
                         config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    print("ready", flush=True)
    sys.stdin.read()
""")


def test_locked_database_gives_chinese_message_and_is_not_touched(tmp_path, capsys):
    db = tmp_path / "locked.duckdb"
    con = loader.connect(db)
    loader.ensure_schema(con)
    loader.load_document(con, make_document())
    before = snapshot(con, ALL_TABLES)
    con.close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD_DB, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(loader.DatabaseLockedError):
            loader.connect(db)
        code = loader.main_load([str(ROOT / "sample_data"), "--db", str(db)],
                                parse=fake_parser({}))
        assert code != 0
        assert "数据库正被其他程序占用" in capsys.readouterr().err
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    con = loader.connect(db, read_only=True)
    try:
        assert snapshot(con, ALL_TABLES) == before
    finally:
        con.close()


def test_ensure_database_builds_once_without_leftovers(folder, tmp_path):
    db = tmp_path / "data" / "targetboard.duckdb"
    ok = {k: v for k, v in folder_docs().items() if k != "c.csv"}
    ok["c.csv"] = make_document(sha="3" * 64, jurisdiction="丙区", source="c.csv")
    assert loader.ensure_database(db, folder, parse=fake_parser(ok)) == db
    assert sorted(p.name for p in db.parent.iterdir()) == ["targetboard.duckdb"]
    con = loader.connect(db, read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 4
    finally:
        con.close()
    mtime = db.stat().st_mtime_ns
    loader.ensure_database(db, folder, parse=fake_parser({}))  # exists: not rebuilt
    assert db.stat().st_mtime_ns == mtime


def test_ensure_database_failure_leaves_no_file(folder, tmp_path, monkeypatch):
    db = tmp_path / "data" / "targetboard.duckdb"

    def crash(*args, **kwargs):
        raise RuntimeError("interrupted")

    monkeypatch.setattr(loader, "load_paths", crash)
    with pytest.raises(RuntimeError):
        loader.ensure_database(db, folder, parse=fake_parser({}))
    assert list(db.parent.iterdir()) == []


# ------------------------------------------------------------------------------------------------------------------
# Themes
# ------------------------------------------------------------------------------------------------------------------

SAMPLE_THEMES = [
    # Xiqing
    ("抚恤金", None, "人员与保障"),
    ("法治宣传经费", None, "普法宣传"),
    ("人民调解经费", None, "人民调解"),
    ("社区矫正经费", None, "社区矫正"),
    ("区政府外聘法律顾问经费", None, "法治政府与行政复议"),
    ("公共法律服务、人民调解和司法所工作等经费", None, "公共法律服务"),
    ("公共法律服务、人民调解和司法所工作等经费(第二批)", None, "公共法律服务"),
    ("法律援助经费", None, "法律援助"),
    # Pingluo
    ("提前退休人员 2024 年住房公积金", None, "人员与保障"),
    ("基层服务专项计划县配经费（司法协理员）", None, "人员与保障"),
    ("政府长聘人员经费（调解员）", None, "人民调解"),
    ("安置帮教工作经费 25 万元，社区矫正工作经费 13 万元", None, "社区矫正"),
    ("依法行政和行政复议、法治政府建设工作及行政执法人员培训经费", None, "法治政府与行政复议"),
    ("普法宣传教育经费、人民调解“以案定补”等专项经费 20 万元", None, "普法宣传"),
    # Qingdao
    ("法律培训费", None, "人员与保障"),
    ("法律职业资格考试费", "通过规范化组织我市法律职业资格考试，实现年末圆满完成考试任务。", "其他"),
    ("法治专项业务费", "通过统筹推进法治政府建设、行政立法、行政复议、行政应诉等工作", "法治政府与行政复议"),
    ("惠企法律服务费", None, "公共法律服务"),
    ("警用服装费", None, "人员与保障"),
    ("普法人民监督员涉法涉诉经费", None, "普法宣传"),
    ("新公共法律服务中心配套经费", None, "公共法律服务"),
    ("政务信息化项目运维服务资金", None, "人员与保障"),
    ("法律援助及12348业务费", None, "法律援助"),
    ("公共法律服务中心建设运行费", None, "公共法律服务"),
    # Funing
    ("公用取暖费", None, "人员与保障"),
    ("普法宣传", None, "普法宣传"),
    ("提前下达 2020 年社区矫正补助经费 (2020) 15 号", None, "社区矫正"),
    ("提前下达 2020 年中央政法纪检监察转移支付资金 (2020) 12 号", "区矫正工作体? 法行政基层基", "社区矫正"),
    ("行政复议行政 文诉讼工作经费", None, "法治政府与行政复议"),
    # Yuanjiang
    ("社区矫正专项", None, "社区矫正"),
    ("三调联动工作经费", None, "人民调解"),
    ("安置帮教工作经费", None, "社区矫正"),
    ("“以奖代补”案卷补贴", None, "人民调解"),
    ("依法治市工作经费", None, "法治政府与行政复议"),
    ("普法宣传专项经费", None, "普法宣传"),
    ("法律顾问法治工作经费", None, "法治政府与行政复议"),
    ("政府购买人民调解等服务", None, "人民调解"),
    ("医疗纠纷调解委员会", None, "人民调解"),
]


@pytest.mark.parametrize("name,goal,theme", SAMPLE_THEMES)
def test_theme_of_sample_projects(name, goal, theme):
    assert themes.classify(name, goal)[0] == theme


def test_theme_table_and_default():
    assert themes.themes() == ("法律援助", "人民调解", "社区矫正", "普法宣传", "法治政府与行政复议", "公共法律服务",
                               "人员与保障", "其他")
    assert themes.classify("办公设备购置", None) == ("其他", None)
    assert themes.classify("专项经费", "开展普法宣传活动") == ("普法宣传", "普法")  # goal used when name says nothing
    assert themes.classify("人民调解经费", "普法") == ("人民调解", "人民调解")  # the name wins over the goal


# ------------------------------------------------------------------------------------------------------------------
# Contract of the sample database (needs the parser)
# ------------------------------------------------------------------------------------------------------------------

EXPECTED = {  # jurisdiction: (fiscal_year, projects, project indicators, department-wide indicators)
    "西青区": (2024, 8, 131, 0),
    "平罗县": (2024, 6, 69, 0),
    "抚宁区": (2020, 9, 54, 0),
    "沅江市": (2024, 9, 11, 12),
    "青岛市": (2023, 10, 80, 0),
}


def assert_referential_integrity(con):
    orphans = {
        "projects": "SELECT count(*) FROM projects p LEFT JOIN documents d USING (doc_id) WHERE d.doc_id IS NULL",
        "department_overall": "SELECT count(*) FROM department_overall o LEFT JOIN documents d USING (doc_id)"
                              " WHERE d.doc_id IS NULL",
        "spending_plan": "SELECT count(*) FROM spending_plan s LEFT JOIN projects p USING (project_id)"
                         " WHERE p.project_id IS NULL",
    }
    for table in ("funding", "indicators", "empty_slots"):
        orphans[table] = (
            f"SELECT count(*) FROM {table} t LEFT JOIN projects p ON p.project_id = t.project_id"
            f" LEFT JOIN department_overall o ON o.dept_overall_id = t.dept_overall_id"
            f" WHERE p.project_id IS NULL AND o.dept_overall_id IS NULL"
        )
    for table, sql in orphans.items():
        assert con.execute(sql).fetchone()[0] == 0, table


def test_sample_row_counts_per_document(sample_con):
    rows = sample_con.execute("""
        SELECT d.jurisdiction, d.fiscal_year,
               (SELECT count(*) FROM projects p WHERE p.doc_id = d.doc_id),
               (SELECT count(*) FROM indicators i JOIN projects p USING (project_id) WHERE p.doc_id = d.doc_id),
               (SELECT count(*) FROM indicators i JOIN department_overall o USING (dept_overall_id)
                 WHERE o.doc_id = d.doc_id)
        FROM documents d""").fetchall()
    assert {r[0]: tuple(r[1:]) for r in rows} == EXPECTED


def test_sample_not_null_unique_and_integrity(sample_con):
    con = sample_con
    assert_referential_integrity(con)
    for table, cols in {
        "documents": ("source", "sha256", "layout", "encoding", "jurisdiction", "province", "department",
                      "fiscal_year"),
        "projects": ("name", "total_wan", "theme", "line_start", "line_end"),
        "indicators": ("level1", "level2", "name", "value", "target_kind"),
        "funding": ("source", "level", "amount_wan"),
    }.items():
        for col in cols:
            assert con.execute(f"SELECT count(*) FROM {table} WHERE {col} IS NULL").fetchone()[0] == 0, (table, col)
    for table, key in {"documents": "sha256", "projects": "doc_id, sequence", "indicators": "indicator_id",
                       "spending_plan": "project_id, period_index"}.items():
        dup = con.execute(f"SELECT count(*) FROM (SELECT {key} FROM {table} GROUP BY ALL HAVING count(*) > 1)")
        assert dup.fetchone()[0] == 0, table
    seqs = con.execute("SELECT doc_id, list(sequence ORDER BY sequence) FROM projects GROUP BY doc_id").fetchall()
    for _, seq in seqs:
        assert seq == list(range(1, len(seq) + 1))


def test_sample_accepted_values(sample_con):
    con = sample_con

    def values(sql):
        return {r[0] for r in con.execute(sql).fetchall()}

    assert values("SELECT DISTINCT level1 FROM indicators") <= LEVEL1
    assert values("SELECT DISTINCT level2 FROM indicators") <= LEVEL2
    assert values("SELECT DISTINCT target_kind FROM indicators") <= KINDS
    assert values("SELECT DISTINCT level FROM funding") <= LEVELS
    assert values("SELECT DISTINCT theme FROM projects") <= set(themes.themes())
    assert values("SELECT DISTINCT unit FROM spending_plan") <= {"%", "万元"}
    assert values("SELECT DISTINCT status FROM load_log") == {"loaded"}
    # target_pct is set exactly when the unit is %, or for a satisfaction target printed as a bare number 50-100
    assert con.execute("SELECT count(*) FROM indicators WHERE (target_pct IS NOT NULL) <> "
                       "(target_number IS NOT NULL AND (target_unit = '%' OR level1 = '满意度指标'"
                       " AND target_unit IS NULL AND target_kind = 'number' AND target_number_max IS NULL"
                       " AND target_number BETWEEN 50 AND 100))").fetchone()[0] == 0


def test_sample_line_ranges_within_file(sample_con):
    for table in ("projects", "department_overall", "v_indicators", "v_empty_slots"):
        bad = sample_con.execute(f"""
            SELECT count(*) FROM {table} t JOIN documents d ON d.doc_id = t.doc_id
            WHERE t.line_start < 1 OR t.line_end < t.line_start OR t.line_end > d.line_count""").fetchone()[0]
        assert bad == 0, table


def test_sample_funding_adds_up_to_project_totals(sample_con):
    bad = sample_con.execute("""
        SELECT name, total_wan, funding_wan FROM v_projects
        WHERE funding_wan IS NULL OR abs(total_wan - funding_wan) > 0.00005""").fetchall()
    assert bad == []


@pytest.fixture
def sample_copy(sample_db, tmp_path):
    copy = tmp_path / "copy.duckdb"
    shutil.copy(sample_db, copy)
    return copy


def test_loading_the_sample_folder_twice_skips(sample_copy):
    con = loader.connect(sample_copy, read_only=True)
    before = counts(con, DATA_TABLES)
    con.close()
    results = loader.load_paths([SAMPLE_DIR], sample_copy)
    assert [st for _, st, _ in results] == ["skipped"] * 5
    con = loader.connect(sample_copy, read_only=True)
    try:
        assert counts(con, DATA_TABLES) == before
    finally:
        con.close()


def test_cli_replace_reloads_the_sample_folder(sample_copy, capsys):
    con = loader.connect(sample_copy, read_only=True)
    before = counts(con, DATA_TABLES)
    old_ids = {r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall()}
    con.close()
    assert loader.main_load([str(SAMPLE_DIR), "--db", str(sample_copy), "--replace"]) == 0
    assert capsys.readouterr().out.count("已替换") == 5
    con = loader.connect(sample_copy, read_only=True)
    try:
        assert counts(con, DATA_TABLES) == before
        assert not old_ids & {r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall()}
        assert_referential_integrity(con)
    finally:
        con.close()


def test_real_cli_loads_folder_reports_bad_files_and_locks(tmp_path):
    """``python -m ingest load`` end to end: a bad file is reported, the others load, a locked db is refused."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE_DIR / "tianjin_xiqing_2024.txt", folder / "a_xiqing.txt")
    (folder / "b_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    db = tmp_path / "cli.duckdb"

    def run(*args):
        return subprocess.run([sys.executable, "-m", "ingest", "load", *args, "--db", str(db)], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)

    first = run(str(folder))
    assert first.returncode == 1, first.stderr
    assert "已导入" in first.stdout and "b_binary.txt" in first.stderr
    second = run(str(folder / "a_xiqing.txt"))
    assert second.returncode == 0 and "已跳过" in second.stdout
    holder = subprocess.Popen([sys.executable, "-c", HOLD_DB, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        locked = run(str(folder / "a_xiqing.txt"), "--replace")
        assert locked.returncode != 0 and "数据库正被其他程序占用" in locked.stderr
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    con = loader.connect(db, read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM projects").fetchone()[0] == 8
        assert [r[0] for r in con.execute("SELECT status FROM load_log ORDER BY log_id").fetchall()] == [
            "loaded", "failed", "skipped"]
    finally:
        con.close()


def test_a_batch_with_one_bad_document_loads_the_others_and_leaves_the_bad_one_out(tmp_path):
    from ingest.model import FundingSource

    good = [make_document(sha=c * 64, jurisdiction=f"区{c}", source=f"{c}.txt") for c in "bcd"]
    bad = make_document(sha="e" * 64, jurisdiction="坏区", source="bad.txt")
    bad.projects[0].funding.append(FundingSource("神秘资金", "martian", 1.0))  # violates the level CHECK
    con = loader.connect(tmp_path / "batch.duckdb")
    loader.ensure_schema(con)
    statuses = loader.load_documents(con, [good[0], bad, good[1], good[2]])
    assert statuses[0] == statuses[2] == statuses[3] == "loaded"
    assert statuses[1].startswith("failed:")
    assert sorted(r[0] for r in con.execute("SELECT source FROM documents").fetchall()) == ["b.txt", "c.txt", "d.txt"]
    orphans = "SELECT count(*) FROM projects WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
    assert con.execute(orphans).fetchone()[0] == 0
    assert con.execute("SELECT status FROM load_log WHERE source = 'bad.txt'").fetchall() == [("failed",)]
    again = loader.load_documents(con, good)
    assert again == ["skipped"] * 3


def test_the_display_lines_and_structured_warnings_are_stored_with_the_document(tmp_path):
    import queries
    from ingest.parse import parse_file

    document = parse_file(SAMPLE_DIR / "hunan_yuanjiang_2024.txt")
    con = loader.connect(tmp_path / "lines.duckdb")
    loader.ensure_schema(con)
    loader.load_document(con, document)
    doc_id = con.execute("SELECT doc_id FROM documents").fetchone()[0]
    lines = queries.run(con, "document_lines", doc_id=doc_id)
    assert len(lines) == 1504 and lines["line_no"].tolist()[:3] == [1, 2, 3]
    assert lines["text"].iloc[170].startswith("填表人：孙娟")  # line 171 as printed (masked only on screen)
    stored = con.execute("SELECT code, line_start, message FROM parse_warnings ORDER BY position").fetchall()
    assert [(w.code, w.line_start, w.message) for w in document.warnings] == stored
