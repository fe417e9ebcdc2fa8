"""Write parsed documents (ingest.model.Document) into DuckDB.

Public API:

- ``connect(db_path, read_only=False)``: a DuckDB connection with extension auto-loading off; raises
  ``DatabaseLockedError`` when another process holds the file.
- ``ensure_schema(con)``: create the tables, views and macros of ``ingest/schema.sql`` (idempotent).
- ``load_document(con, doc, replace=False) -> "loaded" | "replaced" | "skipped"``: one transaction per document.
  On any exception the transaction is rolled back (the database is exactly as before), the failure is written to
  ``load_log`` and the exception is re-raised.
- ``load_documents(con, docs, replace=False)`` / ``write_rows(con, parts, replace=False)``: many documents (or their
  rows, ``ingest.rows``) in one transaction with one insert per table; if the batch fails, each document is written
  in its own transaction, so a bad one is left out alone.
- ``load_paths(paths, db_path, replace=False, parse=None) -> [(source, status, message), ...]``: files or folders
  (a folder means its files of the types in ``FILE_SUFFIXES``, sorted); parse errors are reported and the next
  file is read.
- ``main_load(argv, parse=None) -> int``: the ``python -m ingest load PATH... [--db FILE] [--replace]`` command.
- ``ensure_database(db_path, sample_dir, parse=None) -> Path``: build the default database from the sample folder
  when it does not exist (into a temporary file renamed at the end).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence, Union

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from ingest.errors import IngestError, os_error_zh
from ingest.model import Document
from ingest.rows import DOCUMENT_TABLES, ID_COLUMNS, TABLE_COLUMNS, Rows, arrow_table
from ingest.rows import build as build_rows

SCHEMA_PATH = Path(__file__).parent / "schema.sql"
SCHEMA_VERSION = 3  # raise when schema.sql changes a table: an older database file is then rebuilt or refused
DEFAULT_DB = Path("data") / "targetboard.duckdb"
DUCKDB_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
# Every type a reader exists for (ingest.readers.READERS); a folder is read for these.
FILE_SUFFIXES = (".txt", ".tsv", ".csv", ".xlsx", ".xlsm", ".xls", ".docx", ".pdf", ".png", ".jpg", ".jpeg",
                 ".html", ".htm", ".mhtml", ".mht")

PathLike = Union[str, os.PathLike]
ParseFn = Callable[[str], Document]

LOCKED_MESSAGE = "数据库正被其他程序占用（例如正在运行的看板），请先关闭该程序后再导入：{path}"


class DatabaseLockedError(Exception):
    """The database file is held by another process (DuckDB allows one writer or many readers)."""

    def __init__(self, path: PathLike, detail: str = ""):
        self.path = str(path)
        self.message_zh = LOCKED_MESSAGE.format(path=self.path)
        self.detail = detail
        super().__init__(self.message_zh)


# ---------------------------------------------------------------------------------------------------------------
# Connection and schema
# ---------------------------------------------------------------------------------------------------------------


class DatabaseOpenError(Exception):
    """The database path cannot be used (a folder, not a DuckDB file, no permission, a missing folder …)."""

    def __init__(self, path: PathLike, reason_zh: str):
        self.path = str(path)
        self.message_zh = f"无法打开数据库 {self.path}：{reason_zh}"
        super().__init__(self.message_zh)


def connect(db_path: PathLike, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open ``db_path`` (``":memory:"`` allowed). Creates the parent folder when writing.

    Raises ``DatabaseLockedError`` when another process holds the file and ``DatabaseOpenError`` (a Chinese message)
    when the path cannot be a database."""
    path = str(db_path)
    if path != ":memory:":
        target = Path(path)
        if target.is_dir():
            raise DatabaseOpenError(path, "这是一个文件夹，请指定一个数据库文件（如 data/targetboard.duckdb）。")
        if target.exists() and not _looks_like_duckdb(target):
            raise DatabaseOpenError(path, "这个文件不是 TargetBoard 的 DuckDB 数据库，请换一个文件名。")
        if read_only and not target.exists():
            raise DatabaseOpenError(path, "文件不存在。")
        if not read_only:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseOpenError(path, f"无法创建所在文件夹（{os_error_zh(exc)}）。") from exc
            if target.exists() and not os.access(target, os.W_OK) or not os.access(target.parent, os.W_OK):
                raise DatabaseOpenError(path, "没有写入权限（文件或所在文件夹是只读的）。")
    try:
        return duckdb.connect(path, read_only=read_only, config=dict(DUCKDB_CONFIG))
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise DatabaseLockedError(path, str(exc)) from exc
        raise DatabaseOpenError(path, "文件无法作为数据库打开（可能已损坏或是只读的）。") from exc
    except OSError as exc:
        raise DatabaseOpenError(path, os_error_zh(exc)) from exc


