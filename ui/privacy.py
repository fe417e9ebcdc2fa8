"""Mask personal phone numbers wherever document text is shown or exported.

Mainland mobile numbers (11 digits starting 13–19, optionally written 155-2635-5168 / 155 2635 5168 / +86 ...)
keep their first three and last four digits: ``15526355168`` → ``155****5168``. A number glued to letters or other
digits (project codes such as ``37020023P13000410220L``) is left alone.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

_MOBILE_RE = re.compile(
    r"(?<![0-9A-Za-z])((?:\+?86[-\s]?)?1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?![0-9A-Za-z])"
)


def mask_phones(text: Any) -> Any:
    """``text`` with every mobile number masked; non-strings are returned unchanged."""
    if not isinstance(text, str):
        return text
    return _MOBILE_RE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)


def _mask_value(value: Any) -> Any:
    if isinstance(value, str):
        return mask_phones(value)
    if isinstance(value, (list, tuple)):
        return type(value)(_mask_value(v) for v in value)
    if hasattr(value, "tolist") and not isinstance(value, (int, float)):  # numpy arrays from DuckDB lists
        try:
            items = value.tolist()
        except (TypeError, ValueError):
            return value
        if isinstance(items, list):
            return [_mask_value(v) for v in items]
    return value


def mask_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` with phone numbers masked in every text (and list-of-text) column."""
    out = df.copy()
    for col in out.columns:
        series = out[col]
        if pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
            continue
        if pd.api.types.is_datetime64_any_dtype(series):
            continue
        out[col] = series.map(_mask_value)
    return out
