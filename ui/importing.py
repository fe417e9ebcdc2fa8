"""The import page's logic without Streamlit: read an uploaded file into a preview, tables for the preview, load.

pages/import.py draws; everything it shows is built here so that it can be tested without a browser.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Optional

import pandas as pd

from ingest import loader
from ingest.errors import IngestError
from ingest.model import Document
from ingest.parse import parse_bytes
from ingest.readers import LAYOUT_TITLES, SUPPORTED_SUFFIXES
from ingest.readers.guard import check_size
from ui.formatting import format_wan
from ui.sources import shown_text

# What the uploader lists (the reader decides by content; anything else gets a message saying what to do).
SUFFIXES_ZH = ("Excel（.xlsx/.xls）、Word（.docx/.doc）、WPS（.wps）、PDF（含扫描件）、图片（.png/.jpg）、"
               "网页（.html/.mhtml）、文本（.txt/.csv）")


@dataclass
class Preview:
    """One uploaded file as read, before anything is written."""

    name: str
    size: int
    sha256: str
    document: Optional[Document] = None
    error: Optional[str] = None
    duplicate_of: Optional[str] = None  # the source of an already loaded document with the same content
    similar_to: Optional[str] = None  # an already loaded document of the same place, year and department
    warnings: list[str] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        return self.document is not None

    def status(self, replace: bool) -> str:
        if self.error:
            return "无法读取"
        if self.duplicate_of:
            return "将替换原记录" if replace else "已导入过，将跳过"
        return "可导入"


def read_upload(name: str, data: bytes, limit_mb: Optional[float] = None) -> Preview:
    """Read an uploaded file (never raises: a file that cannot be read carries its Chinese message)."""
    sha = hashlib.sha256(data).hexdigest()
    preview = Preview(name=name, size=len(data), sha256=sha)
    try:
        check_size(name, len(data), limit_mb)
        suffix = PurePath(name).suffix.lower()
        preview.document = parse_bytes(name, data, suffix=suffix)
    except IngestError as exc:
        preview.error = exc.message_zh if exc.line is None else f"第 {exc.line} 行：{exc.message_zh}"
    except Exception as exc:  # noqa: BLE001 - a reader bug must not stop the other files
        preview.error = f"读取时出现内部错误：{type(exc).__name__}: {exc}"
    return preview


def mark_duplicates(con, previews: list[Preview]) -> None:
    """Note the previews whose content (sha256) is already loaded."""
    if not previews:
        return
    cur = con.cursor()
    try:
        rows = cur.execute("SELECT sha256, source FROM documents WHERE sha256 IN (SELECT unnest($s))",
                           {"s": [p.sha256 for p in previews]}).fetchall()
        loaded = cur.execute("SELECT jurisdiction, fiscal_year, department, source FROM documents").fetchall()
    finally:
        cur.close()
    known = dict(rows)
    same = {(j, y, d): s for j, y, d, s in loaded if j}
    for p in previews:
        p.duplicate_of = known.get(p.sha256)
        doc = p.document
        if doc is not None and not p.duplicate_of:
            p.similar_to = same.get((doc.jurisdiction, doc.fiscal_year, doc.department))


def summary_table(previews: list[Preview], replace: bool) -> pd.DataFrame:
    rows = []
    for p in previews:
        doc = p.document
        rows.append({
            "文件": p.name,
            "状态": p.status(replace),
            "版式": LAYOUT_TITLES.get(doc.layout, doc.layout) if doc else "",
            "地区": (doc.jurisdiction or "") if doc else "",
            "年度": doc.fiscal_year if doc else None,
            "项目数": len(doc.projects) if doc else None,
            "资金总额（万元）": round(sum(pr.total_wan or 0 for pr in doc.projects), 6) if doc else None,
            "项目指标数": sum(len(pr.indicators) for pr in doc.projects) if doc else None,
            "提示数": len(doc.warnings) if doc else None,
            "说明": p.error or (f"与已导入的 {p.duplicate_of} 内容相同" if p.duplicate_of else ""),
        })
    df = pd.DataFrame(rows)
    for col in ("年度", "项目数", "项目指标数", "提示数"):  # whole numbers as text, blank for a file not read
        df[col] = [("" if v is None or pd.isna(v) else str(int(v))) for v in df[col]]
    return df


def projects_table(document: Document) -> pd.DataFrame:
    rows = []
    for p in document.projects:
        rows.append({
            "序号": str(p.sequence),
            "项目名称": p.name,
            "资金总额（万元）": p.total_wan,
            "资金来源": "；".join(f"{f.source} {format_wan(f.amount_wan)}" for f in p.funding),
            "指标数": len(p.indicators),
            "原文行": f"{p.line_start}–{p.line_end}",
            "位置": p.ref or "",
        })
    if document.department_overall is not None:
        o = document.department_overall
        rows.append({"序号": "", "项目名称": f"部门整体：{o.department or ''}", "资金总额（万元）": o.total_wan,
                     "资金来源": "；".join(f"{f.source} {format_wan(f.amount_wan)}" for f in o.funding),
                     "指标数": len(o.indicators), "原文行": f"{o.line_start}–{o.line_end}", "位置": ""})
    return pd.DataFrame(rows)


def indicators_table(owner) -> pd.DataFrame:
    """The indicators as read, with their source lines (and 中期/年度 where the table has mid-term targets)."""
    columns = ["一级指标", "二级指标", "三级指标", "指标值", "原文行"]
    mid = any(i.target_set == "mid" for i in owner.indicators)
    if mid:
        columns.insert(4, "目标")
    return pd.DataFrame([{
        "一级指标": i.level1 or "",
        "二级指标": i.level2 or "",
        "三级指标": i.name,
        "指标值": i.value,
        "目标": "中期" if i.target_set == "mid" else "年度",
        "原文行": str(i.line_start) if i.line_start == i.line_end else f"{i.line_start}–{i.line_end}",
    } for i in owner.indicators], columns=["一级指标", "二级指标", "三级指标", "指标值", "目标", "原文行"])[columns]


def warnings_table(document: Document) -> pd.DataFrame:
    return pd.DataFrame([{"原文行": w.line_start, "提示": w.message} for w in document.warnings],
                        columns=["原文行", "提示"])


def numbered_lines(lines: list[str], start: int, end: int, limit: int = 400) -> str:
    """Lines ``start``..``end`` (1-based) with their numbers, shown as the project page shows source lines (cell
    separators marked, personal numbers masked), for ``st.code``."""
    start = max(1, start)
    end = min(len(lines), end, start + limit - 1)
    width = len(str(end))
    return "\n".join(f"{n:>{width}} ┃ {shown_text(lines[n - 1])}" for n in range(start, end + 1))


def load_previews(con, previews: list[Preview], replace: bool) -> list[tuple[str, str, str]]:
    """Write every readable preview, each file in its own transaction (``loader.load_document``); files that
    could not be read are recorded in the load log. Returns ``(file, status, message)``."""
    results = []
    for p in previews:
        if p.document is None:
            loader.log_failure(con, p.name, p.sha256, p.error or "无法读取")
            results.append((p.name, "failed", p.error or "无法读取"))
            continue
        try:
            status = loader.load_document(con, p.document, replace=replace)
        except Exception as exc:  # noqa: BLE001 - rolled back and logged by load_document
            results.append((p.name, "failed", f"导入失败，数据库未改动：{exc}"))
            continue
        message = con.execute("SELECT message FROM load_log WHERE sha256 = ? ORDER BY log_id DESC LIMIT 1",
                              [p.sha256]).fetchone()[0]
        results.append((p.name, status, message))
    return results


STATUS_ZH = {"loaded": "已导入", "replaced": "已替换", "skipped": "已跳过（内容相同）", "failed": "失败"}
ACCEPTED = tuple(s.lstrip(".") for s in SUPPORTED_SUFFIXES)
