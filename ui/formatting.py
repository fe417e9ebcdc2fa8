"""Numbers and labels as finance people write them: the one formatting module of the dashboard and its exports.

- Amounts are in 万元. On screen: thousands separators and two decimals, ``2,343.65``; the exact figure, with as
  many decimals as the document gives (``2,343.6545``, ``0.6924``), in tooltips (``format_wan_exact``). Downloads
  carry the exact value (Excel cells hold it, with a ``#,##0.00`` display format; CSV cells print it).
- Percentages: two decimals in tables, KPIs and downloads (``51.18%``), one on chart labels (``51.2%``).
- Counts: integers with thousands separators (``1,234``); chart axes of counts tick on whole numbers only.
- Funding levels: the levels a form states (中央 / 省级 / 市级 / 区县级 / 其他) and money whose level it does not
  state (财政拨款, 财政资金, 一般公共预算 … → 未注明级次). ``LEVEL_LABELS`` is the one label set: the SQL view
  ``v_funding_levels`` (ingest/schema.sql) carries the same labels, checked by tests/test_formatting.py.
"""

from __future__ import annotations

import math
from typing import Any, Iterable, Optional

MONEY_SUFFIX = "（万元）"
PCT_SUFFIX = "（%）"
MISSING = "–"
WAN = "万元"
PCT_DECIMALS = 2  # tables, KPI cards, downloads
CHART_PCT_DECIMALS = 1  # labels on charts
EXACT_MAX_DECIMALS = 6

# Funding-source levels (column funding.level). Order = display order; ``fiscal`` is the level the form does not
# state, shown apart from the stated ones.
LEVELS = ("central", "provincial", "city", "county", "other", "fiscal")
STATED_LEVELS = ("central", "provincial", "city", "county", "other")
UNSTATED_LEVEL = "fiscal"
LEVEL_LABELS = {
    "central": "中央",
    "provincial": "省级",
    "city": "市级",
    "county": "区县级",
    "other": "其他",
    "fiscal": "未注明级次",
}
LEVEL_NOUNS = {
    "central": "中央资金",
    "provincial": "省级资金",
    "city": "市级资金",
    "county": "区县级资金",
    "other": "其他来源资金",
    "fiscal": "未注明级次的资金",
}
LEVEL_COLORS = {
    "central": "#c0392b",
    "provincial": "#e67e22",
    "city": "#f1c40f",
    "county": "#2e86c1",
    "other": "#76b7b2",
    "fiscal": "#b3b6b7",
}
UNSTATED_NOTE = ("未注明级次：表中只写“财政拨款”“财政资金”“一般公共预算”等，没有写明是中央、省、市还是区县的资金。"
                 "这部分不能算作本级资金，因此与写明级次的资金分开显示。")

TARGET_CLASSES = ("quantified", "qualitative", "placeholder")
TARGET_CLASS_LABELS = {"quantified": "量化", "qualitative": "定性", "placeholder": "占位/空白"}
TARGET_CLASS_COLORS = {"quantified": "#1e8449", "qualitative": "#f5b041", "placeholder": "#cb4335"}

TARGET_KIND_LABELS = {
    "percent": "百分比",
    "count": "数量",
    "money": "金额",
    "deadline": "期限",
    "duration": "时长",
    "number": "数值",
    "qualitative": "定性",
    "placeholder": "占位",
    "empty": "空白",
}

CATEGORY_ORDER = ("数量", "质量", "时效", "成本", "经济效益", "社会效益", "生态效益", "可持续影响", "满意度")


def is_missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(math.isnan(value))
    except (TypeError, ValueError):
        return False


def decimals_needed(value: Any, minimum: int = 2, maximum: int = EXACT_MAX_DECIMALS) -> int:
    """The number of decimals that shows ``value`` exactly (at least ``minimum``, at most ``maximum``).

    >>> decimals_needed(1487.65), decimals_needed(0.6924), decimals_needed(148.736)
    (2, 4, 3)
    """
    if is_missing(value):
        return minimum
    value = float(value)
    for d in range(minimum, maximum + 1):
        if abs(round(value, d) - value) < 1e-9 * max(1.0, abs(value)):
            return d
    return maximum


def column_decimals(values: Iterable[Any], minimum: int = 2, maximum: int = EXACT_MAX_DECIMALS) -> int:
    """The decimals needed by the most precise value of a column."""
    return max([decimals_needed(v, minimum, maximum) for v in values] or [minimum])


