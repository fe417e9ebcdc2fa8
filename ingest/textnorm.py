"""Text clean-up shared by the interpreter: wrap artefacts, HTML tags, label normalisation."""

from __future__ import annotations

import re
from functools import lru_cache

CJK = "\u3400-\u9fff\uf900-\ufaff"
_CJK_OR_PUNCT = CJK + "，。；：、（）《》“”‘’！？%％·"
_GAP = re.compile(rf"(?<=[{_CJK_OR_PUNCT}])[ \t\u3000]+(?=[{_CJK_OR_PUNCT}])")
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
_SPACES = re.compile(r"[ \t\u3000\u00a0]+")
_REQUIRED = re.compile(r"[（(]\s*必\s*填\s*[)）]")
_UNIT_SUFFIX = re.compile(r"[（(]\s*(万元|元|%|％)\s*[)）]$")


def clean_text(text: str | None) -> str:
    """Text as a careful reader would copy it: tags removed, spaces folded, wrap gaps between CJK removed."""
    if not text:
        return ""
    text = _TAG.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    return _GAP.sub("", text)


@lru_cache(maxsize=65536)
def normalise_label(text: str | None) -> str:
    """The form of a label used for alias lookup: no spaces, no (必填), no 其中 prefix, no colon, no (万元)."""
    if not text:
        return ""
    text = _TAG.sub("", text)
    text = _REQUIRED.sub("", text)
    text = re.sub(r"\s+", "", text.replace("\u3000", ""))
    text = re.sub(r"^其中[:：]?", "", text)
    text = text.rstrip(":：")
    text = _UNIT_SUFFIX.sub("", text)
    return text