def _looks_like_duckdb(path: Path) -> bool:
    """A DuckDB file carries the magic ``DUCK`` at offset 8 (an empty file is not a database yet)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(12)
    except OSError:
        return True  # let DuckDB report it
    return len(head) == 0 or head[8:12] == b"DUCK"


class SchemaVersionError(Exception):
    """The database file was written by an older version of TargetBoard."""

    def __init__(self, path: PathLike, found: Optional[int]):
        self.path = str(path)
        self.found = found
        self.message_zh = (f"数据库文件 {self.path} 由旧版本创建（结构版本 {found or 1}，当前 {SCHEMA_VERSION}），"
                           "请删除后重新导入，或换一个新的数据库文件。")
        super().__init__(self.message_zh)


def schema_version(con: duckdb.DuckDBPyConnection) -> Optional[int]:
    """The schema version stored in the database, None for an empty database, 1 for files before versioning."""
    tables = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
    if "documents" not in tables:
        return None
    if "schema_info" not in tables:
        return 1
    row = con.execute("SELECT max(version) FROM schema_info").fetchone()
    return int(row[0]) if row and row[0] is not None else None  # created, version not yet written


def ensure_schema(con: duckdb.DuckDBPyConnection, path: PathLike = "") -> None:
    """Create the tables, views and macros (idempotent); refuse a database of an older schema version."""
    found = schema_version(con)
    if found is not None and found != SCHEMA_VERSION:
        raise SchemaVersionError(path, found)
    con.execute("BEGIN TRANSACTION")  # the tables and their version together, even if the process is killed
    try:
        con.execute(SCHEMA_PATH.read_text(encoding="utf-8"))
        if found is None:
            con.execute("DELETE FROM schema_info")
            con.execute("INSERT INTO schema_info VALUES (?)", [SCHEMA_VERSION])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


# ---------------------------------------------------------------------------------------------------------------
# Writing rows
# ---------------------------------------------------------------------------------------------------------------

# Children first: the order in which a document's rows are deleted.
_DELETE_ORDER = ("review_findings", "project_coverage", "doc_coverage", "doc_targets", "doc_funding", "spending_plan",
                 "funding", "indicators", "empty_slots", "projects", "department_overall", "source_lines",
                 "parse_warnings", "documents")


def _insert(con: duckdb.DuckDBPyConnection, table: str, data: Union[pa.Table, Sequence[tuple]]) -> None:
    """Insert ``data`` (an Arrow table of ``ingest.rows.SCHEMAS[table]``, or tuples in its column order) in one
    statement.

    The rows go to DuckDB as one Arrow table, column by column, cast to the table's types in the INSERT (writing
    5,000 generated projects: 2.2–2.8 s of CPU against 3.1 s when each column was bound as a typed list parameter,
    itself seven times faster than a multi-row VALUES list). Values are never formatted into the SQL text.
    """
    tb_rows = data if isinstance(data, pa.Table) else arrow_table(table, data)  # noqa: F841 - read by name below
    if not tb_rows.num_rows:
        return
    columns = TABLE_COLUMNS[table]
    select = ", ".join(f"CAST({c} AS {t}) AS {c}" for c, t in columns.items())
    # FROM tb_rows: DuckDB reads the local Arrow table by its name (a replacement scan; registering it instead is
    # refused while the transaction's previous statement still holds its result)
    con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select} FROM tb_rows")


def _next_id(con: duckdb.DuckDBPyConnection, table: str, column: str) -> int:
    return int(con.execute(f"SELECT coalesce(max({column}), 0) + 1 FROM {table}").fetchone()[0])


def _log(con: duckdb.DuckDBPyConnection, source: str, sha256: Optional[str], status: str, message: str,
         doc_id: Optional[int] = None) -> None:
    log_id = _next_id(con, "load_log", "log_id")
    con.execute(
        "INSERT INTO load_log (log_id, source, sha256, status, message, doc_id, logged_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [log_id, source, sha256, status, message, doc_id, dt.datetime.now()],
    )


def log_failure(con: duckdb.DuckDBPyConnection, source: str, sha256: Optional[str], message: str) -> None:
    """Record a file that could not be read (its own small transaction), as ``load_paths`` does."""
    _log(con, source, sha256, "failed", message)


def _new_doc_id(con: duckdb.DuckDBPyConnection) -> int:
    # Never reuse an id that a replaced document had: load_log remembers every id written.
    row = con.execute(
        "SELECT greatest((SELECT coalesce(max(doc_id), 0) FROM documents),"
        " (SELECT coalesce(max(doc_id), 0) FROM load_log)) + 1"
    ).fetchone()
    return int(row[0])


def _delete_document(con: duckdb.DuckDBPyConnection, doc_id: int) -> None:
    for table in _DELETE_ORDER:  # every table carries doc_id
        con.execute(f"DELETE FROM {table} WHERE doc_id = $doc", {"doc": doc_id})


class _Ids:
    """Next free ids of the child tables, read once inside the transaction."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        sql = "SELECT " + ", ".join(f"(SELECT coalesce(max({k}), 0) + 1 FROM {t})" for t, k in ID_COLUMNS.items())
        self.next = dict(zip(ID_COLUMNS, (int(v) for v in con.execute(sql).fetchone())))


