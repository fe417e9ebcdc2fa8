"""Text clean-up shared by the interpreter: wrap artefacts, label normalisation, joining cell fragments.

Matching never uses raw text: every comparison goes through :func:`ingest.grid.match_key` (NFKC, invisible marks
removed, spaces unified) and, for labels, :func:`normalise_label` on top of it.
"""

from __future__ import annotations

import html
import re

from ingest.caches import text_cache
from ingest.grid import match_key, strip_invisible

CJK = "\u3400-\u9fff\uf900-\ufaff"
_CJK_OR_PUNCT = CJK + "，。；：、（）《》“”‘’！？%％·"
_GAP = re.compile(rf"(?<=[{_CJK_OR_PUNCT}])[ \t\u3000\u00a0]+(?=[{_CJK_OR_PUNCT}])")
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_REQUIRED = re.compile(r"[(（]\s*必\s*填[^()（）]*[)）]")
_UNIT_SUFFIX = re.compile(r"[(（]\s*(万元|元|%|％)\s*[)）]$")
_QUALIFIER = re.compile(r"[(（][^()（）]*[)）]\s*分?")
_SCORE_SUFFIX = re.compile(r"\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)?分$")
_MARKERS = re.compile(r"[★☆*※▲△●◆#]+")
# a list number before a label: 一、产出指标, 1.数量指标, 二．效益指标 (a bracketed one, （一）, is a qualifier)
_LIST_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}|\d{1,2})[、.．](?!\d)")
_OF_WHICH = re.compile(r"^其中[:]?")
# joining cell fragments: a piece starting (or text ending) with one of these is joined without a space
_JOINS_AFTER = re.compile(rf"[{CJK}（）()《》“”，、。；：%]")
_JOINS_BEFORE = re.compile(rf"[{CJK}（）()《》“”，、。；：]$")
_CJK_OR_SPACE = re.compile(rf"[{CJK} ]+")


@text_cache(maxsize=65536)
def clean_text(text: str | None) -> str:
    """Text as a careful reader would copy it: HTML tags and entities of the extraction removed (decoded), spaces
    folded, wrap gaps between CJK characters removed, invisible marks dropped."""
    if not text:
        return ""
    text = strip_invisible(_TAG.sub("", text))
    if "&" in text:  # an HTML entity left by a page's text (&ge;95%, 完成&nbsp;时间)
        text = html.unescape(text)
    text = _SPACES.sub(" ", text).strip()
    return _GAP.sub("", text)


@text_cache(maxsize=65536)
def normalise_label(text: str | None) -> str:
    """The form of a label used for alias lookup: match key without spaces, (必填), 其中, colon or (万元)."""
    if not text:
        return ""
    text = match_key(_TAG.sub("", text))
    text = _REQUIRED.sub("", text)
    text = text.replace(" ", "")
    text = _OF_WHICH.sub("", text)
    text = text.strip(":")
    text = _UNIT_SUFFIX.sub("", text)
    return text.rstrip(":")


@text_cache(maxsize=65536)
def strip_qualifiers(label: str) -> str:
    """A normalised label without bracketed qualifiers, score suffixes and markers:
    ``产出指标(50分)`` → ``产出指标``, ``数量指标(或建筑规模指标)`` → ``数量指标``, ``★质量指标`` → ``质量指标``,
    ``一、产出指标`` → ``产出指标``."""
    text = _MARKERS.sub("", label)
    text = _LIST_NUMBER.sub("", text)
    text = _QUALIFIER.sub("", text)
    text = _SCORE_SUFFIX.sub("", text)
    return text.strip(":")


def join_fragments(parts: list[str]) -> str:
    """Join the pieces of one cell that the source spread over several cells or lines.

    PDF extraction puts a three-line cell ``A / B / C`` as ``"A C"`` in one column and ``B`` in the next, or repeats
    a cut-off first line (``"全年调处矛盾纠"`` + ``"全年调处矛盾纠纷成功率"``): both are repaired. Otherwise the
    pieces are joined directly between CJK characters and with a space elsewhere.
    """
    if not parts:
        return ""  # most columns of most records are blank
    return _join(tuple(parts))


@text_cache(maxsize=65536)
def _join(parts: tuple[str, ...]) -> str:
    """:func:`join_fragments` of a non-empty tuple (the same cells come back in every table of a form)."""
    pieces = [_SPACES.sub(" ", strip_invisible(_TAG.sub("", p))).strip() for p in parts if p and match_key(p)]
    if not pieces:
        return ""
    if len(pieces) == 2:
        first, second = pieces
        words = first.split(" ")
        if len(words) > 1 and all(w in second for w in words):
            return clean_text(second)
        if second.startswith(first) and len(first) >= 2:
            return clean_text(second)
        if len(words) == 2 and " " not in second and _CJK_OR_SPACE.fullmatch(first):
            return clean_text(words[0] + second + words[1])
    out = pieces[0]
    for piece in pieces[1:]:
        if _JOINS_AFTER.match(piece[0]) or _JOINS_BEFORE.search(out):
            out += piece
        else:
            out += " " + piece
    return clean_text(out)
