"""Tokens: the filled cells of a grid in reading order, each with what its text looks like.

The interpreter never asks which layout family made the grid. It reads tokens: a filled cell, where it stands
(row, column, first in its row, alone in its row) and a *content class* from the vocabulary and the target-value
grammar (a level-1 label, a level-2 label, a target value, a bare number, an operator, a unit, a short or long
text …). Row breaks and columns are evidence, weighed against the content, never rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ingest import taxonomy as tx
from ingest.caches import text_cache
from ingest.grid import Cell, Grid
from ingest.textnorm import clean_text, normalise_label, strip_qualifiers
from ingest.qualitative import is_qualitative_value
from ingest.values import TABLES, match_unit, parse_target

# Content classes
L1, L2, L12, GROUP, NUM, TARGET, SHORT, PH, TEXT, DESC, OP, UNIT, NOISE, LX, BASIS = (
    "L1", "L2", "L12", "GROUP", "NUM", "TARGET", "SHORT", "PH", "TEXT", "DESC", "OP", "UNIT", "NOISE", "LX", "BASIS")
# LX: a label the vocabulary does not know but that reads like a category (制度指标): it may fill a level column
# BASIS: what a 绩效标准 / 指标值确定依据 / 备注 column prints (计划标准, 核心指标, 根据年度工作计划确定)

QUANTIFIED = ("percent", "count", "money", "deadline", "duration", "number")
_NUM = re.compile(r"^[-+]?\d+(?:\.\d+)?$")
_OP_CELLS = frozenset({"≥", "≤", "=", ">", "<", ">=", "<=", "定性", "定量", "大于等于", "小于等于", "等于", "大于",
                       "小于", "正向", "反向", "不低于", "不高于"})
_CATEGORY_NOTE = re.compile(r"[(（](?:定量|定性)指标[)）]$")
_DESC_START = ("反映", "用于反映", "考察", "衡量", "体现", "说明")
_CJK = re.compile(r"[\u3400-\u9fff]")
_DIGIT = re.compile(r"\d")
_STARTS_WITH_OP = re.compile(r"^[≥≤=<>]")
_OP_NUMBER = re.compile(r"^[≥≤<>]=?\d")
_ENDS_WITH_NUMBER = re.compile(r"\d\s*[%％]?\D{0,4}$")


@dataclass(slots=True)
class Token:
    cell: Cell
    index: int  # position in the document's token list
    row: int  # index of the grid row
    first_in_row: bool
    last_in_row: bool
    alone: bool
    kind: str
    text: str  # cleaned display text
    at_end: bool = False  # in the last row of the grid (a file cut off ends in the middle of a row)

    @property
    def key(self) -> str:
        return self.cell.key

    @property
    def col(self) -> Optional[int]:
        return self.cell.col

    @property
    def line(self) -> int:
        return self.cell.line_start


@text_cache(maxsize=200_000)
def content_class(key: str) -> str:
    """The content class of a cell's match key."""
    norm = normalise_label(key)
    if not norm or tx.is_noise(key):
        return NOISE
    is1, is2 = tx.level1_of(key), tx.level2_of(key)
    if is1 and is2:
        return L12
    if is1:
        return L1
    if is2:
        return L2
    if tx.split_levels(key):
        return L1  # both levels in one cell (产出指标-数量指标): opens its level-1 block, the level-2 read from it
    role = tx.header_role_of(key)
    if role == "group":
        return GROUP
    compact = key.replace(" ", "")
    if compact in _OP_CELLS or tx.is_answer_type(compact):
        return OP
    if compact in TABLES.unit_kind or compact in ("%", "％") or ("/" in compact and match_unit(compact, 0) == compact):
        return UNIT  # also a rate unit in a 度量单位 column (元/人/月)
    if _NUM.match(compact.replace(",", "")):
        return NUM
    if compact.startswith(_DESC_START):
        return DESC
    if tx.is_basis_phrase(compact):
        return BASIS
    if _OP_NUMBER.match(compact) and _ENDS_WITH_NUMBER.search(compact):
        # ≥0.85援助案件完成率达85%以上: a target and its words, whole (they end with a number, its unit or 以上),
        # never a name — names begin otherwise; a part cut before its end (≥0.6当年结案…发放) stays text
        return TARGET
    cjk = len(_CJK.findall(compact))
    if cjk <= 8 or len(compact) <= 12:  # longer texts are neither targets nor placeholders, whatever they say
        target = parse_target(compact)
        if target.kind in QUANTIFIED and (cjk <= 6 or len(compact) <= 10) \
                and "text_before_number" not in target.flags:
            return TARGET
        if target.kind in QUANTIFIED and cjk <= 8 and _STARTS_WITH_OP.match(compact):
            return TARGET
        if target.kind == "placeholder" and len(compact) <= 12:
            return PH
    if compact.endswith("指标") and 3 <= len(compact) <= 5 and not _DIGIT.search(compact):
        return LX
    if _CATEGORY_NOTE.search(compact) and len(compact) <= 20 and not _DIGIT.search(compact):
        return NOISE  # 项目年度绩效目标(定量指标): a category cell of the form, neither a level nor an indicator
    if len(compact) <= 8 and not _DIGIT.search(compact):
        return SHORT
    if len(compact) <= 16 and not _DIGIT.search(compact) and is_qualitative_value(compact):
        return SHORT  # 严格执行相关制度规定, 支出金额控制在预算额度内: a qualitative target of the vocabulary
    return TEXT