def _placed(table: pa.Table, doc_ids: pa.Array, bases: dict[str, int]) -> pa.Table:
    """``table`` (ids counted from 0 in its ``Rows``) with database ids: ``doc_id`` looked up in ``doc_ids``, every
    other id plus the base of the table it names."""
    for i, name in enumerate(table.column_names):
        col = table.column(i)
        if name == "doc_id":
            col = pc.take(doc_ids, col)
        elif name == "project_id":
            col = pc.add(col, pa.scalar(bases["projects"], pa.int32()))
        elif name == "dept_overall_id":
            col = pc.add(col, pa.scalar(bases["department_overall"], pa.int32()))
        elif name in _OWN_IDS:
            col = pc.add(col, pa.scalar(bases[_OWN_IDS[name]], pa.int32()))
        else:
            continue
        table = table.set_column(i, name, col)
    return table


_OWN_IDS = {column: table for table, column in ID_COLUMNS.items() if column not in ("project_id", "dept_overall_id")}


# Summaries written with the rows they summarise (same transaction), for the documents first..last of a write.
_COVERAGE_SQL = """
    INSERT INTO project_coverage (project_id, doc_id, theme, category, category_order, n_indicators)
    WITH counts AS (
        SELECT project_id, category, count(*) AS n
        FROM v_indicators
        WHERE doc_id BETWEEN $lo AND $hi AND scope = 'project' AND category IS NOT NULL
        GROUP BY project_id, category
    )
    SELECT p.project_id, p.doc_id, p.theme, c.category, c.category_order, coalesce(n.n, 0)
    FROM projects p
    CROSS JOIN v_category_list c
    LEFT JOIN counts n ON n.project_id = p.project_id AND n.category = c.category
    WHERE p.doc_id BETWEEN $lo AND $hi AND NOT p.truncated
"""
_FUNDING_SQL = """
    INSERT INTO doc_funding (doc_id, theme, level, amount_wan, n_projects, sources)
    SELECT f.doc_id, p.theme, f.level, sum(f.amount_wan),
           count(DISTINCT f.project_id) FILTER (WHERE f.amount_wan > 0), list_sort(list(DISTINCT f.source))
    FROM funding f
    JOIN projects p ON p.project_id = f.project_id
    WHERE f.doc_id BETWEEN $lo AND $hi AND p.doc_id BETWEEN $lo AND $hi
    GROUP BY f.doc_id, p.theme, f.level
"""
_DOC_COVERAGE_SQL = """
    INSERT INTO doc_coverage (doc_id, theme, category, category_order, n_projects, n_covering, n_indicators)
    SELECT doc_id, theme, category, category_order, count(*), count(*) FILTER (WHERE n_indicators > 0),
           sum(n_indicators)
    FROM project_coverage
    WHERE doc_id BETWEEN $lo AND $hi
    GROUP BY doc_id, theme, category, category_order
"""
_DOC_TARGETS_SQL = """
    INSERT INTO doc_targets (doc_id, theme, n_indicators, n_quantified, n_qualitative, n_placeholder, n_empty,
                             n_satisfaction, n_satisfaction_pct, n_ge_90, n_lt_80, n_eq_100)
    SELECT doc_id, theme, count(*),
           count(*) FILTER (WHERE target_class = 'quantified'), count(*) FILTER (WHERE target_class = 'qualitative'),
           count(*) FILTER (WHERE target_class = 'placeholder'), count(*) FILTER (WHERE target_kind = 'empty'),
           count(*) FILTER (WHERE level1 = '满意度指标'), count(target_pct) FILTER (WHERE level1 = '满意度指标'),
           count(*) FILTER (WHERE level1 = '满意度指标' AND target_pct >= 90),
           count(*) FILTER (WHERE level1 = '满意度指标' AND target_pct < 80),
           count(*) FILTER (WHERE level1 = '满意度指标' AND target_pct = 100)
    FROM v_indicators
    WHERE doc_id BETWEEN $lo AND $hi AND scope = 'project'
    GROUP BY doc_id, theme
"""
# place_name: the name, or city (province) + name when another loaded place (adcode) has the same name.
_PLACE_NAMES_SQL = """
    UPDATE documents SET place_name = CASE WHEN s.n_places > 1
        THEN coalesce(nullif(documents.city, documents.jurisdiction), documents.province, '') || documents.jurisdiction
        ELSE documents.jurisdiction END
    FROM (SELECT jurisdiction, count(DISTINCT coalesce(adcode, jurisdiction)) AS n_places
          FROM documents
          WHERE jurisdiction IN (SELECT jurisdiction FROM documents WHERE doc_id BETWEEN $lo AND $hi)
             OR list_contains($names, jurisdiction)
          GROUP BY jurisdiction) s
    WHERE documents.jurisdiction = s.jurisdiction
"""


