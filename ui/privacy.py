"""Personal numbers masked wherever document text is shown, exported or printed: ``mask_personal`` is the one
masking function (pages, Excel/CSV exports, the review report, the command line).

- Mainland mobile numbers, 11 digits starting 13–19, in ASCII or full-width digits, optionally written with
  ``+86`` / ``0086`` / ``86``, spaces or dashes (``155-2635-5168``): first three and last four digits kept,
  ``15526355168`` → ``155****5168``.
- Landlines with an area code (``0755-12345678``, ``(010)87654321``, ``（010）8765 4321``, ``0838-7211924``): the
  area code and the last four digits kept, ``0755-****5678``.
- 18-digit resident ID numbers (with a plausible birth date, last character a digit or X): the first six and last
  four kept, ``110101********123X``; the older 15-digit numbers (area code, birth date YYMMDD, three digits) the
  same way, ``110101900307123`` → ``110101*****7123``.

A number glued to letters or other digits (project codes such as ``37020023P13000410220L``, amounts, dates) is left
alone; so are short service numbers such as 12348.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

_D = "[0-9０-９]"
_SEP = "[-\\s－‐‑–—]"
_EDGE_L = "(?<![0-9A-Za-z０-９Ａ-Ｚａ-ｚ])"
_EDGE_R = "(?![0-9A-Za-z０-９Ａ-Ｚａ-ｚ])"

_MOBILE_RE = re.compile(
    _EDGE_L + rf"((?:(?:\+|＋|00|００)?(?:86|８６){_SEP}?)?[1１][3-9３-９]{_D}){_SEP}?({_D}{{4}}){_SEP}?({_D}{{4}})"
    + _EDGE_R
)
_LANDLINE_RE = re.compile(
    _EDGE_L + rf"(\(\s*[0０]{_D}{{2,3}}\s*\)|（\s*[0０]{_D}{{2,3}}\s*）|[0０]{_D}{{2,3}})(\s*{_SEP}?\s*)"
    rf"({_D}{{3,4}}){_SEP}?({_D}{{4}})" + _EDGE_R
)
_ID_RE = re.compile(
    _EDGE_L + rf"([1-9１-９]{_D}{{5}})((?:19|20|１９|２０){_D}{{6}})({_D}{{3}}(?:{_D}|[XxＸｘ]))"
    + _EDGE_R
)
_OLD_ID_RE = re.compile(_EDGE_L + rf"([1-8１-８]{_D}{{5}})({_D}{{6}})({_D}{{3}})" + _EDGE_R)
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _id_plausible(middle: str) -> bool:
    """The birth date part (YYYYMMDD) of an ID number's middle part looks like a date."""
    d = middle.translate(_DIGITS)
    month, day = int(d[4:6]), int(d[6:8])
    return 1 <= month <= 12 and 1 <= day <= 31


def _mask_id(m: re.Match) -> str:
    if not _id_plausible(m.group(2)):
        return m.group(0)
    return m.group(1) + "*" * 8 + m.group(3)


def _mask_old_id(m: re.Match) -> str:
    if not _id_plausible("19" + m.group(2)):
        return m.group(0)
    return m.group(1) + "*" * 5 + m.group(2)[-1] + m.group(3)


def mask_personal(text: Any) -> Any:
    """``text`` with mobile, landline and ID numbers masked; non-strings are returned unchanged."""
    if not isinstance(text, str) or not text:
        return text
    text = _ID_RE.sub(_mask_id, text)
    text = _OLD_ID_RE.sub(_mask_old_id, text)
    text = _MOBILE_RE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)
    return _LANDLINE_RE.sub(lambda m: f"{m.group(1)}{m.group(2)}****{m.group(4)}", text)


def _mask_value(value: Any) -> Any:
    if isinstance(value, str):
        return mask_personal(value)
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
    """A copy of ``df`` with personal numbers masked in every text (and list-of-text) column."""
    out = df.copy()
    for col in out.columns:
        series = out[col]
        if pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
            continue
        if pd.api.types.is_datetime64_any_dtype(series):
            continue
        out[col] = series.map(_mask_value)
    return out
