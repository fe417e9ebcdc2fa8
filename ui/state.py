"""The sidebar filters and their URL form (query string), so a filtered view survives reload and can be shared.

The URL parameters are declared once, in ``URL_PARAMS`` (name, meaning, example); the sidebar widgets use the
same names as their keys, the 数据 page lists them, and tests check both directions of the conversion.

A jurisdiction is identified by its place key: the division code (adcode, ``jurisdiction=140302``), or its name
for a document whose place has no code. Names are for display only (``names``: place key -> name shown); a link
that still names a place (``jurisdiction=西青区``) is resolved to its code when the name is unambiguous
(``resolve_places``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Optional
from urllib.parse import urlencode

# name -> (meaning, example). Repeatable parameters take several values: ?jurisdiction=西青区&jurisdiction=青岛市
URL_PARAMS: dict[str, tuple[str, str]] = {
    "province": ("省份（一个）", "province=天津市"),
    "jurisdiction": ("地区（行政区划代码，可重复；旧链接中的地名若只对应一个地区也可用）",
                     "jurisdiction=120111&jurisdiction=370200"),
    "year": ("年度，可重复", "year=2024"),
    "department": ("部门（一个）", "department=青岛市司法局"),
    "theme": ("项目主题（一个）", "theme=人民调解"),
    "present": ("演示模式：隐藏侧栏、放大字号、每屏一张图", "present=1"),
    "project": ("项目明细页：打开的项目编号", "project=35"),
    "indicator": ("项目明细页：在原文中标出的指标编号", "indicator=232"),
    "q": ("项目明细页：搜索词", "q=满意度"),
    "compare_theme": ("跨地区对比页：对比的主题", "compare_theme=人民调解"),
    "area": ("跨地区对比页：下钻到的省或市（行政区划代码前 2 位或前 4 位）", "area=13"),
    "lines": ("项目明细页：在原文中标出的行（如空白指标行）", "lines=206-211"),
    "severity": ("目标审核页：严重程度，可重复（错误 / 警告 / 提示）", "severity=错误"),
    "rule_group": ("目标审核页：规则类别，可重复（完整性 / 可衡量 / 资金 / 满意度）", "rule_group=资金"),
}
FILTER_PARAMS = ("province", "jurisdiction", "year", "department", "theme")
PRESENT_PARAM = "present"
_TRUE = {"1", "true", "yes", "on"}


def _as_list(value: Any) -> list:
    if value is None:
        return []
    if isinstance(value, (str, int)):
        return [value]
    return list(value)


def _one(value: Any) -> Optional[str]:
    items = [v for v in _as_list(value) if v not in (None, "")]
    return str(items[-1]) if items else None


def _years(value: Any) -> tuple[int, ...]:
    out: list[int] = []
    for v in _as_list(value):
        try:
            year = int(str(v).strip())
        except ValueError:
            continue
        if 1900 <= year <= 2100 and year not in out:
            out.append(year)
    return tuple(out)


def _texts(value: Any) -> tuple[str, ...]:
    out: list[str] = []
    for v in _as_list(value):
        text = str(v).strip()
        if text and text not in out:
            out.append(text)
    return tuple(out)


@dataclass(frozen=True)
class Filters:
    """The common filters of every query (see queries/__init__.py); empty = no filter."""

    province: Optional[str] = None
    jurisdictions: tuple[str, ...] = field(default_factory=tuple)
    years: tuple[int, ...] = field(default_factory=tuple)
    department: Optional[str] = None
    theme: Optional[str] = None

    @classmethod
    def from_mapping(cls, params: Mapping[str, Any]) -> "Filters":
        """From URL parameters (strings, repeated keys as lists) or widget values (typed); bad years are dropped."""
        return cls(
            province=_one(params.get("province")),
            jurisdictions=_texts(params.get("jurisdiction")),
            years=_years(params.get("year")),
            department=_one(params.get("department")),
            theme=_one(params.get("theme")),
        )

    def to_url_params(self) -> dict[str, Any]:
        """The URL parameters of these filters (lists for repeatable ones); empty filters are left out."""
        out: dict[str, Any] = {}
        if self.province:
            out["province"] = self.province
        if self.jurisdictions:
            out["jurisdiction"] = list(self.jurisdictions)
        if self.years:
            out["year"] = [str(y) for y in self.years]
        if self.department:
            out["department"] = self.department
        if self.theme:
            out["theme"] = self.theme
        return out

    def query_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``queries.run`` (tuples, so they can be cache keys)."""
        return {
            "province": self.province,
            "jurisdictions": tuple(self.jurisdictions) or None,
            "years": tuple(self.years) or None,
            "department": self.department,
            "theme": self.theme,
        }

    def is_empty(self) -> bool:
        return not (self.province or self.jurisdictions or self.years or self.department or self.theme)

    def describe(self, names: Optional[Mapping[str, str]] = None) -> str:
        """``筛选：天津市 · 西青区 · 2024 年 · 主题「人民调解」`` or ``全部数据``; ``names``: place key -> name."""
        parts: list[str] = []
        names = names or {}
        if self.province:
            parts.append(self.province)
        if self.jurisdictions:
            parts.append("、".join(names.get(j, j) for j in self.jurisdictions))
        if self.years:
            parts.append("、".join(str(y) for y in self.years) + " 年")
        if self.department:
            parts.append(self.department)
        if self.theme:
            parts.append(f"主题「{self.theme}」")
        return "筛选：" + " · ".join(parts) if parts else "全部数据（未筛选）"