def _write_summaries(con: duckdb.DuckDBPyConnection, lo: int, hi: int, names: Sequence[str] = ()) -> None:
    """Coverage per project, funding per document, theme and level, display names of the places, and the review
    findings of the documents ``lo``..``hi`` (in the caller's transaction); ``names``: names of documents deleted in
    this transaction."""
    from review import engine

    con.execute(_COVERAGE_SQL, {"lo": lo, "hi": hi})
    con.execute(_FUNDING_SQL, {"lo": lo, "hi": hi})
    con.execute(_DOC_COVERAGE_SQL, {"lo": lo, "hi": hi})
    con.execute(_DOC_TARGETS_SQL, {"lo": lo, "hi": hi})
    con.execute(_PLACE_NAMES_SQL, {"lo": lo, "hi": hi, "names": [n for n in names if n]})
    if engine.stored_fingerprint(con) == engine.rules_fingerprint():
        engine.review_documents(con, lo, hi)
    else:  # the rules changed since the stored findings were written (or none were): every document anew
        con.execute("DELETE FROM review_findings")
        first = con.execute("SELECT min(doc_id) FROM documents").fetchone()[0]
        engine.review_documents(con, min(first, lo) if first is not None else lo, hi)
        engine.mark_current(con)




Part = tuple[Rows, Sequence[int]]  # documents of a Rows, by their position in it


