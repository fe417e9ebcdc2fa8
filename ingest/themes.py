"""Project themes (法律援助, 人民调解, ...) from an ordered keyword table kept in ``ingest/data/themes.json``.

The first keyword of the table found in the project name decides the theme; when the name contains none, the
first keyword found in the annual goal decides; otherwise the theme is the default (其他). White space is
ignored on both sides, because text taken from PDFs often has spaces inside words.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

THEMES_PATH = Path(__file__).parent / "data" / "themes.json"

_WS = re.compile(r"\s+")


def _norm(text: Optional[str]) -> str:
    return _WS.sub("", text or "")


@lru_cache(maxsize=None)
def load_table(path: str = str(THEMES_PATH)) -> tuple[tuple[str, ...], str, tuple[tuple[str, str], ...]]:
    """Return ``(themes, default, ((keyword, theme), ...))``; validate that every theme is declared."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    themes = tuple(data["themes"])
    default = data["default"]
    keywords = tuple((_norm(k), t) for k, t in data["keywords"])
    unknown = sorted({t for _, t in keywords if t not in themes} | ({default} - set(themes)))
    if unknown:
        raise ValueError(f"themes.json: unknown theme(s) {unknown}")
    if any(not k for k, _ in keywords):
        raise ValueError("themes.json: empty keyword")
    return themes, default, keywords


def themes() -> tuple[str, ...]:
    """All theme names in display order (the default last)."""
    return load_table()[0]


def classify(name: Optional[str], goal: Optional[str] = None) -> tuple[str, Optional[str]]:
    """Return ``(theme, matched keyword)``; the keyword is None when the default theme applies."""
    _, default, keywords = load_table()
    for text in (_norm(name), _norm(goal)):
        if not text:
            continue
        for keyword, theme in keywords:
            if keyword in text:
                return theme, keyword
    return default, None
