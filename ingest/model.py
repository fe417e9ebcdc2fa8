"""Typed model of a performance-target document.

Readers produce rows of cells; the interpreter turns them into these objects; the loader writes them to DuckDB.
Every project, indicator and empty indicator slot keeps the 1-based line range it came from
(``line_start``..``line_end`` inclusive) so the UI can show the original lines.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Optional

from ingest.grid import ParseWarning


@dataclass
class ParsedTarget:
    """A target value (指标值) read into operator, number, unit and kind.

    op: one of ``>=`` ``<=`` ``=`` ``>`` ``<`` ``range`` or ``None`` (qualitative, placeholder, empty).
    number: the (lower) number; ``number_max`` the upper bound of a range.
    unit: the unit as it should be read (``%``, ``万元``, ``元``, ``元/人/月``, ``件``, ``个月`` ...).
    kind: ``percent`` | ``count`` | ``money`` | ``deadline`` | ``duration`` | ``number`` | ``qualitative``
        | ``placeholder`` | ``empty``.
    amount_wan: for money, the number converted to 万元 (per the same rate unit, e.g. per person per month).
    date: for deadlines with a calendar date, ISO ``YYYY-MM-DD`` (the last day when only a month is given).
    flags: why the reading is uncertain (``unit_missing``, ``approximate``, ``digits_glued``,
        ``fraction_as_percent`` ...); an empty list means the value read cleanly.
    """

    op: Optional[str] = None
    number: Optional[float] = None
    number_max: Optional[float] = None
    unit: Optional[str] = None
    kind: str = "qualitative"
    amount_wan: Optional[float] = None
    date: Optional[str] = None
    flags: list[str] = field(default_factory=list)

    def frozen(self) -> tuple:
        """The reading as a tuple of plain values, flags as a tuple: what a cache keeps (the garbage collector
        does not walk such tuples, as it walks objects and lists)."""
        return (self.op, self.number, self.number_max, self.unit, self.kind, self.amount_wan, self.date,
                tuple(self.flags))

    @classmethod
    def thawed(cls, fields: tuple) -> ParsedTarget:
        """The reading :meth:`frozen` made into ``fields``, with a list of flags of its own."""
        op, number, number_max, unit, kind, amount_wan, date, flags = fields
        return cls(op, number, number_max, unit, kind, amount_wan, date, list(flags))


@dataclass
class Indicator:
    level1: Optional[str]  # canonical, e.g. 产出指标 / 效益指标 / 满意度指标 / 成本指标
    level2: Optional[str]  # canonical, e.g. 数量指标 / 社会效益指标 / 服务对象满意度指标
    level1_raw: Optional[str]  # as written in the document (None where the cell was blank and nothing applied)
    level2_raw: Optional[str]
    name: str  # 三级指标, as printed (wrap artefacts removed)
    value: str  # 指标值, as printed ("" when the cell is empty)
    target: ParsedTarget = field(default_factory=ParsedTarget)
    description: Optional[str] = None  # 绩效指标描述
    basis: Optional[str] = None  # 指标值确定依据
    weight: Optional[float] = None  # 分值 / 权重 (a number printed under 绩效标准 too)
    actual: Optional[str] = None  # 实际完成值 (self-evaluation tables), as printed
    score: Optional[float] = None  # 得分 (self-evaluation tables)
    remarks: Optional[str] = None  # 备注 / 偏差原因
    target_set: str = "annual"  # annual, or mid for a mid-term (中期/长期) column group or block
    ref: Optional[str] = None  # where a binary source has it: sheet and cell, page, HTML table and row
    line_start: int = 0
    line_end: int = 0


@dataclass
class EmptySlot:
    """An indicator row of the form that was left empty (a level-2 category with no indicator under it)."""

    level1: Optional[str]
    level2: Optional[str]
    line_start: int
    line_end: int


@dataclass
class FundingSource:
    source: str  # the label as printed, e.g. 中央补助 / 区级资金 / 财政拨款
    level: str  # central | provincial | city | county | fiscal | other
    amount_wan: float


@dataclass
class SpendingPlan:
    """Quarterly spending plan (资金支出计划). ``values`` are cumulative, in ``unit``; None where blank."""

    periods: list[str]  # e.g. ["3月底", "6月底", "10月底", "12月底"]
    values: list[Optional[float]]
    unit: str  # "%" or "万元"
    unit_as_printed: Optional[str] = None  # what the header said, e.g. "%"


@dataclass
class Project:
    sequence: int  # 1-based position in the document
    name: str
    total_wan: Optional[float]
    code: Optional[str] = None
    budget_unit: Optional[str] = None  # 预算单位, e.g. "124001青岛市司法局本级"
    department: Optional[str] = None  # 主管(预算)部门 as printed
    implementing_unit: Optional[str] = None
    attribute: Optional[str] = None
    period: Optional[str] = None
    purpose: Optional[str] = None  # 资金用途
    goal: Optional[str] = None  # 年度绩效目标
    goal_long_term: Optional[str] = None  # 实施期绩效目标
    funding: list[FundingSource] = field(default_factory=list)
    spending_plan: Optional[SpendingPlan] = None
    indicators: list[Indicator] = field(default_factory=list)
    empty_slots: list[EmptySlot] = field(default_factory=list)
    name_in_table: Optional[str] = None  # the 项目名称 cell when the title was used instead (broken grids)
    truncated: bool = False  # the table is cut off at the end of the file
    self_evaluation: bool = False  # a self-evaluation table (自评表) that also states the year's targets
    ref: Optional[str] = None  # where a binary source has it: sheet and cell, page, HTML table and row
    line_start: int = 0
    line_end: int = 0


@dataclass
class DepartmentOverall:
    """部门整体支出绩效目标表."""

    department: Optional[str]
    total_wan: Optional[float]
    basic_wan: Optional[float] = None  # 基本支出
    project_wan: Optional[float] = None  # 项目支出
    funding: list[FundingSource] = field(default_factory=list)
    functions: Optional[str] = None  # 部门职能/职责概述
    goal: Optional[str] = None
    indicators: list[Indicator] = field(default_factory=list)
    empty_slots: list[EmptySlot] = field(default_factory=list)
    line_start: int = 0
    line_end: int = 0


@dataclass
class Document:
    source: str  # file name as given
    sha256: str
    layout: str  # the key of the layout family (ingest.readers.families.FAMILIES) or file reader
    encoding: str
    jurisdiction: Optional[str] = None  # most specific division, e.g. 西青区 / 平罗县 / 青岛市
    province: Optional[str] = None
    city: Optional[str] = None
    county: Optional[str] = None
    adcode: Optional[str] = None
    department: Optional[str] = None
    fiscal_year: Optional[int] = None
    department_overall: Optional[DepartmentOverall] = None
    projects: list[Project] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    line_count: int = 0
    layout_scores: dict[str, float] = field(default_factory=dict)  # detection score of every family tried
    lines: list[str] = field(default_factory=list, repr=False)  # the display lines the line numbers refer to
    is_ocr: bool = False

    def to_dict(self) -> dict:
        out = asdict(self)
        out.pop("lines", None)
        return out

    def warning_texts(self) -> list[str]:
        return [str(w) for w in self.warnings]