def _write_parts(con: duckdb.DuckDBPyConnection, parts: Sequence[Part], replace: bool) -> list[str]:
    """Write the documents of ``parts`` in the caller's transaction, one insert per table; return each document's
    status (``loaded`` / ``replaced`` / ``skipped``)."""
    infos = [rows.docs[i] for rows, positions in parts for i in positions]
    shas = list(dict.fromkeys(d.sha256 for d in infos))
    existing = {sha: (doc_id, source) for doc_id, source, sha in con.execute(
        "SELECT doc_id, source, sha256 FROM documents WHERE list_contains($shas, sha256)", {"shas": shas}).fetchall()}
    deleted_names: list[str] = []
    if replace and existing:
        deleted_names = [r[0] for r in con.execute(
            "SELECT DISTINCT jurisdiction FROM documents WHERE list_contains($ids, doc_id)",
            {"ids": [doc_id for doc_id, _ in existing.values()]}).fetchall()]
        for doc_id, _ in existing.values():
            _delete_document(con, doc_id)
    ids = _Ids(con)
    first_doc = next_doc = _new_doc_id(con)
    next_log = _next_id(con, "load_log", "log_id")
    placed: dict[str, list[pa.Table]] = {table: [] for table in DOCUMENT_TABLES}
    log: list[tuple] = []
    statuses: list[str] = []
    seen: dict[str, str] = {}
    now = dt.datetime.now()
    for rows, positions in parts:
        doc_ids: list[Optional[int]] = [None] * len(rows.docs)
        for i in positions:
            info = rows.docs[i]
            if info.sha256 in seen or (info.sha256 in existing and not replace):
                first = existing.get(info.sha256, (None, seen.get(info.sha256)))
                log.append((next_log, info.source, info.sha256, "skipped",
                            f"已加载，跳过（与已导入的 {first[1]} 内容相同）", first[0], now))
                next_log += 1
                statuses.append("skipped")
                continue
            status = "replaced" if info.sha256 in existing else "loaded"
            message = ("已重新导入（替换原记录）：" if status == "replaced" else "已导入：") + info.summary
            log.append((next_log, info.source, info.sha256, status, message, next_doc, now))
            doc_ids[i] = next_doc
            seen[info.sha256] = info.source
            next_doc += 1
            next_log += 1
            statuses.append(status)
        keep = [i for i, doc_id in enumerate(doc_ids) if doc_id is not None]
        if not keep:
            continue
        bases = dict(ids.next)
        for table in ID_COLUMNS:  # the ids of rows left out below stay unused
            ids.next[table] += rows.tables[table].num_rows if table in rows.tables else 0
        lookup = pa.array(doc_ids, pa.int32())
        for table, tb in rows.tables.items():
            if len(keep) < len(rows.docs):
                tb = tb.filter(pc.is_in(tb.column("doc_id"), value_set=pa.array(keep, pa.int32())))
            placed[table].append(_placed(tb, lookup, bases))
    if placed["documents"]:
        documents = pa.concat_tables(placed["documents"])
        placed["documents"] = [documents.set_column(
            documents.schema.get_field_index("loaded_at"), "loaded_at",
            pa.array([now] * documents.num_rows, pa.timestamp("us")))]
    for table in DOCUMENT_TABLES:
        if placed[table]:
            _insert(con, table, pa.concat_tables(placed[table]))
    if next_doc > first_doc:
        _write_summaries(con, first_doc, next_doc - 1, deleted_names)
    _insert(con, "load_log", log)
    return statuses


def _load_one(con: duckdb.DuckDBPyConnection, rows: Rows, position: int, replace: bool) -> str:
    """Write one document of ``rows`` in its own transaction; on failure roll back, log and re-raise."""
    con.execute("BEGIN TRANSACTION")  # outside the try: a caller's open transaction is never rolled back here
    try:
        status = _write_parts(con, [(rows, [position])], replace)[0]
        con.execute("COMMIT")
        return status
    except BaseException as exc:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass
        info = rows.docs[position]
        try:
            _log(con, info.source, info.sha256, "failed", f"导入失败，数据库未改动：{exc}")
        except Exception:  # noqa: BLE001 - logging must not hide the original error
            pass
        raise


def load_document(con: duckdb.DuckDBPyConnection, doc: Document, replace: bool = False) -> str:
    """Write ``doc`` in one transaction; return ``"loaded"``, ``"replaced"`` or ``"skipped"``.

    A document whose sha256 is already stored is skipped, or, with ``replace=True``, deleted and written again
    within the same transaction. Every attempt is recorded in ``load_log``.
    """
    return _load_one(con, build_rows([doc]), 0, replace)


def write_rows(con: duckdb.DuckDBPyConnection, parts: Sequence[Part], replace: bool = False) -> list[str]:
    """Write many documents; return the status of each (``loaded`` / ``replaced`` / ``skipped`` /
    ``failed:<message>``).

    The batch is written in one transaction with one insert per table (the fast path). If anything in it fails,
    the transaction is rolled back and the documents are written one by one, so each file still loads completely
    or not at all; a document that fails is logged and reported.
    """
    if not any(positions for _, positions in parts):
        return []
    con.execute("BEGIN TRANSACTION")
    try:
        statuses = _write_parts(con, parts, replace)
        con.execute("COMMIT")
        return statuses
    except Exception:  # noqa: BLE001 - fall back to one transaction per document
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass
    statuses = []
    for rows, positions in parts:
        for i in positions:
            try:
                statuses.append(_load_one(con, rows, i, replace))
            except Exception as exc:  # noqa: BLE001 - rolled back and logged by _load_one
                statuses.append(f"failed:{exc}")
    return statuses


