"""The form's vocabulary (ingest/data/aliases.json) as lookups. A malformed table fails loudly at import.

Every lookup normalises its argument first (:func:`ingest.textnorm.normalise_label`), so callers pass text as
printed. Level labels are also tried without bracketed qualifiers and score suffixes (``产出指标(50分)``). The
lookups the interpreter makes for every cell are cached per text.
"""

from __future__ import annotations


import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ingest.caches import text_cache
from ingest.textnorm import normalise_label, strip_qualifiers

ALIASES_PATH = Path(__file__).with_name("data") / "aliases.json"
FUNDING_LEVELS = ("central", "provincial", "city", "county", "fiscal", "other")
HEADER_ROLES = ("group", "seq", "level1", "level2", "name", "description", "op", "value", "unit", "actual", "weight",
                "score", "standard", "basis", "direction", "remarks", "extra", "grade")
REQUIRED_KEYS = ("level1", "level2", "fields", "other_labels", "ignored_labels", "budget_columns",
                 "total_implies_source", "funding_sources", "overall_split", "indicator_header", "mid_term_markers",
                 "title_suffixes", "plan_label", "note_prefixes", "noise_cells")


class AliasTableError(RuntimeError):
    pass


@lru_cache(maxsize=1)
def load_aliases() -> dict:
    try:
        data = json.loads(ALIASES_PATH.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise AliasTableError(f"alias table {ALIASES_PATH} cannot be read: {exc}") from exc
    for key in REQUIRED_KEYS:
        if key not in data:
            raise AliasTableError(f"alias table {ALIASES_PATH} lacks '{key}'")
    for canonical, entry in data["level2"].items():
        if entry.get("parent") not in data["level1"]:
            raise AliasTableError(f"level-2 '{canonical}' has unknown parent {entry.get('parent')!r}")
    unknown = set(data["funding_sources"]) - set(FUNDING_LEVELS)
    if unknown:
        raise AliasTableError(f"unknown funding levels {sorted(unknown)}")
    unknown_roles = set(data["indicator_header"]) - set(HEADER_ROLES)
    if unknown_roles:
        raise AliasTableError(f"unknown header roles {sorted(unknown_roles)}")
    return data


def _reverse(mapping: dict[str, list[str]], name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for canonical, aliases in mapping.items():
        for alias in aliases:
            key = normalise_label(alias)
            if key in out and out[key] != canonical:
                raise AliasTableError(f"{name}: alias '{alias}' maps to both {out[key]} and {canonical}")
            out[key] = canonical
    return out


@lru_cache(maxsize=1)
def _lookups() -> dict[str, dict[str, str]]:
    data = load_aliases()
    return {
        "level1": _reverse(data["level1"], "level1"),
        "level2": _reverse({k: v["aliases"] for k, v in data["level2"].items()}, "level2"),
        "fields": _reverse(data["fields"], "fields"),
        "funding": _reverse(data["funding_sources"], "funding_sources"),
        "header": _reverse(data["indicator_header"], "indicator_header"),
        "overall": _reverse(data["overall_split"], "overall_split"),
        "budget": _reverse(data["budget_columns"], "budget_columns"),
    }


@lru_cache(maxsize=1)
def _lists() -> dict[str, tuple[str, ...]]:
    data = load_aliases()
    keys = ("ignored_labels", "other_labels", "plan_label", "note_prefixes", "noise_cells", "title_suffixes",
            "mid_term_markers", "list_headers", "caption_suffixes", "kind_headers")
    return {key: tuple(normalise_label(x) for x in data.get(key, ())) for key in keys}


def _lookup(table: str, text: str, qualified: bool = True) -> Optional[str]:
    key = normalise_label(text)
    found = _lookups()[table].get(key)
    if found is None and qualified and key:
        stripped = strip_qualifiers(key)
        if stripped != key:
            found = _lookups()[table].get(stripped)
    return found


@text_cache(maxsize=65536)
def level1_of(text: str) -> Optional[str]:
    return _lookup("level1", text)


@text_cache(maxsize=65536)
def level2_of(text: str) -> Optional[str]:
    return _lookup("level2", text)


# between the two levels printed in one cell: 产出指标-数量指标, 产出指标/数量指标, 产出指标：数量指标, 产出 数量
_LEVEL_JOINS = re.compile(r"\s*[-—–－/／·・:：、>＞→|]+\s*|\s+")


@lru_cache(maxsize=1)
def _level1_keys() -> tuple[str, ...]:
    return tuple(_lookups()["level1"])


@text_cache(maxsize=65536)
def split_levels(text: str) -> Optional[tuple[str, str]]:
    """Both levels printed in one cell (``产出指标-数量指标``, ``效益指标/社会效益指标``, ``产出指标（数量指标）``,
    ``产出指标数量指标``): (level-1 text, level-2 text) as printed, when the first part is a level-1 label and the
    rest a level-2 label; else None."""
    text = (text or "").strip()
    bracket = re.fullmatch(r"(.+?)\s*[(（]([^()（）]+)[)）]", text)
    if bracket and level1_of(bracket.group(1)) and level2_of(bracket.group(2)):
        return bracket.group(1).strip(), bracket.group(2).strip()  # before the lookups, which drop the bracket
    if len(text) < 4 or len(text) > 40 or not normalise_label(text).startswith(_level1_keys()) \
            or level1_of(text) or level2_of(text):
        return None  # (a combined label begins with a level-1 label as the lookups know it)
    candidates = []
    candidates += [(text[:m.start()], text[m.end():]) for m in _LEVEL_JOINS.finditer(text) if m.start() > 0]
    candidates += [(text[:k], text[k:]) for k in range(2, len(text) - 1)]  # run together: 产出指标数量指标
    for first, rest in candidates:
        # a first part of either level (成本指标) only over a level-2 of its own (成本指标-经济成本指标)
        if first and rest and level1_of(first) and level2_of(rest) and (
                not level2_of(first) or parent_of(level2_of(rest)) == level1_of(first)):
            return first.strip(), rest.strip()
    return None


def parent_of(level2: str) -> Optional[str]:
    entry = load_aliases()["level2"].get(level2)
    return entry["parent"] if entry else None


def only_child_of(level1: str) -> Optional[str]:
    children = [k for k, v in load_aliases()["level2"].items() if v["parent"] == level1]
    return children[0] if len(children) == 1 else None


@text_cache(maxsize=65536)
def field_of(text: str) -> Optional[str]:
    return _lookup("fields", text, qualified=False)


@text_cache(maxsize=65536)
@text_cache(maxsize=65536)
def funding_level_of(text: str) -> Optional[str]:
    """The level of a funding source label; a label the table does not list is read again without the endings of
    ``funding_source_suffixes`` (县级配套资金 → 县级, 区财政资金 → 区财政), while something is left."""
    found = _lookup("funding", text, qualified=False)
    key = normalise_label(text)
    while found is None and key:
        suffix = next((s for s in _funding_suffixes() if key.endswith(s) and len(key) > len(s)), None)
        if suffix is None:
            break
        key = key[:-len(suffix)]
        found = _lookups()["funding"].get(key)
    return found


@lru_cache(maxsize=1)
def _funding_suffixes() -> tuple[str, ...]:
    return tuple(sorted((normalise_label(s) for s in load_aliases().get("funding_source_suffixes", ())),
                        key=len, reverse=True))


# a period printed before a column's name (2024年指标值, 本年度目标值, 全年目标值): the column is the same
_PERIOD_PREFIX = re.compile(r"^(?:\d{4}年度?|本年度|本年|当年|全年)(?=.)")


@text_cache(maxsize=65536)
def header_role_of(text: str) -> Optional[str]:
    """The role of an indicator-table column named ``text`` (the header aliases); also with a bracketed note
    (``年度指标值（定量为数值、定性为描述）``, ``三级指标（指标名称）``) or a period before it (``2024年指标值``)."""
    found = _lookup("header", text, qualified=False)
    if found is None:
        key = normalise_label(text)
        plain = _PERIOD_PREFIX.sub("", strip_qualifiers(key)) if key else key
        if plain and plain != key:
            found = _lookups()["header"].get(plain)
    return found


# The name the earlier interpreter used; the review rules and tests refer to it.
header_column_of = header_role_of


def overall_split_of(text: str) -> Optional[str]:
    return _lookup("overall", text, qualified=False)


def budget_column_of(text: str) -> Optional[str]:
    return _lookup("budget", text, qualified=False)


def is_list_header(text: str) -> bool:
    """A column header of a list of projects and amounts (金额, 备注 …: an allocation table's 项目名称 | 金额), which
    a form's name field is never followed by."""
    key = normalise_label(text)
    return key in _lists()["list_headers"] or strip_qualifiers(key) in _lists()["list_headers"]


def is_ignored_label(text: str) -> bool:
    return normalise_label(text) in _lists()["ignored_labels"]


def is_other_label(text: str) -> bool:
    return normalise_label(text) in _lists()["other_labels"]


def total_implied_source(text: str) -> Optional[str]:
    return load_aliases()["total_implies_source"].get(normalise_label(text))


@text_cache(maxsize=65536)
def is_plan_label(text: str) -> bool:
    return normalise_label(text).startswith(_lists()["plan_label"])


@text_cache(maxsize=65536)
def is_basis_phrase(text: str) -> bool:
    """What a 绩效标准 / 指标值确定依据 / 备注 column prints (计划标准, 核心指标, 根据年度工作计划确定): data in
    aliases.json ``basis_phrases``."""
    key = normalise_label(text)
    phrases = load_aliases()["basis_phrases"]
    return key in _basis_exact() or (len(key) >= 4 and key.startswith(tuple(phrases["starts"])))


@lru_cache(maxsize=1)
def _basis_exact() -> frozenset[str]:
    return frozenset(normalise_label(x) for x in load_aliases()["basis_phrases"]["exact"])


@text_cache(maxsize=65536)
def is_note(text: str) -> bool:
    return normalise_label(text).startswith(_lists()["note_prefixes"])


@text_cache(maxsize=65536)
def is_noise(text: str) -> bool:
    return normalise_label(text) in _lists()["noise_cells"] or not strip_qualifiers(normalise_label(text))


@lru_cache(maxsize=1)
def _answer_types() -> frozenset[str]:
    return frozenset(re.sub(r"\s", "", w).replace("／", "/") for w in load_aliases().get("answer_types", ()))


@lru_cache(maxsize=1)
def _place_suffixes() -> tuple[str, ...]:
    return tuple(load_aliases().get("place_suffixes", ()))


def is_place_name(text: str) -> bool:
    """``埭头镇``, ``笏石街道办``: a short text ending as places are named (a header cell over one place's values)."""
    key = re.sub(r"\s", "", text or "")
    return 2 <= len(key) <= 10 and key.endswith(_place_suffixes()) and not any(ch.isdigit() for ch in key) \
        and len(key) > min(len(s) for s in _place_suffixes() if key.endswith(s))


def is_answer_type(text: str) -> bool:
    """``是/否``: the kind of answer a yes/no indicator asks for (a 指标方向 / 指标性质 cell), no target."""
    return re.sub(r"\s", "", text or "").replace("／", "/") in _answer_types()


@text_cache(maxsize=65536)
def title_suffix_of(text: str) -> Optional[str]:
    """The table-title ending ``text`` carries (``…绩效目标表``, ``…自评表`` …), ignoring a year in brackets."""
    key = normalise_label(text)
    key = strip_qualifiers(key) if key.endswith((")", "）")) else key
    for suffix in _lists()["title_suffixes"]:
        if key.endswith(suffix):
            return suffix
    return None


def is_kind_header(text: str) -> bool:
    """指标类型 / 指标类别: the level-1 column's header, or (beside a level-1 column) the 定量/定性 column's."""
    return strip_qualifiers(normalise_label(text)) in _lists()["kind_headers"]


def caption_suffix_of(text: str) -> Optional[str]:
    """How a table's caption in a report ends (``…项目绩效目标``), when it does; a title only after a table number."""
    key = normalise_label(text)
    return next((suffix for suffix in _lists()["caption_suffixes"] if key.endswith(suffix)), None)


@text_cache(maxsize=65536)
def mentions_mid_term(text: str) -> bool:
    key = normalise_label(text)
    return any(marker in key for marker in _lists()["mid_term_markers"])
