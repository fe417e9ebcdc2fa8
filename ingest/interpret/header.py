"""The indicator table's header: found by its text, each column given a role through the alias table.

A header is a run of tokens whose texts are header aliases (一级指标, 二级指标, 三级指标 / 指标名称, 指标值 /
目标值, 指标性质, 度量单位, 分值, 实际完成值 …). Adjacent pieces of one header cell are joined (``一级`` +
``指标``, ``绩效指标`` + ``描述``). Two header rows flattened into one run (``绩效指标 | 年度指标值 | 实际完成值 …
| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位``) are put back in column order: the children
of a group cell take its place. A role that appears twice means side-by-side column groups (中期 beside 年度):
the second group gets its own target set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ingest import taxonomy as tx
from ingest.caches import text_cache
from ingest.interpret.tokens import Token

LEVEL_ROLES = ("level1", "level2", "name")
VALUE_ROLES = ("op", "value", "unit")
_NON_CJK = re.compile(r"[^\u4e00-\u9fff()（）]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Slot:
    """One column of the indicator table: its role, its target set (0 first group, 1 second), its columns."""

    role: str
    group: int
    cols: tuple[int, ...]
    label: str

    def covers(self, col: Optional[int]) -> Optional[bool]:
        if col is None or not self.cols:
            return None
        return col in self.cols


@dataclass
class Header:
    slots: list[Slot]
    first: int  # token index of the first header token
    last: int  # token index of the last header token
    sets: tuple[str, ...] = ("annual",)  # target set of each group: annual / mid
    extra_cols: list[int] = field(default_factory=list)

    def roles(self) -> list[str]:
        return [s.role for s in self.slots]


@text_cache(maxsize=65536)
def role_of(text: str) -> Optional[str]:
    role = tx.header_role_of(text)
    if role is None:
        stripped = _NON_CJK.sub("", text)
        if stripped and stripped != text:
            role = tx.header_role_of(stripped)
    return role


def read_header(tokens: list[Token], start: int, limit: int) -> Optional[Header]:
    """The header starting at ``tokens[start]`` (before ``limit``), or None when no header starts there."""
    items: list[tuple[str, Token, str, tuple[int, ...]]] = []  # (role, first token, label, columns)
    i = start
    last_index = start
    while i < limit:
        token = tokens[i]
        own = role_of(token.text)
        role, width, label = own, 1, token.text
        if i + 1 < limit:
            following = tokens[i + 1]
            joined_role = role_of(token.text + following.text)
            if joined_role and (role_of(following.text) is None
                                or (joined_role != own and joined_role != "group")) \
                    and not (joined_role == own and not _CJK.search(following.text)):
                # (分值 then the first row's number 1 on the next row: not one header cell)
                role, width, label = joined_role, 2, token.text + following.text
        if role is None:
            if not _unnamed_column(tokens, i, items):
                break
            role, width, label = "other", 1, token.text
        cols = _cols(token)
        if width == 2 and cols and tokens[i + 1].col is not None and tokens[i + 1].col > cols[-1]:
            cols = tuple(range(cols[0], tokens[i + 1].col + 1))
        items.append((role, token, label, cols))
        last_index = tokens[i + width - 1].index
        i += width
    items = _graded(items)
    if sum(1 for it in items if it[0] == "level1") > 1:
        # 一级指标 … 指标类型: beside a level-1 column, 指标类型 is the kind column (定量 / 定性), as 指标性质
        items = [("op",) + it[1:] if it[0] == "level1" and tx.is_kind_header(it[2]) else it for it in items]
    roles = [it[0] for it in items]
    if not roles or set(roles) == {"group"}:
        return None
    if "value" not in roles and "name" in roles and "other" in roles[roles.index("name"):]:
        # 三级指标 | 计划值: with no column the aliases call the value, the first column they do not know after the
        # indicator's name holds it (a template's own word for it)
        k = roles.index("other", roles.index("name"))
        items[k] = ("value",) + items[k][1:]
        roles[k] = "value"
        # 笏石街道办 | 埭头镇: columns named after places hold one value each, the others kept as further values
        while tx.is_place_name(items[k][2]) and k + 1 < len(items) and roles[k + 1] == "other" \
                and tx.is_place_name(items[k + 1][2]):
            k += 1
            items[k] = ("extra",) + items[k][1:]
            roles[k] = "extra"
    if "value" not in roles and "name" in roles:
        # columns named after places or units (西坪镇尧山村 | 桃舟乡吾培村 …) hold one value each: the first is read
        # as the value, the others are kept as further values
        areas = _area_columns(tokens, i, limit)
        for k, token in enumerate(areas):
            items.append(("value" if k == 0 else "extra", token, token.text, _cols(token)))
            last_index = token.index
        roles = [it[0] for it in items]
    if "name" not in roles and "group" in roles and "level1" in roles:
        # 绩效指标分类 | 绩效指标 | 绩效指标描述: "绩效指标" names the indicator column here
        for k, (r, tok, label, cols) in enumerate(items):
            if r == "group" and k > roles.index("level1"):
                items[k] = ("name", tok, label, cols)
                break
    roles = [it[0] for it in items]
    if not (("name" in roles or "level2" in roles or "level1" in roles) and "value" in roles):
        if not ("name" in roles and len(set(roles)) >= 2 and ("weight" in roles or "description" in roles)):
            return None
    if "name" in roles and "level1" not in roles and "level2" not in roles and "group" in roles \
            and roles.index("group") < roles.index("name"):
        # 绩效指标 | 三级指标 | 指标值: the column under 绩效指标 holds the categories (产出指标, 产出指标-数量指标)
        k = roles.index("group")
        items[k] = ("level1",) + items[k][1:]
    slots = _order(items)
    if "name" not in [s.role for s in slots] and "level2" in [s.role for s in slots]:
        at = max(k for k, s in enumerate(slots) if s.role == "level2")
        s = slots[at]
        slots.insert(at + 1, Slot("name", s.group, tuple(c + 1 for c in s.cols), "(三级指标)"))
    return Header(slots=slots, first=items[0][1].index, last=last_index)


def _unnamed_column(tokens: list[Token], i: int, items: list) -> bool:
    """A header cell the alias table does not know (数据来源, 评价方法, 考核要点 …) between or after known ones in
    the same row of a grid with columns: a column of its own (role ``other``, kept with the remarks under its
    name), not the first row of the table."""
    token, before = tokens[i], tokens[i - 1] if i else None
    known = [it[0] for it in items if it[0] not in ("group", "other")]
    if before is None or len(known) < 2 or token.kind not in ("SHORT", "TEXT") or len(token.key) > 12 \
            or any(ch.isdigit() for ch in token.key):
        return False
    if token.col is not None:
        return token.row == before.row and not token.first_in_row \
            and any(it[1].row == token.row for it in items if it[0] != "other")
    # no columns (a cell per line, run together): a short word or two right after the header's words, then the
    # table's first level label or another header word
    if len(token.key) > 6 or not ("value" in known or "name" in known):
        return False
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if following is not None and role_of(following.text) is None and following.kind == "SHORT" \
            and len(following.key) <= 6 and not any(ch.isdigit() for ch in following.key):
        following = tokens[i + 2] if i + 2 < len(tokens) else None  # two such words
    return following is not None and (following.kind in ("L1", "L12") or role_of(following.text) is not None)


def _graded(items: list[tuple[str, Token, str, tuple[int, ...]]]) -> list[tuple[str, Token, str, tuple[int, ...]]]:
    """评价标准 over 优 | 良 | 中 | 差: the grades take the standard's place; the best grade is the target value."""
    grades = [it for it in items if it[0] == "grade"]
    if not grades:
        return items
    out = []
    for it in items:
        if it[0] == "grade":
            continue
        if it[0] == "standard" and grades:
            out.extend((("value" if k == 0 else "extra"),) + g[1:] for k, g in enumerate(grades))
            grades = []
        else:
            out.append(it)
    return out + [(("value" if k == 0 else "extra"),) + g[1:] for k, g in enumerate(grades)]


