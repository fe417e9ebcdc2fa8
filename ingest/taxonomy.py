"""Alias tables (ingest/data/aliases.json) as lookups. A malformed table fails loudly at import."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ingest.textnorm import normalise_label

ALIASES_PATH = Path(__file__).with_name("data") / "aliases.json"
FUNDING_LEVELS = ("central", "provincial", "city", "county", "fiscal", "other")


class AliasTableError(RuntimeError):
    pass


@lru_cache(maxsize=1)
def load_aliases() -> dict:
    try:
        data = json.loads(ALIASES_PATH.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise AliasTableError(f"alias table {ALIASES_PATH} cannot be read: {exc}") from exc
    for key in ("level1", "level2", "fields", "funding_sources", "indicator_header", "plan_label", "note_prefixes"):
        if key not in data:
            raise AliasTableError(f"alias table {ALIASES_PATH} lacks '{key}'")
    for canonical, entry in data["level2"].items():
        if entry.get("parent") not in data["level1"]:
            raise AliasTableError(f"level-2 '{canonical}' has unknown parent {entry.get('parent')!r}")
    unknown = set(data["funding_sources"]) - set(FUNDING_LEVELS)
    if unknown:
        raise AliasTableError(f"unknown funding levels {sorted(unknown)}")
    return data


def _reverse(mapping: dict[str, list[str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for canonical, aliases in mapping.items():
        for alias in aliases:
            key = normalise_label(alias)
            if key in out and out[key] != canonical:
                raise AliasTableError(f"alias '{alias}' maps to both {out[key]} and {canonical}")
            out[key] = canonical
    return out


@lru_cache(maxsize=1)
def _lookups() -> dict[str, dict[str, str]]:
    data = load_aliases()
    return {
        "level1": _reverse(data["level1"]),
        "level2": _reverse({k: v["aliases"] for k, v in data["level2"].items()}),
        "fields": _reverse(data["fields"]),
        "funding": _reverse(data["funding_sources"]),
        "header": _reverse(data["indicator_header"]),
        "overall": _reverse(data["overall_split"]),
    }


def level1_of(text: str) -> Optional[str]:
    return _lookups()["level1"].get(normalise_label(text))


def level2_of(text: str) -> Optional[str]:
    return _lookups()["level2"].get(normalise_label(text))


def parent_of(level2: str) -> Optional[str]:
    entry = load_aliases()["level2"].get(level2)
    return entry["parent"] if entry else None


def only_child_of(level1: str) -> Optional[str]:
    children = [k for k, v in load_aliases()["level2"].items() if v["parent"] == level1]
    return children[0] if len(children) == 1 else None


def field_of(text: str) -> Optional[str]:
    return _lookups()["fields"].get(normalise_label(text))


def funding_level_of(text: str) -> Optional[str]:
    return _lookups()["funding"].get(normalise_label(text))


def header_column_of(text: str) -> Optional[str]:
    return _lookups()["header"].get(normalise_label(text))


def overall_split_of(text: str) -> Optional[str]:
    return _lookups()["overall"].get(normalise_label(text))


@lru_cache(maxsize=1)
def _normalised_lists() -> dict[str, tuple[str, ...]]:
    data = load_aliases()
    keys = ("ignored_labels", "plan_label", "note_prefixes")
    return {key: tuple(normalise_label(x) for x in data[key]) for key in keys}


def is_ignored_label(text: str) -> bool:
    return normalise_label(text) in _normalised_lists()["ignored_labels"]


def total_implied_source(text: str) -> Optional[str]:
    return load_aliases()["total_implies_source"].get(normalise_label(text))


def is_plan_label(text: str) -> bool:
    return normalise_label(text).startswith(_normalised_lists()["plan_label"])


def is_note(text: str) -> bool:
    return normalise_label(text).startswith(_normalised_lists()["note_prefixes"])