def is_present(value: Any) -> bool:
    """Whether a ``present`` URL value switches presentation mode on."""
    v = _one(value)
    return v is not None and v.strip().lower() in _TRUE


def query_string(params: Mapping[str, Any]) -> str:
    """``a=1&b=x&b=y`` (percent-encoded); ``None`` and empty values are left out."""
    pairs: list[tuple[str, str]] = []
    for key, value in params.items():
        for v in _as_list(value):
            if v is None or v == "":
                continue
            pairs.append((key, str(v)))
    return urlencode(pairs)


def share_url(page_path: str, filters: Filters, present: bool = False, **extra: Any) -> str:
    """A relative link to ``page_path`` with the filters (and presentation flag, page parameters) in the URL."""
    params: dict[str, Any] = dict(filters.to_url_params())
    if present:
        params[PRESENT_PARAM] = "1"
    params.update({k: v for k, v in extra.items() if v is not None})
    qs = query_string(params)
    path = "/" + page_path.strip("/")
    return f"{path}?{qs}" if qs else path


def options_in_order(values: Iterable[Any]) -> list:
    """Distinct non-empty values in first-seen order."""
    if hasattr(values, "drop_duplicates"):  # a pandas Series (the options of a whole country): distinct first
        values = values.dropna().drop_duplicates().tolist()
    return [v for v in dict.fromkeys(values)
            if not (v is None or v == "" or (isinstance(v, float) and v != v))]


# ---------------------------------------------------------------------------------------------------------------
# Filter options that narrow to what exists, and URL values that match nothing
# ---------------------------------------------------------------------------------------------------------------

# filter (URL name) -> (column of query page_filter_options, Chinese name)
FACETS: dict[str, tuple[str, str]] = {
    "province": ("province", "省份"),
    "jurisdiction": ("place", "地区"),
    "year": ("fiscal_year", "年度"),
    "department": ("department", "部门"),
    "theme": ("theme", "项目主题"),
}


def selected(filters: Filters) -> dict[str, tuple]:
    """The chosen values per filter (URL name -> tuple, empty = no filter)."""
    return {
        "province": (filters.province,) if filters.province else (),
        "jurisdiction": tuple(filters.jurisdictions),
        "year": tuple(filters.years),
        "department": (filters.department,) if filters.department else (),
        "theme": (filters.theme,) if filters.theme else (),
    }


def _mask(options, name: str, values: tuple):
    column = options[FACETS[name][0]]
    if name == "year":
        column = column.astype("Int64")
    return column.isin(list(values)).fillna(False).astype(bool)


