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
from functools import lru_cache
from typing import NamedTuple, Optional, Sequence

from ingest import taxonomy as tx
from ingest.grid import Cell, ParseWarning, Row, match_key
from ingest.readers.families.common import has_form_words, is_target_value
from ingest.qualitative import is_qualitative_value
from ingest.values import TABLES

# the numbering styles of Chinese documents: 一、 / （一） / 1. 1、 1) / （1） / ①
_STYLES = (("cn", r"[一二三四五六七八九十]+\s*[、.．]"), ("cn_paren", r"[（(]\s*[一二三四五六七八九十]+\s*[)）]"),
           ("num", r"\d{1,2}\s*[、.．)）](?!\d)"), ("num_paren", r"[（(]\s*\d{1,2}\s*[)）]"), ("circled", r"[①-⑳]"))
_NUMBERED = re.compile(r"^\s*(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _STYLES) + r")\s*")
# a list's bullet (- * + before a space; • · ● ○ ■ □ ◆ ◇ ▪ ► ▶ ➢ ❖ √ before anything)
_BULLET = re.compile(r"^\s*(?:[-*+](?=\s)|[•·●○◦■□◆◇▪▫►▶➢❖√])\s*(?=\S)")
_COLON = re.compile(r"\s*[:：]\s*")
_GAP = re.compile(r"(?:\s{2,}|\t|\u3000)+")  # a value set apart by spaces or a tab on an item's line


def _indent(line: str) -> int:
    """The width of a line's indentation (a tab four, a full-width space two)."""
    if not line[:1].isspace():
        return 0
    stripped = line.lstrip()
    return sum(4 if ch == "\t" else 2 if ch == "\u3000" else 1 for ch in line[:len(line) - len(stripped)])


def _numbered(line: str) -> tuple[Optional[str], str]:
    """(numbering style, the text after the number) of a line, or (None, the line). A bulleted line's style is
    its bullet's indentation (a nested list's levels: ``bullet0``, ``bullet2`` …)."""
    match = _NUMBERED.match(line)
    if not match:
        bullet = _BULLET.match(line)
        if bullet:
            return f"bullet{_indent(line)}", line[bullet.end():].strip()
        return None, line.strip()
    return match.lastgroup, line[match.end():].strip()


@lru_cache(maxsize=65536)  # asked of every line of every text by the score
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


class _Entry(NamedTuple):
    """A line with text, classified (:func:`_entries`)."""

    line: int  # its index
    kind: str  # heading, item, value (a line an item above took as its value), other
    style: Optional[str] = None  # a heading's or item's numbering style (its indentation where it has no number)
    text: str = ""  # a heading's label, an item's name, the line's text
    value: str = ""  # an item's value
    value_line: Optional[int] = None  # the index of the line the value stands on
    listed: bool = False  # under a level heading, or indented: an unnumbered line there may be an item


def _styles(entries: list[_Entry]) -> dict[str, str]:
    """The level each numbering style gives a heading: the level of its headings that only one level can be."""
    votes: dict[str, dict[str, int]] = {}
    for entry in entries:
        style, text = entry.style, entry.text
        level = _level(text) if entry.kind == "heading" else None
        if level and level[0] != level[1]:
            role = "level1" if level[0] else "level2"
            votes.setdefault(style, {}).setdefault(role, 0)
            votes[style][role] += 1
    return {style: max(roles, key=roles.get) for style, roles in votes.items()}