def load_documents(con: duckdb.DuckDBPyConnection, docs: Sequence[Document], replace: bool = False) -> list[str]:
    """Write many parsed documents (see :func:`write_rows`)."""
    return write_rows(con, [(build_rows(docs), range(len(docs)))], replace)


# ---------------------------------------------------------------------------------------------------------------
# Files and folders
# ---------------------------------------------------------------------------------------------------------------


def expand_paths(paths: Iterable[PathLike]) -> list[Path]:
    """Files as given; for a folder, its files of the types in ``FILE_SUFFIXES`` sorted by name."""
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(sorted(f for f in path.iterdir() if f.is_file() and f.suffix.lower() in FILE_SUFFIXES))
        else:
            out.append(path)
    return out


def _default_parse() -> ParseFn:
    from ingest.parse import parse_file  # the parser lands separately

    return parse_file


# Documents written per transaction when loading many files (each still all-or-nothing). A batch has a fixed cost
# (its summaries and the 22 review rules run once for all its documents): writing 5,000 generated projects took
# 4.2 s of CPU in batches of 200 documents and 2.0–2.9 s in batches of 500–1,300.
BATCH_SIZE = 1000
BULK_CHECKPOINT = "1GB"  # write-ahead log size before the file is rewritten, when loading many batches
CHUNK = 8  # files a parse worker reads and turns into rows at a time

_SKIP: set[str] = set()  # sha256 of the documents already loaded (set before the worker processes fork)
SKIPPED = "skipped"


def _parse_one(source: str, parse: ParseFn) -> tuple[Optional[str], Optional[Document], Optional[str]]:
    """(sha256, document, error message) for one file. A file already loaded is not parsed again (error message
    ``SKIPPED``)."""
    path = Path(source)
    try:
        data = path.read_bytes()
    except OSError as exc:
        message = "文件不存在" if isinstance(exc, FileNotFoundError) else f"无法读取文件（{os_error_zh(exc)}）"
        return None, None, message
    sha = hashlib.sha256(data).hexdigest()
    if sha in _SKIP:
        return sha, None, SKIPPED
    try:
        return sha, parse(source), None
    except IngestError as exc:
        return sha, None, exc.message_zh if exc.line is None else f"第 {exc.line} 行：{exc.message_zh}"
    except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the other files
        return sha, None, f"读取时出现内部错误：{type(exc).__name__}: {exc}"


def _parse_chunk(job: tuple[Sequence[str], ParseFn]) -> tuple[list[tuple[str, Optional[str], Optional[str]]], Rows]:
    """What a parse worker returns for a few files: ``(source, sha256, error message)`` per file, and the rows of
    the files read, in file order (built here, on the worker's core)."""
    sources, parse = job
    parsed = [(source, *_parse_one(source, parse)) for source in sources]
    docs = [doc for _, _, doc, _ in parsed if doc is not None]
    try:
        rows = build_rows(docs)
    except Exception:  # noqa: BLE001 - find the document whose rows cannot be built: it is reported, the others load
        for k, (source, sha, doc, _) in enumerate(parsed):
            if doc is not None:
                try:
                    build_rows([doc])
                except Exception as exc:  # noqa: BLE001
                    parsed[k] = (source, sha, None, f"读取时出现内部错误：{type(exc).__name__}: {exc}")
        docs = [doc for _, _, doc, _ in parsed if doc is not None]
        rows = build_rows(docs)
    return [(source, sha, error) for source, sha, _, error in parsed], rows


def parse_chunks(files: Sequence[Path], parse: ParseFn, workers: Optional[int] = None):
    """Parse files on every core, ``CHUNK`` at a time (in file order); yields ``_parse_chunk`` results."""
    workers = workers or min(len(files), os.cpu_count() or 1)
    jobs = [([str(p) for p in files[i:i + CHUNK]], parse) for i in range(0, len(files), CHUNK)]
    if workers <= 1 or len(files) < 4 or getattr(parse, "__qualname__", "<") != getattr(parse, "__name__", ">"):
        # in this process: few files, or a parse function that cannot be sent to another process (a closure)
        yield from map(_parse_chunk, jobs)
        return
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_parse_chunk, jobs)