def facet_options(options, filters: Filters) -> dict[str, list]:
    """For every filter, the values that exist given the other filters (query ``page_filter_options``: one row per
    document x theme), in the order of the options table. Choosing 抚宁区 leaves only 2020 under 年度."""
    chosen = selected(filters)
    out: dict[str, list] = {}
    for name, (column, _) in FACETS.items():
        keep = None
        for other, values in chosen.items():
            if other == name or not values:
                continue
            m = _mask(options, other, values)
            keep = m if keep is None else keep & m
        rows = options if keep is None else options[keep.to_numpy()]
        values = rows[column].dropna()
        if name == "year":
            values = values.astype(int)
        out[name] = options_in_order(values)
    return out


def place_names(options) -> dict[str, str]:
    """Place key -> the name shown, from query ``page_filter_options``."""
    if options is None or len(options) == 0 or "place" not in options:
        return {}
    pairs = options[["place", "place_name"]].dropna(subset=["place"]).drop_duplicates("place")
    return {str(k): str(v) if v is not None and v == v else str(k) for k, v in zip(pairs["place"], pairs["place_name"])}


def resolve_places(options, values: Iterable[Any]) -> tuple[list[str], list[str]]:
    """URL ``jurisdiction`` values as place keys: a key stays, a name is replaced by the one place of that name
    (an old link, ``jurisdiction=西青区``). Returns (the values, messages for names of several places); a value
    matching nothing is kept as it is (``unknown_values`` names it)."""
    if options is None or len(options) == 0 or "place" not in options:
        return [str(v) for v in values], []
    keys = set(options["place"].dropna().astype(str))
    by_name: dict[str, list[str]] = {}
    for place, name in options[["place", "jurisdiction"]].drop_duplicates().itertuples(index=False):
        if place is not None and name is not None:
            by_name.setdefault(str(name), []).append(str(place))
    names = place_names(options)
    out: list[str] = []
    messages: list[str] = []
    for value in _texts(values):
        if value in keys or value not in by_name:
            out.append(value)
        elif len(by_name[value]) == 1:
            out.append(by_name[value][0])
        else:
            shown = "、".join(f"{names.get(k, k)}（{k}）" for k in by_name[value][:6])
            messages.append(f"网址中的地区「{value}」对应多个地区：{shown}，已忽略，请在侧栏中选择。")
    return list(dict.fromkeys(out)), messages


def unknown_values(options, params: Mapping[str, Any]) -> list[str]:
    """Messages for URL filter values that exist nowhere in the data (``params``: the raw URL values), e.g.
    ``网址中的地区「北京市」不在已导入的数据中，已忽略。`` (a place may be given by its code or its name)."""
    messages = []
    for name, (column, zh) in FACETS.items():
        raw = _texts(params.get(name))
        if not raw:
            continue
        if column not in options:
            column = "jurisdiction"
        known = {str(int(v)) if name == "year" else str(v) for v in options[column].dropna()}
        if name == "jurisdiction" and "jurisdiction" in options:
            known |= {str(v) for v in options["jurisdiction"].dropna()}
        for value in raw:
            if value not in known:
                messages.append(f"网址中的{zh}「{value}」不在已导入的数据中，已忽略。")
    return messages


def unavailable(filters: Filters, facets: Mapping[str, list], names: Optional[Mapping[str, str]] = None) -> list[str]:
    """Chosen values that do not exist together with the other filters, as sentences (``抚宁区 + 2024``:
    ``年度「2024」与其他筛选条件没有共同的数据（可选：2020）。``); ``names``: place key -> name shown."""
    names = names or {}
    messages = []
    for name, values in selected(filters).items():
        available = facets.get(name, [])
        label = (lambda v: names.get(str(v), str(v))) if name == "jurisdiction" else str
        for value in values:
            if value not in available:
                shown = "、".join(label(v) for v in available[:8]) or "无"
                messages.append(f"{FACETS[name][1]}「{label(value)}」与其他筛选条件没有共同的数据（可选：{shown}）。")
    return messages
