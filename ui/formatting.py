"""Number formats and Chinese labels shown by the dashboard."""

from __future__ import annotations

import math
from typing import Any, Iterable, Optional

MONEY_SUFFIX = "（万元）"
PCT_SUFFIX = "（%）"
MISSING = "–"

# Funding-source levels (column funding.level): label, noun used in sentences, colour. Order = display order.
LEVELS = ("central", "provincial", "city", "county", "fiscal", "other")
LEVEL_LABELS = {
    "central": "中央",
    "provincial": "省级",
    "city": "市级",
    "county": "区县级",
    "fiscal": "财政拨款",
    "other": "其他",
}
LEVEL_NOUNS = {
    "central": "中央资金",
    "provincial": "省级资金",
    "city": "市级资金",
    "county": "区县级资金",
    "fiscal": "财政资金",
    "other": "其他来源资金",
}
LEVEL_COLORS = {
    "central": "#c0392b",
    "provincial": "#e67e22",
    "city": "#f1c40f",
    "county": "#2e86c1",
    "fiscal": "#5d6d7e",
    "other": "#a9cce3",
}

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


def decimals_needed(value: Any, minimum: int = 2, maximum: int = 6) -> int:
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


def column_decimals(values: Iterable[Any], minimum: int = 2, maximum: int = 6) -> int:
    """The decimals needed by the most precise value of a column."""
    return max([decimals_needed(v, minimum, maximum) for v in values] or [minimum])


def format_wan(value: Any, decimals: Optional[int] = None, unit: bool = False, thousands: bool = False) -> str:
    """An amount in 万元: 2 decimals, more when the value has more (0.6924); ``–`` when missing."""
    if is_missing(value):
        return MISSING
    d = decimals_needed(value) if decimals is None else decimals
    text = f"{float(value):,.{d}f}" if thousands else f"{float(value):.{d}f}"
    return f"{text} 万元" if unit else text


def format_pct(value: Any, decimals: int = 2, sign: bool = True) -> str:
    """``51.18%``; whole numbers without decimals when ``decimals`` is 0."""
    if is_missing(value):
        return MISSING
    text = f"{float(value):.{decimals}f}"
    return f"{text}%" if sign else text


def format_threshold(value: Any) -> str:
    """A satisfaction threshold as printed in documents: ``90%``, ``92.5%``."""
    if is_missing(value):
        return MISSING
    v = float(value)
    return f"{v:.0f}%" if v == int(v) else f"{v:g}%"


def format_count(value: Any) -> str:
    if is_missing(value):
        return MISSING
    return f"{int(value)}"


def level_label(level: Any) -> str:
    return LEVEL_LABELS.get(str(level), str(level))


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


def column_kind(name: str) -> str:
    """``money``, ``pct`` or ``other`` from the column name convention of display tables."""
    if str(name).endswith(MONEY_SUFFIX):
        return "money"
    if str(name).endswith(PCT_SUFFIX):
        return "pct"
    return "other"


def display_width(text: str) -> int:
    """Width in terminal cells: CJK and full-width characters count 2."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in str(text))
