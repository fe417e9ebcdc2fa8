"""Beyond one machine: the database as a folder of Parquet files, and a read-only DuckDB over such a folder.

``python -m ingest export --parquet DIR [--db FILE]`` writes every table of the database (ingest/schema.sql) to DIR:

- ``DIR/<table>/province=<省>/fiscal_year=<年>/data_0.parquet`` for the tables of documents (every row carries its
  doc_id; the province and year are those of its document), so a province's or a year's files can be copied,
  served or replaced on their own;
- ``DIR/<table>.parquet`` for the tables without a document (``load_log``, ``review_state``, ``schema_info``);
- ``DIR/manifest.json``: schema version, export time, row counts.

The folder is written beside DIR and renamed into place at the end, so a reader never sees half an export.

``open_dataset(DIR)`` gives an in-memory DuckDB connection in which every table is a view over those files, with the
schema's views and macros on top: the dashboard runs on it unchanged (``TARGETBOARD_DATA=DIR``), read-only, and any
number of dashboard processes (on any number of machines sharing the folder) can serve one dataset.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Optional, Sequence, Union

import duckdb

from ingest import loader

PathLike = Union[str, os.PathLike]
MANIFEST = "manifest.json"
# Tables written once per dataset (no document); every other table of the schema has doc_id and is partitioned.
GLOBAL_TABLES = ("load_log", "review_state", "schema_info")
PARTITIONS = ("province", "fiscal_year")


def _tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE'"
        " ORDER BY table_name").fetchall()]


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'main'"
        " AND table_name = ? ORDER BY ordinal_position", [table]).fetchall()]


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export_parquet(db_path: PathLike, out: PathLike) -> dict:
    """Write the database ``db_path`` to the folder ``out`` (replaced as a whole); return the manifest."""
    out = Path(out)
    con = loader.connect(db_path, read_only=True)
    try:
        version = loader.schema_version(con)
        if version != loader.SCHEMA_VERSION:
            raise loader.SchemaVersionError(db_path, version)
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".writing", dir=out.parent))
        try:
            counts: dict[str, int] = {}
            for table in _tables(con):
                counts[table] = int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                if table in GLOBAL_TABLES:
                    con.execute(f"COPY {table} TO {_quote(tmp / (table + '.parquet'))} (FORMAT parquet)")
                    continue
                if not counts[table]:
                    continue  # nothing to write: the reader keeps the empty table
                select = ("SELECT * FROM documents" if table == "documents" else
                          f"SELECT t.*, d.province, d.fiscal_year FROM {table} t JOIN documents d USING (doc_id)")
                (tmp / table).mkdir()
                con.execute(f"COPY ({select}) TO {_quote(tmp / table)} "
                            f"(FORMAT parquet, PARTITION_BY ({', '.join(PARTITIONS)}))")
            manifest = {"schema_version": loader.SCHEMA_VERSION, "exported_at": dt.datetime.now().isoformat(),
                        "source": str(db_path), "rows": counts}
            (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
            old = None
            if out.exists():
                old = out.with_name(f".{out.name}.{os.getpid()}.old")
                os.replace(out, old)
            os.replace(tmp, out)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    finally:
        con.close()
    return manifest


def is_dataset(path: PathLike) -> bool:
    return (Path(path) / MANIFEST).is_file()


# Read on demand even when the rest is held in memory: the lines of a document (shown one document at a time).
ON_DEMAND = ("source_lines",)


def open_dataset(folder: PathLike, memory: bool = True) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB over the Parquet files of ``folder``, with the schema's views and macros on top.

    ``memory=True`` (the default): the tables are read once into memory (compressed by DuckDB), except the
    documents' lines, which stay views over their files; queries then run at the speed of a database file.
    ``memory=False``: every table is a view over its files (nothing held; every query reads the files, several
    times slower). Nothing is ever written to the folder. Raises ``loader.DatabaseOpenError`` (a Chinese message)
    for a folder that is not a dataset of this schema version."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise loader.DatabaseOpenError(folder, "这不是 TargetBoard 导出的 Parquet 数据集（缺少 manifest.json）。"
                                       ) from exc
    if manifest.get("schema_version") != loader.SCHEMA_VERSION:
        raise loader.DatabaseOpenError(folder, f"数据集的结构版本是 {manifest.get('schema_version')}，"
                                               f"当前为 {loader.SCHEMA_VERSION}：请用当前版本重新导出。")
    con = duckdb.connect(":memory:", config=dict(loader.DUCKDB_CONFIG))
    con.execute("SET parquet_metadata_cache = true")  # views read the same files again and again
    loader.ensure_schema(con)
    for table in _tables(con):
        columns = ", ".join(name for name, _ in _columns(con, table))  # in schema order, the types as written
        if table in GLOBAL_TABLES:
            source = f"read_parquet({_quote(folder / (table + '.parquet'))})"
        elif (folder / table).is_dir():
            source = (f"read_parquet({_quote(folder / table / '**' / '*.parquet')}, hive_partitioning = true, "
                      "hive_types = {'province': VARCHAR, 'fiscal_year': INTEGER})")
        else:
            continue  # no rows exported: the empty table stays
        if memory and table not in ON_DEMAND:
            con.execute(f"INSERT INTO {table} SELECT {columns} FROM {source} ORDER BY ALL" if table == "documents"
                        else f"INSERT INTO {table} SELECT {columns} FROM {source}")
        else:
            con.execute(f"DROP TABLE {table}")
            con.execute(f"CREATE VIEW {table} AS SELECT {columns} FROM {source}")
    con.execute("CHECKPOINT")
    return con


def add_parquet_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--parquet", metavar="DIR",
                        help="导出为 Parquet 数据集（按省份和年度分区），供多台看板只读共享（TARGETBOARD_DATA=DIR）")


def main_export_parquet(args: argparse.Namespace) -> int:
    """``python -m ingest export --parquet DIR [--db FILE]``: 0, 2 when the database cannot be read."""
    db = getattr(args, "db", None) or str(loader.DEFAULT_DB)
    try:
        manifest = export_parquet(db, args.parquet)
    except (loader.DatabaseLockedError, loader.DatabaseOpenError, loader.SchemaVersionError) as exc:
        print(exc.message_zh, file=sys.stderr)
        return 2
    rows = manifest["rows"]
    print(f"已导出到 {args.parquet}：{rows.get('documents', 0)} 个文件，{rows.get('projects', 0)} 个项目，"
          f"{rows.get('indicators', 0)} 条指标（按省份和年度分区的 Parquet 文件）")
    return 0


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest export")
    parser.add_argument("--db", default=str(loader.DEFAULT_DB))
    add_parquet_arguments(parser)
    args = parser.parse_args(argv)
    if not args.parquet:
        parser.error("需要 --parquet DIR")
    return main_export_parquet(args)
