"""Parsed documents as the store's rows: one Arrow table per database table, built where the documents were parsed.

``build(docs)`` turns a few parsed documents (a worker's chunk of files, or the documents of an import) into
``Rows``: per table an Arrow table in the column order and types of ``ingest/schema.sql``, and per document its
source, sha256 and the summary the load log shows. Ids are numbered from 0 within the ``Rows``: ``doc_id`` is the
document's position in ``docs`` and every other id (projects, funding, indicators …) counts that table's rows.
The loader, the one writer, gives them their place in the database by adding the next free id of each table
(``ingest.loader``), so nothing here touches the database and the rows cross from a parse worker to the writer
as Arrow buffers instead of pickled Python objects.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

import pyarrow as pa

from ingest import themes
from ingest.model import Document, EmptySlot, FundingSource, Indicator

# Column order and SQL types of the tables written per document, as ingest/schema.sql creates them
# (tests/test_store.py checks both against the created database).
TABLE_COLUMNS: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": "INTEGER", "source": "VARCHAR", "sha256": "VARCHAR", "layout": "VARCHAR", "encoding": "VARCHAR",
        "jurisdiction": "VARCHAR", "province": "VARCHAR", "city": "VARCHAR", "county": "VARCHAR",
        "adcode": "VARCHAR", "department": "VARCHAR", "fiscal_year": "INTEGER", "line_count": "INTEGER",
        "warnings": "VARCHAR[]", "loaded_at": "TIMESTAMP", "layout_scores": "VARCHAR", "is_ocr": "BOOLEAN",
        "n_projects": "INTEGER", "projects_total_wan": "DOUBLE", "funding_wan": "DOUBLE", "n_indicators": "INTEGER",
        "n_department_indicators": "INTEGER", "n_warnings": "INTEGER"},
    "source_lines": {"doc_id": "INTEGER", "line_no": "INTEGER", "text": "VARCHAR"},
    "parse_warnings": {"doc_id": "INTEGER", "position": "INTEGER", "code": "VARCHAR", "line_start": "INTEGER",
                       "line_end": "INTEGER", "message": "VARCHAR"},
    "department_overall": {
        "dept_overall_id": "INTEGER", "doc_id": "INTEGER", "department": "VARCHAR", "total_wan": "DOUBLE",
        "basic_wan": "DOUBLE", "project_wan": "DOUBLE", "functions": "VARCHAR", "goal": "VARCHAR",
        "line_start": "INTEGER", "line_end": "INTEGER"},
    "projects": {
        "project_id": "INTEGER", "doc_id": "INTEGER", "sequence": "INTEGER", "name": "VARCHAR",
        "name_in_table": "VARCHAR", "code": "VARCHAR", "budget_unit": "VARCHAR", "department": "VARCHAR",
        "implementing_unit": "VARCHAR", "attribute": "VARCHAR", "period": "VARCHAR", "purpose": "VARCHAR",
        "goal": "VARCHAR", "goal_long_term": "VARCHAR", "total_wan": "DOUBLE", "theme": "VARCHAR",
        "theme_keyword": "VARCHAR", "truncated": "BOOLEAN", "self_evaluation": "BOOLEAN", "source_ref": "VARCHAR",
        "line_start": "INTEGER", "line_end": "INTEGER", "funding_wan": "DOUBLE", "n_indicators": "INTEGER",
        "n_empty_slots": "INTEGER"},
    "funding": {"funding_id": "INTEGER", "doc_id": "INTEGER", "project_id": "INTEGER",
                "dept_overall_id": "INTEGER", "position": "INTEGER", "source": "VARCHAR", "level": "VARCHAR",
                "amount_wan": "DOUBLE"},
    "spending_plan": {"doc_id": "INTEGER", "project_id": "INTEGER", "period_index": "INTEGER", "period": "VARCHAR",
                      "value": "DOUBLE", "unit": "VARCHAR", "unit_as_printed": "VARCHAR"},
    "indicators": {
        "indicator_id": "INTEGER", "doc_id": "INTEGER", "project_id": "INTEGER", "dept_overall_id": "INTEGER",
        "position": "INTEGER", "level1": "VARCHAR", "level2": "VARCHAR", "level1_raw": "VARCHAR",
        "level2_raw": "VARCHAR", "name": "VARCHAR", "value": "VARCHAR", "op": "VARCHAR",
        "target_number": "DOUBLE", "target_number_max": "DOUBLE", "target_unit": "VARCHAR",
        "target_kind": "VARCHAR", "target_wan": "DOUBLE", "target_date": "DATE", "target_pct": "DOUBLE",
        "flags": "VARCHAR[]", "description": "VARCHAR", "basis": "VARCHAR", "weight": "DOUBLE", "actual": "VARCHAR",
        "score": "DOUBLE", "remarks": "VARCHAR", "target_set": "VARCHAR", "source_ref": "VARCHAR",
        "line_start": "INTEGER", "line_end": "INTEGER"},
    "empty_slots": {"slot_id": "INTEGER", "doc_id": "INTEGER", "project_id": "INTEGER",
                    "dept_overall_id": "INTEGER", "position": "INTEGER", "level1": "VARCHAR", "level2": "VARCHAR",
                    "line_start": "INTEGER", "line_end": "INTEGER"},
    "load_log": {"log_id": "INTEGER", "source": "VARCHAR", "sha256": "VARCHAR", "status": "VARCHAR",
                 "message": "VARCHAR", "doc_id": "INTEGER", "logged_at": "TIMESTAMP"},
}
DOCUMENT_TABLES = tuple(t for t in TABLE_COLUMNS if t != "load_log")  # the tables of a document, parents first
# The id column of each table whose rows have their own id (the loader adds the table's next free id to it).
ID_COLUMNS = {"department_overall": "dept_overall_id", "projects": "project_id", "funding": "funding_id",
              "indicators": "indicator_id", "empty_slots": "slot_id"}

_ARROW_TYPES = {"INTEGER": pa.int32(), "VARCHAR": pa.string(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
                "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"), "VARCHAR[]": pa.list_(pa.string())}
SCHEMAS = {table: pa.schema([(c, _ARROW_TYPES[t]) for c, t in cols.items()])
           for table, cols in TABLE_COLUMNS.items()}


def arrow_table(table: str, rows: Sequence[tuple]) -> pa.Table:
    """``rows`` (tuples in the column order of ``table``) as an Arrow table of the table's types."""
    schema = SCHEMAS[table]
    columns = list(zip(*rows)) if rows else [()] * len(schema)
    arrays = []
    for values, f in zip(columns, schema):
        try:
            arrays.append(pa.array(values, type=f.type))
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError):  # a loosely typed value (a document built by hand)
            arrays.append(pa.array(values).cast(f.type))
    return pa.Table.from_arrays(arrays, schema=schema)