def load_paths(paths: Iterable[PathLike], db_path: PathLike, replace: bool = False,
               parse: Optional[ParseFn] = None, workers: Optional[int] = None) -> list[tuple[str, str, str]]:
    """Load files and folders into ``db_path``; return ``(source, status, message)`` per file.

    Files are parsed on every core and written in batches of ``BATCH_SIZE`` documents (each document still all
    or nothing). Raises ``DatabaseLockedError`` when the database is held by another process.
    """
    parse = parse or _default_parse()
    files = expand_paths(paths)
    con = connect(db_path)
    try:
        ensure_schema(con, db_path)
        if len(files) > BATCH_SIZE:
            # many batches: each commit goes to the write-ahead log only (still durable), and the file is rewritten
            # once at the end rather than every 16 MB (on a large database each rewrite cost more than the batch)
            con.execute(f"SET checkpoint_threshold = '{BULK_CHECKPOINT}'")
        # the parse workers keep every core busy: the writer's inserts and summaries on one thread of DuckDB's cost
        # less CPU than on several (10,000 generated projects: 957-993 -> 1,042-1,065 projects/s on two cores)
        con.execute("SET threads = 1")
        results: list[tuple[str, str, str]] = []
        pending: list[tuple[str, Rows, int]] = []  # (source, rows, position of the document in them)
        loaded = {sha: (doc_id, src) for doc_id, src, sha in con.execute(
            "SELECT doc_id, source, sha256 FROM documents").fetchall()}
        _SKIP.clear()
        if not replace:
            _SKIP.update(loaded)

        def flush() -> None:
            if not pending:
                return
            parts: list[tuple[Rows, list[int]]] = []
            for _, rows, position in pending:
                if parts and parts[-1][0] is rows:
                    parts[-1][1].append(position)
                else:
                    parts.append((rows, [position]))
            statuses = write_rows(con, parts, replace=replace)
            shas = [rows.docs[position].sha256 for _, rows, position in pending]
            # each document's message as logged (its latest entry), read for the whole batch at once
            messages = dict(con.execute(
                "SELECT sha256, arg_max(message, log_id) FROM load_log WHERE list_contains($shas, sha256)"
                " GROUP BY sha256", {"shas": shas}).fetchall())
            for (source, _, _), sha, status in zip(pending, shas, statuses):
                if status.startswith("failed:"):
                    results.append((source, "failed", f"导入失败，数据库未改动：{status[7:]}"))
                    continue
                results.append((source, status, messages[sha]))
            pending.clear()

        for chunk_results, rows in parse_chunks(files, parse, workers):
            position = 0
            for source, sha, error in chunk_results:
                if error == SKIPPED:
                    doc_id, first = loaded[sha]
                    message = f"已加载，跳过（与已导入的 {first} 内容相同）"
                    _log(con, source, sha, "skipped", message, doc_id)
                    results.append((source, "skipped", message))
                    continue
                if error is not None:
                    flush()
                    _log(con, source, sha, "failed", error)
                    results.append((source, "failed", error))
                    continue
                pending.append((source, rows, position))
                position += 1
                if len(pending) >= BATCH_SIZE:
                    flush()
        flush()
        _SKIP.clear()
        if len(files) > BATCH_SIZE:
            con.execute("CHECKPOINT")
        return results
    finally:
        con.close()


# ---------------------------------------------------------------------------------------------------------------
# Command line and first start
# ---------------------------------------------------------------------------------------------------------------

_STATUS_ZH = {"loaded": "已导入", "replaced": "已替换", "skipped": "已跳过", "failed": "失败"}


def build_load_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ingest load",
                                     description="把绩效目标表文件（或文件夹）导入 DuckDB 数据库。")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="文件或文件夹（文件夹内的 .txt/.csv/.xlsx/.xls/.docx/.pdf/.png/.jpg/.html 等）")
    parser.add_argument("--db", default=str(DEFAULT_DB), help=f"数据库文件（默认 {DEFAULT_DB}）")
    parser.add_argument("--replace", action="store_true", help="已导入的文件删除后重新导入")
    return parser


