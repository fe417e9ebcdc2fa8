"""Metric queries: one ``.sql`` file per metric in this folder, run with ``queries.run(con, name, **params)``.

Every file starts with a header comment saying what it returns and which parameters it takes. Parameters are
bound by name (``$param``), never formatted into the SQL text. Every query accepts the common filters
(``None`` = no filter):

- ``province``: str
- ``jurisdictions``: list of str (a single str is taken as a one-element list, an empty list as no filter)
- ``years``: list of int (likewise)
- ``department``: str (the document's department, e.g. 青岛市司法局)
- ``theme``: str (a project theme, see ingest/data/themes.json; excludes department-wide rows)

A file declares its own parameters with header lines ``-- @param NAME DEFAULT`` where DEFAULT is ``required``,
``null``, a number, or a bare word (taken as a string).
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import pandas as pd
import pyarrow as pa

QUERY_DIR = Path(__file__).parent
COMMON_FILTERS = ("province", "jurisdictions", "years", "department", "theme")
REQUIRED = object()

_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_PARAM_DECL_RE = re.compile(r"^--\s*@param\s+([a-z_][a-z0-9_]*)\s*(\S*)", re.M)
_PARAM_USE_RE = re.compile(r"\$([a-z_][a-z0-9_]*)")
_STRIP_RE = re.compile(r"--[^\n]*|'(?:[^']|'')*'")


@dataclass(frozen=True)
class Query:
    name: str
    sql: str
    header: str
    params: tuple[str, ...]  # every $name used in the SQL
    defaults: dict  # declared own parameters -> default (REQUIRED when mandatory)


def names() -> list[str]:
    """The allow-list: the .sql files present in this folder."""
    return sorted(p.stem for p in QUERY_DIR.glob("*.sql"))


def _default(text: str) -> Any:
    if text in ("", "null", "none"):
        return None
    if text == "required":
        return REQUIRED
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text)
    except ValueError:
        return text


@lru_cache(maxsize=None)
def _load(name: str, mtime: float) -> Query:
    sql = (QUERY_DIR / f"{name}.sql").read_text(encoding="utf-8")
    lines = sql.splitlines()
    end = next((i for i, line in enumerate(lines) if not line.startswith("--")), len(lines))
    header = "\n".join(line[2:].strip() for line in lines[:end]).strip()
    used = tuple(dict.fromkeys(_PARAM_USE_RE.findall(_STRIP_RE.sub(" ", sql))))
    defaults = {m.group(1): _default(m.group(2)) for m in _PARAM_DECL_RE.finditer(sql)}
    undeclared = [p for p in used if p not in COMMON_FILTERS and p not in defaults]
    if undeclared:
        raise ValueError(f"query {name}: parameter(s) {undeclared} used but not declared with -- @param")
    return Query(name, sql, header, used, defaults)


def get(name: str) -> Query:
    """The query called ``name``; ``KeyError`` unless a file ``queries/<name>.sql`` exists."""
    if not isinstance(name, str) or not _NAME_RE.match(name) or name not in names():
        raise KeyError(f"unknown query {name!r}; known: {', '.join(names())}")
    path = QUERY_DIR / f"{name}.sql"
    return _load(name, path.stat().st_mtime)


def describe(name: str) -> str:
    """The header comment of a query (what it returns, its parameters)."""
    return get(name).header


def _as_list(value: Any, cast) -> Optional[list]:
    if value is None:
        return None
    if isinstance(value, (str, int)) or not hasattr(value, "__iter__"):
        value = [value]
    items = [cast(v) for v in value]
    return items or None


def normalise_filters(filters: dict) -> dict:
    """The common filters, every one present; list filters as lists (one value → one element, empty → None)."""
    values = {name: filters.get(name) for name in COMMON_FILTERS}
    values["jurisdictions"] = _as_list(values["jurisdictions"], str)
    values["years"] = _as_list(values["years"], int)
    return values


def _bind(query: Query, params: dict) -> dict:
    unknown = sorted(set(params) - set(COMMON_FILTERS) - set(query.defaults))
    if unknown:
        raise TypeError(f"query {query.name}: unknown parameter(s) {unknown}")
    values = {**query.defaults, **params}
    values.update(normalise_filters(values))
    missing = [k for k, v in values.items() if v is REQUIRED]
    if missing:
        raise TypeError(f"query {query.name}: missing required parameter(s) {missing}")
    return {k: values[k] for k in query.params}


# frame() asks an executed statement for Arrow: DuckDB warns that this copies the rows once more than a relation
# would, but a relation costs 2–3 ms more per query to set up (the pages' results are small)
warnings.filterwarnings("ignore", message="Arrow output on a DB-API result", category=UserWarning)

_NULLABLE_INT = {pa.int8(): pd.Int8Dtype(), pa.int16(): pd.Int16Dtype(), pa.int32(): pd.Int32Dtype(),
                 pa.int64(): pd.Int64Dtype(), pa.uint8(): pd.UInt8Dtype(), pa.uint16(): pd.UInt16Dtype(),
                 pa.uint32(): pd.UInt32Dtype(), pa.uint64(): pd.UInt64Dtype()}


def _is_text(t: pa.DataType) -> bool:
    return pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t) or pa.types.is_null(t)


def frame(result) -> pd.DataFrame:
    """The rows of an executed statement as a DataFrame, by way of Arrow, with the dtypes DuckDB's own ``.df()``
    gives (tests/test_queries.py checks every query against it). Strings stay in Arrow buffers instead of becoming
    one Python object each: the large results (50,000–120,000 rows) come out in 60–80% of the time."""
    table = result.to_arrow_table()
    columns = {}
    for name, column in zip(table.column_names, table.columns):
        t = column.type
        if pa.types.is_decimal(t):  # sums of integers (HUGEINT): .df() gives floats
            columns[name] = column.cast(pa.float64()).to_pandas()
        elif pa.types.is_integer(t) and column.null_count:  # integers with NULLs: pandas' nullable integers
            columns[name] = column.to_pandas(types_mapper=_NULLABLE_INT.get)
        elif _is_text(t) and column.null_count == len(column):  # no text at all (or no rows): objects, as .df()
            columns[name] = pd.Series([None] * len(column), dtype=object)
        elif pa.types.is_list(t) or pa.types.is_large_list(t):
            series = column.to_pandas()
            columns[name] = series.mask(series.isna(), pd.NA) if column.null_count else series
        elif pa.types.is_date(t):
            columns[name] = pd.Series(column.to_pandas(date_as_object=False)).astype("datetime64[us]")
        else:
            columns[name] = column.to_pandas()
    return pd.DataFrame(columns, columns=table.column_names)


def run(con, name: str, **params) -> pd.DataFrame:
    """Run query ``name`` on ``con`` (a fresh cursor per call) and return a DataFrame."""
    query = get(name)
    bound = _bind(query, params)
    cur = con.cursor()
    try:
        return frame(cur.execute(query.sql, bound))
    finally:
        cur.close()
