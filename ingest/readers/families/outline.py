"""A numbered outline (``numbered_outline``): the indicators written as a document's headings and items, no table::

    项目名称：法治宣传经费
    年度资金总额：10.4万元
    一、产出指标
    （一）数量指标
    1.法治文艺演出场次：=2场
    2.开展专项法治宣传活动次数 ≥1次
    （二）质量指标
    1.宣传区域覆盖率：100%

What target tables written up in Word look like. A numbered heading whose words are a level of the vocabulary is
that level (a heading both levels could be, 成本指标, takes the level its numbering style has elsewhere in the
text); a numbered item is an indicator, its value after a colon or after its last space when that is a target
value (a qualitative value after a colon: 提升), or introduced by words (``，目标值≥95%``), in brackets at the end
(``（=2场）``) or fused to the name with its operator (``场次=2场``); under a level heading, a line ``name：value``
without a number is an item too. Each becomes a cell with its role as a hint, read with the implied header
一级 | 二级 | 三级 | 指标值; the form's fields (``项目名称：…``) become a label and its content.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from ingest import taxonomy as tx
from ingest.grid import Cell, ParseWarning, Row, match_key
from ingest.readers.families.common import content_lines, has_form_words, is_target_value
from ingest.qualitative import is_qualitative_value
from ingest.values import TABLES

# the numbering styles of Chinese documents: 一、 / （一） / 1. 1、 1) / （1） / ①
_STYLES = (("cn", r"[一二三四五六七八九十]+\s*[、.．]"), ("cn_paren", r"[（(]\s*[一二三四五六七八九十]+\s*[)）]"),
           ("num", r"\d{1,2}\s*[、.．)）](?!\d)"), ("num_paren", r"[（(]\s*\d{1,2}\s*[)）]"), ("circled", r"[①-⑳]"))
_NUMBERED = re.compile(r"^\s*(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _STYLES) + r")\s*")
_COLON = re.compile(r"\s*[:：]\s*")


def _numbered(line: str) -> tuple[Optional[str], str]:
    """(numbering style, the text after the number) of a line, or (None, the line)."""
    match = _NUMBERED.match(line)
    if not match:
        return None, line.strip()
    return match.lastgroup, line[match.end():].strip()


def _level(text: str) -> Optional[tuple[bool, bool]]:
    """Whether ``text`` (a heading, a colon after it allowed) is a level-1 and/or a level-2 label."""
    key = match_key(text.rstrip(":："))
    one, two = bool(tx.level1_of(key)), bool(tx.level2_of(key))
    return (one, two) if one or two else None


def _item(text: str) -> tuple[str, str]:
    """An item's name and value: after its last colon when what follows is a value, a unit alone or nothing; else
    the longest end after a space that is a target value, or the last word after a space when it is a qualitative
    value of the vocabulary or the only one; else after the first colon (a name may carry a colon of its own:
    指标1:机柜数量)."""
    colons = [c for c in _COLON.finditer(text) if c.start() > 0 and not tx.field_of(match_key(text[:c.start()]))]
    if colons:
        name, value = text[:colons[-1].start()], text[colons[-1].end():]
        if not value or is_target_value(value) or is_qualitative_value(value) or value.strip() in TABLES.unit_kind:
            return name, value
    pieces = text.split()
    for k in range(1, len(pieces)):  # the longest end of spaced pieces that is a target (≥30 人, 2024 年底)
        value = " ".join(pieces[k:])
        if is_target_value(value):
            return " ".join(pieces[:k]), value
    if len(pieces) >= 2 and (is_qualitative_value(pieces[-1]) or len(pieces) == 2):
        return " ".join(pieces[:-1]), pieces[-1]
    if colons:
        return text[:colons[0].start()], text[colons[0].end():]
    return _item_in_words(text)


# a value introduced by words (…，目标值≥95%, …年度指标值为100%) or in brackets at the end (…场次（=2场）); a value
# fused to its name, when it opens with an operator (…场次=2场, …满意度≥80%)
_VALUE_WORDS = re.compile(r"[，,；;]?\s*(?:年度)?(?:目标值|指标值|目标)\s*(?:为|是|达到)?\s*"
                          r"(?P<value>[^，,；;]+?)[。.]?$")
_BRACKETED = re.compile(r"\s*[（(](?P<value>[^（）()]+)[)）]\s*[。.]?$")
_FUSED = re.compile(r"(?<=[\u4e00-\u9fff)）])(?P<value>[≥≤≧≦=＝<>＞＜][^≥≤≧≦=＝<>＞＜]*)$"
                    r"|(?<=[率度])(?P<share>\d+(?:\.\d+)?\s*[%％])$")  # …参与率100%: a share after a rate's name


def _item_in_words(text: str) -> tuple[str, str]:
    for pattern in (_VALUE_WORDS, _BRACKETED, _FUSED):
        found = pattern.search(text)
        value = found and (found.groupdict().get("value") or found.groupdict().get("share"))
        if value and found.start() >= 2 and (is_target_value(value) or is_qualitative_value(value)):
            return text[:found.start()].rstrip("，,；; "), value.strip()
    return text, ""


_NEXT_BEFORE_DIGIT = re.compile(r"^\s*(\d{1,2})\s*[、.．]\s*(?=\d)")


def _numbered_all(lines: Sequence[str]) -> list[tuple[Optional[str], str]]:
    """(numbering style, text) of every line, in order. An item number right before a digit (2.7 岁以下儿童…, which
    alone reads as a decimal) numbers the item where it is the next in the list: the one after the item above, or
    1 right under a heading (1.5000吨稻谷…)."""
    out: list[tuple[Optional[str], str]] = []
    last = 0  # the number of the last numbered item (0 after a heading)
    headed = False  # a numbered heading came before (the first item under it is 1)
    for line in lines:
        style, text = _numbered(line)
        if style is None:
            found = _NEXT_BEFORE_DIGIT.match(line)
            if found and (last or headed) and int(found.group(1)) == last + 1:
                style, text = "num", line[found.end():].strip()
        if style == "num":
            number = re.match(r"\s*(\d+)", line)
            last = int(number.group(1)) if number else last
        elif style is not None:
            last, headed = 0, True
        out.append((style, text))
    return out


def _styles(lines: Sequence[str]) -> dict[str, str]:
    """The level each numbering style gives a heading: the level of its headings that only one level can be."""
    votes: dict[str, dict[str, int]] = {}
    for style, text in _numbered_all(lines):
        level = _level(text) if style else None
        if level and level[0] != level[1]:
            role = "level1" if level[0] else "level2"
            votes.setdefault(style, {}).setdefault(role, 0)
            votes[style][role] += 1
    return {style: max(roles, key=roles.get) for style, roles in votes.items()}


def build(lines: list[str]) -> tuple[list[Row], list[ParseWarning]]:
    styles = _styles(lines)
    rows: list[Row] = []
    under_level = False  # after a level heading: a line name：value without a number is an item too
    for number, (line, (style, text)) in enumerate(zip(lines, _numbered_all(lines)), 1):
        if not match_key(line):
            continue
        if style is None and under_level and _unnumbered_item(line):
            style, text = "none", line.strip()
        level = _level(text) if style else None
        under_level = under_level or bool(level)
        if level:
            role = ("level1" if level[0] else "level2") if level[0] != level[1] else styles.get(style, "level2")
            cells = [Cell(text.rstrip(":："), number, number, hint=role)]
        elif style:
            name, value = _item(text)
            cells = [Cell(name, number, number, hint="name")]
            if value:
                cells.append(Cell(value, number, number, hint="value"))
        else:
            parts = _COLON.split(line.strip(), maxsplit=1)
            known = len(parts) == 2 and parts[1] and (tx.field_of(match_key(parts[0]))
                                                      or tx.funding_level_of(match_key(parts[0])))
            cells = [Cell(p, number, number) for p in parts] if known else [Cell(line.strip(), number, number)]
        rows.append(Row(cells=cells, line_start=number, line_end=number))
    return rows, []


def _unnamed_label(text: str) -> bool:
    key = match_key(text)
    return not (tx.field_of(key) or tx.funding_level_of(key) or tx.header_role_of(key) or tx.is_other_label(key))


def _unnumbered_item(line: str) -> bool:
    """``法治文艺演出场次：=2场`` without a number: a name that is no label of the form, a colon, a target value."""
    parts = _COLON.split(line.strip(), maxsplit=1)
    return len(parts) == 2 and len(parts[0]) >= 2 and _unnamed_label(parts[0]) and (
        is_target_value(parts[1]) or is_qualitative_value(parts[1]))


def score(lines: Sequence[str]) -> float:
    """The share of the text's lines that are numbered level headings or numbered items with a value; nothing
    without three such lines, a heading and an item among them, or three items whose values are targets (a short
    table's outline, a list of indicators with no level headings)."""
    if not has_form_words(lines):
        return 0.0
    content = content_lines(lines)
    headings = items = targets = 0
    for line, (style, text) in zip(content, _numbered_all(content)):
        if not style and headings and _unnumbered_item(line):
            style, text = "none", line.strip()
        if not style:
            continue
        if _level(text):
            headings += 1
        else:
            value = _item(text)[1]
            items += bool(value)
            targets += bool(value) and is_target_value(value)
    if not (headings and items and headings + items >= 3 or targets >= 3):
        return 0.0
    return min(1.0, 1.5 * (headings + items) / len(content))