def exact_value(value: Any) -> Optional[float]:
    """The amount as stored, without float noise (``248.15 + 252.0285`` → ``500.1785``): what downloads carry."""
    if is_missing(value):
        return None
    return round(float(value), EXACT_MAX_DECIMALS)


def format_wan(value: Any, unit: bool = False, decimals: int = 2) -> str:
    """An amount in 万元 on screen: ``2,343.65`` (``2,343.65 万元`` with ``unit``); ``–`` when missing."""
    if is_missing(value):
        return MISSING
    text = f"{float(value):,.{decimals}f}"
    return f"{text} {WAN}" if unit else text


def format_wan_exact(value: Any, unit: bool = True) -> str:
    """The exact amount for tooltips: ``2,343.6545 万元``, ``0.6924 万元``, ``127.00 万元``."""
    if is_missing(value):
        return MISSING
    text = f"{float(value):,.{decimals_needed(value)}f}"
    return f"{text} {WAN}" if unit else text


def is_rounded_on_screen(value: Any) -> bool:
    """Whether ``format_wan`` hides decimals of ``value`` (then the exact figure belongs in a tooltip)."""
    return not is_missing(value) and decimals_needed(value) > 2


def format_pct(value: Any, decimals: int = PCT_DECIMALS, sign: bool = True) -> str:
    """``51.18%`` (``51.2%`` with one decimal); ``–`` when missing."""
    if is_missing(value):
        return MISSING
    text = f"{float(value):,.{decimals}f}"
    return f"{text}%" if sign else text


def round_pct(value: Any, decimals: int = PCT_DECIMALS) -> Optional[float]:
    """A percentage as downloads carry it: rounded to two decimals (``51.178722546846664`` → ``51.18``)."""
    if is_missing(value):
        return None
    return round(float(value), decimals)


def format_threshold(value: Any) -> str:
    """A satisfaction threshold as printed in documents: ``90%``, ``92.5%``."""
    if is_missing(value):
        return MISSING
    v = float(value)
    return f"{v:.0f}%" if v == int(v) else f"{v:g}%"


def format_count(value: Any) -> str:
    """A count: ``1,234``; ``–`` when missing."""
    if is_missing(value):
        return MISSING
    return f"{int(value):,}"


def level_label(level: Any) -> str:
    return LEVEL_LABELS.get(str(level), str(level))


def place_of(data: Any) -> Any:
    """The place name to show for a frame (a Series) or one row (a value): ``place_name`` (unique among the loaded
    places: 阳泉市城区 / 汕尾市城区) where the query gives it, else ``jurisdiction``."""
    if hasattr(data, "columns"):  # a DataFrame
        if "place_name" in data.columns:
            return data["place_name"].where(data["place_name"].notna(), data["jurisdiction"])
        return data["jurisdiction"]
    value = data.get("place_name") if hasattr(data, "get") else getattr(data, "place_name", None)
    if value is None or is_missing(value):
        value = data.get("jurisdiction") if hasattr(data, "get") else getattr(data, "jurisdiction", None)
    return value


def jurisdiction_year(jurisdiction: Any, year: Any) -> str:
    """``青岛市 2023``: the label of one document on chart axes."""
    name = "未知地区" if is_missing(jurisdiction) or jurisdiction in ("", None) else str(jurisdiction)
    return name if is_missing(year) else f"{name} {int(year)}"


def line_range(start: Any, end: Any = None) -> str:
    """``17`` or ``17–19`` (1-based, inclusive); empty when unknown."""
    if is_missing(start):
        return ""
    start = int(start)
    end = start if is_missing(end) else int(end)
    return f"{start}" if start == end else f"{start}–{end}"


PLAIN_NUMBER_COLUMNS = ("年度", "序号", "所指行", "行号", "行数")


def column_kind(name: str) -> str:
    """From the column name convention of display tables: ``money`` (ends in （万元）), ``pct`` (ends in （%）),
    ``plain`` (years, sequence and line numbers: no thousands separator) or ``other``."""
    name = str(name)
    if name.endswith(MONEY_SUFFIX):
        return "money"
    if name.endswith(PCT_SUFFIX):
        return "pct"
    if name in PLAIN_NUMBER_COLUMNS or name.endswith("行号"):
        return "plain"
    return "other"


def display_width(text: str) -> int:
    """Width in terminal cells: CJK and full-width characters count 2."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in str(text))