def _entries(lines: Sequence[str]) -> list[_Entry]:
    """Every line with text, classified. Kinds: ``heading`` (a level label: numbered, bulleted, or alone on its
    line, its indentation its style), ``item`` (numbered or bulleted; or, under a heading, a name and its value
    after a colon, after spaces or a tab, or on the next line indented deeper: an outline or a list indented as a
    tree), ``value`` (a line an item above took as its value), ``other`` (titles, the form's fields, notes)."""
    numbered = _numbered_all(lines)
    filled = [k for k, line in enumerate(lines) if match_key(line)]
    indents = {k: _indent(lines[k]) for k in filled}
    out: list[_Entry] = []
    taken: set[int] = set()
    under_level = False  # after a level heading: an unnumbered line with a value is an item too
    # a value after spaces or a tab makes an item only where no line holds three pieces so apart (a table's rows
    # in columns: 数量指标  指标1.药品抽验品种  ≥3, its header 二级指标  三级指标  指标值)
    gapped = sum(1 for k in filled if len(_GAP.split(lines[k].strip())) >= 3) < 2
    for at, k in enumerate(filled):
        if k in taken:
            out.append(_Entry(k, "value", text=lines[k].strip(), listed=under_level))
            continue
        line = lines[k]
        style, text = numbered[k]
        if style is None and _level(text):
            style = f"plain{indents[k]}"
        if style and _level(text):
            under_level = True
            out.append(_Entry(k, "heading", style, text, listed=True))
            continue
        following = filled[at + 1] if at + 1 < len(filled) else None
        if style:
            name, value = _item(text)
            below = None if value or following is None else _value_below(indents[k], lines[following],
                                                                          indents[following])
            if not value and below:
                name, value = text, below
                taken.add(following)
            out.append(_Entry(k, "item", style, name, value,
                              following if following in taken else (k if value else None), under_level))
            continue
        listed = under_level or indents[k] > 0  # under a heading, or indented as a list's items are
        if listed:
            pair = _unnumbered_item(line, gapped)
            below = _value_below(indents[k], lines[following], indents[following]) \
                if pair is None and following is not None else None
            if pair is None and below and _unnamed_label(text) and not is_target_value(text):
                pair = (text, below)
                taken.add(following)
            if pair:
                out.append(_Entry(k, "item", "none", pair[0], pair[1], following if following in taken else k, True))
                continue
        out.append(_Entry(k, "other", text=text, listed=listed))
    return _items_by_depth(lines, indents, out, gapped)


def _items_by_depth(lines: Sequence[str], indents: dict[int, int], entries: list[_Entry], gapped: bool
                    ) -> list[_Entry]:
    """In a list indented as a tree, the indentation its items share: where most of the unnumbered lines at one
    depth under the headings are items (a value found after a colon, spaces or on the next line), every line there
    is one — its value after spaces, on the next line indented deeper, or none — whatever the value's words
    (高效高质量提供援助, a name without a value)."""
    depths: dict[int, list[int]] = {}
    for at, entry in enumerate(entries):
        indent = indents[entry.line]
        if indent and entry.listed and ((entry.kind == "item" and entry.style == "none") or entry.kind == "other"):
            depths.setdefault(indent, []).append(at)
    shared = {d for d, ats in depths.items()
              if sum(1 for at in ats if entries[at].kind == "item") >= max(3, 0.6 * len(ats))}
    out: list[_Entry] = []
    skip: set[int] = set()
    for at, entry in enumerate(entries):
        k, text = entry.line, entry.text
        if at in skip:
            out.append(_Entry(k, "value", text=text))
            continue
        if entry.kind == "other" and entry.listed and indents[k] in shared and _unnamed_label(text):
            parts = _GAP.split(text) if gapped else [text]
            after = entries[at + 1] if at + 1 < len(entries) else None
            if len(parts) == 2:
                entry = _Entry(k, "item", "none", parts[0], parts[1], k)
            elif after and after.kind == "other" and indents[after.line] > indents[k] \
                    and not _level(after.text) and not _NUMBERED.match(lines[after.line]):
                entry = _Entry(k, "item", "none", text, after.text, after.line)
                skip.add(at + 1)
            else:
                entry = _Entry(k, "item", "none", text)
        out.append(entry)
    return out


def _value_below(indent: int, below: str, below_indent: int) -> Optional[str]:
    """The value an item's line (indented ``indent``) leaves to the next one, indented deeper (发放人数 / ⎵⎵=1人)."""
    if below_indent <= indent:
        return None
    text = below.strip()
    if _NUMBERED.match(below) or _BULLET.match(below) or _level(text):
        return None
    return text if is_target_value(text) or is_qualitative_value(text) else None


