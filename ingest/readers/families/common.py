"""Small helpers shared by the text layout families."""

from __future__ import annotations

import re
from typing import Optional

from ingest.grid import match_key

CJK = "\u3400-\u9fff\uf900-\ufaff"
CJK_GAP = re.compile(rf"[{CJK}]\s+[{CJK}]")
_NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?$")
# Words that appear in every target-table layout; a family scores 0 on a text with none of them.
FORM_WORDS = ("项目名称", "项目支出名称", "一级指标", "三级指标", "绩效指标", "绩效目标", "指标值", "专项名称",
              "资金名称", "二级指标", "产出指标", "效益指标", "满意度指标", "指标名称")


def content_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if match_key(line)]


def to_number(text: Optional[str]) -> Optional[float]:
    if text is None:
        return None
    text = re.sub(r"[\s,，]", "", str(text))
    return float(text) if _NUMBER.match(text) else None


def has_form_words(lines: list[str]) -> bool:
    text = re.sub(r"\s+", "", "".join(match_key(line) for line in lines))
    return any(word in text for word in FORM_WORDS)
