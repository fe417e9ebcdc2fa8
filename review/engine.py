"""Review engine: rule-based review of performance targets (绩效目标审核), with grades per table.

Public API:

- ``run_review(con, rule_ids=None, params=None, **filters) -> (findings, grades)``: run the rules of
  ``review/rules.json`` on a TargetBoard database (any DuckDB connection with the schema of ``ingest/schema.sql``,
  read-only is fine). ``filters`` are the common query filters ``province``, ``jurisdictions``, ``years``,
  ``department``, ``theme`` (as in ``queries.run``) plus ``scope``: ``'all'`` (default), ``'project'`` or
  ``'department'`` (部门整体支出 tables). ``params`` overrides rule parameters by name, e.g.
  ``{"satisfaction_floor": 85}``. See ``FINDING_COLUMNS`` and ``GRADE_COLUMNS`` for the two DataFrames.
- ``load_rules() -> RuleSet``: the validated rule table; ``rules_frame()`` the same as a DataFrame.
- ``main_review(argv)``: the ``python -m ingest review [--db FILE] [--json] [--xlsx OUT] [--severity LEVEL]`` command.
- ``rules_markdown()`` / ``update_docs()``: the generated part of ``docs/review_rules.md``.

A reviewed table ("unit") is a project table or a department-wide table (部门整体支出绩效目标表). Every rule is a
SQL file in ``review/rules/`` or a Python function in ``PYTHON_RULES``; it reads the temporary tables built for the
run (``rv_units``, ``rv_indicators``, ``rv_satisfaction``, ``rv_slots``, ``rv_funding``, ``rv_plan``, see
``_BASE_TABLES``) and returns the columns ``unit_key, indicator_id, slot_id, message``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Optional, Sequence, Union

import pandas as pd
import pyarrow as pa

from queries import COMMON_FILTERS, normalise_filters

REVIEW_DIR = Path(__file__).resolve().parent
ROOT = REVIEW_DIR.parent
RULES_PATH = REVIEW_DIR / "rules.json"
RULE_SQL_DIR = REVIEW_DIR / "rules"
SAMPLE_DIR = ROOT / "sample_data"
DOCS_PATH = ROOT / "docs" / "review_rules.md"
DEFAULT_DB = Path("data") / "targetboard.duckdb"

SEVERITIES = ("error", "warning", "info")  # most severe first
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
GROUPS = ("完整性", "可衡量", "资金", "满意度")
GRADES = ("优", "良", "中", "差")  # best first
SCOPES = ("all", "project", "department")
SCOPE_ZH = {"project": "项目", "department": "部门整体"}
RULE_OUTPUT = ("unit_key", "indicator_id", "slot_id", "message")
DEPARTMENT_UNIT_NAME = "部门整体支出绩效目标"

FINDING_COLUMNS = (
    "rule_id", "group", "severity", "title", "message",
    "scope", "project_id", "dept_overall_id", "doc_id", "province", "jurisdiction", "fiscal_year", "department",
    "project_sequence", "project_name",
    "indicator_id", "indicator_name", "indicator_value", "level1", "level2",
    "anchor",  # where line_start..line_end point: 'indicator', 'empty_row' or 'table' (the whole table)
    "line_start", "line_end", "source_file",
)
GRADE_COLUMNS = (
    "scope", "project_id", "dept_overall_id", "doc_id", "province", "jurisdiction", "fiscal_year", "department",
    "project_sequence", "project_name", "total_wan",
    "n_error", "n_warning", "n_info", "n_findings", "score", "grade",
    "capped",  # True when an error lowered the grade to grading.error_cap
    "line_start", "line_end", "source_file",
)
_INT_COLUMNS = ("project_id", "dept_overall_id", "doc_id", "fiscal_year", "project_sequence", "indicator_id",
                "line_start", "line_end")

_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_PARAM_USE_RE = re.compile(r"\$([a-z_][a-z0-9_]*)")
_STRIP_RE = re.compile(r"--[^\n]*|'(?:[^']|'')*'")


class RuleConfigError(ValueError):
    """review/rules.json (or a rule file it names) is malformed."""


class ReviewError(RuntimeError):
    """A rule failed while running."""


# ---------------------------------------------------------------------------------------------------------------
# The rule table
# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    id: str
    group: str  # one of GROUPS
    severity: str  # one of SEVERITIES
    title: str
    explanation: str
    params: Mapping[str, Any]  # name -> default
    sql_file: Optional[str]  # file name in review/rules/
    python: Optional[str]  # key of PYTHON_RULES
    sql: Optional[str] = None  # the text of sql_file

    @property
    def implementation(self) -> str:
        return f"SQL review/rules/{self.sql_file}" if self.sql_file else f"Python review.engine.{self.python}"


@dataclass(frozen=True)
class Grading:
    start: float
    penalty: Mapping[str, float]  # severity -> points subtracted per finding
    grades: tuple[tuple[str, float], ...]  # (grade, min_score), best first
    error_cap: str  # the best grade a table with an error can have

    def score(self, n_error: int, n_warning: int, n_info: int) -> float:
        lost = n_error * self.penalty["error"] + n_warning * self.penalty["warning"] + n_info * self.penalty["info"]
        return max(0.0, float(self.start) - lost)

    def grade(self, score: float, n_error: int) -> tuple[str, bool]:
        """The grade for ``score``; with an error, at best ``error_cap``. Returns (grade, capped)."""
        grade = next(g for g, minimum in self.grades if score >= minimum)
        if n_error and GRADES.index(grade) < GRADES.index(self.error_cap):
            return self.error_cap, True
        return grade, False


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    grading: Grading

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.rules)

    def get(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(f"unknown review rule {rule_id!r}; known: {', '.join(self.ids)}")

    @property
    def defaults(self) -> dict[str, Any]:
        """Every parameter of every rule with its default."""
        out: dict[str, Any] = {}
        for rule in self.rules:
            out.update(rule.params)
        return out


def _sql_params(sql: str) -> set[str]:
    return set(_PARAM_USE_RE.findall(_STRIP_RE.sub(" ", sql)))


def _check_param_value(name: str, value: Any, default: Any, where: str) -> None:
    if isinstance(default, bool) or isinstance(value, bool):
        raise RuleConfigError(f"{where}: parameter {name!r} must not be a boolean")
    if isinstance(default, (int, float)):
        if not isinstance(value, (int, float)):
            raise RuleConfigError(f"{where}: parameter {name!r} must be a number, got {value!r}")
    elif isinstance(default, list):
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) and v for v in value):
            raise RuleConfigError(f"{where}: parameter {name!r} must be a list of non-empty strings, got {value!r}")
    else:
        raise RuleConfigError(f"{where}: parameter {name!r} has an unsupported default {default!r}")


def _text(entry: dict, key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RuleConfigError(f"{where}: '{key}' must be a non-empty string")
    return value


def _parse_grading(raw: Any) -> Grading:
    where = f"{RULES_PATH.name}: grading"
    if not isinstance(raw, dict):
        raise RuleConfigError(f"{where} must be an object")
    penalty = raw.get("penalty")
    if not isinstance(penalty, dict) or set(penalty) != set(SEVERITIES) or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0 for v in penalty.values()):
        raise RuleConfigError(f"{where}.penalty must give a non-negative number for each of {SEVERITIES}")
    grades = raw.get("grades")
    if not isinstance(grades, list) or [g.get("grade") for g in grades if isinstance(g, dict)] != list(GRADES):
        raise RuleConfigError(f"{where}.grades must list {GRADES} in this order")
    minimums = [g.get("min_score") for g in grades]
    if not all(isinstance(m, (int, float)) and not isinstance(m, bool) for m in minimums) \
            or minimums != sorted(minimums, reverse=True) or len(set(minimums)) != len(minimums) or minimums[-1] != 0:
        raise RuleConfigError(f"{where}.grades: min_score must fall strictly from best to worst and end at 0")
    start = raw.get("start")
    if not isinstance(start, (int, float)) or isinstance(start, bool) or start < minimums[0]:
        raise RuleConfigError(f"{where}.start must be a number no lower than the best grade's min_score")
    if raw.get("error_cap") not in GRADES:
        raise RuleConfigError(f"{where}.error_cap must be one of {GRADES}")
    return Grading(start=float(start), penalty={k: float(v) for k, v in penalty.items()},
                   grades=tuple((g["grade"], float(g["min_score"])) for g in grades), error_cap=raw["error_cap"])


def _parse_rule(entry: Any, index: int) -> Rule:
    where = f"{RULES_PATH.name}: rule #{index + 1}"
    if not isinstance(entry, dict):
        raise RuleConfigError(f"{where} must be an object")
    rule_id = entry.get("id")
    if not isinstance(rule_id, str) or not _NAME_RE.match(rule_id):
        raise RuleConfigError(f"{where}: 'id' must be a snake_case name, got {rule_id!r}")
    where = f"{RULES_PATH.name}: rule {rule_id}"
    known = {"id", "group", "severity", "title", "explanation", "params", "sql", "python"}
    unknown = set(entry) - known
    if unknown:
        raise RuleConfigError(f"{where}: unknown keys {sorted(unknown)}")
    if entry.get("group") not in GROUPS:
        raise RuleConfigError(f"{where}: 'group' must be one of {GROUPS}")
    if entry.get("severity") not in SEVERITIES:
        raise RuleConfigError(f"{where}: 'severity' must be one of {SEVERITIES}")
    params = entry.get("params", {})
    if not isinstance(params, dict):
        raise RuleConfigError(f"{where}: 'params' must be an object")
    for name, default in params.items():
        if not _NAME_RE.match(name):
            raise RuleConfigError(f"{where}: parameter name {name!r} must be snake_case")
        _check_param_value(name, default, default, where)
    if ("sql" in entry) == ("python" in entry):
        raise RuleConfigError(f"{where}: give exactly one of 'sql' (a file in review/rules/) or 'python'")
    sql_text = None
    if "sql" in entry:
        path = RULE_SQL_DIR / str(entry["sql"])
        if path.parent != RULE_SQL_DIR or path.suffix != ".sql" or not path.is_file():
            raise RuleConfigError(f"{where}: SQL file review/rules/{entry['sql']} does not exist")
        sql_text = path.read_text(encoding="utf-8").strip().rstrip(";")
        used = _sql_params(sql_text)
        if used != set(params):
            raise RuleConfigError(f"{where}: the SQL uses parameters {sorted(used)} but declares {sorted(params)}")
    elif entry["python"] not in PYTHON_RULES:
        raise RuleConfigError(f"{where}: no Python rule function {entry['python']!r} in review.engine.PYTHON_RULES")
    return Rule(id=rule_id, group=entry["group"], severity=entry["severity"], title=_text(entry, "title", where),
                explanation=_text(entry, "explanation", where), params=dict(params),
                sql_file=entry.get("sql"), python=entry.get("python"), sql=sql_text)


@lru_cache(maxsize=4)
def _load_rules_cached(path: str, mtime: float, sql_mtimes: tuple) -> RuleSet:
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise RuleConfigError(f"cannot read {path}: {exc}") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("rules"), list) or not raw["rules"]:
        raise RuleConfigError(f"{path}: expected an object with a non-empty 'rules' list")
    rules = tuple(_parse_rule(entry, i) for i, entry in enumerate(raw["rules"]))
    ids = [r.id for r in rules]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise RuleConfigError(f"{path}: duplicate rule ids {duplicates}")
    seen: dict[str, tuple[str, Any]] = {}
    for rule in rules:
        for name, default in rule.params.items():
            if name in seen and seen[name][1] != default:
                raise RuleConfigError(f"{path}: parameter {name!r} has default {default!r} in {rule.id} but "
                                      f"{seen[name][1]!r} in {seen[name][0]}")
            seen.setdefault(name, (rule.id, default))
    if set(ids) & set(SCOPES) or any(n in COMMON_FILTERS or n == "scope" for n in seen):
        raise RuleConfigError(f"{path}: rule or parameter names must not clash with the filters")
    return RuleSet(rules=rules, grading=_parse_grading(raw.get("grading")))


def load_rules(path: Union[str, Path] = RULES_PATH) -> RuleSet:
    """The rule table, validated (raises ``RuleConfigError``); re-read when a file changes."""
    path = Path(path)
    sql_mtimes = tuple(sorted((p.name, p.stat().st_mtime) for p in RULE_SQL_DIR.glob("*.sql")))
    try:
        mtime = path.stat().st_mtime
    except OSError as exc:
        raise RuleConfigError(f"cannot read {path}: {exc}") from exc
    return _load_rules_cached(str(path), mtime, sql_mtimes)


def rules_frame(ruleset: Optional[RuleSet] = None) -> pd.DataFrame:
    """One row per rule: rule_id, group, severity, severity_zh, title, explanation, params (JSON), implementation."""
    ruleset = ruleset or load_rules()
    return pd.DataFrame([{
        "rule_id": r.id, "group": r.group, "severity": r.severity, "severity_zh": SEVERITY_ZH[r.severity],
        "title": r.title, "explanation": r.explanation, "params": json.dumps(dict(r.params), ensure_ascii=False),
        "implementation": r.implementation,
    } for r in ruleset.rules])


# ---------------------------------------------------------------------------------------------------------------
# Python rules: fn(cursor, params) -> DataFrame with the columns RULE_OUTPUT
# ---------------------------------------------------------------------------------------------------------------


def _operator_tokens() -> tuple[str, ...]:
    from ingest.values import TABLES

    return tuple(token for token, _ in TABLES.prefix_ops) + tuple(token for token, _ in TABLES.suffix_ops)


@lru_cache(maxsize=1)
def _operator_pattern() -> re.Pattern:
    """Any of the operator tokens, as one pattern (a text contains one of them where the pattern finds it)."""
    return re.compile("|".join(re.escape(t) for t in sorted(set(_operator_tokens()), key=len, reverse=True)))


def satisfaction_no_operator(cur, params: Mapping[str, Any]) -> pd.DataFrame:
    """Satisfaction targets with a number but no comparison printed: no ≥ ≤ = > < (in any width) and none of the
    operator words of ingest/data/values.json (不低于, 以上 ...); ranges (90%-95%) have bounds and pass."""
    from ingest.values import normalise_value

    has_operator = _operator_pattern().search
    rows = cur.execute(
        "SELECT unit_key, indicator_id, value, op FROM rv_satisfaction"
        " WHERE target_number IS NOT NULL ORDER BY unit_key, position"
    ).fetchall()
    out = []
    for unit_key, indicator_id, value, op in rows:
        text = normalise_value(value or "")
        if op == "range" or has_operator(text):
            continue
        out.append((unit_key, indicator_id, None, f"满意度目标“{value}”没有写明 ≥、≤ 或 ="))
    return pd.DataFrame(out, columns=list(RULE_OUTPUT))


PYTHON_RULES: dict[str, Callable[[Any, Mapping[str, Any]], pd.DataFrame]] = {
    "satisfaction_no_operator": satisfaction_no_operator,
}


# ---------------------------------------------------------------------------------------------------------------
# Running the rules
# ---------------------------------------------------------------------------------------------------------------

# Temporary tables built once per run (DuckDB temp objects are per connection, so concurrent reviews do not see each
# other's tables and a read-only database is fine). Only rv_units applies the filters: the common filters, the scope
# and a range of doc_ids ($doc_lo..$doc_hi, NULL = all; the loader reviews the documents it has just written).
_UNIT_KEY = "CASE WHEN {a}.project_id IS NOT NULL THEN 'P' || {a}.project_id ELSE 'D' || {a}.dept_overall_id END"
_UNITS_SQL = f"""
    WITH units AS (
        SELECT 'P' || p.project_id AS unit_key, 'project' AS scope, p.project_id,
               NULL::INTEGER AS dept_overall_id, p.doc_id, p.source_file, p.province, p.jurisdiction, p.place,
               p.place_name, p.fiscal_year, p.department, p.sequence, p.name, p.total_wan, p.goal, p.line_start,
               p.line_end, p.truncated
        FROM f_projects($province, $jurisdictions, $years, $department, $theme) p
        WHERE $scope IN ('all', 'project') AND ($doc_lo IS NULL OR p.doc_id BETWEEN $doc_lo AND $doc_hi)
        UNION ALL
        SELECT 'D' || o.dept_overall_id, 'department', NULL, o.dept_overall_id, d.doc_id, d.source_file,
               d.province, d.jurisdiction, d.place, d.place_name, d.fiscal_year, d.department, 0,
               '{DEPARTMENT_UNIT_NAME}', o.total_wan, o.goal, o.line_start, o.line_end, false
        FROM department_overall o
        JOIN v_documents d ON d.doc_id = o.doc_id
        WHERE $scope IN ('all', 'department') AND ($doc_lo IS NULL OR d.doc_id BETWEEN $doc_lo AND $doc_hi)
          AND tb_match($province, $jurisdictions, $years, $department, $theme,
                       d.province, d.place, d.jurisdiction, d.fiscal_year, d.department, NULL)
    )
    SELECT *, {{unit_order}} AS unit_order
    FROM units"""
# reading order of the tables (run_review); the page functions sort by the same columns where they need to
_UNIT_ORDER = ("row_number() OVER (ORDER BY province, jurisdiction, fiscal_year, doc_id,"
               " CASE scope WHEN 'department' THEN 0 ELSE 1 END, sequence)")
_BASE_TABLES: tuple[tuple[str, str], ...] = (
    ("rv_indicators", f"""
        SELECT u.unit_key, i.indicator_id, i.position, i.level1, i.level2, i.category, i.name, i.value, i.op,
               i.target_number, i.target_number_max, i.target_unit, i.target_kind, i.target_wan, i.target_date,
               i.target_pct, i.target_class, i.flags, i.line_start, i.line_end
        FROM v_indicators i
        JOIN rv_units u ON u.unit_key = {_UNIT_KEY.format(a='i')}
        WHERE i.doc_id IN (SELECT doc_id FROM rv_units)"""),
    ("rv_satisfaction", """
        SELECT *, coalesce(target_pct, CASE WHEN target_unit IS NULL AND target_kind = 'number'
                                            THEN target_number END) AS sat_pct
        FROM rv_indicators
        WHERE level1 = '满意度指标'"""),
    ("rv_slots", f"""
        SELECT u.unit_key, s.slot_id, s.position, s.level1, s.level2, s.line_start, s.line_end
        FROM empty_slots s
        JOIN rv_units u ON u.unit_key = {_UNIT_KEY.format(a='s')}
        WHERE s.doc_id IN (SELECT doc_id FROM rv_units)"""),
    ("rv_funding", f"""
        SELECT u.unit_key, f.position, f.source, f.level, f.amount_wan
        FROM funding f
        JOIN rv_units u ON u.unit_key = {_UNIT_KEY.format(a='f')}
        WHERE f.doc_id IN (SELECT doc_id FROM rv_units)"""),
    ("rv_plan", """
        SELECT u.unit_key, s.period_index, s.period, s.value, s.unit, u.total_wan,
               last_value(s.value IGNORE NULLS) OVER (PARTITION BY u.unit_key ORDER BY s.period_index
                   ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS value_cf,
               count(*) OVER (PARTITION BY u.unit_key) AS n_periods,
               s.period_index = max(s.period_index) OVER (PARTITION BY u.unit_key) AS is_last
        FROM spending_plan s
        JOIN rv_units u ON u.project_id = s.project_id
        WHERE s.doc_id IN (SELECT doc_id FROM rv_units)"""),
)
# Numbers in messages: integers without ".0", others rounded to 4 decimals; rv_amount adds the unit.
_MACROS = (
    "CREATE OR REPLACE TEMP MACRO rv_num(x) AS CASE WHEN x IS NULL THEN '' "
    "WHEN CAST(x AS DOUBLE) = trunc(CAST(x AS DOUBLE)) AND abs(CAST(x AS DOUBLE)) < 1e15 "
    "THEN CAST(CAST(x AS BIGINT) AS VARCHAR) ELSE CAST(round(CAST(x AS DOUBLE), 4) AS VARCHAR) END",
    "CREATE OR REPLACE TEMP MACRO rv_amount(x, unit) AS rv_num(x) || CASE WHEN unit = '%' THEN '%' "
    "ELSE ' ' || coalesce(unit, '') END",
)
_TEMP_TABLES = ("rv_units", "rv_indicators", "rv_satisfaction", "rv_slots", "rv_funding", "rv_plan", "rv_raw",
                "rv_found")
# The columns of review_findings (ingest/schema.sql) in order; rv_found has them plus unit_key.
STORED_COLUMNS = ("doc_id", "scope", "project_id", "dept_overall_id", "rule_id", "rule_order", "row_no", "group_name",
                  "severity", "severity_rank", "title", "message", "indicator_id", "slot_id", "indicator_name",
                  "indicator_value", "level1", "level2", "anchor", "line_start", "line_end")
FINDINGS_VERSION = "2"  # raise when the stored form of the findings changes (they are then recomputed)


def rules_fingerprint(ruleset: Optional[RuleSet] = None) -> str:
    """What the stored findings depend on: the rule table, every rule file and the stored form."""
    import hashlib

    digest = hashlib.sha256(FINDINGS_VERSION.encode())
    digest.update(RULES_PATH.read_bytes())
    for path in sorted(RULE_SQL_DIR.glob("*.sql")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _bind_filters(filters: Mapping[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(filters) - set(COMMON_FILTERS) - {"scope"})
    if unknown:
        raise TypeError(f"run_review: unknown filter(s) {unknown}; known: {', '.join(COMMON_FILTERS + ('scope',))}")
    values = normalise_filters(filters)
    scope = filters.get("scope") or "all"
    if scope not in SCOPES:
        raise ValueError(f"run_review: scope must be one of {SCOPES}, got {scope!r}")
    values["scope"] = scope
    values["doc_lo"] = values["doc_hi"] = None
    return values


def _resolve_params(ruleset: RuleSet, params: Optional[Mapping[str, Any]]) -> dict[str, Any]:
    defaults = ruleset.defaults
    values = dict(defaults)
    for name, value in (params or {}).items():
        if name not in defaults:
            raise ValueError(f"unknown review parameter {name!r}; known: {', '.join(sorted(defaults))}")
        try:
            _check_param_value(name, value, defaults[name], "run_review")
        except RuleConfigError as exc:
            raise ValueError(str(exc)) from exc
        values[name] = list(value) if isinstance(value, tuple) else value
    return values


def _select_rules(ruleset: RuleSet, rule_ids: Optional[Iterable[str]]) -> tuple[Rule, ...]:
    if rule_ids is None:
        return ruleset.rules
    if isinstance(rule_ids, str):
        rule_ids = [rule_ids]
    wanted = list(dict.fromkeys(rule_ids))
    for rule_id in wanted:
        ruleset.get(rule_id)  # KeyError for an unknown id
    return tuple(r for r in ruleset.rules if r.id in wanted)


def _prepare_units(cur, filters: Mapping[str, Any], ordered: bool = True) -> None:
    used = _sql_params(_UNITS_SQL)
    sql = _UNITS_SQL.replace("{unit_order}", _UNIT_ORDER if ordered else "0")
    cur.execute(f"CREATE OR REPLACE TEMP TABLE rv_units AS {sql}", {k: filters[k] for k in used})


def _prepare(cur, filters: Mapping[str, Any]) -> None:
    for macro in _MACROS:
        cur.execute(macro)
    _prepare_units(cur, filters)
    for name, select in _BASE_TABLES:
        cur.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {select}")


def _drop_temp(cur) -> None:
    for name in _TEMP_TABLES:
        cur.execute(f"DROP TABLE IF EXISTS temp.{name}")


# What every rule's rows become (rv_raw): its own columns, then which rule and which of its rows.
_RAW_SCHEMA = pa.schema([("unit_key", pa.string()), ("indicator_id", pa.int32()), ("slot_id", pa.int32()),
                         ("message", pa.string()), ("rule_id", pa.string()), ("row_no", pa.int32())])


def _run_rule(cur, rule: Rule, values: Mapping[str, Any]) -> pa.Table:
    """The rows ``rule`` finds, as an Arrow table of ``_RAW_SCHEMA`` (row_no: the rule's own order)."""
    bound = {name: values[name] for name in rule.params}
    try:
        if rule.sql is not None:
            found = cur.execute(rule.sql, bound).to_arrow_table() if bound else \
                cur.execute(rule.sql).to_arrow_table()
        else:
            frame = PYTHON_RULES[rule.python](cur, bound)
            if set(frame.columns) != set(RULE_OUTPUT):
                raise ReviewError(f"returned columns {list(frame.columns)}, expected {RULE_OUTPUT}")
            found = pa.Table.from_pandas(frame[list(RULE_OUTPUT)].astype("object"), preserve_index=False)
        if set(found.column_names) != set(RULE_OUTPUT):
            raise ReviewError(f"returned columns {found.column_names}, expected {RULE_OUTPUT}")
        n = found.num_rows
        columns = [found.column(c).cast(_RAW_SCHEMA.field(c).type) for c in RULE_OUTPUT]
        columns += [pa.array([rule.id] * n, pa.string()), pa.array(range(n), pa.int32())]
        return pa.Table.from_arrays(columns, schema=_RAW_SCHEMA)
    except ReviewError as exc:
        raise ReviewError(f"review rule {rule.id} {exc}") from exc
    except Exception as exc:  # noqa: BLE001 - name the failing rule
        raise ReviewError(f"review rule {rule.id} failed: {exc}") from exc


# The raw rule output (rv_raw) with its table, indicator or empty row: the stored form of a finding (rv_found).
_FOUND_SQL = """
    SELECT u.doc_id, u.scope, u.project_id, u.dept_overall_id, r.rule_id, m.rule_order, r.row_no,
           m.group_name, m.severity, m.severity_rank, m.title, r.message, r.indicator_id, r.slot_id,
           i.name AS indicator_name, i.value AS indicator_value,
           CASE WHEN i.indicator_id IS NOT NULL THEN i.level1 ELSE s.level1 END AS level1,
           CASE WHEN i.indicator_id IS NOT NULL THEN i.level2 ELSE s.level2 END AS level2,
           CASE WHEN i.indicator_id IS NOT NULL THEN 'indicator' WHEN s.slot_id IS NOT NULL THEN 'empty_row'
                ELSE 'table' END AS anchor,
           coalesce(i.line_start, s.line_start, u.line_start) AS line_start,
           CASE WHEN i.indicator_id IS NOT NULL THEN i.line_end WHEN s.slot_id IS NOT NULL THEN s.line_end
                ELSE u.line_end END AS line_end,
           u.unit_key
    FROM rv_raw r
    JOIN rv_units u ON u.unit_key = r.unit_key
    JOIN rv_rules m ON m.rule_id = r.rule_id
    LEFT JOIN indicators i ON i.indicator_id = r.indicator_id AND i.doc_id IN (SELECT doc_id FROM rv_units)
    LEFT JOIN empty_slots s ON s.slot_id = r.slot_id AND r.indicator_id IS NULL
                               AND s.doc_id IN (SELECT doc_id FROM rv_units)"""


def _findings_of_rules(cur, rules: Sequence[Rule], values: Mapping[str, Any]) -> None:
    """Run ``rules`` on the prepared tables and write what they found to the temporary table rv_found."""
    # rv_raw_rows and rv_rules_rows: local Arrow tables that DuckDB reads by their names (a replacement scan)
    rv_raw_rows = pa.concat_tables([_RAW_SCHEMA.empty_table()] + [_run_rule(cur, rule, values)  # noqa: F841
                                                                   for rule in rules])
    rv_rules_rows = pa.table({  # noqa: F841
        "rule_id": pa.array([r.id for r in rules], pa.string()),
        "rule_order": pa.array(range(len(rules)), pa.int64()),
        "group_name": pa.array([r.group for r in rules], pa.string()),
        "severity": pa.array([r.severity for r in rules], pa.string()),
        "severity_rank": pa.array([SEVERITIES.index(r.severity) for r in rules], pa.int64()),
        "title": pa.array([r.title for r in rules], pa.string())})
    cur.execute("CREATE OR REPLACE TEMP TABLE rv_raw AS SELECT * FROM rv_raw_rows")
    cur.execute("CREATE OR REPLACE TEMP TABLE rv_rules AS SELECT * FROM rv_rules_rows")
    unknown = cur.execute("SELECT DISTINCT unit_key FROM rv_raw WHERE unit_key NOT IN (SELECT unit_key FROM rv_units)"
                          " LIMIT 5").fetchall()
    if unknown:
        raise ReviewError(f"review rules returned unknown tables {sorted(r[0] for r in unknown)}")
    cur.execute(f"CREATE OR REPLACE TEMP TABLE rv_found AS {_FOUND_SQL}")


def review_documents(con, doc_lo: int, doc_hi: int) -> int:
    """Write the findings of every rule (default parameters) for the documents ``doc_lo``..``doc_hi`` to
    review_findings, on ``con`` itself (the loader's open transaction: the rows just written are visible only
    there). Returns the number of findings written."""
    ruleset = load_rules()
    filters = _bind_filters({})
    filters.update(doc_lo=int(doc_lo), doc_hi=int(doc_hi))
    try:
        _prepare(con, filters)
        _findings_of_rules(con, ruleset.rules, ruleset.defaults)
        con.execute(f"INSERT INTO review_findings ({', '.join(STORED_COLUMNS)}) "
                    f"SELECT {', '.join(STORED_COLUMNS)} FROM rv_found")
        return int(con.execute("SELECT count(*) FROM rv_found").fetchone()[0])
    finally:
        _drop_temp(con)


def stored_fingerprint(cur) -> Optional[str]:
    """The fingerprint of the rules the stored findings were computed with (None: no findings stored)."""
    try:
        row = cur.execute("SELECT max(fingerprint) FROM review_state").fetchone()
    except Exception:  # noqa: BLE001 - a database without the table
        return None
    return row[0] if row else None


def findings_current(cur) -> bool:
    """Whether review_findings was computed with the current rules (else they are computed live)."""
    return stored_fingerprint(cur) == rules_fingerprint()


def refresh_findings(con) -> int:
    """Recompute every stored finding with the current rules (one transaction); the loader calls it when the rules
    changed since the findings were written. Returns the number of findings."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM review_findings")
        lo, hi = con.execute("SELECT min(doc_id), max(doc_id) FROM documents").fetchone()
        n = review_documents(con, lo, hi) if lo is not None else 0
        mark_current(con)
        con.execute("COMMIT")
        return n
    except BaseException:
        con.execute("ROLLBACK")
        raise


def mark_current(con) -> None:
    con.execute("DELETE FROM review_state")
    con.execute("INSERT INTO review_state VALUES (?)", [rules_fingerprint()])


def _source(cur, bound: Mapping[str, Any], rules: Optional[Sequence[Rule]] = None,
            values: Optional[Mapping[str, Any]] = None, stored: bool = True, ordered: bool = True) -> str:
    """Prepare rv_units for ``bound`` and return the table holding their findings: review_findings when it is
    current and the default rules and parameters are asked for, else rv_found computed now."""
    ruleset = load_rules()
    default = rules is None or (tuple(r.id for r in rules) == ruleset.ids and dict(values or {}) == ruleset.defaults)
    for macro in _MACROS:
        cur.execute(macro)
    if stored and default and findings_current(cur):
        _prepare_units(cur, bound, ordered)
        return "review_findings"
    _prepare(cur, bound)
    _findings_of_rules(cur, rules or ruleset.rules, values if values is not None else ruleset.defaults)
    return "rv_found"


def _shown(severities: Optional[Sequence[str]], groups: Optional[Sequence[str]]) -> dict:
    return {"severities": list(severities) if severities else list(SEVERITIES),
            "groups": list(groups) if groups else list(GROUPS)}


_FINDING_SELECT = """
    SELECT f.rule_id, f.group_name AS "group", f.severity, f.title, f.message, f.scope, f.project_id,
           f.dept_overall_id, f.doc_id, u.province, u.jurisdiction, u.place, u.place_name, u.fiscal_year,
           u.department, u.sequence AS project_sequence, u.name AS project_name, f.indicator_id,
           f.indicator_name, f.indicator_value, f.level1, f.level2, f.anchor, f.line_start, f.line_end,
           u.source_file
    FROM {table} f
    JOIN rv_units u ON coalesce(u.project_id, -u.dept_overall_id) = coalesce(f.project_id, -f.dept_overall_id)
    WHERE f.doc_id IN (SELECT doc_id FROM rv_units)
      AND list_contains($severities, f.severity) AND list_contains($groups, f.group_name)"""
# Reading order (run_review): table by table, then by line, rule and position in the rule's output.
_READING_ORDER = "u.unit_order, f.line_start, f.rule_order, f.row_no"
# The review page (review_findings_page, _SORT_KEYS): errors first, then by place, table (部门整体 first) and line.


def _grade_sql(table: str) -> str:
    """Grades of the tables of rv_units from the findings in ``table``, in SQL (parameters: the grading)."""
    return f"""
    WITH c AS (
        SELECT project_id, dept_overall_id,
               count(*) FILTER (WHERE severity = 'error') AS n_error,
               count(*) FILTER (WHERE severity = 'warning') AS n_warning,
               count(*) FILTER (WHERE severity = 'info') AS n_info
        FROM {table}
        WHERE doc_id IN (SELECT doc_id FROM rv_units)
        GROUP BY project_id, dept_overall_id
    ), s AS (
        SELECT u.*, coalesce(c.n_error, 0) AS n_error, coalesce(c.n_warning, 0) AS n_warning,
               coalesce(c.n_info, 0) AS n_info,
               greatest(0.0, $start - coalesce(c.n_error, 0) * $p_error - coalesce(c.n_warning, 0) * $p_warning
                        - coalesce(c.n_info, 0) * $p_info)::DOUBLE AS score
        FROM rv_units u
        LEFT JOIN c ON coalesce(c.project_id, -c.dept_overall_id) = coalesce(u.project_id, -u.dept_overall_id)
    ), g AS (
        SELECT *, CASE WHEN score >= $min_1 THEN 1 WHEN score >= $min_2 THEN 2 WHEN score >= $min_3 THEN 3
                       ELSE 4 END AS raw_rank
        FROM s
    )
    SELECT scope, project_id, dept_overall_id, doc_id, province, jurisdiction, place, place_name, fiscal_year,
           department, sequence AS project_sequence, name AS project_name, total_wan,
           n_error, n_warning, n_info, n_error + n_warning + n_info AS n_findings, score,
           $grades[CASE WHEN n_error > 0 AND raw_rank < $cap_rank THEN $cap_rank ELSE raw_rank END] AS grade,
           n_error > 0 AND raw_rank < $cap_rank AS capped,
           line_start, line_end, source_file, unit_order
    FROM g"""


def _grading_params(grading: Grading) -> dict[str, Any]:
    mins = [m for _, m in grading.grades]
    return {"start": grading.start, "p_error": grading.penalty["error"], "p_warning": grading.penalty["warning"],
            "p_info": grading.penalty["info"], "min_1": mins[0], "min_2": mins[1], "min_3": mins[2],
            "grades": list(GRADES), "cap_rank": GRADES.index(grading.error_cap) + 1}


def _fix_types(df: pd.DataFrame) -> pd.DataFrame:
    for column in _INT_COLUMNS:
        if column in df.columns:
            df[column] = pd.to_numeric(df[column]).astype("Int64")
    if "total_wan" in df.columns:
        df["total_wan"] = pd.to_numeric(df["total_wan"]).astype("float64")
    for column in ("n_error", "n_warning", "n_info", "n_findings"):
        if column in df.columns:
            df[column] = pd.to_numeric(df[column]).astype("int64")
    if "capped" in df.columns:
        df["capped"] = df["capped"].astype(bool)
    return df


def run_review(con, rule_ids: Optional[Iterable[str]] = None, params: Optional[Mapping[str, Any]] = None,
               stored: bool = True, **filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Review the tables of ``con`` selected by ``filters``; return ``(findings, grades)``.

    ``rule_ids``: run only these rules (``KeyError`` for an unknown id); grades then reflect only their findings.
    ``params``: parameter overrides by name (``ValueError`` for an unknown name or a value of the wrong type).
    ``filters``: ``province``, ``jurisdictions``, ``years``, ``department``, ``theme`` as in ``queries.run``, and
    ``scope`` = ``'all'`` | ``'project'`` | ``'department'``.

    With every rule at its default parameters the findings written at load time (review_findings) are read; other
    rules or parameters, findings of older rules, or ``stored=False`` compute them now. Grades are computed in SQL
    either way.
    """
    ruleset = load_rules()
    rules = _select_rules(ruleset, rule_ids)
    values = _resolve_params(ruleset, params)
    bound = _bind_filters(filters)
    cur = con.cursor()
    try:
        table = _source(cur, bound, rules, values, stored)
        findings = cur.execute(_FINDING_SELECT.format(table=table) + f" ORDER BY {_READING_ORDER}",
                               _shown(None, None)).df()
        grades = cur.execute(_grade_sql(table) + " ORDER BY unit_order", _grading_params(ruleset.grading)).df()
    finally:
        cur.close()
    findings = _fix_types(findings)[list(FINDING_COLUMNS)].reset_index(drop=True)
    return findings, _fix_types(grades)[list(GRADE_COLUMNS)].reset_index(drop=True)


# ---------------------------------------------------------------------------------------------------------------
# The review page: counts, charts and pages of findings and grades, computed in SQL on the stored findings
# ---------------------------------------------------------------------------------------------------------------


def review_overview(con, severities: Optional[Sequence[str]] = None, groups: Optional[Sequence[str]] = None,
                    top: int = 25, **filters) -> dict:
    """For the review page: the KPI counts of the findings shown (``severities`` x ``groups``), the grades of
    every table (all findings count), and the findings per rule and per place (the ``top`` largest, with the
    number left out), all in SQL."""
    ruleset = load_rules()
    bound = _bind_filters(filters)
    shown = _shown(severities, groups)
    cur = con.cursor()
    try:
        table = _source(cur, bound, ordered=False)
        base = _FINDING_SELECT.format(table=table).replace("SELECT f.rule_id", f"SELECT {_SORT_KEYS}, f.rule_id", 1)
        keys = ", ".join(f"_k{i}" for i in range(1, 11))
        # _pos: where the page lists the finding (errors first, then by place …), as one comparable value
        cur.execute("CREATE OR REPLACE TEMP TABLE rv_shown AS SELECT severity, scope, project_id, dept_overall_id,"
                    f" title, place, place_name, fiscal_year, ({keys}) AS _pos FROM ({base})", shown)
        k = cur.execute("""
            SELECT count(*), count(*) FILTER (WHERE severity = 'error'), count(*) FILTER (WHERE severity = 'warning'),
                   count(*) FILTER (WHERE severity = 'info'),
                   count(DISTINCT (scope, project_id, dept_overall_id))
            FROM rv_shown""").fetchone()
        grades = cur.execute(f"SELECT grade, count(*) FROM ({_grade_sql(table)}) GROUP BY grade",
                             _grading_params(ruleset.grading)).fetchall()
        n_tables = int(cur.execute("SELECT count(*) FROM rv_units").fetchone()[0])
        # per rule and per place (and severity), the most findings first; ties in the order the page lists them
        by_rule = cur.execute("""
            SELECT title AS label, severity, count(*) AS n, sum(count(*)) OVER (PARTITION BY title) AS total,
                   min(min(_pos)) OVER (PARTITION BY title) AS first
            FROM rv_shown GROUP BY title, severity ORDER BY total DESC, first, severity""").df()
        # per place: only the ``top`` place-years a chart shows (nationwide there are tens of thousands)
        by_place = cur.execute("""
            WITH g AS (
                SELECT place, place_name, fiscal_year, severity, count(*) AS n,
                       sum(count(*)) OVER (PARTITION BY place, fiscal_year) AS total,
                       min(min(_pos)) OVER (PARTITION BY place, fiscal_year) AS first
                FROM rv_shown GROUP BY place, place_name, fiscal_year, severity
            ), r AS (
                SELECT *, dense_rank() OVER (ORDER BY total DESC, first, place, fiscal_year) AS _rank FROM g
            )
            SELECT * EXCLUDE (_rank), max(_rank) OVER () AS n_groups FROM r
            QUALIFY _rank <= $top
            ORDER BY total DESC, first, severity""", {"top": int(top)}).df()
        cur.execute("DROP TABLE IF EXISTS temp.rv_shown")
    finally:
        cur.close()
    by_grade = {g: 0 for g in GRADES}
    by_grade.update({g: int(n) for g, n in grades})
    return {"findings": int(k[0]), "error": int(k[1]), "warning": int(k[2]), "info": int(k[3]),
            "tables_with_findings": int(k[4]), "tables": n_tables, "poor": by_grade["差"], "by_grade": by_grade,
            "by_rule": by_rule, "by_place": by_place.drop(columns=["n_groups"]),
            "n_place_years": int(by_place["n_groups"].iloc[0]) if len(by_place) else 0,
            "current": table == "review_findings"}


def review_findings_page(con, severities: Optional[Sequence[str]] = None, groups: Optional[Sequence[str]] = None,
                         limit: Optional[int] = None, offset: int = 0, total: Optional[int] = None,
                         **filters) -> tuple[pd.DataFrame, int]:
    """One page of the findings shown, errors first, then by place, table and line; and how many there are
    (``total``: that number when the caller knows it already, from ``review_overview`` of the same filters)."""
    bound = _bind_filters(filters)
    cur = con.cursor()
    try:
        table = _source(cur, bound, ordered=False)
        select = _FINDING_SELECT.format(table=table).replace("SELECT f.rule_id", f"SELECT {_SORT_KEYS}, f.rule_id", 1)
        keys = ", ".join(f"_k{i}" for i in range(1, 11))
        # the page (a top-N sort) and the count apart: a window count over every row would hold them all
        sql = f"WITH x AS ({select}) SELECT * EXCLUDE ({keys}) FROM x ORDER BY {keys} LIMIT $limit OFFSET $offset"
        shown = _shown(severities, groups)
        frame = cur.execute(sql, {**shown, "limit": limit, "offset": int(offset)}).df()
        if limit is None and not offset:
            n = len(frame)
        elif total is not None:
            n = int(total)
        else:
            n = int(cur.execute(f"WITH x AS ({_FINDING_SELECT.format(table=table)}) SELECT count(*) FROM x",
                                shown).fetchone()[0])
    finally:
        cur.close()
    frame = _fix_types(frame)
    return frame.reset_index(drop=True), n


_SORT_KEYS = ("f.severity_rank AS _k1, u.province AS _k2, u.jurisdiction AS _k3, u.fiscal_year AS _k4, "
              "u.scope <> 'department' AS _k5, u.sequence AS _k6, f.line_start AS _k7, u.doc_id AS _k8, "
              "f.rule_order AS _k9, f.row_no AS _k10")


def review_grades_page(con, limit: Optional[int] = None, offset: int = 0, **filters) -> tuple[pd.DataFrame, int]:
    """One page of the grades (every table of the filters, in reading order) and how many tables there are."""
    ruleset = load_rules()
    bound = _bind_filters(filters)
    cur = con.cursor()
    try:
        table = _source(cur, bound, ordered=False)
        sql = (f"SELECT *, count(*) OVER () AS _n_rows FROM ({_grade_sql(table)}) ORDER BY province, jurisdiction,"
               " fiscal_year, doc_id, scope <> 'department', project_sequence LIMIT $limit OFFSET $offset")
        frame = cur.execute(sql, {**_grading_params(ruleset.grading), "limit": limit, "offset": int(offset)}).df()
    finally:
        cur.close()
    n = int(frame["_n_rows"].iloc[0]) if len(frame) else 0
    return _fix_types(frame.drop(columns=["_n_rows", "unit_order"])).reset_index(drop=True), n


def filter_severity(findings: pd.DataFrame, severity: Optional[str]) -> pd.DataFrame:
    """Findings at least as severe as ``severity`` (``None`` = all)."""
    if severity is None:
        return findings
    if severity not in SEVERITIES:
        raise ValueError(f"severity must be one of {SEVERITIES}, got {severity!r}")
    keep = SEVERITIES[:SEVERITIES.index(severity) + 1]
    return findings[findings["severity"].isin(keep)].reset_index(drop=True)


def summary(findings: pd.DataFrame, grades: pd.DataFrame, ruleset: Optional[RuleSet] = None) -> dict:
    """Counts for the CLI and the report: per rule (every rule, 0 included), per severity and per grade."""
    ruleset = ruleset or load_rules()
    by_rule = findings["rule_id"].value_counts().to_dict() if len(findings) else {}
    by_severity = findings["severity"].value_counts().to_dict() if len(findings) else {}
    by_grade = grades["grade"].value_counts().to_dict() if len(grades) else {}
    return {
        "documents": int(grades["doc_id"].nunique()) if len(grades) else 0,
        "tables": len(grades),
        "projects": int((grades["scope"] == "project").sum()) if len(grades) else 0,
        "department_tables": int((grades["scope"] == "department").sum()) if len(grades) else 0,
        "findings": len(findings),
        "by_severity": {s: int(by_severity.get(s, 0)) for s in SEVERITIES},
        "by_rule": {r.id: int(by_rule.get(r.id, 0)) for r in ruleset.rules},
        "by_grade": {g: int(by_grade.get(g, 0)) for g in GRADES},
    }


# ---------------------------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------------------------


def add_review_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options of ``python -m ingest review`` (for a subparser of ingest/cli.py)."""
    parser.add_argument("--db", default=None,
                        help=f"数据库文件（默认 {DEFAULT_DB}，不存在时用 sample_data 中的样例建立）")
    parser.add_argument("--json", action="store_true", help="输出 JSON：{\"summary\", \"findings\", \"grades\"}")
    parser.add_argument("--xlsx", metavar="OUT", help="另存为 Excel 审核报告（审核意见、项目评级、规则说明三张表）")
    parser.add_argument("--severity", choices=SEVERITIES,
                        help="只列出此严重程度及以上的问题：error 仅错误，warning 错误和警告，info 全部（默认）；"
                             "评级始终按全部问题计算")
    parser.add_argument("--rule", action="append", metavar="ID", help="只运行指定规则（可重复）")
    parser.add_argument("--jurisdiction", action="append", metavar="NAME", help="只审核指定地区（可重复）")
    parser.add_argument("--year", action="append", type=int, metavar="YEAR", help="只审核指定年度（可重复）")
    parser.add_argument("--scope", choices=SCOPES, default="all",
                        help="all 全部（默认），project 仅项目表，department 仅部门整体支出表")
    parser.add_argument("--show-personal", action="store_true",
                        help="显示原文中的手机号、座机号和身份证号（默认打码，仅供文件所有者核对；Excel 报告始终打码）")
    return parser


def build_review_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ingest review",
                                     description="按 review/rules.json 中的规则审核已导入的绩效目标，并给出评级。")
    return add_review_arguments(parser)


def _lines(start, end) -> str:
    if start is None or pd.isna(start):
        return ""
    return f"第 {int(start)} 行" if pd.isna(end) or int(end) == int(start) else f"第 {int(start)}–{int(end)} 行"


def _wan(value) -> str:
    if value is None or pd.isna(value):
        return "预算未识别"
    return f"{float(value):g} 万元"


def format_text(findings: pd.DataFrame, grades: pd.DataFrame, shown: pd.DataFrame, info: dict) -> str:
    """The readable Chinese report of the CLI: a summary, then every table with its grade and findings."""
    sev = info["by_severity"]
    out = [
        f"绩效目标审核：{info['documents']} 个文件，{info['tables']} 张表（项目 {info['projects']}，"
        f"部门整体 {info['department_tables']}）；发现问题 {info['findings']} 条"
        f"（错误 {sev['error']}，警告 {sev['warning']}，提示 {sev['info']}）",
        "评级：" + "，".join(f"{g} {n}" for g, n in info["by_grade"].items()),
    ]
    if len(shown) != len(findings):
        out.append(f"（下面只列出 {len(shown)} 条达到所选严重程度的问题；评级按全部问题计算）")
    current_doc = None
    for unit in grades.itertuples(index=False):
        if unit.doc_id != current_doc:
            current_doc = unit.doc_id
            year = f" {unit.fiscal_year}年" if not pd.isna(unit.fiscal_year) else ""
            out += ["", f"{unit.jurisdiction or '地区未识别'}{year}（{unit.source_file}）"]
        label = f"{unit.project_sequence}. " if unit.scope == "project" else ""
        name = unit.project_name if unit.scope == "project" else DEPARTMENT_UNIT_NAME
        cap = "，有错误，最高为中" if unit.capped else ""
        out.append(f"  {label}{name}（{_wan(unit.total_wan)}）　评级 {unit.grade}（得分 {unit.score:g}{cap}）"
                   f"　错误 {unit.n_error}，警告 {unit.n_warning}，提示 {unit.n_info}")
        if unit.scope == "project":
            mine = shown[(shown["scope"] == "project") & (shown["project_id"] == unit.project_id)]
        else:
            mine = shown[(shown["scope"] == "department") & (shown["dept_overall_id"] == unit.dept_overall_id)]
        for f in mine.itertuples(index=False):
            out.append(f"      [{SEVERITY_ZH[f.severity]}] {_lines(f.line_start, f.line_end)}　{f.title}：{f.message}")
    return "\n".join(out)


def frame_records(frame: pd.DataFrame) -> list[dict]:
    """A DataFrame as JSON-ready records (NaN/NA -> None, numpy scalars -> Python)."""
    return json.loads(frame.to_json(orient="records", force_ascii=False))


def _open_database(db: Optional[str]):
    from ingest import loader

    if db is None:
        path = loader.ensure_database(DEFAULT_DB, SAMPLE_DIR)
    else:
        path = Path(db)
        if not path.exists():
            raise FileNotFoundError(f"数据库文件不存在：{path}（可先运行 python -m ingest load 导入）")
    return loader.connect(path, read_only=True), path


def main_review(argv: Union[Sequence[str], argparse.Namespace, None] = None) -> int:
    """``python -m ingest review [--db FILE] [--json] [--xlsx OUT] [--severity error|warning|info]``.

    ``argv``: the arguments after ``review``, or a namespace parsed with ``add_review_arguments``. Exit code 0 on
    success (whatever was found), 1 when the database is missing or a rule fails, 2 when it is locked.
    """
    from ingest.loader import DatabaseLockedError
    from ui.privacy import mask_personal

    args = argv if isinstance(argv, argparse.Namespace) else build_review_parser().parse_args(
        None if argv is None else list(argv))
    filters = {"jurisdictions": getattr(args, "jurisdiction", None), "years": getattr(args, "year", None),
               "scope": getattr(args, "scope", None) or "all"}
    try:
        con, path = _open_database(getattr(args, "db", None))
    except DatabaseLockedError as exc:
        print(exc.message_zh, file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    try:
        findings, grades = run_review(con, rule_ids=getattr(args, "rule", None), **filters)
    except KeyError as exc:
        print(f"未知的规则：{exc.args[0]}", file=sys.stderr)
        return 1
    except ReviewError as exc:
        print(f"审核规则执行失败：{exc}", file=sys.stderr)
        return 1
    finally:
        con.close()
    shown = filter_severity(findings, getattr(args, "severity", None))
    info = summary(findings, grades)
    if getattr(args, "xlsx", None):
        from review.report import build_report

        Path(args.xlsx).parent.mkdir(parents=True, exist_ok=True)
        Path(args.xlsx).write_bytes(build_report(shown, grades))
    if getattr(args, "json", False):
        payload = {"db": str(path), "severity": getattr(args, "severity", None), "summary": info,
                   "findings": frame_records(shown), "grades": frame_records(grades)}
        text = json.dumps(payload, ensure_ascii=False, indent=2)
    else:
        text = format_text(findings, grades, shown, info)
    print(text if getattr(args, "show_personal", False) else mask_personal(text))
    if getattr(args, "xlsx", None):
        print(f"已写出审核报告：{args.xlsx}", file=sys.stderr if getattr(args, "json", False) else sys.stdout)
    return 0


# ---------------------------------------------------------------------------------------------------------------
# Documentation: the generated block of docs/review_rules.md
# ---------------------------------------------------------------------------------------------------------------

DOCS_BEGIN = "<!-- BEGIN GENERATED FROM review/rules.json: do not edit by hand, run review.engine.update_docs() -->"
DOCS_END = "<!-- END GENERATED -->"


def _param_text(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(value) + "]"
    return f"{value:g}" if isinstance(value, float) else str(value)


def rules_markdown(ruleset: Optional[RuleSet] = None) -> str:
    """The rule table, the rule explanations and the grade mapping, as Markdown (between the markers)."""
    ruleset = ruleset or load_rules()
    g = ruleset.grading
    out = [DOCS_BEGIN, "", "### 规则一览", "",
           "| 编号 | 类别 | 严重程度 | 标题 | 参数（默认值） | 实现 |",
           "| --- | --- | --- | --- | --- | --- |"]
    for r in ruleset.rules:
        params = "；".join(f"`{k}` = {_param_text(v)}" for k, v in r.params.items()) or "—"
        out.append(f"| `{r.id}` | {r.group} | {SEVERITY_ZH[r.severity]}（{r.severity}） | {r.title} | {params} "
                   f"| {r.implementation} |")
    out += ["", "### 规则说明", ""]
    for group in GROUPS:
        out += [f"#### {group}", ""]
        for r in (r for r in ruleset.rules if r.group == group):
            out.append(f"- **`{r.id}` {r.title}**（{SEVERITY_ZH[r.severity]}）：{r.explanation}")
        out.append("")
    penalty = "，".join(f"每条{SEVERITY_ZH[s]}扣 {g.penalty[s]:g} 分" for s in SEVERITIES)
    out += ["### 评级", "",
            f"每张表从 {g.start:g} 分起算，{penalty}，最低 0 分。按得分评级：", "",
            "| 评级 | 得分 |", "| --- | --- |"]
    bounds = [None] + [m for _, m in g.grades[:-1]]
    for (grade, minimum), upper in zip(g.grades, bounds):
        span = f"≥ {minimum:g}" if upper is None else f"{minimum:g} ≤ 得分 < {upper:g}"
        out.append(f"| {grade} | {span} |")
    out += ["", f"有任何一条错误的表，评级最高为“{g.error_cap}”（得分更高时降为“{g.error_cap}”，"
                f"评级表的 `capped` 列为 true）。", "", DOCS_END]
    return "\n".join(out)


def docs_block(text: str) -> Optional[str]:
    """The generated block of a docs text (markers included), or None when the markers are missing."""
    start, end = text.find(DOCS_BEGIN), text.find(DOCS_END)
    if start < 0 or end < start:
        return None
    return text[start:end + len(DOCS_END)]


def update_docs(path: Union[str, Path] = DOCS_PATH) -> bool:
    """Rewrite the generated block of ``path`` from rules.json; return True when the file changed."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    block = docs_block(text)
    if block is None:
        raise ValueError(f"{path}: markers {DOCS_BEGIN!r} … {DOCS_END!r} not found")
    new = text.replace(block, rules_markdown())
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":  # pragma: no cover - the lead wires ``python -m ingest review`` in ingest/cli.py
    sys.exit(main_review())
