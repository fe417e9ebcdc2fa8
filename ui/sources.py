"""The original lines of a source document, numbered, for a line range (1-based, inclusive).

The lines are the ones stored with the document when it was loaded (table ``source_lines``): the same lines the
parser numbered, whatever the file type, so a view never drifts from the line numbers and no file is read (or
decoded a second time) by the dashboard.

Document text is data: callers show the result with ``st.dataframe`` / ``st.code`` / ``st.text``, never as
Markdown or HTML. Personal numbers are masked here, so every view of the lines is masked.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

import pandas as pd

from ui.privacy import mask_personal

MARK = "▶"
COL_MARK = MARK
COL_LINE = "行号"
COL_TEXT = "原文"
TAB_SHOWN_AS = " │ "
_LINE_REF_RE = re.compile(r"第\s*(\d+)\s*行")


def shown_text(line: str) -> str:
    """A line as displayed: tabs (cell separators) shown as ``│``, trailing blanks dropped, phones masked."""
    return mask_personal(line.rstrip().replace("\t", TAB_SHOWN_AS))


def _marked(number: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(start <= number <= end for start, end in ranges)


def source_lines(lines: Sequence[str], start: int, end: int, marked: Sequence[tuple[int, int]] = (),
                 context: int = 0) -> pd.DataFrame:
    """Lines ``start - context`` .. ``end + context`` of a document (``lines``: its display lines as stored at load
    time, line 1 first) as a table: ``▶`` (marked rows), 行号, 原文."""
    first = max(1, int(start) - context)
    last = min(len(lines), int(end) + context)
    ranges = [(int(a), int(b)) for a, b in marked]
    rows = [
        (MARK if _marked(n, ranges) else "", n, shown_text(lines[n - 1]))
        for n in range(first, last + 1)
    ]
    return pd.DataFrame(rows, columns=[COL_MARK, COL_LINE, COL_TEXT])


# layouts whose meaning is where the text stands on the line: their original is shown unwrapped (scrolling
# sideways), so that the columns stay under their header
POSITIONAL_LAYOUTS = frozenset({"positioned", "space_columns", "indent_tree"})


def wrap_original(layout: Optional[str]) -> bool:
    """Whether the original text of a document read in ``layout`` is shown with its long lines wrapped."""
    return layout not in POSITIONAL_LAYOUTS


def numbered_text(lines: pd.DataFrame) -> str:
    """The rows of ``source_lines`` as plain text for ``st.code``: ``▶  171 │ …`` (marked rows) / ``   172 │ …``."""
    if lines.empty:
        return ""
    width = len(str(int(lines[COL_LINE].max())))
    return "\n".join(
        f"{mark or ' '} {int(n):>{width}} ┃ {text}"
        for mark, n, text in lines[[COL_MARK, COL_LINE, COL_TEXT]].itertuples(index=False, name=None)
    )


def line_references(text: str) -> list[int]:
    """Line numbers a parser warning refers to (``第 136 行`` / ``第 303 行起``)."""
    return [int(m.group(1)) for m in _LINE_REF_RE.finditer(text or "")]


# ---------------------------------------------------------------------------------------------------------------
# The rows a table-level review finding is about
# ---------------------------------------------------------------------------------------------------------------

PLAN_RULES = ("plan_decreasing", "plan_not_complete", "plan_back_loaded")
FUNDING_RULES = ("funding_mismatch",)
GOAL_RULES = ("goal_missing",)
# Keywords of the form's rows, found in the table's own lines (the layouts differ; the words do not).
PLAN_WORDS = ("资金支出计划", "支出计划", "支出进度")
FUNDING_WORDS = ("年度资金总额", "资金总额", "项目资金", "预算数", "资金来源", "其中", "中央", "省级", "市级", "区级",
                 "县级", "本级", "财政", "其他资金", "自筹")
GOAL_WORDS = ("年度绩效目标", "年度目标", "绩效目标")
INDICATOR_WORDS = ("一级指标", "绩效指标")
_NUMBER_RE = re.compile(r"-?\d+(?:\.\d+)?")
SPAN = 24  # lines after a row's label searched for its values


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def _numbers(text: str) -> set[float]:
    return {round(float(m), 4) for m in _NUMBER_RE.findall(text.replace(",", ""))}


def _first(lines: Sequence[str], start: int, end: int, words: Sequence[str]) -> Optional[int]:
    for n in range(start, end + 1):
        text = _squash(lines[n - 1])
        if any(w in text for w in words) and "目标表" not in text:
            return n
    return None


def finding_rows(lines: Sequence[str], start: int, end: int, rule_id: str, *,
                 plan_periods: Sequence[str] = (), plan_values: Sequence[float] = (),
                 funding_labels: Sequence[str] = ()) -> list[tuple[int, int]]:
    """The line range(s) of the table ``start``..``end`` that a table-level finding of ``rule_id`` is about: the
    spending plan rows (label, periods, values), the funding rows (labels as printed and their amounts), the goal,
    or the head of the indicator table; empty when they cannot be found (then the whole table is shown).

    ``lines`` are the document's lines (``read_lines``); line numbers are 1-based and inclusive."""
    end = min(end, len(lines))
    if start < 1 or start > end:
        return []
    if rule_id in PLAN_RULES:
        head = _first(lines, start, end, PLAN_WORDS)
        if head is None:
            return []
        wanted = {round(float(v), 4) for v in plan_values if v is not None and v == v}
        last = head
        for n in range(head + 1, min(end, head + SPAN) + 1):
            text = lines[n - 1]
            if any(p and p in text for p in plan_periods) or (wanted and _numbers(text) & wanted):
                last = n
        return [(head, last)]
    if rule_id in FUNDING_RULES:
        words = tuple(_squash(w) for w in funding_labels if w) + FUNDING_WORDS
        stop = PLAN_WORDS + GOAL_WORDS + INDICATOR_WORDS
        hits = []
        for n in range(start, end + 1):
            text = _squash(lines[n - 1])
            if hits and any(w in text for w in stop):
                break
            if any(w in text for w in words):
                hits.append(n)
        if not hits:
            return []
        first, last = hits[0], hits[-1]
        after = _squash(lines[last]) if last < end else ""
        if after and _numbers(after) and not any(w in after for w in words + stop):
            last += 1  # the amount on the line after its label (one cell per line)
        return [(first, min(last, first + SPAN))]
    if rule_id in GOAL_RULES:
        n = _first(lines, start, end, GOAL_WORDS)
        return [(n, n + 1 if n < end and _squash(lines[n - 1]) in GOAL_WORDS else n)] if n else []
    n = _first(lines, start, end, INDICATOR_WORDS)
    return [(n, n)] if n else []