def main_load(argv: Union[Sequence[str], argparse.Namespace, None] = None, parse: Optional[ParseFn] = None) -> int:
    """``python -m ingest load PATH... [--db FILE] [--replace]``.

    ``argv`` is the argument list after ``load``, or an already parsed namespace with ``paths``, ``db`` and
    ``replace``. Exit code 0 when every file was loaded or skipped, 1 when any failed, 2 when the database is
    locked by another process.
    """
    if isinstance(argv, argparse.Namespace):
        args = argv
    else:
        args = build_load_parser().parse_args(argv)
    db = getattr(args, "db", None) or str(DEFAULT_DB)
    replace = bool(getattr(args, "replace", False))
    try:
        results = load_paths(args.paths, db, replace=replace, parse=parse)
    except (DatabaseLockedError, SchemaVersionError, DatabaseOpenError) as exc:
        print(exc.message_zh, file=sys.stderr)
        return 2
    for source, status, message in results:
        stream = sys.stderr if status == "failed" else sys.stdout
        print(f"[{_STATUS_ZH.get(status, status)}] {source}：{message}", file=stream)
    counts = {s: sum(1 for _, st, _ in results if st == s) for s in _STATUS_ZH}
    print("共 {n} 个文件：导入 {loaded}，替换 {replaced}，跳过 {skipped}，失败 {failed}。".format(
        n=len(results), **counts))
    if not results:
        print("没有找到可导入的文件（" + "/".join(FILE_SUFFIXES) + "）。", file=sys.stderr)
        return 1
    return 1 if counts["failed"] else 0


def ensure_database(db_path: PathLike = DEFAULT_DB, sample_dir: PathLike = "sample_data",
                    parse: Optional[ParseFn] = None) -> Path:
    """Build ``db_path`` from ``sample_dir`` unless it exists; a half-built file never takes its place.

    A file written by an older version of TargetBoard (another schema version) is kept aside as
    ``<name>.v<version>.bak`` and the database is built anew."""
    target = Path(db_path)
    cleanup_leftovers(target)
    if target.exists():
        try:
            con = connect(target, read_only=True)
        except DatabaseLockedError:
            return target  # in use by another process: it is current, or that process will say so
        try:
            found = schema_version(con)
        finally:
            con.close()
        if found == SCHEMA_VERSION:
            refresh_review_if_stale(target)
            return target
        if found is None:
            return target
        os.replace(target, target.with_name(f"{target.name}.v{found}.bak"))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".building", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # DuckDB must create the file itself
    try:
        load_paths([sample_dir], tmp, parse=parse)
        con = connect(tmp)
        try:
            con.execute("CHECKPOINT")
        finally:
            con.close()
        if not target.exists():  # another process may have finished first: keep its file
            os.replace(tmp, target)
    finally:
        for leftover in (tmp, Path(str(tmp) + ".wal")):
            if leftover.exists():
                leftover.unlink()
    return target


def refresh_review_if_stale(db_path: PathLike) -> bool:
    """Recompute the stored review findings when the rules changed since they were written (needs the database
    for writing; a database held by another process is left as it is: the findings are then computed live).
    Returns True when they were recomputed."""
    from review import engine

    try:
        con = connect(db_path, read_only=True)
    except (DatabaseLockedError, DatabaseOpenError):
        return False
    try:
        current = engine.findings_current(con) or con.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    finally:
        con.close()
    if current:
        return False
    try:
        con = connect(db_path)
    except (DatabaseLockedError, DatabaseOpenError):
        return False
    try:
        engine.refresh_findings(con)
    finally:
        con.close()
    return True


def cleanup_leftovers(target: Path) -> list[Path]:
    """Remove the half-built files an interrupted first start left beside ``target`` (``.<name>.*.building`` and
    their ``.wal``), unless another process is building them right now (its lock is held). Returns what was removed."""
    removed: list[Path] = []
    if not target.parent.is_dir():
        return removed
    for leftover in sorted(target.parent.glob(f".{target.name}.*.building")):
        try:
            con = duckdb.connect(str(leftover), config=dict(DUCKDB_CONFIG))
            con.close()
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                continue  # being built by another process
        except duckdb.Error:
            pass
        for path in (leftover, Path(str(leftover) + ".wal")):
            try:
                path.unlink()
                removed.append(path)
            except FileNotFoundError:
                pass
    for wal in sorted(target.parent.glob(f".{target.name}.*.building.wal")):
        if not Path(str(wal)[:-4]).exists():
            wal.unlink(missing_ok=True)
            removed.append(wal)
    return removed


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main_load(sys.argv[1:]))