def build(lines: list[str]) -> tuple[list[Row], list[ParseWarning]]:
    entries = _entries(lines)
    styles = _styles(entries)
    rows: list[Row] = []
    for entry in entries:
        number, text = entry.line + 1, entry.text
        if entry.kind == "value":
            continue
        if entry.kind == "heading":
            level = _level(text)
            role = ("level1" if level[0] else "level2") if level[0] != level[1] else styles.get(entry.style, "level2")
            cells = [Cell(text.rstrip(":："), number, number, hint=role)]
        elif entry.kind == "item":
            cells = [Cell(text, number, number, hint="name")]
            if entry.value:
                cells.append(Cell(entry.value, entry.value_line + 1, entry.value_line + 1, col=1, hint="value"))
        else:
            parts = _COLON.split(lines[entry.line].strip(), maxsplit=1)
            known = len(parts) == 2 and parts[1] and (tx.field_of(match_key(parts[0]))
                                                      or tx.funding_level_of(match_key(parts[0])))
            cells = [Cell(p, number, number) for p in parts] if known else [
                Cell(lines[entry.line].strip(), number, number)]
        end = max(c.line_end for c in cells)
        rows.append(Row(cells=cells, line_start=number, line_end=end))
    return rows, []


def _unnamed_label(text: str) -> bool:
    key = match_key(text)
    return not (tx.field_of(key) or tx.funding_level_of(key) or tx.header_role_of(key) or tx.is_other_label(key))


def _unnumbered_item(line: str, gapped: bool = True) -> Optional[tuple[str, str]]:
    """``法治文艺演出场次：=2场`` (or ``法治文艺演出场次  =2场``: spaces or a tab before the value) without a number: a
    name that is no label of the form, then a target value."""
    text = line.strip()
    splits = [_COLON.split(text, maxsplit=1)] + ([_GAP.split(text)] if gapped else [])
    for parts in splits:
        if len(parts) == 2 and len(parts[0]) >= 2 and _unnamed_label(parts[0]) and (
                is_target_value(parts[1]) or is_qualitative_value(parts[1])):
            return parts[0], parts[1]
    return None


_INNER_GAP = re.compile(r"\S\s+\S")
_CELL_MARKS = re.compile(r"[|｜\t]")


def _could_be_outline(lines: Sequence[str]) -> bool:
    """Before the lines are classified: a level label heads a line of its own (numbered, bulleted, or alone and
    not after a tab: one cell per line puts a tab before each cell), or three lines are numbered, bulleted, or
    indented with spaces and a name and a value apart (a list with no level headings). A table's lines hold several
    cells."""
    marked = 0
    for line in lines:
        numbered = _NUMBERED.match(line) or _BULLET.match(line)
        text = line[numbered.end():].strip() if numbered else line.strip()
        if text and len(text) <= 20 and (numbered or not line.startswith("\t")) and not _INNER_GAP.search(text) \
                and _level(text):
            return True
        # numbered, bulleted, or indented with spaces and holding a name and a value (a list without headings)
        marked += bool(numbered) or line.startswith((" ", "\u3000")) and len(_GAP.split(text)) == 2 \
            and not _CELL_MARKS.search(text)
        if marked >= 3:
            return True
    return False


def score(lines: Sequence[str]) -> float:
    """The share of the text's lines that are level headings or items with a value; nothing without three such
    lines, a heading and an item among them, or three items whose values are targets (a short table's outline, a
    list of indicators with no level headings). Headings alone on their lines count only with three items or an
    indented one: a text of one cell per line has level labels alone on their lines too."""
    if not has_form_words(lines) or not _could_be_outline(lines):
        return 0.0
    entries = _entries(lines)
    content = len(entries)
    headings = plain = items = targets = indented = 0
    for entry in entries:
        if entry.kind == "heading":
            headings += 1
            plain += entry.style.startswith("plain")
        elif entry.kind == "item" and entry.value:
            items += 1
            targets += is_target_value(entry.value)
            indented += bool(_indent(lines[entry.line]))
    if plain and items < 3 and not indented:
        headings -= plain
    if not (headings and items and headings + items >= 3 or targets >= 3):
        return 0.0
    explained = headings + items + sum(1 for e in entries if e.kind == "value")
    return min(1.0, 1.5 * explained / content) if content else 0.0
