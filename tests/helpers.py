"""Shared test helpers: paths of the sample documents and the hand-checked fixtures."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ingest.parse import parse_file

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE_FILES = {
    "xiqing": "tianjin_xiqing_2024.txt",
    "pingluo": "ningxia_pingluo_2024.txt",
    "funing": "hebei_funing_2020.txt",
    "yuanjiang": "hunan_yuanjiang_2024.txt",
    "qingdao": "qingdao_2023.txt",
}


@lru_cache(maxsize=None)
def parsed(key: str):
    return parse_file(SAMPLES / SAMPLE_FILES[key])


def squash(text) -> str:
    """Text with all whitespace removed ("whitespace aside")."""
    return re.sub(r"\s+", "", text or "")