@dataclass
class DocumentInfo:
    """What the writer needs of a document besides its rows."""

    source: str
    sha256: str
    summary: str  # for the load log: "3 个项目，42 条项目指标…"


@dataclass
class Rows:
    """The rows of some documents, per table, with ids counted from 0 within this object (see the module doc)."""

    docs: list[DocumentInfo] = field(default_factory=list)
    tables: dict[str, pa.Table] = field(default_factory=dict)


def _iso_date(value: Optional[str]) -> Optional[dt.date]:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _float(value) -> Optional[float]:
    return None if value is None else float(value)


SATISFACTION_BARE = (50, 100)  # a satisfaction target printed without its % (≥90, 100) in this range is the share


def _target_pct(ind: Indicator) -> Optional[float]:
    """The target as a share in %: a number with % (百分率 is read as %), or a satisfaction target printed as a bare
    number between 50 and 100 (满意度 ≥90: the share it is by convention, as the review reads it); else None."""
    t = ind.target
    if t.number is None:
        return None
    if t.unit == "%":
        return float(t.number)
    if ind.level1 == "满意度指标" and not t.unit and t.kind == "number" and t.number_max is None \
            and SATISFACTION_BARE[0] <= t.number <= SATISFACTION_BARE[1]:
        return float(t.number)
    return None


def _annual(indicators: Iterable[Indicator]) -> int:
    """The number of indicators stating the year's targets (a 中期 column is kept, not counted)."""
    return sum(1 for ind in indicators if (ind.target_set or "annual") == "annual")


def _funding_sum(funding: Sequence[FundingSource]) -> Optional[float]:
    """The sum of the funding rows as SQL ``sum`` gives it (in row order; NULL without any row)."""
    total = None
    for f in funding:
        total = float(f.amount_wan) if total is None else total + float(f.amount_wan)
    return total


def summary(doc: Document) -> str:
    """The load log's account of a document: its projects, indicators and warnings."""
    n_ind = sum(len(p.indicators) for p in doc.projects)
    text = f"{len(doc.projects)} 个项目，{n_ind} 条项目指标"
    if doc.department_overall is not None:
        text += f"，部门整体 {len(doc.department_overall.indicators)} 条指标"
    if doc.warnings:
        text += f"，{len(doc.warnings)} 条提示"
    return text


class _Counter:
    """Ids counted from 0 per table."""

    def __init__(self) -> None:
        self.next = dict.fromkeys(ID_COLUMNS, 0)

    def take(self, table: str) -> int:
        value = self.next[table]
        self.next[table] += 1
        return value