def is_level_label(kind: str) -> bool:
    return kind in (L1, L2, L12)


def tokenize(grid: Grid) -> list[Token]:
    """The filled cells of ``grid`` in reading order."""
    tokens: list[Token] = []
    append = tokens.append
    for r, row in enumerate(grid.rows):
        filled = row.filled()
        last = len(filled) - 1
        for i, cell in enumerate(filled):
            # Token(cell, index, row, first_in_row, last_in_row, alone, kind, text)
            append(Token(cell, len(tokens), r, i == 0, i == last, last == 0, content_class(cell.key),
                         clean_text(cell.text)))
    for token in reversed(tokens):
        if token.row != tokens[-1].row:
            break
        token.at_end = True
    for token, following in zip(tokens, tokens[1:]):
        if token.kind == L12:
            token.kind = _resolve_ambiguous(token, following)
        elif token.kind == L2 and following.row == token.row and following.key == token.key \
                and (tx.parent_of(tx.level2_of(token.key) or "") or "-").replace("指标", "") in token.key:
            token.kind = L1  # 产出数量指标 | 产出数量指标: a label naming both levels, printed in both columns
    if tokens and tokens[-1].kind == L12:
        tokens[-1].kind = L2
    for before, token, after in zip(tokens, tokens[1:], tokens[2:]):
        # 服务对象满意度指标 | 服务对象满意度 | 100%: a name that names its own category, right after the category
        # label and before its value (in a stream of cells, where no column says so)
        if before.kind in (L2, L12) and token.kind == L2 and token.key != before.key \
                and tx.level2_of(token.key) == tx.level2_of(before.key) and after.kind in (TARGET, NUM, PH) \
                and token.col is None:
            token.kind = TEXT
    return tokens


def _resolve_ambiguous(token: Token, following: Token) -> str:
    """成本指标 is the level-1 category (newer template) only when a cost category (经济/社会/生态环境成本指标)
    follows it; otherwise it is the level-2 category under 产出指标 (older template)."""
    child = tx.level2_of(following.key) if following.kind in (L2, L12) else None
    level1 = tx.level1_of(token.key)
    return L1 if child and tx.parent_of(child) == level1 else L2


def label_key(text: str) -> str:
    """A label as compared with the vocabulary, qualifiers removed (for messages and matching)."""
    return strip_qualifiers(normalise_label(text))