def _area_columns(tokens: list[Token], start: int, limit: int) -> list[Token]:
    """Short column labels right after a header that has no value column (names of places or units)."""
    out: list[Token] = []
    for token in tokens[start:limit]:
        if token.kind not in ("SHORT", "TEXT") or len(token.key) > 12 or role_of(token.text) is not None:
            break
        out.append(token)
    return out


def _order(items: list[tuple[str, Token, str, tuple[int, ...]]]) -> list[Slot]:
    """Slots in column order, two flattened header rows put back together, groups numbered."""
    roles = [it[0] for it in items]
    split = None
    seen_value = seen_level = False
    for k, role in enumerate(roles):
        if role in ("value", "actual", "weight", "score"):
            seen_value = True
        elif role in LEVEL_ROLES and seen_value and (roles[k - 1] not in LEVEL_ROLES + VALUE_ROLES
                                                     or (not seen_level and "group" in roles[:k])):
            # the upper row ends in a column of its own (实际完成值, 得分), or holds only a group cell and the value
            # (绩效指标 over 一级 | 二级 | 三级, 指标值 merged down): the level columns are the lower row's
            split = k
            break
        if role in LEVEL_ROLES:
            seen_level = True
    if split is not None:
        upper, lower = items[:split], items[split:]
        children_levels = [it for it in lower if it[0] in LEVEL_ROLES]
        children_values = [it for it in lower if it[0] in VALUE_ROLES]
        rest = [it for it in lower if it[0] not in LEVEL_ROLES + VALUE_ROLES]
        merged: list[tuple[str, Token, str, tuple[int, ...]]] = []
        used_levels = used_values = False
        for it in upper:
            if it[0] == "group" and not used_levels and children_levels:
                merged.extend(children_levels)
                used_levels = True
            elif it[0] == "value" and not used_values and children_values:
                merged.extend(children_values)
                used_values = True
            else:
                merged.append(it)
        if not used_levels:
            merged = children_levels + merged
        if not used_values:
            merged.extend(children_values)
        items = merged + rest
    slots: list[Slot] = []
    seen: dict[str, int] = {}
    group = 0
    for role, _token, label, cols in items:
        if role == "group":
            slots.append(Slot(role, group, cols, label))
            continue
        if role in seen and role in ("level2", "name", "value") and seen[role] == group:
            group += 1
        seen[role] = group
        slots.append(Slot(role, group, cols, label))
    return slots


def _cols(token: Token) -> tuple[int, ...]:
    if token.col is None:
        return ()
    return tuple(range(token.col, token.col + max(1, token.cell.colspan)))


def widen_spans(header: Header) -> None:
    """Give each slot the blank columns to its right up to the next slot (a merged header cell)."""
    with_cols = [s for s in header.slots if s.cols]
    for slot, following in zip(with_cols, with_cols[1:]):
        end = following.cols[0]
        if end > slot.cols[-1] + 1:
            slot.cols = tuple(range(slot.cols[0], end))


def find_headers(tokens: list[Token]) -> list[Header]:
    """Every indicator header in the token list, in order."""
    headers: list[Header] = []
    i = 0
    n = len(tokens)
    while i < n:
        if role_of(tokens[i].text) is not None:
            header = read_header(tokens, i, n)
            if header is not None:
                headers.append(header)
                i = header.last + 1
                continue
        i += 1
    return headers