def _owner_rows(ids: _Counter, doc_id: int, project_id: Optional[int], dept_overall_id: Optional[int],
                funding: Iterable[FundingSource], indicators: Iterable[Indicator], slots: Iterable[EmptySlot],
                out: dict[str, list[tuple]]) -> None:
    for pos, f in enumerate(funding, 1):
        out["funding"].append((ids.take("funding"), doc_id, project_id, dept_overall_id, pos, f.source, f.level,
                               float(f.amount_wan)))
    for pos, ind in enumerate(indicators, 1):
        t = ind.target
        out["indicators"].append((
            ids.take("indicators"), doc_id, project_id, dept_overall_id, pos, ind.level1, ind.level2,
            ind.level1_raw,
            ind.level2_raw, ind.name, ind.value if ind.value is not None else "", t.op, _float(t.number),
            _float(t.number_max), t.unit, t.kind, _float(t.amount_wan), _iso_date(t.date), _target_pct(ind),
            list(t.flags or []), ind.description, ind.basis, _float(ind.weight), ind.actual, _float(ind.score),
            ind.remarks, ind.target_set or "annual", ind.ref, ind.line_start, ind.line_end,
        ))
    for pos, s in enumerate(slots, 1):
        out["empty_slots"].append((ids.take("empty_slots"), doc_id, project_id, dept_overall_id, pos, s.level1,
                                   s.level2, s.line_start, s.line_end))


def _document_rows(doc: Document, doc_id: int, ids: _Counter, out: dict[str, list[tuple]]) -> None:
    totals = [float(p.total_wan) for p in doc.projects if p.total_wan is not None]
    project_funding = [f for p in doc.projects for f in p.funding]
    o = doc.department_overall
    out["documents"].append((
        doc_id, doc.source, doc.sha256, doc.layout, doc.encoding, doc.jurisdiction, doc.province, doc.city,
        doc.county, doc.adcode, doc.department, doc.fiscal_year, doc.line_count,
        [str(w) for w in doc.warnings or []], None,  # loaded_at: set by the writer
        json.dumps(doc.layout_scores or {}, ensure_ascii=False), bool(doc.is_ocr),
        len(doc.projects), sum(totals) if totals else None, _funding_sum(project_funding),
        sum(_annual(p.indicators) for p in doc.projects), _annual(o.indicators) if o is not None else 0,
        len(doc.warnings or []),
    ))
    lines = doc.lines or []  # source_lines by column: a document has hundreds of lines
    out["source_lines"][0].extend([doc_id] * len(lines))
    out["source_lines"][1].extend(range(1, len(lines) + 1))
    out["source_lines"][2].extend(lines)
    for pos, w in enumerate(doc.warnings or [], 1):
        if isinstance(w, str):  # a document built by hand
            out["parse_warnings"].append((doc_id, pos, "note", None, None, w))
        else:
            out["parse_warnings"].append((doc_id, pos, w.code, w.line_start, w.line_end, w.message))
    if o is not None:
        oid = ids.take("department_overall")
        out["department_overall"].append((oid, doc_id, o.department, _float(o.total_wan), _float(o.basic_wan),
                                          _float(o.project_wan), o.functions, o.goal, o.line_start, o.line_end))
        _owner_rows(ids, doc_id, None, oid, o.funding, o.indicators, o.empty_slots, out)
    for p in doc.projects:
        pid = ids.take("projects")
        theme, keyword = themes.classify(p.name, p.goal)
        out["projects"].append((
            pid, doc_id, p.sequence, p.name, p.name_in_table, p.code, p.budget_unit, p.department,
            p.implementing_unit, p.attribute, p.period, p.purpose, p.goal, p.goal_long_term, _float(p.total_wan),
            theme, keyword, bool(p.truncated), bool(p.self_evaluation), p.ref, p.line_start, p.line_end,
            _funding_sum(p.funding), _annual(p.indicators), len(p.empty_slots),
        ))
        _owner_rows(ids, doc_id, pid, None, p.funding, p.indicators, p.empty_slots, out)
        plan = p.spending_plan
        if plan is not None:
            for idx, (period, value) in enumerate(zip(plan.periods, plan.values), 1):
                out["spending_plan"].append((doc_id, pid, idx, period, _float(value), plan.unit,
                                             plan.unit_as_printed))


def build(docs: Sequence[Document]) -> Rows:
    """The rows of ``docs`` per table (ids counted from 0 here; ``doc_id`` is the position in ``docs``)."""
    ids = _Counter()
    out: dict = {table: [] for table in DOCUMENT_TABLES}
    out["source_lines"] = ([], [], [])
    for doc_id, doc in enumerate(docs):
        _document_rows(doc, doc_id, ids, out)
    lines = out.pop("source_lines")
    tables = {table: arrow_table(table, rows) for table, rows in out.items() if rows}
    if lines[0]:
        tables["source_lines"] = pa.Table.from_arrays([pa.array(c, type=f.type) for c, f in
                                                       zip(lines, SCHEMAS["source_lines"])],
                                                      schema=SCHEMAS["source_lines"])
    return Rows(docs=[DocumentInfo(d.source, d.sha256, summary(d)) for d in docs], tables=tables)
